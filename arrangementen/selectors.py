"""Read-side queries for arrangement pages: queues, overdue lists and the dossier, with a fixed query count.

Every list starts from a rights-scoped queryset in arrangementen/rechten.py; counts and flags come from SQL
annotations, never from a query per row.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from arrangementen import rechten as arrangement_rechten
from casussen import rechten as casus_rechten
from skt import rechten

from . import termijnen
from .models import (
    Aanvraag,
    Arrangement,
    Beoordeling,
    Evaluatie,
    InterneNotitie,
    Notificatie,
    Onderdeel,
    OnderdeelSoort,
    Termijnverlenging,
)
from .workflow import (
    AANVRAAG_AFGEROND,
    AANVRAAG_OPEN,
    BIJ_LOKET,
    TERMIJN_LOOPT,
    AanvraagStatus,
    ArrangementStatus,
)

MAATWERK = Q(onderdelen__soort=OnderdeelSoort.MAATWERKVOORZIENING)


def te_laat_filter(vandaag: date) -> Q:
    """Open and past a legal term: the beslistermijn once there is an aanvraag, else the Wmo onderzoek."""
    concept = Q(status=ArrangementStatus.CONCEPT)
    return (
        Q(status__in=TERMIJN_LOOPT, beslistermijn_einde__lt=vandaag)
        | (concept & Q(beslistermijn_einde__lt=vandaag))
        | (concept & Q(aanvraagdatum__isnull=True, onderzoekstermijn_einde__lt=vandaag))
    )


def met_kengetallen(qs: QuerySet[Arrangement]) -> QuerySet[Arrangement]:
    """What a queue row shows, as annotations: maatwerk parts, indicative cost, extended or not."""
    return qs.select_related("inwoner", "team", "opgesteld_door", "behandelaar").annotate(
        aantal_onderdelen=Count("onderdelen", distinct=True),
        aantal_maatwerk=Count("onderdelen", filter=MAATWERK, distinct=True),
        kosten=Sum("onderdelen__indicatieve_kosten"),
        is_verlengd=Exists(Termijnverlenging.objects.filter(arrangement=OuterRef("pk"))),
    )


def met_termijnstand(rijen, vandaag: date | None = None) -> list[Arrangement]:
    """Attach the running clock to each row: pure Python on the row's own dates."""
    vandaag = vandaag or timezone.localdate()
    rijen = list(rijen)
    for arrangement in rijen:
        arrangement.termijn = termijnen.lopende_termijn(arrangement, vandaag)
    return rijen


def wachtrij(user) -> QuerySet[Arrangement]:
    """'Wacht op beoordeling': the consulent's law, nearest deadline first, then the oldest."""
    return met_kengetallen(
        arrangement_rechten.arrangementen_te_beoordelen_voor(user).filter(status__in=BIJ_LOKET)
    ).order_by("beslistermijn_einde", "ingediend_op", "pk")


def met_kengetallen_voor(rijen) -> list[Arrangement]:
    """The rows of one page again, with met_kengetallen's annotations, in the same order."""
    volgorde = [a.pk for a in rijen]
    per_pk = {a.pk: a for a in met_kengetallen(Arrangement.objects.filter(pk__in=volgorde))}
    return [per_pk[pk] for pk in volgorde]


def overzicht(user, *, status: str = "", kengetallen: bool = True) -> QuerySet[Arrangement]:
    """All plans this user may see (kernteam: the team's; loket: submitted and own drafts)."""
    qs = arrangement_rechten.arrangementen_zichtbaar_voor(user)
    if status == "open":
        qs = qs.exclude(
            status__in=[
                ArrangementStatus.GOEDGEKEURD,
                ArrangementStatus.GEDEELTELIJK_GOEDGEKEURD,
                ArrangementStatus.AFGEWEZEN,
                ArrangementStatus.BEEINDIGD,
            ]
        )
    elif status in ArrangementStatus.values:
        qs = qs.filter(status=status)
    return (met_kengetallen(qs) if kengetallen else qs).order_by("-aangemaakt_op", "-pk")


def te_laat(user, vandaag: date | None = None) -> QuerySet[Arrangement]:
    """Past a legal term and still open: the beslistermijn after submission, the Wmo onderzoek before."""
    vandaag = vandaag or timezone.localdate()
    if rechten.is_consulent(user):
        basis = arrangement_rechten.arrangementen_te_beoordelen_voor(user)
    else:
        basis = arrangement_rechten.arrangementen_zichtbaar_voor(user)
    qs = basis.filter(te_laat_filter(vandaag))
    return met_kengetallen(qs).order_by("beslistermijn_einde", "onderzoekstermijn_einde", "pk")


def voor_inwoner(user, inwoner) -> list[Arrangement]:
    """The inwoner's plans this user may see, with the decision per onderdeel: four queries.

    A plan the user may know of but not read in full (a consulent and the other law's plan) comes
    back with ``volledig`` False: the page shows it as a milestone, without its onderdelen."""
    qs = (
        arrangement_rechten.arrangementen_zichtbaar_voor(user)
        .filter(inwoner=inwoner)
        .select_related("team", "opgesteld_door", "behandelaar")
        .prefetch_related(
            Prefetch(
                "onderdelen",
                queryset=Onderdeel.objects.select_related(
                    "categorie", "voorziening", "beoordeling__beoordeeld_door", "beoordeling__zorgaanbieder"
                ).order_by("volgorde", "pk"),
            )
        )
        .order_by("-aangemaakt_op")
    )
    plannen = list(qs)
    volledig = set(
        arrangement_rechten.arrangementen_volledig_leesbaar_voor(user)
        .filter(inwoner=inwoner)
        .values_list("pk", flat=True)
    )
    for plan in plannen:
        plan.volledig = plan.pk in volledig
    return plannen


def casussen_voor_opstellen(user, aantal: int = 100) -> list:
    """The team's casussen a beroepskracht may start a plan from, newest first: one query."""
    if not arrangement_rechten.mag_voorwerk_opstellen(user):
        return []
    return list(
        casus_rechten.casussen_zichtbaar_voor(user)
        .filter(team__in=rechten.teams_van(user))
        .select_related("inwoner")
        .only(
            "uuid",
            "pk",
            "status",
            "startdatum",
            "aangemaakt_op",
            "inwoner__voornamen",
            "inwoner__tussenvoegsel",
            "inwoner__achternaam",
        )
        .order_by("-aangemaakt_op")[:aantal]
    )


def ongelezen_berichten(user) -> int:
    if not rechten.is_actief(user):
        return 0
    return Notificatie.objects.filter(medewerker=user, gelezen_op__isnull=True).count()


def berichten(user) -> QuerySet[Notificatie]:
    return Notificatie.objects.filter(medewerker=user).order_by("-aangemaakt_op", "-pk")


def onderdelen_met_besluit(arrangement: Arrangement) -> list[Onderdeel]:
    return list(
        arrangement.onderdelen.select_related(
            "categorie", "voorziening", "beoordeling__beoordeeld_door", "beoordeling__zorgaanbieder"
        ).order_by("volgorde", "pk")
    )


def lopend_filter(vandaag: date, voorvoegsel: str = "") -> Q:
    """A granted voorziening still running on this day: not past its einddatum, not ended, plan not ended."""
    v = voorvoegsel
    plan = f"{v}onderdeel__arrangement__"
    return (
        Q(**{f"{v}toegekend": True, f"{v}onderdeel__soort": OnderdeelSoort.MAATWERKVOORZIENING})
        & (Q(**{f"{v}einddatum__isnull": True}) | Q(**{f"{v}einddatum__gte": vandaag}))
        & (Q(**{f"{v}beeindigd_op__isnull": True}) | Q(**{f"{v}beeindigd_op__gte": vandaag}))
        & (Q(**{f"{plan}beeindigd_op__isnull": True}) | Q(**{f"{plan}beeindigd_op__gte": vandaag}))
    )


def lopende_voorzieningen(
    user, inwoner, *, alles: bool = False, vandaag: date | None = None
) -> list[Beoordeling]:
    """The inwoner's granted voorzieningen still running, for the top of the dossier: two queries at most.

    Only of plans the reader reads in full (a consulent of the other law, a vrijwilliger: nothing);
    under break-the-glass (``alles``) every plan of the inwoner.
    """
    if rechten.ziet_alleen_eigen_casussen(user):
        return []
    vandaag = vandaag or timezone.localdate()
    qs = Beoordeling.objects.filter(lopend_filter(vandaag), onderdeel__arrangement__inwoner=inwoner)
    if not alles:
        # First the plans the reader reads in full, then their decisions: two small plans for the
        # database instead of one join of six tables with the rights inside (planning it took 5 ms).
        leesbaar = list(
            arrangement_rechten.arrangementen_volledig_leesbaar_voor(user)
            .filter(inwoner=inwoner)
            .values_list("pk", flat=True)
        )
        if not leesbaar:
            return []
        qs = qs.filter(onderdeel__arrangement_id__in=leesbaar)
    return list(
        qs.select_related("zorgaanbieder", "onderdeel__categorie", "onderdeel__arrangement").order_by(
            F("einddatum").asc(nulls_last=True), "ingangsdatum", "pk"
        )
    )


def interne_notities(arrangement: Arrangement) -> list[InterneNotitie]:
    return list(arrangement.interne_notities.select_related("door"))


# -- the loket's werkvoorraad ------------------------------------------------------------------


def werkvoorraad(user, filter_: str = "open") -> QuerySet[Aanvraag]:
    """The consulent's queue, filtered on the indexed (wet, status) first; nearest deadline first."""
    qs = arrangement_rechten.werkvoorraad_voor(user)
    if filter_ == "mijn":
        qs = qs.filter(status=AanvraagStatus.IN_BEHANDELING, behandelaar=user)
    elif filter_ == "in_behandeling":
        qs = qs.filter(status=AanvraagStatus.IN_BEHANDELING)
    elif filter_ == "afgerond":
        qs = qs.filter(status__in=AANVRAAG_AFGEROND).order_by("-afgehandeld_op", "-pk")
    else:
        qs = qs.filter(status__in=AANVRAAG_OPEN)
    if filter_ != "afgerond":
        qs = qs.order_by("besluit_einde", "overgedragen_op", "pk")
    return qs.select_related("inwoner", "overgedragen_door", "overgedragen_team", "behandelaar", "melding")


def aanvraag_context(aanvraag: Aanvraag) -> dict:
    """What the consulent reads on the item: the melding, the casus and its contactmomenten.

    The consulent is a professional of the loket with the inwoner in their caseload (DOMAIN.md), so
    the kernteam's records show in full, confidential notes marked as such.
    """
    vandaag = timezone.localdate()
    contactmomenten = []
    if aanvraag.casus_id:
        contactmomenten = list(aanvraag.casus.contactmomenten.order_by("datum", "pk"))
    return {
        "leefgebieden": list(aanvraag.melding.leefgebieden.all()) if aanvraag.melding_id else [],
        "contactmomenten": contactmomenten,
        "besluit_dagen_over": (aanvraag.besluit_einde - vandaag).days if aanvraag.besluit_einde else None,
        "persoonlijk_plan_open": bool(
            aanvraag.persoonlijk_plan_einde
            and aanvraag.persoonlijk_plan_einde >= vandaag
            and aanvraag.is_open
        ),
    }


# -- after the decision ---------------------------------------------------------------------------


def evaluaties(arrangement: Arrangement) -> list[Evaluatie]:
    return list(arrangement.evaluaties.select_related("door").order_by("op", "pk"))


def evaluaties_te_laat(user, vandaag: date) -> QuerySet[Arrangement]:
    """Overdue evaluations of the user's teams, longest overdue first; one query for the page."""
    return (
        arrangement_rechten.evaluaties_te_laat_voor(user, vandaag)
        .select_related("inwoner", "team", "opgesteld_door", "behandelaar")
        .order_by("evaluatiedatum", "pk")
    )


def loket_trajecten_van(inwoner_ids) -> dict[int, dict[str, list]]:
    """For the loket's intake search: per inwoner the open loket items and the running granted
    voorzieningen (category, until when). Two queries, whatever the number of hits."""
    vandaag = timezone.localdate()
    uitkomst: dict[int, dict[str, list]] = {pk: {"aanvragen": [], "voorzieningen": []} for pk in inwoner_ids}
    for aanvraag in Aanvraag.objects.filter(inwoner_id__in=inwoner_ids, status__in=AANVRAAG_OPEN).order_by(
        "overgedragen_op"
    ):
        uitkomst[aanvraag.inwoner_id]["aanvragen"].append(aanvraag)
    lopend = (
        Beoordeling.objects.filter(
            onderdeel__arrangement__inwoner_id__in=inwoner_ids, toegekend=True, beeindigd_op__isnull=True
        )
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
        .select_related("onderdeel__categorie", "onderdeel__arrangement", "zorgaanbieder")
        .order_by("einddatum")
    )
    for beoordeling in lopend:
        uitkomst[beoordeling.onderdeel.arrangement.inwoner_id]["voorzieningen"].append(beoordeling)
    return uitkomst


def overdrachten(user, *, alle: bool = False) -> QuerySet[Aanvraag]:
    """What the user's teams (or they themselves) handed to the loket; open ones first by default."""
    qs = arrangement_rechten.aanvragen_zichtbaar_voor(user)
    if not alle:
        qs = qs.filter(status__in=AANVRAAG_OPEN)
    return qs.select_related("inwoner", "overgedragen_door", "overgedragen_team", "behandelaar").order_by(
        "-overgedragen_op", "-pk"
    )
