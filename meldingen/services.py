"""Workflows of a melding: registration, first contact, closing and terugkoppeling; signalen."""

from __future__ import annotations

import uuid as uuid_mod
from datetime import date, datetime
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meldingen import rechten as melding_rechten
from skt import rechten, workflow
from skt.models import Inwoner, Leefgebied, Medewerker, Voorziening
from skt.validators import EERSTE_WERKDATUM

from .models import Melding, MeldingStatusRegel, Signaal, SignaalStatusRegel
from .vocab import ContactWijze, Ingang, MelderSoort, Uitstroom
from .workflow import SIGNAAL_ACTIE_NAAR, SIGNAAL_WERKSTROOM, WERKSTROOM, MeldingStatus, SignaalStatus

# The kernel's helpers bound to the melding's table; poort/services.py uses them too.
status_zetten = partial(workflow.status_zetten, werkstroom=WERKSTROOM)
vergrendeld = partial(workflow.vergrendeld, Melding)


def _datum_controleren(datum: date, *, niet_voor: date | None, veld: str, wat: str) -> None:
    if datum > timezone.localdate():
        raise ValidationError(
            {veld: _("De %(wat)s ligt in de toekomst; vul vandaag of een eerdere datum in.") % {"wat": wat}}
        )
    if niet_voor and datum < niet_voor:
        raise ValidationError(
            {
                veld: _("De %(wat)s ligt vóór %(grens)s; dat kan niet.")
                % {"wat": wat, "grens": niet_voor.strftime("%d-%m-%Y")}
            }
        )
    if datum < EERSTE_WERKDATUM:
        raise ValidationError(
            {veld: _("De %(wat)s ligt vóór 1 januari 2000; controleer het jaartal.") % {"wat": wat}}
        )


@transaction.atomic
def melding_registreren(
    *,
    door: Medewerker,
    inwoner: Inwoner | None,
    anoniem: bool,
    aanmeldingsdatum: date,
    ingang: str,
    melder_soort: str,
    vraag: str,
    leefgebieden: list[Leefgebied] | None = None,
    melder_naam: str = "",
    melder_bereikbaar: str = "",
    melder_wil_terugkoppeling: bool = False,
    jeugd: bool | None = None,
    notitie: str = "",
    notitie_vertrouwelijk: bool = False,
    formulier_sleutel: uuid_mod.UUID | None = None,
    nu: datetime | None = None,
) -> tuple[Melding, bool]:
    """Register a melding; returns (melding, created). A repeated form key returns the first melding.

    ``nu`` is the moment of registration (default: now); the demo passes its own to build a history.
    """
    nu = nu or timezone.now()
    if not melding_rechten.mag_melding_registreren(door):
        raise PermissionDenied
    if formulier_sleutel:
        bestaand = Melding.objects.filter(formulier_sleutel=formulier_sleutel).first()
        if bestaand is not None:
            return bestaand, False
    if inwoner is None and not anoniem:
        raise ValidationError(
            {
                "inwoner": _(
                    "Kies of registreer de inwoner, of vink 'anonieme melding' aan als de "
                    "inwoner niet bekend is."
                )
            }
        )
    if inwoner is not None:
        anoniem = False
    _datum_controleren(
        aanmeldingsdatum,
        niet_voor=inwoner.geboortedatum if inwoner else None,
        veld="aanmeldingsdatum",
        wat="datum van aanmelding",
    )
    if inwoner is not None and inwoner.geboortedatum:
        jeugd = inwoner.is_jeugd_op(aanmeldingsdatum)
    if melder_soort in (MelderSoort.INWONER, MelderSoort.ANONIEM):
        melder_naam, melder_bereikbaar, melder_wil_terugkoppeling = "", "", False
    elif melder_wil_terugkoppeling and not melder_bereikbaar.strip():
        raise ValidationError(
            {
                "melder_bereikbaar": _(
                    "De melder wil horen dat de melding is afgehandeld: vul in hoe de "
                    "melder bereikbaar is (telefoon of e-mail)."
                )
            }
        )
    melding = Melding(
        formulier_sleutel=formulier_sleutel,
        aanmeldingsdatum=aanmeldingsdatum,
        ingang=ingang,
        melder_soort=melder_soort,
        melder_naam=melder_naam,
        melder_bereikbaar=melder_bereikbaar,
        melder_wil_terugkoppeling=melder_wil_terugkoppeling,
        inwoner=inwoner,
        anoniem=anoniem,
        jeugd=bool(jeugd),
        vraag=vraag,
        notitie=notitie,
        notitie_vertrouwelijk=notitie_vertrouwelijk and bool(notitie),
        geregistreerd_door=door,
        geregistreerd_op=nu,
    )
    melding.full_clean(exclude=["leefgebieden"])
    try:
        with transaction.atomic():
            melding.save()
    except IntegrityError:
        # The same form posted twice at the same moment: the other request won; return its melding.
        if formulier_sleutel and (
            bestaand := Melding.objects.filter(formulier_sleutel=formulier_sleutel).first()
        ):
            return bestaand, False
        raise
    if leefgebieden:
        melding.leefgebieden.set(leefgebieden)
    MeldingStatusRegel.objects.create(
        melding=melding, status=melding.status, actie="registreren", door=door, op=nu
    )
    melding_rechten.melding_registrator_toegang(melding, door)
    for team in melding_rechten.teams_bij_registratie(door, inwoner):
        melding_rechten.melding_toewijzen(melding, team)
    return melding, True


@transaction.atomic
def melding_eerste_contact_vastleggen(
    *,
    door: Medewerker,
    melding: Melding,
    datum: date,
    wijze: str,
    contact_door: Medewerker | None = None,
    nu: datetime | None = None,
) -> Melding:
    melding = vergrendeld(melding.pk)
    if not melding_rechten.mag_melding_behandelen(door, melding):
        raise PermissionDenied
    if wijze not in ContactWijze.values:
        raise ValidationError({"wijze": _("Kies hoe het contact was.")})
    _datum_controleren(
        datum, niet_voor=melding.aanmeldingsdatum, veld="datum", wat="datum van het eerste contact"
    )
    if (
        contact_door is not None
        and contact_door != door
        and not (melding.team_id and contact_door.teams.filter(pk=melding.team_id).exists())
    ):
        raise ValidationError({"door": _("Kies iemand van het team dat de melding heeft.")})
    status_zetten(melding, actie="eerste_contact", door=door, op=nu or timezone.now())
    melding.eerste_contact_op = datum
    melding.eerste_contact_door = contact_door or door
    melding.eerste_contact_wijze = wijze
    melding.save()
    return melding


@transaction.atomic
def melding_afsluiten(
    *,
    door: Medewerker,
    melding: Melding,
    uitstroom: str,
    datum: date | None = None,
    toelichting: str = "",
    nu: datetime | None = None,
) -> Melding:
    nu = nu or timezone.now()
    melding = vergrendeld(melding.pk)
    if not melding_rechten.mag_melding_behandelen(door, melding):
        raise PermissionDenied
    if uitstroom not in Uitstroom.values:
        raise ValidationError({"uitstroom": _("Kies de uitstroom uit de lijst.")})
    datum = datum or timezone.localdate(nu)
    _datum_controleren(
        datum,
        niet_voor=melding.eerste_contact_op or melding.aanmeldingsdatum,
        veld="datum",
        wat="datum van afsluiten",
    )
    status_zetten(melding, actie="afsluiten", door=door, toelichting=toelichting, op=nu)
    melding.uitstroom = uitstroom
    melding.afgesloten_op = datum
    melding.save()
    return melding


def terugkoppeltekst(melding: Melding) -> str:
    """A ready text for a third-party melder: that it was handled, never what was found."""
    return _(
        "Beste %(naam)s,\n\nOp %(datum)s heeft u bij het Sociaal Kernteam een melding gedaan "
        "over een inwoner. Wij laten u weten dat uw melding is afgehandeld. Vanwege de "
        "privacy van de inwoner kunnen wij u niet vertellen wat er is besproken of afgesproken."
        "\n\nDank voor uw melding.\n\nMet vriendelijke groet,\nSociaal Kernteam"
    ) % {"naam": melding.melder_naam or _("melder"), "datum": melding.aanmeldingsdatum.strftime("%d-%m-%Y")}


@transaction.atomic
def melding_terugkoppeling_vastleggen(
    *, door: Medewerker, melding: Melding, nu: datetime | None = None
) -> Melding:
    melding = vergrendeld(melding.pk)
    if not melding_rechten.mag_melding_behandelen(door, melding):
        raise PermissionDenied
    if not melding.terugkoppeling_open:
        raise ValidationError(
            _(
                "Voor deze melding staat geen terugkoppeling aan de melder open (al gedaan, niet "
                "gevraagd, of de melding is nog niet afgesloten)."
            )
        )
    melding.terugkoppeling_op = nu or timezone.now()
    melding.terugkoppeling_door = door
    melding.save()
    return melding


# -- signalen ------------------------------------------------------------------------------


@transaction.atomic
def signaal_registreren(
    *,
    door: Medewerker,
    team,
    titel: str,
    omschrijving: str,
    kern=None,
    leefgebied=None,
    meldingen=(),
    nu: datetime | None = None,
) -> Signaal:
    nu = nu or timezone.now()
    if not melding_rechten.mag_signaal_registreren(door, team):
        raise PermissionDenied
    signaal = Signaal(
        titel=titel,
        omschrijving=omschrijving,
        kern=kern,
        leefgebied=leefgebied,
        team=team,
        geregistreerd_door=door,
        geregistreerd_op=nu,
    )
    signaal.full_clean()
    signaal.save()
    if meldingen:
        signaal.meldingen.set(meldingen)
    SignaalStatusRegel.objects.create(
        signaal=signaal, status=signaal.status, actie="registreren", door=door, op=nu
    )
    return signaal


@transaction.atomic
def signaal_status_wijzigen(
    *,
    door: Medewerker,
    signaal: Signaal,
    status: str,
    toelichting: str = "",
    voorziening: Voorziening | None = None,
    nu: datetime | None = None,
) -> Signaal:
    signaal = Signaal.objects.select_for_update().get(pk=signaal.pk)
    if not melding_rechten.mag_signaal_behandelen(door, signaal):
        raise PermissionDenied
    # The page offers the next status, not the action: the status names the one action that reaches it.
    actie = SIGNAAL_ACTIE_NAAR.get(status)
    if actie is None or not SIGNAAL_WERKSTROOM.mag(actie, signaal.status):
        raise ValidationError(
            {
                "status": _("Van '%(van)s' kan een signaal niet naar '%(naar)s'.")
                % {
                    "van": signaal.get_status_display(),
                    "naar": dict(SignaalStatus.choices).get(status, status),
                }
            }
        )
    if status == SignaalStatus.INITIATIEF_GESTART and voorziening is None and signaal.voorziening_id is None:
        raise ValidationError(
            {"voorziening": _("Koppel de voorziening uit de sociale kaart die uit dit signaal is ontstaan.")}
        )
    workflow.status_zetten(
        signaal,
        werkstroom=SIGNAAL_WERKSTROOM,
        actie=actie,
        door=door,
        toelichting=toelichting,
        op=nu or timezone.now(),
    )
    if voorziening is not None:
        signaal.voorziening = voorziening
    signaal.save()
    return signaal


def open_meldingen_van(inwoner_ids, voor=None) -> dict[int, list[Melding]]:
    """Open trajectories per inwoner for the poort's recognition: team, since when, what kind. One query.

    A Veilig Thuis melding is left out unless ``voor`` is a loket role: shown as a "Loket" trajectory,
    it would tell the poort what the dossier hides (issue 11)."""
    per_inwoner: dict[int, list[Melding]] = {}
    qs = Melding.objects.filter(inwoner_id__in=inwoner_ids)
    if not rechten.mag_veilig_thuis_zien(voor):
        qs = qs.filter(veilig_thuis=False)
    qs = (
        qs.exclude(status=MeldingStatus.AFGESLOTEN)
        .select_related("team")
        .only("inwoner_id", "aanmeldingsdatum", "status", "triage_uitkomst", "veilig_thuis", "team__naam")
        .order_by("aanmeldingsdatum")
    )
    for melding in qs:
        per_inwoner.setdefault(melding.inwoner_id, []).append(melding)
    return per_inwoner


CORRIGEERBAAR = (
    "ingang",
    "melder_soort",
    "melder_naam",
    "melder_bereikbaar",
    "melder_wil_terugkoppeling",
    "jeugd",
)


@transaction.atomic
def melding_corrigeren(
    *, door: Medewerker, melding: Melding, gegevens: dict, leefgebieden, reden: str = ""
) -> tuple[Melding, list[str]]:
    """Correct what vraagverheldering made clear (leefgebieden, jeugd, ingang, melder); kept in history.

    Returns the melding and the names of the fields that changed."""
    melding = vergrendeld(melding.pk)
    if not melding_rechten.mag_melding_corrigeren(door, melding):
        raise PermissionDenied(_("Alleen het team dat de melding behandelt, corrigeert haar, na de triage."))
    onbekend = set(gegevens) - set(CORRIGEERBAAR)
    if onbekend:
        raise ValidationError(
            _("Deze gegevens kunnen hier niet worden gewijzigd: %(v)s.") % {"v": ", ".join(sorted(onbekend))}
        )
    gegevens = {**{v: getattr(melding, v) for v in CORRIGEERBAAR}, **gegevens}
    fouten = {}
    if gegevens["ingang"] not in Ingang.values:
        fouten["ingang"] = _("Kies de ingang uit de lijst.")
    if gegevens["melder_soort"] not in MelderSoort.values:
        fouten["melder_soort"] = _("Kies de melder uit de lijst.")
    leefgebieden = list(leefgebieden)
    if any(not lg.actief for lg in leefgebieden):
        fouten["leefgebieden"] = _("Kies alleen leefgebieden die in gebruik zijn.")
    reden = (reden or "").strip()
    if len(reden) > 500:
        fouten["reden"] = _("Gebruik hoogstens 500 tekens.")
    if gegevens["melder_soort"] in (MelderSoort.INWONER, MelderSoort.ANONIEM):
        gegevens.update(melder_naam="", melder_bereikbaar="", melder_wil_terugkoppeling=False)
    elif gegevens["melder_wil_terugkoppeling"] and not (gegevens["melder_bereikbaar"] or "").strip():
        fouten["melder_bereikbaar"] = _(
            "De melder wil horen dat de melding is afgehandeld: vul in hoe de melder bereikbaar is "
            "(telefoon of e-mail)."
        )
    if melding.inwoner_id and melding.inwoner.geboortedatum and gegevens["jeugd"] != melding.jeugd:
        fouten["jeugd"] = _("Jeugd volgt uit de geboortedatum van de inwoner; corrigeer die in het dossier.")
    if (
        gegevens["jeugd"]
        and not melding.jeugd
        and not melding.veilig_thuis
        and melding.team_id
        and len(reden) < 10
    ):
        # A jeugd question goes to the loket unless someone records why the kernteam fits.
        fouten["reden"] = _(
            "Een jeugdvraag blijft alleen bij het kernteam met een reden: leg vast waarom het past."
        )
    if fouten:
        raise ValidationError(fouten)
    gewijzigd = [v for v in CORRIGEERBAAR if gegevens[v] != getattr(melding, v)]
    oude = set(melding.leefgebieden.values_list("pk", flat=True))
    if oude != {lg.pk for lg in leefgebieden}:
        gewijzigd.append("leefgebieden")
    if not gewijzigd:
        raise ValidationError(_("Er is niets gewijzigd."))
    for veld in CORRIGEERBAAR:
        setattr(melding, veld, gegevens[veld])
    melding.full_clean(exclude=["leefgebieden"])
    melding._change_reason = (
        _("gecorrigeerd: %(v)s") % {"v": ", ".join(gewijzigd)} + (f"; {reden}" if reden else "")
    )[:100]
    melding.save()
    if "leefgebieden" in gewijzigd:
        melding.leefgebieden.set(leefgebieden)
    return melding, gewijzigd
