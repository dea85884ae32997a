"""Two people register the last allowed contactmoment at the same moment: exactly one succeeds.

Needs PostgreSQL (row locks with SELECT ... FOR UPDATE). SQLite serialises every writer anyway
(transaction_mode IMMEDIATE), so there the race cannot even be staged; the test is skipped.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from casussen import services
from casussen.models import Contactmoment
from skt.models import Rol

from ..factories import medewerker_maken
from .conftest import casus_maken, contacten_maken

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks (select_for_update) need PostgreSQL; run with DATABASE_URL=postgres://…",
)


def _tegelijk(functies):
    """Run each function in its own thread and database connection, released by one barrier."""
    barriere = threading.Barrier(len(functies))
    uitkomsten: list = [None] * len(functies)

    def draai(i, functie):
        try:
            barriere.wait(timeout=10)
            uitkomsten[i] = ("ok", functie())
        except Exception as fout:  # the test inspects what each thread got
            uitkomsten[i] = ("fout", fout)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=draai, args=(i, f)) for i, f in enumerate(functies)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)
    return uitkomsten


@pytest.mark.django_db(transaction=True)
def test_laatste_contactmoment_tegelijk_registreren_lukt_precies_een_keer(personas, klein_maximum):
    casus = casus_maken(personas)
    contacten_maken(personas, casus, klein_maximum - 1)
    collega = medewerker_maken("collega_elst", Rol.BEROEPSKRACHT, teams=[personas.team_a])

    def registreer(door):
        return lambda: services.contactmoment_registreren(
            door=door, casus=casus, datum=timezone.localdate(), soort="telefoon", duur_minuten=20
        )

    uitkomsten = _tegelijk([registreer(personas.beroepskracht), registreer(collega)])
    gelukt = [u for soort, u in uitkomsten if soort == "ok"]
    mislukt = [u for soort, u in uitkomsten if soort == "fout"]
    assert len(gelukt) == 1 and len(mislukt) == 1, uitkomsten
    assert isinstance(mislukt[0], ValidationError) and mislukt[0].code == "maximum_bereikt"
    assert "maximum van 3" in mislukt[0].messages[0]
    assert Contactmoment.objects.filter(casus=casus, is_vinger_aan_de_pols=False).count() == klein_maximum


@pytest.mark.django_db(transaction=True)
def test_twee_keer_tegelijk_starten_geeft_een_casus(personas, melding):
    from .conftest import startgegevens

    uitkomsten = _tegelijk([lambda: services.casus_starten(**startgegevens(personas, melding))] * 2)
    assert sorted(soort for soort, _ in uitkomsten) == ["fout", "ok"], uitkomsten
    fout = next(u for soort, u in uitkomsten if soort == "fout")
    assert isinstance(fout, ValidationError) and "loopt al een casus" in fout.messages[0]
    assert melding.casussen.count() == 1
