from django.apps import AppConfig


class PoortConfig(AppConfig):
    name = "poort"
    verbose_name = "Poort"

    def ready(self):
        from skt import registers

        from . import bijdragen, services

        registers.registreer_melding_doorschakelen(services.melding_doorschakelen)
        registers.registreer_tijdlijnbron(bijdragen.tijdlijn, volgorde=10)
        registers.registreer_werkblokbron(bijdragen.werkblokken, volgorde=30)
        registers.registreer_werkblokbron(bijdragen.koppelverzoekblokken, volgorde=31)
