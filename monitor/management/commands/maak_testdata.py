from datetime import date

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from monitor import testdata
from skt.services import actief_profiel


class Command(BaseCommand):
    help = (
        "Vult de anonieme feitentabellen van de monitor met realistisch volume (testgegevens, sleutel "
        "'TD-…'), om de snelheid van de monitor te meten. Nooit in een echte gemeente-database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--meldingen", type=int, default=10_000, help="aantal meldingen (standaard 10.000)"
        )
        parser.add_argument("--van", type=date.fromisoformat, default=date(2015, 1, 1))
        parser.add_argument("--tot", type=date.fromisoformat, default=None)
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument(
            "--vervangen", action="store_true", help="eerst de testgegevens van een vorige keer verwijderen"
        )

    def handle(self, *args, meldingen, van, tot, seed, vervangen, **options):
        if meldingen < 1:
            raise CommandError("--meldingen moet minstens 1 zijn.")
        if actief_profiel() is None:
            self.stdout.write(f"Geen actief gemeenteprofiel; {settings.SKT_DEMO_PROFIEL} wordt geladen.")
            call_command("laad_profiel", settings.SKT_DEMO_PROFIEL, verbosity=0)
        if vervangen:
            self.stdout.write(f"{testdata.verwijderen()} oude testfeiten verwijderd.")

        def voortgang(gedaan):
            if options["verbosity"] > 0:
                self.stdout.write(f"  {gedaan:>10,} meldingen".replace(",", "."))

        try:
            gemaakt = testdata.maken(meldingen, van=van, tot=tot, seed=seed, voortgang=voortgang)
        except ValueError as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            self.style.SUCCESS(
                f"{gemaakt.meldingen} meldingfeiten, {gemaakt.leefgebieden} leefgebiedregels en "
                f"{gemaakt.casussen} casusfeiten gemaakt in {gemaakt.seconden:.1f} s."
            )
        )
