"""Who may read and work on casussen, built on the rights kernel (skt/rechten/).

A casus is granted to its team's group (view + change) when it starts; a vrijwilliger gets a
personal view grant on the casus and the inwoner, because a team grant must not reach the team's
volunteers; opschalen gives the loket sight of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from meldingen.rechten import mag_melding_behandelen
from skt.models import Medewerker, Noodtoegang, Rol, Team
from skt.rechten import (
    CONSULENT_ROLLEN,
    KERNTEAM_ROLLEN,
    Niveau,
    heeft_rol,
    intrekken,
    inwoner_toegang_geven,
    mag_herverdelen_in_team,
    mag_vertrouwelijk_lezen,
    niveau_voor_inwoner,
    objectrecht_q,
    teams_van,
    toekennen,
)
from skt.rechten.noodtoegang import inwoners_onder_noodtoegang, ophalen_met_noodtoegang
from skt.toegang import toegang_vastleggen

from .models import Adviesvraag, Casus, CasusGroupObjectPermission, CasusUserObjectPermission


def _casusrecht(user, codename: str, *, via_teams: bool = True):
    """The casus permission tables for OuterRef('pk'), checked per row; one query in any filter."""
    return objectrecht_q(
        user, codename, CasusUserObjectPermission, CasusGroupObjectPermission, via_teams=via_teams
    )


def casussen_zichtbaar_voor(user) -> QuerySet[Casus]:
    """Casussen this user may open. One SQL query, whatever the number of casussen or grants."""
    if not heeft_rol(user, Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER, Rol.COORDINATOR, *CONSULENT_ROLLEN):
        return Casus.objects.none()
    return Casus.objects.filter(_casusrecht(user, "view_casus", via_teams=user.rol != Rol.VRIJWILLIGER))


def casussen_onder_noodtoegang_voor(user) -> QuerySet[Casus]:
    """Read-only under break the glass: the casussen of an inwoner with an active noodtoegang of this user."""
    return Casus.objects.filter(inwoner__in=inwoners_onder_noodtoegang(user))


def casussen_te_openen_voor(user) -> QuerySet[Casus]:
    """The casussen whose page opens for this user (a link to another is not shown)."""
    return casussen_zichtbaar_voor(user) | casussen_onder_noodtoegang_voor(user)


def mag_casus_behandelen(user, casus) -> bool:
    """Contactmomenten, ZRM, vrijwilliger and closing: the beroepskrachten of the casus's team."""
    if not heeft_rol(user, Rol.BEROEPSKRACHT):
        return False
    return Casus.objects.filter(pk=casus.pk).filter(_casusrecht(user, "change_casus")).exists()


def mag_casussen_starten(user) -> bool:
    """Starting casussen at all is for beroepskrachten; which melding: mag_casus_starten."""
    return heeft_rol(user, Rol.BEROEPSKRACHT)


def mag_casus_starten(user, melding) -> bool:
    """A beroepskracht of the team that holds the melding."""
    return (
        mag_casussen_starten(user)
        and melding.team_id is not None
        and teams_van(user).filter(pk=melding.team_id).exists()
        and mag_melding_behandelen(user, melding)
    )


def _actief_in_team(medewerker, team: Team, rol: str) -> bool:
    return heeft_rol(medewerker, rol) and medewerker.teams.filter(pk=team.pk).exists()


def mag_casushouder_zijn(medewerker, team: Team) -> bool:
    """The casushouder is always an active beroepskracht of the team, never a vrijwilliger."""
    return _actief_in_team(medewerker, team, Rol.BEROEPSKRACHT)


def mag_vrijwilliger_zijn(medewerker, team: Team) -> bool:
    """Only an active vrijwilliger of the casus's own team comes along."""
    return _actief_in_team(medewerker, team, Rol.VRIJWILLIGER)


def mag_collegiale_toets_doen(medewerker) -> bool:
    """The collegiale toets is done with an active kernteam member (beroepskracht or vrijwilliger)."""
    return heeft_rol(medewerker, *KERNTEAM_ROLLEN)


def mag_advies_geven(user, casus) -> bool:
    """Advice on a doubtful casus: a coordinator of the casus's team."""
    return heeft_rol(user, Rol.COORDINATOR) and teams_van(user).filter(pk=casus.team_id).exists()


def is_coordinator(user) -> bool:
    """The coordinator works from the team caseload, also when asking for 'mijn casussen'."""
    return heeft_rol(user, Rol.COORDINATOR)


def mag_eigen_caseload_zien(user) -> bool:
    """'Mijn casussen': the casushouder's, the vrijwilliger's, or the opgeschaalde of the loket."""
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER, *CONSULENT_ROLLEN)


def is_casushouder_rol(user) -> bool:
    """A beroepskracht's own caseload is the casussen on their name, not all the team's."""
    return heeft_rol(user, Rol.BEROEPSKRACHT)


def is_vrijwilliger(user) -> bool:
    return heeft_rol(user, Rol.VRIJWILLIGER)


def ziet_casus_bij_melding(user) -> bool:
    """The melding page shows the casus that runs on it (or the way to start one) to the kernteam's
    beroepskracht and coordinator; the volunteer never reaches a melding."""
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR)


def ziet_casussenblok(user) -> bool:
    """'Mijn werk' shows the casussen block to whoever works on casussen in a kernteam."""
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.VRIJWILLIGER, Rol.COORDINATOR)


def weigering(request, obj, reden: str) -> PermissionDenied:
    """A refused change on a casus or melding the user may know: in the access log as a refused change,
    with the object and its inwoner (also when only the form was opened), then a 403 with the reason."""
    toegang_vastleggen(request, actie="wijzigen", geweigerd=True, obj=obj, inwoner=obj.inwoner, reden=reden)
    return PermissionDenied(reden)


def adviesvragen_zichtbaar_voor(user) -> QuerySet[Adviesvraag]:
    if not heeft_rol(user, Rol.COORDINATOR):
        return Adviesvraag.objects.none()
    return Adviesvraag.objects.filter(casus__team__in=teams_van(user))


@dataclass(frozen=True)
class CasusToegang:
    casus: Casus
    mag_wijzigen: bool
    mag_advies_geven: bool
    toon_bsn: bool
    toon_vertrouwelijk: bool
    # Read-only through break the glass: the page says so; every action still asks mag_casus_behandelen.
    noodtoegang: Noodtoegang | None = None


def get_casus_voor(request, uuid, *, noodtoegang: bool = False) -> CasusToegang:
    """Rights-scoped fetch of a casus page; 404 (and a logged refusal) for anyone who may not know it.
    With noodtoegang (the casus page only) also read-only under break the glass, logged as such."""
    user = request.user
    velden = (
        "inwoner",
        "team",
        "casushouder",
        "vrijwilliger",
        "melding",
        "toets_collega",
        "doorverwezen_naar",
    )
    nood_qs = casussen_onder_noodtoegang_voor(user) if noodtoegang else Casus.objects.none()
    casus, nood = ophalen_met_noodtoegang(
        request,
        casussen_zichtbaar_voor(user).select_related(*velden),
        nood_qs.select_related(*velden),
        uuid,
        "casus",
    )
    return CasusToegang(
        casus=casus,
        mag_wijzigen=mag_casus_behandelen(user, casus),
        mag_advies_geven=mag_advies_geven(user, casus),
        toon_bsn=niveau_voor_inwoner(user) == Niveau.VOLLEDIG,
        toon_vertrouwelijk=mag_vertrouwelijk_lezen(user),
        noodtoegang=nood,
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


# -- reassigning a leaver's work -------------------------------------------------------------------


def mag_casus_herverdelen(door, casus) -> bool:
    """A coordinator of the casus's own team hands it (or its open adviesvraag) to a colleague."""
    return mag_herverdelen_in_team(door, casus.team_id)


def casushouder_wisselen(casus, oud: Medewerker, nieuw: Medewerker) -> None:
    """The casus is granted to its team, which keeps it: the new casushouder of that team reads and works
    on it through the team. A personal grant the old casushouder may hold ends (unless they are still its
    vrijwilliger, whose personal view grant that is)."""
    if casus.vrijwilliger_id != oud.pk:
        intrekken("casussen.view_casus", oud, casus)
    intrekken("casussen.change_casus", oud, casus)
