from django.contrib import admin
from django.urls import include, path

from poort import views as poort_views

from . import views
from .admin import beheer_site  # noqa: F401  (configures the admin site)

urlpatterns = [
    path("", views.mijn_werk, name="mijn_werk"),
    path("inloggen/", views.inloggen, name="inloggen"),
    path("inloggen/tweede-factor/", views.tweede_factor, name="tweede_factor"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("gezond/", views.gezondheid, name="gezondheid"),
    path("inwoners/nieuw/", poort_views.inwoner_nieuw, {"daarna": "dossier"}, name="inwoner_nieuw"),
    path("inwoners/", views.inwoners, name="inwoners"),
    path("inwoners/<uuid:uuid>/", views.inwoner_detail, name="inwoner_detail"),
    path("inwoners/<uuid:uuid>/toegang/", views.wie_keek, name="wie_keek"),
    path("inwoners/<uuid:uuid>/inzage.<str:formaat>", views.inzage, name="inzage"),
    path("huishoudens/<uuid:uuid>/", views.huishouden, name="huishouden"),
    path("noodtoegang/", views.noodtoegang, name="noodtoegang"),
    path("noodtoegang/beoordelen/", views.noodtoegang_beoordelen, name="noodtoegang_beoordelen"),
    path("toegangslog/", views.toegangslog, name="toegangslog"),
    path("beheer/", admin.site.urls),
]

# Each app hangs its pages under its own prefix.
urlpatterns += [
    path("", include(f"{app}.urls")) for app in ("poort", "meldingen", "casussen", "arrangementen", "monitor")
]

handler403 = "skt.views.geen_toegang"
