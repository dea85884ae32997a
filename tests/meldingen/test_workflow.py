"""The transition tables of a melding and a signaal, checked over every (action, status) pair."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from meldingen.models import Signaal
from meldingen.workflow import (
    FOUTEN,
    OVERGANGEN,
    SIGNAAL_ACTIE_NAAR,
    SIGNAAL_FOUTEN,
    SIGNAAL_OVERGANGEN,
    SIGNAAL_WERKSTROOM,
    WERKSTROOM,
    MeldingStatus,
    SignaalStatus,
    mogelijke_acties,
    signaal_vervolgstatussen,
    volgende_status,
)
from tests.workflowtabel import overgang_controleren, tabel_controleren

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
    assert (OVERGANGEN, FOUTEN) == (WERKSTROOM.overgangen, WERKSTROOM.fouten)
    tabel_controleren(WERKSTROOM, VERWACHT, ACTIES)


@pytest.mark.parametrize(("actie", "van"), list(itertools.product(ACTIES, S.values)))
def test_elke_actie_in_elke_status(actie, van):
    overgang_controleren(WERKSTROOM, actie, van, VERWACHT, woorden=("melding",))


def test_een_afgesloten_melding_kan_niets_meer():
    for actie in ACTIES:
        with pytest.raises(ValidationError):
            volgende_status(actie, S.AFGESLOTEN)


def test_onbekende_status_is_een_fout_geen_crash():
    for actie in ACTIES:
        with pytest.raises(ValidationError):
            volgende_status(actie, "verdwenen")


# What each status allows, as the melding page shows it: written out, not derived from the table.
ACTIES_PER_STATUS = {
    S.NIEUW: ("trieren", "direct_afhandelen"),
    S.GETRIEERD: ("herrouteren", "eerste_contact", "afsluiten"),
    S.IN_BEHANDELING: ("herrouteren", "afsluiten"),
    S.AFGESLOTEN: (),
}


@pytest.mark.parametrize("status", S.values)
def test_mogelijke_acties_per_status(status):
    assert mogelijke_acties(status) == ACTIES_PER_STATUS[status]
    assert WERKSTROOM.mogelijke_acties(status) == ACTIES_PER_STATUS[status]


# -- signalen ------------------------------------------------------------------------------------

G = SignaalStatus
SIGNAAL_VERWACHT = {
    ("onderzoeken", G.NIEUW): G.IN_ONDERZOEK,
    ("initiatief_starten", G.IN_ONDERZOEK): G.INITIATIEF_GESTART,
    ("afronden", G.INITIATIEF_GESTART): G.AFGEROND,
    ("niet_oppakken", G.NIEUW): G.NIET_OPGEPAKT,
    ("niet_oppakken", G.IN_ONDERZOEK): G.NIET_OPGEPAKT,
}
SIGNAAL_ACTIES = ["onderzoeken", "initiatief_starten", "afronden", "niet_oppakken"]


def test_signaaltabel_is_de_gedocumenteerde_tabel():
    assert (SIGNAAL_OVERGANGEN, SIGNAAL_FOUTEN) == (SIGNAAL_WERKSTROOM.overgangen, SIGNAAL_WERKSTROOM.fouten)
    tabel_controleren(SIGNAAL_WERKSTROOM, SIGNAAL_VERWACHT, SIGNAAL_ACTIES)
    assert Signaal.Status is SignaalStatus


@pytest.mark.parametrize(("actie", "van"), list(itertools.product(SIGNAAL_ACTIES, G.values)))
def test_elke_signaalactie_in_elke_status(actie, van):
    overgang_controleren(SIGNAAL_WERKSTROOM, actie, van, SIGNAAL_VERWACHT, woorden=("signaal",))


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (G.NIEUW, [G.IN_ONDERZOEK, G.NIET_OPGEPAKT]),
        (G.IN_ONDERZOEK, [G.INITIATIEF_GESTART, G.NIET_OPGEPAKT]),
        (G.INITIATIEF_GESTART, [G.AFGEROND]),
        (G.AFGEROND, []),
        (G.NIET_OPGEPAKT, []),
    ],
)
def test_vervolgstatussen_van_een_signaal(van, naar):
    assert signaal_vervolgstatussen(van) == naar


def test_elke_vervolgstatus_hoort_bij_precies_een_actie():
    assert SIGNAAL_ACTIE_NAAR == {
        G.IN_ONDERZOEK: "onderzoeken",
        G.INITIATIEF_GESTART: "initiatief_starten",
        G.AFGEROND: "afronden",
        G.NIET_OPGEPAKT: "niet_oppakken",
    }
