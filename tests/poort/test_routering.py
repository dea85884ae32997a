"""Routing rules: which team receives a melding (geographic by kern, or a chosen cluster; the loket)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from meldingen import rechten as melding_rechten
from meldingen import routering
from meldingen.models import Melding
from meldingen.vocab import TriageUitkomst
from meldingen.workflow import MeldingStatus
from poort import services
from poort.models import Triage
from skt import rechten
from skt.models import Rol, Team

from ..factories import InwonerFactory, KernFactory, medewerker_maken, team_maken
from ..meldingen import melding_maken, snelle_wachtwoorden, trieren

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures(snelle_wachtwoorden.__name__)]

U = TriageUitkomst
KIES_HET_TEAM = "Kies het team of cluster"


def ziet(persona, melding) -> bool:
    return melding_rechten.meldingen_zichtbaar_voor(persona).filter(pk=melding.pk).exists()


def geweigerd(door, melding, uitkomst, *, veld="team", **extra):
    """Triage is refused with a message on `veld`, and nothing is written."""
    triages = Triage.objects.count()
    with pytest.raises(ValidationError) as fout:
        services.melding_trieren(door=door, melding=melding, uitkomst=uitkomst, reden="Routering.", **extra)
    melding = Melding.objects.get(pk=melding.pk)
    assert melding.status == MeldingStatus.NIEUW and melding.team is None and melding.triage_uitkomst == ""
    assert Triage.objects.count() == triages
    assert veld in fout.value.message_dict
    return " ".join(fout.value.messages)


# -- geographic: the kern decides ----------------------------------------------------------


@pytest.mark.parametrize("uitkomst", [U.KERNTEAM, U.KERNTEAM_CONSULENT])
def test_de_kern_van_de_inwoner_bepaalt_het_team(personas, kern_elst, kern_driel, uitkomst):
    elst = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst))
    driel = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_driel))
    assert trieren(personas.poort, elst, uitkomst).team == personas.team_a
    assert trieren(personas.poort, driel, uitkomst).team == personas.team_b
    assert ziet(personas.beroepskracht, elst) and not ziet(personas.beroepskracht, driel)
    assert ziet(personas.beroepskracht2, driel) and not ziet(personas.beroepskracht2, elst)


@pytest.mark.parametrize("uitkomst", [U.KERNTEAM, U.KERNTEAM_CONSULENT])
def test_inwoner_zonder_kern_vraagt_om_een_keuze(personas, uitkomst):
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=None))
    assert KIES_HET_TEAM in geweigerd(personas.poort, melding, uitkomst)


def test_kern_zonder_team_vraagt_om_een_keuze(personas):
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=KernFactory(code="heteren")))
    assert KIES_HET_TEAM in geweigerd(personas.poort, melding, U.KERNTEAM)


def test_kern_van_een_opgeheven_team_vraagt_om_een_keuze(personas):
    kern = KernFactory(code="valburg")
    team = team_maken("Valburg", kernen=[kern])
    team.actief = False
    team.save()
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern))
    assert KIES_HET_TEAM in geweigerd(personas.poort, melding, U.KERNTEAM)


def test_anonieme_melding_naar_het_kernteam_vraagt_om_een_keuze(personas):
    melding = melding_maken(personas.poort, anoniem=True)
    assert KIES_HET_TEAM in geweigerd(personas.poort, melding, U.KERNTEAM)
    assert trieren(personas.poort, melding, U.KERNTEAM, team=personas.team_b).team == personas.team_b


def test_een_gekozen_team_gaat_voor_de_kern(personas, kern_elst):
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst))
    assert trieren(personas.poort, melding, U.KERNTEAM, team=personas.team_b).team == personas.team_b
    assert ziet(personas.beroepskracht2, melding) and not ziet(personas.beroepskracht, melding)


# -- cluster model (Wassenaar): the vraagverhelderaar picks the cluster ----------------------


@pytest.fixture
def clusters(personas):
    kern = KernFactory(code="wassenaar", naam="Wassenaar")
    namen = [
        "Welzijn en preventie jeugd",
        "Welzijn en preventie volwassenen",
        "Hulpverlening jeugd",
        "Hulpverlening volwassenen",
    ]
    teams = {naam: team_maken(naam, soort=Team.Soort.CLUSTER, kernen=[kern]) for naam in namen}
    return kern, teams


def test_in_een_clustermodel_leidt_de_kern_geen_team_af(personas, clusters):
    kern, _teams = clusters
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern))
    assert KIES_HET_TEAM in geweigerd(personas.poort, melding, U.KERNTEAM)


@pytest.mark.parametrize("uitkomst", [U.KERNTEAM, U.KERNTEAM_CONSULENT])
def test_het_gekozen_cluster_krijgt_de_melding(personas, clusters, uitkomst):
    kern, teams = clusters
    cluster = teams["Hulpverlening volwassenen"]
    lid = medewerker_maken("hv-volwassenen", Rol.BEROEPSKRACHT, teams=[cluster])
    ander = medewerker_maken("wp-jeugd", Rol.BEROEPSKRACHT, teams=[teams["Welzijn en preventie jeugd"]])
    inwoner = InwonerFactory(kern=kern)
    melding = melding_maken(personas.poort, inwoner=inwoner)
    melding = trieren(personas.poort, melding, uitkomst, team=cluster)
    assert melding.team == cluster and melding.triages.get().team == cluster
    assert ziet(lid, melding) and melding_rechten.mag_melding_behandelen(lid, melding)
    assert rechten.inwoners_zichtbaar_voor(lid).filter(pk=inwoner.pk).exists()
    assert not ziet(ander, melding) and not ziet(personas.beroepskracht, melding)
    assert ziet(personas.consulent, melding) is (uitkomst == U.KERNTEAM_CONSULENT)


@pytest.mark.parametrize("uitkomst", [U.KERNTEAM, U.KERNTEAM_CONSULENT])
def test_het_loket_is_geen_keuze_als_team(personas, kern_elst, uitkomst):
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst))
    assert "Naar het loket" in geweigerd(personas.poort, melding, uitkomst, team=personas.loket)
    assert not ziet(personas.consulent, melding)


def test_een_opgeheven_team_is_geen_keuze(personas, kern_elst):
    oud = team_maken("Oud team")
    oud.actief = False
    oud.save()
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst))
    geweigerd(personas.poort, melding, U.KERNTEAM, team=oud)


def test_keuzelijst_bevat_actieve_kernteams_en_clusters_maar_niet_het_loket(personas, clusters):
    _kern, teams = clusters
    oud = team_maken("Oud team")
    oud.actief = False
    oud.save()
    keuze = set(routering.kernteams_voor_keuze())
    assert keuze == {personas.team_a, personas.team_b, *teams.values()}


# -- loket and Veilig Thuis ----------------------------------------------------------------


@pytest.mark.parametrize("uitkomst", [U.LOKET, U.VEILIG_THUIS])
@pytest.mark.parametrize("inwoner_soort", ["elst", "zonder_kern", "anoniem"])
def test_loket_en_veilig_thuis_gaan_altijd_naar_het_loket(personas, kern_elst, uitkomst, inwoner_soort):
    if inwoner_soort == "anoniem":
        melding = melding_maken(personas.poort, anoniem=True)
    else:
        inwoner = InwonerFactory(kern=kern_elst if inwoner_soort == "elst" else None)
        melding = melding_maken(personas.poort, inwoner=inwoner)
    melding = trieren(personas.poort, melding, uitkomst, team=personas.team_a)
    assert melding.team == personas.loket
    assert melding.veilig_thuis is (uitkomst == U.VEILIG_THUIS)
    assert not ziet(personas.beroepskracht, melding)
    assert ziet(personas.consulent, melding)


@pytest.mark.parametrize("uitkomst", [U.LOKET, U.VEILIG_THUIS, U.KERNTEAM_CONSULENT])
def test_zonder_actief_loket_een_duidelijke_fout(personas, kern_elst, uitkomst):
    personas.loket.actief = False
    personas.loket.save()
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst))
    triages = Triage.objects.count()
    with pytest.raises(ValidationError, match="geen actief loket"):
        services.melding_trieren(door=personas.poort, melding=melding, uitkomst=uitkomst, reden="x")
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.NIEUW and Triage.objects.count() == triages
    assert not ziet(personas.beroepskracht, melding)


def test_direct_gaat_naar_niemand(personas, kern_elst):
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst))
    assert routering.team_bepalen(melding=melding, uitkomst=U.DIRECT, gekozen_team=personas.team_a) is None


def test_team_voor_kern(personas, kern_elst, kern_driel, clusters):
    kern_wassenaar, _teams = clusters
    assert routering.team_voor_kern(kern_elst) == personas.team_a
    assert routering.team_voor_kern(kern_driel) == personas.team_b
    assert routering.team_voor_kern(kern_wassenaar) is None
    assert routering.team_voor_kern(None) is None


def test_routering_geeft_geen_rechten_aan_wie_niet_mag_trieren(personas, kern_elst):
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst))
    with pytest.raises(PermissionDenied):
        services.melding_trieren(door=personas.vrijwilliger, melding=melding, uitkomst=U.KERNTEAM, reden="x")
    assert not ziet(personas.beroepskracht, melding)
