"""Lists at scale (issue 14): keyset pages that never count the whole set, rights checked per row,
and nothing cached that outlives a revoked grant."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from skt import rechten
from skt.models import Inwoner, Toegang
from skt.paginering import keyset_pagina

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db


def _verzoek(**parameters):
    return RequestFactory().get("/", parameters)


def _alle_paginas(qs, *, sleutel, per_pagina):
    """Follow the 'Oudere' links from the first page to the last; the rows in the order shown."""
    gezien, parameters = [], {}
    for _ in range(100):
        pagina = keyset_pagina(qs, _verzoek(**parameters), sleutel=sleutel, per_pagina=per_pagina)
        gezien.extend(pagina.object_list)
        if not pagina.has_next:
            return gezien
        parameters = {"na": pagina.volgende}
    raise AssertionError("de paginering eindigt niet")


def test_keyset_paginas_tonen_alles_precies_een_keer_in_volgorde(profiel):
    # Equal timestamps on purpose: the primary key breaks the tie, so no row is skipped or repeated.
    zelfde = timezone.now() - timedelta(days=3)
    inwoners = [InwonerFactory() for _ in range(23)]
    Inwoner.objects.filter(pk__in=[i.pk for i in inwoners[:10]]).update(aangemaakt_op=zelfde)
    qs = Inwoner.objects.all()
    verwacht = list(qs.order_by("-aangemaakt_op", "-pk"))
    gezien = _alle_paginas(qs, sleutel=("-aangemaakt_op", "-pk"), per_pagina=4)
    assert [i.pk for i in gezien] == [i.pk for i in verwacht]
    op_naam = _alle_paginas(qs, sleutel=("achternaam", "voornamen", "pk"), per_pagina=5)
    assert [i.pk for i in op_naam] == [i.pk for i in qs.order_by("achternaam", "voornamen", "pk")]


def test_keyset_pagina_telt_niet_en_kost_een_query(profiel):
    for _ in range(30):
        InwonerFactory()
    with CaptureQueriesContext(connection) as vragen:
        pagina = keyset_pagina(
            Inwoner.objects.all(), _verzoek(), sleutel=("-aangemaakt_op", "-pk"), per_pagina=10
        )
        list(pagina)
    assert len(vragen) == 1
    assert "COUNT(" not in vragen[0]["sql"].upper()
    assert "OFFSET" not in vragen[0]["sql"].upper()
    assert len(pagina) == 10 and pagina.has_next and pagina.is_eerste


@pytest.mark.parametrize("cursor", ["onzin", "eyJ4IjoxfQ:1abc:def", "' OR 1=1 --"])
def test_een_vervalste_cursor_begint_bij_de_eerste_pagina(profiel, cursor):
    for _ in range(5):
        InwonerFactory()
    eerste = keyset_pagina(Inwoner.objects.all(), _verzoek(), sleutel=("-aangemaakt_op", "-pk"), per_pagina=3)
    vervalst = keyset_pagina(
        Inwoner.objects.all(), _verzoek(na=cursor), sleutel=("-aangemaakt_op", "-pk"), per_pagina=3
    )
    assert [i.pk for i in vervalst] == [i.pk for i in eerste]
    assert vervalst.is_eerste


def test_mijn_inwoners_volgende_pagina_via_de_link(personas, als):
    inwoners = [InwonerFactory() for _ in range(30)]
    for inwoner in inwoners:
        rechten.inwoner_toegang_geven(inwoner, personas.team_a)
    client = als(personas.beroepskracht)
    eerste = client.get("/inwoners/")
    assert eerste.status_code == 200
    assert "Oudere" in eerste.content.decode() and "Pagina 1 van" not in eerste.content.decode()
    volgende = eerste.context["pagina"].volgende_url
    tweede = client.get("/inwoners/" + volgende)
    getoond = {i.pk for i in eerste.context["pagina"]} | {i.pk for i in tweede.context["pagina"]}
    assert getoond == {i.pk for i in inwoners}


def test_een_ingetrokken_teamrecht_geldt_bij_het_volgende_verzoek(personas, als):
    """Nothing cached outlives a revoked grant: the list, the dossier and the access log's name filter."""
    inwoner = InwonerFactory(achternaam="Intrekvelder")
    rechten.inwoner_toegang_geven(inwoner, personas.team_a)
    client = als(personas.beroepskracht)
    assert inwoner in client.get("/inwoners/").context["pagina"].object_list
    assert client.get(f"/inwoners/{inwoner.uuid}/").status_code == 200

    rechten.intrekken("skt.view_inwoner", personas.team_a, inwoner)

    assert inwoner not in client.get("/inwoners/").context["pagina"].object_list
    assert client.get(f"/inwoners/{inwoner.uuid}/").status_code == 404
    assert Toegang.objects.filter(
        medewerker=personas.beroepskracht, object_id=str(inwoner.uuid), resultaat=Toegang.Resultaat.GEWEIGERD
    ).exists()


def test_zichtbaarheid_per_rij_en_als_verzameling_zijn_gelijk(personas):
    """The per-row EXISTS of list pages and the planner's choice elsewhere decide the same."""
    team_a, team_b, persoonlijk = InwonerFactory(), InwonerFactory(), InwonerFactory()
    rechten.inwoner_toegang_geven(team_a, personas.team_a)
    rechten.inwoner_toegang_geven(team_b, personas.team_b)
    rechten.inwoner_toegang_geven(persoonlijk, personas.beroepskracht2)
    for persona in personas.alle().values():
        per_rij = set(rechten.inwoners_zichtbaar_voor(persona, per_rij=True).values_list("pk", flat=True))
        verzameling = set(rechten.inwoners_zichtbaar_voor(persona).values_list("pk", flat=True))
        assert per_rij == verzameling, persona.username
    assert set(rechten.inwoners_zichtbaar_voor(personas.beroepskracht2, per_rij=True)) >= {
        team_b,
        persoonlijk,
    }
    assert team_a not in rechten.inwoners_zichtbaar_voor(personas.beroepskracht2, per_rij=True)


def test_zoeken_in_mijn_inwoners_pagineert_op_naam(personas, als):
    """A search's pages run on the name (case-insensitive), each match once, none outside the team."""
    namen = [f"Vosselman{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}{i:02d}" for i in range(30)]
    for naam in namen:
        rechten.inwoner_toegang_geven(InwonerFactory(achternaam=naam), personas.team_a)
    rechten.inwoner_toegang_geven(InwonerFactory(achternaam="Vosselmanbuiten"), personas.team_b)
    client = als(personas.beroepskracht)
    antwoord = client.post("/inwoners/", {"q": "vosselman"})
    eerste = client.get(antwoord["Location"])
    tweede = client.get(antwoord["Location"].split("?")[0] + eerste.context["pagina"].volgende_url)
    getoond = [i.achternaam for p in (eerste, tweede) for i in p.context["pagina"].object_list]
    assert sorted(getoond, key=str.lower) == getoond
    assert sorted(getoond) == sorted(namen)
    assert not tweede.context["pagina"].has_next


def test_zoeken_op_een_of_twee_letters_vraagt_om_meer_en_zoekt_niet(personas, als):
    """One or two letters match a large part of a city: a Dutch error says what to type, nothing is
    searched and no search is logged."""
    rechten.inwoner_toegang_geven(InwonerFactory(achternaam="Ye"), personas.team_a)
    client = als(personas.beroepskracht)
    voor = Toegang.objects.filter(medewerker=personas.beroepskracht, actie="zoeken").count()
    antwoord = client.post("/inwoners/", {"q": " Ye "})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200 and "Typ minstens drie tekens" in inhoud
    assert 'href="#id_q"' in inhoud and "Er is niet gezocht." in inhoud
    assert Toegang.objects.filter(medewerker=personas.beroepskracht, actie="zoeken").count() == voor
    # Three characters search, and that search is logged.
    verder = client.post("/inwoners/", {"q": "Yeo"})
    assert verder.status_code == 303 and client.get(verder["Location"]).status_code == 200
    assert Toegang.objects.filter(medewerker=personas.beroepskracht, actie="zoeken").count() == voor + 1
