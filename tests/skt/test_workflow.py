"""The workflow kernel: a transition table with a Dutch error per action, and append-only status rows."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from meldingen.models import Melding, MeldingStatusRegel
from meldingen.workflow import WERKSTROOM, MeldingStatus
from skt.workflow import Werkstroom, status_zetten, vergrendeld

from ..factories import InwonerFactory

# A small table of its own, so these tests do not move when an app's table changes.
LAMP = Werkstroom(
    {
        "aandoen": {"uit": "aan"},
        "uitdoen": {"aan": "uit", "knippert": "uit"},
        "knipperen": {"aan": "knippert"},
    },
    {
        "aandoen": "Alleen een lamp die uit is kan aan.",
        "uitdoen": "Deze lamp is al uit.",
        "knipperen": "Alleen een brandende lamp kan knipperen.",
    },
)


def test_volgende_status_volgt_de_tabel():
    assert LAMP.volgende_status("aandoen", "uit") == "aan"
    assert LAMP.volgende_status("uitdoen", "knippert") == "uit"


def test_een_verboden_overgang_geeft_de_nederlandse_fout_van_die_actie():
    with pytest.raises(ValidationError) as fout:
        LAMP.volgende_status("uitdoen", "uit")
    assert fout.value.code == "ongeldige_overgang"
    assert fout.value.messages == ["Deze lamp is al uit."]


def test_een_onbekende_actie_is_een_nette_fout_geen_crash():
    with pytest.raises(ValidationError) as fout:
        LAMP.volgende_status("opblazen", "aan")
    assert fout.value.code == "ongeldige_overgang"
    assert fout.value.messages == ["Deze handeling bestaat niet."]
    assert not LAMP.mag("opblazen", "aan")


def test_een_onbekende_status_kan_niets():
    assert LAMP.mogelijke_acties("verdwenen") == ()
    with pytest.raises(ValidationError):
        LAMP.volgende_status("aandoen", "verdwenen")


def test_mag_en_mogelijke_acties_in_de_volgorde_van_de_tabel():
    assert LAMP.acties == ("aandoen", "uitdoen", "knipperen")
    assert LAMP.mogelijke_acties("aan") == ("uitdoen", "knipperen")
    assert LAMP.mogelijke_acties("uit") == ("aandoen",)
    assert LAMP.mag("knipperen", "aan") and not LAMP.mag("knipperen", "uit")


def test_elke_actie_heeft_een_foutmelding():
    with pytest.raises(ValueError, match="knipperen"):
        Werkstroom({"aandoen": {"uit": "aan"}, "knipperen": {"aan": "knippert"}}, {"aandoen": "Nee."})


def test_de_tabel_is_een_kopie():
    bron = {"aandoen": {"uit": "aan"}}
    werkstroom = Werkstroom(bron, {"aandoen": "Nee."})
    bron["aandoen"]["aan"] = "uit"
    assert not werkstroom.mag("aandoen", "aan")


@pytest.fixture
def melding(personas):
    return Melding.objects.create(
        aanmeldingsdatum=date(2025, 3, 3),
        ingang="telefoon",
        melder_soort="inwoner",
        inwoner=InwonerFactory(),
        vraag="Hulp bij de administratie.",
        geregistreerd_door=personas.poort,
    )


@pytest.mark.django_db
def test_status_zetten_zet_de_status_en_schrijft_een_regel(personas, melding):
    lang = "x" * 1500
    regel = status_zetten(
        melding,
        werkstroom=Werkstroom({"trieren": {"nieuw": "getrieerd"}}, {"trieren": "Nee."}),
        actie="trieren",
        door=personas.poort,
        toelichting=lang,
    )
    assert melding.status == "getrieerd"
    regel.refresh_from_db()
    assert (regel.melding, regel.status, regel.actie, regel.door) == (
        melding,
        "getrieerd",
        "trieren",
        personas.poort,
    )
    # Cut to the row's own field length, not refused: the motivation was already validated upstream.
    assert regel.toelichting == lang[:1000]


@pytest.mark.django_db
def test_status_zetten_schrijft_niets_bij_een_verboden_overgang(personas, melding):
    with pytest.raises(ValidationError):
        status_zetten(melding, werkstroom=WERKSTROOM, actie="afsluiten", door=personas.poort)
    assert melding.status == MeldingStatus.NIEUW
    assert not MeldingStatusRegel.objects.filter(melding=melding).exists()


@pytest.mark.django_db
def test_een_statusregel_is_niet_te_wijzigen(personas, melding):
    regel = MeldingStatusRegel.objects.create(
        melding=melding, status="nieuw", actie="registreren", door=personas.poort
    )
    regel.toelichting = "achteraf anders opgeschreven"
    with pytest.raises(ValueError, match="alleen aan te vullen"):
        regel.save()
    regel.refresh_from_db()
    assert regel.toelichting == ""


@pytest.mark.django_db
def test_statusregels_in_volgorde_van_tijd(personas, melding):
    for actie in ("trieren", "eerste_contact", "afsluiten"):
        status_zetten(melding, werkstroom=WERKSTROOM, actie=actie, door=personas.poort)
    assert list(melding.statusregels.values_list("status", flat=True)) == [
        "getrieerd",
        "in_behandeling",
        "afgesloten",
    ]


@pytest.mark.django_db
def test_vergrendeld_haalt_de_rij_op_binnen_een_transactie(personas, melding):
    with transaction.atomic():
        assert vergrendeld(Melding, melding.pk) == melding
