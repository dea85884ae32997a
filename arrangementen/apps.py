from django.apps import AppConfig


class ArrangementenConfig(AppConfig):
    name = "arrangementen"
    verbose_name = "Arrangementen"

    def ready(self):
        from skt import registers

        from . import bijdragen
        from .services.werkvoorraad import aanvraag_aanmaken

        registers.registreer_overdracht_aan_loket(aanvraag_aanmaken)
        registers.registreer_meldingpaginabron(bijdragen.meldingpagina, volgorde=30)
        registers.registreer_tijdlijnbron(bijdragen.tijdlijn, volgorde=30)
        registers.registreer_werkblokbron(bijdragen.werkblokken, volgorde=40)
