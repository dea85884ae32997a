"""Issue 15, one next step per screen: the action the status calls for is the one primary button; the
rest sits behind "Andere acties" (details/summary); every count on Mijn werk links to its list."""

import re

import pytest
from django.utils import timezone

from meldingen.services import melding_eerste_contact_vastleggen

from .conftest import casus_maken, contacten_maken, melding_maken

pytestmark = pytest.mark.django_db


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _primair(main: str) -> list[str]:
    """The text of every primary button or button link."""
    return [
        re.sub(r"<[^>]+>", "", m).strip()
        for m in re.findall(r"<(?:a|button)[^>]*--primary-action[^>]*>(.*?)</(?:a|button)>", main, re.S)
    ]


def _buiten_details(main: str) -> str:
    return re.sub(r"<details.*?</details>", "", main, flags=re.S)


def test_melding_eerst_contact_dan_casus_starten(personas, als):
    melding = melding_maken(personas)
    client = als(personas.beroepskracht)
    main = _main(client.get(f"/meldingen/{melding.uuid}/"))
    assert _primair(main) == ["Eerste contact vastleggen"]
    assert "Casus starten" not in main
    zichtbaar = _buiten_details(main)
    assert "Melding afsluiten" not in zichtbaar and "Doorschakelen" not in zichtbaar
    assert re.search(r"<summary>Andere acties: afsluiten, doorschakelen", main)

    melding_eerste_contact_vastleggen(
        door=personas.beroepskracht,
        melding=melding,
        datum=timezone.localdate(),
        wijze="telefoon",
        contact_door=personas.beroepskracht,
    )
    main = _main(client.get(f"/meldingen/{melding.uuid}/"))
    assert _primair(main) == ["Casus starten"]
    assert "Melding afsluiten" not in _buiten_details(main)


def test_casus_afsluiten_weegt_niet_als_zrm(personas, als):
    casus = casus_maken(personas)
    main = _main(als(personas.beroepskracht).get(f"/casussen/{casus.uuid}/"))
    assert _primair(main) == ["Contactmoment vastleggen"]
    zichtbaar = _buiten_details(main)
    assert re.search(r"--secondary-action[^>]*>ZRM vastleggen<", zichtbaar)
    assert "Casus afsluiten" not in zichtbaar
    details = re.search(r"<details.*?</details>", main, re.S).group(0)
    assert f'href="/casussen/{casus.uuid}/afsluiten/"' in details


def test_elke_telling_op_mijn_werk_is_een_link_naar_haar_lijst(personas, als, klein_maximum):
    aan_max = casus_maken(personas)
    contacten_maken(personas, aan_max, klein_maximum)
    bijna = casus_maken(personas, melding_maken(personas))
    contacten_maken(personas, bijna, klein_maximum - 1)
    rustig = casus_maken(personas, melding_maken(personas))
    client = als(personas.beroepskracht)
    blok = _main(client.get("/"))
    blok = blok[blok.index('id="kop-werkblok-casussen"') :]
    blok = blok[: blok.index("</section>")]
    # No bare number: every count in the block sits in a link.
    for dd in re.findall(r'<dd class="utrecht-data-list__item-value">(.*?)</dd>', blok, re.S):
        assert dd == "geen" or dd.startswith("<a "), dd
    for stand, casus in (("aan_maximum", aan_max), ("bijna_maximum", bijna)):
        assert f'href="/casussen/?status={stand}"' in blok
        lijst = client.get("/casussen/", {"status": stand}).content.decode()
        assert casus.inwoner.naam in lijst, stand
        andere = {aan_max, bijna, rustig} - {casus}
        assert not any(c.inwoner.naam in lijst for c in andere), stand


def test_na_afsluiten_is_de_terugkoppeling_de_volgende_stap(personas, als):
    from meldingen.models import Melding
    from meldingen.services import melding_afsluiten

    melding = melding_maken(personas)
    Melding.objects.filter(pk=melding.pk).update(
        melder_soort="huisarts",
        melder_naam="Dokter Pietersen",
        melder_bereikbaar="0481-123456",
        melder_wil_terugkoppeling=True,
    )
    melding_afsluiten(door=personas.beroepskracht, melding=melding, uitstroom="eigen_kracht")
    main = _main(als(personas.beroepskracht).get(f"/meldingen/{melding.uuid}/"))
    assert _primair(main) == ["Melder is geïnformeerd"]
    assert "wil horen dat de melding is afgehandeld" in main
