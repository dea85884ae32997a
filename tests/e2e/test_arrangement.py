"""A voorwerk-arrangement end to end in a real browser: the beroepskracht drafts and submits a plan with
maatwerk; the Wmo consulent returns it; it is completed and resubmitted as version 2; the consulent grants
it with a beschikking number; the beroepskracht gets a message and sees the granted onderdelen in the
inwoner's records; another team's beroepskracht and the team's volunteer are refused the plan by URL."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from arrangementen.models import Arrangement
from arrangementen.workflow import ArrangementStatus

from ..arrangementen.conftest import categorie, melding_maken, zorgaanbieder
from .conftest import inloggen, nieuwe_pagina

pytestmark = pytest.mark.e2e


def menu(pagina, label: str) -> None:
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=label, exact=True).click()


@pytest.fixture
def opzet(e2e_personas):
    categorie()  # the categories survive a flush of the transactional database
    zorgaanbieder("Thuiszorg De Betuwe")
    return e2e_personas, melding_maken(e2e_personas, dagen_geleden=10)


def test_voorwerk_van_opstellen_tot_beschikking(pagina, browser, live_server, opzet, screenshots):
    personas, melding = opzet
    inwoner = melding.inwoner

    # -- the beroepskracht drafts and submits ------------------------------------------------
    inloggen(pagina, live_server, personas.beroepskracht)
    pagina.goto(f"/arrangementen/nieuw/?melding={melding.uuid}")
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Arrangement opstellen")
    pagina.get_by_label("Wmo 2015").check()
    pagina.get_by_label("Feitelijke beschrijving").fill("Mevrouw loopt met een rollator; de keuken is vuil.")
    pagina.get_by_label("Aard en ernst van de problemen").fill("Beperkt zelfredzaam in het huishouden.")
    pagina.get_by_label("Wensen van de inwoner").fill("Thuis blijven wonen.")
    pagina.get_by_label("Advies van de opsteller").fill(
        "Hulp bij het huishouden, de buurvrouw voor boodschappen."
    )
    pagina.get_by_label("Doel", exact=True).fill("Een schoon en veilig huis.")
    pagina.get_by_label("Beoogd resultaat").fill("Mevrouw woont veilig thuis.")
    pagina.locator("[name=duur]").fill("6 maanden")
    pagina.locator("[name=onderdelen-0-soort]").select_option("maatwerkvoorziening")
    pagina.locator("[name=onderdelen-0-categorie]").select_option(label="01 Hulp bij het huishouden")
    pagina.locator("[name=onderdelen-0-omschrijving]").fill("Schoonmaken van keuken en sanitair.")
    pagina.locator("[name=onderdelen-0-omvang]").fill("2 uur")
    pagina.locator("[name=onderdelen-0-frequentie]").fill("per week")
    pagina.locator("[name=onderdelen-0-duur]").fill("6 maanden")
    pagina.locator("[name=onderdelen-0-indicatieve_kosten]").fill("1.300,00")
    pagina.screenshot(path=str(screenshots / "arrangement_opstellen.png"), full_page=True)
    pagina.get_by_role("button", name="Opslaan en indienen…").click()
    pagina.wait_for_url(re.compile(r"/indienen/$"))
    pagina.screenshot(path=str(screenshots / "arrangement_indienen.png"), full_page=True)
    pagina.get_by_role("button", name="Definitief indienen").click()
    pagina.wait_for_url(re.compile(r"/arrangementen/[0-9a-f-]+/$"))
    expect(pagina.locator(".skt-meldingen")).to_contain_text("ingediend bij de consulenten Wmo 2015")
    arrangement = Arrangement.objects.get(inwoner=inwoner)
    assert arrangement.status == ArrangementStatus.INGEDIEND
    plan_url = f"/arrangementen/{arrangement.uuid}/"

    # -- the consulent returns it ------------------------------------------------------------
    consulent_context, consulent = nieuwe_pagina(browser, live_server)
    inloggen(consulent, live_server, personas.consulent)
    menu(consulent, "Wacht op beoordeling")
    consulent.screenshot(path=str(screenshots / "arrangement_wachtrij.png"), full_page=True)
    consulent.get_by_role("link", name=re.compile(arrangement.nummer)).click()
    consulent.get_by_role("button", name="In behandeling nemen").click()
    consulent.get_by_role("link", name="Terugsturen voor aanvulling").click()
    consulent.get_by_role("button", name="Terugsturen").click()
    expect(consulent.locator(".utrecht-form-field-error-message")).to_contain_text("ontbreekt")
    consulent.get_by_label("Wat moet er worden aangevuld of anders?").fill(
        "Onderbouw de omvang: waarom 2 uur en niet 3?"
    )
    consulent.get_by_role("button", name="Terugsturen").click()
    consulent.wait_for_url(re.compile(plan_url + "$"))
    expect(consulent.locator(".skt-arr-status").first).to_contain_text("Teruggestuurd")

    # -- the beroepskracht completes and resubmits it as version 2 -----------------------------
    menu(pagina, "Berichten")
    expect(pagina.locator("main")).to_contain_text("teruggestuurd")
    # Opening a message changes nothing (a GET); the 'Gelezen' button (POST) marks it read.
    pagina.get_by_role("button", name="Gelezen", exact=True).first.click()
    expect(pagina.locator("main")).to_contain_text("U hebt geen ongelezen berichten")
    pagina.get_by_role("link", name=re.compile("teruggestuurd")).first.click()
    pagina.wait_for_url(re.compile(plan_url + "$"))
    pagina.get_by_role("link", name="Bewerken").click()
    expect(pagina.locator("main")).to_contain_text("Onderbouw de omvang")
    pagina.locator("[name=onderdelen-0-omvang]").fill("3 uur")
    pagina.get_by_label("Advies van de opsteller").fill("3 uur per week: keuken, sanitair en de was.")
    pagina.get_by_role("button", name="Opslaan en indienen…").click()
    pagina.get_by_role("button", name="Definitief indienen").click()
    pagina.wait_for_url(re.compile(plan_url + "$"))
    arrangement.refresh_from_db()
    assert (arrangement.status, arrangement.versie) == (ArrangementStatus.INGEDIEND, 2)

    # -- the consulent grants it with a beschikking number ------------------------------------
    consulent.goto(plan_url)
    consulent.get_by_role("button", name="In behandeling nemen").click()
    consulent.get_by_role("link", name="Beslissen per onderdeel").click()
    consulent.get_by_label("Toekennen", exact=True).check()
    consulent.get_by_label("Beschikkingsnummer").fill("WMO-2024-0815")
    consulent.get_by_label("Beschikkingsdatum").fill(arrangement.aanvraagdatum.isoformat())
    consulent.get_by_label("Product (iWmo/iJw)").fill("01A01 Hulp bij het huishouden")
    consulent.get_by_label("Zorgaanbieder").select_option(label="Thuiszorg De Betuwe")
    consulent.get_by_label("Leveringsvorm").select_option("zin")
    consulent.get_by_label("Omvang (aantal)").fill("3")
    consulent.get_by_label("Eenheid", exact=True).select_option("uur")
    consulent.get_by_label("Per", exact=True).select_option("week")
    consulent.get_by_label("Ingangsdatum").fill(arrangement.aanvraagdatum.isoformat())
    consulent.get_by_label("Einddatum").fill((arrangement.aanvraagdatum + timedelta(days=182)).isoformat())
    consulent.screenshot(path=str(screenshots / "arrangement_beslissen.png"), full_page=True)
    consulent.get_by_role("button", name="Besluit vastleggen").click()
    consulent.wait_for_url(re.compile(plan_url + "$"))
    expect(consulent.locator(".skt-meldingen")).to_contain_text("goedgekeurd")
    consulent.get_by_label("Interne notitie (alleen voor consulenten)").fill("INTERN: dochter belde, zorgen.")
    consulent.get_by_role("button", name="Notitie opslaan").click()
    consulent_context.close()

    # -- the beroepskracht sees the message and the granted onderdeel --------------------------
    menu(pagina, "Berichten")
    expect(pagina.locator("main")).to_contain_text("ongelezen")
    pagina.screenshot(path=str(screenshots / "arrangement_berichten.png"), full_page=True)
    pagina.get_by_role("link", name=re.compile("goedgekeurd")).first.click()
    pagina.wait_for_url(re.compile(plan_url + "$"))
    inhoud = pagina.locator("main").inner_text()
    assert "Toegekend" in inhoud and "WMO-2024-0815" in inhoud
    assert "Thuiszorg De Betuwe" in inhoud and "Zorg in natura" in inhoud
    assert "INTERN" not in inhoud and "Interne notities" not in inhoud
    assert "Versie 2" in inhoud and "Versie 1" in inhoud
    pagina.screenshot(path=str(screenshots / "arrangement_goedgekeurd_kernteam.png"), full_page=True)
    pagina.get_by_role("link", name=f"Alle arrangementen van {inwoner.naam}").click()
    dossier = pagina.locator("main").inner_text()
    assert "Toegekend" in dossier and "WMO-2024-0815" in dossier and "Hulp bij het huishouden" in dossier
    pagina.screenshot(path=str(screenshots / "arrangement_dossier_inwoner.png"), full_page=True)

    # -- another team and the volunteer are refused by URL -------------------------------------
    for persona in (personas.beroepskracht2, personas.vrijwilliger):
        context, ander = nieuwe_pagina(browser, live_server)
        inloggen(ander, live_server, persona)
        antwoord = ander.goto(plan_url)
        assert antwoord.status == 404
        expect(ander.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
        assert "WMO-2024-0815" not in ander.content()
        assert ander.goto(f"/arrangementen/inwoner/{inwoner.uuid}/").status == 404
        context.close()
    assert not pagina.csp_fouten and not pagina.statische_fouten


def test_onderdeel_toevoegen_zonder_opslaan(pagina, live_server, opzet):
    """With JavaScript a second onderdeel is added in place; both are saved with the concept."""
    personas, melding = opzet
    inloggen(pagina, live_server, personas.beroepskracht)
    pagina.goto(f"/arrangementen/nieuw/?melding={melding.uuid}")
    expect(pagina.get_by_role("button", name="Opslaan en nog een onderdeel toevoegen")).not_to_be_visible()
    pagina.get_by_label("Wmo 2015").check()
    pagina.locator("[name=onderdelen-0-soort]").select_option("netwerk")
    # The category is only for maatwerk.
    expect(pagina.locator("[name=onderdelen-0-categorie]")).not_to_be_visible()
    pagina.locator("[name=onderdelen-0-omschrijving]").fill("De buurvrouw doet boodschappen.")
    pagina.get_by_role("button", name="Onderdeel toevoegen").click()
    pagina.locator("[name=onderdelen-1-soort]").select_option("maatwerkvoorziening")
    pagina.locator("[name=onderdelen-1-categorie]").select_option(label="02 Begeleiding")
    pagina.locator("[name=onderdelen-1-omvang]").fill("2 uur")
    pagina.locator("[name=onderdelen-1-indicatieve_kosten]").fill("-3")
    pagina.get_by_role("button", name="Opslaan als concept").click()
    # A negative cost: a Dutch error next to the field, nothing saved, the added onderdeel still there.
    expect(pagina.locator("main")).to_contain_text("De kosten kunnen niet negatief zijn.")
    assert Arrangement.objects.count() == 0
    pagina.locator("[name=onderdelen-1-indicatieve_kosten]").fill("2400")
    pagina.get_by_role("button", name="Opslaan als concept").click()
    pagina.wait_for_url(re.compile(r"/arrangementen/[0-9a-f-]+/$"))
    arrangement = Arrangement.objects.get()
    assert sorted(arrangement.onderdelen.values_list("soort", flat=True)) == [
        "maatwerkvoorziening",
        "netwerk",
    ]
