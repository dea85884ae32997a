import json

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from arrangementen import rechten as arrangement_rechten

from . import dossier, rechten, services
from .forms import (
    DossierFilterForm,
    InwonerZoekForm,
    NoodtoegangBeoordelingForm,
    NoodtoegangForm,
    RegisseurForm,
    TokenForm,
    fout_naar_form,
)
from .inzage import inzage_gegevens, inzage_pdf
from .models import Huishouden, Rol, Toegang
from .toegang import toegang_vastleggen


class InloggenView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


inloggen = login_not_required(InloggenView.as_view())


def _veilige_next(request, standaard="mijn_werk"):
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    from django.urls import reverse

    return reverse(standaard)


@require_http_methods(["GET", "POST"])
def tweede_factor(request):
    """Verify the TOTP code; on first use, set up the authenticator app with a QR code."""
    user = request.user
    if user.is_verified():
        return redirect(_veilige_next(request))
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    instellen = apparaat is None
    if instellen:
        apparaat = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name="Authenticator-app", confirmed=False
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if apparaat.verify_token(form.cleaned_data["token"]):
            if instellen:
                apparaat.confirmed = True
                apparaat.save(update_fields=["confirmed"])
            otp_login(request, apparaat)
            toegang_vastleggen(request, actie=Toegang.Actie.INLOGGEN, reden="wachtwoord en tweede factor")
            return redirect(_veilige_next(request))
        form.add_error(
            "token", _("Deze code klopt niet of is verlopen. Probeer de nieuwste code uit de app.")
        )
    qr_svg = (
        segno.make(apparaat.config_url, error="m").svg_inline(scale=4, title="QR-code voor de app")
        if instellen
        else ""
    )
    return render(
        request,
        "registration/tweede_factor.html",
        {
            "form": form,
            "instellen": instellen,
            "qr_svg": qr_svg,
            "next": request.GET.get("next", ""),
            "geheim": apparaat.key if instellen else "",
        },
    )


tweede_factor.tweede_factor_vrij = True


def uitloggen(request):
    return auth_views.LogoutView.as_view(template_name="registration/uitgelogd.html")(request)


uitloggen.tweede_factor_vrij = True


def geen_toegang(request, exception=None):
    """Every refused action ends up in the access log, also where a view raised PermissionDenied itself."""
    if not getattr(request, "skt_weigering_gelogd", False):
        toegang_vastleggen(
            request,
            actie="lezen" if request.method == "GET" else "wijzigen",
            geweigerd=True,
            reden="geen recht op deze pagina of handeling",
        )
    return render(request, "403.html", status=403)


@login_not_required
def gezondheid(request):
    """For load balancers and docker compose: the app answers and its database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def mijn_werk(request):
    """The start page: what this role works on, as blocks with counts and links."""
    from .werkblokken import werkblokken_voor

    return render(
        request,
        "skt/mijn_werk.html",
        {"rol": request.user.rol, "Rol": Rol, "werkblokken": werkblokken_voor(request.user)},
    )


def inwoner_detail(request, uuid):
    """The dossier: one timeline of everything about the inwoner, at the level the reader may see."""
    toegang = rechten.get_inwoner_voor(request, uuid)
    inwoner = toegang.inwoner
    context = {"t": toegang, "inwoner": inwoner}
    if toegang.niveau == rechten.Niveau.HERKENNING:
        from meldingen.services import open_meldingen_van

        context["trajecten"] = open_meldingen_van([inwoner.pk]).get(inwoner.pk, [])
        return render(request, "skt/inwoner_detail.html", context)
    filters = DossierFilterForm(request.GET or None)
    soort, van, tot = "", None, None
    if filters.is_valid():
        soort, van, tot = (filters.cleaned_data.get(k) for k in ("soort", "van", "tot"))
    items = dossier.tijdlijn(inwoner, request.user, soort=soort or "", van=van, tot=tot)
    pagina = Paginator(items, 50).get_page(request.GET.get("pagina"))
    context.update(
        {
            "filters": filters,
            "pagina": pagina,
            "betrokken": dossier.betrokkenen([inwoner], request.user).get(inwoner.pk, []),
            "mag_toegangslog": rechten.mag_toegangslog_inzien(request.user, inwoner),
            "mag_arrangement": arrangement_rechten.mag_arrangement_opstellen_voor(request.user, inwoner),
        }
    )
    return render(request, "skt/inwoner_detail.html", context)


@rechten.vereist_rol(Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER, Rol.COORDINATOR, *rechten.CONSULENT_ROLLEN)
def inwoners(request):
    """My inwoners: search among the dossiers this user may open (never beyond). Every search is logged."""
    form = InwonerZoekForm(request.GET or None)
    qs = (
        rechten.inwoners_zichtbaar_voor(request.user)
        .select_related("kern")
        .order_by("achternaam", "voornamen")
    )
    zoekterm = ""
    if form.is_valid() and form.cleaned_data["q"]:
        zoekterm = form.cleaned_data["q"].strip()
        compact = zoekterm.replace(" ", "").upper()
        voorwaarde = Q(achternaam__icontains=zoekterm) | Q(voornamen__icontains=zoekterm)
        if compact.isdigit() and rechten.niveau_voor_inwoner(request.user) == rechten.Niveau.VOLLEDIG:
            voorwaarde |= Q(bsn=compact)
        if len(compact) == 6:
            voorwaarde |= Q(postcode=f"{compact[:4]} {compact[4:]}")
        qs = qs.filter(voorwaarde)
        toegang_vastleggen(
            request, actie=Toegang.Actie.ZOEKEN, object_soort="inwoner", reden="zoeken in dossiers"
        )
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    return render(request, "skt/inwoners.html", {"form": form, "pagina": pagina, "zoekterm": zoekterm})


def huishouden(request, uuid):
    """One household: the members this user may see, their professionals, and one regisseur."""
    huis = Huishouden.objects.select_related("regisseur").filter(uuid=uuid).first()
    zichtbaar = rechten.inwoners_zichtbaar_voor(request.user)
    leden = list(zichtbaar.filter(huishouden=huis).select_related("kern")) if huis else []
    if not leden:
        toegang_vastleggen(
            request, actie="lezen", geweigerd=True, object_soort="huishouden", object_id=str(uuid)
        )
        raise Http404
    andere = huis.leden.count() - len(leden)
    form = RegisseurForm(request.POST or None, initial={"regisseur": huis.regisseur})
    if request.method == "POST":
        if not rechten.mag_huishouden_regisseren(request.user):
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.WIJZIGEN,
                geweigerd=True,
                object_soort="huishouden",
                object_id=str(uuid),
                reden="rol kan geen regisseur aanwijzen",
            )
            raise PermissionDenied
        if form.is_valid():
            try:
                services.huishouden_regisseur_zetten(
                    door=request.user, huishouden=huis, regisseur=form.cleaned_data["regisseur"]
                )
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _("De regisseur van het huishouden is vastgelegd."))
                return redirect("huishouden", uuid=huis.uuid)
    for lid in leden:
        toegang_vastleggen(request, actie="lezen", obj=lid, inwoner=lid, reden="huishoudoverzicht")
    betrokken = dossier.betrokkenen(leden, request.user)
    for lid in leden:
        lid.betrokken = betrokken.get(lid.pk, [])
    return render(
        request,
        "skt/huishouden.html",
        {
            "huis": huis,
            "leden": leden,
            "andere": andere,
            "form": form,
            "mag_regisseren": rechten.mag_huishouden_regisseren(request.user),
        },
    )


def noodtoegang(request):
    """Break the glass: a reason, a confirmation, then time-limited access that the coordinator reviews."""
    if not rechten.mag_noodtoegang_vragen(request.user):
        toegang_vastleggen(
            request,
            actie=Toegang.Actie.BREAK_THE_GLASS,
            geweigerd=True,
            reden="rol kan geen noodtoegang krijgen",
        )
        raise PermissionDenied
    inwoner_uuid = request.GET.get("inwoner") or request.POST.get("inwoner") or ""
    form = NoodtoegangForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nood = services.noodtoegang_openen(
                door=request.user, inwoner_uuid=inwoner_uuid, reden=form.cleaned_data["reden"]
            )
        except (ValidationError, ValueError) as fout:
            if isinstance(fout, ValueError):
                fout = ValidationError(_("Deze link is ongeldig."))
            fout_naar_form(form, fout)
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.BREAK_THE_GLASS,
                geweigerd=True,
                object_soort="inwoner",
                object_id=inwoner_uuid[:64],
                reden=form.data.get("reden", "")[:500],
            )
        else:
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.BREAK_THE_GLASS,
                obj=nood.inwoner,
                inwoner=nood.inwoner,
                reden=nood.reden,
            )
            # The dossier page shows the break-the-glass banner with its end time; no second alert.
            return redirect("inwoner_detail", uuid=nood.inwoner.uuid)
    return render(request, "skt/noodtoegang.html", {"form": form, "inwoner_uuid": inwoner_uuid})


@rechten.vereist_rol(Rol.COORDINATOR)
def noodtoegang_beoordelen(request):
    # Only break-the-glass into the coordinator's teams' dossiers, or by their own staff.
    te_beoordelen = rechten.noodtoegangen_te_beoordelen_voor(request.user)
    open_ = te_beoordelen.filter(beoordeeld_op__isnull=True).select_related("medewerker", "inwoner")
    if request.method == "POST":
        nood = te_beoordelen.filter(uuid=request.POST.get("noodtoegang")).first()
        form = NoodtoegangBeoordelingForm(request.POST)
        if nood is None:
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.WIJZIGEN,
                geweigerd=True,
                object_soort="noodtoegang",
                object_id=request.POST.get("noodtoegang", "")[:64],
            )
            raise Http404
        if form.is_valid():
            try:
                services.noodtoegang_beoordelen(door=request.user, noodtoegang=nood, **form.cleaned_data)
            except ValidationError as fout:
                messages.error(request, " ".join(fout.messages))
            else:
                messages.success(request, _("Beoordeling vastgelegd."))
        else:
            messages.error(request, _("Kies een oordeel."))
        return redirect("noodtoegang_beoordelen")
    pagina = Paginator(open_.order_by("van"), 25).get_page(request.GET.get("pagina"))
    recent = (
        te_beoordelen.filter(beoordeeld_op__isnull=False)
        .select_related("medewerker", "inwoner", "beoordeeld_door")
        .order_by("-beoordeeld_op")[:10]
    )
    return render(
        request,
        "skt/noodtoegang_beoordelen.html",
        {"pagina": pagina, "recent": recent, "form": NoodtoegangBeoordelingForm()},
    )


def wie_keek(request, uuid):
    """Who read this dossier, when and why (the coordinator; NEN 7513)."""
    inwoner = rechten.inwoners_zichtbaar_voor(request.user).filter(uuid=uuid).first()
    if inwoner is None or not rechten.mag_toegangslog_inzien(request.user, inwoner):
        toegang_vastleggen(
            request, actie="lezen", geweigerd=True, object_soort="toegangslog", object_id=str(uuid)
        )
        raise Http404
    # Logged before the list is read, so the page shows this look too and counts it.
    toegang_vastleggen(request, actie="lezen", object_soort="toegangslog", inwoner=inwoner)
    regels = Toegang.objects.filter(inwoner=inwoner).select_related("medewerker").order_by("-tijdstip")
    pagina = Paginator(regels, 50).get_page(request.GET.get("pagina"))
    return render(request, "skt/wie_keek.html", {"inwoner": inwoner, "pagina": pagina})


def inzage(request, uuid, formaat):
    """AVG inzageverzoek: all data of one inwoner as PDF or JSON, in one click, logged."""
    inwoner = rechten.inwoners_zichtbaar_voor(request.user).filter(uuid=uuid).first()
    if inwoner is None or not rechten.mag_inzage_exporteren(request.user, inwoner):
        toegang_vastleggen(
            request, actie="export", geweigerd=True, object_soort="inzage", object_id=str(uuid)
        )
        raise Http404
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.PDF if formaat == "pdf" else Toegang.Actie.EXPORT,
        obj=inwoner,
        inwoner=inwoner,
        reden="AVG inzageverzoek",
    )
    gegevens = inzage_gegevens(inwoner)
    naam = f"inzage-{timezone.localdate():%Y%m%d}-{inwoner.uuid}"
    if formaat == "pdf":
        response = HttpResponse(inzage_pdf(gegevens), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{naam}.pdf"'
        return response
    response = HttpResponse(
        json.dumps(gegevens, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{naam}.json"'
    return response


@rechten.vereist_rol(Rol.COORDINATOR)
def toegangslog(request):
    toegang_vastleggen(request, actie="lezen", object_soort="toegangslog", reden="toegangslog bekeken")
    regels = (
        rechten.toegang_zichtbaar_voor(request.user)
        .select_related("medewerker", "inwoner")
        .order_by("-tijdstip")
    )
    if request.GET.get("geweigerd"):
        regels = regels.filter(resultaat=Toegang.Resultaat.GEWEIGERD)
    pagina = Paginator(regels, 50).get_page(request.GET.get("pagina"))
    return render(request, "skt/toegangslog.html", {"pagina": pagina})
