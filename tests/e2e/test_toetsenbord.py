"""Keyboard only (issue 15, WCAG 2.1.1 and 2.4.7): the poort searches, registers and triages a
melding, and the beroepskracht records the first contact, with Tab, Shift+Tab, Enter, Space, the
arrow keys and typing; never a click or a fill. After every key press the focus is on an element
(not lost to the body) and that element shows a visible focus indicator."""

import re

import pytest
from django.utils import timezone

from meldingen.models import Melding
from tests.factories import InwonerFactory

from .test_toegankelijkheid import BREED, _context

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The accessible name of the focused element as a person hears it: its label, or its own text.
GEFOCUST = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const label = el.labels && el.labels.length ? el.labels[0].textContent : '';
  const stijl = getComputedStyle(el);
  const zichtbaar = (stijl.outlineStyle !== 'none' && parseFloat(stijl.outlineWidth) > 0)
    || (stijl.boxShadow && stijl.boxShadow !== 'none');
  return {naam: (label || el.getAttribute('aria-label') || el.textContent || el.value || '').trim(),
          tag: el.tagName.toLowerCase(), type: el.type || '', zichtbaar: zichtbaar};
}"""


def _focus(pagina) -> dict:
    focus = pagina.evaluate(GEFOCUST)
    assert focus is not None, f"focus verloren aan de body op {pagina.url}"
    assert focus["zichtbaar"], f"geen zichtbare focus op {focus} ({pagina.url})"
    return focus


def toets(pagina, toets_: str) -> dict:
    pagina.keyboard.press(toets_)
    return _focus(pagina)


def tab_naar(pagina, naam: str, *, tag: str | None = None, terug: bool = False, hoogstens: int = 80) -> dict:
    """Tab (or Shift+Tab) until an element whose name matches `naam` has the focus."""
    patroon = re.compile(naam, re.I)
    for _ in range(hoogstens):
        focus = toets(pagina, "Shift+Tab" if terug else "Tab")
        if patroon.search(focus["naam"]) and (tag is None or focus["tag"] == tag):
            return focus
    raise AssertionError(f"{naam!r} niet bereikt met de Tab-toets op {pagina.url}")


def typ(pagina, tekst: str) -> None:
    pagina.keyboard.type(tekst)
    _focus(pagina)


def kies(pagina, optie: str, hoogstens: int = 25) -> None:
    """Choose an option of the focused select with the arrow keys."""
    for _ in range(hoogstens):
        gekozen = pagina.evaluate("() => document.activeElement.selectedOptions[0].textContent.trim()")
        if re.search(optie, gekozen, re.I):
            return
        toets(pagina, "ArrowDown")
    raise AssertionError(f"optie {optie!r} niet gevonden met de pijltjestoetsen")


def enter_en_wacht(pagina) -> None:
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    pagina.wait_for_load_state()


@pytest.fixture
def wereld(e2e_personas, kern_elst):
    bekend = InwonerFactory(
        kern=kern_elst, voornamen="Gerda", achternaam="Vos", postcode="6661 AB", huisnummer="12"
    )
    return e2e_personas, bekend


def test_poort_en_eerste_contact_met_alleen_het_toetsenbord(browser, live_server, wereld, screenshots):
    p, bekend = wereld
    context, pagina = _context(browser, live_server, p.poort)
    pagina.set_viewport_size(BREED)
    pagina.goto("/")

    # Search by postcode and house number.
    tab_naar(pagina, "^Nieuwe vraag", tag="a")
    enter_en_wacht(pagina)
    tab_naar(pagina, "^Postcode")
    typ(pagina, "6661ab")
    tab_naar(pagina, "^Huisnummer")
    typ(pagina, "12")
    tab_naar(pagina, "^Zoeken$", tag="button")
    enter_en_wacht(pagina)

    # Register the question from the hit; a Shift+Tab back and forth on the way.
    tab_naar(pagina, r"Melding registreren.*Gerda Vos", tag="a")
    toets(pagina, "Shift+Tab")
    tab_naar(pagina, r"Melding registreren.*Gerda Vos", tag="a")
    enter_en_wacht(pagina)
    tab_naar(pagina, "^Ingang", tag="select")
    kies(pagina, "^Telefoon")
    tab_naar(pagina, "^Melder", tag="select")
    kies(pagina, "Inwoner zelf")
    tab_naar(pagina, "Vraag in de woorden van de inwoner", tag="textarea")
    typ(pagina, "Ik krijg mijn post niet meer op orde.")
    tab_naar(pagina, "^Registreren", tag="button")
    enter_en_wacht(pagina)
    assert re.search(r"/trieren/$", pagina.url), pagina.url
    melding = Melding.objects.get(inwoner=bekend)

    # Triage: into the radio group with Tab, to "Naar het kernteam" with the arrow keys, Space.
    focus = tab_naar(pagina, ".", tag="input")
    while focus["type"] != "radio":
        focus = toets(pagina, "Tab")
    for _ in range(10):
        if re.match(r"Naar het kernteam$", focus["naam"]):
            break
        focus = toets(pagina, "ArrowDown")
    else:
        raise AssertionError("'Naar het kernteam' niet bereikt met de pijltjestoetsen")
    toets(pagina, "Space")
    assert pagina.evaluate("() => document.activeElement.checked")
    tab_naar(pagina, "Waarom deze keuze", tag="textarea")
    typ(pagina, "Administratie, past bij het kernteam van Elst.")
    tab_naar(pagina, "Triage vastleggen", tag="button")
    enter_en_wacht(pagina)
    melding.refresh_from_db()
    assert melding.team_id == p.team_a.pk, melding.status
    context.close()

    # The beroepskracht opens the team queue and records the first contact.
    context, pagina = _context(browser, live_server, p.beroepskracht)
    pagina.goto("/")
    tab_naar(pagina, "^Teamwachtrij", tag="a")
    enter_en_wacht(pagina)
    tab_naar(pagina, "Gerda Vos", tag="a")
    enter_en_wacht(pagina)
    tab_naar(pagina, "Hoe was het contact", tag="select")
    kies(pagina, "^Telefonisch")
    tab_naar(pagina, "Eerste contact vastleggen", tag="button")
    enter_en_wacht(pagina)
    melding.refresh_from_db()
    assert melding.status == "in_behandeling" and melding.eerste_contact_door == p.beroepskracht
    assert melding.eerste_contact_op == timezone.localdate()
    pagina.screenshot(path=str(screenshots / "toetsenbord_eerste_contact.png"))
    context.close()
