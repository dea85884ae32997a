from django.urls import path

from .views import beoordelen, berichten, evalueren, intake, lijsten, opstellen, werkvoorraad

app_name = "arrangementen"
urlpatterns = [
    path("arrangementen/", lijsten.overzicht, name="overzicht"),
    path("arrangementen/nieuw/", opstellen.nieuw, name="nieuw"),
    path("arrangementen/inwoner/<uuid:uuid>/", lijsten.inwoner, name="inwoner"),
    path("arrangementen/<uuid:uuid>/", opstellen.detail, name="detail"),
    path("arrangementen/<uuid:uuid>/bewerken/", opstellen.bewerken, name="bewerken"),
    path("arrangementen/<uuid:uuid>/indienen/", opstellen.indienen, name="indienen"),
    path("arrangementen/<uuid:uuid>/versies/<int:nummer>/", opstellen.versie, name="versie"),
    path(
        "arrangementen/<uuid:uuid>/in-behandeling/",
        beoordelen.in_behandeling_nemen,
        name="in_behandeling_nemen",
    ),
    path("arrangementen/<uuid:uuid>/teruggeven/", beoordelen.teruggeven, name="teruggeven"),
    path("arrangementen/<uuid:uuid>/beslissen/", beoordelen.beslissen, name="beslissen"),
    path("arrangementen/<uuid:uuid>/terugsturen/", beoordelen.terugsturen, name="terugsturen"),
    path("arrangementen/<uuid:uuid>/afwijzen/", beoordelen.afwijzen, name="afwijzen"),
    path("arrangementen/<uuid:uuid>/verlengen/", beoordelen.verlengen, name="verlengen"),
    path("arrangementen/<uuid:uuid>/notitie/", beoordelen.notitie, name="notitie"),
    path("arrangementen/<uuid:uuid>/evalueren/", evalueren.evalueren, name="evalueren"),
    # Outside /arrangementen/ so the menu marks one item as current, not two.
    path("beoordeling/", lijsten.wachtrij, name="wachtrij"),
    path("termijnen/", lijsten.termijnen_overzicht, name="termijnen"),
    path("evaluaties/", evalueren.te_laat, name="evaluaties"),
    path("werkvoorraad/", werkvoorraad.werkvoorraad, name="werkvoorraad"),
    path("werkvoorraad/zoeken/", intake.zoeken, name="intake_zoeken"),
    path("overdrachten/", werkvoorraad.overdrachten, name="overdrachten"),
    path("werkvoorraad/melding/nieuw/", intake.melding_nieuw, name="intake_melding"),
    path("werkvoorraad/<uuid:uuid>/", werkvoorraad.aanvraag, name="aanvraag"),
    path(
        "werkvoorraad/<uuid:uuid>/in-behandeling/",
        werkvoorraad.aanvraag_in_behandeling_nemen,
        name="aanvraag_in_behandeling_nemen",
    ),
    path(
        "werkvoorraad/<uuid:uuid>/teruggeven/", werkvoorraad.aanvraag_teruggeven, name="aanvraag_teruggeven"
    ),
    path(
        "werkvoorraad/<uuid:uuid>/afhandelen/", werkvoorraad.aanvraag_afhandelen, name="aanvraag_afhandelen"
    ),
    path("berichten/", berichten.berichten, name="berichten"),
    path("berichten/alle-gelezen/", berichten.berichten_gelezen, name="berichten_gelezen"),
    path("berichten/<uuid:uuid>/", berichten.bericht, name="bericht"),
]
