"""KPIs from the rekenkamer's table (seed 001 §3.3) that this registration can compute: unique
inwoners, age groups, casussen closed as planned, and the ZIN/PGB share of granted onderdelen. The
five zorgaanbieders with the most granted onderdelen are a distribution, not a KPI
(monitor.verdeling.zorgaanbieders); the KPIs it cannot compute are in NIET_IN_REGISTRATIE."""

from __future__ import annotations

from .definitie import Eenheid, Kpi, Richting, tel

LEEFTIJDSGROEPEN = [
    ("0-17", "0–17 jaar"),
    ("18-26", "18–26 jaar"),
    ("27-64", "27–64 jaar"),
    ("65+", "65 jaar en ouder"),
]


def _leeftijd(groep: str, label: str) -> Kpi:
    return Kpi(
        f"meldingen_leeftijd_{groep.replace('-', '_').replace('+', '_plus')}",
        f"Meldingen, inwoner {label}",
        f"Meldingen in de periode over een inwoner van {label} op de aanmeldingsdatum. Meldingen zonder "
        "bekende geboortedatum (anoniem, of uit de historische import) tellen in geen leeftijdsgroep.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen",
        teller=tel(leeftijdsgroep=groep),
    )


KPIS: list[Kpi] = [
    Kpi(
        "inwoners_uniek",
        "Unieke inwoners",
        "Het aantal verschillende inwoners over wie in de periode een melding is gedaan: een inwoner met "
        "twee meldingen telt eenmaal. Per team en kern telt een inwoner bij elk team of elke kern waar hij "
        "een melding had, dus de teams samen kunnen meer zijn dan de gemeente. Anonieme meldingen en de "
        "historische import (zonder inwoner) tellen niet mee.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen",
        uniek="inwoner_sleutel",
    ),
    *[_leeftijd(groep, label) for groep, label in LEEFTIJDSGROEPEN],
    Kpi(
        "casussen_volgens_plan_afgerond_procent",
        "Ondersteuning volgens plan afgerond",
        "Van de casussen kortdurende ondersteuning die in de periode zijn afgesloten, het aandeel met als "
        "reden van afsluiten 'doel bereikt'.",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "ondersteuning",
        "casussen_afgesloten",
        teller=tel(afsluitreden="doel_bereikt"),
        noemer=tel(),
    ),
    Kpi(
        "voorzieningen_toegekend",
        "Toegekende onderdelen",
        "Onderdelen van arrangementen die het loket in de periode heeft toegekend (beschikkingsdatum, "
        "anders de datum van het besluit).",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "overdracht",
        "voorzieningen",
        teller=tel(),
    ),
    Kpi(
        "voorzieningen_zin_procent",
        "Aandeel zorg in natura (ZIN)",
        "Van de in de periode toegekende onderdelen met een bekende leveringsvorm, het aandeel in natura.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "overdracht",
        "voorzieningen",
        teller=tel(leveringsvorm="zin"),
        noemer=lambda c: tel(leveringsvorm__in=("zin", "pgb"))(c),
    ),
    Kpi(
        "voorzieningen_pgb_procent",
        "Aandeel persoonsgebonden budget (PGB)",
        "Van de in de periode toegekende onderdelen met een bekende leveringsvorm, het aandeel als PGB.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "overdracht",
        "voorzieningen",
        teller=tel(leveringsvorm="pgb"),
        noemer=lambda c: tel(leveringsvorm__in=("zin", "pgb"))(c),
    ),
]

# The rekenkamer's KPIs this registration cannot compute, and where a gemeente usually finds them.
NIET_IN_REGISTRATIE = [
    (
        "Kosten per inwoner en per voorziening",
        "De financiële administratie van de gemeente en de declaraties van zorgaanbieders "
        "(iWmo/iJw-berichten).",
    ),
    (
        "Uitputting van het budget sociaal domein",
        "De begroting en de tussentijdse rapportages (bestuursrapportage) van de gemeente.",
    ),
    (
        "Bezwaar en beroep tegen besluiten",
        "De registratie van de bezwaarcommissie en het juridisch team; de rechtbank voor beroepszaken.",
    ),
    (
        "Uitgaven aan PGB's",
        "De Sociale Verzekeringsbank (SVB), die de PGB-budgetten uitbetaalt.",
    ),
]
