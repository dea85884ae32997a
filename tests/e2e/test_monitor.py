"""The coordinator opens the monitor, has the PDF for the raad made, sees it finish and downloads it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from monitor.models import MonitorRapport
from monitor.periode import Periode

from ..factories import LeefgebiedFactory
from ..monitor.conftest import feit
from .conftest import inloggen

pytestmark = pytest.mark.e2e


@pytest.fixture
def celery_in_proces():
    """CI sets REDIS_URL; without a worker in this test the task runs in the live server's thread."""
    from skt.celery import app

    oud = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = oud


@pytest.fixture
def monitorcijfers(e2e_personas, kern_elst, settings, tmp_path, celery_in_proces):
    settings.MEDIA_ROOT = tmp_path / "media"
    financien = LeefgebiedFactory(code="financien", label="Financiën")
    begin = Periode.huidig_kwartaal().van
    vandaag = timezone.localdate()
    for i in range(12):
        feit(
            datum=min(begin + timedelta(days=i), vandaag),
            team=e2e_personas.team_a,
            kern=kern_elst,
            ingang="telefoon",
            leefgebieden=[financien],
            triage_uitkomst="kernteam",
        )
    return e2e_personas


def test_coordinator_maakt_de_pdf_en_downloadt_hem(
    pagina, live_server, monitorcijfers, screenshots, tmp_path
):
    inloggen(pagina, live_server, monitorcijfers.coordinator)
    pagina.get_by_role("link", name="Monitor").click()
    pagina.wait_for_url(re.compile(r"/monitor/$"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Kwartaalmonitor")
    expect(pagina.locator(".skt-tegel").first).to_contain_text("12")
    # The charts are SVG images that actually render (the CSP allows data: images, nothing inline).
    grafieken = pagina.locator("figure.skt-grafiek img")
    assert grafieken.count() >= 5
    assert pagina.evaluate(
        "Array.from(document.querySelectorAll('figure.skt-grafiek img')).every(i => i.naturalWidth > 0)"
    )

    pagina.get_by_role("button", name=re.compile("Maak de PDF")).click()
    status = pagina.locator("#rapport-status")
    status.get_by_role("link", name="Download de PDF").wait_for(timeout=120_000)
    assert status.locator("progress").get_attribute("value") == "100"
    assert pagina.url.endswith("/monitor/")  # htmx swapped the status in; the page stayed
    pagina.screenshot(path=str(screenshots / "monitor-dashboard.png"), full_page=True)

    with pagina.expect_download() as download:
        status.get_by_role("link", name="Download de PDF").click()
    pad = tmp_path / download.value.suggested_filename
    download.value.save_as(pad)
    assert re.match(r"kwartaalmonitor-\d{4}Q[1-4]-versie-1\.pdf", pad.name)
    lezer = PdfReader(pad)
    assert len(lezer.pages) >= 8
    assert "Kwartaalmonitor Sociaal Kernteam" in " ".join(lezer.pages[0].extract_text().split())
    assert MonitorRapport.objects.get().aangevraagd_door == monitorcijfers.coordinator
    assert pagina.csp_fouten == [] and pagina.statische_fouten == []
