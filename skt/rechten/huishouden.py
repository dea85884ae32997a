"""Households: who may name a regisseur, and what a regisseur may see (a decision, never a side effect)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from ..models import (
    Betrokkenheid,
    Huishouden,
    Inwoner,
    InwonerGroupObjectPermission,
    InwonerUserObjectPermission,
    Medewerker,
    Rol,
    Toegang,
)
from ..toegang import toegang_vastleggen
from .inwoners import (
    inwoner_toegang_geven,
    inwoners_betrokken_voor,
    inwoners_zichtbaar_voor,
    onder_noodtoegang,
)
from .kern import CONSULENT_ROLLEN, heeft_rol, teams_van


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


def mag_huishouden_samenstellen(user, inwoners, *, toegang=None) -> bool:
    """Making a household, or adding a member to one: a role that may direct households, and only inwoners
    whose dossier the user may already open through a betrokkenheid (a household grants nothing). With
    the toegang this request fetched the one dossier with (get_inwoner_voor), it is not asked again."""
    if not mag_huishouden_regisseren(user):
        return False
    if toegang is not None and [i.pk for i in inwoners] == [toegang.inwoner.pk]:
        return toegang.betrokken and not toegang.vervallen
    pks = {i.pk for i in inwoners}
    if not pks:
        return False
    zichtbaar = inwoners_betrokken_voor(user).filter(pk__in=pks, samenvoeging_vervallen__isnull=True)
    return zichtbaar.count() == len(pks)


def huishouden_kandidaten(user, inwoner: Inwoner):
    """Whom the household screen offers to add: the user's own dossiers, not yet in a household."""
    if not mag_huishouden_regisseren(user):
        return Inwoner.objects.none()
    return (
        inwoners_betrokken_voor(user)
        .filter(huishouden__isnull=True, samenvoeging_vervallen__isnull=True)
        .exclude(pk=inwoner.pk)
    )
