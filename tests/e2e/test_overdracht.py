"""The ISam gap closed, end to end in a real browser (issue 12):

1. the beroepskracht reaches the contact limit and escalates the casus to the loket;
2. the Wmo consulent finds the item in the werkvoorraad, takes it and makes a regular-route plan with
   two maatwerk onderdelen; a colleague consulent grants both with zorgaanbieder, ZIN/PGB and dates
   (the drafter never decides their own plan);
3. the beroepskracht gets the message and sees both voorzieningen with aanbieder and dates in the
   dossier, but not the consulent's internal notes;
4. the beroepskracht of another team finds nothing by search and is refused by URL;
5. the Jeugd consulent sees the Wmo plan only as a milestone and cannot act on it, not even by POST.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from arrangementen.models import Aanvraag, Arrangement, Beoordeling
from arrangementen.workflow import AanvraagStatus, ArrangementStatus
from casussen import services as casus_services
from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt.models import Rol

from ..arrangementen.conftest import casus_maken, categorie, zorgaanbieder
from ..factories import InwonerFactory, medewerker_maken
from .conftest import inloggen, nieuwe_pagina

pytestmark = pytest.mark.e2e

MAXIMUM = 3
VANDAAG = timezone.localdate


def menu(pagina, label: str) -> None:
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=label, exact=True).click()


@pytest.fixture
def opzet(e2e_personas, profiel):
    p = e2e_personas
    profiel.instellingen["max_contactmomenten"] = MAXIMUM
    profiel.save()
    categorie("wmo", "02")
    categorie("wmo", "03")
    zorgaanbieder("Zorggroep Betuwe")
    zorgaanbieder("Begeleiding Op Maat")
    collega = medewerker_maken("consulent2", Rol.CONSULENT_WMO, teams=[p.loket])
    inwoner = InwonerFactory(
        voornamen="Truus",
        achternaam="de Vries",
        geboortedatum=VANDAAG() - timedelta(days=365 * 78),
        kern=p.team_a.kernen.first(),
    )
    melding, _ = melding_registreren(
        door=p.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=VANDAAG() - timedelta(days=40),
        ingang="telefoon",
        melder_soort="mantelzorger",
        vraag="Mevrouw redt het niet meer alleen sinds haar val.",
    )
    melding_trieren(door=p.poort, melding=melding, uitkomst="kernteam", reden="Kernteam past.")
    casus = casus_maken(p, melding=melding)
    for dag in range(MAXIMUM):
        casus_services.contactmoment_registreren(
            door=p.beroepskracht,
            casus=casus,
            datum=VANDAAG() - timedelta(days=15 - dag),
            soort="huisbezoek",
            duur_minuten=60,
            verslag=f"Huisbezoek {dag + 1}: wassen en aankleden lukt niet meer.",
        )
    return p, collega, casus


def _onderdeel(pagina, i: int, categorie_label: str, omvang: str) -> None:
    pagina.locator(f"[name=onderdelen-{i}-soort]").select_option("maatwerkvoorziening")
    pagina.locator(f"[name=onderdelen-{i}-categorie]").select_option(label=categorie_label)
    pagina.locator(f"[name=onderdelen-{i}-omschrijving]").fill(categorie_label)
    pagina.locator(f"[name=onderdelen-{i}-omvang]").fill(omvang)
    pagina.locator(f"[name=onderdelen-{i}-frequentie]").fill("per week")
    pagina.locator(f"[name=onderdelen-{i}-duur]").fill("12 maanden")


def _toekennen(pagina, i: int, *, aanbieder: str, vorm: str, uren: str, ingang, einde, nummer: str) -> None:
    p = f"o{i}"
    pagina.locator(f"[name={p}-besluit][value=toekennen]").check()
    pagina.locator(f"[name={p}-beschikkingsnummer]").fill(nummer)
    pagina.locator(f"[name={p}-beschikkingsdatum]").fill(VANDAAG().isoformat())
    pagina.locator(f"[name={p}-product]").fill(f"Product {nummer}")
    pagina.locator(f"[name={p}-zorgaanbieder]").select_option(label=aanbieder)
    pagina.locator(f"[name={p}-leveringsvorm]").select_option(vorm)
    pagina.locator(f"[name={p}-omvang_eenheden]").fill(uren)
    pagina.locator(f"[name={p}-omvang_eenheid]").select_option("uur")
    pagina.locator(f"[name={p}-omvang_periode]").select_option("week")
    pagina.locator(f"[name={p}-ingangsdatum]").fill(ingang.isoformat())
    pagina.locator(f"[name={p}-einddatum]").fill(einde.isoformat())


def test_van_opschaling_tot_voorziening_in_het_dossier(pagina, browser, live_server, opzet, screenshots):
    personas, collega, casus = opzet
    inwoner = casus.inwoner

    # -- 1. the beroepskracht escalates at the contact limit ----------------------------------
    inloggen(pagina, live_server, personas.beroepskracht)
    pagina.goto(f"/casussen/{casus.uuid}/")
    expect(pagina.get_by_text(f"Het maximum van {MAXIMUM} contactmomenten is bereikt.")).to_be_visible()
    pagina.get_by_role("link", name="Opschalen naar het loket").first.click()
    pagina.get_by_label("Resultaat").fill("Persoonlijke verzorging en begeleiding nodig; niet kortdurend.")
    pagina.get_by_role("button", name="Casus afsluiten").click()
    pagina.wait_for_url(re.compile(rf"/casussen/{casus.uuid}/$"))
    aanvraag = Aanvraag.objects.get(casus=casus)
    assert (aanvraag.bron, aanvraag.status, aanvraag.overgedragen_team) == (
        "opschaling",
        AanvraagStatus.OPEN,
        personas.team_a,
    )

    # -- 2. the consulent takes it and drafts a regular-route plan ----------------------------
    consulent_context, consulent = nieuwe_pagina(browser, live_server)
    inloggen(consulent, live_server, personas.consulent)
    menu(consulent, "Werkvoorraad")
    consulent.get_by_role("link", name=aanvraag.nummer).click()
    expect(consulent.locator("main")).to_contain_text("Huisbezoek 3: wassen en aankleden lukt niet meer.")
    consulent.get_by_role("button", name="In behandeling nemen").click()
    consulent.get_by_role("link", name="Afhandelen").click()
    consulent.get_by_label("Maatwerk nodig: ik stel een plan op (reguliere route)").check()
    consulent.get_by_role("button", name="Afhandelen").click()
    consulent.wait_for_url(re.compile(r"/arrangementen/[0-9a-f-]+/bewerken/$"))
    plan = Arrangement.objects.get(inwoner=inwoner)
    assert plan.route == "regulier"
    consulent.get_by_label("Feitelijke beschrijving").fill("Mevrouw kan zich niet zelf wassen en aankleden.")
    consulent.get_by_label("Aard en ernst van de problemen").fill("Niet zelfredzaam in de ADL.")
    consulent.get_by_label("Wensen van de inwoner").fill("Thuis blijven wonen.")
    consulent.get_by_label("Advies van de opsteller").fill("Persoonlijke verzorging en begeleiding.")
    consulent.get_by_label("Doel", exact=True).fill("Veilig thuis wonen.")
    consulent.get_by_label("Beoogd resultaat").fill("Mevrouw is verzorgd en heeft structuur.")
    consulent.locator("[name=duur]").fill("12 maanden")
    _onderdeel(consulent, 0, "03 Persoonlijke verzorging", "5 uur")
    consulent.get_by_role("button", name="Onderdeel toevoegen").click()
    _onderdeel(consulent, 1, "02 Begeleiding", "2 uur")
    consulent.get_by_role("button", name="Opslaan en indienen…").click()
    consulent.wait_for_url(re.compile(r"/indienen/$"))
    consulent.get_by_role("button", name="Definitief indienen").click()
    consulent.wait_for_url(re.compile(rf"/arrangementen/{plan.uuid}/$"))
    consulent.get_by_label("Interne notitie (alleen voor consulenten)").fill("INTERN: buurvrouw twijfelt.")
    consulent.get_by_role("button", name="Notitie opslaan").click()
    consulent_context.close()

    # -- 2b. a colleague consulent grants both onderdelen --------------------------------------
    collega_context, beslisser = nieuwe_pagina(browser, live_server)
    inloggen(beslisser, live_server, collega)
    beslisser.goto(f"/arrangementen/{plan.uuid}/")
    beslisser.get_by_role("button", name="In behandeling nemen").click()
    beslisser.get_by_role("link", name="Beslissen per onderdeel").click()
    ingang = VANDAAG()
    _toekennen(
        beslisser,
        0,
        aanbieder="Zorggroep Betuwe",
        vorm="zin",
        uren="5",
        ingang=ingang,
        einde=ingang + timedelta(days=365),
        nummer="WMO-PV-1",
    )
    _toekennen(
        beslisser,
        1,
        aanbieder="Begeleiding Op Maat",
        vorm="pgb",
        uren="2",
        ingang=ingang,
        einde=ingang + timedelta(days=180),
        nummer="WMO-BG-2",
    )
    beslisser.screenshot(path=str(screenshots / "overdracht_beslissen.png"), full_page=True)
    beslisser.get_by_role("button", name="Besluit vastleggen").click()
    beslisser.wait_for_url(re.compile(rf"/arrangementen/{plan.uuid}/$"))
    plan.refresh_from_db()
    assert plan.status == ArrangementStatus.GOEDGEKEURD
    assert Beoordeling.objects.filter(onderdeel__arrangement=plan, toegekend=True).count() == 2
    collega_context.close()

    # -- 3. the beroepskracht hears it and sees both voorzieningen, not the notes -------------
    pagina.goto("/berichten/")
    expect(pagina.locator("main")).to_contain_text("goedgekeurd")
    pagina.goto(f"/inwoners/{inwoner.uuid}/")
    dossier = pagina.locator("main").inner_text()
    for tekst in ("Zorggroep Betuwe", "Begeleiding Op Maat", "Persoonlijke verzorging", "Begeleiding"):
        assert tekst in dossier, tekst
    assert f"{(ingang + timedelta(days=365)):%d-%m-%Y}" in dossier
    assert "INTERN" not in dossier
    pagina.screenshot(path=str(screenshots / "overdracht_dossier_kernteam.png"), full_page=True)
    pagina.goto(f"/arrangementen/{plan.uuid}/")
    plan_tekst = pagina.locator("main").inner_text()
    assert "Zorg in natura" in plan_tekst and "Persoonsgebonden budget" in plan_tekst
    assert "INTERN" not in plan_tekst

    # -- 4. another team's beroepskracht: nothing by search, refused by URL -------------------
    ander_context, ander = nieuwe_pagina(browser, live_server)
    inloggen(ander, live_server, personas.beroepskracht2)
    ander.goto(f"/inwoners/?q={inwoner.achternaam}")
    expect(ander.locator("main")).not_to_contain_text("Truus")
    for pad in (
        f"/inwoners/{inwoner.uuid}/",
        f"/arrangementen/{plan.uuid}/",
        f"/werkvoorraad/{aanvraag.uuid}/",
    ):
        assert ander.goto(pad).status == 404, pad
    ander_context.close()

    # -- 5. the Jeugd consulent: a milestone, and no action even by POST ----------------------
    jeugd_context, jeugd = nieuwe_pagina(browser, live_server)
    inloggen(jeugd, live_server, personas.consulent_jeugd)
    jeugd.goto(f"/inwoners/{inwoner.uuid}/")
    expect(jeugd.locator("main")).to_contain_text("Wmo 2015-arrangement bij het loket")
    expect(jeugd.locator("main")).not_to_contain_text("WMO-PV-1")
    assert jeugd.goto(f"/arrangementen/{plan.uuid}/").status == 403
    csrf = jeugd.context.cookies()
    token = next(c["value"] for c in csrf if c["name"] == "csrftoken")
    for actie in ("notitie", "afwijzen", "in-behandeling"):
        antwoord = jeugd.request.post(
            f"{live_server.url}/arrangementen/{plan.uuid}/{actie}/",
            form={"tekst": "x", "reden": "x", "csrfmiddlewaretoken": token},
            headers={"X-CSRFToken": token, "Referer": live_server.url + "/"},
        )
        assert antwoord.status in (403, 404), (actie, antwoord.status)
    jeugd_context.close()
    plan.refresh_from_db()
    assert plan.status == ArrangementStatus.GOEDGEKEURD
    assert plan.interne_notities.count() == 1
