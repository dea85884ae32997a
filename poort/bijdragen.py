"""What the poort adds to pages of other layers (registered in apps.py; see skt/registers.py).

The melding items of the dossier timeline come from here, not from meldingen: each melding is shown
with the poort's triage decisions on it, and only the poort's layer knows both.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse

from meldingen import rechten as melding_rechten
from meldingen.models import Melding
from meldingen.workflow import MeldingStatus
from skt import rechten
from skt.models import Inwoner
from skt.registers import werkblok_regel
from skt.tijdlijn import Item, dag, url, zichtbaar

from . import rechten as poort_rechten
from .models import Triage


def tijdlijn(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    """The inwoner's meldingen (a milestone where the reader may not read it) and their triages."""
    if alleen_eigen_casussen:
        return []
    leesbaar = zichtbaar(melding_rechten.meldingen_zichtbaar_voor(user), inwoner, alles)
    mag_vt = rechten.mag_veilig_thuis_zien(user)
    vertrouwelijk_ok = rechten.mag_vertrouwelijk_lezen(user)
    items: list[Item] = []
    meldingen = (
        Melding.objects.filter(inwoner=inwoner)
        .select_related("team")
        .prefetch_related(
            "leefgebieden", Prefetch("triages", queryset=Triage.objects.select_related("team", "door"))
        )
    )
    for m in meldingen:
        if m.veilig_thuis and not mag_vt:
            continue
        bij = m.team.naam if m.team_id else "de poort"
        if m.pk not in leesbaar:
            items.append(
                Item(
                    m.aanmeldingsdatum,
                    "melding",
                    f"Melding bij {bij}",
                    mijlpaal=True,
                    tekst=f"Status: {m.get_status_display().lower()}"
                    + (f"; uitstroom: {m.get_uitstroom_display().lower()}" if m.uitstroom else ""),
                )
            )
            continue
        regels = [
            f"Ingang: {m.get_ingang_display()}; melder: {m.get_melder_soort_display()}",
            "Leefgebieden: " + (", ".join(lg.label for lg in m.leefgebieden.all()) or "onbekend"),
            f"Status: {m.get_status_display()}",
        ]
        if m.uitstroom:
            regels.append(f"Uitstroom: {m.get_uitstroom_display()}")
        if m.notitie and (vertrouwelijk_ok or not m.notitie_vertrouwelijk):
            regels.append(f"Notitie: {m.notitie}")
        items.append(
            Item(
                m.aanmeldingsdatum,
                "melding",
                f"Melding {m.nummer} ({bij})",
                tekst=m.vraag,
                url=url("meldingen:detail", m.uuid),
                regels=regels,
            )
        )
        for t in m.triages.all():
            titel = f"Triage: {t.get_uitkomst_display()}" + (
                " (doorschakeling)" if t.is_doorschakeling else ""
            )
            items.append(
                Item(
                    dag(t.op),
                    "triage",
                    titel,
                    tekst=t.reden,
                    regels=[f"Door {t.door} naar {t.team or 'geen team'}"]
                    + ([f"Jeugd: {t.jeugd_motivatie}"] if t.jeugd_motivatie else []),
                )
            )
    return items


def werkblokken(user) -> list[dict]:
    """'Mijn werk': the meldingen waiting for triage (for a beroepskracht only when there are any)."""
    if not poort_rechten.mag_poort_gebruiken(user):
        return []
    aantal = melding_rechten.meldingen_zichtbaar_voor(user).filter(status=MeldingStatus.NIEUW).count()
    if not poort_rechten.is_poortmedewerker(user) and not aantal:
        return []
    return [
        {
            "template": "skt/_werkblok.html",
            "titel": "Poort",
            "regels": [werkblok_regel("Wachten op triage", aantal, reverse("poort:wachtrij"), nadruk=True)],
            "actie": ("Nieuwe vraag registreren", reverse("poort:zoeken")),
        }
    ]
