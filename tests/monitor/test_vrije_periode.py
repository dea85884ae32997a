"""A free period (van/tot) on the dashboard: the figures of exactly those days, and clear Dutch errors
for a span that is reversed, in the future or too long (the dashboard then shows the current quarter)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from monitor.models import MonitorRapport
from monitor.periode import Periode

from .conftest import feit

DASHBOARD = reverse("monitor:dashboard")


@pytest.fixture
def meldingen(personas, kern_elst):
    # 10, 14 and 20 February 2019 and 1 March 2019: the period 10-20 February holds three.
    for dag in (date(2019, 2, 10), date(2019, 2, 14), date(2019, 2, 20), date(2019, 3, 1)):
        feit(datum=dag, team=personas.team_a, kern=kern_elst)
    # A year earlier, on the same days: one.
    feit(datum=date(2018, 2, 15), team=personas.team_a, kern=kern_elst)
    return personas


def test_eigen_periode_telt_precies_die_dagen(meldingen, als):
    antwoord = als(meldingen.coordinator).get(DASHBOARD, {"van": "2019-02-10", "tot": "2019-02-20"})

    assert antwoord.status_code == 200
    assert antwoord.context["periode"] == Periode(date(2019, 2, 10), date(2019, 2, 20))
    m = antwoord.context["m"]
    assert m["totaal"] == 3 and m["zelfde_periode_vorig_jaar"] == 1 and m["groei_procent"] == 200.0
    html = antwoord.content.decode()
    assert "10 februari 2019 t/m 20 februari 2019" in html
    # The PDF button asks for exactly this period.
    assert 'name="periode" value="20190210-20190220"' in html


@pytest.mark.parametrize(
    ("van", "tot", "fout"),
    [
        ("2019-03-01", "2019-02-01", "De begindatum ligt na de einddatum"),
        ("2019-01-01", None, "zowel de begin- als de einddatum"),
        ("2015-01-01", "2019-01-01", "hoogstens twee jaar"),
        ("1999-01-01", "1999-02-01", "geen cijfers van vóór 01-01-2000"),
        ("2019-02-31", "2019-03-01", "Vul een geldige begindatum in"),
    ],
)
def test_foute_periode_geeft_een_nederlandse_fout_en_het_huidige_kwartaal(meldingen, als, van, tot, fout):
    antwoord = als(meldingen.beleid).get(DASHBOARD, {"van": van, "tot": tot or ""})

    assert antwoord.status_code == 200
    assert fout in antwoord.content.decode()
    assert antwoord.context["periode"] == Periode.huidig_kwartaal()
    assert 'role="alert"' in antwoord.content.decode()


def test_einddatum_in_de_toekomst(meldingen, als):
    morgen = timezone.localdate() + timedelta(days=1)
    antwoord = als(meldingen.coordinator).get(DASHBOARD, {"van": "2019-01-01", "tot": morgen.isoformat()})

    assert "De einddatum ligt in de toekomst" in antwoord.content.decode()
    assert antwoord.context["periode"] == Periode.huidig_kwartaal()


def test_pdf_van_een_eigen_periode(meldingen, als, django_capture_on_commit_callbacks):
    client = als(meldingen.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("monitor:rapport_maken"), {"periode": "20190210-20190220", "sleutel": "1" * 32}
        )

    rapport = MonitorRapport.objects.get()
    assert (rapport.van, rapport.tot) == (date(2019, 2, 10), date(2019, 2, 20))
    assert "van=2019-02-10" in antwoord["Location"] and "tot=2019-02-20" in antwoord["Location"]
    rapport.refresh_from_db()
    assert rapport.cijfers["meldingen"]["totaal"] == 3


def test_foute_periodecode_voor_de_pdf_maakt_niets(meldingen, als):
    client = als(meldingen.coordinator)
    client.post(reverse("monitor:rapport_maken"), {"periode": "20190231-20190301", "sleutel": "2" * 32})
    client.post(reverse("monitor:rapport_maken"), {"periode": "19990101-19990201", "sleutel": "3" * 32})

    assert MonitorRapport.objects.count() == 0
