"""The dashboard reads, Celery beat refreshes (issue 14): no page view recomputes the facts, the
figures of a period are computed once per refresh, and the beat job only works while someone does."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monitor import verversen
from monitor.models import MeldingFeit

from .test_feiten import melding

DASHBOARD = reverse("monitor:dashboard")
pytestmark = pytest.mark.django_db


def _melding(personas, kern=None):
    return melding(personas, dagen_geleden=1)


def _telt_feiten(sql: str) -> bool:
    """A query that counts facts (the figures), not the form's first date or the largest key."""
    return "monitor_meldingfeit" in sql and "COUNT(" in sql


def _meldingfeiten() -> int:
    return MeldingFeit.objects.filter(melding_id__isnull=False).count()


def test_de_pagina_ververst_de_feiten_niet_de_beat_wel(personas, als, kern_elst, profiel):
    client = als(personas.coordinator)
    verversen.feiten_verversen(altijd=True)
    client.get(DASHBOARD)
    voor = _meldingfeiten()

    _melding(personas, kern_elst)
    assert client.get(DASHBOARD).status_code == 200
    assert _meldingfeiten() == voor, "een paginabezoek mag de feiten niet bijwerken"

    # The beat job, while someone works (the coordinator's session).
    assert verversen.feiten_verversen()["ververst"] is True
    assert _meldingfeiten() == voor + 1


def test_de_beat_doet_niets_als_niemand_werkt(personas, als, kern_elst, profiel):
    _melding(personas)
    voor = _meldingfeiten()
    # A quarter of an hour after the last request, nobody works: the job leaves the facts alone.
    stil = timezone.now() + timedelta(minutes=verversen.WERKT_MINUTEN + 1)
    assert verversen.feiten_verversen(nu=stil) == {"ververst": False}
    assert _meldingfeiten() == voor

    assert verversen.feiten_verversen(nu=stil) == {"ververst": False}
    als(personas.beroepskracht).get("/")
    assert verversen.feiten_verversen()["ververst"] is True
    assert _meldingfeiten() == voor + 1


def test_cijfers_eenmaal_per_versie_berekend(personas, als, profiel):
    client = als(personas.coordinator)
    verversen.feiten_verversen(altijd=True)
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as tweede:
        client.get(DASHBOARD)
    feitvragen = [q for q in tweede.captured_queries if _telt_feiten(q["sql"])]
    assert not feitvragen, [q["sql"][:200] for q in feitvragen]
    verversen.feiten_verversen(altijd=True)
    with CaptureQueriesContext(connection) as na_verversen:
        client.get(DASHBOARD)
    assert len([q for q in na_verversen.captured_queries if _telt_feiten(q["sql"])]) > 1


def test_zonder_recente_verversing_vraagt_de_pagina_de_worker(personas, als, kern_elst, profiel):
    """A fresh start (no beat yet): the page asks for a refresh as a task (eager in tests) and does
    not compute it itself; the figures then include the new melding."""
    _melding(personas, kern_elst)
    cache.delete(verversen.VERVERST_OP)
    voor = _meldingfeiten()
    als(personas.coordinator).get(DASHBOARD)
    assert _meldingfeiten() == voor + 1
    assert verversen.ververst_op() is not None
