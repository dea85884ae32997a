"""Correcting data (issue 13, point 5): an inwoner's details with the kern and team that follow from a
new address, and households made from a dossier with only inwoners one may already see."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from dossier import correctie
from meldingen import services as melding_services
from skt.models import Huishouden, Inwoner, Toegang

from ..arrangementen.conftest import melding_maken
from ..factories import InwonerFactory, LeefgebiedFactory

GEGEVENS = {
    "voornamen": "Anna Maria",
    "tussenvoegsel": "",
    "achternaam": "Jansen",
    "straat": "Dorpsstraat",
    "huisnummer": "1",
    "postcode": "6661 AB",
    "woonplaats": "Elst",
    "telefoon": "06-11112222",
    "email": "anna@example.nl",
}


def inwoner_van_team_a(p, **velden) -> Inwoner:
    inwoner = melding_maken(p).inwoner
    for veld, waarde in {**GEGEVENS, **velden}.items():
        setattr(inwoner, veld, waarde)
    inwoner.save()
    return inwoner


def test_naam_en_telefoon_wijzigen_met_geschiedenis_en_toegangslog(personas, als, kern_elst):
    p = personas
    inwoner = inwoner_van_team_a(p, kern=kern_elst)
    client = als(p.beroepskracht)
    url = reverse("inwoner_wijzigen", args=[inwoner.uuid])
    assert "Gegevens wijzigen" in client.get(reverse("inwoner_detail", args=[inwoner.uuid])).content.decode()
    assert client.get(url).status_code == 200
    antwoord = client.post(url, {**GEGEVENS, "achternaam": "Jansen-de Boer", "telefoon": "06-99998888"})
    assert antwoord.status_code == 302
    inwoner.refresh_from_db()
    assert inwoner.achternaam == "Jansen-de Boer" and inwoner.telefoon == "06-99998888"
    assert inwoner.kern == kern_elst
    vorige = inwoner.history.all()[1]
    assert vorige.achternaam == "Jansen"
    assert "achternaam" in inwoner.history.first().history_change_reason
    rij = Toegang.objects.filter(inwoner=inwoner, actie="wijzigen", medewerker=p.beroepskracht).get()
    assert "achternaam" in rij.reden and "telefoon" in rij.reden and "Jansen" not in rij.reden


def test_nieuw_adres_in_andere_kern_vraagt_bevestiging_en_noemt_het_nieuwe_team(
    personas, als, kern_elst, kern_driel
):
    p = personas
    inwoner = inwoner_van_team_a(p, kern=kern_elst)
    client = als(p.beroepskracht)
    url = reverse("inwoner_wijzigen", args=[inwoner.uuid])
    nieuw = {**GEGEVENS, "straat": "Kerkstraat", "postcode": "6665 CD", "woonplaats": "Driel"}
    stap1 = client.post(url, nieuw)
    assert stap1.status_code == 200
    inhoud = stap1.content.decode()
    assert "verantwoordelijke team" in inhoud
    assert "Elst → Driel" in inhoud  # kern, and the team of that kern (teams are named after them)
    inwoner.refresh_from_db()
    assert inwoner.woonplaats == "Elst"  # nothing saved before the confirmation
    stap2 = client.post(url, {**nieuw, "bevestigd": "on", "stap": "bevestigen"})
    assert stap2.status_code == 302
    inwoner.refresh_from_db()
    assert inwoner.kern == kern_driel and inwoner.woonplaats == "Driel"
    assert inwoner.history.first().kern_id == kern_driel.pk


def test_gevolg_zelfde_kern_andere_straat_geen_bevestiging(personas, kern_elst):
    p = personas
    inwoner = inwoner_van_team_a(p, kern=kern_elst)
    gevolg = correctie.gevolg_bepalen(inwoner, {**GEGEVENS, "straat": "Kerkstraat"})
    assert gevolg.gewijzigd == ["straat"] and not gevolg.vraagt_bevestiging
    # An unknown woonplaats: the kern becomes unknown, and the screen says no team follows from it.
    verhuisd = correctie.gevolg_bepalen(inwoner, {**GEGEVENS, "woonplaats": "Utrecht"})
    assert verhuisd.nieuwe_kern is None and verhuisd.nieuw_team is None and verhuisd.team_verandert
    with pytest.raises(ValidationError, match="Bevestig"):
        correctie.inwoner_corrigeren(
            door=p.beroepskracht,
            inwoner=inwoner,
            gegevens={**GEGEVENS, "woonplaats": "Utrecht"},
            bevestigd=False,
        )


@pytest.mark.parametrize(
    "fout,melding",
    [
        ({"achternaam": "  "}, "Vul de achternaam in."),
        ({"postcode": "12345"}, "Nederlandse postcode"),
        ({"email": "geen-adres"}, "e-mailadres"),
        ({"voornamen": "x" * 101}, "100"),
    ],
)
def test_foute_invoer_geeft_een_nederlandse_fout_en_verandert_niets(personas, als, kern_elst, fout, melding):
    p = personas
    inwoner = inwoner_van_team_a(p, kern=kern_elst)
    voor = inwoner.history.count()
    antwoord = als(p.beroepskracht).post(
        reverse("inwoner_wijzigen", args=[inwoner.uuid]), {**GEGEVENS, **fout}
    )
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert inwoner.history.count() == voor


def test_niets_gewijzigd_en_onbekend_veld_worden_geweigerd(personas, kern_elst):
    p = personas
    inwoner = inwoner_van_team_a(p, kern=kern_elst)
    with pytest.raises(ValidationError, match="niets gewijzigd"):
        correctie.inwoner_corrigeren(
            door=p.beroepskracht, inwoner=inwoner, gegevens=GEGEVENS, bevestigd=False
        )
    with pytest.raises(ValidationError):
        correctie.inwoner_corrigeren(
            door=p.beroepskracht, inwoner=inwoner, gegevens={"bsn": "111222333"}, bevestigd=True
        )


@pytest.mark.parametrize(
    "persona,status",
    [
        ("beroepskracht2", 404),  # another team: the dossier does not exist for them
        ("buitenstaander", 404),
        ("vrijwilliger", 404),
        ("poort", 403),  # recognises the inwoner, may not correct
        ("coordinator", 403),  # full dossier, but the role changes no inwoner data
        ("beleid", 404),
        ("beheerder", 404),
    ],
)
def test_wie_geen_volledige_dossierrechten_heeft_wijzigt_niets(personas, als, kern_elst, persona, status):
    p = personas
    inwoner = inwoner_van_team_a(p, kern=kern_elst)
    wie = getattr(p, persona)
    antwoord = als(wie).post(
        reverse("inwoner_wijzigen", args=[inwoner.uuid]), {**GEGEVENS, "achternaam": "Anders"}
    )
    assert antwoord.status_code == status
    inwoner.refresh_from_db()
    assert inwoner.achternaam == "Jansen"
    assert Toegang.objects.filter(medewerker=wie, resultaat="geweigerd").exists()
    with pytest.raises(PermissionDenied):
        correctie.inwoner_corrigeren(
            door=wie, inwoner=inwoner, gegevens={**GEGEVENS, "achternaam": "Anders"}, bevestigd=True
        )


# -- households --------------------------------------------------------------------------------------


def test_huishouden_maken_vanuit_een_dossier_met_eigen_inwoners(personas, als):
    p = personas
    moeder = melding_maken(p).inwoner
    kind = melding_maken(p, jeugd=True).inwoner
    vreemd = InwonerFactory()  # no betrokkenheid of team A
    client = als(p.beroepskracht)
    url = reverse("huishouden_maken", args=[moeder.uuid])
    pagina = client.get(url).content.decode()
    assert kind.naam in pagina and vreemd.naam not in pagina
    # Someone the user may not see is refused as an invalid choice: nothing is made.
    fout = client.post(url, {"naam": "Huishouden Test", "leden": [kind.pk, vreemd.pk]})
    assert fout.status_code == 200 and "Kies alleen inwoners uit de lijst." in fout.content.decode()
    assert not Huishouden.objects.exists()
    antwoord = client.post(url, {"naam": "Huishouden Test", "leden": [kind.pk]})
    assert antwoord.status_code == 302
    huis = Huishouden.objects.get()
    assert set(huis.leden.all()) == {moeder, kind}
    assert antwoord["Location"] == reverse("huishouden", args=[huis.uuid])
    assert Toegang.objects.filter(actie="wijzigen", inwoner=kind, reden__contains=str(huis.uuid)).exists()
    # From the dossier, the same page now adds a member.
    derde = melding_maken(p).inwoner
    toevoegen = client.post(url, {"lid": derde.pk})
    assert toevoegen.status_code == 302
    derde.refresh_from_db()
    assert derde.huishouden_id == huis.pk
    # Someone already in a household cannot be put in a second.
    with pytest.raises(ValidationError, match="Al in een huishouden"):
        correctie.huishouden_maken(door=p.beroepskracht, inwoner=kind, naam="", leden=[])


def test_huishouden_nooit_met_een_inwoner_die_je_niet_mag_zien(personas, als):
    p = personas
    eigen = melding_maken(p).inwoner
    ander_team = melding_maken(p, team=p.team_b).inwoner
    with pytest.raises(PermissionDenied):
        correctie.huishouden_maken(door=p.beroepskracht, inwoner=eigen, naam="", leden=[ander_team])
    assert not Huishouden.objects.exists()
    for persona in ("vrijwilliger", "beleid", "beheerder", "beroepskracht2"):
        antwoord = als(getattr(p, persona)).post(
            reverse("huishouden_maken", args=[eigen.uuid]), {"naam": "X"}
        )
        assert antwoord.status_code in (403, 404), persona
    assert als(p.poort).post(reverse("huishouden_maken", args=[eigen.uuid]), {"naam": "X"}).status_code == 403
    assert not Huishouden.objects.exists()


# -- melding correction ------------------------------------------------------------------------------


def melding_gegevens(melding, **anders) -> dict:
    gegevens = {
        "ingang": melding.ingang,
        "melder_soort": melding.melder_soort,
        "melder_naam": melding.melder_naam,
        "melder_bereikbaar": melding.melder_bereikbaar,
        "reden": "",
    }
    gegevens.update(anders)
    return {k: v for k, v in gegevens.items() if v is not None}


def test_team_corrigeert_leefgebieden_ingang_en_melder_met_geschiedenis(personas, als):
    p = personas
    financien = LeefgebiedFactory(code="financien-h2", label="Financiën")
    wonen = LeefgebiedFactory(code="wonen-h2", label="Wonen")
    melding = melding_maken(p)
    client = als(p.beroepskracht)
    detail = client.get(reverse("meldingen:detail", args=[melding.uuid])).content.decode()
    url = reverse("meldingen:corrigeren", args=[melding.uuid])
    assert url in detail
    antwoord = client.post(
        url,
        melding_gegevens(
            melding,
            ingang="email",
            melder_soort="huisarts",
            melder_naam="Dokter Pietersen",
            melder_bereikbaar="0481-123456",
            leefgebieden=[financien.pk, wonen.pk],
        ),
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[-3000:]
    melding.refresh_from_db()
    assert melding.ingang == "email" and melding.melder_soort == "huisarts"
    assert set(melding.leefgebieden.all()) == {financien, wonen}
    assert melding.history.first().history_change_reason.startswith("gecorrigeerd")
    assert melding.history.filter(ingang="telefoon").exists() and melding.history.first().ingang == "email"
    rij = Toegang.objects.get(actie="wijzigen", object_id=str(melding.uuid), medewerker=p.beroepskracht)
    assert "leefgebieden" in rij.reden and rij.inwoner_id == melding.inwoner_id


@pytest.mark.parametrize(
    "anders,fout",
    [
        ({"ingang": "duivenpost"}, "Selecteer een geldige keuze"),
        ({"melder_soort": ""}, "Kies wie meldt."),
        (
            {"melder_soort": "buurtbewoner", "melder_wil_terugkoppeling": "on", "melder_bereikbaar": ""},
            "vul in hoe de melder bereikbaar is",
        ),
        ({"leefgebieden": ["999999"]}, "Kies alleen leefgebieden uit de lijst."),
        ({}, "Er is niets gewijzigd."),
    ],
)
def test_foute_meldingcorrectie_verandert_niets(personas, als, anders, fout):
    p = personas
    melding = melding_maken(p)
    voor = melding.history.count()
    antwoord = als(p.beroepskracht).post(
        reverse("meldingen:corrigeren", args=[melding.uuid]), melding_gegevens(melding, **anders)
    )
    assert antwoord.status_code == 200
    assert fout in antwoord.content.decode()
    assert melding.history.count() == voor


@pytest.mark.parametrize(
    "persona,status",
    [
        ("beroepskracht2", 404),
        ("vrijwilliger", 404),
        ("buitenstaander", 404),
        ("beleid", 404),
        ("poort", 404),
    ],
)
def test_alleen_het_behandelende_team_corrigeert_een_melding(personas, als, persona, status):
    p = personas
    melding = melding_maken(p)
    wie = getattr(p, persona)
    antwoord = als(wie).post(
        reverse("meldingen:corrigeren", args=[melding.uuid]), melding_gegevens(melding, ingang="email")
    )
    assert antwoord.status_code in (403, 404)
    melding.refresh_from_db()
    assert melding.ingang == "telefoon"
    with pytest.raises(PermissionDenied):
        melding_services.melding_corrigeren(
            door=wie, melding=melding, gegevens={"ingang": "email"}, leefgebieden=[]
        )


def test_voor_de_triage_corrigeert_niemand(personas, als):
    from meldingen.services import melding_registreren

    p = personas
    inwoner = melding_maken(p).inwoner
    nieuw, _ = melding_registreren(
        door=p.beroepskracht,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Hulp bij de administratie.",
    )
    assert als(p.beroepskracht).get(reverse("meldingen:corrigeren", args=[nieuw.uuid])).status_code == 403
    with pytest.raises(PermissionDenied):
        melding_services.melding_corrigeren(
            door=p.beroepskracht, melding=nieuw, gegevens={"ingang": "email"}, leefgebieden=[]
        )
