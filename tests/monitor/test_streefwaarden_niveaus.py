"""Targets per level: beleid records the raad's with their raadsbesluit, the coordinator sets stricter
ones for an own team or cluster, each KPI is judged against the most specific target (and the report
says which), the history is kept, and a frozen report keeps the targets it was judged against.

Hand-computed fixture, 1st quarter 2019, first contact term 5 days:
  Elst  4 meldingen, contact after 2, 2, 2 and 9 days -> 3/4 = 75,0% on time
  Driel 2 meldingen, contact after 1 and 3 days       -> 2/2 = 100,0%
  gemeente                                            -> 5/6 = 83,3%
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from monitor import services
from monitor.berekening import monitor_berekenen
from monitor.models import MonitorRapport, Streefwaarde
from monitor.periode import Periode
from monitor.weergave import weergave
from skt.models import Team, Toegang

from ..factories import team_maken
from .conftest import feit

Q1_2019 = Periode.uit_tekst("2019Q1")
KPI = "eerste_contact_binnen_termijn_procent"
STREEFWAARDEN = reverse("monitor:streefwaarden")
BESLUIT = {"raadsbesluit_datum": date(2019, 3, 12), "raadsbesluit_kenmerk": "RB-2019-012"}


@pytest.fixture
def kwartaal(personas, kern_elst, kern_driel, profiel):
    profiel.instellingen["streefwaarden"] = {}
    profiel.save()
    for dagen in (2, 2, 2, 9):
        d = date(2019, 1, 7)
        feit(datum=d, team=personas.team_a, kern=kern_elst, eerste_contact_op=d + timedelta(days=dagen))
    for dagen in (1, 3):
        d = date(2019, 2, 4)
        feit(datum=d, team=personas.team_b, kern=kern_driel, eerste_contact_op=d + timedelta(days=dagen))
    return personas


def per_team(cijfers: dict) -> dict:
    return {g["naam"]: g for g in cijfers["kpis_per_team"]}


def kpi(cijfers: dict, code: str = KPI) -> dict:
    return next(k for k in cijfers["kpis"] if k["code"] == code)


def test_handberekende_waarden(kwartaal):
    cijfers = monitor_berekenen(Q1_2019)
    assert kpi(cijfers)["waarde"] == 83.3
    assert per_team(cijfers)["Elst"]["waarden"][KPI] == 75.0
    assert per_team(cijfers)["Driel"]["waarden"][KPI] == 100.0


def test_gemeente_tegen_de_raad_team_tegen_eigen_strengere_streefwaarde(kwartaal):
    services.streefwaarde_instellen(door=kwartaal.beleid, kpi=KPI, waarde="70", **BESLUIT)
    services.streefwaarde_instellen(door=kwartaal.coordinator, kpi=KPI, waarde="90", team=kwartaal.team_a)

    cijfers = monitor_berekenen(Q1_2019)

    gemeente = kpi(cijfers)
    assert (gemeente["streefwaarde"], gemeente["status"]) == (70.0, "gehaald")  # 83,3 >= 70
    assert gemeente["streefwaarde_niveau"] == "raad"
    assert gemeente["streefwaarde_bron"] == "raadsbesluit 12-03-2019 (RB-2019-012)"
    elst = per_team(cijfers)["Elst"]["streefwaarden"][KPI]
    assert (elst["waarde"], elst["niveau"], elst["bron"], elst["status"]) == (
        90.0, "team", "team Elst", "niet_gehaald"  # 75 < 90; against the raad's 70 it would be met
    )  # fmt: skip
    driel = per_team(cijfers)["Driel"]["streefwaarden"][KPI]
    assert (driel["waarde"], driel["niveau"], driel["status"]) == (70.0, "raad", "gehaald")

    # The dashboard filtered on Elst judges the whole selection against Elst's own target.
    from monitor.verzamelingen import Selectie

    alleen_elst = kpi(monitor_berekenen(Q1_2019, Selectie(team=kwartaal.team_a)))
    assert (alleen_elst["waarde"], alleen_elst["streefwaarde"], alleen_elst["streefwaarde_bron"]) == (
        75.0, 90.0, "team Elst"
    )  # fmt: skip

    # The report says which target judged each row, for the gemeente and per team.
    w = weergave(cijfers, drempel=None)
    assert next(r for r in w["doelen"] if r.code == KPI).streefwaarde_bron.startswith("raadsbesluit")
    rijen = {(naam, cellen[0]): cellen for naam, cellen in w["team_doelen"].rijen}
    assert rijen[("Elst", "Eerste contact binnen de termijn")][1:] == [
        "75,0%",
        "90,0%",
        "team Elst",
        "niet gehaald",
    ]


def test_profiel_als_niets_anders_geldt_en_een_geleegde_teamwaarde_valt_terug(kwartaal, profiel):
    profiel.instellingen["streefwaarden"] = {KPI: 80}
    profiel.save()
    assert kpi(monitor_berekenen(Q1_2019))["streefwaarde_niveau"] == "profiel"
    services.streefwaarde_instellen(door=kwartaal.coordinator, kpi=KPI, waarde="95", team=kwartaal.team_b)
    services.streefwaarde_instellen(door=kwartaal.coordinator, kpi=KPI, waarde="", team=kwartaal.team_b)
    driel = per_team(monitor_berekenen(Q1_2019))["Driel"]["streefwaarden"][KPI]
    assert (driel["waarde"], driel["niveau"]) == (80.0, "profiel")


def test_cluster_streefwaarde(kwartaal, kern_elst):
    cluster = team_maken("Hulpverlening jeugd", soort=Team.Soort.CLUSTER)
    cluster.leden.add(kwartaal.coordinator)
    for dagen in (1, 8):
        d = date(2019, 3, 4)
        feit(datum=d, team=cluster, kern=kern_elst, eerste_contact_op=d + timedelta(days=dagen))
    services.streefwaarde_instellen(door=kwartaal.coordinator, kpi=KPI, waarde="50", team=cluster)

    doel = per_team(monitor_berekenen(Q1_2019))["Hulpverlening jeugd"]["streefwaarden"][KPI]
    assert (doel["niveau"], doel["bron"], doel["status"]) == (
        "cluster",
        "cluster Hulpverlening jeugd",
        "gehaald",
    )


def test_lager_is_beter_strenger_is_lager(kwartaal):
    services.streefwaarde_instellen(door=kwartaal.beleid, kpi="wachtlijst", waarde="10", **BESLUIT)
    with pytest.raises(ValidationError, match="niet soepeler"):
        services.streefwaarde_instellen(
            door=kwartaal.coordinator, kpi="wachtlijst", waarde="12", team=kwartaal.team_a
        )
    services.streefwaarde_instellen(
        door=kwartaal.coordinator, kpi="wachtlijst", waarde="8", team=kwartaal.team_a
    )
    assert Streefwaarde.objects.get(kpi="wachtlijst", team=kwartaal.team_a).waarde == Decimal("8.0")


# -- who sets what, and bad input ---------------------------------------------------------------------


def test_coordinator_zet_geen_streefwaarde_van_de_raad(kwartaal, als):
    with pytest.raises(PermissionDenied):
        services.streefwaarde_instellen(door=kwartaal.coordinator, kpi=KPI, waarde="70", **BESLUIT)
    antwoord = als(kwartaal.coordinator).post(
        STREEFWAARDEN, {f"kpi_{KPI}": "70", "raadsbesluit_datum": "2019-03-12", "raadsbesluit_kenmerk": "X"}
    )
    assert antwoord.status_code == 403
    assert not Streefwaarde.objects.exists()
    assert Toegang.objects.filter(medewerker=kwartaal.coordinator, resultaat="geweigerd").exists()


def test_beleid_zet_geen_teamstreefwaarde_en_coordinator_niet_voor_een_ander_team(kwartaal, als):
    ander = team_maken("Ander")
    with pytest.raises(PermissionDenied):
        services.streefwaarde_instellen(door=kwartaal.beleid, kpi=KPI, waarde="95", team=kwartaal.team_a)
    with pytest.raises(PermissionDenied):
        services.streefwaarde_instellen(door=kwartaal.coordinator, kpi=KPI, waarde="95", team=ander)
    assert als(kwartaal.beleid).post(f"{STREEFWAARDEN}?team=elst", {f"kpi_{KPI}": "95"}).status_code == 404
    assert (
        als(kwartaal.coordinator).post(f"{STREEFWAARDEN}?team=ander", {f"kpi_{KPI}": "95"}).status_code == 404
    )
    for wie in (kwartaal.beroepskracht, kwartaal.consulent, kwartaal.poort):
        with pytest.raises(PermissionDenied):
            services.streefwaarde_instellen(door=wie, kpi=KPI, waarde="95", team=kwartaal.team_a)
    assert not Streefwaarde.objects.exists()


def test_raad_zonder_raadsbesluit_of_in_de_toekomst(kwartaal, als):
    client = als(kwartaal.beleid)
    zonder = client.post(STREEFWAARDEN, {f"kpi_{KPI}": "70"})
    assert zonder.status_code == 200
    assert "Vul de datum en het kenmerk van het raadsbesluit in" in zonder.content.decode()
    toekomst = client.post(
        STREEFWAARDEN,
        {f"kpi_{KPI}": "70", "raadsbesluit_datum": "2999-01-01", "raadsbesluit_kenmerk": "RB-1"},
    )
    assert "kan niet in de toekomst liggen" in toekomst.content.decode()
    assert not Streefwaarde.objects.exists()


def test_soepeler_teamstreefwaarde_wordt_geweigerd_en_niets_verandert(kwartaal, als):
    services.streefwaarde_instellen(door=kwartaal.beleid, kpi=KPI, waarde="80", **BESLUIT)
    antwoord = als(kwartaal.coordinator).post(
        f"{STREEFWAARDEN}?team=elst", {f"kpi_{KPI}": "75", "kpi_clienttevredenheid_cijfer": "8"}
    )
    assert antwoord.status_code == 200
    assert (
        "mag niet soepeler zijn dan die van de gemeente (80,0%, hoger is beter)" in antwoord.content.decode()
    )
    # All or nothing: the valid second target was not kept either.
    assert not Streefwaarde.objects.filter(team__isnull=False).exists()


def test_coordinator_via_het_scherm_en_de_geschiedenis(kwartaal, als):
    client = als(kwartaal.coordinator)
    assert client.get(f"{STREEFWAARDEN}?team=elst").status_code == 200
    assert (
        client.post(
            f"{STREEFWAARDEN}?team=elst", {f"kpi_{KPI}": "92", "toelichting": "Eigen doel"}
        ).status_code
        == 302
    )
    client.post(f"{STREEFWAARDEN}?team=elst", {f"kpi_{KPI}": "95"})
    geschiedenis = Streefwaarde.history.filter(kpi=KPI, team=kwartaal.team_a).order_by("history_date")
    assert [float(h.waarde) for h in geschiedenis] == [92.0, 95.0]
    assert "Ander" not in client.get(STREEFWAARDEN).content.decode()


# -- a frozen report keeps its targets ----------------------------------------------------------------


def test_bevroren_rapport_houdt_zijn_streefwaarden(kwartaal):
    services.streefwaarde_instellen(door=kwartaal.beleid, kpi=KPI, waarde="70", **BESLUIT)
    services.streefwaarde_instellen(door=kwartaal.coordinator, kpi=KPI, waarde="90", team=kwartaal.team_a)
    rapport = services.rapport_aanvragen(periode=Q1_2019, via="commando", met_pdf=False, in_wachtrij=False)
    services.rapport_bouwen(rapport_id=rapport.pk)

    services.streefwaarde_instellen(
        door=kwartaal.beleid,
        kpi=KPI,
        waarde="85",
        raadsbesluit_datum=date(2020, 1, 1),
        raadsbesluit_kenmerk="RB-2",
    )
    services.streefwaarde_instellen(door=kwartaal.coordinator, kpi=KPI, waarde="", team=kwartaal.team_a)

    cijfers = MonitorRapport.objects.get(pk=rapport.pk).cijfers
    assert kpi(cijfers)["streefwaarde"] == 70.0
    assert per_team(cijfers)["Elst"]["streefwaarden"][KPI]["waarde"] == 90.0
    assert cijfers["streefwaarden"]["gemeente"][KPI]["bron"] == "raadsbesluit 12-03-2019 (RB-2019-012)"
    assert cijfers["streefwaarden"]["team"]["Elst"][KPI]["waarde"] == 90.0
    # Live figures follow the new targets.
    assert kpi(monitor_berekenen(Q1_2019))["streefwaarde"] == 85.0
