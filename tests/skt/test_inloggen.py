"""Logging in: password, then the TOTP second factor; lockout on username + IP; 30 sliding minutes."""

import datetime
import html
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from skt.models import Toegang

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord-123"  # tests/factories.medewerker_maken
TWEEDE_FACTOR = "/inloggen/tweede-factor/"

PERSONA_NAMEN = [
    "poort",
    "beroepskracht",
    "vrijwilliger",
    "consulent",
    "consulent_jeugd",
    "coordinator",
    "beleid",
    "beheerder",
]


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    # The personas get real passwords; PBKDF2 costs about a second each on a busy CI machine.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def code_voor(apparaat: TOTPDevice, verschuiving: int = 0) -> str:
    """The code the authenticator app shows now (verschuiving in steps of 30 seconds)."""
    waarde = totp(
        apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift + verschuiving
    )
    return f"{waarde:0{apparaat.digits}d}"


def foute_code(apparaat: TOTPDevice) -> str:
    """A code that is certainly wrong: none of the codes the device accepts around now."""
    goed = {code_voor(apparaat, v) for v in (-1, 0, 1)}
    return next(f"{i:06d}" for i in range(1_000_000) if f"{i:06d}" not in goed)


def wachtwoord_stap(client: Client, gebruikersnaam: str, wachtwoord: str = WACHTWOORD, **extra):
    return client.post(
        "/inloggen/", {"username": gebruikersnaam, "password": wachtwoord}, follow=True, **extra
    )


def is_ingelogd(client: Client) -> bool:
    return "_auth_user_id" in client.session


def tweede_factor_stap(client: Client, medewerker, code: str | None = None, next_: str = "/"):
    apparaat = TOTPDevice.objects.get(user=medewerker)
    return client.post(
        f"{TWEEDE_FACTOR}?next={next_}", {"token": code or code_voor(apparaat), "next": next_}, follow=True
    )


# -- password, then the second factor ----------------------------------------------------------


def test_na_het_wachtwoord_volgt_de_tweede_factor(personas):
    client = Client()
    response = wachtwoord_stap(client, "beroepskracht")
    assert response.status_code == 200
    laatste = urlsplit(response.redirect_chain[-1][0])
    assert laatste.path == TWEEDE_FACTOR
    assert parse_qs(laatste.query)["next"] == ["/"]
    assert is_ingelogd(client)
    # First time: the set-up page with a QR code and an unconfirmed device.
    inhoud = response.content.decode()
    assert "Authenticator-app koppelen" in inhoud
    assert "<svg" in inhoud
    apparaat = TOTPDevice.objects.get(user=personas.beroepskracht)
    assert not apparaat.confirmed
    assert apparaat.key in inhoud  # the key for who cannot scan


@pytest.mark.parametrize("pad", ["/", "/toegangslog/", "/inwoners/nieuw/", "/beheer/"])
def test_elke_andere_pagina_stuurt_naar_de_tweede_factor(personas, pad):
    client = Client()
    wachtwoord_stap(client, "coordinator")
    response = client.get(pad)
    assert response.status_code == 302
    locatie = urlsplit(response["Location"])
    assert locatie.path == TWEEDE_FACTOR
    assert parse_qs(locatie.query)["next"] == [pad]


def test_foute_code_geeft_een_nederlandse_fout_en_laat_niet_binnen(personas):
    client = Client()
    wachtwoord_stap(client, "beroepskracht")
    apparaat = TOTPDevice.objects.get(user=personas.beroepskracht)
    response = tweede_factor_stap(client, personas.beroepskracht, foute_code(apparaat))
    assert response.status_code == 200
    assert "Deze code klopt niet of is verlopen" in response.content.decode()
    apparaat.refresh_from_db()
    assert not apparaat.confirmed
    assert client.get("/").status_code == 302
    assert not Toegang.objects.filter(actie=Toegang.Actie.INLOGGEN).exists()


@pytest.mark.parametrize(
    "code, melding", [("", "Vul de 6-cijferige code"), ("123", "De code bestaat uit 6 cijfers")]
)
def test_lege_of_korte_code_geeft_een_nederlandse_fout(personas, code, melding):
    client = Client()
    wachtwoord_stap(client, "beroepskracht")
    response = client.post(TWEEDE_FACTOR, {"token": code})
    assert response.status_code == 200
    assert melding in response.content.decode()


def test_juiste_code_bevestigt_het_apparaat_en_opent_mijn_werk(personas):
    client = Client()
    wachtwoord_stap(client, "beroepskracht")
    response = tweede_factor_stap(client, personas.beroepskracht)
    assert response.redirect_chain[-1][0] == "/"
    assert response.status_code == 200
    assert "Mijn werk" in response.content.decode()
    assert TOTPDevice.objects.get(user=personas.beroepskracht).confirmed
    regel = Toegang.objects.get(actie=Toegang.Actie.INLOGGEN)
    assert regel.medewerker == personas.beroepskracht
    assert regel.resultaat == Toegang.Resultaat.TOEGESTAAN


def test_na_een_foute_code_werkt_de_juiste_code_nog(personas, settings):
    # Without throttling (tested below) the user may simply try again.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = Client()
    wachtwoord_stap(client, "beroepskracht")
    apparaat = TOTPDevice.objects.get(user=personas.beroepskracht)
    tweede_factor_stap(client, personas.beroepskracht, foute_code(apparaat))
    response = tweede_factor_stap(client, personas.beroepskracht)
    assert response.redirect_chain[-1][0] == "/"


def test_na_een_foute_code_wordt_raden_vertraagd(personas, settings):
    """django-otp throttles: right after a wrong code even the right one is refused for a while."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    client = Client()
    wachtwoord_stap(client, "beroepskracht")
    apparaat = TOTPDevice.objects.get(user=personas.beroepskracht)
    tweede_factor_stap(client, personas.beroepskracht, foute_code(apparaat))
    response = tweede_factor_stap(client, personas.beroepskracht)
    assert "Deze code klopt niet of is verlopen" in response.content.decode()
    assert client.get("/").status_code == 302


def test_de_tweede_keer_geen_qr_code_meer(personas):
    eerste = Client()
    wachtwoord_stap(eerste, "beroepskracht")
    tweede_factor_stap(eerste, personas.beroepskracht)
    apparaat = TOTPDevice.objects.get(user=personas.beroepskracht)

    tweede = Client()
    response = wachtwoord_stap(tweede, "beroepskracht")
    inhoud = response.content.decode()
    assert "Code invoeren" in inhoud
    assert "<svg" not in inhoud
    # The secret is never shown again once the device is confirmed.
    assert apparaat.key not in inhoud
    assert TOTPDevice.objects.filter(user=personas.beroepskracht).count() == 1
    # The same code cannot be used twice; the next one can.
    assert (
        tweede_factor_stap(tweede, personas.beroepskracht, code_voor(apparaat, 1)).redirect_chain[-1][0]
        == "/"
    )


def test_tweede_factor_stuurt_niet_door_naar_een_andere_site(personas):
    client = Client()
    wachtwoord_stap(client, "beroepskracht")
    response = tweede_factor_stap(client, personas.beroepskracht, next_="https://kwaadaardig.example/")
    assert response.redirect_chain[0][0] == "/"


def test_demo_modus_slaat_de_tweede_factor_over(personas, settings):
    settings.SKT_DEMO = True
    client = Client()
    response = wachtwoord_stap(client, "beroepskracht")
    assert response.redirect_chain[-1][0] == "/"
    assert response.status_code == 200
    assert "Mijn werk" in response.content.decode()
    assert not TOTPDevice.objects.exists()


def test_zonder_demo_modus_staat_de_tweede_factor_aan():
    assert django_settings.SKT_DEMO is False


def test_beheer_heeft_geen_eigen_inlogformulier(personas):
    """Posting a password to the admin login URL logs nobody in: one login, with the second factor."""
    client = Client()
    response = client.post(
        "/noodbeheer/login/?next=/noodbeheer/",
        {"username": "beheerder", "password": WACHTWOORD, "next": "/noodbeheer/"},
    )
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/inloggen/"
    assert not is_ingelogd(client)


def test_fout_wachtwoord_geeft_een_nederlandse_fout(personas):
    client = Client()
    response = wachtwoord_stap(client, "beroepskracht", "verkeerd-wachtwoord")
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()
    assert not is_ingelogd(client)


@pytest.mark.parametrize("persona", PERSONA_NAMEN)
def test_elke_rol_komt_op_mijn_werk_met_het_eigen_rollabel(personas, persona):
    medewerker = getattr(personas, persona)
    client = Client()
    wachtwoord_stap(client, medewerker.username)
    response = tweede_factor_stap(client, medewerker)
    assert response.redirect_chain[-1][0] == "/"
    inhoud = html.unescape(response.content.decode())
    assert '<h1 class="utrecht-heading-1">Mijn werk</h1>' in inhoud
    assert f"U werkt als <strong>{medewerker.get_rol_display()}</strong>" in inhoud
    # And not the label of another role.
    assert inhoud.count("U werkt als") == 1


# -- django-axes: lock on username + IP ----------------------------------------------------------


def _vijf_keer_fout(gebruikersnaam: str, ip: str) -> None:
    for poging in range(1, 6):
        response = Client().post(
            "/inloggen/", {"username": gebruikersnaam, "password": f"fout-{poging}"}, REMOTE_ADDR=ip
        )
        if poging < 5:
            assert response.status_code == 200
            assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()


def _geblokkeerd(response) -> bool:
    return response.status_code == 429 and "Inloggen tijdelijk geblokkeerd" in response.content.decode()


def test_vijf_foute_wachtwoorden_blokkeren_gebruikersnaam_en_ip(personas):
    _vijf_keer_fout("beroepskracht", "10.0.0.1")
    client = Client()
    response = client.post(
        "/inloggen/", {"username": "beroepskracht", "password": WACHTWOORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert _geblokkeerd(response)
    assert not is_ingelogd(client)


def test_blokkade_geldt_niet_voor_een_ander_ip(personas):
    _vijf_keer_fout("beroepskracht", "10.0.0.1")
    client = Client()
    response = wachtwoord_stap(client, "beroepskracht", REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 200
    assert urlsplit(response.redirect_chain[-1][0]).path == TWEEDE_FACTOR
    assert is_ingelogd(client)


def test_blokkade_geldt_niet_voor_een_andere_gebruiker_op_hetzelfde_ip(personas):
    """A whole office shares one IP: one person's typos must not lock out colleagues."""
    _vijf_keer_fout("beroepskracht", "10.0.0.1")
    client = Client()
    response = wachtwoord_stap(client, "beroepskracht2", REMOTE_ADDR="10.0.0.1")
    assert urlsplit(response.redirect_chain[-1][0]).path == TWEEDE_FACTOR
    assert is_ingelogd(client)


def test_een_vervalste_forwarded_for_omzeilt_de_blokkade_niet(personas):
    """Without a configured proxy the client cannot choose its own IP with a header."""
    for poging in range(5):
        Client().post(
            "/inloggen/",
            {"username": "beroepskracht", "password": "fout"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{poging}",
        )
    response = Client().post(
        "/inloggen/",
        {"username": "beroepskracht", "password": WACHTWOORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.99",
    )
    assert _geblokkeerd(response)


def test_vier_foute_pogingen_blokkeren_nog_niet(personas):
    for poging in range(4):
        Client().post(
            "/inloggen/", {"username": "beroepskracht", "password": f"fout-{poging}"}, REMOTE_ADDR="10.0.0.1"
        )
    client = Client()
    wachtwoord_stap(client, "beroepskracht", REMOTE_ADDR="10.0.0.1")
    assert is_ingelogd(client)


# -- session: 30 sliding minutes ---------------------------------------------------------------


def test_sessie_instellingen():
    assert django_settings.SESSION_COOKIE_AGE == 1800
    assert django_settings.SESSION_SAVE_EVERY_REQUEST is True


def _sessie(client: Client) -> Session:
    return Session.objects.get(session_key=client.cookies[django_settings.SESSION_COOKIE_NAME].value)


def test_verlopen_sessie_gaat_naar_inloggen(personas, als):
    client = als(personas.beroepskracht)
    assert client.get("/").status_code == 200
    Session.objects.filter(pk=_sessie(client).pk).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/"


def test_elke_aanvraag_schuift_het_verlopen_op(personas, als):
    client = als(personas.beroepskracht)
    bijna_verlopen = timezone.now() + datetime.timedelta(minutes=2)
    Session.objects.filter(pk=_sessie(client).pk).update(expire_date=bijna_verlopen)
    assert client.get("/").status_code == 200
    nieuw = _sessie(client).expire_date
    verwacht = timezone.now() + datetime.timedelta(seconds=1800)
    assert abs((nieuw - verwacht).total_seconds()) < 60


def test_uitloggen_beeindigt_de_sessie(personas, als):
    client = als(personas.beroepskracht)
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/"
    assert not is_ingelogd(client)
    assert client.get("/")["Location"] == "/inloggen/?next=/"
