from django.contrib import admin
from django.urls import include, path

from . import views, views_toegangslog
from .admin import beheer_site  # noqa: F401  (configures the admin site)
from .beheer import uitnodiging_views

urlpatterns = [
    path("inloggen/", views.inloggen, name="inloggen"),
    path("inloggen/tweede-factor/", views.tweede_factor, name="tweede_factor"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("gezond/", views.gezondheid, name="gezondheid"),
    path("noodtoegang/", views.noodtoegang, name="noodtoegang"),
    path("noodtoegang/beoordelen/", views.noodtoegang_beoordelen, name="noodtoegang_beoordelen"),
    path("toegangslog/", views_toegangslog.toegangslog, name="toegangslog"),
    path("wachtwoord-vergeten/", uitnodiging_views.wachtwoord_vergeten, name="wachtwoord_vergeten"),
    path("uitnodiging/verder/", uitnodiging_views.instellen, name="uitnodiging_instellen"),
    path("uitnodiging/herstelcodes/", uitnodiging_views.herstelcodes, name="uitnodiging_herstelcodes"),
    path("uitnodiging/<str:token>/", uitnodiging_views.openen, name="uitnodiging_openen"),
    # The product's own beheer screens; the Django admin is only for a superuser in an emergency.
    path("beheer/", include("skt.beheer.urls")),
    path("noodbeheer/", admin.site.urls),
]

# Each app hangs its pages under its own prefix; named by string, so the kernel imports no app.
urlpatterns += [
    path("", include(f"{app}.urls"))
    for app in ("dossier", "poort", "meldingen", "casussen", "arrangementen", "monitor")
]

handler403 = "skt.views.geen_toegang"
