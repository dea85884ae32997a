"""The KPIs of the kwartaalmonitor: what each figure means, its unit and which way is better.

Each KPI is data: a name and definition in Dutch for the raad, and one or two aggregate expressions
(teller, noemer) over a *verzameling* (a set of facts defined in monitor/berekening.py). The engine
there puts every KPI of one verzameling into a single aggregate query, per gemeente, per team and per
kern, so the number of queries does not depend on the number of meldingen.

Value = teller (aantal), 100 * teller / noemer (procent), or teller / noemer (dagen, cijfer, an average).
A KPI whose source does not exist yet (an app without its models) gets the value None with a note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.db.models import Aggregate, Count, Q, Sum

from .models import GEEN_WACHTTIJD


class Eenheid(StrEnum):
    AANTAL = "aantal"
    PROCENT = "procent"
    DAGEN = "dagen"
    CIJFER = "cijfer"


class Richting(StrEnum):
    HOGER_BETER = "hoger_beter"
    LAGER_BETER = "lager_beter"
    # Growth in meldingen has no better direction: more can mean the team is found better (seed 001).
    NEUTRAAL = "neutraal"


EENHEID_TEKST = {
    Eenheid.AANTAL: "",
    Eenheid.PROCENT: "%",
    Eenheid.DAGEN: "dagen",
    Eenheid.CIJFER: "",
}


@dataclass(frozen=True)
class Context:
    """What a KPI expression may depend on besides the facts."""

    van: date
    tot: date
    peildatum: date
    eerste_contact_dagen: int
    max_contactmomenten: int
    effectmeting_dagen: int

    @property
    def contact_termijn_verstreken_voor(self) -> date:
        """Meldingen registered on or before this date are past the first-contact term on peildatum."""
        return self.peildatum - timedelta(days=self.eerste_contact_dagen)


Expressie = Callable[[Context], Aggregate]


@dataclass(frozen=True)
class Kpi:
    code: str
    naam: str
    definitie: str
    eenheid: Eenheid
    richting: Richting
    thema: str
    verzameling: str
    teller: Expressie | None = None
    noemer: Expressie | None = None
    # For derived KPIs: computed from other KPI values of the same group.
    afgeleid: Callable[[dict], float | None] | None = None

    @property
    def is_gemiddelde(self) -> bool:
        return self.noemer is not None and self.eenheid != Eenheid.PROCENT

    def uitkomst(self, teller, noemer) -> float | int | None:
        if self.noemer is None:
            return int(teller or 0)
        if not noemer:
            return None
        factor = 100 if self.eenheid == Eenheid.PROCENT else 1
        return round(factor * float(teller or 0) / float(noemer), 1)


# -- themes, in the order of the report ----------------------------------------------------------

THEMAS = [
    (
        "meldingen",
        "Meldingen en bereik",
        "Hoeveel inwoners het Sociaal Kernteam weten te vinden, en met welke vragen.",
    ),
    (
        "toegang",
        "Toegang en eerste contact",
        "Of inwoners snel contact krijgen: binnen de termijn, zonder wachtlijst.",
    ),
    (
        "uitstroom",
        "Uitstroom",
        "Hoe meldingen eindigen: met een eigen oplossing, een algemene voorziening, of maatwerk via "
        "het loket.",
    ),
    (
        "ondersteuning",
        "Kortdurende ondersteuning",
        "Casussen van het kernteam: hoeveel, hoe intensief, en met welk effect.",
    ),
    (
        "voorwerk",
        "Voorwerk en maatwerk",
        "Voorwerk-arrangementen die het kernteam voor het loket voorbereidt.",
    ),
    ("kwaliteit", "Kwaliteit en samenleving", "Tevredenheid van inwoners, signalen en nieuwe initiatieven."),
]
THEMA_NAAM = {code: naam for code, naam, _ in THEMAS}


def _tel(**filters) -> Expressie:
    return lambda c: Count("id", filter=Q(**filters)) if filters else Count("id")


def _tel_q(maak_q: Callable[[Context], Q]) -> Expressie:
    return lambda c: Count("id", filter=maak_q(c))


# Kernteam meldingen wait for a first contact; direct answers, the loket and Veilig Thuis do not.
# Imported history has no triage (empty), and every imported melding was a kernteam melding.
_GEEN_KERNTEAM_CONTACT = list(GEEN_WACHTTIJD)


def _wacht_op_contact(c: Context) -> Q:
    return ~Q(triage_uitkomst__in=_GEEN_KERNTEAM_CONTACT)


def _contact_beoordeelbaar(c: Context) -> Q:
    """Meldingen whose first contact can be judged: it happened, or the term has passed while open."""
    return _wacht_op_contact(c) & (
        Q(eerste_contact_op__isnull=False, eerste_contact_op__lte=c.peildatum)
        | (
            Q(aanmeldingsdatum__lte=c.contact_termijn_verstreken_voor)
            & (Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gt=c.peildatum))
        )
    )


def _contact_op_tijd(c: Context) -> Q:
    return _contact_beoordeelbaar(c) & Q(
        eerste_contact_op__lte=c.peildatum, dagen_tot_eerste_contact__lte=c.eerste_contact_dagen
    )


_EIGEN_OPLOSSING = [
    "direct_beantwoord",
    "eigen_kracht",
    "vrijwillige_inzet",
    "algemene_voorziening",
    "kortdurende_ondersteuning",
    "doorverwezen_0e_1e_lijn",
]


def _groei(waarden: dict) -> float | None:
    nu, vorig = waarden.get("meldingen_totaal"), waarden.get("meldingen_vorig_jaar")
    if nu is None or not vorig:
        return None
    return round(100 * (nu - vorig) / vorig, 1)


KPIS: list[Kpi] = [
    # -- meldingen ------------------------------------------------------------------------------
    Kpi(
        "meldingen_totaal",
        "Aantal meldingen",
        "Alle meldingen (vragen, problemen en signalen over een inwoner) met een aanmeldingsdatum in de "
        "periode, ongeacht hoe ze binnenkwamen of afliepen.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen",
        teller=_tel(),
    ),
    Kpi(
        "meldingen_vorig_jaar",
        "Meldingen zelfde periode vorig jaar",
        "Het aantal meldingen in dezelfde periode één jaar eerder.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen_vorig_jaar",
        teller=_tel(),
    ),
    Kpi(
        "meldingen_groei_procent",
        "Groei ten opzichte van vorig jaar",
        "(meldingen in de periode − meldingen in dezelfde periode vorig jaar) / meldingen vorig jaar × 100. "
        "Leeg als er vorig jaar geen meldingen waren. Bewust zonder streefwaarde: meer meldingen kan ook "
        "betekenen dat het kernteam beter gevonden wordt.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "meldingen",
        "afgeleid",
        afgeleid=_groei,
    ),
    Kpi(
        "meldingen_jeugd_procent",
        "Aandeel jeugd",
        "Het aandeel meldingen over een inwoner jonger dan 18 op de aanmeldingsdatum.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen",
        teller=_tel(jeugd=True),
        noemer=_tel(),
    ),
    Kpi(
        "meldingen_veilig_thuis",
        "Veiligheidssignalen",
        "Meldingen in de periode die de poort als veiligheidssignaal naar het loket (Veilig Thuis) stuurde.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "meldingen",
        "meldingen",
        teller=_tel(veilig_thuis=True),
    ),
    # -- toegang --------------------------------------------------------------------------------
    Kpi(
        "eerste_contact_binnen_termijn_procent",
        "Eerste contact binnen de termijn",
        "Van de kernteammeldingen in de periode waarvan het eerste contact te beoordelen is (er was "
        "contact, of de termijn is op de peildatum verstreken zonder contact), het aandeel met een eerste "
        "contact binnen de termijn van het gemeenteprofiel (standaard 5 dagen) na aanmelding.",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "toegang",
        "meldingen",
        teller=_tel_q(_contact_op_tijd),
        noemer=_tel_q(_contact_beoordeelbaar),
    ),
    Kpi(
        "dagen_tot_eerste_contact",
        "Gemiddeld aantal dagen tot eerste contact",
        "Het gemiddelde aantal kalenderdagen tussen aanmelding en eerste contact, over de meldingen in de "
        "periode met een eerste contact.",
        Eenheid.DAGEN,
        Richting.LAGER_BETER,
        "toegang",
        "meldingen",
        teller=lambda c: Sum("dagen_tot_eerste_contact", filter=Q(eerste_contact_op__lte=c.peildatum)),
        noemer=lambda c: Count("id", filter=Q(eerste_contact_op__lte=c.peildatum)),
    ),
    Kpi(
        "wachtlijst",
        "Wachtlijst: open meldingen zonder contact",
        "Meldingen voor het kernteam die op de peildatum (einde van de periode, of vandaag) openstaan en "
        "nog geen eerste contact hadden, ongeacht wanneer ze binnenkwamen.",
        Eenheid.AANTAL,
        Richting.LAGER_BETER,
        "toegang",
        "wachtlijst",
        teller=_tel(),
    ),
    Kpi(
        "wachtlijst_te_laat",
        "Wachtlijst: langer dan de termijn",
        "Het deel van de wachtlijst dat op de peildatum al langer wacht dan de termijn voor eerste contact.",
        Eenheid.AANTAL,
        Richting.LAGER_BETER,
        "toegang",
        "wachtlijst",
        teller=_tel_q(lambda c: Q(aanmeldingsdatum__lt=c.contact_termijn_verstreken_voor)),
    ),
    Kpi(
        "doorgeschakeld_procent",
        "Doorgeschakeld na triage",
        "Het aandeel meldingen in de periode dat na de triage nog naar een ander team of het loket is "
        "doorgeschakeld (één overdracht is het doel: niet van het kastje naar de muur).",
        Eenheid.PROCENT,
        Richting.LAGER_BETER,
        "toegang",
        "meldingen",
        teller=_tel(doorschakelingen__gt=0),
        noemer=_tel(),
    ),
    # -- uitstroom ------------------------------------------------------------------------------
    Kpi(
        "meldingen_afgesloten",
        "Afgesloten meldingen",
        "Meldingen uit de periode die op de peildatum zijn afgesloten.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "uitstroom",
        "meldingen",
        teller=_tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum)),
    ),
    Kpi(
        "uitstroom_eigen_oplossing_procent",
        "Uitstroom naar eigen oplossing of voorliggend veld",
        "Van de afgesloten meldingen uit de periode met een bekende uitstroom, het aandeel dat eindigde "
        "zonder maatwerk: direct beantwoord, eigen kracht, vrijwillige inzet, een algemene voorziening, "
        "kortdurende ondersteuning of de 0e/1e lijn.",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "uitstroom",
        "meldingen",
        teller=_tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum, uitstroom__in=_EIGEN_OPLOSSING)),
        noemer=_tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum) & ~Q(uitstroom="")),
    ),
    Kpi(
        "uitstroom_maatwerk_procent",
        "Uitstroom naar maatwerk via het loket",
        "Van de afgesloten meldingen uit de periode met een bekende uitstroom, het aandeel dat naar het "
        "loket ging voor een maatwerkvoorziening.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "uitstroom",
        "meldingen",
        teller=_tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum, uitstroom="maatwerk_loket")),
        noemer=_tel_q(lambda c: Q(afgesloten_op__lte=c.peildatum) & ~Q(uitstroom="")),
    ),
    # -- kortdurende ondersteuning -------------------------------------------------------------------
    Kpi(
        "casussen_gestart",
        "Casussen gestart",
        "Casussen kortdurende ondersteuning met een startdatum in de periode.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "ondersteuning",
        "casussen_gestart",
        teller=_tel(),
    ),
    Kpi(
        "casussen_afgesloten",
        "Casussen afgesloten",
        "Casussen kortdurende ondersteuning afgesloten in de periode.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "ondersteuning",
        "casussen_afgesloten",
        teller=_tel(),
    ),
    Kpi(
        "contactmomenten_per_casus",
        "Contactmomenten per casus",
        "Het gemiddelde aantal contactmomenten (zonder 'vinger aan de pols' na afsluiten) van de casussen "
        "die in de periode zijn afgesloten.",
        Eenheid.CIJFER,
        Richting.NEUTRAAL,
        "ondersteuning",
        "casussen_afgesloten",
        teller=lambda c: Sum("contactmomenten"),
        noemer=_tel(),
    ),
    Kpi(
        "casussen_tot_en_met_5_contactmomenten_procent",
        "Opgelost in hoogstens 5 contactmomenten",
        "Van de meldingen in de periode met geregistreerde contactmomenten (kortdurende ondersteuning), "
        "het aandeel met hoogstens vijf contactmomenten. In 2018 was dit 88,6%.",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "ondersteuning",
        "meldingen",
        teller=_tel(contactmomenten__lte=5),
        noemer=_tel(contactmomenten__isnull=False),
    ),
    Kpi(
        "casussen_maximum_bereikt_procent",
        "Maximum aantal contactmomenten bereikt",
        "Van de meldingen in de periode met geregistreerde contactmomenten, het aandeel dat het maximum "
        "van het gemeenteprofiel (standaard 10) bereikte.",
        Eenheid.PROCENT,
        Richting.LAGER_BETER,
        "ondersteuning",
        "meldingen",
        teller=_tel(contactmomenten__isnull=False, maximum_bereikt=True),
        noemer=_tel(contactmomenten__isnull=False),
    ),
    Kpi(
        "casussen_opgeschaald_procent",
        "Opgeschaald naar het loket",
        "Van de casussen afgesloten in de periode, het aandeel dat werd opgeschaald naar het loket.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "ondersteuning",
        "casussen_afgesloten",
        teller=_tel(afsluitreden="opgeschaald_loket"),
        noemer=_tel(),
    ),
    Kpi(
        "zrm_verandering",
        "Verandering zelfredzaamheid (ZRM)",
        "Het gemiddelde verschil tussen de ZRM-score bij afsluiten en bij de start, per leefgebied dat op "
        "beide momenten is gescoord, over de casussen afgesloten in de periode (schaal 1–5; positief is "
        "vooruitgang). Niet besproken leefgebieden tellen niet mee.",
        Eenheid.CIJFER,
        Richting.HOGER_BETER,
        "ondersteuning",
        "casussen_afgesloten",
        teller=lambda c: Sum("zrm_verschil"),
        noemer=lambda c: Sum("zrm_domeinen"),
    ),
    Kpi(
        "zonder_maatwerk_na_3_maanden_procent",
        "Zonder maatwerk drie maanden na afsluiten",
        "Van de casussen die in de periode drie maanden (de effectmeting van het gemeenteprofiel) vóór deze "
        "periode zijn afgesloten, het aandeel waarvoor binnen drie maanden na afsluiten geen maatwerk is "
        "gevraagd: niet opgeschaald, geen nieuwe melding naar het loket en geen ingediend voorwerk.",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "ondersteuning",
        "effect",
        teller=_tel(maatwerk_na_afsluiten=False),
        noemer=_tel(maatwerk_na_afsluiten__isnull=False),
    ),
    # -- voorwerk -------------------------------------------------------------------------------
    Kpi(
        "voorwerk_ingediend",
        "Voorwerk-arrangementen ingediend",
        "Voorwerk-arrangementen die het kernteam in de periode voor het eerst bij een consulent indiende.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "voorwerk",
        "voorwerk",
        teller=_tel(),
    ),
    Kpi(
        "voorwerk_goedgekeurd",
        "Voorwerk goedgekeurd",
        "Van de voorwerk-arrangementen die in de periode zijn ingediend, het aantal dat de consulent "
        "geheel of gedeeltelijk goedkeurde.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "voorwerk",
        "voorwerk",
        teller=lambda c: Count("id", filter=Q(goedgekeurd=True)),
    ),
    Kpi(
        "voorwerk_teruggegeven",
        "Voorwerk teruggegeven ter aanvulling",
        "Van de voorwerk-arrangementen die in de periode zijn ingediend, het aantal dat de consulent ten "
        "minste één keer teruggaf ter aanvulling.",
        Eenheid.AANTAL,
        Richting.LAGER_BETER,
        "voorwerk",
        "voorwerk",
        teller=lambda c: Count("id", filter=Q(teruggegeven=True)),
    ),
    Kpi(
        "voorwerk_doorlooptijd_dagen",
        "Doorlooptijd voorwerk",
        "Gemiddeld aantal dagen van de melding tot het besluit van de consulent (wat de inwoner wacht), voor "
        "voorwerk-arrangementen die in de periode zijn ingediend en waarover is beslist.",
        Eenheid.DAGEN,
        Richting.LAGER_BETER,
        "voorwerk",
        "voorwerk",
        teller=lambda c: Sum("doorlooptijd", filter=Q(doorlooptijd__isnull=False)),
        noemer=lambda c: Count("id", filter=Q(doorlooptijd__isnull=False)),
    ),
    Kpi(
        "regulier_doorlooptijd_dagen",
        "Doorlooptijd reguliere route",
        "Hetzelfde voor aanvragen die in de periode zonder voorwerk via het loket liepen (de reguliere "
        "route), om de doorlooptijd van voorwerk mee te vergelijken.",
        Eenheid.DAGEN,
        Richting.LAGER_BETER,
        "voorwerk",
        "regulier",
        teller=lambda c: Sum("doorlooptijd", filter=Q(doorlooptijd__isnull=False)),
        noemer=lambda c: Count("id", filter=Q(doorlooptijd__isnull=False)),
    ),
    Kpi(
        "voorwerk_binnen_termijn_procent",
        "Besluit binnen de wettelijke termijn",
        "Van de voorwerk-arrangementen ingediend in de periode waarover is beslist, het aandeel met een "
        "besluit binnen de wettelijke termijn (Wmo: beschikking binnen 2 weken na de aanvraag; "
        "Jeugdwet: 8 weken, Awb 4:13).",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "voorwerk",
        "voorwerk",
        teller=lambda c: Count("id", filter=Q(binnen_termijn=True)),
        noemer=lambda c: Count("id", filter=Q(binnen_termijn__isnull=False)),
    ),
    # -- kwaliteit en samenleving ----------------------------------------------------------------
    Kpi(
        "gezamenlijke_huisbezoeken",
        "Gezamenlijke huisbezoeken",
        "Huisbezoeken in de periode van het kernteam samen met een consulent van het loket.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "kwaliteit",
        "huisbezoeken",
        teller=_tel(),
    ),
    Kpi(
        "clienttevredenheid_cijfer",
        "Cliënttevredenheid",
        "Het gemiddelde rapportcijfer (1–10) dat inwoners gaven bij het afsluiten van een casus in de "
        "periode. In 2018 waardeerden inwoners het kernteam met een 7,4.",
        Eenheid.CIJFER,
        Richting.HOGER_BETER,
        "kwaliteit",
        "casussen_afgesloten",
        teller=lambda c: Sum("cijfer", filter=Q(cijfer__isnull=False)),
        noemer=lambda c: Count("id", filter=Q(cijfer__isnull=False)),
    ),
    Kpi(
        "signalen",
        "Signalen over ontbrekende voorzieningen",
        "Collectieve signalen (een ontbrekende algemene voorziening, een terugkerend knelpunt) die het "
        "kernteam in de periode registreerde.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "kwaliteit",
        "signalen",
        teller=_tel(),
    ),
    Kpi(
        "initiatieven_gestart",
        "Initiatieven gestart",
        "Signalen waaruit in de periode een initiatief (een nieuwe voorziening op de sociale kaart) is "
        "gestart.",
        Eenheid.AANTAL,
        Richting.HOGER_BETER,
        "kwaliteit",
        "initiatieven",
        teller=_tel(),
    ),
]

PER_CODE = {kpi.code: kpi for kpi in KPIS}
assert len(PER_CODE) == len(KPIS), "dubbele KPI-code"


def kpi(code: str) -> Kpi:
    return PER_CODE[code]


def definities() -> list[dict]:
    """The definitions as frozen into every report."""
    return [
        {
            "code": k.code,
            "naam": k.naam,
            "definitie": k.definitie,
            "eenheid": str(k.eenheid),
            "richting": str(k.richting),
            "thema": k.thema,
        }
        for k in KPIS
    ]
