"""Issue 15 point 7: a searchable access log. Filters on medewerker, inwoner, period, actie and
resultaat; IP and "vanaf waar" columns; repeated reads grouped on screen (the rows stay separate);
refusals show what was asked; a CSV export for the privacy officer that is itself logged."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from skt.models import Rol, Toegang, ToegangInwoner
from skt.rechten import inwoner_toegang_geven

from ..factories import InwonerFactory, medewerker_maken

pytestmark = pytest.mark.django_db

URL = "/toegangslog/"


def _rij(wie, *, wanneer, actie="lezen", resultaat="toegestaan", pad="/", inwoner=None, **extra):
    return Toegang.objects.create(
        medewerker=wie,
        tijdstip=wanneer,
        actie=actie,
        resultaat=resultaat,
        pad=pad,
        inwoner=inwoner,
        object_soort=extra.pop("object_soort", "inwoner" if inwoner else ""),
        object_id=extra.pop("object_id", str(inwoner.uuid) if inwoner else ""),
        **extra,
    )


@pytest.fixture
def log(personas, kern_elst):
    """A small log: the beroepskracht read one dossier three times in three minutes and again later,
    searched once, and was refused on a casus; the vrijwilliger read another dossier last month."""
    moment = timezone.make_aware(dt.datetime(2026, 11, 3, 14, 2))
    jansen = InwonerFactory(kern=kern_elst, achternaam="Oudejans", voornamen="Gerrit")
    pieters = InwonerFactory(kern=kern_elst, achternaam="Brinkhorst", voornamen="Aaltje")
    for i in (jansen, pieters):
        inwoner_toegang_geven(i, personas.team_a, "melding")
    pad = f"/inwoners/{jansen.uuid}/"
    rijen = {
        "lezen": [
            _rij(
                personas.beroepskracht,
                wanneer=moment + dt.timedelta(minutes=m),
                pad=pad,
                inwoner=jansen,
                ip_adres="10.0.0.7",
            )
            for m in (0, 2, 3)
        ],
        "later": _rij(
            personas.beroepskracht, wanneer=moment + dt.timedelta(minutes=20), pad=pad, inwoner=jansen
        ),
        "zoeken": _rij(
            personas.beroepskracht,
            wanneer=moment + dt.timedelta(minutes=5),
            actie="zoeken",
            pad="/inwoners/",
            reden="zoeken in dossiers op naam of postcode: 1 gevonden",
        ),
        "geweigerd": _rij(
            personas.beroepskracht,
            wanneer=moment + dt.timedelta(minutes=6),
            resultaat="geweigerd",
            pad="/casussen/1234abcd/",
            object_soort="casus",
            object_id="1234abcd",
            reden="geen recht op deze pagina of handeling",
            ip_adres="10.0.0.8",
        ),
        "vorige_maand": _rij(
            personas.vrijwilliger,
            wanneer=moment - dt.timedelta(days=30),
            pad=f"/inwoners/{pieters.uuid}/",
            inwoner=pieters,
        ),
    }
    return {"jansen": jansen, "pieters": pieters, "moment": moment, **rijen}


def _tabel(inhoud: str) -> str:
    return inhoud.split("<tbody", 1)[1].split("</tbody>", 1)[0] if "<tbody" in inhoud else ""


def test_herhaald_lezen_is_een_regel_en_de_rijen_blijven_apart(personas, als, log):
    inhoud = als(personas.coordinator).get(URL, {"medewerker": personas.beroepskracht.pk}).content.decode()
    tabel = _tabel(inhoud)
    assert "3× gelezen 14:02–14:05" in tabel
    # The read twenty minutes later is a line of its own; the search and the refusal too.
    assert tabel.count("<tr") == 4
    assert Toegang.objects.filter(pad=log["lezen"][0].pad, medewerker=personas.beroepskracht).count() == 4


def test_ip_vanaf_waar_en_wat_een_weigering_vroeg(personas, als, log):
    inhoud = als(personas.coordinator).get(URL, {"resultaat": "geweigerd"}).content.decode()
    tabel = _tabel(inhoud)
    assert "Vanaf waar" in inhoud and "IP-adres" in inhoud
    assert "Gevraagd: casus 1234abcd" in tabel and "/casussen/1234abcd/" in tabel and "10.0.0.8" in tabel
    assert log["jansen"].naam not in tabel  # only the refusal, not the reads
    # The older link still filters on refusals.
    assert "/casussen/1234abcd/" in _tabel(
        als(personas.coordinator).get(URL, {"geweigerd": "1"}).content.decode()
    )


@pytest.mark.parametrize(
    "filter_,getoond,niet",
    [
        ({"actie": "zoeken"}, ["zoeken in dossiers"], ["3× gelezen", "1234abcd"]),
        ({"inwoner": "brinkhorst"}, ["Aaltje Brinkhorst"], ["3× gelezen", "1234abcd"]),
        ({"inwoner": "oudejans"}, ["3× gelezen"], ["Brinkhorst", "1234abcd"]),
        ({"van": "2026-10-01", "tot": "2026-10-31"}, ["Brinkhorst"], ["3× gelezen"]),
        ({"van": "2026-11-03", "tot": "2026-11-03"}, ["3× gelezen", "1234abcd"], ["Brinkhorst"]),
    ],
    ids=["actie", "inwoner-a", "inwoner-b", "periode-oktober", "periode-dag"],
)
def test_filters(personas, als, log, filter_, getoond, niet):
    tabel = _tabel(als(personas.coordinator).get(URL, filter_).content.decode())
    for tekst in getoond:
        assert tekst in tabel, (filter_, tekst)
    for tekst in niet:
        assert tekst not in tabel, (filter_, tekst)


def test_filter_op_inwoner_vindt_ook_de_lijst_die_hem_toonde(personas, als, log):
    lijst = _rij(
        personas.beroepskracht,
        wanneer=log["moment"],
        pad="/casussen/?status=alle",
        reden="lijst van casussen",
    )
    ToegangInwoner.objects.create(toegang=lijst, inwoner=log["pieters"])
    tabel = _tabel(als(personas.coordinator).get(URL, {"inwoner": "Brinkhorst"}).content.decode())
    assert "lijst van casussen" in tabel


@pytest.mark.parametrize(
    "filter_,fout",
    [
        ({"van": "2026-11-05", "tot": "2026-11-01"}, "De einddatum ligt vóór de begindatum."),
        ({"inwoner": "123456782"}, "Zoek hier op naam: een BSN hoort niet in de adresbalk."),
        ({"van": "gisteren"}, "Voer een geldige datum in."),
        ({"actie": "verwijderen"}, "Selecteer een geldige keuze"),
        ({"medewerker": "999999"}, "Selecteer een geldige keuze"),
    ],
    ids=["periode-omgekeerd", "bsn", "datum", "actie", "medewerker"],
)
def test_foute_filters_geven_een_nederlandse_fout_en_geen_rijen(personas, als, log, filter_, fout):
    voor = Toegang.objects.count()
    inhoud = als(personas.coordinator).get(URL, filter_).content.decode()
    assert fout in inhoud
    assert _tabel(inhoud) == ""
    # Only the look itself is logged; a BSN typed in the filter is not.
    assert Toegang.objects.count() == voor + 1
    assert not Toegang.objects.filter(pad__contains="123456782").exists()


def test_csv_export_met_filters_en_zelf_vastgelegd(personas, als, log):
    antwoord = als(personas.coordinator).get(URL, {"medewerker": personas.beroepskracht.pk, "export": "csv"})
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/csv")
    assert "attachment" in antwoord["Content-Disposition"]
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:4] == ["tijdstip", "medewerker", "gebruikersnaam", "actie"]
    assert len(rijen) == 1 + 6  # every row, ungrouped: four reads, the search and the refusal
    assert {r[2] for r in rijen[1:]} == {"beroepskracht"}
    assert any(r[9] == "/casussen/1234abcd/" and r[10] == "10.0.0.8" for r in rijen[1:])
    export = Toegang.objects.get(medewerker=personas.coordinator, actie=Toegang.Actie.EXPORT)
    assert "6 regels" in export.reden and "medewerker beroepskracht" in export.reden
    assert set(ToegangInwoner.objects.filter(toegang=export).values_list("inwoner_id", flat=True)) == {
        log["jansen"].pk
    }


def test_csv_cel_wordt_geen_formule(personas, als, log):
    _rij(personas.beroepskracht, wanneer=log["moment"], reden='=HYPERLINK("http://x")')
    inhoud = als(personas.coordinator).get(URL, {"export": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in inhoud


@pytest.mark.parametrize("rol", ["beroepskracht", "poort", "beleid", "beheerder", "consulent"])
def test_alleen_de_coordinator(personas, als, log, rol):
    client = als(getattr(personas, rol))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"export": "csv"}).status_code == 403
    assert not Toegang.objects.filter(actie=Toegang.Actie.EXPORT).exists()


def test_een_coordinator_van_een_ander_team_ziet_en_kiest_die_rijen_niet(personas, als, log):
    ander = medewerker_maken("coordinator_driel", Rol.COORDINATOR, teams=[personas.team_b])
    client = als(ander)
    inhoud = client.get(URL).content.decode()
    assert log["jansen"].naam not in inhoud and "1234abcd" not in inhoud
    assert (
        "Selecteer een geldige keuze"
        in client.get(URL, {"medewerker": personas.beroepskracht.pk}).content.decode()
    )
    assert "Oudejans" not in _tabel(client.get(URL, {"inwoner": "Oudejans"}).content.decode())
    export = client.get(URL, {"export": "csv"}).content.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(export), delimiter=";"))[1:]
    # Only this coordinator's own looks at the log: nothing of team Elst's reads or refusals.
    assert rijen and {r[2] for r in rijen} == {"coordinator_driel"}


def test_bladeren_zonder_telling_van_het_hele_log(personas, als, log):
    for m in range(120):
        _rij(
            personas.beroepskracht,
            wanneer=log["moment"] - dt.timedelta(hours=m + 1),
            actie="zoeken",
            reden=f"nr {m}",
        )
    client = als(personas.coordinator)
    with CaptureQueriesContext(connection) as vragen:
        eerste = client.get(URL, {"actie": "zoeken"}).content.decode()
    assert not [
        q for q in vragen.captured_queries if "COUNT(" in q["sql"].upper() and "skt_toegang" in q["sql"]
    ]
    assert "Oudere" in eerste
    href = next(d.split('"')[0] for d in eerste.split('href="') if "na=" in d.split('"')[0])
    tweede = client.get(URL + href.replace("&amp;", "&")).content.decode()
    # Fifty per page, newest first: the search at "nr 48" (the 50th) ends page one, nr 49 opens two.
    assert "nr 48" in _tabel(eerste) and "nr 49" not in _tabel(eerste)
    assert "nr 49" in _tabel(tweede) and "nr 48" not in _tabel(tweede)
