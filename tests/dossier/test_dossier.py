"""The dossier: one timeline per inwoner, each role at its level, every look logged."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt.models import Noodtoegang, Toegang

from ..factories import HuishoudenFactory, InwonerFactory

pytestmark = pytest.mark.django_db


def melding(personas, inwoner, *, uitkomst="kernteam", vraag="Hulp bij de administratie", team=None, **extra):
    m, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        vraag=vraag,
        **{"melder_soort": "inwoner", **extra},
    )
    melding_trieren(door=personas.poort, melding=m, uitkomst=uitkomst, reden="triage", team=team)
    return m


@pytest.fixture
def inwoner(kern_elst):
    return InwonerFactory(kern=kern_elst)


def test_eigen_team_ziet_inhoud_ander_team_alleen_mijlpaal(personas, als, inwoner):
    melding(personas, inwoner, vraag="Schulden bij de energieleverancier")
    melding(personas, inwoner, vraag="Eenzaamheid sinds verhuizing", team=personas.team_b)
    inhoud = als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/").content.decode()
    assert "Schulden bij de energieleverancier" in inhoud
    assert "Eenzaamheid sinds verhuizing" not in inhoud
    assert "Melding bij Driel" in inhoud  # the milestone, without content


def test_veilig_thuis_ontbreekt_voor_kernteam_maar_niet_voor_loket(personas, als, inwoner):
    melding(personas, inwoner, vraag="Gewone vraag")
    melding(personas, inwoner, uitkomst="veilig_thuis", vraag="Zorgen over veiligheid kinderen")
    kernteam = als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/").content.decode()
    assert "Zorgen over veiligheid" not in kernteam
    assert "Veilig" not in kernteam and "Loket Samenleven" not in kernteam
    loket = als(personas.consulent).get(f"/inwoners/{inwoner.uuid}/").content.decode()
    assert "Zorgen over veiligheid kinderen" in loket


def test_tijdlijn_filtert_op_soort_en_periode(personas, als, inwoner):
    melding(personas, inwoner, vraag="Eerste vraag")
    client = als(personas.beroepskracht)
    alleen_triage = client.get(f"/inwoners/{inwoner.uuid}/", {"soort": "triage"}).content.decode()
    assert "Eerste vraag" not in alleen_triage and "Triage: Naar het kernteam" in alleen_triage
    toekomst = (timezone.localdate() + timedelta(days=1)).isoformat()
    leeg = client.get(f"/inwoners/{inwoner.uuid}/", {"van": toekomst}).content.decode()
    assert "Nog niets in dit dossier met deze filters" in leeg


def test_dossier_heeft_constant_aantal_queries(personas, als, inwoner):
    client = als(personas.beroepskracht)
    aantallen = []
    for n in (1, 20):
        while inwoner.meldingen.count() < n:
            melding(personas, inwoner)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/inwoners/{inwoner.uuid}/").status_code == 200
        aantallen.append(len(queries))
    assert aantallen[0] == aantallen[1], aantallen


def test_break_the_glass_met_reden_en_beoordeling(personas, als, inwoner):
    melding(personas, inwoner, vraag="Inhoud voor team Elst")
    client = als(personas.beroepskracht2)
    assert client.get(f"/inwoners/{inwoner.uuid}/").status_code == 404
    zoek = client.get("/inwoners/", {"q": inwoner.achternaam}).content.decode()
    assert inwoner.naam not in zoek

    te_kort = client.post("/noodtoegang/", {"inwoner": str(inwoner.uuid), "reden": "nodig", "bevestig": "on"})
    assert "minstens 8 woorden" in te_kort.content.decode()
    assert Noodtoegang.objects.count() == 0

    reden = "Casushouder is ziek en de inwoner belt met een dringende vraag over de huur."
    response = client.post("/noodtoegang/", {"inwoner": str(inwoner.uuid), "reden": reden, "bevestig": "on"})
    assert response.status_code == 302
    inhoud = client.get(f"/inwoners/{inwoner.uuid}/").content.decode()
    assert "Inhoud voor team Elst" in inhoud and "Noodtoegang" in inhoud
    assert (
        Toegang.objects.filter(
            medewerker=personas.beroepskracht2,
            inwoner=inwoner,
            actie="break_the_glass",
            resultaat="toegestaan",
        ).count()
        == 2
    )

    lijst = als(personas.coordinator).get("/noodtoegang/beoordelen/").content.decode()
    assert reden in lijst
    nood = Noodtoegang.objects.get()
    als(personas.coordinator).post(
        "/noodtoegang/beoordelen/", {"noodtoegang": str(nood.uuid), "oordeel": "terecht"}
    )
    nood.refresh_from_db()
    assert nood.oordeel == "terecht" and nood.beoordeeld_door == personas.coordinator


def test_noodtoegang_verloopt(personas, als, inwoner):
    melding(personas, inwoner)
    Noodtoegang.objects.create(
        medewerker=personas.beroepskracht2,
        inwoner=inwoner,
        reden="x" * 30,
        van=timezone.now() - timedelta(hours=9),
        tot=timezone.now() - timedelta(hours=1),
    )
    assert als(personas.beroepskracht2).get(f"/inwoners/{inwoner.uuid}/").status_code == 404


@pytest.mark.parametrize("persona", ["vrijwilliger", "poort", "beleid", "beheerder"])
def test_noodtoegang_niet_voor_deze_rollen(personas, als, inwoner, persona):
    response = als(getattr(personas, persona)).post(
        "/noodtoegang/", {"inwoner": str(inwoner.uuid), "reden": "x" * 40, "bevestig": "on"}
    )
    assert response.status_code == 403
    assert Noodtoegang.objects.count() == 0


def test_wie_keek_alleen_voor_coordinator(personas, als, inwoner):
    melding(personas, inwoner)
    als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/")
    inhoud = als(personas.coordinator).get(f"/inwoners/{inwoner.uuid}/toegang/").content.decode()
    assert str(personas.beroepskracht) in inhoud
    for persona in ("beroepskracht", "beroepskracht2", "consulent", "vrijwilliger", "beleid", "poort"):
        assert als(getattr(personas, persona)).get(f"/inwoners/{inwoner.uuid}/toegang/").status_code == 404


def test_inzage_export_bevat_alles_van_de_inwoner_en_niets_van_anderen(personas, als, inwoner, kern_elst):
    buurman = InwonerFactory(kern=kern_elst, achternaam="Buurmansen")
    melding(
        personas,
        inwoner,
        vraag="Vraag van de inwoner zelf",
        melder_soort="buurtbewoner",
        melder_naam="Henk Melder",
        melder_bereikbaar="06-11112222",
        melder_wil_terugkoppeling=True,
    )
    melding(personas, buurman, vraag="Vraag van de buurman")
    response = als(personas.coordinator).get(f"/inwoners/{inwoner.uuid}/inzage.json")
    assert response.status_code == 200
    gegevens = json.loads(response.content)
    tekst = response.content.decode()
    assert gegevens["inwoner"]["bsn"] == inwoner.bsn
    assert [m["vraag"] for m in gegevens["meldingen"]] == ["Vraag van de inwoner zelf"]
    assert "Buurmansen" not in tekst and "Vraag van de buurman" not in tekst
    assert "Henk Melder" not in tekst and "06-11112222" not in tekst  # a third party's data
    assert gegevens["toegangslog"], "the access log is part of the inzage"
    assert Toegang.objects.filter(inwoner=inwoner, actie="export", reden="AVG inzageverzoek").exists()


def test_inzage_pdf(personas, als, inwoner):
    from io import BytesIO

    from pypdf import PdfReader

    melding(personas, inwoner, vraag="Vraag voor de PDF")
    response = als(personas.coordinator).get(f"/inwoners/{inwoner.uuid}/inzage.pdf")
    assert response["Content-Type"] == "application/pdf"
    tekst = "".join(p.extract_text() for p in PdfReader(BytesIO(response.content)).pages)
    assert "Vraag voor de PDF" in tekst and inwoner.achternaam in tekst
    assert als(personas.beroepskracht).get(f"/inwoners/{inwoner.uuid}/inzage.pdf").status_code == 404


def test_huishouden_toont_zichtbare_leden_en_regisseur(personas, als, kern_elst):
    huis = HuishoudenFactory(naam="Huishouden Visser")
    ouder = InwonerFactory(kern=kern_elst, huishouden=huis)
    kind = InwonerFactory(kern=kern_elst, huishouden=huis, jeugd=True)
    melding(personas, ouder)
    client = als(personas.beroepskracht)
    inhoud = client.get(f"/huishoudens/{huis.uuid}/").content.decode()
    assert ouder.naam in inhoud and kind.naam not in inhoud
    assert "1 ander" in inhoud
    # Naming a regisseur grants nothing (issue 11): not involved with the child, so not a regisseur.
    response = client.post(f"/huishoudens/{huis.uuid}/", {"regisseur": personas.beroepskracht.pk})
    assert response.status_code == 200
    huis.refresh_from_db()
    assert huis.regisseur is None
    assert als(personas.beroepskracht).get(f"/inwoners/{kind.uuid}/").status_code == 404
    # Once the team is involved with every member, the beroepskracht may be the regisseur.
    from skt import rechten

    rechten.inwoner_toegang_geven(kind, personas.team_a, soort="melding")
    response = client.post(f"/huishoudens/{huis.uuid}/", {"regisseur": personas.beroepskracht.pk})
    assert response.status_code == 302
    huis.refresh_from_db()
    assert huis.regisseur == personas.beroepskracht
    assert als(personas.beroepskracht2).get(f"/huishoudens/{huis.uuid}/").status_code == 404
