"""factory-boy factories with traits, and valid test BSNs."""

import itertools
import random

import factory
from django.utils import timezone

from skt import services
from skt.models import GemeenteProfiel, Huishouden, Inwoner, Kern, Leefgebied, Organisatie, Rol, Voorziening
from skt.validators import is_geldig_bsn


def geldige_bsns(start: int = 100000000):
    """Valid (elfproef) test BSNs in increasing order, starting at ``start``."""
    for getal in itertools.count(start):
        kandidaat = f"{getal:09d}"
        if is_geldig_bsn(kandidaat):
            yield kandidaat


_bsn_bron = geldige_bsns(900000000)


class KernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kern
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"kern-{n}")
    naam = factory.Sequence(lambda n: f"Kern {n}")


class LeefgebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leefgebied
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"leefgebied-{n}")
    label = factory.Sequence(lambda n: f"Leefgebied {n}")
    volgorde = factory.Sequence(lambda n: n)


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Organisatie {n}")


class VoorzieningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voorziening

    naam = factory.Sequence(lambda n: f"Voorziening {n}")
    soort = Voorziening.Soort.ALGEMENE_VOORZIENING
    organisatie = factory.SubFactory(OrganisatieFactory)


def team_maken(naam: str, *, soort: str = "geografisch", kernen=()):
    code = naam.lower().replace(" ", "-").replace("/", "-").replace(",", "")
    return services.team_aanmaken_of_bijwerken(code=code, naam=naam, soort=soort, kernen=kernen)


def medewerker_maken(gebruikersnaam: str, rol: str, *, teams=(), wachtwoord: str = "geheim-wachtwoord-123"):
    return services.medewerker_aanmaken_of_bijwerken(
        gebruikersnaam=gebruikersnaam,
        rol=rol,
        voornaam=gebruikersnaam.capitalize(),
        achternaam="Test",
        teams=teams,
        wachtwoord=wachtwoord,
    )


class HuishoudenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Huishouden

    naam = factory.Sequence(lambda n: f"Huishouden {n}")


class InwonerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inwoner

    bsn = factory.LazyFunction(lambda: next(_bsn_bron))
    voornamen = factory.Iterator(["Anna", "Bram", "Carla", "Dirk", "Eva", "Fatima", "Gert", "Hanna"])
    achternaam = factory.Iterator(["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "El Amrani"])
    geboortedatum = factory.LazyFunction(
        lambda: timezone.localdate().replace(year=timezone.localdate().year - random.randint(20, 85), day=1)
    )
    straat = "Dorpsstraat"
    huisnummer = factory.Sequence(lambda n: str(n + 1))
    postcode = "6661 AB"
    woonplaats = "Elst"

    class Params:
        jeugd = factory.Trait(
            geboortedatum=factory.LazyFunction(
                lambda: timezone.localdate().replace(year=timezone.localdate().year - 12, day=1)
            )
        )
        zonder_bsn = factory.Trait(bsn=None)


def profiel_maken(**instellingen) -> GemeenteProfiel:
    standaard = {
        "max_contactmomenten": 10,
        "termijnen": {
            "eerste_contact_dagen": 5,
            "wmo_onderzoek_weken": 6,
            "wmo_persoonlijk_plan_dagen": 7,
            "wmo_beschikking_weken": 2,
            "jeugd_beslissing_weken": 8,
        },
        "bewaartermijnen": {"met_voorziening_jaren": 15, "zonder_voorziening_jaren": 5},
        "streefwaarden": {},
    }
    standaard.update(instellingen)
    profiel, _ = GemeenteProfiel.objects.update_or_create(
        naam="test", defaults={"gemeente": "Testgemeente", "actief": True, "instellingen": standaard}
    )
    return profiel


ROLLEN = list(Rol.values)
