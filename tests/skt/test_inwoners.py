"""Registering an inwoner at /inwoners/nieuw/: clear Dutch errors that change nothing, and betrokkenheid."""

import datetime
import html
import re

import pytest
from django.utils import timezone

from skt import rechten
from skt.models import Inwoner

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db

URL = "/inwoners/nieuw/"


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    # The personas get real passwords; PBKDF2 costs about a second each on a busy CI machine.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def gegevens(**anders) -> dict:
    basis = {
        "bsn": "111222333",
        "voornamen": "Anna Maria",
        "tussenvoegsel": "van",
        "achternaam": "Dijk",
        "geboortedatum": "1950-04-01",
        "straat": "Dorpsstraat",
        "huisnummer": "12",
        "postcode": "6661 AB",
        "woonplaats": "Elst",
        "kern": "",
        "telefoon": "0612345678",
        "email": "",
    }
    basis.update(anders)
    return basis


def fout_bij_veld(response, veld: str) -> str:
    """The text of the error block rendered next to one field (includes/veld.html), unescaped."""
    inhoud = response.content.decode()
    gevonden = re.search(
        rf'<div class="utrecht-form-field-error-message" id="id_{veld}_error">(.*?)</div>', inhoud, re.S
    )
    assert gevonden, f"geen foutmelding bij het veld {veld}"
    return html.unescape(re.sub(r"<[^>]+>", " ", gevonden.group(1)))


def ongewijzigd_geweigerd(client, data, veld, verwacht):
    inwoners, historie = Inwoner.objects.count(), Inwoner.history.count()
    response = client.post(URL, data)
    assert response.status_code == 200
    assert verwacht in fout_bij_veld(response, veld)
    # The summary at the top tells that nothing was saved.
    assert "Er is niets opgeslagen" in response.content.decode()
    # The field is marked invalid for assistive technology (Django links the error by aria-invalid).
    assert re.search(rf'name="{veld}"[^>]*aria-invalid="true"', response.content.decode())
    assert Inwoner.objects.count() == inwoners
    assert Inwoner.history.count() == historie
    return response


def test_het_formulier_toont_zich_voor_een_beroepskracht(personas, als):
    response = als(personas.beroepskracht).get(URL)
    assert response.status_code == 200
    assert 'name="bsn"' in response.content.decode()


@pytest.mark.parametrize(
    "bsn, verwacht",
    [
        ("111222334", "voldoet niet aan de elfproef"),
        ("12345678", "precies 9 cijfers"),
        ("12345678x", "precies 9 cijfers"),
    ],
)
def test_fout_bsn_wordt_geweigerd_en_verandert_niets(personas, als, bsn, verwacht):
    ongewijzigd_geweigerd(als(personas.beroepskracht), gegevens(bsn=bsn), "bsn", verwacht)


@pytest.mark.parametrize("postcode", ["0661 AB", "6661 SA", "66612AB"])
def test_foute_postcode_wordt_geweigerd_en_verandert_niets(personas, als, postcode):
    ongewijzigd_geweigerd(
        als(personas.beroepskracht), gegevens(postcode=postcode), "postcode", "4 cijfers en 2 letters"
    )


def test_geboortedatum_in_de_toekomst_wordt_geweigerd_en_verandert_niets(personas, als):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    ongewijzigd_geweigerd(
        als(personas.beroepskracht),
        gegevens(geboortedatum=morgen.isoformat()),
        "geboortedatum",
        "Deze datum ligt in de toekomst",
    )


# An inwoner the beroepskracht may not see: the answer does not tell that the BSN exists (issue 11).
NIET_OPNIEUW = "Deze inwoner kan niet opnieuw worden geregistreerd; de poort of de coördinator helpt u verder"


def test_dubbel_bsn_wordt_geweigerd_en_verandert_niets(personas, als):
    InwonerFactory(bsn="111222333")
    ongewijzigd_geweigerd(als(personas.beroepskracht), gegevens(bsn="111222333"), "bsn", NIET_OPNIEUW)


def test_dubbel_bsn_met_spaties_wordt_ook_herkend(personas, als):
    InwonerFactory(bsn="111222333")
    ongewijzigd_geweigerd(als(personas.beroepskracht), gegevens(bsn="111 222 333"), "bsn", NIET_OPNIEUW)


def test_dubbel_bsn_van_een_inwoner_die_men_mag_zien_wordt_genoemd(personas, als):
    rechten.inwoner_toegang_geven(InwonerFactory(bsn="111222333"), personas.team_a)
    ongewijzigd_geweigerd(
        als(personas.beroepskracht),
        gegevens(bsn="111222333"),
        "bsn",
        "Er bestaat al een Inwoner met eenzelfde BSN",
    )


def test_ontbrekende_achternaam_wordt_geweigerd(personas, als):
    ongewijzigd_geweigerd(als(personas.beroepskracht), gegevens(achternaam=""), "achternaam", "verplicht")


def test_geldige_inwoner_wordt_geregistreerd_met_betrokkenheid_van_het_team(personas, als):
    client = als(personas.beroepskracht)
    response = client.post(URL, gegevens(postcode="6661ab", bsn="123.456.782"))

    assert Inwoner.objects.count() == 1
    inwoner = Inwoner.objects.get()
    assert Inwoner.history.count() == 1
    assert inwoner.history.get().history_type == "+"
    assert inwoner.bsn == "123456782"
    assert inwoner.postcode == "6661 AB"
    assert response.status_code == 302
    assert response["Location"] == f"/inwoners/{inwoner.uuid}/"

    # The registering beroepskracht's team got betrokkenheid; another team did not.
    assert list(rechten.inwoners_zichtbaar_voor(personas.beroepskracht)) == [inwoner]
    pagina = client.get(response["Location"])
    assert pagina.status_code == 200
    assert "Anna Maria van Dijk" in pagina.content.decode()
    assert "is geregistreerd" in pagina.content.decode()
    assert als(personas.beroepskracht2).get(f"/inwoners/{inwoner.uuid}/").status_code == 404


def test_zonder_bsn_registreren_mag(personas, als):
    response = als(personas.beroepskracht).post(URL, gegevens(bsn=""))
    assert response.status_code == 302
    assert Inwoner.objects.get().bsn is None


def test_registratie_door_de_poort_geeft_de_poort_zelf_herkenning(personas, als):
    """The poort has no team: the registering person gets the grant and lands on Mijn werk."""
    response = als(personas.poort).post(URL, gegevens())
    assert response.status_code == 302
    assert response["Location"] == "/"
    inwoner = Inwoner.objects.get()
    assert als(personas.poort).get(f"/inwoners/{inwoner.uuid}/").status_code == 200
    assert als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/").status_code == 404


@pytest.mark.parametrize("persona", ["vrijwilliger", "beleid", "beheerder", "coordinator"])
def test_rollen_zonder_registratierecht_krijgen_403(personas, als, persona):
    client = als(getattr(personas, persona))
    assert client.get(URL).status_code == 403
    assert client.post(URL, gegevens()).status_code == 403
    assert Inwoner.objects.count() == 0
