"""The coördinator's advice on a doubtful casus, and starting it afterwards."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casussen import rechten as casus_rechten
from skt.models import Medewerker

from ..models import Adviesvraag, Casus
from .basis import datum_controleren, status_zetten, vergrendeld


@transaction.atomic
def advies_geven(
    *, door: Medewerker, adviesvraag: Adviesvraag, past_binnen_kaders: bool | None, advies: str
) -> Adviesvraag:
    """The coordinator's advice; afterwards the casushouder decides to start or not."""
    casus = vergrendeld(adviesvraag.casus_id)
    if not casus_rechten.mag_advies_geven(door, casus):
        raise PermissionDenied
    adviesvraag = Adviesvraag.objects.select_for_update().get(pk=adviesvraag.pk)
    if not adviesvraag.is_open:
        raise ValidationError(
            _("Op deze vraag is al advies gegeven door %(wie)s op %(wanneer)s.")
            % {
                "wie": adviesvraag.adviseur,
                "wanneer": timezone.localtime(adviesvraag.geadviseerd_op).strftime("%d-%m-%Y %H:%M"),
            },
            code="al_geadviseerd",
        )
    fouten = {}
    if past_binnen_kaders is None:
        fouten["past_binnen_kaders"] = [_("Geef aan of kortdurende ondersteuning hier past.")]
    if not (advies or "").strip():
        fouten["advies"] = [_("Schrijf uw advies op voor de casushouder.")]
    if fouten:
        raise ValidationError(fouten)
    status_zetten(casus, actie="advies_ontvangen", door=door, toelichting=advies)
    casus.save()
    adviesvraag.past_binnen_kaders = past_binnen_kaders
    adviesvraag.advies = advies.strip()
    adviesvraag.adviseur = door
    adviesvraag.geadviseerd_op = timezone.now()
    adviesvraag.save()
    return adviesvraag


FOUT_WACHT_OP_ADVIES = gettext_lazy(
    "Deze casus wacht op het advies van de coördinator; hij kan pas starten als het advies er is."
)


@transaction.atomic
def casus_starten_na_advies(*, door: Medewerker, casus: Casus, startdatum: date | None = None) -> Casus:
    casus = vergrendeld(casus.pk)
    if not casus_rechten.mag_casus_behandelen(door, casus):
        raise PermissionDenied
    if casus.adviesvragen.filter(geadviseerd_op__isnull=True).exists():
        raise ValidationError(FOUT_WACHT_OP_ADVIES, code="wacht_op_advies")
    startdatum = datum_controleren(
        startdatum or timezone.localdate(),
        veld="startdatum",
        wat="startdatum",
        niet_voor=casus.melding.aanmeldingsdatum,
    )
    status_zetten(casus, actie="starten", door=door)
    casus.startdatum = startdatum
    casus.save()
    return casus
