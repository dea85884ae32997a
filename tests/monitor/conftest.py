"""Monitor test helpers: eager Celery (unless a test asks for the real worker), a private media
directory, and facts made by hand so every KPI can be checked against numbers computed on paper."""

from datetime import date

import pytest
from django.core.cache import cache

from monitor.models import Bron, MeldingFeit, MeldingFeitLeefgebied

from ..factories import LeefgebiedFactory


@pytest.fixture(autouse=True)
def celery_in_proces(request):
    """CI sets REDIS_URL for the whole run; only tests marked 'redis' talk to a real worker."""
    if request.node.get_closest_marker("redis"):
        yield
        return
    from skt.celery import app

    oud = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = oud


@pytest.fixture(autouse=True)
def eigen_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def verse_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def leefgebieden(db):
    return {
        "financien": LeefgebiedFactory(code="financien", label="Financiën", volgorde=1, aliassen=["Geld"]),
        "huisvesting": LeefgebiedFactory(
            code="huisvesting", label="Huisvesting", volgorde=2, aliassen=["Wonen"]
        ),
        "sociaal_netwerk": LeefgebiedFactory(
            code="sociaal_netwerk", label="Sociaal netwerk", volgorde=3, aliassen=["Sociale relaties"]
        ),
        "mantelzorg": LeefgebiedFactory(code="mantelzorg", label="Mantelzorg", volgorde=4),
    }


_teller = iter(range(1, 10**9))


def feit(
    *,
    datum: date,
    team=None,
    kern=None,
    leefgebieden=(),
    sleutel: str | None = None,
    **velden,
) -> MeldingFeit:
    """One imported-style fact; a test states exactly what it counts."""
    velden.setdefault("status", "afgesloten" if velden.get("afgesloten_op") else "getrieerd")
    f = MeldingFeit(
        bron=Bron.IMPORT,
        sleutel=sleutel or f"T{next(_teller)}",
        aanmeldingsdatum=datum,
        team=team,
        kern=kern,
        leefgebieden_aantal=len(leefgebieden),
        **velden,
    ).afleiden()
    f.save()
    for lg in leefgebieden:
        MeldingFeitLeefgebied.voor(f, lg.pk).save()
    return f
