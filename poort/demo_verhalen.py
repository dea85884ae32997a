"""The stories of the meldingen demo: what the meldingen are about, who reported them, and how each
one went. Only data and the plan of about 150 melding histories over 18 months, in every state;
poort/demo.py plays them through the services.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from meldingen.vocab import MelderSoort, TriageUitkomst, Uitstroom
from skt.models import Team

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


def verlopen(rng: random.Random, focus: Team, andere: list[Team], loket: Team) -> list[Verloop]:
    """About 150 melding histories; ``focus`` is the demo beroepskracht's team."""
    kernteams = [focus, *andere]
    tweede = andere[0] if andere else focus
    derde = andere[1] if len(andere) > 1 else tweede
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
