"""Check the access log's hash chain and name the first row that breaks it (exit 1)."""

from django.core.management.base import BaseCommand, CommandError

from skt import toegangsketen


class Command(BaseCommand):
    help = "Controleert de hashketen van het toegangslog en noemt de eerste regel die hem breekt."

    def add_arguments(self, parser):
        parser.add_argument(
            "--alleen-lezen",
            action="store_true",
            help="Niet eerst verzegelen wat nog open staat (dat doet de beat-taak elke minuut).",
        )

    def handle(self, *args, alleen_lezen: bool = False, **options):
        if not alleen_lezen:
            verzegeld = toegangsketen.toegangslog_verzegelen()
            if verzegeld:
                self.stdout.write(f"{verzegeld} nieuwe regels verzegeld.")
        uitkomst = toegangsketen.toegangslog_controleren()
        if not uitkomst.in_orde:
            raise CommandError(
                f"Toegangslog NIET in orde: {uitkomst.fout}. "
                f"{uitkomst.gecontroleerd} regels waren in orde tot daar."
            )
        regel = f"Toegangslog in orde: {uitkomst.gecontroleerd} regels gecontroleerd"
        if uitkomst.onverzegeld:
            regel += f", {uitkomst.onverzegeld} nog niet verzegeld"
        self.stdout.write(self.style.SUCCESS(regel + "."))
