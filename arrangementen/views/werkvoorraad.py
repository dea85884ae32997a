"""The loket's werkvoorraad: the queue of hand-offs, one item's page, and taking and ending an item."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from arrangementen import rechten as arrangement_rechten
from skt import rechten
from skt.forms import fout_naar_form
from skt.toegang import lijst_vastleggen, toegang_vastleggen

from .. import selectors, services
from ..forms import AanvraagAfhandelenForm
from ..workflow import AANVRAAG_WERKSTROOM, AanvraagStatus
from .basis import PER_PAGINA

FILTERS = {
    "open": gettext_lazy("Wacht op een consulent"),
    "mijn": gettext_lazy("Bij mij in behandeling"),
    "in_behandeling": gettext_lazy("In behandeling"),
    "afgerond": gettext_lazy("Afgehandeld"),
}


@rechten.vereist_rol(*rechten.CONSULENT_ROLLEN)
def werkvoorraad(request):
    """Every hand-off of the consulent's law: nearest legal deadline first."""
    filter_ = request.GET.get("filter", "open")
    if filter_ not in FILTERS:
        filter_ = "open"
    pagina = Paginator(selectors.werkvoorraad(request.user, filter_), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    lijst_vastleggen(
        request, object_soort="werkvoorraad", inwoners=[a.inwoner_id for a in pagina if a.inwoner_id]
    )
    return render(
        request,
        "arrangementen/werkvoorraad.html",
        {"pagina": pagina, "filters": FILTERS, "gekozen": filter_},
    )


def aanvraag(request, uuid):
    toegang = arrangement_rechten.get_aanvraag_voor(request, uuid)
    item = toegang.aanvraag
    context = {
        "aanvraag": item,
        "toegang": toegang,
        "acties": AANVRAAG_WERKSTROOM.mogelijke_acties(item.status) if toegang.mag_behandelen else (),
        "form": AanvraagAfhandelenForm(),
        "statusregels": item.statusregels.select_related("door"),
    }
    if toegang.volledig:
        context.update(selectors.aanvraag_context(item))
    return render(request, "arrangementen/aanvraag.html", context)


def _aanvraag_om_te_behandelen(request, uuid):
    toegang = arrangement_rechten.get_aanvraag_voor(request, uuid)
    if not toegang.mag_behandelen:
        toegang_vastleggen(
            request,
            actie="wijzigen",
            geweigerd=True,
            obj=toegang.aanvraag,
            inwoner=toegang.aanvraag.inwoner,
            reden="geen consulent van de wet van deze aanvraag",
        )
        raise PermissionDenied
    return toegang.aanvraag


def _toestandsfout(request, item, fout: ValidationError):
    for tekst in fout.messages:
        messages.error(request, tekst)
    return redirect("arrangementen:aanvraag", uuid=item.uuid)


@require_POST
def aanvraag_in_behandeling_nemen(request, uuid):
    item = _aanvraag_om_te_behandelen(request, uuid)
    try:
        services.aanvraag_in_behandeling_nemen(door=request.user, aanvraag=item)
    except ValidationError as fout:
        return _toestandsfout(request, item, fout)
    messages.success(request, _("U hebt de aanvraag in behandeling genomen; wie overdroeg krijgt bericht."))
    return redirect("arrangementen:aanvraag", uuid=item.uuid)


@require_POST
def aanvraag_teruggeven(request, uuid):
    item = _aanvraag_om_te_behandelen(request, uuid)
    try:
        services.aanvraag_behandeling_teruggeven(door=request.user, aanvraag=item)
    except ValidationError as fout:
        return _toestandsfout(request, item, fout)
    messages.success(request, _("De aanvraag staat weer in de werkvoorraad voor uw collega's."))
    return redirect("arrangementen:werkvoorraad")


@require_http_methods(["GET", "POST"])
def aanvraag_afhandelen(request, uuid):
    item = _aanvraag_om_te_behandelen(request, uuid)
    form = AanvraagAfhandelenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.aanvraag_afhandelen(door=request.user, aanvraag=item, **form.cleaned_data)
        except ValidationError as fout:
            if not hasattr(fout, "error_dict"):
                return _toestandsfout(request, item, fout)
            fout_naar_form(form, fout)
        else:
            if item.arrangement_id:
                messages.success(request, _("Maatwerk aangevraagd: vul het plan op de reguliere route in."))
                return redirect("arrangementen:bewerken", uuid=item.arrangement.uuid)
            messages.success(request, _("De aanvraag is afgehandeld; wie overdroeg krijgt bericht."))
            return redirect("arrangementen:werkvoorraad")
    return render(
        request,
        "arrangementen/aanvraag_afhandelen.html",
        {
            "aanvraag": item,
            "form": form,
            "open": item.status in (AanvraagStatus.OPEN, AanvraagStatus.IN_BEHANDELING),
        },
    )


def overdrachten(request):
    """The kernteam's (and the poort's) own hand-offs to the loket with their status and outcome."""
    if not arrangement_rechten.mag_overdrachten_volgen(request.user):
        raise PermissionDenied
    alle = request.GET.get("alle") == "1"
    pagina = Paginator(selectors.overdrachten(request.user, alle=alle), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    lijst_vastleggen(
        request, object_soort="overdrachten", inwoners=[a.inwoner_id for a in pagina if a.inwoner_id]
    )
    return render(request, "arrangementen/overdrachten.html", {"pagina": pagina, "alle": alle})
