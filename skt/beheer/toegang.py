"""Who enters the beheer screens, and the access-log rows of every change made there."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .. import rechten
from ..models import Toegang
from ..toegang import toegang_vastleggen


def beheer_vereist(view):
    """The beheer screens are the beheerder's; every other role gets a logged 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not rechten.mag_beheren(request.user):
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.LEZEN if request.method == "GET" else Toegang.Actie.WIJZIGEN,
                geweigerd=True,
                object_soort="beheer",
                reden="functioneel beheer geweigerd",
            )
            raise PermissionDenied(_("Alleen de functioneel beheerder opent het beheer."))
        return view(request, *args, **kwargs)

    return wrapper


def wijziging_vastleggen(
    request, *, object_soort: str, obj=None, reden: str, geweigerd: bool = False, object_id: str = ""
) -> None:
    if obj is not None:
        object_id = str(getattr(obj, "uuid", None) or getattr(obj, "code", None) or obj.pk)
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.WIJZIGEN,
        geweigerd=geweigerd,
        object_soort=object_soort,
        object_id=object_id,
        reden=reden,
    )
