"""Merging duplicates in a real browser (issue 13, point 5): the coordinator starts from a dossier,
searches the second registration, compares them side by side, keeps the phone number of the second,
and lands on the survivor's dossier with both histories; the old dossier URL leads there too. The
screens pass axe-core (WCAG 2.1 AA)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from dossier.models import Samenvoeging
from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt.models import Inwoner

from ..factories import InwonerFactory
from .conftest import axe_laden, axe_overtredingen, inloggen

pytestmark = pytest.mark.e2e


def _melding(p, inwoner, vraag: str):
    melding, _ = melding_registreren(
        door=p.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag=vraag,
    )
    melding_trieren(door=p.poort, melding=melding, uitkomst="kernteam", reden="Past bij het kernteam.")
    melding.refresh_from_db()
    return melding


def test_coordinator_voegt_een_dubbele_registratie_samen(e2e_personas, pagina, live_server):
    p = e2e_personas
    kern = p.team_a.kernen.first()
    eerste = InwonerFactory(voornamen="Wilma", achternaam="Zandbergen", kern=kern, telefoon="")
    tweede = InwonerFactory(
        voornamen="Wilma",
        achternaam="Zandbergen",
        geboortedatum=eerste.geboortedatum,
        bsn=None,
        kern=kern,
        telefoon="06-24681357",
    )
    m1 = _melding(p, eerste, "Mevrouw vraagt hulp bij haar administratie.")
    m2 = _melding(p, tweede, "De buurvrouw belt: mevrouw komt de deur niet meer uit.")

    axe_laden(pagina.context)
    inloggen(pagina, live_server, p.coordinator)
    pagina.goto(f"/inwoners/{eerste.uuid}/")
    pagina.get_by_role("link", name="Samenvoegen met een dubbele registratie").click()
    pagina.get_by_label("Naam, BSN of postcode").fill("Zandbergen")
    pagina.get_by_role("button", name="Zoeken").click()
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("link", name="Vergelijken met Wilma Zandbergen").click()
    expect(pagina.get_by_role("heading", name="Vergelijken en samenvoegen")).to_be_visible()
    assert axe_overtredingen(pagina) == []
    # Keep the phone number of the second registration; the first survives.
    pagina.get_by_role("radio", name="06-24681357").check()
    pagina.get_by_role("button", name="Samenvoegen").click()
    # Without the confirmation nothing happens, with a Dutch message.
    expect(pagina.get_by_text("Bevestig dat dit dezelfde persoon is.").first).to_be_visible()
    assert not Samenvoeging.objects.exists()
    pagina.get_by_label("Ik heb gecontroleerd dat dit dezelfde persoon is.").check()
    pagina.get_by_role("button", name="Samenvoegen").click()
    pagina.wait_for_url(f"{live_server.url}/inwoners/{eerste.uuid}/")
    expect(pagina.get_by_text("De registraties zijn samengevoegd.")).to_be_visible()
    expect(pagina.get_by_text(m1.nummer).first).to_be_visible()
    expect(pagina.get_by_text(m2.nummer).first).to_be_visible()
    expect(pagina.get_by_text("06-24681357")).to_be_visible()
    assert axe_overtredingen(pagina) == []
    # The old registration's dossier URL leads to the survivor.
    pagina.goto(f"/inwoners/{tweede.uuid}/")
    pagina.wait_for_url(f"{live_server.url}/inwoners/{eerste.uuid}/")
    s = Samenvoeging.objects.get()
    assert s.overlevende_id == eerste.pk and s.vervallen_id == tweede.pk
    assert Inwoner.objects.get(pk=eerste.pk).telefoon == "06-24681357"
