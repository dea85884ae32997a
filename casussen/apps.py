from django.apps import AppConfig


class CasussenConfig(AppConfig):
    name = "casussen"
    verbose_name = "Casussen"

    def ready(self):
        from skt import registers

        from . import bijdragen

        registers.registreer_meldingpaginabron(bijdragen.meldingpagina, volgorde=20)
        registers.registreer_tijdlijnbron(bijdragen.tijdlijn, volgorde=20)
        registers.registreer_werkblokbron(bijdragen.werkblokken, volgorde=20)
