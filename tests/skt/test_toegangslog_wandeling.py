"""An access log that misses nothing a person saw: walk every page as every role.

Every non-admin URL pattern (tests/skt/test_anoniem.py), with its <uuid> filled with each object of
its kind in the rights-matrix world, plus the query strings and the one POST that show people (the
searches, the melding form for a known inwoner, the duplicate listing, list filters). For every
answer that shows the name of an inwoner of the world, the access-log rows written during that
request must reference that inwoner: directly (``Toegang.inwoner``) or through the list references
(``ToegangInwoner``).
"""

from __future__ import annotations

import html
import json
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import transaction
from django.db.models import Max
from django.test import override_settings
from django.urls import resolve
from django.utils import dateformat, translation

from arrangementen.models import Notificatie
from casussen import services as casus_services
from casussen.vocab import KADERS
from meldingen import services as melding_services
from monitor.models import MonitorRapport
from poort.models import Koppelverzoek
from skt.models import Toegang, ToegangInwoner

from ..conftest import PERSONA_ROLLEN, SNELLE_HASHER, ingelogde_client
from ..test_rechtenmatrix import VANDAAG, Wereld, wereld_bouwen
from .test_anoniem import URLS

pytestmark = pytest.mark.django_db

ROLLEN = list(PERSONA_ROLLEN)
# The placeholder test_anoniem puts in every <uuid>; replaced here by real objects.
PLAATSHOUDER = str(uuid.uuid5(uuid.NAMESPACE_URL, "skt-anoniem"))

# URL name -> the kind of object its <uuid> names.
SOORT_VAN_URL = {
    "inwoner_detail": "inwoner",
    "wie_keek": "inwoner",
    "inzage": "inwoner",
    "arrangementen:inwoner": "inwoner",
    "huishouden": "huishouden",
    "poort:trieren": "melding",
    "meldingen:detail": "melding",
    "meldingen:eerste_contact": "melding",
    "meldingen:afsluiten": "melding",
    "meldingen:terugkoppeling": "melding",
    "meldingen:doorschakelen": "melding",
    "casussen:nieuw": "melding",
    "meldingen:signaal_detail": "signaal",
    "casussen:detail": "casus",
    "casussen:contactmoment": "casus",
    "casussen:zrm": "casus",
    "casussen:afsluiten": "casus",
    "casussen:advies": "casus",
    "casussen:starten": "casus",
    "casussen:vrijwilliger": "casus",
    "arrangementen:detail": "arrangement",
    "arrangementen:bewerken": "arrangement",
    "arrangementen:indienen": "arrangement",
    "arrangementen:versie": "arrangement",
    "arrangementen:in_behandeling_nemen": "arrangement",
    "arrangementen:teruggeven": "arrangement",
    "arrangementen:beslissen": "arrangement",
    "arrangementen:terugsturen": "arrangement",
    "arrangementen:afwijzen": "arrangement",
    "arrangementen:verlengen": "arrangement",
    "arrangementen:notitie": "arrangement",
    "arrangementen:evalueren": "arrangement",
    "arrangementen:bericht": "bericht",
    "poort:koppelverzoek": "koppelverzoek",
    "poort:koppelverzoek_afhandelen": "koppelverzoek",
    "arrangementen:aanvraag": "aanvraag",
    "arrangementen:aanvraag_in_behandeling_nemen": "aanvraag",
    "arrangementen:aanvraag_teruggeven": "aanvraag",
    "arrangementen:aanvraag_afhandelen": "aanvraag",
    "monitor:rapport_status": "rapport",
    "monitor:rapport_pdf": "rapport",
    "monitor:rapport_json": "rapport",
    "monitor:rapport_csv": "rapport",
    "monitor:rapport_vaststellen": "rapport",
    "bewaarplicht": "inwoner",
    "bewaarplicht_opheffen": "inwoner",
    "verwijderverzoek": "inwoner",
    "herverdelen_medewerker": "medewerker",
    "herverdelen_deactiveren": "medewerker",
    "inwoner_wijzigen": "inwoner",
    "huishouden_maken": "inwoner",
    "meldingen:corrigeren": "melding",
}
# Not walked as a logged-in medewerker, each with the reason.
NIET_GEWANDELD = {
    "inloggen": "the login form: a logged-in client is sent on; no inwoner data",
    "tweede_factor": "the second-factor form: no inwoner data",
    "uitloggen": "would end the session the walk reuses; shows no inwoner data",
    "gezondheid": "answers 'ok'",
    # Beheer: configuration and accounts, never an inwoner (tests/skt/test_beheer.py refuses every
    # other role); the pages by uuid name a medewerker or a configuration record.
    "beheer:medewerker": "a medewerker's account page: no inwoner data",
    "beheer:medewerker_actief": "POST only, an account: no inwoner data",
    "beheer:medewerker_tweede_factor": "POST only, an account: no inwoner data",
    "beheer:medewerker_uitnodigen": "POST only, an account: no inwoner data",
    "beheer:rechtenwijziging": "a proposed role and teams of a medewerker: no inwoner data",
    "beheer:rechtenwijziging_bevestigen": "POST only, a medewerker's rights: no inwoner data",
    "beheer:rechtenwijziging_weigeren": "POST only, a medewerker's rights: no inwoner data",
    "beheer:team": "a team's configuration: no inwoner data",
    "beheer:organisatie": "an organisation on the sociale kaart: no inwoner data",
    "beheer:voorziening": "a voorziening on the sociale kaart: no inwoner data",
}
# Melding and arrangement forms and actions are walked with one object per dataset (there are many);
# detail pages and the other kinds with every object of the world.
DETAILS = {"meldingen:detail", "poort:trieren", "arrangementen:detail"}
EEN_PER_DATASET = {"melding", "arrangement"}


@dataclass
class Verzoek:
    naam: str  # URL name, for the coverage check
    url: str
    data: dict | None = None  # a POST
    volgen: bool = False  # follow the redirect (a POSTed search shows its result behind a key)


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """The rights-matrix world (tests/test_rechtenmatrix.py) plus a monitor report, in one transaction
    rolled back at the end of the module."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=SNELLE_HASHER):
        buiten = transaction.atomic()
        buiten.__enter__()
        try:
            w = wereld_bouwen()
            w.klanten = {naam: ingelogde_client(m) for naam, m in w.p.alle().items()}
            MonitorRapport.objects.create(
                van=VANDAAG().replace(month=1, day=1), tot=VANDAAG(), versie=1, sleutel="wandeling"
            )
            # A casus waiting for the coordinator's advice, so the advice list has a row.
            b1 = w.data["B1"]
            b1.objecten["advies"] = casus_services.casus_starten(
                door=w.p.beroepskracht2,
                melding=b1.objecten["tweede"],
                casushouder=w.p.beroepskracht2,
                doel="Twijfel of dit kortdurend kan.",
                kaders={k.veld: True for k in KADERS},
                toets_collega=w.collega_b,
                toets_datum=VANDAAG() - timedelta(days=3),
                toets_uitkomst="Twijfel.",
                twijfel=True,
                adviesvraag="Past dit binnen de kaders?",
            )
            # An anonymous melding: the queues show it without an inwoner.
            melding_services.melding_registreren(
                door=w.p.poort,
                inwoner=None,
                anoniem=True,
                aanmeldingsdatum=VANDAAG(),
                ingang="telefoon",
                melder_soort="buurtbewoner",
                vraag="Zorgen om de buurman.",
            )
            # A refused re-registration by the outsider: the poort's work item about A1.
            a1 = w.data["A1"].inwoner
            Koppelverzoek.objects.create(
                inwoner=a1,
                gevraagd_door=w.p.buitenstaander,
                voornamen_ingevoerd=a1.voornamen,
                achternaam_ingevoerd=a1.achternaam,
                geboortedatum_ingevoerd=a1.geboortedatum,
            )
            yield w
        finally:
            transaction.set_rollback(True)
            buiten.__exit__(None, None, None)


def _objecten(w: Wereld) -> dict[str, list]:
    """Per kind: (object, is it the first of its dataset) for every object of the world."""
    soorten: dict[str, list] = {k: [] for k in set(SOORT_VAN_URL.values())}
    gezien: set[tuple[str, str]] = set()
    for ds in w.data.values():
        soorten["inwoner"].append((ds.inwoner, True))
        soorten["huishouden"].append((ds.inwoner.huishouden, True))
        for naam, soort in (
            ("melding", "melding"),
            ("nieuw", "melding"),
            ("tweede", "melding"),
            ("casus", "casus"),
            ("advies", "casus"),
            ("arrangement", "arrangement"),
            ("ingediend", "arrangement"),
            ("concept", "arrangement"),
            ("signaal", "signaal"),
        ):
            obj = ds.objecten.get(naam)
            if obj is None or any(obj.pk == o.pk for o, _eerste in soorten[soort]):
                continue
            soorten[soort].append((obj, (soort, ds.code) not in gezien))
            gezien.add((soort, ds.code))
    soorten["melding"].append((w.vt_melding, True))
    # Opening a message only redirects to its plan: a few are enough.
    soorten["bericht"] = [(n, True) for n in Notificatie.objects.order_by("pk")[:4]]
    soorten["rapport"] = [(r, True) for r in MonitorRapport.objects.all()]
    soorten["koppelverzoek"] = [(k, True) for k in Koppelverzoek.objects.all()]
    try:
        aanvraag = apps.get_model("arrangementen", "Aanvraag")
    except LookupError:
        aanvraag = None
    soorten["aanvraag"] = [(a, True) for a in aanvraag.objects.all()] if aanvraag else []
    # The coordinator's reassignment page of each persona lists their open work with the inwoners.
    soorten["medewerker"] = [(m, True) for m in w.p.alle().values()]
    return soorten


def _zoekvarianten(w: Wereld) -> list[Verzoek]:
    verzoeken = []
    for ds in w.data.values():
        i = ds.inwoner
        verzoeken += [
            # A BSN search is POSTed (issue 15): the number never lands in a URL.
            Verzoek("poort:zoeken", "/poort/zoeken/", {"bsn": i.bsn}, volgen=True),
            Verzoek(
                "poort:zoeken", f"/poort/zoeken/?achternaam={i.achternaam}&geboortedatum={i.geboortedatum}"
            ),
            Verzoek("poort:zoeken", f"/poort/zoeken/?postcode={i.postcode}&huisnummer={i.huisnummer}"),
            Verzoek("inwoners", f"/inwoners/?q={i.achternaam}"),
            Verzoek("poort:melding_nieuw", f"/poort/melding/nieuw/?inwoner={i.uuid}"),
            Verzoek("noodtoegang", f"/noodtoegang/?inwoner={i.uuid}"),
            Verzoek("arrangementen:nieuw", f"/arrangementen/nieuw/?inwoner={i.uuid}"),
        ]
        # A near-duplicate: same surname and birth date, another first name, no BSN.
        dubbel = {
            "voornamen": "Anders",
            "achternaam": i.achternaam,
            "geboortedatum": i.geboortedatum.isoformat(),
            "postcode": "6661 AB",
            "huisnummer": "1",
            "woonplaats": "Elst",
            "kern": str(i.kern_id or ""),
        }
        verzoeken += [
            Verzoek("poort:inwoner_nieuw", "/poort/inwoner/nieuw/", dubbel),
            Verzoek("inwoner_nieuw", "/inwoners/nieuw/", dubbel),
        ]
        for naam in ("casus", "melding"):
            if naam in ds.objecten:
                verzoeken.append(
                    Verzoek("arrangementen:nieuw", f"/arrangementen/nieuw/?{naam}={ds.objecten[naam].uuid}")
                )
    verzoeken += [
        Verzoek("inwoners", "/inwoners/?q=6661AB"),
        Verzoek("inwoners", "/inwoners/", {"q": w.data["A1"].inwoner.bsn}, volgen=True),
        Verzoek("casussen:mijn", "/casussen/?status=alle"),
        Verzoek("casussen:mijn", "/casussen/?status=afgesloten"),
        Verzoek("casussen:team", "/caseload/?status=alle"),
        Verzoek("arrangementen:overzicht", "/arrangementen/?status=open"),
        Verzoek("arrangementen:overzicht", "/arrangementen/?status=beschikt"),
        Verzoek("poort:wachtrij", "/poort/?ingang=telefoon"),
        Verzoek("meldingen:wachtrij", "/meldingen/wachtrij/?ingang=telefoon"),
        Verzoek("toegangslog", "/toegangslog/?geweigerd=1"),
    ]
    for team in (w.p.team_a, w.p.team_b, w.team_c, w.p.loket):
        verzoeken += [
            Verzoek("meldingen:wachtrij", f"/meldingen/wachtrij/?team={team.uuid}"),
            Verzoek("meldingen:achterstand", f"/meldingen/achterstand/?team={team.uuid}"),
            Verzoek("casussen:team", f"/caseload/?status=alle&team={team.code}"),
        ]
    return verzoeken


def _verzoeken(w: Wereld) -> list[Verzoek]:
    objecten = _objecten(w)
    verzoeken = []
    for naam, url, _view in URLS:
        if naam.startswith("admin:") or naam in NIET_GEWANDELD:
            continue
        if PLAATSHOUDER not in url:
            verzoeken.append(Verzoek(naam, url))
            continue
        assert naam in SOORT_VAN_URL, f"{naam} ({url}): zeg in SOORT_VAN_URL welk soort object de uuid noemt"
        for obj, eerste in objecten[SOORT_VAN_URL[naam]]:
            if SOORT_VAN_URL[naam] in EEN_PER_DATASET and naam not in DETAILS and not eerste:
                continue
            concreet = url.replace(PLAATSHOUDER, str(obj.uuid))
            if naam == "inzage":
                verzoeken.append(Verzoek(naam, concreet.replace(".x", ".json")))
                # One PDF (WeasyPrint is slow; the walk makes it for the coordinator only); the JSON
                # has the same data for every inwoner.
                if obj.pk == w.data["A1"].inwoner.pk:
                    verzoeken.append(Verzoek(naam, concreet.replace(".x", ".pdf")))
            else:
                verzoeken.append(Verzoek(naam, concreet))
    return verzoeken + _zoekvarianten(w)


def _kenmerken(w: Wereld) -> dict[int, tuple[str, list[str], str]]:
    """Per inwoner of the world: (code, its full name as pages escape it, its surname with the
    birth date in the formats the templates use)."""
    with translation.override("nl"):
        uit = {}
        for ds in w.data.values():
            i = ds.inwoner
            datums = (
                [dateformat.format(i.geboortedatum, f) for f in ("j F Y", "d-m-Y")] if i.geboortedatum else []
            )
            uit[i.pk] = (ds.code, [html.escape(i.naam), i.naam], html.escape(i.achternaam), datums)
    return uit


def _getoond(kenmerken, inhoud: str) -> dict[int, str]:
    """The inwoners of the world whose name, or surname together with birth date, the body shows."""
    getoond = {}
    for pk, (code, namen, achternaam, datums) in kenmerken.items():
        if any(n in inhoud for n in namen) or (achternaam in inhoud and any(d in inhoud for d in datums)):
            getoond[pk] = code
    return getoond


def _gelogd(na: int) -> set[int]:
    """Every inwoner the access-log rows after id ``na`` reference."""
    rijen = Toegang.objects.filter(pk__gt=na)
    direct = set(rijen.exclude(inwoner_id=None).values_list("inwoner_id", flat=True))
    via_lijst = set(ToegangInwoner.objects.filter(toegang__in=rijen).values_list("inwoner_id", flat=True))
    return direct | via_lijst


def _laatste_id() -> int:
    return Toegang.objects.aggregate(m=Max("pk"))["m"] or 0


# Per role: the least number of answers with a name of the world on them the walk must check.
# (Observed when written: 88, 79, 70, 8, 89, 76, 94, 0, 0, 11; beleid and beheerder never see a name.)
MINIMUM_MET_NAMEN = {
    "poort": 70,
    "beroepskracht": 60,
    "beroepskracht2": 55,
    "vrijwilliger": 6,
    "consulent": 70,
    "consulent_jeugd": 60,
    "coordinator": 75,
    "beleid": 0,
    "beheerder": 0,
    "buitenstaander": 8,
}


def test_de_wandeling_dekt_elke_pagina(wereld):
    """A new URL pattern is walked, or named here with the reason it is not."""
    gewandeld = {v.naam for v in _verzoeken(wereld)}
    for naam, url, _view in URLS:
        if naam.startswith("admin:"):
            continue
        assert naam in gewandeld or naam in NIET_GEWANDELD, f"{naam} ({url}) wordt niet gewandeld"
    for v in _verzoeken(wereld):
        assert resolve(v.url.split("?")[0]).view_name == v.naam, v.url


@pytest.mark.parametrize("rol", ROLLEN)
def test_elke_getoonde_inwoner_staat_in_het_toegangslog(wereld, rol, settings):
    """Every answer that shows an inwoner's name has an access-log row (of that request) about them."""
    # The walk searches more often than a person may per minute; the limit has tests of its own.
    settings.SKT_LIMIET_ZOEKEN_PER_MINUUT = 100_000
    w = wereld
    klant = w.klanten[rol]
    kenmerken = _kenmerken(w)
    gemist: list[str] = []
    telling: Counter = Counter()
    for verzoek in _verzoeken(w):
        if verzoek.url.endswith(".pdf") and rol != "coordinator":
            continue
        klant.cookies.pop("messages", None)
        voor = _laatste_id()
        if verzoek.data is None:
            antwoord = klant.get(verzoek.url)
        else:
            antwoord = klant.post(verzoek.url, verzoek.data, follow=verzoek.volgen)
        assert antwoord.status_code < 500, f"{rol} op {verzoek.url}: status {antwoord.status_code}"
        telling["verzoeken"] += 1
        if antwoord.status_code != 200:
            continue
        telling["200"] += 1
        soort = antwoord.get("Content-Type", "")
        if soort.startswith("application/pdf"):
            # A download: at least its own row; the inzage PDF names its inwoner.
            assert Toegang.objects.filter(pk__gt=voor).exists(), f"{rol} op {verzoek.url}: niet gelogd"
            if verzoek.naam == "inzage":
                uuid_ = verzoek.url.split("/")[2]
                inwoner = next(d.inwoner for d in w.data.values() if str(d.inwoner.uuid) == uuid_)
                assert inwoner.pk in _gelogd(voor), f"{rol} op {verzoek.url}: inzage-PDF niet gelogd"
            telling["downloads"] += 1
            continue
        inhoud = antwoord.content.decode()
        if soort.startswith("application/json"):
            inhoud = json.dumps(json.loads(inhoud), ensure_ascii=False)
        getoond = _getoond(kenmerken, inhoud)
        if not getoond:
            continue
        telling["met namen"] += 1
        telling["namen"] += len(getoond)
        gelogd = _gelogd(voor)
        for pk, code in getoond.items():
            if pk not in gelogd:
                naam = next(n for n in kenmerken[pk][1])
                gemist.append(
                    f"{rol} op {'POST ' if verzoek.data else ''}{verzoek.url} ({verzoek.naam}): "
                    f"toont {naam} (inwoner {code}), geen toegangslog-regel verwijst naar die inwoner"
                )
    print(f"\n{rol}: {dict(telling)}")
    assert not gemist, f"{len(gemist)} keer niet gelogd:\n" + "\n".join(gemist)
    assert telling["met namen"] >= MINIMUM_MET_NAMEN[rol], (
        f"{rol}: maar {telling['met namen']} antwoorden met namen gecontroleerd ({dict(telling)})"
    )
