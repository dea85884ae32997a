"""Issue 15 point 8: quiet logs. A 403 is one log line without a traceback, browsers find a favicon
(no 404 per page) and `make demo` collects the static files, so WhiteNoise has its directory."""

import logging
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


def _regels(caplog) -> list[str]:
    """The records as the console handler writes them: message plus any traceback."""
    opmaak = logging.Formatter("%(levelname)s %(name)s %(message)s")
    return [opmaak.format(r) for r in caplog.records]


def test_een_weigering_is_een_regel_zonder_traceback(personas, als, caplog):
    caplog.set_level(logging.INFO)
    assert als(personas.vrijwilliger).get("/poort/zoeken/").status_code == 403
    weigeringen = [r for r in caplog.records if r.name == "django.request" and r.status_code == 403]
    assert len(weigeringen) == 1
    assert weigeringen[0].exc_info is None
    tekst = "\n".join(_regels(caplog))
    assert "Traceback" not in tekst and "PermissionDenied" not in tekst
    assert "Forbidden (Permission denied): /poort/zoeken/" in tekst
    assert len([regel for regel in tekst.splitlines() if "Forbidden" in regel]) == 1


def test_een_echte_fout_houdt_zijn_traceback():
    """Only refusals are shortened: any other exception keeps its traceback for whoever debugs it."""
    from skt.logboek import WeigeringOpEenRegel

    try:
        raise ValueError("kapot")
    except ValueError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "fout", (), sys.exc_info())
    assert WeigeringOpEenRegel().filter(record) and record.exc_info is not None


def test_favicon_zonder_inloggen_en_in_elke_pagina(personas, als, caplog):
    caplog.set_level(logging.INFO)
    antwoord = Client().get("/favicon.ico")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("image/")
    pagina = als(personas.beroepskracht).get("/").content.decode()
    assert '<link rel="icon" href="/static/skt/favicon.svg" type="image/svg+xml">' in pagina
    svg = Client().get("/static/skt/favicon.svg")
    assert svg.status_code == 200 and b"<svg" in b"".join(svg.streaming_content)
    assert not [r for r in caplog.records if "favicon" in r.getMessage()]


def test_make_demo_verzamelt_de_statische_bestanden():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    demo = makefile.split("\ndemo:")[1].split("\n\n")[0]
    assert "manage.py collectstatic --noinput" in demo
    assert demo.index("collectstatic") < demo.index("runserver")
