"""End-to-end tests in a real browser: Playwright's sync API driving Debian's chromium.

Playwright cannot download its own browser here, so we point it at the system chromium
(override with SKT_CHROMIUM). Without that binary every e2e test is skipped with the reason.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings

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
