"""The pages of one casus: starting it (after the collegiale toets or the coördinator's advice), the
casus page, contactmomenten, ZRM, the vrijwilliger, and closing. Thin: a rights-scoped fetch, a
form, a service call, a redirect."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from casussen import rechten as casus_rechten
from meldingen import rechten as melding_rechten
from skt.forms import fout_naar_form

from .. import selectors, services
from ..forms import (
    AdviesForm,
    AfsluitForm,
    CasusStartForm,
    ContactmomentForm,
    StartNaAdviesForm,
    VrijwilligerForm,
    ZrmForm,
    actieve_leefgebieden,
    toestemming_keuze,
)
from ..models import Casus
from ..vocab import Afsluitreden, ZrmMoment
from ..workflow import WERKSTROOM, CasusStatus

DEELNEMER_VELDEN = {
    "met_beroepskracht": "deelnemers",
    "met_vrijwilliger": "deelnemers",
    "met_consulent": "deelnemers",
}


def _casus_of_403(request, uuid):
    """Fetch for a write page: 404 when the casus is not the user's to know, 403 when read-only."""
    toegang = casus_rechten.get_casus_voor(request, uuid)
    if not toegang.mag_wijzigen:
        raise casus_rechten.weigering(request, toegang.casus, "alleen lezen: geen beroepskracht van het team")
    return toegang.casus


@require_http_methods(["GET", "POST"])
def casus_nieuw(request, melding_uuid):
    if not casus_rechten.mag_casussen_starten(request.user):
        raise PermissionDenied
    melding = melding_rechten.get_melding_voor(request, melding_uuid)
    if not casus_rechten.mag_casus_starten(request.user, melding):
        raise casus_rechten.weigering(
            request, melding, "casus starten mag alleen een beroepskracht van het team van de melding"
        )
    lopend = Casus.objects.filter(melding=melding).exclude(status=CasusStatus.AFGESLOTEN).first()
    if lopend is not None:
        messages.info(request, _("Voor deze melding loopt al een casus."))
        return redirect("casussen:detail", uuid=lopend.uuid)
    form = CasusStartForm(
        request.POST or None,
        team=melding.team,
        initial={"casushouder": request.user, "toets_datum": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            casus = services.casus_starten(
                door=request.user,
                melding=melding,
                casushouder=gegevens["casushouder"],
                doel=gegevens["doel"],
                kaders=form.kaders,
                toets_collega=gegevens["toets_collega"],
                toets_datum=gegevens["toets_datum"],
                toets_uitkomst=gegevens["toets_uitkomst"],
                vrijwilliger_toestemming=form.toestemming,
                vrijwilliger=gegevens["vrijwilliger"],
                twijfel=gegevens["twijfel"],
                adviesvraag=gegevens["adviesvraag"],
                startdatum=gegevens["startdatum"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            if casus.status == CasusStatus.WACHT_OP_ADVIES:
                messages.success(
                    request,
                    _("De casus is aangemaakt en wacht op het advies van de coördinator."),
                )
            else:
                messages.success(request, _("De casus is gestart."))
            return redirect("casussen:detail", uuid=casus.uuid)
    return render(request, "casussen/casus_nieuw.html", {"form": form, "melding": melding})


def casus_detail(request, uuid):
    toegang = casus_rechten.get_casus_voor(request, uuid, noodtoegang=True)
    casus = toegang.casus
    contactmomenten = list(casus.contactmomenten.select_related("geregistreerd_door"))
    leefgebieden = list(actieve_leefgebieden())
    context = {
        "t": toegang,
        "casus": casus,
        "inwoner": casus.inwoner,
        "limiet": selectors.contactlimiet(casus, contactmomenten),
        "contactmomenten": contactmomenten,
        "adviesvragen": list(casus.adviesvragen.select_related("gevraagd_door", "adviseur")),
        "statusregels": list(casus.statusregels.select_related("door")),
        "Afsluitreden": Afsluitreden,
        "CasusStatus": CasusStatus,
        # Which action buttons the status allows is the workflow's answer; the template adds the rights.
        "acties": WERKSTROOM.mogelijke_acties(casus.status),
    }
    if toegang.toon_vertrouwelijk:
        # ZRM domains (addiction, justice, mental health) are not for the volunteer.
        context["zrm"] = [
            rij
            for rij in selectors.zrm_verloop(casus, leefgebieden)
            if (rij.start, rij.tussen, rij.eind) != (None, None, None)
        ]
        context["zrm_ingevuld"] = bool(context["zrm"])
    return render(request, "casussen/casus_detail.html", context)


@require_http_methods(["GET", "POST"])
def contactmoment_nieuw(request, uuid):
    casus = _casus_of_403(request, uuid)
    vinger_aan_de_pols = casus.status == CasusStatus.AFGESLOTEN
    geweigerd = ""
    form = ContactmomentForm(request.POST or None)
    if casus.vrijwilliger_geweigerd:
        form.fields["deelnemers"].help_text = _("De inwoner heeft bezwaar tegen een vrijwilliger.")
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            registratie = services.contactmoment_registreren(
                door=request.user,
                casus=casus,
                datum=gegevens["datum"],
                soort=gegevens["soort"],
                duur_minuten=gegevens["duur_minuten"],
                verslag=gegevens["verslag"],
                vertrouwelijk=gegevens["vertrouwelijk"],
                is_vinger_aan_de_pols=vinger_aan_de_pols,
                **form.deelnemer_vlaggen(),
            )
        except ValidationError as fout:
            if getattr(fout, "code", None) == "maximum_bereikt":
                geweigerd = fout.messages[0]
            fout_naar_form(form, fout, veldnamen=DEELNEMER_VELDEN | {"__all__": "deelnemers"})
        else:
            if vinger_aan_de_pols:
                messages.success(
                    request, _("Het 'vinger aan de pols'-contact is vastgelegd; het telt niet mee.")
                )
            else:
                messages.success(
                    request,
                    _("Contactmoment %(n)s van %(max)s is vastgelegd.")
                    % {"n": registratie.aantal, "max": registratie.maximum},
                )
            for waarschuwing in registratie.waarschuwingen:
                messages.warning(request, waarschuwing)
            return redirect("casussen:detail", uuid=casus.uuid)
    aantal = services.tellende_contactmomenten(casus)
    maximum = services.max_contactmomenten()
    return render(
        request,
        "casussen/contactmoment_form.html",
        {
            "form": form,
            "casus": casus,
            "vinger_aan_de_pols": vinger_aan_de_pols,
            "aantal": aantal,
            "maximum": maximum,
            "maximum_bereikt": not vinger_aan_de_pols and aantal >= maximum,
            "geweigerd": geweigerd,
        },
    )


@require_http_methods(["GET", "POST"])
def zrm(request, uuid):
    casus = _casus_of_403(request, uuid)
    if casus.status == CasusStatus.AFGESLOTEN:
        messages.info(request, _("De eindmeting van de ZRM legt u vast bij het afsluiten."))
        return redirect("casussen:detail", uuid=casus.uuid)
    moment = request.POST.get("moment") or request.GET.get("moment") or ZrmMoment.START
    if moment not in (ZrmMoment.START, ZrmMoment.TUSSEN):
        moment = ZrmMoment.START
    leefgebieden = list(actieve_leefgebieden())
    form = ZrmForm(
        request.POST or None,
        leefgebieden=leefgebieden,
        beginwaarden=selectors.zrm_beginwaarden(casus, moment),
        initial={"moment": moment},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.zrm_vastleggen(
                door=request.user,
                casus=casus,
                moment=form.cleaned_data["moment"],
                datum=form.cleaned_data["datum"],
                scores=form.zrm_scores(),
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("De ZRM-scores zijn vastgelegd."))
            return redirect("casussen:detail", uuid=casus.uuid)
    return render(
        request,
        "casussen/zrm_form.html",
        {"form": form, "casus": casus, "verloop": _verloop_per_veld(form, casus, leefgebieden)},
    )


def _verloop_per_veld(form, casus, leefgebieden):
    verloop = selectors.zrm_verloop(casus, leefgebieden)
    return list(zip(form.zrm_velden, verloop, strict=True))


@require_http_methods(["GET", "POST"])
def afsluiten(request, uuid):
    casus = _casus_of_403(request, uuid)
    if not WERKSTROOM.mag("afsluiten", casus.status):
        if casus.status == CasusStatus.AFGESLOTEN:
            messages.info(request, _("Deze casus is al afgesloten."))
        else:
            messages.error(request, _("Deze casus wacht op het advies van de coördinator."))
        return redirect("casussen:detail", uuid=casus.uuid)
    leefgebieden = list(actieve_leefgebieden())
    reden = request.GET.get("reden")
    form = AfsluitForm(
        request.POST or None,
        leefgebieden=leefgebieden,
        beginwaarden=selectors.zrm_beginwaarden(casus, ZrmMoment.EIND),
        initial={"reden": reden if reden in Afsluitreden.values else None},
    )
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            services.casus_afsluiten(
                door=request.user,
                casus=casus,
                reden=gegevens["reden"],
                resultaat=gegevens["resultaat"],
                datum=gegevens["datum"],
                zrm_scores=form.zrm_scores(),
                cijfer=gegevens["cijfer"],
                doorverwezen_naar=gegevens["doorverwezen_naar"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("De casus is afgesloten."))
            return redirect("casussen:detail", uuid=casus.uuid)
    return render(
        request,
        "casussen/afsluiten_form.html",
        {
            "form": form,
            "casus": casus,
            "aantal": services.tellende_contactmomenten(casus),
            "maximum": services.max_contactmomenten(),
            "verloop": _verloop_per_veld(form, casus, leefgebieden),
        },
    )


@require_http_methods(["GET", "POST"])
def advies(request, uuid):
    toegang = casus_rechten.get_casus_voor(request, uuid)
    if not toegang.mag_advies_geven:
        raise casus_rechten.weigering(
            request, toegang.casus, "advies geven is voor de coördinator van het team"
        )
    casus = toegang.casus
    vraag = casus.adviesvragen.filter(geadviseerd_op__isnull=True).select_related("gevraagd_door").first()
    if vraag is None:
        messages.info(request, _("Voor deze casus staat geen adviesvraag open."))
        return redirect("casussen:detail", uuid=casus.uuid)
    form = AdviesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.advies_geven(
                door=request.user,
                adviesvraag=vraag,
                past_binnen_kaders=form.cleaned_data["past_binnen_kaders"],
                advies=form.cleaned_data["advies"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("Uw advies is vastgelegd; de casushouder kan nu verder."))
            return redirect("casussen:adviesvragen")
    return render(
        request, "casussen/advies_form.html", {"form": form, "casus": casus, "vraag": vraag, "t": toegang}
    )


@require_http_methods(["GET", "POST"])
def starten(request, uuid):
    casus = _casus_of_403(request, uuid)
    if request.method == "GET" and not WERKSTROOM.mag("starten", casus.status):
        if casus.status == CasusStatus.WACHT_OP_ADVIES:
            messages.info(request, services.FOUT_WACHT_OP_ADVIES)
        return redirect("casussen:detail", uuid=casus.uuid)
    form = StartNaAdviesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.casus_starten_na_advies(
                door=request.user, casus=casus, startdatum=form.cleaned_data["startdatum"]
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("De casus is gestart."))
            return redirect("casussen:detail", uuid=casus.uuid)
    return render(request, "casussen/starten_form.html", {"form": form, "casus": casus})


@require_http_methods(["GET", "POST"])
def vrijwilliger(request, uuid):
    casus = _casus_of_403(request, uuid)
    form = VrijwilligerForm(
        request.POST or None,
        team=casus.team,
        initial={
            "vrijwilliger_toestemming": toestemming_keuze(casus.vrijwilliger_toestemming),
            "vrijwilliger": casus.vrijwilliger,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.vrijwilliger_wijzigen(
                door=request.user,
                casus=casus,
                vrijwilliger_toestemming=form.toestemming,
                vrijwilliger=form.cleaned_data["vrijwilliger"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("Toestemming en vrijwilliger zijn bijgewerkt."))
            return redirect("casussen:detail", uuid=casus.uuid)
    return render(request, "casussen/vrijwilliger_form.html", {"form": form, "casus": casus})
