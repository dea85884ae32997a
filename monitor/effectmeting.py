"""The effect check: was maatwerk asked within N days after a casus closed (the rekenkamer's question)?

It lives in the monitor because it reads melding, casus and arrangement alike; the Effectmeting row
itself stays with the arrangementen.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from arrangementen.models import Arrangement, Effectmeting, OnderdeelSoort
from casussen.models import Casus
from casussen.vocab import Afsluitreden
from casussen.workflow import CasusStatus
from meldingen.models import Melding
from meldingen.vocab import TriageUitkomst, Uitstroom
from skt.profiel.instellingen import instellingen


def effectmeting_dagen() -> int:
    return instellingen().termijnen.effectmeting_dagen


def maatwerk_na(inwoner_id: int, van: date, tot: date) -> Arrangement | None:
    """The first plan with maatwerk for this inwoner submitted from ``van`` up to and including ``tot``."""
    return (
        Arrangement.objects.filter(
            inwoner_id=inwoner_id,
            eerst_ingediend_op__isnull=False,
            onderdelen__soort=OnderdeelSoort.MAATWERKVOORZIENING,
        )
        .filter(eerst_ingediend_op__date__gte=van, eerst_ingediend_op__date__lte=tot)
        .order_by("eerst_ingediend_op", "pk")
        .first()
    )


def loketmelding_na(casus: Casus, van: date, tot: date) -> Melding | None:
    """A later melding of the inwoner that went to the loket for maatwerk (not Veilig Thuis)."""
    return (
        Melding.objects.filter(
            inwoner_id=casus.inwoner_id, aanmeldingsdatum__gte=van, aanmeldingsdatum__lte=tot
        )
        .exclude(pk=casus.melding_id)
        .filter(Q(triage_uitkomst=TriageUitkomst.LOKET) | Q(uitstroom=Uitstroom.MAATWERK_LOKET))
        .order_by("aanmeldingsdatum", "pk")
        .first()
    )


def _effect_bepalen(casus: Casus, peildatum: date) -> dict[str, Any]:
    """What shows maatwerk was asked after closing: a plan with maatwerk, the casus's own opschaling
    to the loket, or a new melding routed to the loket. The monitor's KPI uses the same three."""
    arrangement = maatwerk_na(casus.inwoner_id, casus.afgesloten_op, peildatum)
    if arrangement is not None:
        return {"aanleiding": Effectmeting.Aanleiding.ARRANGEMENT, "arrangement": arrangement}
    if casus.afsluitreden == Afsluitreden.OPGESCHAALD_LOKET:
        return {"aanleiding": Effectmeting.Aanleiding.OPGESCHAALD}
    melding = loketmelding_na(casus, casus.afgesloten_op, peildatum)
    if melding is not None:
        return {"aanleiding": Effectmeting.Aanleiding.MELDING_LOKET, "melding": melding}
    return {"aanleiding": ""}


@transaction.atomic
def effectmetingen_uitvoeren(*, vandaag: date | None = None) -> int:
    """For each casus closed at least N days ago without a measurement: was maatwerk asked since?

    The window is the closing day up to N days after it, however late the job runs: the figure is
    "maatwerk within N days after closing". Idempotent: a casus is measured once (one row per casus,
    unique in the database).
    """
    vandaag = vandaag or timezone.localdate()
    dagen = effectmeting_dagen()
    grens = vandaag - timedelta(days=dagen)
    te_meten = (
        Casus.objects.filter(
            status=CasusStatus.AFGESLOTEN, afgesloten_op__isnull=False, afgesloten_op__lte=grens
        )
        .filter(effectmeting__isnull=True)
        .only("pk", "inwoner_id", "melding_id", "afgesloten_op", "afsluitreden")
        .order_by("afgesloten_op", "pk")
    )
    aantal = 0
    for casus in te_meten:
        peildatum = casus.afgesloten_op + timedelta(days=dagen)
        effect = _effect_bepalen(casus, peildatum)
        _meting, nieuw = Effectmeting.objects.get_or_create(
            casus=casus,
            defaults={
                "inwoner_id": casus.inwoner_id,
                "afgesloten_op": casus.afgesloten_op,
                "peildatum": peildatum,
                "maatwerk_na_afsluiting": bool(effect["aanleiding"]),
                **effect,
            },
        )
        aantal += int(nieuw)
    return aantal
