import segno
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import rechten
from .forms import TokenForm
from .models import Rol, Toegang
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


@login_not_required
def gezondheid(request):
    """For load balancers and docker compose: the app answers and its database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def mijn_werk(request):
    """The start page: what this role works on. Apps add their sections via templates."""
    # Imported here: skt is the base the apps build on and does not import them at load time.
    from meldingen.views import werkblokken_voor as meldingen_werkblokken

    return render(
        request,
        "skt/mijn_werk.html",
        {"rol": request.user.rol, "Rol": Rol, "werkblokken": [*meldingen_werkblokken(request.user)]},
    )


def inwoner_detail(request, uuid):
    toegang = rechten.get_inwoner_voor(request, uuid)
    return render(request, "skt/inwoner_detail.html", {"t": toegang, "inwoner": toegang.inwoner})


@rechten.vereist_rol(Rol.COORDINATOR)
def toegangslog(request):
    regels = Toegang.objects.select_related("medewerker", "inwoner").order_by("-tijdstip")
    if request.GET.get("geweigerd"):
        regels = regels.filter(resultaat=Toegang.Resultaat.GEWEIGERD)
    pagina = Paginator(regels, 50).get_page(request.GET.get("pagina"))
    return render(request, "skt/toegangslog.html", {"pagina": pagina})
