"""Leaving and reassigning: who may deactivate a medewerker, whose open work a coordinator hands on,
and the personal grants that end with a deactivation or move with a household's regisseur role."""

from __future__ import annotations

from django.apps import apps
from django.db.models import QuerySet
from django.utils import timezone
from guardian.models import UserObjectPermission, UserObjectPermissionBase

from ..models import Betrokkenheid, Huishouden, Medewerker, Rol
from .huishouden import (
    mag_regisseur_bevestigen,
    mag_regisseur_zijn,
    regisseur_toegang_geven,
    rol_kan_regisseren,
)
from .kern import heeft_rol, intrekken, is_actief, mag_beheren, teams_van


def mag_werk_herverdelen(user) -> bool:
    """The coordinator hands the open work of the people of their teams to a colleague (DOMAIN.md)."""
    return heeft_rol(user, Rol.COORDINATOR)


def medewerkers_te_herverdelen_voor(user) -> QuerySet[Medewerker]:
    """The people of the coordinator's teams, active or not (a deactivated person's work still waits),
    never the coordinator themselves."""
    if not mag_werk_herverdelen(user):
        return Medewerker.objects.none()
    leden = Medewerker.objects.filter(teams__in=teams_van(user)).values("pk")
    return Medewerker.objects.filter(pk__in=leden).exclude(pk=user.pk)


def mag_herverdelen_van(door, medewerker: Medewerker) -> bool:
    return medewerkers_te_herverdelen_voor(door).filter(pk=medewerker.pk).exists()


def mag_herverdelen_in_team(door, team_id: int | None) -> bool:
    """Team-bound work (a casus, a voorwerk plan) is handed on by a coordinator of its own team."""
    return mag_werk_herverdelen(door) and team_id is not None and teams_van(door).filter(pk=team_id).exists()


def is_collega_in_team(medewerker: Medewerker, team_id: int | None) -> bool:
    return team_id is not None and medewerker.teams.filter(pk=team_id, actief=True).exists()


def mag_medewerker_deactiveren(door, medewerker: Medewerker) -> bool:
    """Nobody deactivates themselves. The beheerder deactivates anyone; a coordinator a medewerker of
    their own teams, but not another coordinator (that is the beheerder's, with nobody judging their own)."""
    if not is_actief(door) or door.pk == medewerker.pk:
        return False
    if mag_beheren(door):
        return True
    return (
        heeft_rol(door, Rol.COORDINATOR)
        and medewerker.rol != Rol.COORDINATOR
        and teams_van(door).filter(leden=medewerker).exists()
    )


def ziet_deactiveren(user) -> bool:
    """The coordinator's reassignment page offers the deactivate button."""
    return heeft_rol(user, Rol.COORDINATOR)


def persoonlijke_rechten_intrekken(medewerker: Medewerker) -> int:
    """Every object grant of this person alone ends (team grants stay with the team); their personal
    betrokkenheden are closed, not removed, so the dossier still shows who was involved until when.

    The grant tables are found through the app registry: the kernel imports no app.
    """
    aantal = 0
    for model in apps.get_models():
        if issubclass(model, UserObjectPermissionBase) or model is UserObjectPermission:
            rijen = model.objects.filter(user=medewerker)
            aantal += rijen.count()
            rijen.delete()
    nu = timezone.now()
    for betrokkenheid in Betrokkenheid.objects.filter(medewerker=medewerker, tot__isnull=True):
        betrokkenheid.tot = nu
        betrokkenheid.save()
    return aantal


# -- the household's regisseur -------------------------------------------------------------------


def mag_regisseur_worden(naar: Medewerker, huishouden: Huishouden, door) -> bool:
    """A new regisseur is an active beroepskracht or consulent who is involved with every member, or
    whom the coordinator of the members' teams confirms (the reassignment's reason is the confirmation)."""
    if not is_actief(naar) or not rol_kan_regisseren(naar):
        return False
    return mag_regisseur_zijn(naar, huishouden) or mag_regisseur_bevestigen(door, huishouden)


def regisseur_overdragen(huishouden: Huishouden, oud: Medewerker, nieuw: Medewerker) -> None:
    """The regisseur's betrokkenheid moves: the new one gets it where they lacked it; the old one's ends,
    and their personal grant on a member goes when no other personal betrokkenheid holds it."""
    if not mag_regisseur_zijn(nieuw, huishouden):
        regisseur_toegang_geven(huishouden, nieuw)
    nu = timezone.now()
    for lid in huishouden.leden.all():
        rijen = Betrokkenheid.objects.filter(inwoner=lid, medewerker=oud, tot__isnull=True)
        for betrokkenheid in rijen.filter(soort=Betrokkenheid.Soort.REGISSEUR):
            betrokkenheid.tot = nu
            betrokkenheid.save()
        if not rijen.exclude(soort=Betrokkenheid.Soort.REGISSEUR).exists():
            intrekken("skt.view_inwoner", oud, lid)
