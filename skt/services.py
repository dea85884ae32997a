"""Workflows of the shared registration store."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import rechten
from .models import GemeenteProfiel, Inwoner, Kern, Medewerker, Organisatie, Rol, Team


def actief_profiel() -> GemeenteProfiel | None:
    return GemeenteProfiel.objects.filter(actief=True).first()


def profielinstelling(pad: str, standaard=None):
    """A setting of the active gemeente profile by dotted path, e.g. 'termijnen.eerste_contact_dagen'."""
    profiel = actief_profiel()
    waarde = profiel.instellingen if profiel else {}
    for deel in pad.split("."):
        if not isinstance(waarde, dict) or deel not in waarde:
            return standaard
        waarde = waarde[deel]
    return waarde


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
