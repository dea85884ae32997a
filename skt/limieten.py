"""Limits on searches and exports per medewerker (issue 11): a burst of BSN lookups or downloads is
refused with 429 and leaves a refused 'limiet' row in the access log, which the coordinator reviews.

Counted in Django's cache per medewerker per clock minute, so it works with the local-memory cache of a
single process and with Redis shared by all workers. Searches and exports share one count."""

from __future__ import annotations

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .models import Toegang
from .toegang import client_ip, toegang_vastleggen


def _sleutel(user) -> str:
    return f"skt:limiet:zoeken:{user.pk}:{int(time.time() // 60)}"


def binnen_limiet(request) -> bool:
    """Count this search or export for the medewerker; False once the minute's limit is passed."""
    user = request.user
    if not user.is_authenticated:
        return True
    sleutel = _sleutel(user)
    # add() only sets a missing key; two minutes, so the key outlives its own minute.
    cache.add(sleutel, 0, timeout=120)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:
        # Evicted between add() and incr(): this is the first of a new count.
        cache.set(sleutel, 1, timeout=120)
        aantal = 1
    return aantal <= settings.SKT_LIMIET_ZOEKEN_PER_MINUUT


def limiet_antwoord(request, soort: str):
    """The refusal: logged as the coordinator's alert, answered 429 in Dutch."""
    limiet = settings.SKT_LIMIET_ZOEKEN_PER_MINUUT
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.LIMIET,
        geweigerd=True,
        object_soort=soort,
        reden=f"meer dan {limiet} per minuut gezocht of geëxporteerd",
    )
    return render(request, "skt/te_veel_zoekopdrachten.html", status=429)


def zoeklimiet(soort: str = "zoeken"):
    """Decorator for a search or export view. A search view counts only requests that search (a POST,
    or query parameters; the empty form, paging and the result page behind its opaque key do not
    count); an export counts every request."""

    def decorator(view):
        @wraps(view)
        def omhulsel(request, *args, **kwargs):
            telt = (
                soort != "zoeken"
                or request.method == "POST"
                or any(sleutel not in ("pagina", "zoekopdracht") for sleutel in request.GET)
            )
            if telt and not binnen_limiet(request):
                return limiet_antwoord(request, soort)
            return view(request, *args, **kwargs)

        return omhulsel

    return decorator


def aanvraag_binnen_limiet(request, soort: str, limiet: int) -> bool:
    """An anonymous request (a password reset): counted per client address per clock minute."""
    sleutel = f"skt:limiet:{soort}:{client_ip(request)}:{int(time.time() // 60)}"
    cache.add(sleutel, 0, timeout=120)
    try:
        aantal = cache.incr(sleutel)
    except ValueError:
        cache.set(sleutel, 1, timeout=120)
        aantal = 1
    return aantal <= limiet
