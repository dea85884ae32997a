"""Read-side queries for casus pages: caseloads and ZRM change, set-based with a fixed query count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skt.profiel.instellingen import instellingen

from . import services
from .models import Adviesvraag, Casus, Contactmoment, ZrmScore
from .vocab import ZrmMoment
from .workflow import CasusStatus

TELT = Q(contactmomenten__is_vinger_aan_de_pols=False)
# Two contactmomenten before the maximum the team is warned to discuss how the support ends.
WAARSCHUWEN_VOOR_MAXIMUM = 2


@dataclass(frozen=True)
class Contactlimiet:
    """Where a casus stands against the maximum of contactmomenten; only a running casus warns."""

    aantal: int
    maximum: int
    lopend: bool

    @property
    def resterend(self) -> int:
        return max(0, self.maximum - self.aantal)

    @property
    def waarschuwen(self) -> bool:
        return self.lopend and self.maximum - WAARSCHUWEN_VOOR_MAXIMUM <= self.aantal < self.maximum

    @property
    def bereikt(self) -> bool:
        return self.lopend and self.aantal >= self.maximum


def contactlimiet(casus: Casus, contactmomenten: list[Contactmoment] | None = None) -> Contactlimiet:
    """The casus page's counter and warnings; counts the already loaded contactmomenten when given."""
    if contactmomenten is None:
        aantal = services.tellende_contactmomenten(casus)
    else:
        aantal = sum(1 for c in contactmomenten if not c.is_vinger_aan_de_pols)
    return Contactlimiet(aantal, services.max_contactmomenten(), casus.status == CasusStatus.LOPEND)


def met_kengetallen(qs: QuerySet[Casus]) -> QuerySet[Casus]:
    """Contact count, last contact and the open advice request as SQL annotations: no query per row."""
    open_advies = Adviesvraag.objects.filter(casus=OuterRef("pk"), geadviseerd_op__isnull=True)
    return qs.select_related("inwoner", "team", "casushouder", "vrijwilliger").annotate(
        aantal_contacten=Count("contactmomenten", filter=TELT),
        laatste_contact=Max("contactmomenten__datum", filter=TELT),
        advies_gevraagd_op=Subquery(open_advies.order_by("gevraagd_op").values("gevraagd_op")[:1]),
        heeft_open_advies=Exists(open_advies),
    )


@dataclass(frozen=True)
class Termijnen:
    maximum: int
    zonder_contact_dagen: int
    doorlooptijd_dagen: int
    advies_dagen: int

    @classmethod
    def uit_profiel(cls) -> Termijnen:
        """All from one read of the active gemeente profile."""
        profiel = instellingen()
        return cls(
            maximum=profiel.max_contactmomenten,
            zonder_contact_dagen=profiel.termijnen.casus_zonder_contact_dagen,
            doorlooptijd_dagen=profiel.termijnen.casus_doorlooptijd_dagen,
            advies_dagen=profiel.termijnen.casus_advies_dagen,
        )


def achterstanden(casus: Casus, termijnen: Termijnen, vandaag: date | None = None) -> list[str]:
    """What needs attention in a caseload row, from the annotations of met_kengetallen only."""
    vandaag = vandaag or timezone.localdate()
    signalen = []
    if casus.status == CasusStatus.LOPEND:
        if casus.aantal_contacten >= termijnen.maximum:
            signalen.append(_("maximum bereikt: besluit nodig"))
        sinds = casus.laatste_contact or casus.startdatum
        if sinds and (vandaag - sinds).days > termijnen.zonder_contact_dagen:
            signalen.append(_("%(n)s dagen geen contact") % {"n": (vandaag - sinds).days})
        if casus.startdatum and (vandaag - casus.startdatum).days > termijnen.doorlooptijd_dagen:
            signalen.append(_("langer dan %(n)s dagen open") % {"n": termijnen.doorlooptijd_dagen})
    if casus.status == CasusStatus.WACHT_OP_ADVIES and casus.advies_gevraagd_op:
        dagen = (vandaag - timezone.localtime(casus.advies_gevraagd_op).date()).days
        if dagen > termijnen.advies_dagen:
            signalen.append(_("wacht %(n)s dagen op advies") % {"n": dagen})
    return signalen


def rijen_verrijken(casussen, termijnen: Termijnen) -> list[Casus]:
    vandaag = timezone.localdate()
    rijen = list(casussen)
    for casus in rijen:
        casus.achterstanden = achterstanden(casus, termijnen, vandaag)
        casus.dagen_open_nu = casus.dagen_open(vandaag)
        limiet = Contactlimiet(casus.aantal_contacten, termijnen.maximum, casus.status == CasusStatus.LOPEND)
        casus.bijna_maximum = limiet.waarschuwen
        casus.resterend = limiet.resterend
    return rijen


def teamoverzicht(qs: QuerySet[Casus], maximum: int) -> list[dict]:
    """Per team: open, waiting for advice, at the maximum. Two aggregate queries."""
    per_team = (
        qs.exclude(status=CasusStatus.AFGESLOTEN)
        .values("team__naam", "team__code")
        .annotate(
            open=Count("pk", distinct=True),
            wacht_op_advies=Count("pk", filter=Q(status=CasusStatus.WACHT_OP_ADVIES), distinct=True),
        )
        .order_by("team__naam")
    )
    # A correlated count per casus, not a join: joining contactmomenten here would multiply the rows.
    telling = (
        Contactmoment.objects.filter(casus=OuterRef("pk"), is_vinger_aan_de_pols=False)
        .order_by()
        .values("casus")
        .annotate(n=Count("pk"))
        .values("n")
    )
    aan_maximum = dict(
        qs.filter(status=CasusStatus.LOPEND)
        .annotate(n=Coalesce(Subquery(telling), 0))
        .filter(n__gte=maximum)
        .order_by()
        .values("team__code")
        .annotate(aantal=Count("pk"))
        .values_list("team__code", "aantal")
    )
    return [{**rij, "aan_maximum": aan_maximum.get(rij["team__code"], 0)} for rij in per_team]


def werkvoorraad(qs: QuerySet[Casus], maximum: int) -> dict[str, int]:
    """Open, running, near and at the maximum: one aggregate over a correlated count per casus."""
    telling = (
        Contactmoment.objects.filter(casus=OuterRef("pk"), is_vinger_aan_de_pols=False)
        .order_by()
        .values("casus")
        .annotate(n=Count("pk"))
        .values("n")
    )
    lopend = Q(status=CasusStatus.LOPEND)
    return (
        qs.exclude(status=CasusStatus.AFGESLOTEN)
        .annotate(n=Coalesce(Subquery(telling), 0))
        .aggregate(
            open=Count("pk"),
            lopend=Count("pk", filter=lopend),
            bijna_maximum=Count(
                "pk", filter=lopend & Q(n__gte=maximum - WAARSCHUWEN_VOOR_MAXIMUM, n__lt=maximum)
            ),
            aan_maximum=Count("pk", filter=lopend & Q(n__gte=maximum)),
            wacht_op_advies=Count("pk", filter=Q(status=CasusStatus.WACHT_OP_ADVIES)),
        )
    )


# The counts of werkvoorraad() as filters of the caseload, so every count on Mijn werk links to its list.
STANDEN = {
    "aan_maximum": gettext_lazy("Maximum contactmomenten bereikt"),
    "bijna_maximum": gettext_lazy("Bijna aan het maximum"),
    "wacht_op_advies": gettext_lazy("Wacht op advies"),
}


def stand_filteren(qs: QuerySet[Casus], stand: str, maximum: int) -> QuerySet[Casus]:
    """The casussen one count of werkvoorraad() counts, by the same rule."""
    if stand == "wacht_op_advies":
        return qs.filter(status=CasusStatus.WACHT_OP_ADVIES)
    telling = (
        Contactmoment.objects.filter(casus=OuterRef("pk"), is_vinger_aan_de_pols=False)
        .order_by()
        .values("casus")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs = qs.filter(status=CasusStatus.LOPEND).annotate(stand_n=Coalesce(Subquery(telling), 0))
    if stand == "aan_maximum":
        return qs.filter(stand_n__gte=maximum)
    return qs.filter(stand_n__gte=maximum - WAARSCHUWEN_VOOR_MAXIMUM, stand_n__lt=maximum)


def per_casushouder(qs: QuerySet[Casus]) -> list[dict]:
    """The caseload of each beroepskracht: open casussen. One aggregate query."""
    return list(
        qs.exclude(status=CasusStatus.AFGESLOTEN)
        .values("casushouder__first_name", "casushouder__last_name", "casushouder__username", "team__naam")
        .annotate(open=Count("pk"), lopend=Count("pk", filter=Q(status=CasusStatus.LOPEND)))
        .order_by("team__naam", "casushouder__first_name", "casushouder__last_name")
    )


@dataclass
class ZrmRij:
    leefgebied: object
    start: int | None
    tussen: int | None
    eind: int | None

    @property
    def verschil(self) -> int | None:
        laatste = self.eind if self.eind is not None else self.tussen
        if self.start is None or laatste is None:
            return None
        return laatste - self.start


def zrm_verloop(casus: Casus, leefgebieden) -> list[ZrmRij]:
    """Per leefgebied of the profile: start, latest in-between and closing score, and the change."""
    scores: dict[tuple[int, str], int | None] = {}
    for score in ZrmScore.objects.filter(casus=casus).order_by("datum", "pk"):
        scores[(score.leefgebied_id, score.moment)] = score.score  # later in-between scores win
    return [
        ZrmRij(
            leefgebied=lg,
            start=scores.get((lg.pk, ZrmMoment.START)),
            tussen=scores.get((lg.pk, ZrmMoment.TUSSEN)),
            eind=scores.get((lg.pk, ZrmMoment.EIND)),
        )
        for lg in leefgebieden
    ]


def zrm_beginwaarden(casus: Casus, moment: str) -> dict[int, int | None]:
    """Pre-fill with what was already recorded for this moment only: an untouched domain stays
    'niet besproken' instead of silently copying an earlier score."""
    if moment == ZrmMoment.TUSSEN:
        return {}
    return dict(ZrmScore.objects.filter(casus=casus, moment=moment).values_list("leefgebied_id", "score"))


def casus_bij_melding(user, melding) -> dict:
    """For the melding page: the casus that runs on it, or whether this user may start one.

    Returns {"casus": Casus | None, "mag_starten": bool}; the start page is
    reverse("casussen:nieuw", args=[melding.uuid]), the casus page reverse("casussen:detail", ...).
    """
    from casussen import rechten as casus_rechten

    casus = (
        casus_rechten.casussen_te_openen_voor(user)
        .filter(melding=melding)
        .order_by(F("afgesloten_op").desc(nulls_first=True), "-pk")
        .first()
    )
    open_casus = casus is not None and casus.is_open
    # One next step per screen (issue 15): the melding page offers a casus once first contact is recorded.
    mag_starten = (
        not open_casus
        and melding.eerste_contact_op is not None
        and melding.status in services.STARTBARE_MELDINGSTATUSSEN
        and melding.triage_uitkomst in services.KERNTEAM_TRIAGE
        and melding.inwoner_id is not None
        and casus_rechten.mag_casus_starten(user, melding)
    )
    return {"casus": casus, "mag_starten": mag_starten}
