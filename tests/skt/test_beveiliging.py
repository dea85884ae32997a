"""Issue 11 (Vertrouwen), headers and throttles: no caching of personal data, limits on searches and
exports, login throttling beyond username + IP, every refused login, second factor, CSRF token and
admin request in the access log, and no state change by GET."""

import uuid

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from arrangementen.models import Notificatie
from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt import rechten
from skt.models import Toegang

from ..factories import InwonerFactory
from .test_inloggen import WACHTWOORD, foute_code, is_ingelogd, tweede_factor_stap, wachtwoord_stap

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def verse_tellers():
    # The search counters live in the cache, which outlives the test's database transaction.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def inwoner(personas, kern_elst):
    inwoner = InwonerFactory(kern=kern_elst, achternaam="Veldhuis")
    # A melding for team Elst: the beroepskracht and the coordinator may open the dossier.
    nieuw, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        vraag="Hulp bij de administratie",
        melder_soort="inwoner",
    )
    melding_trieren(door=personas.poort, melding=nieuw, uitkomst="kernteam", reden="triage", team=None)
    return inwoner


def _geweigerd(**filters):
    return Toegang.objects.filter(resultaat=Toegang.Resultaat.GEWEIGERD, **filters)


# -- finding 5: Cache-Control: no-store on every authenticated response -----------------------------


@pytest.mark.parametrize(
    "persona, pad",
    [
        ("coordinator", "/inwoners/{uuid}/"),
        ("coordinator", "/inwoners/{uuid}/inzage.json"),
        ("coordinator", "/inwoners/{uuid}/inzage.pdf"),
        ("coordinator", "/toegangslog/"),
        ("beroepskracht", "/inwoners/?q=Veldhuis"),
        ("poort", "/poort/zoeken/?achternaam=Veldhuis&geboortedatum=1980-01-01"),
        ("beroepskracht", "/"),
    ],
)
def test_pagina_met_persoonsgegevens_wordt_niet_bewaard(personas, als, inwoner, persona, pad):
    response = als(getattr(personas, persona)).get(pad.format(uuid=inwoner.uuid))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


def test_ook_de_tweede_factorpagina_met_het_geheim_wordt_niet_bewaard(personas):
    client = Client()
    response = wachtwoord_stap(client, "beroepskracht")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("pad", ["/gezond/", "/static/casussen/casussen.css"])
def test_anonieme_paginas_worden_niet_geforceerd(pad):
    response = Client().get(pad)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


# -- finding 6: per-user limits on searches and exports ---------------------------------------------


@pytest.fixture
def limiet_drie(settings):
    settings.SKT_LIMIET_ZOEKEN_PER_MINUUT = 3
    return 3


def test_de_limiet_staat_in_de_instellingen():
    assert django_settings.SKT_LIMIET_ZOEKEN_PER_MINUUT == 30


def _is_limiet(response) -> bool:
    return response.status_code == 429 and "U heeft te veel zoekopdrachten gedaan in korte tijd" in (
        response.content.decode()
    )


def test_poort_zoeken_boven_de_limiet_geeft_429(personas, als, limiet_drie):
    client = als(personas.poort)
    pad = "/poort/zoeken/?achternaam=Veldhuis&geboortedatum=1980-01-01"
    for _ in range(limiet_drie):
        assert client.get(pad).status_code == 200
    response = client.get(pad)
    assert _is_limiet(response)
    assert "De coördinator is op de hoogte gebracht" in response.content.decode()
    regel = _geweigerd(medewerker=personas.poort, actie=Toegang.Actie.LIMIET).get()
    assert "3 per minuut" in regel.reden
    # The refused search is not carried out: no search row beyond the three allowed.
    assert Toegang.objects.filter(medewerker=personas.poort, actie=Toegang.Actie.ZOEKEN).count() == 3


def test_het_zoekformulier_zonder_zoekvraag_telt_niet(personas, als, limiet_drie):
    client = als(personas.poort)
    for _ in range(limiet_drie + 2):
        assert client.get("/poort/zoeken/").status_code == 200


def test_de_limiet_geldt_per_medewerker_en_de_coordinator_ziet_het(personas, als, inwoner, limiet_drie):
    client = als(personas.beroepskracht)
    for _ in range(limiet_drie):
        assert client.get("/inwoners/?q=Veldhuis").status_code == 200
    assert _is_limiet(client.get("/inwoners/?q=Veldhuis"))
    # A colleague searches on.
    assert als(personas.vrijwilliger).get("/inwoners/?q=Veldhuis").status_code == 200
    # The alert: a refused 'limiet' row in the coordinator's access log.
    assert rechten.toegang_zichtbaar_voor(personas.coordinator).filter(actie=Toegang.Actie.LIMIET).exists()
    log = als(personas.coordinator).get("/toegangslog/?geweigerd=1").content.decode()
    assert "Limiet overschreden" in log


def test_de_coordinator_ziet_ook_de_limiet_van_de_poort_zonder_team(personas, als, limiet_drie):
    """The poort works for every team and belongs to none; its burst of lookups is finding 6 itself."""
    client = als(personas.poort)
    for _ in range(limiet_drie + 1):
        client.get("/poort/zoeken/?achternaam=Veldhuis&geboortedatum=1980-01-01")
    zichtbaar = rechten.toegang_zichtbaar_voor(personas.coordinator)
    assert zichtbaar.filter(medewerker=personas.poort, actie=Toegang.Actie.LIMIET).exists()
    # Only the alert: the poort's searches themselves stay outside the coordinator's log.
    assert not zichtbaar.filter(medewerker=personas.poort, actie=Toegang.Actie.ZOEKEN).exists()


def test_inzage_export_heeft_dezelfde_limiet(personas, als, inwoner, limiet_drie):
    client = als(personas.coordinator)
    for formaat in ("json", "pdf", "json"):
        assert client.get(f"/inwoners/{inwoner.uuid}/inzage.{formaat}").status_code == 200
    assert _is_limiet(client.get(f"/inwoners/{inwoner.uuid}/inzage.json"))
    assert _geweigerd(medewerker=personas.coordinator, actie=Toegang.Actie.LIMIET).exists()


@pytest.mark.parametrize("soort", ["pdf", "json"])
def test_monitorrapport_downloaden_heeft_dezelfde_limiet(personas, als, limiet_drie, soort):
    client = als(personas.coordinator)
    pad = f"/monitor/rapporten/{uuid.uuid4()}/{soort}/"
    for _ in range(limiet_drie):
        assert client.get(pad).status_code == 404
    assert _is_limiet(client.get(pad))


# -- finding 11: login throttling per username across IPs, and across usernames from one IP ---------


def test_de_inloglimieten_staan_in_de_instellingen():
    assert django_settings.SKT_INLOGFOUTEN_PER_GEBRUIKERSNAAM == 10
    assert django_settings.SKT_INLOGFOUTEN_PER_IP == 30


def test_een_gebruikersnaam_geraden_vanaf_veel_ips_wordt_geblokkeerd(personas, settings):
    limiet = settings.SKT_INLOGFOUTEN_PER_GEBRUIKERSNAAM = 10
    for poging in range(limiet):
        Client().post(
            "/inloggen/",
            {"username": "beroepskracht", "password": f"fout-{poging}"},
            REMOTE_ADDR=f"10.1.0.{poging}",
        )
    client = Client()
    response = client.post(
        "/inloggen/", {"username": "beroepskracht", "password": WACHTWOORD}, REMOTE_ADDR="10.2.0.1"
    )
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in response.content.decode()
    assert not is_ingelogd(client)


def test_een_wachtwoord_geprobeerd_op_veel_gebruikersnamen_wordt_geblokkeerd(personas, settings):
    limiet = settings.SKT_INLOGFOUTEN_PER_IP = 30
    for poging in range(limiet):
        Client().post(
            "/inloggen/",
            {"username": f"medewerker{poging}", "password": "Zomer2024!"},
            REMOTE_ADDR="10.3.0.1",
        )
    client = Client()
    response = client.post(
        "/inloggen/", {"username": "beroepskracht", "password": WACHTWOORD}, REMOTE_ADDR="10.3.0.1"
    )
    assert response.status_code == 429
    assert not is_ingelogd(client)
    # From elsewhere the colleague still logs in.
    assert (
        urlsplit_pad(wachtwoord_stap(Client(), "beroepskracht", REMOTE_ADDR="10.3.0.2"))
        == "/inloggen/tweede-factor/"
    )


def urlsplit_pad(response) -> str:
    return response.redirect_chain[-1][0].split("?")[0]


# -- finding 11: a GET on a message does not mark it read ------------------------------------------


@pytest.fixture
def bericht(personas):
    return Notificatie.objects.create(
        medewerker=personas.beroepskracht, tekst="Uw arrangement is goedgekeurd", link="/arrangementen/"
    )


def test_een_bericht_openen_met_get_markeert_het_niet_als_gelezen(personas, als, bericht):
    response = als(personas.beroepskracht).get(f"/berichten/{bericht.uuid}/")
    assert response.status_code == 302 and response["Location"] == "/arrangementen/"
    bericht.refresh_from_db()
    assert not bericht.is_gelezen


def test_gelezen_markeren_gaat_met_post(personas, als, bericht):
    client = als(personas.beroepskracht)
    lijst = client.get("/berichten/").content.decode()
    assert f'action="/berichten/{bericht.uuid}/"' in lijst and ">Gelezen</button>" in lijst
    response = client.post(f"/berichten/{bericht.uuid}/")
    assert response.status_code == 302 and response["Location"] == "/berichten/"
    bericht.refresh_from_db()
    assert bericht.is_gelezen
    # Another's message stays a 404, by GET and by POST.
    ander = als(personas.beroepskracht2)
    assert ander.get(f"/berichten/{bericht.uuid}/").status_code == 404
    assert ander.post(f"/berichten/{bericht.uuid}/").status_code == 404


# -- finding 4: refused logins, second factors, lockouts, CSRF and admin requests are logged --------


def test_fout_wachtwoord_wordt_gelogd_zonder_het_wachtwoord(personas):
    wachtwoord_stap(Client(), "beroepskracht", "Geheim-fout-wachtwoord-9", REMOTE_ADDR="10.4.0.1")
    regel = _geweigerd(actie=Toegang.Actie.INLOGPOGING).get()
    assert regel.object_id == "beroepskracht"
    assert "wachtwoord" in regel.reden and regel.ip_adres == "10.4.0.1"
    for veld in ("reden", "pad", "object_id", "object_soort"):
        assert "Geheim-fout-wachtwoord-9" not in getattr(regel, veld)


def test_foute_tweede_factor_wordt_gelogd(personas):
    client = Client()
    wachtwoord_stap(client, "beroepskracht")
    apparaat = TOTPDevice.objects.get(user=personas.beroepskracht)
    tweede_factor_stap(client, personas.beroepskracht, foute_code(apparaat))
    regel = _geweigerd(actie=Toegang.Actie.INLOGPOGING).get()
    assert regel.medewerker == personas.beroepskracht
    assert "tweede factor" in regel.reden


def test_blokkade_wordt_gelogd(personas):
    for poging in range(6):
        Client().post(
            "/inloggen/", {"username": "beroepskracht", "password": f"fout-{poging}"}, REMOTE_ADDR="10.5.0.1"
        )
    redenen = list(
        _geweigerd(actie=Toegang.Actie.INLOGPOGING).order_by("tijdstip", "pk").values_list("reden", flat=True)
    )
    assert len(redenen) == 6
    assert not any("geblokkeerd" in reden for reden in redenen[:4])
    assert all("geblokkeerd" in reden for reden in redenen[4:])


def test_csrf_weigering_wordt_gelogd_met_een_nederlandse_pagina(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.beroepskracht)
    response = client.post("/uitloggen/")
    assert response.status_code == 403
    assert "Het formulier is verlopen of ongeldig" in response.content.decode()
    regel = _geweigerd(object_soort="csrf").get()
    assert regel.medewerker == personas.beroepskracht and "CSRF" in regel.reden
    assert is_ingelogd(client)


def test_anonieme_csrf_weigering_wordt_ook_gelogd():
    response = Client(enforce_csrf_checks=True).post("/inloggen/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert _geweigerd(object_soort="csrf", medewerker=None).exists()


@pytest.mark.parametrize("persona", ["beroepskracht", "coordinator", "beleid"])
@pytest.mark.parametrize("pad", ["/beheer/", "/noodbeheer/"])
def test_geweigerd_beheer_wordt_gelogd(personas, als, persona, pad):
    response = als(getattr(personas, persona)).get(pad, follow=True)
    assert response.status_code == 403
    assert "Configuratie" not in response.content.decode()
    regel = _geweigerd(object_soort="beheer").get()
    assert regel.medewerker == getattr(personas, persona)


def test_de_beheerder_komt_gewoon_binnen(personas, als):
    response = als(personas.beheerder).get("/beheer/")
    assert response.status_code == 200
    assert not _geweigerd().exists()
