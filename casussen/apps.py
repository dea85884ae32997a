from django.apps import AppConfig


class CasussenConfig(AppConfig):
    name = "casussen"
    verbose_name = "Casussen"

    def ready(self):
        from skt import registers

        from . import bijdragen
        from .services import herverdelen

        registers.registreer_meldingpaginabron(bijdragen.meldingpagina, volgorde=20)
        registers.registreer_tijdlijnbron(bijdragen.tijdlijn, volgorde=20)
        registers.registreer_werkblokbron(bijdragen.werkblokken, volgorde=20)
        registers.registreer_werkvoorraadbron(
            registers.Werkvoorraadbron(
                "casus", "Casussen als casushouder", herverdelen.open_casussen, herverdelen.casus_herverdelen
            ),
            volgorde=20,
        )
        registers.registreer_werkvoorraadbron(
            registers.Werkvoorraadbron(
                "adviesvraag",
                "Open adviesvragen",
                herverdelen.open_adviesvragen,
                herverdelen.adviesvraag_herverdelen,
            ),
            volgorde=25,
        )
