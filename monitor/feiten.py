"""Keeping the anonymous fact tables current with the registration.

Why here and not in the other apps' services: the monitor must be right without every workflow
(registering, triage, first contact, closing, contactmomenten, ZRM) remembering to update it, and
without the monitor reaching into those services. So the facts are *derived*: ``feiten_bijwerken``
recomputes them set-based, one INSERT … SELECT … ON CONFLICT DO UPDATE per table, from meldingen,
casussen and arrangementen. The monitor task calls it before every build, the dashboard at most once
a minute, and demo_data after loading. Recomputing is idempotent; a fact whose melding has been
removed by the retention job stays as it was, which is the point of the fact table.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, TruncDate
from django.utils import timezone

from arrangementen.models import Aanvraag, Arrangement, ArrangementStatusRegel, Beoordeling, Evaluatie
from arrangementen.workflow import AANVRAAG_OPEN, AanvraagStatus, ArrangementStatus
from casussen.models import Casus, Contactmoment, ZrmScore
from meldingen.models import Melding
from skt.profiel.instellingen import instellingen

from .models import (
    GEEN_WACHTTIJD,
    AanvraagFeit,
    ArrangementFeit,
    Bron,
    CasusFeit,
    EvaluatieFeit,
    HuisbezoekFeit,
    MeldingFeit,
    MeldingFeitLeefgebied,
    VoorzieningFeit,
)
from .sql import DagenTussen, Leeftijdsgroep, Pseudoniem, upsert_uit_select

LIVE_PREFIX = "skt-"


@dataclass
class Bijgewerkt:
    meldingen: int
    leefgebieden: int
    casussen: int
    duur_ms: int
    aanvragen: int = 0
    arrangementen: int = 0
    evaluaties: int = 0
    huisbezoeken: int = 0


def _melding_scope(van: date | None):
    qs = Melding.objects.all()
    if van is None:
        return qs
    nog_open = MeldingFeit.objects.filter(bron=Bron.LIVE).exclude(status="afgesloten").values("melding_id")
    return qs.filter(Q(aanmeldingsdatum__gte=van) | ~Q(status="afgesloten") | Q(pk__in=nog_open))


def _meldingfeiten_bijwerken(van: date | None, nu) -> tuple[int, int]:
    koppel = Melding.leefgebieden.through
    scope = _melding_scope(van)
    maximum = instellingen().max_contactmomenten
    tellend = Contactmoment.objects.filter(casus__melding=OuterRef("pk"), is_vinger_aan_de_pols=False)
    aantal = Subquery(
        tellend.order_by().values("casus__melding").annotate(n=Count("pk")).values("n")[:1],
        output_field=IntegerField(),
    )
    gestart = Exists(Casus.objects.filter(melding=OuterRef("pk"), startdatum__isnull=False))
    qs = scope.select_related(None).annotate(
        _contacten=Case(When(gestart, then=Coalesce(aantal, 0)), default=None, output_field=IntegerField())
    )
    kolommen = {
        "bron": Value(Bron.LIVE),
        "sleutel": Concat(Value(LIVE_PREFIX), Cast("pk", CharField()), output_field=CharField()),
        "melding_id": F("pk"),
        "aanmeldingsdatum": F("aanmeldingsdatum"),
        "team": F("team_id"),
        "kern": F("inwoner__kern_id"),
        "ingang": F("ingang"),
        "melder": F("melder_soort"),
        "jeugd": F("jeugd"),
        "status": F("status"),
        "triage_uitkomst": F("triage_uitkomst"),
        "veilig_thuis": F("veilig_thuis"),
        "doorschakelingen": F("doorschakelingen"),
        "eerste_contact_op": F("eerste_contact_op"),
        "dagen_tot_eerste_contact": DagenTussen(F("eerste_contact_op"), F("aanmeldingsdatum")),
        "contactmomenten": F("_contacten"),
        "maximum_bereikt": Case(
            When(_contacten__gte=maximum, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        "uitstroom": F("uitstroom"),
        "afgesloten_op": F("afgesloten_op"),
        "leeftijdsgroep": Leeftijdsgroep(F("aanmeldingsdatum"), F("inwoner__geboortedatum")),
        "inwoner_sleutel": Pseudoniem(F("inwoner_id")),
        "wacht_tot": Case(
            When(triage_uitkomst__in=GEEN_WACHTTIJD, then=F("aanmeldingsdatum")),
            When(eerste_contact_op__isnull=True, then=F("afgesloten_op")),
            When(afgesloten_op__isnull=True, then=F("eerste_contact_op")),
            When(eerste_contact_op__lt=F("afgesloten_op"), then=F("eerste_contact_op")),
            default=F("afgesloten_op"),
        ),
        "leefgebieden_aantal": Coalesce(
            Subquery(
                koppel.objects.filter(melding_id=OuterRef("pk"))
                .order_by()
                .values("melding_id")
                .annotate(n=Count("pk"))
                .values("n")[:1],
                output_field=IntegerField(),
            ),
            0,
        ),
        "bijgewerkt_op": Value(nu),
    }
    n = upsert_uit_select(MeldingFeit, qs, kolommen, ["bron", "sleutel"])

    # Leefgebieden: replace the rows of the facts in scope by the melding's current ones.
    in_scope = MeldingFeit.objects.filter(bron=Bron.LIVE, melding_id__in=scope.values("pk"))
    MeldingFeitLeefgebied.objects.filter(feit__in=in_scope.values("pk")).delete()
    regels = koppel.objects.filter(melding__in=scope.values("pk")).annotate(
        _feit=Subquery(MeldingFeit.objects.filter(melding_id=OuterRef("melding_id")).values("pk")[:1])
    )
    m = upsert_uit_select(
        MeldingFeitLeefgebied,
        regels,
        {
            "feit": F("_feit"),
            "leefgebied": F("leefgebied_id"),
            "aanmeldingsdatum": F("melding__aanmeldingsdatum"),
            "team": F("melding__team_id"),
            "kern": F("melding__inwoner__kern_id"),
        },
        ["feit", "leefgebied"],
    )
    return n, m


def _casus_scope(van: date | None, effect_dagen: int):
    qs = Casus.objects.all()
    if van is None:
        return qs
    nog_te_meten = CasusFeit.objects.filter(maatwerk_na_afsluiten__isnull=True).values("casus_id")
    return qs.filter(
        Q(startdatum__gte=van)
        | Q(afgesloten_op__isnull=True)
        | Q(afgesloten_op__gte=van - timedelta(days=effect_dagen + 1))
        | Q(pk__in=nog_te_meten)
    )


def _maatwerk_gevraagd(effect_dagen: int):
    """Whether maatwerk was asked within the effect term after closing: the rekenkamer's question.

    Counts: the casus itself was opgeschaald; a later melding of the same inwoner went to the loket
    or ended in maatwerk; or an arrangement with a maatwerkvoorziening was submitted for the inwoner.
    """
    latere_loketmelding = (
        Melding.objects.filter(inwoner=OuterRef("inwoner"))
        .exclude(pk=OuterRef("melding"))
        .filter(Q(triage_uitkomst__in=["loket", "veilig_thuis"]) | Q(uitstroom="maatwerk_loket"))
        .annotate(_na=DagenTussen(F("aanmeldingsdatum"), OuterRef("afgesloten_op")))
        .filter(_na__gte=0, _na__lte=effect_dagen)
    )
    ingediend = (
        Arrangement.objects.filter(
            inwoner=OuterRef("inwoner"),
            eerst_ingediend_op__isnull=False,
            onderdelen__soort="maatwerkvoorziening",
        )
        .annotate(_na=DagenTussen(TruncDate("eerst_ingediend_op"), OuterRef("afgesloten_op")))
        .filter(_na__gte=0, _na__lte=effect_dagen)
    )
    voorwaarden = [
        When(afsluitreden="opgeschaald_loket", then=Value(True)),
        When(Exists(latere_loketmelding), then=Value(True)),
        When(Exists(ingediend), then=Value(True)),
    ]
    grens = timezone.localdate() - timedelta(days=effect_dagen)
    return Case(
        When(afgesloten_op__isnull=True, then=Value(None)),
        When(afgesloten_op__gt=grens, then=Value(None)),
        *voorwaarden,
        default=Value(False),
        output_field=BooleanField(),
    )


def _casusfeiten_bijwerken(van: date | None, nu) -> int:
    profiel = instellingen()
    maximum, effect_dagen = profiel.max_contactmomenten, profiel.termijnen.effectmeting_dagen

    def aantal(qs):
        return Coalesce(
            Subquery(
                qs.order_by().values("casus").annotate(n=Count("pk")).values("n")[:1],
                output_field=IntegerField(),
            ),
            0,
        )

    tellend = Contactmoment.objects.filter(casus=OuterRef("pk"), is_vinger_aan_de_pols=False)
    samen = Contactmoment.objects.filter(casus=OuterRef("pk"), soort="gezamenlijk_huisbezoek")
    start = ZrmScore.objects.filter(
        casus=OuterRef("casus"), leefgebied=OuterRef("leefgebied"), moment="start", score__isnull=False
    ).values("score")[:1]
    paren = (
        ZrmScore.objects.filter(casus=OuterRef("pk"), moment="eind", score__isnull=False)
        .annotate(_start=Subquery(start, output_field=IntegerField()))
        .filter(_start__isnull=False)
    )
    verschil = Coalesce(
        Subquery(
            paren.order_by()
            .values("casus")
            .annotate(s=Sum(F("score") - F("_start"), output_field=IntegerField()))
            .values("s")[:1],
            output_field=IntegerField(),
        ),
        0,
    )
    qs = _casus_scope(van, effect_dagen).annotate(_contacten=aantal(tellend))
    kolommen = {
        "casus_id": F("pk"),
        "team": F("team_id"),
        "kern": F("inwoner__kern_id"),
        "status": F("status"),
        "startdatum": F("startdatum"),
        "afgesloten_op": F("afgesloten_op"),
        "afsluitreden": F("afsluitreden"),
        "contactmomenten": F("_contacten"),
        "maximum_bereikt": Case(
            When(_contacten__gte=maximum, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        "gezamenlijke_huisbezoeken": aantal(samen),
        "cijfer": F("cijfer"),
        "zrm_domeinen": aantal(paren),
        "zrm_verschil": verschil,
        "maatwerk_na_afsluiten": _maatwerk_gevraagd(effect_dagen),
        "bijgewerkt_op": Value(nu),
    }
    return upsert_uit_select(CasusFeit, qs, kolommen, ["casus_id"])


def _aanvraag_scope(van: date | None):
    qs = Aanvraag.objects.all()
    if van is None:
        return qs
    return qs.filter(
        Q(overgedragen_op__date__gte=van)
        | Q(status__in=AANVRAAG_OPEN)
        | Q(arrangement__isnull=False, arrangement__besloten_op__isnull=True)
        | Q(arrangement__besloten_op__date__gte=van)
    )


def _aanvraagfeiten_bijwerken(van: date | None, nu) -> int:
    eerste_ingang = Subquery(
        Beoordeling.objects.filter(
            onderdeel__arrangement=OuterRef("arrangement_id"), toegekend=True, ingangsdatum__isnull=False
        )
        .order_by()
        .values("onderdeel__arrangement")
        .annotate(m=Min("ingangsdatum"))
        .values("m")[:1]
    )
    qs = _aanvraag_scope(van).annotate(_overgedragen=TruncDate("overgedragen_op"), _ingang=eerste_ingang)
    kolommen = {
        "aanvraag_id": F("pk"),
        "wet": F("wet"),
        "bron": F("bron"),
        "team": F("overgedragen_team_id"),
        "kern": F("inwoner__kern_id"),
        "overgedragen_op": F("_overgedragen"),
        "besluit_einde": Case(
            When(
                arrangement__beslistermijn_einde__gt=F("besluit_einde"),
                then=F("arrangement__beslistermijn_einde"),
            ),
            When(besluit_einde__isnull=True, then=F("arrangement__beslistermijn_einde")),
            default=F("besluit_einde"),
        ),
        "status": F("status"),
        "afgehandeld_op": TruncDate("afgehandeld_op"),
        "besloten_op": Case(
            When(status=AanvraagStatus.MAATWERK_AANGEVRAAGD, then=TruncDate("arrangement__besloten_op")),
            When(
                status__in=[AanvraagStatus.GEEN_MAATWERK, AanvraagStatus.DOORVERWEZEN],
                then=TruncDate("afgehandeld_op"),
            ),
            default=None,
        ),
        "eerste_ingang": F("_ingang"),
        "wachttijd_dagen": DagenTussen(F("_ingang"), F("_overgedragen")),
        "bijgewerkt_op": Value(nu),
    }
    return upsert_uit_select(AanvraagFeit, qs, kolommen, ["aanvraag_id"])


def _arrangementfeiten_bijwerken(van: date | None, nu) -> int:
    qs = Arrangement.objects.filter(eerst_ingediend_op__isnull=False)
    if van is not None:
        nog_zonder_begin = ArrangementFeit.objects.filter(begin__isnull=True).values("arrangement_id")
        qs = qs.filter(
            Q(eerst_ingediend_op__date__gte=van)
            | Q(besloten_op__isnull=True)
            | Q(besloten_op__date__gte=van)
            | Q(pk__in=nog_zonder_begin)
        )
    teruggegeven = Exists(
        ArrangementStatusRegel.objects.filter(arrangement=OuterRef("pk"), actie="terugsturen")
    )
    kolommen = {
        "arrangement_id": F("pk"),
        "route": F("route"),
        "wet": F("wet"),
        "team": F("team_id"),
        "kern": F("inwoner__kern_id"),
        "ingediend_op": TruncDate("eerst_ingediend_op"),
        "beslistermijn_einde": F("beslistermijn_einde"),
        "besloten_op": TruncDate("besloten_op"),
        "status": F("status"),
        "teruggegeven": teruggegeven,
        "begin": Coalesce("meldingsdatum", "aanvraagdatum", TruncDate("eerst_ingediend_op")),
        "besloten_binnen_termijn": F("besloten_binnen_termijn"),
        "bijgewerkt_op": Value(nu),
    }
    return upsert_uit_select(ArrangementFeit, qs, kolommen, ["arrangement_id"])


def _voorzieningfeiten_bijwerken(van: date | None, nu) -> int:
    """Granted onderdelen, with their leveringsvorm and zorgaanbieder (the hand-off data). A grant
    withdrawn in a new version of the decision loses its fact."""
    toegekend = Beoordeling.objects.filter(toegekend=True)
    VoorzieningFeit.objects.exclude(beoordeling_id__in=toegekend.values("pk")).filter(
        beoordeling_id__in=Beoordeling.objects.values("pk")
    ).delete()
    qs = toegekend.annotate(
        _op=Coalesce("beschikkingsdatum", TruncDate("onderdeel__arrangement__besloten_op"))
    ).filter(_op__isnull=False)
    if van is not None:
        qs = qs.filter(
            Q(_op__gte=van) | ~Exists(VoorzieningFeit.objects.filter(beoordeling_id=OuterRef("pk")))
        )
    kolommen = {
        "beoordeling_id": F("pk"),
        "wet": F("onderdeel__arrangement__wet"),
        "team": F("onderdeel__arrangement__team_id"),
        "kern": F("onderdeel__arrangement__inwoner__kern_id"),
        "toegekend_op": F("_op"),
        "leveringsvorm": F("leveringsvorm"),
        "zorgaanbieder": Coalesce(F("zorgaanbieder__naam"), Value(""), output_field=CharField()),
        "bijgewerkt_op": Value(nu),
    }
    return upsert_uit_select(VoorzieningFeit, qs, kolommen, ["beoordeling_id"])


def _huisbezoekfeiten_bijwerken(van: date | None, nu) -> int:
    """Gezamenlijke huisbezoeken by date. One changed to another kind of contact loses its fact; one
    the retention job removed keeps it."""
    soort = "gezamenlijk_huisbezoek"
    HuisbezoekFeit.objects.filter(
        contactmoment_id__in=Contactmoment.objects.exclude(soort=soort).values("pk")
    ).delete()
    qs = Contactmoment.objects.filter(soort=soort)
    if van is not None:
        qs = qs.filter(
            Q(datum__gte=van) | ~Exists(HuisbezoekFeit.objects.filter(contactmoment_id=OuterRef("pk")))
        )
    kolommen = {
        "contactmoment_id": F("pk"),
        "datum": F("datum"),
        "team": F("casus__team_id"),
        "kern": F("casus__inwoner__kern_id"),
        "bijgewerkt_op": Value(nu),
    }
    return upsert_uit_select(HuisbezoekFeit, qs, kolommen, ["contactmoment_id"])


TOEGEKEND = [ArrangementStatus.GOEDGEKEURD, ArrangementStatus.GEDEELTELIJK_GOEDGEKEURD]


def _evaluatiefeiten_bijwerken(van: date | None, nu) -> int:
    """Done evaluations by their planned date, then the one each running plan still waits for.

    A plan's pending evaluation is replaced on every refresh (its date may move, the plan may end);
    the rows of a plan the retention job removed stay as they were.
    """
    gedaan = Evaluatie.objects.filter(gepland_op__isnull=False).exclude(
        # Two evaluations against one planned date: the first one recorded is the one that counts.
        Exists(
            Evaluatie.objects.filter(
                arrangement=OuterRef("arrangement"), gepland_op=OuterRef("gepland_op"), pk__lt=OuterRef("pk")
            )
        )
    )
    if van is not None:
        gedaan = gedaan.filter(Q(op__date__gte=van) | Q(gepland_op__gte=van))
    n = upsert_uit_select(
        EvaluatieFeit,
        gedaan,
        {
            "arrangement_id": F("arrangement_id"),
            "wet": F("arrangement__wet"),
            "team": F("arrangement__team_id"),
            "kern": F("arrangement__inwoner__kern_id"),
            "gepland_op": F("gepland_op"),
            "gedaan_op": TruncDate("op"),
            "bijgewerkt_op": Value(nu),
        },
        ["arrangement_id", "gepland_op"],
    )
    EvaluatieFeit.objects.filter(
        gedaan_op__isnull=True, arrangement_id__in=Arrangement.objects.values("pk")
    ).delete()
    wachtend = (
        Arrangement.objects.filter(status__in=TOEGEKEND, evaluatiedatum__isnull=False)
        .filter(Q(beeindigd_op__isnull=True) | Q(beeindigd_op__gt=F("evaluatiedatum")))
        .exclude(
            Exists(
                Evaluatie.objects.filter(arrangement=OuterRef("pk"), gepland_op=OuterRef("evaluatiedatum"))
            )
        )
    )
    n += upsert_uit_select(
        EvaluatieFeit,
        wachtend,
        {
            "arrangement_id": F("pk"),
            "wet": F("wet"),
            "team": F("team_id"),
            "kern": F("inwoner__kern_id"),
            "gepland_op": F("evaluatiedatum"),
            "bijgewerkt_op": Value(nu),
        },
        ["arrangement_id", "gepland_op"],
    )
    return n


def feiten_bijwerken(van: date | None = None) -> Bijgewerkt:
    """Recompute the live facts: every melding, casus, hand-off, arrangement and evaluation (van None),
    or those that can still change (registered or started since ``van``, or still open). One
    transaction; safe to run concurrently with itself (the upserts serialise on the unique keys)."""
    begin = time.monotonic()
    nu = timezone.now()
    with transaction.atomic():
        meldingen, leefgebieden = _meldingfeiten_bijwerken(van, nu)
        casussen = _casusfeiten_bijwerken(van, nu)
        aanvragen = _aanvraagfeiten_bijwerken(van, nu)
        arrangementen = _arrangementfeiten_bijwerken(van, nu)
        evaluaties = _evaluatiefeiten_bijwerken(van, nu)
        huisbezoeken = _huisbezoekfeiten_bijwerken(van, nu)
        _voorzieningfeiten_bijwerken(van, nu)
    return Bijgewerkt(
        meldingen,
        leefgebieden,
        casussen,
        int(1000 * (time.monotonic() - begin)),
        aanvragen,
        arrangementen,
        evaluaties,
        huisbezoeken,
    )
