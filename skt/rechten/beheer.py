"""Rules of functional administration: who manages accounts and configuration, and what a role needs.

The beheerder configures; they never read case content. The Django admin is for superuser
emergencies only (``/noodbeheer/``).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from ..models import Medewerker, Rechtenwijziging, Rol, Team
from .kern import heeft_rol, is_actief, mag_beheren, teams_van

# Roles whose work is tied to a team: without one they would see nothing and get no work.
TEAMGEBONDEN_ROLLEN = (
    Rol.BEROEPSKRACHT,
    Rol.VRIJWILLIGER,
    Rol.CONSULENT_WMO,
    Rol.CONSULENT_JEUGD,
    Rol.COORDINATOR,
)


# Roles that read case content: giving or changing one needs a second person (four eyes).
ROLLEN_MET_CASUSINHOUD = TEAMGEBONDEN_ROLLEN


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


# -- four eyes on rights -----------------------------------------------------------------------


def rol_wijziging_verleent_casusinhoud(medewerker: Medewerker, rol: str) -> bool:
    """Giving or changing a role that reads case content."""
    return rol != medewerker.rol and rol in ROLLEN_MET_CASUSINHOUD


def toegevoegde_teams(medewerker: Medewerker, teams) -> list[Team]:
    huidig = set(medewerker.teams.values_list("pk", flat=True)) if medewerker.pk else set()
    return [team for team in teams if team.pk not in huidig]


def verleent_casusinhoud(medewerker: Medewerker, *, rol: str, teams) -> bool:
    """Would this role and these teams grant the medewerker case content they do not have now? Then the
    change waits for a second person; what it only takes away takes effect at once."""
    return rol_wijziging_verleent_casusinhoud(medewerker, rol) or bool(toegevoegde_teams(medewerker, teams))


def beoordelende_teams(medewerker: Medewerker, *, rol: str, teams) -> list[Team]:
    """Whose coordinators judge the proposal: the added teams, or every chosen team when the role
    itself changes (the new role acts in all of them)."""
    if rol_wijziging_verleent_casusinhoud(medewerker, rol):
        return list(teams)
    return toegevoegde_teams(medewerker, teams)


def direct_geldend(medewerker: Medewerker, *, rol: str, teams) -> tuple[str, list[Team]]:
    """The part of a proposed change that takes effect at once: only what it takes away (teams no
    longer chosen). A new role that reads case content waits; one that does not, applies."""
    huidig = list(medewerker.teams.all())
    gekozen = {team.pk for team in teams}
    blijft = [team for team in huidig if team.pk in gekozen]
    return (medewerker.rol if rol in ROLLEN_MET_CASUSINHOUD else rol), blijft


def mag_rechtenwijzigingen_zien(user) -> bool:
    """The list of pending rights changes: the beheerder (all) and the coordinator (their teams)."""
    return mag_beheren(user) or heeft_rol(user, Rol.COORDINATOR)


def rechtenwijzigingen_zichtbaar_voor(user) -> QuerySet[Rechtenwijziging]:
    if mag_beheren(user):
        return Rechtenwijziging.objects.all()
    if heeft_rol(user, Rol.COORDINATOR):
        return Rechtenwijziging.objects.filter(
            Q(beoordelende_teams__in=teams_van(user)) & ~Q(medewerker=user)
        ).distinct()
    return Rechtenwijziging.objects.none()


def mag_rechtenwijziging_beoordelen(user, wijziging: Rechtenwijziging) -> bool:
    """A second person: never the proposer, never the person it is about. Another beheerder, or a
    coordinator of a team concerned (beoordelende_teams); a proposal without such a team (a coordinator
    role without teams cannot exist) only by a beheerder."""
    if not is_actief(user) or user.pk in (wijziging.voorgesteld_door_id, wijziging.medewerker_id):
        return False
    if mag_beheren(user):
        return True
    if not heeft_rol(user, Rol.COORDINATOR):
        return False
    return wijziging.beoordelende_teams.filter(pk__in=teams_van(user)).exists()
