"""A search that can carry a BSN never puts it in a URL (issue 15): the form is POSTed, the query is
kept in the session under an opaque key and the browser is sent to ``?zoekopdracht=<key>``
(Post/Redirect/Get). Reloading, paging and the back button work, while server logs, the access log's
``pad`` and the browser history only ever see the key."""

from __future__ import annotations

import re
import secrets

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

PARAMETER = "zoekopdracht"
_SESSIE = "skt_zoekopdrachten"
# Enough for a few tabs and the back button; older queries simply fall back to the empty form.
_BEWAARD = 10


def bewaren(request, soort: str, gegevens: dict) -> str:
    """Keep the submitted fields (strings) for this user's session; returns the opaque key."""
    bewaard = dict(request.session.get(_SESSIE, {}))
    sleutel = secrets.token_urlsafe(12)
    bewaard[sleutel] = {"soort": soort, "gegevens": {k: str(v) for k, v in gegevens.items()}}
    while len(bewaard) > _BEWAARD:
        bewaard.pop(next(iter(bewaard)))
    request.session[_SESSIE] = bewaard
    return sleutel


def ophalen(request, soort: str) -> dict | None:
    """The stored fields behind ``?zoekopdracht=``, or None (unknown key, or another page's search)."""
    sleutel = request.GET.get(PARAMETER, "")
    gevonden = request.session.get(_SESSIE, {}).get(sleutel) if sleutel else None
    if not gevonden or gevonden.get("soort") != soort:
        return None
    return gevonden["gegevens"]


# Eight or nine digits, possibly dotted or spaced: what a BSN looks like in a query string.
BSN_ACHTIG = re.compile(r"(?<!\d)\d(?:[. ]?\d){7,8}(?!\d)")


def gegevens_voor(request, soort: str, velden) -> dict | None:
    """What to search on a GET: the stored search behind ``?zoekopdracht=``, else (links and old
    bookmarks) the plain query parameters, except anything that looks like a BSN: that is not used,
    and the user is told to use the form."""
    bewaard = ophalen(request, soort)
    if bewaard is not None:
        return bewaard
    gegevens = {veld: request.GET[veld] for veld in velden if request.GET.get(veld, "").strip()}
    if any(BSN_ACHTIG.search(waarde) for waarde in gegevens.values()):
        messages.warning(
            request,
            _(
                "Zoeken op BSN gaat alleen via het formulier, zodat het nummer niet in de adresbalk "
                "komt. Het nummer in de adresbalk is niet gebruikt."
            ),
        )
        return None
    return gegevens or None


def doorsturen(request, soort: str, velden, data) -> HttpResponseRedirect:
    """After a valid POST: keep ``velden`` from ``data`` and redirect (303) to the result page."""
    gegevens = {veld: data.get(veld, "") for veld in velden if data.get(veld, "")}
    sleutel = bewaren(request, soort, gegevens)
    antwoord = HttpResponseRedirect(f"{request.path}?{PARAMETER}={sleutel}")
    antwoord.status_code = 303
    return antwoord


def bsn_gemaskeerd(bsn: str) -> str:
    """What the access log may say about a searched BSN: only the last three digits."""
    bsn = "".join(c for c in str(bsn) if c.isdigit())
    return f"******{bsn[-3:]}" if bsn else ""
