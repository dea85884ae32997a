"""The one transition table of a melding, checked over every (action, status) pair."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from meldingen.workflow import FOUTEN, OVERGANGEN, MeldingStatus, volgende_status

S = MeldingStatus

# The documented table, written out independently of the code: (actie, van) -> naar.
VERWACHT = {
    ("trieren", S.NIEUW): S.GETRIEERD,
    ("direct_afhandelen", S.NIEUW): S.AFGESLOTEN,
    ("herrouteren", S.GETRIEERD): S.GETRIEERD,
    ("herrouteren", S.IN_BEHANDELING): S.GETRIEERD,
    ("eerste_contact", S.GETRIEERD): S.IN_BEHANDELING,
    ("afsluiten", S.GETRIEERD): S.AFGESLOTEN,
    ("afsluiten", S.IN_BEHANDELING): S.AFGESLOTEN,
}
ACTIES = ["trieren", "direct_afhandelen", "herrouteren", "eerste_contact", "afsluiten"]


def test_de_tabel_is_de_gedocumenteerde_tabel():
    assert set(OVERGANGEN) == set(ACTIES)
    assert set(FOUTEN) == set(ACTIES), "every action has its own Dutch message"
    assert {(actie, van): naar for actie, rij in OVERGANGEN.items() for van, naar in rij.items()} == VERWACHT


@pytest.mark.parametrize(("actie", "van"), list(itertools.product(ACTIES, S.values)))
def test_elke_actie_in_elke_status(actie, van):
    if (actie, van) in VERWACHT:
        assert volgende_status(actie, van) == VERWACHT[(actie, van)]
        return
    with pytest.raises(ValidationError) as fout:
        volgende_status(actie, van)
    assert fout.value.code == "ongeldige_overgang"
    bericht = " ".join(fout.value.messages)
    assert bericht == str(FOUTEN[actie])
    # Dutch, and about a melding.
    assert "melding" in bericht.lower()
    assert not any(woord in bericht.lower() for woord in ("invalid", "transition", "status "))


def test_een_afgesloten_melding_kan_niets_meer():
    for actie in ACTIES:
        with pytest.raises(ValidationError):
            volgende_status(actie, S.AFGESLOTEN)


def test_onbekende_status_is_een_fout_geen_crash():
    for actie in ACTIES:
        with pytest.raises(ValidationError):
            volgende_status(actie, "verdwenen")
