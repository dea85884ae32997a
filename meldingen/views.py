"""The meldingen screens: team queue, coordinator's overview, melding detail with its actions, signalen.

Views are thin: a rights-scoped fetch, a form, a service call, a redirect. Services raise a Dutch
ValidationError for anything illegal; it is shown next to the field, never as an error page.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from meldingen import rechten as melding_rechten
from skt import rechten, registers
from skt.forms import fout_naar_form
from skt.models import Rol, Toegang
from skt.toegang import lijst_vastleggen, toegang_vastleggen

from . import selectors, services
from .forms import (
    AfsluitenForm,
    DoorschakelForm,
    EersteContactForm,
    MeldingCorrectieForm,
    SignaalForm,
    SignaalStatusForm,
    WachtrijFilterForm,
)
from .models import Signaal
from .rechten import SIGNAAL_ROLLEN, WACHTRIJ_ROLLEN
from .workflow import SIGNAAL_WERKSTROOM, WERKSTROOM, MeldingStatus

PER_PAGINA = 25
# The workflow's actions as the status history names them.
STAP_LABELS = {
    "registreren": gettext_lazy("Geregistreerd"),
    "trieren": gettext_lazy("Getriëerd"),
    "direct_afhandelen": gettext_lazy("Direct afgehandeld door de poort"),
    "herrouteren": gettext_lazy("Doorgeschakeld"),
    "eerste_contact": gettext_lazy("Eerste contact"),
    "afsluiten": gettext_lazy("Afgesloten"),
}


def _filterform(request) -> tuple[WachtrijFilterForm, dict]:
    """The queue filters; what does not validate is ignored, with one message saying so."""
    teams = selectors.teams_voor_wachtrij(request.user)
    gebonden = any(request.GET.get(k) for k in WachtrijFilterForm.base_fields)
    form = WachtrijFilterForm(request.GET if gebonden else None, teams=teams)
    if not gebonden:
        return form, {}
    if not form.is_valid():
        messages.warning(
            request,
            _("Een of meer filters zijn niet geldig en zijn genegeerd; zie de toelichting bij het filter."),
        )
    return form, form.geldige_filters()


def _met_termijn(meldingen, termijn: int):
    for melding in meldingen:
        melding.termijn = selectors.termijnstand(melding.aanmeldingsdatum, termijn)
    return meldingen


@rechten.vereist_rol(*WACHTRIJ_ROLLEN)
def wachtrij(request, status: str = MeldingStatus.GETRIEERD):
    """The team's meldingen awaiting first contact (or in behandeling), oldest first."""
    form, filters = _filterform(request)
    qs = selectors.filters_toepassen(selectors.wachtrij(request.user, status=status), filters)
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    termijn = selectors.termijn_eerste_contact()
    _met_termijn(pagina.object_list, termijn)
    lijst_vastleggen(request, object_soort="melding", inwoners=[m.inwoner_id for m in pagina if m.inwoner_id])
    return render(
        request,
        "meldingen/wachtrij.html",
        {
            "form": form,
            "pagina": pagina,
            "termijn": termijn,
            "tab": "in_behandeling" if status == MeldingStatus.IN_BEHANDELING else "wachtend",
            "heeft_teams": bool(form.fields["team"].queryset),
            "gefilterd": bool(filters),
        },
    )


@rechten.vereist_rol(Rol.COORDINATOR)
def achterstand(request):
    """Per team: awaiting first contact and late; then the late meldingen themselves."""
    termijn = selectors.termijn_eerste_contact()
    form, filters = _filterform(request)
    teams = list(selectors.achterstand_per_team(request.user, termijn))
    qs = selectors.filters_toepassen(selectors.te_laat(request.user, termijn), filters)
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    _met_termijn(pagina.object_list, termijn)
    lijst_vastleggen(request, object_soort="melding", inwoners=[m.inwoner_id for m in pagina if m.inwoner_id])
    return render(
        request,
        "meldingen/achterstand.html",
        {
            "form": form,
            "teams": teams,
            "totaal_wachtend": sum(t.wachtend for t in teams),
            "totaal_te_laat": sum(t.te_laat for t in teams),
            "pagina": pagina,
            "termijn": termijn,
            "gefilterd": bool(filters),
        },
    )


# -- melding detail and actions --------------------------------------------------------------


def _met_label(regel):
    regel.actie_label = STAP_LABELS.get(regel.actie, regel.actie)
    return regel


def _detail(request, melding, *, status: int = 200, noodtoegang=None, **forms):
    """The melding page; action forms only for those who may handle it, bound ones as given."""
    user = request.user
    mag_behandelen = melding_rechten.mag_melding_behandelen(user, melding)
    context = {
        "melding": melding,
        "noodtoegang": noodtoegang,
        "mag_behandelen": mag_behandelen,
        "mag_corrigeren": melding_rechten.mag_melding_corrigeren(
            user, melding, mag_behandelen=mag_behandelen
        ),
        "toon_melder": mag_behandelen,
        "toon_notitie": bool(melding.notitie)
        and (not melding.notitie_vertrouwelijk or rechten.mag_vertrouwelijk_lezen(user)),
        "leefgebieden": list(melding.leefgebieden.all()),
        "triages": list(melding.triages.select_related("team", "door")),
        "statusregels": [_met_label(regel) for regel in melding.statusregels.select_related("door")],
        "termijn_dagen": selectors.termijn_eerste_contact(),
    }
    if melding.status == MeldingStatus.GETRIEERD:
        context["termijn"] = selectors.termijnstand(melding.aanmeldingsdatum, context["termijn_dagen"])
    # Which action forms to show is the workflow's answer for this status; rights come on top.
    acties = context["acties"] = WERKSTROOM.mogelijke_acties(melding.status)
    if mag_behandelen:
        if "eerste_contact" in acties:
            context["contact_form"] = forms.get("contact_form") or EersteContactForm(
                prefix="contact", melding=melding, user=user
            )
        if "afsluiten" in acties:
            context["afsluit_form"] = forms.get("afsluit_form") or AfsluitenForm(prefix="afsluiten")
        if "herrouteren" in acties:
            context["doorschakel_form"] = forms.get("doorschakel_form") or DoorschakelForm(
                prefix="doorschakelen"
            )
        if melding.terugkoppeling_open:
            context["terugkoppeltekst"] = services.terugkoppeltekst(melding)
    # What the apps above add (the casus on this melding, the way to an arrangement): skt/registers.py.
    for bron in registers.meldingpaginabronnen():
        context.update(bron(user, melding, mag_behandelen=mag_behandelen))
    if "trieren" in acties:
        context["trieren_mogelijk"] = melding_rechten.mag_trieren(user, melding)
    return render(request, "meldingen/detail.html", context, status=status)


def detail(request, uuid):
    melding, nood = melding_rechten.get_melding_lezen(request, uuid)
    return _detail(request, melding, noodtoegang=nood)


def _behandelbaar(request, uuid):
    """Fetch for an action: 404 if the user may not know the melding, 403 if they may not act on it."""
    melding = melding_rechten.get_melding_voor(request, uuid)
    if not melding_rechten.mag_melding_behandelen(request.user, melding):
        raise PermissionDenied
    return melding


def _ongeldige_overgang(request, melding, fout: ValidationError):
    """An action the melding's state does not allow (any more): say so on the melding's page."""
    for tekst in fout.messages:
        messages.error(request, tekst)
    return redirect("meldingen:detail", uuid=melding.uuid)


def _is_overgangsfout(fout: ValidationError) -> bool:
    return not hasattr(fout, "error_dict") and getattr(fout, "code", None) == "ongeldige_overgang"


@require_POST
def eerste_contact(request, uuid):
    melding = _behandelbaar(request, uuid)
    form = EersteContactForm(request.POST, prefix="contact", melding=melding, user=request.user)
    if form.is_valid():
        try:
            services.melding_eerste_contact_vastleggen(
                door=request.user,
                melding=melding,
                datum=form.cleaned_data["datum"],
                wijze=form.cleaned_data["wijze"],
                contact_door=form.cleaned_data["door"],
            )
        except ValidationError as fout:
            if _is_overgangsfout(fout):
                return _ongeldige_overgang(request, melding, fout)
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("Het eerste contact is vastgelegd; de melding is in behandeling."))
            return redirect("meldingen:detail", uuid=melding.uuid)
    return _detail(request, melding, contact_form=form)


@require_POST
def afsluiten(request, uuid):
    melding = _behandelbaar(request, uuid)
    form = AfsluitenForm(request.POST, prefix="afsluiten")
    if form.is_valid():
        try:
            services.melding_afsluiten(
                door=request.user,
                melding=melding,
                uitstroom=form.cleaned_data["uitstroom"],
                datum=form.cleaned_data["datum"],
                toelichting=form.cleaned_data["toelichting"],
            )
        except ValidationError as fout:
            if _is_overgangsfout(fout):
                return _ongeldige_overgang(request, melding, fout)
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("De melding is afgesloten."))
            return redirect("meldingen:detail", uuid=melding.uuid)
    return _detail(request, melding, afsluit_form=form)


@require_POST
def terugkoppeling(request, uuid):
    melding = _behandelbaar(request, uuid)
    try:
        services.melding_terugkoppeling_vastleggen(door=request.user, melding=melding)
    except ValidationError as fout:
        return _ongeldige_overgang(request, melding, fout)
    messages.success(request, _("Vastgelegd dat de melder is geïnformeerd."))
    return redirect("meldingen:detail", uuid=melding.uuid)


@require_POST
def doorschakelen(request, uuid):
    melding = _behandelbaar(request, uuid)
    form = DoorschakelForm(request.POST, prefix="doorschakelen")
    if form.is_valid():
        try:
            # The poort's service (a triage decision); it registers itself, being above meldingen.
            triage = registers.melding_doorschakelen(
                door=request.user,
                melding=melding,
                uitkomst=form.cleaned_data["uitkomst"],
                reden=form.cleaned_data["reden"],
                team=form.cleaned_data["team"],
                jeugd_motivatie=form.cleaned_data["jeugd_motivatie"],
            )
        except ValidationError as fout:
            if _is_overgangsfout(fout):
                return _ongeldige_overgang(request, melding, fout)
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("De melding is doorgeschakeld naar %(team)s.") % {"team": triage.team or _("het loket")},
            )
            if melding_rechten.meldingen_zichtbaar_voor(request.user).filter(pk=melding.pk).exists():
                return redirect("meldingen:detail", uuid=melding.uuid)
            # A safety signal goes to the loket only; the kernteam no longer sees it.
            return redirect("meldingen:wachtrij")
    return _detail(request, melding, doorschakel_form=form)


# -- signalen ---------------------------------------------------------------------------------


@rechten.vereist_rol(*SIGNAAL_ROLLEN)
def signalen(request):
    qs = (
        melding_rechten.signalen_zichtbaar_voor(request.user)
        .select_related("team", "kern", "leefgebied", "voorziening")
        .order_by("-geregistreerd_op", "-pk")
    )
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "meldingen/signalen.html",
        {"pagina": pagina, "mag_registreren": rechten.teams_van(request.user).exists()},
    )


@rechten.vereist_rol(*SIGNAAL_ROLLEN)
def signaal_nieuw(request):
    if not rechten.teams_van(request.user).exists():
        raise PermissionDenied
    form = SignaalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            signaal = services.signaal_registreren(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("Het signaal is geregistreerd."))
            return redirect("meldingen:signaal_detail", uuid=signaal.uuid)
    return render(request, "meldingen/signaal_form.html", {"form": form})


def signaal_detail(request, uuid):
    signaal = melding_rechten.get_signaal_voor(request, uuid)
    form = None
    acties = SIGNAAL_WERKSTROOM.mogelijke_acties(signaal.status)
    if acties:
        form = SignaalStatusForm(request.POST or None, signaal=signaal, prefix="status")
    elif request.method == "POST":
        messages.error(
            request,
            _("Dit signaal is %(status)s; de status kan niet meer veranderen.")
            % {"status": signaal.get_status_display().lower()},
        )
        return redirect("meldingen:signaal_detail", uuid=signaal.uuid)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.signaal_status_wijzigen(door=request.user, signaal=signaal, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("De status van het signaal is bijgewerkt."))
            return redirect("meldingen:signaal_detail", uuid=signaal.uuid)
    signaal = Signaal.objects.select_related(
        "team", "kern", "leefgebied", "voorziening__organisatie", "geregistreerd_door"
    ).get(pk=signaal.pk)
    return render(
        request,
        "meldingen/signaal_detail.html",
        {
            "signaal": signaal,
            "form": form,
            "acties": acties,
            "statusregels": list(signaal.statusregels.select_related("door")),
        },
    )


def corrigeren(request, uuid):
    """After vraagverheldering: leefgebieden, jeugd, ingang and melder, by the team that handles it."""
    melding = melding_rechten.get_melding_voor(request, uuid)
    if not melding_rechten.mag_melding_corrigeren(request.user, melding):
        raise PermissionDenied(_("Alleen het team dat de melding behandelt, corrigeert haar, na de triage."))
    begin = {veld: getattr(melding, veld) for veld in services.CORRIGEERBAAR}
    begin["leefgebieden"] = list(melding.leefgebieden.all())
    form = MeldingCorrectieForm(request.POST or None, initial=begin, melding=melding)
    if request.method == "POST" and form.is_valid():
        gegevens = {v: form.cleaned_data[v] for v in services.CORRIGEERBAAR if v in form.fields}
        try:
            melding, gewijzigd = services.melding_corrigeren(
                door=request.user,
                melding=melding,
                gegevens=gegevens,
                leefgebieden=form.cleaned_data["leefgebieden"],
                reden=form.cleaned_data["reden"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.WIJZIGEN,
                obj=melding,
                inwoner=melding.inwoner,
                reden="melding gecorrigeerd: " + ", ".join(gewijzigd),
            )
            messages.success(request, _("De melding is gecorrigeerd."))
            return redirect("meldingen:detail", uuid=melding.uuid)
    return render(request, "meldingen/corrigeren.html", {"melding": melding, "form": form})
