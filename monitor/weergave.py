"""From the figures of a monitor to what a reader sees: the same rows for the dashboard and the PDF.

Formatting (Dutch numbers, units) and the privacy threshold are applied here, once, so the dashboard
and the raad's PDF cannot disagree on a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from meldingen.vocab import Ingang, MelderSoort, Uitstroom

from . import kpis as kpi_mod
from .kpis.rekenkamer import NIET_IN_REGISTRATIE
from .opmaak import (
    GEEN_AANDEEL,
    LEEG,
    aandeel_herleidbaar,
    aantal_afgeschermd,
    getal,
    groepswaarde,
    kpi_afgeschermd,
    kpi_waarde,
)

STATUS_TEKST = {
    "gehaald": "gehaald",
    "niet_gehaald": "niet gehaald",
    "geen_streefwaarde": "geen streefwaarde",
    "onbekend": "geen gegevens",
}
RICHTING_TEKST = {
    "hoger_beter": "hoger is beter",
    "lager_beter": "lager is beter",
    "neutraal": "geen voorkeursrichting",
}

EENHEID_NAAM = {"aantal": "aantal", "procent": "procent", "dagen": "dagen", "cijfer": "gemiddelde"}

# The columns of the tables per team and per kern: the figures a raad compares between villages.
TEAM_KOLOMMEN = [
    ("meldingen_totaal", "Meldingen"),
    ("meldingen_groei_procent", "Groei"),
    ("meldingen_jeugd_procent", "Jeugd"),
    ("eerste_contact_binnen_termijn_procent", "Contact op tijd"),
    ("wachtlijst", "Wachtlijst"),
    ("casussen_gestart", "Casussen gestart"),
    ("casussen_tot_en_met_5_contactmomenten_procent", "≤ 5 contacten"),
    ("clienttevredenheid_cijfer", "Cijfer"),
]
KERN_KOLOMMEN = [
    ("meldingen_totaal", "Meldingen"),
    ("meldingen_jeugd_procent", "Jeugd"),
    ("eerste_contact_binnen_termijn_procent", "Contact op tijd"),
    ("wachtlijst", "Wachtlijst"),
    ("casussen_gestart", "Casussen gestart"),
]
# Per wet: what the loket does with a hand-off, Wmo against Jeugdwet.
WET_KOLOMMEN = [
    ("overdracht_wachttijd_mediaan_dagen", "Wachttijd (mediaan)"),
    ("overdracht_wachttijd_p90_dagen", "Wachttijd (p90)"),
    ("overdracht_binnen_termijn_procent", "Besluit op tijd"),
    ("overdracht_geen_maatwerk_procent", "Geen maatwerk"),
    ("evaluaties_op_tijd_procent", "Evaluaties op tijd"),
    ("voorwerk_binnen_termijn_procent", "Voorwerk op tijd"),
]


@dataclass
class KpiRij:
    code: str
    naam: str
    waarde: str
    streefwaarde: str
    status: str
    status_tekst: str
    definitie: str
    # Which target judged the value: 'raadsbesluit 12-03-2019 (RB-12)', 'team Elst', 'gemeenteprofiel'.
    streefwaarde_bron: str
    noot: str
    richting: str
    eenheid: str


@dataclass
class Tabel:
    kolommen: list[str]
    rijen: list[tuple[str, list[str]]] = field(default_factory=list)


def _kpi_rij(k: dict, drempel: int | None = None) -> KpiRij:
    definitie = kpi_mod.PER_CODE[k["code"]]
    # Hidden, its judgement too: 'niet gehaald' against 90% over 6 meldingen also says someone waited.
    afgeschermd = kpi_afgeschermd(k, drempel)
    status = "onbekend" if afgeschermd else k["status"]
    return KpiRij(
        code=k["code"],
        naam=k["naam"],
        waarde=LEEG if afgeschermd else kpi_waarde(k["waarde"], k["eenheid"]),
        streefwaarde=kpi_waarde(k["streefwaarde"], k["eenheid"]) if k["streefwaarde"] is not None else "",
        status=status,
        status_tekst="niet getoond (kleine aantallen)" if afgeschermd else STATUS_TEKST.get(status, status),
        definitie=definitie.definitie,
        streefwaarde_bron=k.get("streefwaarde_bron") or "" if k["streefwaarde"] is not None else "",
        noot=k.get("noot", ""),
        richting=RICHTING_TEKST[str(definitie.richting)],
        eenheid=EENHEID_NAAM[str(definitie.eenheid)],
    )


def _groepstabel(groepen: list[dict], kolommen, drempel: int | None, onbekend: str) -> Tabel:
    tabel = Tabel([titel for _, titel in kolommen])
    for groep in groepen:
        cellen = []
        for code, _titel in kolommen:
            k = kpi_mod.PER_CODE[code]
            noemer = groep["noemers"].get(code)
            if code == "meldingen_groei_procent":
                noemer = groep["waarden"].get("meldingen_vorig_jaar")
            cellen.append(
                groepswaarde(
                    groep["waarden"].get(code),
                    str(k.eenheid),
                    noemer,
                    drempel,
                    is_aandeel=code not in GEEN_AANDEEL,
                )
            )
        tabel.rijen.append((onbekend if groep["naam"] == "onbekend" else groep["naam"], cellen))
    return tabel


def _team_doelen(groepen: list[dict], drempel: int | None) -> Tabel:
    """Every team against its own most specific target (team or cluster, else the gemeente's)."""
    tabel = Tabel(["KPI", "Waarde", "Streefwaarde", "Geldt van", "Beoordeling"])
    for groep in groepen:
        if groep["naam"] == "onbekend":
            continue
        for code, doel in groep.get("streefwaarden", {}).items():
            k = kpi_mod.PER_CODE[code]
            noemer = groep["noemers"].get(code)
            if code == "meldingen_groei_procent":
                noemer = groep["waarden"].get("meldingen_vorig_jaar")
            waarde = groepswaarde(
                groep["waarden"].get(code),
                str(k.eenheid),
                noemer,
                drempel,
                is_aandeel=code not in GEEN_AANDEEL,
            )
            verborgen = waarde.startswith("<") or waarde.startswith("n <") or waarde == LEEG
            status = "onbekend" if verborgen and groep["waarden"].get(code) is not None else doel["status"]
            tabel.rijen.append(
                (
                    groep["naam"],
                    [
                        k.naam,
                        waarde,
                        kpi_waarde(doel["waarde"], str(k.eenheid)),
                        doel["bron"],
                        STATUS_TEKST.get(status, status),
                    ],
                )
            )
    return tabel


def _aanbieders(v: dict | None) -> list[tuple[str, str, str]]:
    """The five largest zorgaanbieders and the rest; absent in reports frozen before this table."""
    if not v or not v["toegekend"]:
        return []
    totaal = v["toegekend"]
    rijen = [(a["naam"], a["aantal"]) for a in v["top_zorgaanbieders"]]
    if v["overige_zorgaanbieders"]:
        rijen.append(("Overige aanbieders", v["overige_zorgaanbieders"]))
    if v["zonder_zorgaanbieder"]:
        rijen.append(("Geen aanbieder vastgelegd", v["zonder_zorgaanbieder"]))
    return [(naam, getal(n), f"{getal(100 * n / totaal, 1)}%") for naam, n in rijen]


def _verdeling(
    telling: dict[str, int], namen: dict, totaal: int | None, drempel: int | None = None
) -> list[tuple[str, str, str]]:
    rijen = []
    for code, n in sorted(telling.items(), key=lambda t: -t[1]):
        if not n:
            continue
        procent = 100 * n / totaal if totaal else None
        if procent is None:
            aandeel = ""
        elif drempel and (
            aantal_afgeschermd(n, drempel) != getal(n)
            or aandeel_herleidbaar(procent, "procent", totaal, drempel)
        ):
            aandeel = LEEG
        else:
            aandeel = f"{getal(procent, 1)}%"
        rijen.append((str(namen.get(code, code)), aantal_afgeschermd(n, drempel), aandeel))
    return rijen


def _leefgebied_per_team(m: dict, drempel: int | None) -> Tabel:
    teams = [t for t, n in m["per_team"].items() if n]
    tabel = Tabel(teams)
    for label, totaal in m["per_leefgebied"].items():
        if not totaal:
            continue
        cellen = [
            aantal_afgeschermd(m["per_team_per_leefgebied"].get(t, {}).get(label, 0), drempel) for t in teams
        ]
        tabel.rijen.append(("Nog niet bekend" if label == "onbekend" else label, cellen))
    return tabel


def _team_per_maand(m: dict, drempel: int | None) -> Tabel:
    """Seed 003's own table: meldingen per kernteam per month, with the total of the period."""
    from .periode import maand_label

    maanden = list(m.get("per_maand", {}))
    tabel = Tabel([maand_label(maand) for maand in maanden] + ["Totaal"])
    for team, telling in m.get("per_team_per_maand", {}).items():
        totaal = sum(telling.values())
        if not totaal:
            continue
        cellen = [aantal_afgeschermd(telling.get(maand, 0), drempel) for maand in maanden]
        tabel.rijen.append(
            ("Nog geen team" if team == "onbekend" else team, cellen + [aantal_afgeschermd(totaal, drempel)])
        )
    return tabel


# Team columns per table on a landscape page: six long team names still fit side by side.
KOLOMMEN_PER_DEEL = 6


def in_delen(tabel: Tabel, per: int = KOLOMMEN_PER_DEEL) -> list[Tabel]:
    """A wide table as tables of at most ``per`` columns, each with every row, so nothing falls off
    the page however many teams a gemeente has."""
    if len(tabel.kolommen) <= per:
        return [tabel]
    return [
        Tabel(
            tabel.kolommen[begin : begin + per],
            [(naam, cellen[begin : begin + per]) for naam, cellen in tabel.rijen],
        )
        for begin in range(0, len(tabel.kolommen), per)
    ]


def weergave(cijfers: dict, *, drempel: int | None) -> dict:
    """Everything a reader sees of one monitor; ``drempel`` None shows exact small counts."""
    kpis = cijfers["kpis"]
    per_code = {k["code"]: k for k in kpis}
    m = cijfers["meldingen"]
    themas = []
    for code, naam, uitleg in kpi_mod.THEMAS:
        themas.append(
            {
                "code": code,
                "naam": naam,
                "uitleg": uitleg,
                "kpis": [_kpi_rij(k, drempel) for k in kpis if k["thema"] == code],
            }
        )
    uitstroom_namen = {**dict(Uitstroom.choices), "onbekend": "Nog open of onbekend"}
    return {
        "themas": themas,
        "doelen": [_kpi_rij(k, drempel) for k in kpis if k["streefwaarde"] is not None],
        "team_doelen": _team_doelen(cijfers["kpis_per_team"], drempel),
        "kern": {
            code: _kpi_rij(per_code[code], drempel)
            for code in (
                "meldingen_totaal",
                "meldingen_vorig_jaar",
                "meldingen_groei_procent",
                "eerste_contact_binnen_termijn_procent",
                "wachtlijst",
                "casussen_gestart",
                "casussen_afgesloten",
                "clienttevredenheid_cijfer",
                "casussen_tot_en_met_5_contactmomenten_procent",
                "zonder_maatwerk_na_3_maanden_procent",
            )
        },
        "teams": _groepstabel(
            cijfers["kpis_per_team"], TEAM_KOLOMMEN, drempel, "Nog geen team (niet getriëerd)"
        ),
        "kernen": _groepstabel(
            cijfers["kpis_per_kern"], KERN_KOLOMMEN, drempel, "Onbekend (anoniem, geen kern)"
        ),
        # Reports frozen before the hand-off KPIs have no figures per wet.
        "wetten": _groepstabel(cijfers.get("kpis_per_wet", []), WET_KOLOMMEN, drempel, "Onbekend"),
        "ingang": _verdeling(
            m["per_ingang"], {**dict(Ingang.choices), "onbekend": "Onbekend"}, m["totaal"], drempel
        ),
        "melder": _verdeling(
            m["per_melder"], {**dict(MelderSoort.choices), "onbekend": "Onbekend"}, m["totaal"], drempel
        ),
        "uitstroom": _verdeling(m["per_uitstroom"], uitstroom_namen, m["totaal"], drempel),
        "leefgebied": _verdeling(m["per_leefgebied"], {"onbekend": "Nog niet bekend"}, m["totaal"], drempel),
        "leefgebied_per_team": (leefgebied_per_team := _leefgebied_per_team(m, drempel)),
        "leefgebied_per_team_delen": in_delen(leefgebied_per_team),
        "team_per_maand": _team_per_maand(m, drempel),
        "aanbieders": _aanbieders(cijfers.get("voorzieningen")),
        "niet_in_registratie": NIET_IN_REGISTRATIE,
        "drempel": drempel,
    }
