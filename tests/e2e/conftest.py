"""End-to-end tests in a real browser: Playwright's sync API driving Debian's chromium.

Playwright cannot download its own browser here, so we point it at the system chromium
(override with SKT_CHROMIUM). Without that binary every e2e test is skipped with the reason.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

# Playwright's sync API runs an asyncio loop in the test's thread; Django would then refuse the
# ORM calls the tests make (fetching the TOTP device). The live server runs in its own thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("SKT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(django_settings.BASE_DIR) / "var" / "screenshots"
WACHTWOORD = "geheim-wachtwoord-123"  # tests/factories.medewerker_maken

# expect() waits for the page instead of reading it once; on a busy CI machine 5 s is too short.
expect.set_options(timeout=20_000)


def huidige_code(medewerker) -> str:
    """The TOTP code the medewerker's authenticator app would show now."""
    apparaat = TOTPDevice.objects.get(user=medewerker)
    return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"


def inloggen(pagina, live_server, medewerker) -> None:
    """Through the real form and the real TOTP set-up step, ending on the start page."""
    pagina.goto("/inloggen/")
    pagina.get_by_label("Gebruikersnaam").fill(medewerker.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url(re.compile(r"/inloggen/tweede-factor/"))
    pagina.get_by_label("Code uit uw authenticator-app").fill(huidige_code(medewerker))
    pagina.get_by_role("button", name="Bevestigen").click()
    pagina.wait_for_url(f"{live_server.url}/")


def nieuwe_pagina(browser, live_server):
    """A second browser context (another person at another desk): (context, page)."""
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    pagina = context.new_page()
    pagina.set_default_timeout(20_000)
    return context, pagina


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"geen chromium op {CHROMIUM} (installeer Debian's chromium of zet SKT_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def snelle_wachtwoorden(settings):
    # The live server thread reads the same settings object, so it verifies these hashes too.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def e2e_personas(live_server, snelle_wachtwoorden, personas):
    """The personas, in a transactional database the live server thread can see.

    Requesting live_server makes pytest-django give `personas` (which asks for `db`) a
    transactional database: the rows are committed, not hidden in the test's transaction.
    """
    return personas


@pytest.fixture
def pagina(browser, live_server):
    """A fresh browser context (no cookies) per test, with the live server as base URL."""
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.csp_fouten = []
    page.statische_fouten = []
    page.on(
        "console",
        lambda bericht: (
            page.csp_fouten.append(bericht.text) if "Content Security Policy" in bericht.text else None
        ),
    )
    page.on(
        "response",
        lambda antwoord: (
            page.statische_fouten.append(f"{antwoord.status} {antwoord.url}")
            if "/static/" in antwoord.url and antwoord.status >= 400
            else None
        ),
    )
    yield page
    context.close()


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


AXE = Path(django_settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, the level the gemeente must meet (Besluit digitale toegankelijkheid overheid).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_laden(context) -> None:
    """Load axe-core into every page of the context before the page's own scripts (an init script,
    so the Content-Security-Policy that forbids inline scripts does not block it)."""
    if not AXE.exists():
        pytest.skip(f"geen axe-core op {AXE} (npm install)")
    context.add_init_script(path=str(AXE))


def axe_overtredingen(pagina) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the current page, one line per rule with its elements.

    The page's context must have axe loaded (axe_laden); without it the script is added now.
    """
    if not pagina.evaluate("typeof window.axe !== 'undefined'"):
        pagina.add_script_tag(path=str(AXE))
    uitslag = pagina.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(
            " ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
            for n in v["nodes"][:5]
        )
        for v in uitslag["violations"]
    ]
