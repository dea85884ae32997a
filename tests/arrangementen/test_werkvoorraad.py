"""The loket's werkvoorraad: every hand-off becomes an item, one consulent takes it, it ends in one of
three ways, and whoever handed over hears what became of it (the ISam gap)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from arrangementen import services
from arrangementen.models import Aanvraag, AanvraagStatusRegel, Arrangement, Notificatie
from arrangementen.workflow import AANVRAAG_WERKSTROOM, AanvraagStatus
from casussen import services as casus_services
from meldingen.services import melding_registreren
from meldingen.workflow import MeldingStatus
from poort.services import melding_doorschakelen, melding_trieren
from skt.models import Toegang

from ..factories import InwonerFactory
from ..workflowtabel import overgang_controleren, tabel_controleren
from .conftest import casus_maken, melding_maken

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate
S = AanvraagStatus


def _poortmelding(personas, *, jeugd: bool = False, kern=None, dagen: int = 3):
    inwoner = InwonerFactory(kern=kern or personas.team_a.kernen.first(), jeugd=jeugd)
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=VANDAAG() - timedelta(days=dagen),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Meneer kan na zijn beroerte niet meer zelf douchen.",
    )
    return melding


def _naar_loket(personas, *, jeugd: bool = False, uitkomst: str = "loket") -> Aanvraag:
    melding = _poortmelding(personas, jeugd=jeugd)
    melding_trieren(door=personas.poort, melding=melding, uitkomst=uitkomst, reden="Maatwerk is nodig.")
    return Aanvraag.objects.get(melding=melding)


def _opgeschaald(personas) -> Aanvraag:
    melding = _poortmelding(personas, dagen=40)
    melding_trieren(door=personas.poort, melding=melding, uitkomst="kernteam", reden="Kernteam past.")
    casus = casus_maken(personas, melding=melding)
    for dag in range(3):
        casus_services.contactmoment_registreren(
            door=personas.beroepskracht,
            casus=casus,
            datum=VANDAAG() - timedelta(days=20 - dag),
            soort="huisbezoek",
            duur_minuten=45,
            verslag=f"Bezoek {dag + 1}: het lukt niet zonder hulp.",
        )
    casus_services.casus_afsluiten(
        door=personas.beroepskracht,
        casus=casus,
        reden="opgeschaald_loket",
        resultaat="Structurele begeleiding nodig; dat kan het kernteam niet bieden.",
        datum=VANDAAG(),
    )
    return Aanvraag.objects.get(casus=casus)


# -- every hand-off becomes an item ----------------------------------------------------------


def test_triage_naar_het_loket_maakt_een_aanvraag_met_de_wettelijke_klok(personas):
    aanvraag = _naar_loket(personas)
    start = timezone.localdate(aanvraag.overgedragen_op)
    assert (aanvraag.wet, aanvraag.bron, aanvraag.status) == ("wmo", "triage_loket", S.OPEN)
    assert aanvraag.overgedragen_door == personas.poort and aanvraag.overgedragen_team is None
    assert aanvraag.onderzoek_einde == start + timedelta(weeks=6)
    assert aanvraag.besluit_einde == start + timedelta(weeks=8)
    assert aanvraag.persoonlijk_plan_einde == start + timedelta(days=7)
    assert aanvraag.reden == "Maatwerk is nodig."
    assert list(aanvraag.statusregels.values_list("actie", flat=True)) == ["overdragen"]


def test_een_jeugdvraag_gaat_naar_de_consulenten_jeugd_met_acht_weken(personas):
    aanvraag = _naar_loket(personas, jeugd=True)
    start = timezone.localdate(aanvraag.overgedragen_op)
    assert aanvraag.wet == "jeugd"
    assert (aanvraag.onderzoek_einde, aanvraag.persoonlijk_plan_einde) == (None, None)
    assert aanvraag.besluit_einde == start + timedelta(weeks=8)


def test_kernteam_met_consulent_maakt_ook_een_aanvraag(personas):
    melding = melding_maken(personas)  # triaged kernteam_consulent by the poort
    assert Aanvraag.objects.get(melding=melding).bron == "triage_kernteam_consulent"


def test_triage_naar_het_kernteam_maakt_geen_aanvraag(personas):
    melding = _poortmelding(personas)
    melding_trieren(door=personas.poort, melding=melding, uitkomst="kernteam", reden="Eenzaamheid.")
    assert not Aanvraag.objects.exists()


def test_veilig_thuis_wordt_een_aanvraag_van_alleen_het_loket(personas):
    aanvraag = _naar_loket(personas, uitkomst="veilig_thuis")
    assert aanvraag.veilig_thuis and aanvraag.bron == "veilig_thuis"


def test_doorschakelen_naar_het_loket_maakt_een_aanvraag_van_het_team(personas):
    melding = _poortmelding(personas)
    melding_trieren(door=personas.poort, melding=melding, uitkomst="kernteam", reden="Eerst het kernteam.")
    melding_doorschakelen(
        door=personas.beroepskracht, melding=melding, uitkomst="loket", reden="Toch maatwerk nodig."
    )
    aanvraag = Aanvraag.objects.get(melding=melding)
    assert aanvraag.bron == "doorschakeling"
    assert (aanvraag.overgedragen_door, aanvraag.overgedragen_team) == (
        personas.beroepskracht,
        personas.team_a,
    )


def test_opschaling_van_een_casus_komt_in_de_werkvoorraad(personas):
    aanvraag = _opgeschaald(personas)
    assert aanvraag.bron == "opschaling" and aanvraag.overgedragen_team == personas.team_a
    assert aanvraag.reden.startswith("Structurele begeleiding nodig")


def test_een_melding_heeft_hoogstens_een_open_aanvraag(personas):
    aanvraag = _naar_loket(personas)
    tweede = services.aanvraag_aanmaken(
        bron="doorschakeling", door=personas.poort, reden="Nog een reden.", melding=aanvraag.melding
    )
    assert tweede.pk == aanvraag.pk
    assert Aanvraag.objects.count() == 1
    assert tweede.reden.endswith("Nog een reden.")


# -- the consulent takes it and ends it ------------------------------------------------------


def test_in_behandeling_nemen_bericht_wie_overdroeg_en_het_team(personas):
    aanvraag = _opgeschaald(personas)
    services.aanvraag_in_behandeling_nemen(door=personas.consulent, aanvraag=aanvraag)
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.behandelaar) == (S.IN_BEHANDELING, personas.consulent)
    ontvangers = set(
        Notificatie.objects.filter(aanvraag=aanvraag).values_list("medewerker__username", flat=True)
    )
    assert ontvangers == {"beroepskracht"}  # the casushouder, and the beroepskrachten of team A
    bericht = Notificatie.objects.get(aanvraag=aanvraag)
    assert "in behandeling genomen" in bericht.tekst and bericht.link.endswith(
        f"/werkvoorraad/{aanvraag.uuid}/"
    )


def test_een_tweede_consulent_hoort_wie_de_aanvraag_heeft(personas):
    from ..factories import medewerker_maken

    collega = medewerker_maken("consulent3", "consulent_wmo", teams=[personas.loket])
    aanvraag = _naar_loket(personas)
    services.aanvraag_in_behandeling_nemen(door=personas.consulent, aanvraag=aanvraag)
    with pytest.raises(ValidationError) as fout:
        services.aanvraag_in_behandeling_nemen(door=collega, aanvraag=aanvraag)
    assert str(personas.consulent) in fout.value.messages[0]
    with pytest.raises(ValidationError):
        services.aanvraag_afhandelen(
            door=collega, aanvraag=aanvraag, uitkomst="doorverwijzen", doorverwezen_naar="X"
        )
    aanvraag.refresh_from_db()
    assert aanvraag.behandelaar == personas.consulent and aanvraag.status == S.IN_BEHANDELING


def test_de_consulent_van_de_andere_wet_mag_niets(personas):
    aanvraag = _naar_loket(personas)
    for actie in (
        lambda: services.aanvraag_in_behandeling_nemen(door=personas.consulent_jeugd, aanvraag=aanvraag),
        lambda: services.aanvraag_afhandelen(
            door=personas.consulent_jeugd, aanvraag=aanvraag, uitkomst="geen_maatwerk", toelichting="Nee."
        ),
    ):
        with pytest.raises(PermissionDenied):
            actie()
    assert Aanvraag.objects.get().status == S.OPEN


def test_maatwerk_aanvragen_maakt_een_plan_op_de_reguliere_route(personas):
    aanvraag = _opgeschaald(personas)
    services.aanvraag_in_behandeling_nemen(door=personas.consulent, aanvraag=aanvraag)
    aanvraag = services.aanvraag_afhandelen(
        door=personas.consulent, aanvraag=aanvraag, uitkomst="maatwerk_aanvragen"
    )
    plan = aanvraag.arrangement
    assert (plan.route, plan.wet, plan.opgesteld_door, plan.casus) == (
        "regulier",
        "wmo",
        personas.consulent,
        aanvraag.casus,
    )
    assert plan.meldingsdatum == timezone.localdate(aanvraag.overgedragen_op)
    assert aanvraag.status == S.MAATWERK_AANGEVRAAGD and aanvraag.afgehandeld_door == personas.consulent
    assert "stelt een plan op" in Notificatie.objects.filter(aanvraag=aanvraag).latest("pk").tekst


def test_geen_maatwerk_gaat_met_reden_terug_naar_het_kernteam(personas):
    aanvraag = _naar_loket(personas)
    services.aanvraag_afhandelen(
        door=personas.consulent,
        aanvraag=aanvraag,
        uitkomst="geen_maatwerk",
        toelichting="Een algemene voorziening past: de Boodschappenplusbus.",
    )
    aanvraag.refresh_from_db()
    melding = aanvraag.melding
    melding.refresh_from_db()
    assert aanvraag.status == S.GEEN_MAATWERK
    # The question, not the inwoner, goes back: the melding now lies with the kernteam of the kern.
    assert melding.team == personas.team_a and melding.status == MeldingStatus.GETRIEERD
    # The poort handed it over: it hears the outcome, not the reason (that is the kernteam's to read).
    bericht = Notificatie.objects.filter(aanvraag=aanvraag).latest("pk")
    assert bericht.medewerker == personas.poort
    assert "geen maatwerk nodig" in bericht.tekst and "Boodschappenplusbus" not in bericht.tekst


@pytest.mark.parametrize(
    ("uitkomst", "velden", "veld"),
    [
        ("geen_maatwerk", {"toelichting": "   "}, "toelichting"),
        ("doorverwijzen", {"doorverwezen_naar": ""}, "doorverwezen_naar"),
        ("onzin", {}, "uitkomst"),
        ("geen_maatwerk", {"toelichting": "x" * 4001}, "toelichting"),
    ],
)
def test_slechte_afhandeling_geeft_een_fout_bij_het_veld_en_verandert_niets(personas, uitkomst, velden, veld):
    aanvraag = _naar_loket(personas)
    regels = AanvraagStatusRegel.objects.count()
    with pytest.raises(ValidationError) as fout:
        services.aanvraag_afhandelen(door=personas.consulent, aanvraag=aanvraag, uitkomst=uitkomst, **velden)
    assert veld in fout.value.message_dict
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.OPEN and aanvraag.afgehandeld_op is None
    assert AanvraagStatusRegel.objects.count() == regels
    assert not Notificatie.objects.filter(aanvraag=aanvraag).exists()


def test_veilig_thuis_gaat_niet_terug_en_niemand_buiten_het_loket_hoort_ervan(personas):
    aanvraag = _naar_loket(personas, uitkomst="veilig_thuis")
    with pytest.raises(ValidationError):
        services.aanvraag_afhandelen(
            door=personas.consulent, aanvraag=aanvraag, uitkomst="geen_maatwerk", toelichting="Geen zorg."
        )
    services.aanvraag_in_behandeling_nemen(door=personas.consulent, aanvraag=aanvraag)
    assert not Notificatie.objects.filter(aanvraag=aanvraag).exists()


def test_een_afgehandelde_aanvraag_kan_niet_nog_eens(personas):
    aanvraag = _naar_loket(personas)
    services.aanvraag_afhandelen(
        door=personas.consulent, aanvraag=aanvraag, uitkomst="doorverwijzen", doorverwezen_naar="Schuldhulp"
    )
    with pytest.raises(ValidationError) as fout:
        services.aanvraag_afhandelen(
            door=personas.consulent, aanvraag=aanvraag, uitkomst="maatwerk_aanvragen"
        )
    assert "al afgehandeld" in fout.value.messages[0]
    assert not Arrangement.objects.exists()


# -- the transition table, written out -------------------------------------------------------

VERWACHT = {
    ("in_behandeling_nemen", S.OPEN): S.IN_BEHANDELING,
    ("behandeling_teruggeven", S.IN_BEHANDELING): S.OPEN,
    ("maatwerk_aanvragen", S.OPEN): S.MAATWERK_AANGEVRAAGD,
    ("maatwerk_aanvragen", S.IN_BEHANDELING): S.MAATWERK_AANGEVRAAGD,
    ("geen_maatwerk", S.OPEN): S.GEEN_MAATWERK,
    ("geen_maatwerk", S.IN_BEHANDELING): S.GEEN_MAATWERK,
    ("doorverwijzen", S.OPEN): S.DOORVERWEZEN,
    ("doorverwijzen", S.IN_BEHANDELING): S.DOORVERWEZEN,
}
ACTIES = [
    "in_behandeling_nemen",
    "behandeling_teruggeven",
    "maatwerk_aanvragen",
    "geen_maatwerk",
    "doorverwijzen",
]


def test_de_overgangstabel_is_de_uitgeschreven_tabel():
    tabel_controleren(AANVRAAG_WERKSTROOM, VERWACHT, ACTIES)


@pytest.mark.parametrize("van", list(S))
@pytest.mark.parametrize("actie", ACTIES)
def test_elke_actie_in_elke_status(actie, van):
    overgang_controleren(AANVRAAG_WERKSTROOM, actie, van, VERWACHT, woorden=("aanvraag",))


# -- over HTTP: the pages, who may what ------------------------------------------------------


def test_de_consulent_ziet_de_werkvoorraad_en_het_is_gelogd(personas, als):
    aanvraag = _opgeschaald(personas)
    response = als(personas.consulent).get("/werkvoorraad/")
    assert response.status_code == 200
    assert aanvraag.inwoner.naam in response.content.decode()
    regel = Toegang.objects.filter(object_soort="werkvoorraad").latest("pk")
    assert list(regel.getoonde_inwoners.values_list("inwoner_id", flat=True)) == [aanvraag.inwoner_id]


def test_de_consulent_leest_de_context_en_neemt_in_behandeling_via_de_pagina(personas, als):
    aanvraag = _opgeschaald(personas)
    client = als(personas.consulent)
    inhoud = client.get(f"/werkvoorraad/{aanvraag.uuid}/").content.decode()
    assert "Structurele begeleiding nodig" in inhoud and "Bezoek 3: het lukt niet zonder hulp." in inhoud
    assert "Contactmomenten (3)" in inhoud
    response = client.post(f"/werkvoorraad/{aanvraag.uuid}/in-behandeling/")
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.behandelaar == personas.consulent


def test_afhandelen_via_de_pagina_met_een_lege_reden_geeft_de_fout_bij_het_veld(personas, als):
    aanvraag = _naar_loket(personas)
    response = als(personas.consulent).post(
        f"/werkvoorraad/{aanvraag.uuid}/afhandelen/", {"uitkomst": "geen_maatwerk", "toelichting": ""}
    )
    assert response.status_code == 200
    assert "Schrijf waarom er geen maatwerk nodig is" in response.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.OPEN


def test_het_kernteam_ziet_de_uitkomst_maar_niet_de_werkvoorraad(personas, als):
    aanvraag = _opgeschaald(personas)
    services.aanvraag_afhandelen(
        door=personas.consulent, aanvraag=aanvraag, uitkomst="geen_maatwerk", toelichting="Netwerk volstaat."
    )
    client = als(personas.beroepskracht)
    inhoud = client.get(f"/werkvoorraad/{aanvraag.uuid}/").content.decode()
    assert "Geen maatwerk nodig" in inhoud and "Netwerk volstaat." in inhoud
    assert "Afhandelen" not in inhoud and "In behandeling nemen" not in inhoud
    assert client.get("/werkvoorraad/").status_code == 403
    assert client.post(f"/werkvoorraad/{aanvraag.uuid}/in-behandeling/").status_code == 403


@pytest.mark.parametrize("rol", ["beroepskracht2", "vrijwilliger", "beleid", "beheerder", "buitenstaander"])
def test_wie_er_niet_bij_hoort_krijgt_niets_en_verandert_niets(personas, als, rol):
    aanvraag = _opgeschaald(personas)
    client = als(getattr(personas, rol))
    assert client.get(f"/werkvoorraad/{aanvraag.uuid}/").status_code == 404
    assert client.get("/werkvoorraad/").status_code == 403
    for pad in ("in-behandeling/", "afhandelen/"):
        assert client.post(
            f"/werkvoorraad/{aanvraag.uuid}/{pad}", {"uitkomst": "doorverwijzen", "doorverwezen_naar": "X"}
        ).status_code in (403, 404)
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.OPEN and aanvraag.behandelaar is None
    assert Toegang.objects.filter(medewerker=getattr(personas, rol), resultaat="geweigerd").exists()


def test_consulent_jeugd_ziet_een_wmo_aanvraag_niet_en_kan_er_niet_op_posten(personas, als):
    aanvraag = _naar_loket(personas)
    client = als(personas.consulent_jeugd)
    assert aanvraag.inwoner.naam not in client.get("/werkvoorraad/").content.decode()
    assert client.get(f"/werkvoorraad/{aanvraag.uuid}/").status_code == 404
    assert client.post(f"/werkvoorraad/{aanvraag.uuid}/in-behandeling/").status_code == 404
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.OPEN


def test_veilig_thuis_blijft_buiten_het_kernteam_en_de_coordinator(personas, als):
    aanvraag = _naar_loket(personas, uitkomst="veilig_thuis")
    assert als(personas.consulent).get(f"/werkvoorraad/{aanvraag.uuid}/").status_code == 200
    for rol in ("coordinator", "beroepskracht", "poort"):
        assert als(getattr(personas, rol)).get(f"/werkvoorraad/{aanvraag.uuid}/").status_code == 404, rol


def test_een_get_op_een_actie_verandert_niets(personas, als):
    aanvraag = _naar_loket(personas)
    assert als(personas.consulent).get(f"/werkvoorraad/{aanvraag.uuid}/in-behandeling/").status_code == 405
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.OPEN


def _aanvragen(personas, aantal: int) -> None:
    from arrangementen.models import AanvraagBron

    for _ in range(aantal):
        Aanvraag.objects.create(
            inwoner=InwonerFactory(),
            wet="wmo",
            bron=AanvraagBron.TRIAGE_LOKET,
            overgedragen_door=personas.poort,
            besluit_einde=VANDAAG() + timedelta(days=10),
        )


def test_de_werkvoorraad_kost_een_vast_aantal_queries_bij_1_10_en_100(personas, als):
    client = als(personas.consulent)
    client.get("/werkvoorraad/")  # session and profile warm
    tellingen = []
    for erbij in (1, 9, 90):
        _aanvragen(personas, erbij)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/werkvoorraad/")
        assert response.status_code == 200
        tellingen.append(len(queries))
    assert tellingen[0] == tellingen[1] == tellingen[2], tellingen


# -- the kernteam keeps sight: dossier, own hand-offs, Mijn werk, the decision -------------------


def test_het_dossier_toont_de_overdracht_met_uitkomst_aan_het_team(personas, als):
    aanvraag = _opgeschaald(personas)
    services.aanvraag_afhandelen(
        door=personas.consulent, aanvraag=aanvraag, uitkomst="doorverwijzen", doorverwezen_naar="MEE"
    )
    inhoud = als(personas.beroepskracht).get(f"/inwoners/{aanvraag.inwoner.uuid}/").content.decode()
    assert "Overgedragen aan het loket (Wmo 2015)" in inhoud and "Doorverwezen" in inhoud
    assert f"/werkvoorraad/{aanvraag.uuid}/" in inhoud


def test_de_consulent_van_de_andere_wet_ziet_de_overdracht_als_mijlpaal(personas, als):
    aanvraag = _opgeschaald(personas)
    services.aanvraag_afhandelen(
        door=personas.consulent, aanvraag=aanvraag, uitkomst="geen_maatwerk", toelichting="GEHEIME-REDEN"
    )
    inhoud = als(personas.consulent_jeugd).get(f"/inwoners/{aanvraag.inwoner.uuid}/").content.decode()
    assert "Overgedragen aan het loket (Wmo 2015)" in inhoud
    assert "GEHEIME-REDEN" not in inhoud and f"/werkvoorraad/{aanvraag.uuid}/" not in inhoud


def test_veilig_thuis_staat_niet_in_het_dossier_van_het_kernteam(personas, als):
    aanvraag = _naar_loket(personas, uitkomst="veilig_thuis")
    from skt import rechten

    rechten.inwoner_toegang_geven(aanvraag.inwoner, personas.team_a, soort="melding")
    inhoud = als(personas.beroepskracht).get(f"/inwoners/{aanvraag.inwoner.uuid}/").content.decode()
    assert "Overgedragen aan het loket" not in inhoud


def test_mijn_overdrachten_en_mijn_werk(personas, als):
    aanvraag = _opgeschaald(personas)
    client = als(personas.beroepskracht)
    lijst = client.get("/overdrachten/")
    assert lijst.status_code == 200 and aanvraag.inwoner.naam in lijst.content.decode()
    regel = Toegang.objects.filter(object_soort="overdrachten").latest("pk")
    assert list(regel.getoonde_inwoners.values_list("inwoner_id", flat=True)) == [aanvraag.inwoner_id]
    werk = client.get("/").content.decode()
    assert "Overdrachten aan het loket" in werk and "/overdrachten/" in werk
    assert aanvraag.inwoner.naam not in als(personas.beroepskracht2).get("/overdrachten/").content.decode()
    for rol in ("vrijwilliger", "beleid", "beheerder", "consulent"):
        assert als(getattr(personas, rol)).get("/overdrachten/").status_code == 403, rol


def test_het_besluit_op_het_plan_van_de_overdracht_bereikt_het_kernteam(personas):
    from .conftest import maatwerk

    aanvraag = _opgeschaald(personas)
    aanvraag = services.aanvraag_afhandelen(
        door=personas.consulent, aanvraag=aanvraag, uitkomst="maatwerk_aanvragen"
    )
    assert aanvraag.arrangement.aanvragen.get() == aanvraag
    voor = Notificatie.objects.filter(
        medewerker=personas.beroepskracht, arrangement=aanvraag.arrangement
    ).count()
    plan = services.arrangement_opslaan(
        door=personas.consulent,
        arrangement=aanvraag.arrangement,
        gegevens={"doel": "Zelfstandig douchen.", "aanvraagdatum": VANDAAG()},
        onderdelen=[maatwerk()],
    )
    from arrangementen.services.berichten import _ontvangers

    assert personas.beroepskracht in _ontvangers(plan)
    assert voor == 0
