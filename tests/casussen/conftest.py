"""Casussen test helpers: a melding routed to team A (Elst), and a casus started from it by the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casussen import services
from casussen.vocab import KADERS
from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt.models import Leefgebied

from ..factories import InwonerFactory, LeefgebiedFactory

ALLE_KADERS = {kader.veld: True for kader in KADERS}


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    # The personas get real passwords; PBKDF2 costs about a second each on a busy CI machine.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def leefgebieden(db):
    return [
        LeefgebiedFactory(code="financien", label="Financiën", volgorde=1),
        LeefgebiedFactory(code="huisvesting", label="Huisvesting", volgorde=2),
        LeefgebiedFactory(code="sociaal-netwerk", label="Sociaal netwerk", volgorde=3),
        LeefgebiedFactory(code="middelengebruik", label="Middelengebruik", volgorde=4),
    ]


def melding_maken(personas, *, team=None, dagen_geleden: int = 20, inwoner=None, **velden):
    """A melding registered at the poort and triaged to a kernteam (team A by default)."""
    team = team or personas.team_a
    inwoner = inwoner or InwonerFactory(kern=team.kernen.first())
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate() - timedelta(days=dagen_geleden),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag=velden.pop("vraag", "Ik kom er met mijn administratie niet meer uit."),
    )
    melding_trieren(
        door=personas.poort,
        melding=melding,
        uitkomst=velden.pop("uitkomst", "kernteam"),
        reden="Past bij het kernteam.",
        team=team,
    )
    melding.refresh_from_db()
    return melding


def startgegevens(personas, melding, **anders) -> dict:
    gegevens = {
        "door": personas.beroepskracht,
        "melding": melding,
        "casushouder": personas.beroepskracht,
        "doel": "Mevrouw houdt zelf haar administratie bij.",
        "kaders": dict(ALLE_KADERS),
        "toets_collega": personas.vrijwilliger,
        "toets_datum": timezone.localdate() - timedelta(days=10),
        "toets_uitkomst": "Collega is het eens: kortdurende ondersteuning past.",
        "vrijwilliger_toestemming": True,
        "vrijwilliger": personas.vrijwilliger,
        "startdatum": timezone.localdate() - timedelta(days=10),
    }
    gegevens.update(anders)
    return gegevens


def casus_maken(personas, melding=None, **anders):
    melding = melding or melding_maken(personas)
    return services.casus_starten(**startgegevens(personas, melding, **anders))


def contacten_maken(personas, casus, aantal: int, **anders):
    laatste = None
    for i in range(aantal):
        gegevens = {
            "door": personas.beroepskracht,
            "casus": casus,
            "datum": timezone.localdate() - timedelta(days=max(0, 9 - i)),
            "soort": "telefoon",
            "duur_minuten": 30,
            "verslag": f"Gesprek {i + 1}.",
        }
        gegevens.update(anders)
        laatste = services.contactmoment_registreren(**gegevens)
    return laatste


@pytest.fixture
def melding(personas):
    return melding_maken(personas)


@pytest.fixture
def casus(personas, melding):
    return casus_maken(personas, melding)


@pytest.fixture
def klein_maximum(profiel):
    """A gemeente with at most 3 contactmomenten, to reach the maximum quickly."""
    profiel.instellingen["max_contactmomenten"] = 3
    profiel.save()
    return 3


def actieve_leefgebieden():
    return list(Leefgebied.objects.filter(actief=True))
