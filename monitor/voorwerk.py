"""Voorwerk and the regular loket route, counted over the arrangement facts.

The KPIs of the theme 'voorwerk' count arrangementen first submitted in the period. Each set carries
the names the KPI expressions use: goedgekeurd, teruggegeven, doorlooptijd (days from the melding to
the decision, the inwoner's wait) and binnen_termijn (the app's own judgement against the legal term).
Read from the facts, not from the plans: the retention job removes plans, and a published quarter
must keep its figures.
"""

from __future__ import annotations

from django.db.models import BooleanField, Case, F, QuerySet, Value, When

from .kpis import Context
from .models import ArrangementFeit
from .sql import DagenTussen

# Only a granted plan can be ended after an evaluation: an ended plan was granted.
GOEDGEKEURD = ["goedgekeurd", "gedeeltelijk_goedgekeurd", "beeindigd"]


def _ingediend_in(route: str, c: Context) -> QuerySet:
    return ArrangementFeit.objects.filter(
        route=route,
        ingediend_op__gte=c.van,
        ingediend_op__lte=c.tot,
    ).annotate(
        goedgekeurd=Case(
            When(status__in=GOEDGEKEURD, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        doorlooptijd=DagenTussen(F("besloten_op"), F("begin")),
        binnen_termijn=F("besloten_binnen_termijn"),
    )


def arrangementen(c: Context) -> QuerySet:
    return _ingediend_in("voorwerk", c)


def regulier(c: Context) -> QuerySet:
    return _ingediend_in("regulier", c)
