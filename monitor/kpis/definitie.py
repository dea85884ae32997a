"""What a KPI is: its unit, its better direction, the context of a calculation, and how a value
follows from teller and noemer. The KPIs themselves are in the modules of their themes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.db.models import Aggregate, Count, Q


class Eenheid(StrEnum):
    AANTAL = "aantal"
    PROCENT = "procent"
    DAGEN = "dagen"
    CIJFER = "cijfer"


class Richting(StrEnum):
    HOGER_BETER = "hoger_beter"
    LAGER_BETER = "lager_beter"
    # Growth in meldingen has no better direction: more can mean the team is found better (seed 001).
    NEUTRAAL = "neutraal"


@dataclass(frozen=True)
class Context:
    """What a KPI expression may depend on besides the facts."""

    van: date
    tot: date
    peildatum: date
    eerste_contact_dagen: int
    max_contactmomenten: int
    effectmeting_dagen: int

    @property
    def contact_termijn_verstreken_voor(self) -> date:
        """Meldingen registered on or before this date are past the first-contact term on peildatum."""
        return self.peildatum - timedelta(days=self.eerste_contact_dagen)


Expressie = Callable[[Context], Aggregate]


@dataclass(frozen=True)
class Kpi:
    code: str
    naam: str
    definitie: str
    eenheid: Eenheid
    richting: Richting
    thema: str
    verzameling: str
    teller: Expressie | None = None
    noemer: Expressie | None = None
    # For derived KPIs: computed from other KPI values of the same group.
    afgeleid: Callable[[dict], float | None] | None = None
    # For a percentile (0.5 the median) of the whole days in ``veld``: no sum of groups gives it, so
    # the engine counts the facts per value of the field and takes the percentile of those counts.
    kwantiel: float | None = None
    veld: str = ""
    # For a count of distinct values of this field (unique inwoners): no sum of groups gives it, so
    # the engine counts it with a query of its own per level.
    uniek: str = ""

    @property
    def is_kwantiel(self) -> bool:
        return self.kwantiel is not None

    def uitkomst(self, teller, noemer) -> float | int | None:
        if self.noemer is None:
            return int(teller or 0)
        if not noemer:
            return None
        factor = 100 if self.eenheid == Eenheid.PROCENT else 1
        return round(factor * float(teller or 0) / float(noemer), 1)


# -- themes, in the order of the report ----------------------------------------------------------

THEMAS = [
    (
        "meldingen",
        "Meldingen en bereik",
        "Hoeveel inwoners het Sociaal Kernteam weten te vinden, en met welke vragen.",
    ),
    (
        "toegang",
        "Toegang en eerste contact",
        "Of inwoners snel contact krijgen: binnen de termijn, zonder wachtlijst.",
    ),
    (
        "uitstroom",
        "Uitstroom",
        "Hoe meldingen eindigen: met een eigen oplossing, een algemene voorziening, of maatwerk via "
        "het loket.",
    ),
    (
        "ondersteuning",
        "Kortdurende ondersteuning",
        "Casussen van het kernteam: hoeveel, hoe intensief, en met welk effect.",
    ),
    (
        "voorwerk",
        "Voorwerk en maatwerk",
        "Voorwerk-arrangementen die het kernteam voor het loket voorbereidt.",
    ),
    (
        "overdracht",
        "Overdracht aan het loket",
        "Wat er gebeurt als het kernteam of de poort een vraag aan het loket overdraagt: hoe lang de "
        "inwoner wacht op de voorziening, of het loket binnen de wettelijke termijn beslist, hoe vaak de "
        "vraag terugkomt zonder maatwerk, en of toegekende plannen op tijd worden geëvalueerd.",
    ),
    ("kwaliteit", "Kwaliteit en samenleving", "Tevredenheid van inwoners, signalen en nieuwe initiatieven."),
]


def kwantiel_uit_telling(telling: dict[int, int], q: float) -> float | None:
    """The q-th percentile of the values counted in ``telling`` (value -> how often), by linear
    interpolation between the two nearest ranks, as PostgreSQL's percentile_cont and Excel's
    PERCENTIEL.INC do: the median of 2, 4, 9, 20 is 6,5."""
    n = sum(telling.values())
    if n == 0:
        return None
    positie = q * (n - 1)
    onder, fractie = int(positie), positie - int(positie)

    def op_rang(rang: int) -> int:
        gezien = 0
        for waarde in sorted(telling):
            gezien += telling[waarde]
            if rang < gezien:
                return waarde
        return max(telling)

    laag = op_rang(onder)
    hoog = op_rang(onder + 1) if fractie else laag
    return round(laag + fractie * (hoog - laag), 1)


def tel(**filters) -> Expressie:
    return lambda c: Count("id", filter=Q(**filters)) if filters else Count("id")


def tel_q(maak_q: Callable[[Context], Q]) -> Expressie:
    return lambda c: Count("id", filter=maak_q(c))
