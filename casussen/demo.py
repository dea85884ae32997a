"""Demo casussen for team Elst (and one elsewhere), built through the services.

Every state is there: waiting for advice, advice given but not started, running (one with nine
contactmomenten, one at the maximum, one two before it), closed with ZRM change (goal reached,
referred, opgeschaald) and a follow-up after closing. The demo beroepskracht is casushouder of
most; the demo vrijwilliger is on several. Idempotent: once the demo casussen exist, nothing is added.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from meldingen.models import Melding
from meldingen.services import melding_eerste_contact_vastleggen, melding_registreren
from meldingen.vocab import TriageUitkomst
from meldingen.workflow import MeldingStatus
from poort.services import melding_trieren
from skt.models import Inwoner, Leefgebied, Medewerker, Team, Voorziening

from . import services
from .models import Casus
from .vocab import KADERS, ContactSoort

SLEUTEL_NAAMRUIMTE = uuid.UUID("6f1c3e0a-4b7d-4c59-9a43-0c2f0e5ad001")
ALLE_KADERS = {kader.veld: True for kader in KADERS}

VRAGEN = [
    "Mevrouw krijgt haar post en rekeningen niet meer op orde sinds haar man is overleden.",
    "Meneer zit veel alleen thuis en wil graag weer onder de mensen komen.",
    "Jonge moeder met twee kinderen loopt vast met toeslagen en de huurachterstand.",
    "Mantelzorger raakt overbelast door de zorg voor haar moeder met dementie.",
    "Meneer heeft een brief van de woningcorporatie over overlast en weet niet wat hij moet doen.",
    "Mevrouw wil na haar heupoperatie weer zelf boodschappen kunnen doen.",
    "Statushouder zoekt hulp bij het regelen van zorgverzekering en huisarts.",
    "Oudere man vergeet afspraken en eet onregelmatig; dochter woont ver weg.",
    "Gezin vraagt hulp bij de opvoeding van een puber die spijbelt.",
    "Mevrouw heeft schulden bij meerdere partijen en durft de post niet meer te openen.",
    "Meneer wil vrijwilligerswerk doen maar weet niet waar hij moet beginnen.",
]
DOELEN = [
    "Zelf de post openen, sorteren en de vaste lasten op tijd betalen.",
    "Eén vaste wekelijkse activiteit in het dorp vinden en daar zelfstandig naartoe gaan.",
    "Een overzicht van inkomsten en uitgaven en een betalingsregeling voor de huurachterstand.",
    "Afspraken over respijtzorg zodat de mantelzorger één dag per week vrij heeft.",
    "Een gesprek met de corporatie voorbereiden en afspraken met de buren maken.",
    "Weer zelfstandig boodschappen doen, eventueel met hulp van een buur.",
]
VERSLAGEN = [
    "Kennismaking; de vraag samen scherp gemaakt en afspraken gemaakt over het vervolg.",
    "Administratie doorgenomen; eerste stapels post gesorteerd.",
    "Telefonisch nagevraagd hoe het gaat; afspraak bevestigd.",
    "Samen de aanvraag ingevuld; inwoner deed het meeste zelf.",
    "Besproken wat goed ging en wat nog lastig is.",
    "Kort overleg met de vrijwilliger over het volgende bezoek.",
    "Inwoner vertelde over spanningen thuis; verslag vertrouwelijk.",
]


@dataclass
class Scenario:
    naam: str
    dagen_geleden: int  # when the casus started
    contacten: int
    toestemming: bool | None = True
    met_vrijwilliger: bool = True
    twijfel: bool = False
    advies_gegeven: bool = False
    afsluiten: str | None = None
    zrm_start: dict[str, int] = field(default_factory=dict)
    zrm_eind: dict[str, int] = field(default_factory=dict)
    cijfer: int | None = None
    vinger_aan_de_pols: int = 0
    stil_dagen: int = 0  # no contact in the last n days (shows up as overdue)
    ander_team: bool = False


SCENARIOS = [
    Scenario("wacht-op-advies", 3, 0, twijfel=True),
    Scenario(
        "advies-binnen", 8, 0, twijfel=True, advies_gegeven=True, met_vrijwilliger=False, toestemming=None
    ),
    Scenario("lopend-net-gestart", 6, 2, zrm_start={"financien": 2, "huisvesting": 3, "sociaal_netwerk": 3}),
    Scenario("lopend-twee-voor-maximum", 75, 8, toestemming=False, met_vrijwilliger=False, stil_dagen=35),
    Scenario(
        "lopend-negen",
        70,
        9,
        zrm_start={"financien": 1, "huisvesting": 2, "geestelijke_gezondheid": 3, "sociaal_netwerk": 2},
    ),
    Scenario("lopend-maximum", 95, 10, zrm_start={"sociaal_netwerk": 2, "tijdsbesteding": 2}),
    Scenario(
        "afgesloten-doel",
        120,
        5,
        afsluiten="doel_bereikt",
        zrm_start={"financien": 2, "huisvesting": 3, "instrumentele_adl": 2, "sociaal_netwerk": 3},
        zrm_eind={"financien": 4, "huisvesting": 3, "instrumentele_adl": 3, "sociaal_netwerk": 4},
        cijfer=8,
        vinger_aan_de_pols=1,
    ),
    Scenario(
        "afgesloten-doorverwezen",
        100,
        4,
        afsluiten="doorverwezen_0e_1e_lijn",
        toestemming=False,
        met_vrijwilliger=False,
        zrm_start={"financien": 1, "geestelijke_gezondheid": 3},
        zrm_eind={"financien": 2, "geestelijke_gezondheid": 3},
        cijfer=7,
    ),
    Scenario(
        "afgesloten-opgeschaald",
        80,
        6,
        afsluiten="opgeschaald_loket",
        zrm_start={"basale_adl": 2, "lichamelijke_gezondheid": 2, "huiselijke_relaties": 3},
        zrm_eind={"basale_adl": 1, "lichamelijke_gezondheid": 2, "huiselijke_relaties": 3},
    ),
    Scenario("ander-team-lopend", 30, 3, ander_team=True, met_vrijwilliger=False, toestemming=None),
]


def _vandaag() -> date:
    return timezone.localdate()


def _team_elst() -> Team | None:
    return Team.objects.filter(code="elst", actief=True).first()


def _gebruiker(naam: str) -> Medewerker | None:
    return Medewerker.objects.filter(username=naam, is_active=True).first()


def _melding_voor(scenario: Scenario, team: Team, poort: Medewerker, rng: random.Random, gebruikt: set[int]):
    """An open melding of the team, from the meldingen demo when there is one; else a new one."""
    aanmelding_uiterlijk = _vandaag() - timedelta(days=scenario.dagen_geleden + 2)
    kandidaat = (
        Melding.objects.filter(
            team=team,
            status__in=[MeldingStatus.GETRIEERD, MeldingStatus.IN_BEHANDELING],
            triage_uitkomst__in=[TriageUitkomst.KERNTEAM, TriageUitkomst.KERNTEAM_CONSULENT],
            inwoner__isnull=False,
            jeugd=False,
            veilig_thuis=False,
            aanmeldingsdatum__lte=aanmelding_uiterlijk,
        )
        .exclude(casussen__isnull=False)
        .exclude(pk__in=gebruikt)
        .order_by("aanmeldingsdatum", "pk")
        .first()
    )
    if kandidaat is not None:
        return kandidaat
    kernen = list(team.kernen.all())
    inwoner = (
        Inwoner.objects.filter(kern__in=kernen, casussen__isnull=True, email__endswith="@demo.skt.invalid")
        .exclude(meldingen__team=team)
        .order_by("pk")
    )
    volwassen = [i for i in inwoner[:40] if not i.is_jeugd_op(_vandaag())]
    if not volwassen:
        return None
    gekozen = volwassen[rng.randrange(len(volwassen))]
    melding, _ = melding_registreren(
        door=poort,
        inwoner=gekozen,
        anoniem=False,
        aanmeldingsdatum=aanmelding_uiterlijk - timedelta(days=rng.randint(0, 4)),
        ingang=rng.choice(["telefoon", "telefoon", "spreekuur", "email", "persoonlijk"]),
        melder_soort=rng.choice(["inwoner", "inwoner", "mantelzorger", "buurtbewoner"]),
        melder_naam="Buurvrouw" if rng.random() < 0.2 else "",
        vraag=rng.choice(VRAGEN),
        formulier_sleutel=uuid.uuid5(SLEUTEL_NAAMRUIMTE, f"casus-{scenario.naam}"),
    )
    if melding.status == MeldingStatus.NIEUW:
        melding_trieren(
            door=poort,
            melding=melding,
            uitkomst=TriageUitkomst.KERNTEAM,
            reden="Past bij het kernteam.",
            team=team,
        )
    return Melding.objects.get(pk=melding.pk)


def _contactdatums(start: date, aantal: int, stil_dagen: int = 0) -> list[date]:
    """Spread the contacts from the start date up to (at most) today minus the silent days."""
    dagen = max(0, (_vandaag() - timedelta(days=stil_dagen) - start).days)
    if aantal <= 1:
        return [start] * aantal
    return [start + timedelta(days=round(i * dagen / aantal)) for i in range(aantal)]


def _scenario_laden(
    scenario: Scenario,
    *,
    team: Team,
    casushouder: Medewerker,
    collega: Medewerker,
    vrijwilliger: Medewerker | None,
    coordinator: Medewerker | None,
    poort: Medewerker,
    rng: random.Random,
    gebruikt: set[int],
) -> Casus | None:
    melding = _melding_voor(scenario, team, poort, rng, gebruikt)
    if melding is None:
        return None
    gebruikt.add(melding.pk)
    start = max(_vandaag() - timedelta(days=scenario.dagen_geleden), melding.aanmeldingsdatum)
    if melding.status == MeldingStatus.GETRIEERD:
        melding_eerste_contact_vastleggen(
            door=casushouder,
            melding=melding,
            datum=min(start, melding.aanmeldingsdatum + timedelta(days=rng.randint(1, 4))),
            wijze="telefoon",
        )
    toestemming = scenario.toestemming
    mee = vrijwilliger if (scenario.met_vrijwilliger and toestemming and vrijwilliger) else None
    casus = services.casus_starten(
        door=casushouder,
        melding=melding,
        casushouder=casushouder,
        doel=rng.choice(DOELEN),
        kaders=ALLE_KADERS,
        toets_collega=collega,
        toets_datum=start,
        toets_uitkomst="Besproken met een collega: het doel is haalbaar binnen een paar gesprekken.",
        vrijwilliger_toestemming=toestemming,
        vrijwilliger=mee,
        twijfel=scenario.twijfel,
        adviesvraag=(
            "Er spelen schulden en mogelijk psychische problemen. Past dit nog binnen kortdurende "
            "ondersteuning, of is het loket beter?"
            if scenario.twijfel
            else ""
        ),
        startdatum=None if scenario.twijfel else start,
    )
    if scenario.twijfel:
        if scenario.advies_gegeven and coordinator is not None:
            services.advies_geven(
                door=coordinator,
                adviesvraag=casus.adviesvragen.get(),
                past_binnen_kaders=True,
                advies="Past, mits het doel op de administratie gericht blijft. Evalueer na vijf gesprekken.",
            )
        return casus
    if scenario.zrm_start:
        services.zrm_vastleggen(
            door=casushouder, casus=casus, moment="start", datum=start, scores=scenario.zrm_start
        )
    soorten = [
        ContactSoort.TELEFOON,
        ContactSoort.HUISBEZOEK,
        ContactSoort.SPREEKUUR,
        ContactSoort.EMAIL_CHAT,
    ]
    for i, datum in enumerate(_contactdatums(start, scenario.contacten, scenario.stil_dagen)):
        soort = ContactSoort.HUISBEZOEK if i == 0 else rng.choice(soorten)
        met_vrijwilliger = bool(casus.vrijwilliger_id) and (i == 0 or rng.random() < 0.3)
        verslag = VERSLAGEN[0] if i == 0 else rng.choice(VERSLAGEN[1:])
        services.contactmoment_registreren(
            door=casushouder,
            casus=casus,
            datum=datum,
            soort=soort,
            duur_minuten=rng.choice([15, 30, 45, 60, 90]),
            met_vrijwilliger=met_vrijwilliger,
            verslag=verslag,
            vertrouwelijk=verslag == VERSLAGEN[-1],
        )
    if scenario.afsluiten:
        voorziening = None
        if scenario.afsluiten == "doorverwezen_0e_1e_lijn":
            voorziening = (
                Voorziening.objects.filter(actief=True, soort__in=["eerste_lijn", "nulde_lijn"])
                .order_by("naam")
                .first()
            )
        services.casus_afsluiten(
            door=casushouder,
            casus=casus,
            reden=scenario.afsluiten,
            resultaat={
                "doel_bereikt": "Mevrouw houdt haar administratie zelf bij; betalingen lopen weer.",
                "doorverwezen_0e_1e_lijn": "Verwezen naar het maatschappelijk werk voor de schulden.",
                "opgeschaald_loket": "Meer zorg nodig dan het kernteam biedt; het loket onderzoekt maatwerk.",
            }.get(scenario.afsluiten, "Afgesloten."),
            datum=_vandaag() - timedelta(days=rng.randint(2, 10)),
            zrm_scores=scenario.zrm_eind,
            cijfer=scenario.cijfer,
            doorverwezen_naar=voorziening,
        )
        for _ in range(scenario.vinger_aan_de_pols):
            services.contactmoment_registreren(
                door=casushouder,
                casus=casus,
                datum=_vandaag(),
                soort=ContactSoort.TELEFOON,
                duur_minuten=10,
                verslag="Even gebeld: het gaat goed, de administratie loopt.",
                is_vinger_aan_de_pols=True,
            )
    return casus


def _bestaat_al(casushouder: Medewerker) -> bool:
    return Casus.objects.filter(casushouder=casushouder, team__code="elst").exists()


@transaction.atomic
def demo_laden(rng: random.Random) -> None:
    team = _team_elst()
    casushouder = _gebruiker("beroepskracht")
    poort = _gebruiker("poort")
    if team is None or casushouder is None or poort is None or _bestaat_al(casushouder):
        return
    if not Leefgebied.objects.filter(actief=True).exists():
        return
    vrijwilliger = _gebruiker("vrijwilliger")
    coordinator = _gebruiker("coordinator")
    collega_ander_team = _gebruiker("beroepskracht2")
    gebruikt: set[int] = set()
    for scenario in SCENARIOS:
        if scenario.ander_team:
            if collega_ander_team is None:
                continue
            ander_team = collega_ander_team.teams.exclude(soort=Team.Soort.LOKET).first()
            if ander_team is None:
                continue
            _scenario_laden(
                scenario,
                team=ander_team,
                casushouder=collega_ander_team,
                collega=casushouder,
                vrijwilliger=None,
                coordinator=coordinator,
                poort=poort,
                rng=rng,
                gebruikt=gebruikt,
            )
            continue
        _scenario_laden(
            scenario,
            team=team,
            casushouder=casushouder,
            collega=collega_ander_team or vrijwilliger,
            vrijwilliger=vrijwilliger,
            coordinator=coordinator,
            poort=poort,
            rng=rng,
            gebruikt=gebruikt,
        )
