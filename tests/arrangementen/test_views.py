"""Arrangement screens: the flow through the forms, Dutch errors not error pages, fixed query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from arrangementen import services
from arrangementen.models import Arrangement, Notificatie, Onderdeel
from arrangementen.workflow import ArrangementStatus

from .conftest import (
    PLANTEKST,
    VANDAAG,
    categorie,
    concept_maken,
    ingediend_maken,
    melding_maken,
    toekennen_alles,
    zorgaanbieder,
)

pytestmark = pytest.mark.django_db


def formulier(onderdelen: list[dict], bestaand: int = 0, **plan) -> dict:
    data = {"wet": "wmo", **PLANTEKST, **plan}
    data.update(
        {
            "onderdelen-TOTAL_FORMS": str(len(onderdelen)),
            "onderdelen-INITIAL_FORMS": str(bestaand),
            "onderdelen-MIN_NUM_FORMS": "0",
            "onderdelen-MAX_NUM_FORMS": "30",
        }
    )
    for i, onderdeel in enumerate(onderdelen):
        for veld, waarde in onderdeel.items():
            data[f"onderdelen-{i}-{veld}"] = waarde
    return data


def maatwerk_velden(**anders) -> dict:
    velden = {
        "soort": "maatwerkvoorziening",
        "categorie": str(categorie("wmo", "01").pk),
        "omschrijving": "Hulp bij het huishouden",
        "omvang": "3 uur",
        "frequentie": "per week",
        "duur": "6 maanden",
        "indicatieve_kosten": "1.250,50",
    }
    velden.update(anders)
    return velden


def test_opstellen_vanuit_melding_opslaan_en_indienen(personas, als):
    melding = melding_maken(personas)
    client = als(personas.beroepskracht)
    url = reverse("arrangementen:nieuw") + f"?melding={melding.uuid}"
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert "Arrangement opstellen" in antwoord.content.decode()
    antwoord = client.post(url, formulier([maatwerk_velden(), {"soort": ""}], indienen="1"))
    arrangement = Arrangement.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("arrangementen:indienen", args=[arrangement.uuid])
    onderdeel = arrangement.onderdelen.get()
    assert onderdeel.indicatieve_kosten == pytest.approx(1250.50)
    # The confirmation page, then the real submission.
    assert "Definitief indienen" in client.get(antwoord["Location"]).content.decode()
    antwoord = client.post(reverse("arrangementen:indienen", args=[arrangement.uuid]))
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.INGEDIEND
    assert "ingediend" in client.get(antwoord["Location"]).content.decode()


def test_negatieve_kosten_in_het_formulier_geven_een_nederlandse_fout(personas, als):
    melding = melding_maken(personas)
    url = reverse("arrangementen:nieuw") + f"?melding={melding.uuid}"
    antwoord = als(personas.beroepskracht).post(url, formulier([maatwerk_velden(indicatieve_kosten="-5")]))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "De kosten kunnen niet negatief zijn." in html
    assert "Er is niets opgeslagen" in html
    assert Arrangement.objects.count() == Onderdeel.objects.count() == 0


def test_bewerken_en_onderdeel_verwijderen(personas, als):
    arrangement = concept_maken(personas)
    maatwerk_o, netwerk_o = arrangement.onderdelen.order_by("volgorde")
    client = als(personas.beroepskracht)
    url = reverse("arrangementen:bewerken", args=[arrangement.uuid])
    assert client.get(url).status_code == 200
    data = formulier(
        [
            maatwerk_velden(uuid=str(maatwerk_o.uuid), omvang="4 uur"),
            {"uuid": str(netwerk_o.uuid), "soort": "netwerk", "omschrijving": "x", "verwijderen": "on"},
            {"soort": ""},
        ],
        bestaand=2,
        doel="Nieuw doel",
    )
    antwoord = client.post(url, data)
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    arrangement.refresh_from_db()
    assert arrangement.doel == "Nieuw doel"
    assert list(arrangement.onderdelen.values_list("omvang", flat=True)) == ["4 uur"]


def test_onvolledig_indienen_terug_naar_bewerken_met_uitleg(personas, als):
    arrangement = concept_maken(personas, doel="")
    client = als(personas.beroepskracht)
    antwoord = client.post(reverse("arrangementen:indienen", args=[arrangement.uuid]), follow=True)
    html = antwoord.content.decode()
    assert "Beschrijf het doel" in html and "niet ingediend" in html
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.CONCEPT


def test_consulent_neemt_in_behandeling_stuurt_terug_en_kent_toe(personas, als):
    arrangement = ingediend_maken(personas)
    consulent = als(personas.consulent)
    html = consulent.get(reverse("arrangementen:wachtrij")).content.decode()
    assert arrangement.nummer in html
    consulent.post(reverse("arrangementen:in_behandeling_nemen", args=[arrangement.uuid]))
    # Returning needs a comment: a Dutch error, nothing changed.
    antwoord = consulent.post(
        reverse("arrangementen:terugsturen", args=[arrangement.uuid]), {"toelichting": ""}
    )
    assert antwoord.status_code == 200 and "ontbreekt" in antwoord.content.decode()
    consulent.post(reverse("arrangementen:terugsturen", args=[arrangement.uuid]), {"toelichting": "Omvang?"})
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.TERUGGESTUURD
    beroepskracht = als(personas.beroepskracht)
    assert (
        "Omvang?"
        in beroepskracht.get(reverse("arrangementen:bewerken", args=[arrangement.uuid])).content.decode()
    )
    beroepskracht.post(reverse("arrangementen:indienen", args=[arrangement.uuid]))
    consulent.post(reverse("arrangementen:in_behandeling_nemen", args=[arrangement.uuid]))
    onderdelen = list(arrangement.onderdelen.order_by("volgorde"))
    url = reverse("arrangementen:beslissen", args=[arrangement.uuid])
    assert consulent.get(url).status_code == 200
    # Beschikking date before the aanvraag: refused next to the field.
    slecht = {
        "o0-besluit": "toekennen",
        "o0-beschikkingsnummer": "BS-1",
        "o0-beschikkingsdatum": (VANDAAG() - timedelta(days=400)).isoformat(),
        "o1-besluit": "niet_toekennen",
        "o1-reden": "",
    }
    antwoord = consulent.post(url, slecht)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "vóór de aanvraag" in html and "Geef de reden" in html
    aanbieder = zorgaanbieder()
    goed = {
        **slecht,
        "o0-beschikkingsdatum": VANDAAG().isoformat(),
        "o0-product": "01A01 Hulp bij het huishouden",
        "o0-zorgaanbieder": str(aanbieder.pk),
        "o0-leveringsvorm": "zin",
        "o0-omvang_eenheden": "3",
        "o0-omvang_eenheid": "uur",
        "o0-omvang_periode": "week",
        "o0-ingangsdatum": VANDAAG().isoformat(),
        "o0-einddatum": (VANDAAG() + timedelta(days=182)).isoformat(),
        "o1-besluit": "toekennen",
    }
    antwoord = consulent.post(url, goed)
    assert antwoord.status_code == 302
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.GOEDGEKEURD
    assert onderdelen[0].__class__.objects.get(pk=onderdelen[0].pk).beoordeling.beschikkingsnummer == "BS-1"
    # The drafter sees it under Berichten; opening a message leads to the plan, and the 'Gelezen'
    # button (POST; a GET changes nothing, issue 11) marks it read.
    html = beroepskracht.get(reverse("arrangementen:berichten")).content.decode()
    assert "goedgekeurd" in html
    bericht = Notificatie.objects.filter(medewerker=personas.beroepskracht).order_by("-aangemaakt_op").first()
    antwoord = beroepskracht.get(reverse("arrangementen:bericht", args=[bericht.uuid]))
    assert antwoord["Location"] == reverse("arrangementen:detail", args=[arrangement.uuid])
    bericht.refresh_from_db()
    assert not bericht.is_gelezen
    beroepskracht.post(reverse("arrangementen:bericht", args=[bericht.uuid]))
    bericht.refresh_from_db()
    assert bericht.is_gelezen
    assert beroepskracht.get(reverse("arrangementen:bericht", args=[bericht.uuid])).status_code == 302
    assert (
        als(personas.beroepskracht2).get(reverse("arrangementen:bericht", args=[bericht.uuid])).status_code
        == 404
    )


def test_tweede_consulent_te_laat_krijgt_een_melding(personas, als):
    arrangement = ingediend_maken(personas)
    services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement)
    services.arrangement_beslissen(
        door=personas.consulent, arrangement=arrangement, beslissingen=toekennen_alles(arrangement)
    )
    from ..factories import medewerker_maken

    collega = medewerker_maken("consulent2", "consulent_wmo", teams=[personas.loket])
    antwoord = als(collega).post(
        reverse("arrangementen:afwijzen", args=[arrangement.uuid]), {"reden": "Te duur."}, follow=True
    )
    assert antwoord.status_code == 200
    assert "al over dit arrangement beslist" in antwoord.content.decode()
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.GOEDGEKEURD


def test_termijn_verlengen_via_het_scherm(personas, als):
    arrangement = ingediend_maken(personas)
    consulent = als(personas.consulent)
    consulent.post(reverse("arrangementen:in_behandeling_nemen", args=[arrangement.uuid]))
    url = reverse("arrangementen:verlengen", args=[arrangement.uuid])
    antwoord = consulent.post(url, {"nieuwe_einddatum": VANDAAG().isoformat(), "reden": "Advies nodig."})
    assert antwoord.status_code == 200 and "na de huidige" in antwoord.content.decode()
    antwoord = consulent.post(url, {"nieuwe_einddatum": "", "reden": ""})
    assert antwoord.status_code == 200 and "Geef de reden" in antwoord.content.decode()
    nieuw = VANDAAG() + timedelta(weeks=6)
    assert (
        consulent.post(url, {"nieuwe_einddatum": nieuw.isoformat(), "reden": "Advies nodig."}).status_code
        == 302
    )
    arrangement.refresh_from_db()
    assert arrangement.beslistermijn_einde == nieuw
    assert (
        "verlengd" in consulent.get(reverse("arrangementen:detail", args=[arrangement.uuid])).content.decode()
    )


def test_interne_notitie_via_het_scherm(personas, als):
    arrangement = ingediend_maken(personas)
    url = reverse("arrangementen:notitie", args=[arrangement.uuid])
    assert als(personas.beroepskracht).post(url, {"tekst": "x"}).status_code == 403
    als(personas.consulent).post(url, {"tekst": "Navragen bij de huisarts."})
    assert arrangement.interne_notities.count() == 1


def test_versie_en_inwonerpagina(personas, als):
    arrangement = ingediend_maken(personas)
    client = als(personas.beroepskracht)
    html = client.get(reverse("arrangementen:versie", args=[arrangement.uuid, 1])).content.decode()
    assert PLANTEKST["doel"] in html
    assert client.get(reverse("arrangementen:versie", args=[arrangement.uuid, 2])).status_code == 404
    html = client.get(reverse("arrangementen:inwoner", args=[arrangement.inwoner.uuid])).content.decode()
    assert arrangement.nummer in html


# -- query counts -------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    return len(vastgelegd)


PAGINAS = [
    ("consulent", "arrangementen:wachtrij"),
    ("consulent", "arrangementen:termijnen"),
    ("beroepskracht", "arrangementen:overzicht"),
    ("coordinator", "arrangementen:termijnen"),
    ("coordinator", "arrangementen:overzicht"),
    ("beroepskracht", "arrangementen:berichten"),
]


def test_lijsten_hebben_een_vast_aantal_queries(personas, als):
    """1, 10 and 100 plans (every one overdue, resubmitted, with messages): the same number of queries."""
    melding = melding_maken(personas, dagen_geleden=60)
    gemaakt = 0
    aantallen = {f"{persona} {naam}": {} for persona, naam in PAGINAS}
    for doel in (1, 10, 100):
        while gemaakt < doel:
            arrangement = ingediend_maken(
                personas, melding=melding, aanvraagdatum=VANDAAG() - timedelta(days=30 + gemaakt % 20)
            )
            services.arrangement_terugsturen(
                door=personas.consulent, arrangement=arrangement, toelichting="Aanvullen."
            )
            services.arrangement_indienen(door=personas.beroepskracht, arrangement=arrangement)
            gemaakt += 1
        for persona, naam in PAGINAS:
            aantallen[f"{persona} {naam}"][doel] = _queries(als(getattr(personas, persona)), reverse(naam))
    for pagina, per_aantal in aantallen.items():
        assert per_aantal[1] == per_aantal[10] == per_aantal[100], (pagina, per_aantal)
        print(f"\n{pagina}: {per_aantal[100]} queries bij 1, 10 en 100 arrangementen")


def test_opstellen_vanuit_een_casus_via_het_overzicht(personas, als):
    from .conftest import casus_maken

    casus = casus_maken(personas)
    client = als(personas.beroepskracht)
    html = client.get(reverse("arrangementen:overzicht")).content.decode()
    assert f'value="{casus.uuid}"' in html
    assert (
        "Nieuw arrangement vanuit casus"
        not in als(personas.beroepskracht2).get(reverse("arrangementen:overzicht")).content.decode()
    )
    url = reverse("arrangementen:nieuw") + f"?casus={casus.uuid}"
    antwoord = client.post(url, formulier([maatwerk_velden()]))
    assert antwoord.status_code == 302
    arrangement = Arrangement.objects.get()
    assert (arrangement.casus, arrangement.melding, arrangement.team) == (
        casus,
        casus.melding,
        personas.team_a,
    )
    assert als(personas.beroepskracht2).get(url).status_code == 404


@pytest.mark.parametrize(
    ("naam", "kop"),
    [
        ("terugsturen", "Terugsturen voor aanvulling"),
        ("afwijzen", "Arrangement afwijzen"),
        ("verlengen", "Beslistermijn verlengen (Awb 4:14)"),
    ],
)
def test_redenscherm_heeft_kop_in_titel_en_h1_en_de_stijl_in_de_head(personas, als, naam, kop):
    arrangement = ingediend_maken(personas)
    services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement)
    html = (
        als(personas.consulent)
        .get(reverse(f"arrangementen:{naam}", args=[arrangement.uuid]))
        .content.decode()
    )
    head, body = html.split("</head>", 1)
    assert f"<title>{kop} · arrangement {arrangement.nummer} · SKT</title>" in head
    assert "arrangementen/arrangementen.css" in head and "<link" not in body
    assert f'<h1 class="utrecht-heading-1">{kop}</h1>' in body
