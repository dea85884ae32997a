"""The demo of the whole product: the kernel's users and teams, then each app's demo in layer order.

It lives in the top layer because it calls every app's demo; a lower app's demo calls no app above it.
"""

import importlib
import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from skt import demo

# Apps in the order their demo data builds on each other, each with the seed of its random choices.
# The meldingen demo lives in poort (it triages through the poort) and keeps its seed, so the demo
# stays the same.
DEMO_APPS = (
    ("poort", "meldingen"),
    ("casussen", "casussen"),
    ("arrangementen", "arrangementen"),
    ("monitor", "monitor"),
)


class Command(BaseCommand):
    help = (
        "Laadt fictieve demogegevens (alleen met SKT_DEMO=1). Idempotent: twee keer draaien geeft hetzelfde."
    )

    def handle(self, *args, **options):
        if not settings.SKT_DEMO:
            raise CommandError(
                "demo_data draait alleen met SKT_DEMO=1: het maakt gebruikers met wachtwoord 'demo'."
            )
        rng = random.Random(20190401)
        demo.demo_laden(rng)
        for app, zaad in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as fout:
                if fout.name != f"{app}.demo":
                    raise
                continue
            module.demo_laden(random.Random(f"{zaad}-20190401"))
        self.stdout.write(self.style.SUCCESS("Demogegevens geladen. Gebruikers (wachtwoord 'demo'):"))
        for gebruikersnaam, rol, *_ in demo.DEMO_MEDEWERKERS:
            self.stdout.write(f"  {gebruikersnaam:16} {rol.label}")
