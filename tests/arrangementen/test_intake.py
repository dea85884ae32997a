"""The consulent's own intake: recognise an inwoner before opening anything, register at the loket."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from arrangementen.models import Aanvraag
from meldingen.models import Melding
from skt.models import Toegang

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate


def _met_melding(personas, uitkomst: str, **velden):
    from meldingen.services import melding_registreren
    from poort.services import melding_trieren

    inwoner = InwonerFactory(kern=personas.team_a.kernen.first(), **velden)
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=VANDAAG() - timedelta(days=5),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Meneer voelt zich eenzaam.",
    )
    melding_trieren(door=personas.poort, melding=melding, uitkomst=uitkomst, reden="Past hier.")
    return inwoner


@pytest.fixture
def bekende(personas):
    """An inwoner known to kernteam A only: the loket has no betrokkenheid."""
    return _met_melding(personas, "kernteam", achternaam="Brouwer", geboortedatum=date(1948, 3, 2))


def test_de_consulent_herkent_een_inwoner_buiten_de_eigen_caseload(personas, als, bekende):
    client = als(personas.consulent)
    response = client.get("/werkvoorraad/zoeken/", {"achternaam": "brouwer", "geboortedatum": "1948-03-02"})
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert bekende.naam in inhoud and "Elst" in inhoud  # the open trajectory with kernteam Elst
    assert f"/inwoners/{bekende.uuid}/" not in inhoud  # no dossier link outside the caseload
    assert bekende.bsn not in inhoud
    rijen = Toegang.objects.filter(medewerker=personas.consulent, actie="zoeken")
    assert set(rijen.exclude(inwoner=None).values_list("inwoner_id", flat=True)) == {bekende.pk}
    assert not rijen.filter(pad__contains="brouwer").exists()


def test_de_herkenning_opent_het_dossier_niet(personas, als, bekende):
    assert als(personas.consulent).get(f"/inwoners/{bekende.uuid}/").status_code == 404


def test_in_de_eigen_caseload_staan_de_aanvraag_en_de_link_naar_het_dossier(personas, als):
    inwoner = _met_melding(personas, "loket", achternaam="Smit", geboortedatum=date(1950, 1, 1))
    inhoud = (
        als(personas.consulent)
        .get("/werkvoorraad/zoeken/", {"achternaam": "Smit", "geboortedatum": "1950-01-01"})
        .content.decode()
    )
    assert "Aanvraag Wmo 2015" in inhoud  # the open loket item shows as a trajectory
    assert f"/inwoners/{inwoner.uuid}/" in inhoud


def test_een_melding_bij_het_loket_komt_in_de_werkvoorraad(personas, als, bekende):
    client = als(personas.consulent)
    form = client.get(f"/werkvoorraad/melding/nieuw/?inwoner={bekende.uuid}")
    assert form.status_code == 200 and bekende.naam in form.content.decode()
    sleutel = form.context["form"].initial["formulier_sleutel"]
    response = client.post(
        "/werkvoorraad/melding/nieuw/",
        {
            "inwoner": str(bekende.uuid),
            "ingang": "loket",
            "formulier_sleutel": str(sleutel),
            "aanmeldingsdatum": VANDAAG().isoformat(),
            "melder_soort": "inwoner",
            "vraag": "Mevrouw vraagt een scootmobiel aan.",
        },
    )
    melding = Melding.objects.get(vraag="Mevrouw vraagt een scootmobiel aan.")
    aanvraag = Aanvraag.objects.get(melding=melding)
    assert response.status_code == 302 and response["Location"] == f"/werkvoorraad/{aanvraag.uuid}/"
    assert (melding.ingang, melding.team, melding.geregistreerd_door) == (
        "loket",
        personas.loket,
        personas.consulent,
    )
    assert (aanvraag.bron, aanvraag.wet, aanvraag.overgedragen_door) == (
        "loket_melding",
        "wmo",
        personas.consulent,
    )
    # The same form sent twice registers one melding.
    client.post(
        "/werkvoorraad/melding/nieuw/",
        {
            "inwoner": str(bekende.uuid),
            "ingang": "loket",
            "formulier_sleutel": str(sleutel),
            "aanmeldingsdatum": VANDAAG().isoformat(),
            "melder_soort": "inwoner",
            "vraag": "Mevrouw vraagt een scootmobiel aan.",
        },
    )
    assert Melding.objects.filter(vraag="Mevrouw vraagt een scootmobiel aan.").count() == 1


def test_een_jeugdige_gaat_naar_de_consulenten_jeugd(personas):
    from arrangementen import services

    kind = InwonerFactory(geboortedatum=VANDAAG() - timedelta(days=365 * 10))
    aanvraag = services.loketmelding_registreren(
        door=personas.consulent, inwoner=kind, aanmeldingsdatum=VANDAAG(), vraag="Ouders vragen hulp."
    )
    assert aanvraag.wet == "jeugd"


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"vraag": ""}, "vraag"),
        ({"aanmeldingsdatum": "1999-12-31"}, "aanmeldingsdatum"),
        ({"aanmeldingsdatum": (date.today() + timedelta(days=3)).isoformat()}, "aanmeldingsdatum"),
    ],
)
def test_slechte_invoer_geeft_een_fout_en_maakt_niets(personas, als, bekende, velden, fout):
    meldingen, aanvragen = Melding.objects.count(), Aanvraag.objects.count()
    gegevens = {
        "inwoner": str(bekende.uuid),
        "ingang": "loket",
        "formulier_sleutel": "0b6f7c4e-1f7a-4a36-9d1e-7d9a1c1e2b3f",
        "aanmeldingsdatum": VANDAAG().isoformat(),
        "melder_soort": "inwoner",
        "vraag": "Een vraag.",
    } | velden
    response = als(personas.consulent).post("/werkvoorraad/melding/nieuw/", gegevens)
    assert response.status_code == 200
    assert response.context["form"].errors.get(fout)
    assert (Melding.objects.count(), Aanvraag.objects.count()) == (meldingen, aanvragen)


@pytest.mark.parametrize(
    "rol", ["poort", "beroepskracht", "vrijwilliger", "coordinator", "beleid", "beheerder", "buitenstaander"]
)
def test_alleen_consulenten_gebruiken_de_intake_van_het_loket(personas, als, bekende, rol):
    client = als(getattr(personas, rol))
    assert (
        client.get(
            "/werkvoorraad/zoeken/", {"achternaam": "Brouwer", "geboortedatum": "1948-03-02"}
        ).status_code
        == 403
    )
    meldingen = Melding.objects.count()
    response = client.post(
        "/werkvoorraad/melding/nieuw/",
        {
            "inwoner": str(bekende.uuid),
            "ingang": "loket",
            "aanmeldingsdatum": VANDAAG().isoformat(),
            "vraag": "x",
        },
    )
    assert response.status_code == 403
    assert Melding.objects.count() == meldingen


def test_een_onbekende_of_misvormde_inwoner_geeft_404(personas, als):
    client = als(personas.consulent)
    assert client.get("/werkvoorraad/melding/nieuw/?inwoner=geen-uuid").status_code == 404
    assert (
        client.get("/werkvoorraad/melding/nieuw/?inwoner=0b6f7c4e-1f7a-4a36-9d1e-7d9a1c1e2b3f").status_code
        == 404
    )
