"""The legal clocks on real dates: Wmo onderzoek 6 weeks, Wmo beschikking 2 weeks, Jeugd 8 weeks, Awb 4:14."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from arrangementen import services, termijnen
from arrangementen.models import Termijnverlenging
from arrangementen.termijnen import Termijninstellingen

from .conftest import VANDAAG, ingediend_maken, toekennen_alles

STANDAARD = Termijninstellingen()


def test_wmo_onderzoek_zes_weken_na_de_melding():
    assert termijnen.onderzoekstermijn_einde("wmo", date(2024, 1, 15), STANDAARD) == date(2024, 2, 26)
    # Over a leap day and a year end.
    assert termijnen.onderzoekstermijn_einde("wmo", date(2024, 2, 1), STANDAARD) == date(2024, 3, 14)
    assert termijnen.onderzoekstermijn_einde("wmo", date(2019, 12, 20), STANDAARD) == date(2020, 1, 31)
    assert termijnen.onderzoekstermijn_einde("jeugd", date(2024, 1, 15), STANDAARD) is None
    assert termijnen.onderzoekstermijn_einde("wmo", None, STANDAARD) is None


def test_wmo_beschikking_twee_weken_en_jeugd_acht_weken_na_de_aanvraag():
    assert termijnen.beslistermijn_einde("wmo", date(2024, 2, 20), STANDAARD) == date(2024, 3, 5)
    assert termijnen.beslistermijn_einde("jeugd", date(2024, 2, 20), STANDAARD) == date(2024, 4, 16)
    assert termijnen.beslistermijn_einde(
        "jeugd", date(2024, 2, 20), Termijninstellingen(jeugd_beslissing_weken=6)
    ) == (date(2024, 4, 2))
    assert termijnen.beslistermijn_einde("wmo", None, STANDAARD) is None


def test_verlenging_schuift_de_einddatum_op():
    einde = date(2024, 3, 5)
    assert termijnen.met_verlengingen(einde, []) == einde
    assert termijnen.met_verlengingen(einde, [date(2024, 3, 19), date(2024, 4, 2)]) == date(2024, 4, 2)
    # An extension never shortens the legal term.
    assert termijnen.met_verlengingen(einde, [date(2024, 3, 1)]) == einde


def test_dagen_over_en_te_laat():
    einde = date(2024, 3, 5)
    assert termijnen.dagen_over(einde, date(2024, 3, 1)) == 4
    assert termijnen.dagen_over(einde, date(2024, 3, 5)) == 0
    assert termijnen.dagen_over(einde, date(2024, 3, 8)) == -3
    assert not termijnen.is_te_laat(einde, date(2024, 3, 5))
    assert termijnen.is_te_laat(einde, date(2024, 3, 6))
    # Decided on time stays on time, however late one looks at it.
    assert not termijnen.is_te_laat(einde, date(2025, 1, 1), afgerond_op=date(2024, 3, 5))
    assert termijnen.is_te_laat(einde, date(2024, 3, 6), afgerond_op=date(2024, 3, 6))
    assert not termijnen.is_te_laat(None, date(2025, 1, 1))


def test_termijnstand_in_woorden():
    stand = termijnen.Termijnstand(
        naam="x", start=date(2024, 2, 20), einde=date(2024, 3, 5), vandaag=date(2024, 3, 8)
    )
    assert (stand.te_laat, stand.tekst) == (True, "3 dagen te laat")
    stand = termijnen.Termijnstand(
        naam="x", start=date(2024, 2, 20), einde=date(2024, 3, 5), vandaag=date(2024, 3, 4)
    )
    assert (stand.te_laat, stand.bijna, stand.tekst) == (False, True, "nog 1 dag")
    stand = termijnen.Termijnstand(
        naam="x",
        start=date(2024, 2, 20),
        einde=date(2024, 3, 5),
        vandaag=date(2024, 6, 1),
        afgerond_op=date(2024, 3, 4),
    )
    assert (stand.loopt, stand.te_laat, stand.tekst) == (False, False, "afgerond binnen de termijn")


def test_termijnstanden_van_een_plan_zonder_database():
    plan = SimpleNamespace(
        wet="wmo",
        meldingsdatum=date(2024, 1, 15),
        aanvraagdatum=date(2024, 2, 20),
        onderzoekstermijn_einde=date(2024, 2, 26),
        beslistermijn_einde=date(2024, 3, 5),
        eerst_ingediend_op=timezone.make_aware(datetime(2024, 2, 20, 10)),
        besloten_op=None,
        is_verlengd=False,
    )
    onderzoek, beschikking = termijnen.termijnstanden(plan, date(2024, 3, 7))
    assert (onderzoek.loopt, onderzoek.te_laat) == (False, False)  # the aanvraag closed the onderzoek in time
    assert (beschikking.loopt, beschikking.dagen_over, beschikking.te_laat) == (True, -2, True)
    assert termijnen.lopende_termijn(plan, date(2024, 3, 7)) == beschikking


# -- with the profile and the services ------------------------------------------------------------


@pytest.mark.django_db
def test_termijnen_komen_uit_het_gemeenteprofiel(personas, profiel):
    profiel.instellingen["termijnen"]["jeugd_beslissing_weken"] = 6
    profiel.save()
    assert Termijninstellingen.uit_profiel().jeugd_beslissing_weken == 6
    arrangement = ingediend_maken(
        personas, wet="jeugd", meldingsdatum=date(2024, 1, 10), aanvraagdatum=date(2024, 2, 20)
    )
    assert arrangement.beslistermijn_einde == date(2024, 4, 2)
    assert arrangement.onderzoekstermijn_einde is None


@pytest.mark.django_db
def test_indienen_zet_de_wmo_termijnen_op_echte_data(personas):
    melding_dag = VANDAAG() - timedelta(days=50)
    aanvraag = VANDAAG() - timedelta(days=20)
    arrangement = ingediend_maken(personas, meldingsdatum=melding_dag, aanvraagdatum=aanvraag)
    assert arrangement.onderzoekstermijn_einde == melding_dag + timedelta(days=42)
    assert arrangement.beslistermijn_einde == aanvraag + timedelta(days=14)
    stand = termijnen.lopende_termijn(arrangement, VANDAAG())
    assert stand.te_laat and stand.dagen_over == -6


@pytest.mark.django_db
def test_verlenging_voor_het_einde_met_reden(personas):
    arrangement = ingediend_maken(personas, aanvraagdatum=VANDAAG() - timedelta(days=10))
    oud = arrangement.beslistermijn_einde
    assert oud == VANDAAG() + timedelta(days=4)
    arrangement = services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement)
    with pytest.raises(ValidationError) as fout:
        services.termijn_verlengen(
            door=personas.consulent, arrangement=arrangement, nieuwe_einddatum=oud, reden=""
        )
    assert set(fout.value.message_dict) == {"nieuwe_einddatum", "reden"}
    assert Termijnverlenging.objects.count() == 0
    nieuw = oud + timedelta(weeks=4)
    services.termijn_verlengen(
        door=personas.consulent,
        arrangement=arrangement,
        nieuwe_einddatum=nieuw,
        reden="Medisch advies nodig.",
    )
    arrangement.refresh_from_db()
    assert arrangement.beslistermijn_einde == nieuw
    # The extension also holds when the plan is returned and resubmitted.
    services.arrangement_terugsturen(
        door=personas.consulent, arrangement=arrangement, toelichting="Aanvullen."
    )
    arrangement = services.arrangement_indienen(door=personas.beroepskracht, arrangement=arrangement)
    assert arrangement.beslistermijn_einde == nieuw
    # Deciding within the extended term counts as on time.
    arrangement = services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement)
    arrangement = services.arrangement_beslissen(
        door=personas.consulent,
        arrangement=arrangement,
        beslissingen=toekennen_alles(arrangement),
        nu=timezone.now() + timedelta(days=10),
    )
    assert arrangement.besloten_binnen_termijn is True


@pytest.mark.django_db
def test_verlengen_na_het_verstrijken_kan_niet(personas):
    arrangement = ingediend_maken(
        personas, meldingsdatum=VANDAAG() - timedelta(days=40), aanvraagdatum=VANDAAG() - timedelta(days=30)
    )
    with pytest.raises(ValidationError) as fout:
        services.termijn_verlengen(
            door=personas.consulent,
            arrangement=arrangement,
            nieuwe_einddatum=VANDAAG() + timedelta(days=14),
            reden="Te laat bedacht.",
        )
    assert "Awb 4:14" in " ".join(fout.value.message_dict["nieuwe_einddatum"])
    assert Termijnverlenging.objects.count() == 0


@pytest.mark.django_db
def test_te_laat_besloten_wordt_vastgelegd(personas):
    arrangement = ingediend_maken(
        personas, meldingsdatum=VANDAAG() - timedelta(days=40), aanvraagdatum=VANDAAG() - timedelta(days=30)
    )
    arrangement = services.arrangement_in_behandeling_nemen(door=personas.consulent, arrangement=arrangement)
    arrangement = services.arrangement_beslissen(
        door=personas.consulent, arrangement=arrangement, beslissingen=toekennen_alles(arrangement)
    )
    assert arrangement.besloten_binnen_termijn is False
