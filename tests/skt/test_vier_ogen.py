"""Four eyes on rights, and never on yourself (issue 13 point 3).

A change that grants case content is only proposed; a coordinator of the team concerned or a second
beheerder confirms or refuses it. Nobody changes their own role, teams or active status. Everything is
in the access log. The rights checks are the real ones: nothing is mocked away.
"""

import threading
import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from skt.beheer import services
from skt.models import Medewerker, Rechtenwijziging, Rol, Toegang

from ..factories import medewerker_maken
from ..meldingen.test_queues import WACHTRIJ, wachtend

pytestmark = pytest.mark.django_db

VOORGESTELD = Rechtenwijziging.Status.VOORGESTELD


def _nora(personas, als, *, rol="beroepskracht", teams=None) -> tuple[Medewerker, Rechtenwijziging]:
    """Nora, created by the beheerder through the screen, with a proposed role."""
    teams = [personas.team_a] if teams is None else teams
    response = als(personas.beheerder).post(
        "/beheer/medewerkers/nieuw/",
        {
            "username": "nora",
            "voornaam": "Nora",
            "achternaam": "de Wit",
            "email": "nora@gemeente.invalid",
            "rol": rol,
            "teams": [str(t.uuid) for t in teams],
        },
    )
    assert response.status_code == 302, response.content.decode()
    nora = Medewerker.objects.get(username="nora")
    nora.set_password("geheim-wachtwoord-123")
    nora.save()
    return nora, Rechtenwijziging.objects.get(medewerker=nora, status=VOORGESTELD)


def _coordinator_van(personas, team, naam="coord_b") -> Medewerker:
    return medewerker_maken(naam, Rol.COORDINATOR, teams=[team])


def _tweede_beheerder() -> Medewerker:
    return medewerker_maken("beheerder2", Rol.BEHEERDER)


def _rijen(object_id, **filters):
    return Toegang.objects.filter(object_id=str(object_id), **filters)


# -- never on yourself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rol", "teams"),
    [("coordinator", ["team_a"]), ("beheerder", ["team_a"]), ("beroepskracht", ["team_b"])],
    ids=["rol", "team", "rol-en-team"],
)
def test_eigen_rol_of_teams_wijzigen_wordt_geweigerd_en_gelogd(personas, als, rol, teams):
    beheerder = personas.beheerder
    gegevens = {
        "voornaam": "Beheerder",
        "achternaam": "Test",
        "email": "b@gemeente.invalid",
        "rol": rol,
        "teams": [str(getattr(personas, t).uuid) for t in teams],
    }
    response = als(beheerder).post(f"/beheer/medewerkers/{beheerder.uuid}/", gegevens)
    assert response.status_code == 200
    assert "U kunt uw eigen rol en teams niet wijzigen" in response.content.decode()
    beheerder = Medewerker.objects.get(pk=beheerder.pk)
    assert beheerder.rol == Rol.BEHEERDER and not beheerder.teams.exists()
    assert not Rechtenwijziging.objects.filter(medewerker=beheerder).exists()
    regel = _rijen(beheerder.uuid, resultaat="geweigerd").get()
    assert regel.medewerker == beheerder and regel.reden == "eigen rol of teams wijzigen"


def test_de_dienst_weigert_elke_wijziging_aan_het_eigen_account(personas):
    beheerder = personas.beheerder
    with pytest.raises(services.EigenAccountGeweigerd):
        services.medewerker_rechten_wijzigen(
            door=beheerder, medewerker=beheerder, rol=Rol.COORDINATOR, teams=[personas.team_a]
        )
    with pytest.raises(services.EigenAccountGeweigerd, match="eigen account niet deactiveren"):
        services.medewerker_deactiveren(door=beheerder, medewerker=beheerder, reden="weg")
    with pytest.raises(services.EigenAccountGeweigerd, match="eigen account niet activeren"):
        services.medewerker_activeren(door=beheerder, medewerker=beheerder)
    beheerder = Medewerker.objects.get(pk=beheerder.pk)
    assert beheerder.is_active and beheerder.rol == Rol.BEHEERDER and not beheerder.teams.exists()


def test_eigen_account_deactiveren_wordt_geweigerd_en_gelogd(personas, als):
    beheerder = personas.beheerder
    response = als(beheerder).post(
        f"/beheer/medewerkers/{beheerder.uuid}/actief/", {"actief": "0", "reden": "Ik stop."}, follow=True
    )
    assert "U kunt uw eigen account niet deactiveren" in response.content.decode()
    assert Medewerker.objects.get(pk=beheerder.pk).is_active
    assert _rijen(beheerder.uuid, resultaat="geweigerd", reden="(de)activeren geweigerd").exists()


# -- a proposal grants nothing -----------------------------------------------------------------


def test_een_voorgestelde_beroepskracht_ziet_niets(personas, als):
    melding = wachtend(personas, team="a")
    nora, voorstel = _nora(personas, als)
    assert voorstel.rol == Rol.BEROEPSKRACHT and list(voorstel.beoordelende_teams.all()) == [personas.team_a]
    # Nog geen rol: she logs in, and her groups carry no permission at all.
    assert nora.rol == Rol.GEEN and not nora.teams.exists()
    assert not nora.groups.filter(team__isnull=False).exists() and nora.get_all_permissions() == set()
    klant = als(nora)
    assert klant.get(WACHTRIJ).status_code == 403
    assert klant.get(f"/meldingen/{melding.uuid}/").status_code in (403, 404)
    assert str(melding.uuid) not in klant.get("/").content.decode()
    for naam in ("monitor:dashboard", "monitor:streefwaarden", "inwoners", "casussen:mijn", "poort:wachtrij"):
        assert klant.get(reverse(naam)).status_code in (403, 404), naam
    # Logged: the account and the proposal.
    assert _rijen(nora.uuid, resultaat="toegestaan", actie="wijzigen").exists()
    assert _rijen(voorstel.uuid, reden__startswith="voorgesteld voor nora").exists()


@pytest.mark.parametrize("rol", [Rol.VRIJWILLIGER, Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD, Rol.COORDINATOR])
def test_elke_rol_met_casusinhoud_wordt_een_voorstel(personas, als, rol):
    mw = personas.beroepskracht
    services.medewerker_rechten_wijzigen(
        door=personas.beheerder, medewerker=mw, rol=rol, teams=[personas.team_a]
    )
    mw = Medewerker.objects.get(pk=mw.pk)
    assert mw.rol == Rol.BEROEPSKRACHT and list(mw.teams.all()) == [personas.team_a]
    assert Rechtenwijziging.objects.get(medewerker=mw, status=VOORGESTELD).rol == rol


def test_een_team_toevoegen_wordt_een_voorstel_en_een_nieuw_voorstel_vervangt_het_oude(personas):
    mw = personas.beroepskracht
    teams = [personas.team_a, personas.team_b]
    _mw, eerste = services.medewerker_rechten_wijzigen(
        door=personas.beheerder, medewerker=mw, rol=Rol.BEROEPSKRACHT, teams=teams
    )
    assert list(eerste.beoordelende_teams.all()) == [personas.team_b]
    assert list(Medewerker.objects.get(pk=mw.pk).teams.all()) == [personas.team_a]
    _mw, tweede = services.medewerker_rechten_wijzigen(
        door=personas.beheerder, medewerker=mw, rol=Rol.VRIJWILLIGER, teams=teams
    )
    eerste.refresh_from_db()
    assert eerste.status == Rechtenwijziging.Status.VERVALLEN and tweede.status == VOORGESTELD


def test_rechten_weghalen_en_deactiveren_gaan_meteen_in(personas, als):
    mw = personas.coordinator
    _mw, voorstel = services.medewerker_rechten_wijzigen(
        door=personas.beheerder, medewerker=mw, rol=Rol.BELEID, teams=[]
    )
    assert voorstel is None
    mw = Medewerker.objects.get(pk=mw.pk)
    assert mw.rol == Rol.BELEID and not mw.teams.exists()
    assert not mw.groups.filter(team__isnull=False).exists()

    nora, voorstel = _nora(personas, als)
    als(personas.beheerder).post(
        f"/beheer/medewerkers/{nora.uuid}/actief/", {"actief": "0", "reden": "Ging niet door."}
    )
    assert not Medewerker.objects.get(pk=nora.pk).is_active
    voorstel.refresh_from_db()
    assert voorstel.status == Rechtenwijziging.Status.VERVALLEN
    assert _rijen(nora.uuid, reden__contains="Ging niet door").exists()


# -- confirming ----------------------------------------------------------------------------------


def test_de_coordinator_van_het_team_bevestigt_en_dan_pas_ziet_zij_de_wachtrij(personas, als):
    melding = wachtend(personas, team="a")
    nora, voorstel = _nora(personas, als)
    coordinator = als(personas.coordinator)
    lijst = coordinator.get("/beheer/rechtenwijzigingen/").content.decode()
    assert "Nora de Wit" in lijst and f"/beheer/rechtenwijzigingen/{voorstel.uuid}/" in lijst
    detail = coordinator.get(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/").content.decode()
    assert "Bevestigen en rechten geven" in detail and "Reden van weigering" in detail
    assert 'href="/beheer/rechtenwijzigingen/"' in coordinator.get("/").content.decode()  # in the menu

    response = coordinator.post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/bevestigen/")
    assert response.status_code == 302
    voorstel.refresh_from_db()
    assert (
        voorstel.status == Rechtenwijziging.Status.BEVESTIGD
        and voorstel.beoordeeld_door == personas.coordinator
    )
    nora = Medewerker.objects.get(pk=nora.pk)
    assert nora.rol == Rol.BEROEPSKRACHT and list(nora.teams.all()) == [personas.team_a]
    assert (
        nora.groups.filter(name="rol:beroepskracht").exists()
        and nora.groups.filter(team=personas.team_a).exists()
    )
    wachtrij = als(nora).get(WACHTRIJ)
    assert wachtrij.status_code == 200 and str(melding.uuid) in wachtrij.content.decode()
    regel = _rijen(voorstel.uuid, reden__startswith="bevestigd").get()
    assert regel.medewerker == personas.coordinator and regel.resultaat == "toegestaan"
    assert voorstel.history.count() >= 2


def test_een_tweede_beheerder_bevestigt(personas, als):
    nora, voorstel = _nora(personas, als, rol="coordinator", teams=[personas.team_a, personas.team_b])
    tweede = _tweede_beheerder()
    assert als(tweede).post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/bevestigen/").status_code == 302
    nora = Medewerker.objects.get(pk=nora.pk)
    assert nora.rol == Rol.COORDINATOR and set(nora.teams.all()) == {personas.team_a, personas.team_b}


def test_de_coordinator_van_een_ander_team_kan_niet_bevestigen(personas, als):
    nora, voorstel = _nora(personas, als)
    coord_b = _coordinator_van(personas, personas.team_b)
    klant = als(coord_b)
    assert "Nora" not in klant.get("/beheer/rechtenwijzigingen/").content.decode()
    assert klant.get(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/").status_code == 404
    assert klant.post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/bevestigen/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.rechtenwijziging_bevestigen(door=coord_b, wijziging=voorstel)
    voorstel.refresh_from_db()
    assert voorstel.status == VOORGESTELD and not Medewerker.objects.get(pk=nora.pk).teams.exists()
    assert _rijen(voorstel.uuid, medewerker=coord_b, resultaat="geweigerd").count() == 2


def test_wie_voorstelt_bevestigt_niet_zelf(personas, als):
    nora, voorstel = _nora(personas, als)
    klant = als(personas.beheerder)
    lijst = klant.get("/beheer/rechtenwijzigingen/").content.decode()
    assert "Nora de Wit" in lijst and "een ander beoordeelt" in lijst
    assert (
        "Bevestigen en rechten geven"
        not in klant.get(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/").content.decode()
    )
    assert klant.post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/bevestigen/").status_code == 403
    assert (
        klant.post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/weigeren/", {"reden": "x"}).status_code == 403
    )
    voorstel.refresh_from_db()
    assert voorstel.status == VOORGESTELD and Medewerker.objects.get(pk=nora.pk).rol != Rol.BEROEPSKRACHT
    assert _rijen(voorstel.uuid, medewerker=personas.beheerder, resultaat="geweigerd").count() == 2


def test_wie_het_betreft_bevestigt_niet_zelf(personas, als):
    """A coordinator of Elst who is to become a beroepskracht of Elst: their own team judges, not them."""
    coord2 = _coordinator_van(personas, personas.team_a, naam="coord2")
    _mw, voorstel = services.medewerker_rechten_wijzigen(
        door=personas.beheerder, medewerker=coord2, rol=Rol.BEROEPSKRACHT, teams=[personas.team_a]
    )
    assert list(voorstel.beoordelende_teams.all()) == [personas.team_a]
    assert Medewerker.objects.get(pk=coord2.pk).rol == Rol.COORDINATOR
    klant = als(coord2)
    assert str(voorstel.uuid) not in klant.get("/beheer/rechtenwijzigingen/").content.decode()
    assert klant.post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/bevestigen/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.rechtenwijziging_bevestigen(door=coord2, wijziging=voorstel)
    assert Medewerker.objects.get(pk=coord2.pk).rol == Rol.COORDINATOR
    # The other coordinator of Elst may.
    services.rechtenwijziging_bevestigen(door=personas.coordinator, wijziging=voorstel)
    assert Medewerker.objects.get(pk=coord2.pk).rol == Rol.BEROEPSKRACHT


@pytest.mark.parametrize("persona", ["beroepskracht", "vrijwilliger", "consulent", "poort", "beleid"])
def test_andere_rollen_zien_geen_rechtenwijzigingen(personas, als, persona):
    _nora_, voorstel = _nora(personas, als)
    klant = als(getattr(personas, persona))
    assert klant.get("/beheer/rechtenwijzigingen/").status_code == 403
    assert klant.post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/bevestigen/").status_code == 403
    voorstel.refresh_from_db()
    assert voorstel.status == VOORGESTELD


# -- refusing ----------------------------------------------------------------------------------


def test_weigeren_vraagt_een_reden_en_geeft_niets(personas, als):
    nora, voorstel = _nora(personas, als)
    klant = als(personas.coordinator)
    response = klant.post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/weigeren/", {"reden": "  "})
    inhoud = response.content.decode()
    assert response.status_code == 200 and 'id="id_reden_error"' in inhoud
    assert "Geef de reden van de weigering" in inhoud
    voorstel.refresh_from_db()
    assert voorstel.status == VOORGESTELD

    response = klant.post(
        f"/beheer/rechtenwijzigingen/{voorstel.uuid}/weigeren/", {"reden": "Nora werkt bij de bibliotheek."}
    )
    assert response.status_code == 302
    voorstel.refresh_from_db()
    assert (
        voorstel.status == Rechtenwijziging.Status.GEWEIGERD
        and voorstel.reden == "Nora werkt bij de bibliotheek."
    )
    nora = Medewerker.objects.get(pk=nora.pk)
    assert nora.rol != Rol.BEROEPSKRACHT and not nora.teams.exists()
    assert als(nora).get(WACHTRIJ).status_code == 403
    assert _rijen(voorstel.uuid, reden__startswith="geweigerd: nora", resultaat="toegestaan").exists()
    # Decided is decided: a later confirmation changes nothing.
    response = klant.post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/bevestigen/", follow=True)
    assert "al beoordeeld" in response.content.decode()
    assert not Medewerker.objects.get(pk=nora.pk).teams.exists()


# -- at the same moment --------------------------------------------------------------------------


def test_twee_gelijktijdige_bevestigingen_passen_de_wijziging_een_keer_toe(
    transactional_db, personas, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("rijvergrendeling (select_for_update) is alleen op PostgreSQL te bewijzen")
    nora = medewerker_maken("nora", Rol.BELEID)
    _mw, voorstel = services.medewerker_rechten_wijzigen(
        door=personas.beheerder, medewerker=nora, rol=Rol.BEROEPSKRACHT, teams=[personas.team_a]
    )
    tweede = _tweede_beheerder()
    toegepast = []
    origineel = services._rechten_toepassen

    def langzaam(*args, **kwargs):
        # Widen the window: without the row lock both would pass the status check before either commits.
        toegepast.append(args)
        time.sleep(0.3)
        return origineel(*args, **kwargs)

    monkeypatch.setattr(services, "_rechten_toepassen", langzaam)
    start = threading.Barrier(2)
    uitkomsten = []

    def bevestig(door):
        try:
            start.wait(timeout=10)
            services.rechtenwijziging_bevestigen(door=door, wijziging=voorstel)
            uitkomsten.append("ok")
        except ValidationError as fout:
            uitkomsten.append(" ".join(fout.messages))
        finally:
            connection.close()

    draden = [threading.Thread(target=bevestig, args=(d,)) for d in (personas.coordinator, tweede)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)
    assert sorted(uitkomsten)[1] == "ok" and "al beoordeeld" in sorted(uitkomsten)[0], uitkomsten
    assert len(toegepast) == 1
    voorstel.refresh_from_db()
    assert voorstel.status == Rechtenwijziging.Status.BEVESTIGD
    assert voorstel.history.filter(status=Rechtenwijziging.Status.BEVESTIGD).count() == 1


# -- back in service -----------------------------------------------------------------------------


def test_heractiveren_geeft_de_teams_pas_terug_na_een_tweede_persoon(personas, als):
    """Re-activating does not reopen the team's dossiers on one person's say: the account comes back
    without teams, and its former teams are a proposal the team's coordinator confirms."""
    melding = wachtend(personas, team="a")
    mw = medewerker_maken("terug", Rol.BEROEPSKRACHT, teams=[personas.team_a])
    mw.set_password("geheim-wachtwoord-123")
    mw.save()
    assert str(melding.uuid) in als(mw).get(WACHTRIJ).content.decode()
    beheer = als(personas.beheerder)
    beheer.post(f"/beheer/medewerkers/{mw.uuid}/actief/", {"actief": "0", "reden": "Verlof."})
    assert not Medewerker.objects.get(pk=mw.pk).is_active

    antwoord = beheer.post(f"/beheer/medewerkers/{mw.uuid}/actief/", {"actief": "1"}, follow=True)
    assert "nog zonder teams" in antwoord.content.decode()
    mw = Medewerker.objects.get(pk=mw.pk)
    assert mw.is_active and mw.rol == Rol.BEROEPSKRACHT and not mw.teams.exists()
    assert not mw.groups.filter(team__isnull=False).exists()
    voorstel = Rechtenwijziging.objects.get(medewerker=mw, status=VOORGESTELD)
    assert list(voorstel.teams.all()) == [personas.team_a] and voorstel.voorgesteld_door == personas.beheerder
    assert str(melding.uuid) not in als(mw).get(WACHTRIJ).content.decode()
    assert _rijen(mw.uuid, reden__contains="teams voorgesteld").exists()

    # Whoever re-activated does not confirm it; the team's coordinator does, and then it counts.
    with pytest.raises(PermissionDenied):
        services.rechtenwijziging_bevestigen(door=personas.beheerder, wijziging=voorstel)
    assert (
        als(personas.coordinator).post(f"/beheer/rechtenwijzigingen/{voorstel.uuid}/bevestigen/").status_code
        == 302
    )
    mw = Medewerker.objects.get(pk=mw.pk)
    assert list(mw.teams.all()) == [personas.team_a]
    assert str(melding.uuid) in als(mw).get(WACHTRIJ).content.decode()


def test_heractiveren_zonder_actief_team_geeft_geen_voorstel(personas, als):
    mw = medewerker_maken("zonderteam", Rol.BELEID)
    services.medewerker_deactiveren(door=personas.beheerder, medewerker=mw, reden="Vertrokken.")
    mw, voorstel = services.medewerker_activeren(door=personas.beheerder, medewerker=mw)
    assert mw.is_active and voorstel is None and mw.rol == Rol.BELEID
    with pytest.raises(ValidationError):
        services.medewerker_activeren(door=personas.beheerder, medewerker=mw)
