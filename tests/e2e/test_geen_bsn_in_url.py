"""Issue 15 point 6 in a real browser: a BSN typed into the poort's search never reaches the address
bar, the browser history or a request URL; reloading and going back keep working."""

import pytest

from tests.factories import InwonerFactory

from .conftest import inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_zoeken_op_bsn_houdt_het_nummer_uit_de_adresbalk(pagina, live_server, e2e_personas, kern_elst):
    p = e2e_personas
    inwoner = InwonerFactory(kern=kern_elst, voornamen="Gerda", achternaam="Vos")
    gevraagd: list[str] = []
    pagina.on("request", lambda verzoek: gevraagd.append(verzoek.url))
    inloggen(pagina, live_server, p.poort)

    pagina.goto(f"{live_server.url}/poort/zoeken/")
    pagina.get_by_label("BSN").fill(inwoner.bsn)
    pagina.get_by_role("button", name="Zoeken").click()
    pagina.wait_for_url("**/poort/zoeken/?zoekopdracht=*")
    assert "Gerda Vos" in pagina.locator("main").inner_text()
    assert inwoner.bsn not in pagina.url

    # Reload shows the result again without resubmitting a form; back and forward stay clean too.
    pagina.reload()
    assert "Gerda Vos" in pagina.locator("main").inner_text()
    pagina.go_back()
    pagina.go_forward()
    assert inwoner.bsn not in pagina.url
    geschiedenis = pagina.evaluate("() => [location.href, document.referrer]")
    assert not any(inwoner.bsn in url for url in [*geschiedenis, *gevraagd])
