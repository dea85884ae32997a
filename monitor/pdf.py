"""The monitor as a PDF for the raad (WeasyPrint, PDF/UA-1).

One template with its own print stylesheet; the charts are the dashboard's SVGs; every count per team
or kern under the profile's privacy threshold is shown as '< 5'.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from .grafieken import monitor_grafieken
from .jaar import jaar_weergave
from .periode import Periode, datum_tekst
from .weergave import weergave

PDF_VARIANT = "pdf/ua-1"


def rapport_html(cijfers: dict, *, rapport=None, gemaakt_op: date | None = None) -> str:
    drempel = int(cijfers["instellingen"]["privacy_drempel"])
    periode = Periode(
        date.fromisoformat(cijfers["periode"]["van"]), date.fromisoformat(cijfers["periode"]["tot"])
    )
    peildatum = date.fromisoformat(cijfers["peildatum"])
    loopt_nog = periode.loopt_op(peildatum)
    vorig = periode.vergelijkbaar_vorig_jaar(peildatum)
    return render_to_string(
        "monitor/rapport_pdf.html",
        {
            "c": cijfers,
            "m": cijfers["meldingen"],
            "w": weergave(cijfers, drempel=drempel),
            "g": monitor_grafieken(cijfers, drempel=drempel),
            "periode": periode,
            "periode_tekst": periode.tekst(peildatum),
            "periode_titel": f"{periode.label} (t/m {datum_tekst(peildatum)})"
            if loopt_nog
            else periode.label,
            "loopt_nog": loopt_nog,
            # A running quarter is compared with the same days a year earlier, and says so.
            "vorig_label": (
                f"dezelfde periode vorig jaar, {vorig.tekst()}" if loopt_nog else f"het {vorig.label}"
            ),
            "peildatum": datum_tekst(peildatum),
            "gemaakt_op": datum_tekst(gemaakt_op or timezone.localdate()),
            "rapport": rapport,
            "vastgesteld_op": datum_tekst(timezone.localtime(rapport.vastgesteld_op).date())
            if rapport is not None and rapport.vastgesteld_op
            else "",
            "drempel": drempel,
            "jaar": jaar_weergave(cijfers["jaaroverzicht"], drempel=drempel)
            if cijfers.get("jaaroverzicht")
            else None,
        },
    )


def rapport_pdf(cijfers: dict, *, rapport=None) -> tuple[bytes, int]:
    """The PDF bytes and the number of pages."""
    from weasyprint import HTML

    html = rapport_html(cijfers, rapport=rapport)
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render(pdf_variant=PDF_VARIANT)
    return document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages)
