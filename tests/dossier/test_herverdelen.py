"""Leaving and reassigning (issue 13, point 4): deactivating a medewerker and the coordinator's
reassignment of their open work, with rights, berichten and the access log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from arrangementen import rechten as arrangement_rechten
from arrangementen import services as arrangement_services
from arrangementen.models import Aanvraag, Arrangement, Notificatie
from arrangementen.workflow import AanvraagStatus
from casussen import rechten as casus_rechten
from casussen import services as casus_services
from casussen.models import Adviesvraag, Casus
from casussen.vocab import KADERS
from dossier import herverdelen
from poort.services import melding_doorschakelen
from skt import rechten
from skt.models import (
    Betrokkenheid,
    Huishouden,
    InwonerUserObjectPermission,
    Medewerker,
    Rol,
    Toegang,
)
from skt.vertrek import medewerker_deactiveren

from ..arrangementen.conftest import concept_maken, ingediend_maken, melding_maken
from ..factories import HuishoudenFactory, medewerker_maken

VANDAAG = timezone.localdate
REDEN = "Uit dienst per vandaag; de collega neemt het over."


def casus_van(personas, houder, team, *, twijfel: bool = False) -> Casus:
    melding = melding_maken(personas, team=team, dagen_geleden=10)
    return casus_services.casus_starten(
        door=houder,
        melding=melding,
        casushouder=houder,
        doel="Meneer regelt zijn post weer zelf.",
        kaders={k.veld: True for k in KADERS},
        toets_collega=personas.vrijwilliger,
        toets_datum=VANDAAG() - timedelta(days=5),
        toets_uitkomst="Past.",
        twijfel=twijfel,
        adviesvraag="Past kortdurende ondersteuning hier wel?" if twijfel else "",
        startdatum=None if twijfel else VANDAAG() - timedelta(days=5),
    )


@pytest.fixture
def collega(personas) -> Medewerker:
    """Another beroepskracht of team B (Driel), who takes over beroepskracht2's work."""
    return medewerker_maken("beroepskracht3", Rol.BEROEPSKRACHT, teams=[personas.team_b])


@pytest.fixture
def consulent2(personas) -> Medewerker:
    return medewerker_maken("consulent2", Rol.CONSULENT_WMO, teams=[personas.loket])


@pytest.fixture
def werk_b2(personas):
    """beroepskracht2's open work: a casus, a casus waiting for advice, a concept plan, a household."""
    p = personas
    casus = casus_van(p, p.beroepskracht2, p.team_b)
    twijfel = casus_van(p, p.beroepskracht2, p.team_b, twijfel=True)
    plan = concept_maken(p, door=p.beroepskracht2, melding=melding_maken(p, team=p.team_b))
    huis = HuishoudenFactory()
    casus.inwoner.huishouden = huis
    casus.inwoner.save()
    huis.regisseur = p.beroepskracht2
    huis.save()
    return {
        "casus": casus,
        "twijfel": twijfel,
        "advies": Adviesvraag.objects.get(casus=twijfel),
        "plan": plan,
        "huis": huis,
    }


@pytest.fixture
def werk_consulent(personas):
    """The consulent's open work: a plan and a loket item, both in behandeling."""
    p = personas
    plan = ingediend_maken(p)
    plan = arrangement_services.arrangement_in_behandeling_nemen(door=p.consulent, arrangement=plan)
    melding = melding_maken(p, dagen_geleden=3)
    melding_doorschakelen(door=p.beroepskracht, melding=melding, uitkomst="loket", reden="Maatwerk nodig.")
    aanvraag = Aanvraag.objects.get(melding=melding)
    arrangement_services.aanvraag_in_behandeling_nemen(door=p.consulent, aanvraag=aanvraag)
    return {"plan": plan, "aanvraag": Aanvraag.objects.get(pk=aanvraag.pk)}


def _post(client, medewerker, **data):
    return client.post(reverse("herverdelen_medewerker", kwargs={"uuid": medewerker.uuid}), data)


# -- deactivating ----------------------------------------------------------------------------------


def test_deactiveren_beeindigt_de_sessie_en_het_volgende_verzoek_gaat_naar_inloggen(personas, als):
    b2 = als(personas.beroepskracht2)
    assert b2.get(reverse("mijn_werk")).status_code == 200
    coordinator = als(personas.coordinator)
    antwoord = coordinator.post(
        reverse("herverdelen_deactiveren", kwargs={"uuid": personas.beroepskracht2.uuid}),
        {"deactiveren-reden": "Uit dienst per vandaag."},
    )
    assert antwoord.status_code == 302
    personas.beroepskracht2.refresh_from_db()
    assert personas.beroepskracht2.is_active is False
    assert not [
        s
        for s in Session.objects.all()
        if s.get_decoded().get("_auth_user_id") == str(personas.beroepskracht2.pk)
    ]
    volgende = b2.get(reverse("mijn_werk"))
    assert volgende.status_code == 302
    assert volgende["Location"].startswith(reverse("inloggen"))
    # The coordinator's own session is untouched.
    assert coordinator.get(reverse("herverdelen")).status_code == 200


def test_ook_zonder_sessie_te_wissen_weigert_django_een_inactieve_gebruiker(personas, als):
    b2 = als(personas.beroepskracht2)
    personas.beroepskracht2.is_active = False
    personas.beroepskracht2.save()
    antwoord = b2.get(reverse("mijn_werk"))
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("inloggen"))


def test_deactiveren_trekt_persoonlijke_rechten_in_houdt_geschiedenis_en_wordt_gelogd(personas, werk_b2):
    p = personas
    plan = werk_b2["plan"]
    assert arrangement_rechten.arrangementen_zichtbaar_voor(p.beroepskracht2).filter(pk=plan.pk).exists()
    rechten.inwoner_toegang_geven(werk_b2["casus"].inwoner, p.beroepskracht2, soort="regisseur")
    assert InwonerUserObjectPermission.objects.filter(user=p.beroepskracht2).exists()
    medewerker_deactiveren(door=p.coordinator, medewerker=p.beroepskracht2, reden="Uit dienst.")
    b2 = Medewerker.objects.get(pk=p.beroepskracht2.pk)
    assert not b2.is_active
    assert not InwonerUserObjectPermission.objects.filter(user=b2).exists()
    assert not b2.arrangementuserobjectpermission_set.exists()
    # Team grants stay with the team: a colleague of Driel still opens the plan.
    assert plan.team.groep.arrangementgroupobjectpermission_set.filter(content_object=plan).exists()
    # History and the work itself are kept: nothing is deleted.
    assert b2.history.first().is_active is False and b2.history.count() >= 2
    assert Betrokkenheid.objects.filter(medewerker=b2, tot__isnull=False).exists()
    assert Casus.objects.filter(casushouder=b2).count() == 2
    rij = Toegang.objects.get(object_soort="medewerker", object_id=str(b2.uuid))
    assert rij.medewerker == p.coordinator and rij.actie == "wijzigen" and "Uit dienst." in rij.reden


@pytest.mark.parametrize(
    "door, wie",
    [
        ("coordinator", "coordinator"),  # never oneself
        ("beroepskracht", "beroepskracht2"),  # not a coordinator
        ("consulent", "beroepskracht2"),
        ("beleid", "beroepskracht2"),
        ("coordinator", "buitenstaander"),  # not of the coordinator's teams
    ],
)
def test_deactiveren_geweigerd_verandert_niets(personas, door, wie):
    doelwit = getattr(personas, wie)
    with pytest.raises(PermissionDenied):
        medewerker_deactiveren(door=getattr(personas, door), medewerker=doelwit, reden="Weg.")
    doelwit.refresh_from_db()
    assert doelwit.is_active
    assert not Toegang.objects.filter(actie="wijzigen", object_soort="medewerker").exists()


def test_de_beheerder_deactiveert_ook_maar_niet_zichzelf(personas):
    medewerker_deactiveren(door=personas.beheerder, medewerker=personas.consulent, reden="Vertrokken.")
    with pytest.raises(PermissionDenied):
        medewerker_deactiveren(door=personas.beheerder, medewerker=personas.beheerder, reden="Ik.")


def test_deactiveren_zonder_reden_geeft_een_fout_bij_het_veld(personas, als):
    antwoord = als(personas.coordinator).post(
        reverse("herverdelen_deactiveren", kwargs={"uuid": personas.beroepskracht2.uuid}),
        {"deactiveren-reden": "  "},
    )
    assert antwoord.status_code == 200
    assert "Schrijf op waarom deze medewerker wordt gedeactiveerd." in antwoord.content.decode()
    personas.beroepskracht2.refresh_from_db()
    assert personas.beroepskracht2.is_active


# -- the pages -------------------------------------------------------------------------------------


def test_de_pagina_toont_het_open_werk_van_elke_soort(personas, als, werk_b2, werk_consulent):
    client = als(personas.coordinator)
    overzicht = client.get(reverse("herverdelen")).content.decode()
    assert str(personas.beroepskracht2) in overzicht and str(personas.consulent) in overzicht
    b2 = client.get(reverse("herverdelen_medewerker", kwargs={"uuid": personas.beroepskracht2.uuid}))
    tekst = b2.content.decode()
    for verwacht in (
        werk_b2["casus"].nummer,
        werk_b2["twijfel"].nummer,
        "Adviesvraag bij",
        werk_b2["plan"].nummer,
        "Regisseur van",
    ):
        assert verwacht in tekst
    consulent = client.get(reverse("herverdelen_medewerker", kwargs={"uuid": personas.consulent.uuid}))
    assert werk_consulent["plan"].nummer in consulent.content.decode()
    assert werk_consulent["aanvraag"].nummer in consulent.content.decode()
    # The page shows inwoners: one access-log row references them.
    rij = Toegang.objects.filter(object_soort="herverdelen").order_by("-pk").first()
    assert rij.getoonde_inwoners.exists()


def test_een_gedeactiveerde_staat_er_zolang_er_werk_is(personas, als, werk_b2, collega):
    medewerker_deactiveren(door=personas.coordinator, medewerker=personas.beroepskracht2, reden="Weg.")
    client = als(personas.coordinator)
    assert "gedeactiveerd" in client.get(reverse("herverdelen")).content.decode()
    herverdelen.werk_alles_herverdelen(
        door=personas.coordinator, van=personas.beroepskracht2, naar=collega, reden=REDEN
    )
    assert str(personas.beroepskracht2) not in client.get(reverse("herverdelen")).content.decode()


@pytest.mark.parametrize(
    "rol", ["beroepskracht", "vrijwilliger", "consulent", "poort", "beleid", "beheerder"]
)
def test_andere_rollen_krijgen_de_paginas_en_posts_niet(personas, als, werk_b2, collega, rol):
    client = als(getattr(personas, rol))
    assert client.get(reverse("herverdelen")).status_code == 403
    assert (
        client.get(
            reverse("herverdelen_medewerker", kwargs={"uuid": personas.beroepskracht2.uuid})
        ).status_code
        == 403
    )
    antwoord = _post(client, personas.beroepskracht2, naar=collega.pk, reden=REDEN, alles="1")
    assert antwoord.status_code == 403
    antwoord = client.post(
        reverse("herverdelen_deactiveren", kwargs={"uuid": personas.beroepskracht2.uuid}),
        {"deactiveren-reden": "Weg."},
    )
    assert antwoord.status_code == 403
    assert Casus.objects.get(pk=werk_b2["casus"].pk).casushouder == personas.beroepskracht2
    assert Medewerker.objects.get(pk=personas.beroepskracht2.pk).is_active


def test_werk_van_een_ander_team_is_onbekend(personas, als):
    """Someone outside the coordinator's teams: 404, like an unknown person, and logged."""
    client = als(personas.coordinator)
    antwoord = client.get(reverse("herverdelen_medewerker", kwargs={"uuid": personas.buitenstaander.uuid}))
    assert antwoord.status_code == 404
    assert Toegang.objects.filter(object_soort="medewerker", resultaat="geweigerd").exists()


def test_een_andere_coordinator_verdeelt_het_werk_niet(personas, als, werk_b2, collega):
    """A coordinator of team A only: beroepskracht2 (team B) is not theirs, item by item neither."""
    ander = medewerker_maken("coordinator_a", Rol.COORDINATOR, teams=[personas.team_a])
    client = als(ander)
    assert (
        client.get(
            reverse("herverdelen_medewerker", kwargs={"uuid": personas.beroepskracht2.uuid})
        ).status_code
        == 404
    )
    assert _post(client, personas.beroepskracht2, naar=collega.pk, reden=REDEN, alles="1").status_code == 404
    with pytest.raises(PermissionDenied):
        herverdelen.werk_herverdelen(
            door=ander,
            soort="casus",
            uuid=werk_b2["casus"].uuid,
            van=personas.beroepskracht2,
            naar=collega,
            reden=REDEN,
        )
    assert Casus.objects.get(pk=werk_b2["casus"].pk).casushouder == personas.beroepskracht2
    assert not Notificatie.objects.filter(medewerker=collega).exists()


# -- reassigning -----------------------------------------------------------------------------------


def test_een_casus_herverdelen_verplaatst_het_werk_met_bericht_en_log(personas, als, werk_b2, collega):
    casus = werk_b2["casus"]
    antwoord = _post(
        als(personas.coordinator),
        personas.beroepskracht2,
        werk=[f"casus:{casus.uuid}"],
        naar=collega.pk,
        reden=REDEN,
    )
    assert antwoord.status_code == 302
    casus.refresh_from_db()
    assert casus.casushouder == collega
    # History keeps the old casushouder.
    assert [h.casushouder_id for h in casus.history.order_by("history_date")][-2:] == [
        personas.beroepskracht2.pk,
        collega.pk,
    ]
    # The new one opens and works on it; the old one still does only through team B.
    assert casus_rechten.mag_casus_behandelen(collega, casus)
    assert casus_rechten.casussen_zichtbaar_voor(personas.beroepskracht2).filter(pk=casus.pk).exists()
    bericht = Notificatie.objects.get(medewerker=collega)
    assert casus.nummer in bericht.tekst and REDEN in bericht.tekst
    assert bericht.link == reverse("casussen:detail", kwargs={"uuid": casus.uuid})
    rij = Toegang.objects.get(object_soort="casus", object_id=str(casus.uuid), actie="wijzigen")
    assert rij.medewerker == personas.coordinator and rij.inwoner == casus.inwoner
    # Only the chosen item moved.
    assert Casus.objects.get(pk=werk_b2["twijfel"].pk).casushouder == personas.beroepskracht2


def test_na_deactiveren_alles_herverdelen_en_de_oude_kan_niets_meer(personas, werk_b2, collega):
    p = personas
    medewerker_deactiveren(door=p.coordinator, medewerker=p.beroepskracht2, reden="Uit dienst.")
    gedaan = herverdelen.werk_alles_herverdelen(
        door=p.coordinator, van=p.beroepskracht2, naar=collega, reden=REDEN
    )
    assert sorted(i.soort for i in gedaan) == ["adviesvraag", "casus", "casus", "opsteller", "regisseur"]
    assert herverdelen.open_werk([p.beroepskracht2.pk]).get(p.beroepskracht2.pk, []) == []
    plan = Arrangement.objects.get(pk=werk_b2["plan"].pk)
    assert plan.opgesteld_door == collega
    assert arrangement_rechten.mag_arrangement_bewerken(collega, plan)
    assert collega.arrangementuserobjectpermission_set.filter(content_object=plan).exists()
    assert Adviesvraag.objects.get(pk=werk_b2["advies"].pk).gevraagd_door == collega
    assert Huishouden.objects.get(pk=werk_b2["huis"].pk).regisseur == collega
    b2 = Medewerker.objects.get(pk=p.beroepskracht2.pk)
    assert not casus_rechten.casussen_zichtbaar_voor(b2).exists()
    assert not arrangement_rechten.arrangementen_zichtbaar_voor(b2).exists()
    assert Notificatie.objects.filter(medewerker=collega).count() == 5
    assert Toegang.objects.filter(actie="wijzigen", reden__startswith="herverdeeld").count() == 5


def test_een_plan_als_opsteller_verhuist_met_de_persoonlijke_rechten(personas, werk_b2, collega):
    p = personas
    plan = werk_b2["plan"]
    herverdelen.werk_herverdelen(
        door=p.coordinator, soort="opsteller", uuid=plan.uuid, van=p.beroepskracht2, naar=collega, reden=REDEN
    )
    assert not p.beroepskracht2.arrangementuserobjectpermission_set.filter(content_object=plan).exists()
    assert collega.arrangementuserobjectpermission_set.filter(content_object=plan).exists()
    # beroepskracht2 still sees it through team B, as any member of the team.
    assert arrangement_rechten.arrangementen_zichtbaar_voor(p.beroepskracht2).filter(pk=plan.pk).exists()
    assert Notificatie.objects.get(medewerker=collega).arrangement == plan


def test_consulentenwerk_gaat_naar_een_consulent_van_de_wet(personas, werk_consulent, consulent2):
    p = personas
    gedaan = herverdelen.werk_alles_herverdelen(
        door=p.coordinator, van=p.consulent, naar=consulent2, reden=REDEN
    )
    assert sorted(i.soort for i in gedaan) == ["aanvraag", "behandelaar"]
    plan = Arrangement.objects.get(pk=werk_consulent["plan"].pk)
    aanvraag = Aanvraag.objects.get(pk=werk_consulent["aanvraag"].pk)
    assert plan.behandelaar == consulent2 and aanvraag.behandelaar == consulent2
    assert aanvraag.status == AanvraagStatus.IN_BEHANDELING
    assert arrangement_rechten.in_behandeling_bij(consulent2, plan)
    assert not arrangement_rechten.in_behandeling_bij(p.consulent, plan)
    assert Notificatie.objects.filter(medewerker=consulent2, aanvraag=aanvraag).exists()


# -- refusals: nothing changes ---------------------------------------------------------------------


def _niets_veranderd(werk, personas, naar):
    assert Casus.objects.get(pk=werk["casus"].pk).casushouder == personas.beroepskracht2
    assert Arrangement.objects.get(pk=werk["plan"].pk).opgesteld_door == personas.beroepskracht2
    assert Huishouden.objects.get(pk=werk["huis"].pk).regisseur == personas.beroepskracht2
    assert not Notificatie.objects.filter(medewerker=naar).exists()
    assert not Toegang.objects.filter(reden__startswith="herverdeeld").exists()


def test_een_casus_naar_iemand_buiten_het_team_wordt_geweigerd(personas, als, werk_b2):
    """beroepskracht is of team A (Elst), the casus of team B (Driel)."""
    casus = werk_b2["casus"]
    antwoord = _post(
        als(personas.coordinator),
        personas.beroepskracht2,
        werk=[f"casus:{casus.uuid}"],
        naar=personas.beroepskracht.pk,
        reden=REDEN,
    )
    assert antwoord.status_code == 200
    assert "is een actieve beroepskracht van team Driel" in antwoord.content.decode()
    _niets_veranderd(werk_b2, personas, personas.beroepskracht)


def test_alles_naar_iemand_buiten_het_team_noemt_elk_geweigerd_stuk_en_verandert_niets(personas, werk_b2):
    with pytest.raises(ValidationError) as fout:
        herverdelen.werk_alles_herverdelen(
            door=personas.coordinator, van=personas.beroepskracht2, naar=personas.beroepskracht, reden=REDEN
        )
    assert werk_b2["casus"].nummer in str(fout.value)
    _niets_veranderd(werk_b2, personas, personas.beroepskracht)


def test_naar_een_inactieve_medewerker_wordt_geweigerd(personas, werk_b2, collega):
    collega.is_active = False
    collega.save()
    with pytest.raises(ValidationError) as fout:
        herverdelen.werk_alles_herverdelen(
            door=personas.coordinator, van=personas.beroepskracht2, naar=collega, reden=REDEN
        )
    assert "niet (meer) actief" in str(fout.value)
    _niets_veranderd(werk_b2, personas, collega)


@pytest.mark.parametrize("naar", ["consulent", "vrijwilliger", "coordinator"])
def test_een_casus_naar_de_verkeerde_rol_wordt_geweigerd(personas, werk_b2, naar):
    naar = getattr(personas, naar)
    with pytest.raises(ValidationError):
        herverdelen.werk_herverdelen(
            door=personas.coordinator,
            soort="casus",
            uuid=werk_b2["casus"].uuid,
            van=personas.beroepskracht2,
            naar=naar,
            reden=REDEN,
        )
    _niets_veranderd(werk_b2, personas, naar)


def test_een_loketaanvraag_naar_een_consulent_van_de_andere_wet_wordt_geweigerd(personas, werk_consulent):
    with pytest.raises(ValidationError) as fout:
        herverdelen.werk_herverdelen(
            door=personas.coordinator,
            soort="aanvraag",
            uuid=werk_consulent["aanvraag"].uuid,
            van=personas.consulent,
            naar=personas.consulent_jeugd,
            reden=REDEN,
        )
    assert "consulent Wmo 2015" in str(fout.value)
    assert Aanvraag.objects.get(pk=werk_consulent["aanvraag"].pk).behandelaar == personas.consulent


def test_zonder_reden_een_fout_bij_het_veld(personas, als, werk_b2, collega):
    antwoord = _post(als(personas.coordinator), personas.beroepskracht2, naar=collega.pk, reden="", alles="1")
    assert antwoord.status_code == 200
    assert "Schrijf op waarom dit werk naar een collega gaat." in antwoord.content.decode()
    _niets_veranderd(werk_b2, personas, collega)


def test_zonder_keuze_een_fout_bij_het_veld(personas, als, werk_b2, collega):
    antwoord = _post(als(personas.coordinator), personas.beroepskracht2, naar=collega.pk, reden=REDEN)
    assert "Kies het werk dat u wilt herverdelen" in antwoord.content.decode()
    _niets_veranderd(werk_b2, personas, collega)


def test_wie_al_is_overgedragen_hoort_het(personas, werk_b2, collega):
    """The second of two coordinators (or a stale page): the holder changed, a clear error, nothing more."""
    casus = werk_b2["casus"]
    nog_een = medewerker_maken("beroepskracht4", Rol.BEROEPSKRACHT, teams=[personas.team_b])
    herverdelen.werk_herverdelen(
        door=personas.coordinator,
        soort="casus",
        uuid=casus.uuid,
        van=personas.beroepskracht2,
        naar=collega,
        reden=REDEN,
    )
    with pytest.raises(ValidationError) as fout:
        herverdelen.werk_herverdelen(
            door=personas.coordinator,
            soort="casus",
            uuid=casus.uuid,
            van=personas.beroepskracht2,
            naar=nog_een,
            reden=REDEN,
        )
    assert "intussen al overgedragen" in str(fout.value)
    assert Casus.objects.get(pk=casus.pk).casushouder == collega
    assert not Notificatie.objects.filter(medewerker=nog_een).exists()


# -- query count -----------------------------------------------------------------------------------


def _aantal_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_vast_aantal_queries_bij_1_10_en_100_stukken_werk(personas, als):
    """Built directly (history-tracked saves, one by one): 1, 10 and 100 casussen of beroepskracht2."""
    p = personas
    client = als(p.coordinator)
    basis = casus_van(p, p.beroepskracht2, p.team_b)
    velden = {
        f.attname: getattr(basis, f.attname)
        for f in Casus._meta.concrete_fields
        if f.attname not in ("id", "uuid", "melding_id", "inwoner_id")
    }
    tellingen = []
    for totaal in (1, 10, 100):
        while Casus.objects.filter(casushouder=p.beroepskracht2).count() < totaal:
            melding = melding_maken(p, team=p.team_b)
            Casus.objects.create(**{**velden, "melding_id": melding.pk, "inwoner_id": melding.inwoner_id})
        tellingen.append(
            (
                _aantal_queries(client, reverse("herverdelen")),
                _aantal_queries(
                    client, reverse("herverdelen_medewerker", kwargs={"uuid": p.beroepskracht2.uuid})
                ),
            )
        )
    assert tellingen[0] == tellingen[1] == tellingen[2], tellingen


def test_een_plan_op_de_reguliere_route_gaat_naar_een_consulent_van_de_wet(personas, consulent2):
    """A consulent's own concept (team: the loket) moves to a consulent of its law, not of the other."""
    p = personas
    plan = concept_maken(p, door=p.consulent)
    with pytest.raises(ValidationError):
        herverdelen.werk_herverdelen(
            door=p.coordinator,
            soort="opsteller",
            uuid=plan.uuid,
            van=p.consulent,
            naar=p.consulent_jeugd,
            reden=REDEN,
        )
    assert Arrangement.objects.get(pk=plan.pk).opgesteld_door == p.consulent
    herverdelen.werk_herverdelen(
        door=p.coordinator, soort="opsteller", uuid=plan.uuid, van=p.consulent, naar=consulent2, reden=REDEN
    )
    plan.refresh_from_db()
    assert plan.opgesteld_door == consulent2
    assert arrangement_rechten.mag_arrangement_bewerken(consulent2, plan)


def test_de_regisseur_gaat_niet_naar_een_vrijwilliger(personas, werk_b2):
    with pytest.raises(ValidationError) as fout:
        herverdelen.werk_herverdelen(
            door=personas.coordinator,
            soort="regisseur",
            uuid=werk_b2["huis"].uuid,
            van=personas.beroepskracht2,
            naar=personas.vrijwilliger,
            reden=REDEN,
        )
    assert "beroepskracht of consulent" in str(fout.value)
    _niets_veranderd(werk_b2, personas, personas.vrijwilliger)


def test_een_nieuwe_regisseur_krijgt_betrokkenheid_alleen_met_de_bevestiging_van_de_coordinator(
    personas, werk_b2
):
    """beroepskracht (team A) is not involved with the Driel household; the coordinator of A and B confirms
    by reassigning, and the rights module gives the betrokkenheid with every member."""
    p = personas
    huis = werk_b2["huis"]
    lid = huis.leden.get()
    assert not rechten.inwoners_zichtbaar_voor(p.beroepskracht).filter(pk=lid.pk).exists()
    herverdelen.werk_herverdelen(
        door=p.coordinator,
        soort="regisseur",
        uuid=huis.uuid,
        van=p.beroepskracht2,
        naar=p.beroepskracht,
        reden=REDEN,
    )
    assert Huishouden.objects.get(pk=huis.pk).regisseur == p.beroepskracht
    assert rechten.inwoners_zichtbaar_voor(p.beroepskracht).filter(pk=lid.pk).exists()
    assert Betrokkenheid.objects.filter(inwoner=lid, medewerker=p.beroepskracht, soort="regisseur").exists()


def test_elke_soort_werk_staat_eenmaal_in_het_register():
    from skt import registers

    soorten = [bron.soort for bron in registers.werkvoorraadbronnen()]
    assert soorten == ["casus", "adviesvraag", "opsteller", "behandelaar", "aanvraag", "regisseur"]


def test_mijn_werk_van_de_coordinator_telt_het_werk_van_wie_vertrok(personas, als, werk_b2):
    client = als(personas.coordinator)
    assert "Open werk van gedeactiveerde medewerkers: <strong>0</strong>" in client.get("/").content.decode()
    medewerker_deactiveren(door=personas.coordinator, medewerker=personas.beroepskracht2, reden="Weg.")
    assert "Open werk van gedeactiveerde medewerkers: <strong>5</strong>" in client.get("/").content.decode()
    assert "Vertrek en herverdelen" not in als(personas.beroepskracht).get("/").content.decode()
