"""The transition table of a casus, checked over every (action, status) pair."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from casussen.workflow import FOUTEN, OVERGANGEN, WERKSTROOM, CasusStatus, mogelijke_acties, volgende_status

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
    assert set(OVERGANGEN) == set(ACTIES)
    assert set(FOUTEN) == set(ACTIES), "every action has its own Dutch message"
    assert {(actie, van): naar for actie, rij in OVERGANGEN.items() for van, naar in rij.items()} == VERWACHT


@pytest.mark.parametrize(("actie", "van"), list(itertools.product(ACTIES, S.values)))
def test_elke_actie_in_elke_status(actie, van):
    if (actie, van) in VERWACHT:
        assert volgende_status(actie, van) == VERWACHT[(actie, van)]
        assert WERKSTROOM.mag(actie, van)
        return
    assert not WERKSTROOM.mag(actie, van)
    with pytest.raises(ValidationError) as fout:
        volgende_status(actie, van)
    assert fout.value.code == "ongeldige_overgang"
    bericht = " ".join(fout.value.messages)
    assert bericht == str(FOUTEN[actie])
    assert any(woord in bericht.lower() for woord in ("casus", "adviesvraag"))


@pytest.mark.parametrize("status", S.values)
def test_mogelijke_acties_per_status(status):
    assert mogelijke_acties(status) == ACTIES_PER_STATUS[status]


def test_onbekende_status_is_een_fout_geen_crash():
    for actie in ACTIES:
        with pytest.raises(ValidationError):
            volgende_status(actie, "verdwenen")
