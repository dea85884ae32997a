"""The rekenkamer's KPIs (seed 001 §3.3) that this registration can compute, each against figures
worked out on paper; and the ones it cannot, listed in the appendix as 'niet in deze registratie'.

Q1 2024, team Elst (kern Elst) and team Driel (kern Driel):
  meldingen (live, through the services):
    Anna  (born 1 March 2010)  melding 10 January              -> 13 years: 0–17
    Anna                       melding 20 February             -> same inwoner, still 0–17
    Bram  (born 15 January 2000) melding 14 January           -> 23 (birthday passed): 18–26
    Cor   (born 15 January 1997) melding 14 January (Driel)   -> 26 (birthday tomorrow): 18–26
    Dirk  (born 1 January 1959) melding 2 January              -> 65: 65+
    Eva   (born 1 June 1980)   melding 5 March                 -> 43: 27–64
  unique inwoners: gemeente 5 (Anna twice), Elst 4, Driel 1; age groups 2, 2, 1, 1 (0–17, 18–26, 27–64, 65+).
  casussen closed in Q1: 4, of which 3 'doel bereikt'                -> 75,0% volgens plan afgerond
  granted onderdelen in Q1: 10; leveringsvorm ZIN 6, PGB 2, unknown 2   -> ZIN 75,0%, PGB 25,0%
  zorgaanbieders: Santé 5, Forte 3 (under the threshold 5), none 2  -> top: Santé 5; overige 3; zonder 2
"""

from __future__ import annotations

from datetime import date

import pytest

from arrangementen.models import Beoordeling, Onderdeel
from meldingen.services import melding_registreren
from monitor.berekening import monitor_berekenen
from monitor.feiten import feiten_bijwerken
from monitor.models import CasusFeit, MeldingFeit, VoorzieningFeit
from monitor.pdf import rapport_pdf
from monitor.periode import Periode
from monitor.weergave import weergave
from skt.models import Organisatie

from ..arrangementen.conftest import categorie, ingediend_maken
from ..factories import InwonerFactory
from .test_overdracht_kpis import op

pytestmark = pytest.mark.django_db


def pdf_tekst(pdf: bytes) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


Q1_2024 = Periode.uit_tekst("2024Q1")


def waarden(cijfers: dict) -> dict:
    return {k["code"]: k["waarde"] for k in cijfers["kpis"]}


def per_team(cijfers: dict) -> dict:
    return {g["naam"]: g["waarden"] for g in cijfers["kpis_per_team"]}


def melden(personas, inwoner, d: date, team):
    m, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=d,
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Hulp bij de administratie.",
    )
    m.team = team
    m.save()
    return m


@pytest.fixture
def meldingen(personas):
    elst, driel = personas.team_a, personas.team_b
    anna = InwonerFactory(kern=elst.kernen.first(), geboortedatum=date(2010, 3, 1))
    melden(personas, anna, date(2024, 1, 10), elst)
    melden(personas, anna, date(2024, 2, 20), elst)
    melden(
        personas,
        InwonerFactory(kern=elst.kernen.first(), geboortedatum=date(2000, 1, 15)),
        date(2024, 1, 14),
        elst,
    )
    melden(
        personas,
        InwonerFactory(kern=driel.kernen.first(), geboortedatum=date(1997, 1, 15)),
        date(2024, 1, 14),
        driel,
    )
    melden(
        personas,
        InwonerFactory(kern=elst.kernen.first(), geboortedatum=date(1959, 1, 1)),
        date(2024, 1, 2),
        elst,
    )
    melden(
        personas,
        InwonerFactory(kern=elst.kernen.first(), geboortedatum=date(1980, 6, 1)),
        date(2024, 3, 5),
        elst,
    )
    feiten_bijwerken()
    return personas


def test_leeftijdsgroep_en_pseudoniem_uit_de_registratie(meldingen):
    groepen = sorted(MeldingFeit.objects.values_list("leeftijdsgroep", flat=True))
    assert groepen == ["0-17", "0-17", "18-26", "18-26", "27-64", "65+"]
    sleutels = MeldingFeit.objects.values_list("inwoner_sleutel", flat=True)
    assert len(set(sleutels)) == 5 and all(len(s) == 32 for s in sleutels)
    # A pseudonym, not the id: no key is the inwoner's number.
    ids = {str(i) for i in MeldingFeit.objects.values_list("melding_id", flat=True)}
    assert not set(sleutels) & ids


def test_unieke_inwoners_en_leeftijdsgroepen(meldingen):
    cijfers = monitor_berekenen(Q1_2024, vandaag=date(2024, 4, 15))
    w = waarden(cijfers)
    assert w["meldingen_totaal"] == 6
    assert w["inwoners_uniek"] == 5
    assert (
        w["meldingen_leeftijd_0_17"],
        w["meldingen_leeftijd_18_26"],
        w["meldingen_leeftijd_27_64"],
        w["meldingen_leeftijd_65_plus"],
    ) == (2, 2, 1, 1)
    teams = per_team(cijfers)
    assert teams["Elst"]["inwoners_uniek"] == 4 and teams["Driel"]["inwoners_uniek"] == 1
    assert teams["Driel"]["meldingen_leeftijd_18_26"] == 1


def test_anonieme_en_geimporteerde_meldingen_tellen_niet_als_inwoner(personas):
    from .conftest import feit

    feit(datum=date(2024, 1, 3), team=personas.team_a)
    feit(datum=date(2024, 1, 4), team=personas.team_a)
    w = waarden(monitor_berekenen(Q1_2024, vandaag=date(2024, 4, 15)))
    assert w["meldingen_totaal"] == 2 and w["inwoners_uniek"] == 0 and w["meldingen_leeftijd_0_17"] == 0


def test_volgens_plan_afgerond(personas):
    for i, reden in enumerate(["doel_bereikt", "doel_bereikt", "doel_bereikt", "inwoner_gestopt"]):
        CasusFeit.objects.create(
            casus_id=9000 + i, team=personas.team_a, afgesloten_op=date(2024, 2, 1 + i), afsluitreden=reden
        )
    # Closed outside the quarter: not counted.
    CasusFeit.objects.create(
        casus_id=9100, team=personas.team_a, afgesloten_op=date(2024, 4, 2), afsluitreden="inwoner_gestopt"
    )
    cijfers = monitor_berekenen(Q1_2024, vandaag=date(2024, 4, 15))
    assert waarden(cijfers)["casussen_volgens_plan_afgerond_procent"] == 75.0
    assert (
        next(k for k in cijfers["kpis"] if k["code"] == "casussen_volgens_plan_afgerond_procent")["noemer"]
        == 4
    )


@pytest.fixture
def toegekend(personas):
    """Ten granted onderdelen of one plan, through the models as the consulent's decision stores them."""
    plan = ingediend_maken(personas, wet="wmo")
    sante = Organisatie.objects.create(naam="Santé", soort="zorgaanbieder")
    forte = Organisatie.objects.create(naam="Forte Welzijn", soort="zorgaanbieder")
    regels = [(sante, "zin")] * 5 + [(forte, "zin"), (forte, "pgb"), (forte, "pgb")] + [(None, "")] * 2
    for i, (aanbieder, vorm) in enumerate(regels):
        onderdeel = Onderdeel.objects.create(
            arrangement=plan,
            soort="maatwerkvoorziening",
            categorie=categorie("wmo", "02"),
            omschrijving=f"Deel {i}",
        )
        Beoordeling.objects.create(
            onderdeel=onderdeel,
            versie=plan.versie,
            toegekend=True,
            beschikkingsdatum=date(2024, 2, 1),
            zorgaanbieder=aanbieder,
            leveringsvorm=vorm,
            beoordeeld_door=personas.consulent,
            beoordeeld_op=op(date(2024, 2, 1)),
        )
    # Refused, and granted after the quarter: neither counts.
    for toegekend_, d in ((False, date(2024, 2, 1)), (True, date(2024, 4, 2))):
        onderdeel = Onderdeel.objects.create(
            arrangement=plan,
            soort="maatwerkvoorziening",
            categorie=categorie("wmo", "02"),
            omschrijving="Anders",
        )
        Beoordeling.objects.create(
            onderdeel=onderdeel,
            versie=plan.versie,
            toegekend=toegekend_,
            reden="" if toegekend_ else "Een algemene voorziening past.",
            beschikkingsdatum=d,
            zorgaanbieder=sante,
            leveringsvorm="zin",
            beoordeeld_door=personas.consulent,
            beoordeeld_op=op(d),
        )
    feiten_bijwerken()
    return personas


def test_zin_pgb_en_de_grootste_zorgaanbieders(toegekend):
    assert VoorzieningFeit.objects.count() == 11
    cijfers = monitor_berekenen(Q1_2024, vandaag=date(2024, 4, 15))
    w = waarden(cijfers)
    assert w["voorzieningen_toegekend"] == 10
    assert (w["voorzieningen_zin_procent"], w["voorzieningen_pgb_procent"]) == (75.0, 25.0)
    assert cijfers["voorzieningen"] == {
        "toegekend": 10,
        "top_zorgaanbieders": [{"naam": "Santé", "aantal": 5}],
        "overige_zorgaanbieders": 3,
        "zonder_zorgaanbieder": 2,
    }
    assert {g["naam"]: g["waarden"]["voorzieningen_zin_procent"] for g in cijfers["kpis_per_wet"]}[
        "Wmo 2015"
    ] == 75.0
    assert weergave(cijfers, drempel=5)["aanbieders"] == [
        ("Santé", "5", "50,0%"),
        ("Overige aanbieders", "3", "30,0%"),
        ("Geen aanbieder vastgelegd", "2", "20,0%"),
    ]


def test_pdf_bijlage_definities_en_niet_in_deze_registratie(toegekend):
    cijfers = monitor_berekenen(Q1_2024, vandaag=date(2024, 4, 15))
    pdf, _paginas = rapport_pdf(cijfers)
    tekst = " ".join(pdf_tekst(pdf).split())
    for naam in (
        "Unieke inwoners",
        "Meldingen, inwoner 0–17 jaar",
        "Meldingen, inwoner 65 jaar en ouder",
        "Ondersteuning volgens plan afgerond",
        "Aandeel zorg in natura (ZIN)",
        "Aandeel persoonsgebonden budget (PGB)",
        "De vijf grootste zorgaanbieders",
    ):
        assert naam in tekst, naam
    for naam in ("Kosten per inwoner", "Uitputting van het budget", "Bezwaar en beroep"):
        assert f"{naam}" in tekst and "niet in deze registratie" in tekst
    assert "Santé" in tekst and "Forte Welzijn" not in tekst  # under the threshold: grouped
