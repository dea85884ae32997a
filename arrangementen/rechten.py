"""Who may read, draft and decide arrangements, built on the rights kernel (skt/rechten/).

A concept is the drafter's team's (view + change, through the team group) and the drafter's own (a
personal grant, for a drafter without a team); submitting gives the loket view + beoordelen; the
drafter's team keeps view, so it sees what became of the plan (the ISam gap). A vrijwilliger sees
nothing of arrangements, even though the team's grant reaches their group. The consulent's internal
notes are for the consulenten only.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from casussen.models import Casus
from casussen.rechten import mag_casushouder_zijn
from meldingen.models import Melding
from skt.models import Noodtoegang, Rol, Team
from skt.rechten import (
    CONSULENT_ROLLEN,
    Niveau,
    actieve_noodtoegang,
    heeft_rol,
    intrekken,
    inwoner_toegang_geven,
    inwoners_betrokken_voor,
    is_collega_in_team,
    mag_herverdelen_in_team,
    niveau_voor_inwoner,
    objectrecht_q,
    ophalen_of_404,
    teams_van,
    toekennen,
)
from skt.rechten.noodtoegang import inwoners_onder_noodtoegang, noodtoegang_lezen_vastleggen
from skt.toegang import toegang_vastleggen

from .models import (
    Aanvraag,
    Arrangement,
    ArrangementGroupObjectPermission,
    ArrangementUserObjectPermission,
    Route,
)
from .workflow import BESLUIT_ACTIES, BIJ_LOKET, WERKSTROOM, ArrangementStatus

CONSULENT_VAN_WET = {"wmo": Rol.CONSULENT_WMO, "jeugd": Rol.CONSULENT_JEUGD}
ARRANGEMENT_ROLLEN = (Rol.BEROEPSKRACHT, Rol.COORDINATOR, *CONSULENT_ROLLEN)


def _arrangementrecht(user, codename: str):
    """The arrangement permission tables for OuterRef('pk'), checked per row; one query in any filter."""
    return objectrecht_q(user, codename, ArrangementUserObjectPermission, ArrangementGroupObjectPermission)


def arrangementen_zichtbaar_voor(user) -> QuerySet[Arrangement]:
    """Arrangements this user may open. One SQL query, whatever the number of plans or grants."""
    if not heeft_rol(user, *ARRANGEMENT_ROLLEN):
        return Arrangement.objects.none()
    return Arrangement.objects.filter(_arrangementrecht(user, "view_arrangement"))


def _eigen_wetten(user) -> list[str]:
    return [wet for wet, rol in CONSULENT_VAN_WET.items() if heeft_rol(user, rol)]


def arrangementen_volledig_leesbaar_voor(user) -> QuerySet[Arrangement]:
    """Arrangements this user reads in full (plan, versions, internal notes) and acts on.

    DOMAIN.md: a consulent reads and acts on the plans of their own law, and on a plan they drafted
    themselves; the other law's plans they may know of appear as milestones (status, dates) only.
    Other roles read in full what they may open.
    """
    zichtbaar = arrangementen_zichtbaar_voor(user)
    if not heeft_rol(user, *CONSULENT_ROLLEN):
        return zichtbaar
    return zichtbaar.filter(Q(wet__in=_eigen_wetten(user)) | Q(opgesteld_door=user))


def arrangementen_onder_noodtoegang_voor(user) -> QuerySet[Arrangement]:
    """Read-only under break the glass: the submitted plans of an inwoner with an active noodtoegang of
    this user (a concept is its drafter's team's work in progress)."""
    return Arrangement.objects.exclude(status=ArrangementStatus.CONCEPT).filter(
        inwoner__in=inwoners_onder_noodtoegang(user)
    )


def arrangementen_te_openen_voor(user) -> QuerySet[Arrangement]:
    """The plans whose page opens for this user (a link to another is not shown)."""
    qs = arrangementen_zichtbaar_voor(user) | arrangementen_onder_noodtoegang_voor(user)
    if heeft_rol(user, *CONSULENT_ROLLEN):
        qs = qs.filter(Q(wet__in=_eigen_wetten(user)) | Q(opgesteld_door=user))
    return qs


def mag_arrangement_volledig_lezen(user, arrangement) -> bool:
    if not heeft_rol(user, *CONSULENT_ROLLEN):
        return True
    return arrangement.wet in _eigen_wetten(user) or arrangement.opgesteld_door_id == user.pk


def arrangementen_te_beoordelen_voor(user) -> QuerySet[Arrangement]:
    """Submitted plans of the consulent's own law, not drafted by the consulent, at the loket."""
    wetten = _eigen_wetten(user)
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


def mag_arrangement_opstellen_voor(user, inwoner, *, toegang=None) -> bool:
    """Only with a betrokkenheid: a plan drafted under break the glass would grant its team the dossier.
    With the toegang this request fetched the dossier with (get_inwoner_voor), it is not asked again."""
    if not mag_arrangement_opstellen(user):
        return False
    if toegang is not None and toegang.inwoner.pk == inwoner.pk:
        return toegang.betrokken
    return inwoners_betrokken_voor(user).filter(pk=inwoner.pk).exists()


def mag_arrangement_bewerken(user, arrangement, *, status_negeren: bool = False) -> bool:
    """The drafter and their team (beroepskrachten, or consulenten on the regular route) while it is open."""
    if not heeft_rol(user, Rol.BEROEPSKRACHT, *CONSULENT_ROLLEN):
        return False
    if not status_negeren and not arrangement.is_bewerkbaar:
        return False
    # The loket's team grant reaches both consulenten: only the plan's own law (or its drafter) edits.
    if not mag_arrangement_volledig_lezen(user, arrangement):
        return False
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


def mag_onderdeel_beslissen(user, onderdeel) -> bool:
    """Maatwerk of a law is decided by a consulent of that law only, whatever plan it sits in."""
    wet = onderdeel.wet
    return wet is None or heeft_rol(user, CONSULENT_VAN_WET.get(wet, ""))


def mag_interne_notities_lezen(user) -> bool:
    return heeft_rol(user, *CONSULENT_ROLLEN)


def mag_interne_notitie_schrijven(user, arrangement) -> bool:
    """The one rule for the note form on the page and for its POST (view and service)."""
    return (
        mag_interne_notities_lezen(user)
        and mag_arrangement_volledig_lezen(user, arrangement)
        and arrangementen_zichtbaar_voor(user).filter(pk=arrangement.pk).exists()
    )


@dataclass(frozen=True)
class ArrangementToegang:
    arrangement: Arrangement
    mag_bewerken: bool
    mag_beoordelen: bool
    toon_interne_notities: bool
    mag_notitie_schrijven: bool
    toon_bsn: bool
    # Read-only through break the glass: the page says so; every action still asks the rules above.
    noodtoegang: Noodtoegang | None = None


def get_arrangement_voor(request, uuid, *, noodtoegang: bool = False) -> ArrangementToegang:
    """Rights-scoped fetch of an arrangement page; 404 (and a logged refusal) for whoever may not know it.
    With noodtoegang (the plan's page only) also read-only under break the glass, logged as such."""
    user = request.user
    velden = ("inwoner", "team", "opgesteld_door", "behandelaar", "casus", "melding")
    arrangement = arrangementen_zichtbaar_voor(user).select_related(*velden).filter(uuid=uuid).first()
    nood = None
    if arrangement is None and noodtoegang:
        arrangement = (
            arrangementen_onder_noodtoegang_voor(user).select_related(*velden).filter(uuid=uuid).first()
        )
        nood = actieve_noodtoegang(user, arrangement.inwoner) if arrangement is not None else None
        if nood is None:
            arrangement = None
    if arrangement is None:
        ophalen_of_404(request, Arrangement.objects.none(), uuid, "arrangement")
    if not mag_arrangement_volledig_lezen(user, arrangement):
        # Known to this consulent as a milestone in the dossier, not theirs to read: the other law's.
        toegang_vastleggen(
            request,
            actie="lezen",
            geweigerd=True,
            obj=arrangement,
            inwoner=arrangement.inwoner,
            reden="arrangement van de andere wet: alleen als mijlpaal zichtbaar",
        )
        raise PermissionDenied
    if nood is not None:
        noodtoegang_lezen_vastleggen(request, arrangement, nood)
    else:
        toegang_vastleggen(request, actie="lezen", obj=arrangement, inwoner=arrangement.inwoner)
    return ArrangementToegang(
        arrangement=arrangement,
        mag_bewerken=mag_arrangement_bewerken(user, arrangement),
        mag_beoordelen=mag_arrangement_beoordelen(user, arrangement),
        toon_interne_notities=mag_interne_notities_lezen(user),
        mag_notitie_schrijven=mag_interne_notitie_schrijven(user, arrangement),
        toon_bsn=niveau_voor_inwoner(user) == Niveau.VOLLEDIG,
        noodtoegang=nood,
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
    for melding in Melding.objects.filter(inwoner=arrangement.inwoner, veilig_thuis=False):
        toekennen("meldingen.view_melding", loket, melding)
    for casus in Casus.objects.filter(inwoner=arrangement.inwoner):
        toekennen("casussen.view_casus", loket, casus)


def besluit_aan_overdragers_geven(arrangement) -> None:
    """A regular-route plan that came from a hand-off: the kernteam that handed over reads the outcome.

    The ISam gap: the team keeps seeing what was granted, by whom and until when, as it does for its
    own voorwerk. Only a team that handed over (and so has a betrokkenheid); never for Veilig Thuis.
    The internal notes stay the loket's (mag_interne_notities_lezen).
    """
    for aanvraag in Aanvraag.objects.filter(arrangement=arrangement, veilig_thuis=False).select_related(
        "overgedragen_team", "casus__team", "melding__team"
    ):
        # The team that handed over; after a joint triage (kernteam with consulent) the melding's team.
        teams = {
            aanvraag.overgedragen_team,
            aanvraag.casus.team if aanvraag.casus_id else None,
            aanvraag.melding.team if aanvraag.melding_id else None,
        }
        for team in teams - {None}:
            if team.soort != Team.Soort.LOKET:
                toekennen("arrangementen.view_arrangement", team, arrangement)


# -- who drafts on which route, who follows what --------------------------------------------


def route_voor(door) -> str:
    """A consulent drafts on the regular loket route; everyone else does voorwerk for the loket."""
    return Route.REGULIER if door.rol in CONSULENT_ROLLEN else Route.VOORWERK


def mag_voorwerk_opstellen(user) -> bool:
    """Voorwerk starts from a casus of the beroepskracht's team."""
    return heeft_rol(user, Rol.BEROEPSKRACHT)


def volgt_besluiten_van_loket(user) -> bool:
    """The kernteam (beroepskracht, coordinator) hears on 'Mijn werk' what the loket decided on its plans."""
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR)


# -- deciding: who holds the plan at the loket ---------------------------------------------


def in_behandeling_bij(user, arrangement) -> bool:
    """The consulent who took the plan in behandeling holds it: only they decide while it is."""
    return arrangement.status == ArrangementStatus.IN_BEHANDELING and arrangement.behandelaar_id == user.pk


def in_behandeling_bij_collega(user, arrangement) -> bool:
    return arrangement.status == ArrangementStatus.IN_BEHANDELING and arrangement.behandelaar_id not in (
        None,
        user.pk,
    )


def mag_beslissen(user, toegang: ArrangementToegang) -> bool:
    """The decision on the plan's page: a consulent who may judge it (toegang.mag_beoordelen, decided by the
    fetch) and holds it, in a state from which the workflow allows a decision."""
    arrangement = toegang.arrangement
    return (
        toegang.mag_beoordelen
        and in_behandeling_bij(user, arrangement)
        and any(WERKSTROOM.mag(actie, arrangement.status) for actie in BESLUIT_ACTIES)
    )


def beslist_collega_consulent(user, arrangement) -> bool:
    """A consulent's own plan at the loket: a colleague of the loket decides on it, never the drafter."""
    return (
        arrangement.opgesteld_door_id == user.pk
        and heeft_rol(user, *CONSULENT_ROLLEN)
        and arrangement.status in BIJ_LOKET
    )


# -- the loket's werkvoorraad ------------------------------------------------------------------


def aanvragen_zichtbaar_voor(user) -> QuerySet[Aanvraag]:
    """Items this user may know, filtered on the item's own indexed columns (no grant per row).

    A consulent: every item of their law (the loket works on all of them, Veilig Thuis included).
    A beroepskracht or coordinator: the items their teams or they themselves handed over, as a
    milestone with its outcome; the poort: what it handed over itself. Never Veilig Thuis outside
    the loket; nobody else sees any.
    """
    if heeft_rol(user, *CONSULENT_ROLLEN):
        return Aanvraag.objects.filter(wet__in=_eigen_wetten(user))
    if heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR):
        return Aanvraag.objects.filter(veilig_thuis=False).filter(
            Q(overgedragen_team__in=teams_van(user)) | Q(overgedragen_door=user)
        )
    if heeft_rol(user, Rol.VRAAGVERHELDERAAR):
        return Aanvraag.objects.filter(veilig_thuis=False, overgedragen_door=user)
    return Aanvraag.objects.none()


def werkvoorraad_voor(user) -> QuerySet[Aanvraag]:
    """The queue: the items of the consulent's own law."""
    if not heeft_rol(user, *CONSULENT_ROLLEN):
        return Aanvraag.objects.none()
    return Aanvraag.objects.filter(wet__in=_eigen_wetten(user))


def mag_aanvraag_behandelen(user, aanvraag: Aanvraag) -> bool:
    """Only a consulent of the item's law takes, ends or hands back an item."""
    rol = CONSULENT_VAN_WET.get(aanvraag.wet)
    return rol is not None and heeft_rol(user, rol)


def mag_overdrachten_volgen(user) -> bool:
    """Who follows their own hand-offs to the loket: the kernteam, its coordinator and the poort."""
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR, Rol.VRAAGVERHELDERAAR)


def mag_werkvoorraad_zien(user) -> bool:
    return heeft_rol(user, *CONSULENT_ROLLEN)


def mag_aanvraag_uitkomst_lezen(user, aanvraag: Aanvraag) -> bool:
    """The reasons on an item (why it went to the loket, why no maatwerk): the loket, and the kernteam
    and coordinator of the team that handed over; the poort follows its own hand-off by status only,
    for the reasons can carry case content added later (an escalated casus's result)."""
    if mag_aanvraag_behandelen(user, aanvraag):
        return True
    return heeft_rol(user, Rol.BEROEPSKRACHT, Rol.COORDINATOR) and not aanvraag.veilig_thuis


@dataclass(frozen=True)
class AanvraagToegang:
    aanvraag: Aanvraag
    mag_behandelen: bool
    # The kernteam and the poort see the item as a milestone: status, outcome, who and when.
    volledig: bool
    toon_redenen: bool


def get_aanvraag_voor(request, uuid) -> AanvraagToegang:
    aanvraag = ophalen_of_404(
        request,
        aanvragen_zichtbaar_voor(request.user).select_related(
            "inwoner",
            "melding",
            "casus",
            "overgedragen_door",
            "overgedragen_team",
            "behandelaar",
            "afgehandeld_door",
            "arrangement",
        ),
        uuid,
        "aanvraag",
    )
    toegang_vastleggen(request, actie="lezen", obj=aanvraag, inwoner=aanvraag.inwoner)
    behandelen = mag_aanvraag_behandelen(request.user, aanvraag)
    return AanvraagToegang(
        aanvraag=aanvraag,
        mag_behandelen=behandelen,
        volledig=behandelen,
        toon_redenen=mag_aanvraag_uitkomst_lezen(request.user, aanvraag),
    )


def aanvraag_aan_loket_geven(aanvraag: Aanvraag, loket: Team) -> None:
    """A hand-off: the loket's consulenten open the inwoner's dossier (a betrokkenheid of the loket)."""
    if aanvraag.inwoner_id is None:
        return
    soort = "veilig_thuis" if aanvraag.veilig_thuis else ("casus" if aanvraag.casus_id else "melding")
    inwoner_toegang_geven(aanvraag.inwoner, loket, soort=soort)


# -- after the decision: evaluating, adjusting and ending a granted plan ------------------------


def mag_evalueren(user, arrangement) -> bool:
    """The regisseur: a beroepskracht of the team that drafted the plan, or a consulent of its law.

    The coordinator follows overdue evaluations on the list but does not evaluate: the evaluation is
    the regisseur's professional judgement with the inwoner, and the coordinator's role is oversight
    and advice (DOMAIN.md). A vrijwilliger, the poort, beleid and the beheerder never do.
    """
    if heeft_rol(user, Rol.BEROEPSKRACHT):
        if arrangement.team_id is None or not teams_van(user).filter(pk=arrangement.team_id).exists():
            return False
    else:
        consulent = CONSULENT_VAN_WET.get(arrangement.wet)
        if consulent is None or not heeft_rol(user, consulent):
            return False
    return arrangementen_zichtbaar_voor(user).filter(pk=arrangement.pk).exists()


# The overdue-evaluation list: the kernteam for its plans, the coordinator for their teams.
EVALUATIELIJST_ROLLEN = (Rol.BEROEPSKRACHT, Rol.COORDINATOR)


def mag_evaluaties_te_laat_zien(user) -> bool:
    return heeft_rol(user, *EVALUATIELIJST_ROLLEN)


def evaluaties_te_laat_voor(user, vandaag) -> QuerySet[Arrangement]:
    """Granted, running plans of the user's teams whose evaluatiedatum has passed; one SQL query.

    Filtered on the indexed (status, evaluatiedatum) and the team first, the grant EXISTS on the rest.
    """
    if not mag_evaluaties_te_laat_zien(user):
        return Arrangement.objects.none()
    return arrangementen_zichtbaar_voor(user).filter(
        status__in=[ArrangementStatus.GOEDGEKEURD, ArrangementStatus.GEDEELTELIJK_GOEDGEKEURD],
        evaluatiedatum__lt=vandaag,
        beeindigd_op__isnull=True,
        team__in=teams_van(user),
    )


# -- reassigning a leaver's work -------------------------------------------------------------------


def mag_arrangement_herverdelen(door, arrangement, van) -> bool:
    """A concept or returned plan: the coordinator of the drafter's team. A plan in behandeling at the
    loket: the coordinator of the loket the consulent works in."""
    if arrangement.is_bewerkbaar:
        return mag_herverdelen_in_team(door, arrangement.team_id)
    return mag_herverdelen_in_loket(door, van)


def mag_herverdelen_in_loket(door, consulent) -> bool:
    return teams_van(door).filter(soort=Team.Soort.LOKET, leden=consulent).exists() and heeft_rol(
        door, Rol.COORDINATOR
    )


def mag_opsteller_worden(medewerker, arrangement) -> bool:
    """Voorwerk is drafted by an active beroepskracht of the plan's team; a regular-route plan by an
    active consulent of its law (of the plan's loket)."""
    if arrangement.route == Route.VOORWERK:
        return mag_casushouder_zijn(medewerker, arrangement.team) if arrangement.team_id else False
    rol = CONSULENT_VAN_WET.get(arrangement.wet)
    if rol is None or not heeft_rol(medewerker, rol):
        return False
    return arrangement.team_id is None or is_collega_in_team(medewerker, arrangement.team_id)


def mag_behandelaar_worden(medewerker, arrangement) -> bool:
    """A plan in behandeling goes to another consulent who may judge it (its law, the loket's grant, not
    its drafter)."""
    return mag_arrangement_beoordelen(medewerker, arrangement)


def opsteller_wisselen(arrangement, oud, nieuw) -> None:
    """The drafter's personal grants move to the new drafter; the team's stay with the team."""
    for codename in ("arrangementen.view_arrangement", "arrangementen.change_arrangement"):
        intrekken(codename, oud, arrangement)
        toekennen(codename, nieuw, arrangement)
    if not arrangement.team_id:
        inwoner_toegang_geven(arrangement.inwoner, nieuw, soort="arrangement")
