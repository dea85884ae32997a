"""Handing a leaver's casussen and open adviesvragen to a colleague of the casus's team."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from casussen import rechten as casus_rechten
from skt.models import Medewerker
from skt.registers import Werkitem
from skt.vertrek import al_overgedragen, herverdeling_controleren

from ..models import Adviesvraag, Casus
from ..workflow import CasusStatus


def _casusitem(casus: Casus) -> Werkitem:
    return Werkitem(
        soort="casus",
        uuid=casus.uuid,
        medewerker_id=casus.casushouder_id,
        omschrijving=_("%(nummer)s, %(inwoner)s (%(team)s, %(status)s)")
        % {
            "nummer": casus.nummer,
            "inwoner": casus.inwoner.naam,
            "team": casus.team.naam,
            "status": casus.get_status_display().lower(),
        },
        link=reverse("casussen:detail", kwargs={"uuid": casus.uuid}),
        inwoner_id=casus.inwoner_id,
    )


def open_casussen(medewerker_ids: Iterable[int]) -> list[Werkitem]:
    casussen = (
        Casus.objects.filter(casushouder_id__in=list(medewerker_ids))
        .exclude(status=CasusStatus.AFGESLOTEN)
        .select_related("inwoner", "team")
        .order_by("aangemaakt_op", "pk")
    )
    return [_casusitem(c) for c in casussen]


def _casushouder_controleren(casus: Casus, naar: Medewerker) -> None:
    if not casus_rechten.mag_casushouder_zijn(naar, casus.team):
        raise ValidationError(
            {
                "naar": [
                    _("De casushouder is een actieve beroepskracht van team %(team)s; %(wie)s is dat niet.")
                    % {"team": casus.team, "wie": naar}
                ]
            }
        )


@transaction.atomic
def casus_herverdelen(
    *, door: Medewerker, uuid, van: Medewerker, naar: Medewerker | None, reden: str
) -> Werkitem:
    """A new casushouder of the casus's own team; the team keeps its grants, history keeps the old one."""
    reden = herverdeling_controleren(door=door, van=van, naar=naar, reden=reden)
    casus = Casus.objects.select_for_update().filter(uuid=uuid).first()
    if casus is None or not casus_rechten.mag_casus_herverdelen(door, casus):
        raise PermissionDenied(_("Deze casus verdeelt de coördinator van het team van de casus."))
    if casus.casushouder_id != van.pk or not casus.is_open:
        raise al_overgedragen(casus.casushouder if casus.is_open else None)
    _casushouder_controleren(casus, naar)
    if casus.toets_collega_id == naar.pk:
        raise ValidationError(
            {
                "naar": [
                    _("%(wie)s deed de collegiale toets van deze casus en kan geen casushouder worden.")
                    % {"wie": naar}
                ]
            }
        )
    casus.casushouder = naar
    casus._change_reason = reden[:100]
    casus.save()
    casus_rechten.casushouder_wisselen(casus, van, naar)
    return _casusitem(casus)


def _adviesitem(vraag: Adviesvraag) -> Werkitem:
    return Werkitem(
        soort="adviesvraag",
        uuid=vraag.uuid,
        medewerker_id=vraag.gevraagd_door_id,
        omschrijving=_("Adviesvraag bij %(nummer)s, %(inwoner)s (gevraagd %(op)s)")
        % {
            "nummer": vraag.casus.nummer,
            "inwoner": vraag.casus.inwoner.naam,
            "op": vraag.gevraagd_op.strftime("%d-%m-%Y"),
        },
        link=reverse("casussen:detail", kwargs={"uuid": vraag.casus.uuid}),
        inwoner_id=vraag.casus.inwoner_id,
    )


def open_adviesvragen(medewerker_ids: Iterable[int]) -> list[Werkitem]:
    vragen = (
        Adviesvraag.objects.filter(gevraagd_door_id__in=list(medewerker_ids), geadviseerd_op__isnull=True)
        .select_related("casus__inwoner")
        .order_by("gevraagd_op", "pk")
    )
    return [_adviesitem(v) for v in vragen]


@transaction.atomic
def adviesvraag_herverdelen(
    *, door: Medewerker, uuid, van: Medewerker, naar: Medewerker | None, reden: str
) -> Werkitem:
    """The open question to the coordinator: the advice goes to a beroepskracht of the casus's team."""
    reden = herverdeling_controleren(door=door, van=van, naar=naar, reden=reden)
    vraag = Adviesvraag.objects.select_for_update().select_related("casus__team").filter(uuid=uuid).first()
    if vraag is None or not casus_rechten.mag_casus_herverdelen(door, vraag.casus):
        raise PermissionDenied(_("Deze adviesvraag verdeelt de coördinator van het team van de casus."))
    if vraag.gevraagd_door_id != van.pk or not vraag.is_open:
        raise al_overgedragen(vraag.gevraagd_door if vraag.is_open else None)
    _casushouder_controleren(vraag.casus, naar)
    vraag.gevraagd_door = naar
    vraag._change_reason = reden[:100]
    vraag.save()
    return _adviesitem(vraag)
