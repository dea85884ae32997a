"""KPIs against numbers computed on paper, from facts made by hand."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from monitor import kpis
from monitor.berekening import Selectie, context_voor, kpis_berekenen, monitor_berekenen, status
from monitor.models import CasusFeit, Streefwaarde
from monitor.periode import Periode

from .conftest import feit

Q1_2019 = Periode.uit_tekst("2019Q1")


def waarden(cijfers: dict) -> dict:
    return {k["code"]: k["waarde"] for k in cijfers["kpis"]}


@pytest.fixture
def kwartaal(personas, leefgebieden, kern_elst, kern_driel):
    """Q1 2019: six meldingen (four in Elst, two in Driel); Q1 2018: five."""
    a, b = personas.team_a, personas.team_b
    lg = leefgebieden
    # Q1 2018, for the growth figure: 5 meldingen.
    for dag in (3, 10, 17, 24, 31):
        feit(datum=date(2018, 1, dag), team=a, afgesloten_op=date(2018, 2, 28), uitstroom="eigen_kracht")
    # 1: contact after 2 days, closed with eigen kracht, jeugd, two leefgebieden.
    feit(
        datum=date(2019, 1, 7),
        team=a,
        kern=kern_elst,
        jeugd=True,
        triage_uitkomst="kernteam",
        eerste_contact_op=date(2019, 1, 9),
        afgesloten_op=date(2019, 2, 1),
        uitstroom="eigen_kracht",
        contactmomenten=3,
        leefgebieden=[lg["financien"], lg["huisvesting"]],
        ingang="telefoon",
        melder="inwoner",
    )
    # 2: contact after exactly 5 days (within the term), maatwerk via the loket.
    feit(
        datum=date(2019, 1, 14),
        team=a,
        kern=kern_elst,
        triage_uitkomst="kernteam",
        eerste_contact_op=date(2019, 1, 19),
        afgesloten_op=date(2019, 3, 1),
        uitstroom="maatwerk_loket",
        contactmomenten=10,
        maximum_bereikt=True,
        leefgebieden=[lg["financien"]],
        ingang="telefoon",
        melder="huisarts",
    )
    # 3: contact after 7 days: too late. Still open at the end of the quarter.
    feit(
        datum=date(2019, 2, 4),
        team=a,
        kern=kern_elst,
        jeugd=True,
        triage_uitkomst="kernteam",
        eerste_contact_op=date(2019, 2, 11),
        contactmomenten=6,
        doorschakelingen=1,
        ingang="email",
        melder="inwoner",
    )
    # 4: no contact, open, registered long before the end: late, and on the wachtlijst.
    feit(datum=date(2019, 3, 1), team=a, kern=kern_elst, triage_uitkomst="kernteam", ingang="spreekuur")
    # 5: no contact, open, registered 2 days before the end: within the term (not judged), on the wachtlijst.
    feit(
        datum=date(2019, 3, 29),
        team=b,
        kern=kern_driel,
        triage_uitkomst="kernteam_consulent",
        leefgebieden=[lg["sociaal_netwerk"]],
        ingang="telefoon",
    )
    # 6: answered directly by the poort: no first contact needed, not on the wachtlijst.
    feit(
        datum=date(2019, 3, 4),
        team=b,
        kern=kern_driel,
        triage_uitkomst="direct",
        afgesloten_op=date(2019, 3, 4),
        uitstroom="direct_beantwoord",
        contactmomenten=1,
        ingang="telefoon",
    )
    # Registered in December, still waiting at the end of March: on the wachtlijst of Q1.
    feit(datum=date(2018, 12, 20), team=b, kern=kern_driel, triage_uitkomst="kernteam")
    # Sent to the loket: never on the kernteam's wachtlijst.
    feit(datum=date(2019, 2, 20), team=b, triage_uitkomst="loket", ingang="loket")
    return personas


def test_meldingen_en_groei(kwartaal):
    w = waarden(monitor_berekenen(Q1_2019))
    assert w["meldingen_totaal"] == 7  # six + the loket melding
    assert w["meldingen_vorig_jaar"] == 5
    assert w["meldingen_groei_procent"] == 40.0  # (7 - 5) / 5
    assert w["meldingen_jeugd_procent"] == round(100 * 2 / 7, 1)
    assert w["doorgeschakeld_procent"] == round(100 * 1 / 7, 1)


def test_groei_is_leeg_zonder_meldingen_vorig_jaar(personas):
    feit(datum=date(2019, 2, 1), team=personas.team_a)
    cijfers = monitor_berekenen(Q1_2019)
    assert cijfers["meldingen"]["zelfde_periode_vorig_jaar"] == 0
    assert cijfers["meldingen"]["groei_procent"] is None


def test_eerste_contact_en_wachtlijst(kwartaal):
    w = waarden(monitor_berekenen(Q1_2019))
    # Judged: 1 (2 days), 2 (5 days), 3 (7 days), 4 (no contact, term passed); not 5 (term running),
    # 6 (direct) or the loket melding. On time: 1 and 2.
    assert w["eerste_contact_binnen_termijn_procent"] == 50.0
    assert w["dagen_tot_eerste_contact"] == round((2 + 5 + 7) / 3, 1)
    # Open without contact on 31 March: 4, 5 and the December melding; 4 and December wait > 5 days.
    assert w["wachtlijst"] == 3
    assert w["wachtlijst_te_laat"] == 2


def test_contactmomenten_en_uitstroom(kwartaal):
    cijfers = monitor_berekenen(Q1_2019)
    w = waarden(cijfers)
    # With contactmomenten: 3, 10, 6, 1 -> within five: 2 of 4; at the maximum (10): 1 of 4.
    assert w["casussen_tot_en_met_5_contactmomenten_procent"] == 50.0
    assert w["casussen_maximum_bereikt_procent"] == 25.0
    assert cijfers["meldingen"]["contactmomenten"]["tot_en_met_5_procent"] == 50.0
    assert cijfers["meldingen"]["contactmomenten"]["maximum_bereikt_procent"] == 25.0
    # Closed by 31 March with a known uitstroom: 1 (eigen kracht), 2 (maatwerk), 6 (direct).
    assert w["meldingen_afgesloten"] == 3
    assert w["uitstroom_eigen_oplossing_procent"] == round(100 * 2 / 3, 1)
    assert w["uitstroom_maatwerk_procent"] == round(100 * 1 / 3, 1)


def test_verdelingen(kwartaal):
    m = monitor_berekenen(Q1_2019)["meldingen"]
    assert m["per_maand"] == {"2019-01": 2, "2019-02": 2, "2019-03": 3}
    assert m["per_team"] == {"Elst": 4, "Driel": 3}
    assert m["per_team_per_maand"]["Driel"] == {"2019-01": 0, "2019-02": 1, "2019-03": 2}
    # A melding with two leefgebieden counts in both; four meldingen have none.
    assert {k: v for k, v in m["per_leefgebied"].items() if v} == {
        "Financiën": 2,
        "Huisvesting": 1,
        "Sociaal netwerk": 1,
        "onbekend": 4,
    }
    assert m["per_team_per_leefgebied"]["Elst"] == {"Financiën": 2, "Huisvesting": 1, "onbekend": 2}
    assert m["per_ingang"] == {"telefoon": 4, "email": 1, "spreekuur": 1, "loket": 1}
    assert m["per_melder"]["inwoner"] == 2
    assert m["jeugd"] == 2


def test_per_team_en_kern(kwartaal, kern_elst):
    cijfers = monitor_berekenen(Q1_2019)
    teams = {g["naam"]: g for g in cijfers["kpis_per_team"]}
    assert teams["Elst"]["waarden"]["meldingen_totaal"] == 4
    assert teams["Elst"]["waarden"]["eerste_contact_binnen_termijn_procent"] == 50.0
    assert teams["Elst"]["noemers"]["eerste_contact_binnen_termijn_procent"] == 4
    assert teams["Driel"]["waarden"]["wachtlijst"] == 2
    assert teams["Driel"]["waarden"]["meldingen_groei_procent"] is None  # no Driel meldingen in 2018
    kernen = {g["naam"]: g for g in cijfers["kpis_per_kern"]}
    assert kernen["Elst"]["waarden"]["meldingen_totaal"] == 4
    assert kernen["onbekend"]["waarden"]["meldingen_totaal"] == 1  # the loket melding has no kern


def test_filter_op_team_en_kern(kwartaal, kern_driel):
    team = monitor_berekenen(Q1_2019, Selectie(team=kwartaal.team_b))
    assert team["meldingen"]["totaal"] == 3
    assert list(team["meldingen"]["per_team"]) == ["Driel"]
    kern = monitor_berekenen(Q1_2019, Selectie(kern=kern_driel))
    assert kern["meldingen"]["totaal"] == 2


def test_casus_kpis(personas):
    a = personas.team_a
    # Closed in Q1 2019: contactmomenten 2 and 4, grades 7 and 8, ZRM +2 over 2 domains and +1 over 3.
    CasusFeit.objects.create(
        casus_id=1,
        team=a,
        startdatum=date(2018, 12, 1),
        afgesloten_op=date(2019, 1, 20),
        contactmomenten=2,
        cijfer=7,
        zrm_domeinen=2,
        zrm_verschil=2,
        afsluitreden="doel_bereikt",
    )
    CasusFeit.objects.create(
        casus_id=2,
        team=a,
        startdatum=date(2019, 1, 10),
        afgesloten_op=date(2019, 3, 20),
        contactmomenten=4,
        cijfer=8,
        zrm_domeinen=3,
        zrm_verschil=1,
        afsluitreden="opgeschaald_loket",
        gezamenlijke_huisbezoeken=1,
    )
    CasusFeit.objects.create(casus_id=3, team=a, startdatum=date(2019, 2, 1), contactmomenten=1)
    # Closed three months before Q1 (the effect window 3 Oct – 31 Dec 2018): one without maatwerk,
    # one with, one not yet measured.
    CasusFeit.objects.create(
        casus_id=4, team=a, afgesloten_op=date(2018, 10, 15), maatwerk_na_afsluiten=False
    )
    CasusFeit.objects.create(casus_id=5, team=a, afgesloten_op=date(2018, 12, 15), maatwerk_na_afsluiten=True)
    CasusFeit.objects.create(casus_id=6, team=a, afgesloten_op=date(2018, 11, 15), maatwerk_na_afsluiten=None)
    w = waarden(monitor_berekenen(Q1_2019))
    assert w["casussen_gestart"] == 2
    assert w["casussen_afgesloten"] == 2
    assert w["contactmomenten_per_casus"] == 3.0
    assert w["clienttevredenheid_cijfer"] == 7.5
    assert w["zrm_verandering"] == round(3 / 5, 1)
    assert w["casussen_opgeschaald_procent"] == 50.0
    assert w["zonder_maatwerk_na_3_maanden_procent"] == 50.0


def test_streefwaarden_uit_profiel_en_van_de_coordinator(kwartaal, profiel):
    profiel.instellingen["streefwaarden"] = {
        "eerste_contact_binnen_termijn_procent": 40,
        "casussen_maximum_bereikt_procent": 5,
    }
    profiel.save()
    kpi_per_code = {k["code"]: k for k in monitor_berekenen(Q1_2019)["kpis"]}
    assert kpi_per_code["eerste_contact_binnen_termijn_procent"]["streefwaarde"] == 40.0
    assert kpi_per_code["eerste_contact_binnen_termijn_procent"]["status"] == "gehaald"  # 50 >= 40
    # Lower is better: 25% at the maximum against a target of 5% is not met.
    assert kpi_per_code["casussen_maximum_bereikt_procent"]["status"] == "niet_gehaald"
    assert kpi_per_code["meldingen_totaal"]["status"] == "geen_streefwaarde"

    Streefwaarde.objects.create(kpi="eerste_contact_binnen_termijn_procent", waarde=Decimal("90.0"))
    Streefwaarde.objects.create(kpi="casussen_maximum_bereikt_procent", waarde=None)  # explicitly none
    kpi_per_code = {k["code"]: k for k in monitor_berekenen(Q1_2019)["kpis"]}
    assert kpi_per_code["eerste_contact_binnen_termijn_procent"]["streefwaarde"] == 90.0
    assert kpi_per_code["eerste_contact_binnen_termijn_procent"]["status"] == "niet_gehaald"
    assert kpi_per_code["casussen_maximum_bereikt_procent"]["streefwaarde"] is None


def test_status_regels():
    hoger = kpis.kpi("eerste_contact_binnen_termijn_procent")
    lager = kpis.kpi("wachtlijst")
    assert status(hoger, 90.0, 90.0) == "gehaald"
    assert status(hoger, 89.9, 90.0) == "niet_gehaald"
    assert status(lager, 3, 5) == "gehaald"
    assert status(lager, 6, 5) == "niet_gehaald"
    assert status(hoger, None, 90) == "onbekend"
    assert status(hoger, 50, None) == "geen_streefwaarde"


def test_elke_kpi_heeft_een_definitie_en_een_bekende_eenheid():
    for k in kpis.KPIS:
        assert k.naam and len(k.definitie) > 40, k.code
        assert k.eenheid in kpis.Eenheid and k.richting in kpis.Richting
        # Exactly one way to its value: counted, derived from other KPIs, a percentile of a field, or
        # the distinct values of a field.
        manieren = [k.teller is not None, k.afgeleid is not None, k.is_kwantiel, bool(k.uniek)]
        assert manieren.count(True) == 1, k.code
        assert not k.is_kwantiel or (k.veld and 0 < k.kwantiel < 1), k.code
    # The streefwaarden of every shipped profile refer to existing KPIs.
    import tomllib
    from pathlib import Path

    for pad in Path("skt/profielen").glob("*.toml"):
        for code in tomllib.loads(pad.read_text())["streefwaarden"]:
            assert code in kpis.PER_CODE, (pad.name, code)


def test_het_aantal_queries_hangt_niet_af_van_het_aantal_meldingen(personas, leefgebieden):
    def tellen() -> int:
        with CaptureQueriesContext(connection) as queries:
            monitor_berekenen(Q1_2019)
        return len(queries)

    for i in range(5):
        feit(datum=date(2019, 1, 1 + i), team=personas.team_a, leefgebieden=[leefgebieden["financien"]])
    weinig = tellen()
    for i in range(60):
        feit(
            datum=date(2019, 1 + i % 3, 1 + i % 28),
            team=personas.team_a if i % 2 else personas.team_b,
            leefgebieden=[leefgebieden["huisvesting"]],
            contactmomenten=i % 11,
        )
    assert tellen() == weinig
    assert weinig < 60


def test_kpis_per_groep_in_een_query_per_verzameling(kwartaal):
    ctx = context_voor(Q1_2019)
    with CaptureQueriesContext(connection) as queries:
        kpis_berekenen(ctx, Selectie(), "team")
    beschikbare = {k.verzameling for k in kpis.KPIS if k.afgeleid is None and not k.uniek}
    # A distinct count (unique inwoners) is no sum of groups: its own query for the whole, per team
    # and per kern.
    uniek = [k for k in kpis.KPIS if k.uniek]
    assert len(queries) == len(beschikbare) + 3 * len(uniek)
