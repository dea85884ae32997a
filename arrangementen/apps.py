from django.apps import AppConfig


class ArrangementenConfig(AppConfig):
    name = "arrangementen"
    verbose_name = "Arrangementen"
