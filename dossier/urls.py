"""The cross-app pages keep their names and paths from before they moved here (templates use them)."""

from django.urls import path

from poort import views as poort_views

from . import views, views_bewaren, views_correctie, views_herverdelen, views_samenvoegen

urlpatterns = [
    path("", views.mijn_werk, name="mijn_werk"),
    path("inwoners/nieuw/", poort_views.inwoner_nieuw, {"daarna": "dossier"}, name="inwoner_nieuw"),
    path("inwoners/", views.inwoners, name="inwoners"),
    path("inwoners/<uuid:uuid>/", views_samenvoegen.inwoner_detail, name="inwoner_detail"),
    path("inwoners/<uuid:uuid>/wijzigen/", views_correctie.inwoner_wijzigen, name="inwoner_wijzigen"),
    path("inwoners/<uuid:uuid>/huishouden/", views_correctie.huishouden_maken, name="huishouden_maken"),
    path("samenvoegen/", views_samenvoegen.zoeken, name="samenvoegen"),
    path("samenvoegen/vergelijken/", views_samenvoegen.vergelijken, name="samenvoegen_vergelijken"),
    path("inwoners/<uuid:uuid>/toegang/", views.wie_keek, name="wie_keek"),
    path("inwoners/<uuid:uuid>/inzage.<str:formaat>", views.inzage, name="inzage"),
    path("huishoudens/<uuid:uuid>/", views.huishouden, name="huishouden"),
    path("noodtoegang/audit/", views.noodtoegang_audit, name="noodtoegang_audit"),
    path("inwoners/<uuid:uuid>/bewaarplicht/", views_bewaren.bewaarplicht, name="bewaarplicht"),
    path(
        "inwoners/<uuid:uuid>/bewaarplicht/opheffen/",
        views_bewaren.bewaarplicht_opheffen,
        name="bewaarplicht_opheffen",
    ),
    path("inwoners/<uuid:uuid>/verwijderverzoek/", views_bewaren.verwijderverzoek, name="verwijderverzoek"),
    path("verwijderingen/", views_bewaren.verwijderingen, name="verwijderingen"),
    path("herverdelen/", views_herverdelen.overzicht, name="herverdelen"),
    path("herverdelen/medewerkers/<uuid:uuid>/", views_herverdelen.medewerker, name="herverdelen_medewerker"),
    path(
        "herverdelen/medewerkers/<uuid:uuid>/deactiveren/",
        views_herverdelen.deactiveren,
        name="herverdelen_deactiveren",
    ),
]
