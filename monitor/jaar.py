"""The year report: the four quarters of a year side by side, and the year against the year before.

Each column is the monitor of its own period (monitor_berekenen), so a quarter here has exactly the
figures of that quarter's own report. For a count the change is in percent; for a percentage, an
average or days it is the difference (in procentpunten for a percentage), since a percentage of a
percentage misleads.
"""

from __future__ import annotations

from datetime import date

from . import kpis as kpi_mod
from .berekening import monitor_berekenen
from .periode import Periode
from .verzamelingen import Selectie


def _waarden(cijfers: dict) -> dict:
    return {k["code"]: k["waarde"] for k in cijfers["kpis"]}


def _noemers(cijfers: dict) -> dict:
    return {k["code"]: k["noemer"] for k in cijfers["kpis"]}


def verschil(eenheid: str, nu, vorig) -> dict:
    """{'absoluut': nu - vorig, 'procent': change in % of vorig (counts only)}; None where unknown."""
    if nu is None or vorig is None:
        return {"absoluut": None, "procent": None}
    absoluut = round(float(nu) - float(vorig), 1)
    procent = None
    if eenheid == kpi_mod.Eenheid.AANTAL and vorig:
        procent = round(100 * (float(nu) - float(vorig)) / float(vorig), 1)
    return {"absoluut": absoluut, "procent": procent}


def jaaroverzicht(jaar: int, selectie: Selectie | None = None, vandaag: date | None = None) -> dict:
    """The figures of a year report: per KPI the four quarters, the year and the year before."""
    selectie = selectie or Selectie()
    periode = Periode.jaar(jaar)
    kwartalen = []
    for kwartaal in periode.kwartalen():
        if vandaag is not None and kwartaal.van > vandaag:
            kwartalen.append({"code": kwartaal.code, "label": kwartaal.label, "waarden": {}, "noemers": {}})
            continue
        cijfers = monitor_berekenen(kwartaal, selectie, vandaag)
        kwartalen.append(
            {
                "code": kwartaal.code,
                "label": kwartaal.label,
                "waarden": _waarden(cijfers),
                "noemers": _noemers(cijfers),
            }
        )
    heel_cijfers = monitor_berekenen(periode, selectie, vandaag)
    heel = _waarden(heel_cijfers)
    # Not Periode.jaar: the year before the first the monitor accepts is simply empty.
    vorig_cijfers = monitor_berekenen(
        Periode(date(jaar - 1, 1, 1), date(jaar - 1, 12, 31)), selectie, vandaag
    )
    vorig = _waarden(vorig_cijfers)
    return {
        "jaar": jaar,
        "vorig_jaar": jaar - 1,
        "kwartalen": kwartalen,
        "jaar_waarden": heel,
        "jaar_noemers": _noemers(heel_cijfers),
        "vorig_jaar_waarden": vorig,
        "vorig_jaar_noemers": _noemers(vorig_cijfers),
        "verschil": {
            k.code: verschil(str(k.eenheid), heel.get(k.code), vorig.get(k.code)) for k in kpi_mod.KPIS
        },
    }


def jaar_weergave(overzicht: dict, *, drempel: int | None) -> dict:
    """The year table as a reader sees it: Dutch numbers, and for readers under the threshold no
    percentage or average over fewer than the threshold (as in the quarterly tables)."""
    from .opmaak import LEEG, getal, kpi_afgeschermd, kpi_waarde

    def cel(code: str, eenheid: str, waarden: dict, noemers: dict) -> str:
        waarde = waarden.get(code)
        k = {"code": code, "eenheid": eenheid, "waarde": waarde, "noemer": noemers.get(code)}
        return LEEG if kpi_afgeschermd(k, drempel) else kpi_waarde(waarde, eenheid)

    rijen = []
    for k in kpi_mod.KPIS:
        eenheid = str(k.eenheid)
        kolommen = [cel(k.code, eenheid, q["waarden"], q["noemers"]) for q in overzicht["kwartalen"]]
        jaar_cel = cel(k.code, eenheid, overzicht["jaar_waarden"], overzicht["jaar_noemers"])
        vorig_cel = cel(k.code, eenheid, overzicht["vorig_jaar_waarden"], overzicht["vorig_jaar_noemers"])
        v = overzicht["verschil"].get(k.code, {})
        if LEEG in (jaar_cel, vorig_cel) or v.get("absoluut") is None:
            verschil_tekst = LEEG
        elif v.get("procent") is not None:
            verschil_tekst = f"{'+' if v['procent'] >= 0 else ''}{getal(v['procent'], 1)}%"
        else:
            teken = "+" if v["absoluut"] >= 0 else ""
            achter = " procentpunt" if eenheid == kpi_mod.Eenheid.PROCENT else ""
            decimalen = 0 if eenheid == kpi_mod.Eenheid.AANTAL else 1
            verschil_tekst = f"{teken}{getal(v['absoluut'], decimalen)}{achter}"
        rijen.append((k.naam, [*kolommen, jaar_cel, vorig_cel, verschil_tekst]))
    kolommen = [f"{q['code'][-2:]}" for q in overzicht["kwartalen"]]
    return {
        "kolommen": [*kolommen, str(overzicht["jaar"]), str(overzicht["vorig_jaar"]), "Verschil"],
        "rijen": rijen,
        "jaar": overzicht["jaar"],
        "vorig_jaar": overzicht["vorig_jaar"],
    }
