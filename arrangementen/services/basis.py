"""What every workflow step of an arrangement shares: the clock, the transition table, the terms."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from skt import workflow as kernel
from skt.models import Medewerker

from .. import termijnen
from ..models import Arrangement
from ..workflow import WERKSTROOM

# The plan's text fields, in the order the form and a version show them.
TEKSTVELDEN = (
    "feitelijke_beschrijving",
    "wensen_inwoner",
    "advies_kernteamlid",
    "doel",
    "aard_en_ernst",
    "duur",
    "beoogd_resultaat",
)
DATUMVELDEN = ("meldingsdatum", "aanvraagdatum", "keukentafelgesprek_op")
ONDERDEEL_VELDEN = ("soort", "omschrijving", "voorziening", "categorie", "omvang", "frequentie", "duur")


def _nu(nu: datetime | None) -> datetime:
    return nu or timezone.now()


def _datum(nu: datetime) -> date:
    return timezone.localdate(nu)


def status_zetten(
    arrangement: Arrangement,
    *,
    actie: str,
    door: Medewerker,
    toelichting: str = "",
    nu: datetime | None = None,
) -> None:
    """The kernel's transition; an arrangement's status row also records the version it is about."""
    kernel.status_zetten(
        arrangement,
        werkstroom=WERKSTROOM,
        actie=actie,
        door=door,
        toelichting=toelichting,
        versie=arrangement.versie,
        op=_nu(nu),
    )


def vergrendeld(arrangement_pk: int) -> Arrangement:
    """The plan, locked for this transaction: two consulenten acting at once are serialised."""
    return kernel.vergrendeld(Arrangement, arrangement_pk)


def _termijnen_bijwerken(arrangement: Arrangement) -> None:
    inst = termijnen.Termijninstellingen.uit_profiel()
    arrangement.onderzoekstermijn_einde = termijnen.onderzoekstermijn_einde(
        arrangement.wet, arrangement.meldingsdatum, inst
    )
    arrangement.beslistermijn_einde = termijnen.met_verlengingen(
        termijnen.beslistermijn_einde(arrangement.wet, arrangement.aanvraagdatum, inst),
        arrangement.verlengingen.values_list("nieuwe_einddatum", flat=True) if arrangement.pk else [],
    )
