"""A monitor built through a real Celery worker against Redis (CI sets REDIS_URL and PostgreSQL).

The worker is a separate process, started here with the test database's settings; the test runs
``bouw_monitor``, which queues the same task as the screen with ``.delay()`` and waits with ``.get()``.
"""

import io
import os
import subprocess
import sys
import time
import uuid
from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from monitor.models import MonitorRapport, RapportStatus

from .conftest import feit

# One Celery queue in Redis for the whole run: under xdist these tests share one worker process.
pytestmark = [pytest.mark.redis, pytest.mark.xdist_group("redis")]


def _database_url() -> str:
    # The test database as created, so with xdist's per-worker suffix (test_skt_ci_gw0).
    d = connection.settings_dict
    wachtwoord = f":{d['PASSWORD']}" if d.get("PASSWORD") else ""
    return f"postgres://{d['USER']}{wachtwoord}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


@pytest.fixture
def worker(transactional_db, tmp_path):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is niet gezet: geen Redis om een echte worker tegen te draaien")
    if connection.vendor != "postgresql":
        pytest.skip(
            "de worker draait in een eigen proces en kan de SQLite-testdatabase in het geheugen niet zien"
        )
    from skt.celery import app

    assert not app.conf.task_always_eager
    # Messages other tests left without a worker must not run against this test's database.
    app.control.purge()
    naam = f"monitor-test-{uuid.uuid4().hex[:8]}@%h"
    log = tmp_path / "worker.log"
    omgeving = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DATABASE_CONN_MAX_AGE": "0",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SKT_HTTPS": "0",
    }
    with open(log, "w") as uitvoer:
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "skt",
                "worker",
                "--pool=solo",
                "-n",
                naam,
                "-l",
                "info",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
            ],  # fmt: skip
            cwd=settings.BASE_DIR,
            env=omgeving,
            stdout=uitvoer,
            stderr=subprocess.STDOUT,
        )
    try:
        grens = time.monotonic() + 120
        while not app.control.ping(destination=[naam.replace("%h", os.uname().nodename)], timeout=1):
            if proces.poll() is not None or time.monotonic() > grens:
                pytest.fail("de Celery-worker startte niet:\n" + log.read_text()[-3000:])
        proces.log = log
        yield proces
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()


def test_monitor_via_een_echte_celery_worker(personas, leefgebieden, worker):
    for i in range(4):
        feit(datum=date(2018, 2, 1 + i), team=personas.team_a)
    for i in range(5):
        feit(datum=date(2019, 2, 1 + i), team=personas.team_b, leefgebieden=[leefgebieden["financien"]])
    uit = io.StringIO()
    call_command("bouw_monitor", "--periode", "2019Q1", "--zonder-pdf", "--wachttijd", "180", stdout=uit)
    assert "wacht op een Celery-worker" in uit.getvalue()
    rapport = MonitorRapport.objects.get()
    assert rapport.status == RapportStatus.KLAAR
    m = rapport.cijfers["meldingen"]
    assert (m["totaal"], m["zelfde_periode_vorig_jaar"], m["groei_procent"]) == (5, 4, 25.0)
    assert m["per_leefgebied"]["Financiën"] == 5
    # The worker process did the work (and is still running).
    assert worker.poll() is None
    assert "monitor.tasks.monitor_bouwen" in worker.log.read_text() and "succeeded" in worker.log.read_text()
