"""Demo data of the shared registration store: users and a few hundred fictitious inwoners.

Every app may add a ``demo.py`` with ``demo_laden(rng)``; demo_data runs them in app order
after this module, so each screen has something real to show.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from . import services
from .models import Inwoner, Kern, Medewerker, Organisatie, Rol, Team
from .validators import is_geldig_bsn

DEMO_WACHTWOORD = "demo"
AANTAL_INWONERS = 300

VOORNAMEN = [
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Eva",
    "Fatima",
    "Gert",
    "Hanna",
    "Ilse",
    "Jan",
    "Karin",
    "Lars",
    "Mila",
    "Noah",
    "Olga",
    "Pieter",
    "Quinten",
    "Rosa",
    "Sem",
    "Tess",
    "Umut",
    "Vera",
    "Willem",
    "Yara",
    "Zeynep",
    "Henk",
    "Gerda",
    "Mohamed",
    "Sanne",
    "Joost",
    "Ria",
    "Kees",
    "Aisha",
    "Bas",
    "Lotte",
    "Ruud",
    "Nadia",
]
ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Yilmaz"),
    ("El", "Amrani"),
    ("", "Kok"),
    ("van", "Dijk"),
    ("", "Willems"),
    ("van", "Wijk"),
]
STRATEN = [
    "Dorpsstraat",
    "Kerkstraat",
    "Molenstraat",
    "Schoolstraat",
    "Julianastraat",
    "Rijksweg",
    "Dijkstraat",
    "Lindelaan",
    "Wilhelminastraat",
    "Beatrixstraat",
    "Prins Bernhardstraat",
    "Hoofdstraat",
]
# Postcode areas of the Overbetuwe kernen (fictitious letters).
POSTCODES = {
    "elst": "6661",
    "driel": "6665",
    "heteren": "6666",
    "randwijk": "6668",
    "zetten": "6671",
    "hemmen": "6671",
    "herveld": "6674",
    "andelst": "6673",
    "oosterhout": "6678",
    "slijk-ewijk": "6677",
    "valburg": "6675",
}

DEMO_MEDEWERKERS = [
    # gebruikersnaam, rol, voornaam, achternaam, teams (by code; "*" = all active teams). No staff
    # surname is an inwoner's (ACHTERNAMEN), so no inwoner carries a colleague's name.
    ("poort", Rol.VRAAGVERHELDERAAR, "Petra", "Poortvliet", []),
    ("beroepskracht", Rol.BEROEPSKRACHT, "Bas", "Kramer", ["elst"]),
    ("beroepskracht2", Rol.BEROEPSKRACHT, "Bea", "de Twee", ["*ander"]),
    ("vrijwilliger", Rol.VRIJWILLIGER, "Wim", "Vrijburg", ["elst"]),
    ("consulent", Rol.CONSULENT_WMO, "Saskia", "van Loon", ["*loket"]),
    ("consulent_jeugd", Rol.CONSULENT_JEUGD, "Joke", "Jeugdmans", ["*loket"]),
    ("coordinator", Rol.COORDINATOR, "Cor", "Dinator", ["*"]),
    ("beleid", Rol.BELEID, "Bert", "Beleidsma", []),
    ("beheerder", Rol.BEHEERDER, "Bea", "Heer", []),
]


def _teams_voor(codes: list[str]) -> list[Team]:
    actief = Team.objects.filter(actief=True)
    teams: list[Team] = []
    for code in codes:
        if code == "*":
            teams.extend(actief)
        elif code == "*loket":
            teams.extend(actief.filter(soort=Team.Soort.LOKET))
        elif code == "*ander":
            teams.extend(actief.exclude(code="elst").exclude(soort=Team.Soort.LOKET).order_by("naam")[:1])
        else:
            teams.extend(actief.filter(code=code))
    return teams


def demo_medewerkers() -> dict[str, Medewerker]:
    organisatie, _ = Organisatie.objects.get_or_create(
        naam="Gemeente Overbetuwe", defaults={"soort": "gemeente"}
    )
    medewerkers = {}
    for gebruikersnaam, rol, voornaam, achternaam, teamcodes in DEMO_MEDEWERKERS:
        bestaand = Medewerker.objects.filter(username=gebruikersnaam).first()
        medewerkers[gebruikersnaam] = services.medewerker_aanmaken_of_bijwerken(
            gebruikersnaam=gebruikersnaam,
            rol=rol,
            voornaam=voornaam,
            achternaam=achternaam,
            email=f"{gebruikersnaam}@demo.skt.invalid",
            teams=_teams_voor(teamcodes),
            organisatie=organisatie,
            wachtwoord=None if bestaand else DEMO_WACHTWOORD,
        )
    return medewerkers


def demo_bsns(rng: random.Random, aantal: int) -> list[str]:
    gezien: set[str] = set()
    while len(gezien) < aantal:
        kandidaat = f"{rng.randrange(100_000_000, 999_999_999):09d}"
        if is_geldig_bsn(kandidaat):
            gezien.add(kandidaat)
    return sorted(gezien)


def demo_inwoners(rng: random.Random) -> None:
    if Inwoner.objects.filter(email__endswith="@demo.skt.invalid").count() >= AANTAL_INWONERS:
        return
    kernen = list(Kern.objects.filter(actief=True).order_by("code"))
    vandaag = date.today()
    for i, bsn in enumerate(demo_bsns(rng, AANTAL_INWONERS)):
        kern = kernen[i % len(kernen)]
        tussenvoegsel, achternaam = rng.choice(ACHTERNAMEN)
        jeugd = i % 7 == 0
        leeftijd_dagen = rng.randint(3 * 365, 17 * 365) if jeugd else rng.randint(19 * 365, 92 * 365)
        Inwoner.objects.get_or_create(
            bsn=bsn,
            defaults={
                "voornamen": rng.choice(VOORNAMEN),
                "tussenvoegsel": tussenvoegsel,
                "achternaam": achternaam,
                "geboortedatum": vandaag - timedelta(days=leeftijd_dagen),
                "straat": rng.choice(STRATEN),
                "huisnummer": str(rng.randint(1, 180)),
                "postcode": f"{POSTCODES.get(kern.code, '6661')} {rng.choice('ABCDEGHJKLMNPRTVWXZ')}"
                f"{rng.choice('ABCDEGHJKLMNPRTVWXZ')}",
                "woonplaats": kern.naam,
                "kern": kern,
                "telefoon": f"06-{rng.randint(10000000, 99999999)}",
                "email": f"inwoner{i}@demo.skt.invalid",
            },
        )


@transaction.atomic
def demo_laden(rng: random.Random) -> dict[str, Medewerker]:
    call_command("laad_profiel", settings.SKT_DEMO_PROFIEL, verbosity=0)
    medewerkers = demo_medewerkers()
    demo_inwoners(rng)
    return medewerkers
