"""What the meldingen app adds to pages of other layers (registered in apps.py; see skt/registers.py)."""

from __future__ import annotations

from django.urls import reverse

from skt import rechten
from skt.models import Inwoner
from skt.tijdlijn import Item, dag, url

from . import rechten as melding_rechten
from . import selectors


def tijdlijn_signalen(inwoner: Inwoner, user, alleen_eigen_casussen: bool, alles: bool) -> list[Item]:
    """Signalen of the user's teams that a melding about this inwoner is linked to."""
    if alleen_eigen_casussen:
        return []
    signalen = melding_rechten.signalen_zichtbaar_voor(user).filter(meldingen__inwoner=inwoner).distinct()
    return [
        Item(
            dag(s.geregistreerd_op),
            "signaal",
            f"Signaal: {s.titel}",
            tekst=s.get_status_display(),
            url=url("meldingen:signaal_detail", s.uuid),
        )
        for s in signalen
    ]


def werkblokken(user) -> list[dict]:
    """'Mijn werk': the team's meldingen awaiting first contact and how many are late."""
    if not melding_rechten.mag_wachtrij_zien(user) or not rechten.teams_van(user).exists():
        return []
    termijn = selectors.termijn_eerste_contact()
    return [
        {
            "template": "meldingen/_werkblok.html",
            "termijn": termijn,
            "coordinator": melding_rechten.mag_achterstand_zien(user),
            "signalen": melding_rechten.mag_signalen_zien(user),
            "wachtrij_url": reverse("meldingen:wachtrij"),
            **selectors.werkvoorraad(user, termijn),
        }
    ]
