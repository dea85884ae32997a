"""Issue 11, finding 10: beleid cannot work out counts below the privacy threshold from percentages.

6 meldingen in one quarter, 1 with a late first contact: "contact op tijd 83,3%" would tell beleid that
one inwoner waited too long. The coordinator keeps the exact figures (monitor_zonder_drempel).
"""

import re
import subprocess
from datetime import date, timedelta

import pytest
from django.urls import reverse

from monitor import services
from monitor.berekening import Selectie
from monitor.grafieken import monitor_grafieken
from monitor.pdf import rapport_pdf
from monitor.periode import Periode

from .conftest import feit

pytestmark = pytest.mark.django_db

KWARTAAL = "2019Q1"
DASHBOARD = reverse("monitor:dashboard")


@pytest.fixture
def zes_meldingen(personas, leefgebieden, kern_elst):
    """2019 Q1: 6 meldingen of team A, 5 with contact the next day, 1 after 20 days; 1 about geld."""
    begin = date(2019, 1, 7)
    for i in range(6):
        feit(
            datum=begin + timedelta(days=i),
            team=personas.team_a,
            kern=kern_elst,
            eerste_contact_op=begin + timedelta(days=i + (20 if i == 0 else 1)),
            leefgebieden=[leefgebieden["financien"]] if i == 0 else (),
        )
    return personas


def _contact_op_tijd(cijfers: dict) -> float:
    return next(k for k in cijfers["kpis"] if k["code"] == "eerste_contact_binnen_termijn_procent")["waarde"]


def test_de_fixture_heeft_een_te_laat_contact(zes_meldingen):
    cijfers = services.live_cijfers(Periode.uit_tekst(KWARTAAL), Selectie())
    assert cijfers["meldingen"]["totaal"] == 6
    assert _contact_op_tijd(cijfers) == pytest.approx(83.3)


def test_beleid_ziet_het_percentage_niet_de_coordinator_wel(zes_meldingen, als):
    beleid = als(zes_meldingen.beleid).get(DASHBOARD, {"periode": KWARTAAL})
    html = beleid.content.decode()
    assert beleid.status_code == 200
    assert "83,3" not in html and "16,7" not in html
    kern = beleid.context["w"]["kern"]["eerste_contact_binnen_termijn_procent"]
    assert kern.waarde in ("< 5", "–")
    teams = dict(beleid.context["w"]["teams"].rijen)
    assert all("83,3" not in cel for cel in teams["Elst"])

    coordinator = als(zes_meldingen.coordinator).get(DASHBOARD, {"periode": KWARTAAL})
    assert "83,3%" in coordinator.content.decode()


def test_grafieken_van_beleid_tonen_en_noemen_geen_kleine_aantallen(zes_meldingen, als):
    beleid = als(zes_meldingen.beleid).get(DASHBOARD, {"periode": KWARTAAL})
    for naam, grafiek in beleid.context["g"].items():
        assert "Financiën: 1" not in grafiek.alt, naam
        assert "83,3" not in grafiek.alt, naam
    assert "Financiën" not in beleid.context["g"]["per_leefgebied"].alt
    coordinator = als(zes_meldingen.coordinator).get(DASHBOARD, {"periode": KWARTAAL})
    assert "Financiën: 1" in coordinator.context["g"]["per_leefgebied"].alt


def test_de_json_met_exacte_cijfers_is_niet_voor_beleid(
    zes_meldingen, als, django_capture_on_commit_callbacks
):
    sleutel = "5f0c4a4e-7d7a-4a55-9a0f-0a9a2f3c1b12"
    client = als(zes_meldingen.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("monitor:rapport_maken"), {"periode": KWARTAAL, "sleutel": sleutel})
    from monitor.models import MonitorRapport

    rapport = MonitorRapport.objects.get()
    json_url = reverse("monitor:rapport_json", args=[rapport.uuid])
    assert als(zes_meldingen.beleid).get(json_url).status_code == 403
    exact = client.get(json_url).json()
    assert _contact_op_tijd(exact) == pytest.approx(83.3)


def test_de_pdf_voor_de_raad_toont_het_percentage_niet(zes_meldingen, tmp_path):
    cijfers = services.live_cijfers(Periode.uit_tekst(KWARTAAL), Selectie())
    inhoud, _paginas = rapport_pdf(cijfers)
    pad = tmp_path / "monitor.pdf"
    pad.write_bytes(inhoud)
    tekst = subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, check=True, text=True).stdout
    assert "Eerste contact binnen de termijn" in tekst
    assert "83,3" not in tekst and "16,7" not in tekst
    assert "Financiën: 1" not in tekst


def test_kleine_waarden_in_een_grafiek_worden_overig_en_staan_niet_in_de_alt_tekst(zes_meldingen):
    cijfers = services.live_cijfers(Periode.uit_tekst(KWARTAAL), Selectie())
    cijfers["meldingen"]["per_ingang"] = {"telefoon": 12, "email": 2, "balie": 1}
    grafiek = monitor_grafieken(cijfers, drempel=5)["per_ingang"]
    assert "E-mail" not in grafiek.alt and "Balie" not in grafiek.alt
    assert not re.search(r": [1-4]\b", grafiek.alt), grafiek.alt
    assert "Telefoon: 12" in grafiek.alt and "overig" in grafiek.alt
