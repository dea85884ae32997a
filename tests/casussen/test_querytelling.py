"""Caseload pages cost the same number of queries for 1, 10 and 100 casussen (DESIGN.md, budgets)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import casus_maken, contacten_maken

pytestmark = pytest.mark.django_db


def aanvullen_tot(personas, casussen: list, n: int, **anders) -> None:
    while len(casussen) < n:
        i = len(casussen)
        casus = casus_maken(personas, **anders)
        if not anders.get("twijfel"):
            contacten_maken(personas, casus, i % 3)
        casussen.append(casus)


def queries_voor(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


PAGINAS = [
    ("beroepskracht", "/casussen/"),
    ("beroepskracht", "/caseload/"),
    ("coordinator", "/caseload/"),
    ("vrijwilliger", "/casussen/"),
    ("beroepskracht", "/casussen/?status=alle"),
]


def test_caseloads_hebben_een_vast_aantal_queries(personas, als):
    clients = {naam: als(getattr(personas, naam)) for naam in {p for p, _ in PAGINAS}}
    casussen: list = []
    gemeten: dict[tuple[str, str], list[int]] = {pagina: [] for pagina in PAGINAS}
    for n in (1, 10, 100):
        aanvullen_tot(personas, casussen, n)
        for wie, url in PAGINAS:
            gemeten[(wie, url)].append(queries_voor(clients[wie], url))
    print("\nqueries per pagina bij 1, 10 en 100 casussen:", gemeten)
    for pagina, aantallen in gemeten.items():
        assert len(set(aantallen)) == 1, (pagina, aantallen)
        # 15, plus the access-log row of the page and its references to the inwoners shown.
        assert aantallen[0] <= 17, (pagina, aantallen)


def test_adviesvragen_hebben_een_vast_aantal_queries(personas, als):
    client = als(personas.coordinator)
    casussen: list = []
    aantallen = []
    for n in (1, 10, 100):
        aanvullen_tot(personas, casussen, n, twijfel=True, adviesvraag="Past dit?")
        aantallen.append(queries_voor(client, "/adviesvragen/"))
    print("\nqueries adviesvragen bij 1, 10 en 100:", aantallen)
    assert len(set(aantallen)) == 1, aantallen


def test_casuspagina_kost_evenveel_queries_bij_1_of_10_contactmomenten(personas, als, leefgebieden):
    client = als(personas.beroepskracht)
    casus = casus_maken(personas)
    aantallen = []
    for n in (1, 10):
        contacten_maken(personas, casus, n - casus.contactmomenten.count())
        aantallen.append(queries_voor(client, f"/casussen/{casus.uuid}/"))
    print("\nqueries casuspagina bij 1 en 10 contactmomenten:", aantallen)
    assert aantallen[0] == aantallen[1]
