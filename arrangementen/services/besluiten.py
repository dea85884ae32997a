"""Deciding a plan: grant or deny every onderdeel with its beschikking, or reject the whole plan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from skt.models import Medewerker

from .. import termijnen
from ..models import Arrangement, Beoordeling, Onderdeel
from .basis import _datum, _nu, status_zetten, vergrendeld
from .beoordelen import _beslisvoorwaarden
from .berichten import _besluit_melden


@dataclass(frozen=True)
class Beslissing:
    """The consulent's decision on one onderdeel, as the decision form hands it over."""

    onderdeel: str  # the onderdeel's uuid
    toegekend: bool | None
    reden: str = ""
    beschikkingsnummer: str = ""
    beschikkingsdatum: date | None = None


def _beslissingen_controleren(
    arrangement: Arrangement, onderdelen: list[Onderdeel], beslissingen: Iterable[Beslissing], vandaag: date
) -> dict[str, Beslissing]:
    per_onderdeel = {str(b.onderdeel): b for b in beslissingen}
    fouten: dict[str, list[str]] = {}
    for i, onderdeel in enumerate(onderdelen):
        sleutel = f"onderdelen.{i}."
        beslissing = per_onderdeel.get(str(onderdeel.uuid))
        if beslissing is None or beslissing.toegekend is None:
            fouten.setdefault(f"{sleutel}toegekend", []).append(
                _("Beslis over dit onderdeel: toekennen of niet toekennen.")
            )
            continue
        if not beslissing.toegekend and not (beslissing.reden or "").strip():
            fouten.setdefault(f"{sleutel}reden", []).append(
                _(
                    "Geef de reden waarom dit onderdeel niet wordt toegekend; de inwoner en het kernteam "
                    "lezen die."
                )
            )
        if len(beslissing.reden or "") > 2000:
            fouten.setdefault(f"{sleutel}reden", []).append(_("Gebruik hoogstens 2000 tekens."))
        if beslissing.toegekend and onderdeel.is_maatwerk:
            if not (beslissing.beschikkingsnummer or "").strip():
                fouten.setdefault(f"{sleutel}beschikkingsnummer", []).append(
                    _("Vul het nummer van de beschikking in.")
                )
            elif len(beslissing.beschikkingsnummer.strip()) > 50:
                fouten.setdefault(f"{sleutel}beschikkingsnummer", []).append(
                    _("Gebruik hoogstens 50 tekens.")
                )
            datum = beslissing.beschikkingsdatum
            if not isinstance(datum, date):
                fouten.setdefault(f"{sleutel}beschikkingsdatum", []).append(
                    _("Vul de datum van de beschikking in.")
                )
            elif arrangement.aanvraagdatum and datum < arrangement.aanvraagdatum:
                fouten.setdefault(f"{sleutel}beschikkingsdatum", []).append(
                    _("De beschikking kan niet vóór de aanvraag (%(datum)s) liggen.")
                    % {"datum": f"{arrangement.aanvraagdatum:%d-%m-%Y}"}
                )
            elif datum > vandaag:
                fouten.setdefault(f"{sleutel}beschikkingsdatum", []).append(
                    _("De datum van de beschikking ligt in de toekomst; vul vandaag of een eerdere datum in.")
                )
    onbekend = set(per_onderdeel) - {str(o.uuid) for o in onderdelen}
    if onbekend:
        fouten.setdefault("__all__", []).append(
            _(
                "De beslissing noemt een onderdeel dat niet (meer) bij dit arrangement hoort; vernieuw "
                "de pagina."
            )
        )
    if fouten:
        raise ValidationError(fouten)
    return per_onderdeel


def _besluit_vastleggen(
    *,
    door: Medewerker,
    arrangement: Arrangement,
    actie: str,
    toelichting: str,
    nu: datetime,
) -> None:
    status_zetten(arrangement, actie=actie, door=door, toelichting=toelichting, nu=nu)
    arrangement.behandelaar = door
    arrangement.besloten_op = nu
    arrangement.besluit_toelichting = toelichting.strip()
    arrangement.besloten_binnen_termijn = (
        not termijnen.is_te_laat(arrangement.beslistermijn_einde, _datum(nu), _datum(nu))
        if arrangement.beslistermijn_einde
        else None
    )
    arrangement.full_clean(
        exclude=["inwoner", "casus", "melding", "opgesteld_door", "team", "behandelaar", "status"]
    )
    arrangement.save()


@transaction.atomic
def arrangement_beslissen(
    *,
    door: Medewerker,
    arrangement: Arrangement,
    beslissingen: Iterable[Beslissing],
    toelichting: str = "",
    nu: datetime | None = None,
) -> Arrangement:
    """Grant or deny every onderdeel; the plan is then goedgekeurd, gedeeltelijk goedgekeurd or afgewezen.

    A denied onderdeel needs a reason; granted maatwerk needs the beschikking's number and date,
    not before the aanvraag. The row lock makes a second consulent deciding at the same moment
    wait, and then find the plan decided: one decision stands, the other gets a message.
    """
    nu = _nu(nu)
    arrangement = vergrendeld(arrangement.pk)
    _beslisvoorwaarden(door, arrangement)
    onderdelen = list(arrangement.onderdelen.select_related("categorie"))
    per_onderdeel = _beslissingen_controleren(arrangement, onderdelen, list(beslissingen), _datum(nu))
    toegekend = sum(1 for o in onderdelen if per_onderdeel[str(o.uuid)].toegekend)
    if toegekend == len(onderdelen):
        actie = "goedkeuren"
    elif toegekend == 0:
        actie = "afwijzen"
    else:
        actie = "gedeeltelijk_goedkeuren"
    if actie == "afwijzen" and not (toelichting or "").strip():
        # Every part denied is a rejection: it needs its own reason for the whole plan too.
        toelichting = "; ".join(per_onderdeel[str(o.uuid)].reden.strip() for o in onderdelen)
    for onderdeel in onderdelen:
        beslissing = per_onderdeel[str(onderdeel.uuid)]
        beoordeling = Beoordeling(
            onderdeel=onderdeel,
            versie=arrangement.versie,
            toegekend=bool(beslissing.toegekend),
            reden=(beslissing.reden or "").strip(),
            beschikkingsnummer=(beslissing.beschikkingsnummer or "").strip()
            if beslissing.toegekend and onderdeel.is_maatwerk
            else "",
            beschikkingsdatum=beslissing.beschikkingsdatum
            if beslissing.toegekend and onderdeel.is_maatwerk
            else None,
            beoordeeld_door=door,
            beoordeeld_op=nu,
        )
        beoordeling.full_clean(exclude=["onderdeel", "beoordeeld_door"])
        beoordeling.save()
    _besluit_vastleggen(door=door, arrangement=arrangement, actie=actie, toelichting=toelichting or "", nu=nu)
    _besluit_melden(arrangement, nu=nu)
    return arrangement


@transaction.atomic
def arrangement_afwijzen(
    *, door: Medewerker, arrangement: Arrangement, reden: str, nu: datetime | None = None
) -> Arrangement:
    """Reject the whole plan with one reason; every onderdeel is recorded as not granted."""
    nu = _nu(nu)
    arrangement = vergrendeld(arrangement.pk)
    if not (reden or "").strip():
        raise ValidationError(
            {"reden": _("Geef de reden van de afwijzing; de inwoner en het kernteam lezen die.")}
        )
    if len(reden) > 2000:
        raise ValidationError({"reden": _("Gebruik hoogstens 2000 tekens.")})
    _beslisvoorwaarden(door, arrangement)
    for onderdeel in arrangement.onderdelen.all():
        Beoordeling.objects.create(
            onderdeel=onderdeel,
            versie=arrangement.versie,
            toegekend=False,
            reden=reden.strip(),
            beoordeeld_door=door,
            beoordeeld_op=nu,
        )
    _besluit_vastleggen(door=door, arrangement=arrangement, actie="afwijzen", toelichting=reden, nu=nu)
    _besluit_melden(arrangement, nu=nu)
    return arrangement
