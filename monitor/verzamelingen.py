"""The sets of facts the KPIs count over (*verzamelingen*), and the dashboard's filter on them.

Each verzameling is a queryset for a period, with the paths to its team and kern so one query can
group it per team and kern (and per wet, for the facts of the loket). Most are the monitor's own fact
tables; the small tables of signalen are read from their app directly (collective, never removed by
the retention job). Everything about an inwoner is counted from facts, so a past quarter keeps its
figures when the retention job removes the dossier behind them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from meldingen.models import Signaal, SignaalStatusRegel
from skt.models import Kern, Team

from . import kpis as kpi_mod
from . import voorwerk
from .models import (
    AanvraagFeit,
    ArrangementFeit,
    CasusFeit,
    EvaluatieFeit,
    HuisbezoekFeit,
    MeldingFeit,
    VoorzieningFeit,
)
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
    # Facts that know their law (Wmo or Jeugdwet) are also grouped per wet.
    wet_pad: str | None = None


def meldingen_in(van: date, tot: date) -> QuerySet:
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
    return HuisbezoekFeit.objects.filter(datum__gte=c.van, datum__lte=min(c.tot, c.peildatum))


def _signalen(c: kpi_mod.Context) -> QuerySet:
    return Signaal.objects.filter(geregistreerd_op__date__gte=c.van, geregistreerd_op__date__lte=c.tot)


def _initiatieven(c: kpi_mod.Context) -> QuerySet:
    return SignaalStatusRegel.objects.filter(
        status="initiatief_gestart", op__date__gte=c.van, op__date__lte=c.tot
    )


def _binnen(veld: str, van: date, tot: date) -> Q:
    return Q(**{f"{veld}__gte": van, f"{veld}__lte": tot})


def _termijn_in(c: kpi_mod.Context, *, einde: str, besloten: str) -> Q:
    """Whose deadline fell in the period and can be judged on the peildatum (decided, or the deadline
    passed: open and overdue is late), or without a deadline, decided in the period."""
    return (
        _binnen(einde, c.van, c.tot)
        & (Q(**{f"{besloten}__lte": c.peildatum}) | Q(**{f"{einde}__lt": c.peildatum}))
    ) | (Q(**{f"{einde}__isnull": True}) & _binnen(besloten, c.van, min(c.tot, c.peildatum)))


def _overdracht_gestart(c: kpi_mod.Context) -> QuerySet:
    return AanvraagFeit.objects.filter(_binnen("eerste_ingang", c.van, min(c.tot, c.peildatum)))


def _overdracht_termijn(c: kpi_mod.Context) -> QuerySet:
    return AanvraagFeit.objects.filter(_termijn_in(c, einde="besluit_einde", besloten="besloten_op"))


def _overdracht_afgehandeld(c: kpi_mod.Context) -> QuerySet:
    return AanvraagFeit.objects.filter(_binnen("afgehandeld_op", c.van, min(c.tot, c.peildatum)))


def _voorwerk_termijn(c: kpi_mod.Context) -> QuerySet:
    return ArrangementFeit.objects.filter(route="voorwerk").filter(
        _termijn_in(c, einde="beslistermijn_einde", besloten="besloten_op")
    )


def _evaluaties(c: kpi_mod.Context) -> QuerySet:
    """Planned in the period and due by the peildatum: done by then, or past its date undone."""
    return EvaluatieFeit.objects.filter(_binnen("gepland_op", c.van, c.tot)).filter(
        Q(gedaan_op__lte=c.peildatum) | Q(gepland_op__lt=c.peildatum)
    )


VERZAMELINGEN: dict[str, Verzameling] = {
    "meldingen": Verzameling(lambda c: meldingen_in(c.van, c.tot), "team", "kern"),
    "meldingen_vorig_jaar": Verzameling(
        # Like for like: a running quarter compares with the same days a year earlier.
        lambda c: meldingen_in(jaar_eerder(c.van), jaar_eerder(max(c.van, min(c.tot, c.peildatum)))),
        "team",
        "kern",
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
    "huisbezoeken": Verzameling(_huisbezoeken, "team", "kern"),
    "signalen": Verzameling(_signalen, "team", "kern"),
    "initiatieven": Verzameling(_initiatieven, "signaal__team", "signaal__kern"),
    "voorwerk": Verzameling(voorwerk.arrangementen, "team", "kern"),
    "regulier": Verzameling(voorwerk.regulier, "team", "kern"),
    "voorwerk_termijn": Verzameling(_voorwerk_termijn, "team", "kern", "wet"),
    "overdracht_gestart": Verzameling(_overdracht_gestart, "team", "kern", "wet"),
    "overdracht_termijn": Verzameling(_overdracht_termijn, "team", "kern", "wet"),
    "overdracht_afgehandeld": Verzameling(_overdracht_afgehandeld, "team", "kern", "wet"),
    "evaluaties": Verzameling(_evaluaties, "team", "kern", "wet"),
    "voorzieningen": Verzameling(
        lambda c: VoorzieningFeit.objects.filter(_binnen("toegekend_op", c.van, min(c.tot, c.peildatum))),
        "team",
        "kern",
        "wet",
    ),
}


def gefilterd(qs: QuerySet, verzameling: Verzameling, selectie: Selectie) -> QuerySet:
    if selectie.team is not None:
        qs = qs.filter(**{verzameling.team_pad: selectie.team})
    if selectie.kern is not None:
        qs = qs.filter(**{verzameling.kern_pad: selectie.kern})
    return qs


def namen(model, ids) -> dict:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(model.objects.filter(pk__in=ids).values_list("pk", "naam"))
