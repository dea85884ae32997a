"""The building blocks of the dossier timeline, for the apps that contribute items to it.

The timeline itself is dossier/'s (dossier/tijdlijn.py); each app registers a source for its own
kinds of record in skt/registers.py. A source shows what the reader may read in full, and what they
may not read as a milestone without content where that helps the work (the kernteam keeps seeing
what became of a hand-over: the ISam gap). One query per kind of record plus one visibility query
per kind, whatever the item count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .models import Inwoner

SOORTEN = {
    "melding": "Melding",
    "triage": "Triage",
    "casus": "Casus",
    "contactmoment": "Contactmoment",
    "zrm": "ZRM-meting",
    "arrangement": "Arrangement",
    "besluit": "Besluit",
    "aanvraag": "Loket",
    "signaal": "Signaal",
}


@dataclass
class Item:
    datum: date
    soort: str
    titel: str
    tekst: str = ""
    url: str = ""
    mijlpaal: bool = False
    regels: list[str] = field(default_factory=list)

    @property
    def soort_label(self) -> str:
        return SOORTEN.get(self.soort, self.soort)


def dag(waarde) -> date:
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde).date() if timezone.is_aware(waarde) else waarde.date()
    return waarde


def url(naam: str, uuid) -> str:
    try:
        return reverse(naam, kwargs={"uuid": uuid})
    except NoReverseMatch:
        return ""


class _Alles:
    def __contains__(self, item) -> bool:
        return True


def zichtbaar(qs, inwoner: Inwoner, alles: bool, rijen=None):
    """The pks the reader may read in full; with break-the-glass access everything of the inwoner.

    rijen: the source's records of the inwoner, fetched first; the rights are then asked for those
    only, and not at all when there are none (most dossiers have no plan or hand-off: issue 14). qs may
    be a function that builds the rights queryset, so an empty source does not even build it."""
    if alles:
        return _Alles()
    if rijen is not None and not rijen:
        return set()
    if callable(qs):
        qs = qs()
    if rijen is not None:
        return set(qs.filter(pk__in=[r.pk for r in rijen]).values_list("pk", flat=True))
    return set(qs.filter(inwoner=inwoner).values_list("pk", flat=True))
