"""python manage.py laad_profiel <naam | pad/naar/profiel.toml> [--lijst]"""

import tomllib

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from skt.models import GemeenteProfiel
from skt.profiel.lezen import PROFIELEN_MAP, ProfielFout, beschikbare_profielen
from skt.profiel.toepassen import profiel_laden


class Command(BaseCommand):
    help = _(
        "Laadt een gemeenteprofiel (kernen, teams, leefgebieden, sociale kaart, termijnen, "
        "streefwaarden) en maakt het het actieve profiel. Geef de naam van een meegeleverd profiel "
        "of het pad naar een eigen .toml-bestand."
    )

    def add_arguments(self, parser):
        parser.add_argument("naam", nargs="?", help=_("naam van het profiel of pad naar een .toml-bestand"))
        parser.add_argument("--lijst", action="store_true", help=_("toon de meegeleverde profielen"))

    def handle(self, *args, naam=None, lijst=False, **opties):
        if lijst:
            self._lijst()
            return
        if not naam:
            raise CommandError(_("Geef de naam van een profiel, of --lijst om ze te zien."))
        try:
            resultaat = profiel_laden(naam)
        except ProfielFout as fout:
            kop = _("Profiel %(naam)s niet geladen (%(aantal)d fout(en)); er is niets gewijzigd:") % {
                "naam": naam,
                "aantal": len(fout.fouten),
            }
            raise CommandError("\n  ".join([kop, *fout.fouten])) from fout
        self.stdout.write(self.style.SUCCESS(resultaat.samenvatting()))

    def _lijst(self):
        actief = GemeenteProfiel.objects.filter(actief=True).values_list("naam", flat=True).first()
        for naam in beschikbare_profielen():
            try:
                with (PROFIELEN_MAP / f"{naam}.toml").open("rb") as bestand:
                    gemeente = tomllib.load(bestand).get("gemeente", {}).get("gemeente", "?")
            except (OSError, tomllib.TOMLDecodeError, AttributeError):
                gemeente = _("(onleesbaar)")
            markering = _(" (actief)") if naam == actief else ""
            self.stdout.write(f"{naam:<24} {gemeente}{markering}")
