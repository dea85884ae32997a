"""The loket's werkvoorraad in a real browser: a kernteam hands a melding over to the loket, the Wmo
consulent takes it and sends it back "geen maatwerk nodig" with a reason; the kernteam gets the
message, finds the melding back in its own queue and reads the outcome; another team sees nothing."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from arrangementen.models import Aanvraag
from arrangementen.workflow import AanvraagStatus
from meldingen.services import melding_registreren
from poort.services import melding_doorschakelen, melding_trieren

from ..factories import InwonerFactory
from .conftest import inloggen, nieuwe_pagina

pytestmark = pytest.mark.e2e


def menu(pagina, label: str) -> None:
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=label, exact=True).click()


@pytest.fixture
def overgedragen(e2e_personas):
    """A melding of team A (Elst) that the beroepskracht handed over to the loket."""
    p = e2e_personas
    inwoner = InwonerFactory(voornamen="Henk", achternaam="Jansen", kern=p.team_a.kernen.first())
    melding, _ = melding_registreren(
        door=p.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate() - timedelta(days=4),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Meneer wil hulp bij het douchen.",
    )
    melding_trieren(door=p.poort, melding=melding, uitkomst="kernteam", reden="Kernteam eerst.")
    melding_doorschakelen(
        door=p.beroepskracht, melding=melding, uitkomst="loket", reden="Lijkt persoonlijke verzorging."
    )
    return p, Aanvraag.objects.get(melding=melding)


def test_geen_maatwerk_nodig_gaat_terug_naar_het_team(
    pagina, browser, live_server, overgedragen, screenshots
):
    personas, aanvraag = overgedragen

    # -- the consulent finds the item, takes it and sends it back ----------------------------
    inloggen(pagina, live_server, personas.consulent)
    menu(pagina, "Werkvoorraad")
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Werkvoorraad van het loket")
    pagina.screenshot(path=str(screenshots / "werkvoorraad.png"), full_page=True)
    pagina.get_by_role("link", name=aanvraag.nummer).click()
    expect(pagina.locator("main")).to_contain_text("Lijkt persoonlijke verzorging.")
    pagina.get_by_role("button", name="In behandeling nemen").click()
    expect(pagina.locator("main")).to_contain_text("In behandeling bij een consulent")
    pagina.get_by_role("link", name="Afhandelen").click()
    pagina.get_by_label("Geen maatwerk nodig: terug naar het kernteam").check()
    pagina.get_by_role("button", name="Afhandelen").click()
    # An empty reason: the message next to the field, nothing changed.
    expect(pagina.locator("main")).to_contain_text("Schrijf waarom er geen maatwerk nodig is")
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.IN_BEHANDELING
    pagina.get_by_label("Toelichting").fill(
        "Een douchestoel van de thuiszorgwinkel volstaat; de dochter helpt."
    )
    pagina.screenshot(path=str(screenshots / "werkvoorraad_afhandelen.png"), full_page=True)
    pagina.get_by_role("button", name="Afhandelen").click()
    pagina.wait_for_url(re.compile(r"/werkvoorraad/$"))
    aanvraag.refresh_from_db()
    assert aanvraag.status == AanvraagStatus.GEEN_MAATWERK

    # -- the beroepskracht hears it and has the question back --------------------------------
    team_context, team = nieuwe_pagina(browser, live_server)
    inloggen(team, live_server, personas.beroepskracht)
    team.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name=re.compile("^Berichten")
    ).click()
    expect(team.locator("main")).to_contain_text("geen maatwerk nodig")
    expect(team.locator("main")).to_contain_text("douchestoel")
    team.goto("/overdrachten/?alle=1")
    expect(team.locator("main")).to_contain_text("Henk Jansen")
    team.get_by_role("link", name=aanvraag.nummer).click()
    expect(team.locator("main")).to_contain_text("Geen maatwerk nodig")
    expect(team.get_by_role("button", name="In behandeling nemen")).to_have_count(0)
    team.screenshot(path=str(screenshots / "werkvoorraad_terug_bij_team.png"), full_page=True)
    team.goto("/meldingen/wachtrij/")
    expect(team.locator("main")).to_contain_text(aanvraag.melding.nummer)
    team_context.close()

    # -- another team's beroepskracht finds nothing ------------------------------------------
    ander_context, ander = nieuwe_pagina(browser, live_server)
    inloggen(ander, live_server, personas.beroepskracht2)
    antwoord = ander.goto(f"/werkvoorraad/{aanvraag.uuid}/")
    assert antwoord.status == 404
    ander.goto("/overdrachten/?alle=1")
    expect(ander.locator("main")).not_to_contain_text("Henk Jansen")
    ander_context.close()
