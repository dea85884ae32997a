"""Issue 11, finding 9: bad input gives a Dutch form error or a 404, never a 500 or a partial write.

Each test counts the rows of the tables the endpoint writes before and after, so a refusal that
still wrote something fails as surely as a server error.
"""

import uuid
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from arrangementen.models import Arrangement, Onderdeel
from meldingen.models import Melding
from monitor.models import MonitorRapport
from skt.models import Inwoner, Noodtoegang

from .arrangementen.conftest import PLANTEKST, categorie, concept_maken
from .factories import InwonerFactory

pytestmark = pytest.mark.django_db


def _client(als, medewerker):
    # A server error must show up as a 500 answer, not as an exception the test client re-raises.
    client = als(medewerker)
    client.raise_request_exception = False
    return client


def _tellingen(*modellen) -> tuple[int, ...]:
    return tuple(model.objects.count() for model in modellen)


@pytest.mark.parametrize("sleutel", ["geen-uuid", "1' OR '1'='1", "9" * 40, ""])
def test_noodtoegang_beoordelen_met_een_misvormd_id_is_een_404(personas, als, sleutel):
    voor = _tellingen(Noodtoegang)
    antwoord = _client(als, personas.coordinator).post(
        "/noodtoegang/beoordelen/", {"noodtoegang": sleutel, "oordeel": "terecht"}
    )
    assert antwoord.status_code == 404
    assert _tellingen(Noodtoegang) == voor


@pytest.mark.parametrize("periode", ["9999Q4", "0001Q1", "1899Q1", f"{timezone.localdate().year + 2}Q1"])
def test_rapport_voor_een_periode_buiten_de_monitor_geeft_een_nederlandse_fout(personas, als, periode):
    voor = _tellingen(MonitorRapport)
    antwoord = _client(als, personas.coordinator).post(
        reverse("monitor:rapport_maken"),
        {"periode": periode, "sleutel": str(uuid.uuid4())},
        headers={"HX-Request": "true"},
    )
    assert antwoord.status_code == 422
    assert "kwartaal" in antwoord.content.decode().lower()
    assert _tellingen(MonitorRapport) == voor


def _melding_data(**anders) -> dict:
    data = {
        "anoniem": "1",
        "formulier_sleutel": str(uuid.uuid4()),
        "aanmeldingsdatum": timezone.localdate().isoformat(),
        "ingang": "telefoon",
        "melder_soort": "inwoner",
        "vraag": "Ik red het niet meer met de administratie.",
    }
    data.update(anders)
    return data


@pytest.mark.parametrize("leefgebied", ["9" * 20, "-" + "9" * 20, "1e5", "abc"])
def test_melding_met_een_onmogelijk_leefgebied_id_geeft_een_formulierfout(personas, als, leefgebied):
    voor = _tellingen(Melding)
    antwoord = _client(als, personas.poort).post(
        "/poort/melding/nieuw/?anoniem=1", _melding_data(leefgebieden=[leefgebied])
    )
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["leefgebieden"]
    assert _tellingen(Melding) == voor


@pytest.mark.parametrize(
    ("datum", "fout"),
    [
        ("0001-01-01", "2000"),
        ("1999-12-31", "2000"),
        ((timezone.localdate() + timedelta(days=1)).isoformat(), "toekomst"),
    ],
)
def test_aanmeldingsdatum_buiten_de_grenzen_geeft_een_formulierfout(personas, als, datum, fout):
    voor = _tellingen(Melding)
    antwoord = _client(als, personas.poort).post(
        "/poort/melding/nieuw/?anoniem=1", _melding_data(aanmeldingsdatum=datum)
    )
    assert antwoord.status_code == 200
    assert fout in " ".join(antwoord.context["form"].errors["aanmeldingsdatum"])
    assert _tellingen(Melding) == voor


def test_aanmeldingsdatum_op_de_grens_mag(personas, als):
    antwoord = _client(als, personas.poort).post(
        "/poort/melding/nieuw/?anoniem=1", _melding_data(aanmeldingsdatum="2000-01-01")
    )
    assert antwoord.status_code == 302
    assert Melding.objects.get().aanmeldingsdatum == date(2000, 1, 1)


@pytest.mark.parametrize("geboortedatum", ["0001-01-01", "1899-12-31"])
def test_geboortedatum_voor_1900_geeft_een_formulierfout(personas, als, kern_elst, geboortedatum):
    voor = _tellingen(Inwoner)
    antwoord = _client(als, personas.beroepskracht).post(
        "/inwoners/nieuw/",
        {
            "voornamen": "Jan",
            "achternaam": "Nieuwkomer",
            "geboortedatum": geboortedatum,
            "postcode": "6666 ZZ",
            "huisnummer": "7",
            "woonplaats": "Elst",
            "kern": kern_elst.pk,
        },
    )
    assert antwoord.status_code == 200
    assert "1900" in " ".join(antwoord.context["form"].errors["geboortedatum"])
    assert _tellingen(Inwoner) == voor


def _arrangement_formulier(onderdeel: dict, **plan) -> dict:
    data = {"wet": "wmo", **PLANTEKST, **plan}
    data.update(
        {
            "onderdelen-TOTAL_FORMS": "1",
            "onderdelen-INITIAL_FORMS": "0",
            "onderdelen-MIN_NUM_FORMS": "0",
            "onderdelen-MAX_NUM_FORMS": "30",
        }
    )
    data.update({f"onderdelen-0-{veld}": waarde for veld, waarde in onderdeel.items()})
    return data


@pytest.mark.parametrize("kosten", ["NaN", "nan", "Infinity", "-Infinity", "sNaN", "-1", "1e30", "1,5e999"])
def test_arrangement_met_onmogelijke_kosten_geeft_een_formulierfout(personas, als, kosten):
    arrangement = concept_maken(personas)
    voor = _tellingen(Arrangement, Onderdeel)
    onderdeel = {
        "soort": "maatwerkvoorziening",
        "categorie": str(categorie("wmo", "01").pk),
        "omschrijving": "Hulp bij het huishouden",
        "omvang": "3 uur",
        "indicatieve_kosten": kosten,
    }
    antwoord = _client(als, personas.beroepskracht).post(
        reverse("arrangementen:bewerken", args=[arrangement.uuid]), _arrangement_formulier(onderdeel)
    )
    assert antwoord.status_code == 200
    assert "kosten" in antwoord.content.decode().lower()
    assert antwoord.context["formset"].forms[0].errors["indicatieve_kosten"]
    assert _tellingen(Arrangement, Onderdeel) == voor


@pytest.mark.parametrize("datum", ["0001-01-01", "1999-12-31"])
def test_meldingsdatum_van_een_arrangement_voor_2000_geeft_een_formulierfout(personas, als, datum):
    arrangement = concept_maken(personas)
    antwoord = _client(als, personas.beroepskracht).post(
        reverse("arrangementen:bewerken", args=[arrangement.uuid]),
        _arrangement_formulier({"soort": ""}, meldingsdatum=datum),
    )
    assert antwoord.status_code == 200
    assert "2000" in " ".join(antwoord.context["form"].errors["meldingsdatum"])
    arrangement.refresh_from_db()
    assert arrangement.meldingsdatum != date.fromisoformat(datum)


def test_inwoner_factory_blijft_binnen_de_grenzen(kern_elst):
    # The fixtures other tests build on must themselves respect the bounds this module asserts.
    assert InwonerFactory(kern=kern_elst).geboortedatum >= date(1900, 1, 1)
