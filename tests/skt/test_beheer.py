"""Beheer in the product's own screens: accounts, configuration, the gemeente profile; /noodbeheer/."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from skt import rechten
from skt.beheer import services
from skt.models import Kern, Medewerker, Organisatie, Rechtenwijziging, Rol, Toegang, Voorziening

from ..conftest import PERSONA_ROLLEN
from ..factories import medewerker_maken

pytestmark = pytest.mark.django_db

ANDERE_ROLLEN = [naam for naam in PERSONA_ROLLEN if naam != "beheerder"]


def _gegevens(personas, **extra) -> dict:
    return {
        "username": "nieuw",
        "voornaam": "Nora",
        "achternaam": "Nieuw",
        "email": "nora@gemeente.invalid",
        "rol": "beroepskracht",
        "teams": [str(personas.team_a.uuid)],
        **extra,
    }


def _beheer_urls(personas) -> list[tuple[str, str]]:
    mw = personas.beroepskracht.uuid
    organisatie = Organisatie.objects.create(naam="MEE")
    voorziening = Voorziening.objects.create(naam="Repair café", soort="nulde_lijn", organisatie=organisatie)
    get = [
        "/beheer/",
        "/beheer/medewerkers/",
        "/beheer/medewerkers/nieuw/",
        f"/beheer/medewerkers/{mw}/",
        "/beheer/profiel/",
        "/beheer/kernen/elst/",
        f"/beheer/teams/{personas.team_a.uuid}/",
        f"/beheer/organisaties/{organisatie.uuid}/",
        f"/beheer/voorzieningen/{voorziening.uuid}/",
    ]
    for soort in ("kernen", "teams", "leefgebieden", "organisaties", "voorzieningen"):
        get += [f"/beheer/{soort}/", f"/beheer/{soort}/nieuw/"]
    post = [
        "/beheer/medewerkers/nieuw/",
        f"/beheer/medewerkers/{mw}/",
        f"/beheer/medewerkers/{mw}/actief/",
        f"/beheer/medewerkers/{mw}/tweede-factor/",
        f"/beheer/medewerkers/{mw}/uitnodigen/",
        "/beheer/profiel/",
        "/beheer/kernen/nieuw/",
    ]
    return [("get", u) for u in get] + [("post", u) for u in post]


@pytest.mark.parametrize("persona", ANDERE_ROLLEN)
def test_elke_andere_rol_wordt_op_elke_beheerpagina_geweigerd(personas, als, persona):
    client = als(getattr(personas, persona))
    urls = _beheer_urls(personas)
    voor = Medewerker.objects.count(), Kern.objects.count()
    for methode, url in urls:
        data = {"actief": "0", "reden": "weg", "code": "x", "naam": "X", **_gegevens(personas)}
        response = getattr(client, methode)(url, data) if methode == "post" else client.get(url)
        assert response.status_code == 403, (methode, url, response.status_code)
    assert (Medewerker.objects.count(), Kern.objects.count()) == voor
    assert Medewerker.objects.get(pk=personas.beroepskracht.pk).is_active
    assert mail.outbox == []
    geweigerd = Toegang.objects.filter(medewerker=getattr(personas, persona), resultaat="geweigerd")
    assert geweigerd.filter(object_soort="beheer").count() == len(urls)


def test_de_beheerder_opent_elke_beheerpagina(personas, als):
    client = als(personas.beheerder)
    for methode, url in _beheer_urls(personas):
        if methode == "get":
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", list(PERSONA_ROLLEN))
def test_noodbeheer_alleen_voor_een_superuser(personas, als, persona):
    response = als(getattr(personas, persona)).get("/noodbeheer/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 1  # no loop
    assert Toegang.objects.filter(object_soort="beheer", resultaat="geweigerd").exists()


NOODBEHEER_PAGINAS = (
    "/noodbeheer/",
    "/noodbeheer/skt/",
    "/noodbeheer/skt/medewerker/",
    "/noodbeheer/skt/medewerker/add/",
    "/noodbeheer/skt/rechtenwijziging/",
    "/noodbeheer/auth/group/",
    "/noodbeheer/skt/toegang/",
    "/noodbeheer/password_change/",
)


@pytest.mark.parametrize("persona", list(PERSONA_ROLLEN))
def test_geen_noodbeheerpagina_voor_wie_geen_superuser_is(personas, als, persona):
    """Every admin page, also deep ones and a POST: a 403 after at most one redirect, never a loop,
    never a change, and every refusal logged."""
    medewerker = getattr(personas, persona)
    client = als(medewerker)
    aantal = Medewerker.objects.count()
    for pad in NOODBEHEER_PAGINAS:
        response = client.get(pad, follow=True)
        assert response.status_code == 403 and len(response.redirect_chain) <= 1, (
            pad,
            response.redirect_chain,
        )
    response = client.post(
        "/noodbeheer/skt/medewerker/add/", {"username": "x", "rol": "coordinator"}, follow=True
    )
    assert response.status_code == 403 and len(response.redirect_chain) <= 1
    assert Medewerker.objects.count() == aantal
    assert Toegang.objects.filter(medewerker=medewerker, resultaat="geweigerd").count() >= len(
        NOODBEHEER_PAGINAS
    )


def test_de_superuser_komt_in_het_noodbeheer(personas, als):
    beheerder = personas.beheerder
    beheerder.is_superuser = True
    beheerder.save()
    response = als(beheerder).get("/noodbeheer/")
    assert response.status_code == 200
    assert "noodbeheer" in response.content.decode()


# -- medewerkers -----------------------------------------------------------------------------


def test_aanmaken_stuurt_een_uitnodiging_en_toont_de_link_een_keer(personas, als):
    client = als(personas.beheerder)
    response = client.post("/beheer/medewerkers/nieuw/", _gegevens(personas))
    medewerker = Medewerker.objects.get(username="nieuw")
    assert response["Location"] == f"/beheer/medewerkers/{medewerker.uuid}/"
    assert not medewerker.has_usable_password()
    # A beroepskracht reads case content: proposed, not granted, until a second person confirms.
    assert not medewerker.teams.exists() and medewerker.rol == Rol.GEEN
    assert not medewerker.groups.filter(name="rol:beroepskracht").exists()
    voorstel = Rechtenwijziging.objects.get(medewerker=medewerker, status="voorgesteld")
    assert voorstel.rol == Rol.BEROEPSKRACHT and list(voorstel.teams.all()) == [personas.team_a]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nora@gemeente.invalid"]
    link = mail.outbox[0].body.split("/uitnodiging/")[1].split("/")[0]
    assert link in client.get(response["Location"]).content.decode()
    assert link not in client.get(response["Location"]).content.decode()
    regel = Toegang.objects.get(object_soort="medewerker", object_id=str(medewerker.uuid))
    assert regel.actie == "wijzigen" and regel.medewerker == personas.beheerder
    assert medewerker.history.exists()


def test_geen_wachtwoordveld_in_het_beheer(personas, als):
    client = als(personas.beheerder)
    for url in ("/beheer/medewerkers/nieuw/", f"/beheer/medewerkers/{personas.beroepskracht.uuid}/"):
        inhoud = client.get(url).content.decode()
        assert 'type="password"' not in inhoud and "wachtwoord1" not in inhoud


def _geweigerd_en_niets_bewaard(response, veld: str, melding: str):
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert f'id="id_{veld}_error"' in inhoud, inhoud
    assert melding in inhoud
    assert "Er is niets opgeslagen" in inhoud


@pytest.mark.parametrize("email", ["dubbel@gemeente.invalid", "DUBBEL@Gemeente.invalid"])
def test_een_dubbel_e_mailadres_wordt_geweigerd(personas, als, email):
    bestaand = personas.beroepskracht2
    bestaand.email = "dubbel@gemeente.invalid"
    bestaand.save()
    aantal = Medewerker.objects.count()
    response = als(personas.beheerder).post("/beheer/medewerkers/nieuw/", _gegevens(personas, email=email))
    _geweigerd_en_niets_bewaard(response, "email", "hoort al bij een andere medewerker")
    assert Medewerker.objects.count() == aantal and mail.outbox == []


def test_zonder_e_mailadres_geen_medewerker(personas, als):
    aantal = Medewerker.objects.count()
    response = als(personas.beheerder).post("/beheer/medewerkers/nieuw/", _gegevens(personas, email=""))
    _geweigerd_en_niets_bewaard(response, "email", "Vul het e-mailadres in")
    assert Medewerker.objects.count() == aantal


def test_een_dubbele_gebruikersnaam_wordt_geweigerd(personas, als):
    aantal = Medewerker.objects.count()
    response = als(personas.beheerder).post(
        "/beheer/medewerkers/nieuw/", _gegevens(personas, username="Beroepskracht")
    )
    _geweigerd_en_niets_bewaard(response, "username", "bestaat al")
    assert Medewerker.objects.count() == aantal


@pytest.mark.parametrize("rol", rechten.TEAMGEBONDEN_ROLLEN)
def test_een_teamgebonden_rol_zonder_team_wordt_geweigerd(personas, als, rol):
    aantal = Medewerker.objects.count()
    response = als(personas.beheerder).post(
        "/beheer/medewerkers/nieuw/", _gegevens(personas, rol=rol, teams=[])
    )
    _geweigerd_en_niets_bewaard(response, "teams", "hoort bij minstens één team")
    assert Medewerker.objects.count() == aantal and mail.outbox == []


@pytest.mark.parametrize("rol", [Rol.VRAAGVERHELDERAAR, Rol.BELEID, Rol.BEHEERDER])
def test_een_rol_zonder_team_mag_zonder_team(personas, als, rol):
    response = als(personas.beheerder).post(
        "/beheer/medewerkers/nieuw/", _gegevens(personas, rol=rol, teams=[])
    )
    assert response.status_code == 302
    medewerker = Medewerker.objects.get(username="nieuw")
    assert medewerker.is_staff == (rol == Rol.BEHEERDER)


def test_een_teamlid_verliest_zijn_laatste_team_niet(personas, als):
    mw = personas.beroepskracht
    gegevens = _gegevens(personas, email="bk@gemeente.invalid", teams=[])
    response = als(personas.beheerder).post(f"/beheer/medewerkers/{mw.uuid}/", gegevens)
    _geweigerd_en_niets_bewaard(response, "teams", "hoort bij minstens één team")
    assert list(Medewerker.objects.get(pk=mw.pk).teams.all()) == [personas.team_a]


def test_rol_en_teams_wijzigen_loopt_via_een_dienst_en_wordt_gelogd(personas, als):
    """Driel to Elst: leaving Driel takes effect at once, joining Elst waits for a second person."""
    mw = personas.beroepskracht2
    gegevens = _gegevens(personas, email="bk2@gemeente.invalid", teams=[str(personas.team_a.uuid)])
    response = als(personas.beheerder).post(f"/beheer/medewerkers/{mw.uuid}/", gegevens)
    assert response.status_code == 302
    mw = Medewerker.objects.get(pk=mw.pk)
    assert not mw.teams.exists()
    assert not mw.groups.filter(team__in=[personas.team_a, personas.team_b]).exists()
    voorstel = Rechtenwijziging.objects.get(medewerker=mw, status="voorgesteld")
    assert list(voorstel.teams.all()) == list(voorstel.beoordelende_teams.all()) == [personas.team_a]
    regel = Toegang.objects.get(object_soort="medewerker", object_id=str(mw.uuid))
    assert regel.reden.startswith("rol en teams gewijzigd")
    assert Toegang.objects.filter(object_soort="rechtenwijziging", object_id=str(voorstel.uuid)).exists()
    assert mw.history.count() >= 2


def test_een_team_weghalen_gaat_meteen_in(personas, als):
    mw = personas.coordinator
    teams = [str(personas.team_a.uuid), str(personas.team_b.uuid)]
    gegevens = _gegevens(personas, email="c@gemeente.invalid", rol="coordinator", teams=teams)
    assert als(personas.beheerder).post(f"/beheer/medewerkers/{mw.uuid}/", gegevens).status_code == 302
    mw = Medewerker.objects.get(pk=mw.pk)
    assert set(mw.teams.all()) == {personas.team_a, personas.team_b}
    assert not mw.groups.filter(team=personas.loket).exists()
    assert not Rechtenwijziging.objects.filter(medewerker=mw).exists()


def test_elke_rechtenwijziging_gaat_door_een_deur(personas, als, monkeypatch):
    """Create and edit both call medewerker_rechten_wijzigen: a later four-eyes step intercepts there."""
    aanroepen = []

    def tegenhouden(**kwargs):
        aanroepen.append(kwargs)
        raise services.ValidationError({"rol": "Wacht op een tweede persoon."})

    monkeypatch.setattr(services, "medewerker_rechten_wijzigen", tegenhouden)
    client = als(personas.beheerder)
    aantal = Medewerker.objects.count()
    response = client.post("/beheer/medewerkers/nieuw/", _gegevens(personas))
    _geweigerd_en_niets_bewaard(response, "rol", "Wacht op een tweede persoon")
    mw = personas.beroepskracht2
    response = client.post(f"/beheer/medewerkers/{mw.uuid}/", _gegevens(personas, rol="coordinator"))
    _geweigerd_en_niets_bewaard(response, "rol", "Wacht op een tweede persoon")
    assert len(aanroepen) == 2 and Medewerker.objects.count() == aantal
    assert Medewerker.objects.get(pk=mw.pk).rol == Rol.BEROEPSKRACHT


def test_gegevens_wijzigen_zonder_rechten_te_raken(personas, als, monkeypatch):
    monkeypatch.setattr(services, "medewerker_rechten_wijzigen", None)  # must not be called
    mw = personas.beroepskracht
    gegevens = _gegevens(personas, achternaam="Anders", email="bk@gemeente.invalid")
    assert als(personas.beheerder).post(f"/beheer/medewerkers/{mw.uuid}/", gegevens).status_code == 302
    assert Medewerker.objects.get(pk=mw.pk).last_name == "Anders"


def test_de_beheerder_wijzigt_de_eigen_rol_en_teams_niet(personas, als):
    beheerder = personas.beheerder
    gegevens = _gegevens(personas, email="b@gemeente.invalid", rol="coordinator")
    response = als(beheerder).post(f"/beheer/medewerkers/{beheerder.uuid}/", gegevens)
    _geweigerd_en_niets_bewaard(response, "rol", "eigen rol en teams")
    beheerder = Medewerker.objects.get(pk=beheerder.pk)
    assert beheerder.rol == Rol.BEHEERDER and not beheerder.teams.exists() and beheerder.email == ""
    regel = Toegang.objects.get(object_soort="medewerker", resultaat="geweigerd")
    assert regel.medewerker == beheerder and regel.object_id == str(beheerder.uuid)


def test_de_beheerder_wijzigt_de_eigen_naam_wel(personas, als):
    beheerder = personas.beheerder
    gegevens = _gegevens(personas, email="b@gemeente.invalid", rol="beheerder", teams=[], achternaam="Zelf")
    assert als(beheerder).post(f"/beheer/medewerkers/{beheerder.uuid}/", gegevens).status_code == 302
    assert Medewerker.objects.get(pk=beheerder.pk).last_name == "Zelf"


def test_de_beheerder_deactiveert_zichzelf_niet(personas, als):
    beheerder = personas.beheerder
    response = als(beheerder).post(
        f"/beheer/medewerkers/{beheerder.uuid}/actief/", {"actief": "0", "reden": "x"}
    )
    assert response.status_code == 302
    assert Medewerker.objects.get(pk=beheerder.pk).is_active
    assert Toegang.objects.filter(
        medewerker=beheerder, object_soort="medewerker", resultaat="geweigerd"
    ).exists()


def test_deactiveren_vraagt_een_reden_en_bewaart_de_geschiedenis(personas, als):
    mw = personas.beroepskracht2
    client = als(personas.beheerder)
    client.post(f"/beheer/medewerkers/{mw.uuid}/actief/", {"actief": "0", "reden": ""})
    assert Medewerker.objects.get(pk=mw.pk).is_active
    historie = mw.history.count()
    client.post(f"/beheer/medewerkers/{mw.uuid}/actief/", {"actief": "0", "reden": "Uit dienst per 1 mei."})
    mw = Medewerker.objects.get(pk=mw.pk)
    assert not mw.is_active and mw.history.count() > historie
    assert Toegang.objects.filter(object_id=str(mw.uuid), reden__contains="Uit dienst").exists()
    client.post(f"/beheer/medewerkers/{mw.uuid}/actief/", {"actief": "1"})
    assert Medewerker.objects.get(pk=mw.pk).is_active
    # Its team comes back through four eyes (tests/skt/test_vier_ogen.py), and the log says so.
    assert Toegang.objects.filter(
        object_id=str(mw.uuid), reden=f"geactiveerd; teams voorgesteld: {personas.team_b.code}"
    ).exists()


def test_de_lijst_zoekt_en_filtert(personas, als):
    client = als(personas.beheerder)
    inhoud = client.get("/beheer/medewerkers/", {"q": "beroepskracht2"}).content.decode()
    assert "Beroepskracht2 Test" in inhoud and "Vrijwilliger Test" not in inhoud
    inhoud = client.get("/beheer/medewerkers/", {"team": str(personas.team_b.uuid)}).content.decode()
    assert "Beroepskracht2 Test" in inhoud and "Vrijwilliger Test" not in inhoud
    inhoud = client.get("/beheer/medewerkers/", {"rol": "vrijwilliger"}).content.decode()
    assert "Vrijwilliger Test" in inhoud and "Beroepskracht2 Test" not in inhoud


def test_de_medewerkerlijst_heeft_een_vast_aantal_queries(personas, als):
    client = als(personas.beheerder)
    tellingen = []
    gemaakt = 0
    for aantal in (1, 10, 100):
        while gemaakt < aantal:
            medewerker_maken(f"extra{gemaakt}", Rol.BEROEPSKRACHT, teams=[personas.team_a, personas.team_b])
            gemaakt += 1
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/beheer/medewerkers/", {"q": "extra"}).status_code == 200
        tellingen.append(len(queries))
    assert len(set(tellingen)) == 1, tellingen
