"""Retention (issue 13, point 6): an expired dossier is gone from every table, history and guardian
included, asserted with SQL counts per table; the monitor of that quarter stays byte-identical.

The clock is fixed by the job's ``vandaag``: the dossier is built today through the services, the job
runs as if it were 6 or 16 years later.
"""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from guardian.models import GroupObjectPermission, UserObjectPermission
from guardian.shortcuts import assign_perm

from arrangementen import services as arrangement_services
from arrangementen.models import (
    Aanvraag,
    Arrangement,
    Beoordeling,
    InterneNotitie,
    Notificatie,
    Onderdeel,
)
from casussen import services as casus_services
from casussen.models import Casus, Contactmoment, ZrmScore
from dossier import bewaartermijnen, services
from dossier.models import Bewaarplicht, Bewaarrun, Verwijderverzoek
from meldingen.models import Melding
from meldingen.services import melding_registreren
from poort.models import Koppelverzoek, Triage
from poort.services import koppelverzoek_vastleggen, melding_trieren
from skt import rechten
from skt import services as skt_services
from skt.models import Betrokkenheid, Huishouden, Inwoner, Leefgebied, Noodtoegang, Toegang

from ..arrangementen.conftest import casus_maken, concept_maken, melding_maken, toekennen_alles
from ..factories import HuishoudenFactory, InwonerFactory, LeefgebiedFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
NA_6_JAAR = VANDAAG.replace(year=VANDAAG.year + 6)
NA_16_JAAR = VANDAAG.replace(year=VANDAAG.year + 16)
REDEN_NOOD = "De casushouder is ziek en de inwoner belt vandaag met een dringende vraag over zorg."


# -- building dossiers through the services ---------------------------------------------------------


def volledig_dossier(personas) -> Inwoner:
    """Melding → triage (kernteam + consulent: a loket item) → casus with contactmomenten and ZRM →
    a plan with maatwerk granted → casus closed; berichten, betrokkenheid, guardian rows, history,
    break the glass, a koppelverzoek, a lifted bewaarplicht and a household of one."""
    leefgebied = Leefgebied.objects.first() or LeefgebiedFactory()
    inwoner = InwonerFactory(kern=personas.team_a.kernen.first(), huishouden=HuishoudenFactory())
    melding = melding_maken(personas, inwoner=inwoner, dagen_geleden=40)
    melding.leefgebieden.add(leefgebied)
    aanvraag = Aanvraag.objects.get(melding=melding)
    arrangement_services.aanvraag_afhandelen(
        door=personas.consulent,
        aanvraag=aanvraag,
        uitkomst="doorverwijzen",
        doorverwezen_naar="Formulierenhulp",
    )
    casus = casus_maken(personas, melding=melding, dagen_geleden=30)
    for dagen, soort in ((25, "gezamenlijk_huisbezoek"), (20, "huisbezoek")):
        casus_services.contactmoment_registreren(
            door=personas.beroepskracht,
            casus=casus,
            datum=VANDAAG - timedelta(days=dagen),
            soort=soort,
            duur_minuten=60,
            met_consulent=soort == "gezamenlijk_huisbezoek",
            verslag="Samen de post doorgenomen.",
        )
    casus_services.zrm_vastleggen(
        door=personas.beroepskracht,
        casus=casus,
        moment="start",
        datum=VANDAAG - timedelta(days=30),
        scores={leefgebied.pk: 2},
    )
    arrangement = concept_maken(personas, melding=melding)
    arrangement = arrangement_services.arrangement_indienen(
        door=personas.beroepskracht, arrangement=arrangement
    )
    arrangement = arrangement_services.arrangement_in_behandeling_nemen(
        door=personas.consulent, arrangement=arrangement
    )
    arrangement_services.interne_notitie_toevoegen(
        door=personas.consulent, arrangement=arrangement, tekst="Intern: dochter helpt mee."
    )
    arrangement_services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=arrangement,
        beslissingen=toekennen_alles(arrangement, einde=VANDAAG + timedelta(days=30)),
        toelichting="Toegekend zoals voorgesteld.",
    )
    casus_services.casus_afsluiten(
        door=personas.beroepskracht,
        casus=casus,
        reden="doel_bereikt",
        resultaat="Gelukt.",
        datum=VANDAAG - timedelta(days=1),
        zrm_scores={leefgebied.pk: 4},
    )
    skt_services.noodtoegang_openen(door=personas.beroepskracht2, inwoner_uuid=inwoner.uuid, reden=REDEN_NOOD)
    koppelverzoek_vastleggen(
        door=personas.beroepskracht2,
        inwoner=inwoner,
        gegevens={"voornamen": inwoner.voornamen, "achternaam": inwoner.achternaam},
    )
    # A bericht that names its subject only by its link, as reassigning a casus writes it.
    Notificatie.objects.create(
        medewerker=personas.beroepskracht2,
        tekst=f"U kreeg werk: de casus van {inwoner.naam}.",
        link=reverse("casussen:detail", args=[casus.uuid]),
    )
    rechten.inwoner_toegang_geven(inwoner, personas.consulent_jeugd)  # a personal grant
    # guardian's generic tables (a model without its own permission table) and the admin log
    assign_perm("arrangementen.view_aanvraag", personas.consulent, aanvraag)
    assign_perm("arrangementen.view_aanvraag", personas.loket.groep, aanvraag)
    LogEntry.objects.create(
        user=personas.coordinator,
        content_type=ContentType.objects.get_for_model(Inwoner),
        object_id=str(inwoner.pk),
        object_repr=inwoner.naam,
        action_flag=CHANGE,
    )
    plicht = services.bewaarplicht_instellen(
        door=personas.coordinator, inwoner=inwoner, grond="klacht", reden="Klacht over de bejegening loopt."
    )
    services.bewaarplicht_opheffen(
        door=personas.coordinator, bewaarplicht=plicht, reden="Klacht is afgehandeld."
    )
    inwoner.telefoon = "0612345678"
    inwoner.save()  # a history row of a change, not only of the creation
    return inwoner


def kort_dossier(personas) -> Inwoner:
    """A question answered at the poort: a melding triaged 'direct', nothing granted (5 years)."""
    inwoner = InwonerFactory(kern=personas.team_a.kernen.first())
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=VANDAAG - timedelta(days=3),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Waar vind ik de boodschappenbus?",
    )
    melding_trieren(
        door=personas.poort,
        melding=melding,
        uitkomst="direct",
        reden="Doorverwezen naar de bus.",
        uitstroom="direct_beantwoord",
    )
    return inwoner


# -- SQL counts -------------------------------------------------------------------------------------


def _sql(query: str, params=()) -> int:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchone()[0]


def tabellen_met_inwoner_id() -> list[str]:
    introspectie = connection.introspection
    with connection.cursor() as cursor:
        return [
            tabel
            for tabel in sorted(introspectie.table_names(cursor))
            if "inwoner_id" in {k.name for k in introspectie.get_table_description(cursor, tabel)}
        ]


# The access log keeps the inwoner's number by design (evidence with its own retention and a trigger
# that refuses DELETE); the erasure request record keeps none (its column is emptied).
BEWUST_BEWAARD = {"skt_toegang", "skt_toeganginwoner"}


def per_inwoner(inwoner_id: int) -> dict[str, int]:
    return {
        tabel: _sql(f'SELECT count(*) FROM "{tabel}" WHERE inwoner_id = %s', [inwoner_id])
        for tabel in tabellen_met_inwoner_id()
        if tabel not in BEWUST_BEWAARD
    }


def inventaris(inwoner: Inwoner) -> dict:
    """The ids of everything of the inwoner, per live model, before the job."""
    meldingen = Melding.objects.filter(inwoner=inwoner)
    casussen = Casus.objects.filter(inwoner=inwoner)
    arrangementen = Arrangement.objects.filter(inwoner=inwoner)
    aanvragen = Aanvraag.objects.filter(inwoner=inwoner)
    ids = {
        Inwoner: [inwoner.pk],
        Melding: meldingen,
        Triage: Triage.objects.filter(melding__in=meldingen),
        Casus: casussen,
        Contactmoment: Contactmoment.objects.filter(casus__in=casussen),
        ZrmScore: ZrmScore.objects.filter(casus__in=casussen),
        Arrangement: arrangementen,
        Onderdeel: Onderdeel.objects.filter(arrangement__in=arrangementen),
        Beoordeling: Beoordeling.objects.filter(onderdeel__arrangement__in=arrangementen),
        InterneNotitie: InterneNotitie.objects.filter(arrangement__in=arrangementen),
        Aanvraag: aanvragen,
        Notificatie: Notificatie.objects.filter(arrangement__in=arrangementen)
        | Notificatie.objects.filter(aanvraag__in=aanvragen)
        | Notificatie.objects.filter(link__in=[reverse("casussen:detail", args=[c.uuid]) for c in casussen]),
        Betrokkenheid: Betrokkenheid.objects.filter(inwoner=inwoner),
        Noodtoegang: Noodtoegang.objects.filter(inwoner=inwoner),
        Koppelverzoek: Koppelverzoek.objects.filter(inwoner=inwoner),
        Bewaarplicht: Bewaarplicht.objects.filter(inwoner=inwoner),
        Huishouden: Huishouden.objects.filter(pk=inwoner.huishouden_id),
    }
    return {
        model: sorted(v if isinstance(v, list) else v.values_list("pk", flat=True))
        for model, v in ids.items()
    }


def tellingen(inv: dict) -> dict[str, int]:
    """Per table: the live rows, their history rows (by the original object id), the direct-FK guardian
    rows, guardian's generic rows and the admin log; and the many-to-many rows of the melding."""
    uit: dict[str, int] = {}
    for model, ids in inv.items():
        if not ids:
            continue
        lijst = ",".join(str(int(i)) for i in ids)
        uit[model._meta.db_table] = _sql(
            f'SELECT count(*) FROM "{model._meta.db_table}" WHERE id IN ({lijst})'
        )
        historisch = model.history.model
        uit[historisch._meta.db_table] = _sql(
            f'SELECT count(*) FROM "{historisch._meta.db_table}" WHERE id IN ({lijst})'
        )
        ct = ContentType.objects.get_for_model(model)
        for generiek in (UserObjectPermission, GroupObjectPermission):
            uit[f"{generiek._meta.db_table}[{model.__name__}]"] = generiek.objects.filter(
                content_type=ct, object_pk__in=[str(i) for i in ids]
            ).count()
        uit[f"django_admin_log[{model.__name__}]"] = LogEntry.objects.filter(
            content_type=ct, object_id__in=[str(i) for i in ids]
        ).count()
        for perm in ("userobjectpermission", "groupobjectpermission"):
            tabel = f"{model._meta.app_label}_{model.__name__.lower()}{perm}"
            if tabel in connection.introspection.table_names():
                uit[tabel] = _sql(f'SELECT count(*) FROM "{tabel}" WHERE content_object_id IN ({lijst})')
    # Rows without history of their own: status rows, submitted versions, the koppelverzoek's teams.
    for tabel, kolom, model in (
        ("meldingen_meldingstatusregel", "melding_id", Melding),
        ("casussen_casusstatusregel", "casus_id", Casus),
        ("arrangementen_arrangementstatusregel", "arrangement_id", Arrangement),
        ("arrangementen_arrangementversie", "arrangement_id", Arrangement),
        ("arrangementen_aanvraagstatusregel", "aanvraag_id", Aanvraag),
        ("poort_koppelverzoek_teams", "koppelverzoek_id", Koppelverzoek),
    ):
        if inv[model]:
            lijst = ",".join(str(int(i)) for i in inv[model])
            uit[tabel] = _sql(f'SELECT count(*) FROM "{tabel}" WHERE {kolom} IN ({lijst})')
    meldingen = ",".join(str(i) for i in inv[Melding])
    uit["meldingen_melding_leefgebieden"] = _sql(
        f"SELECT count(*) FROM meldingen_melding_leefgebieden WHERE melding_id IN ({meldingen})"
    )
    uit["meldingen_historicalmelding_leefgebieden"] = _sql(
        f"SELECT count(*) FROM meldingen_historicalmelding_leefgebieden WHERE melding_id IN ({meldingen})"
    )
    return uit


def alle_tabellen() -> dict[str, int]:
    return {t: _sql(f'SELECT count(*) FROM "{t}"') for t in connection.introspection.table_names()}


def monitor_json(tmp_path: Path, naam: str) -> bytes:
    """What ``bouw_monitor --json`` writes for the period of the dossiers (facts refreshed first)."""
    pad = tmp_path / naam
    van = (VANDAAG - timedelta(days=60)).isoformat()
    call_command(
        "bouw_monitor",
        "--van",
        van,
        "--tot",
        VANDAAG.isoformat(),
        "--zonder-pdf",
        "--json",
        str(pad),
        stdout=io.StringIO(),
    )
    return pad.read_bytes()


# -- the tests --------------------------------------------------------------------------------------


# What the full dossier holds before the job: every table here has rows, and all of them go.
MOET_RIJEN_HEBBEN = [
    "skt_inwoner",
    "skt_historicalinwoner",
    "skt_inwoneruserobjectpermission",
    "skt_inwonergroupobjectpermission",
    "django_admin_log[Inwoner]",
    "meldingen_melding",
    "meldingen_historicalmelding",
    "meldingen_meldinggroupobjectpermission",
    "meldingen_melding_leefgebieden",
    "meldingen_historicalmelding_leefgebieden",
    "poort_triage",
    "poort_historicaltriage",
    "casussen_casus",
    "casussen_historicalcasus",
    "casussen_contactmoment",
    "casussen_historicalcontactmoment",
    "casussen_zrmscore",
    "casussen_historicalzrmscore",
    "arrangementen_arrangement",
    "arrangementen_historicalarrangement",
    "arrangementen_onderdeel",
    "arrangementen_historicalonderdeel",
    "arrangementen_beoordeling",
    "arrangementen_historicalbeoordeling",
    "arrangementen_internenotitie",
    "arrangementen_aanvraag",
    "arrangementen_historicalaanvraag",
    "guardian_userobjectpermission[Aanvraag]",
    "guardian_groupobjectpermission[Aanvraag]",
    "arrangementen_notificatie",
    "arrangementen_historicalnotificatie",
    "skt_betrokkenheid",
    "skt_historicalbetrokkenheid",
    "skt_noodtoegang",
    "skt_historicalnoodtoegang",
    "poort_koppelverzoek",
    "poort_historicalkoppelverzoek",
    "dossier_bewaarplicht",
    "dossier_historicalbewaarplicht",
    "skt_huishouden",
    "skt_historicalhuishouden",
    "meldingen_meldingstatusregel",
    "casussen_casusstatusregel",
    "arrangementen_arrangementstatusregel",
    "arrangementen_arrangementversie",
    "arrangementen_aanvraagstatusregel",
]


def test_een_verlopen_dossier_verdwijnt_uit_elke_tabel_en_de_monitor_blijft_gelijk(personas, als, tmp_path):
    volledig = volledig_dossier(personas)
    assert als(personas.beroepskracht).get(reverse("inwoner_detail", args=[volledig.uuid])).status_code == 200
    kort = kort_dossier(personas)
    vastgehouden = kort_dossier(personas)
    services.bewaarplicht_instellen(
        door=personas.coordinator,
        inwoner=vastgehouden,
        grond="bezwaar",
        reden="Bezwaar tegen de beschikking loopt.",
    )
    inv_volledig, inv_kort, inv_vast = inventaris(volledig), inventaris(kort), inventaris(vastgehouden)
    voor = tellingen(inv_volledig)
    for tabel in MOET_RIJEN_HEBBEN:
        assert voor[tabel] > 0, tabel
    print("\nrijen per tabel voor de bewaartermijn:", {t: n for t, n in sorted(voor.items()) if n})
    assert per_inwoner(volledig.pk)["meldingen_melding"] == 1
    toegang_voor = Toegang.objects.filter(inwoner=volledig).count()
    assert toegang_voor > 0
    monitor_voor = monitor_json(tmp_path, "voor.json")

    # After 6 years: the question answered at the poort (5 years) goes; the granted plan (15 years)
    # and the dossier under a bewaarplicht stay.
    run = bewaartermijnen.bewaartermijnen_toepassen(vandaag=NA_6_JAAR)
    assert run.status == Bewaarrun.Status.KLAAR and run.inwoners == 1
    assert set(per_inwoner(kort.pk).values()) == {0}
    assert set(tellingen(inv_kort).values()) == {0}
    assert tellingen(inv_volledig) == voor
    assert per_inwoner(vastgehouden.pk)["meldingen_melding"] == 1
    assert tellingen(inv_vast)["skt_historicalinwoner"] > 0
    telling = {(t.regel, t.tabel): t.aantal for t in run.tellingen.all()}
    assert telling[("zonder_voorziening", "skt.Inwoner")] == 1
    assert telling[("zonder_voorziening", "meldingen.Melding")] == 1
    assert telling[("zonder_voorziening", "meldingen.HistoricalMelding")] >= 2

    # After 16 years the granted plan has passed its 15 years too.
    run = bewaartermijnen.bewaartermijnen_toepassen(vandaag=NA_16_JAAR)
    assert run.inwoners == 1
    na = tellingen(inv_volledig)
    assert {t: n for t, n in na.items() if n} == {}, "rijen over na de bewaartermijn"
    assert set(per_inwoner(volledig.pk).values()) == {0}
    # The access log keeps its rows and the inwoner's number: its own retention cuts it.
    assert Toegang.objects.filter(inwoner_id=volledig.pk).count() >= toegang_voor
    assert Inwoner.objects.filter(pk=vastgehouden.pk).exists()
    assert per_inwoner(vastgehouden.pk)["meldingen_melding"] == 1
    telling = {(t.regel, t.tabel): t.aantal for t in run.tellingen.all()}
    assert telling[("met_voorziening", "skt.Inwoner")] == 1
    assert telling[("met_voorziening", "arrangementen.Beoordeling")] == len(inv_volledig[Beoordeling])
    assert telling[("met_voorziening", "guardian.UserObjectPermission")] == 1

    assert monitor_json(tmp_path, "na.json") == monitor_voor

    # A rerun finds nothing more.
    again = bewaartermijnen.bewaartermijnen_toepassen(vandaag=NA_16_JAAR)
    assert again.inwoners == 0 and not again.tellingen.exists()


def test_proef_verandert_niets_en_noemt_geen_namen(personas):
    volledig = volledig_dossier(personas)
    kort = kort_dossier(personas)
    voor = alle_tabellen()
    uit = io.StringIO()
    call_command("bewaartermijnen", "--proef", "--peildatum", NA_16_JAAR.isoformat(), stdout=uit)
    tekst = uit.getvalue()
    assert alle_tabellen() == voor
    assert "Proef" in tekst and "meldingen.Melding: 1" in tekst and "skt.Inwoner: 1" in tekst
    for inwoner in (volledig, kort):
        assert inwoner.achternaam not in tekst and inwoner.voornamen not in tekst
    uitkomst = bewaartermijnen.proef(vandaag=NA_16_JAAR)
    assert uitkomst.inwoners == {"met_voorziening": 1, "zonder_voorziening": 1}
    assert uitkomst.tabellen["met_voorziening"]["arrangementen.Arrangement"] == 1
    assert not Bewaarrun.objects.exists()


def test_een_halverwege_afgebroken_run_laat_geen_half_verwijderde_inwoner_en_een_herhaling_maakt_af(
    personas, monkeypatch
):
    eerste, tweede = kort_dossier(personas), volledig_dossier(personas)
    inv_tweede = inventaris(tweede)
    voor_tweede = tellingen(inv_tweede)
    echte_tellen = bewaartermijnen._tellen
    aanroepen = []

    def stopt_bij_de_tweede(run, regel, tellingen_):
        aanroepen.append(regel)
        if len(aanroepen) == 2:
            # Everything of the second inwoner has been deleted in its transaction by now.
            raise RuntimeError("proces gestopt")
        echte_tellen(run, regel, tellingen_)

    monkeypatch.setattr(bewaartermijnen, "_tellen", stopt_bij_de_tweede)
    with pytest.raises(RuntimeError):
        bewaartermijnen.bewaartermijnen_toepassen(vandaag=NA_16_JAAR)
    afgebroken = Bewaarrun.objects.get()
    assert afgebroken.status == Bewaarrun.Status.MISLUKT and afgebroken.inwoners == 1
    assert not Inwoner.objects.filter(pk=eerste.pk).exists()
    assert tellingen(inv_tweede) == voor_tweede, "de tweede inwoner is heel gebleven"

    monkeypatch.setattr(bewaartermijnen, "_tellen", echte_tellen)
    herhaling = bewaartermijnen.bewaartermijnen_toepassen(vandaag=NA_16_JAAR)
    assert herhaling.status == Bewaarrun.Status.KLAAR and herhaling.inwoners == 1
    assert {t: n for t, n in tellingen(inv_tweede).items() if n} == {}


def test_het_commando_zonder_proef_voert_de_taak_uit(personas):
    kort = kort_dossier(personas)
    uit = io.StringIO()
    call_command("bewaartermijnen", "--peildatum", NA_6_JAAR.isoformat(), stdout=uit)
    assert "1 inwoner(s) verwijderd" in uit.getvalue()
    assert not Inwoner.objects.filter(pk=kort.pk).exists()
    assert Bewaarrun.objects.get().aanleiding == Bewaarrun.Aanleiding.COMMANDO


def test_wat_nog_loopt_of_recent_is_blijft(personas):
    open_melding = melding_maken(personas, dagen_geleden=10)  # triaged, open, with an open loket item
    recent = kort_dossier(personas)
    bewaartermijnen.bewaartermijnen_toepassen(vandaag=VANDAAG + timedelta(days=365))
    assert Inwoner.objects.filter(pk=recent.pk).exists()
    bewaartermijnen.bewaartermijnen_toepassen(vandaag=NA_16_JAAR)
    assert Inwoner.objects.filter(pk=open_melding.inwoner_id).exists(), "een open traject verloopt nooit"
    assert not Inwoner.objects.filter(pk=recent.pk).exists()


def test_de_coordinator_stelt_een_bewaarplicht_in_en_heft_haar_op(personas, als):
    inwoner = volledig_dossier(personas)
    client = als(personas.coordinator)
    pagina = client.get(reverse("inwoner_detail", args=[inwoner.uuid]))
    assert reverse("bewaarplicht", args=[inwoner.uuid]) in pagina.content.decode()
    antwoord = client.post(
        reverse("bewaarplicht", args=[inwoner.uuid]), {"grond": "bezwaar", "reden": "kort"}
    )
    assert antwoord.status_code == 200 and not Bewaarplicht.objects.filter(opgeheven_op__isnull=True).exists()
    antwoord = client.post(
        reverse("bewaarplicht", args=[inwoner.uuid]),
        {"grond": "bezwaar", "reden": "Bezwaar tegen de beschikking, kenmerk BZ-2026-12."},
    )
    assert antwoord.status_code == 302
    plicht = Bewaarplicht.objects.get(opgeheven_op__isnull=True)
    assert plicht.ingesteld_door == personas.coordinator
    assert Toegang.objects.filter(
        inwoner=inwoner, actie="wijzigen", reden__startswith="bewaarplicht"
    ).exists()
    bewaartermijnen.bewaartermijnen_toepassen(vandaag=NA_16_JAAR)
    assert Inwoner.objects.filter(pk=inwoner.pk).exists()
    antwoord = client.post(
        reverse("bewaarplicht_opheffen", args=[inwoner.uuid]),
        {"bewaarplicht": plicht.uuid, "opheffing_reden": "Het bezwaar is ingetrokken."},
    )
    assert antwoord.status_code == 302
    plicht.refresh_from_db()
    assert plicht.opgeheven_door == personas.coordinator and plicht.opgeheven_op is not None
    bewaartermijnen.bewaartermijnen_toepassen(vandaag=NA_16_JAAR)
    assert not Inwoner.objects.filter(pk=inwoner.pk).exists()


def test_een_toegewezen_verwijderverzoek_verwijdert_het_dossier_en_laat_het_besluit(personas, als):
    inwoner = volledig_dossier(personas)
    inv = inventaris(inwoner)
    client = als(personas.coordinator)
    url = reverse("verwijderverzoek", args=[inwoner.uuid])
    # A ground that does not fit the decision is refused, and nothing happens.
    antwoord = client.post(
        url,
        {
            "ontvangen_op": VANDAAG.isoformat(),
            "besluit": "toegewezen",
            "grondslag": "17_3_b",
            "bevestig": "on",
        },
    )
    assert antwoord.status_code == 200 and "past" in antwoord.content.decode()
    assert Inwoner.objects.filter(pk=inwoner.pk).exists() and not Verwijderverzoek.objects.exists()
    antwoord = client.post(
        url,
        {
            "ontvangen_op": VANDAAG.isoformat(),
            "besluit": "toegewezen",
            "grondslag": "17_1_a",
            "toelichting": "Mevrouw wil niet langer geregistreerd staan.",
            "bevestig": "on",
        },
    )
    assert antwoord.status_code == 302
    assert {t: n for t, n in tellingen(inv).items() if n} == {}
    verzoek = Verwijderverzoek.objects.get()
    assert verzoek.inwoner_id is None and verzoek.toelichting == "" and verzoek.uitgevoerd_op is not None
    assert (verzoek.besluit, verzoek.grondslag, verzoek.besloten_door) == (
        "toegewezen",
        "17_1_a",
        personas.coordinator,
    )
    assert not verzoek.history.filter(inwoner_id=inwoner.pk).exists()
    telling = {(t.regel, t.tabel): t.aantal for t in verzoek.run.tellingen.all()}
    assert telling[("verwijderverzoek", "skt.Inwoner")] == 1
    assert client.get(reverse("verwijderingen")).status_code == 200
    assert als(personas.beheerder).get(reverse("verwijderingen")).status_code == 200
    assert als(personas.beroepskracht).get(reverse("verwijderingen")).status_code == 403


def test_onder_een_bewaarplicht_wordt_het_verwijderverzoek_afgewezen_met_die_grond(personas, als):
    inwoner = kort_dossier(personas)
    rechten.inwoner_toegang_geven(inwoner, personas.team_a)
    services.bewaarplicht_instellen(
        door=personas.coordinator, inwoner=inwoner, grond="klacht", reden="Klacht bij de ombudsman loopt."
    )
    verzoek = services.verwijderverzoek_besluiten(
        door=personas.coordinator, inwoner=inwoner, besluit="toegewezen", grondslag="17_1_a"
    )
    assert (verzoek.besluit, verzoek.grondslag) == ("afgewezen", "bewaarplicht")
    assert "bewaarplicht" in verzoek.toelichting and verzoek.run is None
    assert Inwoner.objects.filter(pk=inwoner.pk).exists()
    afgewezen = services.verwijderverzoek_besluiten(
        door=personas.coordinator, inwoner=inwoner, besluit="afgewezen", grondslag="17_3_b"
    )
    assert afgewezen.inwoner == inwoner and Inwoner.objects.filter(pk=inwoner.pk).exists()


@pytest.mark.parametrize(
    "persona",
    [
        "poort",
        "beroepskracht",
        "beroepskracht2",
        "vrijwilliger",
        "consulent",
        "consulent_jeugd",
        "beleid",
        "beheerder",
        "buitenstaander",
    ],
)
def test_elke_andere_rol_wordt_geweigerd_en_verandert_niets(personas, als, persona):
    inwoner = kort_dossier(personas)
    rechten.inwoner_toegang_geven(inwoner, personas.team_a)
    plicht = services.bewaarplicht_instellen(
        door=personas.coordinator, inwoner=inwoner, grond="klacht", reden="Klacht bij de ombudsman loopt."
    )
    client = als(getattr(personas, persona))
    verzoeken = [
        (
            reverse("bewaarplicht", args=[inwoner.uuid]),
            {"grond": "bezwaar", "reden": "Een bezwaar dat loopt."},
        ),
        (
            reverse("bewaarplicht_opheffen", args=[inwoner.uuid]),
            {"bewaarplicht": plicht.uuid, "opheffing_reden": "Klaar ermee, echt waar."},
        ),
        (
            reverse("verwijderverzoek", args=[inwoner.uuid]),
            {"ontvangen_op": VANDAAG.isoformat(), "besluit": "afgewezen", "grondslag": "17_3_b"},
        ),
    ]
    for url, gegevens in verzoeken:
        assert client.get(url).status_code in (403, 404, 405)
        assert client.post(url, gegevens).status_code in (403, 404)
    assert list(Bewaarplicht.objects.values_list("pk", "opgeheven_op")) == [(plicht.pk, None)]
    assert not Verwijderverzoek.objects.exists()
    with pytest.raises(PermissionDenied):
        services.bewaarplicht_instellen(
            door=getattr(personas, persona), inwoner=inwoner, grond="klacht", reden="x" * 20
        )
    with pytest.raises(PermissionDenied):
        services.verwijderverzoek_besluiten(
            door=getattr(personas, persona), inwoner=inwoner, besluit="toegewezen", grondslag="17_1_a"
        )
    assert Inwoner.objects.filter(pk=inwoner.pk).exists()


def test_de_nachtelijke_taak_roept_de_dienst_aan(personas):
    from dossier.tasks import bewaartermijnen_toepassen

    kort_dossier(personas)
    uitkomst = bewaartermijnen_toepassen()
    assert uitkomst["inwoners"] == 0, "vandaag is nog niets verlopen"
    assert Bewaarrun.objects.get().aanleiding == Bewaarrun.Aanleiding.PLANNING
