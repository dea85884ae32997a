"""Writing the access log: one helper every view calls for reads, searches, exports and refusals.

What a person saw is what is logged: a detail page names its inwoner, a list page references every
inwoner it shows (one row per list view, ``inwoners=``), a search writes one row per inwoner it shows
(``zoekresultaat_vastleggen``). Writing is a plain INSERT without a lock; the hash chain is added later
by the sealer (skt.toegangsketen).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from .models import Inwoner, Toegang, ToegangInwoner
from .zoekopdracht import BSN_ACHTIG, bsn_gemaskeerd


def pad_van(request) -> str:
    """The page as logged: searches are POSTed, but a BSN typed into a query string by hand (or an old
    bookmark) is kept out of the access log too, masked like a searched BSN."""
    pad, vraagteken, query = request.get_full_path().partition("?")
    if vraagteken:
        pad = f"{pad}?{BSN_ACHTIG.sub(lambda m: bsn_gemaskeerd(m.group()), query)}"
    return pad[:300]


def client_ip(request, *args) -> str | None:
    """The client's address. Behind our proxy (SKT_ACHTER_PROXY) the rightmost X-Forwarded-For entry,
    the one our own proxy appended; entries further left can be forged by the client."""
    if settings.SECURE_PROXY_SSL_HEADER:
        doorgestuurd = [deel.strip() for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if doorgestuurd and doorgestuurd[-1]:
            return doorgestuurd[-1]
    return request.META.get("REMOTE_ADDR") or None


def toegang_vastleggen(
    request,
    *,
    actie: str,
    obj=None,
    inwoner: Inwoner | None = None,
    geweigerd: bool = False,
    object_soort: str = "",
    object_id: str = "",
    reden: str = "",
    inwoners: Iterable[Inwoner | int] = (),
) -> Toegang:
    """One row. ``inwoners``: every inwoner a list page shows, referenced by this one row."""
    user = getattr(request, "user", None)
    if geweigerd:
        # The 403 handler logs every refusal that a view did not log itself.
        request.skt_weigering_gelogd = True
    if obj is not None:
        object_soort = object_soort or obj._meta.model_name
        object_id = object_id or str(getattr(obj, "uuid", obj.pk))
    toegang = Toegang.objects.create(
        medewerker=user if user is not None and user.is_authenticated else None,
        actie=actie,
        resultaat=Toegang.Resultaat.GEWEIGERD if geweigerd else Toegang.Resultaat.TOEGESTAAN,
        object_soort=object_soort[:60],
        object_id=object_id[:64],
        inwoner=inwoner,
        pad=pad_van(request),
        ip_adres=client_ip(request),
        reden=reden[:500],
    )
    # None stands for an anonymous row (a melding without inwoner): nobody to reference.
    getoond = sorted({i if isinstance(i, int) else getattr(i, "pk", None) for i in inwoners} - {None})
    if getoond:
        ToegangInwoner.objects.bulk_create(ToegangInwoner(toegang=toegang, inwoner_id=pk) for pk in getoond)
    return toegang


def lijst_vastleggen(
    request, *, object_soort: str, inwoners: Iterable[Inwoner | int], reden: str = ""
) -> Toegang:
    """A list page that shows inwoners: one row for the view, referencing every inwoner on the page."""
    return toegang_vastleggen(
        request,
        actie=Toegang.Actie.LEZEN,
        object_soort=object_soort,
        inwoners=inwoners,
        reden=reden or "lijst",
    )


def zoekresultaat_vastleggen(request, *, inwoners: Iterable[Inwoner], reden: str) -> list[Toegang]:
    """A search: one row for the search itself (also when nothing was found) and one per inwoner shown."""
    user = getattr(request, "user", None)
    medewerker = user if user is not None and user.is_authenticated else None
    gemeen = {
        "medewerker": medewerker,
        "actie": Toegang.Actie.ZOEKEN,
        "resultaat": Toegang.Resultaat.TOEGESTAAN,
        "pad": request.path[:300],
        "ip_adres": client_ip(request),
        "reden": reden[:500],
    }
    rijen = [Toegang(object_soort="inwoner", **gemeen)]
    rijen += [
        Toegang(object_soort="inwoner", object_id=str(i.uuid), inwoner_id=i.pk, **gemeen)
        for i in inwoners
        if i is not None
    ]
    return Toegang.objects.bulk_create(rijen)
