"""Writing the access log: one helper every view calls for reads, searches, exports and refusals."""

from __future__ import annotations

from django.conf import settings

from .models import Inwoner, Toegang


def _ip_adres(request) -> str | None:
    if settings.SECURE_PROXY_SSL_HEADER:
        doorgestuurd = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if doorgestuurd:
            return doorgestuurd.split(",")[0].strip() or None
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
        ip_adres=_ip_adres(request),
        reden=reden[:500],
    )
