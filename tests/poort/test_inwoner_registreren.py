"""The poort's registration of a new inwoner: the duplicate check before the kernel registers."""

import pytest

from poort import rechten as poort_rechten
from poort.services import NietGeregistreerd, inwoner_registreren
from skt.models import Inwoner

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bekend(kern_elst):
    return InwonerFactory(kern=kern_elst, postcode="6661 AB", huisnummer="12", achternaam="Visser")


def gegevens(bekend, **anders):
    return {
        "voornamen": "Els",
        "achternaam": "visser",
        "geboortedatum": bekend.geboortedatum,
        "postcode": "6661 AB",
        "huisnummer": "12",
        "woonplaats": "Elst",
        "kern": bekend.kern,
    } | anders


def test_een_mogelijke_dubbele_wordt_niet_geregistreerd_zonder_bevestiging(personas, bekend):
    aantal = Inwoner.objects.count()
    with pytest.raises(NietGeregistreerd) as fout:
        inwoner_registreren(door=personas.poort, gegevens=gegevens(bekend), dubbel_bevestigd=False)
    assert fout.value.kandidaten == [bekend]
    assert "dubbel_bevestigd" in fout.value.message_dict
    assert Inwoner.objects.count() == aantal


def test_na_bevestiging_geregistreerd_met_de_bevestigde_kandidaten(personas, bekend):
    registratie = inwoner_registreren(door=personas.poort, gegevens=gegevens(bekend), dubbel_bevestigd=True)
    assert registratie.inwoner.pk and registratie.inwoner != bekend
    assert registratie.bevestigde_dubbelen == [bekend]


def test_foute_gegevens_houden_de_kandidaten_bij_de_fout(personas, bekend):
    aantal = Inwoner.objects.count()
    with pytest.raises(NietGeregistreerd) as fout:
        inwoner_registreren(
            door=personas.poort, gegevens=gegevens(bekend, postcode="123"), dubbel_bevestigd=True
        )
    assert "postcode" in fout.value.message_dict
    assert fout.value.kandidaten == [bekend]
    assert Inwoner.objects.count() == aantal


def test_alleen_de_poort_ziet_wie_de_dubbele_is(personas):
    assert poort_rechten.mag_dubbelen_zien(personas.poort)
    assert not poort_rechten.mag_dubbelen_zien(personas.beroepskracht)
