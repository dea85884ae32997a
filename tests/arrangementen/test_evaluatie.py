"""After the decision (werkwijze steps 6-7): evaluatiedatum, evaluation, its next steps, rights and lists."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from arrangementen import rechten as arrangement_rechten
from arrangementen import services
from arrangementen.models import Arrangement, Beoordeling, Evaluatie, Notificatie
from arrangementen.services.evalueren import arrangement_evalueren, evaluatiedatum_bepalen, plus_maanden
from skt.models import GemeenteProfiel, Toegang

from .conftest import (
    VANDAAG,
    concept_maken,
    ingediend_maken,
    maatwerk,
    melding_maken,
    netwerk,
    toekennen_alles,
)

pytestmark = pytest.mark.django_db


def _toegekend(personas, *, door=None, **kwargs) -> Arrangement:
    arrangement = ingediend_maken(personas, **kwargs)
    services.arrangement_in_behandeling_nemen(door=door or personas.consulent, arrangement=arrangement)
    services.arrangement_beslissen(
        door=door or personas.consulent, arrangement=arrangement, beslissingen=toekennen_alles(arrangement)
    )
    arrangement.refresh_from_db()
    return arrangement


def _evalueren(personas, arrangement, *, door=None, **anders) -> Evaluatie:
    gegevens = {
        "doel_bereikt": "deels",
        "notitie": "Het huis is schoon; boodschappen lukken nog niet.",
        "vervolg": "voortzetten",
    }
    gegevens.update(anders)
    return arrangement_evalueren(door=door or personas.beroepskracht, arrangement=arrangement, **gegevens)


def _stand(arrangement) -> tuple:
    """Everything an evaluation may change, to show a refusal changed nothing."""
    arrangement.refresh_from_db()
    return (
        arrangement.status,
        arrangement.evaluatiedatum,
        arrangement.beeindigd_op,
        arrangement.statusregels.count(),
        Evaluatie.objects.count(),
        Arrangement.objects.count(),
        Notificatie.objects.count(),
        tuple(Beoordeling.objects.order_by("pk").values_list("beeindigd_op", flat=True)),
    )


def _profiel_evaluatie_maanden(maanden: int) -> None:
    profiel = GemeenteProfiel.objects.get(actief=True)
    profiel.instellingen = {
        **profiel.instellingen,
        "termijnen": {**profiel.instellingen.get("termijnen", {}), "evaluatie_maanden": maanden},
    }
    profiel.save()


# -- the rule ---------------------------------------------------------------------------------


def test_de_regel_drie_maanden_of_halverwege_de_vroegste_einddatum():
    besluit = date(2024, 1, 31)
    assert plus_maanden(besluit, 1) == date(2024, 2, 29)
    assert evaluatiedatum_bepalen(besluit, [], 3) == date(2024, 4, 30)
    # The earliest einddatum two months away: halfway, sooner than three months.
    assert evaluatiedatum_bepalen(besluit, [date(2024, 3, 31), None, date(2025, 1, 1)], 3) == date(2024, 3, 1)
    # An einddatum far ahead: the months win.
    assert evaluatiedatum_bepalen(besluit, [date(2025, 1, 31)], 3) == date(2024, 4, 30)


def test_een_toegekend_plan_krijgt_de_evaluatiedatum_uit_het_profiel(personas):
    arrangement = _toegekend(personas)
    einddata = Beoordeling.objects.filter(onderdeel__arrangement=arrangement).values_list(
        "einddatum", flat=True
    )
    assert arrangement.evaluatiedatum == evaluatiedatum_bepalen(VANDAAG(), list(einddata), 3)
    assert arrangement.evaluatiedatum <= plus_maanden(VANDAAG(), 3)
    _profiel_evaluatie_maanden(1)
    ander = _toegekend(personas)
    assert ander.evaluatiedatum == plus_maanden(VANDAAG(), 1)


def test_een_afgewezen_plan_krijgt_geen_evaluatiedatum(personas):
    arrangement = ingediend_maken(personas)
    services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement)
    services.arrangement_afwijzen(
        door=personas.consulent, arrangement=arrangement, reden="Geen maatwerk nodig."
    )
    arrangement.refresh_from_db()
    assert arrangement.evaluatiedatum is None


# -- the next steps ---------------------------------------------------------------------------


def test_voortzetten_zet_de_volgende_evaluatiedatum(personas):
    arrangement = _toegekend(personas)
    gepland = arrangement.evaluatiedatum
    volgende = VANDAAG() + timedelta(days=40)
    evaluatie = _evalueren(personas, arrangement, volgende_evaluatie=volgende)
    arrangement.refresh_from_db()
    assert (evaluatie.door, evaluatie.gepland_op, evaluatie.volgende_evaluatie) == (
        personas.beroepskracht,
        gepland,
        volgende,
    )
    assert arrangement.evaluatiedatum == volgende
    assert arrangement.status == "goedgekeurd"
    assert arrangement.statusregels.last().actie == "evalueren"


def test_voortzetten_zonder_datum_gebruikt_de_regel(personas):
    arrangement = _toegekend(personas)
    _evalueren(personas, arrangement)
    arrangement.refresh_from_db()
    assert arrangement.evaluatiedatum == plus_maanden(VANDAAG(), 3)


def test_afschalen_wordt_vastgelegd_met_notitie_en_nieuwe_datum(personas):
    arrangement = _toegekend(personas)
    evaluatie = _evalueren(personas, arrangement, vervolg="afschalen", notitie="Twee uur per week is genoeg.")
    arrangement.refresh_from_db()
    assert evaluatie.vervolg == "afschalen" and evaluatie.notitie == "Twee uur per week is genoeg."
    assert arrangement.status == "goedgekeurd" and arrangement.evaluatiedatum > VANDAAG()


def test_beeindigen_beeindigt_plan_en_lopende_voorzieningen_en_meldt_de_consulent(personas):
    arrangement = _toegekend(personas)
    einde = VANDAAG() + timedelta(days=14)
    _evalueren(
        personas,
        arrangement,
        vervolg="beeindigen",
        doel_bereikt="ja",
        einddatum=einde,
        reden_einde="Doel bereikt.",
    )
    arrangement.refresh_from_db()
    assert (arrangement.status, arrangement.beeindigd_op) == ("beeindigd", einde)
    beoordelingen = Beoordeling.objects.filter(onderdeel__arrangement=arrangement)
    assert {(b.beeindigd_op, b.beeindigd_reden) for b in beoordelingen} == {(einde, "Doel bereikt.")}
    assert Notificatie.objects.filter(medewerker=personas.consulent, arrangement=arrangement).exists()


def test_een_consulent_die_evalueert_meldt_het_team_van_de_opsteller(personas):
    arrangement = _toegekend(personas)
    _evalueren(personas, arrangement, door=personas.consulent)
    assert Notificatie.objects.filter(
        medewerker=personas.beroepskracht, tekst__contains="geëvalueerd"
    ).exists()
    assert not Notificatie.objects.filter(
        medewerker=personas.consulent, tekst__contains="geëvalueerd"
    ).exists()


def test_bijstellen_alleen_het_gewijzigde_onderdeel_gaat_naar_de_consulent(personas):
    oud = _toegekend(
        personas, onderdelen=[maatwerk(), netwerk(), maatwerk("wmo", "02", omschrijving="Begeleiding.")]
    )
    evaluatie = _evalueren(personas, oud, vervolg="bijstellen", notitie="Begeleiding moet omhoog.")
    nieuw = evaluatie.bijstelling
    assert (nieuw.status, nieuw.vorige, nieuw.team, nieuw.wet, nieuw.route) == (
        "concept",
        oud,
        oud.team,
        "wmo",
        oud.route,
    )
    oud.refresh_from_db()
    assert oud.status == "goedgekeurd", "the old plan runs until the adjustment is decided"
    # Only one open adjustment at a time.
    with pytest.raises(ValidationError) as fout:
        _evalueren(personas, oud, vervolg="bijstellen")
    assert "vervolg" in fout.value.message_dict

    onderdelen = [
        {
            **{v: getattr(o, v) for v in services.ONDERDEEL_VELDEN},
            "uuid": o.uuid,
            "indicatieve_kosten": o.indicatieve_kosten,
        }
        for o in nieuw.onderdelen.order_by("volgorde", "pk")
    ]
    assert len(onderdelen) == 3
    onderdelen[2]["omvang"] = "5 uur"
    services.arrangement_opslaan(
        door=personas.beroepskracht, arrangement=nieuw, gegevens={}, onderdelen=onderdelen
    )
    services.arrangement_indienen(door=personas.beroepskracht, arrangement=nieuw)
    services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=nieuw)
    gewijzigd = nieuw.onderdelen.get(omvang="5 uur")
    # Deciding names the changed onderdeel only; the unchanged ones would be unknown to the decision.
    services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=nieuw,
        beslissingen=[
            services.Beslissing(onderdeel=str(gewijzigd.uuid), toegekend=False, reden="Drie uur volstaat.")
        ],
    )
    nieuw.refresh_from_db()
    oud.refresh_from_db()
    assert nieuw.status == "gedeeltelijk_goedgekeurd"
    besluit = {o.omvang: o.beoordeling for o in nieuw.onderdelen.select_related("beoordeling")}
    assert not besluit["5 uur"].toegekend
    overgenomen = [b for omvang, b in besluit.items() if omvang != "5 uur"]
    assert all(b.toegekend for b in overgenomen)
    origineel = Beoordeling.objects.get(onderdeel__arrangement=oud, onderdeel__categorie__code="01")
    kopie = nieuw.onderdelen.get(categorie__code="01").beoordeling
    assert (kopie.beschikkingsnummer, kopie.beoordeeld_door) == (
        origineel.beschikkingsnummer,
        origineel.beoordeeld_door,
    )
    # The new version is in force: the old one ended, its voorzieningen with it.
    assert (oud.status, oud.beeindigd_op) == ("beeindigd", VANDAAG())
    assert nieuw.evaluatiedatum is not None


def test_een_afgewezen_bijstelling_laat_het_oude_plan_lopen(personas):
    oud = _toegekend(personas)
    nieuw = _evalueren(personas, oud, vervolg="bijstellen").bijstelling
    services.arrangement_indienen(door=personas.beroepskracht, arrangement=nieuw)
    services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=nieuw)
    services.arrangement_afwijzen(door=personas.consulent, arrangement=nieuw, reden="Niet nodig.")
    oud.refresh_from_db()
    assert (oud.status, oud.beeindigd_op) == ("goedgekeurd", None)


# -- refusals ---------------------------------------------------------------------------------


def test_evalueren_op_een_beeindigd_plan_wordt_geweigerd(personas):
    arrangement = _toegekend(personas)
    _evalueren(personas, arrangement, vervolg="beeindigen", einddatum=VANDAAG(), reden_einde="Verhuisd.")
    voor = _stand(arrangement)
    with pytest.raises(ValidationError) as fout:
        _evalueren(personas, arrangement)
    assert "beëindigd" in " ".join(fout.value.messages)
    assert _stand(arrangement) == voor


@pytest.mark.parametrize("stap", ["concept", "ingediend", "afgewezen"])
def test_evalueren_op_een_niet_toegekend_plan_wordt_geweigerd(personas, stap):
    arrangement = concept_maken(personas) if stap == "concept" else ingediend_maken(personas)
    if stap == "afgewezen":
        services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement)
        services.arrangement_afwijzen(door=personas.consulent, arrangement=arrangement, reden="Niet nodig.")
    voor = _stand(arrangement)
    with pytest.raises(ValidationError) as fout:
        _evalueren(personas, arrangement)
    assert "toegekend" in " ".join(fout.value.messages)
    assert _stand(arrangement) == voor


@pytest.mark.parametrize(
    ("anders", "veld"),
    [
        ({"notitie": "   "}, "notitie"),
        ({"vervolg": "verdubbelen"}, "vervolg"),
        ({"doel_bereikt": "misschien"}, "doel_bereikt"),
        ({"vervolg": "beeindigen", "einddatum": None, "reden_einde": "Klaar."}, "einddatum"),
        ({"vervolg": "beeindigen", "einddatum": "vorig_jaar", "reden_einde": "Klaar."}, "einddatum"),
        ({"vervolg": "beeindigen", "einddatum": "over_twee_jaar", "reden_einde": "Klaar."}, "einddatum"),
        ({"vervolg": "beeindigen", "einddatum": "vandaag", "reden_einde": ""}, "reden_einde"),
        ({"volgende_evaluatie": "gisteren"}, "volgende_evaluatie"),
    ],
)
def test_foute_invoer_geeft_een_nederlandse_fout_en_verandert_niets(personas, anders, veld):
    arrangement = _toegekend(personas)
    datums = {
        "vorig_jaar": VANDAAG() - timedelta(days=365),
        "over_twee_jaar": VANDAAG() + timedelta(days=730),
        "vandaag": VANDAAG(),
        "gisteren": VANDAAG() - timedelta(days=1),
    }
    anders = {k: datums.get(v, v) if isinstance(v, str) else v for k, v in anders.items()}
    voor = _stand(arrangement)
    with pytest.raises(ValidationError) as fout:
        _evalueren(personas, arrangement, **anders)
    assert veld in fout.value.message_dict
    tekst = " ".join(fout.value.message_dict[veld])
    assert not any(w in tekst.lower() for w in ("invalid", "required", "this field"))
    assert _stand(arrangement) == voor


# -- rights -----------------------------------------------------------------------------------


@pytest.mark.parametrize("wie", ["beroepskracht", "consulent"])
def test_de_regisseur_mag_evalueren_op_pagina_en_post(personas, als, wie):
    arrangement = _toegekend(personas)
    client = als(getattr(personas, wie))
    detail = client.get(reverse("arrangementen:detail", kwargs={"uuid": arrangement.uuid}))
    assert reverse("arrangementen:evalueren", kwargs={"uuid": arrangement.uuid}) in detail.content.decode()
    url = reverse("arrangementen:evalueren", kwargs={"uuid": arrangement.uuid})
    assert client.get(url).status_code == 200
    antwoord = client.post(url, {"doel_bereikt": "ja", "notitie": "Gaat goed.", "vervolg": "voortzetten"})
    assert antwoord.status_code == 302
    assert Evaluatie.objects.filter(arrangement=arrangement, door=getattr(personas, wie)).exists()


def test_het_formulier_toont_de_fout_naast_het_veld(personas, als):
    arrangement = _toegekend(personas)
    url = reverse("arrangementen:evalueren", kwargs={"uuid": arrangement.uuid})
    antwoord = als(personas.beroepskracht).post(
        url, {"doel_bereikt": "ja", "notitie": "Klaar.", "vervolg": "beeindigen", "reden_einde": "Klaar."}
    )
    assert antwoord.status_code == 200
    assert "Vul de datum in waarop het arrangement eindigt." in antwoord.content.decode()
    assert not Evaluatie.objects.exists()


@pytest.mark.parametrize(
    ("wie", "pagina"),
    [
        ("beroepskracht2", 404),
        ("vrijwilliger", 404),
        ("consulent_jeugd", 403),
        ("poort", 404),
        ("beleid", 404),
        ("beheerder", 404),
        ("coordinator", 403),
        ("buitenstaander", 404),
    ],
)
def test_anderen_worden_geweigerd_op_pagina_en_post(personas, als, wie, pagina):
    arrangement = _toegekend(personas)
    voor = _stand(arrangement)
    client = als(getattr(personas, wie))
    url = reverse("arrangementen:evalueren", kwargs={"uuid": arrangement.uuid})
    assert client.get(url).status_code == pagina
    antwoord = client.post(
        url,
        {
            "doel_bereikt": "ja",
            "notitie": "Gaat goed.",
            "vervolg": "beeindigen",
            "einddatum": VANDAAG().isoformat(),
            "reden_einde": "x",
        },
    )
    assert antwoord.status_code == pagina
    assert _stand(arrangement) == voor
    with pytest.raises(PermissionDenied):
        _evalueren(personas, arrangement, door=getattr(personas, wie))
    assert _stand(arrangement) == voor


def test_de_coordinator_ziet_het_plan_maar_evalueert_niet(personas, als):
    arrangement = _toegekend(personas)
    detail = als(personas.coordinator).get(reverse("arrangementen:detail", kwargs={"uuid": arrangement.uuid}))
    assert detail.status_code == 200
    assert (
        reverse("arrangementen:evalueren", kwargs={"uuid": arrangement.uuid}) not in detail.content.decode()
    )


# -- overdue evaluations ----------------------------------------------------------------------


def _te_laat_maken(personas, aantal: int, *, team=None) -> list[Arrangement]:
    """Granted plans whose evaluatiedatum passed: decided through the services, the date moved back
    as if the decision was months ago (a granted voorziening's einddatum may pull the rule's date)."""
    plannen = []
    for i in range(aantal):
        arrangement = _toegekend(personas, melding=melding_maken(personas, team=team))
        arrangement.evaluatiedatum = VANDAAG() - timedelta(days=10 + i)
        arrangement.save()
        plannen.append(arrangement)
    return plannen


def test_evaluaties_te_laat_per_rol(personas, als):
    te_laat = _te_laat_maken(personas, 2)
    op_tijd = _toegekend(personas)
    beeindigd = _te_laat_maken(personas, 1)[0]
    _evalueren(personas, beeindigd, vervolg="beeindigen", einddatum=VANDAAG(), reden_einde="Verhuisd.")
    url = reverse("arrangementen:evaluaties")
    for wie in ("beroepskracht", "coordinator"):
        inhoud = als(getattr(personas, wie)).get(url).content.decode()
        assert all(a.nummer in inhoud for a in te_laat), wie
        assert op_tijd.nummer not in inhoud and beeindigd.nummer not in inhoud
    assert te_laat[0].nummer not in als(personas.beroepskracht2).get(url).content.decode()
    for wie in ("vrijwilliger", "consulent", "poort", "beleid", "beheerder"):
        assert als(getattr(personas, wie)).get(url).status_code == 403, wie
    rij = Toegang.objects.filter(medewerker=personas.beroepskracht, object_soort="evaluaties").latest("pk")
    assert set(rij.getoonde_inwoners.values_list("inwoner_id", flat=True)) == {a.inwoner_id for a in te_laat}


def test_mijn_werk_telt_de_evaluaties_te_laat_als_link(personas, als):
    _te_laat_maken(personas, 2)
    inhoud = als(personas.beroepskracht).get(reverse("mijn_werk")).content.decode()
    assert "Evaluaties te laat" in inhoud and reverse("arrangementen:evaluaties") in inhoud


def test_mijn_werk_telt_evaluaties_te_laat_tot_honderd_en_zegt_dan_of_meer(personas, als):
    """Mijn werk counts at most 100 rows (issue 14: no rights check over a decade of plans per start
    page); beyond that it says '100 of meer', and the list itself still shows them all."""
    _te_laat_snel(personas, 3)
    regel = re.compile(r"Evaluaties te laat: <strong>([^<]+)</strong>")
    assert regel.search(als(personas.coordinator).get(reverse("mijn_werk")).content.decode()).group(1) == "3"
    _te_laat_snel(personas, 99)
    for wie in ("coordinator", "beroepskracht"):
        inhoud = als(getattr(personas, wie)).get(reverse("mijn_werk")).content.decode()
        assert regel.search(inhoud).group(1) == "100 of meer", wie
    lijst = als(personas.coordinator).get(reverse("arrangementen:evaluaties"))
    assert lijst.context["pagina"].paginator.count == 102
    # Another team's beroepskracht counts none of them.
    inhoud = als(personas.beroepskracht2).get(reverse("mijn_werk")).content.decode()
    assert "Evaluaties te laat: <strong>0</strong>" in inhoud


def test_evaluaties_te_laat_met_een_vast_aantal_queries(personas, als):
    client = als(personas.coordinator)
    url = reverse("arrangementen:evaluaties")
    tellingen = []
    gemaakt = 0
    for aantal in (1, 10, 100):
        _te_laat_snel(personas, aantal - gemaakt)
        gemaakt = aantal
        with CaptureQueriesContext(connection) as queries:
            antwoord = client.get(url)
        assert antwoord.status_code == 200
        assert antwoord.context["pagina"].paginator.count == aantal
        tellingen.append(len(queries))
    assert tellingen[0] == tellingen[1] == tellingen[2], tellingen


def _te_laat_snel(personas, aantal: int) -> None:
    """Many overdue plans without a service call each: a copy of one granted plan with an old date."""
    if aantal <= 0:
        return
    sjabloon = _te_laat_maken(personas, 1)[0]
    for _ in range(aantal - 1):
        kopie = Arrangement.objects.get(pk=sjabloon.pk)
        kopie.pk = None
        kopie.id = None
        kopie.uuid = uuid.uuid4()
        kopie.save()
        arrangement_rechten.arrangement_toewijzen(kopie)
