"""An anonymous visitor reaches nothing but the login page: walk every URL pattern of the project."""

import re
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter, UUIDConverter
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils.regex_helper import normalize

pytestmark = pytest.mark.django_db

# Pages an anonymous visitor may see. Each entry must say why it is safe to show without login.
OPENBAAR = {
    # The login form itself: the only way in.
    "inloggen": "/inloggen/",
    # Health check for the load balancer and docker compose: answers "ok", no data.
    "gezondheid": "/gezond/",
    # Asks for an e-mail address and answers the same whether or not it is known; rate-limited.
    "wachtwoord_vergeten": "/wachtwoord-vergeten/",
    # Shows the recovery codes the session holds right after an invitation, once; otherwise only
    # that they were shown.
    "uitnodiging_herstelcodes": "/uitnodiging/herstelcodes/",
}
# Static files are served by WhiteNoise before URL routing; they are not URL patterns.

# Where a protected page may send a visitor: our login page, and for the admin's own views the
# admin login (Django sets login_url on every AdminSite view, and LoginRequiredMiddleware honours it).
# That form authenticates through the same backends (axes locks it) and the admin still demands the
# second factor, so it is a second door to the same lock, not a way around it.
LOGINPAGINAS = {"": "/inloggen/", "admin:": "/noodbeheer/login/"}

# Values for named groups of regex patterns (the admin's app index and catch-all, simple-history).
REGEX_WAARDEN = {"app_label": "skt", "url": "x"}


def _converter_waarde(converter) -> str:
    if isinstance(converter, UUIDConverter):
        # Fixed, not random: pytest-xdist's workers must collect the same test ids. No object has it.
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "skt-anoniem"))
    if isinstance(converter, IntConverter):
        return "1"
    if isinstance(converter, (StringConverter, SlugConverter, PathConverter)):
        return "x"
    raise AssertionError(f"onbekende converter {converter!r}: voeg een waarde toe aan test_anoniem")


def _deel(pattern) -> str:
    """A concrete piece of URL for one level of the resolver tree."""
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        for naam, converter in pattern.converters.items():
            route = re.sub(rf"<(?:\w+:)?{naam}>", _converter_waarde(converter), route)
        assert "<" not in route, route
        return route
    if isinstance(pattern, RegexPattern):
        sjabloon, parameters = normalize(pattern.regex.pattern)[0]
        return sjabloon % {p: REGEX_WAARDEN.get(p, "1") for p in parameters}
    raise AssertionError(f"onbekend patroon {pattern!r}")


def alle_urls(patronen=None, prefix="/", namespace=""):
    """(name with namespace, concrete URL, callback) for every pattern, recursing into includes."""
    if patronen is None:
        patronen = get_resolver().url_patterns
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            ns = f"{namespace}{patroon.namespace}:" if patroon.namespace else namespace
            yield from alle_urls(patroon.url_patterns, prefix + _deel(patroon.pattern), ns)
        elif isinstance(patroon, URLPattern):
            naam = f"{namespace}{patroon.name}" if patroon.name else f"{namespace}<{patroon.pattern}>"
            yield naam, prefix + _deel(patroon.pattern), patroon.callback
        else:
            raise AssertionError(f"onbekend soort patroon {patroon!r}")


URLS = list(alle_urls())


def test_de_wandeling_vindt_de_bekende_patronen():
    """So that this file can never silently walk nothing."""
    namen = {naam for naam, _url, _view in URLS}
    for bekend in (
        "mijn_werk",
        "inloggen",
        "tweede_factor",
        "uitloggen",
        "inwoner_nieuw",
        "inwoner_detail",
        "toegangslog",
        "admin:index",
        "admin:app_list",
        "admin:skt_kern_change",
        "admin:skt_medewerker_changelist",
    ):
        assert bekend in namen, bekend
    assert len(URLS) > 50  # the admin alone has dozens
    assert all(naam in namen for naam in OPENBAAR)


def test_elke_gemaakte_url_komt_bij_zijn_eigen_view_uit():
    """Otherwise the walk below would test other views than it claims to."""
    for naam, url, view in URLS:
        assert resolve(urlsplit(url).path).func == view, (naam, url)


@pytest.mark.parametrize(
    "naam, url", [(naam, url) for naam, url, _view in URLS], ids=[u for _n, u, _v in URLS]
)
def test_anoniem_wordt_naar_inloggen_gestuurd_of_krijgt_404(naam, url):
    client = Client()
    response = client.get(url)
    if naam in OPENBAAR:
        assert url == OPENBAAR[naam]
        assert response.status_code == 200
        return
    if response.status_code == 404:
        return
    if naam == "admin:login":
        # The admin has no login form of its own: it sends everyone to ours (with the second factor).
        assert response.status_code == 302 and response["Location"] == "/inloggen/?next=/noodbeheer/"
        return
    assert response.status_code == 302, f"{url} gaf {response.status_code} aan een anonieme bezoeker"
    locatie = urlsplit(response["Location"])
    assert locatie.path in _loginpaginas(naam), f"{url} stuurt door naar {response['Location']}"
    assert parse_qs(locatie.query)["next"] == [url]


def _loginpaginas(naam: str) -> set[str]:
    return {pad for prefix, pad in LOGINPAGINAS.items() if naam.startswith(prefix)}


@pytest.mark.parametrize(
    "naam, url", [(naam, url) for naam, url, _view in URLS if naam not in OPENBAAR], ids=lambda w: w
)
def test_anoniem_post_komt_nergens(naam, url):
    """Writing is no way around it either."""
    response = Client().post(url, {"x": "1"})
    assert response.status_code in (302, 404), (url, response.status_code)
    if response.status_code == 302:
        assert urlsplit(response["Location"]).path in _loginpaginas(naam)


def test_openbare_paginas_tonen_geen_gegevens():
    assert Client().get("/gezond/").content == b"ok"
    inloggen = Client().get("/inloggen/").content.decode()
    assert 'name="password"' in inloggen
    assert "Uitloggen" not in inloggen  # no menu for a visitor
