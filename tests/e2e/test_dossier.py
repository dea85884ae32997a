"""The ISam gap closed, in a real browser (DOMAIN.md, "The ISam visibility gap").

Months ago the beroepskracht handed an inwoner to the loket: a voorwerk plan, granted by the Wmo
consulent with a beschikking, with an internal note of the consulent. Now a new melding came in. The
beroepskracht opens the dossier and sees what became of the hand-over — without the consulent's note.
A beroepskracht of another team finds nothing by search and gets "niet gevonden" by URL; after breaking
the glass with a reason they get in, and the coordinator sees that on the review list.
"""

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from arrangementen import services as arrangement_services
from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt.models import Noodtoegang, Organisatie, Toegang

from ..arrangementen.conftest import categorie
from ..factories import InwonerFactory
from .conftest import inloggen, nieuwe_pagina

pytestmark = pytest.mark.e2e

NOTITIE = "INTERN: mantelzorger overbelast, bij herindicatie huisbezoek met twee consulenten."
BESCHIKKING = "WMO-2026-0417"
REDEN = "Casushouder is met verlof en mevrouw belt met een dringende vraag over de thuiszorg."


def _moment(dagen_geleden: int) -> datetime:
    return timezone.make_aware(
        datetime.combine(timezone.localdate() - timedelta(days=dagen_geleden), time(10))
    )


def _melding(personas, inwoner, vraag: str, dagen_geleden: int):
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate() - timedelta(days=dagen_geleden),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag=vraag,
    )
    melding_trieren(door=personas.poort, melding=melding, uitkomst="kernteam", reden="Past bij het kernteam.")
    melding.refresh_from_db()
    return melding


@pytest.fixture
def overgedragen(e2e_personas):
    """An inwoner of team Elst, handed to the loket five months ago: the plan was granted then."""
    p = e2e_personas
    inwoner = InwonerFactory(voornamen="Marijke", achternaam="Overbeek", kern=p.team_a.kernen.first())
    oud = _melding(p, inwoner, "Mevrouw redt het huishouden niet meer na haar heupoperatie.", 160)
    plan = arrangement_services.arrangement_opstellen(
        door=p.beroepskracht,
        wet="wmo",
        melding=oud,
        gegevens={
            "feitelijke_beschrijving": "Mevrouw loopt met een rollator; de keuken is niet schoongemaakt.",
            "wensen_inwoner": "Thuis blijven wonen.",
            "advies_kernteamlid": "Hulp bij het huishouden, 3 uur per week.",
            "doel": "Een schoon en veilig huis.",
            "aard_en_ernst": "Beperkt zelfredzaam in het huishouden.",
            "duur": "12 maanden",
            "beoogd_resultaat": "Mevrouw woont veilig thuis.",
        },
        onderdelen=[
            {
                "soort": "maatwerkvoorziening",
                "categorie": categorie("wmo", "01"),
                "omschrijving": "Schoonmaken van keuken en sanitair.",
                "omvang": "3 uur",
                "frequentie": "per week",
                "duur": "12 maanden",
                "indicatieve_kosten": "2400.00",
            }
        ],
        nu=_moment(150),
    )
    arrangement_services.arrangement_indienen(door=p.beroepskracht, arrangement=plan, nu=_moment(148))
    arrangement_services.arrangement_in_behandeling_nemen(door=p.consulent, arrangement=plan, nu=_moment(145))
    arrangement_services.arrangement_beslissen(
        door=p.consulent,
        arrangement=plan,
        beslissingen=[
            arrangement_services.Beslissing(
                onderdeel=str(o.uuid),
                toegekend=True,
                beschikkingsnummer=BESCHIKKING,
                beschikkingsdatum=_moment(140).date(),
                product="02A01 Begeleiding individueel",
                zorgaanbieder=Organisatie.objects.get_or_create(
                    naam="Zorggroep Overbetuwe", defaults={"soort": Organisatie.Soort.ZORGAANBIEDER}
                )[0].pk,
                leveringsvorm="zin",
                omvang_eenheden="4",
                omvang_eenheid="uur",
                omvang_periode="week",
                ingangsdatum=_moment(140).date(),
                einddatum=_moment(140).date() + timedelta(days=365),
            )
            for o in plan.onderdelen.all()
        ],
        nu=_moment(140),
    )
    arrangement_services.interne_notitie_toevoegen(
        door=p.consulent, arrangement=plan, tekst=NOTITIE, nu=_moment(140)
    )
    # Today: a new melding about the same inwoner reaches the team.
    _melding(p, inwoner, "Mevrouw is opnieuw gevallen en vraagt of de hulp kan worden uitgebreid.", 0)
    plan.refresh_from_db()
    return p, inwoner, plan


def test_isam_gat_dicht_en_noodtoegang_met_beoordeling(
    pagina, browser, live_server, overgedragen, screenshots
):
    p, inwoner, plan = overgedragen
    besloten = f"{_moment(140):%d-%m-%Y}"
    with translation.override("nl"):
        besloten_voluit = date_format(_moment(140).date(), "j F Y")  # as the plan's page writes it

    # -- the beroepskracht who handed over sees what became of it -------------------------------
    inloggen(pagina, live_server, p.beroepskracht)
    pagina.goto(f"/inwoners/?q={inwoner.achternaam}")
    pagina.get_by_role("link", name=inwoner.naam).click()
    pagina.wait_for_url(f"{live_server.url}/inwoners/{inwoner.uuid}/")
    expect(pagina.get_by_role("heading", level=1)).to_have_text(inwoner.naam)
    tijdlijn = pagina.locator("ol.skt-tijdlijn")
    arrangement = tijdlijn.locator("li[data-soort=arrangement]")
    expect(arrangement).to_have_count(1)
    tekst = arrangement.inner_text()
    assert "Wmo 2015-arrangement" in tekst and f"goedgekeurd op {besloten}" in tekst, tekst
    assert f"beschikking {BESCHIKKING} van {besloten}" in tekst, tekst
    assert "Hulp bij het huishouden" in tekst and "toegekend" in tekst, tekst
    assert "Alleen de mijlpaal" not in tekst  # the team reads its own plan in full
    assert "opnieuw gevallen" in tijdlijn.inner_text()  # today's melding, on top of the old hand-over
    assert NOTITIE not in pagina.content()
    pagina.screenshot(path=str(screenshots / "dossier_na_overdracht.png"), full_page=True)

    # The plan itself: the decision and its dates, still without the consulent's note.
    arrangement.get_by_role("link").click()
    pagina.wait_for_url(f"{live_server.url}/arrangementen/{plan.uuid}/")
    inhoud = pagina.locator("main").inner_text()
    assert f"beschikking {BESCHIKKING} van {besloten_voluit}" in inhoud, inhoud
    assert NOTITIE not in pagina.content() and "Interne notities" not in inhoud

    # -- another team's beroepskracht: nothing by search, not found by URL -----------------------
    context, ander = nieuwe_pagina(browser, live_server)
    inloggen(ander, live_server, p.beroepskracht2)
    ander.goto(f"/inwoners/?q={inwoner.achternaam}")
    expect(ander.locator("main")).to_contain_text("Geen inwoner gevonden")
    expect(ander.get_by_role("link", name=inwoner.naam)).to_have_count(0)
    antwoord = ander.goto(f"/inwoners/{inwoner.uuid}/")
    assert antwoord.status == 404
    expect(ander.get_by_role("heading", level=1)).to_have_text("Niet gevonden")
    assert inwoner.achternaam not in ander.content() and BESCHIKKING not in ander.content()
    assert Toegang.objects.filter(
        medewerker=p.beroepskracht2, object_id=str(inwoner.uuid), resultaat="geweigerd"
    ).exists()

    # -- break the glass: a reason of at least 8 real words and the confirmation -------------------
    ander.get_by_role("link", name="Noodtoegang aanvragen").click()
    ander.wait_for_url(re.compile(r"/noodtoegang/\?inwoner="))
    ander.get_by_label("Waarom hebt u nu toegang nodig?").fill("Dringend.")
    ander.get_by_label(re.compile("Ik begrijp dat deze toegang wordt vastgelegd")).check()
    ander.get_by_role("button", name="Noodtoegang openen").click()
    expect(ander.locator("main")).to_contain_text("minstens 8 woorden")
    assert not Noodtoegang.objects.exists()
    ander.get_by_label("Waarom hebt u nu toegang nodig?").fill(REDEN)
    ander.get_by_label(re.compile("Ik begrijp dat deze toegang wordt vastgelegd")).check()
    ander.get_by_role("button", name="Noodtoegang openen").click()
    ander.wait_for_url(f"{live_server.url}/inwoners/{inwoner.uuid}/")
    inhoud = ander.locator("main").inner_text()
    assert "Noodtoegang" in inhoud and REDEN in inhoud
    assert BESCHIKKING in inhoud and NOTITIE not in ander.content()
    ander.screenshot(path=str(screenshots / "dossier_noodtoegang.png"), full_page=True)
    context.close()

    # -- the coordinator sees it on the review list, with the reason ------------------------------
    context, coordinator = nieuwe_pagina(browser, live_server)
    inloggen(coordinator, live_server, p.coordinator)
    coordinator.goto("/noodtoegang/beoordelen/")
    rij = coordinator.locator("li.skt-kaart", has_text=inwoner.naam)
    expect(rij).to_have_count(1)
    assert str(p.beroepskracht2) in rij.inner_text() and REDEN in rij.inner_text()
    coordinator.screenshot(path=str(screenshots / "noodtoegang_beoordelen.png"), full_page=True)
    context.close()
