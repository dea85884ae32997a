"""Who may see which inwoner, break the glass, and who may read the access log."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.db.models.functions import Now
from django.http import Http404
from django.utils import timezone

from ..models import (
    Betrokkenheid,
    Inwoner,
    InwonerGroupObjectPermission,
    InwonerUserObjectPermission,
    Medewerker,
    Noodtoegang,
    Rol,
    Team,
    Toegang,
)
from ..toegang import toegang_vastleggen
from .kern import (
    CONSULENT_ROLLEN,
    ExistsPerRij,
    Niveau,
    groepen_van,
    heeft_rol,
    is_actief,
    kan,
    permissie_id,
    teams_van,
    toekennen,
)

# -- inwoners ------------------------------------------------------------------------------


def mag_veilig_thuis_zien(user) -> bool:
    """Veilig Thuis is the loket's: its consulenten see the signal, no other role learns it exists."""
    return heeft_rol(user, *CONSULENT_ROLLEN)


def ziet_alleen_eigen_casussen(user) -> bool:
    """The volunteer sees only the casussen they are on: not the rest of the dossier, nor that there
    are meldingen or plans at the loket."""
    return heeft_rol(user, Rol.VRIJWILLIGER)


def levende_inwoners() -> QuerySet[Inwoner]:
    """Every inwoner but the tombstones of a merge: those have no grants left (they moved to the survivor),
    so only the querysets that show everyone need this."""
    return Inwoner.objects.filter(samenvoeging_vervallen__isnull=True)


def inwoner_zichtbaar_q(user, veld: str = "pk", *, met_noodtoegang: bool = True, per_rij: bool = False) -> Q:
    """The condition 'the inwoner in veld is one this user may open', for a query on Inwoner (veld
    "pk") or on a table that names an inwoner (veld "inwoner_id" of the access log). per_rij for
    lists that read a page in index order (see ExistsPerRij).

    The team is said through the indexed team column of the betrokkenheid (every team grant comes
    with one, inwoner_toegang_geven) and the team's group by primary key; the group grant itself is
    still required, so revoking it closes the dossier."""
    if not is_actief(user) or user.rol in (Rol.BELEID, Rol.BEHEERDER, Rol.VRAAGVERHELDERAAR):
        return Q(pk__in=[])
    bestaat = ExistsPerRij if per_rij else Exists
    inwoner = OuterRef(veld)
    via_user = InwonerUserObjectPermission.objects.filter(
        content_object=inwoner, user=user, permission=permissie_id("view_inwoner")
    )
    voorwaarde = Q(bestaat(via_user))
    if met_noodtoegang:
        nood = Noodtoegang.objects.filter(inwoner=inwoner, medewerker=user, van__lte=Now(), tot__gt=Now())
        voorwaarde |= bestaat(nood)
    # A vrijwilliger sees only the inwoners of the casussen they are added to (a personal grant),
    # not every dossier their team works on.
    if user.rol != Rol.VRIJWILLIGER:
        groepen = groepen_van(user)
        teams = Team.objects.filter(groep_id__in=groepen)
        betrokken = Betrokkenheid.objects.filter(inwoner=inwoner, team__in=teams.values("pk"))
        if not mag_veilig_thuis_zien(user):
            # A team grant that exists only for a Veilig Thuis signal (the coordinator is a member of
            # the loket) would show the BSN and address of someone known only to Veilig Thuis.
            betrokken = betrokken.exclude(soort=Betrokkenheid.Soort.VEILIG_THUIS)
        via_groep = InwonerGroupObjectPermission.objects.filter(
            content_object=inwoner, group_id__in=groepen, permission=permissie_id("view_inwoner")
        )
        voorwaarde |= bestaat(betrokken) & bestaat(via_groep)
    return voorwaarde


def inwoners_zichtbaar_voor(
    user, *, met_noodtoegang: bool = True, per_rij: bool = False
) -> QuerySet[Inwoner]:
    """Inwoners whose dossier this user may open: betrokkenheid of the user or their team, or an
    active break-the-glass access of the user (unless met_noodtoegang=False). One query."""
    return Inwoner.objects.filter(inwoner_zichtbaar_q(user, met_noodtoegang=met_noodtoegang, per_rij=per_rij))


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
        return levende_inwoners()
    return inwoners_zichtbaar_voor(user)


def inwoners_herkenbaar_aan_loket(user) -> QuerySet[Inwoner]:
    """The consulent's intake search: every inwoner at the poort's recognition level (name, birth date,
    address, open trajectories), so the loket checks whether someone is known before opening anything.

    Recognition only: the dossier still opens through inwoners_zichtbaar_voor (their caseload); this
    queryset is for the search result and nothing else.
    """
    if heeft_rol(user, *CONSULENT_ROLLEN):
        return levende_inwoners()
    return Inwoner.objects.none()


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
    # Decided with the fetch, in the same query, so the dossier's links ask no more (issue 14): may the
    # user open it through a betrokkenheid (not only break the glass), and is it a merge's tombstone?
    betrokken: bool = False
    vervallen: bool = False

    @property
    def toon_bsn(self) -> bool:
        return self.niveau == Niveau.VOLLEDIG


def get_inwoner_voor(request, uuid) -> InwonerToegang:
    """Rights-scoped fetch for inwoner pages; logs the read, or the refusal, in the access log."""
    user = request.user
    inwoner = (
        inwoners_herkenbaar_voor(user)
        .filter(uuid=uuid)
        .annotate(
            _betrokken=ExpressionWrapper(
                inwoner_zichtbaar_q(user, met_noodtoegang=False), output_field=BooleanField()
            ),
            _vervallen=ExpressionWrapper(
                Q(samenvoeging_vervallen__isnull=False), output_field=BooleanField()
            ),
        )
        .first()
    )
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
    if nood is not None and not inwoner._betrokken:
        toegang_vastleggen(request, actie="break_the_glass", obj=inwoner, inwoner=inwoner, reden=nood.reden)
    else:
        toegang_vastleggen(request, actie="lezen", obj=inwoner, inwoner=inwoner)
    return InwonerToegang(
        inwoner=inwoner,
        niveau=niveau,
        mag_wijzigen=mag_wijzigen,
        noodtoegang=nood,
        betrokken=bool(inwoner._betrokken),
        vervallen=bool(inwoner._vervallen),
    )


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
    # Read a page at a time in time order: each row's inwoner is checked by index, not every inwoner.
    return inwoner_zichtbaar_q(user, "inwoner_id", per_rij=True) | Q(
        medewerker__in=Medewerker.objects.filter(teams__in=teams_van(user)).values("pk")
    )


def toegang_zichtbaar_voor(user) -> QuerySet:
    """The access log rows a coordinator may read: never about inwoners or staff outside their teams."""
    if not heeft_rol(user, Rol.COORDINATOR):
        return Toegang.objects.none()
    # Staff in no team (the poort works for all teams) have no coordinator of their own: every
    # coordinator sees their search-limit alerts, which name no inwoner.
    zonder_team = Q(actie=Toegang.Actie.LIMIET, medewerker__in=Medewerker.objects.filter(teams__isnull=True))
    return Toegang.objects.filter(_van_mijn_teams(user) | zonder_team)


def toegangslog_medewerkers(user) -> QuerySet[Medewerker]:
    """Whom the coordinator can pick in the access-log filter: the staff whose rows they may read
    (members of their teams, and staff in no team for their limit alerts)."""
    if not heeft_rol(user, Rol.COORDINATOR):
        return Medewerker.objects.none()
    ids = Medewerker.objects.filter(Q(teams__in=teams_van(user)) | Q(teams__isnull=True)).values("pk")
    return Medewerker.objects.filter(pk__in=ids).order_by("last_name", "first_name", "username")


def toegangslog_inwoners(user, naam: str, maximum: int = 100) -> list[int]:
    """The inwoners a coordinator's access-log filter by name stands for: only dossiers they may open."""
    if not heeft_rol(user, Rol.COORDINATOR) or not naam:
        return []
    gevonden = inwoners_zichtbaar_voor(user).filter(
        Q(achternaam__icontains=naam) | Q(voornamen__icontains=naam)
    )
    return list(gevonden.values_list("pk", flat=True)[:maximum])


def noodtoegangen_te_beoordelen_voor(user) -> QuerySet[Noodtoegang]:
    """Break-the-glass accesses the coordinator reviews: into their teams' dossiers, or by their staff;
    never their own (that goes to another coordinator, or to the beheerder's audit list)."""
    if not heeft_rol(user, Rol.COORDINATOR):
        return Noodtoegang.objects.none()
    # A few rows: check each one's inwoner through its grants, rather than build every visible inwoner.
    over_mijn_inwoner = inwoner_zichtbaar_q(user, "inwoner_id")
    door_mijn_team = Q(medewerker__in=Medewerker.objects.filter(teams__in=teams_van(user)).values("pk"))
    return Noodtoegang.objects.filter(over_mijn_inwoner | door_mijn_team).exclude(medewerker=user)


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


# -- correcting and merging ------------------------------------------------------------------------


def is_samengevoegd(inwoner: Inwoner) -> bool:
    """A tombstone: the registration that a merge folded into another (dossier.Samenvoeging)."""
    return Inwoner.objects.filter(pk=inwoner.pk, samenvoeging_vervallen__isnull=False).exists()


def mag_inwoner_corrigeren(user, inwoner: Inwoner, *, toegang: InwonerToegang | None = None) -> bool:
    """Name, address and contact details: a role that may change inwoners, with full dossier rights through
    a betrokkenheid (not only break the glass), never on a tombstone. With the toegang this request
    fetched the dossier with (get_inwoner_voor), its betrokkenheid is not asked again."""
    if niveau_voor_inwoner(user) != Niveau.VOLLEDIG or not kan(user, "skt.change_inwoner"):
        return False
    if toegang is not None and toegang.inwoner.pk == inwoner.pk:
        return toegang.betrokken and not toegang.vervallen
    return inwoners_betrokken_voor(user).filter(pk=inwoner.pk, samenvoeging_vervallen__isnull=True).exists()


def heeft_veilig_thuis(*inwoners: Inwoner) -> bool:
    """Does any of these inwoners have a Veilig Thuis record (the loket's alone)?"""
    return Betrokkenheid.objects.filter(
        inwoner__in=[i.pk for i in inwoners], soort=Betrokkenheid.Soort.VEILIG_THUIS
    ).exists()


def mag_samenvoegen(user) -> bool:
    """Merging duplicates is the coordinator's; the loket merges too, for Veilig Thuis is theirs alone."""
    return heeft_rol(user, Rol.COORDINATOR, *CONSULENT_ROLLEN)


def mag_samenvoegen_met(user, inwoner: Inwoner, *, toegang: InwonerToegang | None = None) -> bool:
    """May this dossier be one side of a merge (samenvoegen_kandidaten)? With the toegang this request
    fetched it with (get_inwoner_voor), its betrokkenheid is not asked again."""
    if not mag_samenvoegen(user):
        return False
    if toegang is not None and toegang.inwoner.pk == inwoner.pk:
        return toegang.betrokken and not toegang.vervallen
    return samenvoegen_kandidaten(user).filter(pk=inwoner.pk).exists()


def samenvoegen_kandidaten(user) -> QuerySet[Inwoner]:
    """Whom the merge screen lets this user pick: dossiers they may open through a betrokkenheid, no
    tombstones."""
    if not mag_samenvoegen(user):
        return Inwoner.objects.none()
    return inwoners_betrokken_voor(user).filter(samenvoeging_vervallen__isnull=True)


def mag_samenvoegen_van(user, a: Inwoner, b: Inwoner) -> bool:
    """Both records visible to the user; across a Veilig Thuis record only the loket merges."""
    if not mag_samenvoegen(user):
        return False
    if samenvoegen_kandidaten(user).filter(pk__in=[a.pk, b.pk]).count() != len({a.pk, b.pk}):
        return False
    return mag_veilig_thuis_zien(user) or not heeft_veilig_thuis(a, b)


def inwoner_rechten_overzetten(*, van: Inwoner, naar: Inwoner) -> dict[str, int]:
    """A merge: every grant and betrokkenheid on ``van`` moves to ``naar`` (decided here, not in the merge).

    A betrokkenheid the survivor already has keeps its earliest 'sinds'; the duplicate is removed (its
    history stays)."""
    aantallen = {"rechten_medewerker": 0, "rechten_team": 0, "betrokkenheden": 0}
    for recht in InwonerUserObjectPermission.objects.filter(content_object=van).select_related(
        "permission", "user"
    ):
        toekennen(f"skt.{recht.permission.codename}", recht.user, naar)
        recht.delete()
        aantallen["rechten_medewerker"] += 1
    for recht in InwonerGroupObjectPermission.objects.filter(content_object=van).select_related(
        "permission", "group"
    ):
        InwonerGroupObjectPermission.objects.get_or_create(
            content_object=naar, group=recht.group, permission=recht.permission
        )
        recht.delete()
        aantallen["rechten_team"] += 1
    for b in Betrokkenheid.objects.filter(inwoner=van):
        sleutel = {"team": b.team} if b.team_id else {"medewerker": b.medewerker}
        bestaand = Betrokkenheid.objects.filter(inwoner=naar, soort=b.soort, **sleutel).first()
        if bestaand is None:
            b.inwoner = naar
            b._change_reason = "samenvoeging"
            b.save()
        else:
            if b.sinds < bestaand.sinds:
                bestaand.sinds = b.sinds
                bestaand._change_reason = "samenvoeging"
                bestaand.save(update_fields=["sinds"])
            b.delete()
        aantallen["betrokkenheden"] += 1
    return aantallen
