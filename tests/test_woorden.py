"""Issue 15, words: one term per concept, with the Woordenlijst's spelling, on screens, in messages and
in the PDF; Dutch empty choices; category lists in the order of the chosen law; Dutch lists in prose."""

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template

ROOT = Path(settings.BASE_DIR)
APPS = ("skt", "meldingen", "poort", "casussen", "arrangementen", "monitor", "dossier")
# "trieren", "getrieerd", "Trieer", "triageert": the Woordenlijst writes triëren, getriëerd, triëert.
FOUT_GESPELD = re.compile(r"(?i)\b(ge)?trie(er|ren|erd|erde)|\btriag(eer|eert|eren|eerd)\b")


def _tekst_van_templates():
    for pad in (ROOT / "templates").rglob("*.html"):
        tekst = pad.read_text()
        # What the user reads: not the tags, variables and comments (url names like 'poort:trieren').
        tekst = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", tekst, flags=re.S)
        tekst = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", "", tekst, flags=re.S)
        yield pad, re.sub(r'\s(?:id|for|href|class|name|data-[\w-]+)="[^"]*"', "", tekst)


def _zinnen_in_python():
    """String literals with a space in them: prose (messages, labels), not keys or url names."""
    for app in APPS:
        for pad in (ROOT / app).rglob("*.py"):
            if "migrations" in pad.parts:
                continue
            for knoop in ast.walk(ast.parse(pad.read_text())):
                if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str) and " " in knoop.value:
                    yield pad, knoop.lineno, knoop.value


def test_trieren_is_overal_trieren_met_trema():
    fout = [str(p.relative_to(ROOT)) for p, t in _tekst_van_templates() if FOUT_GESPELD.search(t)]
    fout += [
        f"{p.relative_to(ROOT)}:{regel}: {tekst[:60]}"
        for p, regel, tekst in _zinnen_in_python()
        if FOUT_GESPELD.search(tekst)
    ]
    assert not fout, fout


@pytest.mark.django_db
def test_de_melder_hoort_overal_afgehandeld(personas):
    from meldingen.models import Melding
    from meldingen.services import terugkoppeltekst

    veld = Melding._meta.get_field("melder_wil_terugkoppeling")
    assert "afgehandeld" in str(veld.verbose_name) and "opgepakt" not in str(veld.verbose_name)
    tekst = terugkoppeltekst(Melding(melder_naam="Dokter Pietersen", aanmeldingsdatum=date(2026, 1, 5)))
    assert "is afgehandeld" in tekst and "opgepakt" not in tekst
    for pad, tekst in _tekst_van_templates():
        if "meldingen" in pad.parts or "poort" in pad.parts:
            assert "is opgepakt" not in tekst, pad


def test_teruggestuurd_is_het_woord_voor_terug_voor_aanvulling():
    from monitor.kpis import KPIS

    labels = {k.code: str(k.naam) for k in KPIS}
    assert labels["voorwerk_teruggegeven"] == "Voorwerk teruggestuurd voor aanvulling"
    assert not [naam for naam in labels.values() if "teruggegeven" in naam]


@pytest.mark.django_db
def test_lege_keuze_is_kies(personas):
    from django import forms

    from casussen.forms import CasusStartForm
    from skt.forms import NLDSFormMixin

    html = str(CasusStartForm(team=personas.team_a)["casushouder"])
    assert "---------" not in html and "— kies —" in html

    class Keuzes(NLDSFormMixin, forms.Form):
        wie = forms.ModelChoiceField(queryset=type(personas.poort).objects.all())
        soort = forms.TypedChoiceField(choices=[("", "---------"), ("a", "A")])

    html = Keuzes().as_div()
    assert "---------" not in html and html.count("— kies —") == 2


@pytest.mark.django_db
def test_maatwerkcategorieen_in_de_volgorde_van_de_gekozen_wet():
    from arrangementen.categorieen import categorieen_laden
    from arrangementen.forms import categorie_keuzes
    from arrangementen.models import MaatwerkCategorie

    if not MaatwerkCategorie.objects.exists():
        categorieen_laden()
    groepen = lambda wet: [label for label, keuzes in categorie_keuzes(wet)[1:]]  # noqa: E731
    assert groepen("wmo") == ["Wmo 2015", "Jeugdwet"]
    assert groepen(None) == ["Wmo 2015", "Jeugdwet"]
    assert groepen("jeugd") == ["Jeugdwet", "Wmo 2015"]


def test_namen_als_nederlandse_opsomming():
    sjabloon = Template("{% load opsomming %}{{ namen|opsomming }}")
    for namen, verwacht in (
        ([], ""),
        (["Elst"], "Elst"),
        (["Elst", "Zetten"], "Elst en Zetten"),
        (["Elst", "Zetten", "Heteren"], "Elst, Zetten en Heteren"),
    ):
        assert sjabloon.render(Context({"namen": namen})) == verwacht


@pytest.mark.django_db
def test_de_welkomstregel_van_de_coordinator(personas, als):
    inhoud = als(personas.coordinator).get("/").content.decode()
    teams = [t.naam for t in personas.coordinator.teams.all()]
    assert len(teams) == 3
    assert f"in {teams[0]}, {teams[1]} en {teams[2]}." in inhoud
