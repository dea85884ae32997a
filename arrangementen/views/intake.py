"""The consulent's own intake: check whether an inwoner is known before opening anything, then register
the question at the loket, so it lands in the werkvoorraad like every other hand-off."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from meldingen import services as melding_services
from poort import services as poort_services
from poort.forms import MeldingForm, ZoekForm
from skt import rechten, zoekopdracht
from skt.forms import fout_naar_form
from skt.limieten import zoeklimiet
from skt.toegang import toegang_vastleggen, zoekresultaat_vastleggen

from .. import selectors, services


@rechten.vereist_rol(*rechten.CONSULENT_ROLLEN)
@zoeklimiet("zoeken")
def zoeken(request):
    """Recognition level for everyone (name, birth date, address, open trajectories, loket items and
    running voorzieningen); the dossier link only where the consulent may open it (their caseload)."""
    if request.method == "POST":
        # POSTed and shown behind an opaque key (skt.zoekopdracht): a BSN never lands in a URL.
        form = ZoekForm(request.POST)
        if form.is_valid():
            return zoekopdracht.doorsturen(request, "loket", form.fields, request.POST)
    else:
        form = ZoekForm(zoekopdracht.gegevens_voor(request, "loket", ZoekForm.base_fields))
    resultaten, gezocht = [], False
    if request.method == "GET" and form.is_bound and form.is_valid():
        gezocht = True
        resultaten = list(
            poort_services.inwoners_zoeken(
                door=request.user,
                onder=rechten.inwoners_herkenbaar_aan_loket(request.user),
                **form.cleaned_data,
            )
        )
        ids = [i.pk for i in resultaten]
        trajecten = melding_services.open_meldingen_van(ids, voor=request.user)
        loket = selectors.loket_trajecten_van(ids)
        eigen = set(
            rechten.inwoners_zichtbaar_voor(request.user).filter(pk__in=ids).values_list("pk", flat=True)
        )
        for inwoner in resultaten:
            inwoner.open_trajecten = trajecten.get(inwoner.pk, [])
            inwoner.loket = loket[inwoner.pk]
            inwoner.in_caseload = inwoner.pk in eigen
        zoekresultaat_vastleggen(
            request, inwoners=resultaten, reden=form.logreden(len(resultaten), wie="loket zoekt op")
        )
    return render(
        request,
        "arrangementen/intake_zoeken.html",
        {"form": form, "resultaten": resultaten, "gezocht": gezocht},
    )


def _inwoner(request):
    sleutel = request.GET.get("inwoner") or request.POST.get("inwoner") or ""
    try:
        uuid.UUID(sleutel)
    except ValueError:
        raise Http404 from None
    inwoner = rechten.inwoners_herkenbaar_aan_loket(request.user).filter(uuid=sleutel).first()
    if inwoner is None:
        toegang_vastleggen(request, actie="lezen", geweigerd=True, object_soort="inwoner", object_id=sleutel)
        raise Http404
    return inwoner


@rechten.vereist_rol(*rechten.CONSULENT_ROLLEN)
def melding_nieuw(request):
    inwoner = _inwoner(request)
    form = MeldingForm(request.POST or None, inwoner=inwoner, initial={"formulier_sleutel": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            aanvraag = services.loketmelding_registreren(
                door=request.user,
                inwoner=inwoner,
                aanmeldingsdatum=data["aanmeldingsdatum"],
                vraag=data["vraag"],
                melder_soort=data["melder_soort"],
                leefgebieden=data["leefgebieden"],
                notitie=data["notitie"],
                notitie_vertrouwelijk=data["notitie_vertrouwelijk"],
                formulier_sleutel=data["formulier_sleutel"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("Melding geregistreerd; aanvraag %(nr)s staat in de werkvoorraad.")
                % {"nr": aanvraag.nummer},
            )
            return redirect("arrangementen:aanvraag", uuid=aanvraag.uuid)
    toegang_vastleggen(request, actie="lezen", obj=inwoner, inwoner=inwoner, reden="meldingformulier loket")
    return render(request, "arrangementen/intake_melding.html", {"form": form, "inwoner": inwoner})
