"""What the upper apps contribute to pages that live in a lower layer.

Imports run only downwards (skt ← meldingen ← poort ← casussen ← arrangementen ← monitor ← dossier),
so a lower page cannot ask an upper app for its part. Instead each app registers its part here in its
``AppConfig.ready()`` and the page reads what is registered. The registers are filled once at start-up
and only read afterwards; ``volgorde`` keeps the order of the parts fixed, whatever the app order.

- tijdlijnbronnen: ``bron(inwoner, user, alleen_eigen_casussen, alles) -> list[skt.tijdlijn.Item]``,
  the items of one kind on the dossier timeline (read by dossier/).
- werkblokbronnen: ``bron(user) -> list[dict]``, blocks for 'Mijn werk'; a block names its template
  (read by dossier/).
- meldingpaginabronnen: ``bron(user, melding, *, mag_behandelen) -> dict``, what an upper app adds to
  the melding page's context (the casus on it, the way to an arrangement).
- melding_doorschakelen: the poort's re-routing service, which the melding page offers.
- overdracht_aan_loket: what happens when a lower app hands an inwoner's question to the loket
  (triage, doorschakeling, opschaling of a casus): arrangementen registers the service that puts an
  item in the loket's werkvoorraad. It runs in the caller's transaction.
- werkvoorraadbronnen: ``Werkvoorraadbron``, one kind of open work a medewerker holds (casussen as
  casushouder, plans as drafter or behandelaar, loket items, regisseur roles, adviesvragen), with the
  service that hands one item to a colleague (read by dossier/ for the coordinator's reassignment).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

_tijdlijnbronnen: list[tuple[int, Callable[..., list]]] = []
_werkblokbronnen: list[tuple[int, Callable[..., list[dict]]]] = []
_meldingpaginabronnen: list[tuple[int, Callable[..., dict]]] = []
_diensten: dict[str, Callable[..., Any]] = {}
_werkvoorraadbronnen: list[tuple[int, Werkvoorraadbron]] = []


def _toevoegen(register: list, volgorde: int, bron: Callable) -> None:
    # ready() may run twice (tests that reload apps): register each source once.
    if all(bestaande is not bron for _, bestaande in register):
        register.append((volgorde, bron))
        register.sort(key=lambda paar: paar[0])


def registreer_tijdlijnbron(bron: Callable[..., list], *, volgorde: int) -> None:
    _toevoegen(_tijdlijnbronnen, volgorde, bron)


def registreer_werkblokbron(bron: Callable[..., list[dict]], *, volgorde: int) -> None:
    _toevoegen(_werkblokbronnen, volgorde, bron)


def registreer_meldingpaginabron(bron: Callable[..., dict], *, volgorde: int) -> None:
    _toevoegen(_meldingpaginabronnen, volgorde, bron)


@dataclass(frozen=True)
class Werkitem:
    """One piece of open work on a medewerker's name, as the reassignment page lists it."""

    soort: str
    uuid: Any
    medewerker_id: int
    omschrijving: str
    link: str = ""
    inwoner_id: int | None = None


@dataclass(frozen=True)
class Werkvoorraadbron:
    """Open work of one kind.

    - ``open_werk(medewerker_ids) -> list[Werkitem]``: every open item of these people, in a fixed
      number of queries whatever their number;
    - ``herverdelen(*, door, uuid, van, naar, reden) -> Werkitem``: hand one item from ``van`` to
      ``naar`` under a row lock; refuses with a Dutch ValidationError (or PermissionDenied) and
      changes nothing. It runs in the caller's transaction.
    """

    soort: str
    label: str
    open_werk: Callable[[Iterable[int]], list[Werkitem]]
    herverdelen: Callable[..., Werkitem]


def registreer_werkvoorraadbron(bron: Werkvoorraadbron, *, volgorde: int) -> None:
    if all(bestaande.soort != bron.soort for _, bestaande in _werkvoorraadbronnen):
        _werkvoorraadbronnen.append((volgorde, bron))
        _werkvoorraadbronnen.sort(key=lambda paar: paar[0])


def werkvoorraadbronnen() -> list[Werkvoorraadbron]:
    return [bron for _, bron in _werkvoorraadbronnen]


def tijdlijnbronnen() -> list[Callable[..., list]]:
    return [bron for _, bron in _tijdlijnbronnen]


def werkblokbronnen() -> list[Callable[..., list[dict]]]:
    return [bron for _, bron in _werkblokbronnen]


def meldingpaginabronnen() -> list[Callable[..., dict]]:
    return [bron for _, bron in _meldingpaginabronnen]


def registreer_melding_doorschakelen(dienst: Callable[..., Any]) -> None:
    _diensten["melding_doorschakelen"] = dienst


def melding_doorschakelen(**kwargs):
    """Re-route a melding after triage (poort.services.melding_doorschakelen)."""
    dienst = _diensten.get("melding_doorschakelen")
    if dienst is None:
        raise ImproperlyConfigured("Doorschakelen vraagt de app poort in INSTALLED_APPS.")
    return dienst(**kwargs)


def registreer_overdracht_aan_loket(dienst: Callable[..., Any]) -> None:
    _diensten["overdracht_aan_loket"] = dienst


def overdracht_aan_loket(*, bron: str, door, reden: str, melding=None, casus=None, team=None, nu=None) -> Any:
    """A hand-off to the loket (arrangementen.services.aanvraag_aanmaken); nothing without that app."""
    dienst = _diensten.get("overdracht_aan_loket")
    if dienst is None:
        return None
    return dienst(bron=bron, door=door, reden=reden, melding=melding, casus=casus, team=team, nu=nu)


def werkblok_regel(label: str, aantal: int, url: str, *, nadruk: bool = False, meer: bool = False) -> dict:
    """One line of a generic work block (template skt/_werkblok.html): a count with a link; with
    `meer` the count is a lower bound ("100 of meer", see begrensd_tellen)."""
    return {"label": label, "aantal": aantal, "url": url, "nadruk": nadruk and aantal > 0, "meer": meer}


# A count on Mijn werk stops here: past it the number no longer changes what anyone does first, and
# counting on checks the rights of every row of a decade of data on each start page (issue 14).
TELGRENS = 100


def begrensd_tellen(qs, grens: int = TELGRENS) -> tuple[int, bool]:
    """(count, more): COUNT over at most `grens` + 1 rows, in no order, so the database stops early."""
    aantal = qs.order_by()[: grens + 1].count()
    return min(aantal, grens), aantal > grens
