"""Workflows of the shared registration store."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import rechten
from .models import (
    GemeenteProfiel,
    Huishouden,
    Inwoner,
    Kern,
    Medewerker,
    Noodtoegang,
    Organisatie,
    Rol,
    Team,
)
from .profiel.instellingen import instellingen


def actief_profiel() -> GemeenteProfiel | None:
    return GemeenteProfiel.objects.filter(actief=True).first()


@transaction.atomic
def team_aanmaken_of_bijwerken(
    *, code: str, naam: str, soort: str, doelgroep: str = "", kernen: Iterable[Kern] = (), actief: bool = True
) -> Team:
    """Create or update a team by code; its member group is created with it."""
    team = Team.objects.select_for_update().filter(code=code).first()
    if team is None:
        groep, _ = Group.objects.get_or_create(name=f"team:{code}")
        team = Team(code=code, groep=groep)
    gewijzigd = (team.pk is None) or (team.naam, team.soort, team.doelgroep, team.actief) != (
        naam,
        soort,
        doelgroep,
        actief,
    )
    team.naam, team.soort, team.doelgroep, team.actief = naam, soort, doelgroep, actief
    if gewijzigd:
        team.full_clean()
        team.save()
    nieuwe_kernen = {k.pk for k in kernen}
    if set(team.kernen.values_list("pk", flat=True)) != nieuwe_kernen:
        team.kernen.set(nieuwe_kernen)
    return team


@transaction.atomic
def medewerker_aanmaken_of_bijwerken(
    *,
    gebruikersnaam: str,
    rol: str,
    voornaam: str = "",
    achternaam: str = "",
    email: str = "",
    teams: Iterable[Team] = (),
    organisatie: Organisatie | None = None,
    wachtwoord: str | None = None,
) -> Medewerker:
    if rol not in Rol.values:
        raise ValidationError(_("Onbekende rol: %(rol)s") % {"rol": rol})
    medewerker = Medewerker.objects.filter(username=gebruikersnaam).first() or Medewerker(
        username=gebruikersnaam
    )
    medewerker.rol = rol
    medewerker.first_name, medewerker.last_name, medewerker.email = voornaam, achternaam, email
    medewerker.organisatie = organisatie
    # Only the beheerder works in the configuration screens (Django admin under /beheer/).
    medewerker.is_staff = rol == Rol.BEHEERDER
    if wachtwoord is not None:
        medewerker.set_password(wachtwoord)
    medewerker.save()
    medewerker.teams.set(list(teams))
    rechten.rolgroep_koppelen(medewerker)
    rechten.team_lidmaatschap_bijwerken(medewerker)
    return medewerker


@transaction.atomic
def inwoner_registreren(*, door: Medewerker, gegevens: dict) -> Inwoner:
    """Register a new inwoner; the registering person's teams get betrokkenheid."""
    if not rechten.mag_inwoner_registreren(door):
        raise ValidationError(_("U mag geen inwoners registreren."))
    inwoner = Inwoner(**gegevens)
    inwoner.full_clean()
    inwoner.save()
    teams = list(door.teams.all())
    for team in teams:
        rechten.inwoner_toegang_geven(inwoner, team)
    if not teams:
        rechten.inwoner_toegang_geven(inwoner, door)
    return inwoner


@transaction.atomic
def noodtoegang_openen(*, door: Medewerker, inwoner_uuid, reden: str) -> Noodtoegang:
    """Break the glass: access for a limited time, logged and put on the coordinator's review list."""
    if not rechten.mag_noodtoegang_vragen(door):
        raise ValidationError(_("Uw rol kan geen noodtoegang krijgen."))
    reden = (reden or "").strip()
    if len(reden) < 20:
        raise ValidationError(
            {
                "reden": _(
                    "Beschrijf in minstens 20 tekens waarom u nu toegang nodig hebt "
                    "(bijvoorbeeld: afwezigheid van de casushouder, spoed)."
                )
            }
        )
    inwoner = Inwoner.objects.filter(uuid=inwoner_uuid).first()
    if inwoner is None:
        raise ValidationError(_("Deze inwoner bestaat niet. Controleer de link die u hebt gekregen."))
    uren = instellingen().termijnen.noodtoegang_uren
    nu = timezone.now()
    return Noodtoegang.objects.create(
        medewerker=door, inwoner=inwoner, reden=reden, van=nu, tot=nu + timedelta(hours=uren)
    )


@transaction.atomic
def noodtoegang_beoordelen(*, door: Medewerker, noodtoegang, oordeel: str, opmerking: str = ""):
    nood = Noodtoegang.objects.select_for_update().get(pk=noodtoegang.pk)
    if not rechten.mag_toegangslog_inzien(door):
        raise ValidationError(_("Alleen de coördinator beoordeelt noodtoegang."))
    if nood.beoordeeld_op is not None:
        raise ValidationError(
            _("Deze noodtoegang is al beoordeeld door %(wie)s.") % {"wie": nood.beoordeeld_door}
        )
    if oordeel not in ("terecht", "onterecht"):
        raise ValidationError({"oordeel": _("Kies 'terecht' of 'onterecht'.")})
    if oordeel == "onterecht" and not opmerking.strip():
        raise ValidationError({"opmerking": _("Schrijf op wat u met de medewerker hebt besproken.")})
    nood.oordeel, nood.opmerking = oordeel, opmerking
    nood.beoordeeld_door, nood.beoordeeld_op = door, timezone.now()
    nood.save()
    return nood


@transaction.atomic
def huishouden_regisseur_zetten(*, door: Medewerker, huishouden, regisseur: Medewerker | None):
    huishouden = Huishouden.objects.select_for_update().get(pk=huishouden.pk)
    if not rechten.mag_huishouden_regisseren(door):
        raise ValidationError(_("Uw rol kan geen regisseur aanwijzen."))
    if regisseur is not None and regisseur.rol not in (
        Rol.BEROEPSKRACHT,
        Rol.CONSULENT_WMO,
        Rol.CONSULENT_JEUGD,
    ):
        raise ValidationError({"regisseur": _("De regisseur is een beroepskracht of consulent.")})
    huishouden.regisseur = regisseur
    huishouden.save()
    if regisseur is not None:
        for lid in huishouden.leden.all():
            rechten.inwoner_toegang_geven(lid, regisseur, soort="regisseur")
    return huishouden
