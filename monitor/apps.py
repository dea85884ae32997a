from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "monitor"
    verbose_name = "Kwartaalmonitor"

    def ready(self):
        from skt import registers

        from . import bijdragen

        registers.registreer_werkblokbron(bijdragen.werkblokken, volgorde=60)
