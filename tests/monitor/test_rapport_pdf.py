"""The raad's PDF by text: rendered once for this module (WeasyPrint takes seconds), every test reads it.

The report is built through ``bouw_monitor --pdf --json`` on the 2019 Q1 facts of test_rapport.py,
inside a transaction that is rolled back when the module ends.
"""

import io
import json
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from pypdf import PdfReader

from monitor.models import MonitorRapport

from ..conftest import personas_ophalen, personas_zorgen
from ..factories import LeefgebiedFactory
from .test_rapport import q1_feiten

# Each test reads the one PDF in a savepoint of the module's transaction, like every db test.
pytestmark = pytest.mark.django_db


@dataclass
class GebouwdePdf:
    bestand: bytes  # what --pdf wrote
    opgeslagen: bytes  # the report's own PDF (MEDIA_ROOT)
    pdf_paginas: int
    data: dict  # what --json wrote
    lezer: PdfReader
    platte_tekst: str


@pytest.fixture(scope="module")
def pdf(django_db_setup, django_db_blocker, tmp_path_factory):
    map_ = tmp_path_factory.mktemp("monitor-pdf")
    from skt.celery import app

    oud = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=map_ / "media"):
        buiten = transaction.atomic()
        buiten.__enter__()
        try:
            # CI sets REDIS_URL; this module has no worker, so the task runs in the process.
            app.conf.task_always_eager = app.conf.task_eager_propagates = True
            personas_zorgen()
            p = personas_ophalen()
            leefgebieden = {  # as the leefgebieden fixture of conftest.py
                "financien": LeefgebiedFactory(
                    code="financien", label="Financiën", volgorde=1, aliassen=["Geld"]
                ),
                "huisvesting": LeefgebiedFactory(
                    code="huisvesting", label="Huisvesting", volgorde=2, aliassen=["Wonen"]
                ),
                "sociaal_netwerk": LeefgebiedFactory(
                    code="sociaal_netwerk", label="Sociaal netwerk", volgorde=3, aliassen=["Sociale relaties"]
                ),
                "mantelzorg": LeefgebiedFactory(code="mantelzorg", label="Mantelzorg", volgorde=4),
            }
            q1_feiten(p, leefgebieden, p.team_a.kernen.get(code="elst"), p.team_b.kernen.get(code="driel"))
            pdf_pad, json_pad = map_ / "m.pdf", map_ / "m.json"
            call_command(
                "bouw_monitor",
                "--periode",
                "2019Q1",
                "--pdf",
                str(pdf_pad),
                "--json",
                str(json_pad),
                stdout=io.StringIO(),
            )
            rapport = MonitorRapport.objects.get()
            with rapport.pdf.open("rb") as bron:
                opgeslagen = bron.read()
            lezer = PdfReader(io.BytesIO(opgeslagen))
            tekst = "\n".join(pagina.extract_text() for pagina in lezer.pages)
            yield GebouwdePdf(
                bestand=pdf_pad.read_bytes(),
                opgeslagen=opgeslagen,
                pdf_paginas=rapport.pdf_paginas,
                data=json.loads(json_pad.read_text(encoding="utf-8")),
                lezer=lezer,
                platte_tekst=" ".join(tekst.split()),
            )
        finally:
            app.conf.task_always_eager, app.conf.task_eager_propagates = oud
            transaction.set_rollback(True)
            buiten.__exit__(None, None, None)


def test_commando_schrijft_de_pdf_van_het_rapport(pdf):
    assert pdf.bestand.startswith(b"%PDF-")
    assert pdf.bestand == pdf.opgeslagen


def test_pdf_heeft_titel_en_alle_paginas(pdf):
    assert len(pdf.lezer.pages) == pdf.pdf_paginas >= 8
    assert pdf.lezer.metadata.title.startswith("Kwartaalmonitor Sociaal Kernteam")


def test_pdf_heeft_omslag_samenvatting_themas_en_bijlage(pdf):
    for kop in ("1e kwartaal 2019", "Samenvatting", "Meldingen en bereik", "Toegang en eerste contact",
                "Kortdurende ondersteuning", "Bijlage: definities"):  # fmt: skip
        assert kop in pdf.platte_tekst, kop


def test_pdf_toont_de_overdracht_met_definities_in_de_bijlage(pdf):
    for tekst in ("Overdracht aan het loket", "Wachttijd tot de voorziening (mediaan)",
                  "Terug zonder maatwerk", "Evaluaties op tijd", "overdracht_wachttijd_p90_dagen",
                  "evaluaties_op_tijd_procent"):  # fmt: skip
        assert tekst in pdf.platte_tekst, tekst


def test_pdf_toont_dezelfde_cijfers_als_de_json(pdf):
    from monitor.opmaak import LEEG, kpi_afgeschermd, kpi_waarde

    assert "+20,0%" in pdf.platte_tekst and "1e kwartaal 2018 (10)" in pdf.platte_tekst
    # Every KPI of the JSON appears in the PDF with the same value; a percentage that would give away
    # a count under the threshold (1 jeugd of 12: 8,3%) is '–' for the raad (issue 11, finding 10).
    assert pdf.data["kpis"]
    drempel = int(pdf.data["instellingen"]["privacy_drempel"])
    for kpi in pdf.data["kpis"]:
        waarde = LEEG if kpi_afgeschermd(kpi, drempel) else kpi_waarde(kpi["waarde"], kpi["eenheid"])
        assert f"{kpi['naam']} {waarde}" in pdf.platte_tekst, (kpi["code"], waarde)


def test_pdf_verbergt_kleine_aantallen_die_de_json_houdt(pdf):
    # Per team or kern, small counts are hidden: Driel has 3 meldingen, the JSON keeps the exact count.
    assert pdf.data["meldingen"]["per_team"]["Driel"] == 3
    assert "Driel < 5" in pdf.platte_tekst


def test_pdf_is_getagd_met_een_taal(pdf):
    # PDF/UA: tagged, with a language.
    catalogus = pdf.lezer.trailer["/Root"]
    assert catalogus.get("/Lang") == "nl"
    assert "/StructTreeRoot" in catalogus and catalogus["/MarkInfo"]["/Marked"]
