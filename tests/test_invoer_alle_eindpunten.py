"""Random input on every form and every POST endpoint never gives a 500 or a partial write.

Generic, so a new page or form is covered without touching this file: the walk of every URL
pattern (tests/skt/test_anoniem.py) is filled with objects of the rights-matrix world, every page is
opened as each role, and every form on it (fields, hidden fields, formset management fields, the
query string of its action) becomes a target, posted as the first role that sees it. A button that
only moves an object on (indienen, in behandeling nemen) is pressed once, so the forms of the next
state (beslissen, teruggeven) are found too and replayed as a first step. Endpoints that only take
POST and show no form get random dicts.

Hypothesis replaces, drops and adds fields: random text, unicode with control and RTL characters,
empty and very long strings, huge and negative numbers, NaN and Infinity, extreme and malformed
dates, malformed ids, and sometimes a valid-looking value (another option of the select). Every
example runs in a savepoint that is rolled back, so the examples do not depend on each other.

A request that raises or answers 500 fails. A refusal (anything but a redirect or an htmx redirect)
must leave every domain table with the same number of rows: one query counts them all.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import ingelogde_client
from .skt.test_anoniem import URLS
from .test_rechtenmatrix import PERSPECTIEF, wereld  # noqa: F401  (the module-scoped world)

pytestmark = pytest.mark.django_db

# 10 per form; a page that only ignores a POST gets 3. SKT_INVOER_VOORBEELDEN raises it for a long
# hunt (still the same examples on every run with that number).
VOORBEELDEN = int(os.environ.get("SKT_INVOER_VOORBEELDEN", "10"))
INSTELLINGEN = settings(
    derandomize=True,
    max_examples=VOORBEELDEN,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# The first role that may use an endpoint is the one that is fuzzed: the workers of the kernteam
# first, the outsider last.
ROLLEN = (
    "beroepskracht",
    "poort",
    "coordinator",
    "consulent",
    "consulent_jeugd",
    "vrijwilliger",
    "beroepskracht2",
    "beleid",
    "beheerder",
    "buitenstaander",
)

# The walk opens every page as these roles only: the others (a colleague in another team, the
# vrijwilliger, the Jeugd consulent, the outsider) see a subset of the same forms.
ROLLEN_VERKENNING = ("beroepskracht", "poort", "coordinator", "consulent", "beleid", "beheerder")

# Pages no link leads to without first searching: the melding forms of the poort and the loket.
EXTRA_ZADEN = (
    "/poort/melding/nieuw/?anoniem=1",
    "/poort/melding/nieuw/?inwoner={w.data[X].inwoner.uuid}",
    "/werkvoorraad/melding/nieuw/?inwoner={w.data[L].inwoner.uuid}",
    # Beheer pages by code and the new-record forms: the walk fills a <slug> with "x".
    "/beheer/kernen/nieuw/",
    "/beheer/kernen/elst/",
    "/beheer/leefgebieden/financien/",
    # Two records side by side: the merge page is reached through a search.
    "/samenvoegen/vergelijken/?a={w.data[A1].inwoner.uuid}&b={w.data[A2].inwoner.uuid}",
)

# Endpoints that change the session itself get a fresh client per example: an anonymous one for the
# login, one with a password but without second factor for the second factor, a full one to log out.
SESSIE = {"inloggen": "anoniem", "tweede_factor": "half", "uitloggen": "vol"}

# Tables written on every request or by login bookkeeping, not by the action: the access log, the
# login lockout, sessions and the scheduler.
NIET_TELLEN = re.compile(r"^(skt_toegang|skt_toeganginwoner|axes_.*|django_session|django_celery_.*)$")

BIJZONDER = [
    "",
    " ",
    "NaN",
    "nan",
    "-NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "inf",
    "-1",
    "0",
    "1e30",
    "1,5e999",
    "9" * 20,
    "-" + "9" * 20,
    "9" * 400,
    "x" * 5000,
    "0001-01-01",
    "1899-12-31",
    "9999-12-31",
    "31-02-2020",
    "2020-02-30",
    "2020-13-01",
    "00:00",
    "25:61",
    "9999Q4",
    "0000Q1",
    "geen-uuid",
    "00000000-0000-0000-0000-000000000000",
    str(uuid.UUID(int=2**128 - 1)),
    "\x00",
    "a\x00b",
    "\u202eRTL\u202c",
    "مرحبا بالعالم",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "Ωmega ✓ 💥 ﷽",
    "\ud7ff\ufffe",
    "on",
    "true",
]

ROMMEL = st.one_of(
    st.sampled_from(BIJZONDER),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=15),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.uuids().map(str),
)
VREEMDE_VELDEN = ["onbekend", "id", "pk", "uuid", "next", "inwoner", "team", "status", "__proto__"]


# -- the pages: forms and links --------------------------------------------------------------------


@dataclass
class Formulier:
    methode: str
    actie: str
    standaard: dict[str, list[str]] = field(default_factory=dict)
    opties: dict[str, list[str]] = field(default_factory=dict)
    verborgen: set[str] = field(default_factory=set)

    def is_knop(self) -> bool:
        """A form that is only a button: nothing to fill in but hidden values."""
        return not self.opties and all(n in self.verborgen for n in self.standaard)


class _Pagina(HTMLParser):
    """The forms (as a browser would submit them untouched) and the links of one page."""

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.formulieren: list[Formulier] = []
        self.links: list[str] = []
        self._form: Formulier | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        form = self._form
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.url, a["href"]))
        elif tag == "form":
            methode = (a.get("method") or "get").lower()
            self._form = Formulier(methode, urljoin(self.url, a.get("action") or self.url))
            self.formulieren.append(self._form)
        elif tag == "option" and form is not None and self._select:
            form.opties[self._select].append(a.get("value", ""))
            if "selected" in a:
                form.standaard[self._select].append(a.get("value", ""))
        elif form is None or not a.get("name") or "disabled" in a:
            return
        elif tag == "input":
            self._input(form, a)
        elif tag == "select":
            self._select = a["name"]
            form.opties.setdefault(self._select, [])
            form.standaard.setdefault(self._select, [])
        elif tag == "textarea":
            self._textarea = a["name"]
            form.standaard.setdefault(self._textarea, [""])
            form.opties.setdefault(self._textarea, [])
        elif tag == "button" and a.get("type", "submit") == "submit":
            form.standaard.setdefault(a["name"], [a.get("value", "")])
            form.verborgen.add(a["name"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    @staticmethod
    def _input(form: Formulier, a: dict):
        naam, soort, waarde = a["name"], (a.get("type") or "text").lower(), a.get("value", "")
        if soort in ("submit", "hidden"):
            form.verborgen.add(naam)
            form.standaard.setdefault(naam, [waarde])
            return
        form.opties.setdefault(naam, [])
        if soort in ("checkbox", "radio"):
            form.opties[naam].append(waarde or "on")
            form.standaard.setdefault(naam, [])
            if "checked" in a:
                form.standaard[naam].append(waarde or "on")
        else:
            form.standaard.setdefault(naam, [waarde])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            form, naam = self._form, self._select
            if naam and form is not None and not form.standaard.get(naam) and form.opties.get(naam):
                form.standaard[naam] = [form.opties[naam][0]]
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form.standaard[self._textarea] = [data.lstrip("\n")]


def _pagina(url: str, inhoud: bytes) -> _Pagina:
    pagina = _Pagina(url)
    pagina.feed(inhoud.decode(errors="replace"))
    return pagina


def _patroon(url: str) -> str | None:
    """The pattern name of a URL of this site, None for other sites, static files and the admin."""
    delen = urlsplit(url)
    if delen.netloc not in ("", "testserver"):
        return None
    try:
        gevonden = resolve(delen.path)
    except Resolver404:
        return None
    naam = gevonden.view_name
    return None if naam.startswith("admin:") else naam


def _relatief(url: str) -> str:
    delen = urlsplit(url)
    return delen.path + (f"?{delen.query}" if delen.query else "")


# -- the targets -------------------------------------------------------------------------------


@dataclass
class Doel:
    naam: str  # the URL pattern name of the action
    rol: str
    methode: str
    url: str  # path with the action's own query string
    formulier: Formulier | None = None
    voorstappen: list[tuple[str, dict]] = field(default_factory=list)  # POSTs that bring the object there

    @property
    def velden(self) -> list[str]:
        velden = list(self.formulier.standaard) + list(self.formulier.opties) if self.formulier else []
        return sorted(set(velden) | {f"?{k}" for k, _v in parse_qsl(urlsplit(self.url).query)})


@dataclass
class Verkenning:
    doelen: dict[tuple[str, str], Doel]  # (pattern name, method) -> target
    post_eindpunten: set[str]  # patterns that take a POST: a POST form points at them, or GET is refused
    alleen_post: set[str]
    bezocht: int


# Values for URL parameters: which model a segment before <uuid> means.
SEGMENT_MODEL = {
    "inwoners": "skt.Inwoner",
    "huishoudens": "skt.Huishouden",
    "melding": "meldingen.Melding",
    "meldingen": "meldingen.Melding",
    "signalen": "meldingen.Signaal",
    "casussen": "casussen.Casus",
    "arrangementen": "arrangementen.Arrangement",
    "inwoner": "skt.Inwoner",
    "berichten": "arrangementen.Notificatie",
    "rapporten": "monitor.MonitorRapport",
    "werkvoorraad": "arrangementen.Aanvraag",
}

# Takes any method, but there is nothing to post: the download of a report's PDF, whose building
# costs seconds and writes a file. rapport_json has the same fetch and is covered.
ZONDER_OBJECT = {
    "monitor:rapport_pdf": "de PDF van een rapport",
    # Behind an e-mailed single-use token the world cannot know; bad input there is in
    # tests/skt/test_uitnodiging.py.
    "uitnodiging_openen": "een uitnodigingslink",
    "uitnodiging_instellen": "de pagina achter een uitnodigingslink",
    # Only for an account that never set its password, and the world's accounts all have one.
    "beheer:medewerker_uitnodigen": "een nieuwe uitnodiging",
    # The world has no sociale kaart; tests/skt/test_beheer.py covers the form.
    "beheer:voorziening": "een voorziening van de sociale kaart",
    # The world has no pending rights change (its accounts are made directly); bad input, refusals and
    # a decided proposal are in tests/skt/test_vier_ogen.py.
    "beheer:rechtenwijziging_bevestigen": "een rechtenwijziging die op bevestiging wacht",
    "beheer:rechtenwijziging_weigeren": "een rechtenwijziging die op bevestiging wacht",
}


def _modellen_voor(segment: str) -> list:
    """The models a URL segment names (koppelverzoeken -> Koppelverzoek); every model with a uuid
    where none matches."""
    modellen = [m for m in apps.get_models() if any(f.name == "uuid" for f in m._meta.fields)]
    namen = lambda m: {m._meta.model_name + e for e in ("", "s", "en")} | {str(m._meta.verbose_name_plural)}  # noqa: E731
    return [m for m in modellen if segment in namen(m)] or modellen


def _kandidaten(route: str, bereik: dict | None = None, per_model: int = 3) -> list[str]:
    """Concrete URLs for a route with converters, filled with objects of the world: those in
    `bereik` (model -> uuids) where it has any of the model, else the first of the table."""
    delen = re.split(r"(<[^>]+>)", route)
    opvullingen: list[list[str]] = []
    for i, deel in enumerate(delen):
        if not deel.startswith("<"):
            continue
        soort, _, naam = deel[1:-1].rpartition(":")
        if soort == "int":
            opvullingen.append(["1"])
            continue
        if soort in ("str", "slug", "path"):
            opvullingen.append(["x"])
            continue
        segment = naam.removesuffix("_uuid") if naam != "uuid" else delen[i - 1].strip("/").split("/")[-1]
        label = SEGMENT_MODEL.get(segment)
        modellen = [apps.get_model(label)] if label else _modellen_voor(segment)
        waarden = []
        for model in modellen:
            eigen = (bereik or {}).get(model) or [
                str(u) for u in model.objects.order_by("pk").values_list("uuid", flat=True)[:per_model]
            ]
            waarden += eigen[:per_model]
        opvullingen.append(waarden or [str(uuid.uuid4())])
    urls = [""]
    j = 0
    for deel in delen:
        if deel.startswith("<"):
            urls = [u + w for u in urls for w in opvullingen[j]]
            j += 1
        else:
            urls = [u + deel for u in urls]
    return urls


def _bereik(w, rol: str) -> dict:
    """The objects of the datasets that are this role's own or its team's (rights matrix)."""
    bereik: dict = {}
    for code in (PERSPECTIEF[rol].get(k) for k in ("eigen", "eigen_team")):
        if code is None:
            continue
        ds = w.data[code]
        for obj in (ds.inwoner, ds.inwoner.huishouden, *ds.objecten.values()):
            if obj is not None and hasattr(obj, "uuid"):
                bereik.setdefault(type(obj), [])
                if str(obj.uuid) not in bereik[type(obj)]:
                    bereik[type(obj)].append(str(obj.uuid))
    return bereik


def _routes() -> dict[str, str]:
    """Pattern name -> route with converters, from the resolver (test_anoniem gives concrete URLs)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    routes: dict[str, str] = {}

    def lopen(patronen, prefix, ns):
        for p in patronen:
            if isinstance(p, URLResolver):
                lopen(p.url_patterns, prefix + str(p.pattern), f"{ns}{p.namespace}:" if p.namespace else ns)
            elif isinstance(p, URLPattern) and p.name:
                routes.setdefault(ns + p.name, "/" + prefix + str(p.pattern))

    lopen(get_resolver().url_patterns, "", "")
    return {n: r for n, r in routes.items() if not n.startswith("admin:")}


def verkennen(w) -> Verkenning:  # noqa: C901
    """Open every page of the world as each role; collect every form, follow links to new pages,
    press every button once (rolled back) to find the forms of the next state; then find, for every
    pattern that takes a POST and has no form yet, the first role and object it does not refuse."""
    routes = _routes()
    doelen: dict[tuple[str, str], Doel] = {}
    alleen_post: set[str] = set()
    gezien: dict[tuple[str, str], int] = {}
    bezocht = 0
    knoppen: list[tuple[str, Formulier]] = []
    geknopt: set[str] = set()
    geopend: dict[str, list[tuple[str, str]]] = {}

    def formulieren_opnemen(rol, pagina: _Pagina, voorstappen):
        for form in pagina.formulieren:
            naam = _patroon(form.actie)
            if naam is None or naam in SESSIE:
                continue
            sleutel = (naam, "post" if form.methode == "post" else "get")
            if sleutel not in doelen:
                doelen[sleutel] = Doel(naam, rol, sleutel[1], _relatief(form.actie), form, list(voorstappen))
            if form.methode == "post" and form.is_knop() and not voorstappen and naam not in geknopt:
                geknopt.add(naam)
                knoppen.append((rol, form))

    def ophalen(rol, url):
        nonlocal bezocht
        bezocht += 1
        antwoord = w.klanten[rol].get(url)
        if antwoord.status_code == 405:
            alleen_post.add(_patroon(url))
        if antwoord.status_code != 200 or "html" not in antwoord.get("Content-Type", ""):
            return None
        return _pagina(url, antwoord.content)

    def volgen(url) -> bool:
        naam = _patroon(url)
        # Exports are no pages: their forms are elsewhere, and a PDF costs a second.
        return (
            bool(naam) and naam not in SESSIE and naam not in alleen_post and not re.search(r"\bpdf\b", url)
        )

    for rol in ROLLEN_VERKENNING:
        # The search and export limit counts per medewerker in the cache: the walk is no search.
        cache.clear()
        bereik = _bereik(w, rol)
        wachtrij = list(dict.fromkeys(u for r in routes.values() for u in _kandidaten(r, bereik)))
        wachtrij += [u.format(w=w) for u in EXTRA_ZADEN]
        binnen = set(wachtrij)
        while wachtrij:
            url = wachtrij.pop(0)
            naam = _patroon(url)
            if not volgen(url) or gezien.get((rol, naam), 0) >= 3:
                continue
            gezien[(rol, naam)] = gezien.get((rol, naam), 0) + 1
            pagina = ophalen(rol, url)
            if pagina is None:
                continue
            geopend.setdefault(naam, []).append((rol, url))
            formulieren_opnemen(rol, pagina, [])
            for link in map(_relatief, pagina.links):
                # Follow a link only to a pattern this role has not opened yet: new pages, not more rows.
                if link not in binnen and (rol, _patroon(link)) not in gezien:
                    binnen.add(link)
                    wachtrij.append(link)

    for rol, knop in knoppen:
        data = dict(knop.standaard)
        stap = [(_relatief(knop.actie), data)]
        with transaction.atomic():
            antwoord = w.klanten[rol].post(_relatief(knop.actie), data)
            bezocht += 1
            volgende = urljoin(knop.actie, antwoord.get("Location", ""))
            pagina = (
                ophalen(rol, _relatief(volgende))
                if antwoord.status_code == 302 and volgen(volgende)
                else None
            )
            if pagina is not None:
                formulieren_opnemen(rol, pagina, stap)
                for link in dict.fromkeys(map(_relatief, pagina.links)):
                    naam = _patroon(link)
                    if volgen(link) and not any(n == naam for n, _m in doelen) and (rol, naam) not in gezien:
                        gezien[(rol, naam)] = 1
                        if vervolg := ophalen(rol, link):
                            formulieren_opnemen(rol, vervolg, stap)
            transaction.set_rollback(True)

    # Every other pattern that takes a POST (a page that ignores it, a form whose state the world does
    # not have, an endpoint without a form): random dicts, as the first role and object it does not
    # refuse. 405 for every attempt: it takes no POST.
    post_eindpunten = {n for (n, m) in doelen if m == "post"} | (set(SESSIE) & set(routes))
    for naam in sorted(routes):
        if naam in post_eindpunten:
            continue
        # Where the walk opened the page: the same role and URL; else each role with its own objects.
        pogingen = geopend.get(naam) or [
            (rol, url) for rol in ROLLEN for url in _kandidaten(routes[naam], _bereik(w, rol))[:2]
        ]
        for rol, url in pogingen[:12]:
            with transaction.atomic():
                status = w.klanten[rol].post(url, {}).status_code
                bezocht += 1
                transaction.set_rollback(True)
            if status == 405:
                break
            post_eindpunten.add(naam)
            if status not in (403, 404):
                doelen[(naam, "post")] = Doel(naam, rol, "post", url)
                break
    return Verkenning(doelen, post_eindpunten, alleen_post, bezocht)


@pytest.fixture(scope="module")
def verkenning(wereld, django_db_blocker):  # noqa: F811
    from monitor.periode import Periode
    from monitor.services import rapport_aanvragen, rapport_bouwen

    with django_db_blocker.unblock():
        # The world of the rights matrix has no monitor report; its pages need one (without PDF).
        rapport = rapport_aanvragen(
            periode=Periode.vorig_kwartaal(), door=wereld.p.beleid, met_pdf=False, in_wachtrij=False
        )
        rapport_bouwen(rapport_id=rapport.pk)
        return verkennen(wereld)


# -- counting ----------------------------------------------------------------------------------


def _tabellen() -> list[str]:
    eigen = {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
    return sorted(
        t for t in connection.introspection.table_names() if t in eigen and not NIET_TELLEN.match(t)
    )


def _tellen(tabellen: list[str]) -> dict[str, int]:
    """The number of rows of every domain table, in one query."""
    q = connection.ops.quote_name
    sql = " UNION ALL ".join(f"SELECT {i}, COUNT(*) FROM {q(t)}" for i, t in enumerate(tabellen))
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {tabellen[i]: n for i, n in cursor.fetchall()}


def _gelukt(antwoord) -> bool:
    return antwoord.status_code in (301, 302, 303) or bool(
        antwoord.get("HX-Redirect") or antwoord.get("HX-Location")
    )


# -- input -------------------------------------------------------------------------------------


def _waarde(doel: Doel, veld: str) -> st.SearchStrategy:
    opties = doel.formulier.opties.get(veld) if doel.formulier else None
    geldig = [st.sampled_from(opties)] if opties else []
    enkel = st.one_of(ROMMEL, *geldig)
    return st.one_of(enkel, st.lists(enkel, min_size=0, max_size=3))


@st.composite
def _invoer(draw, doel: Doel) -> tuple[str, dict]:
    """(url, data): the form as a browser sends it with some fields replaced, dropped or added."""
    data = {k: list(v) for k, v in (doel.formulier.standaard.items() if doel.formulier else ())}
    query = dict(parse_qsl(urlsplit(doel.url).query, keep_blank_values=True))
    velden = doel.velden + VREEMDE_VELDEN
    for veld in draw(st.lists(st.sampled_from(velden), max_size=4, unique=True)):
        waarde = draw(_waarde(doel, veld))
        waarde = waarde if isinstance(waarde, list) else [waarde]
        if veld.startswith("?"):
            query[veld[1:]] = waarde[0] if waarde else ""
        else:
            data[veld] = waarde
    for veld in draw(st.lists(st.sampled_from(sorted(data) or ["-"]), max_size=2, unique=True)):
        data.pop(veld, None)
    url = urlsplit(doel.url).path + (f"?{urlencode(query)}" if query else "")
    return url, data


def _client(w, doel: Doel) -> Client:
    soort = SESSIE.get(doel.naam)
    if soort == "anoniem":
        return Client()
    medewerker = getattr(w.p, doel.rol)
    if soort == "half":
        client = Client()
        client.force_login(medewerker)
        return client
    if soort == "vol":
        return ingelogde_client(medewerker)
    return w.klanten[doel.rol]


def _versturen(client, doel: Doel, url: str, data: dict):
    if doel.methode == "get":
        return client.get(url, data)
    return client.post(url, data)


def _uitvoeren(w, doel: Doel, tabellen, url: str, data: dict) -> int:
    """One example in a savepoint that is rolled back; fails on an exception, a 500 or a partial write."""
    with transaction.atomic():
        try:
            for stap_url, stap_data in doel.voorstappen:
                assert w.klanten[doel.rol].post(stap_url, stap_data).status_code == 302, stap_url
            # Before counting: logging a fresh client in writes the user's history (last_login).
            client = _client(w, doel)
            voor = _tellen(tabellen)
            antwoord = _versturen(client, doel, url, data)
        except AssertionError:
            raise
        except Exception as fout:
            pytest.fail(f"{doel.rol} {doel.methode.upper()} {url} {data!r}: {type(fout).__name__}: {fout}")
        status = antwoord.status_code
        assert status < 500, f"{doel.rol} {doel.methode.upper()} {url} {data!r}: status {status}"
        if not _gelukt(antwoord):
            na = _tellen(tabellen)
            anders = {t: (voor[t], na[t]) for t in tabellen if voor[t] != na[t]}
            assert not anders, f"{doel.rol} {url} {data!r} weigerde ({status}) maar schreef: {anders}"
        transaction.set_rollback(True)
    return status


# -- the tests ---------------------------------------------------------------------------------

# Every pattern of the walk in test_anoniem that is not the admin's; _routes() adds where its
# parameters are, to fill them with real objects.
NAMEN = sorted({naam for naam, _url, _view in URLS if not naam.startswith("admin:")})


def test_elk_patroon_heeft_een_route():
    assert set(_routes()) == set(NAMEN)


def test_de_verkenning_dekt_elk_post_eindpunt(verkenning):
    """The fuzz below cannot silently test nothing: every pattern that takes a POST has a target."""
    post = verkenning.post_eindpunten
    zonder = sorted(
        n for n in post if (n, "post") not in verkenning.doelen and n not in SESSIE and n not in ZONDER_OBJECT
    )
    assert not zonder, (
        f"POST-eindpunten zonder rol of object dat ze gebruikt: {zonder}. Een pagina die alleen na een "
        "zoekvraag bereikbaar is hoort in EXTRA_ZADEN; een soort object dat de wereld mist in de wereld."
    )
    gedekt = sorted({n for (n, m) in verkenning.doelen if m == "post"} | (set(SESSIE) & set(NAMEN)))
    print(f"\n{verkenning.bezocht} verzoeken verkend; {len(gedekt)} POST-eindpunten: {', '.join(gedekt)}")
    print(f"GET-formulieren: {', '.join(sorted(n for (n, m) in verkenning.doelen if m == 'get'))}")
    assert len(gedekt) >= len(post - set(ZONDER_OBJECT)) >= 30


def _doel(verkenning, naam: str, methode: str) -> Doel | None:
    if naam in SESSIE and methode == "post":
        rol = "beroepskracht"
        url = {"inloggen": "/inloggen/", "tweede_factor": "/inloggen/tweede-factor/"}.get(naam, "/uitloggen/")
        formulier = Formulier("post", url, {"username": [rol], "password": ["fout"], "token": ["123456"]})
        return Doel(naam, rol, "post", url, formulier)
    return verkenning.doelen.get((naam, methode))


@pytest.mark.parametrize("naam", NAMEN)
def test_willekeurige_invoer_geeft_geen_500_en_geen_halve_schrijfactie(wereld, verkenning, naam):  # noqa: F811
    """POST to the endpoint, and submit its search or filter form if it has one."""
    doelen = [d for d in (_doel(verkenning, naam, "post"), _doel(verkenning, naam, "get")) if d]
    if not doelen:
        pytest.skip("neemt geen POST en heeft geen formulier")
    tabellen = _tabellen()
    for doel in doelen:
        statussen: list[int] = []
        # The untouched form first: the role really may use it, so the examples reach the validation.
        statussen.append(_uitvoeren(wereld, doel, tabellen, *_invoer_ongewijzigd(doel)))
        assert statussen[0] not in (403, 404, 405), (
            f"{doel.rol} mag {doel.url} niet gebruiken: {statussen[0]}"
        )

        _eigenschap(wereld, doel, tabellen, statussen)()
        print(f"\n{doel.methode.upper()} {doel.url} als {doel.rol}: {sorted(statussen)}")


def _eigenschap(w, doel: Doel, tabellen, statussen: list[int]):
    zonder_formulier = doel.formulier is None and doel.naam not in SESSIE
    aantal = max(3, VOORBEELDEN // 3) if zonder_formulier else VOORBEELDEN

    @settings(INSTELLINGEN, max_examples=aantal)
    @given(invoer=_invoer(doel))
    def eigenschap(invoer):
        statussen.append(_uitvoeren(w, doel, tabellen, *invoer))

    return eigenschap


def _invoer_ongewijzigd(doel: Doel) -> tuple[str, dict]:
    data = {k: list(v) for k, v in (doel.formulier.standaard.items() if doel.formulier else ())}
    return doel.url, data
