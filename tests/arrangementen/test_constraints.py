"""The database keeps the arrangement's rules too: a row that breaks them is refused, whatever wrote it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from arrangementen.workflow import ArrangementStatus

from .conftest import concept_maken

pytestmark = pytest.mark.django_db


def test_in_behandeling_alleen_met_behandelaar(personas):
    arrangement = concept_maken(personas)
    arrangement.status = ArrangementStatus.IN_BEHANDELING
    arrangement.behandelaar = None
    with pytest.raises(ValidationError) as fout:
        arrangement.validate_constraints()
    assert "consulent die het behandelt" in " ".join(fout.value.messages)
    with pytest.raises(IntegrityError) as fout, transaction.atomic():
        arrangement.save()
    assert "arrangement_in_behandeling_heeft_behandelaar" in str(fout.value)


def test_in_behandeling_met_behandelaar_mag(personas):
    arrangement = concept_maken(personas)
    arrangement.status = ArrangementStatus.IN_BEHANDELING
    arrangement.behandelaar = personas.consulent
    arrangement.validate_constraints()
    arrangement.save()
