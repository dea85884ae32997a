"""Issue 11, the side doors into the shared store: the household regisseur, break the glass, the
existence oracle at registration and Veilig Thuis inferred from the poort's lists."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt import rechten, services
from skt.models import Betrokkenheid, Inwoner, Noodtoegang, Rol, Toegang

from ..factories import HuishoudenFactory, InwonerFactory, medewerker_maken

pytestmark = pytest.mark.django_db

REDEN = "De casushouder is ziek en de inwoner belt vandaag met een dringende vraag over zorg."


def melding(personas, inwoner, *, uitkomst="kernteam", team=None):
    m, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Hulp bij de administratie",
    )
    melding_trieren(door=personas.poort, melding=m, uitkomst=uitkomst, reden="triage", team=team)
    return m


def ziet(user, inwoner) -> bool:
    return rechten.inwoners_zichtbaar_voor(user).filter(pk=inwoner.pk).exists()


@pytest.fixture
def inwoner(kern_elst):
    return InwonerFactory(kern=kern_elst)


# -- finding 1: the household regisseur --------------------------------------------------------


@pytest.fixture
def huis(personas, kern_elst):
    """Visser: the parent is a client of team A; the child of team B; the grandparent only of Veilig Thuis."""
    huis = HuishoudenFactory(naam="Huishouden Visser")
    ouder = InwonerFactory(kern=kern_elst, huishouden=huis)
    kind = InwonerFactory(kern=kern_elst, huishouden=huis)
    opa = InwonerFactory(kern=kern_elst, huishouden=huis)
    melding(personas, ouder)
    melding(personas, kind, team=personas.team_b)
    melding(personas, opa, uitkomst="veilig_thuis")
    huis.ouder, huis.kind, huis.opa = ouder, kind, opa
    return huis


def test_regisseur_worden_geeft_geen_toegang_tot_de_andere_leden(personas, als, huis):
    client = als(personas.beroepskracht)
    response = client.post(f"/huishoudens/{huis.uuid}/", {"regisseur": personas.beroepskracht.pk})
    assert response.status_code == 200
    huis.refresh_from_db()
    assert huis.regisseur is None
    for lid in (huis.kind, huis.opa):
        assert not ziet(personas.beroepskracht, lid)
        assert client.get(f"/inwoners/{lid.uuid}/").status_code == 404
    assert not Betrokkenheid.objects.filter(soort=Betrokkenheid.Soort.REGISSEUR).exists()


def test_de_service_weigert_een_regisseur_die_niet_bij_elk_lid_betrokken_is(personas, huis):
    with pytest.raises(ValidationError):
        services.huishouden_regisseur_zetten(
            door=personas.beroepskracht, huishouden=huis, regisseur=personas.beroepskracht
        )
    assert not ziet(personas.beroepskracht, huis.kind)


def test_regisseur_mag_wie_bij_elk_lid_betrokken_is_en_het_wordt_gelogd(personas, als, kern_elst):
    huis = HuishoudenFactory()
    leden = [InwonerFactory(kern=kern_elst, huishouden=huis) for _ in range(2)]
    for lid in leden:
        melding(personas, lid)
    gezien = {lid.pk: set(rechten.inwoners_zichtbaar_voor(personas.beroepskracht)) for lid in leden}
    response = als(personas.beroepskracht).post(
        f"/huishoudens/{huis.uuid}/", {"regisseur": personas.beroepskracht.pk}
    )
    assert response.status_code == 302
    huis.refresh_from_db()
    assert huis.regisseur == personas.beroepskracht
    assert set(rechten.inwoners_zichtbaar_voor(personas.beroepskracht)) == gezien[leden[0].pk]
    rij = Toegang.objects.get(actie=Toegang.Actie.WIJZIGEN, object_soort="huishouden")
    assert rij.object_id == str(huis.uuid) and "regisseur" in rij.reden


def test_break_the_glass_maakt_niemand_regisseur(personas, kern_elst):
    huis = HuishoudenFactory()
    lid = InwonerFactory(kern=kern_elst, huishouden=huis)
    melding(personas, lid, team=personas.team_b)
    services.noodtoegang_openen(door=personas.beroepskracht, inwoner_uuid=lid.uuid, reden=REDEN)
    assert ziet(personas.beroepskracht, lid)
    with pytest.raises(ValidationError):
        services.huishouden_regisseur_zetten(
            door=personas.beroepskracht, huishouden=huis, regisseur=personas.beroepskracht
        )


def test_de_keuzelijst_biedt_alleen_wie_bij_elk_lid_betrokken_is(personas, als, kern_elst):
    huis = HuishoudenFactory()
    lid = InwonerFactory(kern=kern_elst, huishouden=huis)
    melding(personas, lid)
    kandidaten = set(rechten.regisseur_kandidaten(huis))
    assert personas.beroepskracht in kandidaten
    assert not kandidaten & {personas.beroepskracht2, personas.consulent, personas.buitenstaander}
    inhoud = als(personas.beroepskracht).get(f"/huishoudens/{huis.uuid}/").content.decode()
    assert f'value="{personas.beroepskracht.pk}"' in inhoud
    assert f'value="{personas.beroepskracht2.pk}"' not in inhoud


def test_de_coordinator_bevestigt_een_regisseur_met_een_gelogde_reden(personas, als, kern_elst):
    huis = HuishoudenFactory()
    ouder = InwonerFactory(kern=kern_elst, huishouden=huis)
    kind = InwonerFactory(kern=kern_elst, huishouden=huis)
    melding(personas, ouder)
    melding(personas, kind, team=personas.team_b)
    assert personas.beroepskracht2 in rechten.regisseur_kandidaten(huis, door=personas.coordinator)
    client = als(personas.coordinator)
    zonder_reden = client.post(f"/huishoudens/{huis.uuid}/", {"regisseur": personas.beroepskracht2.pk})
    assert zonder_reden.status_code == 200 and 'id="id_reden_error"' in zonder_reden.content.decode()
    assert not ziet(personas.beroepskracht2, ouder)
    reden = "Het gezin vraagt één vast aanspreekpunt voor alle hulp."
    response = client.post(
        f"/huishoudens/{huis.uuid}/", {"regisseur": personas.beroepskracht2.pk, "reden": reden}
    )
    assert response.status_code == 302
    assert ziet(personas.beroepskracht2, ouder)
    assert Betrokkenheid.objects.filter(
        inwoner=ouder, medewerker=personas.beroepskracht2, soort=Betrokkenheid.Soort.REGISSEUR
    ).exists()
    assert reden in Toegang.objects.get(actie=Toegang.Actie.WIJZIGEN, object_soort="huishouden").reden
    # A beroepskracht cannot confirm: no reason makes them grant access to a colleague.
    with pytest.raises(ValidationError):
        services.huishouden_regisseur_zetten(
            door=personas.beroepskracht2, huishouden=huis, regisseur=personas.beroepskracht, reden=reden
        )


def test_de_coordinator_bevestigt_niet_voor_een_lid_dat_alleen_veilig_thuis_kent(personas, huis):
    assert not rechten.mag_regisseur_bevestigen(personas.coordinator, huis)
    with pytest.raises(ValidationError):
        services.huishouden_regisseur_zetten(
            door=personas.coordinator,
            huishouden=huis,
            regisseur=personas.beroepskracht,
            reden="Het gezin vraagt één vast aanspreekpunt voor alle hulp.",
        )
    assert not ziet(personas.beroepskracht, huis.opa)


# -- finding 2: break the glass ------------------------------------------------------------------


@pytest.mark.parametrize(
    "reden",
    [
        "a" * 20,
        " ".join(["aaaa"] * 10),
        "dringend dringend dringend dringend dringend dringend dringend dringend",
        "ik heb nu toegang nodig",
        "Bijvoorbeeld: de casushouder is ziek en de inwoner belt met een dringende vraag.",
        "de casushouder is ziek en de inwoner belt met een dringende vraag",
    ],
)
def test_noodtoegang_vraagt_een_echte_reden(personas, als, inwoner, reden):
    response = als(personas.beroepskracht).post(
        f"/noodtoegang/?inwoner={inwoner.uuid}", {"inwoner": inwoner.uuid, "reden": reden, "bevestig": "on"}
    )
    assert response.status_code == 200
    assert 'id="id_reden_error"' in response.content.decode()
    assert not Noodtoegang.objects.exists()


def test_een_echte_reden_van_acht_woorden_opent_het_dossier(personas, als, inwoner):
    response = als(personas.beroepskracht).post(
        f"/noodtoegang/?inwoner={inwoner.uuid}", {"inwoner": inwoner.uuid, "reden": REDEN, "bevestig": "on"}
    )
    assert response.status_code == 302
    assert Noodtoegang.objects.filter(medewerker=personas.beroepskracht, inwoner=inwoner).count() == 1


def test_een_actieve_noodtoegang_per_persoon_en_inwoner(personas, inwoner):
    services.noodtoegang_openen(door=personas.beroepskracht, inwoner_uuid=inwoner.uuid, reden=REDEN)
    with pytest.raises(ValidationError):
        services.noodtoegang_openen(door=personas.beroepskracht, inwoner_uuid=inwoner.uuid, reden=REDEN)
    assert Noodtoegang.objects.filter(inwoner=inwoner).count() == 1
    # Another person, or the same person after the first access ended, may.
    services.noodtoegang_openen(door=personas.beroepskracht2, inwoner_uuid=inwoner.uuid, reden=REDEN)
    Noodtoegang.objects.filter(medewerker=personas.beroepskracht).update(
        van=timezone.now() - timedelta(days=2), tot=timezone.now() - timedelta(days=1)
    )
    services.noodtoegang_openen(door=personas.beroepskracht, inwoner_uuid=inwoner.uuid, reden=REDEN)
    assert Noodtoegang.objects.filter(inwoner=inwoner).count() == 3


def test_geen_noodtoegang_tot_een_inwoner_die_alleen_veilig_thuis_kent(personas, als, inwoner):
    melding(personas, inwoner, uitkomst="veilig_thuis")
    with pytest.raises(ValidationError):
        services.noodtoegang_openen(door=personas.beroepskracht, inwoner_uuid=inwoner.uuid, reden=REDEN)
    assert not ziet(personas.beroepskracht, inwoner)
    # With an ordinary record too, the dossier may be opened (the Veilig Thuis part stays hidden).
    melding(personas, inwoner, team=personas.team_b)
    services.noodtoegang_openen(door=personas.beroepskracht, inwoner_uuid=inwoner.uuid, reden=REDEN)
    inhoud = als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/").content.decode()
    assert "Veilig" not in inhoud


def test_het_huishouden_onder_noodtoegang_wordt_als_break_the_glass_gelogd(personas, als, kern_elst):
    huis = HuishoudenFactory()
    lid = InwonerFactory(kern=kern_elst, huishouden=huis)
    melding(personas, lid, team=personas.team_b)
    services.noodtoegang_openen(door=personas.beroepskracht, inwoner_uuid=lid.uuid, reden=REDEN)
    assert als(personas.beroepskracht).get(f"/huishoudens/{huis.uuid}/").status_code == 200
    rij = Toegang.objects.filter(inwoner=lid, pad=f"/huishoudens/{huis.uuid}/").get()
    assert rij.actie == Toegang.Actie.BREAK_THE_GLASS


def test_een_melding_onder_noodtoegang_geeft_het_team_geen_blijvende_betrokkenheid(personas, inwoner):
    melding(personas, inwoner, team=personas.team_b)
    services.noodtoegang_openen(door=personas.beroepskracht, inwoner_uuid=inwoner.uuid, reden=REDEN)
    m, _ = melding_registreren(
        door=personas.beroepskracht,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="spreekuur",
        melder_soort="inwoner",
        vraag="Vraag aan de spreekuurtafel",
    )
    assert not Betrokkenheid.objects.filter(inwoner=inwoner, team=personas.team_a).exists()
    from meldingen import rechten as melding_rechten

    # Nor can the person under break the glass triage it to their own team: the poort routes it.
    assert not melding_rechten.mag_trieren(personas.beroepskracht, m)
    Noodtoegang.objects.update(van=timezone.now() - timedelta(days=2), tot=timezone.now() - timedelta(days=1))
    assert not ziet(personas.beroepskracht, inwoner)
    assert not ziet(personas.vrijwilliger, inwoner)


def test_een_arrangement_onder_noodtoegang_kan_niet(personas, inwoner):
    from arrangementen import rechten as arrangement_rechten

    melding(personas, inwoner, team=personas.team_b)
    services.noodtoegang_openen(door=personas.beroepskracht, inwoner_uuid=inwoner.uuid, reden=REDEN)
    assert not arrangement_rechten.mag_arrangement_opstellen_voor(personas.beroepskracht, inwoner)


@pytest.fixture
def coordinator2(personas):
    return medewerker_maken("coordinator2", Rol.COORDINATOR, teams=[personas.team_a, personas.team_b])


def test_de_coordinator_beoordeelt_de_eigen_noodtoegang_niet(personas, inwoner, coordinator2):
    melding(personas, inwoner, team=personas.team_b)
    nood = services.noodtoegang_openen(door=personas.coordinator, inwoner_uuid=inwoner.uuid, reden=REDEN)
    assert nood not in rechten.noodtoegangen_te_beoordelen_voor(personas.coordinator)
    with pytest.raises(ValidationError):
        services.noodtoegang_beoordelen(door=personas.coordinator, noodtoegang=nood, oordeel="terecht")
    assert nood in rechten.noodtoegangen_te_beoordelen_voor(coordinator2)
    services.noodtoegang_beoordelen(door=coordinator2, noodtoegang=nood, oordeel="terecht")
    nood.refresh_from_db()
    assert nood.beoordeeld_door == coordinator2


def test_zonder_andere_coordinator_staat_de_eigen_noodtoegang_bij_de_beheerder(personas, als, inwoner):
    nood = services.noodtoegang_openen(door=personas.coordinator, inwoner_uuid=inwoner.uuid, reden=REDEN)
    assert list(rechten.noodtoegangen_voor_audit(personas.beheerder)) == [nood]
    assert not rechten.noodtoegangen_voor_audit(personas.coordinator).exists()
    response = als(personas.coordinator).post(
        "/noodtoegang/beoordelen/", {"noodtoegang": nood.uuid, "oordeel": "terecht"}
    )
    assert response.status_code == 404
    nood.refresh_from_db()
    assert nood.beoordeeld_op is None
    # The beheerder's audit list shows who, when and why; not whose dossier.
    inhoud = als(personas.beheerder).get("/noodtoegang/audit/").content.decode()
    assert REDEN in inhoud and str(personas.coordinator) in inhoud and inwoner.achternaam not in inhoud
    assert als(personas.coordinator).get("/noodtoegang/audit/").status_code == 403


# -- finding 3: the existence oracle --------------------------------------------------------------

NEUTRAAL = "Deze inwoner kan niet opnieuw worden geregistreerd; de poort of de coördinator helpt u verder"


def gegevens(kern, **anders):
    return {
        "bsn": "111222333",
        "voornamen": "Anna",
        "achternaam": "Dijk",
        "geboortedatum": "1950-04-01",
        "straat": "Dorpsstraat",
        "huisnummer": "12",
        "postcode": "6661 AB",
        "woonplaats": "Elst",
        "kern": kern.pk,
        **anders,
    }


@pytest.mark.parametrize("pad", ["/inwoners/nieuw/", "/poort/inwoner/nieuw/"])
@pytest.mark.parametrize("veilig_thuis", [False, True])
def test_een_bestaand_bsn_zegt_niet_dat_de_inwoner_bestaat(personas, als, kern_elst, pad, veilig_thuis):
    bestaand = InwonerFactory(bsn="111222333", kern=kern_elst)
    melding(personas, bestaand, team=personas.team_b, uitkomst="veilig_thuis" if veilig_thuis else "kernteam")
    aantal, rijen = Inwoner.objects.count(), Toegang.objects.count()
    for bevestigd in ({}, {"dubbel_bevestigd": "on"}):
        response = als(personas.beroepskracht).post(pad, {**gegevens(kern_elst), **bevestigd})
        inhoud = response.content.decode()
        assert response.status_code == 200
        assert NEUTRAAL in inhoud
        assert "Er bestaat al" not in inhoud and "Mogelijk dubbele" not in inhoud
        assert bestaand.achternaam not in inhoud
    assert Inwoner.objects.count() == aantal
    assert Toegang.objects.count() == rijen + 2
    assert Toegang.objects.filter(inwoner=bestaand, medewerker=personas.beroepskracht).count() == 2


def test_wie_de_inwoner_mag_zien_hoort_dat_het_bsn_al_bestaat(personas, als, kern_elst):
    bestaand = InwonerFactory(bsn="111222333", kern=kern_elst)
    melding(personas, bestaand)
    inhoud = als(personas.beroepskracht).post("/inwoners/nieuw/", gegevens(kern_elst)).content.decode()
    assert "Er bestaat al een Inwoner met eenzelfde BSN" in inhoud


# -- finding 7: Veilig Thuis inferred -------------------------------------------------------------


def test_het_poortformulier_toont_geen_veilig_thuis_traject(personas, als, inwoner):
    melding(personas, inwoner, uitkomst="veilig_thuis")
    client = als(personas.poort)
    inhoud = client.get(f"/poort/melding/nieuw/?inwoner={inwoner.uuid}").content.decode()
    assert "Geen open trajecten" in inhoud and "Loket" not in inhoud
    inhoud = client.post("/poort/zoeken/", {"bsn": inwoner.bsn}, follow=True).content.decode()
    assert inwoner.achternaam in inhoud and "Geen open trajecten" in inhoud and "Loket" not in inhoud


def test_de_coordinator_ziet_geen_inwoner_die_alleen_veilig_thuis_kent(personas, als, inwoner):
    melding(personas, inwoner, uitkomst="veilig_thuis")
    assert ziet(personas.consulent, inwoner)
    assert not ziet(personas.coordinator, inwoner)
    client = als(personas.coordinator)
    assert client.get(f"/inwoners/{inwoner.uuid}/").status_code == 404
    assert inwoner.bsn not in client.get("/inwoners/", {"q": inwoner.achternaam}).content.decode()
    # A second, ordinary record in one of the coordinator's teams makes the dossier theirs again.
    melding(personas, inwoner)
    assert ziet(personas.coordinator, inwoner)
