"""The access log (NEN 7513): every read and refusal is written once and never changed."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from skt import rechten
from skt.models import Toegang

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    # The personas get real passwords; PBKDF2 costs about a second each on a busy CI machine.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def inwoner(personas):
    inwoner = InwonerFactory()
    rechten.inwoner_toegang_geven(inwoner, personas.team_a)
    return inwoner


def test_lezen_van_een_inwonerpagina_schrijft_een_regel(personas, als, inwoner):
    client = als(personas.beroepskracht)
    voor = Toegang.objects.count()
    response = client.get(f"/inwoners/{inwoner.uuid}/?tab=overzicht", REMOTE_ADDR="10.20.30.40")
    assert response.status_code == 200
    assert Toegang.objects.count() == voor + 1
    regel = Toegang.objects.latest("tijdstip")
    assert regel.medewerker == personas.beroepskracht
    assert regel.inwoner == inwoner
    assert regel.actie == Toegang.Actie.LEZEN
    assert regel.resultaat == Toegang.Resultaat.TOEGESTAAN
    assert regel.ip_adres == "10.20.30.40"
    assert regel.pad == f"/inwoners/{inwoner.uuid}/?tab=overzicht"
    assert regel.object_soort == "inwoner"
    assert regel.object_id == str(inwoner.uuid)


def test_elke_lezing_telt(personas, als, inwoner):
    client = als(personas.beroepskracht)
    for _ in range(3):
        client.get(f"/inwoners/{inwoner.uuid}/")
    assert Toegang.objects.filter(inwoner=inwoner, actie="lezen").count() == 3


def test_geweigerde_lezing_schrijft_een_geweigerd_regel(personas, als, inwoner):
    voor = Toegang.objects.count()
    response = als(personas.beroepskracht2).get(f"/inwoners/{inwoner.uuid}/", REMOTE_ADDR="10.9.8.7")
    assert response.status_code == 404
    assert Toegang.objects.count() == voor + 1
    regel = Toegang.objects.latest("tijdstip")
    assert regel.medewerker == personas.beroepskracht2
    assert regel.actie == Toegang.Actie.LEZEN
    assert regel.resultaat == Toegang.Resultaat.GEWEIGERD
    assert regel.object_id == str(inwoner.uuid)
    assert regel.ip_adres == "10.9.8.7"
    assert regel.pad == f"/inwoners/{inwoner.uuid}/"
    # The refusal does not link the (for this user unknown) person itself.
    assert regel.inwoner is None


def test_geweigerde_lezing_van_een_onbekende_uuid_wordt_ook_gelogd(personas, als):
    onbekend = uuid.uuid4()
    assert als(personas.beroepskracht).get(f"/inwoners/{onbekend}/").status_code == 404
    assert Toegang.objects.filter(object_id=str(onbekend), resultaat="geweigerd").count() == 1


def test_geweigerde_pagina_van_een_rol_wordt_gelogd(personas, als):
    assert als(personas.beroepskracht).get("/toegangslog/").status_code == 403
    regel = Toegang.objects.get()
    assert regel.resultaat == Toegang.Resultaat.GEWEIGERD
    assert regel.medewerker == personas.beroepskracht
    assert regel.pad == "/toegangslog/"


def test_een_toegangsregel_kan_niet_worden_gewijzigd(personas, als, inwoner):
    als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/")
    regel = Toegang.objects.get()
    regel.reden = "achteraf aangepast"
    with pytest.raises(ValidationError):
        regel.save()
    with pytest.raises(ValidationError):
        regel.save(update_fields=["reden"])
    assert Toegang.objects.get().reden == ""


def test_een_toegangsregel_kan_niet_worden_verwijderd(personas, als, inwoner):
    als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/")
    regel = Toegang.objects.get()
    with pytest.raises(ValidationError):
        regel.delete()
    assert Toegang.objects.filter(pk=regel.pk).exists()


def test_toegangslog_toont_regels(personas, als, inwoner):
    als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/")
    als(personas.beroepskracht2).get(f"/inwoners/{inwoner.uuid}/")
    response = als(personas.coordinator).get("/toegangslog/")
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert str(personas.beroepskracht) in inhoud
    assert str(personas.beroepskracht2) in inhoud
    assert inwoner.naam in inhoud
    assert "Geweigerd" in inhoud and "Toegestaan" in inhoud

    alleen_geweigerd = als(personas.coordinator).get("/toegangslog/?geweigerd=1").content.decode()
    assert str(personas.beroepskracht2) in alleen_geweigerd
    assert "Toegestaan" not in alleen_geweigerd.split("<tbody", 1)[1]


def _regels_maken(personas, aantal: int) -> None:
    medewerkers = [personas.beroepskracht, personas.beroepskracht2, personas.consulent, personas.vrijwilliger]
    for i in range(aantal):
        Toegang.objects.create(
            medewerker=medewerkers[i % len(medewerkers)],
            inwoner=InwonerFactory(),
            actie=Toegang.Actie.LEZEN,
            resultaat=Toegang.Resultaat.TOEGESTAAN if i % 2 else Toegang.Resultaat.GEWEIGERD,
            object_soort="inwoner",
            pad=f"/regel/{i}/",
        )


def test_toegangslog_pagineert_per_50(personas, als):
    _regels_maken(personas, 120)
    client = als(personas.coordinator)
    eerste = client.get("/toegangslog/")
    assert len(eerste.context["pagina"].object_list) == 50
    # Keyset pages (issue 14): "Oudere" leads on, nothing counts the whole log.
    assert "Oudere" in eerste.content.decode() and " van 3" not in eerste.content.decode()
    tweede = client.get("/toegangslog/" + eerste.context["pagina"].volgende_url)
    assert len(tweede.context["pagina"].object_list) == 50
    derde = client.get("/toegangslog/" + tweede.context["pagina"].volgende_url)
    assert not derde.context["pagina"].has_next
    # The 120 rows, each once: the coordinator's own looks are newer than the cursor, so they are on
    # the first page of a later visit, not in the middle of this one.
    assert len(derde.context["pagina"].object_list) == 20
    getoond = [r.pk for p in (eerste, tweede, derde) for r in p.context["pagina"].object_list]
    assert len(set(getoond)) == 120
    # The newest first.
    tijden = [r.tijdstip for r in eerste.context["pagina"].object_list]
    assert tijden == sorted(tijden, reverse=True)


def test_toegangslog_kost_een_vast_aantal_queries(personas, als):
    client = als(personas.coordinator)
    client.get("/toegangslog/")  # warm up: session and caches
    aantallen = []
    totaal = 0
    for n in (1, 100):
        _regels_maken(personas, n - totaal)
        totaal = n
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/toegangslog/")
        assert response.status_code == 200
        # This look is logged after its page was read.
        assert len(response.context["pagina"].object_list) == min(Toegang.objects.count() - 1, 50)
        aantallen.append(len(queries))
    assert aantallen[0] == aantallen[1], aantallen
