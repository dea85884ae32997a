"""What the arrangementen app adds to pages of other layers (registered in apps.py; see skt/registers.py)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from skt import rechten
from skt.models import Inwoner
from skt.registers import begrensd_tellen, werkblok_regel
from skt.tijdlijn import Item, dag, url, zichtbaar

from . import rechten as arrangement_rechten
from .models import Arrangement, Beoordeling, Notificatie, Onderdeel


def meldingpagina(user, melding, *, mag_behandelen: bool) -> dict:
    """The way from a melding the user works on to drafting an arrangement for its inwoner."""
    return {
        "mag_arrangement": mag_behandelen
        and melding.inwoner_id is not None
        and arrangement_rechten.mag_arrangement_opstellen(user)
    }


def werkblokken(user) -> list[dict]:
    """'Mijn werk': plans waiting for the consulent, or the kernteam's messages about decisions."""
    blokken = []
    ongelezen = Notificatie.objects.filter(medewerker=user, gelezen_op__isnull=True).count()
    if rechten.is_consulent(user):
        te_beoordelen = (
            arrangement_rechten.arrangementen_te_beoordelen_voor(user)
            .filter(status__in=["ingediend", "in_behandeling"])
            .count()
        )
        werkvoorraad_open = arrangement_rechten.werkvoorraad_voor(user).filter(status="open").count()
        blokken.append(
            {
                "titel": "Loket",
                "regels": [
                    werkblok_regel(
                        "Aanvragen in de werkvoorraad",
                        werkvoorraad_open,
                        reverse("arrangementen:werkvoorraad") + "?filter=open",
                        nadruk=True,
                    ),
                    werkblok_regel(
                        "Arrangementen die wachten op beoordeling",
                        te_beoordelen,
                        reverse("arrangementen:wachtrij"),
                        nadruk=True,
                    ),
                    werkblok_regel("Ongelezen berichten", ongelezen, reverse("arrangementen:berichten")),
                ],
                "actie": ("Termijnen bewaken", reverse("arrangementen:termijnen")),
            }
        )
    elif arrangement_rechten.volgt_besluiten_van_loket(user):
        regels = [
            werkblok_regel(
                "Ongelezen berichten over besluiten",
                ongelezen,
                reverse("arrangementen:berichten"),
                nadruk=True,
            ),
        ]
        if arrangement_rechten.mag_evaluaties_te_laat_zien(user):
            te_laat, meer = begrensd_tellen(
                arrangement_rechten.evaluaties_te_laat_voor(user, timezone.localdate())
            )
            regels.append(
                werkblok_regel(
                    "Evaluaties te laat",
                    te_laat,
                    reverse("arrangementen:evaluaties"),
                    nadruk=True,
                    meer=meer,
                )
            )
        blokken.append(
            {
                "titel": "Arrangementen",
                "regels": regels,
                "actie": ("Naar de arrangementen", reverse("arrangementen:overzicht")),
            }
        )
    return [{"template": "skt/_werkblok.html", **blok} for blok in blokken]


def _getal(waarde) -> str:
    return f"{waarde.normalize():f}".replace(".", ",") if waarde is not None else ""


def voorziening_tekst(b: Beoordeling) -> str:
    """The granted voorziening in one line of the timeline: product, aanbieder, ZIN/PGB, omvang, period."""
    delen = []
    if b.product:
        delen.append(b.product)
    if b.zorgaanbieder_id:
        delen.append(f"door {b.zorgaanbieder.naam}")
    if b.leveringsvorm:
        delen.append(b.leveringsvorm.upper())
    if b.omvang_eenheden is not None:
        delen.append(
            f"{_getal(b.omvang_eenheden)} {b.get_omvang_eenheid_display()} {b.get_omvang_periode_display()}"
        )
    if b.ingangsdatum:
        tot = f"{b.einddatum:%d-%m-%Y}" if b.einddatum else "onbepaalde tijd"
        delen.append(f"van {b.ingangsdatum:%d-%m-%Y} tot en met {tot}")
    if b.beeindigd_op:
        delen.append(f"beëindigd op {b.beeindigd_op:%d-%m-%Y}")
    return "; " + ", ".join(delen) if delen else ""


def tijdlijn(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    """Submitted arrangements with their onderdelen and decisions; another's plan as a milestone."""
    if alleen_eigen_casussen:
        return []
    arrangementen = list(
        Arrangement.objects.filter(inwoner=inwoner)
        .exclude(status="concept")
        .select_related("team", "behandelaar")
        .prefetch_related(
            Prefetch(
                "onderdelen",
                queryset=Onderdeel.objects.select_related(
                    "categorie", "voorziening", "beoordeling__zorgaanbieder"
                ),
            )
        )
    )
    leesbaar = zichtbaar(
        lambda: arrangement_rechten.arrangementen_volledig_leesbaar_voor(user), inwoner, alles, arrangementen
    )
    # Under break the glass every item reads in full, but only the pages that open get a link.
    te_openen = (
        zichtbaar(
            lambda: arrangement_rechten.arrangementen_te_openen_voor(user), inwoner, False, arrangementen
        )
        if alles
        else leesbaar
    )
    items: list[Item] = []
    for a in arrangementen:
        wet = a.get_wet_display()
        datum = dag(a.besloten_op or a.ingediend_op or a.aangemaakt_op)
        besluit = a.get_status_display().lower()
        if a.besloten_op:
            besluit += f" op {dag(a.besloten_op):%d-%m-%Y}"
        consulent = f", consulent {a.behandelaar}" if a.behandelaar_id else ""
        if a.pk not in leesbaar:
            items.append(
                Item(
                    datum,
                    "arrangement",
                    f"{wet}-arrangement bij het loket",
                    mijlpaal=True,
                    tekst=f"{besluit[:1].upper()}{besluit[1:]}{consulent}",
                )
            )
            continue
        regels = []
        for o in a.onderdelen.all():
            regel = o.get_soort_display()
            if o.categorie_id:
                regel += f": {o.categorie.code} {o.categorie.label}"
            elif o.voorziening_id:
                regel += f": {o.voorziening.naam}"
            beoordeling = getattr(o, "beoordeling", None)
            if beoordeling is not None:
                regel += " — " + ("toegekend" if beoordeling.toegekend else "niet toegekend")
                if beoordeling.beschikkingsnummer:
                    regel += f", beschikking {beoordeling.beschikkingsnummer}"
                if beoordeling.beschikkingsdatum:
                    regel += f" van {beoordeling.beschikkingsdatum:%d-%m-%Y}"
                if beoordeling.toegekend and o.is_maatwerk:
                    regel += voorziening_tekst(beoordeling)
            regels.append(regel)
        items.append(
            Item(
                datum,
                "arrangement",
                f"{wet}-arrangement ({a.get_route_display().lower()})",
                tekst=f"Status: {besluit}{consulent}",
                url=url("arrangementen:detail", a.uuid) if a.pk in te_openen else "",
                regels=regels,
            )
        )
    return items
