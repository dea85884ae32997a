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
from poort.demo_verhalen import VERHALEN, Verhaal, verhaal_van
from poort.services import melding_trieren
from skt.models import Inwoner, Leefgebied, Medewerker, Team, Voorziening

from . import services
from .models import Casus
from .vocab import KADERS, ContactSoort

SLEUTEL_NAAMRUIMTE = uuid.UUID("6f1c3e0a-4b7d-4c59-9a43-0c2f0e5ad001")
ALLE_KADERS = {kader.veld: True for kader in KADERS}

# The stories a casus may start from when the meldingen demo left none (adults only: the kernteam's
# casussen here are not about jeugd).
CASUS_VERHALEN: tuple[Verhaal, ...] = tuple(v for v in VERHALEN if not v.jeugd and v.leefgebieden)
# Leefgebieden a ZRM may add beyond the story's own, in this order.
ZRM_AANVULLING = ("sociaal_netwerk", "tijdsbesteding", "huisvesting", "financien", "geestelijke_gezondheid")


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
    # The stories that fit this course (keys of poort.demo_verhalen): preferred among the open meldingen.
    voorkeur: tuple[str, ...] = ()


SCENARIOS = [
    Scenario("wacht-op-advies", 3, 0, twijfel=True, voorkeur=("schulden", "baan", "drank")),
    Scenario(
        "advies-binnen",
        8,
        0,
        twijfel=True,
        advies_gegeven=True,
        met_vrijwilliger=False,
        toestemming=None,
        voorkeur=("detentie", "schulden", "baan"),
    ),
    Scenario(
        "lopend-net-gestart",
        6,
        2,
        zrm_start={"financien": 2, "huisvesting": 3, "sociaal_netwerk": 3},
        voorkeur=("huur", "overlast"),
    ),
    Scenario(
        "lopend-twee-voor-maximum",
        75,
        8,
        toestemming=False,
        met_vrijwilliger=False,
        stil_dagen=35,
        voorkeur=("zorgverzekering", "formulieren", "overlast"),
    ),
    Scenario(
        "lopend-negen",
        70,
        9,
        zrm_start={"financien": 1, "huisvesting": 2, "geestelijke_gezondheid": 3, "sociaal_netwerk": 2},
        voorkeur=("schulden", "huur", "detentie"),
    ),
    Scenario(
        "lopend-maximum",
        95,
        10,
        zrm_start={"sociaal_netwerk": 2, "tijdsbesteding": 2},
        voorkeur=("alleen", "mantelzorg", "vrijwilligerswerk"),
    ),
    Scenario(
        "afgesloten-doel",
        120,
        5,
        afsluiten="doel_bereikt",
        zrm_start={"financien": 2, "huisvesting": 3, "instrumentele_adl": 2, "sociaal_netwerk": 3},
        zrm_eind={"financien": 4, "huisvesting": 3, "instrumentele_adl": 3, "sociaal_netwerk": 4},
        cijfer=8,
        vinger_aan_de_pols=1,
        voorkeur=("post", "formulieren", "zorgverzekering"),
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
        voorkeur=("baan", "schulden", "drank"),
    ),
    Scenario(
        "afgesloten-opgeschaald",
        80,
        6,
        afsluiten="opgeschaald_loket",
        zrm_start={"basale_adl": 2, "lichamelijke_gezondheid": 2, "huiselijke_relaties": 3},
        zrm_eind={"basale_adl": 1, "lichamelijke_gezondheid": 2, "huiselijke_relaties": 3},
        voorkeur=("wassen", "vergeetachtig", "mantelzorg"),
    ),
    Scenario(
        "ander-team-lopend",
        30,
        3,
        ander_team=True,
        met_vrijwilliger=False,
        toestemming=None,
        voorkeur=("alleen", "heup", "vrijwilligerswerk"),
    ),
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
    kandidaten = (
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
    )
    # The oldest open melding whose story fits this course; else the oldest at all.
    kandidaat = (
        next((m for m in kandidaten if verhaal_van(m.vraag).sleutel in scenario.voorkeur), None)
        or kandidaten.first()
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
    verhaal = next((v for v in CASUS_VERHALEN if v.sleutel in scenario.voorkeur), None) or rng.choice(
        CASUS_VERHALEN
    )
    melding, _ = melding_registreren(
        door=poort,
        inwoner=gekozen,
        anoniem=False,
        aanmeldingsdatum=aanmelding_uiterlijk - timedelta(days=rng.randint(0, 4)),
        ingang=rng.choice(["telefoon", "telefoon", "spreekuur", "email", "persoonlijk"]),
        melder_soort=rng.choice(["inwoner", "inwoner", "mantelzorger", "buurtbewoner"]),
        melder_naam="Buurvrouw" if rng.random() < 0.2 else "",
        vraag=verhaal.vraag,
        leefgebieden=list(Leefgebied.objects.filter(code__in=verhaal.leefgebieden, actief=True)),
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


def _zrm(scores: dict[str, int], verhaal: Verhaal) -> dict[str, int]:
    """The scenario's scores, in its order, on the story's own leefgebieden (then common ones), so the
    ZRM measures what the question was about."""
    domeinen = list(dict.fromkeys((*verhaal.leefgebieden, *ZRM_AANVULLING, *scores)))
    return dict(zip(domeinen, scores.values(), strict=False))


def _verslag(verhaal: Verhaal, soort: str, i: int) -> str:
    """A note that fits both the story and the kind of contact: a home visit tells what was done at
    home, a call or a message what was talked about."""
    if soort in (ContactSoort.HUISBEZOEK, ContactSoort.GEZAMENLIJK_HUISBEZOEK):
        return verhaal.kennismaking if i == 0 else verhaal.thuis[(i - 1) % len(verhaal.thuis)]
    tekst = verhaal.gesprek[i % len(verhaal.gesprek)]
    if soort == ContactSoort.EMAIL_CHAT:
        tekst = tekst.replace(" gebeld", " gemaild")
    vorm = {
        ContactSoort.TELEFOON: "Telefonisch",
        ContactSoort.SPREEKUUR: "Op het spreekuur",
        ContactSoort.EMAIL_CHAT: "Per e-mail",
    }.get(soort, "Overleg")
    return f"{vorm}: {tekst[0].lower()}{tekst[1:]}"


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
    verhaal = verhaal_van(melding.vraag)
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
        doel=verhaal.doel,
        kaders=ALLE_KADERS,
        toets_collega=collega,
        toets_datum=start,
        toets_uitkomst="Besproken met een collega: het doel is haalbaar binnen een paar gesprekken.",
        vrijwilliger_toestemming=toestemming,
        vrijwilliger=mee,
        twijfel=scenario.twijfel,
        adviesvraag=(
            f"De vraag was: \u201c{verhaal.vraag}\u201d Er speelt meer dan dat ene punt. Past dit nog "
            "binnen kortdurende ondersteuning, of is het loket beter?"
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
                advies=f"Past, mits het doel klein en concreet blijft: {verhaal.doel[0].lower()}"
                f"{verhaal.doel[1:]} Evalueer na vijf gesprekken.",
            )
        return casus
    if scenario.zrm_start:
        services.zrm_vastleggen(
            door=casushouder,
            casus=casus,
            moment="start",
            datum=start,
            scores=_zrm(scenario.zrm_start, verhaal),
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
        vertrouwelijk = bool(verhaal.vertrouwelijk) and i == 2
        verslag = verhaal.vertrouwelijk if vertrouwelijk else _verslag(verhaal, soort, i)
        services.contactmoment_registreren(
            door=casushouder,
            casus=casus,
            datum=datum,
            soort=soort,
            duur_minuten=rng.choice([15, 30, 45, 60, 90]),
            met_vrijwilliger=met_vrijwilliger,
            verslag=verslag,
            vertrouwelijk=vertrouwelijk,
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
                "doel_bereikt": verhaal.resultaat,
                "doorverwezen_0e_1e_lijn": f"Verwezen naar {verhaal.verwijzing}.",
                "opgeschaald_loket": "Meer zorg nodig dan het kernteam biedt; het loket onderzoekt maatwerk.",
            }.get(scenario.afsluiten, "Afgesloten."),
            datum=_vandaag() - timedelta(days=rng.randint(2, 10)),
            zrm_scores=_zrm(scenario.zrm_eind, verhaal),
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
                verslag=verhaal.pols,
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
