"""The demo plans: every state and both routes, built through the services; loading twice adds nothing."""

import random

import pytest
from django.utils import timezone

from arrangementen import demo, selectors
from arrangementen.models import Arrangement, Beoordeling, Termijnverlenging
from arrangementen.workflow import ArrangementStatus

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db


def test_demo_heeft_elke_status_en_beide_routes_en_is_idempotent(personas, kern_elst):
    # The personas carry the demo users' names; without the meldingen demo the plans start from
    # meldingen the demo registers at the poort itself.
    InwonerFactory.create_batch(14, kern=kern_elst)
    InwonerFactory.create_batch(2, kern=kern_elst, jeugd=True)
    demo.demo_laden(random.Random(1))
    aantal = Arrangement.objects.count()
    # Each scenario is a plan; the werkvoorraad's demo adds the plan a consulent drafts from a hand-off.
    assert Arrangement.objects.filter(aanvragen__isnull=True).count() == len(demo.SCENARIOS)
    assert set(Arrangement.objects.values_list("status", flat=True)) == set(ArrangementStatus.values)
    assert set(Arrangement.objects.values_list("route", flat=True)) == {"voorwerk", "regulier"}
    assert Arrangement.objects.filter(versie=2, status=ArrangementStatus.GOEDGEKEURD).exists()
    assert Arrangement.objects.filter(wet="jeugd", behandelaar=personas.consulent_jeugd).exists()
    assert Beoordeling.objects.exclude(beschikkingsnummer="").count() >= 5
    assert Termijnverlenging.objects.count() == 1
    assert selectors.te_laat(personas.consulent, timezone.localdate()).exists()
    demo.demo_laden(random.Random(1))
    assert Arrangement.objects.count() == aantal
