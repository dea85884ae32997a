"""Issue 15, break the glass as a journey: from a refused dossier or a search, one link to the request;
under the access the dossier's melding, casus and arrangement open read-only, each read logged as a
break-the-glass; a link the user would still be refused is not shown; the review form is unambiguous."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from arrangementen.models import Aanvraag
from meldingen.models import Melding
from skt import services
from skt.models import Noodtoegang, Toegang

from ..arrangementen.conftest import casus_maken, ingediend_maken, melding_maken

pytestmark = pytest.mark.django_db

REDEN = "De casushouder is ziek en de inwoner belt vandaag met een dringende vraag over zorg."


@pytest.fixture
def dossier(personas):
    """One inwoner of team A (Elst): a melding handed to the loket too, a casus and a submitted plan."""
    melding = melding_maken(personas, dagen_geleden=40)
    casus = casus_maken(personas, melding=melding)
    arrangement = ingediend_maken(personas, melding=melding)
    return melding, casus, arrangement


def _paden(melding, casus, arrangement):
    return {
        "melding": f"/meldingen/{melding.uuid}/",
        "casus": f"/casussen/{casus.uuid}/",
        "arrangement": f"/arrangementen/{arrangement.uuid}/",
    }


def test_zonder_noodtoegang_blijft_alles_dicht(personas, als, dossier):
    client = als(personas.beroepskracht2)
    for soort, pad in _paden(*dossier).items():
        assert client.get(pad).status_code == 404, soort
        assert Toegang.objects.filter(pad=pad, resultaat="geweigerd").exists()
    assert not Toegang.objects.filter(actie="break_the_glass").exists()


def test_onder_noodtoegang_openen_melding_casus_en_arrangement_alleen_lezen(personas, als, dossier):
    melding, casus, arrangement = dossier
    services.noodtoegang_openen(door=personas.beroepskracht2, inwoner_uuid=melding.inwoner.uuid, reden=REDEN)
    client = als(personas.beroepskracht2)
    for soort, pad in _paden(*dossier).items():
        response = client.get(pad)
        assert response.status_code == 200, soort
        inhoud = response.content.decode()
        assert "Noodtoegang: alleen lezen" in inhoud, soort
        rij = Toegang.objects.filter(pad=pad).latest("tijdstip")
        assert (rij.actie, rij.resultaat, rij.inwoner_id) == (
            "break_the_glass",
            "toegestaan",
            melding.inwoner_id,
        )
        assert rij.reden == REDEN
    # Read-only: none of the actions a team member has.
    melding_html = client.get(f"/meldingen/{melding.uuid}/").content.decode()
    assert "Eerste contact vastleggen" not in melding_html and "Doorschakelen" not in melding_html
    assert f'href="/casussen/{casus.uuid}/"' in melding_html
    casus_html = client.get(f"/casussen/{casus.uuid}/").content.decode()
    assert "Contactmoment vastleggen" not in casus_html and "Casus afsluiten" not in casus_html
    assert f'href="/meldingen/{melding.uuid}/"' in casus_html
    arrangement_html = client.get(f"/arrangementen/{arrangement.uuid}/").content.decode()
    assert "Beslissen per onderdeel" not in arrangement_html and "Bewerken" not in arrangement_html


def test_onder_noodtoegang_blijft_elke_handeling_geweigerd(personas, als, dossier):
    melding, casus, _ = dossier
    services.noodtoegang_openen(door=personas.beroepskracht2, inwoner_uuid=melding.inwoner.uuid, reden=REDEN)
    client = als(personas.beroepskracht2)
    voor = Melding.objects.get(pk=melding.pk).status
    response = client.post(
        f"/meldingen/{melding.uuid}/eerste-contact/",
        {"contact-datum": timezone.localdate().isoformat(), "contact-wijze": "telefoon"},
    )
    assert response.status_code == 404
    assert Melding.objects.get(pk=melding.pk).status == voor
    assert client.get(f"/casussen/{casus.uuid}/contactmoment/").status_code == 404
    assert casus.contactmomenten.count() == 0


def test_een_verlopen_noodtoegang_opent_niets_meer(personas, als, dossier):
    melding, _, _ = dossier
    services.noodtoegang_openen(door=personas.beroepskracht2, inwoner_uuid=melding.inwoner.uuid, reden=REDEN)
    Noodtoegang.objects.update(van=timezone.now() - timedelta(days=2), tot=timezone.now() - timedelta(days=1))
    client = als(personas.beroepskracht2)
    for soort, pad in _paden(*dossier).items():
        assert client.get(pad).status_code == 404, soort


def test_veilig_thuis_opent_niet_onder_noodtoegang(personas, als, dossier):
    melding, _, _ = dossier
    services.noodtoegang_openen(door=personas.beroepskracht2, inwoner_uuid=melding.inwoner.uuid, reden=REDEN)
    Melding.objects.filter(pk=melding.pk).update(veilig_thuis=True)
    assert als(personas.beroepskracht2).get(f"/meldingen/{melding.uuid}/").status_code == 404


def test_het_dossier_toont_alleen_links_die_opengaan(personas, als, dossier):
    melding, casus, arrangement = dossier
    aanvraag = Aanvraag.objects.filter(inwoner=melding.inwoner).first()
    assert aanvraag is not None  # triage kernteam_consulent hands the melding to the loket too
    services.noodtoegang_openen(door=personas.beroepskracht2, inwoner_uuid=melding.inwoner.uuid, reden=REDEN)
    client = als(personas.beroepskracht2)
    inhoud = client.get(f"/inwoners/{melding.inwoner.uuid}/").content.decode()
    for pad in _paden(*dossier).values():
        assert f'href="{pad}"' in inhoud
    # The loket's item reads in the timeline, but its page is the loket's: no link to a refusal.
    assert f"/werkvoorraad/{aanvraag.uuid}/" not in inhoud
    links = set(
        re.findall(r'href="(/(?:meldingen|casussen|arrangementen|werkvoorraad)/[0-9a-f-]{36}/)"', inhoud)
    )
    for pad in links:
        assert client.get(pad).status_code == 200, pad


def test_de_geweigerde_dossierpagina_leidt_naar_de_aanvraag(personas, als, dossier):
    melding, _, _ = dossier
    inhoud = als(personas.beroepskracht2).get(f"/inwoners/{melding.inwoner.uuid}/").content.decode()
    assert f'href="/noodtoegang/?inwoner={melding.inwoner.uuid}"' in inhoud
    vrijwilliger = als(personas.vrijwilliger).get(f"/inwoners/{melding.inwoner.uuid}/").content.decode()
    assert "/noodtoegang/" not in vrijwilliger


def test_noodtoegang_op_bsn_en_geboortedatum(personas, als, dossier):
    inwoner = dossier[0].inwoner
    client = als(personas.beroepskracht2)
    formulier = client.get("/noodtoegang/").content.decode()
    assert "BSN van de inwoner" in formulier and "Geboortedatum van de inwoner" in formulier
    fout = client.post(
        "/noodtoegang/",
        {
            "bsn": inwoner.bsn,
            "geboortedatum": (inwoner.geboortedatum - timedelta(days=1)).isoformat(),
            "reden": REDEN,
            "bevestig": "on",
        },
    )
    assert fout.status_code == 200
    assert "Er is geen inwoner met dit BSN en deze geboortedatum" in fout.content.decode()
    assert Noodtoegang.objects.count() == 0
    geweigerd = Toegang.objects.get(actie="break_the_glass", resultaat="geweigerd")
    assert inwoner.bsn not in (geweigerd.reden + geweigerd.object_id + geweigerd.pad)
    leeg = client.post("/noodtoegang/", {"reden": REDEN, "bevestig": "on"}).content.decode()
    assert "Vul het BSN van de inwoner in." in leeg and Noodtoegang.objects.count() == 0
    goed = client.post(
        "/noodtoegang/",
        {
            "bsn": inwoner.bsn,
            "geboortedatum": inwoner.geboortedatum.isoformat(),
            "reden": REDEN,
            "bevestig": "on",
        },
    )
    assert goed.status_code == 302 and goed["Location"] == f"/inwoners/{inwoner.uuid}/"
    assert Noodtoegang.objects.get().inwoner == inwoner


def test_het_beoordelingsformulier_is_eenduidig(personas, als, dossier):
    melding, _, _ = dossier
    nood = services.noodtoegang_openen(
        door=personas.beroepskracht2, inwoner_uuid=melding.inwoner.uuid, reden=REDEN
    )
    inhoud = als(personas.coordinator).get("/noodtoegang/beoordelen/").content.decode()
    fieldset = re.search(r"<fieldset.*?</fieldset>", inhoud, re.S).group(0)
    assert re.search(r"<legend[^>]*>Oordeel", fieldset)
    for waarde, label in (("terecht", "Terecht"), ("onterecht", "Onterecht")):
        radio = re.search(rf'<input type="radio" name="oordeel" value="{waarde}"[^>]*id="([^"]+)"', fieldset)
        assert radio, waarde
        # Each radio sits inside its own label, with its own text.
        assert re.search(rf'<label for="{radio.group(1)}">\s*<input[^>]*>\s*{label}\s*</label>', fieldset)
    assert str(nood.uuid) in inhoud
