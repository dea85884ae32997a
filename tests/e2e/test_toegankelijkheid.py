"""WCAG 2.1 AA with axe-core, and reflow at 320 px, on every page each role reaches from its menu.

For each role of the rights-matrix world (tests/test_rechtenmatrix.py, so lists have rows and
details exist): every page of its main navigation, plus the first detail page each of those lists
links to. Each page is scanned by axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa) and measured
at 320 CSS px wide (WCAG 1.4.10: no page scrolls sideways as a whole). Each page with a form that
has fields is submitted empty, and the answer (the error state) is scanned and measured too.

One browser context per role, logged in by session cookie (the real login has its own tests), with
axe loaded as an init script. The page count is printed (run with -s) and asserted from below.
"""

import os
import re
import time
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.conftest import ingelogde_client
from tests.test_rechtenmatrix import wereld_bouwen

from .conftest import axe_laden, axe_overtredingen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# SKT_AXE_ROLLEN=poort,beleid scans only those roles (while fixing one); the minimum counts are then skipped.
ROLLEN_ALLE = [
    "poort",
    "beroepskracht",
    "vrijwilliger",
    "consulent",
    "consulent_jeugd",
    "coordinator",
    "beleid",
    "beheerder",
]
ROLLEN = [r for r in os.environ.get("SKT_AXE_ROLLEN", ",".join(ROLLEN_ALLE)).split(",") if r]
SMAL = {"width": 320, "height": 800}
BREED = {"width": 1280, "height": 900}
UUID = re.compile(r"/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/$")
# Links in a list that lead away from its details: downloads and actions.
GEEN_DETAIL = re.compile(r"\.(pdf|json|csv)$|/(uitloggen|inzage)/")

# Submit the first form in the main content that has a field someone fills in, without the
# browser's own validation (the server's error state is what is under test).
VIND_FORMULIER = """[...document.querySelectorAll('main form[method=post], main form[method=POST]')].find(
    f => f.querySelector(
      'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea'))"""
HEEFT_FORMULIER = f"() => !!{VIND_FORMULIER}"
LEEG_VERSTUREN = f"""() => {{
  const form = {VIND_FORMULIER};
  form.noValidate = true;
  const tekst = 'input[type=text], input[type=date], input[type=number], textarea';
  for (const veld of form.querySelectorAll(tekst)) veld.value = '';
  for (const veld of form.querySelectorAll('input[type=radio], input[type=checkbox]')) veld.checked = false;
  const knop = form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
  form.requestSubmit(knop || undefined);
}}"""


def _context(browser, live_server, medewerker):
    klant = ingelogde_client(medewerker)
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=BREED)
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


# What sticks out: the outermost elements wider than the window whose parent still fits in it
# (outside the table regions, which scroll on their own).
UITSTEKERS = """() => {
  const w = window.innerWidth, uit = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect(), o = el.parentElement.getBoundingClientRect();
    if (el.closest('.skt-tabelrol')) continue;
    if (r.right > w + 1 && o.right <= w + 1 && r.width > 0)
      uit.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(r.right) + 'px');
  }
  return uit.slice(0, 4).join(', ');
}"""


def _breedte(pagina) -> tuple[int, str]:
    pagina.set_viewport_size(SMAL)
    breedte = pagina.evaluate("document.documentElement.scrollWidth")
    uitstekers = pagina.evaluate(UITSTEKERS) if breedte > SMAL["width"] else ""
    pagina.set_viewport_size(BREED)
    return breedte, uitstekers


def _controleer(pagina, waar: str, fouten: list[str], telling: Counter) -> None:
    telling["scans"] += 1
    fouten += [f"{waar}: {o}" for o in axe_overtredingen(pagina)]
    breedte, uitstekers = _breedte(pagina)
    if breedte > SMAL["width"]:
        fouten.append(f"{waar}: {breedte} px breed op een scherm van 320 px ({uitstekers})")


def _pad(url: str) -> str:
    deel = urlsplit(url)
    return deel.path + (f"?{deel.query}" if deel.query else "")


def test_elke_pagina_uit_het_menu_zonder_overtredingen(browser, live_server, transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SKT_LIMIET_ZOEKEN_PER_MINUUT = 100_000
    fouten: list[str] = []
    telling: Counter = Counter()
    begin = time.monotonic()
    w = wereld_bouwen()
    telling["seconden wereld"] = round(time.monotonic() - begin)
    for rol in ROLLEN:
        context, pagina = _context(browser, live_server, getattr(w.p, rol))
        pagina.goto("/")
        menu = [
            _pad(a)
            for a in pagina.locator("nav[aria-label=Hoofdmenu] a").evaluate_all("as => as.map(a => a.href)")
        ]
        assert menu, f"{rol}: geen hoofdmenu"
        bezocht: list[str] = []
        details: list[str] = []
        for pad in menu:
            pagina.goto(pad)
            bezocht.append(pad)
            for href in pagina.locator("main a[href]").evaluate_all("as => as.map(a => a.href)"):
                detail = _pad(href)
                if (
                    UUID.search(detail.split("?")[0])
                    and not GEEN_DETAIL.search(detail)
                    and detail not in details
                    and detail not in menu
                ):
                    details.append(detail)
                    break
        for pad in bezocht + details:
            antwoord = pagina.goto(pad)
            if antwoord is None or antwoord.status != 200:
                fouten.append(f"{rol} {pad}: status {antwoord.status if antwoord else '?'}")
                continue
            telling["paginas"] += 1
            _controleer(pagina, f"{rol} {pad}", fouten, telling)
            if pagina.evaluate(HEEFT_FORMULIER):
                with pagina.expect_navigation():
                    pagina.evaluate(LEEG_VERSTUREN)
                if pagina.locator("[data-foutoverzicht]").count():
                    telling["foutstaten"] += 1
                    # The NL Design System form pattern: focus lands on the error summary.
                    if not pagina.evaluate("() => document.activeElement.matches('[data-foutoverzicht]')"):
                        fouten.append(
                            f"{rol} {pad} (leeg verstuurd): de focus staat niet op het foutoverzicht"
                        )
                else:
                    telling["verstuurd zonder fout"] += 1
                _controleer(pagina, f"{rol} {pad} (leeg verstuurd)", fouten, telling)
        telling[rol] = len(bezocht) + len(details)
        context.close()
    telling["seconden totaal"] = round(time.monotonic() - begin)
    print(f"\naxe-core: {dict(telling)}")
    assert not fouten, f"{len(fouten)} problemen:\n" + "\n".join(fouten)
    assert ROLLEN != ROLLEN_ALLE or telling["paginas"] >= 60 and telling["foutstaten"] >= 10, telling


def test_het_menu_klapt_in_op_een_smal_scherm(browser, live_server, e2e_personas, screenshots):
    """At 320 px the main menu hides behind a "Menu" button that opens and closes it."""
    context, pagina = _context(browser, live_server, e2e_personas.coordinator)
    pagina.set_viewport_size(SMAL)
    pagina.goto("/")
    knop = pagina.get_by_role("button", name="Menu")
    menu = pagina.get_by_role("navigation", name="Hoofdmenu")
    assert knop.is_visible() and knop.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    pagina.screenshot(path=str(screenshots / "menu_320_dicht.png"))
    knop.click()
    assert knop.get_attribute("aria-expanded") == "true" and menu.is_visible()
    assert pagina.evaluate("document.documentElement.scrollWidth") <= SMAL["width"]
    pagina.screenshot(path=str(screenshots / "menu_320_open.png"))
    assert axe_overtredingen(pagina) == []
    knop.click()
    assert not menu.is_visible()
    # On a wide screen there is no button and the menu is always there.
    pagina.set_viewport_size(BREED)
    assert not knop.is_visible() and menu.is_visible()
    context.close()
