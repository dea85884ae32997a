"""Triage: one decision, who, when and why; routing grants the receiving team its rights."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from meldingen import rechten as melding_rechten
from meldingen import routering
from meldingen.models import Melding
from meldingen.services import status_zetten, vergrendeld
from meldingen.vocab import TriageUitkomst, Uitstroom
from meldingen.workflow import MeldingStatus
from skt import rechten, registers
from skt import services as skt_services
from skt.models import Inwoner, Medewerker, Team

from . import rechten as poort_rechten
from .models import Koppelverzoek, Triage

# Triage outcomes that hand the question to the loket: each becomes an item of its werkvoorraad
# (arrangementen, through skt.registers), with the source it came from.
NAAR_LOKET = {
    TriageUitkomst.LOKET: "triage_loket",
    TriageUitkomst.KERNTEAM_CONSULENT: "triage_kernteam_consulent",
    TriageUitkomst.VEILIG_THUIS: "veilig_thuis",
}


def _al_getrieerd_fout(melding: Melding) -> ValidationError:
    laatste = melding.triages.select_related("door").order_by("-op", "-pk").first()
    if laatste is None:
        return ValidationError(_("Deze melding is al afgesloten en kan niet meer worden getriëerd."))
    return ValidationError(
        _("Deze melding is al getriëerd door %(wie)s op %(wanneer)s (%(uitkomst)s). Er is niets gewijzigd.")
        % {
            "wie": laatste.door,
            "wanneer": laatste.op.strftime("%d-%m-%Y %H:%M"),
            "uitkomst": laatste.get_uitkomst_display(),
        },
        code="al_getrieerd",
    )


def _controleer_regels(
    *, melding: Melding, uitkomst: str, reden: str, jeugd_motivatie: str, uitstroom: str | None
):
    if uitkomst not in TriageUitkomst.values:
        raise ValidationError({"uitkomst": _("Kies een van de triage-uitkomsten.")})
    if not reden.strip():
        raise ValidationError({"reden": _("Schrijf kort op waarom u deze keuze maakt.")})
    if uitkomst in routering.KERNTEAM_UITKOMSTEN and melding.jeugd and not jeugd_motivatie.strip():
        raise ValidationError(
            {
                "jeugd_motivatie": _(
                    "Een jeugdvraag gaat in principe naar het loket. "
                    "Leg vast waarom het kernteam hier past, of kies het loket."
                )
            }
        )
    if uitkomst == TriageUitkomst.DIRECT and uitstroom not in Uitstroom.values:
        raise ValidationError(
            {
                "uitstroom": _(
                    "Bij directe afhandeling kiest u de uitstroom (hoe de vraag is "
                    "beantwoord of doorverwezen)."
                )
            }
        )


def _toewijzen(melding: Melding, uitkomst: str, team: Team | None) -> None:
    melding.triage_uitkomst = uitkomst
    melding.team = team
    melding.veilig_thuis = uitkomst == TriageUitkomst.VEILIG_THUIS
    if team is not None:
        melding_rechten.melding_toewijzen(melding, team)
    if uitkomst == TriageUitkomst.KERNTEAM_CONSULENT:
        # A joint home visit: the loket's consulenten follow the melding from the start.
        melding_rechten.melding_toewijzen(melding, routering.loket())


def _houders(uitkomst: str, team: Team | None) -> set[Team]:
    """The teams that work on a melding routed this way (see _toewijzen)."""
    houders = {team} if team is not None else set()
    if uitkomst == TriageUitkomst.KERNTEAM_CONSULENT:
        houders.add(routering.loket())
    return houders


@transaction.atomic
def melding_trieren(
    *,
    door: Medewerker,
    melding: Melding,
    uitkomst: str,
    reden: str,
    team: Team | None = None,
    jeugd_motivatie: str = "",
    uitstroom: str | None = None,
    bron: str | None = None,
    nu: datetime | None = None,
) -> Triage:
    """``bron`` names how a hand-off to the loket came about, when not the triage outcome itself (a
    consulent registering at the loket)."""
    nu = nu or timezone.now()
    melding = vergrendeld(melding.pk)
    if melding.status != MeldingStatus.NIEUW:
        # The other vraagverhelderaar, or the team that has it now, hears who triaged it; anyone
        # else is refused as for any melding they may not know.
        if poort_rechten.mag_eerdere_triage_horen(door, melding):
            raise _al_getrieerd_fout(melding)
        raise PermissionDenied
    if not melding_rechten.mag_trieren(door, melding):
        raise PermissionDenied
    _controleer_regels(
        melding=melding, uitkomst=uitkomst, reden=reden, jeugd_motivatie=jeugd_motivatie, uitstroom=uitstroom
    )
    ontvanger = routering.team_bepalen(melding=melding, uitkomst=uitkomst, gekozen_team=team)
    triage = Triage(
        melding=melding,
        uitkomst=uitkomst,
        team=ontvanger,
        reden=reden,
        jeugd_motivatie=jeugd_motivatie,
        door=door,
        op=nu,
    )
    triage.full_clean()
    triage.save()
    if uitkomst == TriageUitkomst.DIRECT:
        status_zetten(melding, actie="direct_afhandelen", door=door, toelichting=reden, op=nu)
        melding.triage_uitkomst = uitkomst
        melding.uitstroom = uitstroom
        melding.afgesloten_op = timezone.localdate(triage.op)
    else:
        status_zetten(melding, actie="trieren", door=door, toelichting=reden, op=nu)
        _toewijzen(melding, uitkomst, ontvanger)
    melding.save()
    if uitkomst in NAAR_LOKET:
        registers.overdracht_aan_loket(
            bron=bron or NAAR_LOKET[uitkomst], door=door, reden=reden, melding=melding, nu=nu
        )
    return triage


@transaction.atomic
def melding_doorschakelen(
    *,
    door: Medewerker,
    melding: Melding,
    uitkomst: str,
    reden: str,
    team: Team | None = None,
    jeugd_motivatie: str = "",
    nu: datetime | None = None,
) -> Triage:
    """Re-route after triage: needs a reason and is counted (seed 004: at most one doorschakeling)."""
    nu = nu or timezone.now()
    melding = vergrendeld(melding.pk)
    if not melding_rechten.mag_melding_behandelen(door, melding):
        raise PermissionDenied
    if uitkomst == TriageUitkomst.DIRECT:
        raise ValidationError(
            {
                "uitkomst": _(
                    "Doorschakelen gaat naar een team of het loket; sluit de melding af "
                    "als de vraag is beantwoord."
                )
            }
        )
    if melding.veilig_thuis and uitkomst != TriageUitkomst.VEILIG_THUIS:
        # A safety signal stays with the loket: re-routing must never show it to a kernteam.
        raise ValidationError(
            {
                "uitkomst": _(
                    "Een veiligheidssignaal blijft bij het loket en wordt niet doorgeschakeld; "
                    "registreer een nieuwe melding als het kernteam iets moet doen."
                )
            }
        )
    _controleer_regels(
        melding=melding, uitkomst=uitkomst, reden=reden, jeugd_motivatie=jeugd_motivatie, uitstroom=None
    )
    ontvanger = routering.team_bepalen(melding=melding, uitkomst=uitkomst, gekozen_team=team)
    if ontvanger == melding.team and uitkomst == melding.triage_uitkomst:
        raise ValidationError(
            {"team": _("De melding ligt al bij dit team; kies een ander team of het loket.")}
        )
    vorige_houders = _houders(melding.triage_uitkomst, melding.team)
    vorig_team = melding.team
    triage = Triage(
        melding=melding,
        uitkomst=uitkomst,
        team=ontvanger,
        reden=reden,
        jeugd_motivatie=jeugd_motivatie,
        door=door,
        is_doorschakeling=True,
        op=nu,
    )
    triage.full_clean()
    triage.save()
    status_zetten(melding, actie="herrouteren", door=door, toelichting=reden, op=nu)
    melding.doorschakelingen += 1
    melding.eerste_contact_op = None
    melding.eerste_contact_door = None
    melding.eerste_contact_wijze = ""
    _toewijzen(melding, uitkomst, ontvanger)
    # Previous holders (the team, and the loket of a joint home visit) keep sight but stop working on it.
    for vorige in vorige_houders - _houders(uitkomst, ontvanger):
        melding_rechten.melding_overdragen(melding, vorige)
    melding.save()
    if uitkomst in NAAR_LOKET:
        registers.overdracht_aan_loket(
            bron="doorschakeling", door=door, reden=reden, melding=melding, team=vorig_team, nu=nu
        )
    return triage


# -- recognising a known inwoner -----------------------------------------------------------

MAX_ZOEKRESULTATEN = 20


def inwoners_zoeken(
    *,
    door: Medewerker,
    bsn: str = "",
    achternaam: str = "",
    geboortedatum=None,
    postcode: str = "",
    huisnummer: str = "",
    onder=None,
):
    """Search among the inwoners this user may recognise (the poort: all; others: their betrokkenheid).

    ``onder``: another rights-scoped queryset to search in (the loket's intake search)."""
    qs = (onder if onder is not None else rechten.inwoners_herkenbaar_voor(door)).select_related("kern")
    if bsn:
        qs = qs.filter(bsn=bsn)
    elif achternaam and geboortedatum:
        qs = qs.filter(achternaam__iexact=achternaam.strip(), geboortedatum=geboortedatum)
    elif postcode and huisnummer:
        qs = qs.filter(postcode=postcode, huisnummer__iexact=huisnummer.strip())
    else:
        return qs.none()
    return qs.order_by("achternaam", "voornamen")[:MAX_ZOEKRESULTATEN]


def mogelijke_dubbelen(*, bsn: str | None, achternaam: str, geboortedatum, postcode: str, huisnummer: str):
    """Inwoners who are likely the same person, across the whole store (not limited by rights)."""
    voorwaarde = Q(pk__in=[])
    if bsn:
        voorwaarde |= Q(bsn=bsn)
    if achternaam and geboortedatum:
        voorwaarde |= Q(achternaam__iexact=achternaam.strip(), geboortedatum=geboortedatum)
    if postcode and huisnummer and achternaam:
        voorwaarde |= Q(
            postcode=postcode, huisnummer__iexact=huisnummer.strip(), achternaam__iexact=achternaam.strip()
        )
    # A merge's tombstone is no candidate: its data live on in the survivor.
    return rechten.levende_inwoners().filter(voorwaarde).select_related("kern")


class NietGeregistreerd(ValidationError):
    """Why the inwoner was not registered, with the likely duplicates the page shows beside it.

    ``bestaand``: the inwoner with this BSN whom the user may not see; the view logs the attempt with them.
    """

    def __init__(self, fout: ValidationError, kandidaten: list[Inwoner], bestaand: Inwoner | None = None):
        super().__init__(fout)
        self.kandidaten = kandidaten
        self.bestaand = bestaand


NIET_OPNIEUW = (
    "Deze inwoner kan niet opnieuw worden geregistreerd; de poort of de coördinator helpt u verder."
)


def _bsn_controleren(door: Medewerker, bsn: str | None) -> None:
    """A known BSN: who may recognise that inwoner hears so; anyone else gets a neutral answer that does not
    say whether the person exists, nor why the record exists (issue 11, the existence oracle)."""
    bestaand = Inwoner.objects.filter(bsn=bsn).first() if bsn else None
    if bestaand is None:
        return
    if rechten.inwoners_herkenbaar_voor(door).filter(pk=bestaand.pk).exists():
        raise NietGeregistreerd(
            ValidationError({"bsn": _("Er bestaat al een Inwoner met eenzelfde BSN.")}), [bestaand]
        )
    raise NietGeregistreerd(ValidationError({"bsn": _(NIET_OPNIEUW)}), [], bestaand=bestaand)


@dataclass(frozen=True)
class InwonerRegistratie:
    inwoner: Inwoner
    # The likely duplicates the user confirmed to be other people: the view logs that decision.
    bevestigde_dubbelen: list[Inwoner]


MAX_DUBBELEN = 10


@transaction.atomic
def inwoner_registreren(*, door: Medewerker, gegevens: dict, dubbel_bevestigd: bool) -> InwonerRegistratie:
    """A new inwoner, after the duplicate check: a likely duplicate needs an explicit confirmation.

    Raises NietGeregistreerd, with the candidates, while they are unconfirmed or when the data are
    wrong; the registration itself, with its rights, is the kernel's.
    """
    _bsn_controleren(door, gegevens.get("bsn"))
    kandidaten = list(
        mogelijke_dubbelen(
            bsn=gegevens.get("bsn"),
            achternaam=gegevens["achternaam"],
            geboortedatum=gegevens.get("geboortedatum"),
            postcode=gegevens.get("postcode", ""),
            huisnummer=gegevens.get("huisnummer", ""),
        )[:MAX_DUBBELEN]
    )
    if kandidaten and not dubbel_bevestigd:
        fout = ValidationError(
            {
                "dubbel_bevestigd": _(
                    "Er is mogelijk al een inwoner met deze gegevens bekend. Controleer "
                    "dit en vink het vakje aan als het echt een andere persoon is."
                )
            }
        )
        raise NietGeregistreerd(fout, kandidaten)
    try:
        inwoner = skt_services.inwoner_registreren(door=door, gegevens=gegevens)
    except ValidationError as fout:
        raise NietGeregistreerd(fout, kandidaten) from fout
    return InwonerRegistratie(inwoner, kandidaten)


# -- koppelverzoeken: the poort helps who may not re-register a known inwoner ---------------------


@transaction.atomic
def koppelverzoek_vastleggen(
    *, door: Medewerker, inwoner: Inwoner, gegevens: dict, nu: datetime | None = None
) -> tuple[Koppelverzoek, bool]:
    """The poort's work item after a refused re-registration; returns (verzoek, created).

    One open request per inwoner and asker: a repeated refusal finds the open one. Called in the
    transaction that logs the refusal, so the work item and its access-log row exist together.
    """
    open_verzoek = Koppelverzoek.objects.filter(
        inwoner=inwoner, gevraagd_door=door, status=Koppelverzoek.Status.OPEN
    ).first()
    if open_verzoek is not None:
        return open_verzoek, False
    verzoek = Koppelverzoek(
        inwoner=inwoner,
        gevraagd_door=door,
        gevraagd_op=nu or timezone.now(),
        voornamen_ingevoerd=(gegevens.get("voornamen") or "")[:200],
        achternaam_ingevoerd=(gegevens.get("achternaam") or "")[:200],
        geboortedatum_ingevoerd=gegevens.get("geboortedatum"),
    )
    try:
        # Two refusals at once (a double-clicked submit): the constraint keeps one, the other finds it.
        with transaction.atomic():
            verzoek.save()
    except IntegrityError:
        return Koppelverzoek.objects.get(
            inwoner=inwoner, gevraagd_door=door, status=Koppelverzoek.Status.OPEN
        ), False
    verzoek.teams.set(rechten.teams_van(door))
    return verzoek, True


def _geregistreerde_melding(verzoek: Koppelverzoek) -> Melding | None:
    """The melding the poort registered for the inwoner since the request (never a Veilig Thuis one)."""
    return (
        Melding.objects.filter(
            inwoner=verzoek.inwoner, geregistreerd_op__gte=verzoek.gevraagd_op, veilig_thuis=False
        )
        .order_by("-geregistreerd_op", "-pk")
        .first()
    )


@transaction.atomic
def koppelverzoek_afhandelen(
    *,
    door: Medewerker,
    verzoek: Koppelverzoek,
    uitkomst: str,
    toelichting: str,
    nu: datetime | None = None,
) -> Koppelverzoek:
    """Close a request with an outcome and a reason; the asker sees the outcome on their 'Mijn werk'."""
    if not poort_rechten.mag_koppelverzoeken_behandelen(door):
        raise PermissionDenied
    verzoek = Koppelverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.status != Koppelverzoek.Status.OPEN:
        raise ValidationError(
            _("Dit verzoek is al afgehandeld door %(wie)s op %(wanneer)s. Er is niets gewijzigd.")
            % {
                "wie": verzoek.afgehandeld_door,
                "wanneer": timezone.localtime(verzoek.afgehandeld_op).strftime("%d-%m-%Y %H:%M"),
            },
            code="al_afgehandeld",
        )
    if uitkomst not in Koppelverzoek.Uitkomst.values:
        raise ValidationError({"uitkomst": _("Kies hoe het verzoek is afgehandeld.")})
    if not toelichting.strip():
        raise ValidationError(
            {"toelichting": _("Schrijf kort op waarom u het verzoek zo afhandelt.")}, code="verplicht"
        )
    melding = None
    if uitkomst == Koppelverzoek.Uitkomst.MELDING_GEREGISTREERD:
        melding = _geregistreerde_melding(verzoek)
        if melding is None:
            raise ValidationError(
                {
                    "uitkomst": _(
                        "Sinds dit verzoek is er geen melding voor deze inwoner geregistreerd. "
                        "Registreer eerst de melding, of kies een andere uitkomst."
                    )
                }
            )
    verzoek.status = Koppelverzoek.Status.AFGEHANDELD
    verzoek.uitkomst = uitkomst
    verzoek.toelichting = toelichting.strip()
    verzoek.melding = melding
    verzoek.afgehandeld_door = door
    verzoek.afgehandeld_op = nu or timezone.now()
    verzoek.full_clean()
    verzoek.save()
    return verzoek
