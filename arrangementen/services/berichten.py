"""Messages to the drafter's team: the kernteam keeps seeing what became of its plan (the ISam gap)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from skt.models import Medewerker, Rol

from ..models import Arrangement, Notificatie
from .basis import _nu


def _kort(tekst: str, lengte: int = 200) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def _ontvangers(arrangement: Arrangement) -> list[Medewerker]:
    """The drafter and the beroepskrachten of their team: the people who handed the plan over. For a
    regular-route plan made from a hand-off, also whoever handed the question to the loket and their
    team's beroepskrachten, so the kernteam hears the decision on what it handed over."""
    ontvangers = {arrangement.opgesteld_door_id: arrangement.opgesteld_door}
    teams = [arrangement.team] if arrangement.team_id else []
    for aanvraag in arrangement.aanvragen.filter(veilig_thuis=False).select_related(
        "overgedragen_door", "overgedragen_team"
    ):
        ontvangers.setdefault(aanvraag.overgedragen_door_id, aanvraag.overgedragen_door)
        if aanvraag.overgedragen_team_id:
            teams.append(aanvraag.overgedragen_team)
    for team in teams:
        for lid in team.leden.filter(is_active=True, rol=Rol.BEROEPSKRACHT):
            ontvangers.setdefault(lid.pk, lid)
    return [m for m in ontvangers.values() if m.is_active]


def _notificeren(
    ontvangers: Iterable[Medewerker], arrangement: Arrangement, tekst: str, *, nu: datetime
) -> None:
    link = reverse("arrangementen:detail", kwargs={"uuid": arrangement.uuid})
    for ontvanger in ontvangers:
        Notificatie.objects.create(
            medewerker=ontvanger, arrangement=arrangement, tekst=tekst[:500], link=link, aangemaakt_op=nu
        )


def _besluit_melden(arrangement: Arrangement, *, nu: datetime) -> None:
    toegekend = [
        o
        for o in arrangement.onderdelen.select_related("beoordeling", "categorie")
        if o.beoordeling.toegekend
    ]
    beschikkingen = sorted(
        {o.beoordeling.beschikkingsnummer for o in toegekend if o.beoordeling.beschikkingsnummer}
    )
    tekst = _("%(nummer)s (%(inwoner)s): %(status)s door %(wie)s.") % {
        "nummer": arrangement.nummer,
        "inwoner": arrangement.inwoner.naam,
        "status": arrangement.get_status_display().lower(),
        "wie": arrangement.behandelaar,
    }
    if beschikkingen:
        tekst += " " + _("Beschikking %(nummers)s.") % {"nummers": ", ".join(beschikkingen)}
    _notificeren(_ontvangers(arrangement), arrangement, tekst, nu=nu)


@transaction.atomic
def notificatie_lezen(
    *, door: Medewerker, notificatie: Notificatie, nu: datetime | None = None
) -> Notificatie:
    if notificatie.medewerker_id != door.pk:
        raise PermissionDenied
    if notificatie.gelezen_op is None:
        notificatie.gelezen_op = _nu(nu)
        notificatie.save()
    return notificatie


@transaction.atomic
def notificaties_alle_lezen(*, door: Medewerker, nu: datetime | None = None) -> int:
    """Mark every unread message read; one save per row so the history records each."""
    nu = _nu(nu)
    aantal = 0
    for notificatie in Notificatie.objects.filter(medewerker=door, gelezen_op__isnull=True):
        notificatie.gelezen_op = nu
        notificatie.save()
        aantal += 1
    return aantal
