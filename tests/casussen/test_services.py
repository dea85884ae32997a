"""casussen/services/: every rule of a casus, and that bad input gives a Dutch error and saves nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from casussen import rechten as casus_rechten
from casussen import selectors, services
from casussen.models import Adviesvraag, Casus, CasusStatusRegel, Contactmoment, ZrmScore
from casussen.workflow import CasusStatus
from meldingen.workflow import MeldingStatus
from skt import rechten
from skt.models import Rol

from ..factories import LeefgebiedFactory, VoorzieningFactory, medewerker_maken
from .conftest import ALLE_KADERS, casus_maken, contacten_maken, melding_maken, startgegevens

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate


def tellingen():
    return (
        Casus.objects.count(),
        CasusStatusRegel.objects.count(),
        Adviesvraag.objects.count(),
        Contactmoment.objects.count(),
        ZrmScore.objects.count(),
    )


def fout_bij(fout: pytest.ExceptionInfo, veld: str) -> str:
    return " ".join(fout.value.message_dict[veld])


# -- starten ----------------------------------------------------------------------------------


def test_casus_starten_zonder_twijfel_loopt_meteen_en_geeft_team_en_vrijwilliger_rechten(personas, melding):
    casus = casus_maken(personas, melding)
    assert casus.status == CasusStatus.LOPEND
    assert casus.startdatum == VANDAAG() - timedelta(days=10)
    assert casus.team == personas.team_a and casus.inwoner == melding.inwoner
    assert casus.vrijwilliger_toestemming is True and casus.toestemming_vastgelegd_op is not None
    assert list(casus.statusregels.values_list("actie", "status")) == [
        ("aanmaken", "concept"),
        ("starten", "lopend"),
    ]
    assert casus_rechten.mag_casus_behandelen(personas.beroepskracht, casus)
    assert casus in casus_rechten.casussen_zichtbaar_voor(personas.vrijwilliger)
    assert melding.inwoner in rechten.inwoners_zichtbaar_voor(personas.vrijwilliger)
    assert not casus_rechten.mag_casus_behandelen(personas.vrijwilliger, casus)
    assert casus.history.count() >= 1


@pytest.mark.parametrize("kader", [k for k in ALLE_KADERS])
def test_elk_kader_moet_kloppen(personas, melding, kader):
    voor = tellingen()
    kaders = dict(ALLE_KADERS, **{kader: False})
    with pytest.raises(ValidationError) as fout:
        services.casus_starten(**startgegevens(personas, melding, kaders=kaders))
    assert "Kortdurende" in fout_bij(fout, kader)
    assert tellingen() == voor


@pytest.mark.parametrize(
    ("anders", "veld", "tekst"),
    [
        ({"doel": "  "}, "doel", "duidelijk doel"),
        ({"casushouder": "vrijwilliger"}, "casushouder", "nooit een vrijwilliger"),
        ({"casushouder": "beroepskracht2"}, "casushouder", "beroepskracht van het team"),
        ({"toets_collega": None}, "toets_collega", "collegiale toets"),
        ({"toets_collega": "beroepskracht"}, "toets_collega", "ándere collega"),
        ({"toets_collega": "consulent"}, "toets_collega", "collegiale toets"),
        ({"toets_datum": "morgen"}, "toets_datum", "in de toekomst"),
        ({"toets_datum": None}, "toets_datum", "Vul de datum"),
        ({"toets_uitkomst": ""}, "toets_uitkomst", "collegiale toets opleverde"),
        ({"vrijwilliger_toestemming": None}, "vrijwilliger", "instemt"),
        ({"vrijwilliger_toestemming": False}, "vrijwilliger", "instemt"),
        ({"twijfel": True, "adviesvraag": ""}, "adviesvraag", "twijfelt"),
        ({"startdatum": "morgen"}, "startdatum", "in de toekomst"),
        ({"startdatum": "voor_melding"}, "startdatum", "vóór"),
    ],
)
def test_foute_start_geeft_nederlandse_fout_en_bewaart_niets(personas, melding, anders, veld, tekst):
    waarden = {}
    for sleutel, waarde in anders.items():
        if waarde == "morgen":
            waarde = VANDAAG() + timedelta(days=1)
        elif waarde == "voor_melding":
            waarde = melding.aanmeldingsdatum - timedelta(days=1)
        elif isinstance(waarde, str) and sleutel in ("casushouder", "toets_collega"):
            waarde = getattr(personas, waarde)
        waarden[sleutel] = waarde
    voor = tellingen()
    with pytest.raises(ValidationError) as fout:
        services.casus_starten(**startgegevens(personas, melding, **waarden))
    assert tekst in fout_bij(fout, veld)
    assert tellingen() == voor


def test_alle_fouten_tegelijk(personas, melding):
    with pytest.raises(ValidationError) as fout:
        services.casus_starten(
            **startgegevens(
                personas,
                melding,
                doel="",
                kaders={},
                toets_collega=None,
                toets_uitkomst="",
                vrijwilliger=None,
            )
        )
    assert {"doel", "toets_collega", "toets_uitkomst", *ALLE_KADERS} <= set(fout.value.message_dict)


def test_vrijwilliger_van_een_ander_team_kan_niet(personas, melding):
    ander = medewerker_maken("vrijwilliger_b", Rol.VRIJWILLIGER, teams=[personas.team_b])
    with pytest.raises(ValidationError) as fout:
        services.casus_starten(**startgegevens(personas, melding, vrijwilliger=ander))
    assert "team" in fout_bij(fout, "vrijwilliger")


def test_inwoner_met_bezwaar_tegen_vrijwilliger_kan_starten_zonder(personas, melding):
    casus = casus_maken(personas, melding, vrijwilliger_toestemming=False, vrijwilliger=None)
    assert casus.vrijwilliger_geweigerd and casus.vrijwilliger is None
    assert casus not in casus_rechten.casussen_zichtbaar_voor(personas.vrijwilliger)


def test_alleen_het_eigen_team_start_een_casus(personas, melding):
    for wie in (personas.beroepskracht2, personas.vrijwilliger, personas.coordinator, personas.poort):
        with pytest.raises(PermissionDenied):
            services.casus_starten(**startgegevens(personas, melding, door=wie))
    assert Casus.objects.count() == 0


def test_melding_van_het_loket_of_nog_niet_getrieerd_start_geen_casus(personas):
    loket = melding_maken(personas, uitkomst="loket")
    with pytest.raises(PermissionDenied):
        services.casus_starten(**startgegevens(personas, loket))
    assert Casus.objects.count() == 0


def test_afgesloten_melding_start_geen_casus(personas, melding):
    from meldingen.services import melding_afsluiten

    melding_afsluiten(door=personas.beroepskracht, melding=melding, uitstroom="eigen_kracht")
    with pytest.raises(ValidationError) as fout:
        services.casus_starten(**startgegevens(personas, melding))
    assert "open melding" in fout.value.messages[0]
    assert Casus.objects.count() == 0


def test_een_melding_krijgt_geen_tweede_lopende_casus(personas, melding):
    casus_maken(personas, melding)
    with pytest.raises(ValidationError) as fout:
        casus_maken(personas, melding)
    assert "loopt al een casus" in fout.value.messages[0]
    assert Casus.objects.count() == 1


# -- twijfel en advies ------------------------------------------------------------------------


@pytest.fixture
def twijfelcasus(personas, melding):
    return casus_maken(personas, melding, twijfel=True, adviesvraag="Is dit niet te zwaar voor ons?")


def test_twijfel_wacht_op_advies_en_start_pas_na_advies(personas, twijfelcasus):
    casus = twijfelcasus
    assert casus.status == CasusStatus.WACHT_OP_ADVIES and casus.startdatum is None
    vraag = casus.adviesvragen.get()
    assert vraag.is_open and vraag.gevraagd_door == personas.beroepskracht
    assert vraag in casus_rechten.adviesvragen_zichtbaar_voor(personas.coordinator)
    assert not casus_rechten.adviesvragen_zichtbaar_voor(personas.beroepskracht).exists()

    with pytest.raises(ValidationError) as fout:
        services.casus_starten_na_advies(door=personas.beroepskracht, casus=casus)
    assert "advies van de coördinator" in fout.value.messages[0]
    with pytest.raises(ValidationError):
        contacten_maken(personas, casus, 1)
    with pytest.raises(ValidationError):
        services.casus_afsluiten(
            door=personas.beroepskracht, casus=casus, reden="doel_bereikt", resultaat="x"
        )
    assert Contactmoment.objects.count() == 0

    services.advies_geven(
        door=personas.coordinator,
        adviesvraag=vraag,
        past_binnen_kaders=True,
        advies="Past, wel strak op het doel.",
    )
    casus.refresh_from_db()
    assert casus.status == CasusStatus.CONCEPT
    casus = services.casus_starten_na_advies(door=personas.beroepskracht, casus=casus)
    assert casus.status == CasusStatus.LOPEND and casus.startdatum == VANDAAG()
    assert [r.actie for r in casus.statusregels.all()] == [
        "aanmaken",
        "advies_vragen",
        "advies_ontvangen",
        "starten",
    ]


def test_alleen_een_coordinator_van_het_team_adviseert(personas, twijfelcasus):
    vraag = twijfelcasus.adviesvragen.get()
    andere_coordinator = medewerker_maken("coordinator_b", Rol.COORDINATOR, teams=[personas.team_b])
    for wie in (personas.beroepskracht, andere_coordinator, personas.vrijwilliger):
        with pytest.raises(PermissionDenied):
            services.advies_geven(door=wie, adviesvraag=vraag, past_binnen_kaders=True, advies="Ja")
    vraag.refresh_from_db()
    assert vraag.is_open


def test_advies_zonder_keuze_of_tekst_en_dubbel_advies(personas, twijfelcasus):
    vraag = twijfelcasus.adviesvragen.get()
    with pytest.raises(ValidationError) as fout:
        services.advies_geven(
            door=personas.coordinator, adviesvraag=vraag, past_binnen_kaders=None, advies=" "
        )
    assert set(fout.value.message_dict) == {"past_binnen_kaders", "advies"}
    vraag.refresh_from_db()
    assert vraag.is_open
    services.advies_geven(
        door=personas.coordinator, adviesvraag=vraag, past_binnen_kaders=False, advies="Loket."
    )
    with pytest.raises(ValidationError) as fout:
        services.advies_geven(
            door=personas.coordinator, adviesvraag=vraag, past_binnen_kaders=True, advies="Toch"
        )
    assert "al advies gegeven" in fout.value.messages[0]


def test_na_negatief_advies_kan_de_casus_worden_afgesloten_zonder_start(personas, twijfelcasus):
    vraag = twijfelcasus.adviesvragen.get()
    services.advies_geven(
        door=personas.coordinator, adviesvraag=vraag, past_binnen_kaders=False, advies="Loket."
    )
    casus = services.casus_afsluiten(
        door=personas.beroepskracht,
        casus=twijfelcasus,
        reden="opgeschaald_loket",
        resultaat="Naar het loket.",
    )
    assert casus.status == CasusStatus.AFGESLOTEN and casus.startdatum is None


# -- contactmomenten --------------------------------------------------------------------------


def test_tellen_waarschuwen_en_weigeren_bij_het_maximum(personas, casus, klein_maximum):
    eerste = contacten_maken(personas, casus, 1)
    assert (eerste.aantal, eerste.maximum) == (1, 3)
    assert any("Nog twee" in w for w in eerste.waarschuwingen)  # 1 = 3 - 2
    laatste = contacten_maken(personas, casus, 2)
    assert laatste.aantal == 3
    assert any("laatste van 3" in w for w in laatste.waarschuwingen)
    with pytest.raises(ValidationError) as fout:
        contacten_maken(personas, casus, 1)
    tekst = fout.value.messages[0]
    assert fout.value.code == "maximum_bereikt"
    assert "maximum van 3" in tekst and "sluit de casus af" in tekst
    assert "0e/1e lijn" in tekst and "loket" in tekst
    assert services.tellende_contactmomenten(casus) == 3


def test_maximum_komt_uit_het_gemeenteprofiel(personas, casus, profiel):
    assert services.max_contactmomenten() == 10
    profiel.instellingen["max_contactmomenten"] = 7
    profiel.save()
    assert services.max_contactmomenten() == 7


@pytest.mark.parametrize(
    ("anders", "veld", "tekst"),
    [
        ({"datum": "voor_start"}, "datum", "vóór"),
        ({"datum": "morgen"}, "datum", "in de toekomst"),
        ({"datum": None}, "datum", "Vul de datum"),
        ({"duur_minuten": 0}, "duur_minuten", "minuten"),
        ({"duur_minuten": 601}, "duur_minuten", "minuten"),
        ({"soort": "brief"}, "soort", "soort contact"),
        ({"soort": "gezamenlijk_huisbezoek"}, "met_consulent", "consulent"),
        ({"met_beroepskracht": False}, "__all__", "wie er bij"),
    ],
)
def test_fout_contactmoment_wordt_geweigerd_en_niets_bewaard(personas, casus, anders, veld, tekst):
    if anders.get("datum") == "voor_start":
        anders["datum"] = casus.startdatum - timedelta(days=1)
    elif anders.get("datum") == "morgen":
        anders["datum"] = VANDAAG() + timedelta(days=1)
    gegevens = {"door": personas.beroepskracht, "casus": casus, "datum": VANDAAG(), "soort": "telefoon"}
    gegevens["duur_minuten"] = 30
    gegevens.update(anders)
    with pytest.raises(ValidationError) as fout:
        services.contactmoment_registreren(**gegevens)
    assert tekst in fout_bij(fout, veld)
    assert Contactmoment.objects.count() == 0


def test_eerste_huisbezoek_zonder_vrijwilliger_geeft_waarschuwing(personas, casus):
    r = contacten_maken(personas, casus, 1, soort="huisbezoek")
    assert any("eerste huisbezoek" in w for w in r.waarschuwingen)
    # Only the first one: a later home visit alone is normal.
    r = contacten_maken(personas, casus, 1, soort="huisbezoek")
    assert not any("eerste huisbezoek" in w for w in r.waarschuwingen)


def test_eerste_huisbezoek_samen_geeft_geen_waarschuwing(personas, casus):
    r = contacten_maken(personas, casus, 1, soort="huisbezoek", met_vrijwilliger=True)
    assert not any("eerste huisbezoek" in w for w in r.waarschuwingen)


def test_geen_waarschuwing_en_geen_vrijwilliger_als_de_inwoner_bezwaar_heeft(personas, melding):
    casus = casus_maken(personas, melding, vrijwilliger_toestemming=False, vrijwilliger=None)
    r = contacten_maken(personas, casus, 1, soort="huisbezoek")
    assert r.waarschuwingen == [] or not any("eerste huisbezoek" in w for w in r.waarschuwingen)
    with pytest.raises(ValidationError) as fout:
        contacten_maken(personas, casus, 1, soort="huisbezoek", met_vrijwilliger=True)
    assert "bezwaar" in fout_bij(fout, "met_vrijwilliger")
    assert Contactmoment.objects.count() == 1


def test_alleen_het_team_registreert_contactmomenten(personas, casus):
    for wie in (
        personas.vrijwilliger,
        personas.beroepskracht2,
        personas.coordinator,
        personas.buitenstaander,
    ):
        with pytest.raises(PermissionDenied):
            contacten_maken(personas, casus, 1, door=wie)
    assert Contactmoment.objects.count() == 0


def test_vinger_aan_de_pols_alleen_na_afsluiten_en_telt_niet(personas, casus, klein_maximum):
    with pytest.raises(ValidationError) as fout:
        contacten_maken(personas, casus, 1, is_vinger_aan_de_pols=True)
    assert "ná het afsluiten" in fout_bij(fout, "is_vinger_aan_de_pols")
    contacten_maken(personas, casus, 3)
    services.casus_afsluiten(
        door=personas.beroepskracht, casus=casus, reden="doel_bereikt", resultaat="Gelukt."
    )
    with pytest.raises(ValidationError) as fout:
        contacten_maken(personas, casus, 1)
    assert "vinger aan de pols" in fout.value.messages[0]
    r = contacten_maken(personas, casus, 2, is_vinger_aan_de_pols=True, datum=VANDAAG())
    assert r.contactmoment.is_vinger_aan_de_pols and r.aantal == 3
    assert services.tellende_contactmomenten(casus) == 3
    assert casus.contactmomenten.count() == 5


def test_vinger_aan_de_pols_niet_voor_de_afsluitdatum(personas, casus):
    services.casus_afsluiten(
        door=personas.beroepskracht, casus=casus, reden="doel_bereikt", resultaat="Gelukt."
    )
    with pytest.raises(ValidationError) as fout:
        contacten_maken(personas, casus, 1, is_vinger_aan_de_pols=True, datum=VANDAAG() - timedelta(days=1))
    assert "vóór" in fout_bij(fout, "datum")


def test_vertrouwelijk_zonder_verslag_is_niet_vertrouwelijk(personas, casus):
    r = contacten_maken(personas, casus, 1, verslag="", vertrouwelijk=True)
    assert r.contactmoment.vertrouwelijk is False


# -- ZRM --------------------------------------------------------------------------------------


def test_zrm_scores_en_niet_besproken(personas, casus, leefgebieden):
    fin, huis, netwerk, middelen = leefgebieden
    services.zrm_vastleggen(
        door=personas.beroepskracht,
        casus=casus,
        moment="start",
        datum=VANDAAG(),
        scores={"financien": 2, huis.pk: 3, netwerk: None, "middelengebruik": None},
    )
    # Niet besproken writes nothing: no more is collected than was discussed.
    assert dict(casus.zrm_scores.values_list("leefgebied__code", "score")) == {
        "financien": 2,
        "huisvesting": 3,
    }
    # Recording the start again replaces it (history keeps the old value).
    services.zrm_vastleggen(
        door=personas.beroepskracht, casus=casus, moment="start", datum=VANDAAG(), scores={"financien": None}
    )
    assert casus.zrm_scores.get(leefgebied=fin).score is None
    assert casus.zrm_scores.get(leefgebied=fin).history.count() == 2


@pytest.mark.parametrize("score", [0, 6, -1, "3", 2.5, True])
def test_zrm_score_buiten_1_tot_5_wordt_geweigerd(personas, casus, leefgebieden, score):
    with pytest.raises(ValidationError) as fout:
        services.zrm_vastleggen(
            door=personas.beroepskracht,
            casus=casus,
            moment="start",
            datum=VANDAAG(),
            scores={"huisvesting": 3, "financien": score},
        )
    assert "1 tot en met 5" in fout_bij(fout, "zrm_financien")
    assert ZrmScore.objects.count() == 0


def test_onbekend_of_inactief_leefgebied_wordt_geweigerd(personas, casus, leefgebieden):
    LeefgebiedFactory(code="oud", label="Oud", actief=False)
    for sleutel in ("bestaat-niet", "oud", 999999):
        with pytest.raises(ValidationError) as fout:
            services.zrm_vastleggen(
                door=personas.beroepskracht,
                casus=casus,
                moment="start",
                datum=VANDAAG(),
                scores={"financien": 3, sleutel: 2},
            )
        assert "Onbekend" in fout.value.message_dict["__all__"][0]
    assert ZrmScore.objects.count() == 0


def test_zrm_eind_pas_bij_afsluiten_en_tussenmetingen_per_datum(personas, casus, leefgebieden):
    with pytest.raises(ValidationError):
        services.zrm_vastleggen(
            door=personas.beroepskracht, casus=casus, moment="eind", datum=VANDAAG(), scores={"financien": 4}
        )
    for dagen in (5, 2):
        services.zrm_vastleggen(
            door=personas.beroepskracht,
            casus=casus,
            moment="tussen",
            datum=VANDAAG() - timedelta(days=dagen),
            scores={"financien": 5 - dagen // 2},
        )
    assert casus.zrm_scores.filter(moment="tussen").count() == 2
    with pytest.raises(ValidationError) as fout:
        services.zrm_vastleggen(
            door=personas.beroepskracht,
            casus=casus,
            moment="start",
            datum=VANDAAG() + timedelta(days=1),
            scores={"financien": 4},
        )
    assert "toekomst" in fout_bij(fout, "datum")


def test_vrijwilliger_legt_geen_zrm_vast(personas, casus, leefgebieden):
    with pytest.raises(PermissionDenied):
        services.zrm_vastleggen(
            door=personas.vrijwilliger, casus=casus, moment="start", datum=VANDAAG(), scores={"financien": 3}
        )


# -- afsluiten --------------------------------------------------------------------------------


def test_afsluiten_met_zrm_verandering_en_cijfer(personas, casus, leefgebieden):
    services.zrm_vastleggen(
        door=personas.beroepskracht,
        casus=casus,
        moment="start",
        datum=casus.startdatum,
        scores={"financien": 2, "huisvesting": 4, "sociaal-netwerk": 3},
    )
    contacten_maken(personas, casus, 2)
    casus = services.casus_afsluiten(
        door=personas.beroepskracht,
        casus=casus,
        reden="doel_bereikt",
        resultaat="Administratie loopt weer.",
        zrm_scores={"financien": 4, "huisvesting": 3, "middelengebruik": None},
        cijfer=8,
    )
    assert casus.status == CasusStatus.AFGESLOTEN and casus.afgesloten_op == VANDAAG() and casus.cijfer == 8
    verloop = {r.leefgebied.code: r for r in selectors.zrm_verloop(casus, leefgebieden)}
    assert verloop["financien"].verschil == 2
    assert verloop["huisvesting"].verschil == -1
    assert verloop["sociaal-netwerk"].verschil is None  # not discussed at the close
    assert verloop["middelengebruik"].start is None and verloop["middelengebruik"].eind is None
    melding = casus.melding
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.AFGESLOTEN and melding.uitstroom == "kortdurende_ondersteuning"


@pytest.mark.parametrize(
    ("anders", "veld", "tekst"),
    [
        ({"reden": ""}, "reden", "reden"),
        ({"reden": "geen_zin"}, "reden", "reden"),
        ({"resultaat": " "}, "resultaat", "resultaat"),
        ({"reden": "doorverwezen_0e_1e_lijn"}, "doorverwezen_naar", "sociale kaart"),
        ({"cijfer": 11}, "cijfer", "1 tot en met 10"),
        ({"cijfer": 0}, "cijfer", "1 tot en met 10"),
        ({"datum": "morgen"}, "datum", "toekomst"),
        ({"datum": "voor_laatste_contact"}, "datum", "vóór"),
        ({"zrm_scores": {"financien": 9}}, "zrm_financien", "1 tot en met 5"),
    ],
)
def test_fout_afsluiten_bewaart_niets(personas, casus, leefgebieden, anders, veld, tekst):
    contacten_maken(personas, casus, 1, datum=VANDAAG() - timedelta(days=2))
    if anders.get("datum") == "morgen":
        anders["datum"] = VANDAAG() + timedelta(days=1)
    elif anders.get("datum") == "voor_laatste_contact":
        anders["datum"] = VANDAAG() - timedelta(days=3)
    gegevens = {
        "door": personas.beroepskracht,
        "casus": casus,
        "reden": "doel_bereikt",
        "resultaat": "Klaar.",
    }
    gegevens.update(anders)
    voor = tellingen()
    with pytest.raises(ValidationError) as fout:
        services.casus_afsluiten(**gegevens)
    assert tekst in fout_bij(fout, veld)
    casus.refresh_from_db()
    assert casus.status == CasusStatus.LOPEND and casus.afgesloten_op is None and casus.afsluitreden == ""
    assert tellingen() == voor


def test_doorverwijzen_naar_een_voorziening(personas, casus):
    voorziening = VoorzieningFactory(naam="Schuldhulp Vrijwilligers Elst", soort="nulde_lijn")
    casus = services.casus_afsluiten(
        door=personas.beroepskracht,
        casus=casus,
        reden="doorverwezen_0e_1e_lijn",
        resultaat="Schuldhulpmaatje neemt het over.",
        doorverwezen_naar=voorziening,
    )
    assert casus.doorverwezen_naar == voorziening
    casus.melding.refresh_from_db()
    assert casus.melding.uitstroom == "doorverwezen_0e_1e_lijn"


def test_opschalen_geeft_het_loket_zicht_en_het_team_houdt_het(personas, casus):
    assert casus not in casus_rechten.casussen_zichtbaar_voor(personas.consulent)
    services.casus_afsluiten(
        door=personas.beroepskracht, casus=casus, reden="opgeschaald_loket", resultaat="Maatwerk nodig."
    )
    assert casus in casus_rechten.casussen_zichtbaar_voor(personas.consulent)
    assert casus.inwoner in rechten.inwoners_zichtbaar_voor(personas.consulent)
    assert not casus_rechten.mag_casus_behandelen(personas.consulent, casus)
    assert casus in casus_rechten.casussen_zichtbaar_voor(personas.beroepskracht)
    casus.melding.refresh_from_db()
    assert casus.melding.uitstroom == "maatwerk_loket"


def test_twee_keer_afsluiten_kan_niet(personas, casus):
    services.casus_afsluiten(
        door=personas.beroepskracht, casus=casus, reden="inwoner_gestopt", resultaat="Gestopt."
    )
    with pytest.raises(ValidationError) as fout:
        services.casus_afsluiten(
            door=personas.beroepskracht, casus=casus, reden="doel_bereikt", resultaat="x"
        )
    assert "al afgesloten" in fout.value.messages[0]
    casus.refresh_from_db()
    assert casus.afsluitreden == "inwoner_gestopt"


def test_na_afsluiten_kan_een_nieuwe_casus_op_dezelfde_melding_niet_want_die_is_dicht(personas, casus):
    services.casus_afsluiten(
        door=personas.beroepskracht, casus=casus, reden="doel_bereikt", resultaat="Klaar."
    )
    with pytest.raises(ValidationError):
        casus_maken(personas, casus.melding)


# -- vrijwilliger -----------------------------------------------------------------------------


def test_vrijwilliger_wisselen_verschuift_de_rechten(personas, melding):
    casus = casus_maken(personas, melding, vrijwilliger_toestemming=None, vrijwilliger=None)
    assert casus not in casus_rechten.casussen_zichtbaar_voor(personas.vrijwilliger)
    with pytest.raises(ValidationError):
        services.vrijwilliger_wijzigen(
            door=personas.beroepskracht,
            casus=casus,
            vrijwilliger_toestemming=None,
            vrijwilliger=personas.vrijwilliger,
        )
    services.vrijwilliger_wijzigen(
        door=personas.beroepskracht,
        casus=casus,
        vrijwilliger_toestemming=True,
        vrijwilliger=personas.vrijwilliger,
    )
    assert casus in casus_rechten.casussen_zichtbaar_voor(personas.vrijwilliger)
    assert casus.inwoner in rechten.inwoners_zichtbaar_voor(personas.vrijwilliger)
    # The inwoner changes their mind: the volunteer loses sight of casus and dossier.
    services.vrijwilliger_wijzigen(
        door=personas.beroepskracht, casus=casus, vrijwilliger_toestemming=False, vrijwilliger=None
    )
    assert casus not in casus_rechten.casussen_zichtbaar_voor(personas.vrijwilliger)
    assert casus.inwoner not in rechten.inwoners_zichtbaar_voor(personas.vrijwilliger)
    casus.refresh_from_db()
    assert casus.vrijwilliger_toestemming is False
