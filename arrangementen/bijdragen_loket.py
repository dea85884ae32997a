"""What the loket's werkvoorraad adds to pages of other layers: the dossier timeline and Mijn werk.

The kernteam keeps seeing a hand-off after it left (the ISam gap): the item, its status and outcome
appear in the dossier for whoever may read the dossier, in full (with a link) for those who may open
the item, as a milestone for the rest. Veilig Thuis stays with the loket.
"""

from __future__ import annotations

from django.urls import reverse

from skt import rechten
from skt.models import Inwoner
from skt.registers import werkblok_regel
from skt.tijdlijn import Item, dag, url, zichtbaar

from . import rechten as arrangement_rechten
from .models import Aanvraag
from .workflow import AANVRAAG_OPEN


def tijdlijn(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    if alleen_eigen_casussen:
        return []
    aanvragen = Aanvraag.objects.filter(inwoner=inwoner).select_related("overgedragen_team", "behandelaar")
    if not rechten.mag_veilig_thuis_zien(user):
        aanvragen = aanvragen.filter(veilig_thuis=False)
    aanvragen = list(aanvragen)
    leesbaar = zichtbaar(
        lambda: arrangement_rechten.aanvragen_zichtbaar_voor(user), inwoner, alles, aanvragen
    )
    # Break the glass reads the item in the dossier; its page opens only for who may know it.
    te_openen = (
        zichtbaar(lambda: arrangement_rechten.aanvragen_zichtbaar_voor(user), inwoner, False, aanvragen)
        if alles
        else leesbaar
    )
    items: list[Item] = []
    for a in aanvragen:
        titel = f"Overgedragen aan het loket ({a.get_wet_display()})"
        status = a.get_status_display()
        if a.behandelaar_id:
            status += f", consulent {a.behandelaar}"
        if a.pk not in leesbaar:
            items.append(Item(dag(a.overgedragen_op), "aanvraag", titel, tekst=status, mijlpaal=True))
            continue
        tekst = f"{a.get_bron_display()}. {status}"
        if a.uitkomst_toelichting:
            tekst += f": {a.uitkomst_toelichting}"
        items.append(
            Item(
                dag(a.overgedragen_op),
                "aanvraag",
                titel,
                tekst=tekst,
                url=url("arrangementen:aanvraag", a.uuid) if a.pk in te_openen else "",
            )
        )
    return items


def werkblokken(user) -> list[dict]:
    """The kernteam's and the poort's own hand-offs: how many are still open at the loket."""
    if rechten.is_consulent(user) or not arrangement_rechten.mag_overdrachten_volgen(user):
        return []
    open_aantal = arrangement_rechten.aanvragen_zichtbaar_voor(user).filter(status__in=AANVRAAG_OPEN).count()
    return [
        {
            "template": "skt/_werkblok.html",
            "titel": "Overdrachten aan het loket",
            "regels": [
                werkblok_regel("Nog open bij het loket", open_aantal, reverse("arrangementen:overdrachten")),
            ],
            "actie": ("Alle overdrachten en hun uitkomst", reverse("arrangementen:overdrachten") + "?alle=1"),
        }
    ]
