import json
import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from monitor import services
from monitor.models import MonitorRapport
from monitor.periode import Periode, PeriodeFout
from monitor.tasks import monitor_bouwen


class Command(BaseCommand):
    help = (
        "Bouwt de kwartaalmonitor als bevroren rapport, met dezelfde Celery-taak als het scherm (zonder "
        "broker draait die direct). Elke keer bouwen geeft een nieuwe versie."
    )

    def add_arguments(self, parser):
        groep = parser.add_mutually_exclusive_group(required=True)
        groep.add_argument("--periode", help="een kwartaal, bijvoorbeeld 2019Q1")
        groep.add_argument("--van", type=date.fromisoformat, help="begindatum, bijvoorbeeld 2019-01-01")
        groep.add_argument(
            "--jaar",
            type=int,
            help="een jaaroverzicht: de vier kwartalen en het jaar ervoor, bijvoorbeeld 2018",
        )
        parser.add_argument("--tot", type=date.fromisoformat, help="einddatum (tot en met), met --van")
        parser.add_argument("--json", dest="json_pad", help="schrijf de cijfers als JSON naar dit bestand")
        parser.add_argument("--pdf", dest="pdf_pad", help="schrijf de PDF voor de raad naar dit bestand")
        parser.add_argument("--zonder-pdf", action="store_true", help="alleen de cijfers, geen PDF")
        parser.add_argument("--wachttijd", type=int, default=900, help="seconden wachten op de worker")

    def handle(self, *args, periode, van, tot, jaar, json_pad, pdf_pad, zonder_pdf, wachttijd, **options):
        try:
            if jaar is not None:
                gekozen = Periode.jaar(jaar)
            elif periode:
                gekozen = Periode.uit_tekst(periode)
            else:
                if tot is None:
                    raise CommandError("Geef bij --van ook --tot.")
                gekozen = Periode(van, tot)
        except PeriodeFout as fout:
            raise CommandError(str(fout)) from fout
        if zonder_pdf and pdf_pad:
            raise CommandError("--pdf en --zonder-pdf gaan niet samen.")

        rapport = services.rapport_aanvragen(
            periode=gekozen, via="commando", met_pdf=not zonder_pdf, in_wachtrij=False
        )
        if not settings.CELERY_TASK_ALWAYS_EAGER:
            self.stdout.write(f"Taak in de wachtrij; wacht op een Celery-worker (hoogstens {wachttijd} s).")
        begin = time.monotonic()
        try:
            resultaat = monitor_bouwen.delay(rapport.pk).get(timeout=wachttijd)
        except Exception as fout:
            raise CommandError(f"De monitor kon niet worden gebouwd: {fout}") from fout
        duur = time.monotonic() - begin
        rapport = MonitorRapport.objects.get(pk=rapport.pk)

        if json_pad:
            Path(json_pad).write_text(
                json.dumps(rapport.cijfers, ensure_ascii=False, indent=2), encoding="utf-8"
            )
        if pdf_pad:
            with rapport.pdf.open("rb") as bron:
                Path(pdf_pad).write_bytes(bron.read())

        m = rapport.cijfers["meldingen"]
        groei = "–" if m["groei_procent"] is None else f"{m['groei_procent']:+.1f}%"
        self.stdout.write(
            self.style.SUCCESS(
                f"Monitor {gekozen.label} versie {rapport.versie} klaar in {duur:.2f} s "
                f"(cijfers {resultaat['rekentijd_ms']} ms"
                + (
                    f", PDF {resultaat['pdf_ms']} ms, {resultaat['pdf_paginas']} pagina's"
                    if rapport.pdf
                    else ""
                )
                + ")."
            )
        )
        self.stdout.write(
            f"Meldingen: {m['totaal']} (zelfde periode vorig jaar {m['zelfde_periode_vorig_jaar']}, "
            f"groei {groei})."
        )
        if "jaaroverzicht" in rapport.cijfers:
            j = rapport.cijfers["jaaroverzicht"]
            per_kwartaal = ", ".join(
                f"{q['code'][-2:]} {q['waarden'].get('meldingen_totaal', '–')}" for q in j["kwartalen"]
            )
            verschil = j["verschil"]["meldingen_totaal"]["procent"]
            self.stdout.write(
                f"Per kwartaal: {per_kwartaal}; "
                f"{j['vorig_jaar']}: {j['vorig_jaar_waarden']['meldingen_totaal']} "
                f"({'–' if verschil is None else f'{verschil:+.1f}%'})."
            )
        if json_pad:
            self.stdout.write(f"JSON: {json_pad}")
        if pdf_pad:
            self.stdout.write(f"PDF: {pdf_pad}")
