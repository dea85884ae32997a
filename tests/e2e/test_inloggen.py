"""Every role logs in through the real login form and the real TOTP step, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from dossier.navigatie import ITEMS

from .conftest import WACHTWOORD, huidige_code

pytestmark = pytest.mark.e2e

ROLLEN = [
    "poort",
    "beroepskracht",
    "vrijwilliger",
    "consulent",
    "consulent_jeugd",
    "coordinator",
    "beleid",
    "beheerder",
]

# Pages that belong to one role: their menu item must show for that role and for no other.
EIGEN_ITEMS = {"Beheer": "beheerder", "Toegangslog": "coordinator"}


def menu_volgens_navigatie(medewerker) -> set[str]:
    """What dossier/navigatie.py promises this role; the browser must show exactly that."""
    return {item.label for item in ITEMS if medewerker.rol in item.rollen}


def eerste_keer_inloggen(pagina, live_server, medewerker) -> None:
    """From the start page, with the TOTP set-up a medewerker sees on the first login."""
    pagina.goto("/")
    # Anonymous: the start page sends us to the login form.
    assert re.search(r"/inloggen/\?next=/$", pagina.url), pagina.url
    pagina.get_by_label("Gebruikersnaam").fill(medewerker.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url(re.compile(r"/inloggen/tweede-factor/"))
    # First login: the set-up page; the app created the device after the password step.
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Authenticator-app koppelen")
    expect(pagina.locator(".skt-qr svg")).to_have_count(1)
    pagina.get_by_label("Code uit uw authenticator-app").fill(huidige_code(medewerker))
    pagina.get_by_role("button", name="Bevestigen").click()
    pagina.wait_for_url(f"{live_server.url}/")


@pytest.mark.parametrize("persona", ROLLEN)
def test_elke_rol_logt_in_met_tweede_factor_en_ziet_het_eigen_menu(
    pagina, live_server, e2e_personas, screenshots, persona
):
    medewerker = getattr(e2e_personas, persona)
    eerste_keer_inloggen(pagina, live_server, medewerker)

    expect(pagina.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    assert pagina.locator("html").get_attribute("lang") == "nl"
    assert pagina.title().startswith("Mijn werk")
    rol_label = str(medewerker.get_rol_display())
    expect(pagina.locator(".skt-rol strong")).to_have_text(rol_label)
    expect(pagina.locator(".skt-kop__gebruiker")).to_contain_text(rol_label)

    if persona == "coordinator":
        pagina.screenshot(path=str(screenshots / "mijn_werk_coordinator.png"), full_page=True)

    # Skip link first in the tab order, pointing at the main content.
    skiplink = pagina.locator("a.utrecht-skip-link")
    assert skiplink.get_attribute("href") == "#inhoud"
    expect(pagina.locator("main#inhoud")).to_have_count(1)
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.className") == "utrecht-skip-link"

    menu = set(pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link").all_inner_texts())
    assert menu == menu_volgens_navigatie(medewerker)
    assert "Mijn werk" in menu
    for label, rol in EIGEN_ITEMS.items():
        assert (label in menu) == (persona == rol), (label, persona)
    assert pagina.get_by_role("link", name="Mijn werk").get_attribute("aria-current") == "page"

    # The page is styled: the NL Design System and our CSS load, and CSP blocks nothing.
    assert pagina.statische_fouten == []
    assert pagina.csp_fouten == []
    kopkleur = pagina.evaluate("getComputedStyle(document.querySelector('.skt-kop')).backgroundColor")
    assert kopkleur not in ("rgba(0, 0, 0, 0)", "transparent")
    bladen = dict(pagina.evaluate("Array.from(document.styleSheets).map(b => [b.href, b.cssRules.length])"))
    for naam in ("voorbeeld/theme.css", "utrecht/index.css", "skt/skt.css"):
        regels = [aantal for href, aantal in bladen.items() if href and href.endswith(naam)]
        assert regels and regels[0] > 0, (naam, bladen)
    # The theme's tokens apply to the document (html carries the voorbeeld-theme class).
    token = "getComputedStyle(document.documentElement).getPropertyValue('--basis-text-font-family-default')"
    assert pagina.evaluate(token).strip()

    if persona == "coordinator":
        pagina.get_by_role("link", name="Toegangslog").first.click()
        pagina.wait_for_url(f"{live_server.url}/toegangslog/")
        expect(pagina.locator("table")).to_contain_text("Ingelogd")


def test_qr_pagina_rendert_zonder_csp_fouten(pagina, live_server, e2e_personas, screenshots):
    pagina.goto("/inloggen/")
    pagina.screenshot(path=str(screenshots / "inloggen.png"), full_page=True)
    pagina.get_by_label("Gebruikersnaam").fill("beroepskracht")
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url(re.compile(r"/inloggen/tweede-factor/"))
    svg = pagina.locator(".skt-qr svg")
    doos = svg.bounding_box()
    assert doos and doos["width"] > 100 and doos["height"] > 100  # scannable size
    pagina.screenshot(path=str(screenshots / "tweede_factor.png"), full_page=True)
    assert pagina.csp_fouten == []
    assert pagina.statische_fouten == []


def test_foute_code_in_de_browser(pagina, live_server, e2e_personas):
    pagina.goto("/inloggen/")
    pagina.get_by_label("Gebruikersnaam").fill("vrijwilliger")
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url(re.compile(r"/inloggen/tweede-factor/"))
    goed = huidige_code(e2e_personas.vrijwilliger)
    pagina.get_by_label("Code uit uw authenticator-app").fill("000000" if goed != "000000" else "111111")
    pagina.get_by_role("button", name="Bevestigen").click()
    fout = pagina.locator(".utrecht-form-field-error-message")
    assert "Deze code klopt niet" in fout.inner_text()
    # The error is tied to the field for screen readers.
    veld = pagina.get_by_label("Code uit uw authenticator-app")
    assert veld.get_attribute("aria-invalid") == "true"
    assert re.search(r"/inloggen/tweede-factor/", pagina.url)
