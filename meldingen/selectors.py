"""Queries for the meldingen queues: always on top of the rights queryset, constant query counts.

Every list starts from ``melding_rechten.meldingen_zichtbaar_voor(user)``, so a queue can never show more
than the user may read (Veilig Thuis stays out for kernteam roles and the coordinator).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meldingen import rechten as melding_rechten
from skt import rechten
from skt.models import Team
from skt.profiel.instellingen import instellingen

from .models import Melding
from .vocab import TriageUitkomst
from .workflow import MeldingStatus


def termijn_eerste_contact() -> int:
    """The profile's term for first contact, in calendar days from the aanmeldingsdatum."""
    return instellingen().termijnen.eerste_contact_dagen


def te_laat_grens(termijn: int, vandaag: date | None = None) -> date:
    """Meldingen registered before this date are past the first-contact term today."""
    return (vandaag or timezone.localdate()) - timedelta(days=termijn)


@dataclass(frozen=True)
class Termijnstand:
    """Where a melding stands against the first-contact term: a text, never colour alone."""

    uiterlijk: date
    dagen_over: int  # negative: days late

    @property
    def te_laat(self) -> bool:
        return self.dagen_over < 0

    @property
    def tekst(self) -> str:
        if self.dagen_over < 0:
            n = -self.dagen_over
            return ngettext("%(n)d dag te laat", "%(n)d dagen te laat", n) % {"n": n}
        if self.dagen_over == 0:
            return _("vandaag de laatste dag")
        n = self.dagen_over
        return ngettext("nog %(n)d dag", "nog %(n)d dagen", n) % {"n": n}


def termijnstand(aanmeldingsdatum: date, termijn: int, vandaag: date | None = None) -> Termijnstand:
    uiterlijk = aanmeldingsdatum + timedelta(days=termijn)
    return Termijnstand(uiterlijk=uiterlijk, dagen_over=(uiterlijk - (vandaag or timezone.localdate())).days)


def teams_voor_wachtrij(user) -> QuerySet[Team]:
    return rechten.teams_van(user).order_by("naam")


def _van_mijn_teams(user, qs: QuerySet[Melding]) -> QuerySet[Melding]:
    """Meldingen held by one of the user's teams.

    A consulent also follows the kernteam's meldingen that were triaged for a joint home visit
    (kernteam with consulent): the loket holds rights on them from the start.
    """
    voorwaarde = Q(team__in=rechten.teams_van(user))
    if melding_rechten.mag_gezamenlijk_huisbezoek_volgen(user):
        voorwaarde |= Q(triage_uitkomst=TriageUitkomst.KERNTEAM_CONSULENT)
    return qs.filter(voorwaarde)


def wachtrij(user, *, status: str = MeldingStatus.GETRIEERD) -> QuerySet[Melding]:
    """The team queue for one status, oldest first; the page's rows come with everything they show."""
    qs = _van_mijn_teams(user, melding_rechten.meldingen_zichtbaar_voor(user).filter(status=status))
    return (
        qs.select_related("inwoner", "team", "eerste_contact_door")
        .prefetch_related("leefgebieden")
        .order_by("aanmeldingsdatum", "geregistreerd_op", "pk")
    )


def filters_toepassen(qs: QuerySet[Melding], filters: dict) -> QuerySet[Melding]:
    """Apply the already validated filters of the queue form (empty values mean: no filter)."""
    if filters.get("team"):
        qs = qs.filter(team=filters["team"])
    if filters.get("ingang"):
        qs = qs.filter(ingang=filters["ingang"])
    if filters.get("leefgebied"):
        # Exists, not a join: a melding with two leefgebieden must not appear twice.
        qs = qs.filter(
            Exists(
                Melding.leefgebieden.through.objects.filter(
                    melding_id=OuterRef("pk"), leefgebied=filters["leefgebied"]
                )
            )
        )
    if filters.get("van"):
        qs = qs.filter(aanmeldingsdatum__gte=filters["van"])
    if filters.get("tot"):
        qs = qs.filter(aanmeldingsdatum__lte=filters["tot"])
    return qs


def te_laat(user, termijn: int) -> QuerySet[Melding]:
    """Awaiting first contact and past the term."""
    return wachtrij(user).filter(aanmeldingsdatum__lt=te_laat_grens(termijn))


def achterstand_per_team(user, termijn: int) -> list[Team]:
    """Per team of the user: meldingen awaiting first contact, and how many of those are late.

    One query on the indexed status and team of the few waiting meldingen (the rights are checked for
    those only), grouped by team; not a join of every melding of every team (issue 14)."""
    teams = list(teams_voor_wachtrij(user))
    zichtbaar = melding_rechten.meldingen_zichtbaar_voor(user).filter(
        status=MeldingStatus.GETRIEERD, team__in=[t.pk for t in teams]
    )
    tellingen = {
        rij["team"]: rij
        for rij in zichtbaar.order_by()
        .values("team")
        .annotate(
            wachtend=Count("pk"),
            te_laat=Count("pk", filter=Q(aanmeldingsdatum__lt=te_laat_grens(termijn))),
        )
    }
    for team in teams:
        team.wachtend = tellingen.get(team.pk, {}).get("wachtend", 0)
        team.te_laat = tellingen.get(team.pk, {}).get("te_laat", 0)
    return teams


def werkvoorraad(user, termijn: int) -> dict[str, int]:
    """Counts for the start page: awaiting first contact, late, in behandeling. One query."""
    qs = _van_mijn_teams(user, melding_rechten.meldingen_zichtbaar_voor(user))
    # The indexed status first, so the rights EXISTS runs on the open few, not on a decade of meldingen.
    qs = qs.filter(status__in=[MeldingStatus.GETRIEERD, MeldingStatus.IN_BEHANDELING])
    wachtend = Q(status=MeldingStatus.GETRIEERD)
    return qs.aggregate(
        wachtend=Count("pk", filter=wachtend),
        te_laat=Count("pk", filter=wachtend & Q(aanmeldingsdatum__lt=te_laat_grens(termijn))),
        in_behandeling=Count("pk", filter=Q(status=MeldingStatus.IN_BEHANDELING)),
    )
