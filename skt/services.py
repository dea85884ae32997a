"""Workflows of the shared registration store."""

from __future__ import annotations

import re
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
from .validators import valideer_geboortedatum


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
    try:
        # The model only refuses the future; nobody registered here was born before 1900.
        valideer_geboortedatum(inwoner.geboortedatum)
    except ValidationError as fout:
        raise ValidationError({"geboortedatum": fout.messages}) from None
    inwoner.save()
    teams = list(door.teams.all())
    for team in teams:
        rechten.inwoner_toegang_geven(inwoner, team)
    if not teams:
        rechten.inwoner_toegang_geven(inwoner, door)
    return inwoner


# The example under the reason field (skt/forms.py NoodtoegangForm): a copy of it is no reason.
NOODTOEGANG_VOORBEELD = "de casushouder is ziek en de inwoner belt met een dringende vraag"
NOODTOEGANG_MIN_WOORDEN = 8


def _woorden(tekst: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", tekst.lower())


def noodtoegang_reden_controleren(reden: str) -> None:
    """A reason of at least 8 real words: not one letter repeated, not one word repeated, not the example."""
    # A real word has two different letters: "aaaa" is typing, not a reason.
    echte = [w for w in _woorden(reden) if len(set(w)) >= 2]
    verschillend = set(echte)
    voorbeeld = " ".join(_woorden(NOODTOEGANG_VOORBEELD))
    eigen = " ".join(echte).replace(voorbeeld, " ").replace("bijvoorbeeld", " ").split()
    if len(echte) < NOODTOEGANG_MIN_WOORDEN or len(verschillend) < NOODTOEGANG_MIN_WOORDEN // 2:
        raise ValidationError(
            {
                "reden": _(
                    "Beschrijf in minstens %(aantal)d woorden waarom u nu toegang nodig hebt: wat is er "
                    "aan de hand en waarom kan de betrokken medewerker het niet doen?"
                )
                % {"aantal": NOODTOEGANG_MIN_WOORDEN}
            }
        )
    if len(eigen) < NOODTOEGANG_MIN_WOORDEN // 2:
        raise ValidationError(
            {"reden": _("Schrijf in uw eigen woorden wat er nu speelt; het voorbeeld is geen reden.")}
        )


@transaction.atomic
def noodtoegang_openen(
    *, door: Medewerker, inwoner_uuid=None, reden: str, bsn: str = "", geboortedatum=None
) -> Noodtoegang:
    """Break the glass: access for a limited time, logged and put on the coordinator's review list.

    One active access per person and inwoner (checked under a lock on the inwoner row, so two
    requests at once cannot both pass), and never to a record that only Veilig Thuis knows.
    """
    if not rechten.mag_noodtoegang_vragen(door):
        raise ValidationError(_("Uw rol kan geen noodtoegang krijgen."))
    reden = (reden or "").strip()
    noodtoegang_reden_controleren(reden)
    if inwoner_uuid:
        inwoner = Inwoner.objects.select_for_update().filter(uuid=inwoner_uuid).first()
        if inwoner is None:
            raise ValidationError(_("Deze inwoner bestaat niet. Controleer de link die u hebt gekregen."))
    else:
        inwoner = (
            Inwoner.objects.select_for_update().filter(bsn=bsn or None, geboortedatum=geboortedatum).first()
            if bsn and geboortedatum
            else None
        )
        if inwoner is None:
            raise ValidationError(
                _(
                    "Er is geen inwoner met dit BSN en deze geboortedatum. Controleer beide; "
                    "de poort helpt u verder."
                )
            )
    if rechten.inwoners_alleen_veilig_thuis().filter(pk=inwoner.pk).exists():
        # Neutral: the reason the record exists is not for this user to learn.
        raise ValidationError(
            _("Noodtoegang tot dit dossier is niet mogelijk. De poort of de coördinator helpt u verder.")
        )
    actief = rechten.actieve_noodtoegang(door, inwoner)
    if actief is not None:
        raise ValidationError(
            _("U hebt al noodtoegang tot dit dossier, tot %(tot)s.")
            % {"tot": timezone.localtime(actief.tot).strftime("%d-%m-%Y %H:%M")}
        )
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
    if nood.medewerker_id == door.pk:
        raise ValidationError(_("Uw eigen noodtoegang beoordeelt een andere coördinator."))
    if not rechten.mag_noodtoegang_beoordelen(door, nood):
        raise ValidationError(_("Deze noodtoegang beoordeelt de coördinator van de betrokken teams."))
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
def huishouden_regisseur_zetten(
    *, door: Medewerker, huishouden, regisseur: Medewerker | None, reden: str = ""
) -> Huishouden:
    """Name the household's regisseur. Naming grants nothing (issue 11): the regisseur is already involved
    with every member, or the coordinator of the members' teams confirms with a reason, and then the
    rights module grants the regisseur betrokkenheid with every member."""
    huishouden = Huishouden.objects.select_for_update().get(pk=huishouden.pk)
    if not rechten.mag_huishouden_regisseren(door):
        raise ValidationError(_("Uw rol kan geen regisseur aanwijzen."))
    if regisseur is not None and not rechten.rol_kan_regisseren(regisseur):
        raise ValidationError({"regisseur": _("De regisseur is een beroepskracht of consulent.")})
    bevestigd = False
    if regisseur is not None and not rechten.mag_regisseur_zijn(regisseur, huishouden):
        if not rechten.mag_regisseur_bevestigen(door, huishouden):
            raise ValidationError(
                {
                    "regisseur": _(
                        "De regisseur moet al betrokken zijn bij elk lid van het huishouden. Kies iemand "
                        "uit de lijst, of vraag de coördinator van de teams van de leden."
                    )
                }
            )
        if len((reden or "").split()) < 5:
            raise ValidationError(
                {
                    "reden": _(
                        "Deze regisseur is nog niet bij elk lid betrokken en krijgt met uw bevestiging "
                        "toegang tot hun dossiers. Schrijf in minstens vijf woorden op waarom."
                    )
                }
            )
        bevestigd = True
    huishouden.regisseur = regisseur
    huishouden.save()
    if bevestigd:
        rechten.regisseur_toegang_geven(huishouden, regisseur)
    return huishouden
