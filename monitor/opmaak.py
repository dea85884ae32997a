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


def aandeel_herleidbaar(
    waarde, eenheid: str, noemer, drempel: int | None, *, is_aandeel: bool = True
) -> bool:
    """Whether a percentage gives away a count under the threshold: its numerator, or what is left of
    the denominator (6 meldingen at 83,3% on time means 1 late).

    ``is_aandeel`` is False for a percentage that is no share of its denominator (growth); only the
    denominator counts then. The numerator follows from value and denominator, so figures stored
    before the numerator was kept are judged the same way.
    """
    if not drempel or noemer is None or eenheid != Eenheid.PROCENT or waarde is None or not is_aandeel:
        return False
    teller = round(float(waarde) * float(noemer) / 100)
    return onder_drempel(teller, drempel) or onder_drempel(int(noemer) - teller, drempel)


def groepswaarde(waarde, eenheid: str, noemer, drempel: int | None, *, is_aandeel: bool = True) -> str:
    """A KPI value per team or kern. A count under the threshold becomes '< 5'; a percentage or
    average over fewer than the threshold is not shown, since it reveals the cases behind it; nor is
    a percentage whose numerator or remainder is under the threshold ('–')."""
    if eenheid == Eenheid.AANTAL and noemer is None:
        if drempel and onder_drempel(waarde, drempel):
            return f"< {drempel}"
        return kpi_waarde(waarde, eenheid)
    if drempel and noemer is not None and onder_drempel(noemer, drempel):
        return f"n < {drempel}"
    if aandeel_herleidbaar(waarde, eenheid, noemer, drempel, is_aandeel=is_aandeel):
        return LEEG
    return kpi_waarde(waarde, eenheid)


def kpi_afgeschermd(k: dict, drempel: int | None) -> bool:
    """Whether a KPI of the whole selection (a dict of the monitor's figures) is hidden from a reader
    under the threshold: a percentage or average over fewer than the threshold, or a percentage that
    gives away a small numerator or remainder. Counts of the whole gemeente are shown."""
    noemer = k.get("noemer")
    if not drempel or k["eenheid"] == Eenheid.AANTAL or noemer is None:
        return False
    if onder_drempel(noemer, drempel):
        return True
    return aandeel_herleidbaar(
        k["waarde"], k["eenheid"], noemer, drempel, is_aandeel=k["code"] not in GEEN_AANDEEL
    )


# Percentages that are no share of their denominator: growth on the same period a year earlier.
GEEN_AANDEEL = frozenset({"meldingen_groei_procent"})
