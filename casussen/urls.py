from django.urls import path

from . import views

app_name = "casussen"
urlpatterns = [
    path("casussen/", views.mijn_casussen, name="mijn"),
    path("casussen/nieuw/<uuid:melding_uuid>/", views.casus_nieuw, name="nieuw"),
    path("casussen/<uuid:uuid>/", views.casus_detail, name="detail"),
    path("casussen/<uuid:uuid>/contactmoment/", views.contactmoment_nieuw, name="contactmoment"),
    path("casussen/<uuid:uuid>/zrm/", views.zrm, name="zrm"),
    path("casussen/<uuid:uuid>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("casussen/<uuid:uuid>/advies/", views.advies, name="advies"),
    path("casussen/<uuid:uuid>/starten/", views.starten, name="starten"),
    path("casussen/<uuid:uuid>/vrijwilliger/", views.vrijwilliger, name="vrijwilliger"),
    # Outside /casussen/ so the menu marks one item as current, not two.
    path("caseload/", views.team_casussen, name="team"),
    path("adviesvragen/", views.adviesvragen, name="adviesvragen"),
]
