"""The loket's werkvoorraad: an item per hand-off, taken by one consulent, ended in one of three ways.

Every step tells whoever handed over (the person and their team) what became of it: the ISam gap
was exactly that the kernteam heard nothing back. Veilig Thuis items stay within the loket: no
message goes out about them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen.models import Casus
from meldingen import routering
from meldingen.models import Melding
from meldingen.services import melding_registreren
from meldingen.vocab import Ingang, TriageUitkomst
from meldingen.workflow import MeldingStatus
from poort.services import melding_trieren
from skt import registers
from skt import workflow as kernel
from skt.models import Medewerker, Rol, Team
from skt.profiel.instellingen import instellingen

from .. import rechten as arrangement_rechten
from .. import termijnen
from ..models import Aanvraag, AanvraagBron, AanvraagStatusRegel, Notificatie, Wet
from ..workflow import AANVRAAG_WERKSTROOM, AanvraagStatus
from .basis import _datum, _nu
from .opstellen import arrangement_opstellen

UITKOMSTEN = ("maatwerk_aanvragen", "geen_maatwerk", "doorverwijzen")


def _status_zetten(
    aanvraag: Aanvraag, *, actie: str, door: Medewerker, toelichting: str, nu: datetime
) -> None:
    kernel.status_zetten(
        aanvraag, werkstroom=AANVRAAG_WERKSTROOM, actie=actie, door=door, toelichting=toelichting, op=nu
    )


def _termijnen_zetten(aanvraag: Aanvraag) -> None:
    """The legal clock runs from the hand-off (DOMAIN.md: Wmo 6 weeks onderzoek, then 2 weeks for the
    beschikking; Jeugd 8 weeks); the Wmo persoonlijk plan may be handed in within 7 days."""
    profiel = instellingen().termijnen
    start = timezone.localdate(aanvraag.overgedragen_op)
    inst = termijnen.Termijninstellingen(
        wmo_onderzoek_weken=profiel.wmo_onderzoek_weken,
        wmo_beschikking_weken=profiel.wmo_beschikking_weken,
        jeugd_beslissing_weken=profiel.jeugd_beslissing_weken,
    )
    if aanvraag.wet == Wet.WMO:
        aanvraag.onderzoek_einde = termijnen.onderzoekstermijn_einde(Wet.WMO, start, inst)
        aanvraag.besluit_einde = termijnen.beslistermijn_einde(Wet.WMO, aanvraag.onderzoek_einde, inst)
        aanvraag.persoonlijk_plan_einde = start + timedelta(days=profiel.wmo_persoonlijk_plan_dagen)
    else:
        aanvraag.onderzoek_einde = None
        aanvraag.besluit_einde = termijnen.beslistermijn_einde(Wet.JEUGD, start, inst)
        aanvraag.persoonlijk_plan_einde = None


def _ontvangers(aanvraag: Aanvraag) -> list[Medewerker]:
    """Who handed over, and the beroepskrachten of their team."""
    ontvangers = {aanvraag.overgedragen_door_id: aanvraag.overgedragen_door}
    if aanvraag.overgedragen_team_id:
        for lid in aanvraag.overgedragen_team.leden.filter(is_active=True, rol=Rol.BEROEPSKRACHT):
            ontvangers.setdefault(lid.pk, lid)
    return [m for m in ontvangers.values() if m.is_active]


def _melden(aanvraag: Aanvraag, tekst: str, *, nu: datetime, reden: str = "") -> None:
    """A bericht to whoever handed over; the reason only to those who may read it (not the poort)."""
    if aanvraag.veilig_thuis:
        return
    link = reverse("arrangementen:aanvraag", kwargs={"uuid": aanvraag.uuid})
    for ontvanger in _ontvangers(aanvraag):
        volledig = tekst
        if reden and arrangement_rechten.mag_aanvraag_uitkomst_lezen(ontvanger, aanvraag):
            volledig = f"{tekst} " + _("Reden: %(reden)s") % {"reden": reden}
        Notificatie.objects.create(
            medewerker=ontvanger, aanvraag=aanvraag, tekst=volledig[:500], link=link, aangemaakt_op=nu
        )


def _kop(aanvraag: Aanvraag) -> str:
    wie = aanvraag.inwoner.naam if aanvraag.inwoner_id else _("anonieme melding")
    return f"{aanvraag.nummer} ({wie}, {aanvraag.get_wet_display()})"


def _wet_van(melding: Melding | None) -> str:
    return Wet.JEUGD if melding is not None and melding.jeugd else Wet.WMO


@transaction.atomic
def aanvraag_aanmaken(
    *,
    bron: str,
    door: Medewerker,
    reden: str,
    melding: Melding | None = None,
    casus: Casus | None = None,
    team: Team | None = None,
    nu: datetime | None = None,
) -> Aanvraag:
    """A hand-off to the loket becomes an item of the consulenten of the right law.

    Called through skt.registers.overdracht_aan_loket by the poort (triage, doorschakeling) and by
    casussen (opschaling). ``team`` is the team that handed over (for a doorschakeling: the team
    that held the melding before). A melding has at most one open item: a second hand-off of the
    same melding (a joint home visit that ends in opschaling) adds its reason and casus to the open
    item, and the legal clock keeps running from the first hand-off.
    """
    nu = _nu(nu)
    if bron not in AanvraagBron.values:
        raise ValidationError(_("Onbekende manier van overdragen aan het loket."))
    if casus is not None:
        melding = melding or casus.melding
    if melding is not None:
        open_item = (
            Aanvraag.objects.select_for_update()
            .filter(melding=melding, status__in=[AanvraagStatus.OPEN, AanvraagStatus.IN_BEHANDELING])
            .first()
        )
        if open_item is not None:
            open_item.reden = f"{open_item.reden}\n{reden}".strip()[:4000]
            open_item.casus = open_item.casus or casus
            open_item.save()
            return open_item
    if team is None and casus is not None:
        team = casus.team
    aanvraag = Aanvraag(
        inwoner=(casus.inwoner if casus is not None else melding.inwoner if melding is not None else None),
        wet=_wet_van(melding),
        bron=bron,
        melding=melding,
        casus=casus,
        reden=(reden or "").strip()[:4000],
        veilig_thuis=bool(melding is not None and melding.veilig_thuis) or bron == AanvraagBron.VEILIG_THUIS,
        overgedragen_door=door,
        overgedragen_team=team,
        overgedragen_op=nu,
    )
    _termijnen_zetten(aanvraag)
    aanvraag.full_clean(exclude=["inwoner", "melding", "casus", "overgedragen_door", "overgedragen_team"])
    aanvraag.save()
    AanvraagStatusRegel.objects.create(
        aanvraag=aanvraag,
        status=aanvraag.status,
        actie="overdragen",
        door=door,
        op=nu,
        toelichting=reden[:4000],
    )
    arrangement_rechten.aanvraag_aan_loket_geven(aanvraag, routering.loket())
    return aanvraag


def _vergrendeld(aanvraag: Aanvraag) -> Aanvraag:
    return kernel.vergrendeld(Aanvraag, aanvraag.pk)


@transaction.atomic
def aanvraag_in_behandeling_nemen(
    *, door: Medewerker, aanvraag: Aanvraag, nu: datetime | None = None
) -> Aanvraag:
    """One consulent takes the item. The row lock makes a second one wait, then hear who has it."""
    nu = _nu(nu)
    aanvraag = _vergrendeld(aanvraag)
    if not arrangement_rechten.mag_aanvraag_behandelen(door, aanvraag):
        raise PermissionDenied
    if aanvraag.status == AanvraagStatus.IN_BEHANDELING and aanvraag.behandelaar_id != door.pk:
        raise ValidationError(
            _("%(wie)s heeft deze aanvraag al in behandeling; er is niets veranderd.")
            % {"wie": aanvraag.behandelaar}
        )
    _status_zetten(aanvraag, actie="in_behandeling_nemen", door=door, toelichting="", nu=nu)
    aanvraag.behandelaar = door
    aanvraag.in_behandeling_op = nu
    aanvraag.save()
    _melden(
        aanvraag,
        _("%(kop)s: in behandeling genomen door %(wie)s.") % {"kop": _kop(aanvraag), "wie": door},
        nu=nu,
    )
    return aanvraag


@transaction.atomic
def aanvraag_behandeling_teruggeven(
    *, door: Medewerker, aanvraag: Aanvraag, nu: datetime | None = None
) -> Aanvraag:
    nu = _nu(nu)
    aanvraag = _vergrendeld(aanvraag)
    if not arrangement_rechten.mag_aanvraag_behandelen(door, aanvraag):
        raise PermissionDenied
    if aanvraag.status == AanvraagStatus.IN_BEHANDELING and aanvraag.behandelaar_id != door.pk:
        raise ValidationError(
            _("Alleen wie de aanvraag in behandeling heeft, zet hem terug in de werkvoorraad.")
        )
    _status_zetten(aanvraag, actie="behandeling_teruggeven", door=door, toelichting="", nu=nu)
    aanvraag.behandelaar = None
    aanvraag.in_behandeling_op = None
    aanvraag.save()
    return aanvraag


def _uitkomst_controleren(
    aanvraag: Aanvraag, uitkomst: str, toelichting: str, doorverwezen_naar: str
) -> None:
    fouten: dict[str, list[str]] = {}
    if uitkomst not in UITKOMSTEN:
        fouten["uitkomst"] = [_("Kies hoe de aanvraag afloopt.")]
    if uitkomst == "geen_maatwerk":
        if not toelichting.strip():
            fouten["toelichting"] = [
                _("Schrijf waarom er geen maatwerk nodig is; het kernteam leest dit en neemt de vraag op.")
            ]
        if aanvraag.veilig_thuis:
            fouten["uitkomst"] = [
                _(
                    "Een veiligheidssignaal gaat niet terug naar het kernteam; "
                    "verwijs door of vraag maatwerk aan."
                )
            ]
    if uitkomst == "doorverwijzen" and not doorverwezen_naar.strip():
        fouten["doorverwezen_naar"] = [_("Vul in naar wie of welke organisatie u doorverwijst.")]
    if len(toelichting) > 4000:
        fouten["toelichting"] = [_("Gebruik hoogstens 4000 tekens.")]
    if len(doorverwezen_naar) > 200:
        fouten["doorverwezen_naar"] = [_("Gebruik hoogstens 200 tekens.")]
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def aanvraag_afhandelen(
    *,
    door: Medewerker,
    aanvraag: Aanvraag,
    uitkomst: str,
    toelichting: str = "",
    doorverwezen_naar: str = "",
    nu: datetime | None = None,
) -> Aanvraag:
    """End the item: a regular-route plan (maatwerk aanvragen), geen maatwerk nodig, or doorverwezen.

    "Geen maatwerk nodig" sends the question back: an open melding the loket holds goes to the
    kernteam of the inwoner's kern, with the consulent's reason, and the team hears it.
    """
    nu = _nu(nu)
    aanvraag = _vergrendeld(aanvraag)
    if not arrangement_rechten.mag_aanvraag_behandelen(door, aanvraag):
        raise PermissionDenied
    if aanvraag.status == AanvraagStatus.IN_BEHANDELING and aanvraag.behandelaar_id != door.pk:
        raise ValidationError(
            _("%(wie)s heeft deze aanvraag in behandeling; er is niets vastgelegd.")
            % {"wie": aanvraag.behandelaar}
        )
    toelichting = (toelichting or "").strip()
    doorverwezen_naar = (doorverwezen_naar or "").strip()
    _uitkomst_controleren(aanvraag, uitkomst, toelichting, doorverwezen_naar)
    _status_zetten(aanvraag, actie=uitkomst, door=door, toelichting=toelichting, nu=nu)
    aanvraag.behandelaar = aanvraag.behandelaar or door
    aanvraag.afgehandeld_door = door
    aanvraag.afgehandeld_op = nu
    aanvraag.uitkomst_toelichting = toelichting
    aanvraag.doorverwezen_naar = doorverwezen_naar if uitkomst == "doorverwijzen" else ""
    if uitkomst == "maatwerk_aanvragen":
        if aanvraag.inwoner_id is None:
            raise ValidationError(
                _("Registreer eerst de inwoner bij de melding; een plan is altijd op naam.")
            )
        aanvraag.arrangement = arrangement_opstellen(
            door=door,
            wet=aanvraag.wet,
            inwoner=aanvraag.inwoner,
            casus=aanvraag.casus,
            melding=aanvraag.melding,
            gegevens={"meldingsdatum": _datum(aanvraag.overgedragen_op)},
            nu=nu,
        )
        tekst = _("%(kop)s: %(wie)s stelt een plan op (maatwerk aangevraagd).")
    elif uitkomst == "geen_maatwerk":
        _terug_naar_kernteam(aanvraag, door=door, reden=toelichting, nu=nu)
        tekst = _("%(kop)s: geen maatwerk nodig volgens %(wie)s.")
    else:
        tekst = _("%(kop)s: doorverwezen door %(wie)s naar %(naar)s.")
    aanvraag.save()
    _melden(
        aanvraag,
        tekst % {"kop": _kop(aanvraag), "wie": door, "naar": doorverwezen_naar},
        nu=nu,
        reden=toelichting if uitkomst == "geen_maatwerk" else "",
    )
    return aanvraag


def _terug_naar_kernteam(aanvraag: Aanvraag, *, door: Medewerker, reden: str, nu: datetime) -> None:
    """An open melding the loket still holds goes to the kernteam; the question, not the inwoner."""
    melding = aanvraag.melding
    if melding is None or melding.status == MeldingStatus.AFGESLOTEN:
        return
    if melding.team_id != routering.loket().pk:
        return
    registers.melding_doorschakelen(
        door=door,
        melding=melding,
        uitkomst=TriageUitkomst.KERNTEAM,
        reden=_("Terug van het loket, geen maatwerk nodig: %(reden)s") % {"reden": reden},
        jeugd_motivatie=reden if melding.jeugd else "",
        nu=nu,
    )


@transaction.atomic
def loketmelding_registreren(
    *,
    door: Medewerker,
    inwoner,
    aanmeldingsdatum,
    vraag: str,
    melder_soort: str = "inwoner",
    leefgebieden=(),
    notitie: str = "",
    notitie_vertrouwelijk: bool = False,
    formulier_sleutel=None,
    nu: datetime | None = None,
) -> Aanvraag:
    """A consulent registers a question at the loket: a melding (ingang loket) routed to the loket at
    once, so it lands in the werkvoorraad like every other hand-off, with its legal clock."""
    nu = _nu(nu)
    if not arrangement_rechten.mag_werkvoorraad_zien(door):
        raise PermissionDenied
    melding, nieuw = melding_registreren(
        door=door,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=aanmeldingsdatum,
        ingang=Ingang.LOKET,
        melder_soort=melder_soort,
        vraag=vraag,
        leefgebieden=list(leefgebieden),
        notitie=notitie,
        notitie_vertrouwelijk=notitie_vertrouwelijk,
        formulier_sleutel=formulier_sleutel,
        nu=nu,
    )
    if nieuw:
        melding_trieren(
            door=door,
            melding=melding,
            uitkomst=TriageUitkomst.LOKET,
            reden=_("Bij het loket gemeld en door de consulent geregistreerd."),
            jeugd_motivatie="",
            bron=AanvraagBron.LOKET_MELDING,
            nu=nu,
        )
    return Aanvraag.objects.get(melding=melding)
