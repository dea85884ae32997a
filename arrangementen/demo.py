"""Demo arrangements for inwoners of team Elst, built through the services as the demo users.

Every state and both routes: a concept, submitted ones (one well within its term, one past it),
one in behandeling with an extended term and an internal note, one returned for completion, one
returned and resubmitted (two versions) and then granted, granted, partly granted and rejected
plans with beschikkingsnummers, a Jeugd plan decided by the Jeugd consulent, and plans on the
loket's regular route drafted by a consulent. Each step runs at the moment it would have
happened (the services' ``nu``), so terms, lead times and the monitor read as real work.
Idempotent: once the demo users have drafted a plan, nothing is added.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from casussen.models import Casus
from meldingen.models import Melding
from skt import rechten
from skt.models import Inwoner, Medewerker, Organisatie, Team, Voorziening

from . import demo_werkvoorraad, services
from .categorieen import categorieen_laden
from .models import Arrangement, MaatwerkCategorie, Notificatie

BEROEPSKRACHT = "beroepskracht"
CONSULENT_WMO = "consulent"
CONSULENT_JEUGD = "consulent_jeugd"


@dataclass
class Scenario:
    naam: str
    wet: str = "wmo"
    route: str = "voorwerk"
    ingediend: int | None = None  # days ago; None: stays a concept
    teruggestuurd: int | None = None
    opnieuw_ingediend: int | None = None
    in_behandeling: int | None = None
    besluit: int | None = None  # days ago
    uitkomst: str = ""  # goedkeuren | gedeeltelijk | afwijzen
    verlengen: bool = False
    notitie: str = ""
    maatwerk: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # code, omvang, frequentie, kosten
    overig: list[str] = field(
        default_factory=list
    )  # eigen_kracht | netwerk | vrijwillige_inzet | algemene_voorziening
    tekst: dict = field(default_factory=dict)


SCENARIOS = [
    Scenario(
        "concept",
        maatwerk=[("02", "2 uur", "per week", "2400")],
        overig=["eigen_kracht"],
        tekst={"doel": "Meneer houdt zijn dagritme vast en komt weer buiten."},
    ),
    Scenario(
        "ingediend binnen termijn",
        ingediend=4,
        maatwerk=[("01", "3 uur", "per week", "3100")],
        overig=["netwerk"],
    ),
    Scenario("over de termijn", ingediend=25, maatwerk=[("14", "1 stuks", "eenmalig", "850")]),
    Scenario(
        "in behandeling, verlengd",
        ingediend=6,
        in_behandeling=5,
        verlengen=True,
        notitie="Advies ergotherapeut opgevraagd; dochter belt regelmatig, graag rustig benaderen.",
        maatwerk=[("13", "traplift", "eenmalig", "9500")],
        overig=["netwerk"],
    ),
    Scenario(
        "teruggestuurd",
        ingediend=10,
        in_behandeling=9,
        teruggestuurd=8,
        maatwerk=[("07", "2 dagdelen", "per week", "5200")],
        overig=["vrijwillige_inzet"],
    ),
    Scenario(
        "teruggestuurd en opnieuw ingediend",
        ingediend=60,
        in_behandeling=59,
        teruggestuurd=57,
        opnieuw_ingediend=50,
        besluit=45,
        uitkomst="goedkeuren",
        maatwerk=[("01", "2 uur", "per week", "2100")],
        overig=["netwerk", "algemene_voorziening"],
    ),
    Scenario(
        "goedgekeurd",
        ingediend=120,
        in_behandeling=118,
        besluit=112,
        uitkomst="goedkeuren",
        maatwerk=[("12", "scootmobiel", "eenmalig", "3800")],
        overig=["algemene_voorziening"],
    ),
    Scenario(
        "gedeeltelijk goedgekeurd",
        ingediend=90,
        in_behandeling=89,
        besluit=84,
        uitkomst="gedeeltelijk",
        maatwerk=[("02", "3 uur", "per week", "4300"), ("07", "3 dagdelen", "per week", "7800")],
        overig=["eigen_kracht"],
    ),
    Scenario(
        "afgewezen",
        ingediend=70,
        in_behandeling=69,
        besluit=66,
        uitkomst="afwijzen",
        maatwerk=[("08", "taxivervoer", "4 ritten per week", "1900")],
    ),
    Scenario(
        "jeugd",
        wet="jeugd",
        ingediend=40,
        in_behandeling=35,
        besluit=21,
        uitkomst="goedkeuren",
        maatwerk=[("45", "1,5 uur", "per week", "4600")],
        overig=["netwerk"],
        tekst={
            "feitelijke_beschrijving": "Het gezin heeft veel ruzie; de oudste spijbelt en slaapt slecht.",
            "wensen_inwoner": "Moeder wil weer rust in huis en praten zonder ruzie.",
            "advies_kernteamlid": "Ambulante gezinsbegeleiding; opa haalt de jongste twee keer per week op.",
            "doel": "Rust in het gezin en de oudste weer elke dag naar school.",
            "aard_en_ernst": "Opvoedproblemen, schoolverzuim; geen acute onveiligheid.",
            "beoogd_resultaat": "Ouders hebben handvatten; het verzuim is gestopt.",
        },
    ),
    Scenario(
        "regulier goedgekeurd",
        route="regulier",
        ingediend=100,
        in_behandeling=99,
        besluit=96,
        uitkomst="goedkeuren",
        maatwerk=[("01", "2,5 uur", "per week", "2600")],
    ),
    Scenario(
        "regulier over de termijn",
        route="regulier",
        ingediend=30,
        in_behandeling=28,
        besluit=9,
        uitkomst="goedkeuren",
        maatwerk=[("03", "5 keer", "per week", "6900")],
    ),
    Scenario(
        "regulier ingediend", route="regulier", ingediend=2, maatwerk=[("02", "1 uur", "per week", "1200")]
    ),
]

PLANTEKST = {
    "feitelijke_beschrijving": (
        "Tijdens het keukentafelgesprek: de woning is rommelig, er staat afwas van dagen, de post ligt "
        "ongeopend op tafel. Meneer loopt moeizaam met een stok."
    ),
    "wensen_inwoner": "Zo lang mogelijk thuis blijven wonen en zelf de regie houden.",
    "advies_kernteamlid": (
        "Eerst het netwerk (zoon, buurvrouw) inzetten; daarnaast is maatwerk nodig voor wat het netwerk "
        "niet kan dragen."
    ),
    "doel": "Veilig en schoon thuis wonen, met een vast dagritme.",
    "aard_en_ernst": "Beperkt zelfredzaam in de ADL na een val; het netwerk is klein en belast.",
    "duur": "6 maanden, daarna evalueren",
    "beoogd_resultaat": "Meneer woont veilig thuis, het netwerk is ontlast en hij komt weer buiten.",
}
OVERIG = {
    "eigen_kracht": "Meneer doet zelf de lichte was en houdt een weekplanning bij.",
    "netwerk": "De zoon doet op zaterdag de boodschappen; de buurvrouw kijkt dagelijks even.",
    "vrijwillige_inzet": "Een vrijwilliger van de Formulierenbrigade helpt maandelijks met de post.",
}
REDENEN_NIET = {
    "07": "Dagbesteding is nog niet nodig: eerst de begeleiding thuis, daarna opnieuw bekijken.",
    "08": "De regiotaxi (algemene voorziening) volstaat voor de ritten die meneer maakt.",
}


def _om(dagen_geleden: int, uur: int = 10) -> datetime:
    return timezone.make_aware(
        datetime.combine(timezone.localdate() - timedelta(days=dagen_geleden), time(uur))
    )


def _gebruikers() -> dict[str, Medewerker] | None:
    namen = (BEROEPSKRACHT, CONSULENT_WMO, CONSULENT_JEUGD)
    gebruikers = {m.username: m for m in Medewerker.objects.filter(username__in=namen, is_active=True)}
    return gebruikers if len(gebruikers) == len(namen) else None


class _Bronnen:
    """Where plans start: Elst casussen (opgeschaald first) and meldingen, and the loket's meldingen."""

    def __init__(self, team: Team, loket: Team):
        self.gebruikt: set[int] = set(Arrangement.objects.values_list("inwoner_id", flat=True))
        self.team, self.loket = team, loket

    def _vrij(self, inwoner_id: int | None) -> bool:
        return inwoner_id is not None and inwoner_id not in self.gebruikt

    def voor(self, scenario: Scenario, gebruiker: Medewerker, doeldatum: date) -> dict | None:
        """The free source whose melding lies closest before ``doeldatum`` (when the onderzoek began)."""
        jeugd = scenario.wet == "jeugd"
        kandidaten: list[tuple[date, dict]] = []
        if scenario.route == "voorwerk" and not jeugd:
            for casus in Casus.objects.filter(team=self.team).select_related("melding"):
                if self._vrij(casus.inwoner_id) and not casus.melding.jeugd:
                    kandidaten.append((casus.melding.aanmeldingsdatum, {"casus": casus}))
        if not kandidaten:
            team = self.loket if scenario.route == "regulier" else self.team
            zichtbaar = rechten.inwoners_zichtbaar_voor(gebruiker).values("pk")
            meldingen = Melding.objects.filter(
                team=team, veilig_thuis=False, inwoner__in=zichtbaar, jeugd=jeugd
            ).select_related("inwoner")
            kandidaten = [(m.aanmeldingsdatum, {"melding": m}) for m in meldingen if self._vrij(m.inwoner_id)]
        passend = [k for k in kandidaten if k[0] <= doeldatum] or kandidaten
        if not passend:
            return self._nieuwe_melding(scenario, self.loket if scenario.route == "regulier" else self.team)
        _datum, bron = min(passend, key=lambda k: (abs((doeldatum - k[0]).days), k[0]))
        inwoner_id = (bron.get("casus") or bron.get("melding")).inwoner_id
        self.gebruikt.add(inwoner_id)
        return bron

    def _nieuwe_melding(self, scenario: Scenario, team: Team) -> dict | None:
        """Without the meldingen demo: register one at the poort, as the poort would."""
        from meldingen.services import melding_registreren
        from poort.services import melding_trieren

        poort = Medewerker.objects.filter(username="poort", is_active=True).first()
        vandaag = timezone.localdate()
        kandidaten = Inwoner.objects.filter(kern__teams=self.team, geboortedatum__isnull=False).exclude(
            pk__in=self.gebruikt
        )
        for inwoner in kandidaten.order_by("pk"):
            if bool(inwoner.is_jeugd_op(vandaag)) != (scenario.wet == "jeugd") or poort is None:
                continue
            melding, _nieuw = melding_registreren(
                door=poort,
                inwoner=inwoner,
                anoniem=False,
                aanmeldingsdatum=vandaag - timedelta(days=(scenario.ingediend or 0) + 21),
                ingang="telefoon",
                melder_soort="inwoner",
                vraag="Het lukt thuis niet meer zonder hulp.",
            )
            melding_trieren(
                door=poort,
                melding=melding,
                uitkomst="loket" if team.soort == Team.Soort.LOKET else "kernteam_consulent",
                reden="Maatwerk waarschijnlijk nodig.",
                team=None if team.soort == Team.Soort.LOKET else team,
                jeugd_motivatie="Gezinsvraag die het kernteam al kent." if melding.jeugd else "",
            )
            self.gebruikt.add(inwoner.pk)
            return {"melding": Melding.objects.get(pk=melding.pk)}
        return None


def _onderdelen(scenario: Scenario, voorziening: Voorziening | None) -> list[dict]:
    onderdelen = []
    for soort in scenario.overig:
        if soort == "algemene_voorziening":
            if voorziening is not None:
                onderdelen.append({"soort": soort, "voorziening": voorziening, "omschrijving": "Wekelijks."})
        else:
            onderdelen.append({"soort": soort, "omschrijving": OVERIG[soort]})
    for code, omvang, frequentie, kosten in scenario.maatwerk:
        categorie = MaatwerkCategorie.objects.get(wet=scenario.wet, code=code)
        onderdelen.append(
            {
                "soort": "maatwerkvoorziening",
                "categorie": categorie,
                "omschrijving": categorie.label,
                "omvang": omvang,
                "frequentie": frequentie,
                "duur": "6 maanden",
                "indicatieve_kosten": kosten,
            }
        )
    return onderdelen


# Two zorgaanbieders of the sociale kaart; the granted voorzieningen alternate ZIN and PGB.
DEMO_AANBIEDERS = ("Thuiszorg De Betuwe", "Zorggroep Overbetuwe")


def _zorgaanbieders() -> list[Organisatie]:
    return [
        Organisatie.objects.get_or_create(naam=naam, defaults={"soort": Organisatie.Soort.ZORGAANBIEDER})[0]
        for naam in DEMO_AANBIEDERS
    ]


def _beslissingen(arrangement: Arrangement, scenario: Scenario, nummer: str, datum: date):
    beslissingen = []
    aanbieders = _zorgaanbieders()
    for i, onderdeel in enumerate(arrangement.onderdelen.select_related("categorie")):
        nee = (
            scenario.uitkomst == "gedeeltelijk"
            and onderdeel.is_maatwerk
            and onderdeel.categorie.code in REDENEN_NIET
        )
        beslissingen.append(
            services.Beslissing(
                onderdeel=str(onderdeel.uuid),
                toegekend=not nee,
                reden=REDENEN_NIET.get(onderdeel.categorie.code, "") if nee else "",
                beschikkingsnummer=nummer if onderdeel.is_maatwerk and not nee else "",
                beschikkingsdatum=datum if onderdeel.is_maatwerk and not nee else None,
                **(
                    _voorziening(onderdeel, aanbieders[i % 2], datum, pgb=i % 2 == 1)
                    if onderdeel.is_maatwerk and not nee
                    else {}
                ),
            )
        )
    return beslissingen


def _voorziening(onderdeel, aanbieder: Organisatie, datum: date, *, pgb: bool) -> dict:
    return {
        "product": f"{onderdeel.categorie.code} {onderdeel.categorie.label}"[:100],
        "zorgaanbieder": aanbieder.pk,
        "leveringsvorm": "pgb" if pgb else "zin",
        "omvang_eenheden": "3",
        "omvang_eenheid": "uur",
        "omvang_periode": "week",
        "ingangsdatum": datum,
        "einddatum": datum + timedelta(days=182),
    }


def _scenario_laden(
    scenario: Scenario, bron: dict, g: dict[str, Medewerker], voorziening, volgnummer: int, rng: random.Random
):
    opsteller = g[CONSULENT_JEUGD] if scenario.route == "regulier" else g[BEROEPSKRACHT]
    beslisser = g[CONSULENT_JEUGD] if scenario.wet == "jeugd" else g[CONSULENT_WMO]
    melding = bron.get("melding") or bron["casus"].melding
    indienen = scenario.ingediend
    opstel_dagen = (indienen or 0) + 6
    opstellen = _om(opstel_dagen, 9)
    # The Wmo melding: when maatwerk came in sight, after the kernteam's own melding.
    meldingsdatum = min(
        max(melding.aanmeldingsdatum, opstellen.date() - timedelta(days=rng.randint(10, 30))),
        opstellen.date(),
    )
    tekst = {
        **PLANTEKST,
        **scenario.tekst,
        "meldingsdatum": meldingsdatum,
        "keukentafelgesprek_op": max(meldingsdatum, opstellen.date() - timedelta(days=2)),
    }
    arrangement = services.arrangement_opstellen(
        door=opsteller,
        wet=scenario.wet,
        gegevens=tekst,
        onderdelen=_onderdelen(scenario, voorziening),
        nu=opstellen,
        **bron,
    )
    if indienen is None:
        return arrangement
    arrangement = services.arrangement_indienen(door=opsteller, arrangement=arrangement, nu=_om(indienen))
    if scenario.in_behandeling is not None:
        arrangement = services.arrangement_in_behandeling_nemen(
            door=beslisser, arrangement=arrangement, nu=_om(scenario.in_behandeling, 11)
        )
    if scenario.notitie:
        services.interne_notitie_toevoegen(
            door=beslisser,
            arrangement=arrangement,
            tekst=scenario.notitie,
            nu=_om(scenario.in_behandeling or 0, 12),
        )
    if scenario.verlengen:
        services.termijn_verlengen(
            door=beslisser,
            arrangement=arrangement,
            nieuwe_einddatum=arrangement.aanvraagdatum + timedelta(weeks=6),
            reden="Advies van de ergotherapeut is nodig om de woonvoorziening te kunnen beoordelen.",
            nu=_om(scenario.in_behandeling or 0, 13),
        )
    if scenario.teruggestuurd is not None:
        arrangement = services.arrangement_terugsturen(
            door=beslisser,
            arrangement=arrangement,
            toelichting=(
                "Onderbouw de omvang: waarom deze uren, en wat kan het netwerk zelf? Vul ook het "
                "advies aan met wat er al geprobeerd is."
            ),
            nu=_om(scenario.teruggestuurd, 14),
        )
    if scenario.opnieuw_ingediend is not None:
        services.arrangement_opslaan(
            door=opsteller,
            arrangement=arrangement,
            gegevens={
                "advies_kernteamlid": PLANTEKST["advies_kernteamlid"]
                + " Geprobeerd: de zoon deed twee maanden het huishouden; dat houdt hij naast zijn werk"
                " niet vol."
            },
            nu=_om(scenario.opnieuw_ingediend + 1),
        )
        arrangement = services.arrangement_indienen(
            door=opsteller, arrangement=arrangement, nu=_om(scenario.opnieuw_ingediend)
        )
        arrangement = services.arrangement_in_behandeling_nemen(
            door=beslisser, arrangement=arrangement, nu=_om(scenario.opnieuw_ingediend, 15)
        )
    if scenario.besluit is not None:
        moment = _om(scenario.besluit, 15)
        prefix = "JW" if scenario.wet == "jeugd" else "WMO"
        nummer = f"{prefix}-{moment:%Y}-{4100 + volgnummer:04d}"
        if scenario.uitkomst == "afwijzen":
            arrangement = services.arrangement_afwijzen(
                door=beslisser, arrangement=arrangement, reden=REDENEN_NIET["08"], nu=moment
            )
        else:
            arrangement = services.arrangement_beslissen(
                door=beslisser,
                arrangement=arrangement,
                beslissingen=_beslissingen(arrangement, scenario, nummer, moment.date()),
                nu=moment,
            )
    return arrangement


@transaction.atomic
def demo_laden(rng: random.Random) -> None:
    categorieen_laden()
    gebruikers = _gebruikers()
    team = Team.objects.filter(code="elst", actief=True).first()
    loket = Team.objects.filter(soort=Team.Soort.LOKET, actief=True).order_by("pk").first()
    if gebruikers is None or team is None or loket is None:
        return
    if Arrangement.objects.filter(opgesteld_door__in=gebruikers.values()).exists():
        return
    bronnen = _Bronnen(team, loket)
    voorzieningen = list(services.algemene_voorzieningen().order_by("naam"))
    for i, scenario in enumerate(SCENARIOS):
        opsteller = gebruikers[CONSULENT_JEUGD if scenario.route == "regulier" else BEROEPSKRACHT]
        doeldatum = timezone.localdate() - timedelta(days=(scenario.ingediend or 0) + 30)
        bron = bronnen.voor(scenario, opsteller, doeldatum)
        if bron is None:
            continue
        voorziening = rng.choice(voorzieningen) if voorzieningen else None
        _scenario_laden(scenario, bron, gebruikers, voorziening, i, rng)
    # Messages about decisions older than a month have been read; the recent ones wait.
    grens = timezone.now() - timedelta(days=30)
    for bericht in Notificatie.objects.filter(gelezen_op__isnull=True, aangemaakt_op__lt=grens):
        services.notificatie_lezen(door=bericht.medewerker, notificatie=bericht, nu=bericht.aangemaakt_op)
    # The loket's werkvoorraad after the plans: an item that led to a plan finds that plan.
    demo_werkvoorraad.demo_laden()
