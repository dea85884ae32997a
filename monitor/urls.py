from django.urls import path

from . import views

app_name = "monitor"
urlpatterns = [
    path("monitor/", views.dashboard, name="dashboard"),
    path("monitor/jaar/", views.jaaroverzicht, name="jaaroverzicht"),
    path("monitor/streefwaarden/", views.streefwaarden_bewerken, name="streefwaarden"),
    path("monitor/berichten/gelezen/", views.berichten_gelezen, name="berichten_gelezen"),
    path("monitor/rapporten/nieuw/", views.rapport_maken, name="rapport_maken"),
    path("monitor/rapporten/<uuid:uuid>/status/", views.rapport_status, name="rapport_status"),
    path("monitor/rapporten/<uuid:uuid>/pdf/", views.rapport_pdf, name="rapport_pdf"),
    path("monitor/rapporten/<uuid:uuid>/json/", views.rapport_json, name="rapport_json"),
    path("monitor/rapporten/<uuid:uuid>/csv/", views.rapport_csv, name="rapport_csv"),
    path("monitor/rapporten/<uuid:uuid>/vaststellen/", views.rapport_vaststellen, name="rapport_vaststellen"),
]
