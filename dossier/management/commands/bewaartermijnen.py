from datetime import date

from django.core.management.base import BaseCommand

from dossier import bewaartermijnen
from dossier.models import Bewaarrun, Bewaartelling


class Command(BaseCommand):
    help = (
        "Past de bewaartermijnen toe: verwijdert elk dossier waarvan de termijn voorbij is (één transactie "
        "per inwoner). Met --proef: alleen tellen wat zou verdwijnen, per regel en per tabel, zonder namen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--proef", action="store_true", help="niets verwijderen, alleen tellen")
        parser.add_argument(
            "--peildatum", type=date.fromisoformat, help="rekenen alsof het vandaag deze datum is"
        )

    def handle(self, *args, proef, peildatum, **options):
        regels = dict(Bewaartelling.Regel.choices)
        if proef:
            uitkomst = bewaartermijnen.proef(vandaag=peildatum)
            if not uitkomst.inwoners:
                self.stdout.write("Proef: er is niets verlopen; er zou niets verdwijnen.")
                return
            self.stdout.write("Proef: er is niets verwijderd. Dit zou verdwijnen:")
            for regel, aantal in sorted(uitkomst.inwoners.items()):
                self.stdout.write(f"\n{regels[regel]}: {aantal} inwoner(s)")
                for tabel, n in sorted(uitkomst.tabellen[regel].items()):
                    self.stdout.write(f"  {tabel}: {n}")
            return
        run = bewaartermijnen.bewaartermijnen_toepassen(
            vandaag=peildatum, aanleiding=Bewaarrun.Aanleiding.COMMANDO
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Bewaartermijnen toegepast: {run.inwoners} inwoner(s) verwijderd, "
                f"{run.overgeslagen} overgeslagen."
            )
        )
        for telling in run.tellingen.order_by("regel", "tabel"):
            self.stdout.write(f"  {regels[telling.regel]} — {telling.tabel}: {telling.aantal}")
