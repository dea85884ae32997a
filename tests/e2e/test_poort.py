"""Issue 3 in a real browser: from the phone call at the poort to a closed melding in the team."""

import re

import pytest
from django.utils import timezone

from meldingen.models import Melding
from meldingen.services import melding_registreren
from poort.services import melding_trieren
from tests.factories import InwonerFactory

from .conftest import inloggen, nieuwe_pagina

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VT_VRAAG = "Buren horen 's nachts geschreeuw en zien blauwe plekken bij de kinderen"


@pytest.fixture
def wereld(e2e_personas, kern_elst):
    p = e2e_personas
    bekend = InwonerFactory(
        kern=kern_elst, voornamen="Gerda", achternaam="Vos", postcode="6661 AB", huisnummer="12"
    )
    ander = InwonerFactory(kern=kern_elst, voornamen="Kees", achternaam="Smit")
    vt, _ = melding_registreren(
        door=p.poort,
        inwoner=ander,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        melder_soort="buurtbewoner",
        vraag=VT_VRAAG,
    )
    melding_trieren(door=p.poort, melding=vt, uitkomst="veilig_thuis", reden="Veiligheidssignaal")
    return p, bekend, vt


def test_poort_tot_afgesloten_melding(pagina, browser, live_server, wereld, screenshots):
    p, bekend, vt = wereld

    # The poort finds the known inwoner by postcode + house number and registers the question.
    inloggen(pagina, live_server, p.poort)
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Nieuwe vraag").click()
    pagina.get_by_label("Postcode").fill("6661ab")
    pagina.get_by_label("Huisnummer").fill("12")
    pagina.get_by_role("button", name="Zoeken").click()
    pagina.get_by_role("link", name=re.compile(r"Melding registreren.*Gerda Vos")).click()
    pagina.get_by_label("Ingang").select_option(label="Telefoon")
    pagina.get_by_label("Melder", exact=False).first.select_option(label="Inwoner zelf (of huishouden)")
    pagina.get_by_label("Vraag in de woorden van de inwoner").fill("Ik krijg mijn post niet meer op orde.")
    pagina.get_by_role("button", name="Registreren en triëren").click()
    pagina.wait_for_url(re.compile(r"/trieren/$"))
    pagina.get_by_label("Naar het kernteam", exact=True).check()
    pagina.get_by_label("Waarom deze keuze?").fill("Administratie, past bij het kernteam van Elst.")
    pagina.get_by_role("button", name="Triage vastleggen").click()
    assert "is doorgestuurd naar Elst" in pagina.content()
    melding = Melding.objects.exclude(pk=vt.pk).get()

    # The kernteam sees it in its queue, records the first contact and closes it.
    team = nieuwe_pagina(browser, live_server)[1]
    inloggen(team, live_server, p.beroepskracht)
    team.goto("/meldingen/wachtrij/")
    wachtrij = team.content()
    assert "Gerda Vos" in wachtrij and VT_VRAAG not in wachtrij and "Kees Smit" not in wachtrij
    team.get_by_role("link", name=re.compile("Gerda Vos")).first.click()
    team.get_by_label("Hoe was het contact?").select_option(label="Telefonisch")
    team.get_by_role("button", name="Eerste contact vastleggen").click()
    melding.refresh_from_db()
    assert melding.status == "in_behandeling" and melding.eerste_contact_door == p.beroepskracht
    # Closing is not the next step the status calls for: it sits behind "Andere acties".
    team.locator("summary", has_text="Andere acties").click()
    team.get_by_label("Uitstroom").select_option(label="Eigen kracht / eigen oplossing")
    team.get_by_label(re.compile("Ik weet dat")).check()
    team.get_by_role("button", name="Melding afsluiten").click()
    melding.refresh_from_db()
    assert melding.status == "afgesloten" and melding.uitstroom == "eigen_kracht"
    team.screenshot(path=str(screenshots / "poort_melding_afgesloten.png"), full_page=True)

    # The Veilig Thuis melding does not exist for the kernteam, not even by URL.
    team.goto(f"/meldingen/{vt.uuid}/")
    assert "Niet gevonden" in team.content() and VT_VRAAG not in team.content()
    team.goto(f"/inwoners/{vt.inwoner.uuid}/")
    assert VT_VRAAG not in team.content()

    # Another team cannot open the melding by URL.
    ander = nieuwe_pagina(browser, live_server)[1]
    inloggen(ander, live_server, p.beroepskracht2)
    antwoord = ander.goto(f"/meldingen/{melding.uuid}/")
    assert antwoord.status == 404
    assert "post niet meer op orde" not in ander.content()
