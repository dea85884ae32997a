"""The poort's own rules, built on the rights kernel (skt/rechten/) and the meldingen rules."""

from __future__ import annotations

from django.db.models import QuerySet

from meldingen.rechten import meldingen_zichtbaar_voor
from skt.models import Rol
from skt.rechten import heeft_rol, inwoners_betrokken_voor, is_actief

from .models import Koppelverzoek

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


# -- koppelverzoeken -------------------------------------------------------------------------
#
# Only the vraagverhelderaar handles them: the poort may recognise every inwoner, and a koppelverzoek is
# by definition about someone outside the asker's betrokkenheid. The coordinator is left out on
# purpose: they see "everything of their teams", but these inwoners are mostly outside those teams,
# so a list would tell them who is known elsewhere (the existence oracle of issue 11); and there is
# nothing for them to do in it, the poort registers the melding or closes the request.
KOPPELVERZOEK_ROLLEN = (Rol.VRAAGVERHELDERAAR,)


def mag_koppelverzoeken_behandelen(user) -> bool:
    return heeft_rol(user, *KOPPELVERZOEK_ROLLEN)


def koppelverzoeken_zichtbaar_voor(user) -> QuerySet[Koppelverzoek]:
    """The poort's work list: every koppelverzoek; for anyone else nothing."""
    if not mag_koppelverzoeken_behandelen(user):
        return Koppelverzoek.objects.none()
    return Koppelverzoek.objects.all()


def eigen_koppelverzoeken(user) -> QuerySet[Koppelverzoek]:
    """The asker's own requests: their block shows date, status and outcome, never the inwoner."""
    if not is_actief(user):
        return Koppelverzoek.objects.none()
    return Koppelverzoek.objects.filter(gevraagd_door=user)


def zichtbare_inwoners_van(user, inwoner_ids) -> set[int]:
    """Of these inwoners (of the asker's requests), those the asker may open through a betrokkenheid,
    not break the glass: only for them the asker's own block leads to the dossier. One query."""
    ids = set(inwoner_ids)
    if not ids:
        return set()
    return set(inwoners_betrokken_voor(user).filter(pk__in=ids).values_list("pk", flat=True))
