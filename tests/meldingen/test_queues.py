"""Team queue, coordinator's overview and start-page block: scope, terms, filters, query counts."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meldingen import services
from meldingen.vocab import ContactWijze, Ingang, TriageUitkomst
from skt.models import Toegang

from ..factories import InwonerFactory, LeefgebiedFactory, profiel_maken
from . import dagen_geleden, melding_maken, snelle_wachtwoorden, trieren

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures(snelle_wachtwoorden.__name__)]

WACHTRIJ = "/meldingen/wachtrij/"
IN_BEHANDELING = "/meldingen/wachtrij/in-behandeling/"
ACHTERSTAND = "/meldingen/achterstand/"


def wachtend(personas, *, team="a", dagen=2, uitkomst=TriageUitkomst.KERNTEAM, inwoner=None, **extra):
    """A melding triaged to team A (Elst) or B (Driel) ``dagen`` days ago, awaiting first contact."""
    kern = personas.team_a.kernen.get() if team == "a" else personas.team_b.kernen.get()
    inwoner = inwoner or InwonerFactory(kern=kern)
    melding = melding_maken(personas.poort, inwoner=inwoner, aanmeldingsdatum=dagen_geleden(dagen), **extra)
    return trieren(personas.poort, melding, uitkomst)


def in_behandeling(personas, *, door=None, **kwargs):
    melding = wachtend(personas, **kwargs)
    services.melding_eerste_contact_vastleggen(
        door=door or personas.beroepskracht,
        melding=melding,
        datum=melding.aanmeldingsdatum,
        wijze=ContactWijze.TELEFOON,
    )
    melding.refresh_from_db()
    return melding


def veilig_thuis(personas, *, dagen=9):
    return wachtend(personas, dagen=dagen, uitkomst=TriageUitkomst.VEILIG_THUIS)


def tekst(response) -> str:
    return response.content.decode()


def rijen(response) -> int:
    return len(re.findall(r'href="/meldingen/[0-9a-f-]{36}/"', tekst(response)))


# -- scope -----------------------------------------------------------------------------------


def test_teamwachtrij_toont_de_meldingen_van_het_eigen_team_en_niet_die_van_team_b(personas, als):
    eigen = wachtend(personas, team="a")
    ander = wachtend(personas, team="b")

    response = als(personas.beroepskracht).get(WACHTRIJ)
    assert response.status_code == 200
    assert eigen.inwoner.naam in tekst(response) and str(eigen.uuid) in tekst(response)
    assert str(ander.uuid) not in tekst(response)

    response = als(personas.beroepskracht2).get(WACHTRIJ)
    assert str(ander.uuid) in tekst(response) and str(eigen.uuid) not in tekst(response)


def test_teamwachtrij_toont_alleen_meldingen_die_op_eerste_contact_wachten_oudste_eerst(personas, als):
    nieuw = melding_maken(personas.poort, inwoner=InwonerFactory(kern=personas.team_a.kernen.get()))
    jong = wachtend(personas, dagen=1)
    oud = wachtend(personas, dagen=4)
    bezig = in_behandeling(personas, dagen=3)

    html = tekst(als(personas.beroepskracht).get(WACHTRIJ))
    assert str(nieuw.uuid) not in html and str(bezig.uuid) not in html
    assert html.index(str(oud.uuid)) < html.index(str(jong.uuid))
    assert "2 meldingen wachten op eerste contact, oudste eerst" in html


def test_tab_in_behandeling_toont_meldingen_na_eerste_contact(personas, als):
    wacht = wachtend(personas)
    bezig = in_behandeling(personas, dagen=6)

    response = als(personas.beroepskracht).get(IN_BEHANDELING)
    html = tekst(response)
    assert response.status_code == 200
    assert str(bezig.uuid) in html and str(wacht.uuid) not in html
    assert 'aria-current="page"' in html and "telefonisch" in html


def test_consulent_ziet_de_wachtrij_van_het_loket_met_veilig_thuis(personas, als):
    loket = wachtend(personas, uitkomst=TriageUitkomst.LOKET)
    vt = veilig_thuis(personas)
    samen = wachtend(personas, uitkomst=TriageUitkomst.KERNTEAM_CONSULENT)
    kernteam = wachtend(personas)

    html = tekst(als(personas.consulent).get(WACHTRIJ))
    assert str(loket.uuid) in html and str(vt.uuid) in html
    # A joint home visit: the consulent follows the kernteam's melding from the start.
    assert str(samen.uuid) in html and "met consulent" in html
    assert str(kernteam.uuid) not in html


def test_veilig_thuis_verschijnt_nergens_voor_kernteam_en_coordinator(personas, als):
    vt = veilig_thuis(personas, dagen=12)
    vt_bezig = in_behandeling(personas, door=personas.consulent, uitkomst=TriageUitkomst.VEILIG_THUIS)
    gewoon = wachtend(personas, dagen=12)

    for persona in (personas.beroepskracht, personas.coordinator):
        client = als(persona)
        for url in (WACHTRIJ, IN_BEHANDELING, "/"):
            html = tekst(client.get(url))
            assert str(vt.uuid) not in html and str(vt_bezig.uuid) not in html
            assert vt.inwoner.naam not in html
    html = tekst(als(personas.coordinator).get(ACHTERSTAND))
    assert str(gewoon.uuid) in html and str(vt.uuid) not in html
    for persona in (personas.beroepskracht, personas.coordinator, personas.vrijwilliger):
        assert als(persona).get(f"/meldingen/{vt.uuid}/").status_code == 404


@pytest.mark.parametrize("naam", ["poort", "vrijwilliger", "beleid", "beheerder"])
def test_rollen_zonder_teamwachtrij_krijgen_403(personas, als, naam):
    wachtend(personas)
    persona = getattr(personas, naam)
    for url in (WACHTRIJ, IN_BEHANDELING):
        assert als(persona).get(url).status_code == 403
    assert Toegang.objects.filter(medewerker=persona, resultaat="geweigerd").exists()


def test_buitenstaander_zonder_team_ziet_een_lege_wachtrij_met_uitleg(personas, als):
    melding = wachtend(personas)
    response = als(personas.buitenstaander).get(WACHTRIJ)
    assert response.status_code == 200
    assert str(melding.uuid) not in tekst(response)
    assert "niet aan een team gekoppeld" in tekst(response)


def test_lege_wachtrij_zegt_wat_dat_betekent(personas, als):
    html = tekst(als(personas.beroepskracht).get(WACHTRIJ))
    assert "Geen meldingen die op eerste contact wachten." in html
    assert "zodra de poort ze naar uw team stuurt" in html


# -- the term -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dagen", "verwacht", "te_laat"),
    [
        (0, "nog 5 dagen", False),
        (4, "nog 1 dag", False),
        (5, "vandaag de laatste dag", False),
        (6, "1 dag te laat", True),
        (8, "3 dagen te laat", True),
        (20, "15 dagen te laat", True),
    ],
)
def test_dagen_over_en_te_laat_op_echte_datums(personas, als, dagen, verwacht, te_laat):
    wachtend(personas, dagen=dagen)
    html = tekst(als(personas.beroepskracht).get(WACHTRIJ))
    assert verwacht in html
    assert (f'<span class="skt-te-laat">{verwacht}</span>' in html) is te_laat
    assert f"uiterlijk {dagen_geleden(dagen - 5):%d-%m-%Y}" in html


def test_de_termijn_komt_uit_het_gemeenteprofiel(personas, als):
    profiel_maken(termijnen={"eerste_contact_dagen": 10})
    wachtend(personas, dagen=8)
    html = tekst(als(personas.beroepskracht).get(WACHTRIJ))
    assert "nog 2 dagen" in html and "te laat" not in html.split("<table")[1]
    assert "binnen 10 dagen" in html


# -- filters -------------------------------------------------------------------------------


def test_filters_op_team_ingang_leefgebied_en_periode(personas, als):
    geld = LeefgebiedFactory(code="financien", label="Financiën")
    wonen = LeefgebiedFactory(code="huisvesting", label="Huisvesting")
    a_tel = wachtend(personas, team="a", dagen=3, ingang=Ingang.TELEFOON, leefgebieden=[geld, wonen])
    a_mail = wachtend(personas, team="a", dagen=10, ingang=Ingang.EMAIL, leefgebieden=[wonen])
    b_tel = wachtend(personas, team="b", dagen=1, ingang=Ingang.TELEFOON)
    client = als(personas.coordinator)

    def zichtbaar(**params):
        html = tekst(client.get(WACHTRIJ, params))
        return {m for m in (a_tel, a_mail, b_tel) if str(m.uuid) in html}

    assert zichtbaar() == {a_tel, a_mail, b_tel}
    assert zichtbaar(team=str(personas.team_b.uuid)) == {b_tel}
    assert zichtbaar(ingang="email") == {a_mail}
    assert zichtbaar(leefgebied="huisvesting") == {a_tel, a_mail}
    assert zichtbaar(leefgebied="financien", ingang="telefoon") == {a_tel}
    assert zichtbaar(van=dagen_geleden(5).isoformat()) == {a_tel, b_tel}
    assert zichtbaar(tot=dagen_geleden(2).isoformat()) == {a_tel, a_mail}
    assert zichtbaar(van=dagen_geleden(4).isoformat(), tot=dagen_geleden(2).isoformat()) == {a_tel}


def test_filter_op_twee_leefgebieden_toont_een_melding_een_keer(personas, als):
    geld = LeefgebiedFactory(code="financien")
    wachtend(personas, leefgebieden=[geld, LeefgebiedFactory(code="huisvesting")])
    response = als(personas.beroepskracht).get(WACHTRIJ, {"leefgebied": "financien"})
    assert rijen(response) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"team": "geen-uuid"},
        {"team": "00000000-0000-0000-0000-000000000000"},
        {"ingang": "postduif"},
        {"leefgebied": "bestaat-niet"},
        {"van": "2025-13-45"},
        {"tot": "gisteren"},
        {"van": "2025-03-10", "tot": "2025-03-01"},
        {"pagina": "abc"},
        {"pagina": "999"},
    ],
)
def test_ongeldige_filters_worden_genegeerd_met_een_nederlandse_melding(personas, als, params):
    melding = wachtend(personas)
    response = als(personas.beroepskracht).get(WACHTRIJ, params)
    assert response.status_code == 200
    html = tekst(response)
    assert str(melding.uuid) in html
    if set(params) != {"pagina"}:
        assert "zijn niet geldig en zijn genegeerd" in html
        assert "utrecht-form-field-error-message" in html


def test_filter_op_een_team_van_een_ander_wordt_genegeerd(personas, als):
    eigen = wachtend(personas, team="a")
    ander = wachtend(personas, team="b")
    html = tekst(als(personas.beroepskracht).get(WACHTRIJ, {"team": str(personas.team_b.uuid)}))
    assert "Dit team hoort niet bij uw teams." in html
    assert str(eigen.uuid) in html and str(ander.uuid) not in html


def test_filters_en_paginering_werken_samen(personas, als):
    for i in range(27):
        wachtend(personas, dagen=i % 9, ingang=Ingang.TELEFOON)
    wachtend(personas, ingang=Ingang.EMAIL)
    client = als(personas.beroepskracht)

    eerste = client.get(WACHTRIJ, {"ingang": "telefoon"})
    assert rijen(eerste) == 25
    assert "Pagina 1 van 2" in tekst(eerste) and "ingang=telefoon&amp;pagina=2" in tekst(eerste)
    tweede = client.get(WACHTRIJ, {"ingang": "telefoon", "pagina": 2})
    assert rijen(tweede) == 2


# -- the coordinator's overview ---------------------------------------------------------------


@pytest.mark.parametrize("naam", ["beroepskracht", "beroepskracht2", "consulent", "poort", "vrijwilliger"])
def test_achterstand_is_alleen_voor_de_coordinator(personas, als, naam):
    assert als(getattr(personas, naam)).get(ACHTERSTAND).status_code == 403


@pytest.mark.parametrize("naam", ["beleid", "beheerder", "buitenstaander"])
def test_achterstand_weigert_ook_beleid_beheer_en_buitenstaander(personas, als, naam):
    assert als(getattr(personas, naam)).get(ACHTERSTAND).status_code == 403


def test_achterstand_telt_per_team_wachtend_en_te_laat_zonder_veilig_thuis(personas, als):
    a_laat = [wachtend(personas, team="a", dagen=d) for d in (6, 14)]
    a_op_tijd = wachtend(personas, team="a", dagen=1)
    b_laat = wachtend(personas, team="b", dagen=9)
    in_behandeling(personas, team="a", dagen=20)
    loket_laat = wachtend(personas, uitkomst=TriageUitkomst.LOKET, dagen=7)
    vt = veilig_thuis(personas, dagen=15)

    response = als(personas.coordinator).get(ACHTERSTAND)
    assert response.status_code == 200
    teams = {t.naam: (t.wachtend, t.te_laat) for t in response.context["teams"]}
    assert teams == {"Elst": (3, 2), "Driel": (1, 1), "Loket Samenleven": (1, 1)}
    assert (response.context["totaal_wachtend"], response.context["totaal_te_laat"]) == (5, 4)
    html = tekst(response)
    for melding in [*a_laat, b_laat, loket_laat]:
        assert str(melding.uuid) in html
    assert str(a_op_tijd.uuid) not in html and str(vt.uuid) not in html
    assert "9 dagen te laat" in html

    gefilterd = tekst(als(personas.coordinator).get(ACHTERSTAND, {"team": str(personas.team_b.uuid)}))
    assert str(b_laat.uuid) in gefilterd and str(a_laat[0].uuid) not in gefilterd


def test_achterstand_zonder_te_late_meldingen(personas, als):
    wachtend(personas, dagen=1)
    html = tekst(als(personas.coordinator).get(ACHTERSTAND))
    assert "Er zijn geen te late meldingen" in html


# -- the start page -------------------------------------------------------------------------


def test_mijn_werk_toont_tellingen_voor_beroepskracht_en_coordinator(personas, als):
    wachtend(personas, dagen=9)
    wachtend(personas, dagen=1)
    in_behandeling(personas)
    veilig_thuis(personas)

    html = tekst(als(personas.beroepskracht).get("/"))
    assert "Meldingen van uw team" in html
    assert ">2 meldingen</a>" in html and ">1 te laat</a>" in html and ">1 melding</a>" in html
    assert 'href="/meldingen/wachtrij/"' in html

    html = tekst(als(personas.coordinator).get("/"))
    assert 'href="/meldingen/achterstand/"' in html and ">1 te laat</a>" in html

    html = tekst(als(personas.consulent).get("/"))
    assert ">1 melding</a>" in html  # the Veilig Thuis melding awaits the loket


@pytest.mark.parametrize("naam", ["vrijwilliger", "poort", "beleid", "beheerder", "buitenstaander"])
def test_mijn_werk_zonder_meldingenblok_voor_andere_rollen(personas, als, naam):
    wachtend(personas)
    assert "Meldingen van uw team" not in tekst(als(getattr(personas, naam)).get("/"))


def test_menu_toont_de_meldingenschermen_per_rol(personas, als):
    html = tekst(als(personas.coordinator).get("/"))
    assert all(u in html for u in (WACHTRIJ, ACHTERSTAND, "/meldingen/signalen/"))
    html = tekst(als(personas.beroepskracht).get("/"))
    assert WACHTRIJ in html and "/meldingen/signalen/" in html and ACHTERSTAND not in html
    html = tekst(als(personas.consulent).get("/"))
    assert WACHTRIJ in html and "/meldingen/signalen/" not in html
    html = tekst(als(personas.vrijwilliger).get("/"))
    assert "/meldingen/" not in html


# -- query counts -----------------------------------------------------------------------------


def _aantal_queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


def test_query_aantallen_van_de_wachtrijen_groeien_niet_met_het_aantal_meldingen(personas, als):
    leefgebieden = [LeefgebiedFactory(code="financien"), LeefgebiedFactory(code="huisvesting")]
    beroepskracht, coordinator = als(personas.beroepskracht), als(personas.coordinator)
    pagina_s = [
        (beroepskracht, WACHTRIJ, {}),
        (beroepskracht, WACHTRIJ, {"leefgebied": "financien", "ingang": "telefoon"}),
        (beroepskracht, IN_BEHANDELING, {}),
        (coordinator, WACHTRIJ, {}),
        (coordinator, ACHTERSTAND, {}),
        (coordinator, ACHTERSTAND, {"team": str(personas.team_a.uuid)}),
        (beroepskracht, "/", {}),
    ]
    metingen = {}
    gemaakt = 0
    for aantal in (1, 10, 100):
        # Every page has rows at every size: awaiting (late and on time) and in behandeling, both teams.
        while gemaakt < aantal:
            team = "b" if gemaakt % 3 == 2 else "a"
            dagen = 6 + gemaakt % 10 if gemaakt % 2 == 0 else gemaakt % 5
            wachtend(personas, team=team, dagen=dagen, leefgebieden=leefgebieden[: 2 - gemaakt % 3])
            in_behandeling(personas, team=team, door=personas.coordinator, leefgebieden=leefgebieden)
            gemaakt += 1
        metingen[aantal] = [_aantal_queries(client, url, **params) for client, url, params in pagina_s]
    assert metingen[1] == metingen[10] == metingen[100], metingen
    # The pages show the rows they count: the biggest set fills a page.
    assert rijen(coordinator.get(WACHTRIJ)) == 25


def test_veilig_thuis_is_in_de_wachtrij_van_het_loket_gemarkeerd(personas, als):
    veilig_thuis(personas)
    assert "veiligheidssignaal" in tekst(als(personas.consulent).get(WACHTRIJ))


# -- demo data --------------------------------------------------------------------------------


def test_demo_vult_alle_toestanden_via_de_services_en_is_idempotent(personas, als):
    import random

    from meldingen.models import Melding, MeldingStatusRegel, Signaal
    from meldingen.vocab import Uitstroom
    from meldingen.workflow import MeldingStatus
    from poort import demo
    from poort.models import Triage

    from ..factories import VoorzieningFactory

    for code in ("financien", "huisvesting", "sociaal_netwerk", "huiselijke_relaties"):
        LeefgebiedFactory(code=code)
    VoorzieningFactory(naam="Meldpunt Mantelzorg")
    for i in range(40):
        kern = personas.team_a.kernen.get() if i % 2 else personas.team_b.kernen.get()
        InwonerFactory(kern=kern, email=f"inwoner{i}@demo.skt.invalid", jeugd=i % 7 == 0)

    demo.demo_laden(random.Random(1))

    meldingen = Melding.objects.all()
    assert 140 <= meldingen.count() <= 160
    assert set(meldingen.values_list("status", flat=True)) == set(MeldingStatus.values)
    assert set(meldingen.values_list("triage_uitkomst", flat=True)) == {"", *TriageUitkomst.values}
    assert set(Uitstroom.values) <= set(meldingen.values_list("uitstroom", flat=True))
    assert meldingen.filter(doorschakelingen__gt=0).count() == 2
    assert meldingen.filter(veilig_thuis=True).exists()
    assert Triage.objects.exclude(jeugd_motivatie="").exists()
    assert sum(m.terugkoppeling_open for m in meldingen) == 1
    assert meldingen.filter(terugkoppeling_op__isnull=False).exists()
    assert sorted(Signaal.objects.values_list("status", flat=True)) == [
        "in_onderzoek",
        "initiatief_gestart",
        "nieuw",
    ]
    assert Signaal.objects.filter(voorziening__naam="Meldpunt Mantelzorg").exists()

    # Dates are in the past and in order; the history carries the moments they happened.
    vandaag = dagen_geleden(0)
    assert not meldingen.filter(aanmeldingsdatum__gt=vandaag).exists()
    for m in meldingen.exclude(eerste_contact_op=None):
        assert m.aanmeldingsdatum <= m.eerste_contact_op <= vandaag
    for m in meldingen.exclude(afgesloten_op=None):
        assert m.aanmeldingsdatum <= m.afgesloten_op <= vandaag
    oudste = meldingen.order_by("aanmeldingsdatum").first()
    assert oudste.aanmeldingsdatum < dagen_geleden(300)
    regels = list(oudste.statusregels.all())
    assert regels[0].op.date() <= oudste.aanmeldingsdatum + timedelta(days=1)

    # The demo beroepskracht has a full queue with late ones; Veilig Thuis stays out of sight.
    html = tekst(als(personas.beroepskracht).get(WACHTRIJ))
    assert "te laat</span>" in html and rijen(als(personas.beroepskracht).get(WACHTRIJ)) >= 10
    for vt in meldingen.filter(veilig_thuis=True):
        assert str(vt.uuid) not in html

    aantallen = (Melding.objects.count(), MeldingStatusRegel.objects.count(), Signaal.objects.count())
    demo.demo_laden(random.Random(2))
    assert (Melding.objects.count(), MeldingStatusRegel.objects.count(), Signaal.objects.count()) == aantallen
