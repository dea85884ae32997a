"""Issue 16, point 1: the raad's PDF as a raadslid reads it, by the text pdftotext extracts.

One PDF per module (WeasyPrint takes seconds): Overbetuwe's 2019 teams with their long names, a
running quarter (2026 Q4) with the peildatum fixed on 25 November 2026, and last year's meldingen on
both sides of 25 November 2025. Built inside a transaction that is rolled back when the module ends.
"""

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.db import transaction

from monitor.berekening import monitor_berekenen
from monitor.grafieken import balken, maandvergelijking
from monitor.opmaak import getal
from monitor.pdf import rapport_html, rapport_pdf
from monitor.periode import Periode
from monitor.weergave import Tabel, in_delen, weergave

from ..conftest import personas_ophalen, personas_zorgen
from ..factories import KernFactory, LeefgebiedFactory, team_maken
from .conftest import feit

pytestmark = pytest.mark.django_db

PERIODE = Periode.kwartaal(2026, 4)
PEILDATUM = date(2026, 11, 25)
ZETTEN = "Zetten, Hemmen, Randwijk, Heteren en Driel"
HERVELD = "Herveld, Andelst en Oosterhout"


@dataclass
class Gebouwd:
    cijfers: dict
    tekst: str  # pdftotext -layout
    platte_tekst: str
    w: dict
    html: str


def _feiten():
    personas_zorgen()
    p = personas_ophalen()
    lg = {
        "financien": LeefgebiedFactory(code="financien", label="Financiën", volgorde=1),
        "huisvesting": LeefgebiedFactory(code="huisvesting", label="Huisvesting", volgorde=2),
        "sociaal_netwerk": LeefgebiedFactory(code="sociaal_netwerk", label="Sociaal netwerk", volgorde=3),
    }
    zetten = team_maken(ZETTEN, kernen=[KernFactory(code="zetten", naam="Zetten")])
    herveld = team_maken(HERVELD, kernen=[KernFactory(code="herveld", naam="Herveld")])
    dag = iter(range(10_000))

    def meldingen(team, n, leefgebieden=()):
        for _ in range(n):
            feit(datum=PERIODE.van + timedelta(days=next(dag) % 50), team=team, leefgebieden=leefgebieden)

    # 2026 Q4 up to 25 November (day 0..49 after 1 October): 43 meldingen.
    meldingen(zetten, 7, [lg["financien"]])
    meldingen(zetten, 2, [lg["huisvesting"]])
    meldingen(zetten, 6, [lg["financien"], lg["sociaal_netwerk"]])
    meldingen(herveld, 11, [lg["sociaal_netwerk"]])
    meldingen(herveld, 5, [lg["huisvesting"]])
    meldingen(p.team_a, 12, [lg["financien"]])
    # Last year: 10 on the same days, 8 after 25 November that a like-for-like comparison leaves out.
    for i in range(10):
        feit(datum=date(2025, 10, 1) + timedelta(days=5 * i), team=p.team_a)
    for i in range(8):
        feit(datum=date(2025, 11, 26) + timedelta(days=4 * i), team=p.team_a)


@pytest.fixture(scope="module")
def pdf(django_db_setup, django_db_blocker, tmp_path_factory):
    map_ = tmp_path_factory.mktemp("monitor-leesbaar")
    with django_db_blocker.unblock():
        buiten = transaction.atomic()
        buiten.__enter__()
        try:
            _feiten()
            cijfers = monitor_berekenen(PERIODE, vandaag=PEILDATUM)
            inhoud, _paginas = rapport_pdf(cijfers)
            pad = map_ / "leesbaar.pdf"
            pad.write_bytes(inhoud)
            if os.environ.get("SKT_PDF_BEWAREN"):  # to look at the pages by hand
                shutil.copy(pad, os.environ["SKT_PDF_BEWAREN"])
            tekst = subprocess.run(
                ["pdftotext", "-layout", str(pad), "-"], capture_output=True, check=True, text=True
            ).stdout
            drempel = int(cijfers["instellingen"]["privacy_drempel"])
            yield Gebouwd(
                cijfers=cijfers,
                tekst=tekst,
                platte_tekst=" ".join(tekst.split()),
                w=weergave(cijfers, drempel=drempel),
                html=rapport_html(cijfers),
            )
        finally:
            transaction.set_rollback(True)
            buiten.__exit__(None, None, None)


def test_de_kruistabel_leefgebied_team_staat_er_helemaal(pdf):
    tabel = pdf.w["leefgebied_per_team"]
    assert ZETTEN in tabel.kolommen and HERVELD in tabel.kolommen and "Elst" in tabel.kolommen
    # Every team name, whole, even when the header wraps it over lines.
    for team in tabel.kolommen:
        for woord in team.replace(",", "").split():
            assert woord in pdf.platte_tekst, woord
    regels = pdf.tekst.splitlines()
    for naam, cellen in tabel.rijen:
        # Each row of the table is one line of text: its leefgebied and then every figure, in order.
        # pdftotext may drop the space in '< 5'.
        figuren = [r"\s*".join(re.escape(deel) for deel in cel.split()) for cel in cellen]
        patroon = re.compile(re.escape(naam) + r"\s+" + r"\s+".join(figuren) + r"\s*$")
        assert any(patroon.search(regel) for regel in regels), (naam, cellen)
    rijen = dict(tabel.rijen)
    kolom = tabel.kolommen.index(ZETTEN)
    assert rijen["Financiën"][kolom] == "13" and rijen["Huisvesting"][kolom] == "< 5"


def test_de_kruistabel_staat_op_een_liggende_pagina(pdf):
    assert "@page breed { size: A4 landscape; }" in pdf.html
    assert '<div class="breed">' in pdf.html


def test_een_brede_tabel_wordt_in_delen_geknipt_zonder_iets_te_verliezen():
    tabel = Tabel([f"Team {i}" for i in range(14)], [("Geld", [str(i) for i in range(14)])])
    delen = in_delen(tabel, per=6)
    assert [len(d.kolommen) for d in delen] == [6, 6, 2]
    assert sum((d.kolommen for d in delen), []) == tabel.kolommen
    assert sum((d.rijen[0][1] for d in delen), []) == tabel.rijen[0][1]
    assert all(d.rijen[0][0] == "Geld" for d in delen)


def test_een_lopend_kwartaal_loopt_tot_de_peildatum(pdf):
    assert "4e kwartaal 2026 (t/m 25 november 2026)" in pdf.platte_tekst
    assert "1 oktober 2026 t/m 25 november 2026" in pdf.platte_tekst
    assert "31 december 2026" not in pdf.platte_tekst
    assert pdf.cijfers["loopt_nog"] is True
    assert pdf.cijfers["periode_tekst"] == "1 oktober 2026 t/m 25 november 2026"


def test_vorig_jaar_zijn_dezelfde_dagen(pdf):
    m = pdf.cijfers["meldingen"]
    assert m["totaal"] == 43
    assert m["zelfde_periode_vorig_jaar"] == 10  # not the 18 of the whole quarter
    assert m["zelfde_periode_vorig_jaar_van_tot"] == {"van": "2025-10-01", "tot": "2025-11-25"}
    assert m["groei_procent"] == 330.0
    assert sum(m["per_maand_vorig_jaar"].values()) == 10
    assert list(m["per_maand_vorig_jaar"]) == ["2025-10", "2025-11", "2025-12"]
    assert "dezelfde periode vorig jaar, 1 oktober 2025 t/m 25 november 2025 (10)" in pdf.platte_tekst


def test_een_afgesloten_kwartaal_vergelijkt_met_het_hele_kwartaal():
    q1 = Periode.kwartaal(2019, 1)
    assert not q1.loopt_op(date(2019, 4, 2))
    assert q1.vergelijkbaar_vorig_jaar(date(2019, 4, 2)) == Periode.kwartaal(2018, 1)
    assert q1.tekst(date(2019, 4, 2)) == "1 januari 2019 t/m 31 maart 2019"
    assert q1.vergelijkbaar_vorig_jaar(date(2019, 2, 10)) == Periode(date(2018, 1, 1), date(2018, 2, 10))


# A figure with a point between digits: 1.234 (thousands) is Dutch, 12.5 or 1.2345 is not.
ENGELS_DECIMAAL = re.compile(r"(?<![\d.])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])")


def test_geen_engelse_decimalen_in_de_pdf(pdf):
    assert ENGELS_DECIMAAL.findall(pdf.tekst) == []
    assert "330,0%" in pdf.platte_tekst


def test_grammatica(pdf):
    assert "Elk kerncijfer staat naast de streefwaarde" in pdf.platte_tekst
    assert "Elke kerncijfer" not in pdf.platte_tekst


def test_pdf_ua_blijft(pdf):
    assert '<html lang="nl">' in pdf.html
    assert pdf.html.count("<img ") == pdf.html.count(' alt="')


def _ticklabels(svg: str, as_: str) -> list[str]:
    # Each tick group holds its line and then its label, the first text after the group opens.
    patroon = rf'<g id="{as_}tick_\d+">.*?<text[^>]*>([^<]*)</text>'
    return [t.strip() for t in re.findall(patroon, svg, re.S)]


def test_grafieken_tellen_in_hele_getallen_met_een_duizendtalpunt():
    grafiek = balken({"Financiën": 3, "Huisvesting": 1}, "Klein")
    labels = _ticklabels(grafiek.svg, "x")
    assert labels and all(re.fullmatch(r"\d+", lab) for lab in labels), labels
    groot = balken({"Financiën": 12_500, "Huisvesting": 4_000}, "Groot")
    labels = _ticklabels(groot.svg, "x")
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*", lab) for lab in labels), labels
    assert any("." in lab for lab in labels), labels
    maand = maandvergelijking({"2019-01": 2, "2019-02": 3}, {"2018-01": 1, "2018-02": 0}, "Per maand")
    labels = _ticklabels(maand.svg, "y")
    assert labels and all(re.fullmatch(r"\d+", lab) for lab in labels), labels


def test_getal_is_nederlands():
    assert getal(1234.5, 1) == "1.234,5"
    assert getal(1_129) == "1.129"


def test_meldingen_per_team_per_maand_in_de_pdf(pdf):
    tabel = pdf.w["team_per_maand"]
    assert tabel.kolommen == ["okt 2026", "nov 2026", "dec 2026", "Totaal"]
    rijen = dict(tabel.rijen)
    assert rijen == {
        "Elst": ["0", "12", "0", "12"],
        HERVELD: ["16", "0", "0", "16"],
        ZETTEN: ["15", "0", "0", "15"],
    }
    assert "Meldingen per team per maand" in pdf.platte_tekst
    assert any(re.search(r"Elst\s+0\s+12\s+0\s+12\s*$", regel) for regel in pdf.tekst.splitlines())
