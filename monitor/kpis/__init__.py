"""The KPIs of the kwartaalmonitor: what each figure means, its unit and which way is better.

Each KPI is data: a name and definition in Dutch for the raad, and one or two aggregate expressions
(teller, noemer) over a *verzameling* (a set of facts defined in monitor/verzamelingen.py). The
engine in monitor/berekening.py puts every KPI of one verzameling into a single aggregate query,
per gemeente, per team and per kern, so the number of queries does not depend on the number of
meldingen.

Value = teller (aantal), 100 * teller / noemer (procent), or teller / noemer (dagen, cijfer, an average).

Split by what it does: ``definitie`` (what a KPI is, how its value is computed, the themes), and the
KPIs themselves in ``meldingen`` (reach, access, uitstroom), ``ondersteuning`` (casussen, voorwerk,
quality) and ``overdracht`` (the hand-off to the loket and what follows it). This module puts them
together in the order of the report.
"""

from __future__ import annotations

from . import meldingen, ondersteuning, overdracht, rekenkamer
from .definitie import THEMAS, Context, Eenheid, Kpi, Richting, kwantiel_uit_telling

__all__ = [
    "KPIS",
    "PER_CODE",
    "THEMAS",
    "Context",
    "Eenheid",
    "Kpi",
    "Richting",
    "definities",
    "kpi",
    "kwantiel_uit_telling",
]

KPIS: list[Kpi] = [*meldingen.KPIS, *ondersteuning.KPIS, *overdracht.KPIS, *rekenkamer.KPIS]

PER_CODE = {kpi.code: kpi for kpi in KPIS}
assert len(PER_CODE) == len(KPIS), "dubbele KPI-code"


def kpi(code: str) -> Kpi:
    return PER_CODE[code]


def definities() -> list[dict]:
    """The definitions as frozen into every report."""
    return [
        {
            "code": k.code,
            "naam": k.naam,
            "definitie": k.definitie,
            "eenheid": str(k.eenheid),
            "richting": str(k.richting),
            "thema": k.thema,
        }
        for k in KPIS
    ]
