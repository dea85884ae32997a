"""What the casussen app adds to pages of other layers (registered in apps.py; see skt/registers.py)."""

from __future__ import annotations

from django.db.models import Prefetch

from skt import rechten
from skt.models import Inwoner
from skt.tijdlijn import Item, dag, url, zichtbaar

from . import rechten as casus_rechten
from . import selectors
from .models import Casus, Contactmoment, ZrmScore
from .selectors import casus_bij_melding


def meldingpagina(user, melding, *, mag_behandelen: bool) -> dict:
    """The way from a melding to kortdurende ondersteuning, or to the casus that already runs on it."""
    if melding.inwoner_id and casus_rechten.ziet_casus_bij_melding(user):
        return {"casus_stand": casus_bij_melding(user, melding)}
    return {}


def werkblokken(user) -> list[dict]:
    """A block for 'Mijn werk': the user's casussen and what needs a decision. Two queries at most."""
    if not casus_rechten.ziet_casussenblok(user):
        return []
    termijnen = selectors.Termijnen.uit_profiel()
    qs = casus_rechten.casussen_zichtbaar_voor(user)
    if casus_rechten.is_casushouder_rol(user):
        qs = qs.filter(casushouder=user)
    blok = {
        "template": "casussen/_werkblok.html",
        "rol": user.rol,
        "maximum": termijnen.maximum,
        **selectors.werkvoorraad(qs, termijnen.maximum),
    }
    if casus_rechten.is_coordinator(user):
        blok["adviesvragen"] = (
            casus_rechten.adviesvragen_zichtbaar_voor(user).filter(geadviseerd_op__isnull=True).count()
        )
    return [blok]


def tijdlijn(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    """The inwoner's casussen with their contactmomenten and ZRM; another team's casus as a milestone."""
    vertrouwelijk_ok = rechten.mag_vertrouwelijk_lezen(user)
    casussen = list(
        Casus.objects.filter(inwoner=inwoner)
        .select_related("team", "casushouder")
        .prefetch_related(
            Prefetch("contactmomenten", queryset=Contactmoment.objects.order_by("datum")),
            Prefetch("zrm_scores", queryset=ZrmScore.objects.select_related("leefgebied").order_by("datum")),
        )
    )
    leesbaar = zichtbaar(lambda: casus_rechten.casussen_zichtbaar_voor(user), inwoner, alles, casussen)
    # Under break the glass every item reads in full, but only the pages that open get a link.
    te_openen = (
        zichtbaar(lambda: casus_rechten.casussen_te_openen_voor(user), inwoner, False, casussen)
        if alles
        else leesbaar
    )
    items: list[Item] = []
    for c in casussen:
        begin = c.startdatum or dag(c.aangemaakt_op)
        if c.pk not in leesbaar:
            if alleen_eigen_casussen:
                continue
            tekst = f"Casushouder {c.casushouder}; status: {c.get_status_display().lower()}"
            if c.afgesloten_op:
                tekst += f"; afgesloten op {c.afgesloten_op:%d-%m-%Y}"
            items.append(
                Item(
                    begin, "casus", f"Kortdurende ondersteuning bij {c.team.naam}", tekst=tekst, mijlpaal=True
                )
            )
            continue
        regels = [f"Casushouder: {c.casushouder}", f"Status: {c.get_status_display()}"]
        if c.afgesloten_op:
            regels.append(f"Afgesloten op {c.afgesloten_op:%d-%m-%Y}: {c.get_afsluitreden_display()}")
        items.append(
            Item(
                begin,
                "casus",
                f"Casus bij {c.team.naam}",
                tekst=c.doel,
                url=url("casussen:detail", c.uuid) if c.pk in te_openen else "",
                regels=regels,
            )
        )
        for cm in c.contactmomenten.all():
            verslag = cm.verslag if (vertrouwelijk_ok or not cm.vertrouwelijk) else "(vertrouwelijk verslag)"
            titel = cm.get_soort_display() + (" — vinger aan de pols" if cm.is_vinger_aan_de_pols else "")
            items.append(Item(cm.datum, "contactmoment", titel, tekst=verslag))
        if not vertrouwelijk_ok:
            # ZRM domains (addiction, justice, mental health) are not for the volunteer, as on the casus page.
            continue
        per_moment: dict[tuple, list[str]] = {}
        for z in c.zrm_scores.all():
            if z.score is not None:
                per_moment.setdefault((z.datum, z.get_moment_display()), []).append(
                    f"{z.leefgebied.label}: {z.score}"
                )
        for (datum, moment), scores in per_moment.items():
            items.append(Item(datum, "zrm", f"ZRM {moment.lower()}", regels=scores))
    return items
