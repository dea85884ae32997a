from django.apps import AppConfig


class ArrangementenConfig(AppConfig):
    name = "arrangementen"
    verbose_name = "Arrangementen"

    def ready(self):
        from skt import registers

        from . import bijdragen, bijdragen_loket
        from .services import herverdelen
        from .services.werkvoorraad import aanvraag_aanmaken

        registers.registreer_overdracht_aan_loket(aanvraag_aanmaken)
        registers.registreer_tijdlijnbron(bijdragen_loket.tijdlijn, volgorde=35)
        registers.registreer_werkblokbron(bijdragen_loket.werkblokken, volgorde=41)
        registers.registreer_meldingpaginabron(bijdragen.meldingpagina, volgorde=30)
        registers.registreer_tijdlijnbron(bijdragen.tijdlijn, volgorde=30)
        registers.registreer_werkblokbron(bijdragen.werkblokken, volgorde=40)
        for volgorde, bron in enumerate(
            (
                registers.Werkvoorraadbron(
                    "opsteller",
                    "Arrangementen als opsteller",
                    herverdelen.open_plannen_als_opsteller,
                    herverdelen.opsteller_herverdelen,
                ),
                registers.Werkvoorraadbron(
                    "behandelaar",
                    "Arrangementen in behandeling",
                    herverdelen.open_plannen_als_behandelaar,
                    herverdelen.behandelaar_herverdelen,
                ),
                registers.Werkvoorraadbron(
                    "aanvraag",
                    "Aanvragen van het loket in behandeling",
                    herverdelen.open_aanvragen,
                    herverdelen.aanvraag_herverdelen,
                ),
            ),
            start=30,
        ):
            registers.registreer_werkvoorraadbron(bron, volgorde=volgorde)
