"""Shared helpers for the meldingen and poort service tests.

The personas are built through the real services (which hash passwords); the tests here are
about rights and workflows, not password storage, so they use Django's fast test hasher.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from meldingen import services as meldingen_services
from meldingen.vocab import Ingang, MelderSoort
from poort import services as poort_services


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def vandaag() -> date:
    return timezone.localdate()


def dagen_geleden(n: int) -> date:
    return vandaag() - timedelta(days=n)


def melding_maken(door, *, inwoner=None, anoniem=False, aanmeldingsdatum=None, **extra):
    """Register a melding through the service with sensible defaults; returns the melding."""
    gegevens = {
        "ingang": Ingang.TELEFOON,
        "melder_soort": MelderSoort.INWONER,
        "vraag": "Ik red het niet meer met de boodschappen.",
    }
    gegevens.update(extra)
    melding, aangemaakt = meldingen_services.melding_registreren(
        door=door,
        inwoner=inwoner,
        anoniem=anoniem,
        aanmeldingsdatum=aanmeldingsdatum or dagen_geleden(3),
        **gegevens,
    )
    assert aangemaakt
    return melding


def trieren(door, melding, uitkomst, **extra):
    """Triage through the service with a reason; returns the refreshed melding."""
    extra.setdefault("reden", "Past bij deze route.")
    poort_services.melding_trieren(door=door, melding=melding, uitkomst=uitkomst, **extra)
    melding.refresh_from_db()
    return melding
