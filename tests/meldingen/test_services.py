"""Services of a melding: registration, first contact, closing, terugkoppeling; signalen."""

import uuid
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from meldingen import rechten as melding_rechten
from meldingen import services
from meldingen.models import Melding, MeldingStatusRegel, Signaal, SignaalStatusRegel
from meldingen.vocab import ContactWijze, MelderSoort, TriageUitkomst, Uitstroom
from meldingen.workflow import SIGNAAL_OVERGANGEN, MeldingStatus
from skt import rechten

from ..factories import InwonerFactory, KernFactory, LeefgebiedFactory, VoorzieningFactory
from . import dagen_geleden, melding_maken, snelle_wachtwoorden, trieren, vandaag

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures(snelle_wachtwoorden.__name__)]


@pytest.fixture
def inwoner(kern_elst):
    return InwonerFactory(kern=kern_elst, geboortedatum=date(1960, 5, 17))


def registreren(door, **gegevens):
    standaard = {
        "inwoner": None,
        "anoniem": False,
        "aanmeldingsdatum": dagen_geleden(2),
        "ingang": "telefoon",
        "melder_soort": MelderSoort.INWONER,
        "vraag": "Mijn moeder vereenzaamt sinds mijn vader is overleden.",
    }
    standaard.update(gegevens)
    return services.melding_registreren(door=door, **standaard)


class Tellingen:
    """Everything a refused registration must leave as it was."""

    def __init__(self):
        self.waarden = self.lees()

    @staticmethod
    def lees():
        return (
            Melding.objects.count(),
            Melding.history.count(),
            MeldingStatusRegel.objects.count(),
        )

    def ongewijzigd(self) -> bool:
        return self.lees() == self.waarden


# -- registration --------------------------------------------------------------------------


def test_registreren_maakt_een_melding_met_statusregel_historie_en_leefgebieden(personas, inwoner):
    leefgebieden = [LeefgebiedFactory(code="financien"), LeefgebiedFactory(code="huisvesting")]
    melding, aangemaakt = registreren(
        personas.poort, inwoner=inwoner, leefgebieden=leefgebieden, notitie="Dochter belde."
    )

    assert aangemaakt is True
    assert Melding.objects.count() == 1
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.NIEUW
    assert melding.geregistreerd_door == personas.poort
    assert melding.inwoner == inwoner and melding.anoniem is False
    assert set(melding.leefgebieden.all()) == set(leefgebieden)
    regels = list(melding.statusregels.all())
    assert [(r.status, r.actie, r.door) for r in regels] == [
        (MeldingStatus.NIEUW, "registreren", personas.poort)
    ]
    assert melding.history.filter(history_type="+").count() == 1
    assert melding.team is None and melding.triage_uitkomst == ""


def test_registreren_door_beroepskracht_geeft_het_eigen_team_zicht(personas, inwoner):
    melding, _ = registreren(personas.beroepskracht, inwoner=inwoner, ingang="spreekuur")
    assert melding_rechten.meldingen_zichtbaar_voor(personas.beroepskracht).filter(pk=melding.pk).exists()
    assert (
        not melding_rechten.meldingen_zichtbaar_voor(personas.beroepskracht2).filter(pk=melding.pk).exists()
    )
    assert rechten.inwoners_zichtbaar_voor(personas.beroepskracht).filter(pk=inwoner.pk).exists()


def test_anonieme_melding_zonder_inwoner_mag(personas):
    melding, aangemaakt = registreren(personas.poort, anoniem=True)
    assert aangemaakt and melding.inwoner is None and melding.anoniem is True and melding.jeugd is False


def test_met_inwoner_is_de_melding_nooit_anoniem(personas, inwoner):
    melding, _ = registreren(personas.poort, inwoner=inwoner, anoniem=True)
    assert melding.anoniem is False


AANMELDING = date(2025, 3, 10)


@pytest.mark.parametrize(
    ("geboortedatum", "jeugd"),
    [
        # 17 on the day of aanmelding (18 the next day, and 18 by now): jeugd.
        (date(2007, 3, 11), True),
        # 18 exactly on the day of aanmelding: not jeugd.
        (date(2007, 3, 10), False),
        (date(2015, 1, 1), True),
        (date(1980, 1, 1), False),
    ],
)
@pytest.mark.parametrize("opgegeven", [None, True, False])
def test_jeugd_volgt_uit_de_geboortedatum_op_de_dag_van_aanmelding(personas, geboortedatum, jeugd, opgegeven):
    inwoner = InwonerFactory(geboortedatum=geboortedatum)
    melding, _ = registreren(personas.poort, inwoner=inwoner, aanmeldingsdatum=AANMELDING, jeugd=opgegeven)
    melding.refresh_from_db()
    assert melding.jeugd is jeugd


@pytest.mark.parametrize("opgegeven", [True, False])
def test_zonder_geboortedatum_telt_wat_de_poort_opgeeft(personas, opgegeven):
    inwoner = InwonerFactory(geboortedatum=None)
    melding, _ = registreren(personas.poort, inwoner=inwoner, jeugd=opgegeven)
    assert melding.jeugd is opgegeven


def test_inwoner_als_melder_wist_de_gegevens_van_een_derde_melder(personas, inwoner):
    melding, _ = registreren(
        personas.poort,
        inwoner=inwoner,
        melder_soort=MelderSoort.INWONER,
        melder_naam="Buurman Jan",
        melder_bereikbaar="06-12345678",
        melder_wil_terugkoppeling=True,
    )
    melding.refresh_from_db()
    assert (melding.melder_naam, melding.melder_bereikbaar, melding.melder_wil_terugkoppeling) == (
        "",
        "",
        False,
    )


def test_derde_melder_wordt_bewaard(personas, inwoner):
    melding, _ = registreren(
        personas.poort,
        inwoner=inwoner,
        melder_soort=MelderSoort.HUISARTS,
        melder_naam="Dr. Pieters",
        melder_bereikbaar="026-1234567",
        melder_wil_terugkoppeling=True,
    )
    melding.refresh_from_db()
    assert melding.melder_naam == "Dr. Pieters" and melding.melder_wil_terugkoppeling is True


@pytest.mark.parametrize(
    ("notitie", "vertrouwelijk", "verwacht"),
    [("", True, False), ("Vader drinkt.", True, True), ("Vader drinkt.", False, False)],
)
def test_vertrouwelijk_zonder_notitie_is_niet_vertrouwelijk(
    personas, inwoner, notitie, vertrouwelijk, verwacht
):
    melding, _ = registreren(
        personas.poort, inwoner=inwoner, notitie=notitie, notitie_vertrouwelijk=vertrouwelijk
    )
    melding.refresh_from_db()
    assert melding.notitie_vertrouwelijk is verwacht


def test_dezelfde_formuliersleutel_twee_keer_geeft_een_melding(personas, inwoner):
    sleutel = uuid.uuid4()
    eerste, aangemaakt1 = registreren(personas.poort, inwoner=inwoner, formulier_sleutel=sleutel)
    tellingen = Tellingen()
    tweede, aangemaakt2 = registreren(personas.poort, inwoner=inwoner, formulier_sleutel=sleutel)
    assert (aangemaakt1, aangemaakt2) == (True, False)
    assert tweede.pk == eerste.pk
    assert tellingen.ongewijzigd()
    assert Melding.objects.count() == 1


def test_verschillende_formuliersleutels_geven_twee_meldingen(personas, inwoner):
    registreren(personas.poort, inwoner=inwoner, formulier_sleutel=uuid.uuid4())
    registreren(personas.poort, inwoner=inwoner, formulier_sleutel=uuid.uuid4())
    assert Melding.objects.count() == 2


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"aanmeldingsdatum": vandaag() + timedelta(days=1)}, "aanmeldingsdatum"),
        ({"aanmeldingsdatum": date(1960, 5, 16)}, "aanmeldingsdatum"),
        ({"inwoner": None, "anoniem": False}, "inwoner"),
        (
            {
                "melder_soort": MelderSoort.BUURTBEWONER,
                "melder_naam": "Mevrouw Smit",
                "melder_wil_terugkoppeling": True,
                "melder_bereikbaar": "",
            },
            "melder_bereikbaar",
        ),
        (
            {
                "melder_soort": MelderSoort.SCHOOL,
                "melder_wil_terugkoppeling": True,
                "melder_bereikbaar": "   ",
            },
            "melder_bereikbaar",
        ),
        ({"vraag": "x" * 4001}, "vraag"),
        ({"vraag": ""}, "vraag"),
        ({"notitie": "x" * 4001}, "notitie"),
        ({"ingang": "fax"}, "ingang"),
        ({"melder_soort": "buurvrouw"}, "melder_soort"),
        ({"melder_soort": MelderSoort.HUISARTS, "melder_naam": "x" * 151}, "melder_naam"),
    ],
    ids=[
        "datum-in-de-toekomst",
        "datum-voor-de-geboorte",
        "geen-inwoner-niet-anoniem",
        "terugkoppeling-zonder-bereikbaarheid",
        "terugkoppeling-met-alleen-spaties",
        "vraag-te-lang",
        "vraag-leeg",
        "notitie-te-lang",
        "onbekende-ingang",
        "onbekende-melder",
        "naam-melder-te-lang",
    ],
)
def test_foute_invoer_wordt_geweigerd_en_schrijft_niets(personas, inwoner, gegevens, veld):
    gegevens = {"inwoner": inwoner, **gegevens}
    tellingen = Tellingen()
    with pytest.raises(ValidationError) as fout:
        registreren(personas.poort, **gegevens)
    assert veld in fout.value.message_dict
    assert all(fout.value.message_dict[veld]), "a message for the field"
    assert tellingen.ongewijzigd()


def test_foutmeldingen_zijn_nederlands(personas, inwoner):
    with pytest.raises(ValidationError) as fout:
        registreren(personas.poort, inwoner=inwoner, aanmeldingsdatum=vandaag() + timedelta(days=1))
    assert "toekomst" in " ".join(fout.value.messages)
    with pytest.raises(ValidationError) as fout:
        registreren(personas.poort, inwoner=inwoner, aanmeldingsdatum=date(1960, 5, 16))
    assert "17-05-1960" in " ".join(fout.value.messages)
    with pytest.raises(ValidationError) as fout:
        registreren(personas.poort)
    assert "anonieme melding" in " ".join(fout.value.messages)


def test_vraag_en_notitie_van_precies_4000_tekens_mogen(personas, inwoner):
    melding, _ = registreren(personas.poort, inwoner=inwoner, vraag="v" * 4000, notitie="n" * 4000)
    melding.refresh_from_db()
    assert len(melding.vraag) == 4000 and len(melding.notitie) == 4000


def test_aanmelding_op_de_geboortedag_en_vandaag_mag(personas, kern_elst):
    # Born after 2000: an aanmelding before 2000 is refused on its own (issue 11).
    inwoner = InwonerFactory(kern=kern_elst, geboortedatum=date(2005, 5, 17))
    registreren(personas.poort, inwoner=inwoner, aanmeldingsdatum=inwoner.geboortedatum)
    registreren(personas.poort, inwoner=inwoner, aanmeldingsdatum=vandaag())
    assert Melding.objects.count() == 2


# The consulenten register at the loket since issue 12 (their own intake, tests/arrangementen/test_intake.py):
# such a melding goes to the loket's werkvoorraad at once, and a consulent routes nothing else.
@pytest.mark.parametrize("persona", ["vrijwilliger", "coordinator", "beleid", "beheerder"])
def test_rollen_zonder_registratierecht_worden_geweigerd(personas, inwoner, persona):
    tellingen = Tellingen()
    with pytest.raises(PermissionDenied):
        registreren(getattr(personas, persona), inwoner=inwoner)
    assert tellingen.ongewijzigd()


def test_een_consulent_routeert_alleen_de_eigen_melding(personas, inwoner):
    from meldingen import rechten as melding_rechten

    eigen, _ = registreren(personas.consulent, inwoner=inwoner)
    van_de_poort, _ = registreren(personas.poort, inwoner=inwoner)
    assert melding_rechten.mag_trieren(personas.consulent, eigen)
    assert not melding_rechten.mag_trieren(personas.consulent, van_de_poort)


def test_inactieve_medewerker_mag_niet_registreren(personas, inwoner):
    personas.poort.is_active = False
    personas.poort.save()
    with pytest.raises(PermissionDenied):
        registreren(personas.poort, inwoner=inwoner)
    assert Melding.objects.count() == 0


# -- first contact -------------------------------------------------------------------------


@pytest.fixture
def bij_team_a(personas, inwoner):
    melding = melding_maken(personas.poort, inwoner=inwoner, aanmeldingsdatum=dagen_geleden(4))
    return trieren(personas.poort, melding, TriageUitkomst.KERNTEAM)


def statusregels(melding):
    return list(melding.statusregels.values_list("status", flat=True))


def test_eerste_contact_vastleggen(personas, bij_team_a):
    melding = services.melding_eerste_contact_vastleggen(
        door=personas.beroepskracht, melding=bij_team_a, datum=dagen_geleden(1), wijze=ContactWijze.TELEFOON
    )
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.IN_BEHANDELING
    assert melding.eerste_contact_op == dagen_geleden(1)
    assert melding.eerste_contact_door == personas.beroepskracht
    assert melding.eerste_contact_wijze == ContactWijze.TELEFOON
    assert statusregels(melding)[-1] == MeldingStatus.IN_BEHANDELING


def test_eerste_contact_door_een_collega(personas, bij_team_a):
    collega = personas.vrijwilliger
    melding = services.melding_eerste_contact_vastleggen(
        door=personas.beroepskracht,
        melding=bij_team_a,
        datum=vandaag(),
        wijze=ContactWijze.HUISBEZOEK,
        contact_door=collega,
    )
    assert melding.eerste_contact_door == collega


@pytest.mark.parametrize(
    ("datum", "wijze", "veld"),
    [
        (vandaag() + timedelta(days=1), ContactWijze.TELEFOON, "datum"),
        (dagen_geleden(5), ContactWijze.TELEFOON, "datum"),
        (vandaag(), "duif", "wijze"),
    ],
    ids=["in-de-toekomst", "voor-de-aanmelding", "onbekende-wijze"],
)
def test_eerste_contact_foute_invoer(personas, bij_team_a, datum, wijze, veld):
    voor = statusregels(bij_team_a)
    with pytest.raises(ValidationError) as fout:
        services.melding_eerste_contact_vastleggen(
            door=personas.beroepskracht, melding=bij_team_a, datum=datum, wijze=wijze
        )
    assert veld in fout.value.message_dict
    bij_team_a.refresh_from_db()
    assert bij_team_a.status == MeldingStatus.GETRIEERD and bij_team_a.eerste_contact_op is None
    assert statusregels(bij_team_a) == voor


def test_eerste_contact_op_de_dag_van_aanmelding_mag(personas, bij_team_a):
    services.melding_eerste_contact_vastleggen(
        door=personas.beroepskracht,
        melding=bij_team_a,
        datum=bij_team_a.aanmeldingsdatum,
        wijze=ContactWijze.TELEFOON,
    )
    # The boundary of "not before the aanmelding": the same day is recorded, not refused.
    bij_team_a.refresh_from_db()
    assert bij_team_a.eerste_contact_op == bij_team_a.aanmeldingsdatum == dagen_geleden(4)
    assert bij_team_a.status == MeldingStatus.IN_BEHANDELING
    assert statusregels(bij_team_a)[-1] == MeldingStatus.IN_BEHANDELING


@pytest.mark.parametrize(
    "persona", ["beroepskracht2", "vrijwilliger", "poort", "consulent", "buitenstaander"]
)
def test_eerste_contact_alleen_door_het_team_van_de_melding(personas, bij_team_a, persona):
    with pytest.raises(PermissionDenied):
        services.melding_eerste_contact_vastleggen(
            door=getattr(personas, persona), melding=bij_team_a, datum=vandaag(), wijze=ContactWijze.TELEFOON
        )
    bij_team_a.refresh_from_db()
    assert bij_team_a.status == MeldingStatus.GETRIEERD


@pytest.fixture
def ongetrieerd_bij_team_a(personas, inwoner):
    """Registered by a beroepskracht at a spreekuur: team A may act on it before triage."""
    return melding_maken(personas.beroepskracht, inwoner=inwoner, aanmeldingsdatum=dagen_geleden(4))


def test_eerste_contact_voor_de_triage_is_een_duidelijke_fout(personas, ongetrieerd_bij_team_a):
    melding = ongetrieerd_bij_team_a
    assert melding_rechten.mag_melding_behandelen(personas.beroepskracht, melding)
    with pytest.raises(ValidationError) as fout:
        services.melding_eerste_contact_vastleggen(
            door=personas.beroepskracht, melding=melding, datum=vandaag(), wijze=ContactWijze.TELEFOON
        )
    assert "getriëerde melding" in " ".join(fout.value.messages)
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.NIEUW and melding.eerste_contact_op is None


def test_eerste_contact_twee_keer_is_een_duidelijke_fout(personas, bij_team_a):
    services.melding_eerste_contact_vastleggen(
        door=personas.beroepskracht, melding=bij_team_a, datum=dagen_geleden(2), wijze=ContactWijze.TELEFOON
    )
    with pytest.raises(ValidationError):
        services.melding_eerste_contact_vastleggen(
            door=personas.beroepskracht, melding=bij_team_a, datum=vandaag(), wijze=ContactWijze.HUISBEZOEK
        )
    bij_team_a.refresh_from_db()
    assert bij_team_a.eerste_contact_op == dagen_geleden(2)
    assert bij_team_a.eerste_contact_wijze == ContactWijze.TELEFOON


def test_eerste_contact_na_afsluiten_is_een_duidelijke_fout(personas, bij_team_a):
    services.melding_afsluiten(
        door=personas.beroepskracht, melding=bij_team_a, uitstroom=Uitstroom.EIGEN_KRACHT
    )
    with pytest.raises(ValidationError) as fout:
        services.melding_eerste_contact_vastleggen(
            door=personas.beroepskracht, melding=bij_team_a, datum=vandaag(), wijze=ContactWijze.TELEFOON
        )
    assert fout.value.code == "ongeldige_overgang"
    bij_team_a.refresh_from_db()
    assert bij_team_a.status == MeldingStatus.AFGESLOTEN and bij_team_a.eerste_contact_op is None


# -- closing -------------------------------------------------------------------------------


@pytest.mark.parametrize("met_eerste_contact", [False, True])
def test_afsluiten_met_uitstroom(personas, bij_team_a, met_eerste_contact):
    if met_eerste_contact:
        services.melding_eerste_contact_vastleggen(
            door=personas.beroepskracht,
            melding=bij_team_a,
            datum=dagen_geleden(2),
            wijze=ContactWijze.TELEFOON,
        )
    melding = services.melding_afsluiten(
        door=personas.beroepskracht,
        melding=bij_team_a,
        uitstroom=Uitstroom.ALGEMENE_VOORZIENING,
        datum=dagen_geleden(1),
        toelichting="Naar de soos.",
    )
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.AFGESLOTEN and not melding.is_open
    assert melding.uitstroom == Uitstroom.ALGEMENE_VOORZIENING
    assert melding.afgesloten_op == dagen_geleden(1)
    laatste = melding.statusregels.last()
    assert (laatste.status, laatste.actie, laatste.toelichting) == (
        MeldingStatus.AFGESLOTEN,
        "afsluiten",
        "Naar de soos.",
    )


def test_afsluiten_zonder_datum_is_vandaag(personas, bij_team_a):
    melding = services.melding_afsluiten(
        door=personas.beroepskracht, melding=bij_team_a, uitstroom=Uitstroom.GEEN_VERVOLG
    )
    assert melding.afgesloten_op == vandaag()


@pytest.mark.parametrize(
    ("uitstroom", "datum", "veld"),
    [
        ("", None, "uitstroom"),
        ("opgelost", None, "uitstroom"),
        (Uitstroom.EIGEN_KRACHT, vandaag() + timedelta(days=1), "datum"),
        (Uitstroom.EIGEN_KRACHT, dagen_geleden(5), "datum"),
    ],
    ids=["geen-uitstroom", "onbekende-uitstroom", "in-de-toekomst", "voor-de-aanmelding"],
)
def test_afsluiten_foute_invoer(personas, bij_team_a, uitstroom, datum, veld):
    with pytest.raises(ValidationError) as fout:
        services.melding_afsluiten(
            door=personas.beroepskracht, melding=bij_team_a, uitstroom=uitstroom, datum=datum
        )
    assert veld in fout.value.message_dict
    bij_team_a.refresh_from_db()
    assert bij_team_a.status == MeldingStatus.GETRIEERD and bij_team_a.uitstroom == ""


def test_afsluiten_van_een_ongetrieerde_melding_is_een_duidelijke_fout(personas, ongetrieerd_bij_team_a):
    melding = ongetrieerd_bij_team_a
    with pytest.raises(ValidationError) as fout:
        services.melding_afsluiten(
            door=personas.beroepskracht, melding=melding, uitstroom=Uitstroom.EIGEN_KRACHT
        )
    assert "nadat hij is getriëerd" in " ".join(fout.value.messages)
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.NIEUW and melding.uitstroom == ""
    assert statusregels(melding) == [MeldingStatus.NIEUW]


def test_twee_keer_afsluiten_is_een_duidelijke_fout(personas, bij_team_a):
    services.melding_afsluiten(
        door=personas.beroepskracht,
        melding=bij_team_a,
        uitstroom=Uitstroom.EIGEN_KRACHT,
        datum=dagen_geleden(2),
    )
    with pytest.raises(ValidationError):
        services.melding_afsluiten(
            door=personas.beroepskracht, melding=bij_team_a, uitstroom=Uitstroom.GEEN_VERVOLG
        )
    bij_team_a.refresh_from_db()
    assert bij_team_a.uitstroom == Uitstroom.EIGEN_KRACHT and bij_team_a.afgesloten_op == dagen_geleden(2)
    assert statusregels(bij_team_a).count(MeldingStatus.AFGESLOTEN) == 1


@pytest.mark.parametrize("persona", ["beroepskracht2", "vrijwilliger", "poort", "beleid", "buitenstaander"])
def test_afsluiten_alleen_door_het_team_van_de_melding(personas, bij_team_a, persona):
    with pytest.raises(PermissionDenied):
        services.melding_afsluiten(
            door=getattr(personas, persona), melding=bij_team_a, uitstroom=Uitstroom.EIGEN_KRACHT
        )
    bij_team_a.refresh_from_db()
    assert bij_team_a.status == MeldingStatus.GETRIEERD


def test_coordinator_mag_een_melding_van_zijn_team_afsluiten(personas, bij_team_a):
    services.melding_afsluiten(
        door=personas.coordinator, melding=bij_team_a, uitstroom=Uitstroom.GEEN_VERVOLG
    )
    bij_team_a.refresh_from_db()
    assert bij_team_a.status == MeldingStatus.AFGESLOTEN


# -- terugkoppeling ------------------------------------------------------------------------


VRAAG = "Meneer Bakker op nummer 12 laat al weken niemand binnen."
NOTITIE = "Vermoedelijk schulden en alcohol."


@pytest.fixture
def derde_melding(personas, inwoner):
    melding = melding_maken(
        personas.poort,
        inwoner=inwoner,
        aanmeldingsdatum=date(2025, 2, 3),
        melder_soort=MelderSoort.WONINGCORPORATIE,
        melder_naam="Mevrouw De Wit (Vivare)",
        melder_bereikbaar="dewit@example.org",
        melder_wil_terugkoppeling=True,
        vraag=VRAAG,
        notitie=NOTITIE,
        notitie_vertrouwelijk=True,
    )
    return trieren(personas.poort, melding, TriageUitkomst.KERNTEAM)


def afsluiten(personas, melding):
    return services.melding_afsluiten(
        door=personas.beroepskracht, melding=melding, uitstroom=Uitstroom.EIGEN_KRACHT
    )


def test_terugkoppeling_na_afsluiten_een_keer(personas, derde_melding):
    afsluiten(personas, derde_melding)
    derde_melding.refresh_from_db()
    assert derde_melding.terugkoppeling_open
    melding = services.melding_terugkoppeling_vastleggen(door=personas.beroepskracht, melding=derde_melding)
    melding.refresh_from_db()
    assert melding.terugkoppeling_op is not None and melding.terugkoppeling_door == personas.beroepskracht
    assert not melding.terugkoppeling_open
    eerste = melding.terugkoppeling_op
    with pytest.raises(ValidationError):
        services.melding_terugkoppeling_vastleggen(door=personas.beroepskracht, melding=melding)
    melding.refresh_from_db()
    assert melding.terugkoppeling_op == eerste


def test_terugkoppeling_voor_het_afsluiten_is_een_fout(personas, derde_melding):
    with pytest.raises(ValidationError):
        services.melding_terugkoppeling_vastleggen(door=personas.beroepskracht, melding=derde_melding)
    derde_melding.refresh_from_db()
    assert derde_melding.terugkoppeling_op is None


@pytest.mark.parametrize(
    "melder",
    [
        {"melder_soort": MelderSoort.INWONER},
        {"melder_soort": MelderSoort.ANONIEM},
        {"melder_soort": MelderSoort.HUISARTS, "melder_naam": "Dr. X", "melder_wil_terugkoppeling": False},
    ],
    ids=["inwoner-zelf", "anoniem", "derde-wil-niets-horen"],
)
def test_terugkoppeling_alleen_als_een_derde_erom_vroeg(personas, inwoner, melder):
    melding = melding_maken(personas.poort, inwoner=inwoner, **melder)
    melding = trieren(personas.poort, melding, TriageUitkomst.KERNTEAM)
    afsluiten(personas, melding)
    with pytest.raises(ValidationError):
        services.melding_terugkoppeling_vastleggen(door=personas.beroepskracht, melding=melding)
    melding.refresh_from_db()
    assert melding.terugkoppeling_op is None


@pytest.mark.parametrize("persona", ["beroepskracht2", "vrijwilliger", "poort", "buitenstaander"])
def test_terugkoppeling_alleen_door_het_team(personas, derde_melding, persona):
    afsluiten(personas, derde_melding)
    with pytest.raises(PermissionDenied):
        services.melding_terugkoppeling_vastleggen(door=getattr(personas, persona), melding=derde_melding)
    derde_melding.refresh_from_db()
    assert derde_melding.terugkoppeling_op is None


def test_terugkoppeltekst_noemt_melder_en_datum_maar_nooit_de_inhoud(personas, derde_melding, inwoner):
    tekst = services.terugkoppeltekst(derde_melding)
    assert "Mevrouw De Wit (Vivare)" in tekst
    assert "03-02-2025" in tekst
    for geheim in (VRAAG, NOTITIE, "Bakker", "schulden", inwoner.achternaam, inwoner.voornamen):
        assert geheim not in tekst


# -- signalen ------------------------------------------------------------------------------


def signaal_maken(door, team, **extra):
    gegevens = {"titel": "Geen ontmoetingsplek voor ouderen", "omschrijving": "In Elst sluit de soos."}
    gegevens.update(extra)
    return services.signaal_registreren(door=door, team=team, **gegevens)


def test_signaal_registreren_door_een_teamlid(personas, kern_elst, bij_team_a):
    leefgebied = LeefgebiedFactory(code="sociaal-netwerk")
    signaal = signaal_maken(
        personas.beroepskracht, personas.team_a, kern=kern_elst, leefgebied=leefgebied, meldingen=[bij_team_a]
    )
    signaal.refresh_from_db()
    assert signaal.status == Signaal.Status.NIEUW
    assert (signaal.team, signaal.kern, signaal.leefgebied) == (personas.team_a, kern_elst, leefgebied)
    assert list(signaal.meldingen.all()) == [bij_team_a]
    assert list(signaal.statusregels.values_list("status", flat=True)) == [Signaal.Status.NIEUW]
    assert signaal.history.count() >= 1


def test_coordinator_registreert_een_signaal_voor_zijn_team(personas):
    signaal_maken(personas.coordinator, personas.team_b)
    assert Signaal.objects.count() == 1


@pytest.mark.parametrize(
    ("persona", "team"),
    [
        ("beroepskracht", "team_b"),
        ("beroepskracht2", "team_a"),
        ("vrijwilliger", "team_a"),
        ("consulent", "loket"),
        ("poort", "team_a"),
        ("beleid", "team_a"),
        ("beheerder", "team_a"),
        ("buitenstaander", "team_a"),
    ],
)
def test_signaal_registreren_alleen_voor_het_eigen_team(personas, persona, team):
    with pytest.raises(PermissionDenied):
        signaal_maken(getattr(personas, persona), getattr(personas, team))
    assert Signaal.objects.count() == 0 and SignaalStatusRegel.objects.count() == 0


@pytest.mark.parametrize(("veld", "te_lang"), [("titel", "x" * 151), ("omschrijving", "x" * 4001)])
def test_signaal_met_te_lange_tekst_wordt_geweigerd(personas, veld, te_lang):
    with pytest.raises(ValidationError) as fout:
        signaal_maken(personas.beroepskracht, personas.team_a, **{veld: te_lang})
    assert veld in fout.value.message_dict
    assert Signaal.objects.count() == 0


S = Signaal.Status
# The shortest way from nieuw to each status, through the allowed transitions.
PAD = {
    S.NIEUW: [],
    S.IN_ONDERZOEK: [S.IN_ONDERZOEK],
    S.INITIATIEF_GESTART: [S.IN_ONDERZOEK, S.INITIATIEF_GESTART],
    S.AFGEROND: [S.IN_ONDERZOEK, S.INITIATIEF_GESTART, S.AFGEROND],
    S.NIET_OPGEPAKT: [S.NIET_OPGEPAKT],
}
TOEGESTAAN = {
    (S.NIEUW, S.IN_ONDERZOEK),
    (S.NIEUW, S.NIET_OPGEPAKT),
    (S.IN_ONDERZOEK, S.INITIATIEF_GESTART),
    (S.IN_ONDERZOEK, S.NIET_OPGEPAKT),
    (S.INITIATIEF_GESTART, S.AFGEROND),
}


def test_signaal_overgangentabel_is_zoals_bedoeld():
    paren = {(van, naar) for stappen in SIGNAAL_OVERGANGEN.values() for van, naar in stappen.items()}
    assert paren == TOEGESTAAN
    # Every status takes part in the table: none is unreachable or forgotten.
    assert {status for paar in paren for status in paar} == set(S.values)


@pytest.mark.parametrize("naar", list(S.values) + ["weggegooid"])
@pytest.mark.parametrize("van", S.values)
def test_signaal_statusstroom(personas, van, naar):
    voorziening = VoorzieningFactory()
    signaal = signaal_maken(personas.beroepskracht, personas.team_a)
    for stap in PAD[van]:
        signaal = services.signaal_status_wijzigen(
            door=personas.beroepskracht, signaal=signaal, status=stap, voorziening=voorziening
        )
    regels_voor = signaal.statusregels.count()
    if (van, naar) in TOEGESTAAN:
        signaal = services.signaal_status_wijzigen(
            door=personas.beroepskracht,
            signaal=signaal,
            status=naar,
            voorziening=voorziening,
            toelichting="ok",
        )
        signaal.refresh_from_db()
        assert signaal.status == naar
        assert signaal.statusregels.count() == regels_voor + 1
    else:
        with pytest.raises(ValidationError) as fout:
            services.signaal_status_wijzigen(
                door=personas.beroepskracht, signaal=signaal, status=naar, voorziening=voorziening
            )
        assert "kan een signaal niet naar" in " ".join(fout.value.messages)
        signaal.refresh_from_db()
        assert signaal.status == van
        assert signaal.statusregels.count() == regels_voor


def test_initiatief_gestart_vraagt_een_voorziening(personas):
    signaal = signaal_maken(personas.beroepskracht, personas.team_a)
    signaal = services.signaal_status_wijzigen(
        door=personas.beroepskracht, signaal=signaal, status=S.IN_ONDERZOEK
    )
    with pytest.raises(ValidationError) as fout:
        services.signaal_status_wijzigen(
            door=personas.beroepskracht, signaal=signaal, status=S.INITIATIEF_GESTART
        )
    assert "voorziening" in fout.value.message_dict
    signaal.refresh_from_db()
    assert signaal.status == S.IN_ONDERZOEK and signaal.voorziening is None

    voorziening = VoorzieningFactory(naam="Ontmoetingscentrum De Zonnebloem")
    signaal = services.signaal_status_wijzigen(
        door=personas.beroepskracht, signaal=signaal, status=S.INITIATIEF_GESTART, voorziening=voorziening
    )
    signaal.refresh_from_db()
    assert signaal.status == S.INITIATIEF_GESTART and signaal.voorziening == voorziening


def test_signaal_van_team_a_is_onzichtbaar_en_onaanraakbaar_voor_team_b(personas):
    signaal = signaal_maken(personas.beroepskracht, personas.team_a)
    assert list(melding_rechten.signalen_zichtbaar_voor(personas.beroepskracht)) == [signaal]
    assert list(melding_rechten.signalen_zichtbaar_voor(personas.coordinator)) == [signaal]
    for persona in (
        "beroepskracht2",
        "vrijwilliger",
        "consulent",
        "poort",
        "beleid",
        "beheerder",
        "buitenstaander",
    ):
        assert not melding_rechten.signalen_zichtbaar_voor(getattr(personas, persona)).exists(), persona
    with pytest.raises(PermissionDenied):
        services.signaal_status_wijzigen(door=personas.beroepskracht2, signaal=signaal, status=S.IN_ONDERZOEK)
    signaal.refresh_from_db()
    assert signaal.status == S.NIEUW


def test_signaal_kern_zonder_team_mag(personas):
    kern = KernFactory(code="heteren", naam="Heteren")
    signaal = signaal_maken(personas.beroepskracht, personas.team_a, kern=kern)
    assert signaal.kern == kern
