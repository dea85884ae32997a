"""The KPI table of a frozen report as CSV for BI: one row per KPI for the gemeente, each team, kern
and wet.

Dutch spreadsheet conventions (semicolon, decimal comma, UTF-8 with BOM), so Excel opens it as it is.
For readers under the privacy threshold the same rule as the PDF applies: a value that would give away
a small count is not in the file, only why ('< 5', 'n < 5', '–').
"""

from __future__ import annotations

import csv
import io

from . import kpis as kpi_mod
from .opmaak import GEEN_AANDEEL, LEEG, getal, groepswaarde, kpi_afgeschermd
from .weergave import STATUS_TEKST

# 'streefwaarde_van' came later, at the end, so readers of the older columns keep working.
KOPPEN = [
    "niveau",
    "groep",
    "code",
    "kpi",
    "waarde",
    "eenheid",
    "streefwaarde",
    "beoordeling",
    "streefwaarde_van",
]
NIVEAUS = (("kpis_per_team", "team"), ("kpis_per_kern", "kern"), ("kpis_per_wet", "wet"))


def _getal(waarde, eenheid: str) -> str:
    if waarde is None:
        return ""
    geheel = eenheid == kpi_mod.Eenheid.AANTAL and float(waarde).is_integer()
    return getal(waarde, 0 if geheel else 1)


def _groepscel(code: str, groep: dict, drempel: int | None) -> str:
    k = kpi_mod.PER_CODE[code]
    waarde = groep["waarden"].get(code)
    noemer = groep["noemers"].get(code)
    if code == "meldingen_groei_procent":
        noemer = groep["waarden"].get("meldingen_vorig_jaar")
    if drempel:
        getoond = groepswaarde(waarde, str(k.eenheid), noemer, drempel, is_aandeel=code not in GEEN_AANDEEL)
        if getoond == LEEG or getoond.startswith(("<", "n <")):
            return getoond
    return _getal(waarde, str(k.eenheid))


def kpi_csv(cijfers: dict, *, drempel: int | None) -> str:
    """``drempel`` None: the exact figures (the coordinator)."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOPPEN)
    gemeente = cijfers.get("gemeente", "")
    for k in cijfers["kpis"]:
        afgeschermd = kpi_afgeschermd(k, drempel)
        schrijver.writerow(
            [
                "gemeente",
                gemeente,
                k["code"],
                k["naam"],
                LEEG if afgeschermd else _getal(k["waarde"], k["eenheid"]),
                k["eenheid"],
                _getal(k["streefwaarde"], k["eenheid"]),
                "niet getoond (kleine aantallen)"
                if afgeschermd
                else STATUS_TEKST.get(k["status"], k["status"]),
                k.get("streefwaarde_bron") or "" if k["streefwaarde"] is not None else "",
            ]
        )
    for sleutel, niveau in NIVEAUS:
        for groep in cijfers.get(sleutel, []):
            for k in cijfers["kpis"]:
                if k["code"] not in groep["waarden"]:
                    continue
                cel = _groepscel(k["code"], groep, drempel)
                doel = groep.get("streefwaarden", {}).get(k["code"]) if niveau == "team" else None
                verborgen = cel == LEEG or cel.startswith(("<", "n <"))
                schrijver.writerow(
                    [
                        niveau,
                        groep["naam"],
                        k["code"],
                        k["naam"],
                        cel,
                        k["eenheid"],
                        _getal(doel["waarde"], k["eenheid"]) if doel else "",
                        (
                            "niet getoond (kleine aantallen)"
                            if verborgen and groep["waarden"].get(k["code"]) is not None
                            else STATUS_TEKST.get(doel["status"], doel["status"])
                        )
                        if doel
                        else "",
                        doel["bron"] if doel else "",
                    ]  # fmt: skip
                )
    return "\ufeff" + uit.getvalue()
