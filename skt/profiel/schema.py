"""What a gemeente profile may contain: its tables and lists, and the rule for every single value.

The rules are plain functions returning a Dutch message, so the file check (``validatie``) and the
typed settings read from the database (``instellingen``) reject exactly the same values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from ..models import Organisatie, Team, Voorziening


@dataclass(frozen=True)
class Veld:
    soort: str  # tekst | slug | positief | keuze | lijst | url
    verplicht: bool = True
    max_lengte: int = 0
    keuzes: tuple[str, ...] = ()
    mag_leeg: bool = False


_TERMIJN = Veld("positief")
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_KPI_CODE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

TABELLEN: dict[str, dict[str, Veld]] = {
    "gemeente": {
        "naam": Veld("slug", max_lengte=60),
        "gemeente": Veld("tekst", max_lengte=100),
        "max_contactmomenten": Veld("positief"),
    },
    "termijnen": {
        "eerste_contact_dagen": _TERMIJN,
        "wmo_onderzoek_weken": _TERMIJN,
        "wmo_persoonlijk_plan_dagen": _TERMIJN,
        "wmo_beschikking_weken": _TERMIJN,
        "jeugd_beslissing_weken": _TERMIJN,
        "effectmeting_dagen": _TERMIJN,
        # Optional: casussen reads these with its own defaults, a gemeente may set them.
        "casus_zonder_contact_dagen": Veld("positief", verplicht=False),
        "casus_doorlooptijd_dagen": Veld("positief", verplicht=False),
        "casus_advies_dagen": Veld("positief", verplicht=False),
        # Optional: how long break-the-glass access lasts (skt.services, 8 hours unless set).
        "noodtoegang_uren": Veld("positief", verplicht=False),
        # Optional: months from the decision to the evaluation of a granted plan (3 unless set;
        # halfway to the earliest einddatum when that is sooner, arrangementen.services.evalueren).
        "evaluatie_maanden": Veld("positief", verplicht=False),
    },
    "bewaartermijnen": {
        "met_voorziening_jaren": _TERMIJN,
        "zonder_voorziening_jaren": _TERMIJN,
        # Optional: how long the access log is kept (skt.toegangsketen, 5 years unless set).
        "toegangslog_jaren": Veld("positief", verplicht=False),
    },
    "monitor": {
        "privacy_drempel": Veld("positief"),
        # Optional: who receives the PDF of a vastgesteld monitor (griffie, raadscommissie).
        "verzendlijst": Veld("lijst", verplicht=False),
    },
}

LIJSTEN: dict[str, tuple[bool, dict[str, Veld]]] = {
    "kernen": (True, {"code": Veld("slug", max_lengte=60), "naam": Veld("tekst", max_lengte=100)}),
    "teams": (
        True,
        {
            "code": Veld("slug", max_lengte=80),
            "naam": Veld("tekst", max_lengte=150),
            "soort": Veld("keuze", keuzes=tuple(Team.Soort.values)),
            "kernen": Veld("lijst", verplicht=False),
            "doelgroep": Veld("tekst", verplicht=False, max_lengte=200, mag_leeg=True),
        },
    ),
    "leefgebieden": (
        True,
        {
            "code": Veld("slug", max_lengte=60),
            "label": Veld("tekst", max_lengte=100),
            "aliassen": Veld("lijst", verplicht=False),
        },
    ),
    "organisaties": (
        False,
        {
            "naam": Veld("tekst", max_lengte=150),
            "soort": Veld("keuze", keuzes=tuple(Organisatie.Soort.values)),
            "website": Veld("url", verplicht=False, max_lengte=200),
            "telefoon": Veld("tekst", verplicht=False, max_lengte=30, mag_leeg=True),
        },
    ),
    "voorzieningen": (
        False,
        {
            "naam": Veld("tekst", max_lengte=150),
            "soort": Veld("keuze", keuzes=tuple(Voorziening.Soort.values)),
            "organisatie": Veld("tekst", max_lengte=150),
            "kernen": Veld("lijst", verplicht=False),
            "leefgebieden": Veld("lijst", verplicht=False),
            "omschrijving": Veld("tekst", verplicht=False, max_lengte=2000, mag_leeg=True),
            "contact": Veld("tekst", verplicht=False, max_lengte=200, mag_leeg=True),
        },
    ),
}

SECTIES = [*TABELLEN, "streefwaarden", *LIJSTEN]


def _is_geheel(waarde: Any) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _is_getal(waarde: Any) -> bool:
    return isinstance(waarde, int | float) and not isinstance(waarde, bool)


def veldfout(veld: Veld, waarde: Any, naam: str) -> tuple[str, Any] | None:
    """What is wrong with one value, or None; the second part is the list element to find the line of."""
    if veld.soort in ("tekst", "slug", "keuze", "url"):
        if not isinstance(waarde, str):
            return _("%(naam)s moet een tekst zijn, niet %(waarde)r") % _p(naam, waarde), None
        if not waarde.strip() and not veld.mag_leeg:
            return _("%(naam)s mag niet leeg zijn") % _p(naam, waarde), None
        if veld.max_lengte and len(waarde) > veld.max_lengte:
            tekst = _("%(naam)s is te lang (%(lengte)d tekens, hoogstens %(max)d)")
            return tekst % {"naam": naam, "lengte": len(waarde), "max": veld.max_lengte}, None
    if veld.soort == "slug" and not _SLUG.match(waarde):
        tekst = _("%(naam)s moet een code zijn van kleine letters, cijfers, '-' en '_', niet %(waarde)r")
        return tekst % _p(naam, waarde), None
    if veld.soort == "keuze" and waarde not in veld.keuzes:
        tekst = _("%(naam)s: onbekende soort %(waarde)r (kies uit: %(keuzes)s)")
        return tekst % {**_p(naam, waarde), "keuzes": ", ".join(veld.keuzes)}, None
    if veld.soort == "url" and waarde:
        try:
            URLValidator()(waarde)
        except ValidationError:
            return _("%(naam)s is geen geldig webadres: %(waarde)r") % _p(naam, waarde), None
    if veld.soort == "positief":
        if not _is_geheel(waarde):
            return _("%(naam)s moet een geheel getal zijn, niet %(waarde)r") % _p(naam, waarde), None
        if waarde <= 0:
            return _("%(naam)s moet groter dan 0 zijn, niet %(waarde)r") % _p(naam, waarde), None
    if veld.soort == "lijst":
        if not isinstance(waarde, list) or not all(isinstance(w, str) and w.strip() for w in waarde):
            return _("%(naam)s moet een lijst van teksten zijn, niet %(waarde)r") % _p(naam, waarde), None
        gezien: set[str] = set()
        for element in waarde:
            if element in gezien:
                return _("%(naam)s noemt %(waarde)r twee keer") % _p(naam, element), element
            gezien.add(element)
    return None


def streefwaardefout(code: Any, waarde: Any) -> str | None:
    """What is wrong with one streefwaarde, or None."""
    if not isinstance(code, str) or not _KPI_CODE.match(code):
        return _("KPI-code '%(code)s' moet snake_case zijn") % {"code": code}
    if not _is_getal(waarde):
        return _("streefwaarde '%(code)s' moet een getal zijn, niet %(w)r") % {"code": code, "w": waarde}
    if code.endswith("_cijfer") and not 1 <= waarde <= 10:
        return _("streefwaarde '%(code)s' is een rapportcijfer van 1 tot 10") % {"code": code}
    if code.endswith("_procent") and "groei" not in code and not 0 <= waarde <= 100:
        return _("streefwaarde '%(code)s' is een percentage van 0 tot 100") % {"code": code}
    return None


def _p(naam: str, waarde: Any) -> dict:
    return {"naam": naam, "waarde": waarde}
