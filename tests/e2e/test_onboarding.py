"""Onboarding in a real browser (issue 13): the beheerder creates a medewerker, the invitation arrives
by mail, the new person sets a password and couples an authenticator app, and logs in with both.
Nobody but the person ever knows the password. Her proposed beroepskracht role grants nothing until the
coordinator confirms it; the beheerder cannot change their own role or teams."""

import re

import pytest
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from skt.models import Medewerker, Rechtenwijziging, Toegang

from .conftest import inloggen, nieuwe_pagina

pytestmark = pytest.mark.e2e

WACHTWOORD = "Zomeravond-aan-de-Waal-17"


def _code(hex_sleutel: str, verschuiving: int = 0) -> str:
    """What the authenticator app shows for the secret under the QR code (30 s steps, 6 digits)."""
    return f"{totp(bytes.fromhex(hex_sleutel), 30, 0, 6, verschuiving):06d}"


def test_van_uitnodiging_tot_inloggen(pagina, live_server, e2e_personas, screenshots):
    mail.outbox.clear()
    inloggen(pagina, live_server, e2e_personas.beheerder)
    navigatie = pagina.get_by_role("navigation", name="Hoofdmenu")
    navigatie.get_by_role("link", name="Beheer").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Beheer")
    pagina.get_by_role("link", name="Medewerkers").click()
    pagina.get_by_role("link", name="Nieuwe medewerker").click()

    pagina.get_by_label("Gebruikersnaam").fill("nora")
    pagina.get_by_label("Voornaam").fill("Nora")
    pagina.get_by_label("Achternaam").fill("de Wit")
    pagina.get_by_label("E-mailadres").fill("nora.dewit@gemeente.invalid")
    pagina.get_by_label(re.compile(r"^Rol")).select_option("beroepskracht")
    # A beroepskracht without a team is refused, with the error next to the field.
    pagina.get_by_role("button", name="Aanmaken en uitnodigen").click()
    expect(pagina.locator("#id_teams_error")).to_contain_text("minstens één team")
    assert not Medewerker.objects.filter(username="nora").exists()
    assert "password" not in pagina.content().lower().replace("new-password", "")

    pagina.get_by_role("checkbox", name="Elst").check()
    pagina.get_by_role("button", name="Aanmaken en uitnodigen").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Nora de Wit")
    getoond = pagina.locator(".skt-uitnodigingslink").inner_text()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nora.dewit@gemeente.invalid"]
    link = re.search(r"https?://\S+/uitnodiging/[\w-]+/", mail.outbox[0].body).group(0)
    assert link == getoond
    pagina.screenshot(path=str(screenshots / "beheer_medewerker_uitgenodigd.png"), full_page=True)

    # Nora, at her own desk.
    context, nora = nieuwe_pagina(pagina.context.browser, live_server)
    try:
        nora.goto(link)
        nora.wait_for_url(re.compile(r"/uitnodiging/verder/$"))
        expect(nora.get_by_role("heading", level=1)).to_have_text("Account instellen")
        expect(nora.locator(".skt-qr svg")).to_have_count(1)
        sleutel = nora.locator(".skt-geheim").inner_text().strip()
        nora.get_by_label("Nieuw wachtwoord").fill(WACHTWOORD)
        nora.get_by_label("Herhaal het wachtwoord").fill(WACHTWOORD)
        nora.get_by_label("Code uit uw authenticator-app").fill(_code(sleutel))
        nora.get_by_role("button", name="Opslaan").click()
        expect(nora.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
        expect(nora.locator(".skt-herstelcodes li")).to_have_count(10)
        nora.get_by_role("link", name="Naar inloggen").click()

        nora.get_by_label("Gebruikersnaam").fill("nora")
        nora.get_by_label("Wachtwoord").fill(WACHTWOORD)
        nora.get_by_role("button", name="Inloggen").click()
        nora.wait_for_url(re.compile(r"/inloggen/tweede-factor/"))
        expect(nora.get_by_role("heading", level=1)).to_have_text("Code invoeren")
        # The next code of the app: the one used to couple it is spent.
        nora.get_by_label("Code uit uw authenticator-app").fill(_code(sleutel, 1))
        nora.get_by_role("button", name="Bevestigen").click()
        nora.wait_for_url(f"{live_server.url}/")
        expect(nora.get_by_role("heading", level=1)).to_have_text("Mijn werk")

        # Her beroepskracht role is only proposed: no team queue, not in the menu and not by URL.
        nora_menu = nora.get_by_role("navigation", name="Hoofdmenu")
        expect(nora.locator(".skt-kop__gebruiker")).to_contain_text("Nog geen rol")
        expect(nora_menu.get_by_role("link")).to_have_count(1)  # Mijn werk
        expect(nora_menu.get_by_role("link", name="Teamwachtrij")).to_have_count(0)
        nora.goto("/meldingen/wachtrij/")
        expect(nora.get_by_role("heading", level=1)).to_have_text("Geen toegang")
        nora_mw = Medewerker.objects.get(username="nora")
        assert not nora_mw.teams.exists() and nora_mw.rol != "beroepskracht"
        assert Toegang.objects.filter(medewerker=nora_mw, resultaat="geweigerd").exists()

        # The coordinator of Elst confirms it, from their own menu, after a confirmation step.
        coord_context, coord = nieuwe_pagina(pagina.context.browser, live_server)
        try:
            inloggen(coord, live_server, e2e_personas.coordinator)
            coord.get_by_role("navigation", name="Hoofdmenu").get_by_role(
                "link", name="Rechtenwijzigingen"
            ).click()
            expect(coord.get_by_role("heading", level=1)).to_have_text("Rechtenwijzigingen")
            coord.get_by_role("link", name=re.compile(r"Beoordelen.*Nora de Wit")).click()
            expect(coord.get_by_role("heading", level=1)).to_have_text("Rechtenwijziging voor Nora de Wit")
            coord.screenshot(path=str(screenshots / "beheer_rechtenwijziging_bevestigen.png"), full_page=True)
            coord.get_by_role("button", name="Bevestigen en rechten geven").click()
            expect(coord.locator(".skt-meldingen")).to_contain_text("Bevestigd: Nora de Wit")
        finally:
            coord_context.close()
        voorstel = Rechtenwijziging.objects.get(medewerker=nora_mw)
        assert voorstel.status == "bevestigd" and voorstel.beoordeeld_door == e2e_personas.coordinator
        assert Toegang.objects.filter(object_id=str(voorstel.uuid), reden__startswith="bevestigd").exists()

        # Now she has her team's queue.
        nora.goto("/")
        expect(nora.locator(".skt-kop__gebruiker")).to_contain_text("Beroepskracht kernteam")
        nora_menu.get_by_role("link", name="Teamwachtrij").click()
        expect(nora.get_by_role("heading", level=1)).to_have_text("Meldingen van mijn team")

        # The link works once.
        nora.goto(link)
        expect(nora.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet meer")
    finally:
        context.close()
    assert pagina.csp_fouten == [] and pagina.statische_fouten == []

    # The beheerder cannot give themselves a role or a team: refused next to the field, and logged.
    beheerder = e2e_personas.beheerder
    pagina.goto(f"/beheer/medewerkers/{beheerder.uuid}/")
    pagina.locator("#id_email").fill("beheerder@gemeente.invalid")
    pagina.get_by_label(re.compile(r"^Rol")).select_option("coordinator")
    pagina.get_by_role("checkbox", name="Elst").check()
    pagina.get_by_role("button", name="Opslaan").click()
    expect(pagina.locator("#id_rol_error")).to_contain_text("U kunt uw eigen rol en teams niet wijzigen")
    beheerder.refresh_from_db()
    assert beheerder.rol == "beheerder" and not beheerder.teams.exists()
    assert Toegang.objects.filter(
        medewerker=beheerder, object_id=str(beheerder.uuid), resultaat="geweigerd"
    ).exists()
    assert pagina.csp_fouten == [] and pagina.statische_fouten == []
