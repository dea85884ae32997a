"""Personas per role, shared by every test.

Team A (Elst) and team B (Driel) are geographic kernteams; the loket is a team of its own.
"""

from dataclasses import dataclass

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from skt.models import Medewerker, Rol, Team

from .factories import KernFactory, medewerker_maken, profiel_maken, team_maken


@dataclass
class Personas:
    team_a: Team
    team_b: Team
    loket: Team
    poort: Medewerker
    beroepskracht: Medewerker
    beroepskracht2: Medewerker
    vrijwilliger: Medewerker
    consulent: Medewerker
    consulent_jeugd: Medewerker
    coordinator: Medewerker
    beleid: Medewerker
    beheerder: Medewerker
    buitenstaander: Medewerker

    def alle(self) -> dict[str, Medewerker]:
        return {
            naam: getattr(self, naam)
            for naam in (
                "poort",
                "beroepskracht",
                "beroepskracht2",
                "vrijwilliger",
                "consulent",
                "consulent_jeugd",
                "coordinator",
                "beleid",
                "beheerder",
                "buitenstaander",
            )
        }


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    # Ten personas per test with PBKDF2 would dominate the run time; hashing strength is not under test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def profiel(db):
    return profiel_maken()


@pytest.fixture
def kern_elst(db):
    return KernFactory(code="elst", naam="Elst")


@pytest.fixture
def kern_driel(db):
    return KernFactory(code="driel", naam="Driel")


@pytest.fixture
def personas(db, profiel, kern_elst, kern_driel) -> Personas:
    team_a = team_maken("Elst", kernen=[kern_elst])
    team_b = team_maken("Driel", kernen=[kern_driel])
    loket = team_maken("Loket Samenleven", soort=Team.Soort.LOKET)
    return Personas(
        team_a=team_a,
        team_b=team_b,
        loket=loket,
        poort=medewerker_maken("poort", Rol.VRAAGVERHELDERAAR),
        beroepskracht=medewerker_maken("beroepskracht", Rol.BEROEPSKRACHT, teams=[team_a]),
        beroepskracht2=medewerker_maken("beroepskracht2", Rol.BEROEPSKRACHT, teams=[team_b]),
        vrijwilliger=medewerker_maken("vrijwilliger", Rol.VRIJWILLIGER, teams=[team_a]),
        consulent=medewerker_maken("consulent", Rol.CONSULENT_WMO, teams=[loket]),
        consulent_jeugd=medewerker_maken("consulent_jeugd", Rol.CONSULENT_JEUGD, teams=[loket]),
        coordinator=medewerker_maken("coordinator", Rol.COORDINATOR, teams=[team_a, team_b, loket]),
        beleid=medewerker_maken("beleid", Rol.BELEID),
        beheerder=medewerker_maken("beheerder", Rol.BEHEERDER),
        # A kernteam professional with no team and no betrokkenheid with anyone.
        buitenstaander=medewerker_maken("buitenstaander", Rol.BEROEPSKRACHT),
    )


def ingelogde_client(medewerker: Medewerker) -> Client:
    """A client logged in with password and a verified second factor, as in production."""
    client = Client()
    client.force_login(medewerker)
    apparaat, _ = TOTPDevice.objects.get_or_create(user=medewerker, name="test", defaults={"confirmed": True})
    sessie = client.session
    sessie["otp_device_id"] = apparaat.persistent_id
    sessie.save()
    return client


@pytest.fixture
def als():
    """als(persona) -> a logged-in, second-factor-verified test client."""
    return ingelogde_client
