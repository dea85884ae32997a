"""Who may read and work on meldingen and signalen, built on the rights kernel (skt/rechten/).

A melding is granted to the team it is routed to (view + change, through the team's group); the
registrator keeps a personal view grant; after doorschakelen the previous team keeps view only.
Triage (mag_trieren) lives here rather than in poort because the melding page asks it too.
"""

from __future__ import annotations

from django.db.models import QuerySet

from skt.models import Medewerker, Rol, Team
from skt.rechten import (
    CONSULENT_ROLLEN,
    heeft_rol,
    intrekken,
    inwoner_toegang_geven,
    is_actief,
    met_objectrecht,
    onder_noodtoegang,
    ophalen_of_404,
    teams_van,
    toekennen,
)
from skt.rechten.noodtoegang import inwoners_onder_noodtoegang, ophalen_met_noodtoegang
from skt.toegang import toegang_vastleggen

from .models import Melding, MeldingGroupObjectPermission, MeldingUserObjectPermission, Signaal
from .workflow import MeldingStatus

# Who works the team queue, and who sees the team's signalen (the screens and the 'Mijn werk' block).
WACHTRIJ_ROLLEN = (Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN)
SIGNAAL_ROLLEN = (Rol.BEROEPSKRACHT, Rol.COORDINATOR)

# -- meldingen -----------------------------------------------------------------------------


def meldingen_zichtbaar_voor(user) -> QuerySet[Melding]:
    """Meldingen whose content this user may read.

    The poort reads untriaged meldingen to triage them; kernteam roles and the coordinator read
    those of their teams, never a Veilig Thuis melding; consulenten read those sent to the loket.
    """
    if not is_actief(user):
        return Melding.objects.none()
    if user.rol == Rol.VRAAGVERHELDERAAR:
        return Melding.objects.filter(status=MeldingStatus.NIEUW)
    if user.rol in (Rol.BEROEPSKRACHT, Rol.COORDINATOR):
        return met_objectrecht(
            Melding.objects.filter(veilig_thuis=False),
            user,
            "view_melding",
            MeldingUserObjectPermission,
            MeldingGroupObjectPermission,
        )
    if user.rol in CONSULENT_ROLLEN:
        return met_objectrecht(
            Melding.objects.all(),
            user,
            "view_melding",
            MeldingUserObjectPermission,
            MeldingGroupObjectPermission,
        )
    return Melding.objects.none()


def get_melding_voor(request, uuid) -> Melding:
    """Rights-scoped fetch of a melding page; 404 (and a logged refusal) when it is not the user's to know."""
    melding = ophalen_of_404(
        request, meldingen_zichtbaar_voor(request.user).select_related("inwoner", "team"), uuid, "melding"
    )
    toegang_vastleggen(request, actie="lezen", obj=melding, inwoner=melding.inwoner)
    return melding


def meldingen_onder_noodtoegang_voor(user) -> QuerySet[Melding]:
    """Read-only under break the glass: the meldingen of an inwoner with an active noodtoegang of this
    user, never a Veilig Thuis signal."""
    return Melding.objects.filter(veilig_thuis=False, inwoner__in=inwoners_onder_noodtoegang(user))


def meldingen_te_openen_voor(user) -> QuerySet[Melding]:
    """The meldingen whose page opens for this user (a link to another is not shown)."""
    return meldingen_zichtbaar_voor(user) | meldingen_onder_noodtoegang_voor(user)


def get_melding_lezen(request, uuid):
    """The melding page: (melding, noodtoegang or None). Also read-only under break the glass, logged as
    such; every action fetches with get_melding_voor, which knows no noodtoegang."""
    return ophalen_met_noodtoegang(
        request,
        meldingen_zichtbaar_voor(request.user).select_related("inwoner", "team"),
        meldingen_onder_noodtoegang_voor(request.user).select_related("inwoner", "team"),
        uuid,
        "melding",
    )


def mag_melding_registreren(user) -> bool:
    """The poort, the beroepskracht at the spreekuur, and the consulent registering at the loket."""
    return heeft_rol(user, Rol.VRAAGVERHELDERAAR, Rol.BEROEPSKRACHT, *CONSULENT_ROLLEN)


def mag_trieren(user, melding) -> bool:
    """The poort, or the beroepskracht who registered it; never under break the glass, for routing a
    melding to one's own team would turn the emergency access into a lasting betrokkenheid."""
    if melding.inwoner_id and onder_noodtoegang(user, melding.inwoner):
        return False
    if heeft_rol(user, *CONSULENT_ROLLEN):
        # A consulent routes only the melding they registered at the loket themselves (to the loket).
        return melding.geregistreerd_door_id == user.pk
    return heeft_rol(user, Rol.VRAAGVERHELDERAAR, Rol.BEROEPSKRACHT) and (
        meldingen_zichtbaar_voor(user).filter(pk=melding.pk).exists()
    )


def mag_melding_behandelen(user, melding) -> bool:
    """First contact, closing, doorschakelen and terugkoppeling: the team that holds the melding."""
    if not heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN):
        return False
    return met_objectrecht(
        meldingen_zichtbaar_voor(user).filter(pk=melding.pk),
        user,
        "change_melding",
        MeldingUserObjectPermission,
        MeldingGroupObjectPermission,
    ).exists()


def mag_melding_corrigeren(user, melding, *, mag_behandelen: bool | None = None) -> bool:
    """Leefgebieden, jeugd, ingang and melder after vraagverheldering: the team that handles the melding
    (the grant of mag_melding_behandelen), also after closing, so the monitor's figures can be put right.
    mag_behandelen: that answer, when this request already asked it (the melding page), not asked twice."""
    if melding.status == MeldingStatus.NIEUW:
        return False
    return mag_melding_behandelen(user, melding) if mag_behandelen is None else mag_behandelen


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


def mag_wachtrij_zien(user) -> bool:
    return heeft_rol(user, *WACHTRIJ_ROLLEN)


def mag_achterstand_zien(user) -> bool:
    """The coordinator follows the late meldingen of all their teams."""
    return heeft_rol(user, Rol.COORDINATOR)


def is_kernteam_registrator(user) -> bool:
    """A beroepskracht registering at the spreekuur: their teams keep sight of what they registered."""
    return heeft_rol(user, Rol.BEROEPSKRACHT)


def teams_bij_registratie(user, inwoner) -> list[Team]:
    """The teams that get a melding a kernteam registrator registers: theirs, unless they see the
    inwoner only through break the glass. Then the melding waits at the poort, which routes it, and no
    betrokkenheid arises from the emergency access (issue 11)."""
    if not is_kernteam_registrator(user):
        return []
    if inwoner is not None and onder_noodtoegang(user, inwoner):
        return []
    return list(teams_van(user))


def mag_gezamenlijk_huisbezoek_volgen(user) -> bool:
    """Consulenten follow the kernteam's meldingen triaged for a joint home visit (the loket holds
    rights on them from the start), so those are in their queue too."""
    return heeft_rol(user, *CONSULENT_ROLLEN)


# -- signalen ------------------------------------------------------------------------------


def mag_signalen_zien(user) -> bool:
    return heeft_rol(user, *SIGNAAL_ROLLEN)


def signalen_zichtbaar_voor(user) -> QuerySet[Signaal]:
    if not mag_signalen_zien(user):
        return Signaal.objects.none()
    return Signaal.objects.filter(team__in=teams_van(user))


def mag_signaal_registreren(user, team: Team) -> bool:
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR) and teams_van(user).filter(pk=team.pk).exists()


def mag_signaal_behandelen(user, signaal) -> bool:
    return signalen_zichtbaar_voor(user).filter(pk=signaal.pk).exists()


def get_signaal_voor(request, uuid) -> Signaal:
    return ophalen_of_404(
        request, signalen_zichtbaar_voor(request.user).select_related("team"), uuid, "signaal"
    )
