"""EXPLAIN guard (issue 14): no list page or Mijn werk block scans a big table sequentially.

The demo plus ``schaaldata --meldingen SCHAAL`` is loaded once per module inside a transaction that is
rolled back at the end, so nothing of it reaches other tests of the worker. Then each role opens every
list page through the test client; every SELECT the page ran is explained (the real queries of the
views, so the guard follows the views as they change) and a Seq Scan on a melding, inwoner,
access-log, guardian object-permission or history table fails the test.

SCHAAL is 5,000 meldingen, not 20,000: the planner already prefers an index over a sequential scan
on these tables at this size when an index fits (the plans match those at 100,000, see README,
Performance), while the load stays at a few seconds; the demo itself costs most of the setup.
"""

import json
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from skt.models import Medewerker

from .conftest import SNELLE_HASHER, ingelogde_client

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="EXPLAIN-bewaking: alleen PostgreSQL",
    ),
    pytest.mark.xdist_group("schaal"),
]

SCHAAL = 5_000
GROOT = re.compile(r"^(meldingen_melding|skt_inwoner|skt_toegang\w*|\w+objectpermission|\w+_historical\w+)$")

# The roles of the bench (issue 14); each opens every list page, also those it may not see.
ROLLEN = ["beroepskracht", "coordinator", "poort", "consulent"]
LIJSTEN = [
    "/",
    "/meldingen/wachtrij/",
    "/meldingen/wachtrij/in-behandeling/",
    "/meldingen/achterstand/",
    "/meldingen/signalen/",
    "/poort/",
    ("/poort/zoeken/", {"achternaam": "Vos"}),
    "/poort/koppelverzoeken/",
    "/casussen/",
    "/caseload/",
    "/adviesvragen/",
    "/arrangementen/",
    "/beoordeling/",
    "/termijnen/",
    "/evaluaties/",
    "/werkvoorraad/",
    ("/werkvoorraad/zoeken/", {"achternaam": "Vos"}),
    "/overdrachten/",
    "/berichten/",
    "/inwoners/",
    ("/inwoners/", {"q": "Vos"}),
    "/toegangslog/",
    "/noodtoegang/beoordelen/",
    "/noodtoegang/audit/",
    "/herverdelen/",
    "/monitor/",
]

# Sequential scans accepted on a big table, with the reason. None: the 41 that were here when the
# guard came (visibility over the whole table before the cheap filters, the toegangslog's
# `inwoner IN (every inwoner I may see)`, COUNT over whole sets) went with issue 14's rewrite (rights
# checked per row on the indexed remainder, keyset pages). Add a line only with a reason.
BEKEND: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def schaal(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=SNELLE_HASHER, SKT_DEMO=True),
    ):
        buiten = transaction.atomic()
        buiten.__enter__()
        try:
            call_command("demo_data", verbosity=0)
            call_command("schaaldata", meldingen=SCHAAL, ik_weet_het=True, verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            buiten.__exit__(None, None, None)


def _seq_scans(plan: dict) -> set[str]:
    gevonden = set()
    if plan.get("Node Type") == "Seq Scan" and GROOT.match(plan.get("Relation Name", "")):
        gevonden.add(plan["Relation Name"])
    for kind in plan.get("Plans", []):
        gevonden |= _seq_scans(kind)
    return gevonden


def _uitleggen(sql: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        uitleg = cursor.fetchone()[0]
    if isinstance(uitleg, str):
        uitleg = json.loads(uitleg)
    return _seq_scans(uitleg[0]["Plan"])


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ROLLEN)
def test_geen_seq_scan_op_grote_tabellen(schaal, rol):
    client = ingelogde_client(Medewerker.objects.get(username=rol))
    scans: dict[tuple[str, str], str] = {}
    for pagina in LIJSTEN:
        if isinstance(pagina, tuple):
            # A search is POSTed (no BSN in a URL); its result page is what is explained.
            pad, velden = pagina
            antwoord = client.post(pad, velden)
            doel = antwoord.headers.get("Location", pad) if antwoord.status_code == 302 else pad
            pagina = f"{pad} zoeken"
        else:
            doel = pagina
        with CaptureQueriesContext(connection) as vragen:
            antwoord = client.get(doel)
        assert antwoord.status_code in (200, 302, 403, 404), (pagina, antwoord.status_code)
        if pagina == "/inwoners/" and antwoord.status_code == 200:
            # The newest dossier on the list: its timeline asks every app's records of the inwoner.
            dossiers = re.findall(r'href="(/inwoners/[0-9a-f-]{36}/)"', antwoord.content.decode())
            assert dossiers, f"{rol}: geen dossier op /inwoners/"
            with CaptureQueriesContext(connection) as dossiervragen:
                assert client.get(dossiers[0]).status_code == 200
            vragen.captured_queries.extend({**v, "pagina": "dossier"} for v in dossiervragen.captured_queries)
        for vraag in vragen.captured_queries:
            sql = vraag["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            for tabel in _uitleggen(sql):
                scans.setdefault((vraag.get("pagina", pagina), tabel), sql)
    nieuw = {sleutel: sql for sleutel, sql in scans.items() if sleutel not in BEKEND}
    assert not nieuw, f"{rol}: Seq Scan op een grote tabel:\n" + "\n\n".join(
        f"{pagina} → {tabel}:\n{sql[:1500]}" for (pagina, tabel), sql in sorted(nieuw.items())
    )


@pytest.mark.django_db
def test_schaaldata_heeft_achternamen_als_een_echte_gemeente(schaal):
    """A search on a common name reads what a real gemeente's would: the copies get many surnames,
    none common beyond reason (the demo's 25 names copied would make 'Vos' one in sixteen), and the
    history of a copied inwoner names them as the inwoner does."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(DISTINCT achternaam), "
            "(SELECT max(n) FROM (SELECT count(*) AS n FROM skt_inwoner GROUP BY achternaam) t) "
            "FROM skt_inwoner"
        )
        totaal, verschillend, meest = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM skt_historicalinwoner h JOIN skt_inwoner i ON i.id = h.id "
            "WHERE h.achternaam <> i.achternaam"
        )
        anders_in_historie = cursor.fetchone()[0]
    assert totaal > 5_000
    assert verschillend >= 500, verschillend
    # The demo's own inwoners keep their names, which weighs at this small scale (1.1 %); at 100,000
    # meldingen the commonest surname is 0.85 % (README, Performance).
    assert meest / totaal <= 0.015, (meest, totaal)
    assert anders_in_historie == 0
