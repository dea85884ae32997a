"""The transition table of a casus, checked over every (action, status) pair."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from casussen.workflow import FOUTEN, OVERGANGEN, WERKSTROOM, CasusStatus, mogelijke_acties, volgende_status
from tests.workflowtabel import overgang_controleren, tabel_controleren

S = CasusStatus

# The documented table, written out independently of the code: (actie, van) -> naar.
VERWACHT = {
    ("advies_vragen", S.CONCEPT): S.WACHT_OP_ADVIES,
    ("advies_ontvangen", S.WACHT_OP_ADVIES): S.CONCEPT,
    ("starten", S.CONCEPT): S.LOPEND,
    ("afsluiten", S.CONCEPT): S.AFGESLOTEN,
    ("afsluiten", S.LOPEND): S.AFGESLOTEN,
}
ACTIES = ["advies_vragen", "advies_ontvangen", "starten", "afsluiten"]

ACTIES_PER_STATUS = {
    S.CONCEPT: ("advies_vragen", "starten", "afsluiten"),
    S.WACHT_OP_ADVIES: ("advies_ontvangen",),
    S.LOPEND: ("afsluiten",),
    S.AFGESLOTEN: (),
}


def test_de_tabel_is_de_gedocumenteerde_tabel():
    assert (OVERGANGEN, FOUTEN) == (WERKSTROOM.overgangen, WERKSTROOM.fouten)
    tabel_controleren(WERKSTROOM, VERWACHT, ACTIES)


@pytest.mark.parametrize(("actie", "van"), list(itertools.product(ACTIES, S.values)))
def test_elke_actie_in_elke_status(actie, van):
    overgang_controleren(WERKSTROOM, actie, van, VERWACHT, woorden=("casus", "adviesvraag"))


@pytest.mark.parametrize("status", S.values)
def test_mogelijke_acties_per_status(status):
    assert mogelijke_acties(status) == ACTIES_PER_STATUS[status]


def test_onbekende_status_is_een_fout_geen_crash():
    for actie in ACTIES:
        with pytest.raises(ValidationError):
            volgende_status(actie, "verdwenen")
