"""The typed settings of the active gemeente profile: ``skt.profiel.instellingen.instellingen()``.

(``test_instellingen.py`` next to this file is about the Django settings from the environment.)
"""

import dataclasses
import json
import logging

import pytest

from skt.models import GemeenteProfiel
from skt.profiel import instellingen as instellingen_module
from skt.profiel.instellingen import (
    STANDAARD,
    Instellingen,
    Monitor,
    Termijnen,
    instellingen,
    instellingen_uit,
)
from skt.profiel.schema import TABELLEN
from skt.profielen import PROFIELEN_MAP, ProfielFout, profiel_laden, profiel_valideren

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def lege_cache():
    # The parse is cached per stored content for the whole process; each test starts without it,
    # so what a test logs does not depend on which tests ran before.
    instellingen_module._ontleed.cache_clear()


def geen_actief_profiel() -> None:
    for profiel in GemeenteProfiel.objects.filter(actief=True):
        profiel.actief = False
        profiel.save()


def eigen_profiel(tmp_path, naam: str = "eigen", **vervangen: str):
    """The 2019 profile under another name, with whole lines replaced ('sleutel = waarde')."""
    tekst = (PROFIELEN_MAP / "overbetuwe-2019.toml").read_text(encoding="utf-8")
    tekst = tekst.replace('naam = "overbetuwe-2019"', f'naam = "{naam}"')
    for sleutel, regel in vervangen.items():
        tekst = tekst_met(tekst, sleutel, regel)
    pad = tmp_path / f"{naam}.toml"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def tekst_met(tekst: str, sleutel: str, regel: str) -> str:
    """Replace the line of ``sleutel``; an optional key that is not there goes below effectmeting_dagen."""
    regels = tekst.splitlines()
    for i, bestaand in enumerate(regels):
        if bestaand.split("=")[0].strip() == sleutel:
            regels[i] = regel
            return "\n".join(regels) + "\n"
    i = next(i for i, r in enumerate(regels) if r.startswith("effectmeting_dagen"))
    regels.insert(i + 1, regel)
    return "\n".join(regels) + "\n"


# -- defaults ----------------------------------------------------------------------------------


def test_zonder_actief_profiel_de_standaardwaarden_van_vroeger():
    geen_actief_profiel()

    uit = instellingen()

    assert uit == STANDAARD == Instellingen()
    # The defaults the call sites had before there was one object.
    assert uit.max_contactmomenten == 10
    assert uit.termijnen == Termijnen(
        eerste_contact_dagen=5,
        wmo_onderzoek_weken=6,
        wmo_beschikking_weken=2,
        jeugd_beslissing_weken=8,
        effectmeting_dagen=90,
        casus_zonder_contact_dagen=28,
        casus_doorlooptijd_dagen=91,
        casus_advies_dagen=5,
        noodtoegang_uren=8,
    )
    assert uit.monitor.privacy_drempel == 5
    assert dict(uit.streefwaarden) == {}


def test_een_profiel_zonder_de_optionele_sleutels_krijgt_hun_standaard(tmp_path):
    profiel_laden(str(eigen_profiel(tmp_path)))

    termijnen = instellingen().termijnen
    assert (termijnen.casus_zonder_contact_dagen, termijnen.casus_doorlooptijd_dagen) == (28, 91)
    assert (termijnen.casus_advies_dagen, termijnen.noodtoegang_uren) == (5, 8)


def test_elk_veld_is_een_sleutel_van_het_schema():
    # So every value is checked by the very rule that checks the profile file.
    assert {f.name for f in dataclasses.fields(Termijnen)} <= set(TABELLEN["termijnen"])
    assert {f.name for f in dataclasses.fields(Monitor)} <= set(TABELLEN["monitor"])
    assert "max_contactmomenten" in TABELLEN["gemeente"]


def test_het_object_is_niet_te_wijzigen():
    uit = instellingen()
    with pytest.raises(dataclasses.FrozenInstanceError):
        uit.max_contactmomenten = 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        uit.termijnen.eerste_contact_dagen = 3
    with pytest.raises(TypeError):
        uit.streefwaarden["clienttevredenheid_cijfer"] = 1


def test_een_query(django_assert_num_queries):
    profiel_laden("wassenaar-2023")
    with django_assert_num_queries(1):
        instellingen()


# -- the shipped profiles --------------------------------------------------------------------------

GEDEELD = {
    "max_contactmomenten": 10,
    "termijnen": Termijnen(
        eerste_contact_dagen=5,
        wmo_onderzoek_weken=6,
        wmo_beschikking_weken=2,
        jeugd_beslissing_weken=8,
        effectmeting_dagen=90,
    ),
    "monitor": Monitor(privacy_drempel=5),
}
STREEFWAARDEN = {
    "overbetuwe-2015": {
        "eerste_contact_binnen_termijn_procent": 90,
        "casussen_tot_en_met_5_contactmomenten_procent": 85,
        "casussen_maximum_bereikt_procent": 5,
        "zonder_maatwerk_na_3_maanden_procent": 80,
        "voorwerk_binnen_termijn_procent": 90,
        "clienttevredenheid_cijfer": 7.0,
    },
    "overbetuwe-2019": {
        "eerste_contact_binnen_termijn_procent": 90,
        "casussen_tot_en_met_5_contactmomenten_procent": 88.6,
        "casussen_maximum_bereikt_procent": 5,
        "zonder_maatwerk_na_3_maanden_procent": 80,
        "voorwerk_binnen_termijn_procent": 95,
        "clienttevredenheid_cijfer": 7.4,
    },
    "wassenaar-2023": {
        "eerste_contact_binnen_termijn_procent": 90,
        "casussen_tot_en_met_5_contactmomenten_procent": 80,
        "casussen_maximum_bereikt_procent": 10,
        "zonder_maatwerk_na_3_maanden_procent": 80,
        "voorwerk_binnen_termijn_procent": 95,
        "clienttevredenheid_cijfer": 7.5,
    },
}


@pytest.mark.parametrize("naam", sorted(STREEFWAARDEN))
def test_de_waarden_van_elk_meegeleverd_profiel(naam, caplog):
    profiel_laden(naam)

    with caplog.at_level(logging.WARNING, logger="skt.profiel.instellingen"):
        uit = instellingen()

    gemeente = naam.split("-")[0]
    verwacht = {
        **GEDEELD,
        "monitor": Monitor(
            privacy_drempel=5,
            verzendlijst=(
                f"griffie@{gemeente}.example.invalid",
                f"commissie-samenleving@{gemeente}.example.invalid",
            ),
        ),
    }
    assert uit == Instellingen(**verwacht, streefwaarden=STREEFWAARDEN[naam])
    assert caplog.records == []


# -- invalid values: the same rules as the profile file ------------------------------------------------

# (path in the stored settings, bad value, its TOML spelling)
ONGELDIG = {
    "maximum nul": ("max_contactmomenten", 0, "0"),
    "maximum als tekst": ("max_contactmomenten", "10", '"10"'),
    "negatieve termijn": ("termijnen.eerste_contact_dagen", -5, "-5"),
    "termijn met komma": ("termijnen.effectmeting_dagen", 7.5, "7.5"),
    "weken nul": ("termijnen.jeugd_beslissing_weken", 0, "0"),
    "optionele termijn nul": ("termijnen.casus_advies_dagen", 0, "0"),
    "uren als tekst": ("termijnen.noodtoegang_uren", "acht", '"acht"'),
    "drempel als boolean": ("monitor.privacy_drempel", True, "true"),
    "cijfer boven 10": ("streefwaarden.clienttevredenheid_cijfer", 11, "11"),
    "procent boven 100": ("streefwaarden.eerste_contact_binnen_termijn_procent", 900, "900"),
}


def gezet(opgeslagen: dict, pad: str, waarde) -> dict:
    kopie = json.loads(json.dumps(opgeslagen))
    *tabellen, sleutel = pad.split(".")
    doel = kopie
    for tabel in tabellen:
        doel = doel.setdefault(tabel, {})
    doel[sleutel] = waarde
    return kopie


def met_standaard(uit: Instellingen, pad: str) -> Instellingen:
    """``uit`` with the value at ``pad`` back at its default; a bad streefwaarde is left out."""
    tabel, _, sleutel = pad.rpartition(".")
    if not tabel:
        return dataclasses.replace(uit, **{sleutel: getattr(STANDAARD, sleutel)})
    if tabel == "streefwaarden":
        return dataclasses.replace(
            uit, streefwaarden={k: v for k, v in uit.streefwaarden.items() if k != sleutel}
        )
    standaard = getattr(getattr(STANDAARD, tabel), sleutel)
    return dataclasses.replace(
        uit, **{tabel: dataclasses.replace(getattr(uit, tabel), **{sleutel: standaard})}
    )


@pytest.mark.parametrize("pad, waarde, toml", ONGELDIG.values(), ids=ONGELDIG.keys())
def test_een_ongeldige_waarde_wordt_door_het_schema_geweigerd(tmp_path, caplog, pad, waarde, toml):
    profiel_laden(str(eigen_profiel(tmp_path)))
    geldig = instellingen()
    sleutel = pad.split(".")[-1]

    # In a file: the profile is refused, nothing is loaded.
    slecht = eigen_profiel(tmp_path, "slecht", **{sleutel: f"{sleutel} = {toml}"})
    (bestandsfout,) = profiel_valideren(slecht.read_text(encoding="utf-8"), "slecht")
    with pytest.raises(ProfielFout):
        profiel_laden(str(slecht))
    assert GemeenteProfiel.objects.get(actief=True).naam == "eigen"

    # In the database (edited by hand): the same rule, the default instead, the same message logged.
    profiel = GemeenteProfiel.objects.get(actief=True)
    profiel.instellingen = gezet(profiel.instellingen, pad, waarde)
    profiel.save()
    with caplog.at_level(logging.WARNING, logger="skt.profiel.instellingen"):
        uit = instellingen()

    assert uit == met_standaard(geldig, pad)
    (regel,) = instellingen_uit(profiel.instellingen)[1]
    assert regel in bestandsfout
    (melding,) = [r.getMessage() for r in caplog.records]
    assert regel in melding and "eigen" in melding


def test_een_tabel_die_geen_tabel_is_geeft_de_standaard():
    uit, fouten = instellingen_uit({"termijnen": [5], "streefwaarden": "hoog", "max_contactmomenten": 7})

    assert uit == Instellingen(max_contactmomenten=7)
    assert len(fouten) == 2


# -- never stale ------------------------------------------------------------------------------------


def test_herladen_is_meteen_zichtbaar(tmp_path):
    profiel_laden(str(eigen_profiel(tmp_path)))
    assert instellingen().max_contactmomenten == 10

    # Same profile (same row), new content.
    profiel_laden(str(eigen_profiel(tmp_path, max_contactmomenten="max_contactmomenten = 6")))
    assert instellingen().max_contactmomenten == 6

    # Another profile becomes the active one.
    profiel_laden("overbetuwe-2015")
    assert instellingen().max_contactmomenten == 10
    assert instellingen().streefwaarden["clienttevredenheid_cijfer"] == 7.0
    profiel_laden("wassenaar-2023")
    assert instellingen().streefwaarden["clienttevredenheid_cijfer"] == 7.5

    # And back to the first, whose content is known from before.
    profiel_laden(str(eigen_profiel(tmp_path, max_contactmomenten="max_contactmomenten = 6")))
    assert instellingen().max_contactmomenten == 6


def test_een_wijziging_in_de_database_is_meteen_zichtbaar():
    profiel_laden("overbetuwe-2019")
    assert instellingen().termijnen.effectmeting_dagen == 90

    profiel = GemeenteProfiel.objects.get(actief=True)
    profiel.instellingen["termijnen"]["effectmeting_dagen"] = 30
    profiel.save()  # geladen_op is not touched: the cache must not depend on it

    assert instellingen().termijnen.effectmeting_dagen == 30
    geen_actief_profiel()
    assert instellingen() == STANDAARD
