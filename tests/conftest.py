"""Personas per role, shared by every test.

Team A (Elst) and team B (Driel) are geographic kernteams; the loket is a team of its own.
"""

from dataclasses import dataclass

import pytest
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from skt.models import GemeenteProfiel, Kern, Medewerker, Rol, Team

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


# username -> (role, codes of the teams); the outsider is a kernteam professional with no team and
# no betrokkenheid with anyone. Built last, so its existence means the whole set exists.
PERSONA_ROLLEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "poort": (Rol.VRAAGVERHELDERAAR, ()),
    "beroepskracht": (Rol.BEROEPSKRACHT, ("elst",)),
    "beroepskracht2": (Rol.BEROEPSKRACHT, ("driel",)),
    "vrijwilliger": (Rol.VRIJWILLIGER, ("elst",)),
    "consulent": (Rol.CONSULENT_WMO, ("loket-samenleven",)),
    "consulent_jeugd": (Rol.CONSULENT_JEUGD, ("loket-samenleven",)),
    "coordinator": (Rol.COORDINATOR, ("elst", "driel", "loket-samenleven")),
    "beleid": (Rol.BELEID, ()),
    "beheerder": (Rol.BEHEERDER, ()),
    "buitenstaander": (Rol.BEROEPSKRACHT, ()),
}
SNELLE_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def personas_bouwen() -> None:
    """The profile, kernen Elst and Driel, teams A, B and the loket and a Medewerker per persona.

    Idempotent (every helper updates or creates), so it can repair a database a flush emptied.
    """
    with override_settings(PASSWORD_HASHERS=SNELLE_HASHER):
        profiel_maken()
        kern_elst = KernFactory(code="elst", naam="Elst")
        kern_driel = KernFactory(code="driel", naam="Driel")
        teams = {
            "elst": team_maken("Elst", kernen=[kern_elst]),
            "driel": team_maken("Driel", kernen=[kern_driel]),
            "loket-samenleven": team_maken("Loket Samenleven", soort=Team.Soort.LOKET),
        }
        for naam, (rol, codes) in PERSONA_ROLLEN.items():
            medewerker_maken(naam, rol, teams=[teams[code] for code in codes])


def personas_zorgen() -> None:
    """Build the personas where they are missing: a transactional test (live server, race tests,
    the Celery worker) flushes every table when it ends."""
    if not Medewerker.objects.filter(username="buitenstaander").exists():
        personas_bouwen()


def personas_ophalen() -> Personas:
    """Fresh objects of the personas, so what one test changes on them never reaches the next."""
    teams = {team.code: team for team in Team.objects.filter(code__in=("elst", "driel", "loket-samenleven"))}
    medewerkers = {m.username: m for m in Medewerker.objects.filter(username__in=PERSONA_ROLLEN)}
    return Personas(
        team_a=teams["elst"], team_b=teams["driel"], loket=teams["loket-samenleven"], **medewerkers
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The personas, built once per test database (per xdist worker) and committed.

    Every test runs in a transaction pytest-django rolls back, so they are back as built for the
    next test; ~14 objects with groups and permissions per test cost more than most tests themselves.
    """
    with django_db_blocker.unblock():
        personas_bouwen()


@pytest.fixture(autouse=True)
def lege_cache():
    # The search and export limits count per user in the cache: a count left by one test must not
    # push a later test of the same persona in the same worker over the limit.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    # PBKDF2 for every login would dominate the run time; hashing strength is not under test.
    settings.PASSWORD_HASHERS = SNELLE_HASHER


@pytest.fixture
def profiel(db):
    personas_zorgen()
    return GemeenteProfiel.objects.get(naam="test")


@pytest.fixture
def kern_elst(db):
    personas_zorgen()
    return Kern.objects.get(code="elst")


@pytest.fixture
def kern_driel(db):
    personas_zorgen()
    return Kern.objects.get(code="driel")


@pytest.fixture
def personas(db) -> Personas:
    personas_zorgen()
    return personas_ophalen()


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


@pytest.fixture(autouse=True)
def celery_in_proces(request):
    """CI sets REDIS_URL for the whole run: without this, a task's .delay().get() (the monitor command,
    a daily job under test) waits for a worker that is not there. Only tests marked 'redis' talk to
    the real worker (tests/monitor/test_celery_worker.py)."""
    if request.node.get_closest_marker("redis"):
        yield
        return
    from skt.celery import app

    oud = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = oud
