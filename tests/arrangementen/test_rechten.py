"""Who sees and decides a plan: by URL, as the users would try it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from arrangementen import rechten as arrangement_rechten
from arrangementen import services
from arrangementen.models import Arrangement, Beoordeling
from arrangementen.workflow import ArrangementStatus
from skt.models import Rol, Toegang

from ..factories import medewerker_maken
from .conftest import concept_maken, ingediend_maken, toekennen_alles

pytestmark = pytest.mark.django_db

NIET_BETROKKEN = ("beroepskracht2", "vrijwilliger", "buitenstaander", "poort", "beleid", "beheerder")


def detail(a):
    return reverse("arrangementen:detail", kwargs={"uuid": a.uuid})


@pytest.mark.parametrize("wie", NIET_BETROKKEN)
def test_ander_team_en_vrijwilliger_zien_niets_van_het_plan(personas, als, wie):
    arrangement = ingediend_maken(personas)
    client = als(getattr(personas, wie))
    for naam in ("detail", "bewerken", "indienen", "beslissen", "terugsturen", "afwijzen", "verlengen"):
        antwoord = client.get(reverse(f"arrangementen:{naam}", kwargs={"uuid": arrangement.uuid}))
        assert antwoord.status_code == 404, (wie, naam)
    versie = reverse("arrangementen:versie", kwargs={"uuid": arrangement.uuid, "nummer": 1})
    assert client.get(versie).status_code == 404
    assert not arrangement_rechten.arrangementen_zichtbaar_voor(getattr(personas, wie)).exists()
    assert Toegang.objects.filter(
        medewerker=getattr(personas, wie), object_soort="arrangement", resultaat="geweigerd"
    ).exists()


def test_vrijwilliger_van_het_team_ziet_ook_het_plan_niet(personas, als):
    # The team group holds view on the plan and the volunteer is in that group: still nothing.
    arrangement = concept_maken(personas)
    assert personas.vrijwilliger.groups.filter(pk=personas.team_a.groep.pk).exists()
    assert als(personas.vrijwilliger).get(detail(arrangement)).status_code == 404
    assert als(personas.vrijwilliger).get(reverse("arrangementen:overzicht")).status_code == 403


def test_loket_ziet_een_concept_pas_na_indienen(personas, als):
    arrangement = concept_maken(personas)
    assert als(personas.consulent).get(detail(arrangement)).status_code == 404
    services.arrangement_indienen(door=personas.beroepskracht, arrangement=arrangement)
    assert als(personas.consulent).get(detail(arrangement)).status_code == 200


def test_alleen_consulent_van_de_wet_beslist(personas, als):
    wmo = ingediend_maken(personas)
    jeugd = ingediend_maken(personas, wet="jeugd")
    # The Jeugd consulent knows the Wmo plan only as a milestone (issue 11, finding 8): the page is
    # refused, and so is deciding it; and vice versa.
    assert als(personas.consulent_jeugd).get(detail(wmo)).status_code == 403
    assert (
        als(personas.consulent_jeugd)
        .post(reverse("arrangementen:in_behandeling_nemen", args=[wmo.uuid]))
        .status_code
        == 403
    )
    assert (
        als(personas.consulent).get(reverse("arrangementen:beslissen", args=[jeugd.uuid])).status_code == 403
    )
    for door, plan in (
        (personas.consulent_jeugd, wmo),
        (personas.consulent, jeugd),
        (personas.coordinator, wmo),
    ):
        with pytest.raises(PermissionDenied):
            services.arrangement_beslissen(door=door, arrangement=plan, beslissingen=toekennen_alles(plan))
        with pytest.raises(PermissionDenied):
            services.arrangement_in_behandeling_nemen(door=door, arrangement=plan)
    with pytest.raises(PermissionDenied):
        services.arrangement_beslissen(
            door=personas.beroepskracht, arrangement=wmo, beslissingen=toekennen_alles(wmo)
        )
    jeugd = services.arrangement_in_behandeling_nemen(door=personas.consulent_jeugd, arrangement=jeugd)
    jeugd = services.arrangement_beslissen(
        door=personas.consulent_jeugd, arrangement=jeugd, beslissingen=toekennen_alles(jeugd, nummer="JW-1")
    )
    assert jeugd.status == ArrangementStatus.GOEDGEKEURD
    assert Beoordeling.objects.filter(onderdeel__arrangement=wmo).count() == 0


def test_niemand_beslist_over_zijn_eigen_plan(personas, als):
    arrangement = ingediend_maken(personas, door=personas.consulent)
    assert not arrangement_rechten.mag_arrangement_beoordelen(personas.consulent, arrangement)
    with pytest.raises(PermissionDenied) as fout:
        services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement)
    assert "zelf opgesteld" in str(fout.value)
    assert (
        als(personas.consulent).get(reverse("arrangementen:beslissen", args=[arrangement.uuid])).status_code
        == 403
    )
    assert (
        not arrangement_rechten.arrangementen_te_beoordelen_voor(personas.consulent)
        .filter(pk=arrangement.pk)
        .exists()
    )
    collega = medewerker_maken("consulent2", Rol.CONSULENT_WMO, teams=[personas.loket])
    arrangement = services.arrangement_in_behandeling_nemen(door=collega, arrangement=arrangement)
    arrangement = services.arrangement_beslissen(
        door=collega, arrangement=arrangement, beslissingen=toekennen_alles(arrangement)
    )
    assert arrangement.status == ArrangementStatus.GOEDGEKEURD


def test_team_ziet_de_uitkomst_maar_niet_de_interne_notities(personas, als):
    collega = medewerker_maken("collega", Rol.BEROEPSKRACHT, teams=[personas.team_a])
    arrangement = ingediend_maken(personas)
    services.interne_notitie_toevoegen(
        door=personas.consulent, arrangement=arrangement, tekst="GEHEIM: dochter belt vaak boos."
    )
    arrangement = services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement)
    services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=arrangement,
        beslissingen=toekennen_alles(arrangement, nummer="BS-4711"),
    )
    for wie in (personas.beroepskracht, collega, personas.coordinator):
        html = als(wie).get(detail(arrangement)).content.decode()
        assert "BS-4711" in html and "Toegekend" in html, wie
        assert "GEHEIM" not in html and "Interne notities" not in html, wie
        dossier = (
            als(wie).get(reverse("arrangementen:inwoner", args=[arrangement.inwoner.uuid])).content.decode()
        )
        assert "BS-4711" in dossier and "GEHEIM" not in dossier
    html = als(personas.consulent).get(detail(arrangement)).content.decode()
    assert "GEHEIM" in html


def test_beroepskracht_kan_het_plan_na_overdracht_niet_meer_wijzigen(personas, als):
    arrangement = ingediend_maken(personas)
    antwoord = als(personas.beroepskracht).get(reverse("arrangementen:bewerken", args=[arrangement.uuid]))
    assert antwoord.status_code == 302
    assert not arrangement_rechten.mag_arrangement_bewerken(personas.beroepskracht, arrangement)


def test_lijsten_per_rol(personas, als):
    ingediend_maken(personas)
    concept_maken(personas)
    assert arrangement_rechten.arrangementen_zichtbaar_voor(personas.beroepskracht).count() == 2
    assert arrangement_rechten.arrangementen_zichtbaar_voor(personas.consulent).count() == 1
    assert arrangement_rechten.arrangementen_te_beoordelen_voor(personas.consulent).count() == 1
    assert arrangement_rechten.arrangementen_te_beoordelen_voor(personas.consulent_jeugd).count() == 0
    assert arrangement_rechten.arrangementen_zichtbaar_voor(personas.coordinator).count() == 2
    assert Arrangement.objects.count() == 2
    for wie, naam, code in (
        ("beroepskracht", "wachtrij", 403),
        ("consulent", "wachtrij", 200),
        ("beroepskracht", "overzicht", 200),
        ("poort", "overzicht", 403),
        ("beleid", "termijnen", 403),
        ("coordinator", "termijnen", 200),
        ("vrijwilliger", "berichten", 403),
    ):
        assert als(getattr(personas, wie)).get(reverse(f"arrangementen:{naam}")).status_code == code, (
            wie,
            naam,
        )


@pytest.mark.parametrize("wie", ["beroepskracht2", "vrijwilliger", "buitenstaander", "poort"])
def test_acties_per_post_voor_buitenstaanders_bestaan_niet(personas, als, wie):
    arrangement = ingediend_maken(personas)
    client = als(getattr(personas, wie))
    for naam in ("in_behandeling_nemen", "teruggeven", "notitie", "beslissen", "afwijzen", "indienen"):
        antwoord = client.post(
            reverse(f"arrangementen:{naam}", args=[arrangement.uuid]), {"tekst": "x", "reden": "x"}
        )
        assert antwoord.status_code == 404, (wie, naam)
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.INGEDIEND
    assert not arrangement.interne_notities.exists()


def test_opstellen_voor_een_melding_van_een_ander_team(personas, als):
    from .conftest import melding_maken

    melding = melding_maken(personas, team=personas.team_b)
    url = reverse("arrangementen:nieuw") + f"?melding={melding.uuid}"
    assert als(personas.beroepskracht).get(url).status_code == 404
    assert als(personas.vrijwilliger).get(url).status_code == 403
    assert als(personas.beroepskracht2).get(url).status_code == 200
    assert (
        als(personas.beroepskracht).get(reverse("arrangementen:nieuw") + "?melding=geen-uuid").status_code
        == 404
    )


def test_berichten_van_een_ander_zijn_onzichtbaar(personas, als):
    arrangement = ingediend_maken(personas)
    arrangement = services.arrangement_terugsturen(
        door=personas.consulent, arrangement=arrangement, toelichting="Aanvullen: omvang."
    )
    assert (
        "Aanvullen: omvang."
        in als(personas.beroepskracht).get(reverse("arrangementen:berichten")).content.decode()
    )
    for wie in (personas.beroepskracht2, personas.coordinator):
        assert "Aanvullen: omvang." not in als(wie).get(reverse("arrangementen:berichten")).content.decode()
