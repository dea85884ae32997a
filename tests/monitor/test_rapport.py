"""The frozen report: bouw_monitor, the JSON of the issue, versions, idempotency, the PDF by text."""

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django_celery_beat.models import PeriodicTask

from monitor import services
from monitor.models import MonitorBericht, MonitorRapport, RapportStatus
from monitor.periode import Periode
from monitor.tasks import kwartaalmonitor_vorig_kwartaal, monitor_bouwen

from .conftest import feit

Q1_2019 = Periode.uit_tekst("2019Q1")


@pytest.fixture
def q1(personas, leefgebieden, kern_elst, kern_driel):
    return q1_feiten(personas, leefgebieden, kern_elst, kern_driel)


def q1_feiten(personas, leefgebieden, kern_elst, kern_driel):
    """2019 Q1: 12 meldingen (9 Elst, 3 Driel, of which 3 in kern Driel); 2018 Q1: 10. Growth +20%."""
    for i in range(10):
        feit(datum=date(2018, 1 + i % 3, 2 + i), team=personas.team_a, uitstroom="eigen_kracht")
    for i in range(9):
        feit(
            datum=date(2019, 1 + i % 3, 3 + i),
            team=personas.team_a,
            kern=kern_elst,
            ingang="telefoon",
            leefgebieden=[leefgebieden["financien"]] if i % 2 else [],
            triage_uitkomst="kernteam",
            eerste_contact_op=date(2019, 1 + i % 3, 5 + i),
            contactmomenten=2 + i % 5,
            jeugd=i == 0,
        )
    for i in range(3):
        feit(datum=date(2019, 2, 10 + i), team=personas.team_b, kern=kern_driel, ingang="email", jeugd=False)
    return personas


def test_bouw_monitor_schrijft_de_json_van_het_issue(q1, tmp_path):
    pad = tmp_path / "monitor.json"
    uit = io.StringIO()
    call_command("bouw_monitor", "--periode", "2019Q1", "--json", str(pad), "--zonder-pdf", stdout=uit)
    assert "Meldingen: 12 (zelfde periode vorig jaar 10, groei +20.0%)" in uit.getvalue()
    data = json.loads(pad.read_text(encoding="utf-8"))
    assert data["periode"] == {"van": "2019-01-01", "tot": "2019-03-31"}
    m = data["meldingen"]
    for sleutel in (
        "totaal",
        "zelfde_periode_vorig_jaar",
        "groei_procent",
        "per_maand",
        "per_team",
        "per_team_per_maand",
        "per_leefgebied",
        "per_team_per_leefgebied",
        "per_ingang",
        "per_melder",
        "per_uitstroom",
        "jeugd",
        "contactmomenten",
    ):
        assert sleutel in m, sleutel
    assert (m["totaal"], m["zelfde_periode_vorig_jaar"], m["groei_procent"]) == (12, 10, 20.0)
    assert m["per_maand"] == {"2019-01": 3, "2019-02": 6, "2019-03": 3}
    assert m["per_team"] == {"Elst": 9, "Driel": 3}
    assert m["per_leefgebied"]["Financiën"] == 4 and m["per_leefgebied"]["onbekend"] == 8
    assert m["per_ingang"] == {"telefoon": 9, "email": 3}
    assert m["jeugd"] == 1
    assert set(m["contactmomenten"]) >= {"tot_en_met_5_procent", "maximum_bereikt_procent"}
    assert m["contactmomenten"]["tot_en_met_5_procent"] == round(100 * 8 / 9, 1)
    for kpi in data["kpis"]:
        assert set(kpi) >= {"code", "naam", "waarde", "eenheid", "streefwaarde", "status"}
    rapport = MonitorRapport.objects.get()
    assert rapport.status == RapportStatus.KLAAR and rapport.versie == 1 and not rapport.pdf
    assert rapport.definities and rapport.profiel_naam == "test"
    assert rapport.aangevraagd_via == "commando"


def test_opnieuw_bouwen_geeft_een_nieuwe_versie(q1):
    call_command(
        "bouw_monitor", "--van", "2019-01-01", "--tot", "2019-03-31", "--zonder-pdf", stdout=io.StringIO()
    )
    feit(datum=date(2019, 3, 30), team=q1.team_a)
    call_command("bouw_monitor", "--periode", "2019Q1", "--zonder-pdf", stdout=io.StringIO())
    eerste, tweede = MonitorRapport.objects.order_by("versie")
    assert (eerste.versie, tweede.versie) == (1, 2)
    # The first report stays frozen as it was built.
    assert (eerste.cijfers["meldingen"]["totaal"], tweede.cijfers["meldingen"]["totaal"]) == (12, 13)


def test_foute_periode(q1):
    with pytest.raises(CommandError, match="Onbekende periode"):
        call_command("bouw_monitor", "--periode", "2019Q5")
    with pytest.raises(CommandError, match="--tot"):
        call_command("bouw_monitor", "--van", "2019-01-01")


def test_taak_is_idempotent_ook_na_een_crash(q1, monkeypatch):
    rapport = services.rapport_aanvragen(periode=Q1_2019, met_pdf=False, in_wachtrij=False)
    # A worker dies halfway: the row says 'bezig' and nothing was saved.
    from monitor import services as s

    echte = s.monitor_berekenen

    def crash(*args, **kwargs):
        raise RuntimeError("worker gestopt")

    monkeypatch.setattr(s, "monitor_berekenen", crash)
    with pytest.raises(RuntimeError):
        monitor_bouwen.delay(rapport.pk)
    rapport.refresh_from_db()
    assert rapport.status == RapportStatus.MISLUKT
    MonitorRapport.objects.filter(pk=rapport.pk).update(status=RapportStatus.BEZIG)
    monkeypatch.setattr(s, "monitor_berekenen", echte)
    # The broker redelivers the message: the same row is finished, no second report appears.
    eerste = monitor_bouwen.delay(rapport.pk).get()
    tweede = monitor_bouwen.delay(rapport.pk).get()
    assert eerste["al_klaar"] is False and tweede["al_klaar"] is True
    assert MonitorRapport.objects.count() == 1
    rapport.refresh_from_db()
    assert rapport.status == RapportStatus.KLAAR and rapport.pogingen == 2
    # The same request key (a double click) returns the same report.
    a = services.rapport_aanvragen(periode=Q1_2019, sleutel="dubbel", in_wachtrij=False, met_pdf=False)
    b = services.rapport_aanvragen(periode=Q1_2019, sleutel="dubbel", in_wachtrij=False, met_pdf=False)
    assert a.pk == b.pk and a.versie == 2


def test_kwartaalplanning_bouwt_vorig_kwartaal_en_bericht_de_coordinator(q1, monkeypatch):
    from monitor import periode as periode_mod

    monkeypatch.setattr(periode_mod.timezone, "localdate", lambda: date(2019, 4, 1))
    kwartaalmonitor_vorig_kwartaal.delay().get()
    kwartaalmonitor_vorig_kwartaal.delay().get()
    rapport = MonitorRapport.objects.get()
    assert (rapport.van, rapport.tot, rapport.aangevraagd_via) == (
        date(2019, 1, 1),
        date(2019, 3, 31),
        "planning",
    )
    assert rapport.pdf and rapport.pdf_paginas >= 8
    bericht = MonitorBericht.objects.get()
    assert bericht.ontvanger == q1.coordinator
    assert "1e kwartaal 2019" in bericht.tekst


def test_planning_staat_in_celery_beat(db):
    import importlib

    from django.apps import apps

    # Browser and worker tests flush the database, data migrations included: run this one again.
    migratie = importlib.import_module("monitor.migrations.0002_kwartaalmonitor_planning")
    migratie.aanmaken(apps, None)
    migratie.aanmaken(apps, None)  # idempotent
    taak = PeriodicTask.objects.get(task="monitor.tasks.kwartaalmonitor_vorig_kwartaal")
    assert taak.enabled
    assert (taak.crontab.day_of_month, taak.crontab.month_of_year, taak.crontab.hour) == (
        "1",
        "1,4,7,10",
        "6",
    )
