"""Rules of functional administration: who manages accounts and configuration, and what a role needs.

The beheerder configures; they never read case content. The Django admin is for superuser
emergencies only (``/noodbeheer/``).
"""

from __future__ import annotations

from django.db.models import QuerySet

from ..models import Medewerker, Rol
from .kern import is_actief, mag_beheren

# Roles whose work is tied to a team: without one they would see nothing and get no work.
TEAMGEBONDEN_ROLLEN = (
    Rol.BEROEPSKRACHT,
    Rol.VRIJWILLIGER,
    Rol.CONSULENT_WMO,
    Rol.CONSULENT_JEUGD,
    Rol.COORDINATOR,
)


def rol_is_teamgebonden(rol: str) -> bool:
    return rol in TEAMGEBONDEN_ROLLEN


def mag_noodbeheer(user) -> bool:
    """The Django admin: a superuser in an emergency, nobody else."""
    return is_actief(user) and user.is_superuser


def mag_medewerker_beheren(door, medewerker: Medewerker | None = None) -> bool:
    """Accounts are the beheerder's; their own role, teams and active status never (BIO: no self-grant)."""
    if not mag_beheren(door):
        return False
    return medewerker is None or medewerker.pk != door.pk


def is_eigen_account(door, medewerker: Medewerker) -> bool:
    return medewerker.pk == door.pk


def coordinatoren_van(medewerker: Medewerker) -> QuerySet[Medewerker]:
    """The active coordinators of the medewerker's teams: they hear about a reset second factor."""
    return (
        Medewerker.objects.filter(
            rol=Rol.COORDINATOR, is_active=True, teams__in=medewerker.teams.filter(actief=True)
        )
        .exclude(pk=medewerker.pk)
        .distinct()
    )


def rol_beheert(rol: str) -> bool:
    """Only the beheerder's account is staff (the mark mag_beheren asks for besides the role)."""
    return rol == Rol.BEHEERDER


def rechten_verschillen(medewerker: Medewerker, *, rol: str, teams) -> bool:
    """Would this role and these teams change what the medewerker may do?"""
    return medewerker.rol != rol or {t.pk for t in medewerker.teams.all()} != {t.pk for t in teams}
