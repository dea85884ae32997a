"""Handing a leaver's plans (as drafter or as consulent in behandeling) and loket items to a colleague."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from skt.models import Medewerker
from skt.registers import Werkitem
from skt.vertrek import al_overgedragen, herverdeling_controleren

from .. import rechten as arrangement_rechten
from ..models import Aanvraag, Arrangement
from ..workflow import BEWERKBAAR, AanvraagStatus, ArrangementStatus


def _plan(arrangement: Arrangement, soort: str, medewerker_id: int) -> Werkitem:
    return Werkitem(
        soort=soort,
        uuid=arrangement.uuid,
        medewerker_id=medewerker_id,
        omschrijving=_("%(nummer)s, %(inwoner)s (%(wet)s, %(status)s)")
        % {
            "nummer": arrangement.nummer,
            "inwoner": arrangement.inwoner.naam,
            "wet": arrangement.get_wet_display(),
            "status": arrangement.get_status_display().lower(),
        },
        link=reverse("arrangementen:detail", kwargs={"uuid": arrangement.uuid}),
        inwoner_id=arrangement.inwoner_id,
    )


def open_plannen_als_opsteller(medewerker_ids: Iterable[int]) -> list[Werkitem]:
    plannen = (
        Arrangement.objects.filter(opgesteld_door_id__in=list(medewerker_ids), status__in=BEWERKBAAR)
        .select_related("inwoner")
        .order_by("aangemaakt_op", "pk")
    )
    return [_plan(a, "opsteller", a.opgesteld_door_id) for a in plannen]


def open_plannen_als_behandelaar(medewerker_ids: Iterable[int]) -> list[Werkitem]:
    plannen = (
        Arrangement.objects.filter(
            behandelaar_id__in=list(medewerker_ids), status=ArrangementStatus.IN_BEHANDELING
        )
        .select_related("inwoner")
        .order_by("aangemaakt_op", "pk")
    )
    return [_plan(a, "behandelaar", a.behandelaar_id) for a in plannen]


def _weigeren(wat: str) -> PermissionDenied:
    return PermissionDenied(
        _("%(wat)s verdeelt de coördinator van het team dat het werk heeft.") % {"wat": wat}
    )


@transaction.atomic
def opsteller_herverdelen(
    *, door: Medewerker, uuid, van: Medewerker, naar: Medewerker | None, reden: str
) -> Werkitem:
    """A concept or returned plan gets a new drafter; the drafter's personal grants move with it."""
    reden = herverdeling_controleren(door=door, van=van, naar=naar, reden=reden)
    plan = Arrangement.objects.select_for_update().filter(uuid=uuid).first()
    if plan is None or not arrangement_rechten.mag_arrangement_herverdelen(door, plan, van):
        raise _weigeren(_("Dit arrangement"))
    if plan.opgesteld_door_id != van.pk or not plan.is_bewerkbaar:
        raise al_overgedragen(plan.opgesteld_door if plan.is_bewerkbaar else None)
    if not arrangement_rechten.mag_opsteller_worden(naar, plan):
        raise ValidationError(
            {
                "naar": [
                    _(
                        "Dit plan stelt een actieve beroepskracht van het team op (voorwerk) of een "
                        "consulent van de wet (reguliere route); %(wie)s is dat niet."
                    )
                    % {"wie": naar}
                ]
            }
        )
    plan.opgesteld_door = naar
    plan._change_reason = reden[:100]
    plan.save()
    arrangement_rechten.opsteller_wisselen(plan, van, naar)
    return _plan(plan, "opsteller", naar.pk)


@transaction.atomic
def behandelaar_herverdelen(
    *, door: Medewerker, uuid, van: Medewerker, naar: Medewerker | None, reden: str
) -> Werkitem:
    """A plan in behandeling goes to another consulent of its law; the loket's grants stay."""
    reden = herverdeling_controleren(door=door, van=van, naar=naar, reden=reden)
    plan = Arrangement.objects.select_for_update().filter(uuid=uuid).first()
    if plan is None or not arrangement_rechten.mag_arrangement_herverdelen(door, plan, van):
        raise _weigeren(_("Dit arrangement"))
    if plan.behandelaar_id != van.pk or plan.status != ArrangementStatus.IN_BEHANDELING:
        raise al_overgedragen(plan.behandelaar if plan.status == ArrangementStatus.IN_BEHANDELING else None)
    if not arrangement_rechten.mag_behandelaar_worden(naar, plan):
        raise ValidationError(
            {
                "naar": [
                    _(
                        "Dit plan beoordeelt een consulent %(wet)s die het niet zelf opstelde; "
                        "%(wie)s is dat niet."
                    )
                    % {"wet": plan.get_wet_display(), "wie": naar}
                ]
            }
        )
    plan.behandelaar = naar
    plan._change_reason = reden[:100]
    plan.save()
    return _plan(plan, "behandelaar", naar.pk)


def _aanvraagitem(aanvraag: Aanvraag) -> Werkitem:
    return Werkitem(
        soort="aanvraag",
        uuid=aanvraag.uuid,
        medewerker_id=aanvraag.behandelaar_id,
        omschrijving=_("%(nummer)s, %(inwoner)s (%(wet)s)")
        % {
            "nummer": aanvraag.nummer,
            "inwoner": aanvraag.inwoner.naam if aanvraag.inwoner_id else _("anonieme melding"),
            "wet": aanvraag.get_wet_display(),
        },
        link=reverse("arrangementen:aanvraag", kwargs={"uuid": aanvraag.uuid}),
        inwoner_id=aanvraag.inwoner_id,
    )


def open_aanvragen(medewerker_ids: Iterable[int]) -> list[Werkitem]:
    aanvragen = (
        Aanvraag.objects.filter(behandelaar_id__in=list(medewerker_ids), status=AanvraagStatus.IN_BEHANDELING)
        .select_related("inwoner")
        .order_by("overgedragen_op", "pk")
    )
    return [_aanvraagitem(a) for a in aanvragen]


@transaction.atomic
def aanvraag_herverdelen(
    *, door: Medewerker, uuid, van: Medewerker, naar: Medewerker | None, reden: str
) -> Werkitem:
    """A loket item in behandeling goes to another consulent of its law (the queue is per law)."""
    reden = herverdeling_controleren(door=door, van=van, naar=naar, reden=reden)
    aanvraag = Aanvraag.objects.select_for_update().filter(uuid=uuid).first()
    if aanvraag is None or not arrangement_rechten.mag_herverdelen_in_loket(door, van):
        raise _weigeren(_("Deze aanvraag"))
    if aanvraag.behandelaar_id != van.pk or aanvraag.status != AanvraagStatus.IN_BEHANDELING:
        raise al_overgedragen(
            aanvraag.behandelaar if aanvraag.status == AanvraagStatus.IN_BEHANDELING else None
        )
    if not arrangement_rechten.mag_aanvraag_behandelen(naar, aanvraag):
        raise ValidationError(
            {
                "naar": [
                    _("Deze aanvraag behandelt een consulent %(wet)s; %(wie)s is dat niet.")
                    % {"wet": aanvraag.get_wet_display(), "wie": naar}
                ]
            }
        )
    aanvraag.behandelaar = naar
    aanvraag._change_reason = reden[:100]
    aanvraag.save()
    return _aanvraagitem(aanvraag)
