"""The database keeps the casus's rules too: a row that breaks them is refused, whatever wrote it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from casussen.models import Adviesvraag
from casussen.workflow import CasusStatus

from .conftest import casus_maken


def geweigerd(obj, naam: str, bericht: str) -> None:
    """The model's check names the rule in Dutch; the database refuses the row itself."""
    with pytest.raises(ValidationError) as fout:
        obj.validate_constraints()
    assert bericht in " ".join(fout.value.messages)
    with pytest.raises(IntegrityError) as fout, transaction.atomic():
        obj.save()
    assert naam in str(fout.value)


@pytest.fixture
def lopend(personas):
    casus = casus_maken(personas)
    assert casus.status == CasusStatus.LOPEND
    return casus


def test_lopend_alleen_met_startdatum(lopend):
    lopend.startdatum = None
    geweigerd(lopend, "casus_lopend_heeft_startdatum", "startdatum")


def test_afgesloten_alleen_met_datum(lopend):
    lopend.status = CasusStatus.AFGESLOTEN
    lopend.afsluitreden = "doel_bereikt"
    geweigerd(lopend, "casus_afgesloten_heeft_datum_en_reden", "datum en een reden")


def test_afgesloten_alleen_met_reden(lopend):
    lopend.status = CasusStatus.AFGESLOTEN
    lopend.afgesloten_op = timezone.localdate()
    geweigerd(lopend, "casus_afgesloten_heeft_datum_en_reden", "datum en een reden")


def test_afgesloten_zonder_start_alleen_na_twijfel(lopend):
    lopend.status = CasusStatus.AFGESLOTEN
    lopend.afgesloten_op = timezone.localdate()
    lopend.afsluitreden = "doel_bereikt"
    lopend.startdatum = None
    geweigerd(lopend, "casus_afgesloten_gestart_of_na_advies", "na twijfel en advies")


def test_na_advies_niet_gestart_en_afgesloten_mag(personas):
    casus = casus_maken(personas, twijfel=True, adviesvraag="Past dit nog binnen tien contacten?")
    casus.status = CasusStatus.AFGESLOTEN
    casus.afgesloten_op = timezone.localdate()
    casus.afsluitreden = "doel_bereikt"
    assert casus.startdatum is None
    casus.validate_constraints()
    casus.save()


def test_collegiale_toets_niet_door_de_casushouder_zelf(lopend):
    lopend.toets_collega = lopend.casushouder
    geweigerd(lopend, "casus_toets_niet_door_casushouder", "ándere collega")


def test_een_open_adviesvraag_per_casus(personas):
    casus = casus_maken(personas, twijfel=True, adviesvraag="Past dit nog binnen tien contacten?")
    assert casus.status == CasusStatus.WACHT_OP_ADVIES
    tweede = Adviesvraag(casus=casus, vraag="Nog een vraag.", gevraagd_door=personas.beroepskracht)
    with pytest.raises(ValidationError) as fout:
        tweede.validate_constraints()
    assert "al een adviesvraag open" in " ".join(fout.value.messages)
    with pytest.raises(IntegrityError), transaction.atomic():
        tweede.save()
    assert casus.adviesvragen.count() == 1


def test_na_het_advies_mag_een_nieuwe_vraag(personas):
    casus = casus_maken(personas, twijfel=True, adviesvraag="Past dit nog binnen tien contacten?")
    eerste = casus.adviesvragen.get()
    eerste.adviseur = personas.coordinator
    eerste.advies = "Het past."
    eerste.past_binnen_kaders = True
    eerste.geadviseerd_op = timezone.now() - timedelta(minutes=1)
    eerste.save()
    Adviesvraag.objects.create(casus=casus, vraag="En nu?", gevraagd_door=personas.beroepskracht)
    assert casus.adviesvragen.count() == 2
