from django.urls import path

from . import views

app_name = "arrangementen"
urlpatterns = [
    path("arrangementen/", views.overzicht, name="overzicht"),
    path("arrangementen/nieuw/", views.nieuw, name="nieuw"),
    path("arrangementen/inwoner/<uuid:uuid>/", views.inwoner, name="inwoner"),
    path("arrangementen/<uuid:uuid>/", views.detail, name="detail"),
    path("arrangementen/<uuid:uuid>/bewerken/", views.bewerken, name="bewerken"),
    path("arrangementen/<uuid:uuid>/indienen/", views.indienen, name="indienen"),
    path("arrangementen/<uuid:uuid>/versies/<int:nummer>/", views.versie, name="versie"),
    path(
        "arrangementen/<uuid:uuid>/in-behandeling/", views.in_behandeling_nemen, name="in_behandeling_nemen"
    ),
    path("arrangementen/<uuid:uuid>/teruggeven/", views.teruggeven, name="teruggeven"),
    path("arrangementen/<uuid:uuid>/beslissen/", views.beslissen, name="beslissen"),
    path("arrangementen/<uuid:uuid>/terugsturen/", views.terugsturen, name="terugsturen"),
    path("arrangementen/<uuid:uuid>/afwijzen/", views.afwijzen, name="afwijzen"),
    path("arrangementen/<uuid:uuid>/verlengen/", views.verlengen, name="verlengen"),
    path("arrangementen/<uuid:uuid>/notitie/", views.notitie, name="notitie"),
    # Outside /arrangementen/ so the menu marks one item as current, not two.
    path("beoordeling/", views.wachtrij, name="wachtrij"),
    path("termijnen/", views.termijnen_overzicht, name="termijnen"),
    path("berichten/", views.berichten, name="berichten"),
    path("berichten/alle-gelezen/", views.berichten_gelezen, name="berichten_gelezen"),
    path("berichten/<uuid:uuid>/", views.bericht, name="bericht"),
]
