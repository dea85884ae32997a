"""What the poort adds to pages of other layers (registered in apps.py; see skt/registers.py).

The melding items of the dossier timeline come from here, not from meldingen: each melding is shown
with the poort's triage decisions on it, and only the poort's layer knows both.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from meldingen import rechten as melding_rechten
from meldingen.models import Melding
from meldingen.workflow import MeldingStatus
from skt import rechten
from skt.models import Inwoner
from skt.registers import werkblok_regel
from skt.tijdlijn import Item, dag, url, zichtbaar

from . import rechten as poort_rechten
from .models import Koppelverzoek, Triage


def tijdlijn(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    """The inwoner's meldingen (a milestone where the reader may not read it) and their triages."""
    if alleen_eigen_casussen:
        return []
    mag_vt = rechten.mag_veilig_thuis_zien(user)
    vertrouwelijk_ok = rechten.mag_vertrouwelijk_lezen(user)
    items: list[Item] = []
    meldingen = list(
        Melding.objects.filter(inwoner=inwoner)
        .select_related("team")
        .prefetch_related(
            "leefgebieden", Prefetch("triages", queryset=Triage.objects.select_related("team", "door"))
        )
    )
    leesbaar = zichtbaar(lambda: melding_rechten.meldingen_zichtbaar_voor(user), inwoner, alles, meldingen)
    # Under break the glass every item reads in full, but only the pages that open get a link.
    te_openen = (
        zichtbaar(lambda: melding_rechten.meldingen_te_openen_voor(user), inwoner, False, meldingen)
        if alles
        else leesbaar
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
                url=url("meldingen:detail", m.uuid) if m.pk in te_openen else "",
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


# The asker sees a closed request this long after it was closed, then it leaves their 'Mijn werk'.
EIGEN_VERZOEKEN_DAGEN = 30
EIGEN_VERZOEKEN_MAX = 10


def koppelverzoekblokken(user) -> list[dict]:
    """'Mijn werk': the poort's open koppelverzoeken, and for the asker their own requests' outcome.

    The asker's rows never name the inwoner (not even as typed): only date, status and outcome, and the
    way to the dossier when they may open it by a betrokkenheid now. So the block logs no read.
    """
    blokken = []
    if poort_rechten.mag_koppelverzoeken_behandelen(user):
        aantal = (
            poort_rechten.koppelverzoeken_zichtbaar_voor(user)
            .filter(status=Koppelverzoek.Status.OPEN)
            .count()
        )
        blokken.append(
            {
                "template": "skt/_werkblok.html",
                "titel": "Koppelverzoeken",
                "regels": [
                    werkblok_regel(
                        "Open koppelverzoeken", aantal, reverse("poort:koppelverzoeken"), nadruk=True
                    )
                ],
            }
        )
    sinds = timezone.now() - timedelta(days=EIGEN_VERZOEKEN_DAGEN)
    eigen = list(
        poort_rechten.eigen_koppelverzoeken(user)
        .filter(Q(status=Koppelverzoek.Status.OPEN) | Q(afgehandeld_op__gte=sinds))
        .order_by("-gevraagd_op", "-pk")
        .values("inwoner_id", "inwoner__uuid", "gevraagd_op", "status", "uitkomst")[:EIGEN_VERZOEKEN_MAX]
    )
    if eigen:
        zichtbaar = poort_rechten.zichtbare_inwoners_van(user, [v["inwoner_id"] for v in eigen])
        uitkomsten = dict(Koppelverzoek.Uitkomst.choices)
        blokken.append(
            {
                "template": "poort/_mijn_koppelverzoeken.html",
                "titel": "Mijn koppelverzoeken",
                "verzoeken": [
                    {
                        "gevraagd_op": v["gevraagd_op"],
                        "open": v["status"] == Koppelverzoek.Status.OPEN,
                        "uitkomst": uitkomsten.get(v["uitkomst"], ""),
                        "dossier_url": reverse("inwoner_detail", args=[v["inwoner__uuid"]])
                        if v["inwoner_id"] in zichtbaar
                        else "",
                    }
                    for v in eigen
                ],
            }
        )
    return blokken
