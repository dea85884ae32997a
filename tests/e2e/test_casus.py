"""A casus end to end in a real browser: start with the kaders and the collegiale toets, contactmomenten
up to the gemeente's maximum, the next one refused with the three ways on, closing with the ZRM change,
and the vrijwilliger who sees the casus without the BSN."""

import re

import pytest
from playwright.sync_api import expect

from casussen.models import Casus
from casussen.vocab import KADERS
from casussen.workflow import CasusStatus

from ..casussen.conftest import melding_maken
from ..factories import LeefgebiedFactory
from .conftest import inloggen

pytestmark = pytest.mark.e2e

MAXIMUM = 3


def teller(pagina) -> str:
    return pagina.locator(".skt-contactteller__getal").inner_text()


def contactmoment_invullen(pagina, *, soort: str, verslag: str, met_vrijwilliger: bool = False) -> None:
    pagina.get_by_label(soort, exact=True).check()
    pagina.get_by_label("Duur in minuten").fill("45")
    if met_vrijwilliger:
        pagina.get_by_label("Vrijwilliger", exact=True).check()
    pagina.get_by_label("Kort verslag").fill(verslag)


@pytest.fixture
def opzet(e2e_personas, profiel):
    profiel.instellingen["max_contactmomenten"] = MAXIMUM
    profiel.save()
    for i, (code, label) in enumerate([("financien", "Financiën"), ("huisvesting", "Huisvesting")]):
        LeefgebiedFactory(code=code, label=label, volgorde=i)
    return e2e_personas, melding_maken(e2e_personas)


def test_casus_van_start_tot_afsluiten_en_de_vrijwilliger_ziet_geen_bsn(
    pagina, browser, live_server, opzet, screenshots
):
    personas, melding = opzet
    inloggen(pagina, live_server, personas.beroepskracht)

    # Start: checklist, collegiale toets, consent for a volunteer.
    pagina.goto(f"/casussen/nieuw/{melding.uuid}/")
    pagina.get_by_role("button", name="Casus starten").click()
    expect(pagina.get_by_text("Er is niets opgeslagen")).to_be_visible()
    # Each error twice: as a link in the summary at the top and next to its field.
    expect(pagina.get_by_text("Beschrijf het doel: kortdurende ondersteuning begint")).to_have_count(2)
    expect(pagina.get_by_text("Kies de collega met wie u de collegiale toets hebt gedaan.")).to_have_count(2)
    assert Casus.objects.count() == 0
    pagina.get_by_label("Doel van de ondersteuning").fill("Meneer houdt zelf zijn administratie bij.")
    for kader in KADERS:
        pagina.get_by_label(str(kader.label)).check()
    pagina.get_by_label("Collega").select_option(label="Beroepskracht2 Test")
    pagina.get_by_label("Uitkomst van de collegiale toets").fill("Collega vindt het passend.")
    pagina.get_by_label("Ja, de inwoner vindt een vrijwilliger erbij goed").check()
    pagina.get_by_label("Vrijwilliger", exact=True).select_option(label="Vrijwilliger Test")
    pagina.screenshot(path=screenshots / "casus_starten.png", full_page=True)
    pagina.get_by_role("button", name="Casus starten").click()
    pagina.wait_for_url(re.compile(r"/casussen/[0-9a-f-]{36}/$"))
    casus = Casus.objects.get()
    assert casus.status == CasusStatus.LOPEND
    assert teller(pagina) == f"0 van {MAXIMUM} contactmomenten"
    detail_url = pagina.url

    # ZRM at the start: two domains discussed, the rest stays 'niet besproken'.
    pagina.get_by_role("link", name="ZRM vastleggen").click()
    pagina.get_by_label("Financiën").select_option(label="2 · Niet zelfredzaam")
    pagina.get_by_label("Huisvesting").select_option(label="3 · Beperkt zelfredzaam")
    pagina.get_by_role("button", name="ZRM vastleggen").click()
    pagina.wait_for_url(detail_url)

    # Contactmomenten up to the maximum; the first home visit together with the volunteer.
    pagina.get_by_role("link", name="Contactmoment vastleggen").click()
    contactmoment_invullen(pagina, soort="Huisbezoek", verslag="Kennismaking thuis.", met_vrijwilliger=True)
    pagina.get_by_role("button", name="Vastleggen").click()
    pagina.wait_for_url(detail_url)
    expect(pagina.get_by_text(f"Contactmoment 1 van {MAXIMUM} is vastgelegd.")).to_be_visible()
    expect(pagina.get_by_text(f"Nog 2 contactmomenten tot het maximum van {MAXIMUM}").first).to_be_visible()

    pagina.get_by_role("link", name="Contactmoment vastleggen").click()
    contactmoment_invullen(pagina, soort="Telefoon", verslag="Post doorgenomen.")
    pagina.get_by_role("button", name="Vastleggen").click()
    pagina.wait_for_url(detail_url)
    assert teller(pagina) == f"2 van {MAXIMUM} contactmomenten"

    # A colleague opens the form for the last one too; whoever is second is refused.
    tweede = pagina.context.new_page()
    tweede.goto(f"{detail_url}contactmoment/")
    contactmoment_invullen(tweede, soort="Spreekuur", verslag="Nog een gesprek.")

    pagina.get_by_role("link", name="Contactmoment vastleggen").click()
    contactmoment_invullen(pagina, soort="Telefoon", verslag="Laatste gesprek: het loopt.")
    pagina.get_by_role("button", name="Vastleggen").click()
    pagina.wait_for_url(detail_url)
    assert teller(pagina) == f"{MAXIMUM} van {MAXIMUM} contactmomenten"
    expect(pagina.get_by_text(f"Het maximum van {MAXIMUM} contactmomenten is bereikt.")).to_be_visible()
    expect(pagina.get_by_role("link", name="Contactmoment vastleggen")).to_have_count(0)
    pagina.screenshot(path=screenshots / "casus_maximum.png", full_page=True)

    tweede.get_by_role("button", name="Vastleggen").click()
    expect(tweede.get_by_text(f"maximum van {MAXIMUM} contactmomenten bereikt")).to_be_visible()
    expect(tweede.get_by_text("Uw verslag is niet opgeslagen")).to_be_visible()
    expect(tweede.get_by_text("Nog een gesprek.")).to_be_visible()
    for weg in ("Afsluiten", "Doorverwijzen naar de 0e/1e lijn", "Opschalen naar het loket"):
        expect(tweede.get_by_role("link", name=weg).first).to_be_visible()
    tweede.screenshot(path=screenshots / "casus_geweigerd.png", full_page=True)
    tweede.close()
    assert casus.contactmomenten.count() == MAXIMUM

    # Close by one of the three ways on, with the closing ZRM and a grade.
    pagina.get_by_role("link", name="Afsluiten", exact=True).click()
    expect(pagina.get_by_label("Doel bereikt")).to_be_checked()
    pagina.get_by_label("Resultaat").fill("Administratie loopt weer zelfstandig.")
    pagina.get_by_label("Financiën").select_option(label="4 · Voldoende zelfredzaam")
    pagina.get_by_label("Huisvesting").select_option(label="3 · Beperkt zelfredzaam")
    pagina.get_by_label("Rapportcijfer van de inwoner (1–10)").fill("8")
    pagina.get_by_role("button", name="Casus afsluiten").click()
    pagina.wait_for_url(detail_url)
    expect(pagina.get_by_text("De casus is afgesloten.")).to_be_visible()
    zrm = pagina.locator("table.skt-zrm")
    expect(zrm.locator("tr[data-leefgebied=financien]")).to_contain_text("+2 beter")
    expect(zrm.locator("tr[data-leefgebied=huisvesting]")).to_contain_text("gelijk")
    pagina.screenshot(path=screenshots / "casus_afgesloten.png", full_page=True)
    casus.refresh_from_db()
    assert casus.status == CasusStatus.AFGESLOTEN and casus.cijfer == 8

    # The volunteer: the casus, the report, but never the BSN.
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 800}
    )
    vrijwilliger = context.new_page()
    inloggen(vrijwilliger, live_server, personas.vrijwilliger)
    vrijwilliger.get_by_role("link", name="Mijn casussen").click()
    vrijwilliger.get_by_label("Status").select_option("alle")
    vrijwilliger.get_by_role("button", name="Filteren").click()
    vrijwilliger.get_by_role("link", name=casus.nummer).click()
    vrijwilliger.wait_for_url(detail_url)
    inhoud = vrijwilliger.locator("main").inner_text()
    assert casus.inwoner.naam in inhoud and "Kennismaking thuis." in inhoud
    assert casus.inwoner.bsn not in vrijwilliger.content()
    assert "BSN" not in inhoud
    vrijwilliger.screenshot(path=screenshots / "casus_vrijwilliger.png", full_page=True)
    context.close()
    assert pagina.csp_fouten == [] and pagina.statische_fouten == []
