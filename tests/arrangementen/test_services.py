"""arrangementen/services/: every rule of a plan; bad input gives a Dutch error and saves nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from guardian.shortcuts import get_perms

from arrangementen import services
from arrangementen.models import (
    Arrangement,
    ArrangementStatusRegel,
    ArrangementVersie,
    Beoordeling,
    InterneNotitie,
    Notificatie,
    Onderdeel,
    Route,
)
from arrangementen.workflow import ArrangementStatus
from skt import rechten
from skt.models import Rol

from ..factories import medewerker_maken
from .conftest import (
    PLANTEKST,
    VANDAAG,
    categorie,
    concept_maken,
    ingediend_maken,
    maatwerk,
    melding_maken,
    netwerk,
    toekennen_alles,
)

pytestmark = pytest.mark.django_db


def tellingen():
    """Rows and history rows of every table a plan writes to: bad input must leave all unchanged."""
    return {
        "arrangement": (Arrangement.objects.count(), Arrangement.history.count()),
        "onderdeel": (Onderdeel.objects.count(), Onderdeel.history.count()),
        "beoordeling": (Beoordeling.objects.count(), Beoordeling.history.count()),
        "status": ArrangementStatusRegel.objects.count(),
        "versie": ArrangementVersie.objects.count(),
        "notificatie": Notificatie.objects.count(),
    }


def fout_bij(fout: pytest.ExceptionInfo, veld: str) -> str:
    return " ".join(fout.value.message_dict[veld])


def in_behandeling(personas, **kwargs):
    arrangement = ingediend_maken(personas, **kwargs)
    consulent = personas.consulent_jeugd if arrangement.wet == "jeugd" else personas.consulent
    return services.arrangement_in_behandeling_nemen(door=consulent, arrangement=arrangement)


# -- opstellen en opslaan ---------------------------------------------------------------------


def test_beroepskracht_stelt_voorwerk_op_voor_zijn_team(personas):
    arrangement = concept_maken(personas)
    assert arrangement.route == Route.VOORWERK
    assert arrangement.team == personas.team_a
    assert arrangement.status == ArrangementStatus.CONCEPT
    assert arrangement.onderdelen.count() == 2
    # The meldingsdatum comes from the melding: the Wmo onderzoek clock starts there.
    assert arrangement.meldingsdatum == arrangement.melding.aanmeldingsdatum
    assert arrangement.statusregels.get().actie == "opstellen"
    assert set(get_perms(personas.team_a.groep, arrangement)) == {"view_arrangement", "change_arrangement"}
    assert get_perms(personas.loket.groep, arrangement) == []


def test_consulent_stelt_op_via_de_reguliere_route(personas):
    arrangement = concept_maken(personas, door=personas.consulent)
    assert arrangement.route == Route.REGULIER
    assert arrangement.team == personas.loket


def test_vrijwilliger_en_buitenstaander_stellen_niets_op(personas):
    melding = melding_maken(personas)
    for wie in (personas.vrijwilliger, personas.beroepskracht2, personas.buitenstaander, personas.poort):
        with pytest.raises(PermissionDenied):
            services.arrangement_opstellen(door=wie, wet="wmo", melding=melding, gegevens=PLANTEKST)
    assert Arrangement.objects.count() == 0


def test_concept_vaak_opslaan_en_onderdelen_wijzigen(personas, algemene_voorziening):
    arrangement = concept_maken(personas)
    maatwerk_onderdeel, netwerk_onderdeel = arrangement.onderdelen.order_by("volgorde")
    for i in range(3):
        arrangement = services.arrangement_opslaan(
            door=personas.beroepskracht,
            arrangement=arrangement,
            gegevens={"doel": f"Doel versie {i}"},
            onderdelen=[
                {**maatwerk(omvang=f"{i + 2} uur"), "uuid": maatwerk_onderdeel.uuid},
                {"uuid": netwerk_onderdeel.uuid, "verwijderen": True},
                {"soort": "algemene_voorziening", "voorziening": algemene_voorziening},
            ][: 3 if i == 0 else 1],
        )
    arrangement.refresh_from_db()
    assert arrangement.doel == "Doel versie 2"
    assert arrangement.status == ArrangementStatus.CONCEPT
    soorten = sorted(arrangement.onderdelen.values_list("soort", flat=True))
    assert soorten == ["algemene_voorziening", "maatwerkvoorziening"]
    assert arrangement.onderdelen.get(soort="maatwerkvoorziening").omvang == "4 uur"


def test_negatieve_kosten_geweigerd_niets_opgeslagen(personas):
    arrangement = concept_maken(personas)
    voor = tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_opslaan(
            door=personas.beroepskracht,
            arrangement=arrangement,
            gegevens={"doel": "Ander doel"},
            onderdelen=[maatwerk(kosten="-10")],
        )
    assert "negatief" in fout_bij(fout, "onderdelen.0.indicatieve_kosten")
    assert tellingen() == voor
    arrangement.refresh_from_db()
    assert arrangement.doel == PLANTEKST["doel"]


def test_negatieve_kosten_bij_opstellen_geweigerd(personas):
    melding = melding_maken(personas)
    voor = tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_opstellen(
            door=personas.beroepskracht,
            wet="wmo",
            melding=melding,
            gegevens=PLANTEKST,
            onderdelen=[netwerk(), maatwerk(kosten=Decimal("-0.01"))],
        )
    assert "negatief" in fout_bij(fout, "onderdelen.1.indicatieve_kosten")
    assert tellingen() == voor


def test_categorie_van_de_andere_wet_en_ontbrekende_gegevens(personas):
    melding = melding_maken(personas)
    with pytest.raises(ValidationError) as fout:
        services.arrangement_opstellen(
            door=personas.beroepskracht,
            wet="wmo",
            melding=melding,
            gegevens=PLANTEKST,
            onderdelen=[
                maatwerk("jeugd", "45"),
                {"soort": "algemene_voorziening"},
                {"soort": "eigen_kracht"},
            ],
        )
    assert "Jeugdwet" in fout_bij(fout, "onderdelen.0.categorie")
    assert "sociale kaart" in fout_bij(fout, "onderdelen.1.voorziening")
    assert "Beschrijf" in fout_bij(fout, "onderdelen.2.omschrijving")
    assert Arrangement.objects.count() == 0


def test_datums_niet_in_de_toekomst_en_aanvraag_niet_voor_melding(personas):
    melding = melding_maken(personas)
    with pytest.raises(ValidationError) as fout:
        services.arrangement_opstellen(
            door=personas.beroepskracht,
            wet="wmo",
            melding=melding,
            gegevens={
                **PLANTEKST,
                "meldingsdatum": VANDAAG() - timedelta(days=5),
                "aanvraagdatum": VANDAAG() - timedelta(days=10),
                "keukentafelgesprek_op": VANDAAG() + timedelta(days=1),
            },
        )
    assert "vóór de melding" in fout_bij(fout, "aanvraagdatum")
    assert "toekomst" in fout_bij(fout, "keukentafelgesprek_op")


def test_tekst_te_lang_geweigerd(personas):
    arrangement = concept_maken(personas)
    with pytest.raises(ValidationError) as fout:
        services.arrangement_opslaan(
            door=personas.beroepskracht, arrangement=arrangement, gegevens={"doel": "x" * 2001}
        )
    assert "2000" in fout_bij(fout, "doel")


def test_onderdeel_van_een_ander_arrangement_geweigerd(personas):
    a = concept_maken(personas)
    b = concept_maken(personas)
    vreemd = b.onderdelen.first()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_opslaan(
            door=personas.beroepskracht,
            arrangement=a,
            gegevens={},
            onderdelen=[{**maatwerk(), "uuid": vreemd.uuid}],
        )
    assert "hoort niet" in fout_bij(fout, "onderdelen.0")
    assert vreemd.arrangement_id == b.pk


# -- indienen ---------------------------------------------------------------------------------


def test_indienen_maakt_versie_en_geeft_het_loket_inzage(personas):
    arrangement = concept_maken(personas)
    arrangement = services.arrangement_indienen(door=personas.beroepskracht, arrangement=arrangement)
    assert arrangement.status == ArrangementStatus.INGEDIEND
    assert arrangement.aanvraagdatum == VANDAAG()
    assert arrangement.beslistermijn_einde == VANDAAG() + timedelta(weeks=2)
    assert arrangement.onderzoekstermijn_einde == arrangement.meldingsdatum + timedelta(weeks=6)
    versie = arrangement.versies.get()
    assert versie.nummer == 1
    assert versie.inhoud["doel"] == PLANTEKST["doel"]
    assert {o["soort"] for o in versie.inhoud["onderdelen"]} == {"maatwerkvoorziening", "netwerk"}
    assert set(get_perms(personas.loket.groep, arrangement)) == {"view_arrangement", "beoordelen_arrangement"}
    # The loket opens the inwoner's dossier; the drafter's team keeps view.
    assert rechten.inwoners_zichtbaar_voor(personas.consulent).filter(pk=arrangement.inwoner_id).exists()
    assert "view_arrangement" in get_perms(personas.team_a.groep, arrangement)


def test_onvolledig_plan_wordt_niet_ingediend(personas):
    arrangement = concept_maken(personas, doel="", wensen_inwoner="", onderdelen=[netwerk()])
    voor = tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_indienen(door=personas.beroepskracht, arrangement=arrangement)
    assert "doel" in fout.value.message_dict
    assert "wensen_inwoner" in fout.value.message_dict
    assert "maatwerkvoorziening" in fout_bij(fout, "onderdelen")
    assert tellingen() == voor
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.CONCEPT


def test_ingediend_plan_is_niet_meer_te_wijzigen(personas, ingediend):
    with pytest.raises(ValidationError) as fout:
        services.arrangement_opslaan(
            door=personas.beroepskracht, arrangement=ingediend, gegevens={"doel": "x"}
        )
    assert "niet meer worden gewijzigd" in " ".join(fout.value.messages)
    with pytest.raises(ValidationError):
        services.arrangement_indienen(door=personas.beroepskracht, arrangement=ingediend)


def test_ander_team_kan_niet_indienen(personas, concept):
    with pytest.raises(PermissionDenied):
        services.arrangement_indienen(door=personas.beroepskracht2, arrangement=concept)
    with pytest.raises(PermissionDenied):
        services.arrangement_indienen(door=personas.vrijwilliger, arrangement=concept)


# -- beslissen --------------------------------------------------------------------------------


def test_alles_toekennen_geeft_goedgekeurd_en_berichten_aan_het_team(personas):
    medewerker_maken("collega", Rol.BEROEPSKRACHT, teams=[personas.team_a])
    arrangement = in_behandeling(personas)
    arrangement = services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=arrangement,
        beslissingen=toekennen_alles(arrangement, nummer="WMO-77"),
    )
    assert arrangement.status == ArrangementStatus.GOEDGEKEURD
    assert arrangement.besloten_binnen_termijn is True
    maatwerk_besluit = Beoordeling.objects.get(onderdeel__soort="maatwerkvoorziening")
    assert (maatwerk_besluit.beschikkingsnummer, maatwerk_besluit.beschikkingsdatum) == ("WMO-77", VANDAAG())
    ontvangers = set(
        Notificatie.objects.filter(arrangement=arrangement).values_list("medewerker__username", flat=True)
    )
    # The drafter and the team's beroepskrachten; never the volunteer, another team or the loket.
    assert ontvangers == {"beroepskracht", "collega"}
    assert "WMO-77" in Notificatie.objects.filter(medewerker=personas.beroepskracht).first().tekst


def test_gedeeltelijk_goedgekeurd(personas):
    arrangement = in_behandeling(personas)
    maatwerk_o, netwerk_o = arrangement.onderdelen.order_by("volgorde")
    arrangement = services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=arrangement,
        beslissingen=[
            services.Beslissing(
                onderdeel=str(maatwerk_o.uuid), toegekend=False, reden="Eerst de algemene voorziening."
            ),
            services.Beslissing(onderdeel=str(netwerk_o.uuid), toegekend=True),
        ],
    )
    assert arrangement.status == ArrangementStatus.GEDEELTELIJK_GOEDGEKEURD


def test_niet_toekennen_zonder_reden_geweigerd_niets_opgeslagen(personas):
    arrangement = in_behandeling(personas)
    beslissingen = toekennen_alles(arrangement)
    beslissingen[0] = services.Beslissing(onderdeel=beslissingen[0].onderdeel, toegekend=False, reden="  ")
    voor = tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent, arrangement=arrangement, beslissingen=beslissingen
        )
    assert "reden" in fout_bij(fout, "onderdelen.0.reden")
    assert tellingen() == voor
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.IN_BEHANDELING


def test_beschikkingsdatum_voor_aanvraag_geweigerd(personas):
    arrangement = in_behandeling(personas, aanvraagdatum=VANDAAG() - timedelta(days=3))
    voor = tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent,
            arrangement=arrangement,
            beslissingen=toekennen_alles(arrangement, datum=VANDAAG() - timedelta(days=4)),
        )
    assert "vóór de aanvraag" in fout_bij(fout, "onderdelen.0.beschikkingsdatum")
    assert tellingen() == voor


def test_toegekend_maatwerk_vraagt_beschikkingsnummer_en_datum(personas):
    arrangement = in_behandeling(personas)
    beslissingen = [
        services.Beslissing(onderdeel=str(o.uuid), toegekend=True)
        for o in arrangement.onderdelen.order_by("volgorde")
    ]
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent, arrangement=arrangement, beslissingen=beslissingen
        )
    assert "nummer van de beschikking" in fout_bij(fout, "onderdelen.0.beschikkingsnummer")
    assert "datum van de beschikking" in fout_bij(fout, "onderdelen.0.beschikkingsdatum")
    # Non-maatwerk parts need no beschikking.
    assert "onderdelen.1.beschikkingsnummer" not in fout.value.message_dict


def test_elk_onderdeel_vraagt_een_besluit(personas):
    arrangement = in_behandeling(personas)
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent, arrangement=arrangement, beslissingen=toekennen_alles(arrangement)[:1]
        )
    assert "Beslis over dit onderdeel" in fout_bij(fout, "onderdelen.1.toegekend")


def test_terugsturen_vraagt_toelichting_en_geeft_bericht(personas):
    arrangement = in_behandeling(personas)
    voor = tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_terugsturen(door=personas.consulent, arrangement=arrangement, toelichting=" ")
    assert "ontbreekt" in fout_bij(fout, "toelichting")
    assert tellingen() == voor
    arrangement = services.arrangement_terugsturen(
        door=personas.consulent, arrangement=arrangement, toelichting="Graag de omvang onderbouwen."
    )
    assert arrangement.status == ArrangementStatus.TERUGGESTUURD
    assert Notificatie.objects.filter(medewerker=personas.beroepskracht, arrangement=arrangement).exists()


def test_teruggestuurd_plan_komt_terug_als_nieuwe_versie(personas):
    arrangement = in_behandeling(personas)
    services.arrangement_terugsturen(
        door=personas.consulent, arrangement=arrangement, toelichting="Aanvullen."
    )
    services.arrangement_opslaan(
        door=personas.beroepskracht, arrangement=arrangement, gegevens={"doel": "Aangevuld doel"}
    )
    arrangement = services.arrangement_indienen(door=personas.beroepskracht, arrangement=arrangement)
    assert (arrangement.status, arrangement.versie) == (ArrangementStatus.INGEDIEND, 2)
    eerste, tweede = arrangement.versies.order_by("nummer")
    assert eerste.inhoud["doel"] == PLANTEKST["doel"]
    assert tweede.inhoud["doel"] == "Aangevuld doel"
    # The consulent who returned it hears that it is back.
    assert Notificatie.objects.filter(medewerker=personas.consulent, arrangement=arrangement).exists()
    # A submitted version stays as it was.
    with pytest.raises(ValidationError):
        eerste.save()


def test_afwijzen_vraagt_reden_en_legt_elk_onderdeel_vast(personas):
    arrangement = in_behandeling(personas)
    voor = tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_afwijzen(door=personas.consulent, arrangement=arrangement, reden="")
    assert "reden" in fout_bij(fout, "reden")
    assert tellingen() == voor
    arrangement = services.arrangement_afwijzen(
        door=personas.consulent, arrangement=arrangement, reden="Voorliggende voorziening volstaat."
    )
    assert arrangement.status == ArrangementStatus.AFGEWEZEN
    assert set(Beoordeling.objects.values_list("toegekend", flat=True)) == {False}


def test_goedgekeurd_plan_is_vergrendeld(personas):
    arrangement = in_behandeling(personas)
    services.arrangement_beslissen(
        door=personas.consulent, arrangement=arrangement, beslissingen=toekennen_alles(arrangement)
    )
    with pytest.raises(ValidationError):
        services.arrangement_opslaan(
            door=personas.beroepskracht, arrangement=arrangement, gegevens={"doel": "x"}
        )
    with pytest.raises(ValidationError) as fout:
        services.arrangement_terugsturen(
            door=personas.consulent, arrangement=arrangement, toelichting="Toch niet."
        )
    assert "al over dit arrangement beslist" in " ".join(fout.value.messages)


def test_in_behandeling_bij_collega(personas):
    collega = medewerker_maken("consulent2", Rol.CONSULENT_WMO, teams=[personas.loket])
    arrangement = in_behandeling(personas)
    with pytest.raises(ValidationError) as fout:
        services.arrangement_in_behandeling_nemen(door=collega, arrangement=arrangement)
    assert "al in behandeling genomen" in " ".join(fout.value.messages)
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=collega, arrangement=arrangement, beslissingen=toekennen_alles(arrangement)
        )
    assert "in behandeling bij" in " ".join(fout.value.messages)
    services.arrangement_behandeling_teruggeven(door=personas.consulent, arrangement=arrangement)
    arrangement = services.arrangement_in_behandeling_nemen(door=collega, arrangement=arrangement)
    assert arrangement.behandelaar == collega


def test_interne_notitie_alleen_door_consulent(personas, ingediend):
    notitie = services.interne_notitie_toevoegen(
        door=personas.consulent, arrangement=ingediend, tekst="Bellen met de zorgaanbieder."
    )
    assert notitie.pk
    with pytest.raises(PermissionDenied):
        services.interne_notitie_toevoegen(door=personas.beroepskracht, arrangement=ingediend, tekst="x")
    with pytest.raises(ValidationError):
        services.interne_notitie_toevoegen(door=personas.consulent, arrangement=ingediend, tekst=" ")
    assert InterneNotitie.objects.count() == 1


def test_notificatie_lezen(personas):
    arrangement = in_behandeling(personas)
    services.arrangement_terugsturen(
        door=personas.consulent, arrangement=arrangement, toelichting="Aanvullen."
    )
    bericht = Notificatie.objects.get(medewerker=personas.beroepskracht)
    with pytest.raises(PermissionDenied):
        services.notificatie_lezen(door=personas.beroepskracht2, notificatie=bericht)
    services.notificatie_lezen(door=personas.beroepskracht, notificatie=bericht)
    bericht.refresh_from_db()
    assert bericht.is_gelezen
    assert services.notificaties_alle_lezen(door=personas.beroepskracht) == 0


def test_categorie_gegevens_geladen(db):
    assert categorie("wmo", "01").label == "Hulp bij het huishouden"
    assert categorie("jeugd", "45").label == "Jeugdhulp ambulant"
    from arrangementen.models import MaatwerkCategorie

    assert MaatwerkCategorie.objects.filter(wet="wmo").count() == 18


def test_na_eerste_indienen_liggen_wet_en_data_vast(personas):
    arrangement = in_behandeling(personas)
    services.arrangement_terugsturen(
        door=personas.consulent, arrangement=arrangement, toelichting="Aanvullen."
    )
    with pytest.raises(ValidationError) as fout:
        services.arrangement_opslaan(
            door=personas.beroepskracht,
            arrangement=arrangement,
            gegevens={"wet": "jeugd", "aanvraagdatum": VANDAAG() - timedelta(days=1)},
        )
    assert set(fout.value.message_dict) == {"wet", "aanvraagdatum"}
    arrangement.refresh_from_db()
    assert (arrangement.wet, arrangement.aanvraagdatum) == ("wmo", VANDAAG())
