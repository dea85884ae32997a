"""Drafting a plan: the concept, its onderdelen and saving it as often as the drafter likes.

Every function runs in one transaction and checks rights through the rights modules; bad input raises a
Dutch ValidationError keyed by field (``onderdelen.3.omvang`` for the fourth onderdeel) and saves
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from arrangementen import rechten as arrangement_rechten
from casussen import rechten as casus_rechten
from casussen.models import Casus
from meldingen import rechten as melding_rechten
from meldingen.models import Melding
from skt import rechten
from skt.models import Inwoner, Medewerker, Team, Voorziening
from skt.validators import EERSTE_WERKDATUM, fouten_samenvoegen

from ..models import (
    Arrangement,
    ArrangementStatusRegel,
    MaatwerkCategorie,
    Onderdeel,
    OnderdeelSoort,
    Wet,
)
from .basis import (
    DATUMVELDEN,
    ONDERDEEL_VELDEN,
    TEKSTVELDEN,
    WERKSTROOM,
    _datum,
    _nu,
    _termijnen_bijwerken,
    vergrendeld,
)


def _datums_controleren(gegevens: Mapping[str, Any], vandaag: date, fouten: dict[str, list[str]]) -> None:
    melding, aanvraag, gesprek = (gegevens.get(v) for v in DATUMVELDEN)
    for veld, wat in (
        ("meldingsdatum", _("datum van de melding")),
        ("aanvraagdatum", _("datum van de aanvraag")),
        ("keukentafelgesprek_op", _("datum van het keukentafelgesprek")),
    ):
        waarde = gegevens.get(veld)
        if waarde is not None and not isinstance(waarde, date):
            fouten.setdefault(veld, []).append(_("Vul een geldige datum in."))
        elif waarde is not None and waarde < EERSTE_WERKDATUM:
            fouten.setdefault(veld, []).append(
                _("De %(wat)s ligt vóór 1 januari 2000; controleer het jaartal.") % {"wat": wat}
            )
        elif waarde is not None and waarde > vandaag:
            fouten.setdefault(veld, []).append(
                _("De %(wat)s ligt in de toekomst; vul vandaag of een eerdere datum in.") % {"wat": wat}
            )
    if isinstance(melding, date) and isinstance(aanvraag, date) and aanvraag < melding:
        fouten.setdefault("aanvraagdatum", []).append(
            _("De aanvraag kan niet vóór de melding (%(datum)s) liggen.") % {"datum": f"{melding:%d-%m-%Y}"}
        )
    if isinstance(melding, date) and isinstance(gesprek, date) and gesprek < melding:
        fouten.setdefault("keukentafelgesprek_op", []).append(
            _("Het keukentafelgesprek kan niet vóór de melding (%(datum)s) liggen.")
            % {"datum": f"{melding:%d-%m-%Y}"}
        )


def _kosten(waarde: Any) -> Decimal | None:
    if waarde in (None, ""):
        return None
    try:
        bedrag = Decimal(str(waarde))
    except (InvalidOperation, ValueError):
        bedrag = None
    # NaN and Infinity parse as Decimals, but no comparison or column takes them.
    if bedrag is None or not bedrag.is_finite():
        raise ValidationError({"indicatieve_kosten": _("Vul de kosten in als bedrag, bijvoorbeeld 1250,00.")})
    return bedrag


def _onderdeel_controleren(onderdeel: Onderdeel, wet: str) -> None:
    """Rules about one onderdeel of a plan of this law; raises a ValidationError per field."""
    fouten: dict[str, list[str]] = {}
    try:
        onderdeel.full_clean(exclude=["arrangement"])
    except ValidationError as fout:
        fouten_samenvoegen(fouten, fout)
    soort = onderdeel.soort
    if soort == OnderdeelSoort.MAATWERKVOORZIENING:
        categorie = onderdeel.categorie
        if categorie is None:
            fouten.setdefault("categorie", []).append(_("Kies de categorie van de maatwerkvoorziening."))
        elif not categorie.actief:
            fouten.setdefault("categorie", []).append(
                _("Deze categorie wordt niet meer gebruikt; kies een andere.")
            )
        elif categorie.wet != wet:
            fouten.setdefault("categorie", []).append(
                _(
                    "Deze categorie hoort bij de %(andere)s, het arrangement bij de %(wet)s. Kies een "
                    "categorie van de %(wet)s, of stel voor de %(andere)s een apart arrangement op."
                )
                % {"andere": categorie.get_wet_display(), "wet": Wet(wet).label}
            )
        if not (onderdeel.omvang or "").strip():
            fouten.setdefault("omvang", []).append(_("Vul de omvang van de maatwerkvoorziening in."))
    else:
        onderdeel.categorie = None
    if soort == OnderdeelSoort.ALGEMENE_VOORZIENING:
        voorziening = onderdeel.voorziening
        if voorziening is None:
            fouten.setdefault("voorziening", []).append(
                _("Kies de algemene voorziening uit de sociale kaart.")
            )
        elif not voorziening.actief:
            fouten.setdefault("voorziening", []).append(
                _("Deze voorziening staat niet meer op de sociale kaart.")
            )
    else:
        onderdeel.voorziening = None
    if soort in (OnderdeelSoort.EIGEN_KRACHT, OnderdeelSoort.NETWERK, OnderdeelSoort.VRIJWILLIGE_INZET):
        if not (onderdeel.omschrijving or "").strip():
            fouten.setdefault("omschrijving", []).append(
                _("Beschrijf wat de inwoner zelf, het netwerk of de vrijwilliger doet.")
            )
    if onderdeel.indicatieve_kosten is not None and onderdeel.indicatieve_kosten < 0:
        fouten["indicatieve_kosten"] = [_("De kosten kunnen niet negatief zijn.")]
    if fouten:
        raise ValidationError(
            {veld: sorted(set(teksten), key=teksten.index) for veld, teksten in fouten.items()}
        )


def _onderdelen_bijwerken(
    arrangement: Arrangement, onderdelen: Iterable[Mapping[str, Any]], fouten: dict[str, list[str]]
) -> list[tuple[Onderdeel | None, Onderdeel | None]]:
    """Validate the wanted onderdelen; returns (existing-to-delete, to-save) pairs to apply later.

    Each item is a dict with the fields of ONDERDEEL_VELDEN and indicatieve_kosten, optionally
    ``uuid`` for an existing onderdeel and ``verwijderen`` to remove it.
    """
    bestaand = {str(o.uuid): o for o in arrangement.onderdelen.all()} if arrangement.pk else {}
    gezien: set[str] = set()
    plan: list[tuple[Onderdeel | None, Onderdeel | None]] = []
    for i, gegevens in enumerate(onderdelen):
        sleutel = str(gegevens.get("uuid") or "")
        onderdeel = bestaand.get(sleutel) if sleutel else None
        if sleutel and onderdeel is None:
            fouten.setdefault(f"onderdelen.{i}", []).append(
                _("Dit onderdeel hoort niet (meer) bij dit arrangement; vernieuw de pagina.")
            )
            continue
        if sleutel:
            gezien.add(sleutel)
        if gegevens.get("verwijderen"):
            if onderdeel is not None:
                plan.append((onderdeel, None))
            continue
        onderdeel = onderdeel or Onderdeel(arrangement=arrangement if arrangement.pk else None)
        onderdeel.volgorde = i
        try:
            for veld in ONDERDEEL_VELDEN:
                waarde = gegevens.get(veld)
                if veld in ("voorziening", "categorie"):
                    setattr(onderdeel, veld, waarde or None)
                else:
                    setattr(onderdeel, veld, (waarde or "").strip() if isinstance(waarde, str) else "")
            onderdeel.indicatieve_kosten = _kosten(gegevens.get("indicatieve_kosten"))
            _onderdeel_controleren(onderdeel, arrangement.wet)
        except ValidationError as fout:
            fouten_samenvoegen(fouten, fout, f"onderdelen.{i}.")
            continue
        plan.append((None, onderdeel))
    # Onderdelen the form no longer mentions stay: only an explicit 'verwijderen' removes one.
    return plan


def _plan_toepassen(arrangement: Arrangement, plan: list[tuple[Onderdeel | None, Onderdeel | None]]) -> None:
    for weg, bewaren in plan:
        if weg is not None:
            weg.delete()
        if bewaren is not None:
            bewaren.arrangement = arrangement
            bewaren.save()


def _gegevens_toepassen(arrangement: Arrangement, gegevens: Mapping[str, Any]) -> None:
    for veld in TEKSTVELDEN:
        if veld in gegevens:
            setattr(arrangement, veld, (gegevens.get(veld) or "").strip())
    for veld in DATUMVELDEN:
        if veld in gegevens:
            setattr(arrangement, veld, gegevens.get(veld) or None)
    if gegevens.get("wet"):
        arrangement.wet = gegevens["wet"]


def _inhoud_controleren(
    arrangement: Arrangement,
    gegevens: Mapping[str, Any],
    onderdelen: Iterable[Mapping[str, Any]] | None,
    vandaag: date,
) -> list[tuple[Onderdeel | None, Onderdeel | None]]:
    fouten: dict[str, list[str]] = {}
    if gegevens.get("wet", arrangement.wet) not in Wet.values:
        fouten["wet"] = [_("Kies de wet: Wmo 2015 of Jeugdwet.")]
    if arrangement.eerst_ingediend_op:
        # The legal clocks started with the first submission: a new version cannot move them, nor
        # send the plan to the consulenten of another law.
        for veld in ("meldingsdatum", "aanvraagdatum", "wet"):
            if veld in gegevens and gegevens[veld] != getattr(arrangement, veld):
                fouten.setdefault(veld, []).append(
                    _("Dit ligt vast sinds het arrangement voor het eerst is ingediend.")
                )
    _gegevens_toepassen(arrangement, {k: v for k, v in gegevens.items() if k != "wet" or v in Wet.values})
    _datums_controleren({v: getattr(arrangement, v) for v in DATUMVELDEN}, vandaag, fouten)
    try:
        arrangement.full_clean(
            exclude=["inwoner", "casus", "melding", "opgesteld_door", "team", "behandelaar", "status"]
        )
    except ValidationError as fout:
        fouten_samenvoegen(fouten, fout)
    plan = _onderdelen_bijwerken(arrangement, onderdelen or (), fouten)
    if fouten:
        raise ValidationError(fouten)
    return plan


def _team_van_opsteller(door: Medewerker, *, casus: Casus | None, melding: Melding | None) -> Team | None:
    """The team that hands the plan over: the casus's or melding's team if the drafter is in it."""
    teams = rechten.teams_van(door)
    for bron in (casus, melding):
        if bron is not None and bron.team_id and teams.filter(pk=bron.team_id).exists():
            return bron.team
    return teams.order_by("naam").first()


@transaction.atomic
def arrangement_opstellen(
    *,
    door: Medewerker,
    wet: str,
    inwoner: Inwoner | None = None,
    casus: Casus | None = None,
    melding: Melding | None = None,
    gegevens: Mapping[str, Any] | None = None,
    onderdelen: Iterable[Mapping[str, Any]] | None = None,
    nu: datetime | None = None,
) -> Arrangement:
    """Start a plan as a concept, from a casus, a melding or the inwoner's dossier.

    A beroepskracht drafts voorwerk for the kernteam; a consulent drafts on the loket's regular
    route. The drafter's team sees and edits the concept; the loket sees it once it is submitted.
    """
    nu = _nu(nu)
    if casus is not None:
        inwoner = casus.inwoner
        melding = melding or casus.melding
    elif melding is not None:
        if melding.inwoner_id is None:
            raise ValidationError(_("Deze melding is anoniem; registreer eerst de inwoner bij de melding."))
        inwoner = melding.inwoner
    if inwoner is None:
        raise ValidationError(_("Kies de inwoner voor wie het arrangement is."))
    if not arrangement_rechten.mag_arrangement_opstellen_voor(door, inwoner):
        raise PermissionDenied
    if casus is not None and not casus_rechten.casussen_zichtbaar_voor(door).filter(pk=casus.pk).exists():
        raise PermissionDenied
    if (
        melding is not None
        and casus is None
        and not melding_rechten.meldingen_zichtbaar_voor(door).filter(pk=melding.pk).exists()
    ):
        raise PermissionDenied
    route = arrangement_rechten.route_voor(door)
    team = _team_van_opsteller(door, casus=casus, melding=melding)
    gegevens = dict(gegevens or {})
    if melding is not None and not gegevens.get("meldingsdatum"):
        gegevens["meldingsdatum"] = melding.aanmeldingsdatum
    arrangement = Arrangement(
        inwoner=inwoner,
        casus=casus,
        melding=melding,
        route=route,
        wet=wet if wet in Wet.values else "",
        opgesteld_door=door,
        team=team,
        aangemaakt_op=nu,
    )
    plan = _inhoud_controleren(arrangement, {**gegevens, "wet": wet}, onderdelen, _datum(nu))
    # The Wmo onderzoek clock runs from the melding while the kernteam drafts: show it on the concept.
    _termijnen_bijwerken(arrangement)
    arrangement.save()
    _plan_toepassen(arrangement, plan)
    ArrangementStatusRegel.objects.create(
        arrangement=arrangement, status=arrangement.status, actie="opstellen", versie=1, door=door, op=nu
    )
    arrangement_rechten.arrangement_toewijzen(arrangement)
    return arrangement


@transaction.atomic
def arrangement_opslaan(
    *,
    door: Medewerker,
    arrangement: Arrangement,
    gegevens: Mapping[str, Any],
    onderdelen: Iterable[Mapping[str, Any]] | None = None,
    nu: datetime | None = None,
) -> Arrangement:
    """Save the concept (or the returned plan being completed); as often as the drafter likes."""
    arrangement = vergrendeld(arrangement.pk)
    if not arrangement_rechten.mag_arrangement_bewerken(door, arrangement, status_negeren=True):
        raise PermissionDenied
    WERKSTROOM.volgende_status("opslaan", arrangement.status)
    plan = _inhoud_controleren(arrangement, gegevens, onderdelen, _datum(_nu(nu)))
    _termijnen_bijwerken(arrangement)
    arrangement.save()
    _plan_toepassen(arrangement, plan)
    return arrangement


# -- keuzelijsten -------------------------------------------------------------------------------


def categorieen(wet: str | None = None):
    qs = MaatwerkCategorie.objects.filter(actief=True)
    return qs.filter(wet=wet) if wet else qs


def algemene_voorzieningen():
    return Voorziening.objects.filter(actief=True, soort=Voorziening.Soort.ALGEMENE_VOORZIENING)
