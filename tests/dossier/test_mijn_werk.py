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


def test_coordinator_telt_alleen_noodtoegang_van_eigen_teams(personas, als, kern_elst):
    from datetime import timedelta

    from skt.models import Noodtoegang, Rol

    from ..factories import medewerker_maken, team_maken

    team_c = team_maken("Team C")
    buiten = medewerker_maken("buiten_c", Rol.BEROEPSKRACHT, teams=[team_c])
    nu = timezone.now()
    reden = "De casushouder is ziek en de inwoner belt met een dringende vraag."
    Noodtoegang.objects.create(
        medewerker=buiten, inwoner=InwonerFactory(kern=None), reden=reden, van=nu, tot=nu + timedelta(hours=1)
    )
    inhoud = als(personas.coordinator).get("/").content.decode()
    assert "Noodtoegang te beoordelen: <strong>0</strong>" in inhoud

    Noodtoegang.objects.create(
        medewerker=personas.beroepskracht,
        inwoner=InwonerFactory(kern=kern_elst),
        reden=reden,
        van=nu,
        tot=nu + timedelta(hours=1),
    )
    inhoud = als(personas.coordinator).get("/").content.decode()
    assert "Noodtoegang te beoordelen: <strong>1</strong>" in inhoud
