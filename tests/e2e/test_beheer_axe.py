"""axe-core on every beheer screen (issue 13, Done when): lists, new-record forms, details, the
gemeente profile and the rechtenwijzigingen, each in its normal state and, where it has a form, in its
error state (submitted with the required fields empty). WCAG 2.1 A and AA (tests/e2e/conftest.py)."""

import pytest
from django.conf import settings

from skt.beheer import services
from skt.models import Kern, Organisatie, Rol, Team, Voorziening
from tests.conftest import ingelogde_client

from ..factories import LeefgebiedFactory, medewerker_maken
from .conftest import axe_laden, axe_overtredingen

pytestmark = pytest.mark.e2e

SOORTEN = ("kernen", "teams", "leefgebieden", "organisaties", "voorzieningen")


def _context(browser, live_server, medewerker):
    """Logged in by session cookie: the real login has its own browser test (test_inloggen)."""
    klant = ingelogde_client(medewerker)
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": klant.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    axe_laden(context)
    pagina = context.new_page()
    pagina.set_default_timeout(20_000)
    return context, pagina


def _scannen(pagina, pad: str, fouten: list[str], gescand: list[str], *, fout_maken=None) -> None:
    antwoord = pagina.goto(pad)
    assert antwoord is not None and antwoord.status == 200, (pad, antwoord and antwoord.status)
    gescand.append(pad)
    fouten += [f"{pad}: {o}" for o in axe_overtredingen(pagina)]
    if fout_maken is not None:
        fout_maken(pagina)
        assert pagina.locator("[data-foutoverzicht]").count() == 1, f"{pad}: geen foutoverzicht"
        gescand.append(f"{pad} (fout)")
        fouten += [f"{pad} (fout): {o}" for o in axe_overtredingen(pagina)]


def _leeg_versturen(knop: str, *leeg: str):
    def maken(pagina):
        for veld in leeg:
            pagina.locator(f"#id_{veld}").fill("")
        with pagina.expect_navigation():
            pagina.get_by_role("button", name=knop).click()

    return maken


def test_geen_axe_overtredingen_op_de_beheerschermen(browser, live_server, e2e_personas):
    p = e2e_personas
    organisatie = Organisatie.objects.create(naam="MEE Betuwe")
    voorziening = Voorziening.objects.create(naam="Repair café", soort="nulde_lijn", organisatie=organisatie)
    voorziening.kernen.set(Kern.objects.filter(code="elst"))
    # A pending proposal, for the list and the confirmation step.
    nora = medewerker_maken("nora", Rol.BELEID)
    _mw, voorstel = services.medewerker_rechten_wijzigen(
        door=p.beheerder, medewerker=nora, rol=Rol.BEROEPSKRACHT, teams=[p.team_a]
    )
    detailpaginas = {
        "kernen": "/beheer/kernen/elst/",
        "teams": f"/beheer/teams/{Team.objects.get(code='elst').uuid}/",
        "leefgebieden": f"/beheer/leefgebieden/{LeefgebiedFactory(code='financien', label='Geld').code}/",
        "organisaties": f"/beheer/organisaties/{organisatie.uuid}/",
        "voorzieningen": f"/beheer/voorzieningen/{voorziening.uuid}/",
    }
    fouten: list[str] = []
    gescand: list[str] = []

    context, pagina = _context(browser, live_server, p.beheerder)
    try:
        _scannen(pagina, "/beheer/", fouten, gescand)
        _scannen(pagina, "/beheer/medewerkers/", fouten, gescand)
        _scannen(pagina, "/beheer/medewerkers/?q=niemand", fouten, gescand)
        _scannen(
            pagina,
            "/beheer/medewerkers/nieuw/",
            fouten,
            gescand,
            fout_maken=_leeg_versturen("Aanmaken en uitnodigen"),
        )
        _scannen(
            pagina,
            f"/beheer/medewerkers/{p.beroepskracht.uuid}/",
            fouten,
            gescand,
            fout_maken=_leeg_versturen("Opslaan", "achternaam", "email"),
        )
        # The account page of a person with a pending proposal shows it.
        _scannen(pagina, f"/beheer/medewerkers/{nora.uuid}/", fouten, gescand)
        _scannen(pagina, "/beheer/profiel/", fouten, gescand)
        for soort in SOORTEN:
            _scannen(pagina, f"/beheer/{soort}/", fouten, gescand)
            _scannen(
                pagina,
                f"/beheer/{soort}/nieuw/",
                fouten,
                gescand,
                fout_maken=_leeg_versturen_eerste_formulier,
            )
            _scannen(pagina, detailpaginas[soort], fouten, gescand)
        # The beheerder who proposed sees the proposal without the decision.
        _scannen(pagina, "/beheer/rechtenwijzigingen/", fouten, gescand)
        _scannen(pagina, f"/beheer/rechtenwijzigingen/{voorstel.uuid}/", fouten, gescand)
    finally:
        context.close()

    context, pagina = _context(browser, live_server, p.coordinator)
    try:
        _scannen(pagina, "/beheer/rechtenwijzigingen/", fouten, gescand)
        _scannen(
            pagina,
            f"/beheer/rechtenwijzigingen/{voorstel.uuid}/",
            fouten,
            gescand,
            fout_maken=_leeg_versturen("Weigeren", "reden"),
        )
    finally:
        context.close()
    print(f"\naxe-core op {len(gescand)} beheerschermen: {', '.join(gescand)}")
    assert len(gescand) >= 30, gescand
    assert not fouten, f"{len(fouten)} overtredingen:\n" + "\n".join(fouten)


def _leeg_versturen_eerste_formulier(pagina):
    """A configuration form: its text fields emptied, submitted without the browser's own validation."""
    with pagina.expect_navigation():
        pagina.evaluate(
            """() => {
              const form = document.querySelector('main form[method=post]');
              form.noValidate = true;
              for (const veld of form.querySelectorAll('input[type=text], textarea')) veld.value = '';
              form.requestSubmit(form.querySelector('button[type=submit], button:not([type])'));
            }"""
        )
