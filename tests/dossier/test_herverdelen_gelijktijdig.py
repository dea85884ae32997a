"""Two coordinators reassigning the same casus at the same moment: one wins, the other hears it.

Real row locks: PostgreSQL only (skipped on SQLite, which serialises whole-database writes).
"""

import pytest
from django.db import connection

from arrangementen.models import Notificatie
from casussen.models import Casus
from dossier import herverdelen
from skt.models import Rol

from ..arrangementen.test_gelijktijdig import gelijktijdig
from ..factories import medewerker_maken
from .test_herverdelen import REDEN, casus_van

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="gelijktijdigheid vraagt echte rijvergrendeling: draai met DATABASE_URL naar PostgreSQL",
    ),
]


def test_twee_coordinatoren_verdelen_tegelijk_dezelfde_casus(personas):
    p = personas
    tweede = medewerker_maken("coordinator2", Rol.COORDINATOR, teams=[p.team_b])
    een = medewerker_maken("beroepskracht3", Rol.BEROEPSKRACHT, teams=[p.team_b])
    ander = medewerker_maken("beroepskracht4", Rol.BEROEPSKRACHT, teams=[p.team_b])
    casus = casus_van(p, p.beroepskracht2, p.team_b)

    def verdelen(door, naar):
        return lambda: herverdelen.werk_herverdelen(
            door=door, soort="casus", uuid=casus.uuid, van=p.beroepskracht2, naar=naar, reden=REDEN
        )

    resultaten, fouten = gelijktijdig(verdelen(p.coordinator, een), verdelen(tweede, ander))
    assert len(resultaten) == 1 and len(fouten) == 1, (resultaten, fouten)
    assert "intussen al overgedragen" in " ".join(fouten[0].messages)
    casus.refresh_from_db()
    assert casus.casushouder_id in (een.pk, ander.pk)
    # One bericht, to the winner only.
    assert list(Notificatie.objects.values_list("medewerker_id", flat=True)) == [casus.casushouder_id]
    assert Casus.history.filter(id=casus.pk, casushouder__in=[een, ander]).count() == 1
