"""Arrangement screens. Thin: a rights-scoped fetch, a form, a service call, a redirect.

Services raise a Dutch ValidationError for anything illegal; it is shown next to the field or as
a message, never as an error page. Pages for plans the user may not know exist answer 404.
"""

from __future__ import annotations

import uuid as uuid_mod

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from skt import rechten
from skt.models import Rol
from skt.toegang import toegang_vastleggen

from . import selectors, services, termijnen
from .forms import (
    AfwijzenForm,
    ArrangementForm,
    BeslissingForm,
    BesluitToelichtingForm,
    NotitieForm,
    OnderdeelFormSet,
    TerugsturenForm,
    VerlengenForm,
    fouten_overnemen,
    onderdelen_als_begin,
)
from .models import Notificatie, Wet
from .workflow import BIJ_LOKET, ArrangementStatus

PER_PAGINA = 25
# Errors about the plan's state, not the input: shown on the plan's page, not next to a field.
TOESTANDSFOUTEN = ("al_besloten", "bij_collega", "niet_ingediend", "ongeldige_overgang")
STAP_LABELS = {
    "opstellen": gettext_lazy("Opgesteld als concept"),
    "indienen": gettext_lazy("Ingediend bij het loket"),
    "in_behandeling_nemen": gettext_lazy("In behandeling genomen"),
    "behandeling_teruggeven": gettext_lazy("Teruggezet in de wachtrij"),
    "terugsturen": gettext_lazy("Teruggestuurd voor aanvulling"),
    "goedkeuren": gettext_lazy("Goedgekeurd"),
    "gedeeltelijk_goedkeuren": gettext_lazy("Gedeeltelijk goedgekeurd"),
    "afwijzen": gettext_lazy("Afgewezen"),
    "termijn_verlengen": gettext_lazy("Beslistermijn verlengd"),
}
OVERZICHT_ROLLEN = rechten.ARRANGEMENT_ROLLEN
BERICHT_ROLLEN = rechten.ARRANGEMENT_ROLLEN


def _arrangement_of_403(request, uuid, *, beoordelen: bool = False, bewerken: bool = False):
    """Fetch for an action page: 404 when the plan is not the user's to know, 403 when not theirs."""
    toegang = rechten.get_arrangement_voor(request, uuid)
    if beoordelen and not toegang.mag_beoordelen:
        toegang_vastleggen(
            request,
            actie="wijzigen",
            geweigerd=True,
            obj=toegang.arrangement,
            inwoner=toegang.arrangement.inwoner,
            reden="geen consulent van deze wet, of zelf opgesteld",
        )
        raise PermissionDenied
    if bewerken and not rechten.mag_arrangement_bewerken(
        request.user, toegang.arrangement, status_negeren=True
    ):
        raise PermissionDenied
    return toegang


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
            return {"casus": rechten.get_casus_voor(request, waarde).casus}
        if sleutel == "melding":
            return {"melding": rechten.get_melding_voor(request, waarde)}
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
    if not rechten.mag_arrangement_opstellen(request.user):
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
    if not rechten.mag_arrangement_opstellen_voor(request.user, inwoner):
        raise PermissionDenied
    melding = bron.get("melding") or (bron["casus"].melding if "casus" in bron else None)
    begin = {"meldingsdatum": melding.aanmeldingsdatum} if melding else {}
    if melding is not None and melding.jeugd:
        begin["wet"] = Wet.JEUGD
    form = ArrangementForm(request.POST or None, initial=begin)
    formset = OnderdeelFormSet(request.POST or None, prefix="onderdelen")
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
            fouten_overnemen(fout, form, deelformulieren)
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
        request.POST or None, prefix="onderdelen", initial=onderdelen_als_begin(arrangement)
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        deelformulieren, onderdelen = _onderdelen_uit_formset(formset)
        try:
            arrangement = services.arrangement_opslaan(
                door=request.user, arrangement=arrangement, gegevens=form.cleaned_data, onderdelen=onderdelen
            )
        except ValidationError as fout:
            fouten_overnemen(fout, form, deelformulieren)
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


def _detailcontext(request, toegang) -> dict:
    arrangement = toegang.arrangement
    vandaag = timezone.localdate()
    verlengingen = list(arrangement.verlengingen.select_related("door"))
    arrangement.is_verlengd = bool(verlengingen)
    onderdelen = selectors.onderdelen_met_besluit(arrangement)
    user = request.user
    bij_collega = (
        arrangement.status == ArrangementStatus.IN_BEHANDELING
        and arrangement.behandelaar_id not in (None, user.pk)
    )
    return {
        "t": toegang,
        "arrangement": arrangement,
        "inwoner": arrangement.inwoner,
        "onderdelen": onderdelen,
        "kosten": sum((o.indicatieve_kosten or 0) for o in onderdelen),
        "versies": list(arrangement.versies.select_related("ingediend_door")),
        "statusregels": [
            {"regel": r, "label": STAP_LABELS.get(r.actie, r.actie)}
            for r in arrangement.statusregels.select_related("door")
        ],
        "termijnen": termijnen.termijnstanden(arrangement, vandaag),
        "verlengingen": verlengingen,
        "interne_notities": selectors.interne_notities(arrangement)
        if toegang.toon_interne_notities
        else None,
        "notitieform": NotitieForm() if toegang.toon_interne_notities and toegang.mag_beoordelen else None,
        "mag_indienen": toegang.mag_bewerken,
        "mag_in_behandeling_nemen": toegang.mag_beoordelen
        and arrangement.status == ArrangementStatus.INGEDIEND,
        "mag_beslissen": toegang.mag_beoordelen
        and arrangement.status == ArrangementStatus.IN_BEHANDELING
        and arrangement.behandelaar_id == user.pk,
        "bij_collega": bij_collega,
        "zelf_opgesteld_consulent": arrangement.opgesteld_door_id == user.pk
        and rechten.heeft_rol(user, *rechten.CONSULENT_ROLLEN)
        and arrangement.status in BIJ_LOKET,
        "ArrangementStatus": ArrangementStatus,
    }


def detail(request, uuid):
    toegang = rechten.get_arrangement_voor(request, uuid)
    return render(request, "arrangementen/arrangement_detail.html", _detailcontext(request, toegang))


def versie(request, uuid, nummer: int):
    toegang = rechten.get_arrangement_voor(request, uuid)
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


def _actie_fout(request, arrangement, fout: ValidationError):
    messages.error(request, " ".join(fout.messages))
    return redirect("arrangementen:detail", uuid=arrangement.uuid)


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


def _moet_in_behandeling_zijn(request, arrangement):
    if (
        arrangement.status == ArrangementStatus.IN_BEHANDELING
        and arrangement.behandelaar_id == request.user.pk
    ):
        return None
    if arrangement.status == ArrangementStatus.INGEDIEND:
        messages.info(request, _("Neem het arrangement eerst in behandeling."))
    elif arrangement.status == ArrangementStatus.IN_BEHANDELING:
        messages.warning(
            request, _("Dit arrangement is in behandeling bij %(wie)s.") % {"wie": arrangement.behandelaar}
        )
    else:
        messages.warning(request, _("Over dit arrangement is al beslist of het is teruggestuurd."))
    return redirect("arrangementen:detail", uuid=arrangement.uuid)


@require_http_methods(["GET", "POST"])
def beslissen(request, uuid):
    toegang = _arrangement_of_403(request, uuid, beoordelen=True)
    arrangement = toegang.arrangement
    if request.method == "GET" and (weg := _moet_in_behandeling_zijn(request, arrangement)):
        return weg
    onderdelen = selectors.onderdelen_met_besluit(arrangement)
    data = request.POST or None
    formulieren = [BeslissingForm(data, onderdeel=o, prefix=f"o{i}") for i, o in enumerate(onderdelen)]
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
            fouten_overnemen(fout, toelichting, formulieren)
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
            "heeft_fouten": bool(toelichting.errors) or any(f.errors for f in formulieren),
        }
    )
    return render(request, "arrangementen/beslissen.html", context)


def _reden_scherm(request, uuid, *, formklasse, service, template: str, succes: str):
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
            fouten_overnemen(fout, form)
        else:
            messages.success(request, succes)
            return redirect("arrangementen:detail", uuid=arrangement.uuid)
    context = _detailcontext(request, toegang)
    context["form"] = form
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def terugsturen(request, uuid):
    return _reden_scherm(
        request,
        uuid,
        formklasse=TerugsturenForm,
        service=services.arrangement_terugsturen,
        template="arrangementen/terugsturen.html",
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
        succes=_("De beslistermijn is verlengd. Laat de inwoner weten tot wanneer en waarom (Awb 4:14)."),
    )


@require_POST
def notitie(request, uuid):
    toegang = rechten.get_arrangement_voor(request, uuid)
    if not toegang.toon_interne_notities:
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


# -- lijsten --------------------------------------------------------------------------------------


def _pagina(request, qs):
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    pagina.object_list = selectors.met_termijnstand(pagina.object_list)
    return pagina


@rechten.vereist_rol(*rechten.CONSULENT_ROLLEN)
def wachtrij(request):
    """'Wacht op beoordeling': submitted plans of the consulent's law, nearest deadline first."""
    pagina = _pagina(request, selectors.wachtrij(request.user))
    return render(request, "arrangementen/wachtrij.html", {"pagina": pagina})


STATUSFILTERS = [
    ("", gettext_lazy("Alle")),
    ("open", gettext_lazy("Nog niet besloten")),
    *ArrangementStatus.choices,
]


@rechten.vereist_rol(*OVERZICHT_ROLLEN)
def overzicht(request):
    status = request.GET.get("status", "")
    if status not in dict(STATUSFILTERS):
        status = ""
    pagina = _pagina(request, selectors.overzicht(request.user, status=status))
    return render(
        request,
        "arrangementen/overzicht.html",
        {
            "pagina": pagina,
            "statusfilters": STATUSFILTERS,
            "gekozen_status": status,
            "casussen": selectors.casussen_voor_opstellen(request.user),
        },
    )


@rechten.vereist_rol(Rol.COORDINATOR, *rechten.CONSULENT_ROLLEN, Rol.BEROEPSKRACHT)
def termijnen_overzicht(request):
    """Plans past a legal term: the consulent's law at the loket, or everything of the coordinator's teams."""
    pagina = _pagina(request, selectors.te_laat(request.user))
    return render(
        request,
        "arrangementen/termijnen.html",
        {"pagina": pagina, "inst": termijnen.Termijninstellingen.uit_profiel()},
    )


def inwoner(request, uuid):
    """The inwoner's plans with the decision per onderdeel: what the kernteam sees after hand-over."""
    inwoner_toegang = rechten.get_inwoner_voor(request, uuid)
    if inwoner_toegang.niveau != rechten.Niveau.VOLLEDIG:
        raise PermissionDenied
    return render(
        request,
        "arrangementen/inwoner.html",
        {
            "inwoner": inwoner_toegang.inwoner,
            "arrangementen": selectors.voor_inwoner(request.user, inwoner_toegang.inwoner),
            "mag_opstellen": rechten.mag_arrangement_opstellen(request.user),
        },
    )


# -- berichten ------------------------------------------------------------------------------------


@rechten.vereist_rol(*BERICHT_ROLLEN)
def berichten(request):
    pagina = Paginator(selectors.berichten(request.user), PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "arrangementen/berichten.html",
        {"pagina": pagina, "ongelezen": selectors.ongelezen_berichten(request.user)},
    )


@rechten.vereist_rol(*BERICHT_ROLLEN)
def bericht(request, uuid):
    """Open a message: mark it read and go to what it is about."""
    notificatie = Notificatie.objects.filter(medewerker=request.user, uuid=uuid).first()
    if notificatie is None:
        raise Http404
    services.notificatie_lezen(door=request.user, notificatie=notificatie)
    return redirect(notificatie.link or "arrangementen:berichten")


@require_POST
@rechten.vereist_rol(*BERICHT_ROLLEN)
def berichten_gelezen(request):
    aantal = services.notificaties_alle_lezen(door=request.user)
    messages.success(request, _("%(n)s bericht(en) gemarkeerd als gelezen.") % {"n": aantal})
    return redirect("arrangementen:berichten")


def werkblokken_voor(user) -> list[dict]:
    """A block for 'Mijn werk': plans waiting for this consulent, or the kernteam's plans and messages."""
    if not rechten.heeft_rol(user, Rol.BEROEPSKRACHT, *rechten.CONSULENT_ROLLEN):
        return []
    return [
        {
            "template": "arrangementen/_werkblok.html",
            "consulent": rechten.heeft_rol(user, *rechten.CONSULENT_ROLLEN),
            "ongelezen": selectors.ongelezen_berichten(user),
            **selectors.werkvoorraad(user),
        }
    ]
