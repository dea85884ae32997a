"""The aggregate queries of the monitor.

Every figure is an aggregate in the database over the fact tables (or, for the small tables of
signalen and contactmomenten, over the registration itself); Python only reshapes the handful of
grouped rows that come back. All KPIs of one *verzameling* share one query per grouping (gemeente,
team, kern), so a monitor costs a fixed number of queries whatever the number of meldingen.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from casussen.models import Contactmoment
from meldingen.models import Signaal, SignaalStatusRegel
from skt.models import Kern, Leefgebied, Team
from skt.services import actief_profiel, profielinstelling

from . import kpis as kpi_mod
from . import voorwerk
from .models import CasusFeit, MeldingFeit, MeldingFeitLeefgebied
from .periode import Periode, jaar_eerder

ONBEKEND = "onbekend"
# The group of facts without a team or kern (key None is the whole selection).
ZONDER = "zonder"


@dataclass(frozen=True)
class Selectie:
    """The dashboard's filter: the whole gemeente, one team, or one kern."""

    team: Team | None = None
    kern: Kern | None = None

    def als_dict(self) -> dict:
        return {
            "team": self.team.naam if self.team else None,
            "kern": self.kern.naam if self.kern else None,
        }


@dataclass(frozen=True)
class Verzameling:
    """A set of facts some KPIs count over, and how to reach its team and kern."""

    maak: Callable[[kpi_mod.Context], QuerySet]
    team_pad: str
    kern_pad: str


def _meldingen_in(van: date, tot: date) -> QuerySet:
    return MeldingFeit.objects.filter(aanmeldingsdatum__gte=van, aanmeldingsdatum__lte=tot)


def _wachtlijst(c: kpi_mod.Context) -> QuerySet:
    """Registered by the peildatum and still waiting then: no contact, not closed, for the kernteam.

    wacht_tot holds the day the waiting ended (see MeldingFeit.afleiden), so this is one index range:
    on (aanmeldingsdatum, wacht_tot) for an older date, on (wacht_tot, …) for a recent one.
    """
    return MeldingFeit.objects.filter(aanmeldingsdatum__lte=c.peildatum).filter(
        Q(wacht_tot__isnull=True) | Q(wacht_tot__gt=c.peildatum)
    )


def _huisbezoeken(c: kpi_mod.Context) -> QuerySet:
    return Contactmoment.objects.filter(
        datum__gte=c.van, datum__lte=min(c.tot, c.peildatum), soort="gezamenlijk_huisbezoek"
    )


def _signalen(c: kpi_mod.Context) -> QuerySet:
    return Signaal.objects.filter(geregistreerd_op__date__gte=c.van, geregistreerd_op__date__lte=c.tot)


def _initiatieven(c: kpi_mod.Context) -> QuerySet:
    return SignaalStatusRegel.objects.filter(
        status="initiatief_gestart", op__date__gte=c.van, op__date__lte=c.tot
    )


VERZAMELINGEN: dict[str, Verzameling] = {
    "meldingen": Verzameling(lambda c: _meldingen_in(c.van, c.tot), "team", "kern"),
    "meldingen_vorig_jaar": Verzameling(
        lambda c: _meldingen_in(jaar_eerder(c.van), jaar_eerder(c.tot)), "team", "kern"
    ),
    "wachtlijst": Verzameling(_wachtlijst, "team", "kern"),
    "casussen_gestart": Verzameling(
        lambda c: CasusFeit.objects.filter(startdatum__gte=c.van, startdatum__lte=c.tot), "team", "kern"
    ),
    "casussen_afgesloten": Verzameling(
        lambda c: CasusFeit.objects.filter(afgesloten_op__gte=c.van, afgesloten_op__lte=c.tot), "team", "kern"
    ),
    "effect": Verzameling(
        lambda c: CasusFeit.objects.filter(
            afgesloten_op__gte=Periode(c.van, c.tot).verschoven(c.effectmeting_dagen).van,
            afgesloten_op__lte=Periode(c.van, c.tot).verschoven(c.effectmeting_dagen).tot,
        ),
        "team",
        "kern",
    ),
    "huisbezoeken": Verzameling(_huisbezoeken, "casus__team", "casus__inwoner__kern"),
    "signalen": Verzameling(_signalen, "team", "kern"),
    "initiatieven": Verzameling(_initiatieven, "signaal__team", "signaal__kern"),
    "voorwerk": Verzameling(voorwerk.arrangementen, "team", "inwoner__kern"),
    "regulier": Verzameling(voorwerk.regulier, "team", "inwoner__kern"),
}


def context_voor(periode: Periode, vandaag: date | None = None) -> kpi_mod.Context:
    return kpi_mod.Context(
        van=periode.van,
        tot=periode.tot,
        peildatum=periode.peildatum(vandaag),
        eerste_contact_dagen=int(profielinstelling("termijnen.eerste_contact_dagen", 5)),
        max_contactmomenten=int(profielinstelling("max_contactmomenten", 10)),
        effectmeting_dagen=int(profielinstelling("termijnen.effectmeting_dagen", 90)),
    )


def _gefilterd(qs: QuerySet, verzameling: Verzameling, selectie: Selectie) -> QuerySet:
    if selectie.team is not None:
        qs = qs.filter(**{verzameling.team_pad: selectie.team})
    if selectie.kern is not None:
        qs = qs.filter(**{verzameling.kern_pad: selectie.kern})
    return qs


@dataclass
class KpiUitkomsten:
    """Values, denominators and raw numerators per group: key None is the whole selection."""

    waarden: dict
    noemers: dict
    tellers: dict


NIVEAUS = (None, "team", "kern")


def kpis_alle_niveaus(ctx: kpi_mod.Context, selectie: Selectie) -> dict[str | None, KpiUitkomsten]:
    """Every KPI for the whole selection, per team and per kern, with one query per verzameling.

    Each query groups by (team, kern); every KPI is a sum of counts or a ratio of two sums, so the
    totals per team, per kern and for the gemeente are sums of those few rows (never of facts).
    """
    tellers = {niveau: defaultdict(lambda: defaultdict(int)) for niveau in NIVEAUS}
    noemers = {niveau: defaultdict(lambda: defaultdict(int)) for niveau in NIVEAUS}
    per_verzameling: dict[str, list[kpi_mod.Kpi]] = defaultdict(list)
    for k in kpi_mod.KPIS:
        if k.afgeleid is None:
            per_verzameling[k.verzameling].append(k)
    for naam, lijst in per_verzameling.items():
        verzameling = VERZAMELINGEN[naam]
        qs = _gefilterd(verzameling.maak(ctx), verzameling, selectie)
        aggregaten = {}
        for k in lijst:
            aggregaten[f"{k.code}__t"] = k.teller(ctx)
            if k.noemer is not None:
                aggregaten[f"{k.code}__n"] = k.noemer(ctx)
        paden = (verzameling.team_pad, verzameling.kern_pad)
        for rij in qs.order_by().values(*paden).annotate(**aggregaten).order_by():
            team, kern = (ZONDER if rij[p] is None else rij[p] for p in paden)
            for niveau, sleutel in ((None, None), ("team", team), ("kern", kern)):
                for k in lijst:
                    tellers[niveau][sleutel][k.code] += rij[f"{k.code}__t"] or 0
                    if k.noemer is not None:
                        noemers[niveau][sleutel][k.code] += rij[f"{k.code}__n"] or 0
    uitkomsten = {}
    for niveau in NIVEAUS:
        sleutels = set(tellers[niveau]) | ({None} if niveau is None else set())
        waarden: dict = {}
        for sleutel in sleutels:
            waarden[sleutel] = {}
            for k in kpi_mod.KPIS:
                if k.afgeleid is not None:
                    continue
                # A group without rows in a verzameling counted nothing there: 0, or no ratio.
                teller = tellers[niveau][sleutel].get(k.code, 0)
                noemer = noemers[niveau][sleutel].get(k.code, 0) if k.noemer is not None else None
                waarden[sleutel][k.code] = k.uitkomst(teller, noemer)
                if k.noemer is not None:
                    noemers[niveau][sleutel][k.code] = int(noemer)
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
    """Every KPI, for the whole selection (groep None) or per 'team' / 'kern' (keys are ids)."""
    return kpis_alle_niveaus(ctx, selectie)[groep]


# -- streefwaarden ---------------------------------------------------------------------------------


def streefwaarden() -> dict[str, float | None]:
    """The current target per KPI: the coordinator's, else the gemeente profile's."""
    from .models import Streefwaarde

    uit_profiel = profielinstelling("streefwaarden", {}) or {}
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


# -- the distributions of the meldingen ------------------------------------------------------------


def _namen(model, ids) -> dict:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(model.objects.filter(pk__in=ids).values_list("pk", "naam"))


def _telling(qs: QuerySet, veld: str) -> dict:
    return {rij[veld]: rij["n"] for rij in qs.order_by().values(veld).annotate(n=Count("id")).order_by()}


def _per_maand(qs: QuerySet, periode: Periode) -> dict[str, int]:
    uitkomst = dict.fromkeys(periode.maanden(), 0)
    for rij in (
        qs.annotate(maand=TruncMonth("aanmeldingsdatum")).order_by().values("maand").annotate(n=Count("id"))
    ):
        uitkomst[f"{rij['maand']:%Y-%m}"] = rij["n"]
    return uitkomst


def _uit_niveau(uitkomsten: KpiUitkomsten, code: str) -> dict:
    """A KPI's raw count per group, with the group without team or kern as None."""
    return {
        (None if sleutel == ZONDER else sleutel): tellers.get(code, 0)
        for sleutel, tellers in uitkomsten.tellers.items()
        if tellers.get(code)
    }


def meldingen_verdeling(periode: Periode, selectie: Selectie, niveaus: dict | None = None) -> dict:
    """The 'meldingen' object of the JSON (without the KPI-derived keys).

    The counts per team and per kern come from the KPI query (``niveaus``) when given; the rest are
    four grouped queries: team x month, month a year earlier, ingang x melder x uitstroom, and the
    meldingen without a leefgebied, plus one on the leefgebied rows.
    """
    verzameling = VERZAMELINGEN["meldingen"]
    qs = _gefilterd(_meldingen_in(periode.van, periode.tot), verzameling, selectie)
    vorig = periode.vorig_jaar()
    qs_vorig = _gefilterd(_meldingen_in(vorig.van, vorig.tot), verzameling, selectie)

    # Teams and kernen that may appear: active ones (so an empty team shows 0) and any in the data.
    if niveaus is None:
        niveaus = kpis_alle_niveaus(context_voor(periode), selectie)
    team_telling = _uit_niveau(niveaus["team"], "meldingen_totaal")
    kern_telling = _uit_niveau(niveaus["kern"], "meldingen_totaal")
    team_namen = _namen(Team, team_telling)
    kern_namen = _namen(Kern, kern_telling)
    if selectie.team is None and selectie.kern is None:
        for team in Team.objects.filter(actief=True).exclude(soort=Team.Soort.LOKET).only("pk", "naam"):
            team_namen.setdefault(team.pk, team.naam)
        for kern in Kern.objects.filter(actief=True).only("pk", "naam"):
            kern_namen.setdefault(kern.pk, kern.naam)

    def team_naam(pk):
        return team_namen.get(pk, ONBEKEND) if pk is not None else ONBEKEND

    per_team = {team_naam(pk): 0 for pk in team_namen}
    for pk, n in team_telling.items():
        per_team[team_naam(pk)] = per_team.get(team_naam(pk), 0) + n
    per_kern = {kern_namen[pk]: 0 for pk in kern_namen}
    for pk, n in kern_telling.items():
        naam = kern_namen.get(pk, ONBEKEND) if pk is not None else ONBEKEND
        per_kern[naam] = per_kern.get(naam, 0) + n

    maanden = periode.maanden()
    per_team_per_maand: dict[str, dict[str, int]] = {naam: dict.fromkeys(maanden, 0) for naam in per_team}
    rijen = (
        qs.annotate(maand=TruncMonth("aanmeldingsdatum"))
        .order_by()
        .values("team", "maand")
        .annotate(n=Count("id"))
        .order_by()
    )
    for rij in rijen:
        per_team_per_maand.setdefault(team_naam(rij["team"]), dict.fromkeys(maanden, 0))[
            f"{rij['maand']:%Y-%m}"
        ] += rij["n"]

    # Leefgebieden: a melding with two counts in both; one without any is 'onbekend'. The rows carry
    # the fact's date, team and kern, so this is a range over their own index, without a join.
    labels = dict(Leefgebied.objects.values_list("pk", "label"))
    actieve = (
        Leefgebied.objects.filter(actief=True).order_by("volgorde", "label").values_list("label", flat=True)
    )
    regels = MeldingFeitLeefgebied.objects.filter(
        aanmeldingsdatum__gte=periode.van, aanmeldingsdatum__lte=periode.tot
    )
    if selectie.team is not None:
        regels = regels.filter(team=selectie.team)
    if selectie.kern is not None:
        regels = regels.filter(kern=selectie.kern)
    per_leefgebied: dict[str, int] = dict.fromkeys(actieve, 0)
    per_team_per_leefgebied: dict[str, dict[str, int]] = {naam: {} for naam in per_team}
    for rij in regels.order_by().values("team", "leefgebied").annotate(n=Count("id")).order_by():
        label = labels[rij["leefgebied"]]
        per_leefgebied[label] = per_leefgebied.get(label, 0) + rij["n"]
        doel = per_team_per_leefgebied.setdefault(team_naam(rij["team"]), {})
        doel[label] = doel.get(label, 0) + rij["n"]
    zonder = _telling(qs.filter(leefgebieden_aantal=0), "team")
    per_leefgebied[ONBEKEND] = sum(zonder.values())
    for pk, n in zonder.items():
        per_team_per_leefgebied.setdefault(team_naam(pk), {})[ONBEKEND] = n

    per_maand = dict.fromkeys(maanden, 0)
    for maandtelling in per_team_per_maand.values():
        for maand, n in maandtelling.items():
            per_maand[maand] += n
    per_ingang: Counter = Counter()
    per_melder: Counter = Counter()
    per_uitstroom: Counter = Counter()
    for rij in qs.order_by().values("ingang", "melder", "uitstroom").annotate(n=Count("id")).order_by():
        per_ingang[rij["ingang"] or ONBEKEND] += rij["n"]
        per_melder[rij["melder"] or ONBEKEND] += rij["n"]
        per_uitstroom[rij["uitstroom"] or ONBEKEND] += rij["n"]

    return {
        "zelfde_periode_vorig_jaar_van_tot": vorig.als_dict(),
        "per_maand": per_maand,
        "per_maand_vorig_jaar": _per_maand(qs_vorig, vorig),
        "per_team": per_team,
        "per_kern": per_kern,
        "per_team_per_maand": per_team_per_maand,
        "per_leefgebied": per_leefgebied,
        "per_team_per_leefgebied": per_team_per_leefgebied,
        "per_ingang": dict(per_ingang.most_common()),
        "per_melder": dict(per_melder.most_common()),
        "per_uitstroom": dict(per_uitstroom.most_common()),
    }


# -- the whole monitor -----------------------------------------------------------------------------


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
    meldingen.update(meldingen_verdeling(periode, selectie, niveaus))
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
        "gemeente": profiel.gemeente if profiel else "",
        "profiel": profiel.naam if profiel else "",
        "selectie": selectie.als_dict(),
        "instellingen": {
            "eerste_contact_dagen": ctx.eerste_contact_dagen,
            "max_contactmomenten": ctx.max_contactmomenten,
            "effectmeting_dagen": ctx.effectmeting_dagen,
            "privacy_drempel": int(profielinstelling("monitor.privacy_drempel", 5)),
        },
        "meldingen": meldingen,
        "kpis": kpi_lijst,
        "kpis_per_team": _groep_lijst(per_team, _namen(Team, team_ids)),
        "kpis_per_kern": _groep_lijst(per_kern, _namen(Kern, kern_ids)),
    }
