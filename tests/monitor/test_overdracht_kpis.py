"""The monitor learns the hand-off (issue 12, point 7): the wait for the voorziening, the legal term
with open overdue items counted as late, hand-offs that came back without maatwerk, and evaluations
on time, each against figures worked out on paper.

Hand-offs go through the services (melding_registreren, melding_trieren to the loket, which makes the
Aanvraag; aanvraag_afhandelen). Two things are written as model rows, because the services for them
are being built in parallel (issue 12, points 2 and 4): the granted onderdeel with its ingangsdatum
on the regular-route plan, and the evaluation of a plan with its planned date.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from arrangementen import services as arr_services
from arrangementen.models import (
    Aanvraag,
    Arrangement,
    Beoordeling,
    Evaluatie,
    Onderdeel,
)
from meldingen.services import melding_registreren
from monitor.berekening import monitor_berekenen
from monitor.feiten import feiten_bijwerken
from monitor.models import AanvraagFeit, ArrangementFeit, EvaluatieFeit
from poort.services import melding_trieren

from ..arrangementen.conftest import categorie, ingediend_maken, toekennen_alles
from ..factories import InwonerFactory

pytestmark = pytest.mark.django_db

Q1_2024 = "2024Q1"
DASHBOARD = reverse("monitor:dashboard")


def op(d: date, uur: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(uur)))


def waarden(cijfers: dict) -> dict:
    return {k["code"]: k["waarde"] for k in cijfers["kpis"]}


def noemers(cijfers: dict) -> dict:
    return {k["code"]: k["noemer"] for k in cijfers["kpis"]}


def per_wet(cijfers: dict) -> dict:
    return {g["naam"]: g for g in cijfers["kpis_per_wet"]}


def cijfers_van(periode: str = Q1_2024, vandaag: date | None = None) -> dict:
    from monitor.periode import Periode

    feiten_bijwerken()
    return monitor_berekenen(Periode.uit_tekst(periode), vandaag=vandaag)


def overdragen(personas, d: date, *, jeugd: bool = False) -> Aanvraag:
    """A melding the poort sends straight to the loket on day ``d``: the hand-off starts the clock."""
    # A fixed birth date: the factory's is relative to today, and the law follows the age in 2024.
    geboren = date(2014, 3, 1) if jeugd else date(1955, 3, 1)
    inwoner = InwonerFactory(kern=personas.team_a.kernen.first(), geboortedatum=geboren)
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=d,
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Meneer kan na zijn beroerte niet meer zelf douchen.",
    )
    melding_trieren(
        door=personas.poort, melding=melding, uitkomst="loket", reden="Maatwerk is nodig.", nu=op(d, 9)
    )
    return Aanvraag.objects.get(melding=melding)


def consulent_van(personas, aanvraag: Aanvraag):
    return personas.consulent_jeugd if aanvraag.wet == "jeugd" else personas.consulent


def afhandelen(personas, aanvraag: Aanvraag, d: date, uitkomst: str) -> Aanvraag:
    velden = {
        "geen_maatwerk": {"toelichting": "Een algemene voorziening past: de Boodschappenplusbus."},
        "doorverwijzen": {"doorverwezen_naar": "Schuldhulpverlening"},
        "maatwerk_aanvragen": {},
    }[uitkomst]
    return arr_services.aanvraag_afhandelen(
        door=consulent_van(personas, aanvraag), aanvraag=aanvraag, uitkomst=uitkomst, nu=op(d), **velden
    )


def toekennen(personas, aanvraag: Aanvraag, *, besloten: date, ingang: date | None) -> Arrangement:
    """The plan made from the item, decided with one granted maatwerkvoorziening from ``ingang``.

    Model rows: the consulent's decision form that records the ingangsdatum per onderdeel is point 2
    of the issue, built alongside; the monitor reads only the stored dates.
    """
    plan = aanvraag.arrangement
    onderdeel = Onderdeel.objects.create(
        arrangement=plan,
        soort="maatwerkvoorziening",
        categorie=categorie(plan.wet, "45" if plan.wet == "jeugd" else "02"),
        omschrijving="Begeleiding thuis.",
    )
    Beoordeling.objects.create(
        onderdeel=onderdeel,
        versie=plan.versie,
        toegekend=True,
        beschikkingsnummer="BS-2024-0001",
        beschikkingsdatum=besloten,
        ingangsdatum=ingang,
        beoordeeld_door=consulent_van(personas, aanvraag),
        beoordeeld_op=op(besloten),
    )
    plan.status = "goedgekeurd"
    plan.besloten_op = op(besloten)
    plan.save()
    return plan


def met_voorziening(personas, overgedragen: date, wachtdagen: int, *, jeugd: bool = False) -> Aanvraag:
    aanvraag = overdragen(personas, overgedragen, jeugd=jeugd)
    aanvraag = afhandelen(personas, aanvraag, overgedragen + timedelta(days=1), "maatwerk_aanvragen")
    toekennen(
        personas,
        aanvraag,
        besloten=overgedragen + timedelta(days=2),
        ingang=overgedragen + timedelta(days=wachtdagen),
    )
    return aanvraag


# -- wachttijd -------------------------------------------------------------------------------------


@pytest.fixture
def wachttijden(personas):
    """Voorzieningen that started in Q1 2024: Wmo after 3, 10, 12, 21 and 40 days, Jeugd after 20 and 30.

    Worked out on paper (linear interpolation between ranks, as PERCENTIEL.INC):
    - gemeente, 7 waits 3 10 12 20 21 30 40: median the 4th = 20; p90 at rank 0.9 × 6 = 5.4, so
      30 + 0.4 × (40 − 30) = 34.0;
    - Wmo, 5 waits 3 10 12 21 40: median 12; p90 at rank 3.6: 21 + 0.6 × (40 − 21) = 32.4;
    - Jeugd, 2 waits 20 30: median 25.0; p90 at rank 0.9: 20 + 0.9 × 10 = 29.0.
    Not counted: a start in Q2 (other period), a plan without an ingangsdatum yet.
    """
    for overgedragen, dagen in [
        (date(2024, 1, 8), 3),
        (date(2024, 1, 2), 10),
        (date(2024, 1, 15), 12),
        (date(2024, 2, 1), 21),
        (date(2023, 12, 20), 40),
    ]:
        met_voorziening(personas, overgedragen, dagen)
    met_voorziening(personas, date(2024, 2, 5), 20, jeugd=True)
    met_voorziening(personas, date(2024, 1, 10), 30, jeugd=True)
    met_voorziening(personas, date(2024, 3, 20), 15)  # starts 4 April: Q2
    zonder_ingang = overdragen(personas, date(2024, 1, 3))
    zonder_ingang = afhandelen(personas, zonder_ingang, date(2024, 1, 4), "maatwerk_aanvragen")
    toekennen(personas, zonder_ingang, besloten=date(2024, 1, 20), ingang=None)
    return personas


def test_wachttijd_mediaan_en_p90_voor_de_gemeente_en_per_wet(wachttijden):
    cijfers = cijfers_van()
    w, n = waarden(cijfers), noemers(cijfers)
    assert w["overdracht_wachttijd_mediaan_dagen"] == 20
    assert w["overdracht_wachttijd_p90_dagen"] == pytest.approx(34.0)
    assert n["overdracht_wachttijd_mediaan_dagen"] == 7
    wetten = per_wet(cijfers)
    assert wetten["Wmo 2015"]["waarden"]["overdracht_wachttijd_mediaan_dagen"] == 12
    assert wetten["Wmo 2015"]["waarden"]["overdracht_wachttijd_p90_dagen"] == pytest.approx(32.4)
    assert wetten["Wmo 2015"]["noemers"]["overdracht_wachttijd_p90_dagen"] == 5
    assert wetten["Jeugdwet"]["waarden"]["overdracht_wachttijd_mediaan_dagen"] == pytest.approx(25.0)
    assert wetten["Jeugdwet"]["waarden"]["overdracht_wachttijd_p90_dagen"] == pytest.approx(29.0)
    # The Q2 start counts in Q2.
    assert waarden(cijfers_van("2024Q2"))["overdracht_wachttijd_mediaan_dagen"] == 15


def test_de_feiten_dragen_de_wachttijd(wachttijden):
    feiten_bijwerken()
    feit = AanvraagFeit.objects.get(overgedragen_op=date(2023, 12, 20))
    assert (feit.wet, feit.status, feit.eerste_ingang, feit.wachttijd_dagen) == (
        "wmo",
        "maatwerk_aangevraagd",
        date(2024, 1, 29),
        40,
    )
    # Anonymous: no column points at a person.
    velden = {f.name for f in AanvraagFeit._meta.get_fields()}
    assert not velden & {"inwoner", "melding", "casus", "reden", "behandelaar", "overgedragen_door"}


# -- besluit binnen de wettelijke termijn ------------------------------------------------------------


def test_een_open_aanvraag_over_de_termijn_haalt_het_percentage_onder_100(personas):
    """Wmo: 6 weeks onderzoek + 2 weeks beschikking from the hand-off. Handed over 2 January: deadline
    27 February, decided (geen maatwerk) 20 January: on time. Handed over 3 January: deadline 28
    February, still open on the peildatum 31 March: late. 1 of 2 on time."""
    op_tijd = overdragen(personas, date(2024, 1, 2))
    afhandelen(personas, op_tijd, date(2024, 1, 20), "geen_maatwerk")
    assert waarden(cijfers_van())["overdracht_binnen_termijn_procent"] == 100.0

    open_item = overdragen(personas, date(2024, 1, 3))
    assert open_item.besluit_einde == date(2024, 2, 28)
    cijfers = cijfers_van()
    assert waarden(cijfers)["overdracht_binnen_termijn_procent"] == 50.0
    assert noemers(cijfers)["overdracht_binnen_termijn_procent"] == 2
    # On 28 February itself the open item is not late yet: only the decided one is judged.
    assert waarden(cijfers_van(vandaag=date(2024, 2, 28)))["overdracht_binnen_termijn_procent"] == 100.0


def test_een_plan_telt_pas_als_besloten_bij_de_beschikking(personas):
    """Maatwerk aangevraagd on 10 January is not yet the decision; the beschikking on 1 March is, after
    the deadline of 27 February: late. A geen-maatwerk on time makes it 1 of 2."""
    laat = overdragen(personas, date(2024, 1, 2))
    laat = afhandelen(personas, laat, date(2024, 1, 10), "maatwerk_aanvragen")
    assert waarden(cijfers_van(vandaag=date(2024, 2, 26)))["overdracht_binnen_termijn_procent"] is None
    toekennen(personas, laat, besloten=date(2024, 3, 1), ingang=date(2024, 3, 4))
    op_tijd = overdragen(personas, date(2024, 1, 2))
    afhandelen(personas, op_tijd, date(2024, 1, 5), "doorverwijzen")
    assert waarden(cijfers_van())["overdracht_binnen_termijn_procent"] == 50.0


def kernteammelding(personas, d: date):
    """A melding triaged to the kernteam on day ``d`` (no hand-off to the loket), for voorwerk."""
    inwoner = InwonerFactory(kern=personas.team_a.kernen.first(), geboortedatum=date(1955, 3, 1))
    melding, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=d,
        ingang="telefoon",
        melder_soort="inwoner",
        vraag="Mevrouw redt het thuis niet meer zonder hulp.",
    )
    melding_trieren(
        door=personas.poort,
        melding=melding,
        uitkomst="kernteam",
        reden="Past bij het kernteam.",
        team=personas.team_a,
        nu=op(d, 9),
    )
    melding.refresh_from_db()
    return melding


def voorwerk(personas, ingediend: date) -> Arrangement:
    melding = kernteammelding(personas, ingediend - timedelta(days=10))
    return ingediend_maken(personas, melding=melding, ingediend_op=op(ingediend))


def test_voorwerk_elf_dagen_over_de_termijn_telt_als_te_laat(personas):
    """The bug of the issue: 100% while an undecided arrangement was 11 days overdue. Two voorwerk plans
    submitted 1 February (Wmo: beschikking within 2 weeks, deadline 15 February); one decided on 10
    February, the other still undecided on 26 February. 1 of 2 on time."""
    besloten = voorwerk(personas, date(2024, 2, 1))
    arr_services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=besloten,
        beslissingen=toekennen_alles(besloten, datum=date(2024, 2, 10)),
        nu=op(date(2024, 2, 10)),
    )
    open_plan = voorwerk(personas, date(2024, 2, 1))
    assert open_plan.beslistermijn_einde == date(2024, 2, 15)
    cijfers = cijfers_van(vandaag=date(2024, 2, 26))
    assert waarden(cijfers)["voorwerk_binnen_termijn_procent"] == 50.0
    assert noemers(cijfers)["voorwerk_binnen_termijn_procent"] == 2
    assert per_wet(cijfers)["Wmo 2015"]["waarden"]["voorwerk_binnen_termijn_procent"] == 50.0
    # Before the deadline passed, the open one is not judged yet.
    assert waarden(cijfers_van(vandaag=date(2024, 2, 15)))["voorwerk_binnen_termijn_procent"] == 100.0


# -- terug zonder maatwerk -------------------------------------------------------------------------


@pytest.fixture
def afgehandeld(personas):
    """Q1 2024, ended: 2 with a plan, 1 geen maatwerk, 1 doorverwezen (1 of 4 = 25%). Not counted: one
    ended geen maatwerk on 2 April (Q2), one still open."""
    for d, uitkomst in [
        (date(2024, 1, 10), "maatwerk_aanvragen"),
        (date(2024, 2, 10), "maatwerk_aanvragen"),
        (date(2024, 3, 10), "geen_maatwerk"),
        (date(2024, 3, 31), "doorverwijzen"),
        (date(2024, 4, 2), "geen_maatwerk"),
    ]:
        afhandelen(personas, overdragen(personas, d - timedelta(days=5)), d, uitkomst)
    overdragen(personas, date(2024, 3, 1))
    return personas


def test_aandeel_terug_zonder_maatwerk(afgehandeld):
    cijfers = cijfers_van()
    w, n = waarden(cijfers), noemers(cijfers)
    assert w["overdracht_afgehandeld"] == 4
    assert w["overdracht_geen_maatwerk_procent"] == 25.0
    assert n["overdracht_geen_maatwerk_procent"] == 4


def _rij(pagina, code: str):
    return next(r for thema in pagina.context["w"]["themas"] for r in thema["kpis"] if r.code == code)


def test_beleid_ziet_een_streepje_bij_kleine_aantallen(afgehandeld, als):
    """1 of 4 is under the threshold of 5: beleid sees '–', the coordinator 25,0%. Per wet the share
    rests on 4 items: 'n < 5' for beleid."""
    feiten_bijwerken()  # as the beat job has done: the quarter picker starts at the first fact
    beleid = als(afgehandeld.beleid).get(DASHBOARD, {"periode": Q1_2024})
    assert beleid.status_code == 200
    rij = _rij(beleid, "overdracht_geen_maatwerk_procent")
    assert (rij.waarde, rij.status_tekst) == ("–", "niet getoond (kleine aantallen)")
    assert "25,0%" not in beleid.content.decode()
    wetten = beleid.context["w"]["wetten"]
    kolom = wetten.kolommen.index("Geen maatwerk")
    assert dict(wetten.rijen)["Wmo 2015"][kolom] == "n < 5"

    coordinator = als(afgehandeld.coordinator).get(DASHBOARD, {"periode": Q1_2024})
    assert _rij(coordinator, "overdracht_geen_maatwerk_procent").waarde == "25,0%"
    html = coordinator.content.decode()
    assert "Terug zonder maatwerk" in html and "Per wet" in html


# -- evaluaties op tijd ----------------------------------------------------------------------------


def _evaluatie(personas, plan: Arrangement, gepland: date, gedaan: date) -> Evaluatie:
    # Model rows: the evaluation service is point 4 of the issue, built alongside.
    return Evaluatie.objects.create(
        arrangement=plan,
        doel_bereikt="deels",
        notitie="Gaat de goede kant op.",
        vervolg="voortzetten",
        gepland_op=gepland,
        door=personas.beroepskracht,
        op=op(gedaan),
    )


@pytest.fixture
def evaluaties(personas):
    """Planned in Q1 2024: 1 February done 30 January (on time), 10 February done 15 February (late),
    20 February done that day (on time), 1 March not done on 31 March (late): 2 of 4 = 50%.
    Not counted: 1 May, not yet due; a second record against 1 February (the first one counts)."""
    plan = voorwerk(personas, date(2023, 11, 1))
    arr_services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=plan,
        beslissingen=toekennen_alles(plan, datum=date(2023, 11, 10)),
        nu=op(date(2023, 11, 10)),
    )
    _evaluatie(personas, plan, date(2024, 2, 1), date(2024, 1, 30))
    _evaluatie(personas, plan, date(2024, 2, 1), date(2024, 2, 25))
    _evaluatie(personas, plan, date(2024, 2, 10), date(2024, 2, 15))
    _evaluatie(personas, plan, date(2024, 2, 20), date(2024, 2, 20))
    plan.refresh_from_db()
    plan.evaluatiedatum = date(2024, 3, 1)
    plan.save()
    later = voorwerk(personas, date(2023, 12, 1))
    arr_services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=later,
        beslissingen=toekennen_alles(later, datum=date(2023, 12, 5)),
        nu=op(date(2023, 12, 5)),
    )
    later.refresh_from_db()
    later.evaluatiedatum = date(2024, 5, 1)
    later.save()
    return {"personas": personas, "plan": plan, "later": later}


def test_evaluaties_op_tijd_met_een_achterstallige(evaluaties):
    cijfers = cijfers_van()
    assert waarden(cijfers)["evaluaties_op_tijd_procent"] == 50.0
    assert noemers(cijfers)["evaluaties_op_tijd_procent"] == 4
    # On 25 February the 1 March one is not due yet: 2 of 3.
    assert waarden(cijfers_van(vandaag=date(2024, 2, 25)))["evaluaties_op_tijd_procent"] == pytest.approx(
        66.7
    )


def test_een_verschoven_evaluatiedatum_laat_geen_oude_achterstand_achter(evaluaties):
    cijfers_van()
    plan = evaluaties["plan"]
    plan.evaluatiedatum = date(2024, 4, 15)
    plan.save()
    assert waarden(cijfers_van())["evaluaties_op_tijd_procent"] == pytest.approx(66.7)
    assert not EvaluatieFeit.objects.filter(arrangement_id=plan.pk, gepland_op=date(2024, 3, 1)).exists()


# -- the figures survive retention -----------------------------------------------------------------


def test_de_cijfers_blijven_als_de_registratie_is_verwijderd(wachttijden, afgehandeld, evaluaties):
    voor = waarden(cijfers_van())
    codes = [
        "overdracht_wachttijd_mediaan_dagen",
        "overdracht_wachttijd_p90_dagen",
        "overdracht_binnen_termijn_procent",
        "overdracht_geen_maatwerk_procent",
        "evaluaties_op_tijd_procent",
    ]
    assert all(voor[c] is not None for c in codes)
    aantallen = (AanvraagFeit.objects.count(), ArrangementFeit.objects.count(), EvaluatieFeit.objects.count())

    # What the retention job removes: the hand-offs, the decisions, the evaluations and the plans.
    plannen = list(Arrangement.objects.values_list("pk", flat=True))
    Aanvraag.objects.all().delete()
    Beoordeling.objects.all().delete()
    Evaluatie.objects.all().delete()
    Arrangement.objects.filter(pk__in=plannen).delete()
    assert not Aanvraag.objects.exists() and not Arrangement.objects.exists()

    na = waarden(cijfers_van())
    assert {c: na[c] for c in codes} == {c: voor[c] for c in codes}
    assert (AanvraagFeit.objects.count(), ArrangementFeit.objects.count(), EvaluatieFeit.objects.count()) == (
        aantallen
    )
