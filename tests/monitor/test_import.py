"""The historical import: a few hundred generated meldingen, reproduced exactly by the monitor."""

import csv
import io
import random
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from meldingen.vocab import Ingang, MelderSoort, Uitstroom
from monitor.importeren import ImportFout, datum_lezen, meldingen_importeren
from monitor.models import MeldingFeit, MeldingFeitLeefgebied
from monitor.periode import Periode

from ..factories import team_maken

Q1_2019 = Periode.uit_tekst("2019Q1")
KOP = [
    "meldingnummer",
    "datum",
    "kernteam",
    "kern",
    "ingang",
    "melder",
    "leefgebieden",
    "jeugd",
    "uitstroom",
    "contactmomenten",
    "eerste_contact",
    "afgesloten",
]


def _variant(rng: random.Random, code: str, label: str, aliassen=()) -> str:
    """The same value as a code, a label or an alias, in any letter case."""
    tekst = str(rng.choice([code, label, *aliassen]))
    return rng.choice([tekst, tekst.upper(), tekst.lower(), tekst.title()])


def _datum(rng: random.Random, d: date) -> str:
    return d.isoformat() if rng.random() < 0.5 else d.strftime("%d-%m-%Y")


@pytest.fixture
def historie(personas, leefgebieden, kern_elst, kern_driel):
    """A 2015-era team that is no longer active, to show that old exports still find their team."""
    oud = team_maken("Herveld-Andelst")
    oud.actief = False
    oud.save()
    return {"teams": [personas.team_a, personas.team_b, oud], "kernen": [kern_elst, kern_driel, None]}


def genereer(rng: random.Random, aantal: int, historie, leefgebieden) -> tuple[list[list[str]], dict]:
    """Rows as an old registration would export them, and the counts for Q1 2019 worked out here."""
    rijen, verwacht = (
        [],
        {
            "per_team": Counter(),
            "per_maand": Counter(),
            "per_leefgebied": Counter(),
            "per_ingang": Counter(),
            "totaal": 0,
        },
    )
    lg_lijst = list(leefgebieden.values())
    begin = date(2018, 10, 1)
    for i in range(aantal):
        datum = begin + timedelta(days=rng.randrange(0, 273))
        team = rng.choice(historie["teams"])
        kern = rng.choice(historie["kernen"])
        ingang = rng.choice(Ingang.choices + [("", "")])
        melder = rng.choice(MelderSoort.choices)
        gekozen = rng.sample(lg_lijst, rng.choice([0, 1, 1, 2, 3]))
        uitstroom = rng.choice(Uitstroom.choices + [("", "")])
        contact = datum + timedelta(days=rng.randrange(0, 9)) if rng.random() < 0.8 else None
        afgesloten = (
            contact + timedelta(days=rng.randrange(0, 40)) if contact and rng.random() < 0.7 else None
        )
        if afgesloten and afgesloten > date.today():
            afgesloten = None
        rijen.append(
            [
                f"ISAM-{i:05d}",
                _datum(rng, datum),
                _variant(rng, team.code, team.naam),
                _variant(rng, kern.code, kern.naam) if kern else "",
                _variant(rng, *ingang) if ingang[0] else "",
                _variant(rng, *melder),
                " | ".join(_variant(rng, lg.code, lg.label, lg.aliassen) for lg in gekozen),
                rng.choice(["ja", "nee", "Ja", "NEE", ""]),
                _variant(rng, *uitstroom) if uitstroom[0] else "",
                str(rng.randrange(0, 12)) if rng.random() < 0.4 else "",
                _datum(rng, contact) if contact else "",
                _datum(rng, afgesloten) if afgesloten else "",
            ]
        )
        if Q1_2019.van <= datum <= Q1_2019.tot:
            verwacht["totaal"] += 1
            verwacht["per_team"][team.naam] += 1
            verwacht["per_maand"][f"{datum:%Y-%m}"] += 1
            verwacht["per_ingang"][ingang[0] or "onbekend"] += 1
            for lg in gekozen:
                verwacht["per_leefgebied"][lg.label] += 1
            if not gekozen:
                verwacht["per_leefgebied"]["onbekend"] += 1
    return rijen, verwacht


def csv_bytes(rijen, *, scheiding=";", bom=True, kop=KOP) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=scheiding).writerows([[str(v) for v in rij] for rij in [kop, *rijen]])
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def zonder_nullen(d: dict) -> dict:
    return {k: v for k, v in d.items() if v}


def test_import_geeft_exact_dezelfde_telling_en_nogmaals_importeren_verandert_niets(
    historie, leefgebieden, tmp_path, capsys
):
    from monitor.berekening import monitor_berekenen

    rng = random.Random(20190401)
    rijen, verwacht = genereer(rng, 400, historie, leefgebieden)
    pad = tmp_path / "isam-export.csv"
    pad.write_bytes(csv_bytes(rijen))

    call_command("importeer_meldingen", str(pad))
    assert "400 meldingen gelezen: 400 nieuw" in capsys.readouterr().out
    assert MeldingFeit.objects.count() == 400

    m = monitor_berekenen(Q1_2019)["meldingen"]
    assert m["totaal"] == verwacht["totaal"] > 100
    assert zonder_nullen(m["per_team"]) == dict(verwacht["per_team"])
    assert m["per_maand"] == dict(verwacht["per_maand"])
    assert zonder_nullen(m["per_leefgebied"]) == dict(verwacht["per_leefgebied"])
    assert m["per_ingang"] == dict(verwacht["per_ingang"])
    assert sum(sum(maanden.values()) for maanden in m["per_team_per_maand"].values()) == verwacht["totaal"]

    regels_voor = MeldingFeitLeefgebied.objects.count()
    call_command("importeer_meldingen", str(pad))
    assert "400 nieuw" not in (uit := capsys.readouterr().out)
    assert "0 nieuw, 0 bijgewerkt, 400 ongewijzigd" in uit
    assert MeldingFeit.objects.count() == 400
    assert MeldingFeitLeefgebied.objects.count() == regels_voor
    assert monitor_berekenen(Q1_2019)["meldingen"] == m


def test_opnieuw_importeren_werkt_bij_zonder_te_verdubbelen(historie, leefgebieden):
    kop = ["meldingnummer", "datum", "kernteam", "ingang", "leefgebieden"]
    eerste = csv_bytes([["M-1", "2019-01-10", "elst", "telefoon", "financien"]], kop=kop)
    meldingen_importeren(eerste)
    tweede = csv_bytes(
        [["M-1", "2019-01-10", "elst", "email", "Wonen|Geld"], ["M-2", "11-01-2019", "Driel", "", ""]],
        kop=kop,
    )
    resultaat = meldingen_importeren(tweede)
    assert (resultaat.nieuw, resultaat.bijgewerkt, resultaat.ongewijzigd) == (1, 1, 0)
    feit = MeldingFeit.objects.get(sleutel="M-1")
    assert feit.ingang == "email"
    assert sorted(feit.leefgebieden.values_list("code", flat=True)) == ["financien", "huisvesting"]
    assert MeldingFeit.objects.count() == 2


def test_komma_zonder_bom_en_nederlandse_datums(historie, leefgebieden):
    velden = (
        "A1|25-03-2019|ELST|elst|Via loket/consulent|Huisarts|Sociale relaties|ja||4|27-03-2019|01-04-2019"
    )
    rijen = [velden.split("|")]
    resultaat = meldingen_importeren(csv_bytes(rijen, scheiding=",", bom=False))
    assert resultaat.nieuw == 1
    feit = MeldingFeit.objects.get()
    assert (feit.aanmeldingsdatum, feit.ingang, feit.melder, feit.jeugd) == (
        date(2019, 3, 25),
        "loket",
        "huisarts",
        True,
    )
    assert (feit.eerste_contact_op, feit.dagen_tot_eerste_contact, feit.contactmomenten) == (
        date(2019, 3, 27),
        2,
        4,
    )
    assert feit.status == "afgesloten"
    assert feit.kern.code == "elst"
    assert list(feit.leefgebieden.values_list("code", flat=True)) == ["sociaal_netwerk"]


def test_foute_regels_weigeren_het_hele_bestand_met_regelnummers(historie, leefgebieden, tmp_path, capsys):
    rijen = [
        ["G-1", "2019-01-02", "Elst", "", "telefoon", "", "", "", "", "", "", ""],
        ["G-2", "2019-01-03", "Onbekend team", "", "telefoon", "", "", "", "", "", "", ""],
        ["G-3", "2019-01-04", "Elst", "", "telefoon", "", "Ruimtevaart", "", "", "", "", ""],
        ["G-4", "2019-01-05", "Elst", "", "postduif", "", "", "", "", "", "", ""],
        ["G-5", "31-02-2019", "Elst", "", "", "", "", "", "", "", "", ""],
        ["G-6", "2019/01/06", "Elst", "", "", "", "", "", "", "", "", ""],
        ["G-1", "2019-01-07", "Elst", "", "", "", "", "misschien", "", "veel", "", ""],
        ["G-8", "2019-01-08", "Elst", "Atlantis", "", "", "", "", "", "", "2019-01-01", ""],
    ]
    pad = tmp_path / "fout.csv"
    pad.write_bytes(csv_bytes(rijen))
    with pytest.raises(CommandError, match="Niets geïmporteerd"):
        call_command("importeer_meldingen", str(pad))
    fouten = capsys.readouterr().err
    assert "regel 3: onbekend team 'Onbekend team'" in fouten
    assert "regel 4: onbekend leefgebied 'Ruimtevaart'" in fouten
    assert "regel 5: onbekende ingang 'postduif'" in fouten
    assert "regel 6: datum: '31-02-2019' is geen bestaande datum" in fouten
    assert "regel 7: datum: '2019/01/06' is geen datum" in fouten
    assert "regel 8: meldingnummer G-1 staat ook op regel 2" in fouten
    assert "regel 8: jeugd is 'ja' of 'nee'" in fouten
    assert "regel 8: contactmomenten is een geheel getal" in fouten
    assert "regel 9: onbekende kern 'Atlantis'" in fouten
    assert "regel 9: eerste_contact ligt vóór de datum van aanmelding" in fouten
    assert "regel 2:" not in fouten
    assert MeldingFeit.objects.count() == 0


def test_bestand_zonder_verplichte_kolom_of_niet_in_utf8(historie, tmp_path, capsys):
    with pytest.raises(ImportFout) as fout:
        meldingen_importeren(b"meldingnummer;datum\nX;2019-01-01\n")
    assert fout.value.fouten[0].startswith("regel 1: kolom kernteam ontbreekt")
    with pytest.raises(ImportFout) as fout:
        meldingen_importeren("meldingnummer;datum;kernteam\nX;2019-01-01;Tëam\n".encode("latin-1"))
    assert "regel 2: het bestand is geen UTF-8" in fout.value.fouten[0]
    with pytest.raises(ImportFout):
        meldingen_importeren(b"")
    pad = tmp_path / "bestaat-niet.csv"
    with pytest.raises(CommandError, match="kan niet gelezen worden"):
        call_command("importeer_meldingen", str(pad))
    assert MeldingFeit.objects.count() == 0


def test_een_datum_in_de_toekomst_wordt_geweigerd(historie):
    morgen = (date.today() + timedelta(days=2)).isoformat()
    with pytest.raises(ImportFout) as fout:
        meldingen_importeren(csv_bytes([["T-1", morgen, "elst"]], kop=["meldingnummer", "datum", "kernteam"]))
    assert "in de toekomst" in fout.value.fouten[0]


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [("2015-03-25", date(2015, 3, 25)), ("25-03-2015", date(2015, 3, 25)), ("5-3-2015", date(2015, 3, 5))],
)
def test_datumvormen(tekst, verwacht):
    assert datum_lezen(tekst) == verwacht
