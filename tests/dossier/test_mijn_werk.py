"""Each role lands on its own start page with its own work, and nothing it may not count."""

import pytest
from django.utils import timezone

from meldingen.services import melding_registreren
from poort.services import melding_trieren

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db

VERWACHT = {
    "poort": ["Poort", "Wachten op triage"],
    "beroepskracht": ["Meldingen van uw team", "Mijn casussen", "Arrangementen"],
    "beroepskracht2": ["Meldingen van uw team", "Mijn casussen"],
    "vrijwilliger": ["Casussen waarbij u betrokken bent"],
    "consulent": ["Loket", "wachten op beoordeling"],
    "consulent_jeugd": ["Loket"],
    "coordinator": ["Casussen van uw teams", "Noodtoegang te beoordelen", "Kwartaalmonitor"],
    "beleid": ["Kwartaalmonitor"],
    "beheerder": ["Naar het beheer"],
}
NIET = {
    "vrijwilliger": ["Poort", "Loket", "Kwartaalmonitor"],
    "beleid": ["Mijn casussen", "Poort", "Noodtoegang"],
    "beheerder": ["Mijn casussen", "Poort", "Kwartaalmonitor"],
    "poort": ["Mijn casussen", "Kwartaalmonitor", "Loket"],
}


@pytest.mark.parametrize("persona", list(VERWACHT))
def test_startpagina_per_rol(personas, als, persona):
    inhoud = als(getattr(personas, persona)).get("/").content.decode()
    for tekst in VERWACHT[persona]:
        assert tekst in inhoud, tekst
    for tekst in NIET.get(persona, []):
        assert tekst not in inhoud, tekst


def test_poort_telt_ongetrieerde_meldingen(personas, als, kern_elst):
    inwoner = InwonerFactory(kern=kern_elst)
    for _ in range(3):
        melding, _ = melding_registreren(
            door=personas.poort,
            inwoner=inwoner,
            anoniem=False,
            aanmeldingsdatum=timezone.localdate(),
            ingang="telefoon",
            melder_soort="inwoner",
            vraag="vraag",
        )
    melding_trieren(door=personas.poort, melding=melding, uitkomst="kernteam", reden="kernteam")
    inhoud = als(personas.poort).get("/").content.decode()
    assert "Wachten op triage: <strong>2</strong>" in inhoud
