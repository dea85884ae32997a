"""The KPIs over what the kernteam did after the melding: kortdurende ondersteuning, voorwerk for
the loket, and quality (satisfaction, signalen, initiatives)."""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from .definitie import Eenheid, Kpi, Richting, tel, tel_q
from .overdracht import besloten_op_tijd

KPIS: list[Kpi] = [
    # -- kortdurende ondersteuning -------------------------------------------------------------------
    Kpi(
        "casussen_gestart",
        "Casussen gestart",
        "Casussen kortdurende ondersteuning met een startdatum in de periode.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "ondersteuning",
        "casussen_gestart",
        teller=tel(),
    ),
    Kpi(
        "casussen_afgesloten",
        "Casussen afgesloten",
        "Casussen kortdurende ondersteuning afgesloten in de periode.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "ondersteuning",
        "casussen_afgesloten",
        teller=tel(),
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
        noemer=tel(),
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
        teller=tel(contactmomenten__lte=5),
        noemer=tel(contactmomenten__isnull=False),
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
        teller=tel(contactmomenten__isnull=False, maximum_bereikt=True),
        noemer=tel(contactmomenten__isnull=False),
    ),
    Kpi(
        "casussen_opgeschaald_procent",
        "Opgeschaald naar het loket",
        "Van de casussen afgesloten in de periode, het aandeel dat werd opgeschaald naar het loket.",
        Eenheid.PROCENT,
        Richting.NEUTRAAL,
        "ondersteuning",
        "casussen_afgesloten",
        teller=tel(afsluitreden="opgeschaald_loket"),
        noemer=tel(),
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
        teller=tel(maatwerk_na_afsluiten=False),
        noemer=tel(maatwerk_na_afsluiten__isnull=False),
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
        teller=tel(),
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
        "Voorwerk teruggestuurd voor aanvulling",
        "Van de voorwerk-arrangementen die in de periode zijn ingediend, het aantal dat de consulent ten "
        "minste één keer terugstuurde voor aanvulling.",
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
        "Van de ingediende voorwerk-arrangementen waarvan de uiterste besluitdatum in de periode viel (of, "
        "zonder termijn, waarover in de periode is besloten), het aandeel met een besluit binnen de "
        "wettelijke termijn (Wmo: beschikking binnen 2 weken na de aanvraag; Jeugdwet: 8 weken, Awb 4:13; "
        "met een verlenging volgens Awb 4:14). Een arrangement dat op de peildatum nog niet is besloten "
        "terwijl de termijn voorbij is (ook als het is teruggestuurd ter aanvulling: de termijn loopt "
        "door), telt als te laat; nog niet verlopen en nog niet besloten telt (nog) niet mee.",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "voorwerk",
        "voorwerk_termijn",
        teller=tel_q(lambda c: besloten_op_tijd(c, besloten="besloten_op", einde="beslistermijn_einde")),
        noemer=tel(),
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
        teller=tel(),
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
        teller=tel(),
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
        teller=tel(),
    ),
]
