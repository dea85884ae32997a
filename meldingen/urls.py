from django.urls import path

from . import views
from .workflow import MeldingStatus

app_name = "meldingen"
urlpatterns = [
    path("meldingen/wachtrij/", views.wachtrij, name="wachtrij"),
    path(
        "meldingen/wachtrij/in-behandeling/",
        views.wachtrij,
        {"status": MeldingStatus.IN_BEHANDELING},
        name="in_behandeling",
    ),
    path("meldingen/achterstand/", views.achterstand, name="achterstand"),
    path("meldingen/signalen/", views.signalen, name="signalen"),
    path("meldingen/signalen/nieuw/", views.signaal_nieuw, name="signaal_nieuw"),
    path("meldingen/signalen/<uuid:uuid>/", views.signaal_detail, name="signaal_detail"),
    path("meldingen/<uuid:uuid>/", views.detail, name="detail"),
    path("meldingen/<uuid:uuid>/eerste-contact/", views.eerste_contact, name="eerste_contact"),
    path("meldingen/<uuid:uuid>/corrigeren/", views.corrigeren, name="corrigeren"),
    path("meldingen/<uuid:uuid>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("meldingen/<uuid:uuid>/terugkoppeling/", views.terugkoppeling, name="terugkoppeling"),
    path("meldingen/<uuid:uuid>/doorschakelen/", views.doorschakelen, name="doorschakelen"),
]
