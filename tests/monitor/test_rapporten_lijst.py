"""Issue 16, point 2: the reports list follows a build (htmx), and the KPI table as CSV for BI."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse

from monitor import services
from monitor.models import MonitorRapport
from monitor.periode import Periode
from skt.models import Toegang

from .conftest import feit

pytestmark = pytest.mark.django_db

Q1_2019 = Periode.uit_tekst("2019Q1")


@pytest.fixture
def q1(personas, kern_elst, kern_driel):
    """2019 Q1: 7 meldingen in Elst, 2 in Driel (under the privacy threshold)."""
    for i in range(7):
        feit(datum=date(2019, 1, 7) + timedelta(days=i), team=personas.team_a, kern=kern_elst)
    for _i in range(2):
        feit(datum=date(2019, 2, 4), team=personas.team_b, kern=kern_driel)
    return personas


def _gebouwd(**kwargs) -> MonitorRapport:
    rapport = services.rapport_aanvragen(periode=Q1_2019, met_pdf=False, in_wachtrij=False, **kwargs)
    services.rapport_bouwen(rapport_id=rapport.pk)
    rapport.refresh_from_db()
    return rapport


def test_de_lijst_ververst_als_een_nieuwe_versie_klaar_is(q1, als):
    _gebouwd()
    tweede = services.rapport_aanvragen(periode=Q1_2019, met_pdf=False, in_wachtrij=False)
    client = als(q1.coordinator)
    status = reverse("monitor:rapport_status", args=[tweede.uuid])
    # While it is being made, only the status polls; the list is left alone.
    bezig = client.get(status, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="load delay:1s"' in bezig and 'id="rapporten"' not in bezig
    services.rapport_bouwen(rapport_id=tweede.pk)
    klaar = client.get(status, HTTP_HX_REQUEST="true").content.decode()
    assert "versie 2:</strong> Klaar" in klaar
    lijst = klaar[klaar.index('<div id="rapporten" hx-swap-oob="true">') :]
    rijen = lijst.split('<tr class="utrecht-table__row">')[2:]
    assert [rij.split("</td>")[1].rsplit(">", 1)[1] for rij in rijen] == ["2", "1"]
    assert "CSV" in lijst and "JSON" in lijst


def test_de_lijst_komt_mee_met_het_aanvragen(q1, als, django_capture_on_commit_callbacks):
    client = als(q1.beleid)
    with django_capture_on_commit_callbacks(execute=False):
        antwoord = client.post(
            reverse("monitor:rapport_maken"),
            {"periode": "2019Q1", "sleutel": "5f0c4a4e-7d7a-4a55-9a0f-0a9a2f3c1b19"},
            HTTP_HX_REQUEST="true",
        ).content.decode()
    assert '<div id="rapporten" hx-swap-oob="true">' in antwoord
    assert "(in de wachtrij)" in antwoord
    assert "JSON" not in antwoord  # beleid never gets the exact figures


def _csv(antwoord) -> list[dict]:
    tekst = antwoord.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(tekst[1:]), delimiter=";"))


def test_csv_voor_de_coordinator_is_exact(q1, als):
    rapport = _gebouwd()
    antwoord = als(q1.coordinator).get(reverse("monitor:rapport_csv", args=[rapport.uuid]))
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/csv")
    assert "kwartaalmonitor-2019Q1-v1-kpis.csv" in antwoord["Content-Disposition"]
    rijen = _csv(antwoord)
    per = {(r["niveau"], r["groep"], r["code"]): r for r in rijen}
    assert per[("gemeente", "Testgemeente", "meldingen_totaal")]["waarde"] == "9"
    assert per[("team", "Driel", "meldingen_totaal")]["waarde"] == "2"
    assert per[("team", "Elst", "meldingen_totaal")]["waarde"] == "7"
    assert Toegang.objects.filter(medewerker=q1.coordinator, actie="export").exists()


def test_csv_voor_beleid_houdt_kleine_aantallen_klein(q1, als):
    rapport = _gebouwd()
    antwoord = als(q1.beleid).get(reverse("monitor:rapport_csv", args=[rapport.uuid]))
    assert antwoord.status_code == 200
    per = {(r["niveau"], r["groep"], r["code"]): r for r in _csv(antwoord)}
    assert per[("team", "Driel", "meldingen_totaal")]["waarde"] == "< 5"
    assert per[("team", "Elst", "meldingen_totaal")]["waarde"] == "7"
    assert per[("gemeente", "Testgemeente", "meldingen_totaal")]["waarde"] == "9"
    # Percentages carry a decimal comma, never a point.
    for rij in per.values():
        assert "." not in rij["waarde"].replace(".000", ""), rij
    assert Toegang.objects.filter(medewerker=q1.beleid, actie="export").exists()


@pytest.mark.parametrize("wie", ("beroepskracht", "poort", "beheerder"))
def test_csv_niet_voor_anderen(q1, als, wie):
    rapport = _gebouwd()
    assert als(getattr(q1, wie)).get(reverse("monitor:rapport_csv", args=[rapport.uuid])).status_code == 403


def test_dashboard_toont_meldingen_per_team_per_maand(q1, als):
    coordinator = als(q1.coordinator).get(reverse("monitor:dashboard"), {"periode": "2019Q1"})
    assert "Meldingen per team per maand" in coordinator.content.decode()
    tabel = coordinator.context["w"]["team_per_maand"]
    assert tabel.kolommen == ["jan 2019", "feb 2019", "mrt 2019", "Totaal"]
    assert dict(tabel.rijen)["Driel"] == ["0", "2", "0", "2"]
    beleid = als(q1.beleid).get(reverse("monitor:dashboard"), {"periode": "2019Q1"})
    assert dict(beleid.context["w"]["team_per_maand"].rijen)["Driel"] == ["0", "< 5", "0", "< 5"]
