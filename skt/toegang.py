"""Writing the access log: one helper every view calls for reads, searches, exports and refusals."""

from __future__ import annotations

from django.conf import settings

from .models import Inwoner, Toegang


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
) -> Toegang:
    user = getattr(request, "user", None)
    if geweigerd:
        # The 403 handler logs every refusal that a view did not log itself.
        request.skt_weigering_gelogd = True
    if obj is not None:
        object_soort = object_soort or obj._meta.model_name
        object_id = object_id or str(getattr(obj, "uuid", obj.pk))
    return Toegang.objects.create(
        medewerker=user if user is not None and user.is_authenticated else None,
        actie=actie,
        resultaat=Toegang.Resultaat.GEWEIGERD if geweigerd else Toegang.Resultaat.TOEGESTAAN,
        object_soort=object_soort[:60],
        object_id=object_id[:64],
        inwoner=inwoner,
        pad=request.get_full_path()[:300],
        ip_adres=client_ip(request),
        reden=reden[:500],
    )
