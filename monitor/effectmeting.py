"""The effect check: was maatwerk asked within N days after a casus closed (the rekenkamer's question)?

It lives in the monitor because it reads melding, casus and arrangement alike; the Effectmeting row
itself stays with the arrangementen. Set-based: one query finds every due casus with its first
maatwerk plan and its first later loketmelding, and one bulk write (with history) stores the
outcomes, however many casussen are due.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from arrangementen.models import Arrangement, Effectmeting, OnderdeelSoort
from casussen.models import Casus
from casussen.vocab import Afsluitreden
from casussen.workflow import CasusStatus
from meldingen.models import Melding
from meldingen.vocab import TriageUitkomst, Uitstroom
from skt.profiel.instellingen import instellingen

from .sql import DagenTussen


def effectmeting_dagen() -> int:
    return instellingen().termijnen.effectmeting_dagen


def _eerste_maatwerkplan(dagen: int) -> Subquery:
    """Per casus: the first plan with maatwerk for its inwoner submitted from the closing day up to
    and including N days after it."""
    plannen = (
        Arrangement.objects.filter(
            inwoner=OuterRef("inwoner"),
            eerst_ingediend_op__isnull=False,
            onderdelen__soort=OnderdeelSoort.MAATWERKVOORZIENING,
        )
        .annotate(_na=DagenTussen(TruncDate("eerst_ingediend_op"), OuterRef("afgesloten_op")))
        .filter(_na__gte=0, _na__lte=dagen)
        .order_by("eerst_ingediend_op", "pk")
        .values("pk")[:1]
    )
    return Subquery(plannen)


def _eerste_loketmelding(dagen: int) -> Subquery:
    """Per casus: a later melding of its inwoner that went to the loket for maatwerk (not Veilig Thuis)."""
    meldingen = (
        Melding.objects.filter(inwoner=OuterRef("inwoner"))
        .exclude(pk=OuterRef("melding"))
        .filter(Q(triage_uitkomst=TriageUitkomst.LOKET) | Q(uitstroom=Uitstroom.MAATWERK_LOKET))
        .annotate(_na=DagenTussen(F("aanmeldingsdatum"), OuterRef("afgesloten_op")))
        .filter(_na__gte=0, _na__lte=dagen)
        .order_by("aanmeldingsdatum", "pk")
        .values("pk")[:1]
    )
    return Subquery(meldingen)


def _metingen(vandaag: date, dagen: int) -> list[Effectmeting]:
    """The unsaved measurements of every casus closed at least N days ago and not yet measured.

    What shows maatwerk was asked after closing, in this order: a plan with maatwerk, the casus's own
    opschaling to the loket, or a new melding routed to the loket. The monitor's KPI uses the same three.
    """
    te_meten = (
        Casus.objects.filter(
            status=CasusStatus.AFGESLOTEN,
            afgesloten_op__isnull=False,
            afgesloten_op__lte=vandaag - timedelta(days=dagen),
            effectmeting__isnull=True,
        )
        .annotate(_plan=_eerste_maatwerkplan(dagen), _loketmelding=_eerste_loketmelding(dagen))
        .order_by("afgesloten_op", "pk")
        .values_list("pk", "inwoner_id", "afgesloten_op", "afsluitreden", "_plan", "_loketmelding")
    )
    metingen = []
    for casus_id, inwoner_id, afgesloten_op, afsluitreden, plan_id, melding_id in te_meten:
        if plan_id is not None:
            effect = {"aanleiding": Effectmeting.Aanleiding.ARRANGEMENT, "arrangement_id": plan_id}
        elif afsluitreden == Afsluitreden.OPGESCHAALD_LOKET:
            effect = {"aanleiding": Effectmeting.Aanleiding.OPGESCHAALD}
        elif melding_id is not None:
            effect = {"aanleiding": Effectmeting.Aanleiding.MELDING_LOKET, "melding_id": melding_id}
        else:
            effect = {"aanleiding": ""}
        metingen.append(
            Effectmeting(
                casus_id=casus_id,
                inwoner_id=inwoner_id,
                afgesloten_op=afgesloten_op,
                peildatum=afgesloten_op + timedelta(days=dagen),
                maatwerk_na_afsluiting=bool(effect["aanleiding"]),
                **effect,
            )
        )
    return metingen


@transaction.atomic
def effectmetingen_uitvoeren(*, vandaag: date | None = None) -> int:
    """For each casus closed at least N days ago without a measurement: was maatwerk asked since?

    The window is the closing day up to N days after it, however late the job runs: the figure is
    "maatwerk within N days after closing". Idempotent: a casus is measured once (one row per casus,
    unique in the database). Returns the number of casussen measured.
    """
    vandaag = vandaag or timezone.localdate()
    dagen = effectmeting_dagen()
    for poging in range(2):
        metingen = _metingen(vandaag, dagen)
        if not metingen:
            return 0
        try:
            with transaction.atomic():
                # One insert for the rows and one for their history: the history is not bypassed.
                bulk_create_with_history(metingen, Effectmeting)
        except IntegrityError:
            # A second run measured some of these casussen at the same moment: measure what is left.
            if poging:
                raise
            continue
        return len(metingen)
    return 0
