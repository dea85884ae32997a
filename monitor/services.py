"""Workflows of the monitor: requesting and building a frozen report, streefwaarden, notices."""

from __future__ import annotations

import logging
import os
import time
import uuid as uuid_mod
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen.models import Notificatie
from monitor import rechten as monitor_rechten
from skt.models import Medewerker, Rol
from skt.services import actief_profiel

from . import kpis as kpi_mod
from . import verversen
from .berekening import Selectie, monitor_berekenen
from .feiten import feiten_bijwerken
from .models import MonitorBericht, MonitorRapport, RapportStatus, Streefwaarde
from .periode import Periode, jaar_eerder

logger = logging.getLogger(__name__)


# -- building a report ---------------------------------------------------------------------------


def _volgende_versie(periode: Periode) -> int:
    hoogste = MonitorRapport.objects.filter(van=periode.van, tot=periode.tot).aggregate(m=Max("versie"))["m"]
    return (hoogste or 0) + 1


def rapport_aanvragen(
    *,
    periode: Periode,
    door: Medewerker | None = None,
    via: str = "scherm",
    met_pdf: bool = True,
    sleutel: str | None = None,
    in_wachtrij: bool = True,
) -> MonitorRapport:
    """A new version of the monitor over ``periode``, queued for building after commit.

    ``sleutel`` makes the request idempotent: the same key returns the same report (a doubled click,
    a beat that fires twice). ``door`` is None for the command line and the schedule.
    """
    if door is not None and not monitor_rechten.mag_monitor_zien(door):
        raise PermissionDenied
    sleutel = sleutel or uuid_mod.uuid4().hex
    bestaand = MonitorRapport.objects.filter(sleutel=sleutel).first()
    if bestaand is not None:
        return bestaand
    for _poging in range(5):
        try:
            with transaction.atomic():
                rapport = MonitorRapport.objects.create(
                    van=periode.van,
                    tot=periode.tot,
                    versie=_volgende_versie(periode),
                    sleutel=sleutel,
                    met_pdf=met_pdf,
                    aangevraagd_door=door,
                    aangevraagd_via=via,
                    stap=_("In de wachtrij"),
                )
                if in_wachtrij:
                    from .tasks import monitor_bouwen

                    transaction.on_commit(lambda pk=rapport.pk: monitor_bouwen.delay(pk))
                return rapport
        except IntegrityError:
            # Two requests for the same period at once took the same version number, or the same
            # key: the key's report wins; otherwise try the next version.
            bestaand = MonitorRapport.objects.filter(sleutel=sleutel).first()
            if bestaand is not None:
                return bestaand
    raise ValidationError(_("De monitor kon niet worden aangevraagd; probeer het opnieuw."))


def _voortgang(rapport_id: int, voortgang: int, stap: str) -> None:
    # Outside the build's transaction, so the browser's progress bar sees it at once.
    MonitorRapport.objects.filter(pk=rapport_id).update(voortgang=voortgang, stap=stap[:200])


def rapport_bouwen(*, rapport_id: int) -> dict:
    """Build (or finish) one report. Idempotent: a report that is ready is returned as it is; a run
    that died halfway is simply done again on the same row, so a retry yields one report."""
    with transaction.atomic():
        rapport = MonitorRapport.objects.select_for_update().get(pk=rapport_id)
        if rapport.status == RapportStatus.KLAAR:
            return _samenvatting(rapport, al_klaar=True)
        rapport.status = RapportStatus.BEZIG
        rapport.pogingen += 1
        rapport.gestart_op = timezone.now()
        rapport.fout = ""
        rapport.voortgang = 5
        rapport.stap = _("Gestart")
        rapport.save()
    periode = Periode(rapport.van, rapport.tot)
    begin = time.monotonic()
    try:
        _voortgang(rapport.pk, 10, _("Registratie bijwerken"))
        feiten_bijwerken(van=jaar_eerder(periode.van))
        _voortgang(rapport.pk, 35, _("Cijfers berekenen"))
        cijfers = monitor_berekenen(periode)
        if periode.is_jaar:
            from .jaar import jaaroverzicht

            cijfers["jaaroverzicht"] = jaaroverzicht(periode.van.year)
        rekentijd = int(1000 * (time.monotonic() - begin))
        pdf_bytes, paginas, pdf_ms = None, None, None
        if rapport.met_pdf:
            _voortgang(rapport.pk, 60, _("Grafieken en PDF maken"))
            from .pdf import rapport_pdf

            pdf_begin = time.monotonic()
            pdf_bytes, paginas = rapport_pdf(cijfers, rapport=rapport)
            pdf_ms = int(1000 * (time.monotonic() - pdf_begin))
        _voortgang(rapport.pk, 95, _("Opslaan"))
        profiel = actief_profiel()
        with transaction.atomic():
            rapport = MonitorRapport.objects.select_for_update().get(pk=rapport_id)
            rapport.cijfers = cijfers
            rapport.definities = kpi_mod.definities()
            rapport.profiel_naam = profiel.naam if profiel else ""
            rapport.profiel_instellingen = profiel.instellingen if profiel else {}
            rapport.rekentijd_ms = rekentijd
            if pdf_bytes is not None:
                # A fixed name per report: a retried build overwrites its own file, never adds one.
                naam = f"monitor-{periode.code}-v{rapport.versie}-{rapport.uuid.hex[:8]}.pdf"
                if rapport.pdf:
                    rapport.pdf.delete(save=False)
                rapport.pdf.save(naam, ContentFile(pdf_bytes), save=False)
                rapport.pdf_paginas = paginas
                rapport.pdf_ms = pdf_ms
            rapport.status = RapportStatus.KLAAR
            rapport.voortgang = 100
            rapport.stap = _("Klaar")
            rapport.gereed_op = timezone.now()
            rapport.save()
    except Exception as fout:
        logger.exception("monitor %s mislukt", rapport_id)
        MonitorRapport.objects.filter(pk=rapport_id).update(
            status=RapportStatus.MISLUKT, stap=_("Mislukt"), fout=str(fout)[:2000]
        )
        raise
    return _samenvatting(rapport, al_klaar=False)


def _samenvatting(rapport: MonitorRapport, *, al_klaar: bool) -> dict:
    return {
        "proces": os.getpid(),
        "rapport": str(rapport.uuid),
        "versie": rapport.versie,
        "status": rapport.status,
        "al_klaar": al_klaar,
        "pdf": rapport.pdf.name if rapport.pdf else None,
        "pdf_paginas": rapport.pdf_paginas,
        "rekentijd_ms": rapport.rekentijd_ms,
        "pdf_ms": rapport.pdf_ms,
    }


# -- vaststellen and sending to the raad -------------------------------------------------------------


@transaction.atomic
def rapport_vaststellen(*, request, rapport: MonitorRapport) -> tuple[MonitorRapport, list[str]]:
    """Mark a ready version as the one the raad gets: its PDF is made once more without the concept
    mark (the same frozen figures), the row is immutable from then on (model and database trigger),
    and the PDF is e-mailed to the profile's verzendlijst. Who sent which version to whom is in the
    access log. Returns the report and the addresses it went to."""
    from django.core.mail import EmailMessage

    from skt.profiel.instellingen import instellingen
    from skt.toegang import toegang_vastleggen

    door = request.user
    if not monitor_rechten.mag_vaststellen(door):
        raise PermissionDenied
    rapport = MonitorRapport.objects.select_for_update().get(pk=rapport.pk)
    if rapport.is_vastgesteld:
        raise ValidationError(_("Deze versie is al vastgesteld."))
    if rapport.status != RapportStatus.KLAAR:
        raise ValidationError(_("Alleen een versie die klaar is kan worden vastgesteld."))
    periode = Periode(rapport.van, rapport.tot)
    ander = (
        MonitorRapport.objects.filter(van=rapport.van, tot=rapport.tot, vastgesteld_op__isnull=False)
        .exclude(pk=rapport.pk)
        .first()
    )
    if ander is not None:
        raise ValidationError(
            _("Van deze periode is versie %(versie)s al vastgesteld.") % {"versie": ander.versie}
        )
    from .pdf import rapport_pdf

    rapport.vastgesteld_op = timezone.now()
    rapport.vastgesteld_door = door
    pdf_bytes, paginas = rapport_pdf(rapport.cijfers, rapport=rapport)
    naam = f"monitor-{periode.code}-v{rapport.versie}-{rapport.uuid.hex[:8]}-vastgesteld.pdf"
    oud = rapport.pdf.name if rapport.pdf else ""
    rapport.pdf.save(naam, ContentFile(pdf_bytes), save=False)
    # One UPDATE while the row is not yet vastgesteld; from then on the trigger refuses changes.
    MonitorRapport.objects.filter(pk=rapport.pk).update(
        pdf=rapport.pdf.name,
        pdf_paginas=paginas,
        vastgesteld_op=rapport.vastgesteld_op,
        vastgesteld_door=door,
    )
    if oud and oud != rapport.pdf.name:
        transaction.on_commit(lambda: rapport.pdf.storage.delete(oud))

    ontvangers = list(instellingen().monitor.verzendlijst)
    if ontvangers:
        bericht = EmailMessage(
            subject=_("Kwartaalmonitor Sociaal Kernteam: %(periode)s (vastgesteld)")
            % {"periode": periode.label},
            body=_(
                "Geachte griffie, leden van de raad,\n\n"
                "Bijgaand de vastgestelde kwartaalmonitor van het Sociaal Kernteam over het %(periode)s "
                "(versie %(versie)s), vastgesteld door %(door)s.\n\n"
                "Met vriendelijke groet,\nhet Sociaal Kernteam"
            )
            % {"periode": periode.label, "versie": rapport.versie, "door": door.get_full_name() or door},
            to=ontvangers,
        )
        bericht.attach(
            f"kwartaalmonitor-{periode.code}-versie-{rapport.versie}.pdf", pdf_bytes, "application/pdf"
        )
        bericht.send(fail_silently=False)
    toegang_vastleggen(
        request,
        actie="export",
        obj=rapport,
        reden=(
            _("Versie %(versie)s vastgesteld en als PDF verzonden aan %(aan)s")
            % {"versie": rapport.versie, "aan": ", ".join(ontvangers)}
            if ontvangers
            else _("Versie %(versie)s vastgesteld; geen verzendlijst in het gemeenteprofiel")
            % {"versie": rapport.versie}
        ),
    )
    rapport.refresh_from_db()
    return rapport, ontvangers


def vorig_kwartaal_bouwen(vandaag: date | None = None) -> MonitorRapport:
    """The schedule's job: build last quarter's monitor once and tell every coordinator."""
    periode = Periode.vorig_kwartaal(vandaag)
    rapport = rapport_aanvragen(
        periode=periode, via="planning", sleutel=f"planning-{periode.code}", in_wachtrij=False
    )
    rapport_bouwen(rapport_id=rapport.pk)
    rapport.refresh_from_db()
    coordinatoren_berichten(rapport)
    return rapport


def coordinatoren_berichten(rapport: MonitorRapport) -> int:
    """One notice per active coordinator (never two for one report), in the monitor and in the inbox
    of the arrangementen app."""
    tekst = _("De kwartaalmonitor %(periode)s staat klaar (versie %(versie)s).") % {
        "periode": Periode(rapport.van, rapport.tot).label,
        "versie": rapport.versie,
    }
    link = reverse("monitor:dashboard") + f"?periode={Periode(rapport.van, rapport.tot).code}"
    nieuw = 0
    for coordinator in Medewerker.objects.filter(rol=Rol.COORDINATOR, is_active=True):
        _bericht, gemaakt = MonitorBericht.objects.get_or_create(
            ontvanger=coordinator, rapport=rapport, defaults={"tekst": tekst}
        )
        if gemaakt:
            nieuw += 1
            Notificatie.objects.create(medewerker=coordinator, tekst=tekst, link=link)
    return nieuw


def berichten_voor(user) -> list[MonitorBericht]:
    if not monitor_rechten.mag_monitor_zien(user):
        return []
    return list(
        MonitorBericht.objects.filter(ontvanger=user, gelezen_op__isnull=True).select_related("rapport")[:5]
    )


@transaction.atomic
def berichten_gelezen(*, door: Medewerker) -> int:
    return MonitorBericht.objects.filter(ontvanger=door, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )


# -- the live dashboard ------------------------------------------------------------------------------


def live_cijfers(periode: Periode, selectie: Selectie) -> dict:
    """The dashboard's figures, read only (issue 14): Celery beat refreshes the facts every minute
    while someone works (monitor/verversen.py); the figures are computed once per refresh, period,
    selection and set of targets, and shared by everyone who looks (aggregates; the small-count rule
    is applied per reader afterwards). Hand-made facts (a new largest key) count as a new input too."""
    from .berekening import alle_streefwaarden
    from .models import MeldingFeit

    verversen.verversing_vragen_als_nodig()
    invoer = {
        "periode": [periode.van, periode.tot],
        "team": selectie.team.pk if selectie.team else None,
        "kern": selectie.kern.pk if selectie.kern else None,
        "vandaag": timezone.localdate(),
        "feiten": MeldingFeit.objects.aggregate(m=Max("pk"))["m"],
        "doelen": alle_streefwaarden(),
    }
    return verversen.gecachet("cijfers", invoer, lambda: monitor_berekenen(periode, selectie))


# -- streefwaarden ----------------------------------------------------------------------------------


def profiel_streefwaarden() -> dict:
    from skt.profiel.instellingen import instellingen

    return {k: v for k, v in instellingen().streefwaarden.items() if k in kpi_mod.PER_CODE}


GRENZEN = {
    kpi_mod.Eenheid.PROCENT: (Decimal(0), Decimal(100)),
    kpi_mod.Eenheid.CIJFER: (Decimal(-10), Decimal(10)),
    kpi_mod.Eenheid.DAGEN: (Decimal(0), Decimal(3650)),
    kpi_mod.Eenheid.AANTAL: (Decimal(0), Decimal(10_000_000)),
}


def _als_decimal(waarde) -> Decimal | None:
    if waarde is None or waarde == "":
        return None
    try:
        getal = Decimal(str(waarde).replace(",", ".").strip())
    except InvalidOperation:
        raise ValidationError({"waarde": _("Vul een getal in, bijvoorbeeld 90 of 7,5.")}) from None
    if not getal.is_finite():
        raise ValidationError({"waarde": _("Vul een getal in, bijvoorbeeld 90 of 7,5.")})
    return getal.quantize(Decimal("0.1"))


def _strenger_of_gelijk(definitie: kpi_mod.Kpi, waarde: Decimal, gemeente: float) -> bool:
    # A KPI without a better direction is judged as a minimum, so stricter is higher, as for hoger_beter.
    if definitie.richting == kpi_mod.Richting.LAGER_BETER:
        return waarde <= Decimal(str(gemeente))
    return waarde >= Decimal(str(gemeente))


@transaction.atomic
def streefwaarde_instellen(
    *,
    door: Medewerker,
    kpi: str,
    waarde,
    toelichting: str = "",
    team=None,
    raadsbesluit_datum: date | None = None,
    raadsbesluit_kenmerk: str = "",
) -> Streefwaarde:
    """Set (or clear, with an empty value) the target of one KPI for the gemeente (``team`` None: the
    raad's, recorded by beleid with its raadsbesluit) or for one team or cluster (the coordinator's,
    never more lenient than the gemeente's). Every change stays in the history."""
    from .berekening import streefwaarden

    if team is None:
        if not monitor_rechten.mag_raadsstreefwaarden_vastleggen(door):
            raise PermissionDenied
    elif not monitor_rechten.mag_teamstreefwaarden_instellen(door, team):
        raise PermissionDenied
    if kpi not in kpi_mod.PER_CODE:
        raise ValidationError({"kpi": _("Onbekende KPI '%(kpi)s'.") % {"kpi": kpi}})
    definitie = kpi_mod.PER_CODE[kpi]
    getal = _als_decimal(waarde)
    if getal is not None:
        laag, hoog = GRENZEN[definitie.eenheid]
        if not laag <= getal <= hoog:
            raise ValidationError(
                {
                    "waarde": _("Een streefwaarde voor '%(naam)s' ligt tussen %(laag)s en %(hoog)s.")
                    % {"naam": definitie.naam, "laag": laag, "hoog": hoog}
                }
            )
    kenmerk = (raadsbesluit_kenmerk or "").strip()[:100]
    if team is None:
        if raadsbesluit_datum is None or not kenmerk:
            raise ValidationError(
                {
                    "raadsbesluit_datum": _(
                        "Vul de datum en het kenmerk van het raadsbesluit in waarop de streefwaarde berust."
                    )
                }
            )
        if raadsbesluit_datum > timezone.localdate():
            raise ValidationError(
                {"raadsbesluit_datum": _("Het raadsbesluit kan niet in de toekomst liggen.")}
            )
    elif getal is not None:
        gemeente = streefwaarden().get(kpi)
        if gemeente is not None and not _strenger_of_gelijk(definitie, getal, gemeente):
            from .opmaak import kpi_waarde

            raise ValidationError(
                {
                    "waarde": _(
                        "De streefwaarde van %(team)s voor '%(naam)s' mag niet soepeler zijn dan die van de "
                        "gemeente (%(gemeente)s, %(richting)s)."
                    )
                    % {
                        "team": team.naam,
                        "naam": definitie.naam,
                        "gemeente": kpi_waarde(gemeente, str(definitie.eenheid)),
                        "richting": _("lager is beter")
                        if definitie.richting == kpi_mod.Richting.LAGER_BETER
                        else _("hoger is beter"),
                    }
                }
            )
    streefwaarde = Streefwaarde.objects.select_for_update().filter(
        kpi=kpi, team=team
    ).order_by().first() or Streefwaarde(kpi=kpi, team=team)
    if (
        streefwaarde.pk
        and streefwaarde.waarde == getal
        and streefwaarde.toelichting == toelichting.strip()
        and (
            team is not None
            or (streefwaarde.raadsbesluit_datum, streefwaarde.raadsbesluit_kenmerk)
            == (raadsbesluit_datum, kenmerk)
        )
    ):
        return streefwaarde
    streefwaarde.waarde = getal
    streefwaarde.toelichting = toelichting.strip()[:500]
    if team is None:
        streefwaarde.raadsbesluit_datum = raadsbesluit_datum
        streefwaarde.raadsbesluit_kenmerk = kenmerk
    streefwaarde.gewijzigd_door = door
    streefwaarde.gewijzigd_op = timezone.now()
    streefwaarde._change_reason = streefwaarde.toelichting or _("streefwaarde gewijzigd")
    streefwaarde.full_clean(validate_constraints=False)
    streefwaarde.save()
    return streefwaarde
