"""The poort's own rules, built on the rights kernel (skt/rechten.py) and the meldingen rules."""

from __future__ import annotations

from meldingen.rechten import meldingen_zichtbaar_voor
from skt.models import Rol
from skt.rechten import heeft_rol


def mag_dubbelen_zien(user) -> bool:
    """Who a likely duplicate inwoner is: the poort sees it; other roles only learn that one exists."""
    return heeft_rol(user, Rol.VRAAGVERHELDERAAR)


def mag_eerdere_triage_horen(user, melding) -> bool:
    """Who hears who already triaged a melding: the poort, and whoever may read the melding now."""
    return (
        heeft_rol(user, Rol.VRAAGVERHELDERAAR)
        or meldingen_zichtbaar_voor(user).filter(pk=melding.pk).exists()
    )
