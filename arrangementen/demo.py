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
from poort.demo_verhalen import Verhaal, verhaal, verhaal_van
from skt import rechten
from skt import services as skt_services
from skt.models import Inwoner, Leefgebied, Medewerker, Organisatie, Rol, Team, Voorziening

from . import demo_werkvoorraad, services
from .categorieen import categorieen_laden
from .models import Arrangement, MaatwerkCategorie, Notificatie

BEROEPSKRACHT = "beroepskracht"
CONSULENT_WMO = "consulent"
CONSULENT_JEUGD = "consulent_jeugd"
# A colleague of the demo Wmo consulent (no login): drafts the loket's own Wmo plans on the regular
# route, which the demo consulent decides; nobody decides a plan they drafted, and the Jeugd consulent
# only handles Jeugd plans.
COLLEGA_WMO = ("consulent_wmo2", "Marloes", "Akkerman")


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
    # The stories this plan fits (keys of poort.demo_verhalen), in order of preference.
    voorkeur: tuple[str, ...] = ("val",)


SCENARIOS = [
    Scenario(
        "concept",
        maatwerk=[("02", "2 uur", "per week", "2400")],
        overig=["eigen_kracht"],
        voorkeur=("alleen", "vergeetachtig"),
    ),
    Scenario(
        "ingediend binnen termijn",
        ingediend=4,
        maatwerk=[("01", "3 uur", "per week", "3100")],
        overig=["netwerk"],
        voorkeur=("heup", "val"),
    ),
    Scenario(
        "over de termijn",
        ingediend=25,
        maatwerk=[("14", "1 stuks", "eenmalig", "850")],
        voorkeur=("val", "heup"),
    ),
    Scenario(
        "in behandeling, verlengd",
        ingediend=6,
        in_behandeling=5,
        verlengen=True,
        notitie="Advies ergotherapeut opgevraagd; dochter belt regelmatig, graag rustig benaderen.",
        maatwerk=[("13", "traplift", "eenmalig", "9500")],
        overig=["netwerk"],
        voorkeur=("wassen",),
    ),
    Scenario(
        "teruggestuurd",
        ingediend=10,
        in_behandeling=9,
        teruggestuurd=8,
        maatwerk=[("07", "2 dagdelen", "per week", "5200")],
        overig=["vrijwillige_inzet"],
        voorkeur=("vergeetachtig",),
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
        voorkeur=("val", "heup"),
    ),
    Scenario(
        "gedeeltelijk goedgekeurd",
        ingediend=90,
        in_behandeling=89,
        besluit=84,
        uitkomst="gedeeltelijk",
        maatwerk=[("02", "3 uur", "per week", "4300"), ("07", "3 dagdelen", "per week", "7800")],
        overig=["eigen_kracht"],
        voorkeur=("vergeetachtig",),
    ),
    Scenario(
        "afgewezen",
        ingediend=70,
        in_behandeling=69,
        besluit=66,
        uitkomst="afwijzen",
        maatwerk=[("08", "taxivervoer", "4 ritten per week", "1900")],
        voorkeur=("overdag", "alleen"),
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
        voorkeur=("spijbelen",),
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
        voorkeur=("heup", "val"),
    ),
    Scenario(
        "regulier over de termijn",
        route="regulier",
        ingediend=30,
        in_behandeling=28,
        besluit=9,
        uitkomst="goedkeuren",
        maatwerk=[("03", "5 keer", "per week", "6900")],
        voorkeur=("wassen",),
    ),
    Scenario(
        "regulier ingediend",
        route="regulier",
        ingediend=2,
        maatwerk=[("02", "1 uur", "per week", "1200")],
        voorkeur=("vergeetachtig", "alleen"),
    ),
]

# The plan in the words of the inwoner's story (poort.demo_verhalen); a Jeugd plan has its text on
# its scenario. "geprobeerd" is what the kernteamlid adds when a returned plan is resubmitted.
PLANNEN: dict[str, dict[str, str]] = {
    "val": {
        "feitelijke_beschrijving": (
            "Tijdens het keukentafelgesprek: de woning is rommelig, er staat afwas van dagen, de post ligt "
            "ongeopend op tafel. De inwoner loopt sinds de val moeizaam met een stok."
        ),
        "wensen_inwoner": "Zo lang mogelijk thuis blijven wonen en zelf de regie houden.",
        "advies_kernteamlid": (
            "Eerst het netwerk (zoon, buurvrouw) inzetten; daarnaast is maatwerk nodig voor wat het netwerk "
            "niet kan dragen."
        ),
        "doel": "Veilig en schoon thuis wonen, met een vast dagritme.",
        "aard_en_ernst": "Beperkt zelfredzaam in de ADL na een val; het netwerk is klein en belast.",
        "beoogd_resultaat": "De inwoner woont veilig thuis, het netwerk is ontlast en komt weer buiten.",
        "eigen_kracht": "Kookt zelf en doet de lichte was; houdt een weekplanning bij.",
        "netwerk": "De zoon doet op zaterdag de boodschappen; de buurvrouw kijkt dagelijks even.",
        "vrijwillige_inzet": "Een vrijwilliger loopt wekelijks mee naar buiten, met de stok.",
        "geprobeerd": "Geprobeerd: de zoon deed twee maanden ook het huishouden; dat houdt hij naast zijn "
        "werk niet vol.",
    },
    "heup": {
        "feitelijke_beschrijving": (
            "Na de heupoperatie loopt de inwoner met een rollator. Boodschappen gaan met de buurvrouw; "
            "stofzuigen, bedden verschonen en de badkamer schoonmaken lukken niet."
        ),
        "wensen_inwoner": "Het huis schoon houden tot de heup hersteld is, en dan weer zelf.",
        "advies_kernteamlid": (
            "De buurvrouw blijft helpen met de boodschappen; voor het zware huishouden is tijdelijk hulp "
            "nodig."
        ),
        "doel": "Een schoon en veilig huis tijdens het herstel van de heup.",
        "aard_en_ernst": "Tijdelijk beperkt na een heupoperatie; herstel verwacht binnen een half jaar.",
        "beoogd_resultaat": "Het huis is schoon; na het herstel doet de inwoner het huishouden weer zelf.",
        "eigen_kracht": "Doet zelf de afwas en de lichte was.",
        "netwerk": "De buurvrouw gaat op dinsdag mee naar de supermarkt.",
        "vrijwillige_inzet": "De boodschappendienst bezorgt op vrijdag.",
    },
    "wassen": {
        "feitelijke_beschrijving": (
            "De douche is boven en de trap lukt slecht; de inwoner wast zich aan de wastafel beneden. "
            "Aankleden kost veel tijd en lukt niet zonder hulp bij de kousen."
        ),
        "wensen_inwoner": "Zelf weer kunnen douchen, in het eigen huis.",
        "advies_kernteamlid": (
            "De wijkverpleging helpt nu twee ochtenden; voor de trap en de verzorging op de andere dagen is "
            "maatwerk nodig."
        ),
        "doel": "Veilig wassen en aankleden in het eigen huis.",
        "aard_en_ernst": "Beperkt in de persoonlijke verzorging door artrose; de trap is onveilig.",
        "beoogd_resultaat": "De inwoner douchet weer veilig en is op tijd aangekleed.",
        "eigen_kracht": "Wast zich beneden zelf, met een douchestoel.",
        "netwerk": "De dochter belt elke ochtend en komt in het weekend.",
        "vrijwillige_inzet": "Een vrijwilliger komt op woensdag voor de koffie.",
    },
    "vergeetachtig": {
        "feitelijke_beschrijving": (
            "De inwoner vergeet afspraken en maaltijden; de huisarts vermoedt beginnende dementie. De "
            "dochter woont ver weg en belt elke ochtend."
        ),
        "wensen_inwoner": "Thuis blijven wonen, met vaste dagen waarop er iemand is.",
        "advies_kernteamlid": (
            "Weekbord en maaltijdservice helpen; voor structuur overdag en contact met anderen is "
            "begeleiding en dagbesteding nodig."
        ),
        "doel": "Een vast dagritme met gezelschap, zodat de inwoner veilig thuis kan blijven wonen.",
        "aard_en_ernst": "Geheugenproblemen, verwaarlozing van de maaltijden; het netwerk is klein.",
        "beoogd_resultaat": "Vaste dagen met dagbesteding; de dochter is ontlast.",
        "eigen_kracht": "Werkt met het weekbord in de keuken.",
        "netwerk": "De dochter belt elke ochtend en komt eens per twee weken.",
        "vrijwillige_inzet": "Een vrijwilliger haalt de inwoner op woensdag op voor een wandeling.",
    },
    "alleen": {
        "feitelijke_beschrijving": (
            "De inwoner komt de deur weinig uit sinds de buurvrouw verhuisde en heeft geen vast ritme "
            "meer. De kaartmiddag lukt nog niet alleen."
        ),
        "wensen_inwoner": "Weer onder de mensen komen en een vaste week hebben.",
        "advies_kernteamlid": (
            "Eerst de kaartmiddag met de vrijwilliger; begeleiding om het ritme vast te houden."
        ),
        "doel": "De inwoner houdt een dagritme vast en komt weer buiten.",
        "aard_en_ernst": "Eenzaamheid en somberheid; lichamelijk redelijk zelfstandig.",
        "beoogd_resultaat": "Een vaste week met de kaartmiddag en de koffieochtend.",
        "eigen_kracht": "Fietst zelf naar het dorpshuis als het droog is.",
        "netwerk": "Een oud-collega belt eens per week.",
        "vrijwillige_inzet": "De vrijwilliger gaat mee naar de kaartmiddag.",
    },
    "overdag": {
        "feitelijke_beschrijving": (
            "Het echtpaar wil naar de dagactiviteit in het dorpshuis, maar fietsen lukt niet meer en de "
            "buurtbus rijdt niet op woensdag."
        ),
        "wensen_inwoner": "Twee keer per week naar de dagactiviteit, samen.",
        "advies_kernteamlid": "Vervoer naar de dagactiviteit; de buurtbus rijdt op maandag.",
        "doel": "Twee keer per week naar de dagactiviteit in het dorpshuis.",
        "aard_en_ernst": "Beperkte mobiliteit; verder zelfredzaam.",
        "beoogd_resultaat": "Het echtpaar gaat vast naar de dagactiviteit.",
        "eigen_kracht": "Loopt zelf naar de bushalte.",
        "netwerk": "De buurman rijdt als hij kan.",
        "vrijwillige_inzet": "De buurtbus op maandag.",
    },
}
# Which algemene voorziening of the sociale kaart a plan names, by the words of its name.
VOORZIENING_VOOR = {"vergeetachtig": "mantelzorg", "wassen": "mantelzorg"}
REDENEN_NIET = {
    "07": "Dagbesteding is nog niet nodig: eerst de begeleiding thuis, daarna opnieuw bekijken.",
    "08": "De regiotaxi (algemene voorziening) volstaat voor de ritten naar de dagactiviteit.",
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
        """The free source whose story fits the plan (its melding's question), closest before
        ``doeldatum`` (when the onderzoek began); without one, a new melding with that story."""
        jeugd = scenario.wet == "jeugd"
        kandidaten: list[tuple[date, dict]] = []
        if scenario.route == "voorwerk" and not jeugd:
            for casus in Casus.objects.filter(team=self.team).select_related("melding"):
                if self._vrij(casus.inwoner_id) and not casus.melding.jeugd:
                    kandidaten.append((casus.melding.aanmeldingsdatum, {"casus": casus}))
        team = self.loket if scenario.route == "regulier" else self.team
        zichtbaar = rechten.inwoners_zichtbaar_voor(gebruiker).values("pk")
        meldingen = Melding.objects.filter(
            team=team, veilig_thuis=False, inwoner__in=zichtbaar, jeugd=jeugd
        ).select_related("inwoner")
        kandidaten += [
            (m.aanmeldingsdatum, {"melding": m})
            for m in meldingen
            if self._vrij(m.inwoner_id) and not m.casussen.exists()
        ]
        passend = [k for k in kandidaten if verhaal_van(_melding(k[1]).vraag).sleutel in scenario.voorkeur]
        if not passend:
            return self._nieuwe_melding(scenario, team)
        passend = [k for k in passend if k[0] <= doeldatum] or passend
        _datum, bron = min(passend, key=lambda k: (abs((doeldatum - k[0]).days), k[0]))
        self.gebruikt.add(_melding(bron).inwoner_id)
        return bron

    def _nieuwe_melding(self, scenario: Scenario, team: Team) -> dict | None:
        """No melding with a fitting story: one registered at the poort, as the poort would."""
        from meldingen.services import melding_registreren
        from poort.services import melding_trieren

        poort = Medewerker.objects.filter(username="poort", is_active=True).first()
        vandaag = timezone.localdate()
        vh = verhaal(scenario.voorkeur[0])
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
                vraag=vh.vraag,
                leefgebieden=list(Leefgebied.objects.filter(code__in=vh.leefgebieden, actief=True)),
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


def _melding(bron: dict) -> Melding:
    return bron.get("melding") or bron["casus"].melding


def _plan(scenario: Scenario, vh: Verhaal) -> dict[str, str]:
    return PLANNEN.get(vh.sleutel, PLANNEN["val"])


def _onderdelen(scenario: Scenario, voorziening: Voorziening | None, plan: dict[str, str]) -> list[dict]:
    onderdelen = []
    for soort in scenario.overig:
        if soort == "algemene_voorziening":
            if voorziening is not None:
                onderdelen.append(
                    {
                        "soort": soort,
                        "voorziening": voorziening,
                        "omschrijving": voorziening.omschrijving[:200],
                    }
                )
        else:
            onderdelen.append({"soort": soort, "omschrijving": plan[soort]})
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
    opsteller = _opsteller(scenario, g)
    beslisser = g[CONSULENT_JEUGD] if scenario.wet == "jeugd" else g[CONSULENT_WMO]
    melding = _melding(bron)
    plan = _plan(scenario, verhaal_van(melding.vraag))
    indienen = scenario.ingediend
    opstel_dagen = (indienen or 0) + 6
    opstellen = _om(opstel_dagen, 9)
    # The Wmo melding: when maatwerk came in sight, after the kernteam's own melding.
    meldingsdatum = min(
        max(melding.aanmeldingsdatum, opstellen.date() - timedelta(days=rng.randint(10, 30))),
        opstellen.date(),
    )
    tekst = {
        **{k: v for k, v in plan.items() if k in PLANVELDEN},
        "duur": "6 maanden, daarna evalueren",
        **scenario.tekst,
        "meldingsdatum": meldingsdatum,
        "keukentafelgesprek_op": max(meldingsdatum, opstellen.date() - timedelta(days=2)),
    }
    arrangement = services.arrangement_opstellen(
        door=opsteller,
        wet=scenario.wet,
        gegevens=tekst,
        onderdelen=_onderdelen(scenario, voorziening, plan),
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
                "advies_kernteamlid": f"{plan['advies_kernteamlid']} "
                + plan.get(
                    "geprobeerd", "Geprobeerd: het netwerk deed het twee maanden; dat houdt het niet vol."
                )
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


PLANVELDEN = (
    "feitelijke_beschrijving",
    "wensen_inwoner",
    "advies_kernteamlid",
    "doel",
    "aard_en_ernst",
    "beoogd_resultaat",
)


def _opsteller(scenario: Scenario, g: dict[str, Medewerker]) -> Medewerker:
    """Voorwerk: the kernteam's beroepskracht. The regular route: a consulent of the plan's own law who
    is not the one deciding it."""
    if scenario.route != "regulier":
        return g[BEROEPSKRACHT]
    return g[COLLEGA_WMO[0]] if scenario.wet == "wmo" else g[CONSULENT_JEUGD]


def _collega_wmo(loket: Team) -> Medewerker:
    gebruikersnaam, voornaam, achternaam = COLLEGA_WMO
    bestaand = Medewerker.objects.filter(username=gebruikersnaam).first()
    if bestaand is not None:
        return bestaand
    return skt_services.medewerker_aanmaken_of_bijwerken(
        gebruikersnaam=gebruikersnaam,
        rol=Rol.CONSULENT_WMO,
        voornaam=voornaam,
        achternaam=achternaam,
        email=f"{gebruikersnaam}@demo.skt.invalid",
        teams=[loket],
    )


def _voorziening_voor(
    vh: Verhaal, voorzieningen: list[Voorziening], rng: random.Random
) -> Voorziening | None:
    """The algemene voorziening a plan names: the Meldpunt Mantelzorg where family cares, else the
    cliëntondersteuning that helps any inwoner through the plan."""
    gekozen = rng.choice(voorzieningen) if voorzieningen else None
    woord = VOORZIENING_VOOR.get(vh.sleutel, "cliëntondersteuning")
    return next((v for v in voorzieningen if woord in v.naam.lower()), gekozen)


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
    gebruikers[COLLEGA_WMO[0]] = _collega_wmo(loket)
    bronnen = _Bronnen(team, loket)
    voorzieningen = list(services.algemene_voorzieningen().order_by("naam"))
    for i, scenario in enumerate(SCENARIOS):
        opsteller = _opsteller(scenario, gebruikers)
        doeldatum = timezone.localdate() - timedelta(days=(scenario.ingediend or 0) + 30)
        bron = bronnen.voor(scenario, opsteller, doeldatum)
        if bron is None:
            continue
        voorziening = _voorziening_voor(verhaal_van(_melding(bron).vraag), voorzieningen, rng)
        _scenario_laden(scenario, bron, gebruikers, voorziening, i, rng)
    # Messages about decisions older than a month have been read; the recent ones wait.
    grens = timezone.now() - timedelta(days=30)
    for bericht in Notificatie.objects.filter(gelezen_op__isnull=True, aangemaakt_op__lt=grens):
        services.notificatie_lezen(door=bericht.medewerker, notificatie=bericht, nu=bericht.aangemaakt_op)
    # The loket's werkvoorraad after the plans: an item that led to a plan finds that plan.
    demo_werkvoorraad.demo_laden()
