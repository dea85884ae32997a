"""The pages behind an e-mailed link, for someone not logged in: set a password and the second factor
(invitation), a new second factor (lost phone), a new password (wachtwoord vergeten)."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms import fout_naar_form
from ..limieten import aanvraag_binnen_limiet
from ..models import Toegang, Uitnodiging
from ..toegang import toegang_vastleggen
from . import uitnodigingen
from .uitnodiging_forms import HerstelForm, InstellenForm, WachtwoordVergetenForm

SESSIE = "skt_uitnodiging"
HERSTELCODES = "skt_herstelcodes"


def _vastleggen(request, uitnodiging: Uitnodiging | None, reden: str, geweigerd: bool = False) -> None:
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.WIJZIGEN,
        geweigerd=geweigerd,
        object_soort="uitnodiging",
        object_id=str(uitnodiging.medewerker.uuid) if uitnodiging else "",
        reden=reden,
    )


def _ongeldig(request, uitnodiging: Uitnodiging | None = None):
    _vastleggen(request, uitnodiging, "uitnodigingslink verlopen, gebruikt of onbekend", geweigerd=True)
    return render(request, "skt/uitnodiging/ongeldig.html", status=404)


@login_not_required
def openen(request, token):
    """The link itself: checked, then kept in the session so the token leaves the address bar (and
    never reaches a Referer header or the access log of the next page)."""
    uitnodiging = uitnodigingen.uitnodiging_zoeken(token)
    if uitnodiging is None or not uitnodiging.is_bruikbaar() or not uitnodiging.medewerker.is_active:
        return _ongeldig(request, uitnodiging)
    if request.user.is_authenticated:
        # The link sets up someone's account; never inside another person's session.
        logout(request)
    request.session[SESSIE] = uitnodiging.pk
    return redirect("uitnodiging_instellen")


def _uit_sessie(request) -> Uitnodiging | None:
    pk = request.session.get(SESSIE)
    uitnodiging = Uitnodiging.objects.select_related("medewerker").filter(pk=pk).first() if pk else None
    if uitnodiging is None or not uitnodiging.is_bruikbaar() or not uitnodiging.medewerker.is_active:
        return None
    return uitnodiging


@login_not_required
@require_http_methods(["GET", "POST"])
def instellen(request):
    uitnodiging = _uit_sessie(request)
    if uitnodiging is None:
        return _ongeldig(request)
    if uitnodiging.soort == Uitnodiging.Soort.WACHTWOORD:
        return _herstellen(request, uitnodiging)
    met_wachtwoord = uitnodiging.soort == Uitnodiging.Soort.ACCOUNT
    medewerker = uitnodiging.medewerker
    form = InstellenForm(request.POST or None, met_wachtwoord=met_wachtwoord)
    if request.method == "POST" and form.is_valid():
        try:
            codes = uitnodigingen.uitnodiging_voltooien(
                uitnodiging=uitnodiging,
                code=form.cleaned_data["token"],
                wachtwoord=form.cleaned_data.get("wachtwoord1", ""),
                herhaling=form.cleaned_data.get("wachtwoord2", ""),
            )
        except ValidationError as fout:
            if getattr(fout, "code", None) == "onbruikbaar":
                return _ongeldig(request, uitnodiging)
            fout_naar_form(form, fout)
        else:
            _vastleggen(
                request,
                uitnodiging,
                "account ingericht via uitnodiging" if met_wachtwoord else "tweede factor opnieuw gekoppeld",
            )
            del request.session[SESSIE]
            request.session[HERSTELCODES] = codes
            return redirect("uitnodiging_herstelcodes")
    apparaat = uitnodigingen.nieuw_apparaat(medewerker)
    return render(
        request,
        "skt/uitnodiging/instellen.html",
        {
            "form": form,
            "medewerker": medewerker,
            "met_wachtwoord": met_wachtwoord,
            "qr_svg": segno.make(apparaat.config_url, error="m").svg_inline(
                scale=4, title="QR-code voor de app"
            ),
            "geheim": apparaat.key,
        },
    )


def _herstellen(request, uitnodiging: Uitnodiging):
    form = HerstelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            uitnodigingen.wachtwoord_herstellen(
                uitnodiging=uitnodiging,
                code=form.cleaned_data["code"],
                wachtwoord=form.cleaned_data["wachtwoord1"],
                herhaling=form.cleaned_data["wachtwoord2"],
            )
        except ValidationError as fout:
            if getattr(fout, "code", None) == "onbruikbaar":
                return _ongeldig(request, uitnodiging)
            if "code" in getattr(fout, "error_dict", {}):
                reden = "wachtwoord herstellen: tweede factor onjuist"
                _vastleggen(request, uitnodiging, reden, geweigerd=True)
            fout_naar_form(form, fout)
        else:
            _vastleggen(request, uitnodiging, "wachtwoord opnieuw ingesteld met tweede factor")
            del request.session[SESSIE]
            messages.success(request, _("Uw wachtwoord is gewijzigd. Log in met het nieuwe wachtwoord."))
            return redirect("inloggen")
    context = {"form": form, "medewerker": uitnodiging.medewerker}
    return render(request, "skt/uitnodiging/herstellen.html", context)


@login_not_required
@require_http_methods(["GET"])
def herstelcodes(request):
    """Shown once: the codes are in the session until this page reads them."""
    codes = request.session.pop(HERSTELCODES, None)
    return render(request, "skt/uitnodiging/herstelcodes.html", {"codes": codes or []})


@login_not_required
@require_http_methods(["GET", "POST"])
def wachtwoord_vergeten(request):
    """The same answer whether or not the address is known; limited per address per minute."""
    form = WachtwoordVergetenForm(request.POST or None)
    if request.method == "POST":
        limiet = settings.SKT_LIMIET_WACHTWOORD_VERGETEN_PER_MINUUT
        if not aanvraag_binnen_limiet(request, "wachtwoord_vergeten", limiet):
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.LIMIET,
                geweigerd=True,
                object_soort="wachtwoord_vergeten",
                reden=f"meer dan {limiet} keer per minuut een nieuw wachtwoord gevraagd",
            )
            return render(request, "skt/uitnodiging/te_vaak.html", status=429)
        if form.is_valid():
            medewerker = uitnodigingen.wachtwoord_vergeten(
                email=form.cleaned_data["email"], basis_url=request.build_absolute_uri("/")
            )
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.WIJZIGEN,
                object_soort="wachtwoord_vergeten",
                object_id=str(medewerker.uuid) if medewerker else "",
                reden="herstellink verstuurd" if medewerker else "herstellink gevraagd, adres onbekend",
            )
            return render(request, "skt/uitnodiging/wachtwoord_vergeten.html", {"verstuurd": True})
    return render(request, "skt/uitnodiging/wachtwoord_vergeten.html", {"form": form})
