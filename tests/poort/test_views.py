"""The poort screens: search first, register, triage in one hand-off."""

import re
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from meldingen.models import Melding
from meldingen.services import melding_registreren
from meldingen.workflow import MeldingStatus
from poort.models import Triage
from skt.models import Inwoner, Toegang

from ..factories import InwonerFactory, LeefgebiedFactory

pytestmark = pytest.mark.django_db


def melding_data(**anders):
    data = {
        "formulier_sleutel": str(uuid.uuid4()),
        "aanmeldingsdatum": timezone.localdate().isoformat(),
        "ingang": "telefoon",
        "melder_soort": "inwoner",
        "vraag": "Ik red het niet meer met de administratie.",
    }
    data.update(anders)
    return data


@pytest.fixture
def inwoner_elst(kern_elst):
    return InwonerFactory(kern=kern_elst, postcode="6661 AB", huisnummer="12", achternaam="Visser")


def test_zoeken_op_postcode_en_huisnummer_toont_herkenning_en_wordt_gelogd(personas, als, inwoner_elst):
    client = als(personas.poort)
    response = client.get("/poort/zoeken/", {"postcode": "6661ab", "huisnummer": "12"})
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert inwoner_elst.naam in inhoud
    assert inwoner_elst.bsn not in inhoud  # the poort recognises, it does not need the BSN on screen
    # One row for the search and one for each inwoner it showed.
    zoeken = Toegang.objects.filter(medewerker=personas.poort, actie="zoeken")
    assert zoeken.filter(inwoner=None).count() == 1
    assert inwoner_elst.pk in set(zoeken.exclude(inwoner=None).values_list("inwoner", flat=True))


def test_zoeken_toont_open_trajecten_maar_geen_inhoud(personas, als, inwoner_elst):
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner_elst,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Geheime schulden bij de buren",
    )
    from poort.services import melding_trieren

    melding_trieren(door=personas.poort, melding=melding, uitkomst="kernteam", reden="past bij kernteam")
    inhoud = (
        als(personas.poort).post("/poort/zoeken/", {"bsn": inwoner_elst.bsn}, follow=True).content.decode()
    )
    # The inwoner lives in Elst too: look only at the list of open trajectories, which the search
    # builds from the triaged melding (the team it went to, since when, the triage outcome).
    trajecten = re.search(r'<ul class="skt-trajecten">(.*?)</ul>', inhoud, re.S)
    assert trajecten, "geen open trajecten getoond"
    sinds = date_format(melding.aanmeldingsdatum, "j F Y")
    assert f"{personas.team_a.naam} · sinds {sinds} · Naar het kernteam" in trajecten.group(1)
    assert "Geheime schulden" not in inhoud


def test_zoeken_zonder_geldige_combinatie_geeft_nederlandse_fout(personas, als):
    response = als(personas.poort).get("/poort/zoeken/", {"achternaam": "Visser"})
    assert "Zoek op BSN, op achternaam én geboortedatum" in response.content.decode()
    assert not Toegang.objects.filter(actie="zoeken").exists()


def test_zoeken_met_fout_bsn_geeft_elfproef_melding(personas, als):
    response = als(personas.poort).post("/poort/zoeken/", {"bsn": "123456789"})
    assert "elfproef" in response.content.decode()


def test_beroepskracht_vindt_alleen_eigen_inwoners(personas, als, inwoner_elst):
    inhoud = (
        als(personas.beroepskracht2)
        .post("/poort/zoeken/", {"bsn": inwoner_elst.bsn}, follow=True)
        .content.decode()
    )
    assert "Geen inwoner gevonden" in inhoud
    assert inwoner_elst.naam not in inhoud


def test_dubbele_inwoner_vraagt_bevestiging_en_wordt_vastgelegd(personas, als, inwoner_elst, kern_elst):
    client = als(personas.poort)
    data = {
        "voornamen": "Els",
        "achternaam": "visser",
        "geboortedatum": inwoner_elst.geboortedatum.isoformat(),
        "postcode": "6661 AB",
        "huisnummer": "12",
        "woonplaats": "Elst",
        "kern": kern_elst.pk,
    }
    aantal = Inwoner.objects.count()
    response = client.post("/poort/inwoner/nieuw/", data)
    assert response.status_code == 200
    assert "Mogelijk dubbele registratie" in response.content.decode()
    assert Inwoner.objects.count() == aantal

    response = client.post("/poort/inwoner/nieuw/", {**data, "dubbel_bevestigd": "on"})
    assert response.status_code == 302
    assert Inwoner.objects.count() == aantal + 1
    nieuw = Inwoner.objects.get(voornamen="Els")
    assert response["Location"].endswith(f"?inwoner={nieuw.uuid}")
    assert Toegang.objects.filter(
        inwoner=nieuw, reden__startswith="mogelijk dubbele inwoner bevestigd"
    ).exists()


def test_beroepskracht_ziet_niet_wie_de_dubbele_inwoner_is(personas, als, inwoner_elst, kern_elst):
    data = {
        "voornamen": "X",
        "achternaam": inwoner_elst.achternaam,
        "geboortedatum": inwoner_elst.geboortedatum.isoformat(),
    }
    inhoud = als(personas.beroepskracht2).post("/poort/inwoner/nieuw/", data).content.decode()
    assert "Mogelijk dubbele registratie" in inhoud
    assert inwoner_elst.adres not in inhoud


def test_registreren_en_trieren_naar_kernteam_in_een_overdracht(personas, als, inwoner_elst):
    leefgebied = LeefgebiedFactory()
    client = als(personas.poort)
    response = client.post(
        f"/poort/melding/nieuw/?inwoner={inwoner_elst.uuid}", melding_data(leefgebieden=[leefgebied.pk])
    )
    melding = Melding.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/poort/melding/{melding.uuid}/trieren/"
    assert list(melding.leefgebieden.all()) == [leefgebied]

    response = client.post(
        f"/poort/melding/{melding.uuid}/trieren/", {"uitkomst": "kernteam", "reden": "wonen"}
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.GETRIEERD
    assert melding.team == personas.team_a
    assert als(personas.beroepskracht).get(f"/meldingen/{melding.uuid}/").status_code == 200
    assert als(personas.beroepskracht2).get(f"/meldingen/{melding.uuid}/").status_code == 404


def test_dubbelklik_maakt_een_melding(personas, als, inwoner_elst):
    client = als(personas.poort)
    data = melding_data()
    client.post(f"/poort/melding/nieuw/?inwoner={inwoner_elst.uuid}", data)
    response = client.post(f"/poort/melding/nieuw/?inwoner={inwoner_elst.uuid}", data)
    assert response.status_code == 302
    assert Melding.objects.count() == 1


@pytest.mark.parametrize(
    ("anders", "verwacht"),
    [
        ({"aanmeldingsdatum": "2999-01-01"}, "ligt in de toekomst"),
        ({"ingang": "fax"}, "is geen beschikbare keuze"),
        ({"vraag": "x" * 4001}, "4000"),
        ({"vraag": ""}, "verplicht"),
        ({"melder_soort": "huisarts", "melder_wil_terugkoppeling": "on"}, "bereikbaar"),
    ],
)
def test_foute_melding_wordt_geweigerd_en_slaat_niets_op(personas, als, inwoner_elst, anders, verwacht):
    response = als(personas.poort).post(
        f"/poort/melding/nieuw/?inwoner={inwoner_elst.uuid}", melding_data(**anders)
    )
    assert response.status_code == 200
    assert verwacht in response.content.decode()
    assert Melding.objects.count() == 0 and Melding.history.count() == 0


def test_melding_zonder_inwoner_en_zonder_anoniem_gaat_eerst_naar_zoeken(personas, als):
    response = als(personas.poort).post("/poort/melding/nieuw/", melding_data())
    assert response.status_code == 302 and response["Location"] == "/poort/zoeken/"
    assert Melding.objects.count() == 0


def test_datum_voor_geboorte_wordt_geweigerd(personas, als, inwoner_elst):
    voor = (inwoner_elst.geboortedatum - timedelta(days=1)).isoformat()
    response = als(personas.poort).post(
        f"/poort/melding/nieuw/?inwoner={inwoner_elst.uuid}", melding_data(aanmeldingsdatum=voor)
    )
    assert "vóór" in response.content.decode()
    assert Melding.objects.count() == 0


def test_trieren_van_al_getrieerde_melding_geeft_melding_geen_500(personas, als, inwoner_elst):
    client = als(personas.poort)
    client.post(f"/poort/melding/nieuw/?inwoner={inwoner_elst.uuid}", melding_data())
    melding = Melding.objects.get()
    client.post(f"/poort/melding/{melding.uuid}/trieren/", {"uitkomst": "loket", "reden": "maatwerk"})
    # The poort no longer sees a triaged melding at all.
    assert client.get(f"/poort/melding/{melding.uuid}/trieren/").status_code == 404
    assert Triage.objects.count() == 1


def test_jeugd_naar_kernteam_vraagt_motivatie(personas, als, kern_elst):
    kind = InwonerFactory(jeugd=True, kern=kern_elst)
    client = als(personas.poort)
    client.post(f"/poort/melding/nieuw/?inwoner={kind.uuid}", melding_data())
    melding = Melding.objects.get()
    assert melding.jeugd
    response = client.post(f"/poort/melding/{melding.uuid}/trieren/", {"uitkomst": "kernteam", "reden": "x"})
    assert "Een jeugdvraag gaat in principe naar het loket" in response.content.decode()
    assert Triage.objects.count() == 0


@pytest.mark.parametrize("persona", ["vrijwilliger", "consulent", "coordinator", "beleid", "beheerder"])
def test_poortschermen_geweigerd_voor_andere_rollen(personas, als, persona):
    client = als(getattr(personas, persona))
    for url in ("/poort/", "/poort/zoeken/", "/poort/melding/nieuw/?anoniem=1"):
        assert client.get(url).status_code == 403, url


def test_wachtrij_oudste_eerst_en_constant_aantal_queries(personas, als, inwoner_elst):
    client = als(personas.poort)

    def maak(n):
        for i in range(n):
            melding_registreren(
                door=personas.poort,
                inwoner=inwoner_elst,
                anoniem=False,
                aanmeldingsdatum=timezone.localdate() - timedelta(days=i % 30),
                ingang="telefoon",
                melder_soort="inwoner",
                vraag=f"vraag {i}",
                leefgebieden=[LeefgebiedFactory()],
            )

    aantallen = []
    for n in (1, 9, 90):
        maak(n)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/poort/")
        assert response.status_code == 200
        aantallen.append(len(queries))
    assert aantallen[0] == aantallen[1] == aantallen[2], aantallen
    datums = [m.aanmeldingsdatum for m in response.context["pagina"]]
    assert datums == sorted(datums)
