"""Every access decision of the product, in one module.

Deny by default. Roles are Django groups holding model permissions (what a role may do at
all); which objects a person may touch are django-guardian object permissions on direct
foreign-key tables, granted to a team's group (preferred) or to one person. Nothing
outside this module calls guardian.

Lists use the ``*_zichtbaar_voor(user)`` querysets (one SQL query with EXISTS on the
permission tables, never a check per row); views use the ``get_*_voor(request, uuid)``
fetch helpers, which raise 404 for what the user may not know exists and record refusals
in the access log.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import wraps

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.db.models.functions import Now
from django.http import Http404
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from .models import (
    Betrokkenheid,
    Inwoner,
    InwonerGroupObjectPermission,
    InwonerUserObjectPermission,
    Medewerker,
    Noodtoegang,
    Rol,
    Team,
)
from .toegang import toegang_vastleggen

KERNTEAM_ROLLEN = (Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER)
CONSULENT_ROLLEN = (Rol.CONSULENT_WMO, Rol.CONSULENT_JEUGD)

# What each role may do at all (model permissions). Later apps add their own codenames
# here; rollen_inrichten() skips codenames whose model does not exist (yet).
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


def rollen_inrichten() -> None:
    """Create a group per role with exactly its model permissions (idempotent)."""
    for rol in Rol:
        groep, _ = Group.objects.get_or_create(name=rol_groepnaam(rol))
        gewenst = []
        for naam in ROL_MODELPERMISSIES[rol]:
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


def _met_objectrecht(
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


def _ophalen_of_404(request, qs: QuerySet, uuid, soort: str):
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


def inwoners_zichtbaar_voor(user) -> QuerySet[Inwoner]:
    """Inwoners whose dossier this user may open: betrokkenheid of the user or their team, or an
    active break-the-glass access of the user. One query."""
    if not is_actief(user) or user.rol in (Rol.BELEID, Rol.BEHEERDER, Rol.VRAAGVERHELDERAAR):
        return Inwoner.objects.none()
    via_user = InwonerUserObjectPermission.objects.filter(
        content_object=OuterRef("pk"), user=user, permission__codename="view_inwoner"
    )
    via_groep = InwonerGroupObjectPermission.objects.filter(
        content_object=OuterRef("pk"), group__user=user, permission__codename="view_inwoner"
    )
    nood = Noodtoegang.objects.filter(inwoner=OuterRef("pk"), medewerker=user, van__lte=Now(), tot__gt=Now())
    voorwaarde = Exists(via_user) | Exists(nood)
    # A vrijwilliger sees only the inwoners of the casussen they are added to (a personal grant),
    # not every dossier their team works on.
    if user.rol != Rol.VRIJWILLIGER:
        voorwaarde |= Exists(via_groep)
    return Inwoner.objects.filter(voorwaarde)


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
    return _met_objectrecht(
        Inwoner.objects.filter(pk=inwoner.pk),
        user,
        "view_inwoner",
        InwonerUserObjectPermission,
        InwonerGroupObjectPermission,
        via_teams=user.rol != Rol.VRIJWILLIGER,
    ).exists()


def actieve_noodtoegang(user, inwoner: Inwoner) -> Noodtoegang | None:
    if not is_actief(user):
        return None
    nu = timezone.now()
    return Noodtoegang.objects.filter(medewerker=user, inwoner=inwoner, van__lte=nu, tot__gt=nu).first()


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
    return Toegang.objects.filter(_van_mijn_teams(user))


def noodtoegangen_te_beoordelen_voor(user) -> QuerySet[Noodtoegang]:
    """Break-the-glass accesses the coordinator reviews: into their teams' dossiers, or by their staff."""
    if not heeft_rol(user, Rol.COORDINATOR):
        return Noodtoegang.objects.none()
    return Noodtoegang.objects.filter(_van_mijn_teams(user))


def mag_inzage_exporteren(user, inwoner: Inwoner) -> bool:
    """An AVG inzageverzoek is handled by the coordinator for an inwoner of their teams."""
    return mag_toegangslog_inzien(user, inwoner)


def mag_huishouden_regisseren(user) -> bool:
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN)


def inwoner_toegang_geven(inwoner: Inwoner, aan: Team | Medewerker, soort: str = "registratie") -> None:
    """Betrokkenheid: a team or person gets to open (and, by role, change) the inwoner's dossier."""
    toekennen("skt.view_inwoner", aan, inwoner)
    sleutel = {"team": aan} if isinstance(aan, Team) else {"medewerker": aan}
    Betrokkenheid.objects.get_or_create(inwoner=inwoner, soort=soort, **sleutel)


def mag_inwoner_registreren(user) -> bool:
    return kan(user, "skt.add_inwoner")


# -- beheer --------------------------------------------------------------------------------


def mag_beheren(user) -> bool:
    """Functional administration (configuration only, never case content)."""
    return heeft_rol(user, Rol.BEHEERDER) and user.is_staff


# -- meldingen -----------------------------------------------------------------------------
# Imported late: meldingen's models import skt's, and this module is imported by skt itself.


def _melding_modellen():
    from meldingen.models import Melding, MeldingGroupObjectPermission, MeldingUserObjectPermission

    return Melding, MeldingUserObjectPermission, MeldingGroupObjectPermission


def meldingen_zichtbaar_voor(user) -> QuerySet:
    """Meldingen whose content this user may read.

    The poort reads untriaged meldingen to triage them; kernteam roles and the coordinator read
    those of their teams, never a Veilig Thuis melding; consulenten read those sent to the loket.
    """
    Melding, via_user, via_groep = _melding_modellen()
    if not is_actief(user):
        return Melding.objects.none()
    from meldingen.workflow import MeldingStatus

    if user.rol == Rol.VRAAGVERHELDERAAR:
        return Melding.objects.filter(status=MeldingStatus.NIEUW)
    if user.rol in (Rol.BEROEPSKRACHT, Rol.COORDINATOR):
        return _met_objectrecht(
            Melding.objects.filter(veilig_thuis=False), user, "view_melding", via_user, via_groep
        )
    if user.rol in CONSULENT_ROLLEN:
        return _met_objectrecht(Melding.objects.all(), user, "view_melding", via_user, via_groep)
    return Melding.objects.none()


def get_melding_voor(request, uuid):
    """Rights-scoped fetch of a melding page; 404 (and a logged refusal) when it is not the user's to know."""
    melding = _ophalen_of_404(
        request, meldingen_zichtbaar_voor(request.user).select_related("inwoner", "team"), uuid, "melding"
    )
    toegang_vastleggen(request, actie="lezen", obj=melding, inwoner=melding.inwoner)
    return melding


def mag_melding_registreren(user) -> bool:
    return heeft_rol(user, Rol.VRAAGVERHELDERAAR, Rol.BEROEPSKRACHT)


def mag_trieren(user, melding) -> bool:
    return heeft_rol(user, Rol.VRAAGVERHELDERAAR, Rol.BEROEPSKRACHT) and (
        meldingen_zichtbaar_voor(user).filter(pk=melding.pk).exists()
    )


def mag_melding_behandelen(user, melding) -> bool:
    """First contact, closing, doorschakelen and terugkoppeling: the team that holds the melding."""
    if not heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN):
        return False
    Melding, via_user, via_groep = _melding_modellen()
    return _met_objectrecht(
        meldingen_zichtbaar_voor(user).filter(pk=melding.pk), user, "change_melding", via_user, via_groep
    ).exists()


def mag_vertrouwelijk_lezen(user) -> bool:
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN)


def melding_toewijzen(melding, team: Team) -> None:
    """Routing: the receiving team may read and work on the melding and open the inwoner's dossier."""
    toekennen("meldingen.view_melding", team, melding)
    toekennen("meldingen.change_melding", team, melding)
    if melding.inwoner_id:
        # A safety signal must not show up as 'loket involved' to kernteam roles.
        soort = "veilig_thuis" if melding.veilig_thuis else "melding"
        inwoner_toegang_geven(melding.inwoner, team, soort=soort)


def melding_overdragen(melding, van: Team) -> None:
    """After doorschakelen the previous team keeps sight (betrokkenheid) but no longer works on it."""
    intrekken("meldingen.change_melding", van, melding)


def melding_registrator_toegang(melding, medewerker: Medewerker) -> None:
    toekennen("meldingen.view_melding", medewerker, melding)


def teams_van(user) -> QuerySet[Team]:
    return Team.objects.filter(leden=user, actief=True) if is_actief(user) else Team.objects.none()


# -- signalen ------------------------------------------------------------------------------


def signalen_zichtbaar_voor(user) -> QuerySet:
    from meldingen.models import Signaal

    if not heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR):
        return Signaal.objects.none()
    return Signaal.objects.filter(team__in=teams_van(user))


def mag_signaal_registreren(user, team: Team) -> bool:
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR) and teams_van(user).filter(pk=team.pk).exists()


def mag_signaal_behandelen(user, signaal) -> bool:
    return signalen_zichtbaar_voor(user).filter(pk=signaal.pk).exists()


def get_signaal_voor(request, uuid):
    return _ophalen_of_404(
        request, signalen_zichtbaar_voor(request.user).select_related("team"), uuid, "signaal"
    )


# -- casussen ---------------------------------------------------------------------------------
# Imported late, like meldingen. A casus is granted to its team's group (view + change) when it
# starts; a vrijwilliger gets a personal view grant on the casus and the inwoner, because a team
# grant must not reach the team's volunteers; opschalen gives the loket sight of it.


def _casus_modellen():
    from casussen.models import Casus, CasusGroupObjectPermission, CasusUserObjectPermission

    return Casus, CasusUserObjectPermission, CasusGroupObjectPermission


def _casusrecht(user, codename: str, *, via_teams: bool = True):
    """An Exists() on the casus permission tables for OuterRef('pk'); one query in any filter."""
    _casus, via_user, via_groep = _casus_modellen()
    persoonlijk = Exists(
        via_user.objects.filter(content_object=OuterRef("pk"), user=user, permission__codename=codename)
    )
    if not via_teams:
        return persoonlijk
    via_team = Exists(
        via_groep.objects.filter(
            content_object=OuterRef("pk"), group__user=user, permission__codename=codename
        )
    )
    return persoonlijk | via_team


def casussen_zichtbaar_voor(user) -> QuerySet:
    """Casussen this user may open. One SQL query, whatever the number of casussen or grants."""
    Casus, _u, _g = _casus_modellen()
    if not heeft_rol(user, Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER, Rol.COORDINATOR, *CONSULENT_ROLLEN):
        return Casus.objects.none()
    return Casus.objects.filter(_casusrecht(user, "view_casus", via_teams=user.rol != Rol.VRIJWILLIGER))


def mag_casus_behandelen(user, casus) -> bool:
    """Contactmomenten, ZRM, vrijwilliger and closing: the beroepskrachten of the casus's team."""
    if not heeft_rol(user, Rol.BEROEPSKRACHT):
        return False
    Casus, _u, _g = _casus_modellen()
    return Casus.objects.filter(pk=casus.pk).filter(_casusrecht(user, "change_casus")).exists()


def mag_casus_starten(user, melding) -> bool:
    """A beroepskracht of the team that holds the melding."""
    return (
        heeft_rol(user, Rol.BEROEPSKRACHT)
        and melding.team_id is not None
        and teams_van(user).filter(pk=melding.team_id).exists()
        and mag_melding_behandelen(user, melding)
    )


def mag_advies_geven(user, casus) -> bool:
    """Advice on a doubtful casus: a coordinator of the casus's team."""
    return heeft_rol(user, Rol.COORDINATOR) and teams_van(user).filter(pk=casus.team_id).exists()


def adviesvragen_zichtbaar_voor(user) -> QuerySet:
    from casussen.models import Adviesvraag

    if not heeft_rol(user, Rol.COORDINATOR):
        return Adviesvraag.objects.none()
    return Adviesvraag.objects.filter(casus__team__in=teams_van(user))


@dataclass(frozen=True)
class CasusToegang:
    casus: Model
    mag_wijzigen: bool
    mag_advies_geven: bool
    toon_bsn: bool
    toon_vertrouwelijk: bool


def get_casus_voor(request, uuid) -> CasusToegang:
    """Rights-scoped fetch of a casus page; 404 (and a logged refusal) for anyone who may not know it."""
    user = request.user
    casus = _ophalen_of_404(
        request,
        casussen_zichtbaar_voor(user).select_related(
            "inwoner", "team", "casushouder", "vrijwilliger", "melding", "toets_collega", "doorverwezen_naar"
        ),
        uuid,
        "casus",
    )
    toegang_vastleggen(request, actie="lezen", obj=casus, inwoner=casus.inwoner)
    return CasusToegang(
        casus=casus,
        mag_wijzigen=mag_casus_behandelen(user, casus),
        mag_advies_geven=mag_advies_geven(user, casus),
        toon_bsn=niveau_voor_inwoner(user) == Niveau.VOLLEDIG,
        toon_vertrouwelijk=mag_vertrouwelijk_lezen(user),
    )


def casus_toewijzen(casus) -> None:
    """Start of a casus: its team reads and works on it and opens the inwoner's dossier."""
    toekennen("casussen.view_casus", casus.team, casus)
    toekennen("casussen.change_casus", casus.team, casus)
    inwoner_toegang_geven(casus.inwoner, casus.team, soort="casus")
    if casus.vrijwilliger_id:
        casus_vrijwilliger_toegang_geven(casus, casus.vrijwilliger)


def casus_vrijwilliger_toegang_geven(casus, vrijwilliger: Medewerker) -> None:
    """Personal, read-only: the volunteer sees this casus and (without BSN) its inwoner."""
    toekennen("casussen.view_casus", vrijwilliger, casus)
    inwoner_toegang_geven(casus.inwoner, vrijwilliger, soort="casus")


def casus_vrijwilliger_toegang_intrekken(casus, vrijwilliger: Medewerker) -> None:
    intrekken("casussen.view_casus", vrijwilliger, casus)
    Casus, _u, _g = _casus_modellen()
    nog_betrokken = (
        Casus.objects.filter(inwoner_id=casus.inwoner_id, vrijwilliger=vrijwilliger)
        .exclude(pk=casus.pk)
        .exists()
    )
    if not nog_betrokken:
        intrekken("skt.view_inwoner", vrijwilliger, casus.inwoner)


def casus_opschalen(casus, loket: Team) -> None:
    """Opschalen: the loket sees the casus and the dossier; the team keeps sight (the ISam gap)."""
    toekennen("casussen.view_casus", loket, casus)
    inwoner_toegang_geven(casus.inwoner, loket, soort="casus")


# -- arrangementen ---------------------------------------------------------------------------
# Imported late, like meldingen and casussen. A concept is the drafter's team's (view + change,
# through the team group) and the drafter's own (a personal grant, for a drafter without a
# team); submitting gives the loket view + beoordelen; the drafter's team keeps view, so it sees
# what became of the plan (the ISam gap). A vrijwilliger sees nothing of arrangements, even
# though the team's grant reaches their group. The consulent's internal notes are for the
# consulenten only.

CONSULENT_VAN_WET = {"wmo": Rol.CONSULENT_WMO, "jeugd": Rol.CONSULENT_JEUGD}
ARRANGEMENT_ROLLEN = (Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN)


def _arrangement_modellen():
    from arrangementen.models import (
        Arrangement,
        ArrangementGroupObjectPermission,
        ArrangementUserObjectPermission,
    )

    return Arrangement, ArrangementUserObjectPermission, ArrangementGroupObjectPermission


def _arrangementrecht(user, codename: str):
    """An Exists() on the arrangement permission tables for OuterRef('pk'); one query in any filter."""
    _arrangement, via_user, via_groep = _arrangement_modellen()
    persoonlijk = Exists(
        via_user.objects.filter(content_object=OuterRef("pk"), user=user, permission__codename=codename)
    )
    via_team = Exists(
        via_groep.objects.filter(
            content_object=OuterRef("pk"), group__user=user, permission__codename=codename
        )
    )
    return persoonlijk | via_team


def arrangementen_zichtbaar_voor(user) -> QuerySet:
    """Arrangements this user may open. One SQL query, whatever the number of plans or grants."""
    Arrangement, _u, _g = _arrangement_modellen()
    if not heeft_rol(user, *ARRANGEMENT_ROLLEN):
        return Arrangement.objects.none()
    return Arrangement.objects.filter(_arrangementrecht(user, "view_arrangement"))


def arrangementen_te_beoordelen_voor(user) -> QuerySet:
    """Submitted plans of the consulent's own law, not drafted by the consulent, at the loket."""
    Arrangement, _u, _g = _arrangement_modellen()
    wetten = [wet for wet, rol in CONSULENT_VAN_WET.items() if heeft_rol(user, rol)]
    if not wetten:
        return Arrangement.objects.none()
    return (
        Arrangement.objects.filter(wet__in=wetten)
        .exclude(opgesteld_door=user)
        .filter(_arrangementrecht(user, "beoordelen_arrangement"))
        .filter(_arrangementrecht(user, "view_arrangement"))
    )


def mag_arrangement_opstellen(user) -> bool:
    """Voorwerk by a beroepskracht; the regular loket route by a consulent."""
    return heeft_rol(user, Rol.BEROEPSKRACHT, *CONSULENT_ROLLEN)


def mag_arrangement_opstellen_voor(user, inwoner) -> bool:
    return mag_arrangement_opstellen(user) and inwoners_zichtbaar_voor(user).filter(pk=inwoner.pk).exists()


def mag_arrangement_bewerken(user, arrangement, *, status_negeren: bool = False) -> bool:
    """The drafter and their team (beroepskrachten, or consulenten on the regular route) while it is open."""
    if not heeft_rol(user, Rol.BEROEPSKRACHT, *CONSULENT_ROLLEN):
        return False
    if not status_negeren and not arrangement.is_bewerkbaar:
        return False
    Arrangement, _u, _g = _arrangement_modellen()
    return (
        Arrangement.objects.filter(pk=arrangement.pk)
        .filter(_arrangementrecht(user, "change_arrangement"))
        .exists()
    )


def mag_arrangement_beoordelen(user, arrangement) -> bool:
    """A consulent of the plan's law, with the loket's grant on it, who did not draft it."""
    rol = CONSULENT_VAN_WET.get(arrangement.wet)
    if rol is None or not heeft_rol(user, rol) or arrangement.opgesteld_door_id == user.pk:
        return False
    return arrangementen_te_beoordelen_voor(user).filter(pk=arrangement.pk).exists()


def mag_interne_notities_lezen(user) -> bool:
    return heeft_rol(user, *CONSULENT_ROLLEN)


def mag_interne_notitie_schrijven(user, arrangement) -> bool:
    return (
        mag_interne_notities_lezen(user)
        and arrangementen_zichtbaar_voor(user).filter(pk=arrangement.pk).exists()
    )


@dataclass(frozen=True)
class ArrangementToegang:
    arrangement: Model
    mag_bewerken: bool
    mag_beoordelen: bool
    toon_interne_notities: bool
    toon_bsn: bool


def get_arrangement_voor(request, uuid) -> ArrangementToegang:
    """Rights-scoped fetch of an arrangement page; 404 (and a logged refusal) for whoever may not know it."""
    user = request.user
    arrangement = _ophalen_of_404(
        request,
        arrangementen_zichtbaar_voor(user).select_related(
            "inwoner", "team", "opgesteld_door", "behandelaar", "casus", "melding"
        ),
        uuid,
        "arrangement",
    )
    toegang_vastleggen(request, actie="lezen", obj=arrangement, inwoner=arrangement.inwoner)
    return ArrangementToegang(
        arrangement=arrangement,
        mag_bewerken=mag_arrangement_bewerken(user, arrangement),
        mag_beoordelen=mag_arrangement_beoordelen(user, arrangement),
        toon_interne_notities=mag_interne_notities_lezen(user),
        toon_bsn=niveau_voor_inwoner(user) == Niveau.VOLLEDIG,
    )


def arrangement_toewijzen(arrangement) -> None:
    """A new concept: the drafter's team and the drafter read and edit it, and open the dossier."""
    for codename in ("arrangementen.view_arrangement", "arrangementen.change_arrangement"):
        toekennen(codename, arrangement.opgesteld_door, arrangement)
        if arrangement.team_id:
            toekennen(codename, arrangement.team, arrangement)
    inwoner_toegang_geven(
        arrangement.inwoner, arrangement.team or arrangement.opgesteld_door, soort="arrangement"
    )


def arrangement_aan_loket_geven(arrangement, loket: Team) -> None:
    """Submitted: the loket's consulenten read and decide it and open the dossier; the team keeps view."""
    toekennen("arrangementen.view_arrangement", loket, arrangement)
    toekennen("arrangementen.beoordelen_arrangement", loket, arrangement)
    inwoner_toegang_geven(arrangement.inwoner, loket, soort="arrangement")
    # DOMAIN.md: the consulent reads the kernteam's records of this inwoner, so the inwoner does
    # not tell their story twice. Veilig Thuis meldingen are the loket's already.
    from casussen.models import Casus
    from meldingen.models import Melding

    for melding in Melding.objects.filter(inwoner=arrangement.inwoner, veilig_thuis=False):
        toekennen("meldingen.view_melding", loket, melding)
    for casus in Casus.objects.filter(inwoner=arrangement.inwoner):
        toekennen("casussen.view_casus", loket, casus)


# -- monitor ---------------------------------------------------------------------------------
# The kwartaalmonitor shows aggregates only. The coordinator and beleid see it; only the coordinator
# sets streefwaarden. Beleid (and the raad's PDF) never see counts under the profile's privacy
# threshold per team or kern, since in a small kern those point at a person.

MONITOR_ROLLEN = (Rol.COORDINATOR, Rol.BELEID)


def mag_monitor_zien(user) -> bool:
    return heeft_rol(user, *MONITOR_ROLLEN)


def mag_streefwaarden_instellen(user) -> bool:
    return heeft_rol(user, Rol.COORDINATOR)


def monitor_zonder_drempel(user) -> bool:
    """The coordinator already sees every melding of their teams; small counts tell them nothing new."""
    return heeft_rol(user, Rol.COORDINATOR)


def monitorrapporten_zichtbaar_voor(user) -> QuerySet:
    from monitor.models import MonitorRapport

    return MonitorRapport.objects.all() if mag_monitor_zien(user) else MonitorRapport.objects.none()


def get_monitorrapport_voor(request, uuid, *, actie: str = "lezen"):
    """Rights-scoped fetch of a frozen report; the download of a PDF or JSON is an export in the log."""
    rapport = monitorrapporten_zichtbaar_voor(request.user).filter(uuid=uuid).first()
    if rapport is None:
        toegang_vastleggen(
            request, actie=actie, geweigerd=True, object_soort="monitorrapport", object_id=str(uuid)
        )
        raise Http404
    if actie != "lezen":
        toegang_vastleggen(request, actie=actie, obj=rapport)
    return rapport
