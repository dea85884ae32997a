from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from skt import profielen, services
from skt.models import GemeenteProfiel, Kern, Leefgebied, Organisatie, Team, Voorziening
from skt.profiel.instellingen import instellingen
from skt.profielen import ProfielFout, beschikbare_profielen, profiel_laden, profiel_valideren

pytestmark = pytest.mark.django_db

MODELLEN = [Kern, Team, Leefgebied, Organisatie, Voorziening, GemeenteProfiel]

TEAMS_2015 = {
    "Elst",
    "Driel",
    "Heteren",
    "Zetten-Hemmen",
    "Oosterhout/Slijk-Ewijk",
    "Herveld-Andelst",
    "Loket Samenleven",
}
TEAMS_2019 = {
    "Zetten, Hemmen, Randwijk, Heteren en Driel",
    "Herveld, Andelst en Oosterhout",
    "Elst",
    "Loket Samenleven",
}
LEEFGEBIEDEN_2015 = [
    "Lichamelijk gezond",
    "Wonen",
    "Gezinsrelaties",
    "Justitie",
    "Werk en bezigheid",
    "Geld",
    "Meedoen/maatsch. part.",
    "Verslaving",
    "Sociale relaties",
    "Geestelijk gezond",
    "Huishouden/verzorging",
    "Mantelzorg",
]
ZRM_2017 = [
    "Financiën",
    "Werk & opleiding",
    "Tijdsbesteding",
    "Huisvesting",
    "Huiselijke relaties",
    "Geestelijke gezondheid",
    "Lichamelijke gezondheid",
    "Middelengebruik",
    "Basale ADL",
    "Instrumentele ADL",
    "Sociaal netwerk",
    "Maatschappelijke participatie",
    "Justitie",
]
KERNEN_OVERBETUWE = {
    "Elst",
    "Driel",
    "Heteren",
    "Randwijk",
    "Zetten",
    "Hemmen",
    "Herveld",
    "Andelst",
    "Oosterhout",
    "Slijk-Ewijk",
    "Valburg",
}


def actieve_teamnamen() -> set[str]:
    return set(Team.objects.filter(actief=True).values_list("naam", flat=True))


def actieve_leefgebiedlabels() -> list[str]:
    return list(Leefgebied.objects.filter(actief=True).order_by("volgorde").values_list("label", flat=True))


def geografisch_team_van(kerncode: str) -> str:
    (naam,) = Team.objects.filter(
        actief=True, soort=Team.Soort.GEOGRAFISCH, kernen__code=kerncode
    ).values_list("naam", flat=True)
    return naam


def tellingen() -> dict[str, int]:
    """Rows and history rows of every table a profile writes."""
    uitkomst = {}
    for model in MODELLEN:
        uitkomst[model.__name__] = model.objects.count()
        uitkomst[f"{model.__name__}.history"] = model.history.count()
    for m2m in (
        "HistoricalTeam_kernen",
        "HistoricalVoorziening_kernen",
        "HistoricalVoorziening_leefgebieden",
    ):
        uitkomst[m2m] = apps.get_model("skt", m2m).objects.count()
    return uitkomst


# -- the shipped profiles ---------------------------------------------------------------------


def test_de_drie_profielen_worden_meegeleverd_en_zijn_geldig():
    assert beschikbare_profielen() == ["overbetuwe-2015", "overbetuwe-2019", "wassenaar-2023"]
    for naam in beschikbare_profielen():
        tekst = (profielen.PROFIELEN_MAP / f"{naam}.toml").read_text(encoding="utf-8")
        assert profiel_valideren(tekst, naam) == []


def test_overbetuwe_2015():
    resultaat = profiel_laden("overbetuwe-2015")

    assert resultaat.profiel.naam == "overbetuwe-2015" and resultaat.profiel.actief
    assert set(Kern.objects.filter(actief=True).values_list("naam", flat=True)) == KERNEN_OVERBETUWE
    assert actieve_teamnamen() == TEAMS_2015
    assert actieve_leefgebiedlabels() == LEEFGEBIEDEN_2015
    # Every kern has exactly one kernteam, including the two without one of their own in 2015.
    for kern in Kern.objects.filter(actief=True):
        geografisch_team_van(kern.code)
    assert geografisch_team_van("randwijk") == "Zetten-Hemmen"
    assert geografisch_team_van("valburg") == "Herveld-Andelst"
    assert geografisch_team_van("slijk-ewijk") == "Oosterhout/Slijk-Ewijk"
    loket = Team.objects.get(naam="Loket Samenleven")
    assert loket.soort == Team.Soort.LOKET and not loket.kernen.exists()
    # Imports labelled with the ZRM names land on the 2015 leefgebieden.
    assert "Financiën" in Leefgebied.objects.get(label="Geld").aliassen
    assert Voorziening.objects.filter(naam="Meldpunt Mantelzorg", leefgebieden__code="mantelzorg").exists()


def test_overbetuwe_2019():
    profiel_laden("overbetuwe-2019")

    assert set(Kern.objects.filter(actief=True).values_list("naam", flat=True)) == KERNEN_OVERBETUWE
    assert actieve_teamnamen() == TEAMS_2019
    assert actieve_leefgebiedlabels() == ZRM_2017
    for kern in Kern.objects.filter(actief=True):
        geografisch_team_van(kern.code)
    assert geografisch_team_van("randwijk") == "Zetten, Hemmen, Randwijk, Heteren en Driel"
    assert geografisch_team_van("slijk-ewijk") == "Herveld, Andelst en Oosterhout"
    assert geografisch_team_van("valburg") == "Herveld, Andelst en Oosterhout"
    assert Team.objects.get(naam="Elst").code == "elst"
    # The 2015 labels still find their ZRM domain.
    assert "Geld" in Leefgebied.objects.get(code="financien").aliassen
    assert "Meedoen/maatsch. part." in Leefgebied.objects.get(code="maatschappelijke_participatie").aliassen
    assert instellingen().streefwaarden["clienttevredenheid_cijfer"] == 7.4


def test_wassenaar_2023():
    profiel_laden("wassenaar-2023")

    assert set(Kern.objects.filter(actief=True).values_list("code", flat=True)) == {"wassenaar"}
    clusters = Team.objects.filter(actief=True, soort=Team.Soort.CLUSTER)
    assert set(clusters.values_list("naam", flat=True)) == {
        "Cluster welzijn & preventie jeugd",
        "Cluster welzijn & preventie volwassenen",
        "Cluster hulpverlening jeugd",
        "Cluster hulpverlening volwassenen",
    }
    assert all(cluster.doelgroep for cluster in clusters)
    assert Team.objects.filter(actief=True, soort=Team.Soort.LOKET).count() == 1
    assert not Team.objects.filter(actief=True, soort=Team.Soort.GEOGRAFISCH).exists()
    assert actieve_leefgebiedlabels() == ZRM_2017
    assert instellingen().max_contactmomenten == 10
    assert Voorziening.objects.filter(
        naam="Schuldhulpverlening", organisatie__naam="Kredietbank Nederland"
    ).exists()


@pytest.mark.parametrize("naam", ["overbetuwe-2015", "overbetuwe-2019", "wassenaar-2023"])
def test_instellingen_komen_in_het_actieve_profiel(naam):
    profiel_laden(naam)

    assert instellingen().termijnen.eerste_contact_dagen == 5
    assert instellingen().termijnen.effectmeting_dagen == 90
    assert instellingen().monitor.privacy_drempel == 5
    opgeslagen = GemeenteProfiel.objects.get(actief=True).instellingen
    assert opgeslagen["bewaartermijnen"]["met_voorziening_jaren"] == 15
    assert set(opgeslagen) == {
        "max_contactmomenten",
        "termijnen",
        "bewaartermijnen",
        "monitor",
        "streefwaarden",
    }
    assert "meldingen_groei_procent" not in opgeslagen["streefwaarden"]


# -- loading twice, switching -----------------------------------------------------------------


@pytest.mark.parametrize("naam", ["overbetuwe-2015", "overbetuwe-2019", "wassenaar-2023"])
def test_twee_keer_laden_schrijft_niets_nieuws(naam):
    profiel_laden(naam)
    voor = tellingen()

    resultaat = profiel_laden(naam)

    assert tellingen() == voor
    assert resultaat.ongewijzigd
    assert "Er was niets te wijzigen" in resultaat.samenvatting()


def test_wisselen_van_2015_naar_2019_maakt_oude_teams_inactief_en_bewaart_ze():
    profiel_laden("overbetuwe-2015")
    elst = Team.objects.get(code="elst")
    oud = Team.objects.get(code="zetten-hemmen")
    oude_geschiedenis = set(oud.history.values_list("history_id", flat=True))

    resultaat = profiel_laden("overbetuwe-2019")

    assert actieve_teamnamen() == TEAMS_2019
    alleen_2015 = TEAMS_2015 - TEAMS_2019
    assert set(Team.objects.filter(actief=False).values_list("naam", flat=True)) == alleen_2015
    assert resultaat.teams.inactief_gemaakt == len(alleen_2015)
    oud.refresh_from_db()
    assert set(oud.kernen.values_list("code", flat=True)) == {"zetten", "hemmen", "randwijk"}
    assert oude_geschiedenis < set(oud.history.values_list("history_id", flat=True))
    assert oud.history.first().actief is False
    # The Elst team is the same team, so its members and rights carry over.
    assert Team.objects.get(code="elst").pk == elst.pk
    assert Team.objects.get(code="elst").actief
    assert list(GemeenteProfiel.objects.filter(actief=True).values_list("naam", flat=True)) == [
        "overbetuwe-2019"
    ]
    assert GemeenteProfiel.objects.filter(naam="overbetuwe-2015", actief=False).exists()
    # Shared ZRM codes keep their row; the split and the Overbetuwe-only domains become inactive.
    assert set(Leefgebied.objects.filter(actief=False).values_list("code", flat=True)) == {
        "werk_bezigheid",
        "huishouden_verzorging",
        "mantelzorg",
    }
    assert Leefgebied.objects.get(code="financien").label == "Financiën"


def test_terugwisselen_maakt_de_oude_teams_weer_actief():
    profiel_laden("overbetuwe-2015")
    profiel_laden("overbetuwe-2019")

    resultaat = profiel_laden("overbetuwe-2015")

    assert actieve_teamnamen() == TEAMS_2015
    assert actieve_leefgebiedlabels() == LEEFGEBIEDEN_2015
    assert resultaat.teams.nieuw == 0
    assert Team.objects.count() == len(TEAMS_2015 | TEAMS_2019)


def test_laden_neemt_bestaande_teams_over_en_deactiveert_het_vorige_profiel(personas):
    lid = personas.beroepskracht

    profiel_laden("overbetuwe-2019")

    assert list(GemeenteProfiel.objects.filter(actief=True).values_list("naam", flat=True)) == [
        "overbetuwe-2019"
    ]
    personas.team_a.refresh_from_db()
    assert personas.team_a.actief and personas.team_a.naam == "Elst"
    assert lid in personas.team_a.leden.all()
    personas.team_b.refresh_from_db()
    assert not personas.team_b.actief
    assert Team.objects.get(code="loket-samenleven").pk == personas.loket.pk


def test_een_fout_halverwege_het_schrijven_laat_niets_achter(monkeypatch):
    profiel_laden("wassenaar-2023")
    voor = tellingen()

    def kapot(**kwargs):
        raise RuntimeError("database weg")

    monkeypatch.setattr(services, "team_aanmaken_of_bijwerken", kapot)
    with pytest.raises(RuntimeError):
        profiel_laden("overbetuwe-2019")

    assert tellingen() == voor
    assert GemeenteProfiel.objects.get(actief=True).naam == "wassenaar-2023"


# -- bad profiles -------------------------------------------------------------------------------

GELDIG = """\
# Een klein maar volledig profiel om fouten in aan te brengen.
[gemeente]
naam = "proef"
gemeente = "Proefgemeente"
max_contactmomenten = 10

[termijnen]
eerste_contact_dagen = 5
wmo_onderzoek_weken = 6
wmo_persoonlijk_plan_dagen = 7
wmo_beschikking_weken = 2
jeugd_beslissing_weken = 8
effectmeting_dagen = 90

[bewaartermijnen]
met_voorziening_jaren = 15
zonder_voorziening_jaren = 5

[monitor]
privacy_drempel = 5

[streefwaarden]
eerste_contact_binnen_termijn_procent = 90
clienttevredenheid_cijfer = 7.4

[[kernen]]
code = "noord"
naam = "Noord"

[[kernen]]
code = "zuid"
naam = "Zuid"

[[teams]]
code = "dorp"
naam = "Dorp"
soort = "geografisch"
kernen = ["noord", "zuid"]

[[teams]]
code = "jeugd"
naam = "Jeugd"
soort = "cluster"
doelgroep = "Jeugd en gezin"

[[leefgebieden]]
code = "financien"
label = "Financiën"
aliassen = ["Geld"]

[[leefgebieden]]
code = "wonen"
label = "Wonen"

[[organisaties]]
naam = "Welzijn Proef"
soort = "welzijn"

[[voorzieningen]]
naam = "Spreekuur geldzaken"
soort = "algemene_voorziening"
organisatie = "Welzijn Proef"
kernen = ["noord"]
leefgebieden = ["financien"]
"""


def regel(tekst: str, inhoud: str, keer: int = 1) -> int:
    """The number of the ``keer``-th line that reads ``inhoud`` (ignoring surrounding blanks)."""
    gevonden = [nr for nr, r in enumerate(tekst.splitlines(), start=1) if r.strip() == inhoud.strip()]
    return gevonden[keer - 1]


def schrijf(tmp_path, tekst: str, naam: str = "proef"):
    pad = tmp_path / f"{naam}.toml"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_een_eigen_profiel_laadt_via_een_pad(tmp_path):
    # The personas' teams exist already (built once per test database); the profile adds its own.
    bestaand = set(Team.objects.values_list("code", flat=True))

    resultaat = profiel_laden(str(schrijf(tmp_path, GELDIG)))

    assert resultaat.profiel.naam == "proef"
    assert set(Team.objects.exclude(code__in=bestaand).values_list("code", flat=True)) == {"dorp", "jeugd"}
    assert actieve_teamnamen() == {"Dorp", "Jeugd"}
    assert Voorziening.objects.get(naam="Spreekuur geldzaken").kernen.get().code == "noord"


# (what to replace, with what, the line the message must name, the nth such line, text in the message)
FOUTEN = {
    "onbekende kern in een team": (
        'kernen = ["noord", "zuid"]',
        'kernen = [\n    "noord",\n    "nergens",\n    "zuid",\n]',
        '"nergens",',
        1,
        "onbekende kern 'nergens'",
    ),
    "dubbele leefgebiedcode": ('code = "wonen"', 'code = "financien"', 'code = "financien"', 2, "twee keer"),
    "syntaxfout": (
        "max_contactmomenten = 10",
        "max_contactmomenten = = 10",
        "max_contactmomenten = = 10",
        1,
        "TOML",
    ),
    "cluster zonder doelgroep": ('doelgroep = "Jeugd en gezin"\n', "", "[[teams]]", 2, "geen doelgroep"),
    "cluster met lege doelgroep": (
        'doelgroep = "Jeugd en gezin"',
        'doelgroep = ""',
        'doelgroep = ""',
        1,
        "doelgroep",
    ),
    "geografisch team zonder kernen": (
        'kernen = ["noord", "zuid"]',
        "kernen = []",
        "kernen = []",
        1,
        "geen kernen",
    ),
    "dubbele kerncode": (
        'naam = "Zuid"',
        'naam = "Zuid"\n\n[[kernen]]\ncode = "zuid"\nnaam = "Zuid-Oost"',
        'code = "zuid"',
        2,
        "kerncode 'zuid' komt twee keer voor",
    ),
    "negatieve termijn": (
        "eerste_contact_dagen = 5",
        "eerste_contact_dagen = -5",
        "eerste_contact_dagen = -5",
        1,
        "0",
    ),
    "termijn nul": (
        "wmo_beschikking_weken = 2",
        "wmo_beschikking_weken = 0",
        "wmo_beschikking_weken = 0",
        1,
        "0",
    ),
    "termijn als tekst": (
        "wmo_onderzoek_weken = 6",
        'wmo_onderzoek_weken = "6"',
        'wmo_onderzoek_weken = "6"',
        1,
        "geheel",
    ),
    "onbekende sleutel": ('naam = "Dorp"', 'naam = "Dorp"\nkleur = "blauw"', 'kleur = "blauw"', 1, "kleur"),
    "onbekende sectie": ("[monitor]", "[kleuren]\nteam = 1\n\n[monitor]", "[kleuren]", 1, "kleuren"),
    "ontbrekende sleutel": ('gemeente = "Proefgemeente"\n', "", "[gemeente]", 1, "'gemeente' ontbreekt"),
    "onbekende teamsoort": ('soort = "cluster"', 'soort = "wijkteam"', 'soort = "wijkteam"', 1, "wijkteam"),
    "voorziening met onbekende organisatie": (
        'organisatie = "Welzijn Proef"',
        'organisatie = "Welzijn Elders"',
        'organisatie = "Welzijn Elders"',
        1,
        "Welzijn Elders",
    ),
    "voorziening met onbekend leefgebied": (
        'leefgebieden = ["financien"]',
        'leefgebieden = ["financien", "geluk"]',
        'leefgebieden = ["financien", "geluk"]',
        1,
        "geluk",
    ),
    "alias die al een ander leefgebied is": (
        'label = "Wonen"',
        'label = "Wonen"\naliassen = ["geld"]',
        'aliassen = ["geld"]',
        1,
        "financien",
    ),
    "kern zonder kernteam": (
        'kernen = ["noord", "zuid"]',
        'kernen = ["noord"]',
        'code = "zuid"',
        1,
        "geen geografisch",
    ),
    "naam wijkt af van het bestand": (
        'naam = "proef"',
        'naam = "andere"',
        'naam = "andere"',
        1,
        "bestandsnaam",
    ),
    "code met hoofdletters": ('code = "wonen"', 'code = "Wonen"', 'code = "Wonen"', 1, "kleine letters"),
    "procent boven 100": (
        "eerste_contact_binnen_termijn_procent = 90",
        "eerste_contact_binnen_termijn_procent = 900",
        "eerste_contact_binnen_termijn_procent = 900",
        1,
        "0 tot 100",
    ),
}


@pytest.mark.parametrize("oud, nieuw, markering, keer, fragment", FOUTEN.values(), ids=FOUTEN.keys())
def test_een_fout_profiel_wordt_geweigerd_met_regelnummer_en_schrijft_niets(
    tmp_path, oud, nieuw, markering, keer, fragment
):
    profiel_laden("overbetuwe-2019")
    voor = tellingen()
    assert oud in GELDIG
    tekst = GELDIG.replace(oud, nieuw, 1)

    with pytest.raises(ProfielFout) as fout:
        profiel_laden(str(schrijf(tmp_path, tekst)))

    assert len(fout.value.fouten) == 1, fout.value.fouten
    (melding,) = fout.value.fouten
    assert f"regel {regel(tekst, markering, keer)}" in melding
    assert melding.startswith("proef.toml, regel")
    assert fragment in melding
    assert tellingen() == voor
    assert GemeenteProfiel.objects.get(actief=True).naam == "overbetuwe-2019"


def test_alle_fouten_komen_tegelijk_op_volgorde_van_regel():
    tekst = GELDIG.replace('kernen = ["noord", "zuid"]', 'kernen = ["noord", "zuid", "oost"]').replace(
        "eerste_contact_dagen = 5", "eerste_contact_dagen = 0"
    )

    fouten = profiel_valideren(tekst, "proef")

    assert len(fouten) == 2
    assert f"regel {regel(tekst, 'eerste_contact_dagen = 0')}:" in fouten[0]
    teamkernen = regel(tekst, 'kernen = ["noord", "zuid", "oost"]')
    assert f"regel {teamkernen}:" in fouten[1]


def test_commentaar_en_haken_in_teksten_verwarren_de_regelnummers_niet():
    tekst = GELDIG.replace(
        'naam = "Dorp"',
        'naam = "Dorp [oud]"  # [[teams]] in commentaar\nkleur = """\n[[teams]]\ncode = "x"\n"""',
    )

    (melding,) = profiel_valideren(tekst, "proef")

    kleur = regel(tekst, 'kleur = """')
    assert f"regel {kleur}:" in melding


def test_een_afgebroken_bestand_noemt_de_laatste_regel():
    tekst = GELDIG + "[[teams]]\ncode = ["

    (melding,) = profiel_valideren(tekst, "proef")

    assert f"regel {len(tekst.splitlines())}:" in melding
    assert "TOML" in melding


def test_de_geschiedenis_zegt_welk_profiel_de_wijziging_deed():
    profiel_laden("overbetuwe-2015")
    profiel_laden("overbetuwe-2019")

    laatste = Leefgebied.objects.get(code="financien").history.first()
    assert laatste.label == "Financiën"
    assert laatste.history_change_reason == "gemeenteprofiel overbetuwe-2019 geladen"


def test_optionele_termijnen_van_de_casussen_mogen_in_het_profiel(tmp_path):
    tekst = GELDIG.replace("effectmeting_dagen = 90", "effectmeting_dagen = 90\ncasus_advies_dagen = 3")

    profiel_laden(str(schrijf(tmp_path, tekst)))

    assert instellingen().termijnen.casus_advies_dagen == 3


def test_onbekend_profiel():
    with pytest.raises(ProfielFout, match="Onbekend profiel 'atlantis'.*overbetuwe-2019"):
        profiel_laden("atlantis")


# -- the command ---------------------------------------------------------------------------------


def test_commando_laadt_en_vat_samen():
    uit = StringIO()
    # Teams of the personas with a code of the 2019 profile are taken over, not new.
    codes_2019 = {
        "zetten-hemmen-randwijk-heteren-driel",
        "herveld-andelst-oosterhout",
        "elst",
        "loket-samenleven",
    }
    nieuw = len(codes_2019) - Team.objects.filter(code__in=codes_2019).count()

    call_command("laad_profiel", "overbetuwe-2019", stdout=uit)

    assert "Profiel overbetuwe-2019 (Overbetuwe) geladen: 11 kernen" in uit.getvalue()
    assert f"4 teams ({nieuw} nieuw" in uit.getvalue()
    assert GemeenteProfiel.objects.get(actief=True).naam == "overbetuwe-2019"


def test_commando_geeft_fouten_en_stopt_met_een_foutcode(tmp_path):
    tekst = GELDIG.replace('kernen = ["noord", "zuid"]', 'kernen = ["noord", "nergens"]')
    pad = schrijf(tmp_path, tekst)
    voor = tellingen()

    with pytest.raises(CommandError) as fout:
        call_command("laad_profiel", str(pad))

    teamkernen = regel(tekst, 'kernen = ["noord", "nergens"]')
    assert f"regel {teamkernen}" in str(fout.value)
    assert "niets gewijzigd" in str(fout.value)
    assert tellingen() == voor


def test_commando_zonder_naam_is_een_fout():
    with pytest.raises(CommandError):
        call_command("laad_profiel")


def test_commando_lijst():
    profiel_laden("wassenaar-2023")
    uit = StringIO()

    call_command("laad_profiel", "--lijst", stdout=uit)

    regels = uit.getvalue().splitlines()
    assert [r.split()[0] for r in regels] == ["overbetuwe-2015", "overbetuwe-2019", "wassenaar-2023"]
    assert regels[2].endswith("Wassenaar (actief)")
