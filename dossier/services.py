"""Writes of the top layer: the bewaarplicht on a dossier and the decision on a request for erasure."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skt.models import Inwoner, Medewerker

from . import bewaartermijnen, rechten
from .models import Bewaarplicht, Bewaarrun, Bewaartelling, Verwijderverzoek


def _reden(tekst: str, veld: str = "reden") -> str:
    tekst = (tekst or "").strip()
    if len(tekst) < 10:
        raise ValidationError({veld: _("Geef een reden van minstens 10 tekens.")})
    if len(tekst) > 2000:
        raise ValidationError({veld: _("Gebruik hoogstens 2000 tekens.")})
    return tekst


def actieve_bewaarplicht(inwoner: Inwoner) -> Bewaarplicht | None:
    return Bewaarplicht.objects.filter(inwoner=inwoner, opgeheven_op__isnull=True).first()


@transaction.atomic
def bewaarplicht_instellen(*, door: Medewerker, inwoner: Inwoner, grond: str, reden: str) -> Bewaarplicht:
    """Stop the retention job for this inwoner until the hold is lifted."""
    if not rechten.mag_bewaarplicht_beheren(door):
        raise PermissionDenied
    if grond not in Bewaarplicht.Grond.values:
        raise ValidationError({"grond": _("Kies een grond voor de bewaarplicht.")})
    reden = _reden(reden)
    # The same lock as the retention job takes: a hold set now is seen by a run that is busy.
    inwoner = Inwoner.objects.select_for_update().get(pk=inwoner.pk)
    plicht = Bewaarplicht(inwoner=inwoner, grond=grond, reden=reden, ingesteld_door=door)
    plicht._change_reason = _("bewaarplicht ingesteld")
    plicht.full_clean()
    plicht.save()
    return plicht


@transaction.atomic
def bewaarplicht_opheffen(*, door: Medewerker, bewaarplicht: Bewaarplicht, reden: str) -> Bewaarplicht:
    if not rechten.mag_bewaarplicht_beheren(door):
        raise PermissionDenied
    reden = _reden(reden, "opheffing_reden")
    plicht = Bewaarplicht.objects.select_for_update().get(pk=bewaarplicht.pk)
    if plicht.opgeheven_op is not None:
        raise ValidationError(_("Deze bewaarplicht is al opgeheven."))
    plicht.opgeheven_op = timezone.now()
    plicht.opgeheven_door = door
    plicht.opheffing_reden = reden[:500]
    plicht._change_reason = _("bewaarplicht opgeheven")
    plicht.save()
    return plicht


@transaction.atomic
def verwijderverzoek_besluiten(
    *,
    door: Medewerker,
    inwoner: Inwoner,
    besluit: str,
    grondslag: str,
    toelichting: str = "",
    ontvangen_op: date | None = None,
) -> Verwijderverzoek:
    """Record a request for erasure with the coordinator's decision and its legal ground.

    A granted request removes the inwoner at once through the retention job's own per-inwoner
    removal; under a bewaarplicht it is recorded as refused, with the hold as its ground.
    """
    if not rechten.mag_verwijderverzoek_besluiten(door):
        raise PermissionDenied
    ontvangen_op = ontvangen_op or timezone.localdate()
    if ontvangen_op > timezone.localdate():
        raise ValidationError({"ontvangen_op": _("De datum van ontvangst ligt niet in de toekomst.")})
    if besluit not in Verwijderverzoek.Besluit.values:
        raise ValidationError({"besluit": _("Kies toewijzen of afwijzen.")})
    passend = (
        Verwijderverzoek.TOEWIJZEN
        if besluit == Verwijderverzoek.Besluit.TOEGEWEZEN
        else Verwijderverzoek.AFWIJZEN
    )
    if grondslag not in passend:
        raise ValidationError({"grondslag": _("Kies een grondslag die bij het besluit past.")})
    if len(toelichting or "") > 2000:
        raise ValidationError({"toelichting": _("Gebruik hoogstens 2000 tekens.")})
    inwoner = Inwoner.objects.select_for_update().get(pk=inwoner.pk)
    verzoek = Verwijderverzoek(
        inwoner=inwoner,
        ontvangen_op=ontvangen_op,
        besluit=besluit,
        grondslag=grondslag,
        toelichting=(toelichting or "").strip(),
        besloten_door=door,
    )
    plicht = actieve_bewaarplicht(inwoner)
    if besluit == Verwijderverzoek.Besluit.TOEGEWEZEN and plicht is not None:
        verzoek.besluit = Verwijderverzoek.Besluit.AFGEWEZEN
        verzoek.grondslag = Verwijderverzoek.Grondslag.BEWAARPLICHT
        verzoek.toelichting = _("Geweigerd: er geldt een bewaarplicht (%(grond)s). %(eigen)s") % {
            "grond": plicht.get_grond_display().lower(),
            "eigen": verzoek.toelichting,
        }
    verzoek.full_clean()
    verzoek.save()
    if verzoek.besluit == Verwijderverzoek.Besluit.TOEGEWEZEN:
        run = Bewaarrun.objects.create(
            aanleiding=Bewaarrun.Aanleiding.VERWIJDERVERZOEK, peildatum=timezone.localdate()
        )
        verzoek.run = run
        verzoek.save(update_fields=["run"])
        bewaartermijnen.inwoner_verwijderen(
            inwoner_id=inwoner.pk, regel=Bewaartelling.Regel.VERWIJDERVERZOEK, run=run
        )
        run.status = Bewaarrun.Status.KLAAR
        run.beeindigd_op = timezone.now()
        run.save(update_fields=["status", "beeindigd_op"])
        verzoek.refresh_from_db()
    return verzoek
