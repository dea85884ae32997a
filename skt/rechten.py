"""The rights kernel: roles, levels, object grants, and the rules about inwoners and the access log.

Deny by default. Roles are Django groups holding model permissions (what a role may do at
all); which objects a person may touch are django-guardian object permissions on direct
foreign-key tables, granted to a team's group (preferred) or to one person. Nothing outside
the rights modules calls guardian: this kernel and each app's own ``rechten.py`` (meldingen,
casussen, arrangementen, monitor), which build their rules on ``met_objectrecht`` and
``ophalen_of_404`` here. The kernel imports no app: an app's rules live in the app.

Lists use the ``*_zichtbaar_voor(user)`` querysets (one SQL query with EXISTS on the
permission tables, never a check per row); views use the ``get_*_voor(request, uuid)``
fetch helpers, which raise 404 for what the user may not know exists and record refusals
in the access log.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from importlib.util import find_spec

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.db.models.functions import Now
from django.http import Http404
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from .models import (
    Betrokkenheid,
    Huishouden,
    Inwoner,
    InwonerGroupObjectPermission,
    InwonerUserObjectPermission,
    Medewerker,
    Noodtoegang,
    Rol,
    Team,
    Toegang,
)
from .toegang import toegang_vastleggen

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


def met_objectrecht(
    qs: QuerySet, user, codename: str, user_tabel, groep_tabel, *, via_teams: bool = True
) -> QuerySet:
    """Filter qs to objects on which user, or a group of user, holds codename. One query."""
    via_user = user_tabel.objects.filter(
        content_object=OuterRef("pk"), user=user, permission__codename=codename
    )
    if not via_teams:
        return qs.filter(Exists(via_user))
    via_groep = groep_tabel.objects.filter(
        content_object=OuterRef("pk"), group__user=user, permission__codename=codename
    )
    return qs.filter(Exists(via_user) | Exists(via_groep))


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


# -- inwoners ------------------------------------------------------------------------------


def mag_veilig_thuis_zien(user) -> bool:
    """Veilig Thuis is the loket's: its consulenten see the signal, no other role learns it exists."""
    return heeft_rol(user, *CONSULENT_ROLLEN)


def ziet_alleen_eigen_casussen(user) -> bool:
    """The volunteer sees only the casussen they are on: not the rest of the dossier, nor that there
    are meldingen or plans at the loket."""
    return heeft_rol(user, Rol.VRIJWILLIGER)


def inwoners_zichtbaar_voor(user, *, met_noodtoegang: bool = True) -> QuerySet[Inwoner]:
    """Inwoners whose dossier this user may open: betrokkenheid of the user or their team, or an
    active break-the-glass access of the user (unless met_noodtoegang=False). One query."""
    if not is_actief(user) or user.rol in (Rol.BELEID, Rol.BEHEERDER, Rol.VRAAGVERHELDERAAR):
        return Inwoner.objects.none()
    via_user = InwonerUserObjectPermission.objects.filter(
        content_object=OuterRef("pk"), user=user, permission__codename="view_inwoner"
    )
    via_groep = InwonerGroupObjectPermission.objects.filter(
        content_object=OuterRef("pk"), group__user=user, permission__codename="view_inwoner"
    )
    voorwaarde = Exists(via_user)
    if met_noodtoegang:
        nood = Noodtoegang.objects.filter(
            inwoner=OuterRef("pk"), medewerker=user, van__lte=Now(), tot__gt=Now()
        )
        voorwaarde |= Exists(nood)
    # A vrijwilliger sees only the inwoners of the casussen they are added to (a personal grant),
    # not every dossier their team works on.
    if user.rol != Rol.VRIJWILLIGER:
        if mag_veilig_thuis_zien(user):
            voorwaarde |= Exists(via_groep)
        else:
            # A team grant that exists only for a Veilig Thuis signal (the coordinator is a member of
            # the loket) would show the BSN and address of someone known only to Veilig Thuis.
            andere_reden = Betrokkenheid.objects.filter(
                inwoner=OuterRef("pk"), team__groep__user=user
            ).exclude(soort=Betrokkenheid.Soort.VEILIG_THUIS)
            voorwaarde |= Exists(via_groep) & Exists(andere_reden)
    return Inwoner.objects.filter(voorwaarde)


def inwoners_betrokken_voor(user) -> QuerySet[Inwoner]:
    """The dossiers this user may open through a betrokkenheid, not through break the glass."""
    return inwoners_zichtbaar_voor(user, met_noodtoegang=False)


def inwoners_alleen_veilig_thuis() -> QuerySet[Inwoner]:
    """Inwoners whose only record is a Veilig Thuis signal, the loket's alone (registering is no record)."""
    soorten = Betrokkenheid.objects.filter(inwoner=OuterRef("pk"))
    return Inwoner.objects.filter(
        Exists(soorten.filter(soort=Betrokkenheid.Soort.VEILIG_THUIS)),
        ~Exists(
            soorten.filter(
                soort__in=(
                    Betrokkenheid.Soort.MELDING,
                    Betrokkenheid.Soort.CASUS,
                    Betrokkenheid.Soort.ARRANGEMENT,
                )
            )
        ),
    )


def inwoners_herkenbaar_voor(user) -> QuerySet[Inwoner]:
    """Inwoners this user may find to recognise a known resident at the poort (identifying data only)."""
    if heeft_rol(user, Rol.VRAAGVERHELDERAAR):
        return Inwoner.objects.all()
    return inwoners_zichtbaar_voor(user)


def niveau_voor_inwoner(user) -> Niveau:
    if user.rol == Rol.VRIJWILLIGER:
        return Niveau.ZONDER_BSN
    if user.rol == Rol.VRAAGVERHELDERAAR:
        return Niveau.HERKENNING
    return Niveau.VOLLEDIG


@dataclass(frozen=True)
class InwonerToegang:
    inwoner: Inwoner
    niveau: Niveau
    mag_wijzigen: bool
    noodtoegang: Noodtoegang | None = None

    @property
    def toon_bsn(self) -> bool:
        return self.niveau == Niveau.VOLLEDIG


def get_inwoner_voor(request, uuid) -> InwonerToegang:
    """Rights-scoped fetch for inwoner pages; logs the read, or the refusal, in the access log."""
    user = request.user
    inwoner = inwoners_herkenbaar_voor(user).filter(uuid=uuid).first()
    if inwoner is None:
        toegang_vastleggen(
            request,
            actie="lezen",
            geweigerd=True,
            object_soort="inwoner",
            object_id=str(uuid),
            reden="geen betrokkenheid of onbekend",
        )
        raise Http404
    niveau = niveau_voor_inwoner(user)
    mag_wijzigen = niveau == Niveau.VOLLEDIG and kan(user, "skt.change_inwoner")
    nood = actieve_noodtoegang(user, inwoner)
    if nood is not None and not _via_betrokkenheid(user, inwoner):
        toegang_vastleggen(request, actie="break_the_glass", obj=inwoner, inwoner=inwoner, reden=nood.reden)
    else:
        toegang_vastleggen(request, actie="lezen", obj=inwoner, inwoner=inwoner)
    return InwonerToegang(inwoner=inwoner, niveau=niveau, mag_wijzigen=mag_wijzigen, noodtoegang=nood)


def _via_betrokkenheid(user, inwoner: Inwoner) -> bool:
    return inwoners_betrokken_voor(user).filter(pk=inwoner.pk).exists()


def actieve_noodtoegang(user, inwoner: Inwoner) -> Noodtoegang | None:
    if not is_actief(user):
        return None
    nu = timezone.now()
    return Noodtoegang.objects.filter(medewerker=user, inwoner=inwoner, van__lte=nu, tot__gt=nu).first()


def onder_noodtoegang(user, inwoner: Inwoner) -> Noodtoegang | None:
    """The break-the-glass access through which this user sees the inwoner now, if that is the only way.

    What someone does under it never becomes a betrokkenheid (issue 11): the rules that grant ask this.
    """
    nood = actieve_noodtoegang(user, inwoner)
    if nood is None or _via_betrokkenheid(user, inwoner):
        return None
    return nood


def mag_noodtoegang_vragen(user) -> bool:
    """Break the glass: professionals who may have to act for an absent colleague or in an emergency."""
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN)


def mag_toegangslog_inzien(user, inwoner: Inwoner | None = None) -> bool:
    """The coordinator reviews who read a dossier (of an inwoner of their teams)."""
    if not heeft_rol(user, Rol.COORDINATOR):
        return False
    return inwoner is None or inwoners_zichtbaar_voor(user).filter(pk=inwoner.pk).exists()


def _van_mijn_teams(user):
    """What the coordinator reviews: about an inwoner of their teams, or done by a member of their teams."""
    return Q(inwoner__in=inwoners_zichtbaar_voor(user).values("pk")) | Q(
        medewerker__in=Medewerker.objects.filter(teams__in=teams_van(user)).values("pk")
    )


def toegang_zichtbaar_voor(user) -> QuerySet:
    """The access log rows a coordinator may read: never about inwoners or staff outside their teams."""
    from .models import Toegang

    if not heeft_rol(user, Rol.COORDINATOR):
        return Toegang.objects.none()
    # Staff in no team (the poort works for all teams) have no coordinator of their own: every
    # coordinator sees their search-limit alerts, which name no inwoner.
    zonder_team = Q(actie=Toegang.Actie.LIMIET, medewerker__in=Medewerker.objects.filter(teams__isnull=True))
    return Toegang.objects.filter(_van_mijn_teams(user) | zonder_team)


def noodtoegangen_te_beoordelen_voor(user) -> QuerySet[Noodtoegang]:
    """Break-the-glass accesses the coordinator reviews: into their teams' dossiers, or by their staff;
    never their own (that goes to another coordinator, or to the beheerder's audit list)."""
    if not heeft_rol(user, Rol.COORDINATOR):
        return Noodtoegang.objects.none()
    return Noodtoegang.objects.filter(_van_mijn_teams(user)).exclude(medewerker=user)


def mag_noodtoegang_beoordelen(user, nood: Noodtoegang) -> bool:
    return noodtoegangen_te_beoordelen_voor(user).filter(pk=nood.pk).exists()


def noodtoegangen_voor_audit(user) -> QuerySet[Noodtoegang]:
    """A coordinator's own break-the-glass that no other coordinator can review (no other active
    coordinator shares an active team with them): on the beheerder's audit list."""
    if not heeft_rol(user, Rol.BEHEERDER):
        return Noodtoegang.objects.none()
    andere_coordinator = Medewerker.objects.filter(
        rol=Rol.COORDINATOR, is_active=True, teams=OuterRef("pk")
    ).exclude(pk=OuterRef(OuterRef("medewerker_id")))
    gedeeld_team = Team.objects.filter(leden=OuterRef("medewerker_id"), actief=True).filter(
        Exists(andere_coordinator)
    )
    return Noodtoegang.objects.filter(medewerker__rol=Rol.COORDINATOR).exclude(Exists(gedeeld_team))


def mag_inzage_exporteren(user, inwoner: Inwoner) -> bool:
    """An AVG inzageverzoek is handled by the coordinator for an inwoner of their teams."""
    return mag_toegangslog_inzien(user, inwoner)


def mag_huishouden_regisseren(user) -> bool:
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN)


REGISSEUR_ROLLEN = (Rol.BEROEPSKRACHT, *CONSULENT_ROLLEN)


def rol_kan_regisseren(medewerker: Medewerker) -> bool:
    """A regisseur is a beroepskracht or a consulent, whoever the household is (see mag_regisseur_zijn)."""
    return medewerker.rol in REGISSEUR_ROLLEN


def mag_regisseur_zijn(medewerker: Medewerker, huishouden: Huishouden) -> bool:
    """Naming a regisseur grants nothing: only someone already involved with every member (without
    break the glass) may be named."""
    if not heeft_rol(medewerker, *REGISSEUR_ROLLEN):
        return False
    leden = huishouden.leden.values("pk")
    return not leden.exclude(pk__in=inwoners_betrokken_voor(medewerker).values("pk")).exists()


def mag_regisseur_bevestigen(user, huishouden: Huishouden) -> bool:
    """The coordinator of the members' teams may confirm, with a logged reason, a regisseur who is not
    yet involved with every member: they see every member through their teams, not through break the glass."""
    if not heeft_rol(user, Rol.COORDINATOR):
        return False
    leden = huishouden.leden.values("pk")
    return leden.exists() and not leden.exclude(pk__in=inwoners_betrokken_voor(user).values("pk")).exists()


def regisseur_toegang_geven(huishouden: Huishouden, regisseur: Medewerker) -> None:
    """A regisseur the coordinator confirmed: betrokkenheid with every member, decided in this module."""
    for lid in huishouden.leden.all():
        inwoner_toegang_geven(lid, regisseur, soort=Betrokkenheid.Soort.REGISSEUR)


def regisseur_kandidaten(huishouden: Huishouden, door=None) -> list[Medewerker]:
    """Who the household page offers as regisseur: those of mag_regisseur_zijn; for a coordinator who may
    confirm (mag_regisseur_bevestigen), also the beroepskrachten and consulenten of their teams."""
    if door is not None and mag_regisseur_bevestigen(door, huishouden):
        return list(
            Medewerker.objects.filter(is_active=True, rol__in=REGISSEUR_ROLLEN, teams__in=teams_van(door))
            .distinct()
            .order_by("last_name", "first_name")
        )
    eerste = huishouden.leden.order_by("pk").first()
    if eerste is None:
        return []
    # Only people with some grant on one member can be involved with all: check those, not all staff.
    met_recht = Medewerker.objects.filter(
        Q(pk__in=InwonerUserObjectPermission.objects.filter(content_object=eerste).values("user"))
        | Q(groups__in=InwonerGroupObjectPermission.objects.filter(content_object=eerste).values("group")),
        is_active=True,
        rol__in=REGISSEUR_ROLLEN,
    ).distinct()
    return [m for m in met_recht.order_by("last_name", "first_name") if mag_regisseur_zijn(m, huishouden)]


@dataclass(frozen=True)
class HuishoudenToegang:
    huishouden: Huishouden
    leden: list[Inwoner]  # the members whose dossier this user may open
    andere: int  # members the user may not see: counted, never shown
    mag_regisseren: bool


def get_huishouden_voor(request, uuid) -> HuishoudenToegang:
    """Rights-scoped fetch of a household page: it exists for this user only through a member whose
    dossier they may open; otherwise a logged refusal and a 404. Each visible member's read is logged."""
    user = request.user
    huis = Huishouden.objects.select_related("regisseur").filter(uuid=uuid).first()
    leden = list(inwoners_zichtbaar_voor(user).filter(huishouden=huis).select_related("kern")) if huis else []
    if not leden:
        toegang_vastleggen(
            request, actie="lezen", geweigerd=True, object_soort="huishouden", object_id=str(uuid)
        )
        raise Http404
    return HuishoudenToegang(
        huishouden=huis,
        leden=leden,
        andere=huis.leden.count() - len(leden),
        mag_regisseren=mag_huishouden_regisseren(user),
    )


def huishouden_lezen_vastleggen(request, toegang: HuishoudenToegang) -> None:
    """One row per visible member; a member seen only through break the glass is logged as such."""
    for lid in toegang.leden:
        nood = onder_noodtoegang(request.user, lid)
        if nood is not None:
            toegang_vastleggen(
                request,
                actie=Toegang.Actie.BREAK_THE_GLASS,
                obj=lid,
                inwoner=lid,
                reden=f"huishoudoverzicht; {nood.reden}",
            )
        else:
            toegang_vastleggen(request, actie="lezen", obj=lid, inwoner=lid, reden="huishoudoverzicht")


def regisseur_vastleggen(request, huishouden: Huishouden, reden: str = "") -> None:
    """Naming (or removing) a household's regisseur is a change in the access log, with the
    coordinator's reason when they confirmed a regisseur who was not yet involved with every member."""
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.WIJZIGEN,
        obj=huishouden,
        object_soort="huishouden",
        reden=f"regisseur van het huishouden: {huishouden.regisseur or 'geen'}"
        + (f"; bevestigd door de coördinator: {reden}" if reden else ""),
    )


def get_inwoner_voor_toegangslog(request, uuid, *, actie: str = "lezen", object_soort: str = "toegangslog"):
    """The inwoner whose access log (or AVG export) the coordinator may read; else a logged refusal and a
    404, for an inwoner outside their teams looks the same as an unknown one."""
    inwoner = inwoners_zichtbaar_voor(request.user).filter(uuid=uuid).first()
    if inwoner is None or not mag_toegangslog_inzien(request.user, inwoner):
        toegang_vastleggen(
            request, actie=actie, geweigerd=True, object_soort=object_soort, object_id=str(uuid)
        )
        raise Http404
    return inwoner


def noodtoegang_vastleggen(
    request, *, nood: Noodtoegang | None = None, object_soort: str = "", object_id: str = "", reden: str = ""
) -> None:
    """Every break-the-glass in the access log: the access opened (nood), or the refused attempt."""
    if nood is not None:
        toegang_vastleggen(
            request,
            actie=Toegang.Actie.BREAK_THE_GLASS,
            obj=nood.inwoner,
            inwoner=nood.inwoner,
            reden=nood.reden,
        )
        return
    toegang_vastleggen(
        request,
        actie=Toegang.Actie.BREAK_THE_GLASS,
        geweigerd=True,
        object_soort=object_soort,
        object_id=object_id[:64],
        reden=reden[:500],
    )


def vereist_noodtoegang_recht(request) -> None:
    """Only the roles of mag_noodtoegang_vragen break the glass; a refusal is logged as a break-the-glass."""
    if not mag_noodtoegang_vragen(request.user):
        noodtoegang_vastleggen(request, reden="rol kan geen noodtoegang krijgen")
        raise PermissionDenied


def inwoner_toegang_geven(inwoner: Inwoner, aan: Team | Medewerker, soort: str = "registratie") -> None:
    """Betrokkenheid: a team or person gets to open (and, by role, change) the inwoner's dossier."""
    toekennen("skt.view_inwoner", aan, inwoner)
    sleutel = {"team": aan} if isinstance(aan, Team) else {"medewerker": aan}
    Betrokkenheid.objects.get_or_create(inwoner=inwoner, soort=soort, **sleutel)


def mag_inwoner_registreren(user) -> bool:
    return kan(user, "skt.add_inwoner")


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
