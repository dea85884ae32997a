"""Arrangement test helpers: a melding of team A (Elst) and plans built through the services."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from arrangementen import services
from arrangementen.categorieen import categorieen_laden
from arrangementen.models import MaatwerkCategorie
from casussen import services as casus_services
from casussen.vocab import KADERS
from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt.models import Organisatie

from ..factories import InwonerFactory, OrganisatieFactory, VoorzieningFactory

VANDAAG = timezone.localdate


def categorie(wet: str = "wmo", code: str = "02") -> MaatwerkCategorie:
    # Migration data is gone after a transactional test's flush: put the categories back.
    if not MaatwerkCategorie.objects.exists():
        categorieen_laden()
    return MaatwerkCategorie.objects.get(wet=wet, code=code)


def melding_maken(personas, *, team=None, dagen_geleden: int = 20, inwoner=None, jeugd: bool = False):
    """A melding registered at the poort and triaged to a kernteam (team A by default)."""
    team = team or personas.team_a
    inwoner = inwoner or InwonerFactory(kern=team.kernen.first(), jeugd=jeugd)
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=VANDAAG() - timedelta(days=dagen_geleden),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Mevrouw redt het thuis niet meer zonder hulp.",
    )
    melding_trieren(
        door=personas.poort,
        melding=melding,
        uitkomst="kernteam_consulent",
        reden="Waarschijnlijk maatwerk nodig.",
        team=team,
        jeugd_motivatie="Gezinsvraag, het kernteam kent het gezin." if melding.jeugd else "",
    )
    melding.refresh_from_db()
    return melding


def casus_maken(
    personas, *, melding=None, dagen_geleden: int = 30, afsluiten_dagen_geleden: int | None = None
):
    """A casus of team A, started through the services; optionally closed some days ago."""
    melding = melding or melding_maken(personas, dagen_geleden=dagen_geleden + 5)
    casus = casus_services.casus_starten(
        door=personas.beroepskracht,
        melding=melding,
        casushouder=personas.beroepskracht,
        doel="Mevrouw doet haar administratie weer zelf.",
        kaders={k.veld: True for k in KADERS},
        toets_collega=personas.vrijwilliger,
        toets_datum=VANDAAG() - timedelta(days=dagen_geleden),
        toets_uitkomst="Past.",
        startdatum=VANDAAG() - timedelta(days=dagen_geleden),
    )
    if afsluiten_dagen_geleden is not None:
        casus = casus_services.casus_afsluiten(
            door=personas.beroepskracht,
            casus=casus,
            reden="doel_bereikt",
            resultaat="Gelukt.",
            datum=VANDAAG() - timedelta(days=afsluiten_dagen_geleden),
        )
    return casus


PLANTEKST = {
    "feitelijke_beschrijving": "Mevrouw woont alleen; de keuken is niet schoon, de post ligt ongeopend.",
    "wensen_inwoner": "Zij wil thuis blijven wonen en hulp bij het huishouden.",
    "advies_kernteamlid": "Hulp bij het huishouden, 3 uur per week; de buurvrouw doet boodschappen.",
    "doel": "Een schoon en veilig huis.",
    "aard_en_ernst": "Beperkt zelfredzaam in het huishouden na een heupoperatie.",
    "duur": "6 maanden",
    "beoogd_resultaat": "Mevrouw woont veilig thuis en houdt energie over voor meedoen.",
}


def maatwerk(wet: str = "wmo", code: str = "01", kosten: str | Decimal = "1250.00", **anders) -> dict:
    onderdeel = {
        "soort": "maatwerkvoorziening",
        "categorie": categorie(wet, code),
        "omschrijving": "Hulp bij het huishouden.",
        "omvang": "3 uur",
        "frequentie": "per week",
        "duur": "6 maanden",
        "indicatieve_kosten": kosten,
    }
    onderdeel.update(anders)
    return onderdeel


def netwerk(**anders) -> dict:
    onderdeel = {"soort": "netwerk", "omschrijving": "De buurvrouw doet wekelijks boodschappen."}
    onderdeel.update(anders)
    return onderdeel


def concept_maken(
    personas,
    *,
    door=None,
    wet: str = "wmo",
    melding=None,
    onderdelen=None,
    nu: datetime | None = None,
    **gegevens,
):
    door = door or personas.beroepskracht
    if melding is None and door.rol == "beroepskracht":
        melding = melding_maken(personas, jeugd=wet == "jeugd")
    inwoner = None
    if melding is None:
        inwoner = InwonerFactory()
        from skt import rechten

        rechten.inwoner_toegang_geven(inwoner, door)
        gegevens.setdefault("meldingsdatum", VANDAAG() - timedelta(days=10))
    return services.arrangement_opstellen(
        door=door,
        wet=wet,
        melding=melding,
        inwoner=inwoner,
        gegevens={**PLANTEKST, **gegevens},
        onderdelen=onderdelen
        if onderdelen is not None
        else [maatwerk("jeugd", "45") if wet == "jeugd" else maatwerk(), netwerk()],
        nu=nu,
    )


def ingediend_maken(personas, **kwargs):
    nu = kwargs.pop("ingediend_op", None)
    arrangement = concept_maken(personas, nu=nu, **kwargs)
    return services.arrangement_indienen(door=arrangement.opgesteld_door, arrangement=arrangement, nu=nu)


def zorgaanbieder(naam: str = "Thuiszorg De Betuwe") -> Organisatie:
    return OrganisatieFactory(naam=naam, soort=Organisatie.Soort.ZORGAANBIEDER)


def voorziening(*, aanbieder=None, ingang=None, einde=None, **anders) -> dict:
    """The granted voorziening's fields of a Beslissing: a zorgaanbieder, ZIN, 3 uur per week, half a year."""
    ingang = ingang or VANDAAG()
    gegevens = {
        "product": "01A01 Hulp bij het huishouden",
        "zorgaanbieder": (aanbieder or zorgaanbieder()).pk,
        "leveringsvorm": "zin",
        "omvang_eenheden": Decimal("3"),
        "omvang_eenheid": "uur",
        "omvang_periode": "week",
        "ingangsdatum": ingang,
        "einddatum": einde if einde is not None else ingang + timedelta(days=182),
    }
    gegevens.update(anders)
    return gegevens


def toekennen_alles(
    arrangement, *, nummer: str = "BS-2024-0001", datum=None, **voorziening_gegevens
) -> list[services.Beslissing]:
    datum = datum or VANDAAG()
    return [
        services.Beslissing(
            onderdeel=str(o.uuid),
            toegekend=True,
            beschikkingsnummer=nummer if o.is_maatwerk else "",
            beschikkingsdatum=datum if o.is_maatwerk else None,
            **(voorziening(**voorziening_gegevens) if o.is_maatwerk else {}),
        )
        for o in arrangement.onderdelen.all()
    ]


@pytest.fixture
def algemene_voorziening(db):
    return VoorzieningFactory(naam="Boodschappenplusbus")


@pytest.fixture
def melding(personas):
    return melding_maken(personas)


@pytest.fixture
def concept(personas):
    return concept_maken(personas)


@pytest.fixture
def ingediend(personas):
    return ingediend_maken(personas)
