"""Voorwerk and the regular loket route, read from the arrangementen app.

The KPIs of the theme 'voorwerk' count arrangementen first submitted in the period. Each set is
annotated with the names the KPI expressions use: goedgekeurd, teruggegeven, doorlooptijd (days from
the melding to the decision, the inwoner's wait) and binnen_termijn (the app's own judgement against
the legal term).
"""

from __future__ import annotations

from django.db.models import BooleanField, Case, Exists, F, OuterRef, QuerySet, Value, When
from django.db.models.functions import Coalesce, TruncDate

from arrangementen.models import Arrangement, ArrangementStatusRegel

from .kpis import Context
from .sql import DagenTussen

# Only a granted plan can be ended after an evaluation: an ended plan was granted.
GOEDGEKEURD = ["goedgekeurd", "gedeeltelijk_goedgekeurd", "beeindigd"]


def _ingediend_in(route: str, c: Context) -> QuerySet:
    teruggegeven = Exists(
        ArrangementStatusRegel.objects.filter(arrangement=OuterRef("pk"), actie="terugsturen")
    )
    begin = Coalesce("meldingsdatum", "aanvraagdatum", TruncDate("eerst_ingediend_op"))
    return Arrangement.objects.filter(
        route=route,
        eerst_ingediend_op__date__gte=c.van,
        eerst_ingediend_op__date__lte=c.tot,
    ).annotate(
        goedgekeurd=Case(
            When(status__in=GOEDGEKEURD, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        teruggegeven=teruggegeven,
        doorlooptijd=DagenTussen(TruncDate("besloten_op"), begin),
        binnen_termijn=F("besloten_binnen_termijn"),
    )


def arrangementen(c: Context) -> QuerySet:
    return _ingediend_in("voorwerk", c)


def regulier(c: Context) -> QuerySet:
    return _ingediend_in("regulier", c)
