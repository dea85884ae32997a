"""The transition table of an arrangement, checked over every (action, status) pair."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from arrangementen.workflow import (
    FOUTEN,
    OVERGANGEN,
    WERKSTROOM,
    ArrangementStatus,
    mogelijke_acties,
    volgende_status,
)
from tests.workflowtabel import overgang_controleren, tabel_controleren

S = ArrangementStatus

# The documented table, written out independently of the code: (actie, van) -> naar.
VERWACHT = {
    ("opslaan", S.CONCEPT): S.CONCEPT,
    ("opslaan", S.TERUGGESTUURD): S.TERUGGESTUURD,
    ("indienen", S.CONCEPT): S.INGEDIEND,
    ("indienen", S.TERUGGESTUURD): S.INGEDIEND,
    ("in_behandeling_nemen", S.INGEDIEND): S.IN_BEHANDELING,
    ("behandeling_teruggeven", S.IN_BEHANDELING): S.INGEDIEND,
    ("terugsturen", S.INGEDIEND): S.TERUGGESTUURD,
    ("terugsturen", S.IN_BEHANDELING): S.TERUGGESTUURD,
    ("goedkeuren", S.INGEDIEND): S.GOEDGEKEURD,
    ("goedkeuren", S.IN_BEHANDELING): S.GOEDGEKEURD,
    ("gedeeltelijk_goedkeuren", S.INGEDIEND): S.GEDEELTELIJK_GOEDGEKEURD,
    ("gedeeltelijk_goedkeuren", S.IN_BEHANDELING): S.GEDEELTELIJK_GOEDGEKEURD,
    ("afwijzen", S.INGEDIEND): S.AFGEWEZEN,
    ("afwijzen", S.IN_BEHANDELING): S.AFGEWEZEN,
    ("termijn_verlengen", S.INGEDIEND): S.INGEDIEND,
    ("termijn_verlengen", S.IN_BEHANDELING): S.IN_BEHANDELING,
    ("evalueren", S.GOEDGEKEURD): S.GOEDGEKEURD,
    ("evalueren", S.GEDEELTELIJK_GOEDGEKEURD): S.GEDEELTELIJK_GOEDGEKEURD,
    ("beeindigen", S.GOEDGEKEURD): S.BEEINDIGD,
    ("beeindigen", S.GEDEELTELIJK_GOEDGEKEURD): S.BEEINDIGD,
}
ACTIES = [
    "opslaan",
    "indienen",
    "in_behandeling_nemen",
    "behandeling_teruggeven",
    "terugsturen",
    "goedkeuren",
    "gedeeltelijk_goedkeuren",
    "afwijzen",
    "termijn_verlengen",
    "evalueren",
    "beeindigen",
]
BESLISSEN = ("terugsturen", "goedkeuren", "gedeeltelijk_goedkeuren", "afwijzen", "termijn_verlengen")
ACTIES_PER_STATUS = {
    S.CONCEPT: ("opslaan", "indienen"),
    S.TERUGGESTUURD: ("opslaan", "indienen"),
    S.INGEDIEND: ("in_behandeling_nemen", *BESLISSEN),
    S.IN_BEHANDELING: ("behandeling_teruggeven", *BESLISSEN),
    S.GOEDGEKEURD: ("evalueren", "beeindigen"),
    S.GEDEELTELIJK_GOEDGEKEURD: ("evalueren", "beeindigen"),
    S.AFGEWEZEN: (),
    S.BEEINDIGD: (),
}


def test_de_tabel_is_de_gedocumenteerde_tabel():
    assert (OVERGANGEN, FOUTEN) == (WERKSTROOM.overgangen, WERKSTROOM.fouten)
    tabel_controleren(WERKSTROOM, VERWACHT, ACTIES)


@pytest.mark.parametrize(("actie", "van"), list(itertools.product(ACTIES, S.values)))
def test_elke_actie_in_elke_status(actie, van):
    overgang_controleren(WERKSTROOM, actie, van, VERWACHT, woorden=("arrangement", "beslistermijn"))


@pytest.mark.parametrize("status", S.values)
def test_mogelijke_acties_per_status(status):
    assert mogelijke_acties(status) == ACTIES_PER_STATUS[status]


def test_een_besloten_arrangement_kan_niets_meer():
    """After the decision only evaluating and ending remain, and only while the plan was granted."""
    for status in (S.GOEDGEKEURD, S.GEDEELTELIJK_GOEDGEKEURD, S.AFGEWEZEN, S.BEEINDIGD):
        for actie in ACTIES:
            if status in (S.GOEDGEKEURD, S.GEDEELTELIJK_GOEDGEKEURD) and actie in ("evalueren", "beeindigen"):
                continue
            with pytest.raises(ValidationError):
                volgende_status(actie, status)
