from django.urls import path

from .views import caseload, casus

app_name = "casussen"
urlpatterns = [
    path("casussen/", caseload.mijn_casussen, name="mijn"),
    path("casussen/nieuw/<uuid:melding_uuid>/", casus.casus_nieuw, name="nieuw"),
    path("casussen/<uuid:uuid>/", casus.casus_detail, name="detail"),
    path("casussen/<uuid:uuid>/contactmoment/", casus.contactmoment_nieuw, name="contactmoment"),
    path("casussen/<uuid:uuid>/zrm/", casus.zrm, name="zrm"),
    path("casussen/<uuid:uuid>/afsluiten/", casus.afsluiten, name="afsluiten"),
    path("casussen/<uuid:uuid>/advies/", casus.advies, name="advies"),
    path("casussen/<uuid:uuid>/starten/", casus.starten, name="starten"),
    path("casussen/<uuid:uuid>/vrijwilliger/", casus.vrijwilliger, name="vrijwilliger"),
    # Outside /casussen/ so the menu marks one item as current, not two.
    path("caseload/", caseload.team_casussen, name="team"),
    path("adviesvragen/", caseload.adviesvragen, name="adviesvragen"),
]
