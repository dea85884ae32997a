"""Issue 15: a returned plan says why at the top of its page, not only in the Verloop far down."""

import pytest

from arrangementen import services

pytestmark = pytest.mark.django_db

VRAAG = "Beschrijf de mantelzorg van de dochter en hoeveel uur zij zelf kan doen."


def test_de_reden_van_terugsturen_staat_bovenaan(personas, als, ingediend):
    services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=ingediend)
    services.arrangement_terugsturen(door=personas.consulent, arrangement=ingediend, toelichting=VRAAG)
    html = als(personas.beroepskracht).get(f"/arrangementen/{ingediend.uuid}/").content.decode()
    melding = html.index("Teruggestuurd voor aanvulling")
    assert melding < html.index(VRAAG) < html.index('id="verloop-kop"')
    assert "Wat de consulent vraagt:" in html
    assert "in het verloop hieronder" not in html
