"""Monitor test helpers: eager Celery (unless a test asks for the real worker), a private media
directory, and facts made by hand so every KPI can be checked against numbers computed on paper."""

from datetime import date

import pytest
from django.core.cache import cache

from monitor.models import Bron, MeldingFeit, MeldingFeitLeefgebied

from ..factories import LeefgebiedFactory


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
