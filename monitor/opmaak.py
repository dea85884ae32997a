"""Dutch number formatting and the privacy threshold, shared by dashboard, PDF and charts."""

from __future__ import annotations

from .kpis import Eenheid

LEEG = "–"

EENHEID_TEKST = {
    Eenheid.AANTAL: "",
    Eenheid.PROCENT: "%",
    Eenheid.DAGEN: "dagen",
    Eenheid.CIJFER: "",
}


def getal(waarde, decimalen: int = 0) -> str:
    """1234.5 -> '1.234,5' (Dutch separators); None -> '–'."""
    if waarde is None:
        return LEEG
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def kpi_waarde(waarde, eenheid: str, *, met_eenheid: bool = True) -> str:
    if waarde is None:
        return LEEG
    if eenheid == Eenheid.AANTAL:
        tekst = getal(waarde, 0 if float(waarde).is_integer() else 1)
    else:
        tekst = getal(waarde, 1)
    if not met_eenheid:
        return tekst
    achter = EENHEID_TEKST.get(Eenheid(eenheid), "")
    if achter == "%":
        return f"{tekst}%"
    return f"{tekst} {achter}" if achter else tekst


def onder_drempel(aantal, drempel: int) -> bool:
    """1 … drempel-1 could point at a person in a small kern; 0 and larger numbers are safe."""
    return aantal is not None and 0 < aantal < drempel


def aantal_afgeschermd(aantal, drempel: int | None) -> str:
    """A count per team or kern for readers who may not see small numbers: '< 5'."""
    if drempel and onder_drempel(aantal, drempel):
        return f"< {drempel}"
    return getal(aantal)


def groepswaarde(waarde, eenheid: str, noemer, drempel: int | None) -> str:
    """A KPI value per team or kern. A count under the threshold becomes '< 5'; a percentage or
    average over fewer than the threshold is not shown, since it reveals the cases behind it."""
    if eenheid == Eenheid.AANTAL and noemer is None:
        if drempel and onder_drempel(waarde, drempel):
            return f"< {drempel}"
        return kpi_waarde(waarde, eenheid)
    if drempel and noemer is not None and onder_drempel(noemer, drempel):
        return f"n < {drempel}"
    return kpi_waarde(waarde, eenheid)
