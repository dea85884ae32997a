from django.urls import path

from . import configuratie, rechtenwijzigingen, views

app_name = "beheer"


def _config(route: str, soort: str, naam: str):
    return path(route, configuratie.formulier, {"soort": soort}, name=naam)


urlpatterns = [
    path("", views.index, name="index"),
    path("medewerkers/", views.medewerkers, name="medewerkers"),
    path("medewerkers/nieuw/", views.medewerker_nieuw, name="medewerker_nieuw"),
    path("medewerkers/<uuid:uuid>/", views.medewerker, name="medewerker"),
    path("medewerkers/<uuid:uuid>/actief/", views.medewerker_actief, name="medewerker_actief"),
    path(
        "medewerkers/<uuid:uuid>/tweede-factor/",
        views.medewerker_tweede_factor,
        name="medewerker_tweede_factor",
    ),
    path("medewerkers/<uuid:uuid>/uitnodigen/", views.medewerker_uitnodigen, name="medewerker_uitnodigen"),
    path("profiel/", configuratie.profiel, name="profiel"),
    # The coordinator decides here too: these views have their own rights check, not beheer_vereist.
    path("rechtenwijzigingen/", rechtenwijzigingen.lijst, name="rechtenwijzigingen"),
    path("rechtenwijzigingen/<uuid:uuid>/", rechtenwijzigingen.detail, name="rechtenwijziging"),
    path(
        "rechtenwijzigingen/<uuid:uuid>/bevestigen/",
        rechtenwijzigingen.bevestigen,
        name="rechtenwijziging_bevestigen",
    ),
    path(
        "rechtenwijzigingen/<uuid:uuid>/weigeren/",
        rechtenwijzigingen.weigeren,
        name="rechtenwijziging_weigeren",
    ),
    # Before the pages by code: "nieuw" is not a kern.
    path("<slug:soort>/nieuw/", configuratie.formulier, name="nieuw"),
    _config("kernen/<slug:sleutel>/", "kernen", "kern"),
    _config("leefgebieden/<slug:sleutel>/", "leefgebieden", "leefgebied"),
    _config("teams/<uuid:uuid>/", "teams", "team"),
    _config("organisaties/<uuid:uuid>/", "organisaties", "organisatie"),
    _config("voorzieningen/<uuid:uuid>/", "voorzieningen", "voorziening"),
    path("<slug:soort>/", configuratie.lijst, name="lijst"),
]
