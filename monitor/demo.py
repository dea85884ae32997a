"""Demo data of the monitor: the history of Overbetuwe as if imported from iSamenleving, and a
quarterly report with its notice for the coordinator.

The history follows the sources' shape: 639 meldingen in 2015 growing about 20% a year (1129 in
2018), so the 1e kwartaal 2019 shows the growth the rekenkamer quoted. The live demo meldingen of the
other apps are brought into the fact table as well. Idempotent.
"""

from __future__ import annotations

import random
from datetime import date

from django.utils import timezone

from . import services, testdata
from .feiten import feiten_bijwerken
from .models import Bron, MeldingFeit
from .periode import Periode

HISTORIE_PREFIX = "ISAM-"
HISTORIE = (date(2015, 1, 1), date(2019, 12, 31), 4755)
# A seed whose draw gives 639 meldingen in 2015 and +19.9% in Q1 2019 on Q1 2018, as in seed 001.
HISTORIE_SEED = 294


def demo_laden(rng: random.Random) -> None:
    van, tot, aantal = HISTORIE
    if not MeldingFeit.objects.filter(bron=Bron.IMPORT, sleutel__startswith=HISTORIE_PREFIX).exists():
        try:
            testdata.maken(aantal, van=van, tot=tot, seed=HISTORIE_SEED, prefix=HISTORIE_PREFIX)
        except ValueError:
            return  # no teams: the profile was not loaded
    feiten_bijwerken()
    # What Celery beat does on the first day of a quarter, without the PDF to keep the demo quick.
    periode = Periode.vorig_kwartaal(timezone.localdate())
    rapport = services.rapport_aanvragen(
        periode=periode, via="planning", met_pdf=False, sleutel=f"planning-{periode.code}", in_wachtrij=False
    )
    services.rapport_bouwen(rapport_id=rapport.pk)
    rapport.refresh_from_db()
    services.coordinatoren_berichten(rapport)
