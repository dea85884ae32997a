"""Two consulenten acting on the same plan at the same moment: one decision stands, the other hears why.

Real concurrency needs real row locks: these tests run on PostgreSQL (DATABASE_URL) and are
skipped on SQLite, which serialises whole-database writes and cannot show the race.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from arrangementen import services
from arrangementen.models import ArrangementStatusRegel, Beoordeling
from arrangementen.workflow import ArrangementStatus
from skt.models import Rol

from ..factories import medewerker_maken
from .conftest import ingediend_maken, toekennen_alles

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="gelijktijdigheid vraagt echte rijvergrendeling: draai met DATABASE_URL naar PostgreSQL",
    ),
]


def gelijktijdig(*acties):
    """Run the actions in threads released together by a barrier; return (results, errors)."""
    barriere = threading.Barrier(len(acties))
    resultaten, fouten = [], []

    def draai(actie):
        try:
            barriere.wait(timeout=10)
            resultaten.append(actie())
        except ValidationError as fout:
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=draai, args=(actie,)) for actie in acties]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)
    return resultaten, fouten


def test_twee_consulenten_beslissen_tegelijk(personas):
    collega = medewerker_maken("consulent2", Rol.CONSULENT_WMO, teams=[personas.loket])
    arrangement = ingediend_maken(personas)
    beslissingen = toekennen_alles(arrangement, nummer="BS-EERSTE")
    resultaten, fouten = gelijktijdig(
        lambda: services.arrangement_beslissen(
            door=personas.consulent, arrangement=arrangement, beslissingen=beslissingen
        ),
        lambda: services.arrangement_afwijzen(door=collega, arrangement=arrangement, reden="Niet nodig."),
    )
    assert len(resultaten) == 1 and len(fouten) == 1, (resultaten, fouten)
    assert "al over dit arrangement beslist" in " ".join(fouten[0].messages)
    arrangement.refresh_from_db()
    assert arrangement.status in (ArrangementStatus.GOEDGEKEURD, ArrangementStatus.AFGEWEZEN)
    # One decision: one row per onderdeel, one decision status row.
    assert (
        Beoordeling.objects.filter(onderdeel__arrangement=arrangement).count()
        == arrangement.onderdelen.count()
    )
    besluiten = ArrangementStatusRegel.objects.filter(
        arrangement=arrangement, actie__in=("goedkeuren", "afwijzen", "gedeeltelijk_goedkeuren")
    )
    assert besluiten.count() == 1


def test_twee_consulenten_nemen_tegelijk_in_behandeling(personas):
    collega = medewerker_maken("consulent2", Rol.CONSULENT_WMO, teams=[personas.loket])
    arrangement = ingediend_maken(personas)
    resultaten, fouten = gelijktijdig(
        lambda: services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement),
        lambda: services.arrangement_in_behandeling_nemen(door=collega, arrangement=arrangement),
    )
    assert len(resultaten) == 1 and len(fouten) == 1
    assert "al in behandeling genomen" in " ".join(fouten[0].messages)
    arrangement.refresh_from_db()
    assert arrangement.behandelaar == resultaten[0].behandelaar
    assert (
        ArrangementStatusRegel.objects.filter(arrangement=arrangement, actie="in_behandeling_nemen").count()
        == 1
    )


def test_terugsturen_en_toekennen_tegelijk(personas):
    collega = medewerker_maken("consulent2", Rol.CONSULENT_WMO, teams=[personas.loket])
    arrangement = ingediend_maken(personas)
    beslissingen = toekennen_alles(arrangement)
    resultaten, fouten = gelijktijdig(
        lambda: services.arrangement_terugsturen(
            door=collega, arrangement=arrangement, toelichting="Aanvullen."
        ),
        lambda: services.arrangement_beslissen(
            door=personas.consulent, arrangement=arrangement, beslissingen=beslissingen
        ),
    )
    assert len(resultaten) == 1 and len(fouten) == 1
    arrangement.refresh_from_db()
    if arrangement.status == ArrangementStatus.TERUGGESTUURD:
        assert "teruggestuurd voor aanvulling" in " ".join(fouten[0].messages)
        assert not Beoordeling.objects.filter(onderdeel__arrangement=arrangement).exists()
    else:
        assert arrangement.status == ArrangementStatus.GOEDGEKEURD


def test_twee_consulenten_nemen_tegelijk_dezelfde_aanvraag(personas):
    """The werkvoorraad: exactly one gets the item; the other is told who has it (row lock)."""
    from arrangementen.models import Aanvraag, AanvraagStatusRegel

    from .conftest import melding_maken

    collega = medewerker_maken("consulent2", Rol.CONSULENT_WMO, teams=[personas.loket])
    aanvraag = Aanvraag.objects.get(melding=melding_maken(personas))
    resultaten, fouten = gelijktijdig(
        lambda: services.aanvraag_in_behandeling_nemen(door=personas.consulent, aanvraag=aanvraag),
        lambda: services.aanvraag_in_behandeling_nemen(door=collega, aanvraag=aanvraag),
    )
    assert len(resultaten) == 1 and len(fouten) == 1, (resultaten, fouten)
    winnaar = resultaten[0].behandelaar
    assert f"{winnaar} heeft deze aanvraag al in behandeling" in " ".join(fouten[0].messages)
    aanvraag.refresh_from_db()
    assert aanvraag.behandelaar == winnaar
    assert AanvraagStatusRegel.objects.filter(aanvraag=aanvraag, actie="in_behandeling_nemen").count() == 1
