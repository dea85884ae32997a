"""Merging duplicates (issue 13, point 5): everything moves to the survivor, the other record stays as a
tombstone that redirects, the merge record says what moved, refusals per role and for Veilig Thuis."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from arrangementen.models import Arrangement
from casussen.models import Casus
from dossier.models import Samenvoeging
from dossier.samenvoegen import VELDEN, inwoners_samenvoegen
from meldingen.models import Melding
from meldingen.services import melding_registreren
from poort.services import melding_trieren
from skt import rechten
from skt.models import Betrokkenheid, Inwoner, InwonerGroupObjectPermission, Toegang

from ..arrangementen.conftest import casus_maken, concept_maken, melding_maken
from ..arrangementen.test_gelijktijdig import gelijktijdig
from ..factories import HuishoudenFactory, InwonerFactory


def twee_dubbelen(p):
    """One person registered twice: a melding with a casus on the first, a plan on the second."""
    casus = casus_maken(p)
    melding_a = casus.melding
    a = melding_a.inwoner
    b = InwonerFactory(
        voornamen=a.voornamen,
        achternaam=a.achternaam,
        geboortedatum=a.geboortedatum,
        bsn=None,
        telefoon="06-12345678",
        kern=a.kern,
    )
    melding_b = melding_maken(p, inwoner=b)
    plan = concept_maken(p, melding=melding_b)
    return a, b, melding_a, melding_b, casus, plan


def test_samenvoegen_verplaatst_alles_en_laat_een_verwijzing(personas, als):
    p = personas
    a, b, melding_a, melding_b, casus, plan = twee_dubbelen(p)
    huis = HuishoudenFactory()
    b.huishouden = huis
    b.save()
    s = inwoners_samenvoegen(
        door=p.coordinator,
        overlevende=a,
        vervallen=b,
        keuzes={"telefoon": "vervallen", "huishouden": "vervallen"},
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert Melding.objects.filter(inwoner=a).count() == 2
    assert Casus.objects.get(pk=casus.pk).inwoner_id == a.pk
    assert Arrangement.objects.get(pk=plan.pk).inwoner_id == a.pk
    assert not Melding.objects.filter(inwoner=b).exists()
    assert a.telefoon == "06-12345678" and a.huishouden_id == huis.pk
    assert b.huishouden_id is None and b.bsn is None
    assert not Betrokkenheid.objects.filter(inwoner=b).exists()
    assert not InwonerGroupObjectPermission.objects.filter(content_object=b).exists()
    # The merge record lists what moved, per kind, by uuid.
    assert str(melding_b.uuid) in s.verplaatst["records"]["meldingen.Melding"]
    assert str(plan.uuid) in s.verplaatst["records"]["arrangementen.Arrangement"]
    assert s.verplaatst["keuzes"]["telefoon"] == "vervallen"
    # History of the change on both records.
    assert a.history.first().history_change_reason.startswith("samengevoegd")
    assert b.history.first().history_change_reason.startswith("samengevoegd")
    # The team of the second record keeps seeing the survivor through the moved grant.
    assert rechten.inwoners_zichtbaar_voor(p.beroepskracht).filter(pk=a.pk).exists()
    assert not rechten.inwoners_zichtbaar_voor(p.beroepskracht).filter(pk=b.pk).exists()
    # The tombstone is in no list or search.
    assert not rechten.inwoners_herkenbaar_voor(p.poort).filter(pk=b.pk).exists()
    assert not rechten.samenvoegen_kandidaten(p.coordinator).filter(pk=b.pk).exists()


def test_samenvoegtest_van_het_issue_dossier_verwijzing_en_inzage(personas, als):
    """The Merge test: the survivor's dossier shows both histories, the tombstone redirects, and the AVG
    inzage of the survivor contains everything."""
    p = personas
    a, b, melding_a, melding_b, casus, plan = twee_dubbelen(p)
    coordinator = als(p.coordinator)
    # Someone read the second record before the merge: that access-log row belongs to the survivor too.
    assert coordinator.get(reverse("inwoner_detail", args=[b.uuid])).status_code == 200
    keuzes = {"overlevende": "a", "reden": "Dubbel geregistreerd", "bevestig": "on"}
    keuzes |= {
        f"veld_{v}": "a"
        for v in (
            "bsn",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "kern",
            "email",
            "huishouden",
        )
    }
    keuzes["veld_telefoon"] = "b"
    url = reverse("samenvoegen_vergelijken") + f"?a={a.uuid}&b={b.uuid}"
    assert coordinator.get(url).status_code == 200
    antwoord = coordinator.post(url, keuzes)
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    assert antwoord["Location"] == reverse("inwoner_detail", args=[a.uuid])
    dossier = coordinator.get(antwoord["Location"]).content.decode()
    assert melding_a.nummer in dossier and melding_b.nummer in dossier
    assert "Samengevoegd op" in dossier
    # The tombstone's URL leads to the survivor, for the coordinator and for the team of the second record.
    for wie in (coordinator, als(p.beroepskracht)):
        doorverwezen = wie.get(reverse("inwoner_detail", args=[b.uuid]))
        assert doorverwezen.status_code == 302
        assert doorverwezen["Location"] == reverse("inwoner_detail", args=[a.uuid])
    # Someone who may not see the survivor gets the ordinary 404.
    assert als(p.beroepskracht2).get(reverse("inwoner_detail", args=[b.uuid])).status_code == 404
    inzage = json.loads(coordinator.get(reverse("inzage", args=[a.uuid, "json"])).content)
    assert {m["nummer"] for m in inzage["meldingen"]} == {melding_a.nummer, melding_b.nummer}
    assert len(inzage["casussen"]) == 1 and len(inzage["arrangementen"]) == 1
    assert inzage["inwoner"]["telefoon"] == "06-12345678"
    assert inzage["samengevoegde_registraties"][0]["registratie"]["achternaam"] == b.achternaam
    gelezen_b = Toegang.objects.filter(inwoner=b, actie="lezen").count()
    assert gelezen_b >= 1
    assert len(inzage["toegangslog"]) >= Toegang.objects.filter(inwoner__in=[a, b]).count() - 1
    # The merge itself is in the access log, for both records.
    assert Toegang.objects.filter(inwoner=b, actie="wijzigen", reden__startswith="samengevoegd").exists()


def test_samenvoegen_met_zichzelf_wordt_geweigerd(personas, als):
    p = personas
    a = melding_maken(p).inwoner
    with pytest.raises(ValidationError, match="niet met zichzelf"):
        inwoners_samenvoegen(door=p.coordinator, overlevende=a, vervallen=a)
    antwoord = als(p.coordinator).get(reverse("samenvoegen_vergelijken") + f"?a={a.uuid}&b={a.uuid}")
    assert antwoord.status_code == 302
    assert not Samenvoeging.objects.exists()


def test_al_samengevoegd_en_foute_keuzes_veranderen_niets(personas):
    p = personas
    a, b, *_ = twee_dubbelen(p)
    with pytest.raises(ValidationError):
        inwoners_samenvoegen(door=p.coordinator, overlevende=a, vervallen=b, keuzes={"bsn": "beide"})
    with pytest.raises(ValidationError):
        inwoners_samenvoegen(
            door=p.coordinator, overlevende=a, vervallen=b, keuzes={"wachtwoord": "vervallen"}
        )
    assert Melding.objects.filter(inwoner=b).count() == 1
    inwoners_samenvoegen(door=p.coordinator, overlevende=a, vervallen=b)
    with pytest.raises(ValidationError, match="al samengevoegd"):
        inwoners_samenvoegen(door=p.coordinator, overlevende=b, vervallen=a)
    assert Samenvoeging.objects.count() == 1


@pytest.mark.parametrize("persona", ["poort", "beroepskracht", "vrijwilliger", "beleid", "beheerder"])
def test_andere_rollen_voegen_niet_samen(personas, als, persona):
    p = personas
    a, b, *_ = twee_dubbelen(p)
    wie = getattr(p, persona)
    with pytest.raises(PermissionDenied):
        inwoners_samenvoegen(door=wie, overlevende=a, vervallen=b)
    client = als(wie)
    assert client.get(reverse("samenvoegen")).status_code == 403
    url = reverse("samenvoegen_vergelijken") + f"?a={a.uuid}&b={b.uuid}"
    assert client.post(url, {"overlevende": "a", "bevestig": "on"}).status_code == 403
    assert not Samenvoeging.objects.exists()
    assert Toegang.objects.filter(medewerker=wie, resultaat="geweigerd").exists()


def test_coordinator_kiest_alleen_inwoners_die_hij_mag_zien(personas, als):
    p = personas
    a = melding_maken(p).inwoner
    vreemd = InwonerFactory()  # nobody's betrokkenheid
    url = reverse("samenvoegen_vergelijken") + f"?a={a.uuid}&b={vreemd.uuid}"
    assert als(p.coordinator).get(url).status_code == 404
    with pytest.raises(PermissionDenied):
        inwoners_samenvoegen(door=p.coordinator, overlevende=a, vervallen=vreemd)
    # The search on the merge page finds only own dossiers.
    antwoord = als(p.coordinator).post(reverse("samenvoegen"), {"q": vreemd.achternaam})
    assert str(vreemd.uuid) not in antwoord.content.decode()


def veilig_thuis_melding(p, inwoner):
    melding, _ = melding_registreren(
        door=p.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=timezone.localdate(),
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Buren horen geschreeuw en zien letsel.",
    )
    melding_trieren(door=p.poort, melding=melding, uitkomst="veilig_thuis", reden="Signaal van geweld.")
    return melding


def test_over_veilig_thuis_voegt_alleen_het_loket_samen(personas):
    p = personas
    a, b, *_ = twee_dubbelen(p)
    vt = veilig_thuis_melding(p, b)
    # Both records are the coordinator's (kernteam records), but one carries a Veilig Thuis signal.
    with pytest.raises(ValidationError, match="alleen door het loket"):
        inwoners_samenvoegen(door=p.coordinator, overlevende=a, vervallen=b)
    assert Melding.objects.get(pk=vt.pk).inwoner_id == b.pk
    # The consulent of the loket sees both (betrokkenheid through the loket) and may merge.
    for i in (a, b):
        rechten.inwoner_toegang_geven(i, p.loket)
    s = inwoners_samenvoegen(door=p.consulent, overlevende=a, vervallen=b)
    assert Melding.objects.get(pk=vt.pk).inwoner_id == a.pk
    assert str(vt.uuid) in s.verplaatst["records"]["meldingen.Melding"]


def test_samenvoegpagina_zoeken_en_vergelijken(personas, als):
    p = personas
    a, b, *_ = twee_dubbelen(p)
    client = als(p.coordinator)
    antwoord = client.post(reverse("samenvoegen") + f"?a={a.uuid}", {"q": a.achternaam})
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert f"b={b.uuid}" in inhoud
    assert Toegang.objects.filter(medewerker=p.coordinator, actie="zoeken", inwoner=b).exists()
    # Bad input: no confirmation, an unknown choice: a Dutch error and nothing changes.
    url = reverse("samenvoegen_vergelijken") + f"?a={a.uuid}&b={b.uuid}"
    fout = client.post(url, {"overlevende": "c", "veld_bsn": "x"})
    assert fout.status_code == 200
    assert "Bevestig dat dit dezelfde persoon is." in fout.content.decode()
    assert not Samenvoeging.objects.exists()
    assert client.get(reverse("samenvoegen_vergelijken") + "?a=niet-een-uuid&b=x").status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="gelijktijdigheid vraagt echte rijvergrendeling: draai met DATABASE_URL naar PostgreSQL",
)
def test_twee_coordinatoren_voegen_tegelijk_dezelfde_inwoners_samen(personas):
    from skt.models import Rol

    from ..factories import medewerker_maken

    p = personas
    a, b, *_ = twee_dubbelen(p)
    tweede = medewerker_maken("coordinator2", Rol.COORDINATOR, teams=[p.team_a])
    resultaten, fouten = gelijktijdig(
        lambda: inwoners_samenvoegen(door=p.coordinator, overlevende=a, vervallen=b),
        lambda: inwoners_samenvoegen(door=tweede, overlevende=b, vervallen=a),
    )
    assert len(resultaten) == 1 and len(fouten) == 1, (resultaten, fouten)
    assert any(t in " ".join(fouten[0].messages) for t in ("iemand anders", "al samengevoegd"))
    assert Samenvoeging.objects.count() == 1
    assert Inwoner.objects.filter(samenvoeging_vervallen__isnull=True, pk__in=[a.pk, b.pk]).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="rijvergrendeling: draai met DATABASE_URL naar PostgreSQL",
)
def test_samenvoegen_terwijl_een_ander_de_rij_vasthoudt_wordt_meteen_geweigerd(personas):
    import threading

    from django.db import transaction

    p = personas
    a, b, *_ = twee_dubbelen(p)
    vast, klaar = threading.Event(), threading.Event()

    def vasthouden():
        try:
            with transaction.atomic():
                Inwoner.objects.select_for_update().get(pk=b.pk)
                vast.set()
                klaar.wait(timeout=20)
        finally:
            connection.close()

    draad = threading.Thread(target=vasthouden)
    draad.start()
    assert vast.wait(timeout=10)
    try:
        with pytest.raises(ValidationError, match="iemand anders"):
            inwoners_samenvoegen(door=p.coordinator, overlevende=a, vervallen=b)
    finally:
        klaar.set()
        draad.join(timeout=20)
    assert not Samenvoeging.objects.exists()
    assert Melding.objects.filter(inwoner=b).count() == 1


def test_botsende_open_koppelverzoeken_weigeren_de_samenvoeging_zonder_halve_schrijfactie(personas):
    from poort.models import Koppelverzoek
    from poort.services import koppelverzoek_vastleggen

    p = personas
    a, b, _ma, melding_b, *_ = twee_dubbelen(p)
    for inwoner in (a, b):
        koppelverzoek_vastleggen(door=p.beroepskracht2, inwoner=inwoner, gegevens={})
    with pytest.raises(ValidationError, match="open koppelverzoek"):
        inwoners_samenvoegen(door=p.coordinator, overlevende=a, vervallen=b)
    assert Melding.objects.get(pk=melding_b.pk).inwoner_id == b.pk
    assert Koppelverzoek.objects.filter(inwoner=b).count() == 1
    assert not Samenvoeging.objects.exists()


def test_de_vervallen_registratie_gaat_met_de_overlevende_mee_bij_de_bewaartermijn(personas):
    """A tombstone has no activity of its own: it never expires by itself, and it goes with its survivor
    (no name left behind, and no merge record lost while the survivor lives)."""
    from datetime import timedelta

    from dossier import bewaartermijnen
    from dossier.models import Bewaarrun, Bewaartelling

    p = personas
    a, b, *_ = twee_dubbelen(p)
    inwoners_samenvoegen(door=p.coordinator, overlevende=a, vervallen=b)
    over_tien_jaar = timezone.localdate() + timedelta(days=3660)
    assert not bewaartermijnen.verlopen_inwoners(vandaag=over_tien_jaar).filter(pk=b.pk).exists()
    assert b.pk in bewaartermijnen.plan_maken(a.pk).rijen[Inwoner]
    run = Bewaarrun.objects.create(aanleiding=Bewaarrun.Aanleiding.COMMANDO, peildatum=timezone.localdate())
    bewaartermijnen.inwoner_verwijderen(
        inwoner_id=a.pk, regel=Bewaartelling.Regel.ZONDER_VOORZIENING, run=run
    )
    assert not Inwoner.objects.filter(pk__in=[a.pk, b.pk]).exists()
    assert not Samenvoeging.objects.exists()
    assert not Samenvoeging.history.filter(vervallen_id=b.pk).exists()


def test_samenvoegen_van_twee_demo_inwoners(db, settings, als):
    """The issue's Merge test on the demo itself: two demo inwoners with their own meldingen, casussen
    and plans; afterwards the survivor's dossier shows both histories, the tombstone redirects, and the
    survivor's AVG inzage holds everything of both."""
    from django.core.management import call_command
    from django.db.models import Count

    from skt.models import Medewerker

    settings.SKT_DEMO = True
    call_command("demo_data", verbosity=0)
    coordinator = Medewerker.objects.get(username="coordinator")
    kandidaten = (
        rechten.samenvoegen_kandidaten(coordinator)
        .exclude(pk__in=rechten.inwoners_alleen_veilig_thuis())
        .filter(meldingen__veilig_thuis=False)
        .annotate(n=Count("meldingen"))
        .filter(n__gte=1)
        .order_by("pk")
    )
    zonder_vt = [i for i in kandidaten if not rechten.heeft_veilig_thuis(i)]
    a, b = zonder_vt[0], zonder_vt[1]
    voor = {
        "meldingen": set(Melding.objects.filter(inwoner__in=[a, b]).values_list("pk", flat=True)),
        "casussen": Casus.objects.filter(inwoner__in=[a, b]).count(),
        "arrangementen": Arrangement.objects.filter(inwoner__in=[a, b]).count(),
    }
    client = als(coordinator)
    url = reverse("samenvoegen_vergelijken") + f"?a={a.uuid}&b={b.uuid}"
    antwoord = client.post(url, {"overlevende": "a", "bevestig": "on"} | {f"veld_{v}": "a" for v in VELDEN})
    assert antwoord.status_code == 302, antwoord.content.decode()[-2000:]
    dossier = client.get(reverse("inwoner_detail", args=[a.uuid]) + "?soort=melding").content.decode()
    for melding in Melding.objects.filter(pk__in=voor["meldingen"], veilig_thuis=False):
        assert melding.nummer in dossier
    assert set(Melding.objects.filter(inwoner=a).values_list("pk", flat=True)) == voor["meldingen"]
    assert client.get(reverse("inwoner_detail", args=[b.uuid]))["Location"] == reverse(
        "inwoner_detail", args=[a.uuid]
    )
    inzage = json.loads(client.get(reverse("inzage", args=[a.uuid, "json"])).content)
    assert (
        len(inzage["meldingen"])
        == Melding.objects.filter(pk__in=voor["meldingen"], veilig_thuis=False).count()
    )
    assert len(inzage["casussen"]) == voor["casussen"]
    assert len(inzage["arrangementen"]) == voor["arrangementen"]
    assert inzage["samengevoegde_registraties"][0]["registratie"]["achternaam"] == b.achternaam
