"""Invitation instead of a password, wachtwoord vergeten with the second factor, and the lost phone."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from skt.beheer import services
from skt.models import Medewerker, Rechtenwijziging, Toegang, Uitnodiging

from .test_inloggen import TWEEDE_FACTOR, code_voor, foute_code, is_ingelogd

pytestmark = pytest.mark.django_db

NIEUW_WACHTWOORD = "Fietsbel-over-de-Linge-42"
LINK = re.compile(r"https?://[^\s]+/uitnodiging/[\w-]+/")


def nieuwe_medewerker(als, personas, **extra) -> tuple[Medewerker, str]:
    """The beheerder creates a beroepskracht of team A; returns the medewerker and the mailed link."""
    gegevens = {
        "username": "nieuw",
        "voornaam": "Nora",
        "achternaam": "Nieuw",
        "email": "nora@gemeente.invalid",
        "rol": "beroepskracht",
        "teams": [str(personas.team_a.uuid)],
        **extra,
    }
    response = als(personas.beheerder).post("/beheer/medewerkers/nieuw/", gegevens)
    assert response.status_code == 302, response.content.decode()
    return Medewerker.objects.get(username=gegevens["username"]), laatste_link()


def laatste_link() -> str:
    return LINK.search(mail.outbox[-1].body).group(0)


def pad(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def instellen(client: Client, link: str, **velden):
    client.get(pad(link))
    return client.post("/uitnodiging/verder/", velden)


def inloggen(client: Client, medewerker, wachtwoord: str, code: str):
    client.post("/inloggen/", {"username": medewerker.username, "password": wachtwoord})
    return client.post(f"{TWEEDE_FACTOR}?next=/", {"token": code, "next": "/"}, follow=True)


def apparaat_van(medewerker) -> TOTPDevice:
    # Not the device the test client of tests/conftest.py adds for a logged-in session.
    return TOTPDevice.objects.exclude(name="test").get(user=medewerker)


def test_de_hele_uitnodiging_tot_en_met_inloggen(als, personas):
    medewerker, link = nieuwe_medewerker(als, personas)
    assert not medewerker.has_usable_password()
    assert mail.outbox[-1].to == ["nora@gemeente.invalid"]
    client = Client()
    response = client.get(pad(link))
    assert response.status_code == 302 and response["Location"] == "/uitnodiging/verder/"
    pagina = client.get("/uitnodiging/verder/").content.decode()
    assert "Account instellen" in pagina and "<svg" in pagina
    apparaat = apparaat_van(medewerker)
    assert apparaat.key in pagina and not apparaat.confirmed

    response = client.post(
        "/uitnodiging/verder/",
        {"wachtwoord1": NIEUW_WACHTWOORD, "wachtwoord2": NIEUW_WACHTWOORD, "token": code_voor(apparaat)},
    )
    assert response.status_code == 302 and response["Location"] == "/uitnodiging/herstelcodes/"
    codes = re.findall(
        r"<li><code>(\w+)</code></li>", client.get("/uitnodiging/herstelcodes/").content.decode()
    )
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=medewerker).values_list("token", flat=True)
    )
    # Shown once.
    assert "al getoond" in client.get("/uitnodiging/herstelcodes/").content.decode()

    medewerker.refresh_from_db()
    assert medewerker.check_password(NIEUW_WACHTWOORD)
    assert apparaat_van(medewerker).confirmed
    assert Uitnodiging.objects.get(medewerker=medewerker).gebruikt_op is not None
    assert Toegang.objects.filter(object_soort="uitnodiging", reden__contains="account ingericht").exists()

    # Log in with password and a code of the app.
    nieuw = Client()
    response = inloggen(nieuw, medewerker, NIEUW_WACHTWOORD, code_voor(apparaat_van(medewerker), 1))
    assert response.redirect_chain[-1][0] == "/" and "Mijn werk" in response.content.decode()

    # And with a recovery code instead of the app, once.
    derde = Client()
    assert inloggen(derde, medewerker, NIEUW_WACHTWOORD, codes[0]).redirect_chain[-1][0] == "/"
    vierde = Client()
    response = inloggen(vierde, medewerker, NIEUW_WACHTWOORD, codes[0])
    assert "Deze code klopt niet" in response.content.decode()


def test_alleen_de_hash_van_het_token_staat_in_de_database(als, personas):
    medewerker, link = nieuwe_medewerker(als, personas)
    token = link.rstrip("/").rsplit("/", 1)[1]
    uitnodiging = Uitnodiging.objects.get(medewerker=medewerker)
    assert uitnodiging.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not Uitnodiging.objects.filter(token_hash=token).exists()
    assert uitnodiging.verloopt_op - uitnodiging.aangemaakt_op == timedelta(hours=72)
    # Nor in the access log or the history.
    assert not Toegang.objects.filter(pad__contains=token).exists()
    assert not hasattr(uitnodiging.history.first(), "token_hash")


@pytest.mark.parametrize(
    "velden, veld, melding",
    [
        ({"wachtwoord1": "kort", "wachtwoord2": "kort"}, "wachtwoord1", "te kort"),
        (
            {"wachtwoord1": NIEUW_WACHTWOORD, "wachtwoord2": NIEUW_WACHTWOORD + "x"},
            "wachtwoord2",
            "niet gelijk",
        ),
        ({"wachtwoord1": "123456789012", "wachtwoord2": "123456789012"}, "wachtwoord1", "alleen uit cijfers"),
        (
            {"wachtwoord1": NIEUW_WACHTWOORD, "wachtwoord2": NIEUW_WACHTWOORD, "fout": 1},
            "token",
            "klopt niet",
        ),
        (
            {"wachtwoord1": NIEUW_WACHTWOORD, "wachtwoord2": NIEUW_WACHTWOORD, "token": ""},
            "token",
            "6-cijferige",
        ),
    ],
)
def test_slechte_invoer_op_de_uitnodiging_bewaart_niets(als, personas, velden, veld, melding):
    medewerker, link = nieuwe_medewerker(als, personas)
    client = Client()
    client.get(pad(link))
    client.get("/uitnodiging/verder/")
    apparaat = apparaat_van(medewerker)
    velden = dict(velden)
    if velden.pop("fout", None):
        velden["token"] = foute_code(apparaat)
    velden.setdefault("token", code_voor(apparaat))
    response = client.post("/uitnodiging/verder/", velden)
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert f'id="id_{veld}_error"' in inhoud and melding in inhoud
    medewerker.refresh_from_db()
    assert not medewerker.has_usable_password()
    assert not apparaat_van(medewerker).confirmed
    assert not StaticDevice.objects.filter(user=medewerker).exists()
    assert Uitnodiging.objects.get(medewerker=medewerker).gebruikt_op is None


def _voltooien(client, medewerker, link):
    client.get(pad(link))
    client.get("/uitnodiging/verder/")
    return client.post(
        "/uitnodiging/verder/",
        {
            "wachtwoord1": NIEUW_WACHTWOORD,
            "wachtwoord2": NIEUW_WACHTWOORD,
            "token": code_voor(apparaat_van(medewerker)),
        },
    )


def test_een_gebruikte_link_werkt_niet_nog_een_keer(als, personas):
    medewerker, link = nieuwe_medewerker(als, personas)
    assert _voltooien(Client(), medewerker, link).status_code == 302
    wachtwoord = Medewerker.objects.get(pk=medewerker.pk).password
    response = Client().get(pad(link))
    assert response.status_code == 404
    assert "Deze link werkt niet meer" in response.content.decode()
    assert Medewerker.objects.get(pk=medewerker.pk).password == wachtwoord
    assert TOTPDevice.objects.filter(user=medewerker).count() == 1
    assert Toegang.objects.filter(object_soort="uitnodiging", resultaat="geweigerd").exists()


def test_een_verlopen_link_maakt_niets(als, personas):
    medewerker, link = nieuwe_medewerker(als, personas)
    uitnodiging = Uitnodiging.objects.get(medewerker=medewerker)
    uitnodiging.verloopt_op = timezone.now() - timedelta(seconds=1)
    uitnodiging.save()
    client = Client()
    response = client.get(pad(link))
    assert response.status_code == 404 and "Deze link werkt niet meer" in response.content.decode()
    assert client.get("/uitnodiging/verder/").status_code == 404
    assert not TOTPDevice.objects.filter(user=medewerker).exists()
    assert not Medewerker.objects.get(pk=medewerker.pk).has_usable_password()


def test_verlopen_tijdens_het_invullen_bewaart_niets(als, personas):
    medewerker, link = nieuwe_medewerker(als, personas)
    client = Client()
    client.get(pad(link))
    client.get("/uitnodiging/verder/")
    uitnodiging = Uitnodiging.objects.get(medewerker=medewerker)
    uitnodiging.verloopt_op = timezone.now() - timedelta(seconds=1)
    uitnodiging.save()
    response = client.post(
        "/uitnodiging/verder/",
        {
            "wachtwoord1": NIEUW_WACHTWOORD,
            "wachtwoord2": NIEUW_WACHTWOORD,
            "token": code_voor(apparaat_van(medewerker)),
        },
    )
    assert response.status_code == 404
    assert not Medewerker.objects.get(pk=medewerker.pk).has_usable_password()
    assert not apparaat_van(medewerker).confirmed


def test_een_nieuwe_uitnodiging_sluit_de_oude(als, personas):
    medewerker, oude_link = nieuwe_medewerker(als, personas)
    response = als(personas.beheerder).post(f"/beheer/medewerkers/{medewerker.uuid}/uitnodigen/")
    assert response.status_code == 302
    nieuwe_link = laatste_link()
    assert nieuwe_link != oude_link
    assert Client().get(pad(oude_link)).status_code == 404
    assert _voltooien(Client(), medewerker, nieuwe_link).status_code == 302


def test_een_uitgenodigde_koppelt_de_app_niet_bij_het_inloggen(als, personas):
    """The login's first-time set-up is not for invited people: only the link couples an app."""
    medewerker, _link = nieuwe_medewerker(als, personas)
    medewerker.set_password(NIEUW_WACHTWOORD)
    medewerker.save()
    client = Client()
    client.post("/inloggen/", {"username": medewerker.username, "password": NIEUW_WACHTWOORD})
    response = client.get(TWEEDE_FACTOR)
    assert "via de link in uw e-mail" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=medewerker).exists()


# -- wachtwoord vergeten ---------------------------------------------------------------------


def _account(als, personas) -> Medewerker:
    medewerker, link = nieuwe_medewerker(als, personas)
    _voltooien(Client(), medewerker, link)
    mail.outbox.clear()
    return Medewerker.objects.get(pk=medewerker.pk)


def test_wachtwoord_vergeten_antwoordt_hetzelfde_voor_een_onbekend_adres(als, personas):
    _account(als, personas)
    onbekend = Client().post("/wachtwoord-vergeten/", {"email": "niemand@gemeente.invalid"})
    assert mail.outbox == []
    bekend = Client().post("/wachtwoord-vergeten/", {"email": "NORA@gemeente.invalid"})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nora@gemeente.invalid"]
    assert onbekend.status_code == bekend.status_code == 200
    assert onbekend.content == bekend.content


def test_wachtwoord_herstellen_vraagt_de_tweede_factor(als, personas):
    medewerker = _account(als, personas)
    oud = als(medewerker)  # a session with the old password, on another computer
    assert oud.get("/").status_code == 200
    Client().post("/wachtwoord-vergeten/", {"email": medewerker.email})
    link = laatste_link()
    uitnodiging = Uitnodiging.objects.get(medewerker=medewerker, soort=Uitnodiging.Soort.WACHTWOORD)
    assert uitnodiging.verloopt_op - uitnodiging.aangemaakt_op == timedelta(hours=1)
    client = Client()
    client.get(pad(link))
    velden = {"wachtwoord1": "Nieuw-wachtwoord-2026!", "wachtwoord2": "Nieuw-wachtwoord-2026!"}
    response = client.post("/uitnodiging/verder/", {**velden, "code": foute_code(apparaat_van(medewerker))})
    assert response.status_code == 200 and 'id="id_code_error"' in response.content.decode()
    assert Medewerker.objects.get(pk=medewerker.pk).check_password(NIEUW_WACHTWOORD)
    # django-otp throttles after a wrong code (a second, doubling) and refuses a code used before.
    apparaat = apparaat_van(medewerker)
    apparaat.throttle_reset()
    response = client.post("/uitnodiging/verder/", {**velden, "code": code_voor(apparaat, 1)})
    assert response.status_code == 302 and response["Location"] == "/inloggen/"
    assert Medewerker.objects.get(pk=medewerker.pk).check_password("Nieuw-wachtwoord-2026!")
    assert oud.get("/").status_code == 302  # the session with the old password has ended
    # Single use.
    assert Client().get(pad(link)).status_code == 404


def test_wachtwoord_herstellen_met_een_herstelcode(als, personas):
    medewerker = _account(als, personas)
    code = StaticToken.objects.filter(device__user=medewerker).first().token
    Client().post("/wachtwoord-vergeten/", {"email": medewerker.email})
    client = Client()
    client.get(pad(laatste_link()))
    velden = {"wachtwoord1": "Nieuw-wachtwoord-2026!", "wachtwoord2": "Nieuw-wachtwoord-2026!", "code": code}
    assert client.post("/uitnodiging/verder/", velden).status_code == 302
    assert not StaticToken.objects.filter(token=code).exists()


def test_vijf_foute_codes_sluiten_de_herstellink(als, personas):
    medewerker = _account(als, personas)
    Client().post("/wachtwoord-vergeten/", {"email": medewerker.email})
    client = Client()
    client.get(pad(laatste_link()))
    velden = {
        "wachtwoord1": "Nieuw-wachtwoord-2026!",
        "wachtwoord2": "Nieuw-wachtwoord-2026!",
        "code": "00000000",
    }
    for _i in range(5):
        client.post("/uitnodiging/verder/", velden)
    velden["code"] = code_voor(apparaat_van(medewerker))
    assert client.post("/uitnodiging/verder/", velden).status_code == 404
    assert Medewerker.objects.get(pk=medewerker.pk).check_password(NIEUW_WACHTWOORD)


def test_wachtwoord_vergeten_is_begrensd(settings, personas):
    settings.SKT_LIMIET_WACHTWOORD_VERGETEN_PER_MINUUT = 3
    client = Client()
    for _i in range(3):
        assert client.post("/wachtwoord-vergeten/", {"email": "x@gemeente.invalid"}).status_code == 200
    response = client.post("/wachtwoord-vergeten/", {"email": "x@gemeente.invalid"})
    assert response.status_code == 429 and "Te vaak gevraagd" in response.content.decode()
    assert Toegang.objects.filter(actie=Toegang.Actie.LIMIET, object_soort="wachtwoord_vergeten").exists()


# -- lost phone --------------------------------------------------------------------------------


def test_telefoon_kwijt(als, personas):
    medewerker = _account(als, personas)
    coordinator = personas.coordinator
    # Only once her beroepskracht role of team A is confirmed does she have a coordinator to tell.
    voorstel = Rechtenwijziging.objects.get(medewerker=medewerker, status="voorgesteld")
    services.rechtenwijziging_bevestigen(door=coordinator, wijziging=voorstel)
    coordinator.email = "coordinator@gemeente.invalid"
    coordinator.save()
    oud = als(medewerker)
    assert oud.get("/").status_code == 200
    response = als(personas.beheerder).post(f"/beheer/medewerkers/{medewerker.uuid}/tweede-factor/")
    assert response.status_code == 302
    assert oud.get("/").status_code == 302  # the session of the lost phone has ended
    assert not TOTPDevice.objects.filter(user=medewerker).exists()
    assert not StaticDevice.objects.filter(user=medewerker).exists()
    ontvangers = [bericht.to for bericht in mail.outbox]
    assert [medewerker.email] in ontvangers and [coordinator.email] in ontvangers
    regel = Toegang.objects.get(object_soort="medewerker", reden__startswith="tweede factor gewist")
    assert regel.medewerker == personas.beheerder and regel.object_id == str(medewerker.uuid)
    link = LINK.search(next(b.body for b in mail.outbox if b.to == [medewerker.email])).group(0)

    # The password alone does not couple a new app.
    client = Client()
    client.post("/inloggen/", {"username": medewerker.username, "password": NIEUW_WACHTWOORD})
    assert "via de link in uw e-mail" in client.get(TWEEDE_FACTOR).content.decode()
    assert not TOTPDevice.objects.filter(user=medewerker).exists()

    # The link is for the factor only: no password field.
    client = Client()
    client.get(pad(link))
    pagina = client.get("/uitnodiging/verder/").content.decode()
    assert "Tweede factor instellen" in pagina and "wachtwoord1" not in pagina
    response = client.post("/uitnodiging/verder/", {"token": code_voor(apparaat_van(medewerker))})
    assert response.status_code == 302
    assert Medewerker.objects.get(pk=medewerker.pk).check_password(NIEUW_WACHTWOORD)
    nieuw = Client()
    response = inloggen(nieuw, medewerker, NIEUW_WACHTWOORD, code_voor(apparaat_van(medewerker), 1))
    assert is_ingelogd(nieuw) and response.redirect_chain[-1][0] == "/"


def test_een_gedeactiveerde_medewerker_gebruikt_de_link_niet(als, personas):
    medewerker, link = nieuwe_medewerker(als, personas)
    als(personas.beheerder).post(
        f"/beheer/medewerkers/{medewerker.uuid}/actief/", {"actief": "0", "reden": "Uit dienst."}
    )
    assert Client().get(pad(link)).status_code == 404
    assert not TOTPDevice.objects.filter(user=medewerker).exists()
