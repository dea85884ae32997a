"""The raad gets its monitor (issue 16, Done when): the coordinator builds the 1e kwartaal 2019 of
the demo history of Overbetuwe, marks it vastgesteld, and the PDF goes to the profile's verzendlijst
(the console mail, here Django's outbox); beleid downloads the same PDF and the CSV; the PDF's text
holds every team name and every figure of the leefgebied × team table, without an English decimal
point anywhere."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from monitor import demo, testdata
from monitor.models import MonitorRapport
from monitor.opmaak import getal
from monitor.weergave import weergave
from skt.profielen import profiel_laden

from .conftest import inloggen, nieuwe_pagina
from .test_monitor import celery_in_proces  # noqa: F401 (fixture)

pytestmark = pytest.mark.e2e

GRIFFIE = ["griffie@overbetuwe.example.invalid", "commissie-samenleving@overbetuwe.example.invalid"]
# A decimal point: a dot between digits with other than three digits after it (1.129 is Dutch for
# a thousand and more; 7.4 or 12.5 would be English).
ENGELSE_DECIMAAL = re.compile(r"(?<![\d.])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])")


@pytest.fixture
def historie(e2e_personas, settings, tmp_path, celery_in_proces):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path / "media"
    profiel_laden("overbetuwe-2019")
    van, tot, aantal = demo.HISTORIE
    testdata.maken(aantal, van=van, tot=tot, seed=demo.HISTORIE_SEED, prefix=demo.HISTORIE_PREFIX)
    return e2e_personas


def downloaden(pagina, link, map_) -> bytes:
    with pagina.expect_download() as download:
        link.click()
    pad = map_ / download.value.suggested_filename
    download.value.save_as(pad)
    return pad.read_bytes()


def test_coordinator_stelt_vast_en_de_raad_krijgt_de_pdf_beleid_downloadt_pdf_en_csv(
    pagina, browser, live_server, historie, mailoutbox, tmp_path, screenshots
):
    inloggen(pagina, live_server, historie.coordinator)
    pagina.goto("/monitor/?periode=2019Q1")
    expect(pagina.locator(".skt-monitor-sub")).to_contain_text("1e kwartaal 2019")
    pagina.get_by_role("button", name="Maak de PDF van het 1e kwartaal 2019").click()
    status = pagina.locator("#rapport-status")
    status.get_by_role("link", name="Download de PDF").wait_for(timeout=180_000)
    rapport = MonitorRapport.objects.get()
    assert (rapport.van.isoformat(), rapport.tot.isoformat()) == ("2019-01-01", "2019-03-31")

    pagina.get_by_role("button", name="Vaststellen en verzenden versie 1").click()
    expect(pagina.get_by_role("status").first).to_contain_text("is vastgesteld en als PDF verzonden aan")
    expect(pagina.locator("#rapporten")).to_contain_text("vastgesteld")
    pagina.screenshot(path=str(screenshots / "monitor-vastgesteld.png"), full_page=True)

    rapport.refresh_from_db()
    assert rapport.is_vastgesteld and rapport.vastgesteld_door == historie.coordinator
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == GRIFFIE and "1e kwartaal 2019" in mail.subject
    ((naam, bijlage, soort),) = mail.attachments
    assert naam == "kwartaalmonitor-2019Q1-versie-1.pdf" and soort == "application/pdf"

    # Beleid, at another desk, downloads the same PDF and the CSV of the KPI table.
    context, beleid = nieuwe_pagina(browser, live_server)
    try:
        inloggen(beleid, live_server, historie.beleid)
        beleid.goto("/monitor/?periode=2019Q1")
        lijst = beleid.locator("#rapporten")
        expect(lijst).to_contain_text("vastgesteld")
        expect(lijst.get_by_role("button", name=re.compile("Vaststellen"))).to_have_count(0)
        pdf = downloaden(beleid, lijst.get_by_role("link", name="PDF versie 1"), tmp_path)
        csv_bytes = downloaden(beleid, lijst.get_by_role("link", name="CSV versie 1"), tmp_path)
    finally:
        context.close()
    assert pdf == bijlage

    rijen = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:3] == ["niveau", "groep", "code"]
    codes = {rij[2] for rij in rijen[1:]}
    assert {"meldingen_totaal", "eerste_contact_binnen_termijn_procent", "inwoners_uniek"} <= codes
    totaal = next(rij for rij in rijen if rij[0] == "gemeente" and rij[2] == "meldingen_totaal")
    assert totaal[4] == getal(rapport.cijfers["meldingen"]["totaal"])

    # The PDF: every team name and every figure of the leefgebied × team table, Dutch decimals only.
    lezer = PdfReader(io.BytesIO(pdf))
    tekst = " ".join(" ".join(p.extract_text().split()) for p in lezer.pages)
    w = weergave(rapport.cijfers, drempel=int(rapport.cijfers["instellingen"]["privacy_drempel"]))
    tabel = w["leefgebied_per_team"]
    assert len(tabel.kolommen) >= 3
    for team in tabel.kolommen:
        assert team in tekst, team
    for deel in w["leefgebied_per_team_delen"]:
        for leefgebied, cellen in deel.rijen:
            assert f"{leefgebied} {' '.join(cellen)}" in tekst, (leefgebied, cellen)
    assert ENGELSE_DECIMAAL.findall(tekst) == []
    assert "CONCEPT" not in tekst
