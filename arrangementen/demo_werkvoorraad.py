"""Demo: the loket's werkvoorraad in every state, each outcome fitting the inwoner's own question.

The demo history triages meldingen to the loket over the past years; a real loket would long have
ended those items. Items older than eight weeks are ended through the services on a date after the
hand-off, with an outcome that answers the question that was asked (the question, the outcome and any
plan tell one story); the recent ones stay open, one of them taken in behandeling by the consulent.
A granted plan gets an evaluation, so the screens after the decision have something to show.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from skt.models import Medewerker

from . import services
from .models import Aanvraag, Arrangement, Beoordeling
from .services.evalueren import arrangement_evalueren
from .services.voorzieningen import voorzieningen_einde_melden
from .workflow import AanvraagStatus, ArrangementStatus

OPEN_DAGEN = 56

# Words of the question -> (outcome, text): geen_maatwerk with the reason the kernteam reads, or
# doorverwijzen with where to. Checked in order; the first match wins.
UITKOMSTEN: list[tuple[str, str, str]] = [
    ("detentie", "doorverwijzen", "Maatschappelijke opvang en reclassering"),
    ("wassen en aankleden", "doorverwijzen", "Wijkverpleging (Zorgverzekeringswet)"),
    ("vergeet afspraken", "doorverwijzen", "Casemanager dementie"),
    ("drinkt te veel", "doorverwijzen", "Verslavingszorg (ambulant), met het kernteam voor het gezin"),
    ("spijbelt", "doorverwijzen", "Leerplicht en schoolmaatschappelijk werk"),
    ("ontbijt", "doorverwijzen", "Jeugdgezondheidszorg van de GGD"),
    (
        "gamen",
        "geen_maatwerk",
        "Een jongerenwerker en de sportvereniging passen; het kernteam legt het contact.",
    ),
    ("baan kwijt", "doorverwijzen", "Werkplein en de praktijkondersteuner GGZ van de huisarts"),
    ("huurachterstand", "doorverwijzen", "Schuldhulpverlening van de gemeente"),
    ("schulden", "doorverwijzen", "Schuldhulpverlening van de gemeente"),
    ("overlast", "doorverwijzen", "Buurtbemiddeling"),
    (
        "zorgverzekering",
        "geen_maatwerk",
        "De formulierenbrigade helpt bij de zorgverzekering en de huisarts.",
    ),
    (
        "formulieren",
        "geen_maatwerk",
        "De formulierenbrigade (algemene voorziening) helpt met de formulieren.",
    ),
    ("post niet meer op orde", "geen_maatwerk", "Thuisadministratie door een vrijwilliger volstaat."),
    ("vrijwilligerswerk", "geen_maatwerk", "Het vrijwilligerssteunpunt helpt een plek te vinden."),
    ("mensen zien", "geen_maatwerk", "De ontmoetingsplek in het dorpshuis past; het kernteam gaat mee."),
    ("boodschappen", "geen_maatwerk", "De boodschappendienst en de buurvrouw volstaan tot het herstel."),
]
MAATWERK_WOORDEN = ("wassen en aankleden", "vergeet afspraken")


def _vraag(aanvraag: Aanvraag) -> str:
    return (aanvraag.melding.vraag if aanvraag.melding_id else "").lower()


def _uitkomst(aanvraag: Aanvraag) -> tuple[str, str]:
    vraag = _vraag(aanvraag)
    for woord, uitkomst, tekst in UITKOMSTEN:
        if woord in vraag:
            if uitkomst == "geen_maatwerk" and aanvraag.veilig_thuis:
                return "doorverwijzen", "Veilig Thuis"
            return uitkomst, tekst
    return "doorverwijzen", "Veilig Thuis" if aanvraag.veilig_thuis else "Het maatschappelijk werk"


def _afhandelen(aanvraag: Aanvraag, door: Medewerker, uitkomst: str, tekst: str, op) -> None:
    services.aanvraag_in_behandeling_nemen(door=door, aanvraag=aanvraag, nu=op - timedelta(days=9))
    services.aanvraag_afhandelen(
        door=door,
        aanvraag=aanvraag,
        uitkomst=uitkomst,
        toelichting=tekst if uitkomst == "geen_maatwerk" else "",
        doorverwezen_naar=tekst if uitkomst == "doorverwijzen" else "",
        nu=op,
    )


def demo_laden(rng=None) -> None:
    consulenten = {
        m.username: m for m in Medewerker.objects.filter(username__in=("consulent", "consulent_jeugd"))
    }
    if len(consulenten) < 2 or Aanvraag.objects.exclude(status=AanvraagStatus.OPEN).exists():
        return
    per_wet = {"wmo": consulenten["consulent"], "jeugd": consulenten["consulent_jeugd"]}
    grens = timezone.now() - timedelta(days=OPEN_DAGEN)
    oud = Aanvraag.objects.filter(status=AanvraagStatus.OPEN, overgedragen_op__lt=grens).select_related(
        "melding"
    )
    for aanvraag in oud.order_by("overgedragen_op", "pk"):
        uitkomst, tekst = _uitkomst(aanvraag)
        _afhandelen(
            aanvraag, per_wet[aanvraag.wet], uitkomst, tekst, aanvraag.overgedragen_op + timedelta(days=12)
        )
    recent = list(
        Aanvraag.objects.filter(status=AanvraagStatus.OPEN, wet="wmo", veilig_thuis=False)
        .select_related("melding")
        .order_by("-overgedragen_op")
    )
    # The most recent question about care becomes a plan the consulent is drafting on the regular route.
    zorg = next((a for a in recent if any(w in _vraag(a) for w in MAATWERK_WOORDEN)), None)
    if zorg is not None:
        services.aanvraag_in_behandeling_nemen(door=per_wet["wmo"], aanvraag=zorg)
        services.aanvraag_afhandelen(door=per_wet["wmo"], aanvraag=zorg, uitkomst="maatwerk_aanvragen")
    # One recent item went back "geen maatwerk nodig" this week and one is being worked on; the
    # escalated casus waits in the queue.
    terug = next((a for a in recent if a is not zorg and _uitkomst(a)[0] == "geen_maatwerk"), None)
    if terug is not None:
        _afhandelen(
            terug, per_wet["wmo"], "geen_maatwerk", _uitkomst(terug)[1], timezone.now() - timedelta(days=1)
        )
    bezig = next((a for a in recent if a not in (zorg, terug) and a.bron != "opschaling"), None)
    if bezig is not None:
        services.aanvraag_in_behandeling_nemen(door=per_wet["wmo"], aanvraag=bezig)
    _evaluatie(per_wet["wmo"])
    _bijna_afgelopen()


def _bijna_afgelopen() -> None:
    """One granted voorziening ends within four weeks, and the daily job has sent its bericht."""
    vandaag = timezone.localdate()
    lopend = Beoordeling.objects.filter(
        toegekend=True,
        beeindigd_op__isnull=True,
        einddatum__isnull=False,
        onderdeel__soort="maatwerkvoorziening",
    )
    if not lopend.filter(einddatum__gte=vandaag, einddatum__lte=vandaag + timedelta(days=28)).exists():
        voorziening = lopend.filter(einddatum__gt=vandaag).order_by("einddatum").first()
        if voorziening is None:
            return
        # Demo history only: the beschikking was for a shorter period, so the end falls in three weeks.
        voorziening.einddatum = vandaag + timedelta(days=21)
        voorziening.save()
    voorzieningen_einde_melden()


def _evaluatie(consulent: Medewerker) -> None:
    """The oldest granted Wmo plan was evaluated once: goal partly reached, support continues."""
    if Arrangement.objects.filter(evaluaties__isnull=False).exists():
        return
    plannen = list(
        Arrangement.objects.filter(wet="wmo", status=ArrangementStatus.GOEDGEKEURD).order_by("besloten_op")[
            :2
        ]
    )
    if len(plannen) == 2 and plannen[1].besloten_op is not None:
        # The second oldest reached its goal: the regisseur ended it (the plan and its voorzieningen).
        eind_op = max(plannen[1].besloten_op + timedelta(days=90), timezone.now() - timedelta(days=10))
        if eind_op <= timezone.now():
            arrangement_evalueren(
                door=consulent,
                arrangement=plannen[1],
                doel_bereikt="ja",
                notitie="Het doel is bereikt; de inwoner redt het weer zelf met hulp van de buren.",
                vervolg="beeindigen",
                einddatum=timezone.localtime(eind_op).date(),
                reden_einde="Doel bereikt.",
                nu=eind_op,
            )
    plan = plannen[0] if plannen else None
    if plan is None or plan.besloten_op is None:
        return
    op = max(plan.besloten_op + timedelta(days=60), timezone.now() - timedelta(days=20))
    if op > timezone.now():
        return
    arrangement_evalueren(
        door=consulent,
        arrangement=plan,
        doel_bereikt="deels",
        notitie="Het gaat beter; de inwoner wil de ondersteuning nog een half jaar houden.",
        vervolg="voortzetten",
        volgende_evaluatie=timezone.localdate() + timedelta(days=90),
        nu=op,
    )
