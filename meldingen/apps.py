from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "meldingen"
    verbose_name = "Meldingen"

    def ready(self):
        from skt import registers

        from . import bijdragen

        registers.registreer_tijdlijnbron(bijdragen.tijdlijn_signalen, volgorde=40)
        registers.registreer_werkblokbron(bijdragen.werkblokken, volgorde=10)
