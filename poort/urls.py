from django.urls import path

from . import views

app_name = "poort"
urlpatterns = [
    path("poort/", views.wachtrij, name="wachtrij"),
    path("poort/zoeken/", views.zoeken, name="zoeken"),
    path("poort/inwoner/nieuw/", views.inwoner_nieuw, name="inwoner_nieuw"),
    path("poort/melding/nieuw/", views.melding_nieuw, name="melding_nieuw"),
    path("poort/melding/<uuid:uuid>/trieren/", views.trieren, name="trieren"),
    path("poort/koppelverzoeken/", views.koppelverzoeken, name="koppelverzoeken"),
    path("poort/koppelverzoeken/<uuid:uuid>/", views.koppelverzoek, name="koppelverzoek"),
    path(
        "poort/koppelverzoeken/<uuid:uuid>/afhandelen/",
        views.koppelverzoek_afhandelen,
        name="koppelverzoek_afhandelen",
    ),
]
