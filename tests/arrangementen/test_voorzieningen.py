"""The decision as the kernteam needs to see it: per granted voorziening what, by whom, how much,
from when to when; every bad input refused next to its field with nothing saved; the kernteam sees
it on the plan, the inwoner's list and the dossier, never the consulent's notes; and a bericht when a
voorziening ends within 4 weeks, once."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from arrangementen import services
from arrangementen.models import Beoordeling, Notificatie, Onderdeel, OnderdeelSoort
from arrangementen.services.voorzieningen import voorzieningen_einde_melden
from arrangementen.tasks import voorzieningen_einde_melden_taak
from arrangementen.workflow import ArrangementStatus
from skt.models import Huishouden, Organisatie, Rol

from ..factories import OrganisatieFactory, medewerker_maken
from .conftest import (
    PLANTEKST,
    VANDAAG,
    categorie,
    ingediend_maken,
    maatwerk,
    melding_maken,
    netwerk,
    toekennen_alles,
    voorziening,
    zorgaanbieder,
)

pytestmark = pytest.mark.django_db

NOTITIE = "INTERN-NOTITIE: twijfel over de mantelzorg van de dochter."


def _in_behandeling(personas, **kwargs):
    arrangement = ingediend_maken(personas, **kwargs)
    door = personas.consulent_jeugd if kwargs.get("wet") == "jeugd" else personas.consulent
    return services.arrangement_in_behandeling_nemen(door=door, arrangement=arrangement)


def _toegekend(personas, *, einde=None, **kwargs):
    """A Wmo plan of team A granted with a voorziening by Thuiszorg De Betuwe, with an internal note."""
    arrangement = _in_behandeling(personas, **kwargs)
    aanbieder = zorgaanbieder()
    services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=arrangement,
        beslissingen=toekennen_alles(
            arrangement, nummer="WMO-2024-4711", aanbieder=aanbieder, einde=einde, leveringsvorm="pgb"
        ),
        toelichting="Toegekend zoals voorgesteld.",
    )
    services.interne_notitie_toevoegen(door=personas.consulent, arrangement=arrangement, tekst=NOTITIE)
    arrangement.refresh_from_db()
    return arrangement


# -- the service: what is saved, and what is refused ------------------------------------------------


def test_de_voorziening_wordt_per_toegekend_onderdeel_vastgelegd(personas):
    arrangement = _in_behandeling(personas)
    aanbieder = zorgaanbieder()
    ingang = VANDAAG()
    services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=arrangement,
        beslissingen=toekennen_alles(
            arrangement,
            aanbieder=aanbieder,
            ingang=ingang,
            einde=ingang + timedelta(days=90),
            omvang_eenheden="2,5",
            leveringsvorm="pgb",
        ),
    )
    maatwerk_o, netwerk_o = arrangement.onderdelen.order_by("volgorde")
    b = Beoordeling.objects.get(onderdeel=maatwerk_o)
    assert (b.product, b.zorgaanbieder, b.leveringsvorm) == (
        "01A01 Hulp bij het huishouden",
        aanbieder,
        "pgb",
    )
    assert (b.omvang_eenheden, b.omvang_eenheid, b.omvang_periode) == (Decimal("2.50"), "uur", "week")
    assert (b.ingangsdatum, b.einddatum) == (ingang, ingang + timedelta(days=90))
    # Not maatwerk: agreed to, without any voorziening fields.
    n = Beoordeling.objects.get(onderdeel=netwerk_o)
    assert n.toegekend and n.zorgaanbieder is None and n.ingangsdatum is None and n.product == ""


def test_einddatum_mag_leeg_voor_onbepaalde_tijd(personas):
    arrangement = _in_behandeling(personas)
    beslissingen = toekennen_alles(arrangement)
    beslissingen[0] = services.Beslissing(**{**beslissingen[0].__dict__, "einddatum": None})
    services.arrangement_beslissen(
        door=personas.consulent, arrangement=arrangement, beslissingen=beslissingen
    )
    assert Beoordeling.objects.get(onderdeel__soort=OnderdeelSoort.MAATWERKVOORZIENING).einddatum is None


def _tellingen():
    return (
        Beoordeling.objects.count(),
        Notificatie.objects.count(),
        Beoordeling.history.count(),
    )


SLECHT = [
    ({"einddatum": VANDAAG() - timedelta(days=1)}, "einddatum", "vóór de ingangsdatum"),
    ({"omvang_eenheden": "0"}, "omvang_eenheden", "groter dan 0"),
    ({"omvang_eenheden": Decimal("-3")}, "omvang_eenheden", "groter dan 0"),
    ({"omvang_eenheden": "NaN"}, "omvang_eenheden", "als getal"),
    ({"omvang_eenheden": Decimal("Infinity")}, "omvang_eenheden", "als getal"),
    ({"omvang_eenheden": "1e12"}, "omvang_eenheden", "hoogstens 99.999,99"),
    ({"omvang_eenheden": "3,333"}, "omvang_eenheden", "twee cijfers achter de komma"),
    ({"omvang_eenheden": "drie"}, "omvang_eenheden", "als getal"),
    ({"omvang_eenheden": None}, "omvang_eenheden", "Vul de omvang in"),
    ({"omvang_eenheid": ""}, "omvang_eenheid", "Kies de eenheid"),
    ({"omvang_eenheid": "kilo"}, "omvang_eenheid", "Kies de eenheid"),
    ({"omvang_periode": ""}, "omvang_periode", "Kies de periode"),
    ({"leveringsvorm": ""}, "leveringsvorm", "ZIN"),
    ({"leveringsvorm": "contant"}, "leveringsvorm", "ZIN"),
    ({"product": ""}, "product", "Vul het product in"),
    ({"product": "x" * 101}, "product", "hoogstens 100 tekens"),
    ({"zorgaanbieder": None}, "zorgaanbieder", "Kies de zorgaanbieder"),
    ({"zorgaanbieder": 987654321}, "zorgaanbieder", "uit de sociale kaart"),
    ({"zorgaanbieder": "abc"}, "zorgaanbieder", "uit de sociale kaart"),
    ({"ingangsdatum": None}, "ingangsdatum", "Vul de ingangsdatum"),
    ({"ingangsdatum": VANDAAG().replace(year=1999)}, "ingangsdatum", "vóór 1 januari 2000"),
    ({"ingangsdatum": VANDAAG() + timedelta(days=366 * 11)}, "ingangsdatum", "controleer het jaartal"),
    ({"einddatum": VANDAAG() + timedelta(days=366 * 11)}, "einddatum", "controleer het jaartal"),
]


@pytest.mark.parametrize(("anders", "veld", "tekst"), SLECHT)
def test_slechte_invoer_geeft_een_fout_bij_het_veld_en_bewaart_niets(personas, anders, veld, tekst):
    arrangement = _in_behandeling(personas)
    voor = _tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent,
            arrangement=arrangement,
            beslissingen=toekennen_alles(arrangement, **anders),
        )
    meldingen = fout.value.message_dict[f"onderdelen.0.{veld}"]
    assert any(tekst in m for m in meldingen), meldingen
    assert _tellingen() == voor
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.IN_BEHANDELING


def test_een_organisatie_die_geen_zorgaanbieder_is_wordt_geweigerd(personas):
    arrangement = _in_behandeling(personas)
    gemeente = OrganisatieFactory(naam="Gemeente Overbetuwe", soort=Organisatie.Soort.GEMEENTE)
    voor = _tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent,
            arrangement=arrangement,
            beslissingen=toekennen_alles(arrangement, zorgaanbieder=gemeente.pk),
        )
    assert "sociale kaart" in " ".join(fout.value.message_dict["onderdelen.0.zorgaanbieder"])
    assert _tellingen() == voor


def test_alle_ontbrekende_velden_tegelijk_in_een_fout(personas):
    arrangement = _in_behandeling(personas)
    beslissingen = [
        services.Beslissing(onderdeel=str(o.uuid), toegekend=True) for o in arrangement.onderdelen.all()
    ]
    voor = _tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent, arrangement=arrangement, beslissingen=beslissingen
        )
    velden = {k.split(".")[-1] for k in fout.value.message_dict if k.startswith("onderdelen.0.")}
    assert velden >= {
        "beschikkingsnummer",
        "beschikkingsdatum",
        "product",
        "zorgaanbieder",
        "leveringsvorm",
        "omvang_eenheden",
        "omvang_eenheid",
        "omvang_periode",
        "ingangsdatum",
    }
    assert not any(k.startswith("onderdelen.1.") for k in fout.value.message_dict)  # netwerk: no fields
    assert _tellingen() == voor


def test_maatwerk_van_de_andere_wet_wordt_geweigerd(personas):
    arrangement = _in_behandeling(personas)
    # Not possible through the plan's own checks; the database is not the only way in.
    vreemd = Onderdeel.objects.create(
        arrangement=arrangement, soort=OnderdeelSoort.MAATWERKVOORZIENING, categorie=categorie("jeugd", "45")
    )
    voor = _tellingen()
    with pytest.raises(ValidationError) as fout:
        services.arrangement_beslissen(
            door=personas.consulent, arrangement=arrangement, beslissingen=toekennen_alles(arrangement)
        )
    index = list(arrangement.onderdelen.order_by("volgorde", "pk")).index(vreemd)
    assert "Jeugdwet" in " ".join(fout.value.message_dict[f"onderdelen.{index}.toegekend"])
    assert _tellingen() == voor


# -- the decision page --------------------------------------------------------------------------


def _post_gegevens(arrangement, **anders):
    aanbieder = zorgaanbieder()
    data = {
        "o0-besluit": "toekennen",
        "o0-beschikkingsnummer": "WMO-1",
        "o0-beschikkingsdatum": VANDAAG().isoformat(),
        "o0-product": "01A01 Hulp bij het huishouden",
        "o0-zorgaanbieder": str(aanbieder.pk),
        "o0-leveringsvorm": "zin",
        "o0-omvang_eenheden": "3",
        "o0-omvang_eenheid": "uur",
        "o0-omvang_periode": "week",
        "o0-ingangsdatum": VANDAAG().isoformat(),
        "o0-einddatum": (VANDAAG() + timedelta(days=182)).isoformat(),
        "o1-besluit": "toekennen",
    }
    data.update(anders)
    return data


def test_de_pagina_zet_elke_fout_naast_het_veld_en_bewaart_niets(personas, als):
    arrangement = _in_behandeling(personas)
    gemeente = OrganisatieFactory(naam="Gemeente Overbetuwe", soort=Organisatie.Soort.GEMEENTE)
    client = als(personas.consulent)
    url = reverse("arrangementen:beslissen", args=[arrangement.uuid])
    zorgaanbieder()
    pagina = client.get(url).content.decode()
    assert "Thuiszorg De Betuwe" in pagina and "Gemeente Overbetuwe" not in pagina  # zorgaanbieders only
    voor = _tellingen()
    antwoord = client.post(
        url,
        _post_gegevens(
            arrangement,
            **{
                "o0-zorgaanbieder": str(gemeente.pk),
                "o0-omvang_eenheden": "0",
                "o0-einddatum": (VANDAAG() - timedelta(days=3)).isoformat(),
            },
        ),
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    for tekst, veld in [
        ("uit de sociale kaart", "o0-zorgaanbieder"),
        ("groter dan 0", "o0-omvang_eenheden"),
        ("vóór de ingangsdatum", "o0-einddatum"),
    ]:
        assert f'id="id_{veld}_error"' in html and tekst in html
    assert _tellingen() == voor
    assert client.post(url, _post_gegevens(arrangement)).status_code == 302
    assert Beoordeling.objects.get(onderdeel__soort=OnderdeelSoort.MAATWERKVOORZIENING).leveringsvorm == "zin"


def test_consulent_jeugd_kan_niet_beslissen_over_een_wmo_plan(personas, als):
    arrangement = _in_behandeling(personas)
    voor = _tellingen()
    antwoord = als(personas.consulent_jeugd).post(
        reverse("arrangementen:beslissen", args=[arrangement.uuid]), _post_gegevens(arrangement)
    )
    assert antwoord.status_code in (403, 404)
    assert _tellingen() == voor
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.IN_BEHANDELING and arrangement.besloten_op is None


# -- what the kernteam sees ----------------------------------------------------------------------


def test_het_team_ziet_de_voorziening_maar_niet_de_notities(personas, als):
    arrangement = _toegekend(personas)
    client = als(personas.beroepskracht)
    inwoner = arrangement.inwoner
    for url in (
        reverse("arrangementen:detail", args=[arrangement.uuid]),
        reverse("arrangementen:inwoner", args=[inwoner.uuid]),
        reverse("inwoner_detail", args=[inwoner.uuid]),
    ):
        html = client.get(url).content.decode()
        assert "Thuiszorg De Betuwe" in html, url
        assert "WMO-2024-4711" in html, url
        assert "01A01 Hulp bij het huishouden" in html, url
        assert "Persoonsgebonden budget" in html or "PGB" in html, url
        assert f"{VANDAAG() + timedelta(days=182):%d-%m-%Y}" in html or "tot en met" in html, url
        assert "INTERN-NOTITIE" not in html and "Interne notities" not in html, url
    dossier = client.get(reverse("inwoner_detail", args=[inwoner.uuid])).content.decode()
    assert "Lopende voorzieningen" in dossier


def test_de_consulent_ziet_de_notitie_wel(personas, als):
    arrangement = _toegekend(personas)
    html = (
        als(personas.consulent).get(reverse("arrangementen:detail", args=[arrangement.uuid])).content.decode()
    )
    assert "INTERN-NOTITIE" in html and "Thuiszorg De Betuwe" in html


def test_een_ander_team_krijgt_404(personas, als):
    arrangement = _toegekend(personas)
    client = als(personas.beroepskracht2)
    assert client.get(reverse("arrangementen:detail", args=[arrangement.uuid])).status_code == 404
    assert client.get(reverse("inwoner_detail", args=[arrangement.inwoner.uuid])).status_code == 404


def test_consulent_jeugd_ziet_het_wmo_plan_alleen_als_mijlpaal(personas, als):
    arrangement = _toegekend(personas)
    client = als(personas.consulent_jeugd)
    assert client.get(reverse("arrangementen:detail", args=[arrangement.uuid])).status_code in (403, 404)
    dossier = client.get(reverse("inwoner_detail", args=[arrangement.inwoner.uuid]))
    assert dossier.status_code == 200
    html = dossier.content.decode()
    assert "Wmo 2015-arrangement bij het loket" in html
    assert "Thuiszorg De Betuwe" not in html and "WMO-2024-4711" not in html and "INTERN-NOTITIE" not in html


def test_lopende_voorzieningen_laten_afgelopen_en_beeindigde_weg(personas, als):
    arrangement = _toegekend(personas)
    b = Beoordeling.objects.get(onderdeel__arrangement=arrangement, onderdeel__soort="maatwerkvoorziening")
    client = als(personas.beroepskracht)
    url = reverse("inwoner_detail", args=[arrangement.inwoner.uuid])
    assert "Lopende voorzieningen" in client.get(url).content.decode()
    b.beeindigd_op = VANDAAG() - timedelta(days=1)
    b.beeindigd_reden = "Doel bereikt."
    b.save()
    assert "Lopende voorzieningen" not in client.get(url).content.decode()
    # On the plan itself the ending stays visible.
    html = client.get(reverse("arrangementen:detail", args=[arrangement.uuid])).content.decode()
    assert "beëindigd op" in html


# -- the bericht when a voorziening ends soon ----------------------------------------------------------


def test_een_bericht_per_voorziening_die_binnen_vier_weken_afloopt_en_nooit_twee_keer(personas):
    bijna = _toegekend(personas, einde=VANDAAG() + timedelta(days=20))
    later = _toegekend(personas, einde=VANDAAG() + timedelta(days=60))
    huishouden = Huishouden.objects.create(naam="Huishouden Test", regisseur=personas.consulent)
    bijna.inwoner.huishouden = huishouden
    bijna.inwoner.save()
    Notificatie.objects.all().delete()
    assert voorzieningen_einde_melden_taak.delay().get() == 1
    berichten = Notificatie.objects.filter(arrangement=bijna)
    ontvangers = set(berichten.values_list("medewerker__username", flat=True))
    assert {"beroepskracht", "consulent"} <= ontvangers
    assert "beroepskracht2" not in ontvangers and "consulent_jeugd" not in ontvangers
    tekst = berichten.first().tekst
    assert "loopt af op" in tekst and "INTERN" not in tekst
    assert berichten.first().link.endswith(
        f"#voorziening-{bijna.onderdelen.get(soort='maatwerkvoorziening').uuid}"
    )
    assert not Notificatie.objects.filter(arrangement=later).exists()
    aantal = Notificatie.objects.count()
    assert voorzieningen_einde_melden() == 0
    assert Notificatie.objects.count() == aantal


def test_de_regisseur_die_het_plan_niet_mag_lezen_krijgt_geen_bericht(personas):
    bijna = _toegekend(personas, einde=VANDAAG() + timedelta(days=5))
    huishouden = Huishouden.objects.create(naam="Huishouden Test", regisseur=personas.beroepskracht2)
    bijna.inwoner.huishouden = huishouden
    bijna.inwoner.save()
    Notificatie.objects.all().delete()
    assert voorzieningen_einde_melden() == 1
    assert not Notificatie.objects.filter(medewerker=personas.beroepskracht2).exists()


# -- a fixed number of queries at 1, 10 and 100 voorzieningen ----------------------------------------


def _voorzieningen_bijmaken(arrangement, totaal: int, aanbieder) -> None:
    """Test data straight in the tables: a decided plan with many granted maatwerk onderdelen."""
    bestaand = arrangement.onderdelen.filter(soort=OnderdeelSoort.MAATWERKVOORZIENING).count()
    for i in range(bestaand, totaal):
        onderdeel = Onderdeel.objects.create(
            arrangement=arrangement,
            volgorde=10 + i,
            soort=OnderdeelSoort.MAATWERKVOORZIENING,
            categorie=categorie("wmo", "02"),
        )
        Beoordeling.objects.create(
            onderdeel=onderdeel,
            versie=arrangement.versie,
            toegekend=True,
            beoordeeld_door=arrangement.behandelaar,
            **{
                **voorziening(aanbieder=aanbieder),
                "zorgaanbieder": OrganisatieFactory(naam=f"Aanbieder {i}", soort="zorgaanbieder"),
            },
            beschikkingsnummer=f"WMO-{i}",
            beschikkingsdatum=VANDAAG(),
        )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(url).status_code == 200
    return len(vastgelegd)


def test_de_paginas_kosten_een_vast_aantal_queries_bij_1_10_en_100_voorzieningen(personas, als):
    arrangement = _toegekend(personas)
    aanbieder = zorgaanbieder()
    client = als(personas.beroepskracht)
    inwoner = arrangement.inwoner
    urls = {
        "arrangement": reverse("arrangementen:detail", args=[arrangement.uuid]),
        "inwoner": reverse("arrangementen:inwoner", args=[inwoner.uuid]),
        "dossier": reverse("inwoner_detail", args=[inwoner.uuid]),
    }
    gemeten = {naam: [] for naam in urls}
    for aantal in (1, 10, 100):
        _voorzieningen_bijmaken(arrangement, aantal, aanbieder)
        for naam, url in urls.items():
            gemeten[naam].append(_queries(client, url))
    assert all(len(set(rij)) == 1 for rij in gemeten.values()), gemeten


# -- the regular route: the team that handed over sees the outcome too --------------------------------


def test_het_team_dat_overdroeg_ziet_de_voorziening_van_de_reguliere_route(personas, als):
    melding = melding_maken(personas, dagen_geleden=10)
    aanvraag = services.aanvraag_aanmaken(
        bron="opschaling",
        door=personas.beroepskracht,
        reden="Structurele begeleiding nodig.",
        melding=melding,
        team=personas.team_a,
    )
    services.aanvraag_in_behandeling_nemen(door=personas.consulent, aanvraag=aanvraag)
    aanvraag = services.aanvraag_afhandelen(
        door=personas.consulent, aanvraag=aanvraag, uitkomst="maatwerk_aanvragen"
    )
    plan = aanvraag.arrangement
    services.arrangement_opslaan(
        door=personas.consulent, arrangement=plan, gegevens=PLANTEKST, onderdelen=[maatwerk(), netwerk()]
    )
    plan = services.arrangement_indienen(door=personas.consulent, arrangement=plan)
    collega = medewerker_maken("consulent2", Rol.CONSULENT_WMO, teams=[personas.loket])
    services.arrangement_in_behandeling_nemen(door=collega, arrangement=plan)
    services.arrangement_beslissen(
        door=collega,
        arrangement=plan,
        beslissingen=toekennen_alles(plan, einde=VANDAAG() + timedelta(days=10)),
    )
    services.interne_notitie_toevoegen(door=collega, arrangement=plan, tekst=NOTITIE)
    client = als(personas.beroepskracht)
    for url in (
        reverse("arrangementen:detail", args=[plan.uuid]),
        reverse("inwoner_detail", args=[plan.inwoner.uuid]),
    ):
        html = client.get(url).content.decode()
        assert "Thuiszorg De Betuwe" in html and "INTERN-NOTITIE" not in html, url
    assert (
        als(personas.beroepskracht2).get(reverse("arrangementen:detail", args=[plan.uuid])).status_code == 404
    )
    Notificatie.objects.all().delete()
    assert voorzieningen_einde_melden() == 1
    assert Notificatie.objects.filter(medewerker=personas.beroepskracht, arrangement=plan).count() == 1
