"""The Django admin, at /noodbeheer/: for a superuser in an emergency only. The beheerder works in
the product's own screens (skt/beheer/, /beheer/)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import rechten
from .models import GemeenteProfiel, Kern, Leefgebied, Medewerker, Organisatie, Team, Toegang, Voorziening
from .toegang import toegang_vastleggen

admin.site.site_header = _("SKT — noodbeheer")
admin.site.site_title = _("SKT noodbeheer")
admin.site.index_title = _("Configuratie")


def _alleen_noodbeheer(request):
    return rechten.mag_noodbeheer(request.user) and (settings.SKT_DEMO or request.user.is_verified())


@login_not_required
def _naar_inloggen(request, extra_context=None):
    # One login form with the second factor for everyone; the admin has no login of its own.
    if request.user.is_authenticated:
        if _alleen_noodbeheer(request):
            return redirect("admin:index")
        # The admin sends whoever it refuses here: logged, and a 403 instead of a redirect loop.
        toegang_vastleggen(
            request,
            actie=Toegang.Actie.LEZEN if request.method == "GET" else Toegang.Actie.WIJZIGEN,
            geweigerd=True,
            object_soort="beheer",
            reden=f"noodbeheer geweigerd: {request.GET.get('next', '')}",
        )
        raise PermissionDenied(_("Het noodbeheer is alleen voor een superuser."))
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), reverse("inloggen"))


admin.site.has_permission = _alleen_noodbeheer
admin.site.login = _naar_inloggen
beheer_site = admin.site


@admin.register(Kern)
class KernAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "code", "actief"]
    search_fields = ["naam", "code"]


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "actief"]
    list_filter = ["soort", "actief"]
    filter_horizontal = ["kernen"]
    exclude = ["groep"]


@admin.register(Leefgebied)
class LeefgebiedAdmin(SimpleHistoryAdmin):
    list_display = ["label", "code", "volgorde", "actief"]


@admin.register(Organisatie)
class OrganisatieAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort"]
    search_fields = ["naam"]


@admin.register(Voorziening)
class VoorzieningAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "organisatie", "actief"]
    list_filter = ["soort", "actief"]
    filter_horizontal = ["kernen", "leefgebieden"]
    search_fields = ["naam"]


@admin.register(Medewerker)
class MedewerkerAdmin(SimpleHistoryAdmin):
    list_display = ["username", "first_name", "last_name", "rol", "is_active"]
    list_filter = ["rol", "is_active"]
    search_fields = ["username", "first_name", "last_name"]
    fields = [
        "username",
        "first_name",
        "last_name",
        "email",
        "telefoon",
        "rol",
        "organisatie",
        "teams",
        "is_active",
    ]
    filter_horizontal = ["teams"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rechten.rolgroep_koppelen(form.instance)
        rechten.team_lidmaatschap_bijwerken(form.instance)


@admin.register(GemeenteProfiel)
class GemeenteProfielAdmin(SimpleHistoryAdmin):
    list_display = ["gemeente", "naam", "actief", "geladen_op"]
    readonly_fields = ["naam", "gemeente", "actief", "instellingen", "geladen_op"]
