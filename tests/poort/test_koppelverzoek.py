"""The poort's work item after a refused re-registration (the koppelverzoek).

Whoever may not see a known inwoner hears only the neutral answer; the poort gets one open item per
inwoner and asker, sees it at recognition level, and closes it with a reason; the asker sees the outcome
on 'Mijn werk' without learning who the inwoner is.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meldingen.services import melding_registreren
from poort import services
from poort.models import Koppelverzoek
from poort.services import koppelverzoek_vastleggen, melding_trieren
from skt import rechten
from skt.models import Toegang

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db

NEUTRAAL = "Deze inwoner kan niet opnieuw worden geregistreerd; de poort of de coördinator helpt u verder"
BSN = "111222333"
LIJST = "/poort/koppelverzoeken/"
TOELICHTING = "Inwoner heeft al hulp via een ander team; overleg met de collega gehad."


def gegevens(kern, **anders):
    return {
        "bsn": BSN,
        "voornamen": "Anna",
        "achternaam": "Dijk",
        "geboortedatum": "1950-04-01",
        "straat": "Dorpsstraat",
        "huisnummer": "12",
        "postcode": "6661 AB",
        "woonplaats": "Elst",
        "kern": kern.pk,
        **anders,
    }


def melding(personas, inwoner, *, uitkomst="kernteam", team=None):
    m, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Hulp bij de administratie",
    )
    melding_trieren(door=personas.poort, melding=m, uitkomst=uitkomst, reden="triage", team=team)
    return m


@pytest.fixture
def bestaand(personas, kern_elst):
    """Known to team Driel only: the beroepskracht of team Elst may not see them."""
    inwoner = InwonerFactory(
        bsn=BSN, voornamen="Wilhelmina", achternaam="Zandvoort", kern=kern_elst, straat="Kerkstraat"
    )
    melding(personas, inwoner, team=personas.team_b)
    return inwoner


@pytest.fixture
def verzoek(personas, bestaand):
    verzoek, _ = koppelverzoek_vastleggen(
        door=personas.beroepskracht,
        inwoner=bestaand,
        gegevens={"voornamen": "Anna", "achternaam": "Dijk", "geboortedatum": bestaand.geboortedatum},
    )
    return verzoek


def toestand(verzoek):
    """Everything a refused or invalid action must leave as it was."""
    v = Koppelverzoek.objects.get(pk=verzoek.pk)
    return (v.status, v.uitkomst, v.toelichting, v.afgehandeld_door_id, v.afgehandeld_op, v.history.count())


# -- the refusal creates the item ------------------------------------------------------------------


def test_de_weigering_maakt_een_koppelverzoek_en_bij_herhaling_geen_tweede(
    personas, als, kern_elst, bestaand
):
    client = als(personas.beroepskracht)
    pogingen = [
        ("/poort/inwoner/nieuw/", {}),
        ("/poort/inwoner/nieuw/", {"dubbel_bevestigd": "on"}),
        ("/inwoners/nieuw/", {}),
    ]
    for pad, extra in pogingen:
        response = client.post(pad, {**gegevens(kern_elst), **extra})
        inhoud = response.content.decode()
        assert response.status_code == 200
        assert NEUTRAAL in inhoud and "De poort heeft uw verzoek gekregen" in inhoud
        assert bestaand.achternaam not in inhoud and bestaand.voornamen not in inhoud
    verzoek = Koppelverzoek.objects.get()
    assert verzoek.inwoner == bestaand and verzoek.gevraagd_door == personas.beroepskracht
    assert list(verzoek.teams.all()) == [personas.team_a]
    assert verzoek.status == Koppelverzoek.Status.OPEN
    assert (verzoek.voornamen_ingevoerd, verzoek.achternaam_ingevoerd) == ("Anna", "Dijk")
    assert str(verzoek.geboortedatum_ingevoerd) == "1950-04-01"
    # Nothing sensitive beyond what recognises the person: the BSN is not kept a second time.
    assert BSN not in repr(Koppelverzoek.objects.filter(pk=verzoek.pk).values().get())
    assert verzoek.history.filter(history_type="+").count() == 1
    # Every refusal is logged with the inwoner, as before.
    gelogd = Toegang.objects.filter(
        medewerker=personas.beroepskracht, inwoner=bestaand, resultaat="geweigerd"
    )
    assert gelogd.count() == len(pogingen)


def test_het_verzoek_en_de_gelogde_weigering_staan_of_vallen_samen(
    personas, als, kern_elst, bestaand, monkeypatch
):
    def mislukt(**kwargs):
        raise RuntimeError("database weg")

    monkeypatch.setattr(services, "koppelverzoek_vastleggen", mislukt)
    rijen = Toegang.objects.filter(inwoner=bestaand).count()
    with pytest.raises(RuntimeError):
        als(personas.beroepskracht).post("/poort/inwoner/nieuw/", gegevens(kern_elst))
    assert Toegang.objects.filter(inwoner=bestaand).count() == rijen
    assert not Koppelverzoek.objects.exists()


def test_wie_de_inwoner_mag_zien_krijgt_geen_koppelverzoek(personas, als, kern_elst, bestaand):
    melding(personas, bestaand, team=personas.team_a)
    inhoud = als(personas.beroepskracht).post("/inwoners/nieuw/", gegevens(kern_elst)).content.decode()
    assert "Er bestaat al een Inwoner met eenzelfde BSN" in inhoud
    assert not Koppelverzoek.objects.exists()


def test_een_ander_of_een_later_verzoek_is_een_nieuw_werkitem(personas, bestaand, verzoek):
    tweede, nieuw = koppelverzoek_vastleggen(door=personas.beroepskracht, inwoner=bestaand, gegevens={})
    assert (tweede, nieuw) == (verzoek, False)
    van_consulent, nieuw = koppelverzoek_vastleggen(door=personas.consulent, inwoner=bestaand, gegevens={})
    assert nieuw and van_consulent != verzoek
    services.koppelverzoek_afhandelen(
        door=personas.poort, verzoek=verzoek, uitkomst="betrokkenheid_niet_nodig", toelichting=TOELICHTING
    )
    later, nieuw = koppelverzoek_vastleggen(door=personas.beroepskracht, inwoner=bestaand, gegevens={})
    assert nieuw and later != verzoek
    assert Koppelverzoek.objects.filter(status="open").count() == 2


# -- the poort sees and closes it ------------------------------------------------------------------


def test_de_poort_ziet_de_lijst_en_het_wordt_gelogd(personas, als, bestaand, verzoek):
    voor = toestand(verzoek)
    response = als(personas.poort).get(LIJST)
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert bestaand.naam in inhoud and "Beroepskracht" in inhoud and "Elst" in inhoud
    assert f"/poort/koppelverzoeken/{verzoek.uuid}/" in inhoud
    assert BSN not in inhoud
    rij = Toegang.objects.get(medewerker=personas.poort, object_soort="koppelverzoek", pad=LIJST)
    assert rij.actie == "lezen" and rij.resultaat == "toegestaan"
    assert list(rij.getoonde_inwoners.values_list("inwoner_id", flat=True)) == [bestaand.pk]
    assert toestand(verzoek) == voor  # a GET changes nothing


def test_het_filter_toont_open_of_afgehandeld(personas, als, bestaand, verzoek):
    client = als(personas.poort)
    assert bestaand.naam not in client.get(LIJST, {"status": "afgehandeld"}).content.decode()
    assert (
        "Er zijn nog geen afgehandelde koppelverzoeken"
        in client.get(LIJST, {"status": "afgehandeld"}).content.decode()
    )
    services.koppelverzoek_afhandelen(
        door=personas.poort, verzoek=verzoek, uitkomst="betrokkenheid_niet_nodig", toelichting=TOELICHTING
    )
    inhoud = client.get(LIJST).content.decode()
    assert bestaand.naam not in inhoud and "Er zijn geen open koppelverzoeken" in inhoud
    inhoud = client.get(LIJST, {"status": "afgehandeld"}).content.decode()
    assert bestaand.naam in inhoud and "Betrokkenheid niet nodig" in inhoud
    # An unknown filter falls back to the open ones.
    assert "Er zijn geen open koppelverzoeken" in client.get(LIJST, {"status": "x"}).content.decode()


def test_het_verzoek_toont_de_inwoner_op_herkenningsniveau_zonder_veilig_thuis(
    personas, als, bestaand, verzoek
):
    melding(personas, bestaand, uitkomst="veilig_thuis")
    voor = toestand(verzoek)
    response = als(personas.poort).get(f"{LIJST}{verzoek.uuid}/")
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert bestaand.naam in inhoud and "Kerkstraat" in inhoud
    assert bestaand.geboortedatum.strftime("%d-%m-%Y") in inhoud
    assert "Driel" in inhoud  # the open trajectory and its team
    assert BSN not in inhoud and "Hulp bij de administratie" not in inhoud  # never content
    assert "Loket" not in inhoud  # Veilig Thuis is no trajectory at the poort
    assert f"/poort/melding/nieuw/?inwoner={bestaand.uuid}" in inhoud
    rij = Toegang.objects.get(medewerker=personas.poort, object_soort="koppelverzoek", inwoner=bestaand)
    assert rij.actie == "lezen" and rij.object_id == str(verzoek.uuid)
    assert toestand(verzoek) == voor


def test_de_poort_handelt_af_met_een_reden(personas, als, verzoek):
    historie = verzoek.history.count()
    response = als(personas.poort).post(
        f"{LIJST}{verzoek.uuid}/afhandelen/",
        {"uitkomst": "betrokkenheid_niet_nodig", "toelichting": TOELICHTING},
    )
    assert response.status_code == 302 and response["Location"] == LIJST
    verzoek.refresh_from_db()
    assert verzoek.status == "afgehandeld" and verzoek.uitkomst == "betrokkenheid_niet_nodig"
    assert verzoek.toelichting == TOELICHTING
    assert verzoek.afgehandeld_door == personas.poort and verzoek.afgehandeld_op is not None
    assert verzoek.history.count() == historie + 1


@pytest.mark.parametrize("toelichting", ["", "   "])
def test_zonder_reden_een_nederlandse_fout_en_verandert_er_niets(personas, als, verzoek, toelichting):
    voor = toestand(verzoek)
    response = als(personas.poort).post(
        f"{LIJST}{verzoek.uuid}/afhandelen/",
        {"uitkomst": "betrokkenheid_niet_nodig", "toelichting": toelichting},
    )
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "Er is niets opgeslagen" in inhoud
    fout = re.search(r'id="id_toelichting_error">(.*?)</div>', inhoud, re.S)
    assert fout and "Schrijf kort op waarom u het verzoek zo afhandelt." in fout.group(1)
    assert re.search(r'name="toelichting"[^>]*aria-invalid="true"', inhoud)
    assert toestand(verzoek) == voor


def test_melding_geregistreerd_vraagt_een_melding_en_koppelt_die(personas, als, bestaand, verzoek):
    client = als(personas.poort)
    url = f"{LIJST}{verzoek.uuid}/afhandelen/"
    data = {"uitkomst": "melding_geregistreerd", "toelichting": "Namens de collega gemeld."}
    voor = toestand(verzoek)
    inhoud = client.post(url, data).content.decode()
    assert "Registreer eerst de melding, of kies een andere uitkomst." in inhoud
    assert toestand(verzoek) == voor
    # The poort registers the melding for the asker's team; the team now sees the inwoner.
    m = melding(personas, bestaand, team=personas.team_a)
    assert client.post(url, data).status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.melding == m and verzoek.uitkomst == "melding_geregistreerd"


def test_een_afgehandeld_verzoek_wordt_niet_opnieuw_afgehandeld(personas, als, verzoek):
    services.koppelverzoek_afhandelen(
        door=personas.poort, verzoek=verzoek, uitkomst="anders_geholpen", toelichting=TOELICHTING
    )
    voor = toestand(verzoek)
    response = als(personas.poort).post(
        f"{LIJST}{verzoek.uuid}/afhandelen/",
        {"uitkomst": "betrokkenheid_niet_nodig", "toelichting": "Nog eens."},
    )
    assert response.status_code == 200
    assert "Dit verzoek is al afgehandeld door" in response.content.decode()
    assert toestand(verzoek) == voor


def test_afhandelen_met_get_verandert_niets(personas, als, verzoek):
    voor = toestand(verzoek)
    response = als(personas.poort).get(
        f"{LIJST}{verzoek.uuid}/afhandelen/", {"uitkomst": "anders_geholpen", "toelichting": TOELICHTING}
    )
    assert response.status_code == 405
    assert toestand(verzoek) == voor


def test_een_onbekend_verzoek_is_een_gelogde_404(personas, als):
    onbekend = "00000000-0000-4000-8000-000000000000"
    assert als(personas.poort).get(f"{LIJST}{onbekend}/").status_code == 404
    assert Toegang.objects.filter(
        medewerker=personas.poort, object_soort="koppelverzoek", object_id=onbekend, resultaat="geweigerd"
    ).exists()


ANDEREN = [
    "beroepskracht",
    "beroepskracht2",
    "vrijwilliger",
    "consulent",
    "consulent_jeugd",
    "coordinator",
    "beleid",
    "beheerder",
    "buitenstaander",
]


@pytest.mark.parametrize("naam", ANDEREN)
def test_elke_andere_rol_wordt_geweigerd_en_verandert_niets(personas, als, bestaand, verzoek, naam):
    gebruiker = getattr(personas, naam)
    client = als(gebruiker)
    voor = toestand(verzoek)
    weigeringen = Toegang.objects.filter(medewerker=gebruiker, resultaat="geweigerd")
    aantal = weigeringen.count()
    antwoorden = [
        client.get(LIJST),
        client.get(f"{LIJST}{verzoek.uuid}/"),
        client.post(
            f"{LIJST}{verzoek.uuid}/afhandelen/",
            {"uitkomst": "betrokkenheid_niet_nodig", "toelichting": TOELICHTING},
        ),
    ]
    for antwoord in antwoorden:
        assert antwoord.status_code in (403, 404)
        assert bestaand.achternaam not in antwoord.content.decode()
    assert weigeringen.count() == aantal + len(antwoorden)
    assert toestand(verzoek) == voor


# -- 'Mijn werk' -----------------------------------------------------------------------------------


def test_mijn_werk_van_de_poort_telt_de_open_verzoeken(personas, als, verzoek):
    inhoud = als(personas.poort).get("/").content.decode()
    assert re.search(rf'href="{LIJST}">Open koppelverzoeken: <strong>1</strong>', inhoud)
    services.koppelverzoek_afhandelen(
        door=personas.poort, verzoek=verzoek, uitkomst="anders_geholpen", toelichting=TOELICHTING
    )
    inhoud = als(personas.poort).get("/").content.decode()
    assert "Open koppelverzoeken: <strong>0</strong>" in inhoud


def test_de_vrager_ziet_de_uitkomst_maar_niet_wie_het_is(personas, als, bestaand, verzoek):
    client = als(personas.beroepskracht)
    inhoud = client.get("/").content.decode()
    assert "Mijn koppelverzoeken" in inhoud and "de poort pakt het op" in inhoud
    assert "Open koppelverzoeken" not in inhoud
    services.koppelverzoek_afhandelen(
        door=personas.poort, verzoek=verzoek, uitkomst="betrokkenheid_niet_nodig", toelichting=TOELICHTING
    )
    inhoud = client.get("/").content.decode()
    assert "afgehandeld — betrokkenheid niet nodig" in inhoud
    assert bestaand.achternaam not in inhoud and "Dijk" not in inhoud
    assert TOELICHTING not in inhoud  # the poort's reason is for the poort
    assert f"/inwoners/{bestaand.uuid}/" not in inhoud


def test_met_betrokkenheid_leidt_het_blok_naar_het_dossier(personas, als, bestaand, verzoek):
    melding(personas, bestaand, team=personas.team_a)
    services.koppelverzoek_afhandelen(
        door=personas.poort, verzoek=verzoek, uitkomst="melding_geregistreerd", toelichting="Gemeld."
    )
    assert rechten.inwoners_betrokken_voor(personas.beroepskracht).filter(pk=bestaand.pk).exists()
    inhoud = als(personas.beroepskracht).get("/").content.decode()
    assert "afgehandeld — melding geregistreerd" in inhoud
    assert f"/inwoners/{bestaand.uuid}/" in inhoud
    # Other people's requests are not on anyone else's page.
    assert "Mijn koppelverzoeken" not in als(personas.beroepskracht2).get("/").content.decode()


# -- query budget ----------------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_lijst_en_mijn_werk_kosten_evenveel_queries_bij_1_10_en_100(personas, als, kern_elst):
    poort, vrager = als(personas.poort), als(personas.beroepskracht)
    paginas = [(poort, LIJST), (poort, "/"), (vrager, "/")]
    gemeten: dict[int, list[int]] = {i: [] for i in range(len(paginas))}
    gemaakt = 0
    for n in (1, 10, 100):
        while gemaakt < n:
            # Alternate askers so the rows carry teams of their own (prefetched, not per row).
            vraagt = personas.consulent if gemaakt % 2 else personas.beroepskracht
            koppelverzoek_vastleggen(door=vraagt, inwoner=InwonerFactory(kern=kern_elst), gegevens={})
            gemaakt += 1
        for i, (client, url) in enumerate(paginas):
            gemeten[i].append(_queries(client, url))
    for i, aantallen in gemeten.items():
        assert len(set(aantallen)) == 1, f"{paginas[i][1]} bij 1, 10 en 100: {aantallen} queries"
