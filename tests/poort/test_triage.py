"""Triage and doorschakelen: every outcome, who gets to see and work on the melding, and refusals."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from meldingen import rechten as melding_rechten
from meldingen import services as meldingen_services
from meldingen.models import Melding, MeldingGroupObjectPermission, MeldingUserObjectPermission
from meldingen.vocab import ContactWijze, TriageUitkomst, Uitstroom
from meldingen.workflow import MeldingStatus
from poort import services
from poort.models import Triage
from skt import rechten
from skt.models import InwonerGroupObjectPermission, Rol, Team

from ..factories import InwonerFactory, KernFactory, medewerker_maken, team_maken
from ..meldingen import dagen_geleden, melding_maken, snelle_wachtwoorden, trieren, vandaag

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures(snelle_wachtwoorden.__name__)]

U = TriageUitkomst
PERSONAS = [
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


@pytest.fixture
def inwoner(kern_elst):
    return InwonerFactory(kern=kern_elst)


@pytest.fixture
def melding(personas, inwoner):
    return melding_maken(personas.poort, inwoner=inwoner)


@pytest.fixture
def jeugdmelding(personas, kern_elst):
    return melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst, jeugd=True))


def ziet(persona, melding) -> bool:
    return melding_rechten.meldingen_zichtbaar_voor(persona).filter(pk=melding.pk).exists()


def ziet_inwoner(persona, inwoner) -> bool:
    return rechten.inwoners_zichtbaar_voor(persona).filter(pk=inwoner.pk).exists()


def wie_ziet(personas, melding) -> set[str]:
    return {naam for naam in PERSONAS if ziet(getattr(personas, naam), melding)}


def wie_behandelt(personas, melding) -> set[str]:
    return {
        naam for naam in PERSONAS if melding_rechten.mag_melding_behandelen(getattr(personas, naam), melding)
    }


def toestand(melding):
    """Everything a refused triage or doorschakeling must leave as it was."""
    melding = Melding.objects.get(pk=melding.pk)
    return (
        Triage.objects.count(),
        melding.status,
        melding.team_id,
        melding.triage_uitkomst,
        melding.veilig_thuis,
        melding.doorschakelingen,
        melding.uitstroom,
        melding.statusregels.count(),
        MeldingGroupObjectPermission.objects.filter(content_object=melding).count(),
        MeldingUserObjectPermission.objects.filter(content_object=melding).count(),
        InwonerGroupObjectPermission.objects.count(),
        Melding.history.count(),
    )


# -- every outcome -------------------------------------------------------------------------


def test_direct_sluit_af_met_uitstroom_en_geeft_niemand_toegang(personas, melding, inwoner):
    triage = services.melding_trieren(
        door=personas.poort,
        melding=melding,
        uitkomst=U.DIRECT,
        reden="Adres van de Meldpunt Mantelzorg gegeven.",
        uitstroom=Uitstroom.DIRECT_BEANTWOORD,
    )
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.AFGESLOTEN
    assert melding.uitstroom == Uitstroom.DIRECT_BEANTWOORD
    assert melding.afgesloten_op == vandaag()
    assert melding.triage_uitkomst == U.DIRECT and melding.team is None
    assert (triage.uitkomst, triage.team, triage.door, triage.is_doorschakeling) == (
        U.DIRECT,
        None,
        personas.poort,
        False,
    )
    assert triage.reden == "Adres van de Meldpunt Mantelzorg gegeven."
    assert list(melding.statusregels.values_list("status", "actie")) == [
        (MeldingStatus.NIEUW, "registreren"),
        (MeldingStatus.AFGESLOTEN, "direct_afhandelen"),
    ]
    assert not MeldingGroupObjectPermission.objects.filter(content_object=melding).exists()
    assert not InwonerGroupObjectPermission.objects.filter(content_object=inwoner).exists()
    assert wie_ziet(personas, melding) == set()


@pytest.mark.parametrize("uitstroom", [None, "", "opgelost"])
def test_direct_zonder_geldige_uitstroom_wordt_geweigerd(personas, melding, uitstroom):
    voor = toestand(melding)
    with pytest.raises(ValidationError) as fout:
        services.melding_trieren(
            door=personas.poort, melding=melding, uitkomst=U.DIRECT, reden="Beantwoord.", uitstroom=uitstroom
        )
    assert "uitstroom" in fout.value.message_dict
    assert toestand(melding) == voor


def test_kernteam_gaat_naar_het_team_van_de_kern_van_de_inwoner(personas, melding, inwoner):
    triage = services.melding_trieren(
        door=personas.poort, melding=melding, uitkomst=U.KERNTEAM, reden="Eenzaamheid, kernteam past."
    )
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.GETRIEERD
    assert melding.team == personas.team_a == triage.team
    assert melding.triage_uitkomst == U.KERNTEAM and melding.veilig_thuis is False
    assert (triage.door, triage.reden) == (personas.poort, "Eenzaamheid, kernteam past.")

    assert ziet(personas.beroepskracht, melding)
    assert melding_rechten.mag_melding_behandelen(personas.beroepskracht, melding)
    assert ziet_inwoner(personas.beroepskracht, inwoner)

    assert not ziet(personas.beroepskracht2, melding)
    assert not melding_rechten.mag_melding_behandelen(personas.beroepskracht2, melding)
    assert not ziet_inwoner(personas.beroepskracht2, inwoner)

    assert wie_ziet(personas, melding) == {"beroepskracht", "coordinator"}
    assert wie_behandelt(personas, melding) == {"beroepskracht", "coordinator"}


def test_kernteam_met_consulent_gaat_naar_team_en_loket(personas, melding, inwoner):
    services.melding_trieren(
        door=personas.poort, melding=melding, uitkomst=U.KERNTEAM_CONSULENT, reden="Gezamenlijk huisbezoek."
    )
    melding.refresh_from_db()
    assert melding.team == personas.team_a and melding.triage_uitkomst == U.KERNTEAM_CONSULENT
    assert wie_ziet(personas, melding) == {"beroepskracht", "consulent", "consulent_jeugd", "coordinator"}
    assert ziet_inwoner(personas.beroepskracht, inwoner) and ziet_inwoner(personas.consulent, inwoner)
    assert not ziet_inwoner(personas.beroepskracht2, inwoner)


def test_loket_gaat_naar_het_loket(personas, melding, inwoner):
    services.melding_trieren(door=personas.poort, melding=melding, uitkomst=U.LOKET, reden="Maatwerk nodig.")
    melding.refresh_from_db()
    assert melding.team == personas.loket and melding.veilig_thuis is False
    assert wie_ziet(personas, melding) == {"consulent", "consulent_jeugd", "coordinator"}
    assert wie_behandelt(personas, melding) == {"consulent", "consulent_jeugd", "coordinator"}
    assert ziet_inwoner(personas.consulent, inwoner)
    assert not ziet_inwoner(personas.beroepskracht, inwoner)


def test_loket_negeert_een_gekozen_kernteam(personas, melding):
    services.melding_trieren(
        door=personas.poort, melding=melding, uitkomst=U.LOKET, reden="Maatwerk.", team=personas.team_b
    )
    melding.refresh_from_db()
    assert melding.team == personas.loket
    assert not ziet(personas.beroepskracht2, melding)


def test_veilig_thuis_gaat_naar_het_loket_en_is_alleen_daar_zichtbaar(personas, inwoner):
    # Team A already works with this inwoner on another melding, and so has the dossier open.
    andere = trieren(personas.poort, melding_maken(personas.poort, inwoner=inwoner), U.KERNTEAM)
    assert ziet(personas.beroepskracht, andere) and ziet_inwoner(personas.beroepskracht, inwoner)

    melding = melding_maken(personas.poort, inwoner=inwoner, vraag="Buren horen 's nachts geschreeuw.")
    assert ziet(personas.poort, melding)
    triage = services.melding_trieren(
        door=personas.poort, melding=melding, uitkomst=U.VEILIG_THUIS, reden="Signaal huiselijk geweld."
    )
    melding.refresh_from_db()
    assert melding.team == personas.loket == triage.team
    assert melding.veilig_thuis is True and melding.status == MeldingStatus.GETRIEERD

    assert wie_ziet(personas, melding) == {"consulent", "consulent_jeugd"}
    assert wie_behandelt(personas, melding) == {"consulent", "consulent_jeugd"}
    for naam in ("beroepskracht", "vrijwilliger", "coordinator", "poort"):
        assert melding not in melding_rechten.meldingen_zichtbaar_voor(getattr(personas, naam)), naam
    # The other melding of team A is untouched.
    assert ziet(personas.beroepskracht, andere)


def test_veilig_thuis_geregistreerd_door_een_beroepskracht_verdwijnt_uit_het_team(personas, inwoner):
    """A spreekuur melding gives team A rights at registration; Veilig Thuis still hides it."""
    melding = melding_maken(personas.beroepskracht, inwoner=inwoner)
    assert ziet(personas.beroepskracht, melding)
    services.melding_trieren(
        door=personas.beroepskracht, melding=melding, uitkomst=U.VEILIG_THUIS, reden="Zorgen over veiligheid."
    )
    melding.refresh_from_db()
    assert melding.veilig_thuis
    assert wie_ziet(personas, melding) == {"consulent", "consulent_jeugd"}
    assert not melding_rechten.mag_melding_behandelen(personas.beroepskracht, melding)
    with pytest.raises(PermissionDenied):
        meldingen_services.melding_afsluiten(
            door=personas.beroepskracht, melding=melding, uitstroom=Uitstroom.VEILIG_THUIS
        )


@pytest.mark.parametrize("uitkomst", [U.KERNTEAM, U.KERNTEAM_CONSULENT, U.LOKET, U.VEILIG_THUIS])
def test_de_poort_ziet_de_melding_tot_de_triage(personas, melding, uitkomst):
    assert ziet(personas.poort, melding)
    trieren(personas.poort, melding, uitkomst)
    assert not ziet(personas.poort, melding)


def test_de_poort_ziet_de_melding_niet_meer_na_directe_afhandeling(personas, melding):
    trieren(personas.poort, melding, U.DIRECT, uitstroom=Uitstroom.EIGEN_KRACHT)
    assert not ziet(personas.poort, melding)


# -- rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize("uitkomst", [U.KERNTEAM, U.KERNTEAM_CONSULENT])
@pytest.mark.parametrize("motivatie", ["", "   "])
def test_jeugd_naar_het_kernteam_vraagt_een_motivatie(personas, jeugdmelding, uitkomst, motivatie):
    assert jeugdmelding.jeugd
    voor = toestand(jeugdmelding)
    with pytest.raises(ValidationError) as fout:
        services.melding_trieren(
            door=personas.poort,
            melding=jeugdmelding,
            uitkomst=uitkomst,
            reden="Lichte opvoedvraag.",
            jeugd_motivatie=motivatie,
        )
    assert "jeugd_motivatie" in fout.value.message_dict
    assert "loket" in " ".join(fout.value.messages)
    assert toestand(jeugdmelding) == voor


@pytest.mark.parametrize("uitkomst", [U.KERNTEAM, U.KERNTEAM_CONSULENT])
def test_jeugd_naar_het_kernteam_met_motivatie_mag(personas, jeugdmelding, uitkomst):
    triage = services.melding_trieren(
        door=personas.poort,
        melding=jeugdmelding,
        uitkomst=uitkomst,
        reden="Lichte opvoedvraag.",
        jeugd_motivatie="Het kernteam kent het gezin al; geen jeugdhulp nodig.",
    )
    assert triage.jeugd_motivatie == "Het kernteam kent het gezin al; geen jeugdhulp nodig."
    jeugdmelding.refresh_from_db()
    assert jeugdmelding.team == personas.team_a


@pytest.mark.parametrize("uitkomst", [U.LOKET, U.VEILIG_THUIS])
def test_jeugd_naar_het_loket_zonder_motivatie_mag(personas, jeugdmelding, uitkomst):
    services.melding_trieren(door=personas.poort, melding=jeugdmelding, uitkomst=uitkomst, reden="Jeugdhulp.")
    jeugdmelding.refresh_from_db()
    assert jeugdmelding.team == personas.loket


def test_jeugd_direct_afhandelen_zonder_motivatie_mag(personas, jeugdmelding):
    trieren(personas.poort, jeugdmelding, U.DIRECT, uitstroom=Uitstroom.DIRECT_BEANTWOORD)
    jeugdmelding.refresh_from_db()
    assert jeugdmelding.status == MeldingStatus.AFGESLOTEN


@pytest.mark.parametrize("uitkomst", list(U.values))
@pytest.mark.parametrize("reden", ["", "  \n "])
def test_reden_is_verplicht(personas, melding, uitkomst, reden):
    voor = toestand(melding)
    with pytest.raises(ValidationError) as fout:
        services.melding_trieren(
            door=personas.poort,
            melding=melding,
            uitkomst=uitkomst,
            reden=reden,
            uitstroom=Uitstroom.EIGEN_KRACHT,
        )
    assert "reden" in fout.value.message_dict
    assert toestand(melding) == voor


def test_te_lange_reden_wordt_geweigerd(personas, melding):
    voor = toestand(melding)
    with pytest.raises(ValidationError) as fout:
        services.melding_trieren(door=personas.poort, melding=melding, uitkomst=U.KERNTEAM, reden="r" * 2001)
    assert "reden" in fout.value.message_dict
    assert toestand(melding) == voor


@pytest.mark.parametrize("uitkomst", ["", "wmo", "KERNTEAM", None])
def test_onbekende_uitkomst_wordt_geweigerd(personas, melding, uitkomst):
    voor = toestand(melding)
    with pytest.raises(ValidationError) as fout:
        services.melding_trieren(door=personas.poort, melding=melding, uitkomst=uitkomst, reden="Zomaar.")
    assert "uitkomst" in fout.value.message_dict
    assert toestand(melding) == voor


# -- a melding is triaged once -------------------------------------------------------------


@pytest.fixture
def poort2(personas):
    return medewerker_maken("poort2", Rol.VRAAGVERHELDERAAR)


@pytest.mark.parametrize("tweede_uitkomst", list(U.values))
@pytest.mark.parametrize(
    "eerste", [U.KERNTEAM, U.KERNTEAM_CONSULENT, U.LOKET, U.VEILIG_THUIS, U.DIRECT, "afgesloten"]
)
def test_een_getrieerde_of_afgesloten_melding_wordt_niet_opnieuw_getrieerd(
    personas, poort2, melding, eerste, tweede_uitkomst
):
    if eerste == "afgesloten":
        trieren(personas.poort, melding, U.KERNTEAM)
        meldingen_services.melding_afsluiten(
            door=personas.beroepskracht, melding=melding, uitstroom=Uitstroom.EIGEN_KRACHT
        )
    else:
        trieren(personas.poort, melding, eerste, uitstroom=Uitstroom.DIRECT_BEANTWOORD)
    voor = toestand(melding)
    with pytest.raises(ValidationError) as fout:
        services.melding_trieren(
            door=poort2,
            melding=melding,
            uitkomst=tweede_uitkomst,
            reden="Ik ook.",
            team=personas.team_b,
            uitstroom=Uitstroom.GEEN_VERVOLG,
        )
    bericht = " ".join(fout.value.messages)
    assert "al getriëerd door" in bericht
    assert str(personas.poort) in bericht and str(personas.poort) == "Poort Test"
    assert toestand(melding) == voor


def test_de_melding_in_geheugen_mag_verouderd_zijn(personas, poort2, melding):
    """The service re-reads the melding under a lock; a stale copy cannot triage twice."""
    verouderd = Melding.objects.get(pk=melding.pk)
    trieren(personas.poort, melding, U.KERNTEAM)
    assert verouderd.status == MeldingStatus.NIEUW
    with pytest.raises(ValidationError, match="al getriëerd door"):
        services.melding_trieren(door=poort2, melding=verouderd, uitkomst=U.LOKET, reden="Ook.")
    assert Triage.objects.filter(melding=melding).count() == 1


# -- who may triage ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona",
    [
        "beroepskracht",  # may triage, but not a melding of the poort it cannot see
        "beroepskracht2",
        "vrijwilliger",
        "consulent",
        "consulent_jeugd",
        "coordinator",
        "beleid",
        "beheerder",
        "buitenstaander",
    ],
)
def test_alleen_wie_de_melding_mag_trieren(personas, melding, persona):
    voor = toestand(melding)
    with pytest.raises(PermissionDenied):
        services.melding_trieren(
            door=getattr(personas, persona), melding=melding, uitkomst=U.KERNTEAM, reden="Naar Elst."
        )
    assert toestand(melding) == voor


def test_beroepskracht_triageert_een_eigen_spreekuurmelding(personas, inwoner):
    melding = melding_maken(personas.beroepskracht, inwoner=inwoner, ingang="spreekuur")
    with pytest.raises(PermissionDenied):
        services.melding_trieren(door=personas.beroepskracht2, melding=melding, uitkomst=U.LOKET, reden="x")
    services.melding_trieren(
        door=personas.beroepskracht, melding=melding, uitkomst=U.KERNTEAM, reden="Eigen kern."
    )
    melding.refresh_from_db()
    assert melding.team == personas.team_a


@pytest.mark.parametrize(
    "persona", ["vrijwilliger", "beleid", "beheerder", "beroepskracht2", "buitenstaander"]
)
def test_wie_niet_mag_trieren_hoort_niet_wie_al_triageerde(personas, melding, persona):
    """Refused is refused: the name of the vraagverhelderaar is not told to someone without access."""
    trieren(personas.poort, melding, U.KERNTEAM)
    with pytest.raises(PermissionDenied):
        services.melding_trieren(
            door=getattr(personas, persona), melding=melding, uitkomst=U.LOKET, reden="x"
        )


# -- doorschakelen -------------------------------------------------------------------------


@pytest.fixture
def bij_team_a(personas, melding):
    return trieren(personas.poort, melding, U.KERNTEAM)


def doorschakelen(door, melding, uitkomst, **extra):
    extra.setdefault("reden", "Past beter bij een ander team.")
    services.melding_doorschakelen(door=door, melding=melding, uitkomst=uitkomst, **extra)
    melding.refresh_from_db()
    return melding


def test_doorschakelen_naar_een_ander_team(personas, bij_team_a, inwoner):
    melding = doorschakelen(personas.beroepskracht, bij_team_a, U.KERNTEAM, team=personas.team_b)
    assert melding.team == personas.team_b and melding.doorschakelingen == 1
    assert melding.status == MeldingStatus.GETRIEERD
    triage = melding.triages.order_by("-pk").first()
    assert (triage.is_doorschakeling, triage.team, triage.door, triage.reden) == (
        True,
        personas.team_b,
        personas.beroepskracht,
        "Past beter bij een ander team.",
    )
    assert melding.triages.count() == 2
    # The new team works on it; the old team keeps sight (betrokkenheid) but no longer works on it.
    assert ziet(personas.beroepskracht2, melding) and melding_rechten.mag_melding_behandelen(
        personas.beroepskracht2, melding
    )
    assert ziet_inwoner(personas.beroepskracht2, inwoner)
    assert ziet(personas.beroepskracht, melding)
    assert not melding_rechten.mag_melding_behandelen(personas.beroepskracht, melding)
    assert ziet_inwoner(personas.beroepskracht, inwoner)


def test_oud_team_kan_na_doorschakelen_niets_meer_doen(personas, bij_team_a):
    doorschakelen(personas.beroepskracht, bij_team_a, U.KERNTEAM, team=personas.team_b)
    with pytest.raises(PermissionDenied):
        doorschakelen(personas.beroepskracht, bij_team_a, U.LOKET)
    with pytest.raises(PermissionDenied):
        meldingen_services.melding_afsluiten(
            door=personas.beroepskracht, melding=bij_team_a, uitstroom=Uitstroom.EIGEN_KRACHT
        )


def test_doorschakelen_na_eerste_contact_zet_de_klok_opnieuw(personas, bij_team_a):
    meldingen_services.melding_eerste_contact_vastleggen(
        door=personas.beroepskracht, melding=bij_team_a, datum=vandaag(), wijze=ContactWijze.TELEFOON
    )
    melding = doorschakelen(personas.beroepskracht, bij_team_a, U.LOKET)
    assert melding.status == MeldingStatus.GETRIEERD
    assert (melding.eerste_contact_op, melding.eerste_contact_door, melding.eerste_contact_wijze) == (
        None,
        None,
        "",
    )
    assert melding.team == personas.loket
    assert ziet(personas.consulent, melding) and melding_rechten.mag_melding_behandelen(
        personas.consulent, melding
    )
    assert ziet(personas.beroepskracht, melding)
    assert not melding_rechten.mag_melding_behandelen(personas.beroepskracht, melding)


def test_elke_doorschakeling_telt(personas, bij_team_a):
    doorschakelen(personas.beroepskracht, bij_team_a, U.KERNTEAM, team=personas.team_b)
    melding = doorschakelen(personas.beroepskracht2, bij_team_a, U.LOKET)
    assert melding.doorschakelingen == 2
    assert melding.triages.filter(is_doorschakeling=True).count() == 2


def test_doorschakelen_naar_veilig_thuis_haalt_hem_weg_bij_het_team(personas, bij_team_a):
    melding = doorschakelen(personas.beroepskracht, bij_team_a, U.VEILIG_THUIS, reden="Signalen van geweld.")
    assert melding.veilig_thuis and melding.team == personas.loket
    assert wie_ziet(personas, melding) == {"consulent", "consulent_jeugd"}


def test_een_veilig_thuis_melding_gaat_niet_terug_naar_het_kernteam(personas, melding):
    trieren(personas.poort, melding, U.VEILIG_THUIS)
    voor = toestand(melding)
    with pytest.raises(ValidationError) as fout:
        services.melding_doorschakelen(
            door=personas.consulent,
            melding=melding,
            uitkomst=U.KERNTEAM,
            reden="Valt mee.",
            team=personas.team_a,
        )
    assert "uitkomst" in fout.value.message_dict
    assert toestand(melding) == voor
    assert not ziet(personas.beroepskracht, melding)


def test_na_kernteam_met_consulent_behoudt_het_loket_alleen_zicht(personas, melding):
    trieren(personas.poort, melding, U.KERNTEAM_CONSULENT)
    assert melding_rechten.mag_melding_behandelen(personas.consulent, melding)
    melding = doorschakelen(personas.beroepskracht, melding, U.KERNTEAM, team=personas.team_b)
    assert melding.team == personas.team_b
    assert ziet(personas.consulent, melding)
    assert not melding_rechten.mag_melding_behandelen(personas.consulent, melding)
    assert wie_behandelt(personas, melding) == {"beroepskracht2", "coordinator"}


def test_van_kernteam_naar_kernteam_met_consulent_in_hetzelfde_team_mag(personas, bij_team_a):
    melding = doorschakelen(personas.beroepskracht, bij_team_a, U.KERNTEAM_CONSULENT)
    assert melding.team == personas.team_a and melding.triage_uitkomst == U.KERNTEAM_CONSULENT
    assert melding_rechten.mag_melding_behandelen(personas.beroepskracht, melding)
    assert melding_rechten.mag_melding_behandelen(personas.consulent, melding)


@pytest.mark.parametrize(
    ("uitkomst", "team"),
    [(U.KERNTEAM, None), (U.KERNTEAM, "team_a")],
    ids=["afgeleid-uit-de-kern", "zelf-gekozen"],
)
def test_doorschakelen_naar_hetzelfde_team_wordt_geweigerd(personas, bij_team_a, uitkomst, team):
    voor = toestand(bij_team_a)
    with pytest.raises(ValidationError) as fout:
        services.melding_doorschakelen(
            door=personas.beroepskracht,
            melding=bij_team_a,
            uitkomst=uitkomst,
            reden="Nog een keer.",
            team=getattr(personas, team) if team else None,
        )
    assert "team" in fout.value.message_dict
    assert toestand(bij_team_a) == voor


def test_doorschakelen_van_loket_naar_loket_wordt_geweigerd(personas, melding):
    trieren(personas.poort, melding, U.LOKET)
    voor = toestand(melding)
    with pytest.raises(ValidationError):
        services.melding_doorschakelen(door=personas.consulent, melding=melding, uitkomst=U.LOKET, reden="x")
    assert toestand(melding) == voor


def test_doorschakelen_naar_direct_wordt_geweigerd(personas, bij_team_a):
    voor = toestand(bij_team_a)
    with pytest.raises(ValidationError) as fout:
        services.melding_doorschakelen(
            door=personas.beroepskracht, melding=bij_team_a, uitkomst=U.DIRECT, reden="x"
        )
    assert "uitkomst" in fout.value.message_dict
    assert toestand(bij_team_a) == voor


@pytest.mark.parametrize("reden", ["", "   "])
def test_doorschakelen_vraagt_een_reden(personas, bij_team_a, reden):
    voor = toestand(bij_team_a)
    with pytest.raises(ValidationError) as fout:
        services.melding_doorschakelen(
            door=personas.beroepskracht,
            melding=bij_team_a,
            uitkomst=U.KERNTEAM,
            reden=reden,
            team=personas.team_b,
        )
    assert "reden" in fout.value.message_dict
    assert toestand(bij_team_a) == voor


def test_doorschakelen_van_jeugd_naar_een_kernteam_vraagt_motivatie(personas, jeugdmelding):
    trieren(personas.poort, jeugdmelding, U.LOKET)
    voor = toestand(jeugdmelding)
    with pytest.raises(ValidationError) as fout:
        services.melding_doorschakelen(
            door=personas.consulent_jeugd, melding=jeugdmelding, uitkomst=U.KERNTEAM, reden="Licht."
        )
    assert "jeugd_motivatie" in fout.value.message_dict
    assert toestand(jeugdmelding) == voor
    melding = doorschakelen(
        personas.consulent_jeugd,
        jeugdmelding,
        U.KERNTEAM,
        reden="Licht.",
        jeugd_motivatie="Geen jeugdhulp nodig.",
    )
    assert melding.team == personas.team_a


def test_een_afgesloten_melding_wordt_niet_doorgeschakeld(personas, bij_team_a):
    meldingen_services.melding_afsluiten(
        door=personas.beroepskracht, melding=bij_team_a, uitstroom=Uitstroom.GEEN_VERVOLG
    )
    voor = toestand(bij_team_a)
    with pytest.raises(ValidationError) as fout:
        services.melding_doorschakelen(
            door=personas.beroepskracht,
            melding=bij_team_a,
            uitkomst=U.KERNTEAM,
            reden="x",
            team=personas.team_b,
        )
    assert fout.value.code == "ongeldige_overgang"
    assert toestand(bij_team_a) == voor
    assert not ziet(personas.beroepskracht2, bij_team_a)


def test_een_ongetrieerde_melding_wordt_niet_doorgeschakeld(personas, inwoner):
    melding = melding_maken(personas.beroepskracht, inwoner=inwoner)
    voor = toestand(melding)
    with pytest.raises(ValidationError):
        services.melding_doorschakelen(
            door=personas.beroepskracht, melding=melding, uitkomst=U.KERNTEAM, reden="x", team=personas.team_b
        )
    assert toestand(melding) == voor


@pytest.mark.parametrize(
    "persona",
    [
        "beroepskracht2",
        "vrijwilliger",
        "poort",
        "consulent",
        "consulent_jeugd",
        "beleid",
        "beheerder",
        "buitenstaander",
    ],
)
def test_alleen_het_team_van_de_melding_schakelt_door(personas, bij_team_a, persona):
    voor = toestand(bij_team_a)
    with pytest.raises(PermissionDenied):
        services.melding_doorschakelen(
            door=getattr(personas, persona),
            melding=bij_team_a,
            uitkomst=U.KERNTEAM,
            reden="x",
            team=personas.team_b,
        )
    assert toestand(bij_team_a) == voor


def test_de_coordinator_schakelt_door(personas, bij_team_a):
    melding = doorschakelen(personas.coordinator, bij_team_a, U.KERNTEAM, team=personas.team_b)
    assert melding.team == personas.team_b and melding.doorschakelingen == 1


def test_doorschakelen_naar_een_cluster(personas, bij_team_a):
    cluster = team_maken("Hulpverlening volwassenen", soort=Team.Soort.CLUSTER)
    lid = medewerker_maken("clusterlid", Rol.BEROEPSKRACHT, teams=[cluster])
    melding = doorschakelen(personas.beroepskracht, bij_team_a, U.KERNTEAM, team=cluster)
    assert melding.team == cluster
    assert ziet(lid, melding) and melding_rechten.mag_melding_behandelen(lid, melding)


def test_doorschakelen_naar_het_loket_als_team_wordt_geweigerd(personas, bij_team_a):
    voor = toestand(bij_team_a)
    with pytest.raises(ValidationError) as fout:
        services.melding_doorschakelen(
            door=personas.beroepskracht,
            melding=bij_team_a,
            uitkomst=U.KERNTEAM,
            reden="x",
            team=personas.loket,
        )
    assert "team" in fout.value.message_dict
    assert toestand(bij_team_a) == voor


def test_triage_geschiedenis_blijft_bewaard(personas, bij_team_a):
    doorschakelen(personas.beroepskracht, bij_team_a, U.LOKET, reden="Maatwerk.")
    triages = list(bij_team_a.triages.order_by("pk"))
    assert [(t.uitkomst, t.team, t.is_doorschakeling) for t in triages] == [
        (U.KERNTEAM, personas.team_a, False),
        (U.LOKET, personas.loket, True),
    ]
    assert [r.status for r in bij_team_a.statusregels.all()] == [
        MeldingStatus.NIEUW,
        MeldingStatus.GETRIEERD,
        MeldingStatus.GETRIEERD,
    ]


def test_aanmeldingsdatum_in_het_verleden_staat_triage_niet_in_de_weg(personas, kern_elst):
    melding = melding_maken(
        personas.poort, inwoner=InwonerFactory(kern=kern_elst), aanmeldingsdatum=dagen_geleden(30)
    )
    assert trieren(personas.poort, melding, U.KERNTEAM).team == personas.team_a


def test_triage_werkt_ook_voor_kern_die_bij_een_team_hoort_via_meerdere_kernen(personas):
    kern = KernFactory(code="hemmen", naam="Hemmen")
    team = team_maken("Zetten, Hemmen en Randwijk", kernen=[kern, KernFactory(code="zetten", naam="Zetten")])
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern))
    assert trieren(personas.poort, melding, U.KERNTEAM).team == team


def test_het_team_dat_de_melding_heeft_hoort_wie_hem_triageerde(personas, melding):
    trieren(personas.poort, melding, U.KERNTEAM)
    with pytest.raises(ValidationError, match="al getriëerd door Poort Test"):
        services.melding_trieren(door=personas.beroepskracht, melding=melding, uitkomst=U.LOKET, reden="x")
