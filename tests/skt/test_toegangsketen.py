"""The access log is tamper-evident: a sealed hash chain, its check, a trigger, a logged cut-off."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from skt import rechten, toegangsketen
from skt.models import Toegang, ToegangAfkapping, ToegangInwoner, Toegangsketen

from ..factories import InwonerFactory, profiel_maken

pytestmark = pytest.mark.django_db

alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="de trigger bestaat alleen op PostgreSQL"
)


def _regel(**velden) -> Toegang:
    standaard = {"actie": "lezen", "resultaat": "toegestaan", "object_soort": "inwoner", "pad": "/x/"}
    return Toegang.objects.create(**(standaard | velden))


def _controle_fout() -> str:
    with pytest.raises(CommandError) as fout:
        call_command("controleer_toegangslog", "--alleen-lezen", stdout=open("/dev/null", "w"))
    return str(fout.value)


def _rauw(sql: str, params=()) -> None:
    """Change the table the way someone with database access would, the trigger switched off."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A superuser's way past every trigger of this session (the tests connect as postgres).
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


@pytest.fixture
def log():
    """Five rows, one of them a list view that showed two inwoners; all sealed."""
    a, b = InwonerFactory(), InwonerFactory()
    rijen = [_regel(reden=f"regel {n}") for n in range(4)]
    lijst = _regel(object_soort="wachtrij", reden="lijst")
    ToegangInwoner.objects.create(toegang=lijst, inwoner=a)
    ToegangInwoner.objects.create(toegang=lijst, inwoner=b)
    assert toegangsketen.toegangslog_verzegelen() == 5
    return rijen + [lijst]


def test_verzegelen_geeft_elke_regel_een_volgnummer_en_een_hash(log):
    nummers = list(Toegang.objects.order_by("pk").values_list("keten_volgnummer", "keten_hash"))
    assert [n for n, _h in nummers] == [1, 2, 3, 4, 5]
    assert all(len(h) == 64 for _n, h in nummers)
    assert len({h for _n, h in nummers}) == 5
    stand = Toegangsketen.objects.get(pk=1)
    assert (stand.volgnummer, stand.hash) == nummers[-1]
    uitkomst = toegangsketen.toegangslog_controleren()
    assert uitkomst.in_orde and uitkomst.gecontroleerd == 5 and uitkomst.onverzegeld == 0


def test_een_tweede_verzegeling_vindt_niets(log):
    assert toegangsketen.toegangslog_verzegelen() == 0
    _regel()
    assert toegangsketen.toegangslog_verzegelen() == 1
    assert toegangsketen.toegangslog_controleren().gecontroleerd == 6


def test_verzegelen_in_partijen_geeft_dezelfde_keten():
    for n in range(7):
        _regel(reden=str(n))
    assert toegangsketen.toegangslog_verzegelen(partij=3) == 7
    assert toegangsketen.toegangslog_controleren().in_orde


def test_een_laat_vastgelegde_regel_met_een_lager_id_komt_achteraan_in_de_keten(log):
    laat = Toegang.objects.create(id=log[0].pk - 1000 if log[0].pk > 1000 else 10**9, actie="lezen")
    toegangsketen.toegangslog_verzegelen()
    laat.refresh_from_db()
    assert laat.keten_volgnummer == 6
    assert toegangsketen.toegangslog_controleren().in_orde


def test_het_commando_meldt_een_keten_in_orde(log):
    _regel()
    uit = _uitvoer("controleer_toegangslog")
    assert "1 nieuwe regels verzegeld" in uit
    assert "Toegangslog in orde: 6 regels gecontroleerd" in uit


def _uitvoer(*args) -> str:
    from io import StringIO

    buffer = StringIO()
    call_command(*args, stdout=buffer)
    return buffer.getvalue()


def test_een_direct_in_de_database_gewijzigde_regel_wordt_gevonden(log):
    _rauw("UPDATE skt_toegang SET reden = %s WHERE id = %s", ["niets gezien", log[2].pk])
    fout = _controle_fout()
    assert f"regel {log[2].pk} " in fout and "gewijzigd" in fout
    assert "2 regels waren in orde" in fout


def test_een_gewijzigde_lijst_van_getoonde_inwoners_wordt_gevonden(log):
    _rauw("DELETE FROM skt_toeganginwoner WHERE toegang_id = %s", [log[4].pk])
    assert f"regel {log[4].pk} " in _controle_fout()


def test_een_verwijderde_regel_in_het_midden_wordt_gevonden(log):
    _rauw("DELETE FROM skt_toegang WHERE id = %s", [log[1].pk])
    fout = _controle_fout()
    assert "regel(s) 2 t/m 2 van de keten ontbreken" in fout and f"vóór regel {log[2].pk}" in fout


def test_verwijderde_laatste_regels_worden_gevonden(log):
    _rauw("DELETE FROM skt_toeganginwoner WHERE toegang_id = %s", [log[4].pk])
    _rauw("DELETE FROM skt_toegang WHERE id = %s", [log[4].pk])
    assert "de laatste regels van de keten ontbreken: verzegeld t/m 5, aanwezig t/m 4" in _controle_fout()


def test_een_hash_die_mee_is_herberekend_breekt_de_keten_bij_de_volgende_regel(log):
    """Rewriting a row and its own hash still breaks the next row, which chains the old hash."""
    rij = log[1]
    rij.refresh_from_db()
    vorige = Toegang.objects.get(keten_volgnummer=1).keten_hash
    waarden = Toegang.objects.filter(pk=rij.pk).values(*toegangsketen._VELDEN).get()
    waarden["reden"] = "vervalst"
    nieuwe = toegangsketen.ketenhash(vorige, waarden, [], 2)
    _rauw("UPDATE skt_toegang SET reden = 'vervalst', keten_hash = %s WHERE id = %s", [nieuwe, rij.pk])
    assert f"regel {log[2].pk} " in _controle_fout()


def test_lezen_schrijft_zonder_slot_op_het_toegangslog(personas, als):
    """Writing the log must not serialise requests: the chain is the sealer's, not the request's."""
    inwoner = InwonerFactory()
    rechten.inwoner_toegang_geven(inwoner, personas.team_a)
    client = als(personas.beroepskracht)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/inwoners/{inwoner.uuid}/").status_code == 200
    schrijven = [q["sql"] for q in queries if "skt_toegang" in q["sql"]]
    assert any(sql.startswith("INSERT") for sql in schrijven)
    assert not [sql for sql in schrijven if "FOR UPDATE" in sql or "keten" in sql.split("VALUES")[-1]]
    assert Toegang.objects.filter(inwoner=inwoner).get().keten_volgnummer is None


@alleen_postgresql
def test_de_trigger_weigert_update(log):
    with pytest.raises(DatabaseError, match="kan niet worden gewijzigd"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE skt_toegang SET reden = 'x' WHERE id = %s", [log[0].pk])
    assert Toegang.objects.get(pk=log[0].pk).reden == "regel 0"


@alleen_postgresql
def test_de_trigger_weigert_een_nieuwe_hash_op_een_verzegelde_regel(log):
    with pytest.raises(DatabaseError, match="kan niet worden gewijzigd"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE skt_toegang SET keten_hash = 'x' WHERE id = %s", [log[0].pk])


@alleen_postgresql
def test_de_trigger_weigert_verzegelen_met_een_andere_inhoud():
    rij = _regel(reden="echt")
    with pytest.raises(DatabaseError, match="kan niet worden gewijzigd"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE skt_toegang SET keten_volgnummer = 1, keten_hash = 'x', reden = 'vals' WHERE id = %s",
                [rij.pk],
            )


@alleen_postgresql
def test_de_trigger_weigert_delete(log):
    for sql, params in [
        ("DELETE FROM skt_toegang WHERE id = %s", [log[0].pk]),
        ("DELETE FROM skt_toeganginwoner WHERE toegang_id = %s", [log[4].pk]),
        ("UPDATE skt_toeganginwoner SET inwoner_id = 1 WHERE toegang_id = %s", [log[4].pk]),
    ]:
        with pytest.raises(DatabaseError), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
    assert Toegang.objects.count() == 5
    assert ToegangInwoner.objects.count() == 2


def _oude_log(dagen_oud: list[int]) -> list[Toegang]:
    nu = timezone.now()
    rijen = [_regel(tijdstip=nu - timedelta(days=d), reden=f"{d} dagen oud") for d in dagen_oud]
    toegangsketen.toegangslog_verzegelen()
    return rijen


def test_afkappen_haalt_de_oude_regels_weg_en_houdt_de_keten_controleerbaar():
    rijen = _oude_log([4000, 3000, 2000, 10, 1])
    inwoner = InwonerFactory()
    ToegangInwoner.objects.create(toegang=rijen[1], inwoner=inwoner)
    toegangsketen.toegangslog_verzegelen()
    grens = timezone.now() - timedelta(days=365)

    afkapping = toegangsketen.toegangslog_afkappen(grens=grens, reden="test")

    assert afkapping.aantal == 3 and afkapping.tot_volgnummer == 3
    assert set(Toegang.objects.values_list("reden", flat=True)) >= {"10 dagen oud", "1 dagen oud"}
    assert not Toegang.objects.filter(pk__in=[r.pk for r in rijen[:3]]).exists()
    assert not ToegangInwoner.objects.exists()
    melding = Toegang.objects.get(actie=Toegang.Actie.BEWAARTERMIJN)
    assert melding.reden.startswith("3 regels van vóór") and melding.medewerker is None
    assert toegangsketen.toegangslog_controleren().in_orde
    call_command("controleer_toegangslog", stdout=open("/dev/null", "w"))
    # Nothing is old enough a second time: no second cut-off.
    assert toegangsketen.toegangslog_afkappen(grens=grens, reden="test") is None
    assert ToegangAfkapping.objects.count() == 1


def test_afkappen_neemt_alleen_een_aaneengesloten_begin_van_de_keten():
    """A young row sealed before an old one (late commit) stops the cut-off there: no hole in the chain."""
    _oude_log([4000])
    _regel(reden="jong")
    _regel(tijdstip=timezone.now() - timedelta(days=5000), reden="oud maar laat")
    toegangsketen.toegangslog_verzegelen()
    afkapping = toegangsketen.toegangslog_afkappen(grens=timezone.now() - timedelta(days=365), reden="t")
    assert afkapping.aantal == 1
    assert Toegang.objects.filter(reden="oud maar laat").exists()
    assert toegangsketen.toegangslog_controleren().in_orde


@alleen_postgresql
def test_na_afkappen_weigert_de_trigger_nog_steeds_jongere_regels_te_verwijderen():
    rijen = _oude_log([4000, 1])
    toegangsketen.toegangslog_afkappen(grens=timezone.now() - timedelta(days=365), reden="t")
    with pytest.raises(DatabaseError), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM skt_toegang WHERE id = %s", [rijen[1].pk])
    assert Toegang.objects.filter(pk=rijen[1].pk).exists()


@alleen_postgresql
def test_een_afkapping_kan_niet_worden_gewijzigd():
    _oude_log([4000, 1])
    afkapping = toegangsketen.toegangslog_afkappen(grens=timezone.now() - timedelta(days=365), reden="t")
    with pytest.raises(DatabaseError), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE skt_toegangafkapping SET tot_volgnummer = 99 WHERE id = %s", [afkapping.pk]
            )


def test_de_bewaartermijn_komt_uit_het_profiel():
    profiel = profiel_maken()
    profiel.instellingen = profiel.instellingen | {
        "bewaartermijnen": {
            "met_voorziening_jaren": 15,
            "zonder_voorziening_jaren": 5,
            "toegangslog_jaren": 2,
        }
    }
    profiel.save()
    _oude_log([3 * 365, 1 * 365])
    afkapping = toegangsketen.toegangslog_bewaartermijn_toepassen()
    assert afkapping.aantal == 1
    assert afkapping.reden == "bewaartermijn toegangslog 2 jaar"
    assert Toegang.objects.filter(reden="365 dagen oud").exists()


def test_de_beat_planning_verzegelt_elke_minuut_en_past_de_bewaartermijn_elke_nacht_toe():
    verzegelen = PeriodicTask.objects.get(task="skt.tasks.toegangslog_verzegelen")
    assert verzegelen.enabled and verzegelen.interval.every == 1 and verzegelen.interval.period == "minutes"
    bewaren = PeriodicTask.objects.get(task="skt.tasks.toegangslog_bewaartermijn")
    assert bewaren.enabled and (bewaren.crontab.hour, bewaren.crontab.minute) == ("3", "30")
