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
        if k.afgeleid is None and not k.uniek:
            per_verzameling[k.verzameling].append(k)
    for k in kpi_mod.KPIS:
        if k.uniek:
            _uniek_tellen(k, ctx, selectie, tellers)
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


def _uniek_tellen(k: kpi_mod.Kpi, ctx: kpi_mod.Context, selectie: Selectie, tellers: dict) -> None:
    """Distinct values are no sum of groups: one query for the whole selection and one per team and
    per kern (never per wet: a verzameling with a distinct count has no law)."""
    verzameling = VERZAMELINGEN[k.verzameling]
    qs = gefilterd(verzameling.maak(ctx), verzameling, selectie).exclude(**{k.uniek: ""}).order_by()
    tellers[None][None][k.code] = qs.aggregate(n=Count(k.uniek, distinct=True))["n"] or 0
    for niveau, pad in (("team", verzameling.team_pad), ("kern", verzameling.kern_pad)):
        for rij in qs.values(pad).annotate(n=Count(k.uniek, distinct=True)).order_by():
            tellers[niveau][ZONDER if rij[pad] is None else rij[pad]][k.code] = rij["n"]


TOP_AANBIEDERS = 5


def zorgaanbieders(ctx: kpi_mod.Context, selectie: Selectie, drempel: int) -> dict:
    """The five zorgaanbieders with the most onderdelen granted in the period; aanbieders with fewer
    than the privacy threshold, and all after the fifth, together as 'overige'. One query."""
    verzameling = VERZAMELINGEN["voorzieningen"]
    qs = gefilterd(verzameling.maak(ctx), verzameling, selectie).order_by()
    telling = sorted(
        ((r["zorgaanbieder"], r["n"]) for r in qs.values("zorgaanbieder").annotate(n=Count("id"))),
        key=lambda t: (-t[1], t[0]),
    )
    onbekend = sum(n for naam, n in telling if not naam)
    bekend = [(naam, n) for naam, n in telling if naam]
    top = [(naam, n) for naam, n in bekend if n >= drempel][:TOP_AANBIEDERS]
    return {
        "toegekend": sum(n for _naam, n in telling),
        "top_zorgaanbieders": [{"naam": naam, "aantal": n} for naam, n in top],
        "overige_zorgaanbieders": sum(n for _naam, n in bekend) - sum(n for _naam, n in top),
        "zonder_zorgaanbieder": onbekend,
    }


def kpis_berekenen(ctx: kpi_mod.Context, selectie: Selectie, groep: str | None = None) -> KpiUitkomsten:
    """Every KPI, for the whole selection (groep None), per 'team' / 'kern' (keys are ids) or per 'wet'."""
    return kpis_alle_niveaus(ctx, selectie)[groep]


# -- streefwaarden ---------------------------------------------------------------------------------


def streefwaarden() -> dict[str, float | None]:
    """The current gemeente-wide target per KPI: the raad's (or an older one the coordinator set for
    the gemeente), else the gemeente profile's."""
    return {code: doel["waarde"] for code, doel in alle_streefwaarden()["gemeente"].items()}


def _datum(d) -> str:
    return f"{d:%d-%m-%Y}"


def alle_streefwaarden() -> dict:
    """Every target that applies now: ``{"gemeente": {code: doel}, "team": {team_id: {code: doel}}}``,
    each ``doel`` a dict of waarde, niveau (raad | gemeente | profiel | team | cluster) and bron (the
    reader's text: which raadsbesluit, which team). Two queries."""
    from .models import Streefwaarde

    gemeente: dict[str, dict] = {
        code: {"waarde": float(waarde), "niveau": "profiel", "bron": "gemeenteprofiel"}
        for code, waarde in instellingen().streefwaarden.items()
        if code in kpi_mod.PER_CODE
    }
    per_team: dict[int, dict[str, dict]] = defaultdict(dict)
    for rij in Streefwaarde.objects.select_related("team").filter(kpi__in=kpi_mod.PER_CODE):
        waarde = None if rij.waarde is None else float(rij.waarde)
        if rij.team_id is None:
            if rij.raadsbesluit_datum:
                bron = f"raadsbesluit {_datum(rij.raadsbesluit_datum)}"
                if rij.raadsbesluit_kenmerk:
                    bron += f" ({rij.raadsbesluit_kenmerk})"
                gemeente[rij.kpi] = {"waarde": waarde, "niveau": "raad", "bron": bron}
            else:
                gemeente[rij.kpi] = {"waarde": waarde, "niveau": "gemeente", "bron": "gemeente (coördinator)"}
        elif waarde is not None:
            # An emptied team target is no target: the gemeente's applies again.
            soort = "cluster" if rij.team.soort == rij.team.Soort.CLUSTER else "team"
            per_team[rij.team_id][rij.kpi] = {
                "waarde": waarde,
                "niveau": soort,
                "bron": f"{soort} {rij.team.naam}",
            }
    return {"gemeente": gemeente, "team": dict(per_team)}


def streefwaarde_voor(doelen: dict, code: str, team_id: int | None = None) -> dict | None:
    """The most specific target for a KPI: the team's or cluster's, else the gemeente's (raad,
    coordinator, profile). None: no target at all."""
    if team_id is not None and code in doelen["team"].get(team_id, {}):
        return doelen["team"][team_id][code]
    doel = doelen["gemeente"].get(code)
    return doel if doel is not None and doel["waarde"] is not None else None


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


def _met_streefwaarden(groepen: list[dict], doelen: dict) -> list[dict]:
    """Each team judged against its own most specific targets (team or cluster, else the gemeente's)."""
    for groep in groepen:
        team_id = groep.pop("_pk")
        groep["streefwaarden"] = {}
        for k in kpi_mod.KPIS:
            gekozen = streefwaarde_voor(doelen, k.code, None if team_id == ZONDER else team_id)
            if gekozen is None:
                continue
            groep["streefwaarden"][k.code] = {
                **gekozen,
                "status": status(k, groep["waarden"].get(k.code), gekozen["waarde"]),
            }
    return groepen


def _groep_lijst(uitkomsten: KpiUitkomsten, namen: dict, *, met_pk: bool = False) -> list[dict]:
    lijst = []
    for pk, waarden in uitkomsten.waarden.items():
        if pk is None:
            continue
        lijst.append(
            {
                "_pk": pk,
                "naam": ONBEKEND if pk == ZONDER else namen.get(pk, ONBEKEND),
                "waarden": waarden,
                "noemers": uitkomsten.noemers.get(pk, {}),
            }
        )
    if not met_pk:
        for groep in lijst:
            del groep["_pk"]
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
    doelen = alle_streefwaarden()
    selectie_team = selectie.team.pk if selectie.team else None

    kpi_lijst = []
    for k in kpi_mod.KPIS:
        waarde = waarden.get(k.code)
        gekozen = streefwaarde_voor(doelen, k.code, selectie_team)
        doel = gekozen["waarde"] if gekozen else None
        kpi_lijst.append(
            {
                "code": k.code,
                "naam": k.naam,
                "waarde": waarde,
                "eenheid": str(k.eenheid),
                "streefwaarde": doel,
                "streefwaarde_niveau": gekozen["niveau"] if gekozen else None,
                "streefwaarde_bron": gekozen["bron"] if gekozen else None,
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
    voorzieningen = zorgaanbieders(ctx, selectie, instellingen().monitor.privacy_drempel)
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
        "kpis_per_team": _met_streefwaarden(
            _groep_lijst(per_team, namen(Team, team_ids), met_pk=True), doelen
        ),
        # The targets as they were when these figures were judged: a frozen report keeps them.
        "streefwaarden": {
            "gemeente": doelen["gemeente"],
            "team": {namen(Team, doelen["team"]).get(pk, str(pk)): d for pk, d in doelen["team"].items()},
        },
        "kpis_per_kern": _groep_lijst(per_kern, namen(Kern, kern_ids)),
        "kpis_per_wet": _groep_lijst(niveaus["wet"], {str(w): str(w.label) for w in Wet}),
        "voorzieningen": voorzieningen,
    }
