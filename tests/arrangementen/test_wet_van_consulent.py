"""Issue 11, finding 8: a consulent reads in full and acts on the arrangements of their own law only.

The other law's plans appear as milestones (status, dates) in the dossier; every POST endpoint checks
the same rule as the page that shows its button.
"""

import pytest
from django.urls import reverse

from arrangementen import services
from arrangementen.models import InterneNotitie

from .conftest import ingediend_maken

pytestmark = pytest.mark.django_db


@pytest.fixture
def wmo_plan(personas):
    """A Wmo plan of team A, submitted to the loket: the Wmo consulent's, not the Jeugd consulent's."""
    return ingediend_maken(personas)


def test_consulent_jeugd_kan_geen_interne_notitie_op_een_wmo_plan_zetten(personas, als, wmo_plan):
    url = reverse("arrangementen:notitie", args=[wmo_plan.uuid])
    antwoord = als(personas.consulent_jeugd).post(url, {"tekst": "Ik kijk mee."})
    assert antwoord.status_code in (403, 404)
    assert InterneNotitie.objects.filter(arrangement=wmo_plan).count() == 0


def test_de_service_weigert_de_notitie_van_de_andere_wet_ook(personas, wmo_plan):
    with pytest.raises(Exception) as fout:
        services.interne_notitie_toevoegen(door=personas.consulent_jeugd, arrangement=wmo_plan, tekst="x")
    assert type(fout.value).__name__ in ("PermissionDenied", "ValidationError")
    assert InterneNotitie.objects.filter(arrangement=wmo_plan).count() == 0


def test_consulent_wmo_zet_de_notitie_wel_en_ziet_het_formulier(personas, als, wmo_plan):
    client = als(personas.consulent)
    html = client.get(reverse("arrangementen:detail", args=[wmo_plan.uuid])).content.decode()
    assert reverse("arrangementen:notitie", args=[wmo_plan.uuid]) in html
    client.post(reverse("arrangementen:notitie", args=[wmo_plan.uuid]), {"tekst": "Navragen bij de huisarts"})
    assert InterneNotitie.objects.filter(arrangement=wmo_plan).count() == 1


def test_consulent_jeugd_leest_het_wmo_plan_niet_volledig(personas, als, wmo_plan):
    client = als(personas.consulent_jeugd)
    for url in (
        reverse("arrangementen:detail", args=[wmo_plan.uuid]),
        reverse("arrangementen:versie", args=[wmo_plan.uuid, 1]),
    ):
        antwoord = client.get(url)
        assert antwoord.status_code in (403, 404), url
        assert wmo_plan.feitelijke_beschrijving not in antwoord.content.decode(), url


def test_het_wmo_plan_staat_als_mijlpaal_in_het_dossier_van_de_consulent_jeugd(personas, als, wmo_plan):
    html = als(personas.consulent_jeugd).get(f"/inwoners/{wmo_plan.inwoner.uuid}/").content.decode()
    assert "Wmo" in html and "bij het loket" in html
    assert reverse("arrangementen:detail", args=[wmo_plan.uuid]) not in html
    assert "Hulp bij het huishouden" not in html
    # The Wmo consulent reads the same plan in full from the dossier.
    html = als(personas.consulent).get(f"/inwoners/{wmo_plan.inwoner.uuid}/").content.decode()
    assert reverse("arrangementen:detail", args=[wmo_plan.uuid]) in html
