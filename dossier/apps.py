from django.apps import AppConfig


class DossierConfig(AppConfig):
    """The top layer: the pages that span the apps (dossier, AVG inzage, Mijn werk, the menu)."""

    name = "dossier"
    verbose_name = "Dossier en Mijn werk"

    def ready(self):
        from skt import registers

        from . import werkblokken

        registers.registreer_werkblokbron(werkblokken.toezicht, volgorde=50)
