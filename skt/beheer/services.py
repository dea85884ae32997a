"""Writes of functional administration. Role and team changes all pass ``medewerker_rechten_wijzigen``,
where a change that grants case content is held as a Rechtenwijziging until a second person confirms it
(``rechtenwijziging_bevestigen``) or refuses it (``rechtenwijziging_weigeren``)."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .. import rechten, vertrek
from ..models import Medewerker, Organisatie, Rechtenwijziging, Rol, Team, Uitnodiging
from ..profielen import Resultaat, profiel_laden
from ..rechten import beheer as beheerrechten
from .uitnodigingen import uitnodiging_versturen


class EigenAccountGeweigerd(ValidationError):
    """Someone tried to change their own role, teams or active status: refused, and the view logs it."""


def _mag_beheren(door: Medewerker) -> None:
    if not rechten.mag_beheren(door):
        raise ValidationError(_("Alleen de functioneel beheerder beheert medewerkers."))


def _niet_zelf(door: Medewerker, medewerker: Medewerker, veld: str, tekst: str) -> None:
    if rechten.is_eigen_account(door, medewerker):
        raise EigenAccountGeweigerd({veld: tekst})


def _email_controleren(email: str, medewerker: Medewerker | None) -> str:
    email = (email or "").strip()
    if not email:
        raise ValidationError({"email": _("Vul het e-mailadres in: de uitnodiging gaat daarheen.")})
    anderen = Medewerker.objects.filter(email__iexact=email)
    if medewerker is not None and medewerker.pk:
        anderen = anderen.exclude(pk=medewerker.pk)
    if anderen.exists():
        raise ValidationError({"email": _("Dit e-mailadres hoort al bij een andere medewerker.")})
    return email


def _rechten_toepassen(medewerker: Medewerker, rol: str, teams: list[Team]) -> None:
    """The role and teams, and the rights that follow from them through the rights kernel."""
    medewerker.rol = rol
    medewerker.is_staff = rechten.rol_beheert(rol)
    medewerker.save()
    medewerker.teams.set(teams)
    rechten.rolgroep_koppelen(medewerker)
    rechten.team_lidmaatschap_bijwerken(medewerker)


def _open_voorstellen_laten_vervallen(medewerker: Medewerker) -> None:
    for wijziging in Rechtenwijziging.objects.select_for_update().filter(
        medewerker=medewerker, status=Rechtenwijziging.Status.VOORGESTELD
    ):
        wijziging.status = Rechtenwijziging.Status.VERVALLEN
        wijziging.save(update_fields=["status"])


@transaction.atomic
def medewerker_rechten_wijzigen(
    *, door: Medewerker, medewerker: Medewerker, rol: str, teams: Iterable[Team]
) -> tuple[Medewerker, Rechtenwijziging | None]:
    """Give a medewerker a role and teams. Never one's own; a team-bound role needs at least one team.

    What grants case content (beheerrechten.verleent_casusinhoud) does not take effect: it becomes a proposal
    a second person confirms (rechtenwijziging_bevestigen). What it takes away (a team dropped) takes
    effect at once. Returns the medewerker and the proposal, if any."""
    _mag_beheren(door)
    _niet_zelf(
        door, medewerker, "rol", _("U kunt uw eigen rol en teams niet wijzigen; vraag een andere beheerder.")
    )
    teams = list(teams)
    if rol not in Rol.values:
        raise ValidationError({"rol": _("Kies een rol uit de lijst.")})
    if any(not team.actief for team in teams):
        raise ValidationError({"teams": _("Een inactief team kan niet worden gekozen.")})
    if rechten.rol_is_teamgebonden(rol) and not teams:
        raise ValidationError(
            {
                "teams": _("Een %(rol)s hoort bij minstens één team. Kies het team.")
                % {"rol": Rol(rol).label.lower()}
            }
        )
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    _open_voorstellen_laten_vervallen(medewerker)
    if not beheerrechten.verleent_casusinhoud(medewerker, rol=rol, teams=teams):
        _rechten_toepassen(medewerker, rol, teams)
        return medewerker, None
    huidige_teams = list(medewerker.teams.all())
    wijziging = Rechtenwijziging.objects.create(
        medewerker=medewerker,
        rol=rol,
        vorige_rol=medewerker.rol,
        vorige_teams=", ".join(t.code for t in huidige_teams),
        voorgesteld_door=door,
    )
    wijziging.teams.set(teams)
    wijziging.beoordelende_teams.set(beheerrechten.beoordelende_teams(medewerker, rol=rol, teams=teams))
    rol_nu, teams_nu = beheerrechten.direct_geldend(medewerker, rol=rol, teams=teams)
    if rechten.rechten_verschillen(medewerker, rol=rol_nu, teams=teams_nu):
        _rechten_toepassen(medewerker, rol_nu, teams_nu)
    return medewerker, wijziging


def _wijziging_vergrendelen(door: Medewerker, wijziging: Rechtenwijziging) -> Rechtenwijziging:
    wijziging = Rechtenwijziging.objects.select_for_update().get(pk=wijziging.pk)
    if not beheerrechten.mag_rechtenwijziging_beoordelen(door, wijziging):
        raise PermissionDenied(
            _(
                "Een rechtenwijziging beoordeelt een coördinator van het team of een andere beheerder; "
                "nooit wie haar voorstelde of om wie het gaat."
            )
        )
    if wijziging.status != Rechtenwijziging.Status.VOORGESTELD:
        raise ValidationError(
            _("Deze rechtenwijziging is al beoordeeld (%(status)s); er is niets gewijzigd.")
            % {"status": wijziging.get_status_display().lower()}
        )
    return wijziging


@transaction.atomic
def rechtenwijziging_bevestigen(*, door: Medewerker, wijziging: Rechtenwijziging) -> Rechtenwijziging:
    """The second pair of eyes agrees: only now the role and teams are applied and the rights granted.
    The row lock makes a second, simultaneous confirmation see the first one's decision."""
    wijziging = _wijziging_vergrendelen(door, wijziging)
    medewerker = Medewerker.objects.select_for_update().get(pk=wijziging.medewerker_id)
    if not medewerker.is_active:
        raise ValidationError(
            _("%(wie)s is niet meer actief; de wijziging kan niet ingaan.") % {"wie": medewerker}
        )
    teams = list(wijziging.teams.all())
    if any(not team.actief for team in teams):
        raise ValidationError(
            _("Een van de teams is inmiddels inactief; laat de beheerder opnieuw voorstellen.")
        )
    _rechten_toepassen(medewerker, wijziging.rol, teams)
    wijziging.status = Rechtenwijziging.Status.BEVESTIGD
    wijziging.beoordeeld_door, wijziging.beoordeeld_op = door, timezone.now()
    wijziging.save()
    return wijziging


@transaction.atomic
def rechtenwijziging_weigeren(
    *, door: Medewerker, wijziging: Rechtenwijziging, reden: str
) -> Rechtenwijziging:
    """Refused, with a reason: nothing is granted, what was taken away at the proposal stays away."""
    reden = (reden or "").strip()
    wijziging = _wijziging_vergrendelen(door, wijziging)
    if not reden:
        raise ValidationError({"reden": _("Geef de reden van de weigering; de beheerder leest die.")})
    wijziging.status = Rechtenwijziging.Status.GEWEIGERD
    wijziging.beoordeeld_door, wijziging.beoordeeld_op = door, timezone.now()
    wijziging.reden = reden
    wijziging.save()
    return wijziging


@transaction.atomic
def medewerker_aanmaken(
    *,
    door: Medewerker,
    gebruikersnaam: str,
    voornaam: str,
    achternaam: str,
    email: str,
    rol: str,
    teams: Iterable[Team],
    telefoon: str = "",
    organisatie: Organisatie | None = None,
    basis_url: str,
) -> tuple[Medewerker, str, Rechtenwijziging | None]:
    """A new account without a password: the person gets an invitation link and sets it themselves.
    Returns the medewerker, the link (the beheerder sees it once) and the proposal of a role that reads
    case content, which waits for a second person."""
    _mag_beheren(door)
    email = _email_controleren(email, None)
    if Medewerker.objects.filter(username__iexact=gebruikersnaam).exists():
        raise ValidationError({"username": _("Deze gebruikersnaam bestaat al.")})
    medewerker = Medewerker(
        username=gebruikersnaam,
        first_name=voornaam,
        last_name=achternaam,
        email=email,
        telefoon=telefoon,
        organisatie=organisatie,
        # No role until the chosen one is applied: directly, or, for a role that reads case content,
        # once a second person confirms the proposal.
        rol=Rol.GEEN,
    )
    medewerker.set_unusable_password()
    medewerker.full_clean(exclude=["password", "rol"])
    medewerker.save()
    _medewerker, voorstel = medewerker_rechten_wijzigen(
        door=door, medewerker=medewerker, rol=rol, teams=teams
    )
    _uitnodiging, link = uitnodiging_versturen(
        medewerker=medewerker, soort=Uitnodiging.Soort.ACCOUNT, door=door, basis_url=basis_url
    )
    medewerker.refresh_from_db()
    return medewerker, link, voorstel


@transaction.atomic
def medewerker_bijwerken(
    *,
    door: Medewerker,
    medewerker: Medewerker,
    voornaam: str,
    achternaam: str,
    email: str,
    telefoon: str,
    organisatie: Organisatie | None,
    rol: str,
    teams: Iterable[Team],
) -> tuple[Medewerker, bool, Rechtenwijziging | None]:
    """Name and contact details; a different role or teams go through medewerker_rechten_wijzigen.
    Returns the medewerker, whether their rights changed and the proposal waiting for a second person."""
    _mag_beheren(door)
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    medewerker.email = _email_controleren(email, medewerker)
    medewerker.first_name, medewerker.last_name = voornaam, achternaam
    medewerker.telefoon, medewerker.organisatie = telefoon, organisatie
    teams = list(teams)
    rechten_gewijzigd = rechten.rechten_verschillen(medewerker, rol=rol, teams=teams)
    voorstel = None
    if rechten_gewijzigd:
        medewerker, voorstel = medewerker_rechten_wijzigen(
            door=door, medewerker=medewerker, rol=rol, teams=teams
        )
        medewerker.email = email.strip()
        medewerker.first_name, medewerker.last_name = voornaam, achternaam
        medewerker.telefoon, medewerker.organisatie = telefoon, organisatie
    medewerker.full_clean(exclude=["password"])
    medewerker.save()
    return medewerker, rechten_gewijzigd, voorstel


@transaction.atomic
def medewerker_deactiveren(
    *, door: Medewerker, medewerker: Medewerker, reden: str, request=None
) -> Medewerker:
    """Leaving: the kernel's deactivation (sessions ended, personal grants revoked, logged with the
    reason; skt/vertrek.py), and the person's open links closed. Never deleted, never one's own."""
    _mag_beheren(door)
    _niet_zelf(door, medewerker, "reden", _("U kunt uw eigen account niet deactiveren."))
    medewerker = vertrek.medewerker_deactiveren(
        door=door, medewerker=medewerker, reden=reden, request=request
    )
    _open_voorstellen_laten_vervallen(medewerker)
    for uitnodiging in Uitnodiging.objects.select_for_update().filter(
        medewerker=medewerker, gebruikt_op=None, ingetrokken_op=None
    ):
        uitnodiging.ingetrokken_op = timezone.now()
        uitnodiging.save(update_fields=["ingetrokken_op"])
    return medewerker


@transaction.atomic
def medewerker_activeren(
    *, door: Medewerker, medewerker: Medewerker
) -> tuple[Medewerker, Rechtenwijziging | None]:
    """Back in service: the account logs in again with its own password and second factor; personal
    grants do not come back. Its teams do not come back by themselves either: re-activating would
    otherwise reopen every dossier of those teams on one person's say. The account returns without
    teams, and its former role and teams become a proposal that a second person confirms, as any grant
    of case content (medewerker_rechten_wijzigen). Returns the medewerker and that proposal, if any."""
    _mag_beheren(door)
    _niet_zelf(door, medewerker, "__all__", _("U kunt uw eigen account niet activeren."))
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    if medewerker.is_active:
        raise ValidationError(_("%(wie)s is al actief.") % {"wie": medewerker})
    rol, teams = medewerker.rol, list(medewerker.teams.filter(actief=True))
    medewerker.is_active = True
    medewerker.save()
    _rechten_toepassen(medewerker, rol, [])
    if not teams:
        # No active team to return to: the beheerder chooses one on the person's page (a proposal).
        return medewerker, None
    return medewerker_rechten_wijzigen(door=door, medewerker=medewerker, rol=rol, teams=teams)


@transaction.atomic
def tweede_factor_resetten(*, door: Medewerker, medewerker: Medewerker, basis_url: str) -> tuple[str, list]:
    """Lost phone: remove the authenticator and the recovery codes, send a link for a new factor only,
    and tell the person and the coordinators of their teams by e-mail (the kernel has no messages of its
    own). Returns the link (shown once) and the coordinators told."""
    _mag_beheren(door)
    _niet_zelf(door, medewerker, "__all__", _("Uw eigen tweede factor zet een andere beheerder opnieuw in."))
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    if not medewerker.is_active:
        raise ValidationError(_("Dit account is niet actief; activeer het eerst."))
    TOTPDevice.objects.filter(user=medewerker).delete()
    StaticDevice.objects.filter(user=medewerker).delete()
    # A session verified with the lost phone must not outlive it.
    vertrek.sessies_beeindigen(medewerker)
    _uitnodiging, link = uitnodiging_versturen(
        medewerker=medewerker, soort=Uitnodiging.Soort.TWEEDE_FACTOR, door=door, basis_url=basis_url
    )
    coordinatoren = [c for c in rechten.coordinatoren_van(medewerker) if c.email]
    if coordinatoren:
        send_mail(
            "Tweede factor van een teamlid opnieuw ingesteld",
            (
                f"De functioneel beheerder ({door.get_full_name() or door.username}) heeft de tweede "
                f"factor van {medewerker.get_full_name() or medewerker.username} gewist en een nieuwe "
                "uitnodiging "
                "gestuurd. Tot die is gebruikt, kan deze medewerker niet inloggen. Klopt dit niet? "
                "Neem contact op met de functioneel beheerder.\n"
            ),
            settings.DEFAULT_FROM_EMAIL,
            [c.email for c in coordinatoren],
        )
    return link, coordinatoren


@transaction.atomic
def team_opslaan(*, door: Medewerker, team: Team | None, gegevens: dict) -> Team:
    """Create or change a team; a new team gets its member group (object rights go per team)."""
    _mag_beheren(door)
    kernen = list(gegevens.pop("kernen", []))
    if team is None:
        groep, _nieuw = Group.objects.get_or_create(name=f"team:{gegevens['code']}")
        team = Team(groep=groep)
    else:
        team = Team.objects.select_for_update().get(pk=team.pk)
    for veld, waarde in gegevens.items():
        setattr(team, veld, waarde)
    team.full_clean()
    team.save()
    team.kernen.set(kernen)
    return team


@transaction.atomic
def configuratie_opslaan(*, door: Medewerker, form):
    """Kernen, leefgebieden, organisaties and voorzieningen: plain records, saved by their ModelForm."""
    _mag_beheren(door)
    return form.save()


def profiel_laden_door(*, door: Medewerker, naam: str) -> Resultaat:
    """Load a shipped gemeente profile through the existing loader (all or nothing, ProfielFout lists
    every error with its line)."""
    _mag_beheren(door)
    return profiel_laden(naam)
