"""Errors everyone gets: walk every form as every role, submit it empty and with wrong values.

The pages are those of the access-log walk (tests/skt/test_toegangslog_wandeling.py: every URL
pattern, its <uuid> filled with the objects of the rights-matrix world). On each page every form is
found and sent twice: with nothing filled in, and with a wrong value in every field (text where a
number or date belongs, an option that does not exist). Each POST runs in a savepoint that is rolled
back, so the world stays as built. On every answer:

- every id an ``aria-describedby`` names exists on the page (Django's ``id_x_helptext`` and
  ``id_x_error``; a radio or checkbox group carries it on its fieldset);
- an answer to a POST with a field marked ``aria-invalid`` has the error summary (a GET filter
  form ignores what is wrong and says so next to the filter), and every link of the summary
  points to an element on the page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin

import pytest
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve

from .skt.test_toegangslog_wandeling import _verzoeken, wereld  # noqa: F401  (the module fixture)

pytestmark = pytest.mark.django_db

ROLLEN = [
    "poort",
    "beroepskracht",
    "vrijwilliger",
    "consulent",
    "consulent_jeugd",
    "coordinator",
    "beleid",
    "beheerder",
]
# Forms that end the session or only download a file; nothing to show an error on.
OVERSLAAN = {"uitloggen"}
FOUT_PER_TYPE = {
    "date": "31-02-2020",
    "number": "-1x",
    "email": "geen-adres",
    "time": "25:99",
    "datetime-local": "gisteren",
}


@dataclass
class Formulier:
    methode: str
    actie: str
    velden: list[tuple[str, str, str]] = field(default_factory=list)  # (name, type, value)


class Pagina(HTMLParser):
    """The ids, the aria-describedby references, the summary links and the forms of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.beschreven: list[tuple[str, str]] = []  # (element, id it names)
        self.ongeldig = 0
        self.overzichten = 0
        self.overzicht_diepte = 0
        self.overzicht_links: list[str] = []
        self.formulieren: list[Formulier] = []
        self._formulier: Formulier | None = None
        self._diepte = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for doel in (a.get("aria-describedby") or "").split():
            self.beschreven.append((f"<{tag} name={a.get('name') or a.get('id') or ''}>", doel))
        if a.get("aria-invalid") == "true":
            self.ongeldig += 1
        if tag == "div" and "data-foutoverzicht" in a:
            self.overzichten += 1
            self.overzicht_diepte = 1
        elif self.overzicht_diepte and tag == "div":
            self.overzicht_diepte += 1
        if self.overzicht_diepte and tag == "a" and (a.get("href") or "").startswith("#"):
            self.overzicht_links.append(a["href"][1:])
        if tag == "form":
            self._formulier = Formulier((a.get("method") or "get").lower(), a.get("action") or "")
            self.formulieren.append(self._formulier)
        elif self._formulier is not None and tag in ("input", "select", "textarea") and a.get("name"):
            soort = a.get("type", "text") if tag == "input" else tag
            self._formulier.velden.append((a["name"], soort, a.get("value") or ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._formulier = None
        if self.overzicht_diepte and tag == "div":
            self.overzicht_diepte -= 1


def _lees(inhoud: str) -> Pagina:
    pagina = Pagina()
    pagina.feed(inhoud)
    return pagina


def _gegevens(formulier: Formulier, fout: bool) -> dict[str, str]:
    """Empty: only what the page itself carries hidden (csrf, ids). Wrong: a bad value everywhere."""
    gegevens: dict[str, str] = {}
    for naam, soort, waarde in formulier.velden:
        if soort in ("hidden", "submit", "button"):
            gegevens.setdefault(naam, waarde)
        elif fout:
            if soort in ("select", "radio", "checkbox"):
                gegevens[naam] = "bestaat-niet"
            elif soort in ("file", "password"):
                continue
            else:
                gegevens[naam] = FOUT_PER_TYPE.get(soort, "x" * 3) if soort != "textarea" else " "
    return gegevens


def _controleer(inhoud: str, waar: str, overzicht_nodig: bool = False) -> list[str]:
    pagina = _lees(inhoud)
    problemen = [
        f"{waar}: {element} aria-describedby={doel} bestaat niet"
        for element, doel in pagina.beschreven
        if doel not in pagina.ids
    ]
    if overzicht_nodig and pagina.ongeldig and not pagina.overzichten:
        problemen.append(f"{waar}: velden met een fout maar geen foutoverzicht")
    problemen += [
        f"{waar}: foutoverzicht linkt naar #{doel}, dat niet bestaat"
        for doel in pagina.overzicht_links
        if doel not in pagina.ids
    ]
    return problemen


def _naam(pad: str) -> str | None:
    try:
        return resolve(pad.split("?")[0]).view_name
    except Resolver404:
        return None


def _verstuur(klant: Client, pagina_url: str, formulier: Formulier, fout: bool):
    doel = urljoin(pagina_url, formulier.actie) if formulier.actie else pagina_url.split("?")[0]
    gegevens = _gegevens(formulier, fout)
    if formulier.methode == "post":
        with transaction.atomic():
            antwoord = klant.post(doel, gegevens)
            transaction.set_rollback(True)
    else:
        antwoord = klant.get(f"{doel.split('?')[0]}?{urlencode(gegevens)}")
    return doel, antwoord


def _loop(klant: Client, paginas: list[str], telling: Counter) -> list[str]:
    problemen: list[str] = []
    gedaan: set[tuple] = set()
    for url in paginas:
        klant.cookies.pop("messages", None)
        antwoord = klant.get(url)
        if antwoord.status_code != 200 or not antwoord.get("Content-Type", "").startswith("text/html"):
            continue
        inhoud = antwoord.content.decode()
        telling["paginas"] += 1
        problemen += _controleer(inhoud, url)
        for formulier in _lees(inhoud).formulieren:
            doel = urljoin(url, formulier.actie) if formulier.actie else url.split("?")[0]
            naam = _naam(doel)
            if naam is None or naam in OVERSLAAN:
                continue
            # One form of each kind per role: the same view behind the same fields behaves alike.
            sleutel = (naam, formulier.methode, tuple(sorted(v[0] for v in formulier.velden)))
            if sleutel in gedaan:
                continue
            gedaan.add(sleutel)
            telling["formulieren"] += 1
            for fout in (False, True):
                klant.cookies.pop("messages", None)
                verstuurd, antwoord = _verstuur(klant, url, formulier, fout)
                assert antwoord.status_code < 500, (
                    f"{verstuurd} ({'fout' if fout else 'leeg'}): {antwoord.status_code}"
                )
                telling["verzonden"] += 1
                if antwoord.status_code == 200 and antwoord.get("Content-Type", "").startswith("text/html"):
                    tekst = antwoord.content.decode()
                    if 'aria-invalid="true"' in tekst:
                        telling["met fouten"] += 1
                    problemen += _controleer(
                        tekst, f"{verstuurd} ({'fout' if fout else 'leeg'}, vanaf {url})"
                    )
    return problemen


# Per role: the least number of answers with field errors the walk must see (guards against a walk
# that silently stops finding forms). Observed when written: 13, 41, 3, 25, 23, 36, 5, 7 answers with
# errors from 9, 31, 4, 24, 20, 28, 5, 4 forms.
MINIMUM_MET_FOUTEN = {
    "poort": 10,
    "beroepskracht": 30,
    "vrijwilliger": 2,
    "consulent": 18,
    "consulent_jeugd": 16,
    "coordinator": 25,
    "beleid": 3,
    "beheerder": 5,
}


@pytest.mark.parametrize("rol", ROLLEN)
def test_elke_foutmelding_hoort_bij_haar_veld(wereld, rol, settings):  # noqa: F811
    settings.SKT_LIMIET_ZOEKEN_PER_MINUUT = 100_000
    w = wereld
    paginas = []
    for verzoek in _verzoeken(w):
        if (
            verzoek.data is None
            and not verzoek.url.endswith((".pdf", ".json"))
            and verzoek.url not in paginas
        ):
            paginas.append(verzoek.url)
    telling: Counter = Counter()
    problemen = _loop(w.klanten[rol], paginas, telling)
    print(rol, dict(telling))
    assert not problemen, "\n".join(problemen[:40])
    assert telling["met fouten"] >= MINIMUM_MET_FOUTEN[rol], telling


def test_formulieren_zonder_inloggen(db):
    """The login and forgotten-password forms, as someone not logged in."""
    telling: Counter = Counter()
    problemen = _loop(Client(), ["/inloggen/", "/wachtwoord-vergeten/"], telling)
    assert not problemen, "\n".join(problemen)
    assert telling["formulieren"] >= 2, telling
