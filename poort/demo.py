"""Demo meldingen and signalen: about 150 meldingen over the last 18 months, in every state, for all teams.

Built through the services, acting as the demo users, so rights, status rows, triage decisions
and history are what real use would leave behind. Each step runs on a demo clock set to the
moment it would have happened: the history, the triage dates and the monitor then read as 18
months of work instead of everything "today".

What is there: untriaged meldingen in the poort's queue; meldingen awaiting first contact (some
past the term, most for team Elst so the demo beroepskracht has a full queue); meldingen in
behandeling; closed ones with every uitstroom; every triage outcome, a jeugd melding the
kernteam took with a motivation, two doorgeschakelde, Veilig Thuis meldingen (loket only),
third-party melders wanting terugkoppeling (all informed but one); three signalen in different
states, one linked to a voorziening from the sociale kaart. Idempotent: once any melding exists,
nothing is added.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from unittest import mock

from django.db import transaction
from django.utils import timezone

from poort import routering
from poort import services as poort_services
from skt.models import Inwoner, Leefgebied, Medewerker, Organisatie, Team, Voorziening

from . import services
from .models import Melding, Signaal
from .vocab import ContactWijze, Ingang, MelderSoort, TriageUitkomst, Uitstroom

DEMO_GEBRUIKERS = ("poort", "beroepskracht", "beroepskracht2", "consulent", "coordinator")
LOOPTIJD_DAGEN = 540  # about 18 months

# A question in the inwoner's words, with the leefgebieden it touches.
VRAGEN: list[tuple[str, tuple[str, ...]]] = [
    ("Ik krijg mijn post niet meer op orde sinds mijn man is overleden.", ("financien",)),
    ("Ik zit de hele dag alleen thuis en zou graag weer mensen zien.", ("sociaal_netwerk", "tijdsbesteding")),
    ("We hebben een huurachterstand en de toeslag is stopgezet.", ("financien", "huisvesting")),
    ("Ik zorg voor mijn moeder met dementie en het wordt me te veel.", ("huiselijke_relaties",)),
    ("De buren klagen over overlast en de woningcorporatie stuurde een brief.", ("huisvesting",)),
    ("Na mijn heupoperatie kan ik niet zelf boodschappen doen.", ("instrumentele_adl",)),
    ("Ik weet niet hoe ik een zorgverzekering en een huisarts regel.", ("instrumentele_adl", "financien")),
    ("Mijn vader vergeet afspraken en eet niet goed meer.", ("basale_adl", "geestelijke_gezondheid")),
    (
        "Ik wil vrijwilligerswerk doen, maar weet niet waar ik moet beginnen.",
        ("maatschappelijke_participatie",),
    ),
    ("Ik heb schulden bij meerdere partijen en durf de post niet open te maken.", ("financien",)),
    ("Ik ben mijn baan kwijt en zit erg in de put.", ("werk_opleiding", "geestelijke_gezondheid")),
    ("Mijn zoon drinkt te veel en er is vaak ruzie thuis.", ("middelengebruik", "huiselijke_relaties")),
    ("Ik kan mezelf niet goed meer wassen en aankleden.", ("basale_adl", "lichamelijke_gezondheid")),
    ("Ik kom net uit detentie en heb geen woning.", ("justitie", "huisvesting")),
    ("Wij vragen ons af of er in het dorp iets is voor ouderen overdag.", ()),
    ("Kan iemand helpen met het invullen van formulieren van de gemeente?", ("instrumentele_adl",)),
]
JEUGDVRAGEN: list[tuple[str, tuple[str, ...]]] = [
    ("Onze dochter spijbelt en we weten niet meer hoe we met haar moeten praten.", ("huiselijke_relaties",)),
    ("Mijn zoon heeft weinig vrienden en zit alleen op zijn kamer te gamen.", ("sociaal_netwerk",)),
    ("Het kind zit vaak zonder ontbijt op school en komt moe binnen.", ("basale_adl", "huiselijke_relaties")),
]
DERDEN: list[tuple[str, str, str]] = [
    (MelderSoort.HUISARTS, "Huisartsenpraktijk De Linde, dr. Bakker", "0481-371 200"),
    (MelderSoort.WIJKVERPLEGING, "Wijkverpleegkundige Sandra Mulder", "06-4123 5567"),
    (MelderSoort.SCHOOL, "Intern begeleider basisschool De Klimop", "ib@klimop.demo.invalid"),
    (MelderSoort.WONINGCORPORATIE, "Woonconsulent Mark de Groot", "026-355 8000"),
    (MelderSoort.POLITIE, "Wijkagent Ruud Peters", "0900-8844 (via de wijkagent)"),
    (MelderSoort.BUURTBEWONER, "Buurvrouw mevrouw Jansen", "06-2233 4455"),
    (MelderSoort.MANTELZORGER, "Dochter, mevrouw Visser", "06-9988 7766"),
    (MelderSoort.GGD, "Jeugdverpleegkundige GGD", "jgz@ggd.demo.invalid"),
    (MelderSoort.ZORGAANBIEDER, "Thuiszorg De Betuwe, planner", "0488-42 10 00"),
    (MelderSoort.VRIJWILLIGER, "Vrijwilliger van de Formulierenbrigade", "06-1212 3434"),
]
REDENEN = {
    TriageUitkomst.KERNTEAM: [
        "Vraag op meerdere leefgebieden; het kernteam van de kern gaat met de inwoner in gesprek.",
        "Past bij kortdurende ondersteuning dichtbij huis; kernteam pakt het op.",
        "Inwoner wil graag iemand uit het dorp; naar het kernteam.",
    ],
    TriageUitkomst.KERNTEAM_CONSULENT: [
        "Waarschijnlijk is maatwerk nodig; gezamenlijk huisbezoek van kernteam en consulent.",
    ],
    TriageUitkomst.LOKET: [
        "Maatwerkvoorziening waarschijnlijk nodig en de situatie is complex; direct naar het loket.",
        "Inwoner heeft al een lopende indicatie; het loket is aan zet.",
    ],
    TriageUitkomst.VEILIG_THUIS: [
        "Zorgen over de veiligheid in huis; naar het loket, dat met Veilig Thuis overlegt.",
    ],
    TriageUitkomst.DIRECT: [
        "Informatie gegeven over de Formulierenbrigade; inwoner belt zelf.",
        "Doorverwezen naar het Meldpunt Mantelzorg.",
        "Vraag over openingstijden en de aanvraag van een gehandicaptenparkeerkaart beantwoord.",
        "Adres van het wijkcentrum en het activiteitenprogramma gegeven.",
    ],
}
JEUGD_MOTIVATIE = (
    "Lichte opvoedvraag; de ouders willen ondersteuning dichtbij en het kernteam kent het gezin al "
    "van de buurtactiviteiten. Bij zwaardere zorgen schakelen we het loket in."
)
TOELICHTING = {
    Uitstroom.EIGEN_KRACHT: "Inwoner regelt het verder zelf met hulp van de kinderen.",
    Uitstroom.VRIJWILLIGE_INZET: "Gekoppeld aan een maatje van de vrijwilligerscentrale.",
    Uitstroom.ALGEMENE_VOORZIENING: "Aangemeld bij de dagactiviteit in het dorpshuis.",
    Uitstroom.KORTDURENDE_ONDERSTEUNING: "Vijf gesprekken; doel bereikt.",
    Uitstroom.DOORVERWEZEN_0E_1E_LIJN: "Doorverwezen naar het algemeen maatschappelijk werk.",
    Uitstroom.MAATWERK_LOKET: "Voorwerk-arrangement ingediend bij het loket.",
    Uitstroom.GEEN_VERVOLG: "Inwoner wilde na het eerste gesprek geen vervolg.",
}


@contextmanager
def _klok(moment: datetime) -> Iterator[None]:
    """Let django.utils.timezone.now() return ``moment`` (never later than the real now).

    Every caller of timezone.now, including model field defaults and simple-history, resolves the
    name ``datetime`` in django.utils.timezone at call time, so replacing it there is enough.
    """
    echt = datetime.now(tz=moment.tzinfo)
    moment = min(moment, echt)

    class Klok(datetime):
        @classmethod
        def now(cls, tz=None):
            return moment.astimezone(tz) if tz is not None else moment.replace(tzinfo=None)

    with mock.patch("django.utils.timezone.datetime", Klok):
        yield


def _om(datum: date, uur: int, minuut: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(datum, time(min(uur, 23), minuut)))


@dataclass
class Verloop:
    """How one demo melding went."""

    team: Team | None  # None: the inwoner's kern decides (anonymous ones need a team)
    dagen: int  # aanmelding, days ago
    uitkomst: str | None = None  # None: untriaged, still in the poort's queue
    contact_na: int | None = None  # days after aanmelding
    sluiten_na: int | None = None  # days after aanmelding
    uitstroom: str | None = None
    derde: bool = False
    terugkoppeling: str = ""  # "", "gedaan" or "open"
    jeugd: bool = False
    anoniem: bool = False
    spreekuur: bool = False  # registered by the team's beroepskracht at the spreekuur
    doorschakelen_naar: Team | None = None
    doorschakel_uitkomst: str = TriageUitkomst.KERNTEAM


class _Demo:
    def __init__(self, rng: random.Random, gebruikers: dict[str, Medewerker], loket: Team):
        self.rng = rng
        self.gebruikers = gebruikers
        self.loket = loket
        self.vandaag = timezone.localdate()
        self.leefgebieden = {lg.code: lg for lg in Leefgebied.objects.filter(actief=True)}
        self.inwoners: dict[int | None, list[Inwoner]] = {}
        self.team_van: dict[int, set[int]] = {
            m.pk: set(m.teams.values_list("pk", flat=True)) for m in gebruikers.values()
        }

    # -- choices ------------------------------------------------------------------------------

    def inwoner(self, team: Team | None, *, jeugd: bool, op: date) -> Inwoner | None:
        sleutel = team.pk if team else None
        if sleutel not in self.inwoners:
            qs = Inwoner.objects.filter(email__endswith="@demo.skt.invalid")
            kernen = list(team.kernen.all()) if team else []
            if kernen:
                qs = qs.filter(kern__in=kernen)
            self.inwoners[sleutel] = list(qs.order_by("pk"))
        kandidaten = [i for i in self.inwoners[sleutel] if bool(i.is_jeugd_op(op)) is jeugd]
        return self.rng.choice(kandidaten) if kandidaten else None

    def behandelaar(self, team: Team | None) -> Medewerker:
        """The demo user who works on a melding of this team: its beroepskracht, the loket's consulent."""
        if team is not None:
            for naam in ("beroepskracht", "beroepskracht2", "consulent"):
                if team.pk in self.team_van[self.gebruikers[naam].pk]:
                    return self.gebruikers[naam]
        return self.gebruikers["coordinator"]

    def ingang(self, spreekuur: bool) -> str:
        if spreekuur:
            return self.rng.choice([Ingang.SPREEKUUR, Ingang.SPREEKUUR, Ingang.PERSOONLIJK])
        return self.rng.choices(
            [Ingang.TELEFOON, Ingang.EMAIL, Ingang.PERSOONLIJK, Ingang.LOKET, Ingang.WEBSITE, Ingang.OVERIG],
            weights=[45, 18, 12, 15, 6, 4],
        )[0]

    # -- one melding ---------------------------------------------------------------------------

    def melding(self, v: Verloop) -> Melding | None:
        rng = self.rng
        aanmelding = self.vandaag - timedelta(days=v.dagen)
        inwoner = None if v.anoniem else self.inwoner(v.team, jeugd=v.jeugd, op=aanmelding)
        if inwoner is None and not v.anoniem:
            return None
        vraag, codes = rng.choice(JEUGDVRAGEN if v.jeugd else VRAGEN)
        if v.derde or v.terugkoppeling:
            soort, naam, bereikbaar = rng.choice(DERDEN)
        else:
            soort = MelderSoort.ANONIEM if v.anoniem else MelderSoort.INWONER
            naam = bereikbaar = ""
        registrator = self.gebruikers["beroepskracht"] if v.spreekuur else self.gebruikers["poort"]
        uur = rng.randint(8, 14)
        with _klok(_om(aanmelding, uur, rng.randint(0, 59))):
            melding, _ = services.melding_registreren(
                door=registrator,
                inwoner=inwoner,
                anoniem=v.anoniem,
                aanmeldingsdatum=aanmelding,
                ingang=self.ingang(v.spreekuur),
                melder_soort=soort,
                melder_naam=naam,
                melder_bereikbaar=bereikbaar,
                melder_wil_terugkoppeling=bool(v.terugkoppeling),
                vraag=vraag,
                leefgebieden=[self.leefgebieden[c] for c in codes if c in self.leefgebieden],
                notitie=(
                    "Melder vraagt nadrukkelijk om discretie: de inwoner weet niet dat er is gebeld."
                    if soort == MelderSoort.BUURTBEWONER
                    else ""
                ),
                notitie_vertrouwelijk=soort == MelderSoort.BUURTBEWONER,
            )
        if v.uitkomst is None:
            return melding

        triage_dag = min(aanmelding + timedelta(days=rng.choice([0, 0, 0, 1])), self.vandaag)
        team = None if v.uitkomst == TriageUitkomst.DIRECT else v.team
        with _klok(_om(triage_dag, uur + 1 if triage_dag == aanmelding else 9, rng.randint(0, 59))):
            poort_services.melding_trieren(
                door=registrator,
                melding=melding,
                uitkomst=v.uitkomst,
                reden=rng.choice(REDENEN[v.uitkomst]),
                team=team if v.uitkomst in routering.KERNTEAM_UITKOMSTEN else None,
                jeugd_motivatie=JEUGD_MOTIVATIE
                if melding.jeugd and v.uitkomst in routering.KERNTEAM_UITKOMSTEN
                else "",
                uitstroom=v.uitstroom if v.uitkomst == TriageUitkomst.DIRECT else None,
            )
        melding.refresh_from_db()
        if v.uitkomst == TriageUitkomst.DIRECT:
            return melding

        if v.doorschakelen_naar is not None:
            dag = min(triage_dag + timedelta(days=1), self.vandaag)
            with _klok(_om(dag, 10, rng.randint(0, 59))):
                poort_services.melding_doorschakelen(
                    door=self.behandelaar(melding.team),
                    melding=melding,
                    uitkomst=v.doorschakel_uitkomst,
                    reden=(
                        "Inwoner blijkt net verhuisd; het kernteam van de nieuwe kern neemt het over."
                        if v.doorschakel_uitkomst == TriageUitkomst.KERNTEAM
                        else "Na het eerste gesprek is duidelijk dat maatwerk nodig is; naar het loket."
                    ),
                    team=v.doorschakelen_naar if v.doorschakel_uitkomst == TriageUitkomst.KERNTEAM else None,
                    jeugd_motivatie=JEUGD_MOTIVATIE
                    if melding.jeugd and v.doorschakel_uitkomst in routering.KERNTEAM_UITKOMSTEN
                    else "",
                )
            melding.refresh_from_db()

        behandelaar = self.behandelaar(melding.team)
        if v.contact_na is not None:
            dag = min(aanmelding + timedelta(days=v.contact_na), self.vandaag)
            with _klok(_om(dag, 15 if dag == triage_dag else rng.randint(9, 16), rng.randint(0, 59))):
                services.melding_eerste_contact_vastleggen(
                    door=behandelaar,
                    melding=melding,
                    datum=dag,
                    wijze=rng.choice(
                        [
                            ContactWijze.TELEFOON,
                            ContactWijze.TELEFOON,
                            ContactWijze.HUISBEZOEK,
                            ContactWijze.EMAIL,
                        ]
                    ),
                )
            melding.refresh_from_db()
        if v.sluiten_na is not None:
            dag = min(aanmelding + timedelta(days=v.sluiten_na), self.vandaag)
            with _klok(_om(dag, 17, rng.randint(0, 50))):
                services.melding_afsluiten(
                    door=behandelaar,
                    melding=melding,
                    uitstroom=v.uitstroom,
                    datum=dag,
                    toelichting=TOELICHTING.get(v.uitstroom, ""),
                )
            if v.terugkoppeling == "gedaan":
                dag = min(dag + timedelta(days=rng.randint(0, 2)), self.vandaag)
                with _klok(_om(dag, 17, 55)):
                    services.melding_terugkoppeling_vastleggen(door=behandelaar, melding=melding)
            melding.refresh_from_db()
        return melding

    # -- the whole set -------------------------------------------------------------------------

    def verlopen(self, focus: Team, andere: list[Team]) -> list[Verloop]:
        """About 150 melding histories; ``focus`` is the demo beroepskracht's team."""
        rng = self.rng
        kernteams = [focus, *andere]
        tweede = andere[0] if andere else focus
        derde = andere[1] if len(andere) > 1 else tweede
        loket = self.loket
        K, KC, L, VT, D = (
            TriageUitkomst.KERNTEAM,
            TriageUitkomst.KERNTEAM_CONSULENT,
            TriageUitkomst.LOKET,
            TriageUitkomst.VEILIG_THUIS,
            TriageUitkomst.DIRECT,
        )
        v: list[Verloop] = []

        # Untriaged: the poort's queue.
        for dagen in (0, 0, 1, 1, 2, 3, 3):
            v.append(Verloop(rng.choice(kernteams), dagen, derde=rng.random() < 0.3))
        v.append(Verloop(None, 1, anoniem=True))

        # Awaiting first contact. Team Elst: past the term and within it, a jeugd melding the
        # kernteam takes with a motivation, one for a joint home visit.
        for dagen in (8, 9, 11, 13, 16, 20):
            v.append(Verloop(focus, dagen, K, derde=dagen == 11, spreekuur=dagen == 9))
        for dagen in (0, 1, 2, 3, 4):
            v.append(Verloop(focus, dagen, K, spreekuur=dagen == 2))
        v.append(Verloop(focus, 3, K, jeugd=True))
        v.append(Verloop(focus, 4, KC))
        for team in (tweede, derde):
            v += [Verloop(team, 10, K), Verloop(team, 2, K), Verloop(team, 15 if team == tweede else 1, K)]
        v += [Verloop(loket, 9, L), Verloop(loket, 2, L, jeugd=True), Verloop(loket, 2, VT, derde=True)]

        # In behandeling.
        for i, dagen in enumerate((24, 31, 38, 45, 52, 60, 75, 88, 96, 110, 124, 138, 150, 165)):
            v.append(
                Verloop(
                    focus,
                    dagen,
                    KC if i in (3, 9) else K,
                    contact_na=rng.choice([1, 2, 3, 4, 5, 7]),
                    spreekuur=i % 5 == 0,
                )
            )
        for team, dagens in ((tweede, (18, 40, 70, 120)), (derde, (22, 55, 90))):
            for dagen in dagens:
                v.append(Verloop(team, dagen, K, contact_na=rng.choice([1, 3, 4, 6])))
        for dagen in (14, 35):
            v.append(Verloop(loket, dagen, L, contact_na=rng.choice([2, 5])))
        v.append(Verloop(loket, 28, VT, contact_na=1))

        # Closed by a team: every uitstroom, spread over 18 months.
        uitstromen = [
            u for u in Uitstroom.values if u not in (Uitstroom.VEILIG_THUIS, Uitstroom.DIRECT_BEANTWOORD)
        ]
        gewichten = {Uitstroom.MAATWERK_LOKET: 2, Uitstroom.KORTDURENDE_ONDERSTEUNING: 3}
        for i in range(68):
            dagen = rng.randint(25, LOOPTIJD_DAGEN)
            uitstroom = (
                uitstromen[i]
                if i < len(uitstromen)
                else rng.choices(uitstromen, weights=[gewichten.get(u, 1) for u in uitstromen])[0]
            )
            team = kernteams[i % len(kernteams)] if i % 6 else loket
            uitkomst = L if team == loket else (KC if uitstroom == Uitstroom.MAATWERK_LOKET else K)
            zonder_contact = uitstroom == Uitstroom.GEEN_VERVOLG and i % 2 == 0
            contact_na = (
                None if zonder_contact else rng.choices([0, 1, 2, 3, 4, 5, 6, 8], [1, 3, 3, 3, 2, 2, 1, 1])[0]
            )
            v.append(
                Verloop(
                    team,
                    dagen,
                    uitkomst,
                    contact_na=contact_na,
                    sluiten_na=min((contact_na or 3) + rng.randint(3, 120), dagen - 1),
                    uitstroom=uitstroom,
                    terugkoppeling="gedaan" if i % 7 == 3 else "",
                    jeugd=uitkomst == L and i % 4 == 0,
                    spreekuur=team == focus and i % 5 == 0,
                )
            )
        v.append(Verloop(loket, 200, VT, contact_na=0, sluiten_na=30, uitstroom=Uitstroom.VEILIG_THUIS))
        # The one terugkoppeling still open: closed last week in team Elst.
        v.append(
            Verloop(
                focus,
                30,
                K,
                contact_na=2,
                sluiten_na=23,
                uitstroom=Uitstroom.EIGEN_KRACHT,
                terugkoppeling="open",
            )
        )

        # Answered on the spot by the poort.
        for i in range(22):
            uitstroom = [
                Uitstroom.DIRECT_BEANTWOORD,
                Uitstroom.DIRECT_BEANTWOORD,
                Uitstroom.ALGEMENE_VOORZIENING,
                Uitstroom.DOORVERWEZEN_0E_1E_LIJN,
                Uitstroom.EIGEN_KRACHT,
            ][i % 5]
            v.append(
                Verloop(
                    rng.choice(kernteams) if i % 11 else None,
                    rng.randint(0, LOOPTIJD_DAGEN),
                    D,
                    uitstroom=uitstroom,
                    anoniem=i % 11 == 0,
                )
            )

        # Two doorgeschakelde: moved to Elst (awaiting contact there), and from Elst to the loket.
        v.append(Verloop(derde, 4, K, doorschakelen_naar=focus))
        v.append(Verloop(focus, 40, K, doorschakelen_naar=loket, doorschakel_uitkomst=L, contact_na=6))
        return v

    def voorziening_uit_sociale_kaart(self) -> Voorziening:
        """The algemene voorziening a signaal led to: from the profile's sociale kaart when it has one."""
        kaart = Voorziening.objects.filter(actief=True, soort=Voorziening.Soort.ALGEMENE_VOORZIENING)
        gevonden = kaart.filter(naam__icontains="mantelzorg").first() or kaart.order_by("naam").first()
        if gevonden is not None:
            return gevonden
        organisatie, _ = Organisatie.objects.get_or_create(
            naam="Welzijnsorganisatie", defaults={"soort": Organisatie.Soort.WELZIJN}
        )
        return Voorziening.objects.create(
            naam="Meldpunt Mantelzorg",
            soort=Voorziening.Soort.ALGEMENE_VOORZIENING,
            organisatie=organisatie,
            omschrijving="Informatie, advies en ondersteuning voor mantelzorgers.",
        )

    def signalen(self, focus: Team, tweede: Team) -> None:
        bk, bk2 = self.gebruikers["beroepskracht"], self.gebruikers["beroepskracht2"]
        kern_focus = focus.kernen.order_by("naam").first()
        kern_tweede = tweede.kernen.order_by("naam").first()
        lg = self.leefgebieden.get

        def registreren(door, team, dagen, **gegevens) -> Signaal:
            with _klok(_om(self.vandaag - timedelta(days=dagen), 11)):
                return services.signaal_registreren(door=door, team=team, **gegevens)

        def status(door, signaal, dagen, nieuwe, toelichting, voorziening=None) -> Signaal:
            with _klok(_om(self.vandaag - timedelta(days=dagen), 14)):
                return services.signaal_status_wijzigen(
                    door=door,
                    signaal=signaal,
                    status=nieuwe,
                    toelichting=toelichting,
                    voorziening=voorziening,
                )

        mantelzorg = registreren(
            bk,
            focus,
            160,
            titel="Mantelzorgers raken overbelast en weten niet waar ze terecht kunnen",
            omschrijving=(
                "Dit kwartaal vijf meldingen van mantelzorgers die pas bellen als ze zelf vastlopen. Niemand "
                "van hen kende een plek voor advies of een adempauze."
            ),
            kern=kern_focus,
            leefgebied=lg("huiselijke_relaties"),
        )
        status(
            bk,
            mantelzorg,
            130,
            Signaal.Status.IN_ONDERZOEK,
            "Besproken met de welzijnsorganisatie en de huisartsen.",
        )
        status(
            bk,
            mantelzorg,
            60,
            Signaal.Status.INITIATIEF_GESTART,
            "Meldpunt gestart met een wekelijks inloopspreekuur; huisartsen verwijzen er nu naar.",
            voorziening=self.voorziening_uit_sociale_kaart(),
        )
        schulden = registreren(
            bk2,
            tweede,
            45,
            titel="Wachtlijst voor schuldhulpmaatjes",
            omschrijving=(
                "Inwoners met beginnende schulden wachten twee tot drie maanden op een maatje; in die tijd "
                "lopen de schulden op. Het team ziet dit bij meerdere meldingen."
            ),
            kern=kern_tweede,
            leefgebied=lg("financien"),
        )
        status(bk2, schulden, 30, Signaal.Status.IN_ONDERZOEK, "Navraag bij de vrijwilligerscentrale.")
        registreren(
            bk,
            focus,
            9,
            titel="Geen vervoer naar de dagbesteding vanuit de buitengebieden",
            omschrijving=(
                "Ouderen uit de buitengebieden stoppen met de dagbesteding zodra ze niet meer zelf kunnen "
                "fietsen. De regiotaxi is voor hen te duur of te onzeker."
            ),
            kern=None,
            leefgebied=lg("maatschappelijke_participatie"),
        )


def _gebruikers() -> dict[str, Medewerker] | None:
    gebruikers = {
        m.username: m for m in Medewerker.objects.filter(username__in=DEMO_GEBRUIKERS, is_active=True)
    }
    return gebruikers if len(gebruikers) == len(DEMO_GEBRUIKERS) else None


@transaction.atomic
def demo_laden(rng: random.Random) -> None:
    if Melding.objects.exists():
        return
    gebruikers = _gebruikers()
    loket = Team.objects.filter(soort=Team.Soort.LOKET, actief=True).order_by("pk").first()
    if gebruikers is None or loket is None or not Inwoner.objects.exists():
        return
    kernteams = list(Team.objects.filter(actief=True).exclude(soort=Team.Soort.LOKET).order_by("naam"))
    focus = gebruikers["beroepskracht"].teams.exclude(soort=Team.Soort.LOKET).first() or (
        kernteams[0] if kernteams else None
    )
    if focus is None:
        return
    andere = [t for t in kernteams if t != focus]
    # beroepskracht2's team second, so that both demo beroepskrachten have work.
    andere.sort(
        key=lambda t: t.pk not in set(gebruikers["beroepskracht2"].teams.values_list("pk", flat=True))
    )
    demo = _Demo(rng, gebruikers, loket)
    for verloop in demo.verlopen(focus, andere):
        if (
            verloop.team is not None
            and verloop.team.soort == Team.Soort.GEOGRAFISCH
            and not verloop.team.kernen.exists()
        ):
            continue
        demo.melding(verloop)
    demo.signalen(focus, andere[0] if andere else focus)
