"""The daily effect check: maatwerk within N days after a casus closed, measured once per casus."""

import uuid
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from arrangementen.models import Effectmeting
from casussen.models import Casus
from monitor import effectmeting as services
from monitor import tasks

from ..arrangementen.conftest import VANDAAG, casus_maken, concept_maken, ingediend_maken, netwerk

pytestmark = pytest.mark.django_db


def moment(dagen_geleden: int) -> datetime:
    return timezone.make_aware(datetime.combine(VANDAAG() - timedelta(days=dagen_geleden), time(10)))


def test_casus_zonder_later_maatwerk(personas):
    casus = casus_maken(personas, dagen_geleden=150, afsluiten_dagen_geleden=95)
    assert services.effectmetingen_uitvoeren() == 1
    meting = Effectmeting.objects.get(casus=casus)
    assert meting.maatwerk_na_afsluiting is False
    assert meting.arrangement is None
    assert meting.peildatum == casus.afgesloten_op + timedelta(days=90)


def test_casus_met_later_arrangement_met_maatwerk(personas):
    casus = casus_maken(personas, dagen_geleden=150, afsluiten_dagen_geleden=95)
    arrangement = ingediend_maken(
        personas,
        melding=casus.melding,
        meldingsdatum=VANDAAG() - timedelta(days=80),
        ingediend_op=moment(60),
    )
    assert arrangement.inwoner == casus.inwoner
    tasks.effectmeting_uitvoeren()
    meting = Effectmeting.objects.get(casus=casus)
    assert meting.maatwerk_na_afsluiting is True
    assert (meting.aanleiding, meting.arrangement) == ("arrangement", arrangement)


def test_alleen_ingediend_maatwerk_binnen_de_periode_telt(personas):
    casus = casus_maken(personas, dagen_geleden=300, afsluiten_dagen_geleden=200)
    # A concept is no request; a plan without maatwerk is none either; one after the window is late.
    concept_maken(personas, melding=casus.melding, meldingsdatum=VANDAAG() - timedelta(days=190))
    zonder_maatwerk = concept_maken(
        personas, melding=casus.melding, meldingsdatum=VANDAAG() - timedelta(days=190), onderdelen=[netwerk()]
    )
    assert zonder_maatwerk.onderdelen.count() == 1
    ingediend_maken(
        personas, melding=casus.melding, meldingsdatum=VANDAAG() - timedelta(days=60), ingediend_op=moment(50)
    )
    services.effectmetingen_uitvoeren()
    assert Effectmeting.objects.get(casus=casus).maatwerk_na_afsluiting is False


def test_te_recent_afgesloten_en_open_casussen_wachten(personas):
    casus_maken(personas, dagen_geleden=100, afsluiten_dagen_geleden=89)
    casus_maken(personas, dagen_geleden=60)
    assert services.effectmetingen_uitvoeren() == 0
    # Exactly N days after closing it is measured.
    assert services.effectmetingen_uitvoeren(vandaag=VANDAAG() + timedelta(days=1)) == 1


def test_twee_keer_draaien_geeft_een_resultaat(personas):
    casus_maken(personas, dagen_geleden=150, afsluiten_dagen_geleden=95)
    assert tasks.effectmeting_uitvoeren() == 1
    assert tasks.effectmeting_uitvoeren() == 0
    assert Effectmeting.objects.count() == 1
    assert Effectmeting.history.count() == 1


def test_periode_uit_het_gemeenteprofiel(personas, profiel):
    profiel.instellingen["termijnen"]["effectmeting_dagen"] = 30
    profiel.save()
    casus = casus_maken(personas, dagen_geleden=60, afsluiten_dagen_geleden=40)
    assert services.effectmetingen_uitvoeren() == 1
    assert Effectmeting.objects.get(casus=casus).peildatum == casus.afgesloten_op + timedelta(days=30)


def test_dagelijks_ingepland_in_celery_beat(db):
    taak = PeriodicTask.objects.get(task="arrangementen.tasks.effectmeting_uitvoeren")
    assert taak.enabled
    assert (taak.crontab.hour, taak.crontab.minute, str(taak.crontab.timezone)) == (
        "2",
        "0",
        "Europe/Amsterdam",
    )
    # The task moved to the monitor under its old name, so the scheduled row still finds it.
    from skt.celery import app

    assert taak.task == tasks.effectmeting_uitvoeren.name and taak.task in app.tasks


def test_opgeschaalde_casus_telt_als_maatwerk(personas):
    from casussen import services as casus_services

    casus = casus_maken(personas, dagen_geleden=150)
    casus_services.casus_afsluiten(
        door=personas.beroepskracht,
        casus=casus,
        reden="opgeschaald_loket",
        resultaat="Meer nodig dan kortdurende ondersteuning.",
        datum=VANDAAG() - timedelta(days=100),
    )
    services.effectmetingen_uitvoeren()
    meting = Effectmeting.objects.get(casus=casus)
    assert (meting.maatwerk_na_afsluiting, meting.aanleiding) == (True, "opgeschaald")


def test_nieuwe_melding_naar_het_loket_telt_als_maatwerk(personas):
    from meldingen.services import melding_registreren
    from poort.services import melding_trieren

    casus = casus_maken(personas, dagen_geleden=150, afsluiten_dagen_geleden=100)
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=casus.inwoner,
        anoniem=False,
        aanmeldingsdatum=VANDAAG() - timedelta(days=40),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Ik heb toch hulp in het huishouden nodig.",
    )
    melding_trieren(door=personas.poort, melding=melding, uitkomst="loket", reden="Maatwerk.")
    services.effectmetingen_uitvoeren()
    meting = Effectmeting.objects.get(casus=casus)
    assert (meting.maatwerk_na_afsluiting, meting.aanleiding, meting.melding) == (
        True,
        "melding_loket",
        melding,
    )


def _gesloten_kopieen(casus, aantal: int, **velden) -> None:
    """Cheap copies of a closed casus: the effect check reads only inwoner, melding, dates and reason."""
    for _ in range(aantal):
        kopie = Casus.objects.get(pk=casus.pk)
        kopie.pk = None
        kopie.uuid = uuid.uuid4()
        kopie._state.adding = True
        for veld, waarde in velden.items():
            setattr(kopie, veld, waarde)
        kopie.save()


def test_aantal_queries_groeit_niet_met_het_aantal_casussen(personas, django_assert_max_num_queries):
    from meldingen.services import melding_registreren
    from poort.services import melding_trieren

    # Every outcome kind: a later plan with maatwerk, an opschaling, a new loketmelding, nothing.
    met_plan = casus_maken(personas, dagen_geleden=150, afsluiten_dagen_geleden=95)
    ingediend_maken(
        personas,
        melding=met_plan.melding,
        meldingsdatum=VANDAAG() - timedelta(days=80),
        ingediend_op=moment(60),
    )
    met_melding = casus_maken(personas, dagen_geleden=150, afsluiten_dagen_geleden=100)
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=met_melding.inwoner,
        anoniem=False,
        aanmeldingsdatum=VANDAAG() - timedelta(days=40),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Toch hulp nodig.",
    )
    melding_trieren(door=personas.poort, melding=melding, uitkomst="loket", reden="Maatwerk.")
    zonder = casus_maken(personas, dagen_geleden=150, afsluiten_dagen_geleden=95)
    assert services.effectmetingen_uitvoeren() == 3

    soorten = [
        (met_plan, {}),
        (met_melding, {}),
        (zonder, {"afsluitreden": "opgeschaald_loket"}),
        (zonder, {}),
    ]
    queries = {}
    for aantal in (1, 10, 50):
        for i in range(aantal):
            bron, velden = soorten[i % len(soorten)]
            _gesloten_kopieen(bron, 1, **velden)
        with django_assert_max_num_queries(50) as vastgelegd:
            assert services.effectmetingen_uitvoeren() == aantal
        queries[aantal] = len(vastgelegd.captured_queries)
    assert queries[1] == queries[10] == queries[50], queries
    aanleidingen = Effectmeting.objects.values_list("aanleiding", flat=True)
    assert {"arrangement", "opgeschaald", "melding_loket", ""} <= set(aanleidingen)
    assert Effectmeting.history.count() == Effectmeting.objects.count() == 3 + 1 + 10 + 50
