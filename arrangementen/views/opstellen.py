"""Drafting screens: a new plan from a casus, melding or dossier, editing, the plan and its versions,
and submitting it."""

from __future__ import annotations

import uuid as uuid_mod

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from arrangementen import rechten as arrangement_rechten
from casussen import rechten as casus_rechten
from meldingen import rechten as melding_rechten
from skt import rechten
from skt.forms import fout_naar_form

from .. import services
from ..forms import (
    ArrangementForm,
    OnderdeelFormSet,
    onderdelen_als_begin,
)
from ..models import Wet
from ..workflow import ArrangementStatus
from .basis import (
    _arrangement_of_403,
    _detailcontext,
)


def _bron_uit_verzoek(request):
    """The casus, melding or inwoner a new plan starts from, fetched with the user's rights."""
    for sleutel in ("casus", "melding", "inwoner"):
        waarde = request.GET.get(sleutel) or request.POST.get(sleutel)
        if not waarde:
            continue
        try:
            uuid_mod.UUID(str(waarde))
        except ValueError:
            raise Http404 from None
        if sleutel == "casus":
            return {"casus": casus_rechten.get_casus_voor(request, waarde).casus}
        if sleutel == "melding":
            return {"melding": melding_rechten.get_melding_voor(request, waarde)}
        return {"inwoner": rechten.get_inwoner_voor(request, waarde).inwoner}
    return {}


def _bron_inwoner(bron: dict):
    if "casus" in bron:
        return bron["casus"].inwoner
    if "melding" in bron:
        return bron["melding"].inwoner
    return bron.get("inwoner")


def _onderdelen_uit_formset(formset) -> tuple[list, list[dict]]:
    forms = [f for f in formset.forms if f.doet_mee]
    return forms, [f.als_gegevens() for f in forms]


def _opslaan_en_verder(request, arrangement):
    if "toevoegen" in request.POST:
        messages.success(request, _("Opgeslagen. Vul het nieuwe onderdeel in."))
        return redirect(
            reverse("arrangementen:bewerken", kwargs={"uuid": arrangement.uuid}) + "#onderdelen-nieuw"
        )
    if "indienen" in request.POST:
        return redirect("arrangementen:indienen", uuid=arrangement.uuid)
    messages.success(request, _("Het arrangement is opgeslagen als concept."))
    return redirect("arrangementen:detail", uuid=arrangement.uuid)


@require_http_methods(["GET", "POST"])
def nieuw(request):
    if not arrangement_rechten.mag_arrangement_opstellen(request.user):
        raise PermissionDenied
    bron = _bron_uit_verzoek(request)
    inwoner = _bron_inwoner(bron)
    if inwoner is None:
        if "melding" in bron:
            messages.warning(
                request, _("Deze melding is anoniem; registreer eerst de inwoner bij de melding.")
            )
            return redirect("meldingen:detail", uuid=bron["melding"].uuid)
        messages.info(request, _("Open eerst de casus, de melding of het dossier van de inwoner."))
        return redirect("arrangementen:overzicht")
    if not arrangement_rechten.mag_arrangement_opstellen_voor(request.user, inwoner):
        raise PermissionDenied
    melding = bron.get("melding") or (bron["casus"].melding if "casus" in bron else None)
    begin = {"meldingsdatum": melding.aanmeldingsdatum} if melding else {}
    if melding is not None and melding.jeugd:
        begin["wet"] = Wet.JEUGD
    form = ArrangementForm(request.POST or None, initial=begin)
    formset = OnderdeelFormSet(
        request.POST or None,
        prefix="onderdelen",
        form_kwargs={"wet": request.POST.get("wet") or begin.get("wet")},
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        deelformulieren, onderdelen = _onderdelen_uit_formset(formset)
        gegevens = {k: v for k, v in form.cleaned_data.items() if k != "wet"}
        try:
            arrangement = services.arrangement_opstellen(
                door=request.user,
                wet=form.cleaned_data["wet"],
                gegevens=gegevens,
                onderdelen=onderdelen,
                **bron,
            )
        except ValidationError as fout:
            fout_naar_form(form, fout, deelformulieren={"onderdelen": deelformulieren})
        else:
            return _opslaan_en_verder(request, arrangement)
    return render(
        request,
        "arrangementen/arrangement_form.html",
        {"form": form, "formset": formset, "inwoner": inwoner, "bron": bron, "arrangement": None},
    )


@require_http_methods(["GET", "POST"])
def bewerken(request, uuid):
    toegang = _arrangement_of_403(request, uuid, bewerken=True)
    arrangement = toegang.arrangement
    if not arrangement.is_bewerkbaar:
        messages.warning(
            request,
            _("Dit arrangement is ingediend of er is al over beslist; het kan niet meer worden gewijzigd."),
        )
        return redirect("arrangementen:detail", uuid=arrangement.uuid)
    form = ArrangementForm(request.POST or None, instance=arrangement)
    formset = OnderdeelFormSet(
        request.POST or None,
        prefix="onderdelen",
        initial=onderdelen_als_begin(arrangement),
        form_kwargs={"wet": request.POST.get("wet") or arrangement.wet},
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        deelformulieren, onderdelen = _onderdelen_uit_formset(formset)
        try:
            arrangement = services.arrangement_opslaan(
                door=request.user, arrangement=arrangement, gegevens=form.cleaned_data, onderdelen=onderdelen
            )
        except ValidationError as fout:
            fout_naar_form(form, fout, deelformulieren={"onderdelen": deelformulieren})
        else:
            return _opslaan_en_verder(request, arrangement)
    return render(
        request,
        "arrangementen/arrangement_form.html",
        {
            "form": form,
            "formset": formset,
            "inwoner": arrangement.inwoner,
            "arrangement": arrangement,
            "laatste_terugsturing": arrangement.statusregels.filter(actie="terugsturen")
            .select_related("door")
            .last()
            if arrangement.status == ArrangementStatus.TERUGGESTUURD
            else None,
        },
    )


def detail(request, uuid):
    toegang = arrangement_rechten.get_arrangement_voor(request, uuid, noodtoegang=True)
    return render(request, "arrangementen/arrangement_detail.html", _detailcontext(request, toegang))


def versie(request, uuid, nummer: int):
    toegang = arrangement_rechten.get_arrangement_voor(request, uuid, noodtoegang=True)
    arrangement = toegang.arrangement
    versie_obj = arrangement.versies.select_related("ingediend_door").filter(nummer=nummer).first()
    if versie_obj is None:
        raise Http404
    return render(
        request,
        "arrangementen/versie.html",
        {
            "t": toegang,
            "arrangement": arrangement,
            "versie": versie_obj,
            "inhoud": versie_obj.inhoud,
            "Wet": Wet,
        },
    )


@require_http_methods(["GET", "POST"])
def indienen(request, uuid):
    toegang = _arrangement_of_403(request, uuid, bewerken=True)
    arrangement = toegang.arrangement
    if request.method == "POST":
        try:
            services.arrangement_indienen(door=request.user, arrangement=arrangement)
        except ValidationError as fout:
            if hasattr(fout, "error_dict"):
                for teksten in fout.message_dict.values():
                    for tekst in teksten:
                        messages.error(request, tekst)
                messages.error(
                    request, _("Het arrangement is niet ingediend. Vul het aan en dien het opnieuw in.")
                )
                return redirect("arrangementen:bewerken", uuid=arrangement.uuid)
            messages.error(request, " ".join(fout.messages))
            return redirect("arrangementen:detail", uuid=arrangement.uuid)
        messages.success(
            request,
            _(
                "Het arrangement is ingediend bij de consulenten %(wet)s. U krijgt een bericht zodra er "
                "is beslist."
            )
            % {"wet": arrangement.get_wet_display()},
        )
        return redirect("arrangementen:detail", uuid=arrangement.uuid)
    if not arrangement.is_bewerkbaar:
        messages.warning(request, _("Dit arrangement is al ingediend."))
        return redirect("arrangementen:detail", uuid=arrangement.uuid)
    context = _detailcontext(request, toegang)
    context["bevestigen"] = True
    return render(request, "arrangementen/indienen.html", context)
