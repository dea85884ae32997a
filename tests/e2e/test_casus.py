"""A casus end to end in a real browser: start with the kaders and the collegiale toets, contactmomenten
up to the gemeente's maximum, the next one refused with the three ways on, closing with the ZRM change,
and the vrijwilliger who sees the casus without the BSN."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from casussen.models import Casus
from casussen.vocab import KADERS
from casussen.workflow import CasusStatus

from ..casussen.conftest import melding_maken
from ..factories import LeefgebiedFactory

pytestmark = pytest.mark.e2e

WACHTWOORD = "geheim-wachtwoord-123"  # tests/factories.medewerker_maken
MAXIMUM = 3


def inloggen(pagina, live_server, medewerker) -> None:
    """Through the real form and the real TOTP set-up step."""
    pagina.goto("/inloggen/")
    pagina.get_by_label("Gebruikersnaam").fill(medewerker.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url(re.compile(r"/inloggen/tweede-factor/"))
    apparaat = TOTPDevice.objects.get(user=medewerker)
    code = totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    pagina.get_by_label("Code uit uw authenticator-app").fill(f"{code:06d}")
    pagina.get_by_role("button", name="Bevestigen").click()
    pagina.wait_for_url(f"{live_server.url}/")


def teller(pagina) -> str:
    return pagina.locator(".skt-teller__getal").inner_text()


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
    assert pagina.get_by_text("Er is niets opgeslagen").is_visible()
    assert pagina.get_by_text("Beschrijf het doel: kortdurende ondersteuning begint").is_visible()
    assert pagina.get_by_text("Kies de collega met wie u de collegiale toets hebt gedaan.").is_visible()
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
    assert pagina.get_by_text(f"Contactmoment 1 van {MAXIMUM} is vastgelegd.").is_visible()
    assert pagina.get_by_text(f"Nog 2 contactmomenten tot het maximum van {MAXIMUM}").first.is_visible()

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
    assert pagina.get_by_text(f"Het maximum van {MAXIMUM} contactmomenten is bereikt.").is_visible()
    assert pagina.get_by_role("link", name="Contactmoment vastleggen").count() == 0
    pagina.screenshot(path=screenshots / "casus_maximum.png", full_page=True)

    tweede.get_by_role("button", name="Vastleggen").click()
    assert tweede.get_by_text(f"maximum van {MAXIMUM} contactmomenten bereikt").is_visible()
    assert tweede.get_by_text("Uw verslag is niet opgeslagen").is_visible()
    assert tweede.get_by_text("Nog een gesprek.").is_visible()
    for weg in ("Afsluiten", "Doorverwijzen naar de 0e/1e lijn", "Opschalen naar het loket"):
        assert tweede.get_by_role("link", name=weg).first.is_visible()
    tweede.screenshot(path=screenshots / "casus_geweigerd.png", full_page=True)
    tweede.close()
    assert casus.contactmomenten.count() == MAXIMUM

    # Close by one of the three ways on, with the closing ZRM and a grade.
    pagina.get_by_role("link", name="Afsluiten", exact=True).click()
    assert pagina.get_by_label("Doel bereikt").is_checked()
    pagina.get_by_label("Resultaat").fill("Administratie loopt weer zelfstandig.")
    pagina.get_by_label("Financiën").select_option(label="4 · Voldoende zelfredzaam")
    pagina.get_by_label("Huisvesting").select_option(label="3 · Beperkt zelfredzaam")
    pagina.get_by_label("Rapportcijfer van de inwoner (1–10)").fill("8")
    pagina.get_by_role("button", name="Casus afsluiten").click()
    pagina.wait_for_url(detail_url)
    assert pagina.get_by_text("De casus is afgesloten.").is_visible()
    zrm = pagina.locator("table.skt-zrm")
    assert "+2 beter" in zrm.locator("tr[data-leefgebied=financien]").inner_text()
    assert "gelijk" in zrm.locator("tr[data-leefgebied=huisvesting]").inner_text()
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
