"""What the casus workflows share: the profile's maximum, the kernel's workflow helpers bound to the
casus table, and the date check every form date goes through."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from skt import workflow
from skt.profiel.instellingen import instellingen

from ..models import Casus
from ..workflow import WERKSTROOM


def max_contactmomenten() -> int:
    """The gemeente profile's maximum of support contacts (seed 001: "maximaal tien")."""
    return instellingen().max_contactmomenten


# The kernel's helpers bound to the casus's table.
status_zetten = partial(workflow.status_zetten, werkstroom=WERKSTROOM)
vergrendeld = partial(workflow.vergrendeld, Casus)


def datum_controleren(datum: date | None, *, veld: str, wat: str, niet_voor: date | None = None) -> date:
    if not isinstance(datum, date):
        raise ValidationError({veld: _("Vul de %(wat)s in.") % {"wat": wat}})
    if datum > timezone.localdate():
        raise ValidationError(
            {veld: _("De %(wat)s ligt in de toekomst; vul vandaag of een eerdere datum in.") % {"wat": wat}}
        )
    if niet_voor and datum < niet_voor:
        raise ValidationError(
            {
                veld: _("De %(wat)s ligt vóór %(grens)s; dat kan niet.")
                % {"wat": wat, "grens": niet_voor.strftime("%d-%m-%Y")}
            }
        )
    return datum
