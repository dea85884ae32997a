"""The inwoner's consent to a vrijwilliger, and (un)assigning one; the rights follow."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen import rechten as casus_rechten
from skt.models import Medewerker

from ..models import Casus
from .basis import vergrendeld


@transaction.atomic
def vrijwilliger_wijzigen(
    *,
    door: Medewerker,
    casus: Casus,
    vrijwilliger_toestemming: bool | None,
    vrijwilliger: Medewerker | None,
) -> Casus:
    """Record the inwoner's consent and (un)assign the volunteer; rights follow."""
    casus = vergrendeld(casus.pk)
    if not casus_rechten.mag_casus_behandelen(door, casus):
        raise PermissionDenied
    if not casus.is_open:
        raise ValidationError(_("Deze casus is afgesloten; de vrijwilliger kan niet meer wijzigen."))
    if vrijwilliger is not None:
        if vrijwilliger_toestemming is not True:
            raise ValidationError(
                {
                    "vrijwilliger": _(
                        "Een vrijwilliger komt alleen mee als de inwoner daarmee instemt; leg eerst de "
                        "toestemming vast, of laat de vrijwilliger leeg."
                    )
                }
            )
        if not casus_rechten.mag_vrijwilliger_zijn(vrijwilliger, casus.team):
            raise ValidationError(
                {"vrijwilliger": _("Kies een vrijwilliger van het team %(team)s.") % {"team": casus.team}}
            )
    vorige = casus.vrijwilliger
    if casus.vrijwilliger_toestemming != vrijwilliger_toestemming:
        casus.vrijwilliger_toestemming = vrijwilliger_toestemming
        casus.toestemming_vastgelegd_op = timezone.now() if vrijwilliger_toestemming is not None else None
    casus.vrijwilliger = vrijwilliger
    casus.save()
    if vorige is not None and vorige != vrijwilliger:
        casus_rechten.casus_vrijwilliger_toegang_intrekken(casus, vorige)
    if vrijwilliger is not None and vorige != vrijwilliger:
        casus_rechten.casus_vrijwilliger_toegang_geven(casus, vrijwilliger)
    return casus
