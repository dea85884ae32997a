"""Leaving in a real browser (issue 13, done-when): the coordinator deactivates beroepskracht2, whose
next request in their own browser lands on the login page; then the coordinator hands all of
beroepskracht2's open work to another colleague of team Driel, who gets a bericht."""

import re

import pytest
from playwright.sync_api import expect

from casussen.models import Casus
from skt.models import Medewerker, Rol

from ..arrangementen.conftest import concept_maken, melding_maken
from ..dossier.test_herverdelen import casus_van
from ..factories import medewerker_maken
from .conftest import inloggen, nieuwe_pagina

pytestmark = pytest.mark.e2e


def test_deactiveren_en_al_het_werk_herverdelen(pagina, browser, live_server, e2e_personas, screenshots):
    p = e2e_personas
    collega = medewerker_maken("driel3", Rol.BEROEPSKRACHT, teams=[p.team_b])
    casus = casus_van(p, p.beroepskracht2, p.team_b)
    plan = concept_maken(p, door=p.beroepskracht2, melding=melding_maken(p, team=p.team_b))

    # -- beroepskracht2 is at work in their own browser ----------------------------------------
    b2_context, b2 = nieuwe_pagina(browser, live_server)
    inloggen(b2, live_server, p.beroepskracht2)
    b2.goto(f"/casussen/{casus.uuid}/")
    expect(b2.locator("main")).to_contain_text(casus.nummer)

    # -- the coordinator deactivates them --------------------------------------------------------
    inloggen(pagina, live_server, p.coordinator)
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Herverdelen", exact=True
    ).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Werk herverdelen")
    pagina.get_by_role("link", name=str(p.beroepskracht2)).click()
    expect(pagina.locator("main")).to_contain_text(casus.nummer)
    expect(pagina.locator("main")).to_contain_text(plan.nummer)
    pagina.get_by_role("button", name="Deactiveren").click()
    # Without a reason: the Dutch message next to the field, nothing changed.
    expect(pagina.locator("main")).to_contain_text("Schrijf op waarom deze medewerker wordt gedeactiveerd.")
    assert Medewerker.objects.get(pk=p.beroepskracht2.pk).is_active
    pagina.get_by_label("Reden van deactiveren").fill("Uit dienst per vandaag.")
    pagina.get_by_role("button", name="Deactiveren").click()
    expect(pagina.locator("main")).to_contain_text("is gedeactiveerd en uitgelogd")
    assert not Medewerker.objects.get(pk=p.beroepskracht2.pk).is_active

    # -- beroepskracht2's next request lands on the login page ------------------------------------
    b2.goto(f"/casussen/{casus.uuid}/")
    b2.wait_for_url(re.compile(r"/inloggen/"))
    expect(b2.get_by_role("button", name="Inloggen")).to_be_visible()
    b2_context.close()

    # -- all open work to a colleague of team Driel ------------------------------------------------
    pagina.get_by_label("Naar collega").select_option(label=str(collega))
    pagina.get_by_role("button", name="Al het werk herverdelen").click()
    expect(pagina.locator("main")).to_contain_text("Schrijf op waarom dit werk naar een collega gaat.")
    pagina.get_by_label("Reden", exact=True).fill("Beroepskracht2 is uit dienst; Driel3 neemt het over.")
    pagina.screenshot(path=str(screenshots / "herverdelen.png"), full_page=True)
    pagina.get_by_role("button", name="Al het werk herverdelen").click()
    expect(pagina.locator("main")).to_contain_text("overgedragen aan")
    expect(pagina.locator("main")).to_contain_text("Er staat geen open werk op naam van")
    assert Casus.objects.get(pk=casus.pk).casushouder_id == collega.pk

    # -- the colleague gets the berichten and opens the casus ---------------------------------------
    collega_context, nieuw = nieuwe_pagina(browser, live_server)
    inloggen(nieuw, live_server, collega)
    nieuw.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name=re.compile("^Berichten")
    ).click()
    expect(nieuw.locator("main")).to_contain_text(casus.nummer)
    expect(nieuw.locator("main")).to_contain_text(plan.nummer)
    nieuw.goto(f"/casussen/{casus.uuid}/")
    expect(nieuw.locator("main")).to_contain_text(str(collega))
    collega_context.close()
