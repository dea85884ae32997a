"""After the decision (werkwijze steps 6-7): the evaluatiedatum, the evaluation and its next step.

**Evaluatiedatum.** A granted plan (goedgekeurd or gedeeltelijk goedgekeurd) is evaluated
``[termijnen] evaluatie_maanden`` months after the decision (3 unless the gemeente profile sets it),
or halfway from the decision to the earliest einddatum of its granted voorzieningen when that comes
sooner: a voorziening that ends in two months is evaluated after one, while there is still time to
adjust or extend it. After an evaluation that keeps the plan running, the next date is the one the
regisseur gives, or the same rule counted from the day of the evaluation.

**Evaluation.** The regisseur (``rechten.mag_evalueren``) records whether the goal was reached, a note
and the next step, as an ``Evaluatie`` row with who and when:

- *voortzetten* and *afschalen*: the plan keeps running with a new evaluatiedatum; scaling down is
  recorded with its note (a lighter maatwerk itself is a bijstelling);
- *beeindigen*: an einddatum (not before the decision, at most a year ahead) and a reason; the plan
  gets ``beeindigd_op`` and status ``beeindigd`` and every still-running granted voorziening its
  ``beeindigd_op`` and reason. A future einddatum ends the plan now, per that date;
- *bijstellen*: a new version of the plan, see below.

**Bijstellen.** The evaluation makes a new Arrangement (concept; same inwoner, wet, route, team,
casus and melding; ``vorige`` = the running plan; the evaluator as drafter) with a copy of every
granted, still-running onderdeel, each copy pointing at its original (``Onderdeel.vorige``). The
drafter changes, removes or adds onderdelen and submits as usual. When the consulent decides, an
onderdeel whose content is still equal to its granted original keeps that decision: the
``Beoordeling`` is copied (same beschikking, aanbieder, dates) and the consulent decides only the
new and changed onderdelen; the plan's status counts all of them. Comparing at decision time, not
copying decisions into the concept, means an edit can never leave a stale grant on a changed
onderdeel. The old plan keeps running until the new version is granted; then it is ended (status
``beeindigd``, its voorzieningen ended that day, "vervangen door ..."), so at any moment exactly one
version is in force. A rejected adjustment leaves the old plan running. One open adjustment per
plan at a time.

**Berichten.** A consulent's evaluation is reported to the drafter's team; a kernteam's ending or
adjusting to the consulent who decided the plan.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from arrangementen import rechten as arrangement_rechten
from skt import rechten
from skt.models import Medewerker

from ..models import Arrangement, ArrangementStatusRegel, Beoordeling, Evaluatie, Onderdeel
from ..workflow import BESLOTEN, LOOPT, ArrangementStatus
from .basis import ONDERDEEL_VELDEN, WERKSTROOM, _datum, _nu, _termijnen_bijwerken, status_zetten, vergrendeld
from .berichten import _kort, _notificeren, _ontvangers

MAX_VOORUIT = timedelta(days=366)


def plus_maanden(start: date, maanden: int) -> date:
    """The same day ``maanden`` months later, or the month's last day (31 January + 1 = 28/29 February)."""
    maand = start.month - 1 + maanden
    jaar, maand = start.year + maand // 12, maand % 12 + 1
    return date(jaar, maand, min(start.day, calendar.monthrange(jaar, maand)[1]))


def evaluatiedatum_bepalen(vanaf: date, einddata: Iterable[date | None], maanden: int) -> date:
    """The rule: ``maanden`` after ``vanaf``, or halfway to the earliest later einddatum when sooner."""
    datum = plus_maanden(vanaf, maanden)
    later = [e for e in einddata if e is not None and e > vanaf]
    if later:
        datum = min(datum, vanaf + (min(later) - vanaf) / 2)
    return datum


def _lopende_beoordelingen(arrangement: Arrangement, vandaag: date):
    return [
        b
        for b in Beoordeling.objects.filter(onderdeel__arrangement=arrangement, toegekend=True)
        if b.loopt_tot is None or b.loopt_tot >= vandaag
    ]


def _volgende_evaluatiedatum(arrangement: Arrangement, vanaf: date) -> date:
    from skt.profiel.instellingen import instellingen

    maanden = instellingen().termijnen.evaluatie_maanden
    return evaluatiedatum_bepalen(
        vanaf, (b.loopt_tot for b in _lopende_beoordelingen(arrangement, vanaf)), maanden
    )


# -- the decision: called by besluiten._besluit_vastleggen -----------------------------------------


def besluit_opvolgen(arrangement: Arrangement, *, door: Medewerker, nu: datetime) -> None:
    """After a decision: a granted plan gets its evaluatiedatum, and a granted adjustment replaces its
    predecessor. Sets fields on ``arrangement``; the caller saves it."""
    if arrangement.status not in LOOPT:
        return
    vandaag = _datum(nu)
    arrangement.evaluatiedatum = _volgende_evaluatiedatum(arrangement, vandaag)
    if arrangement.vorige_id:
        vorige = vergrendeld(arrangement.vorige_id)
        if vorige.status in LOOPT:
            reden = _("Vervangen door het bijgestelde arrangement %(nummer)s.") % {
                "nummer": arrangement.nummer
            }
            _beeindigen(vorige, door=door, einddatum=vandaag, reden=reden, nu=nu)


def _inhoud(onderdeel: Onderdeel) -> tuple:
    """What the consulent decided on: every drafted field of the onderdeel."""
    velden = [f"{v}_id" if v in ("voorziening", "categorie") else v for v in ONDERDEEL_VELDEN]
    return (*(getattr(onderdeel, v) for v in velden), onderdeel.indicatieve_kosten)


def overgenomen_beoordelingen(arrangement: Arrangement, vandaag: date) -> dict[int, Beoordeling]:
    """Onderdelen of an adjustment left unchanged, with the running grant of their original; one query.

    The consulent decides the other onderdelen only; these keep the decision they had.
    """
    if not arrangement.vorige_id:
        return {}
    overgenomen = {}
    for onderdeel in arrangement.onderdelen.filter(vorige__isnull=False).select_related(
        "vorige__beoordeling"
    ):
        origineel = onderdeel.vorige
        beoordeling = getattr(origineel, "beoordeling", None)
        if (
            beoordeling is not None
            and beoordeling.toegekend
            and (beoordeling.loopt_tot is None or beoordeling.loopt_tot >= vandaag)
            and _inhoud(onderdeel) == _inhoud(origineel)
        ):
            overgenomen[onderdeel.pk] = beoordeling
    return overgenomen


def beoordelingen_overnemen(
    arrangement: Arrangement, overgenomen: dict[int, Beoordeling], *, vorige_nummer: str
) -> None:
    """Copy the running grant onto the unchanged onderdeel of the new version: same beschikking and dates."""
    for onderdeel_pk, origineel in overgenomen.items():
        kopie = Beoordeling(
            onderdeel_id=onderdeel_pk,
            versie=arrangement.versie,
            toegekend=True,
            reden=_("Ongewijzigd overgenomen uit arrangement %(nummer)s.") % {"nummer": vorige_nummer},
            beschikkingsnummer=origineel.beschikkingsnummer,
            beschikkingsdatum=origineel.beschikkingsdatum,
            product=origineel.product,
            zorgaanbieder_id=origineel.zorgaanbieder_id,
            leveringsvorm=origineel.leveringsvorm,
            omvang_eenheden=origineel.omvang_eenheden,
            omvang_eenheid=origineel.omvang_eenheid,
            omvang_periode=origineel.omvang_periode,
            ingangsdatum=origineel.ingangsdatum,
            einddatum=origineel.einddatum,
            beoordeeld_door_id=origineel.beoordeeld_door_id,
            beoordeeld_op=origineel.beoordeeld_op,
        )
        kopie.save()


# -- the evaluation -----------------------------------------------------------------------------


def _beeindigen(
    arrangement: Arrangement, *, door: Medewerker, einddatum: date, reden: str, nu: datetime
) -> None:
    status_zetten(arrangement, actie="beeindigen", door=door, toelichting=reden, nu=nu)
    arrangement.beeindigd_op = einddatum
    arrangement.save()
    for beoordeling in _lopende_beoordelingen(arrangement, einddatum):
        if beoordeling.ingangsdatum and beoordeling.ingangsdatum > einddatum:
            # Granted but not yet started: it ends before it begins, on its first day.
            beoordeling.beeindigd_op = beoordeling.ingangsdatum
        else:
            beoordeling.beeindigd_op = einddatum
        beoordeling.beeindigd_reden = reden[:500]
        beoordeling.save()


def _bijstelling_maken(
    oud: Arrangement, *, door: Medewerker, evaluatie: Evaluatie, nu: datetime
) -> Arrangement:
    vandaag = _datum(nu)
    nieuw = Arrangement(
        inwoner=oud.inwoner,
        casus=oud.casus,
        melding=oud.melding,
        route=oud.route,
        wet=oud.wet,
        opgesteld_door=door,
        team=oud.team,
        vorige=oud,
        aangemaakt_op=nu,
        # The adjustment is a new question for support: the Wmo onderzoek runs from the evaluation.
        meldingsdatum=vandaag,
        **{
            veld: getattr(oud, veld)
            for veld in (
                "feitelijke_beschrijving",
                "wensen_inwoner",
                "advies_kernteamlid",
                "doel",
                "aard_en_ernst",
                "duur",
                "beoogd_resultaat",
            )
        },
    )
    _termijnen_bijwerken(nieuw)
    nieuw.save()
    lopend = {b.onderdeel_id for b in _lopende_beoordelingen(oud, vandaag)}
    for origineel in oud.onderdelen.filter(pk__in=lopend).order_by("volgorde", "pk"):
        Onderdeel.objects.create(
            arrangement=nieuw,
            vorige=origineel,
            volgorde=origineel.volgorde,
            indicatieve_kosten=origineel.indicatieve_kosten,
            **{v: getattr(origineel, v) for v in ONDERDEEL_VELDEN},
        )
    ArrangementStatusRegel.objects.create(
        arrangement=nieuw,
        status=nieuw.status,
        actie="opstellen",
        versie=1,
        door=door,
        op=nu,
        toelichting=_("Bijstelling van %(nummer)s na de evaluatie van %(datum)s.")
        % {"nummer": oud.nummer, "datum": f"{vandaag:%d-%m-%Y}"},
    )
    arrangement_rechten.arrangement_toewijzen(nieuw)
    return nieuw


def _controleren(
    arrangement: Arrangement,
    *,
    doel_bereikt: str,
    notitie: str,
    vervolg: str,
    einddatum: date | None,
    reden_einde: str,
    volgende_evaluatie: date | None,
    vandaag: date,
) -> None:
    fouten: dict[str, list[str]] = {}
    if doel_bereikt not in Evaluatie.Doel.values:
        fouten["doel_bereikt"] = [_("Geef aan of het doel is bereikt: ja, deels of nee.")]
    if not (notitie or "").strip():
        fouten["notitie"] = [_("Schrijf op hoe het gaat: wat is bereikt en wat nog niet.")]
    elif len(notitie) > 4000:
        fouten["notitie"] = [_("Gebruik hoogstens 4000 tekens.")]
    if vervolg not in Evaluatie.Vervolg.values:
        fouten["vervolg"] = [_("Kies de volgende stap: voortzetten, bijstellen, afschalen of beëindigen.")]
    besloten = _datum(arrangement.besloten_op) if arrangement.besloten_op else vandaag
    if vervolg == Evaluatie.Vervolg.BEEINDIGEN:
        if not isinstance(einddatum, date):
            fouten["einddatum"] = [_("Vul de datum in waarop het arrangement eindigt.")]
        elif einddatum < besloten:
            fouten["einddatum"] = [
                _("De einddatum ligt vóór het besluit (%(datum)s); kies die dag of later.")
                % {"datum": f"{besloten:%d-%m-%Y}"}
            ]
        elif einddatum > vandaag + MAX_VOORUIT:
            fouten["einddatum"] = [_("De einddatum ligt meer dan een jaar vooruit; evalueer liever opnieuw.")]
        if not (reden_einde or "").strip():
            fouten["reden_einde"] = [_("Geef de reden waarom het arrangement eindigt.")]
        elif len(reden_einde) > 500:
            fouten["reden_einde"] = [_("Gebruik hoogstens 500 tekens.")]
    elif volgende_evaluatie is not None:
        if not isinstance(volgende_evaluatie, date) or volgende_evaluatie <= vandaag:
            fouten["volgende_evaluatie"] = [_("De volgende evaluatie ligt na vandaag.")]
        elif volgende_evaluatie > vandaag + MAX_VOORUIT:
            fouten["volgende_evaluatie"] = [_("De volgende evaluatie ligt hoogstens een jaar vooruit.")]
    if vervolg == Evaluatie.Vervolg.BIJSTELLEN and (
        Arrangement.objects.filter(vorige=arrangement)
        .exclude(status__in=[*BESLOTEN, ArrangementStatus.BEEINDIGD])
        .exists()
    ):
        fouten["vervolg"] = [
            _("Er is al een bijstelling van dit arrangement in de maak; maak die af of dien die in.")
        ]
    if fouten:
        raise ValidationError(fouten)


def _melden(
    arrangement: Arrangement, evaluatie: Evaluatie, *, door: Medewerker, nu: datetime, nieuw=None
) -> None:
    tekst = _("%(nummer)s (%(inwoner)s): geëvalueerd door %(wie)s, volgende stap: %(vervolg)s.") % {
        "nummer": arrangement.nummer,
        "inwoner": arrangement.inwoner.naam,
        "wie": door,
        "vervolg": evaluatie.get_vervolg_display().lower(),
    }
    if rechten.is_consulent(door):
        _notificeren([m for m in _ontvangers(arrangement) if m.pk != door.pk], arrangement, tekst, nu=nu)
    elif evaluatie.vervolg in (Evaluatie.Vervolg.BEEINDIGEN, Evaluatie.Vervolg.BIJSTELLEN):
        consulent = arrangement.behandelaar
        if consulent is not None and consulent.is_active and consulent.pk != door.pk:
            if nieuw is not None:
                tekst += " " + _("De bijstelling is %(nummer)s.") % {"nummer": nieuw.nummer}
            _notificeren([consulent], arrangement, _kort(tekst, 500), nu=nu)


@transaction.atomic
def arrangement_evalueren(
    *,
    door: Medewerker,
    arrangement: Arrangement,
    doel_bereikt: str,
    notitie: str,
    vervolg: str,
    einddatum: date | None = None,
    reden_einde: str = "",
    volgende_evaluatie: date | None = None,
    nu: datetime | None = None,
) -> Evaluatie:
    """Record the regisseur's evaluation of a granted, running plan and take its next step.

    Refused (Dutch error, nothing saved) for whoever is not the regisseur, on a plan that is not
    granted or already ended, and on bad input. The row lock serialises two regisseurs evaluating
    at once: the second finds the plan as the first left it.
    """
    nu = _nu(nu)
    vandaag = _datum(nu)
    arrangement = vergrendeld(arrangement.pk)
    if not arrangement_rechten.mag_evalueren(door, arrangement):
        raise PermissionDenied
    WERKSTROOM.volgende_status("evalueren", arrangement.status)
    if arrangement.beeindigd_op is not None:
        raise ValidationError(str(WERKSTROOM.fouten["evalueren"]), code="ongeldige_overgang")
    _controleren(
        arrangement,
        doel_bereikt=doel_bereikt,
        notitie=notitie,
        vervolg=vervolg,
        einddatum=einddatum,
        reden_einde=reden_einde,
        volgende_evaluatie=volgende_evaluatie,
        vandaag=vandaag,
    )
    beeindigen = vervolg == Evaluatie.Vervolg.BEEINDIGEN
    evaluatie = Evaluatie(
        arrangement=arrangement,
        doel_bereikt=doel_bereikt,
        notitie=notitie.strip(),
        vervolg=vervolg,
        einddatum=einddatum if beeindigen else None,
        reden_einde=reden_einde.strip() if beeindigen else "",
        volgende_evaluatie=None
        if beeindigen
        else (volgende_evaluatie or _volgende_evaluatiedatum(arrangement, vandaag)),
        gepland_op=arrangement.evaluatiedatum,
        door=door,
        op=nu,
    )
    evaluatie.full_clean(exclude=["arrangement", "door"])
    evaluatie.save()
    nieuw = None
    if beeindigen:
        _beeindigen(arrangement, door=door, einddatum=einddatum, reden=evaluatie.reden_einde, nu=nu)
    else:
        status_zetten(
            arrangement,
            actie="evalueren",
            door=door,
            toelichting=_("Geëvalueerd: %(vervolg)s.") % {"vervolg": evaluatie.get_vervolg_display().lower()},
            nu=nu,
        )
        arrangement.evaluatiedatum = evaluatie.volgende_evaluatie
        arrangement.save()
        if vervolg == Evaluatie.Vervolg.BIJSTELLEN:
            nieuw = _bijstelling_maken(arrangement, door=door, evaluatie=evaluatie, nu=nu)
    _melden(arrangement, evaluatie, door=door, nu=nu, nieuw=nieuw)
    evaluatie.bijstelling = nieuw
    return evaluatie
