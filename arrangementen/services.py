"""Workflows of an arrangement: draft, submit, take in behandeling, decide, return, reject, extend.

Every function runs in one transaction, checks rights through skt.rechten, locks the plan row
where two people can act at once, writes the append-only status row and tells the drafter's
team about every decision (the ISam gap: the kernteam keeps seeing what became of its plan).
A refused action raises a Dutch ValidationError (or PermissionDenied) and saves nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen.models import Casus
from casussen.vocab import Afsluitreden
from casussen.workflow import CasusStatus
from meldingen.models import Melding
from meldingen.vocab import TriageUitkomst, Uitstroom
from poort import routering
from skt import rechten
from skt.models import Inwoner, Medewerker, Rol, Team, Voorziening
from skt.services import profielinstelling

from . import termijnen
from .models import (
    Arrangement,
    ArrangementStatusRegel,
    ArrangementVersie,
    Beoordeling,
    Effectmeting,
    InterneNotitie,
    MaatwerkCategorie,
    Notificatie,
    Onderdeel,
    OnderdeelSoort,
    Route,
    Termijnverlenging,
    Wet,
)
from .workflow import ArrangementStatus, volgende_status

# The plan's text fields, in the order the form and a version show them.
TEKSTVELDEN = (
    "feitelijke_beschrijving",
    "wensen_inwoner",
    "advies_kernteamlid",
    "doel",
    "aard_en_ernst",
    "duur",
    "beoogd_resultaat",
)
DATUMVELDEN = ("meldingsdatum", "aanvraagdatum", "keukentafelgesprek_op")
ONDERDEEL_VELDEN = ("soort", "omschrijving", "voorziening", "categorie", "omvang", "frequentie", "duur")
STANDAARD_EFFECTMETING_DAGEN = 90


def _nu(nu: datetime | None) -> datetime:
    return nu or timezone.now()


def _datum(nu: datetime) -> date:
    return timezone.localdate(nu)


def status_zetten(
    arrangement: Arrangement,
    *,
    actie: str,
    door: Medewerker,
    toelichting: str = "",
    nu: datetime | None = None,
) -> None:
    """Apply one transition of the workflow table and append its status row."""
    arrangement.status = volgende_status(actie, arrangement.status)
    ArrangementStatusRegel.objects.create(
        arrangement=arrangement,
        status=arrangement.status,
        actie=actie,
        versie=arrangement.versie,
        door=door,
        op=_nu(nu),
        toelichting=toelichting[:4000],
    )


def vergrendeld(arrangement_pk: int) -> Arrangement:
    """The plan, locked for this transaction: two consulenten acting at once are serialised."""
    return Arrangement.objects.select_for_update().get(pk=arrangement_pk)


def _fouten_samenvoegen(doel: dict[str, list[str]], fout: ValidationError, voorvoegsel: str = "") -> None:
    if hasattr(fout, "error_dict"):
        for veld, teksten in fout.message_dict.items():
            sleutel = f"{voorvoegsel}{veld}" if veld != "__all__" else (voorvoegsel.rstrip(".") or "__all__")
            doel.setdefault(sleutel, []).extend(teksten)
    else:
        doel.setdefault(voorvoegsel.rstrip(".") or "__all__", []).extend(fout.messages)


# -- opstellen en opslaan ----------------------------------------------------------------------


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
        return Decimal(str(waarde))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            {"indicatieve_kosten": _("Vul de kosten in als bedrag, bijvoorbeeld 1250,00.")}
        ) from None


def _onderdeel_controleren(onderdeel: Onderdeel, wet: str) -> None:
    """Rules about one onderdeel of a plan of this law; raises a ValidationError per field."""
    fouten: dict[str, list[str]] = {}
    try:
        onderdeel.full_clean(exclude=["arrangement"])
    except ValidationError as fout:
        _fouten_samenvoegen(fouten, fout)
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
            _fouten_samenvoegen(fouten, fout, f"onderdelen.{i}.")
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
        _fouten_samenvoegen(fouten, fout)
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
    if not rechten.mag_arrangement_opstellen_voor(door, inwoner):
        raise PermissionDenied
    if casus is not None and not rechten.casussen_zichtbaar_voor(door).filter(pk=casus.pk).exists():
        raise PermissionDenied
    if (
        melding is not None
        and casus is None
        and not rechten.meldingen_zichtbaar_voor(door).filter(pk=melding.pk).exists()
    ):
        raise PermissionDenied
    route = Route.REGULIER if door.rol in rechten.CONSULENT_ROLLEN else Route.VOORWERK
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
    rechten.arrangement_toewijzen(arrangement)
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
    if not rechten.mag_arrangement_bewerken(door, arrangement, status_negeren=True):
        raise PermissionDenied
    volgende_status("opslaan", arrangement.status)
    plan = _inhoud_controleren(arrangement, gegevens, onderdelen, _datum(_nu(nu)))
    _termijnen_bijwerken(arrangement)
    arrangement.save()
    _plan_toepassen(arrangement, plan)
    return arrangement


# -- indienen -----------------------------------------------------------------------------------


VERPLICHT_BIJ_INDIENEN = {
    "feitelijke_beschrijving": _("Beschrijf feitelijk wat u hebt gezien en gehoord."),
    "wensen_inwoner": _("Schrijf op wat de inwoner zelf wil."),
    "advies_kernteamlid": _("Geef uw eigen advies, los van de wensen van de inwoner."),
    "doel": _("Beschrijf het doel van het arrangement."),
    "aard_en_ernst": _("Beschrijf de aard en de ernst van de problemen."),
    "duur": _("Vul de duur van het arrangement in."),
    "beoogd_resultaat": _("Beschrijf het beoogde resultaat."),
}


def _compleet_voor_indienen(arrangement: Arrangement, onderdelen: list[Onderdeel]) -> None:
    fouten: dict[str, list[str]] = {}
    for veld, tekst in VERPLICHT_BIJ_INDIENEN.items():
        if not (getattr(arrangement, veld) or "").strip():
            fouten[veld] = [str(tekst)]
    if arrangement.wet == Wet.WMO and arrangement.meldingsdatum is None:
        fouten["meldingsdatum"] = [
            _("Vul de datum van de melding in: die start de onderzoekstermijn van de Wmo.")
        ]
    if not onderdelen:
        fouten["onderdelen"] = [_("Een arrangement heeft minstens één onderdeel.")]
    elif not any(o.is_maatwerk for o in onderdelen):
        fouten["onderdelen"] = [
            _(
                "Er staat geen maatwerkvoorziening in het arrangement. De consulent beslist alleen over "
                "maatwerk: voeg de maatwerkvoorziening toe, of regel de ondersteuning zonder het loket."
            )
        ]
    for i, onderdeel in enumerate(onderdelen):
        try:
            _onderdeel_controleren(onderdeel, arrangement.wet)
        except ValidationError as fout:
            _fouten_samenvoegen(fouten, fout, f"onderdelen.{i}.")
    if fouten:
        raise ValidationError(fouten)


def _termijnen_bijwerken(arrangement: Arrangement) -> None:
    inst = termijnen.Termijninstellingen.uit_profiel()
    arrangement.onderzoekstermijn_einde = termijnen.onderzoekstermijn_einde(
        arrangement.wet, arrangement.meldingsdatum, inst
    )
    arrangement.beslistermijn_einde = termijnen.met_verlengingen(
        termijnen.beslistermijn_einde(arrangement.wet, arrangement.aanvraagdatum, inst),
        arrangement.verlengingen.values_list("nieuwe_einddatum", flat=True) if arrangement.pk else [],
    )


def _onderdeel_als_inhoud(onderdeel: Onderdeel) -> dict[str, Any]:
    return {
        "uuid": str(onderdeel.uuid),
        "soort": onderdeel.soort,
        "soort_label": str(onderdeel.get_soort_display()),
        "omschrijving": onderdeel.omschrijving,
        "voorziening": str(onderdeel.voorziening) if onderdeel.voorziening_id else "",
        "categorie": (
            {
                "wet": onderdeel.categorie.wet,
                "code": onderdeel.categorie.code,
                "label": onderdeel.categorie.label,
            }
            if onderdeel.categorie_id
            else None
        ),
        "omvang": onderdeel.omvang,
        "frequentie": onderdeel.frequentie,
        "duur": onderdeel.duur,
        "indicatieve_kosten": str(onderdeel.indicatieve_kosten)
        if onderdeel.indicatieve_kosten is not None
        else None,
    }


def momentopname(arrangement: Arrangement, onderdelen: list[Onderdeel]) -> dict[str, Any]:
    """The plan as submitted, readable even after categories or the sociale kaart change."""
    return {
        "wet": arrangement.wet,
        **{veld: getattr(arrangement, veld) for veld in TEKSTVELDEN},
        **{
            veld: getattr(arrangement, veld).isoformat() if getattr(arrangement, veld) else None
            for veld in DATUMVELDEN
        },
        "onderdelen": [_onderdeel_als_inhoud(o) for o in onderdelen],
    }


def _laatste_actie(arrangement: Arrangement, actie: str) -> ArrangementStatusRegel | None:
    return arrangement.statusregels.filter(actie=actie).select_related("door").order_by("-op", "-pk").first()


@transaction.atomic
def arrangement_indienen(
    *, door: Medewerker, arrangement: Arrangement, nu: datetime | None = None
) -> Arrangement:
    """Hand the plan to the consulenten of its law; a returned plan comes back as a new version."""
    nu = _nu(nu)
    arrangement = vergrendeld(arrangement.pk)
    if not rechten.mag_arrangement_bewerken(door, arrangement, status_negeren=True):
        raise PermissionDenied
    opnieuw = arrangement.status == ArrangementStatus.TERUGGESTUURD
    volgende_status("indienen", arrangement.status)
    onderdelen = list(arrangement.onderdelen.select_related("categorie", "voorziening"))
    _compleet_voor_indienen(arrangement, onderdelen)
    vandaag = _datum(nu)
    if arrangement.aanvraagdatum is None:
        # Voorwerk: handing the plan to the loket is the inwoner's aanvraag.
        arrangement.aanvraagdatum = vandaag
        if arrangement.meldingsdatum and arrangement.meldingsdatum > vandaag:
            raise ValidationError({"meldingsdatum": _("De datum van de melding ligt in de toekomst.")})
    if opnieuw:
        arrangement.versie += 1
    loket = routering.loket()
    status_zetten(arrangement, actie="indienen", door=door, nu=nu)
    arrangement.behandelaar = None
    arrangement.ingediend_op = nu
    arrangement.eerst_ingediend_op = arrangement.eerst_ingediend_op or nu
    _termijnen_bijwerken(arrangement)
    arrangement.save()
    ArrangementVersie.objects.create(
        arrangement=arrangement,
        nummer=arrangement.versie,
        inhoud=momentopname(arrangement, onderdelen),
        ingediend_door=door,
        ingediend_op=nu,
    )
    rechten.arrangement_aan_loket_geven(arrangement, loket)
    if opnieuw:
        teruggestuurd = _laatste_actie(arrangement, "terugsturen")
        if teruggestuurd is not None and teruggestuurd.door_id != door.pk:
            _notificeren(
                [teruggestuurd.door],
                arrangement,
                _("%(nummer)s (%(inwoner)s) is aangevuld en opnieuw ingediend als versie %(versie)s.")
                % {
                    "nummer": arrangement.nummer,
                    "inwoner": arrangement.inwoner.naam,
                    "versie": arrangement.versie,
                },
                nu=nu,
            )
    return arrangement


# -- beoordelen ---------------------------------------------------------------------------------


def _beoordelaar_controleren(door: Medewerker, arrangement: Arrangement) -> None:
    """Only a consulent of the plan's law, never the drafter; 403 with a Dutch reason otherwise."""
    if arrangement.opgesteld_door_id == door.pk:
        raise PermissionDenied(
            _("U hebt dit arrangement zelf opgesteld; een collega-consulent beslist erover.")
        )
    if not rechten.mag_arrangement_beoordelen(door, arrangement):
        raise PermissionDenied(
            _("Alleen een consulent %(wet)s beslist over dit arrangement.")
            % {"wet": arrangement.get_wet_display()}
        )


def _niet_bij_collega(door: Medewerker, arrangement: Arrangement) -> None:
    if (
        arrangement.status == ArrangementStatus.IN_BEHANDELING
        and arrangement.behandelaar_id
        and arrangement.behandelaar_id != door.pk
    ):
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
    if not rechten.mag_interne_notitie_schrijven(door, arrangement):
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
    volgende_status("termijn_verlengen", arrangement.status)
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


# -- berichten ----------------------------------------------------------------------------------


def _kort(tekst: str, lengte: int = 200) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def _ontvangers(arrangement: Arrangement) -> list[Medewerker]:
    """The drafter and the beroepskrachten of their team: the people who handed the plan over."""
    ontvangers = {arrangement.opgesteld_door_id: arrangement.opgesteld_door}
    if arrangement.team_id:
        for lid in arrangement.team.leden.filter(is_active=True, rol=Rol.BEROEPSKRACHT):
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


# -- effectmeting -------------------------------------------------------------------------------


def effectmeting_dagen() -> int:
    try:
        return max(1, int(profielinstelling("termijnen.effectmeting_dagen", STANDAARD_EFFECTMETING_DAGEN)))
    except (TypeError, ValueError):
        return STANDAARD_EFFECTMETING_DAGEN


def maatwerk_na(inwoner_id: int, van: date, tot: date) -> Arrangement | None:
    """The first plan with maatwerk for this inwoner submitted from ``van`` up to and including ``tot``."""
    return (
        Arrangement.objects.filter(
            inwoner_id=inwoner_id,
            eerst_ingediend_op__isnull=False,
            onderdelen__soort=OnderdeelSoort.MAATWERKVOORZIENING,
        )
        .filter(eerst_ingediend_op__date__gte=van, eerst_ingediend_op__date__lte=tot)
        .order_by("eerst_ingediend_op", "pk")
        .first()
    )


def loketmelding_na(casus: Casus, van: date, tot: date) -> Melding | None:
    """A later melding of the inwoner that went to the loket for maatwerk (not Veilig Thuis)."""
    return (
        Melding.objects.filter(
            inwoner_id=casus.inwoner_id, aanmeldingsdatum__gte=van, aanmeldingsdatum__lte=tot
        )
        .exclude(pk=casus.melding_id)
        .filter(Q(triage_uitkomst=TriageUitkomst.LOKET) | Q(uitstroom=Uitstroom.MAATWERK_LOKET))
        .order_by("aanmeldingsdatum", "pk")
        .first()
    )


def _effect_bepalen(casus: Casus, peildatum: date) -> dict[str, Any]:
    """What shows maatwerk was asked after closing: a plan with maatwerk, the casus's own opschaling
    to the loket, or a new melding routed to the loket. The monitor's KPI uses the same three."""
    arrangement = maatwerk_na(casus.inwoner_id, casus.afgesloten_op, peildatum)
    if arrangement is not None:
        return {"aanleiding": Effectmeting.Aanleiding.ARRANGEMENT, "arrangement": arrangement}
    if casus.afsluitreden == Afsluitreden.OPGESCHAALD_LOKET:
        return {"aanleiding": Effectmeting.Aanleiding.OPGESCHAALD}
    melding = loketmelding_na(casus, casus.afgesloten_op, peildatum)
    if melding is not None:
        return {"aanleiding": Effectmeting.Aanleiding.MELDING_LOKET, "melding": melding}
    return {"aanleiding": ""}


@transaction.atomic
def effectmetingen_uitvoeren(*, vandaag: date | None = None) -> int:
    """For each casus closed at least N days ago without a measurement: was maatwerk asked since?

    The window is the closing day up to N days after it, however late the job runs: the figure is
    "maatwerk within N days after closing". Idempotent: a casus is measured once (one row per casus,
    unique in the database).
    """
    vandaag = vandaag or timezone.localdate()
    dagen = effectmeting_dagen()
    grens = vandaag - timedelta(days=dagen)
    te_meten = (
        Casus.objects.filter(
            status=CasusStatus.AFGESLOTEN, afgesloten_op__isnull=False, afgesloten_op__lte=grens
        )
        .filter(effectmeting__isnull=True)
        .only("pk", "inwoner_id", "melding_id", "afgesloten_op", "afsluitreden")
        .order_by("afgesloten_op", "pk")
    )
    aantal = 0
    for casus in te_meten:
        peildatum = casus.afgesloten_op + timedelta(days=dagen)
        effect = _effect_bepalen(casus, peildatum)
        _meting, nieuw = Effectmeting.objects.get_or_create(
            casus=casus,
            defaults={
                "inwoner_id": casus.inwoner_id,
                "afgesloten_op": casus.afgesloten_op,
                "peildatum": peildatum,
                "maatwerk_na_afsluiting": bool(effect["aanleiding"]),
                **effect,
            },
        )
        aantal += int(nieuw)
    return aantal


# -- keuzelijsten -------------------------------------------------------------------------------


def categorieen(wet: str | None = None):
    qs = MaatwerkCategorie.objects.filter(actief=True)
    return qs.filter(wet=wet) if wet else qs


def algemene_voorzieningen():
    return Voorziening.objects.filter(actief=True, soort=Voorziening.Soort.ALGEMENE_VOORZIENING)


def team_label(team: Team | None) -> str:
    return str(team) if team else _("geen team")
