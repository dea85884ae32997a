"""skt/rechten/: who sees which inwoner, at which level, and which pages each role may open."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from skt import rechten
from skt.models import Rol

from ..factories import InwonerFactory

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


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    # The personas get real passwords; PBKDF2 costs about a second each on a busy CI machine.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def inwoners(personas):
    """One inwoner per kind of betrokkenheid, and one that nobody has anything to do with."""
    alle = {
        "team_a": InwonerFactory(telefoon="0611111111"),
        "team_b": InwonerFactory(),
        "loket": InwonerFactory(),
        "vrijwilliger": InwonerFactory(),
        "buitenstaander": InwonerFactory(),
        "niemand": InwonerFactory(),
    }
    rechten.inwoner_toegang_geven(alle["team_a"], personas.team_a)
    rechten.inwoner_toegang_geven(alle["team_b"], personas.team_b)
    rechten.inwoner_toegang_geven(alle["loket"], personas.loket)
    # Personal grants: a vrijwilliger added to a casus, a professional without a team.
    rechten.inwoner_toegang_geven(alle["vrijwilliger"], personas.vrijwilliger)
    rechten.inwoner_toegang_geven(alle["buitenstaander"], personas.buitenstaander)
    return alle


ZICHTBAAR = {
    "poort": set(),  # the poort recognises (inwoners_herkenbaar_voor), it does not open dossiers
    "beroepskracht": {"team_a"},
    "beroepskracht2": {"team_b"},
    # Only the personal grant: a team grant must not reach the team's volunteers.
    "vrijwilliger": {"vrijwilliger"},
    "consulent": {"loket"},
    "consulent_jeugd": {"loket"},
    "coordinator": {"team_a", "team_b", "loket"},
    "beleid": set(),
    "beheerder": set(),
    "buitenstaander": {"buitenstaander"},
}


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_inwoners_zichtbaar_voor_elke_persona(personas, inwoners, persona):
    user = getattr(personas, persona)
    gezien = set(rechten.inwoners_zichtbaar_voor(user).values_list("pk", flat=True))
    assert gezien == {inwoners[naam].pk for naam in ZICHTBAAR[persona]}


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_inwoners_herkenbaar_voor_is_alleen_voor_de_poort_ruimer(personas, inwoners, persona):
    user = getattr(personas, persona)
    herkend = set(rechten.inwoners_herkenbaar_voor(user).values_list("pk", flat=True))
    if persona == "poort":
        assert herkend == {i.pk for i in inwoners.values()}
    else:
        assert herkend == {inwoners[naam].pk for naam in ZICHTBAAR[persona]}


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_inactieve_medewerkers_zien_niets(personas, inwoners, persona):
    user = getattr(personas, persona)
    user.is_active = False
    user.save()
    assert not rechten.inwoners_zichtbaar_voor(user).exists()
    assert not rechten.inwoners_herkenbaar_voor(user).exists()


def test_een_uitgeschakeld_account_verliest_zijn_lopende_sessie(personas, inwoners, als):
    client = als(personas.beroepskracht)
    url = f"/inwoners/{inwoners['team_a'].uuid}/"
    assert client.get(url).status_code == 200
    personas.beroepskracht.is_active = False
    personas.beroepskracht.save()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=")


def test_anoniem_ziet_niets(inwoners):
    from django.contrib.auth.models import AnonymousUser

    assert not rechten.inwoners_zichtbaar_voor(AnonymousUser()).exists()
    assert not rechten.inwoners_herkenbaar_voor(AnonymousUser()).exists()


def test_intrekken_neemt_de_zichtbaarheid_weg(personas, inwoners):
    rechten.intrekken("skt.view_inwoner", personas.team_a, inwoners["team_a"])
    assert not rechten.inwoners_zichtbaar_voor(personas.beroepskracht).exists()


@pytest.mark.parametrize("persona", ["beroepskracht", "coordinator", "vrijwilliger", "buitenstaander"])
def test_zichtbaarheid_kost_een_vast_aantal_queries(personas, persona):
    user = getattr(personas, persona)
    aantallen = []
    totaal = 0
    for n in (1, 10, 100):
        for _ in range(n - totaal):
            inwoner = InwonerFactory()
            if persona == "coordinator":
                # Spread over all of the coordinator's teams: more permission rows, more groups.
                rechten.inwoner_toegang_geven(
                    inwoner, [personas.team_a, personas.team_b, personas.loket][_ % 3]
                )
            elif persona in ("vrijwilliger", "buitenstaander"):
                rechten.inwoner_toegang_geven(inwoner, user)
            else:
                rechten.inwoner_toegang_geven(inwoner, personas.team_a)
                rechten.inwoner_toegang_geven(inwoner, user)  # both paths at once
        totaal = n
        with CaptureQueriesContext(connection) as queries:
            gezien = list(rechten.inwoners_zichtbaar_voor(user))
        assert len(gezien) == n
        aantallen.append(len(queries))
    assert aantallen == [1, 1, 1]


def test_vrijwilliger_met_persoonlijk_recht_ziet_de_pagina_zonder_bsn(personas, inwoners, als):
    inwoner = inwoners["vrijwilliger"]
    response = als(personas.vrijwilliger).get(f"/inwoners/{inwoner.uuid}/")
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert inwoner.naam in inhoud
    assert inwoner.bsn not in inhoud
    assert "BSN" not in inhoud
    # The same page for a professional with betrokkenheid does show it (so the check above can fail).
    rechten.inwoner_toegang_geven(inwoner, personas.team_a)
    assert inwoner.bsn in als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/").content.decode()


def test_vrijwilliger_ziet_dossiers_van_het_eigen_team_niet(personas, inwoners, als):
    assert als(personas.vrijwilliger).get(f"/inwoners/{inwoners['team_a'].uuid}/").status_code == 404


def test_poort_ziet_alleen_het_herkenningsniveau(personas, inwoners, als):
    inwoner = inwoners["team_a"]
    inhoud = als(personas.poort).get(f"/inwoners/{inwoner.uuid}/").content.decode()
    assert inwoner.naam in inhoud
    assert inwoner.adres in inhoud
    assert "0611111111" not in inhoud
    assert inwoner.bsn not in inhoud
    assert "Telefoon" not in inhoud
    # The full level for the team that has betrokkenheid shows both.
    vol = als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/").content.decode()
    assert "0611111111" in vol
    assert inwoner.bsn in vol


INWONERPAGINA_TEAM_A = {
    "poort": 200,  # recognition level only
    "beroepskracht": 200,
    "beroepskracht2": 404,
    "vrijwilliger": 404,
    "consulent": 404,
    "consulent_jeugd": 404,
    "coordinator": 200,
    "beleid": 404,
    "beheerder": 404,
    "buitenstaander": 404,
}


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_inwonerpagina_per_rol(personas, inwoners, als, persona):
    inwoner = inwoners["team_a"]
    response = als(getattr(personas, persona)).get(f"/inwoners/{inwoner.uuid}/")
    assert response.status_code == INWONERPAGINA_TEAM_A[persona]
    if response.status_code == 404:
        # A 404 gives nothing away about the person.
        assert inwoner.achternaam not in response.content.decode()


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_onbekende_uuid_geeft_404_voor_iedereen(personas, als, persona):
    response = als(getattr(personas, persona)).get("/inwoners/00000000-0000-4000-8000-000000000000/")
    assert response.status_code == 404


def _codes(permissies) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissies.select_related("content_type")}


def _bestaat(naam: str) -> bool:
    app_label, codename = naam.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).exists()


@pytest.mark.parametrize("rol", Rol.values)
def test_rolgroep_heeft_precies_de_modelpermissies_van_de_rol(rol):
    groep = Group.objects.get(name=rechten.rol_groepnaam(rol))
    verwacht = {naam for naam in rechten.ROL_MODELPERMISSIES[rol] if _bestaat(naam)}
    assert _codes(groep.permissions.all()) == verwacht


def test_alle_skt_permissies_van_de_rollen_bestaan():
    """'Where the permission exists' may skip later apps, never a typo in our own app."""
    ontbrekend = {
        naam
        for permissies in rechten.ROL_MODELPERMISSIES.values()
        for naam in permissies
        if naam.startswith("skt.") and not _bestaat(naam)
    }
    assert ontbrekend == set()
    assert set(rechten.ROL_MODELPERMISSIES) == set(Rol.values)


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_medewerker_heeft_alleen_de_modelpermissies_van_de_eigen_rol(personas, persona):
    user = type(getattr(personas, persona)).objects.get(pk=getattr(personas, persona).pk)
    verwacht = {naam for naam in rechten.ROL_MODELPERMISSIES[user.rol] if _bestaat(naam)}
    # Team groups carry object permissions only, never model permissions.
    assert user.get_all_permissions() == verwacht
    assert not user.is_superuser


def test_beleid_en_beheer_hebben_geen_inwonerpermissies():
    for rol in (Rol.BELEID, Rol.BEHEERDER):
        assert not any("inwoner" in naam for naam in rechten.ROL_MODELPERMISSIES[rol])


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_beheer_alleen_voor_de_beheerder(personas, als, persona):
    response = als(getattr(personas, persona)).get("/beheer/")
    if persona == "beheerder":
        assert response.status_code == 200
        assert "Teams en clusters" in response.content.decode()
    else:
        assert response.status_code == 403
        assert "Teams en clusters" not in response.content.decode()


def test_beheer_vraagt_ook_de_tweede_factor(personas):
    client = Client()
    client.force_login(personas.beheerder)  # password only, no verified device
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/tweede-factor/")


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_toegangslog_alleen_voor_de_coordinator(personas, als, persona):
    response = als(getattr(personas, persona)).get("/toegangslog/")
    assert response.status_code == (200 if persona == "coordinator" else 403)
