from django.apps import AppConfig


class PoortConfig(AppConfig):
    name = "poort"
    verbose_name = "Poort"

    def ready(self):
        from skt import registers

        from . import services

        registers.registreer_melding_doorschakelen(services.melding_doorschakelen)
