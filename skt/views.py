import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import rechten, services
from .beheer.uitnodigingen import heeft_factor_via_uitnodiging
from .forms import (
    CodeOfHerstelcodeForm,
    NoodtoegangBeoordelingForm,
    NoodtoegangForm,
    TokenForm,
    fout_naar_form,
)
from .models import Rol, Toegang
from .toegang import lijst_vastleggen, toegang_vastleggen
from .validators import als_uuid


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
    if instellen and heeft_factor_via_uitnodiging(user):
        # Invited (or after a lost phone): the app is coupled through the e-mailed link, never here
        # with only a password.
        return render(request, "registration/tweede_factor_via_link.html")
    if instellen:
        apparaat = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name="Authenticator-app", confirmed=False
        )
    form = (TokenForm if instellen else CodeOfHerstelcodeForm)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        gevonden = apparaat if apparaat.verify_token(token) else None
        if gevonden is None and not instellen:
            # A recovery code (django-otp static token) is used up by verifying it.
            herstel = StaticDevice.objects.filter(user=user)
            gevonden = next((h for h in herstel if h.verify_token(token)), None)
        if gevonden is not None:
            if instellen:
                apparaat.confirmed = True
                apparaat.save(update_fields=["confirmed"])
            otp_login(request, gevonden)
            toegang_vastleggen(request, actie=Toegang.Actie.INLOGGEN, reden="wachtwoord en tweede factor")
            return redirect(_veilige_next(request))
        toegang_vastleggen(
            request,
            actie=Toegang.Actie.INLOGPOGING,
            geweigerd=True,
            reden="tweede factor onjuist of verlopen",
        )
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
    """Every refused action ends up in the access log, also where a view raised PermissionDenied itself;
    a view says why by raising PermissionDenied(reden)."""
    if not getattr(request, "skt_weigering_gelogd", False):
        toegang_vastleggen(
            request,
            actie="lezen" if request.method == "GET" else "wijzigen",
            geweigerd=True,
            reden=str(exception or "") or "geen recht op deze pagina of handeling",
        )
    return render(request, "403.html", status=403)


@login_not_required
def csrf_geweigerd(request, reason=""):
    """settings.CSRF_FAILURE_VIEW: a forged or expired form is refused, logged and explained in Dutch."""
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.WIJZIGEN,
        geweigerd=True,
        object_soort="csrf",
        reden=f"CSRF-controle mislukt: {reason}",
    )
    return render(request, "403_csrf.html", status=403)


@login_not_required
def gezondheid(request):
    """For load balancers and docker compose: the app answers and its database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def noodtoegang(request):
    """Break the glass: a reason, a confirmation, then time-limited access that the coordinator reviews."""
    rechten.vereist_noodtoegang_recht(request)
    inwoner_uuid = request.GET.get("inwoner") or request.POST.get("inwoner") or ""
    form = NoodtoegangForm(request.POST or None, inwoner_bekend=bool(inwoner_uuid))
    if request.method == "POST" and form.is_valid():
        try:
            nood = services.noodtoegang_openen(
                door=request.user,
                inwoner_uuid=inwoner_uuid or None,
                reden=form.cleaned_data["reden"],
                bsn=form.cleaned_data.get("bsn", ""),
                geboortedatum=form.cleaned_data.get("geboortedatum"),
            )
        except (ValidationError, ValueError) as fout:
            if isinstance(fout, ValueError):
                fout = ValidationError(_("Deze link is ongeldig."))
            fout_naar_form(form, fout)
            rechten.noodtoegang_vastleggen(
                request, object_soort="inwoner", object_id=inwoner_uuid, reden=form.data.get("reden", "")
            )
        else:
            rechten.noodtoegang_vastleggen(request, nood=nood)
            # The dossier page shows the break-the-glass banner with its end time; no second alert.
            return redirect("inwoner_detail", uuid=nood.inwoner.uuid)
    return render(request, "skt/noodtoegang.html", {"form": form, "inwoner_uuid": inwoner_uuid})


@rechten.vereist_rol(Rol.COORDINATOR)
def noodtoegang_beoordelen(request):
    # Only break-the-glass into the coordinator's teams' dossiers, or by their own staff.
    te_beoordelen = rechten.noodtoegangen_te_beoordelen_voor(request.user)
    open_ = te_beoordelen.filter(beoordeeld_op__isnull=True).select_related("medewerker", "inwoner")
    if request.method == "POST":
        # A malformed id is answered like an unknown one (logged, 404), not as a server error.
        sleutel = als_uuid(request.POST.get("noodtoegang"))
        nood = te_beoordelen.filter(uuid=sleutel).first() if sleutel else None
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
    for nood in pagina:
        # One form per access, each with its own ids, so every label points at its own radio button.
        nood.form = NoodtoegangBeoordelingForm(auto_id=f"nood-{nood.uuid}-%s")
    recent = list(
        te_beoordelen.filter(beoordeeld_op__isnull=False)
        .select_related("medewerker", "inwoner", "beoordeeld_door")
        .order_by("-beoordeeld_op")[:10]
    )
    lijst_vastleggen(
        request,
        object_soort="noodtoegang",
        inwoners=[n.inwoner_id for n in pagina] + [n.inwoner_id for n in recent],
        reden="noodtoegang beoordelen",
    )
    return render(
        request,
        "skt/noodtoegang_beoordelen.html",
        {"pagina": pagina, "recent": recent},
    )
