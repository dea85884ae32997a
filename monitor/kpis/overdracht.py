"""The KPIs over the hand-off to the loket: the wait for the voorziening, the legal term, questions
that came back without maatwerk, and evaluations after the decision.

They count over the anonymous facts of monitor/models.py (AanvraagFeit, ArrangementFeit,
EvaluatieFeit), so they keep their figures when the retention job removes the dossier behind them.
"""

from __future__ import annotations

from django.db.models import F, Q

from .definitie import Context, Eenheid, Kpi, Richting, tel, tel_q


def besloten_op_tijd(c: Context, *, besloten: str, einde: str) -> Q:
    """Decided by the peildatum, on or before the deadline (no deadline: on time)."""
    return Q(**{f"{besloten}__lte": c.peildatum}) & (
        Q(**{f"{einde}__isnull": True}) | Q(**{f"{besloten}__lte": F(einde)})
    )


_TERMIJN = (
    "Het besluit is op tijd als het op of vóór de uiterste datum viel; een aanvraag die op de peildatum "
    "nog openstaat terwijl die datum voorbij is, telt als te laat. Nog niet verlopen en nog niet besloten "
    "telt (nog) niet mee."
)

KPIS: list[Kpi] = [
    Kpi(
        "overdracht_wachttijd_mediaan_dagen",
        "Wachttijd tot de voorziening (mediaan)",
        "Van de overdrachten aan het loket waarvan de eerste toegekende voorziening in de periode inging, "
        "de mediaan van het aantal kalenderdagen van de overdracht (de dag dat de wettelijke termijn "
        "begint) tot de ingangsdatum van de eerste toegekende voorziening van het plan dat het loket "
        "ervan maakte. De helft van deze inwoners wachtte korter, de helft langer.",
        Eenheid.DAGEN,
        Richting.LAGER_BETER,
        "overdracht",
        "overdracht_gestart",
        kwantiel=0.5,
        veld="wachttijd_dagen",
    ),
    Kpi(
        "overdracht_wachttijd_p90_dagen",
        "Wachttijd tot de voorziening (90e percentiel)",
        "Over dezelfde overdrachten: het aantal dagen waarbinnen 90% van deze inwoners hun eerste "
        "voorziening kreeg; de langste wachttijden, zonder dat één uitschieter het beeld bepaalt. "
        "Percentielen met lineaire interpolatie tussen de twee dichtstbijzijnde rangen (zoals "
        "PERCENTIEL.INC).",
        Eenheid.DAGEN,
        Richting.LAGER_BETER,
        "overdracht",
        "overdracht_gestart",
        kwantiel=0.9,
        veld="wachttijd_dagen",
    ),
    Kpi(
        "overdracht_binnen_termijn_procent",
        "Loket: besluit binnen de wettelijke termijn",
        "Van de overdrachten aan het loket waarvan de uiterste besluitdatum in de periode viel (of, zonder "
        "termijn, waarover in de periode is besloten), het aandeel met een besluit binnen de termijn. De "
        "termijn loopt vanaf de overdracht (Wmo: 6 weken onderzoek en 2 weken voor de beschikking; "
        "Jeugdwet: 8 weken), of die van het plan als die later eindigt (een verlenging, Awb 4:14). Het "
        "besluit is de beschikking op het plan, of het afhandelen zonder plan (geen maatwerk nodig, "
        "doorverwezen). " + _TERMIJN,
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "overdracht",
        "overdracht_termijn",
        teller=tel_q(lambda c: besloten_op_tijd(c, besloten="besloten_op", einde="besluit_einde")),
        noemer=tel(),
    ),
    Kpi(
        "overdracht_afgehandeld",
        "Overdrachten afgehandeld door het loket",
        "Overdrachten aan het loket (triage, doorschakeling, opschaling of een melding bij het loket) die "
        "het loket in de periode afhandelde: met een plan (maatwerk aangevraagd), zonder maatwerk terug "
        "naar het kernteam, of doorverwezen.",
        Eenheid.AANTAL,
        Richting.NEUTRAAL,
        "overdracht",
        "overdracht_afgehandeld",
        teller=tel(),
    ),
    Kpi(
        "overdracht_geen_maatwerk_procent",
        "Terug zonder maatwerk",
        "Van de overdrachten die het loket in de periode afhandelde, het aandeel dat terugkwam met „geen "
        "maatwerk nodig”: de vraag ging terug naar het kernteam. Lager is beter: zo'n overdracht liet de "
        "inwoner heen en weer gaan tussen kernteam en loket, terwijl het kernteam de vraag had kunnen "
        "houden.",
        Eenheid.PROCENT,
        Richting.LAGER_BETER,
        "overdracht",
        "overdracht_afgehandeld",
        teller=tel(status="geen_maatwerk"),
        noemer=tel(),
    ),
    Kpi(
        "evaluaties_op_tijd_procent",
        "Evaluaties op tijd",
        "Van de evaluaties van toegekende plannen die in de periode gepland stonden (de evaluatiedatum), "
        "het aandeel dat op of vóór de geplande datum is gehouden. Een evaluatie die op de peildatum over "
        "tijd is en nog niet gehouden, telt als te laat; een die nog niet aan de beurt was, telt niet mee.",
        Eenheid.PROCENT,
        Richting.HOGER_BETER,
        "overdracht",
        "evaluaties",
        teller=tel_q(lambda c: besloten_op_tijd(c, besloten="gedaan_op", einde="gepland_op")),
        noemer=tel(),
    ),
]
