from django.core.management.base import BaseCommand, CommandError

from monitor.importeren import ImportFout, meldingen_importeren


class Command(BaseCommand):
    help = (
        "Importeert historische meldingen (zonder persoonsgegevens) uit een CSV-export in de monitor. "
        "Kolommen: meldingnummer, datum, kernteam en optioneel kern, ingang, melder, leefgebieden (met |), "
        "jeugd (ja/nee), uitstroom, contactmomenten, eerste_contact, afgesloten. Alles of niets: bij één "
        "fout wordt niets geschreven. Opnieuw importeren werkt bij, en verdubbelt nooit."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", help="het CSV-bestand (; of , als scheidingsteken, UTF-8)")

    def handle(self, *args, pad, **options):
        try:
            resultaat = meldingen_importeren(pad)
        except OSError as fout:
            raise CommandError(f"{pad} kan niet gelezen worden: {fout.strerror or fout}") from fout
        except ImportFout as fout:
            for regel in fout.fouten:
                self.stderr.write(regel)
            raise CommandError(
                f"Niets geïmporteerd: {len(fout.fouten)} fout(en) in {pad}. "
                "Verbeter het bestand en probeer opnieuw."
            ) from fout
        self.stdout.write(
            self.style.SUCCESS(
                f"{resultaat.regels} meldingen gelezen: {resultaat.nieuw} nieuw, {resultaat.bijgewerkt} "
                f"bijgewerkt, {resultaat.ongewijzigd} ongewijzigd."
            )
        )
