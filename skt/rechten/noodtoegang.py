"""Break the glass beyond the dossier: the inwoner's meldingen, casussen and arrangementen, read-only.

An active noodtoegang (skt/rechten/inwoners.py) opens the dossier; the records the dossier links to open
through each app's fetch with ophalen_met_noodtoegang, never for a change: every action keeps asking the
app's own rules, which know no noodtoegang. Each such read is a break-the-glass row in the access log.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Now

from ..models import Inwoner, Noodtoegang, Toegang
from ..toegang import toegang_vastleggen
from .inwoners import actieve_noodtoegang, mag_noodtoegang_vragen
from .kern import ophalen_of_404


def inwoners_onder_noodtoegang(user) -> QuerySet[Inwoner]:
    """Inwoners this user has an active break-the-glass access to (one query in any filter)."""
    if not mag_noodtoegang_vragen(user):
        return Inwoner.objects.none()
    nood = Noodtoegang.objects.filter(inwoner=OuterRef("pk"), medewerker=user, van__lte=Now(), tot__gt=Now())
    return Inwoner.objects.filter(Exists(nood))


def ophalen_met_noodtoegang(request, qs: QuerySet, nood_qs: QuerySet, uuid, soort: str):
    """(object, noodtoegang or None): one the user may open (qs), else one they may only read through
    break the glass (nood_qs). The read is logged, as a read or as a break-the-glass with its reason;
    neither: a logged refusal and a 404 (ophalen_of_404)."""
    obj = qs.filter(uuid=uuid).first()
    if obj is not None:
        toegang_vastleggen(request, actie="lezen", obj=obj, inwoner=obj.inwoner)
        return obj, None
    obj = ophalen_of_404(request, nood_qs, uuid, soort)
    nood = actieve_noodtoegang(request.user, obj.inwoner)
    if nood is None:  # ended between the two queries
        ophalen_of_404(request, nood_qs.none(), uuid, soort)
    noodtoegang_lezen_vastleggen(request, obj, nood)
    return obj, nood


def noodtoegang_lezen_vastleggen(request, obj, nood: Noodtoegang) -> None:
    """A record read through break the glass: in the access log as such, with the access's reason."""
    toegang_vastleggen(
        request, actie=Toegang.Actie.BREAK_THE_GLASS, obj=obj, inwoner=obj.inwoner, reden=nood.reden
    )
