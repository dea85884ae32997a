"""Who sees and works on which casus: team, casushouder, vrijwilliger, loket after opschalen, nobody else."""

import pytest

from casussen import rechten as casus_rechten
from casussen import services
from skt.models import Toegang

from .conftest import casus_maken, contacten_maken, melding_maken

pytestmark = pytest.mark.django_db

PERSONA_NAMEN = [
    "poort",
    "beroepskracht",
    "beroepskracht2",
    "vrijwilliger",
    "consulent",
    "consulent_jeugd",
    "coordinator",
    "beleid",
    "beheerder",
    "buitenstaander",
]


@pytest.fixture
def casussen(personas):
    """A casus of team A with the vrijwilliger, one of team A without, one of team B."""
    met = casus_maken(personas)
    zonder = casus_maken(personas, vrijwilliger_toestemming=False, vrijwilliger=None)
    melding_b = melding_maken(personas, team=personas.team_b)
    b = casus_maken(
        personas,
        melding_b,
        door=personas.beroepskracht2,
        casushouder=personas.beroepskracht2,
        toets_collega=personas.beroepskracht,
        vrijwilliger_toestemming=None,
        vrijwilliger=None,
    )
    return {"met": met, "zonder": zonder, "b": b}


ZICHTBAAR = {
    "poort": set(),
    "beroepskracht": {"met", "zonder"},
    "beroepskracht2": {"b"},
    # Only the casus they are on: a team grant must not reach the team's volunteers.
    "vrijwilliger": {"met"},
    "consulent": set(),
    "consulent_jeugd": set(),
    "coordinator": {"met", "zonder", "b"},
    "beleid": set(),
    "beheerder": set(),
    "buitenstaander": set(),
}


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_casussen_zichtbaar_voor_elke_persona(personas, casussen, persona):
    gezien = set(
        casus_rechten.casussen_zichtbaar_voor(getattr(personas, persona)).values_list("pk", flat=True)
    )
    assert gezien == {casussen[naam].pk for naam in ZICHTBAAR[persona]}


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_alleen_beroepskrachten_van_het_team_behandelen(personas, casussen, persona):
    user = getattr(personas, persona)
    mag = {naam for naam, casus in casussen.items() if casus_rechten.mag_casus_behandelen(user, casus)}
    verwacht = {"beroepskracht": {"met", "zonder"}, "beroepskracht2": {"b"}}.get(persona, set())
    assert mag == verwacht


DETAIL_MET_VRIJWILLIGER = {
    "poort": 404,
    "beroepskracht": 200,
    "beroepskracht2": 404,
    "vrijwilliger": 200,
    "consulent": 404,
    "consulent_jeugd": 404,
    "coordinator": 200,
    "beleid": 404,
    "beheerder": 404,
    "buitenstaander": 404,
}


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_casuspagina_per_rol_en_het_toegangslog(personas, casussen, als, persona):
    casus = casussen["met"]
    user = getattr(personas, persona)
    response = als(user).get(f"/casussen/{casus.uuid}/")
    assert response.status_code == DETAIL_MET_VRIJWILLIGER[persona]
    regel = Toegang.objects.filter(medewerker=user, object_id=str(casus.uuid)).get()
    if response.status_code == 404:
        assert regel.resultaat == "geweigerd"
        assert casus.inwoner.achternaam not in response.content.decode()
    else:
        assert regel.resultaat == "toegestaan" and regel.inwoner == casus.inwoner


def test_vrijwilliger_ziet_geen_bsn_geen_vertrouwelijk_verslag_en_geen_zrm(
    personas, casussen, als, leefgebieden
):
    casus = casussen["met"]
    contacten_maken(personas, casus, 1, verslag="Geheim: er speelt huiselijk geweld.", vertrouwelijk=True)
    contacten_maken(personas, casus, 1, verslag="Samen boodschappen gedaan.")
    services.zrm_vastleggen(
        door=personas.beroepskracht,
        casus=casus,
        moment="start",
        datum=casus.startdatum,
        scores={"financien": 2},
    )
    inhoud = als(personas.vrijwilliger).get(f"/casussen/{casus.uuid}/").content.decode()
    assert casus.inwoner.naam in inhoud
    assert casus.inwoner.bsn not in inhoud and "BSN" not in inhoud
    assert "huiselijk geweld" not in inhoud and "niet zichtbaar voor u" in inhoud
    assert "Samen boodschappen gedaan." in inhoud
    assert "Zelfredzaamheid" not in inhoud
    assert casus.melding.vraag not in inhoud
    # The same page for the casushouder shows all of it, so the checks above can fail.
    vol = als(personas.beroepskracht).get(f"/casussen/{casus.uuid}/").content.decode()
    assert casus.inwoner.bsn in vol and "huiselijk geweld" in vol and "Zelfredzaamheid" in vol


def test_vrijwilliger_ziet_het_dossier_zonder_bsn(personas, casussen, als):
    inwoner = casussen["met"].inwoner
    response = als(personas.vrijwilliger).get(f"/inwoners/{inwoner.uuid}/")
    assert response.status_code == 200
    assert inwoner.bsn not in response.content.decode()
    assert als(personas.vrijwilliger).get(f"/inwoners/{casussen['zonder'].inwoner.uuid}/").status_code == 404


SCHRIJFPAGINAS = ["contactmoment", "zrm", "afsluiten", "vrijwilliger", "starten"]


@pytest.mark.parametrize("pagina", SCHRIJFPAGINAS)
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("vrijwilliger", 403),
        ("coordinator", 403),
        ("beroepskracht2", 404),
        ("buitenstaander", 404),
        ("consulent", 404),
        ("poort", 404),
        ("beleid", 404),
    ],
)
def test_schrijfpaginas_weigeren_wie_niet_mag(personas, casussen, als, pagina, persona, status):
    casus = casussen["met"]
    client = als(getattr(personas, persona))
    assert client.get(f"/casussen/{casus.uuid}/{pagina}/").status_code == status
    assert client.post(f"/casussen/{casus.uuid}/{pagina}/", {"datum": "2020-01-01"}).status_code == status
    assert casus.contactmomenten.count() == 0
    # Every refusal is in the access log: a 404 as a refused read, a 403 as a refused change.
    geweigerd = Toegang.objects.filter(medewerker=getattr(personas, persona), resultaat="geweigerd")
    assert geweigerd.filter(actie="wijzigen" if status == 403 else "lezen").count() == 2


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_onbekende_casus_geeft_404_voor_iedereen(personas, als, persona):
    response = als(getattr(personas, persona)).get("/casussen/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404


def test_na_opschalen_ziet_het_loket_de_casus_alleen_lezend(personas, casussen, als):
    casus = casussen["met"]
    services.casus_afsluiten(
        door=personas.beroepskracht, casus=casus, reden="opgeschaald_loket", resultaat="Maatwerk nodig."
    )
    response = als(personas.consulent).get(f"/casussen/{casus.uuid}/")
    assert response.status_code == 200
    assert casus.inwoner.bsn in response.content.decode()
    assert als(personas.consulent).get(f"/casussen/{casus.uuid}/contactmoment/").status_code == 403
    # The other casussen of the team stay out of sight.
    assert als(personas.consulent).get(f"/casussen/{casussen['zonder'].uuid}/").status_code == 404


def test_advies_alleen_door_een_coordinator_van_het_team(personas, als):
    casus = casus_maken(personas, twijfel=True, adviesvraag="Past dit?")
    assert als(personas.coordinator).get(f"/casussen/{casus.uuid}/advies/").status_code == 200
    assert als(personas.beroepskracht).get(f"/casussen/{casus.uuid}/advies/").status_code == 403
    assert als(personas.beroepskracht2).get(f"/casussen/{casus.uuid}/advies/").status_code == 404
    assert als(personas.vrijwilliger).get(f"/casussen/{casus.uuid}/advies/").status_code == 403


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("beroepskracht", 200),
        ("beroepskracht2", 404),  # the melding of another team is not theirs to know
        ("vrijwilliger", 403),
        ("coordinator", 403),
        ("poort", 403),
        ("consulent", 403),
        ("buitenstaander", 404),
    ],
)
def test_casus_starten_pagina_per_rol(personas, melding, als, persona, status):
    client = als(getattr(personas, persona))
    assert client.get(f"/casussen/nieuw/{melding.uuid}/").status_code == status


@pytest.mark.parametrize(
    ("url", "toegestaan"),
    [
        # A beroepskracht without a team (buitenstaander) gets the page, empty.
        (
            "/casussen/",
            {
                "beroepskracht",
                "beroepskracht2",
                "buitenstaander",
                "vrijwilliger",
                "consulent",
                "consulent_jeugd",
            },
        ),
        ("/caseload/", {"beroepskracht", "beroepskracht2", "buitenstaander", "coordinator"}),
        ("/adviesvragen/", {"coordinator"}),
    ],
)
@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_overzichten_per_rol(personas, als, url, toegestaan, persona):
    response = als(getattr(personas, persona)).get(url)
    if persona in toegestaan:
        assert response.status_code == 200
    elif url == "/casussen/" and persona == "coordinator":
        assert response.status_code == 302 and response["Location"] == "/caseload/"
    else:
        assert response.status_code == 403


def test_caseload_laat_geen_casussen_van_andere_teams_zien(personas, casussen, als):
    inhoud = als(personas.beroepskracht).get("/caseload/").content.decode()
    assert casussen["met"].inwoner.naam in inhoud
    assert casussen["b"].inwoner.naam not in inhoud
    coordinator = als(personas.coordinator).get("/caseload/").content.decode()
    assert casussen["b"].inwoner.naam in coordinator and casussen["met"].inwoner.naam in coordinator
    # A team that is not theirs cannot be chosen in the filter.
    assert als(personas.beroepskracht).get(f"/caseload/?team={personas.team_b.code}").status_code == 404


def test_vrijwilliger_ziet_in_mijn_casussen_alleen_de_eigen(personas, casussen, als):
    inhoud = als(personas.vrijwilliger).get("/casussen/").content.decode()
    assert casussen["met"].inwoner.naam in inhoud
    assert casussen["zonder"].inwoner.naam not in inhoud
    assert casussen["met"].inwoner.bsn not in inhoud
