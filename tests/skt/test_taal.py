"""The product speaks Dutch only: the browser's language never switches it (no LocaleMiddleware)."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_geen_taalkeuze_uit_de_browser():
    assert "django.middleware.locale.LocaleMiddleware" not in settings.MIDDLEWARE
    assert settings.LANGUAGE_CODE == "nl" and settings.USE_I18N


def test_een_engelstalige_browser_krijgt_nederlands(personas, als):
    antwoord = als(personas.poort).get(
        "/poort/zoeken/", {"geboortedatum": "gisteren"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    # Django's own messages come from its Dutch catalogue too (gettext stays on).
    assert "Voer een geldige datum in." in inhoud
    assert "Enter a valid date." not in inhoud
    assert '<html lang="nl"' in inhoud
