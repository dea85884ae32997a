"""The rights kernel proper: roles and their model permissions, levels, object grants, the Exists
builder and the fetch-or-404 with a logged refusal, and the rules every app asks."""

from __future__ import annotations

import importlib
from enum import StrEnum
from functools import wraps
from importlib.util import find_spec

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from guardian.shortcuts import assign_perm, remove_perm

from ..models import (
    Medewerker,
    Rol,
    Team,
)
from ..toegang import toegang_vastleggen

KERNTEAM_ROLLEN = (Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER)
CONSULENT_ROLLEN = (Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD)

# What each role may do at all (model permissions) in the kernel. An app adds its own codenames in a
# ROL_MODELPERMISSIES of the same shape in its rechten.py (see rol_modelpermissies()); rollen_inrichten()
# skips codenames whose model does not exist (yet).
ROL_MODELPERMISSIES: dict[str, set[str]] = {
    Rol.VRAAGVERHELDERAAR: {"skt.view_inwoner", "skt.add_inwoner"},
    Rol.BEROEPSKRACHT: {"skt.view_inwoner", "skt.add_inwoner", "skt.change_inwoner", "skt.view_voorziening"},
    Rol.VRIJWILLIGER: {"skt.view_inwoner", "skt.view_voorziening"},
    Rol.CONSULENT_WMO: {"skt.view_inwoner", "skt.add_inwoner", "skt.change_inwoner", "skt.view_voorziening"},
    Rol.CONSULENT_JEUGD: {
        "skt.view_inwoner",
        "skt.add_inwoner",
        "skt.change_inwoner",
        "skt.view_voorziening",
    },
    Rol.COORDINATOR: {"skt.view_inwoner", "skt.view_voorziening", "skt.view_toegang", "skt.view_team"},
    Rol.BELEID: set(),
    Rol.BEHEERDER: {
        f"skt.{actie}_{model}"
        for actie in ("view", "add", "change")
        for model in (
            "kern",
            "team",
            "leefgebied",
            "organisatie",
            "voorziening",
            "medewerker",
            "gemeenteprofiel",
        )
    },
    # Waiting for a confirmed role: nothing.
    Rol.GEEN: set(),
}


class Niveau(StrEnum):
    """How much of an inwoner's data a role may see."""

    VOLLEDIG = "volledig"  # full record
    ZONDER_BSN = "zonder_bsn"  # a volunteer: no BSN, no confidential notes
    HERKENNING = "herkenning"  # the poort: name, birth date, address and open trajectories


def rol_groepnaam(rol: str) -> str:
    return f"rol:{rol}"


def rol_modelpermissies() -> dict[str, set[str]]:
    """The kernel's role table joined with the ROL_MODELPERMISSIES of every installed app's rechten.py.

    Found through the app registry, not imported by name: the kernel must not know the apps above it.
    """
    tabel = {rol: set(namen) for rol, namen in ROL_MODELPERMISSIES.items()}
    for config in apps.get_app_configs():
        modulenaam = f"{config.name}.rechten"
        if config.name == "skt" or find_spec(modulenaam) is None:
            continue
        for rol, namen in getattr(importlib.import_module(modulenaam), "ROL_MODELPERMISSIES", {}).items():
            tabel.setdefault(rol, set()).update(namen)
    return tabel


def rollen_inrichten() -> None:
    """Create a group per role with exactly its model permissions (idempotent)."""
    tabel = rol_modelpermissies()
    for rol in Rol:
        groep, _ = Group.objects.get_or_create(name=rol_groepnaam(rol))
        gewenst = []
        for naam in tabel[rol]:
            app_label, codename = naam.split(".", 1)
            perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if perm is not None:
                gewenst.append(perm)
        groep.permissions.set(gewenst)


def rolgroep_koppelen(medewerker: Medewerker) -> None:
    """Put a medewerker in exactly the group of their role."""
    rolgroepen = Group.objects.filter(name__startswith="rol:")
    medewerker.groups.remove(*rolgroepen.exclude(name=rol_groepnaam(medewerker.rol)))
    groep, _ = Group.objects.get_or_create(name=rol_groepnaam(medewerker.rol))
    medewerker.groups.add(groep)


def team_lidmaatschap_bijwerken(medewerker: Medewerker) -> None:
    """Team groups mirror Medewerker.teams, so team object permissions reach every member."""
    team_groepen = Group.objects.filter(team__isnull=False)
    medewerker.groups.remove(*team_groepen.exclude(team__in=medewerker.teams.all()))
    medewerker.groups.add(*Group.objects.filter(team__in=medewerker.teams.all()))


def is_actief(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def heeft_rol(user, *rollen: str) -> bool:
    return is_actief(user) and getattr(user, "rol", None) in rollen


def is_consulent(user) -> bool:
    """A consulent of the loket (Wmo or Jeugd): their queue, their route and their view of Veilig Thuis."""
    return heeft_rol(user, *CONSULENT_ROLLEN)


def kan(user, permissie: str) -> bool:
    """May this user do this kind of thing at all (a model permission of their role)?"""
    return is_actief(user) and user.has_perm(permissie)


def vereist_rol(*rollen: str):
    """View decorator: the page exists for these roles only; others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not heeft_rol(request.user, *rollen):
                toegang_vastleggen(request, actie="lezen", geweigerd=True, reden="rol heeft geen toegang")
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# -- object permissions -------------------------------------------------------------------


def toekennen(permissie: str, aan: Team | Medewerker, obj: Model) -> None:
    """Grant an object permission to a team (through its group) or to one medewerker."""
    assign_perm(permissie, aan.groep if isinstance(aan, Team) else aan, obj)


def intrekken(permissie: str, van: Team | Medewerker, obj: Model) -> None:
    remove_perm(permissie, van.groep if isinstance(van, Team) else van, obj)


def generieke_rechtentabellen() -> tuple:
    """guardian's generic grant tables (object by content type and key): the retention job removes
    the grants of the objects it deletes through these, and nothing outside the rights modules
    imports guardian."""
    from guardian.models import GroupObjectPermission, UserObjectPermission

    return (UserObjectPermission, GroupObjectPermission)


def groepen_van(user) -> QuerySet:
    """The keys of the user's groups (role and teams) straight from the membership table, as a
    subquery: no join through auth_group per grant row."""
    return Medewerker.groups.through.objects.filter(medewerker_id=user.pk).values("group_id")


def permissie_id(codename: str):
    """The permission's key as a subquery the database computes once per query (an InitPlan), so every
    grant is found by index, not by joining the permission table per row."""
    return Subquery(Permission.objects.filter(codename=codename).order_by().values("pk")[:1])


class ExistsPerRij(Exists):
    """EXISTS that PostgreSQL checks row by row through the object index, never as a hashed set of
    every grant of every team of the user (issue 14). Every list filters on its indexed columns
    first (status, team, date, a keyset page) and the grant is then checked for the remainder; the
    planner cannot know that remainder is small and hashed a decade of grants. OFFSET 0 is what
    stops its rewrite of an EXISTS into a hashed set (PostgreSQL's simplify_EXISTS_query)."""

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = self.as_sql(compiler, connection, **extra_context)
        assert sql.endswith(")")
        return f"{sql[:-1]} OFFSET 0)", params


def objectrecht_q(
    user, codename: str, user_tabel, groep_tabel, *, via_teams: bool = True, veld: str = "pk"
) -> Q:
    """The condition 'user, or a group of user, holds codename on the object in veld'."""
    permissie = permissie_id(codename)
    voorwaarde = Q(
        ExistsPerRij(
            user_tabel.objects.filter(content_object=OuterRef(veld), user=user, permission=permissie)
        )
    )
    if via_teams:
        groepen = groepen_van(user)
        voorwaarde |= ExistsPerRij(
            groep_tabel.objects.filter(
                content_object=OuterRef(veld), group_id__in=groepen, permission=permissie
            )
        )
    return voorwaarde


def met_objectrecht(
    qs: QuerySet, user, codename: str, user_tabel, groep_tabel, *, via_teams: bool = True
) -> QuerySet:
    """Filter qs to objects on which user, or a group of user, holds codename. One query."""
    return qs.filter(objectrecht_q(user, codename, user_tabel, groep_tabel, via_teams=via_teams))


def ophalen_of_404(request, qs: QuerySet, uuid, soort: str):
    """One visible object by uuid, or a logged refusal and a 404: unknown and forbidden look alike."""
    obj = qs.filter(uuid=uuid).first()
    if obj is None:
        toegang_vastleggen(
            request,
            actie="lezen",
            geweigerd=True,
            object_soort=soort,
            object_id=str(uuid),
            reden=f"{soort} niet zichtbaar voor deze gebruiker",
        )
        raise Http404
    return obj


# -- teams and confidential content (asked by every app) ------------------------------------


def teams_van(user) -> QuerySet[Team]:
    return Team.objects.filter(leden=user, actief=True) if is_actief(user) else Team.objects.none()


def mag_vertrouwelijk_lezen(user) -> bool:
    """Confidential notes (of a melding, a contactmoment) and the ZRM: professionals, not the volunteer."""
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN)


# -- navigation ----------------------------------------------------------------------------


def mag_menu_item_zien(user, item) -> bool:
    """A menu item (anything with the roles it is for, see dossier/navigatie.py) shows for those roles."""
    return heeft_rol(user, *item.rollen)


# -- beheer --------------------------------------------------------------------------------


def mag_beheren(user) -> bool:
    """Functional administration (configuration only, never case content)."""
    return heeft_rol(user, Rol.BEHEERDER) and user.is_staff
