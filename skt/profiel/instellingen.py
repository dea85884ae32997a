"""The settings of the active gemeente profile as one typed, validated object.

Code reads ``instellingen().termijnen.eerste_contact_dagen`` instead of walking the stored JSON with
its own default and int coercion at every call site. Each value passes the same rule as in a profile
file (``schema.veldfout``, ``schema.streefwaardefout``). A stored value that does not — a profile
edited by hand in the database — is logged and replaced by its default: one wrong setting must not
take every page down, and the beheerder finds the message in the log.

The defaults are those the call sites used before there was an object, so an installation without an
active profile (a fresh demo, most unit tests) behaves as it always did.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from django.utils.translation import gettext as _

from ..models import GemeenteProfiel
from .schema import TABELLEN, streefwaardefout, veldfout

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Termijnen:
    """[termijnen]: every field is a key of the schema's table of that name, with its default."""

    eerste_contact_dagen: int = 5
    wmo_onderzoek_weken: int = 6
    wmo_persoonlijk_plan_dagen: int = 7
    wmo_beschikking_weken: int = 2
    jeugd_beslissing_weken: int = 8
    effectmeting_dagen: int = 90
    casus_zonder_contact_dagen: int = 28
    casus_doorlooptijd_dagen: int = 91
    casus_advies_dagen: int = 5
    noodtoegang_uren: int = 8
    # A granted plan is evaluated this many months after the decision, or halfway to the earliest
    # einddatum of its granted voorzieningen when that comes sooner (arrangementen.services.evalueren).
    evaluatie_maanden: int = 3


@dataclass(frozen=True)
class Monitor:
    """[monitor]"""

    privacy_drempel: int = 5
    # E-mail addresses that receive the PDF when the coordinator marks a version vastgesteld.
    verzendlijst: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bewaartermijnen:
    """[bewaartermijnen] (Selectielijst gemeenten); the access log keeps its own period."""

    met_voorziening_jaren: int = 15
    zonder_voorziening_jaren: int = 5
    toegangslog_jaren: int = 5


@dataclass(frozen=True)
class Instellingen:
    max_contactmomenten: int = 10
    termijnen: Termijnen = field(default_factory=Termijnen)
    monitor: Monitor = field(default_factory=Monitor)
    bewaartermijnen: Bewaartermijnen = field(default_factory=Bewaartermijnen)
    # KPI code to target; read-only, since one object is shared by every caller.
    streefwaarden: Mapping[str, int | float] = field(default_factory=lambda: MappingProxyType({}))


STANDAARD = Instellingen()


def instellingen_uit(data: Any) -> tuple[Instellingen, list[str]]:
    """Parse stored profile settings; returns the object and one message per value left at its default."""
    fouten: list[str] = []

    def tabel(naam: str, bron: Any) -> dict:
        if bron is None:
            return {}
        if not isinstance(bron, dict):
            fouten.append(_("[%(naam)s] moet een tabel zijn") % {"naam": naam})
            return {}
        return bron

    def waarde(tabelnaam: str, bron: dict, sleutel: str, standaard: Any) -> Any:
        if sleutel not in bron:
            return standaard
        fout = veldfout(TABELLEN[tabelnaam][sleutel], bron[sleutel], f"'{sleutel}' in [{tabelnaam}]")
        if fout is not None:
            fouten.append(fout[0])
            return standaard
        # A list becomes a tuple: this object is cached and shared by every caller.
        return tuple(bron[sleutel]) if isinstance(bron[sleutel], list) else bron[sleutel]

    def maken(klasse: type, tabelnaam: str, bron: Any):
        bron = tabel(tabelnaam, bron)
        return klasse(**{f.name: waarde(tabelnaam, bron, f.name, f.default) for f in fields(klasse)})

    data = tabel("instellingen", data)
    streefwaarden = {}
    for code, doel in tabel("streefwaarden", data.get("streefwaarden")).items():
        if (fout := streefwaardefout(code, doel)) is not None:
            fouten.append(fout)
        else:
            streefwaarden[code] = doel
    # max_contactmomenten is stored at the top, but in the file it is a key of [gemeente].
    uitkomst = Instellingen(
        max_contactmomenten=waarde("gemeente", data, "max_contactmomenten", STANDAARD.max_contactmomenten),
        termijnen=maken(Termijnen, "termijnen", data.get("termijnen")),
        monitor=maken(Monitor, "monitor", data.get("monitor")),
        bewaartermijnen=maken(Bewaartermijnen, "bewaartermijnen", data.get("bewaartermijnen")),
        streefwaarden=MappingProxyType(streefwaarden),
    )
    return uitkomst, fouten


@lru_cache(maxsize=16)
def _ontleed(naam: str, tekst: str) -> Instellingen:
    # Keyed on the stored content itself, so a reloaded or edited profile is never served stale;
    # a broken value is logged once per content, not on every request.
    uitkomst, fouten = instellingen_uit(json.loads(tekst))
    for fout in fouten:
        logger.warning("Gemeenteprofiel %s: %s; de standaardwaarde geldt.", naam, fout)
    return uitkomst


def instellingen() -> Instellingen:
    """The settings of the active gemeente profile, or the defaults when none is active. One query."""
    rij = GemeenteProfiel.objects.filter(actief=True).values_list("naam", "instellingen").first()
    if rij is None:
        return STANDAARD
    naam, ruw = rij
    return _ontleed(naam, json.dumps(ruw, sort_keys=True))
