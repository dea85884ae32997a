"""The database keeps the melding's rules too: a row that breaks them is refused, whatever wrote it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meldingen.vocab import TriageUitkomst
from meldingen.workflow import MeldingStatus

from ..factories import InwonerFactory
from . import melding_maken, snelle_wachtwoorden, trieren

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures(snelle_wachtwoorden.__name__)]


def geweigerd(obj, naam: str, bericht: str) -> None:
    """The model's check names the rule in Dutch; the database refuses the row itself."""
    with pytest.raises(ValidationError) as fout:
        obj.validate_constraints()
    assert bericht in " ".join(fout.value.messages)
    with pytest.raises(IntegrityError) as fout, transaction.atomic():
        obj.save()
    assert naam in str(fout.value)


@pytest.fixture
def nieuw(personas):
    return melding_maken(personas.poort, inwoner=InwonerFactory(kern=personas.team_a.kernen.first()))


@pytest.fixture
def getrieerd(personas, nieuw):
    return trieren(personas.poort, nieuw, TriageUitkomst.KERNTEAM, team=personas.team_a)


def test_voorbij_nieuw_alleen_met_triage_uitkomst(nieuw, personas):
    nieuw.status = MeldingStatus.GETRIEERD
    nieuw.team = personas.team_a
    geweigerd(nieuw, "melding_na_nieuw_getrieerd", "triage-uitkomst")


def test_getrieerd_alleen_met_team(getrieerd):
    getrieerd.team = None
    geweigerd(getrieerd, "melding_getrieerd_heeft_team", "team")


def test_in_behandeling_alleen_met_team(getrieerd):
    getrieerd.status = MeldingStatus.IN_BEHANDELING
    getrieerd.eerste_contact_op = getrieerd.aanmeldingsdatum
    getrieerd.team = None
    geweigerd(getrieerd, "melding_getrieerd_heeft_team", "team")


def test_eerste_contact_niet_voor_de_aanmelding(getrieerd):
    getrieerd.status = MeldingStatus.IN_BEHANDELING
    getrieerd.eerste_contact_op = getrieerd.aanmeldingsdatum - timedelta(days=1)
    geweigerd(getrieerd, "melding_eerste_contact_na_aanmelding", "vóór de datum van aanmelding")


def test_afgesloten_alleen_met_datum(getrieerd):
    getrieerd.status = MeldingStatus.AFGESLOTEN
    getrieerd.uitstroom = "geen_vervolg"
    geweigerd(getrieerd, "melding_afgesloten_heeft_datum", "datum van afsluiten")


def test_direct_afgehandeld_zonder_team_mag(personas, nieuw):
    """The rules do not refuse a legal path: the poort closes a melding without a team."""
    melding = trieren(personas.poort, nieuw, TriageUitkomst.DIRECT, uitstroom="direct_beantwoord")
    assert melding.status == MeldingStatus.AFGESLOTEN and melding.team is None
    melding.validate_constraints()
