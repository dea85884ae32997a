"""The aggregate queries of the monitor.

Every figure is an aggregate in the database over the fact tables (or, for the small tables of
signalen and contactmomenten, over the registration itself); Python only reshapes the handful of
grouped rows that come back. All KPIs of one *verzameling* share one query per grouping (gemeente,
team, kern), so a monitor costs a fixed number of queries whatever the number of meldingen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from arrangementen.models import Wet
from skt.models import Kern, Team
from skt.profiel.instellingen import instellingen
from skt.services import actief_profiel

from . import kpis as kpi_mod
from .periode import Periode
from .verdeling import meldingen_verdeling
from .verzamelingen import ONBEKEND, VERZAMELINGEN, ZONDER, Selectie, gefilterd, namen


def context_voor(periode: Periode, vandaag: date | None = None) -> kpi_mod.Context:
    profiel = instellingen()
    return kpi_mod.Context(
        van=periode.van,
        tot=periode.tot,
        peildatum=periode.peildatum(vandaag),
        eerste_contact_dagen=profiel.termijnen.eerste_contact_dagen,
        max_contactmomenten=profiel.max_contactmomenten,
        effectmeting_dagen=profiel.termijnen.effectmeting_dagen,
    )


@dataclass
class KpiUitkomsten:
    """Values, denominators and raw numerators per group: key None is the whole selection."""

    waarden: dict
    noemers: dict
    tellers: dict


NIVEAUS = (None, "team", "kern", "wet")


def _telt_op(niveau: str | None, k: kpi_mod.Kpi) -> bool:
    """Every KPI is counted for the gemeente, per team and per kern; per wet only over the facts of
    the loket, which know their law."""
    return niveau != "wet" or VERZAMELINGEN[k.verzameling].wet_pad is not None


def kpis_alle_niveaus(ctx: kpi_mod.Context, selectie: Selectie) -> dict[str | None, KpiUitkomsten]:
    """Every KPI for the whole selection, per team, per kern and per wet, with one query per verzameling.

    Each query groups by (team, kern[, wet]); every KPI is a sum of counts or a ratio of two sums, so
    the totals per team, per kern and for the gemeente are sums of those few rows (never of facts). A
    percentile is no sum: its verzameling is also grouped by the field (whole days), and the
    percentile is read from the merged counts per value, which are as few as there are distinct days.
    """
    tellers = {niveau: defaultdict(lambda: defaultdict(int)) for niveau in NIVEAUS}
    noemers = {niveau: defaultdict(lambda: defaultdict(int)) for niveau in NIVEAUS}
    tellingen = {niveau: defaultdict(lambda: defaultdict(lambda: defaultdict(int))) for niveau in NIVEAUS}
    per_verzameling: dict[str, list[kpi_mod.Kpi]] = defaultdict(list)
    for k in kpi_mod.KPIS:
        if k.afgeleid is None:
            per_verzameling[k.verzameling].append(k)
    for naam, lijst in per_verzameling.items():
        verzameling = VERZAMELINGEN[naam]
        qs = gefilterd(verzameling.maak(ctx), verzameling, selectie)
        velden = sorted({k.veld for k in lijst if k.is_kwantiel})
        assert len(velden) <= 1, f"verzameling {naam}: percentielen over meer dan één veld"
        aggregaten = {}
        for k in lijst:
            if k.is_kwantiel:
                aggregaten[f"{k.code}__n"] = Count("id", filter=Q(**{f"{k.veld}__isnull": False}))
                continue
            aggregaten[f"{k.code}__t"] = k.teller(ctx)
            if k.noemer is not None:
                aggregaten[f"{k.code}__n"] = k.noemer(ctx)
        paden = [verzameling.team_pad, verzameling.kern_pad]
        if verzameling.wet_pad:
            paden.append(verzameling.wet_pad)
        for rij in qs.order_by().values(*paden, *velden).annotate(**aggregaten).order_by():
            team, kern = (ZONDER if rij[p] is None else rij[p] for p in paden[:2])
            groepen = [(None, None), ("team", team), ("kern", kern)]
            if verzameling.wet_pad:
                groepen.append(("wet", rij[verzameling.wet_pad] or ZONDER))
            for niveau, sleutel in groepen:
                for k in lijst:
                    if k.is_kwantiel:
                        n = rij[f"{k.code}__n"] or 0
                        if n:
                            tellingen[niveau][sleutel][k.code][rij[k.veld]] += n
                        noemers[niveau][sleutel][k.code] += n
                        continue
                    tellers[niveau][sleutel][k.code] += rij[f"{k.code}__t"] or 0
                    if k.noemer is not None:
                        noemers[niveau][sleutel][k.code] += rij[f"{k.code}__n"] or 0
    uitkomsten = {}
    for niveau in NIVEAUS:
        sleutels = set(tellers[niveau]) | set(noemers[niveau]) | ({None} if niveau is None else set())
        waarden: dict = {}
        for sleutel in sleutels:
            waarden[sleutel] = {}
            for k in kpi_mod.KPIS:
                if k.afgeleid is not None or not _telt_op(niveau, k):
                    continue
                if k.is_kwantiel:
                    telling = tellingen[niveau][sleutel].get(k.code, {})
                    waarden[sleutel][k.code] = kpi_mod.kwantiel_uit_telling(telling, k.kwantiel)
                    noemers[niveau][sleutel][k.code] = int(noemers[niveau][sleutel].get(k.code, 0))
                    continue
                # A group without rows in a verzameling counted nothing there: 0, or no ratio.
                teller = tellers[niveau][sleutel].get(k.code, 0)
                noemer = noemers[niveau][sleutel].get(k.code, 0) if k.noemer is not None else None
                waarden[sleutel][k.code] = k.uitkomst(teller, noemer)
                if k.noemer is not None:
                    noemers[niveau][sleutel][k.code] = int(noemer)
            if niveau == "wet":
                continue
            for k in kpi_mod.KPIS:
                if k.afgeleid is not None:
                    waarden[sleutel][k.code] = k.afgeleid(waarden[sleutel])
        uitkomsten[niveau] = KpiUitkomsten(
            waarden,
            {s: dict(v) for s, v in noemers[niveau].items()},
            {s: dict(v) for s, v in tellers[niveau].items()},
        )
    return uitkomsten


def kpis_berekenen(ctx: kpi_mod.Context, selectie: Selectie, groep: str | None = None) -> KpiUitkomsten:
    """Every KPI, for the whole selection (groep None), per 'team' / 'kern' (keys are ids) or per 'wet'."""
    return kpis_alle_niveaus(ctx, selectie)[groep]


# -- streefwaarden ---------------------------------------------------------------------------------


def streefwaarden() -> dict[str, float | None]:
    """The current target per KPI: the coordinator's, else the gemeente profile's."""
    from .models import Streefwaarde

    uit_profiel = instellingen().streefwaarden
    doelen: dict[str, float | None] = {
        code: float(waarde) for code, waarde in uit_profiel.items() if code in kpi_mod.PER_CODE
    }
    for code, waarde in Streefwaarde.objects.values_list("kpi", "waarde"):
        doelen[code] = None if waarde is None else float(waarde)
    return doelen


def status(k: kpi_mod.Kpi, waarde, streefwaarde) -> str:
    """gehaald | niet_gehaald | geen_streefwaarde | onbekend (no value to compare)."""
    if streefwaarde is None:
        return "geen_streefwaarde"
    if waarde is None:
        return "onbekend"
    # A target on a KPI without a better direction is read as a minimum.
    if k.richting == kpi_mod.Richting.LAGER_BETER:
        return "gehaald" if waarde <= streefwaarde else "niet_gehaald"
    return "gehaald" if waarde >= streefwaarde else "niet_gehaald"


# -- the whole monitor -----------------------------------------------------------------------------


def _uit_niveau(uitkomsten: KpiUitkomsten, code: str) -> dict:
    """A KPI's raw count per group, with the group without team or kern as None."""
    return {
        (None if sleutel == ZONDER else sleutel): tellers.get(code, 0)
        for sleutel, tellers in uitkomsten.tellers.items()
        if tellers.get(code)
    }


def _groep_lijst(uitkomsten: KpiUitkomsten, namen: dict) -> list[dict]:
    lijst = []
    for pk, waarden in uitkomsten.waarden.items():
        if pk is None:
            continue
        lijst.append(
            {
                "naam": ONBEKEND if pk == ZONDER else namen.get(pk, ONBEKEND),
                "waarden": waarden,
                "noemers": uitkomsten.noemers.get(pk, {}),
            }
        )
    return sorted(lijst, key=lambda g: (g["naam"] == ONBEKEND, g["naam"]))


def monitor_berekenen(
    periode: Periode, selectie: Selectie | None = None, vandaag: date | None = None
) -> dict:
    """All figures of the monitor for a period: the JSON of the issue, plus what the PDF needs."""
    selectie = selectie or Selectie()
    ctx = context_voor(periode, vandaag)
    niveaus = kpis_alle_niveaus(ctx, selectie)
    gemeente = niveaus[None]
    waarden = gemeente.waarden.get(None, {})
    doelen = streefwaarden()

    kpi_lijst = []
    for k in kpi_mod.KPIS:
        waarde = waarden.get(k.code)
        doel = doelen.get(k.code)
        kpi_lijst.append(
            {
                "code": k.code,
                "naam": k.naam,
                "waarde": waarde,
                "eenheid": str(k.eenheid),
                "streefwaarde": doel,
                "status": status(k, waarde, doel),
                "richting": str(k.richting),
                "thema": k.thema,
                "noemer": gemeente.noemers.get(None, {}).get(k.code),
            }
        )

    per_team, per_kern = niveaus["team"], niveaus["kern"]
    team_ids = set(per_team.waarden) - {None, ZONDER}
    kern_ids = set(per_kern.waarden) - {None, ZONDER}

    meldingen = {
        "totaal": waarden.get("meldingen_totaal"),
        "zelfde_periode_vorig_jaar": waarden.get("meldingen_vorig_jaar"),
        "groei_procent": waarden.get("meldingen_groei_procent"),
    }
    meldingen.update(
        meldingen_verdeling(
            periode,
            selectie,
            team_telling=_uit_niveau(per_team, "meldingen_totaal"),
            kern_telling=_uit_niveau(per_kern, "meldingen_totaal"),
            peildatum=ctx.peildatum,
        )
    )
    meldingen["jeugd"] = gemeente.tellers.get(None, {}).get("meldingen_jeugd_procent", 0)
    meldingen["contactmomenten"] = {
        "tot_en_met_5_procent": waarden.get("casussen_tot_en_met_5_contactmomenten_procent"),
        "maximum_bereikt_procent": waarden.get("casussen_maximum_bereikt_procent"),
        "met_contactmomenten": gemeente.noemers.get(None, {}).get(
            "casussen_tot_en_met_5_contactmomenten_procent"
        ),
    }
    profiel = actief_profiel()
    return {
        "periode": periode.als_dict(),
        "periode_label": periode.label,
        "periode_code": periode.code,
        "peildatum": ctx.peildatum.isoformat(),
        "loopt_nog": periode.loopt_op(ctx.peildatum),
        "periode_tekst": periode.tekst(ctx.peildatum),
        "gemeente": profiel.gemeente if profiel else "",
        "profiel": profiel.naam if profiel else "",
        "selectie": selectie.als_dict(),
        "instellingen": {
            "eerste_contact_dagen": ctx.eerste_contact_dagen,
            "max_contactmomenten": ctx.max_contactmomenten,
            "effectmeting_dagen": ctx.effectmeting_dagen,
            "privacy_drempel": instellingen().monitor.privacy_drempel,
        },
        "meldingen": meldingen,
        "kpis": kpi_lijst,
        "kpis_per_team": _groep_lijst(per_team, namen(Team, team_ids)),
        "kpis_per_kern": _groep_lijst(per_kern, namen(Kern, kern_ids)),
        "kpis_per_wet": _groep_lijst(niveaus["wet"], {str(w): str(w.label) for w in Wet}),
    }
