"""The poort's own rules, built on the rights kernel (skt/rechten/) and the meldingen rules."""

from __future__ import annotations

from meldingen.rechten import meldingen_zichtbaar_voor
from skt.models import Rol
from skt.rechten import heeft_rol

# The poort's screens: the vraagverhelderaar, and the beroepskracht registering at the spreekuur.
POORT_ROLLEN = (Rol.VRAAGVERHELDERAAR, Rol.BEROEPSKRACHT)


def mag_poort_gebruiken(user) -> bool:
    return heeft_rol(user, *POORT_ROLLEN)


def is_poortmedewerker(user) -> bool:
    """The vraagverhelderaar works at the poort only; the beroepskracht also triages now and then."""
    return heeft_rol(user, Rol.VRAAGVERHELDERAAR)


def mag_dubbelen_zien(user) -> bool:
    """Who a likely duplicate inwoner is: the poort sees it; other roles only learn that one exists."""
    return heeft_rol(user, Rol.VRAAGVERHELDERAAR)


def mag_eerdere_triage_horen(user, melding) -> bool:
    """Who hears who already triaged a melding: the poort, and whoever may read the melding now."""
    return (
        heeft_rol(user, Rol.VRAAGVERHELDERAAR)
        or meldingen_zichtbaar_voor(user).filter(pk=melding.pk).exists()
    )
