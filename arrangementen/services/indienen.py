"""Submitting a plan: complete or refused, a snapshot per version, the legal terms, the loket's grant."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from arrangementen import rechten as arrangement_rechten
from meldingen import routering
from skt.models import Medewerker
from skt.validators import fouten_samenvoegen

from ..models import Arrangement, ArrangementStatusRegel, ArrangementVersie, Onderdeel, Wet
from ..workflow import ArrangementStatus
from .basis import (
    DATUMVELDEN,
    TEKSTVELDEN,
    WERKSTROOM,
    _datum,
    _nu,
    _termijnen_bijwerken,
    status_zetten,
    vergrendeld,
)
from .berichten import _notificeren
from .opstellen import _onderdeel_controleren

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
            fouten_samenvoegen(fouten, fout, f"onderdelen.{i}.")
    if fouten:
        raise ValidationError(fouten)


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
    if not arrangement_rechten.mag_arrangement_bewerken(door, arrangement, status_negeren=True):
        raise PermissionDenied
    opnieuw = arrangement.status == ArrangementStatus.TERUGGESTUURD
    WERKSTROOM.volgende_status("indienen", arrangement.status)
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
    arrangement_rechten.arrangement_aan_loket_geven(arrangement, loket)
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
