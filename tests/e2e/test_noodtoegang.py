"""Break the glass as a journey, in a real browser (issue 15): a beroepskracht of another team searches,
finds nothing among their dossiers, follows the one link to the request, names the inwoner by BSN and
birth date with a reason, reads the dossier, its melding and its casus read-only, and the coordinator
reviews it with an unambiguous Terecht / Onterecht choice."""

import re

import pytest
from playwright.sync_api import expect

from skt.models import Noodtoegang, Toegang

from ..arrangementen.conftest import casus_maken, melding_maken
from ..factories import InwonerFactory
from .conftest import inloggen, nieuwe_pagina

pytestmark = pytest.mark.e2e

REDEN = "De casushouder is ziek en mevrouw belt vandaag met een dringende vraag over haar huur."


@pytest.fixture
def dossier(e2e_personas):
    p = e2e_personas
    inwoner = InwonerFactory(voornamen="Hendrika", achternaam="Lammers", kern=p.team_a.kernen.first())
    melding = melding_maken(p, inwoner=inwoner, dagen_geleden=40)
    casus = casus_maken(p, melding=melding)
    return p, inwoner, melding, casus


def test_noodtoegang_van_zoeken_tot_beoordelen(pagina, browser, live_server, dossier, screenshots):
    p, inwoner, melding, casus = dossier
    inloggen(pagina, live_server, p.beroepskracht2)

    # -- search among my dossiers: no hit, one link to the request ---------------------------------
    pagina.goto("/inwoners/")
    pagina.get_by_label("Naam, BSN of postcode").fill(inwoner.achternaam)
    pagina.get_by_role("button", name="Zoeken").click()
    expect(pagina.locator("main")).to_contain_text("Geen inwoner gevonden")
    expect(pagina.get_by_role("link", name=inwoner.naam)).to_have_count(0)
    expect(pagina.get_by_role("link", name="Noodtoegang aanvragen")).to_have_count(1)
    pagina.get_by_role("link", name="Noodtoegang aanvragen").click()
    pagina.wait_for_url(re.compile(r"/noodtoegang/$"))

    # -- the request: a wrong birth date finds nobody and opens nothing -----------------------------
    pagina.get_by_label("BSN van de inwoner").fill(inwoner.bsn)
    pagina.get_by_label("Geboortedatum van de inwoner").fill("1901-01-01")
    pagina.get_by_label("Waarom hebt u nu toegang nodig?").fill(REDEN)
    pagina.get_by_label(re.compile("Ik begrijp dat deze toegang wordt vastgelegd")).check()
    pagina.get_by_role("button", name="Noodtoegang openen").click()
    expect(pagina.locator("main")).to_contain_text("Er is geen inwoner met dit BSN en deze geboortedatum")
    assert not Noodtoegang.objects.exists()
    pagina.get_by_label("Geboortedatum van de inwoner").fill(inwoner.geboortedatum.isoformat())
    pagina.get_by_label(re.compile("Ik begrijp dat deze toegang wordt vastgelegd")).check()
    pagina.get_by_role("button", name="Noodtoegang openen").click()
    pagina.wait_for_url(f"{live_server.url}/inwoners/{inwoner.uuid}/")
    expect(pagina.locator("main")).to_contain_text(REDEN)

    # -- the dossier's melding opens read-only ------------------------------------------------------
    pagina.locator("ol.skt-tijdlijn li[data-soort=melding]").get_by_role("link").first.click()
    pagina.wait_for_url(f"{live_server.url}/meldingen/{melding.uuid}/")
    expect(pagina.locator("main")).to_contain_text("Noodtoegang: alleen lezen")
    expect(pagina.get_by_role("button", name="Eerste contact vastleggen")).to_have_count(0)
    expect(pagina.locator("summary", has_text="Andere acties")).to_have_count(0)
    pagina.screenshot(path=str(screenshots / "noodtoegang_melding.png"), full_page=True)

    # -- and from there its casus -------------------------------------------------------------------
    pagina.get_by_role("link", name="Naar de casus").click()
    pagina.wait_for_url(f"{live_server.url}/casussen/{casus.uuid}/")
    expect(pagina.locator("main")).to_contain_text("Noodtoegang: alleen lezen")
    expect(pagina.get_by_role("link", name="Contactmoment vastleggen")).to_have_count(0)
    for pad in (f"/meldingen/{melding.uuid}/", f"/casussen/{casus.uuid}/"):
        rij = Toegang.objects.filter(medewerker=p.beroepskracht2, pad=pad).latest("tijdstip")
        assert (rij.actie, rij.resultaat, rij.reden) == ("break_the_glass", "toegestaan", REDEN)
    assert (
        not Toegang.objects.filter(medewerker=p.beroepskracht2, resultaat="geweigerd")
        .exclude(actie="break_the_glass")
        .exclude(object_soort="inwoner")
        .exists()
    )

    # -- the coordinator reviews it: one labelled radio per choice ----------------------------------
    context, coordinator = nieuwe_pagina(browser, live_server)
    inloggen(coordinator, live_server, p.coordinator)
    coordinator.goto("/noodtoegang/beoordelen/")
    kaart = coordinator.locator("li.skt-kaart", has_text=inwoner.naam)
    expect(kaart).to_contain_text(REDEN)
    groep = kaart.get_by_role("group", name=re.compile("^Oordeel"))
    expect(groep.get_by_role("radio")).to_have_count(2)
    terecht = groep.get_by_role("radio", name="Terecht", exact=True)
    onterecht = groep.get_by_role("radio", name="Onterecht", exact=True)
    # Each circle sits on the line of its own word.
    for radio in (terecht, onterecht):
        label = radio.locator("xpath=ancestor::label")
        cirkel, tekst = radio.bounding_box(), label.bounding_box()
        assert tekst["y"] <= cirkel["y"] + cirkel["height"] / 2 <= tekst["y"] + tekst["height"]
    coordinator.screenshot(path=str(screenshots / "noodtoegang_beoordelen_kaart.png"), full_page=True)
    terecht.check()
    kaart.get_by_role("button", name=re.compile("Oordeel vastleggen")).click()
    expect(coordinator.locator("body")).to_contain_text("Beoordeling vastgelegd")
    nood = Noodtoegang.objects.get()
    assert nood.oordeel == "terecht" and nood.beoordeeld_door == p.coordinator
    context.close()
