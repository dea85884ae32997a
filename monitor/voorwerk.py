"""Voorwerk and the regular loket route, read from the arrangementen app when it is there.

The KPIs of the theme 'voorwerk' count arrangementen first submitted in the period. Each set is
annotated with the names the KPI expressions use: goedgekeurd, teruggegeven, doorlooptijd (days from
the melding to the decision, the inwoner's wait) and binnen_termijn (the app's own judgement against
the legal term). Without the app, its migration or these fields, the sets are None and the KPIs
carry a note instead of a value.
"""

from __future__ import annotations

from django.db.models import BooleanField, Case, Exists, F, OuterRef, QuerySet, Value, When
from django.db.models.functions import Coalesce, TruncDate

from .feiten import _model, tabel_bestaat
from .kpis import Context
from .sql import DagenTussen

NODIGE_VELDEN = {
    "route",
    "status",
    "team",
    "inwoner",
    "meldingsdatum",
    "aanvraagdatum",
    "eerst_ingediend_op",
    "besloten_op",
    "besloten_binnen_termijn",
}
GOEDGEKEURD = ["goedgekeurd", "gedeeltelijk_goedgekeurd"]


def _arrangement_model():
    model = _model("arrangementen", "Arrangement")
    if model is None or not NODIGE_VELDEN <= {f.name for f in model._meta.get_fields()}:
        return None
    return model if tabel_bestaat(model) else None


def _ingediend_in(route: str, c: Context) -> QuerySet | None:
    model = _arrangement_model()
    if model is None:
        return None
    regel = _model("arrangementen", "ArrangementStatusRegel")
    teruggegeven = (
        Exists(regel.objects.filter(arrangement=OuterRef("pk"), actie="terugsturen"))
        if tabel_bestaat(regel)
        else Value(False)
    )
    begin = Coalesce("meldingsdatum", "aanvraagdatum", TruncDate("eerst_ingediend_op"))
    return model.objects.filter(
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


def arrangementen(c: Context) -> QuerySet | None:
    return _ingediend_in("voorwerk", c)


def regulier(c: Context) -> QuerySet | None:
    return _ingediend_in("regulier", c)
