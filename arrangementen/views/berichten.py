"""Messages to the drafter's team: the list, opening one, marking all read."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arrangementen import rechten as arrangement_rechten
from skt import rechten
from skt.toegang import lijst_vastleggen

from .. import selectors, services
from .basis import (
    PER_PAGINA,
)

BERICHT_ROLLEN = arrangement_rechten.ARRANGEMENT_ROLLEN


@rechten.vereist_rol(*BERICHT_ROLLEN)
def berichten(request):
    # A message names the inwoner of its plan; the id comes along in the same query.
    berichten = selectors.berichten(request.user).annotate(over_inwoner=F("arrangement__inwoner"))
    pagina = Paginator(berichten, PER_PAGINA).get_page(request.GET.get("pagina"))
    lijst_vastleggen(
        request, object_soort="bericht", inwoners=[b.over_inwoner for b in pagina if b.over_inwoner]
    )
    return render(
        request,
        "arrangementen/berichten.html",
        {"pagina": pagina, "ongelezen": selectors.ongelezen_berichten(request.user)},
    )


@require_http_methods(["GET", "POST"])
@rechten.vereist_rol(*BERICHT_ROLLEN)
def bericht(request, uuid):
    """GET opens a message: it goes to what it is about and changes nothing (a link preview or a
    prefetch must not mark it read). POST, the 'Gelezen' button, marks it read."""
    # Only one's own messages: another's message answers 404, as if it did not exist.
    notificatie = get_object_or_404(selectors.berichten(request.user), uuid=uuid)
    if request.method == "POST":
        services.notificatie_lezen(door=request.user, notificatie=notificatie)
        return redirect("arrangementen:berichten")
    return redirect(notificatie.link or "arrangementen:berichten")


@require_POST
@rechten.vereist_rol(*BERICHT_ROLLEN)
def berichten_gelezen(request):
    aantal = services.notificaties_alle_lezen(door=request.user)
    messages.success(request, _("%(n)s bericht(en) gemarkeerd als gelezen.") % {"n": aantal})
    return redirect("arrangementen:berichten")
