"""Casus screens: thin views around the services, Dutch errors next to the fields, nothing saved on error."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casussen import services
from casussen.models import Casus, Contactmoment
from casussen.workflow import CasusStatus

from ..factories import VoorzieningFactory
from .conftest import ALLE_KADERS, casus_maken, contacten_maken

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate


def startformulier(personas, **anders):
    gegevens = {
        "casushouder": personas.beroepskracht.pk,
        "doel": "Zelf de post bijhouden.",
        "toets_collega": personas.vrijwilliger.pk,
        "toets_datum": VANDAAG().isoformat(),
        "toets_uitkomst": "Past.",
        "vrijwilliger_toestemming": "ja",
        "vrijwilliger": personas.vrijwilliger.pk,
        "startdatum": VANDAAG().isoformat(),
        **{veld: "on" for veld in ALLE_KADERS},
    }
    gegevens.update(anders)
    return {k: v for k, v in gegevens.items() if v is not None}


def test_casus_starten_via_het_formulier(personas, melding, als):
    client = als(personas.beroepskracht)
    pagina = client.get(f"/casussen/nieuw/{melding.uuid}/").content.decode()
    assert "Kaders kortdurende ondersteuning" in pagina and "Collegiale toets" in pagina
    assert melding.vraag in pagina
    response = client.post(f"/casussen/nieuw/{melding.uuid}/", startformulier(personas))
    casus = Casus.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/casussen/{casus.uuid}/"
    assert casus.status == CasusStatus.LOPEND and casus.vrijwilliger == personas.vrijwilliger
    # A second visit to the start page leads to the running casus instead of a second one.
    assert client.get(f"/casussen/nieuw/{melding.uuid}/")["Location"] == f"/casussen/{casus.uuid}/"


def test_ontbrekend_kader_en_toets_geven_fouten_bij_het_veld(personas, melding, als):
    formulier = startformulier(
        personas, kader_leerbaar=None, toets_uitkomst="", vrijwilliger_toestemming="nee"
    )
    response = als(personas.beroepskracht).post(f"/casussen/nieuw/{melding.uuid}/", formulier)
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Er is niets opgeslagen" in inhoud
    assert "bereid en in staat is om te leren" in inhoud
    assert "utrecht-form-field--invalid" in inhoud
    assert Casus.objects.count() == 0
    # The service's rules reach the fields too once the form itself is complete.
    formulier = startformulier(
        personas, vrijwilliger_toestemming="nee", toets_collega=personas.beroepskracht.pk
    )
    inhoud = als(personas.beroepskracht).post(f"/casussen/nieuw/{melding.uuid}/", formulier).content.decode()
    assert "instemt" in inhoud and "ándere collega" in inhoud
    assert Casus.objects.count() == 0


def test_twijfel_advies_en_start_via_de_schermen(personas, melding, als):
    beroepskracht, coordinator = als(personas.beroepskracht), als(personas.coordinator)
    beroepskracht.post(
        f"/casussen/nieuw/{melding.uuid}/",
        startformulier(personas, twijfel="on", adviesvraag="Schulden en mogelijk GGZ: past dit?"),
    )
    casus = Casus.objects.get()
    assert casus.status == CasusStatus.WACHT_OP_ADVIES
    assert "wacht op het advies" in beroepskracht.get(f"/casussen/{casus.uuid}/").content.decode()
    wachtrij = coordinator.get("/adviesvragen/").content.decode()
    assert "Schulden en mogelijk GGZ" in wachtrij and casus.nummer in wachtrij
    assert coordinator.post(f"/casussen/{casus.uuid}/advies/", {"advies": ""}).status_code == 200
    casus.refresh_from_db()
    assert casus.status == CasusStatus.WACHT_OP_ADVIES
    response = coordinator.post(
        f"/casussen/{casus.uuid}/advies/", {"past_binnen_kaders": "ja", "advies": "Prima."}
    )
    assert response.status_code == 302
    assert "Er wachten geen adviesvragen" in coordinator.get("/adviesvragen/").content.decode()
    beroepskracht.post(f"/casussen/{casus.uuid}/starten/", {"startdatum": VANDAAG().isoformat()})
    casus.refresh_from_db()
    assert casus.status == CasusStatus.LOPEND


def test_teller_waarschuwing_en_de_drie_wegen_bij_het_maximum(personas, casus, als, klein_maximum):
    client = als(personas.beroepskracht)
    url = f"/casussen/{casus.uuid}/contactmoment/"
    formulier = {
        "datum": VANDAAG().isoformat(),
        "soort": "telefoon",
        "duur_minuten": "30",
        "deelnemers": ["met_beroepskracht"],
        "verslag": "Gebeld.",
    }
    response = client.post(url, formulier, follow=True)
    inhoud = response.content.decode()
    assert "Contactmoment 1 van 3 is vastgelegd." in inhoud
    assert "1 van 3" in inhoud and "Nog 2 contactmomenten tot het maximum van 3" in inhoud
    client.post(url, formulier)
    client.post(url, formulier)
    detail = client.get(f"/casussen/{casus.uuid}/").content.decode()
    assert "3 van 3" in detail and "maximum van 3 contactmomenten is bereikt" in detail
    for reden in ("doel_bereikt", "doorverwezen_0e_1e_lijn", "opgeschaald_loket"):
        assert f"/afsluiten/?reden={reden}" in detail
    # The form page offers the ways on instead of the form; a forced post is refused with the reason.
    pagina = client.get(url).content.decode()
    assert "Opschalen naar het loket" in pagina and "<form" not in pagina.split("<main", 1)[1]
    response = client.post(url, formulier)
    assert response.status_code == 200
    assert "maximum van 3 contactmomenten bereikt" in response.content.decode()
    assert Contactmoment.objects.filter(casus=casus).count() == 3


def test_fout_contactmoment_toont_fout_bij_het_veld(personas, casus, als):
    response = als(personas.beroepskracht).post(
        f"/casussen/{casus.uuid}/contactmoment/",
        {
            "datum": (casus.startdatum - timedelta(days=1)).isoformat(),
            "soort": "gezamenlijk_huisbezoek",
            "duur_minuten": "45",
            "deelnemers": ["met_beroepskracht"],
        },
    )
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "datum van het contact ligt vóór" in inhoud
    assert Contactmoment.objects.count() == 0
    response = als(personas.beroepskracht).post(
        f"/casussen/{casus.uuid}/contactmoment/",
        {
            "datum": VANDAAG().isoformat(),
            "soort": "gezamenlijk_huisbezoek",
            "duur_minuten": "45",
            "deelnemers": [],
        },
    )
    assert "Kruis aan wie er bij het contact waren." in response.content.decode()
    assert Contactmoment.objects.count() == 0


def test_waarschuwing_bij_eerste_huisbezoek_zonder_vrijwilliger(personas, casus, als):
    response = als(personas.beroepskracht).post(
        f"/casussen/{casus.uuid}/contactmoment/",
        {
            "datum": VANDAAG().isoformat(),
            "soort": "huisbezoek",
            "duur_minuten": "60",
            "deelnemers": ["met_beroepskracht"],
        },
        follow=True,
    )
    assert "eerste huisbezoek" in response.content.decode()
    assert Contactmoment.objects.count() == 1


def test_zrm_formulier_met_niet_besproken_als_standaard(personas, casus, als, leefgebieden):
    client = als(personas.beroepskracht)
    pagina = client.get(f"/casussen/{casus.uuid}/zrm/").content.decode()
    assert pagina.count('<option value="" selected>Niet besproken</option>') == len(leefgebieden)
    response = client.post(
        f"/casussen/{casus.uuid}/zrm/",
        {
            "moment": "start",
            "datum": casus.startdatum.isoformat(),
            "zrm_financien": "2",
            "zrm_huisvesting": "",
        },
    )
    assert response.status_code == 302
    assert dict(casus.zrm_scores.values_list("leefgebied__code", "score")) == {"financien": 2}
    response = client.post(
        f"/casussen/{casus.uuid}/zrm/",
        {"moment": "start", "datum": VANDAAG().isoformat(), "zrm_financien": "7"},
    )
    assert response.status_code == 200
    assert "1 tot en met 5" in response.content.decode()
    assert casus.zrm_scores.get().score == 2


def test_afsluiten_met_zrm_en_de_verandering_op_de_casus(personas, casus, als, leefgebieden):
    client = als(personas.beroepskracht)
    services.zrm_vastleggen(
        door=personas.beroepskracht,
        casus=casus,
        moment="start",
        datum=casus.startdatum,
        scores={"financien": 2, "huisvesting": 4},
    )
    url = f"/casussen/{casus.uuid}/afsluiten/"
    response = client.post(url, {"resultaat": "Klaar.", "datum": VANDAAG().isoformat()})
    assert response.status_code == 200 and "Kies de reden van afsluiten." in response.content.decode()
    response = client.post(
        url, {"reden": "doorverwezen_0e_1e_lijn", "resultaat": "Naar AMW.", "datum": VANDAAG().isoformat()}
    )
    assert "sociale kaart" in response.content.decode()
    casus.refresh_from_db()
    assert casus.status == CasusStatus.LOPEND
    voorziening = VoorzieningFactory(naam="Algemeen maatschappelijk werk", soort="eerste_lijn")
    response = client.post(
        url,
        {
            "reden": "doorverwezen_0e_1e_lijn",
            "doorverwezen_naar": voorziening.pk,
            "resultaat": "Naar AMW.",
            "datum": VANDAAG().isoformat(),
            "zrm_financien": "4",
            "zrm_huisvesting": "3",
            "cijfer": "8",
        },
        follow=True,
    )
    inhoud = response.content.decode()
    assert "De casus is afgesloten." in inhoud
    assert "+2 beter" in inhoud and "-1 slechter" in inhoud
    assert "Algemeen maatschappelijk werk" in inhoud and "Vinger aan de pols vastleggen" in inhoud


def test_vinger_aan_de_pols_na_afsluiten_telt_niet(personas, casus, als):
    contacten_maken(personas, casus, 2)
    services.casus_afsluiten(
        door=personas.beroepskracht, casus=casus, reden="doel_bereikt", resultaat="Klaar."
    )
    client = als(personas.beroepskracht)
    pagina = client.get(f"/casussen/{casus.uuid}/contactmoment/").content.decode()
    assert "Vinger aan de pols vastleggen" in pagina
    response = client.post(
        f"/casussen/{casus.uuid}/contactmoment/",
        {
            "datum": VANDAAG().isoformat(),
            "soort": "telefoon",
            "duur_minuten": "10",
            "deelnemers": ["met_beroepskracht"],
        },
        follow=True,
    )
    assert "telt niet mee" in response.content.decode()
    assert services.tellende_contactmomenten(casus) == 2
    assert casus.contactmomenten.filter(is_vinger_aan_de_pols=True).count() == 1
    assert "2 van 10" in client.get(f"/casussen/{casus.uuid}/").content.decode()


def test_vrijwilliger_en_toestemming_wijzigen(personas, melding, als):
    casus = casus_maken(personas, melding, vrijwilliger_toestemming=None, vrijwilliger=None)
    client = als(personas.beroepskracht)
    url = f"/casussen/{casus.uuid}/vrijwilliger/"
    response = client.post(
        url, {"vrijwilliger_toestemming": "onbekend", "vrijwilliger": personas.vrijwilliger.pk}
    )
    assert response.status_code == 200 and "instemt" in response.content.decode()
    client.post(url, {"vrijwilliger_toestemming": "ja", "vrijwilliger": personas.vrijwilliger.pk})
    casus.refresh_from_db()
    assert casus.vrijwilliger == personas.vrijwilliger
    assert als(personas.vrijwilliger).get(f"/casussen/{casus.uuid}/").status_code == 200


def test_caseload_toont_telling_dagen_en_achterstand(personas, casus, als, klein_maximum):
    contacten_maken(personas, casus, 3)
    inhoud = als(personas.beroepskracht).get("/casussen/").content.decode()
    assert casus.nummer in inhoud and "3 van 3" in inhoud
    assert "maximum bereikt" in inhoud
    assert ">10<" in inhoud  # started ten days ago
    team = als(personas.coordinator).get("/caseload/").content.decode()
    assert "Open casussen per team" in team and casus.inwoner.naam in team


def test_werkblok_voor_mijn_werk(personas, casus, klein_maximum):
    from django.template.loader import render_to_string

    from casussen.bijdragen import werkblokken as werkblokken_voor

    casus_maken(personas, twijfel=True, adviesvraag="Past dit?")
    contacten_maken(personas, casus, 3)
    (blok,) = werkblokken_voor(personas.beroepskracht)
    assert (blok["lopend"], blok["aan_maximum"], blok["wacht_op_advies"]) == (1, 1, 1)
    html = render_to_string("casussen/_werkblok.html", {"blok": blok})
    assert "Mijn casussen" in html and "1: besluit nodig" in html
    (blok,) = werkblokken_voor(personas.coordinator)
    assert blok["adviesvragen"] == 1
    assert "1 adviesvraag voor u" in render_to_string("casussen/_werkblok.html", {"blok": blok})
    (blok,) = werkblokken_voor(personas.vrijwilliger)
    assert blok["lopend"] == 1  # the casus they are on
    assert werkblokken_voor(personas.poort) == [] and werkblokken_voor(personas.consulent) == []


def test_casus_bij_melding_voor_de_meldingpagina(personas, melding):
    from casussen.selectors import casus_bij_melding
    from meldingen.services import melding_eerste_contact_vastleggen

    # Not before first contact: that is the melding's next step.
    assert casus_bij_melding(personas.beroepskracht, melding) == {"casus": None, "mag_starten": False}
    melding_eerste_contact_vastleggen(
        door=personas.beroepskracht,
        melding=melding,
        datum=melding.aanmeldingsdatum,
        wijze="telefoon",
        contact_door=personas.beroepskracht,
    )
    melding.refresh_from_db()
    assert casus_bij_melding(personas.beroepskracht, melding) == {"casus": None, "mag_starten": True}
    assert casus_bij_melding(personas.beroepskracht2, melding)["mag_starten"] is False
    assert casus_bij_melding(personas.vrijwilliger, melding)["mag_starten"] is False
    casus = casus_maken(personas, melding)
    assert casus_bij_melding(personas.beroepskracht, melding) == {"casus": casus, "mag_starten": False}
    # Another team does not learn that a casus exists.
    assert casus_bij_melding(personas.beroepskracht2, melding)["casus"] is None
