from django.apps import AppConfig


class DossierConfig(AppConfig):
    """The top layer: the pages that span the apps (dossier, AVG inzage, Mijn werk, the menu)."""

    name = "dossier"
    verbose_name = "Dossier en Mijn werk"

    def ready(self):
        from skt import registers, vertrek

        from . import herverdelen, werkblokken

        registers.registreer_werkblokbron(werkblokken.toezicht, volgorde=50)
        registers.registreer_werkblokbron(herverdelen.werkblok, volgorde=55)
        registers.registreer_werkvoorraadbron(
            registers.Werkvoorraadbron(
                "regisseur",
                "Regisseur van een huishouden",
                vertrek.open_regisseurrollen,
                vertrek.regisseur_herverdelen,
            ),
            volgorde=60,
        )
