"""One timeline per inwoner: everything about them, each item at the level the reader may see.

The items come from the apps (their sources in skt/registers.py; the building blocks in
skt/tijdlijn.py): what a role may read is shown in full; what it may not read is shown as a milestone
without content where that helps the work; Veilig Thuis is left out entirely for everyone but the
loket. The number of queries is fixed: one per kind of record plus one visibility query per kind.
"""

from __future__ import annotations

from datetime import date

from skt import rechten, registers
from skt.models import Betrokkenheid, Inwoner

_VRAGEN = object()


def tijdlijn(
    inwoner: Inwoner,
    user,
    *,
    soort: str = "",
    van: date | None = None,
    tot: date | None = None,
    noodtoegang=_VRAGEN,
):
    """The dossier's items, newest first, filtered by kind and period. noodtoegang: the active
    break-the-glass access this request already fetched (get_inwoner_voor), or None; else it is asked."""
    alleen_eigen = rechten.ziet_alleen_eigen_casussen(user)
    if noodtoegang is _VRAGEN:
        noodtoegang = rechten.actieve_noodtoegang(user, inwoner)
    alles = noodtoegang is not None
    items = [
        item for bron in registers.tijdlijnbronnen() for item in bron(inwoner, user, alleen_eigen, alles)
    ]
    if soort:
        items = [i for i in items if i.soort == soort]
    if van:
        items = [i for i in items if i.datum >= van]
    if tot:
        items = [i for i in items if i.datum <= tot]
    return sorted(items, key=lambda i: i.datum, reverse=True)


def betrokkenen(inwoners, user):
    """Who is involved with these inwoners (teams and people, since when), in one query."""
    per_inwoner: dict[int, list] = {}
    rijen = (
        Betrokkenheid.objects.filter(inwoner__in=inwoners)
        .select_related("team", "medewerker")
        .order_by("sinds")
    )
    if not rechten.mag_veilig_thuis_zien(user):
        rijen = rijen.exclude(soort=Betrokkenheid.Soort.VEILIG_THUIS)
    if rechten.ziet_alleen_eigen_casussen(user):
        rijen = rijen.filter(soort=Betrokkenheid.Soort.CASUS)
    for b in rijen:
        per_inwoner.setdefault(b.inwoner_id, []).append(b)
    return per_inwoner
