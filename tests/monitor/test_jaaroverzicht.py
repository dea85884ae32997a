"""The year report over the demo history of Overbetuwe (the demo's draw: 639 meldingen in 2015 as in
the sources, 1.101 in 2018 where the sources say 1.129): the four quarters side by side and the year
against the year before, on the screen, from ``bouw_monitor --jaar`` and in the PDF."""

import json
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse

from monitor import demo, testdata
from monitor.jaar import jaar_weergave, jaaroverzicht
from monitor.models import MeldingFeit, MonitorRapport
from monitor.opmaak import getal
from skt.profielen import profiel_laden

pytestmark = pytest.mark.django_db
JAAR = reverse("monitor:jaaroverzicht")


@pytest.fixture
def historie(personas):
    profiel_laden("overbetuwe-2019")
    van, tot, aantal = demo.HISTORIE
    testdata.maken(aantal, van=van, tot=tot, seed=demo.HISTORIE_SEED, prefix=demo.HISTORIE_PREFIX)
    return personas


def per_jaar(jaar: int) -> int:
    return MeldingFeit.objects.filter(aanmeldingsdatum__year=jaar).count()


def test_vier_kwartalen_en_het_jaar_ervoor(historie):
    assert per_jaar(2015) == 639
    totaal = per_jaar(2018)
    overzicht = jaaroverzicht(2018)

    kwartalen = [q["waarden"]["meldingen_totaal"] for q in overzicht["kwartalen"]]
    assert [q["code"] for q in overzicht["kwartalen"]] == ["2018Q1", "2018Q2", "2018Q3", "2018Q4"]
    assert sum(kwartalen) == totaal == overzicht["jaar_waarden"]["meldingen_totaal"]
    for q, n in zip(overzicht["kwartalen"], kwartalen, strict=True):
        jaar, nummer = int(q["code"][:4]), int(q["code"][-1])
        assert (
            n
            == MeldingFeit.objects.filter(
                aanmeldingsdatum__year=jaar, aanmeldingsdatum__quarter=nummer
            ).count()
        )
    vorig = per_jaar(2017)
    assert overzicht["vorig_jaar_waarden"]["meldingen_totaal"] == vorig
    verwacht = round(100 * (totaal - vorig) / vorig, 1)
    assert overzicht["verschil"]["meldingen_totaal"] == {"absoluut": totaal - vorig, "procent": verwacht}

    rijen = dict(jaar_weergave(overzicht, drempel=5)["rijen"])
    assert rijen["Aantal meldingen"] == [
        *(getal(n) for n in kwartalen),
        getal(totaal),
        getal(vorig),
        f"+{getal(verwacht, 1)}%",
    ]


def test_bouw_monitor_jaar_met_json_en_pdf(historie, tmp_path):
    json_pad, pdf_pad = tmp_path / "jaar.json", tmp_path / "jaar.pdf"
    call_command("bouw_monitor", "--jaar", "2018", "--json", str(json_pad), "--pdf", str(pdf_pad))

    rapport = MonitorRapport.objects.get()
    assert (rapport.van.isoformat(), rapport.tot.isoformat()) == ("2018-01-01", "2018-12-31")
    cijfers = json.loads(json_pad.read_text(encoding="utf-8"))
    # The existing keys stay; the year is added.
    for sleutel in ("periode", "periode_label", "meldingen", "kpis", "kpis_per_team", "kpis_per_kern"):
        assert sleutel in cijfers
    assert cijfers["meldingen"]["totaal"] == per_jaar(2018) and cijfers["periode_label"] == "jaar 2018"
    assert len(cijfers["jaaroverzicht"]["kwartalen"]) == 4

    tekst = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf_pad), "-"], capture_output=True, check=True, text=True
        ).stdout.split()
    )
    assert "Jaaroverzicht 2018" in tekst
    j = cijfers["jaaroverzicht"]
    verschil = j["verschil"]["meldingen_totaal"]["procent"]
    kwartalen = " ".join(getal(q["waarden"]["meldingen_totaal"]) for q in j["kwartalen"])
    assert (
        f"Aantal meldingen {kwartalen} {getal(per_jaar(2018))} "
        f"{getal(j['vorig_jaar_waarden']['meldingen_totaal'])} +{getal(verschil, 1)}%" in tekst
    )


def test_jaaroverzicht_op_het_scherm_en_wie_het_ziet(historie, als):
    antwoord = als(historie.beleid).get(JAAR, {"jaar": "2018"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Jaaroverzicht 2018" in html and "Maak de PDF van het jaar 2018" in html
    assert f">{getal(per_jaar(2018))}<" in html
    assert als(historie.beroepskracht).get(JAAR).status_code == 403
    # A year the monitor has no choice for: the last whole year, with the error next to the field.
    fout = als(historie.coordinator).get(JAAR, {"jaar": "1850"})
    assert fout.status_code == 200 and "Selecteer een geldige keuze" in fout.content.decode()


def test_verschil_per_eenheid():
    from monitor.jaar import verschil

    assert verschil("aantal", 1101, 947) == {"absoluut": 154.0, "procent": 16.3}
    assert verschil("aantal", 3, 0) == {"absoluut": 3.0, "procent": None}
    assert verschil("procent", 90.6, 91.9) == {"absoluut": -1.3, "procent": None}
    assert verschil("dagen", None, 2.0) == {"absoluut": None, "procent": None}
    leeg = {"waarden": {}, "noemers": {}}
    overzicht = {
        "jaar": 2018,
        "vorig_jaar": 2017,
        "kwartalen": [{"code": f"2018Q{n}", **leeg} for n in range(1, 5)],
        "jaar_waarden": {"voorwerk_ingediend": 0, "eerste_contact_binnen_termijn_procent": 90.6},
        "jaar_noemers": {"eerste_contact_binnen_termijn_procent": 500},
        "vorig_jaar_waarden": {"voorwerk_ingediend": 0, "eerste_contact_binnen_termijn_procent": 91.9},
        "vorig_jaar_noemers": {"eerste_contact_binnen_termijn_procent": 480},
        "verschil": {
            "voorwerk_ingediend": verschil("aantal", 0, 0),
            "eerste_contact_binnen_termijn_procent": verschil("procent", 90.6, 91.9),
        },
    }
    rijen = dict(jaar_weergave(overzicht, drempel=5)["rijen"])
    assert rijen["Eerste contact binnen de termijn"][4:] == ["90,6%", "91,9%", "-1,3 procentpunt"]
    assert rijen["Voorwerk-arrangementen ingediend"][4:] == ["0", "0", "+0"]
