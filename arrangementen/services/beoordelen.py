"""Taking a submitted plan in behandeling, giving it back, returning it, notes and extending the term.

Only a consulent of the plan's law who did not draft it acts; the row lock serialises two consulenten
acting at once, and the one who was a moment too late hears who acted first. Deciding is in
``besluiten``.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen import rechten as arrangement_rechten
from skt.models import Medewerker

from ..models import Arrangement, InterneNotitie, Termijnverlenging
from ..workflow import ArrangementStatus
from .basis import WERKSTROOM, _datum, _nu, status_zetten, vergrendeld
from .berichten import _kort, _notificeren, _ontvangers


def _beoordelaar_controleren(door: Medewerker, arrangement: Arrangement) -> None:
    """Only a consulent of the plan's law, never the drafter; 403 with a Dutch reason otherwise."""
    if arrangement.opgesteld_door_id == door.pk:
        raise PermissionDenied(
            _("U hebt dit arrangement zelf opgesteld; een collega-consulent beslist erover.")
        )
    if not arrangement_rechten.mag_arrangement_beoordelen(door, arrangement):
        raise PermissionDenied(
            _("Alleen een consulent %(wet)s beslist over dit arrangement.")
            % {"wet": arrangement.get_wet_display()}
        )


def _niet_bij_collega(door: Medewerker, arrangement: Arrangement) -> None:
    if arrangement_rechten.in_behandeling_bij_collega(door, arrangement):
        raise ValidationError(
            _(
                "Dit arrangement is in behandeling bij %(wie)s; alleen die consulent beslist erover. "
                "Er is niets vastgelegd."
            )
            % {"wie": arrangement.behandelaar},
            code="bij_collega",
        )


def _al_besloten_fout(arrangement: Arrangement) -> ValidationError | None:
    """A clear message for the consulent who was a moment too late."""
    if arrangement.status in (ArrangementStatus.INGEDIEND, ArrangementStatus.IN_BEHANDELING):
        return None
    regel = arrangement.statusregels.select_related("door").order_by("-op", "-pk").first()
    wie = regel.door if regel else _("een collega")
    wanneer = timezone.localtime(regel.op).strftime("%d-%m-%Y %H:%M") if regel else ""
    if arrangement.status == ArrangementStatus.TERUGGESTUURD:
        tekst = _(
            "%(wie)s heeft dit arrangement op %(wanneer)s teruggestuurd voor aanvulling. Uw beslissing is "
            "niet vastgelegd; het komt terug in de wachtrij zodra het opnieuw is ingediend."
        )
    elif arrangement.status == ArrangementStatus.CONCEPT:
        return ValidationError(_("Dit arrangement is nog niet ingediend."), code="niet_ingediend")
    else:
        tekst = _(
            "%(wie)s heeft op %(wanneer)s al over dit arrangement beslist (%(status)s). Uw beslissing is "
            "niet vastgelegd."
        )
    return ValidationError(
        tekst % {"wie": wie, "wanneer": wanneer, "status": arrangement.get_status_display().lower()},
        code="al_besloten",
    )


@transaction.atomic
def arrangement_in_behandeling_nemen(
    *, door: Medewerker, arrangement: Arrangement, nu: datetime | None = None
) -> Arrangement:
    arrangement = vergrendeld(arrangement.pk)
    _beoordelaar_controleren(door, arrangement)
    if arrangement.status == ArrangementStatus.IN_BEHANDELING and arrangement.behandelaar_id:
        if arrangement.behandelaar_id == door.pk:
            return arrangement
        raise ValidationError(
            _("%(wie)s heeft dit arrangement al in behandeling genomen.") % {"wie": arrangement.behandelaar},
            code="al_in_behandeling",
        )
    if (fout := _al_besloten_fout(arrangement)) is not None:
        raise fout
    status_zetten(arrangement, actie="in_behandeling_nemen", door=door, nu=nu)
    arrangement.behandelaar = door
    arrangement.save()
    return arrangement


@transaction.atomic
def arrangement_behandeling_teruggeven(
    *, door: Medewerker, arrangement: Arrangement, nu: datetime | None = None
) -> Arrangement:
    """The consulent puts the plan back in the queue, e.g. before leave."""
    arrangement = vergrendeld(arrangement.pk)
    _beoordelaar_controleren(door, arrangement)
    _niet_bij_collega(door, arrangement)
    status_zetten(arrangement, actie="behandeling_teruggeven", door=door, nu=nu)
    arrangement.behandelaar = None
    arrangement.save()
    return arrangement


def _beslisvoorwaarden(door: Medewerker, arrangement: Arrangement) -> None:
    """Rights first, then state: the consulent who was a moment too late hears who decided."""
    _beoordelaar_controleren(door, arrangement)
    if (fout := _al_besloten_fout(arrangement)) is not None:
        raise fout
    _niet_bij_collega(door, arrangement)


@transaction.atomic
def arrangement_terugsturen(
    *, door: Medewerker, arrangement: Arrangement, toelichting: str, nu: datetime | None = None
) -> Arrangement:
    """Return the plan for completion; the drafter resubmits it as a new version."""
    nu = _nu(nu)
    arrangement = vergrendeld(arrangement.pk)
    if not (toelichting or "").strip():
        raise ValidationError(
            {
                "toelichting": _(
                    "Schrijf op wat er ontbreekt of anders moet, zodat de opsteller het kan aanvullen."
                )
            }
        )
    if len(toelichting) > 4000:
        raise ValidationError({"toelichting": _("Gebruik hoogstens 4000 tekens.")})
    _beslisvoorwaarden(door, arrangement)
    status_zetten(arrangement, actie="terugsturen", door=door, toelichting=toelichting.strip(), nu=nu)
    arrangement.behandelaar = door
    arrangement.save()
    _notificeren(
        _ontvangers(arrangement),
        arrangement,
        _("%(nummer)s (%(inwoner)s) is teruggestuurd door %(wie)s: %(toelichting)s")
        % {
            "nummer": arrangement.nummer,
            "inwoner": arrangement.inwoner.naam,
            "wie": door,
            "toelichting": _kort(toelichting.strip()),
        },
        nu=nu,
    )
    return arrangement


@transaction.atomic
def interne_notitie_toevoegen(
    *, door: Medewerker, arrangement: Arrangement, tekst: str, nu: datetime | None = None
) -> InterneNotitie:
    if not arrangement_rechten.mag_interne_notitie_schrijven(door, arrangement):
        raise PermissionDenied
    if not (tekst or "").strip():
        raise ValidationError({"tekst": _("Schrijf de notitie.")})
    notitie = InterneNotitie(arrangement=arrangement, tekst=tekst.strip(), door=door, op=_nu(nu))
    notitie.full_clean(exclude=["arrangement", "door"])
    notitie.save()
    return notitie


@transaction.atomic
def termijn_verlengen(
    *,
    door: Medewerker,
    arrangement: Arrangement,
    nieuwe_einddatum: date | None,
    reden: str,
    nu: datetime | None = None,
) -> Termijnverlenging:
    """Awb 4:14: extend the beslistermijn with a reason, before it has expired."""
    nu = _nu(nu)
    vandaag = _datum(nu)
    arrangement = vergrendeld(arrangement.pk)
    _beoordelaar_controleren(door, arrangement)
    _niet_bij_collega(door, arrangement)
    WERKSTROOM.volgende_status("termijn_verlengen", arrangement.status)
    huidig = arrangement.beslistermijn_einde
    fouten: dict[str, list[str]] = {}
    if huidig is None:
        raise ValidationError(_("Dit arrangement heeft nog geen beslistermijn; er valt niets te verlengen."))
    if huidig < vandaag:
        fouten["nieuwe_einddatum"] = [
            _(
                "De beslistermijn is op %(datum)s verstreken. Een verlenging moet vóór het einde van de "
                "termijn worden gemeld (Awb 4:14); beslis nu zo snel mogelijk."
            )
            % {"datum": f"{huidig:%d-%m-%Y}"}
        ]
    elif not isinstance(nieuwe_einddatum, date):
        fouten["nieuwe_einddatum"] = [_("Vul de nieuwe einddatum in.")]
    elif nieuwe_einddatum <= huidig:
        fouten["nieuwe_einddatum"] = [
            _("De nieuwe einddatum moet na de huidige (%(datum)s) liggen.") % {"datum": f"{huidig:%d-%m-%Y}"}
        ]
    if not (reden or "").strip():
        fouten["reden"] = [_("Geef de reden van de verlenging; de inwoner krijgt die te horen (Awb 4:14).")]
    if fouten:
        raise ValidationError(fouten)
    verlenging = Termijnverlenging(
        arrangement=arrangement,
        vorige_einddatum=huidig,
        nieuwe_einddatum=nieuwe_einddatum,
        reden=reden.strip(),
        door=door,
        op=nu,
    )
    verlenging.full_clean(exclude=["arrangement", "door"])
    verlenging.save()
    status_zetten(
        arrangement,
        actie="termijn_verlengen",
        door=door,
        toelichting=_("Beslistermijn verlengd van %(van)s tot %(tot)s: %(reden)s")
        % {"van": f"{huidig:%d-%m-%Y}", "tot": f"{nieuwe_einddatum:%d-%m-%Y}", "reden": reden.strip()},
        nu=nu,
    )
    arrangement.beslistermijn_einde = nieuwe_einddatum
    arrangement.save()
    return verlenging
