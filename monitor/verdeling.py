"""The distributions of the meldingen for the JSON and the charts: per month, team, kern, leefgebied,
ingang, melder and uitstroom. Grouped queries only; Python adds up the few rows that come back."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from skt.models import Kern, Leefgebied, Team

from .models import MeldingFeitLeefgebied
from .periode import Periode
from .verzamelingen import ONBEKEND, VERZAMELINGEN, Selectie, gefilterd, meldingen_in, namen


def _telling(qs: QuerySet, veld: str) -> dict:
    return {rij[veld]: rij["n"] for rij in qs.order_by().values(veld).annotate(n=Count("id")).order_by()}


def _per_maand(qs: QuerySet, periode: Periode) -> dict[str, int]:
    uitkomst = dict.fromkeys(periode.maanden(), 0)
    for rij in (
        qs.annotate(maand=TruncMonth("aanmeldingsdatum")).order_by().values("maand").annotate(n=Count("id"))
    ):
        uitkomst[f"{rij['maand']:%Y-%m}"] = rij["n"]
    return uitkomst


def meldingen_verdeling(
    periode: Periode,
    selectie: Selectie,
    *,
    team_telling: dict,
    kern_telling: dict,
    peildatum: date | None = None,
) -> dict:
    """The 'meldingen' object of the JSON (without the KPI-derived keys).

    The counts per team and per kern (pk -> count) come from the KPI query; the rest are four grouped
    queries: team x month, month a year earlier, ingang x melder x uitstroom, and the
    meldingen without a leefgebied, plus one on the leefgebied rows.
    """
    verzameling = VERZAMELINGEN["meldingen"]
    qs = gefilterd(meldingen_in(periode.van, periode.tot), verzameling, selectie)
    vorig = periode.vergelijkbaar_vorig_jaar(peildatum or periode.tot)
    qs_vorig = gefilterd(meldingen_in(vorig.van, vorig.tot), verzameling, selectie)

    # Teams and kernen that may appear: active ones (so an empty team shows 0) and any in the data.
    team_namen = namen(Team, team_telling)
    kern_namen = namen(Kern, kern_telling)
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
        # Every month of last year's quarter, counted up to the same day as this year.
        "per_maand_vorig_jaar": _per_maand(qs_vorig, periode.vorig_jaar()),
        "per_team": per_team,
        "per_kern": per_kern,
        "per_team_per_maand": per_team_per_maand,
        "per_leefgebied": per_leefgebied,
        "per_team_per_leefgebied": per_team_per_leefgebied,
        "per_ingang": dict(per_ingang.most_common()),
        "per_melder": dict(per_melder.most_common()),
        "per_uitstroom": dict(per_uitstroom.most_common()),
    }
