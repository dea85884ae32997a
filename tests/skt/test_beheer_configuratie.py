"""Beheer of the configuration: kernen, teams, leefgebieden, the sociale kaart and the gemeente profile."""

import pytest

from skt.beheer import services
from skt.models import Kern, Leefgebied, Organisatie, Team, Toegang, Voorziening
from skt.profielen import ProfielFout

from .test_beheer import _geweigerd_en_niets_bewaard

pytestmark = pytest.mark.django_db


# -- configuration -----------------------------------------------------------------------------


def test_een_kern_aanmaken_en_wijzigen(personas, als):
    client = als(personas.beheerder)
    response = client.post("/beheer/kernen/nieuw/", {"code": "valburg", "naam": "Valburg", "actief": "on"})
    assert response.status_code == 302
    kern = Kern.objects.get(code="valburg")
    response = client.post("/beheer/kernen/valburg/", {"code": "anders", "naam": "Valburg-Dorp"})
    kern.refresh_from_db()
    assert kern.code == "valburg" and kern.naam == "Valburg-Dorp" and not kern.actief
    assert Toegang.objects.filter(object_soort="kern", object_id="valburg").count() == 2
    assert kern.history.count() == 2


def test_een_dubbele_kerncode_wordt_geweigerd(personas, als):
    aantal = Kern.objects.count()
    response = als(personas.beheerder).post("/beheer/kernen/nieuw/", {"code": "elst", "naam": "Nog een Elst"})
    _geweigerd_en_niets_bewaard(response, "code", "bestaat al")
    assert Kern.objects.count() == aantal


def test_een_team_met_kernen_krijgt_een_ledengroep(personas, als, kern_elst, kern_driel):
    client = als(personas.beheerder)
    gegevens = {
        "code": "oost",
        "naam": "Oost",
        "soort": "geografisch",
        "kernen": [kern_elst.pk, kern_driel.pk],
    }
    assert client.post("/beheer/teams/nieuw/", {**gegevens, "actief": "on"}).status_code == 302
    team = Team.objects.get(code="oost")
    assert team.groep.name == "team:oost" and set(team.kernen.all()) == {kern_elst, kern_driel}
    response = client.post(f"/beheer/teams/{team.uuid}/", {**gegevens, "naam": "Oost-Betuwe", "kernen": []})
    team.refresh_from_db()
    assert response.status_code == 302 and team.naam == "Oost-Betuwe" and not team.kernen.exists()


def test_een_team_zonder_soort_wordt_geweigerd(personas, als):
    aantal = Team.objects.count()
    response = als(personas.beheerder).post("/beheer/teams/nieuw/", {"code": "x", "naam": "X"})
    _geweigerd_en_niets_bewaard(response, "soort", "")
    assert Team.objects.count() == aantal


def test_leefgebied_met_aliassen(personas, als):
    client = als(personas.beheerder)
    gegevens = {
        "code": "mantelzorg",
        "label": "Mantelzorg",
        "aliassen": "mantelzorg, zorg voor naaste ",
        "volgorde": 20,
    }
    assert client.post("/beheer/leefgebieden/nieuw/", gegevens).status_code == 302
    assert Leefgebied.objects.get(code="mantelzorg").aliassen == ["mantelzorg", "zorg voor naaste"]


def test_de_sociale_kaart_per_kern_en_leefgebied(personas, als, kern_elst, kern_driel):
    client = als(personas.beheerder)
    assert (
        client.post("/beheer/organisaties/nieuw/", {"naam": "Welzijn Betuwe", "soort": "welzijn"}).status_code
        == 302
    )
    organisatie = Organisatie.objects.get(naam="Welzijn Betuwe")
    leefgebied = Leefgebied.objects.create(code="geld", label="Geld")
    gegevens = {
        "naam": "Formulierenbrigade",
        "soort": "algemene_voorziening",
        "organisatie": organisatie.pk,
        "kernen": [kern_elst.pk],
        "leefgebieden": [leefgebied.pk],
        "actief": "on",
    }
    assert client.post("/beheer/voorzieningen/nieuw/", gegevens).status_code == 302
    assert "Formulierenbrigade" in client.get("/beheer/voorzieningen/", {"kern": "elst"}).content.decode()
    assert (
        "Formulierenbrigade" not in client.get("/beheer/voorzieningen/", {"kern": "driel"}).content.decode()
    )
    assert (
        "Formulierenbrigade" in client.get("/beheer/voorzieningen/", {"leefgebied": "geld"}).content.decode()
    )


def test_een_voorziening_zonder_organisatie_wordt_geweigerd(personas, als):
    response = als(personas.beheerder).post(
        "/beheer/voorzieningen/nieuw/", {"naam": "X", "soort": "nulde_lijn"}
    )
    _geweigerd_en_niets_bewaard(response, "organisatie", "")
    assert not Voorziening.objects.exists()


# -- gemeente profile --------------------------------------------------------------------------


def test_het_actieve_profiel_en_een_meegeleverd_profiel_laden(personas, als):
    client = als(personas.beheerder)
    inhoud = client.get("/beheer/profiel/").content.decode()
    assert "overbetuwe-2019" in inhoud and "wassenaar-2023" in inhoud
    response = client.post("/beheer/profiel/", {"profiel": "wassenaar-2023"})
    assert response.status_code == 302
    inhoud = client.get("/beheer/profiel/").content.decode()
    assert "Wassenaar" in inhoud
    assert Toegang.objects.filter(
        object_soort="gemeenteprofiel", reden="profiel wassenaar-2023 geladen"
    ).exists()


def test_een_fout_profiel_toont_de_fouten_en_verandert_niets(personas, als, monkeypatch):
    def fout(naam):
        raise ProfielFout(["regel 12: kern 'x' onbekend", "regel 30: maximum moet een getal zijn"])

    monkeypatch.setattr(services, "profiel_laden", fout)
    response = als(personas.beheerder).post("/beheer/profiel/", {"profiel": "wassenaar-2023"})
    inhoud = response.content.decode()
    assert response.status_code == 200 and "regel 12: kern" in inhoud and "er is niets gewijzigd" in inhoud
    assert Toegang.objects.filter(object_soort="gemeenteprofiel", resultaat="geweigerd").exists()


def test_een_onbekend_profiel_wordt_geweigerd(personas, als):
    response = als(personas.beheerder).post("/beheer/profiel/", {"profiel": "../../etc/passwd"})
    _geweigerd_en_niets_bewaard(response, "profiel", "")
