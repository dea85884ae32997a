"""Issue 15 point 6: a BSN search never puts the number in a URL, the access log or the server log.

The search forms are POSTed; the result page is reached by an opaque key (Post/Redirect/Get), so the
browser history, the server's request log and the access log's ``pad`` only ever see the key."""

import logging

import pytest
from django.utils import timezone

from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt.models import Inwoner, Toegang

from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bekende(personas, kern_elst):
    """An inwoner with a melding at kernteam A: the poort recognises them, the beroepskracht and the
    loket (by recognition) find them."""
    inwoner = InwonerFactory(kern=kern_elst, achternaam="Koster")
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Hulp bij de administratie",
    )
    melding_trieren(door=personas.poort, melding=melding, uitkomst="kernteam", reden="past bij kernteam")
    return inwoner


def _nergens(bsn: str, *, antwoorden=(), caplog=None):
    """The number (and its dotted form) is in no URL visited, no access-log row, no log record."""
    vormen = {bsn, f"{bsn[:3]}.{bsn[3:5]}.{bsn[5:]}", f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"}
    for antwoord in antwoorden:
        for url, _status in getattr(antwoord, "redirect_chain", []):
            assert not any(v in url for v in vormen), url
        assert not any(v in antwoord.request["PATH_INFO"] for v in vormen)
        assert not any(v in antwoord.request.get("QUERY_STRING", "") for v in vormen)
    for rij in Toegang.objects.values("pad", "reden", "object_id", "object_soort"):
        assert not any(v in waarde for waarde in rij.values() for v in vormen), rij
    if caplog is not None:
        for record in caplog.records:
            assert not any(v in record.getMessage() for v in vormen), record.getMessage()


ZOEKPAGINAS = [
    ("poort", "/poort/zoeken/", "bsn", "Melding registreren"),
    ("beroepskracht", "/inwoners/", "q", "Koster"),
    ("consulent", "/werkvoorraad/zoeken/", "bsn", "Koster"),
]


@pytest.mark.parametrize("rol,url,veld,teken", ZOEKPAGINAS, ids=[z[0] for z in ZOEKPAGINAS])
def test_zoeken_op_bsn_gaat_per_post_en_het_nummer_staat_nergens(
    personas, als, bekende, rol, url, veld, teken, caplog
):
    caplog.set_level(logging.DEBUG)
    client = als(getattr(personas, rol))
    leeg = client.get(url).content.decode()
    assert 'method="post"' in leeg  # the form itself never sends the number in a query string

    antwoord = client.post(url, {veld: bekende.bsn})
    assert antwoord.status_code == 303
    assert antwoord["Location"].startswith(f"{url}?zoekopdracht=")
    getoond = client.get(antwoord["Location"])
    assert getoond.status_code == 200 and bekende.naam in getoond.content.decode()
    assert teken in getoond.content.decode()

    # The search is logged: the search row says how, with only the last three digits, and the found
    # inwoner has a row of its own.
    rijen = Toegang.objects.filter(medewerker=getattr(personas, rol), actie=Toegang.Actie.ZOEKEN)
    assert rijen.filter(inwoner=bekende).exists()
    assert any(f"******{bekende.bsn[-3:]}" in r for r in rijen.values_list("reden", flat=True))
    _nergens(bekende.bsn, antwoorden=[antwoord, getoond], caplog=caplog)

    # Reloading the result page (the key) shows it again without a new POST.
    assert bekende.naam in client.get(antwoord["Location"]).content.decode()


def test_de_sleutel_van_een_ander_toont_niets(personas, als, bekende):
    """The key lives in the user's own session: another user (or an expired session) gets the form."""
    antwoord = als(personas.poort).post("/poort/zoeken/", {"bsn": bekende.bsn})
    ander = als(personas.poort).get(antwoord["Location"]).content.decode()
    assert bekende.naam not in ander
    assert not Toegang.objects.filter(inwoner=bekende, actie=Toegang.Actie.ZOEKEN).count() > 0


def test_een_bsn_in_de_adresbalk_wordt_niet_gebruikt_en_niet_gelogd(personas, als, bekende, caplog):
    caplog.set_level(logging.DEBUG)
    client = als(personas.poort)
    antwoord = client.get("/poort/zoeken/", {"bsn": bekende.bsn}, follow=True)
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Zoeken op BSN gaat alleen via het formulier" in inhoud
    assert bekende.naam not in inhoud
    assert not Toegang.objects.filter(actie=Toegang.Actie.ZOEKEN).exists()
    als(personas.beroepskracht).get("/inwoners/", {"q": bekende.bsn})
    assert not Toegang.objects.filter(actie=Toegang.Actie.ZOEKEN).exists()
    # A refusal on such a URL (a role without the poort) is logged with the number masked.
    assert als(personas.beleid).get("/poort/zoeken/", {"bsn": bekende.bsn}).status_code == 403
    assert Toegang.objects.filter(pad__contains=f"******{bekende.bsn[-3:]}").exists()
    _nergens(bekende.bsn, caplog=None)


def test_niet_gevonden_neemt_de_zoekvraag_mee_zonder_url(personas, als):
    client = als(personas.poort)
    nieuw = InwonerFactory.build().bsn
    antwoord = client.post("/poort/zoeken/", {"bsn": nieuw}, follow=True)
    inhoud = antwoord.content.decode()
    assert "Geen inwoner gevonden" in inhoud
    assert nieuw not in inhoud.split("Niet gevonden")[1].split('"')[1]  # the link carries a key
    link = "/poort/inwoner/nieuw/?zoekopdracht="
    assert link in inhoud
    href = inhoud[inhoud.index(link) :].split('"')[0]
    formulier = client.get(href).content.decode()
    assert f'value="{nieuw}"' in formulier  # the registration form starts with the searched BSN
    _nergens(nieuw, antwoorden=[antwoord])


def test_een_foute_bsn_geeft_een_nederlandse_fout_en_niets_verandert(personas, als):
    client = als(personas.poort)
    voor = Inwoner.objects.count()
    antwoord = client.post("/poort/zoeken/", {"bsn": "123456789"})
    assert antwoord.status_code == 200
    assert "elfproef" in antwoord.content.decode()
    assert not Toegang.objects.filter(actie=Toegang.Actie.ZOEKEN).exists()
    assert Inwoner.objects.count() == voor


def test_wie_niet_mag_zoeken_wordt_geweigerd(personas, als, bekende):
    for rol, url, veld in (("vrijwilliger", "/poort/zoeken/", "bsn"), ("beleid", "/inwoners/", "q")):
        antwoord = als(getattr(personas, rol)).post(url, {veld: bekende.bsn})
        assert antwoord.status_code == 403
    assert not Toegang.objects.filter(actie=Toegang.Actie.ZOEKEN).exists()
    _nergens(bekende.bsn)
