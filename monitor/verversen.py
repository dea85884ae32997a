"""The dashboard reads; it never refreshes the facts itself (issue 14).

Celery beat runs ``feiten_verversen`` every minute; it refreshes what can still change (recent and
open records, monitor.feiten.feiten_bijwerken) only while someone works: a session that made a
request in the last quarter of an hour. Each refresh gets a new version; the figures of a period and a
selection are cached per version, so sixteen people on the dashboard cost one computation a minute.
The figures are aggregates of the gemeente (the small-count rule is applied per reader afterwards).

A page view only ever *asks* for a refresh, as a Celery task, when the beat has not run for a while
(a fresh start, a stopped beat): it never waits for it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.utils import timezone

from .feiten import feiten_bijwerken
from .periode import Periode, jaar_eerder

VERSIE = "monitor:feiten-versie"
VERVERST_OP = "monitor:feiten-ververst-op"
GEVRAAGD = "monitor:feiten-gevraagd"
# Someone works: a request this recent.
WERKT_MINUTEN = 15
# Older than this, a page view asks for a refresh (the beat runs every minute).
VERS_GENOEG = timedelta(minutes=2)
# The cached figures of one version; a new version makes the old ones unused.
CIJFERS_SECONDEN = 15 * 60


def iemand_werkt(nu=None) -> bool:
    """A request in the last WERKT_MINUTEN: every request moves its session's expiry
    (SESSION_SAVE_EVERY_REQUEST), and the expiry is indexed."""
    nu = nu or timezone.now()
    actief_sinds = nu - timedelta(minutes=WERKT_MINUTEN)
    return Session.objects.filter(
        expire_date__gt=actief_sinds + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    ).exists()


def feiten_verversen(*, altijd: bool = False, nu=None) -> dict:
    """Refresh the facts that can still change, and start a new version. Idempotent."""
    nu = nu or timezone.now()
    if not altijd and not iemand_werkt(nu):
        return {"ververst": False}
    bijgewerkt = feiten_bijwerken(van=jaar_eerder(Periode.huidig_kwartaal().van))
    cache.set(VERSIE, nu.isoformat(), None)
    cache.set(VERVERST_OP, nu, None)
    cache.delete(GEVRAAGD)
    return {"ververst": True, "meldingen": bijgewerkt.meldingen, "ms": bijgewerkt.duur_ms}


def versie() -> str:
    return cache.get(VERSIE) or "0"


def ververst_op():
    return cache.get(VERVERST_OP)


def verversing_vragen_als_nodig() -> None:
    """From a page view: when the facts are older than a beat or two, ask the worker, once."""
    laatst = ververst_op()
    if laatst is not None and timezone.now() - laatst < VERS_GENOEG:
        return
    if cache.add(GEVRAAGD, True, int(VERS_GENOEG.total_seconds())):
        from .tasks import feiten_verversen as taak

        taak.delay(altijd=True)


def gecachet(soort: str, invoer: dict, bereken):
    """bereken() once per facts version and input; the input as JSON (names and codes, no persons)."""
    sleutel = hashlib.sha256(json.dumps(invoer, sort_keys=True, default=str).encode()).hexdigest()
    naam = f"monitor:{soort}:{versie()}:{sleutel}"
    waarde = cache.get(naam)
    if waarde is None:
        waarde = bereken()
        cache.set(naam, waarde, CIJFERS_SECONDEN)
    return waarde
