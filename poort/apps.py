from django.apps import AppConfig


class PoortConfig(AppConfig):
    name = "poort"
    verbose_name = "Poort"
