"""The consulent's screens: take in behandeling, give back, decide, return, reject, extend, notes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from arrangementen import rechten as arrangement_rechten
from skt.forms import fout_naar_form

from .. import selectors, services
from ..forms import (
    AfwijzenForm,
    BeslissingForm,
    BesluitToelichtingForm,
    NotitieForm,
    TerugsturenForm,
    VerlengenForm,
    zorgaanbieder_keuzes,
)
from ..services.evalueren import overgenomen_beoordelingen
from .basis import (
    TOESTANDSFOUTEN,
    _actie_fout,
    _arrangement_of_403,
    _detailcontext,
    _moet_in_behandeling_zijn,
)


@require_POST
def in_behandeling_nemen(request, uuid):
    arrangement = _arrangement_of_403(request, uuid, beoordelen=True).arrangement
    try:
        services.arrangement_in_behandeling_nemen(door=request.user, arrangement=arrangement)
    except ValidationError as fout:
        return _actie_fout(request, arrangement, fout)
    messages.success(request, _("U hebt het arrangement in behandeling genomen."))
    return redirect("arrangementen:detail", uuid=arrangement.uuid)


@require_POST
def teruggeven(request, uuid):
    arrangement = _arrangement_of_403(request, uuid, beoordelen=True).arrangement
    try:
        services.arrangement_behandeling_teruggeven(door=request.user, arrangement=arrangement)
    except ValidationError as fout:
        return _actie_fout(request, arrangement, fout)
    messages.success(request, _("Het arrangement staat weer in de wachtrij voor uw collega's."))
    return redirect("arrangementen:wachtrij")


@require_http_methods(["GET", "POST"])
def beslissen(request, uuid):
    toegang = _arrangement_of_403(request, uuid, beoordelen=True)
    arrangement = toegang.arrangement
    if request.method == "GET" and (weg := _moet_in_behandeling_zijn(request, arrangement)):
        return weg
    onderdelen = selectors.onderdelen_met_besluit(arrangement)
    # An adjusted plan: unchanged onderdelen keep their running grant and are not decided again.
    overgenomen = overgenomen_beoordelingen(arrangement, timezone.localdate())
    onderdelen = [o for o in onderdelen if o.pk not in overgenomen]
    data = request.POST or None
    aanbieders = zorgaanbieder_keuzes() if any(o.is_maatwerk for o in onderdelen) else []
    formulieren = [
        BeslissingForm(data, onderdeel=o, aanbieders=aanbieders, prefix=f"o{i}")
        for i, o in enumerate(onderdelen)
    ]
    toelichting = BesluitToelichtingForm(data)
    if request.method == "POST" and all([f.is_valid() for f in formulieren]) and toelichting.is_valid():
        try:
            services.arrangement_beslissen(
                door=request.user,
                arrangement=arrangement,
                beslissingen=[f.als_beslissing() for f in formulieren],
                toelichting=toelichting.cleaned_data["toelichting"],
            )
        except ValidationError as fout:
            if getattr(fout, "code", None) in TOESTANDSFOUTEN:
                return _actie_fout(request, arrangement, fout)
            fout_naar_form(toelichting, fout, deelformulieren={"onderdelen": formulieren})
        else:
            arrangement.refresh_from_db()
            messages.success(
                request,
                _("Het besluit is vastgelegd: %(status)s. Het kernteam krijgt er bericht van.")
                % {"status": arrangement.get_status_display().lower()},
            )
            return redirect("arrangementen:detail", uuid=arrangement.uuid)
    context = _detailcontext(request, toegang)
    context.update(
        {
            "rijen": list(zip(onderdelen, formulieren, strict=True)),
            "toelichting_form": toelichting,
            "formulieren": formulieren,
            "heeft_fouten": bool(toelichting.errors) or any(f.errors for f in formulieren),
        }
    )
    return render(request, "arrangementen/beslissen.html", context)


def _reden_scherm(request, uuid, *, formklasse, service, template: str, kop: str, succes: str):
    toegang = _arrangement_of_403(request, uuid, beoordelen=True)
    arrangement = toegang.arrangement
    if request.method == "GET" and (weg := _moet_in_behandeling_zijn(request, arrangement)):
        return weg
    form = formklasse(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(door=request.user, arrangement=arrangement, **form.cleaned_data)
        except ValidationError as fout:
            if getattr(fout, "code", None) in TOESTANDSFOUTEN:
                return _actie_fout(request, arrangement, fout)
            fout_naar_form(form, fout)
        else:
            messages.success(request, succes)
            return redirect("arrangementen:detail", uuid=arrangement.uuid)
    context = _detailcontext(request, toegang)
    context.update({"form": form, "kop": kop})
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def terugsturen(request, uuid):
    return _reden_scherm(
        request,
        uuid,
        formklasse=TerugsturenForm,
        service=services.arrangement_terugsturen,
        template="arrangementen/terugsturen.html",
        kop=_("Terugsturen voor aanvulling"),
        succes=_("Het arrangement is teruggestuurd. De opsteller en het team krijgen er bericht van."),
    )


@require_http_methods(["GET", "POST"])
def afwijzen(request, uuid):
    return _reden_scherm(
        request,
        uuid,
        formklasse=AfwijzenForm,
        service=services.arrangement_afwijzen,
        template="arrangementen/afwijzen.html",
        kop=_("Arrangement afwijzen"),
        succes=_("Het arrangement is afgewezen. De opsteller en het team krijgen er bericht van."),
    )


@require_http_methods(["GET", "POST"])
def verlengen(request, uuid):
    return _reden_scherm(
        request,
        uuid,
        formklasse=VerlengenForm,
        service=services.termijn_verlengen,
        template="arrangementen/verlengen.html",
        kop=_("Beslistermijn verlengen (Awb 4:14)"),
        succes=_("De beslistermijn is verlengd. Laat de inwoner weten tot wanneer en waarom (Awb 4:14)."),
    )


@require_POST
def notitie(request, uuid):
    toegang = arrangement_rechten.get_arrangement_voor(request, uuid)
    # The same rule as the form on the detail page; hiding the button alone is no refusal.
    if not toegang.mag_notitie_schrijven:
        raise PermissionDenied
    form = NotitieForm(request.POST)
    if form.is_valid():
        try:
            services.interne_notitie_toevoegen(
                door=request.user, arrangement=toegang.arrangement, tekst=form.cleaned_data["tekst"]
            )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("De interne notitie is opgeslagen."))
    else:
        messages.error(request, _("Schrijf de notitie."))
    return redirect(
        reverse("arrangementen:detail", kwargs={"uuid": toegang.arrangement.uuid}) + "#interne-notities"
    )
