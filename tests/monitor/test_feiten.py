"""The fact tables follow the live registration (meldingen, casussen), and outlive it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casussen import services as casussen
from casussen.vocab import KADERS
from meldingen.services import melding_eerste_contact_vastleggen, melding_registreren
from monitor.feiten import feiten_bijwerken
from monitor.models import Bron, CasusFeit, MeldingFeit
from poort.services import melding_trieren

from ..factories import InwonerFactory

VANDAAG = timezone.localdate()


def melding(
    personas, *, dagen_geleden=20, team=None, leefgebieden=(), jeugd_inwoner=False, uitkomst="kernteam"
):
    team = team or personas.team_a
    inwoner = InwonerFactory(kern=team.kernen.first(), jeugd=jeugd_inwoner)
    m, _ = melding_registreren(
        door=personas.poort,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=VANDAAG - timedelta(days=dagen_geleden),
        ingang="spreekuur",
        melder_soort="mantelzorger",
        vraag="Hulp bij de administratie.",
        leefgebieden=list(leefgebieden),
        melder_naam="Buurvrouw",
        melder_bereikbaar="06-12345678",
    )
    melding_trieren(
        door=personas.poort,
        melding=m,
        uitkomst=uitkomst,
        reden="Past bij het kernteam.",
        team=team,
        jeugd_motivatie="Lichte opvoedvraag." if jeugd_inwoner else "",
        uitstroom="direct_beantwoord" if uitkomst == "direct" else None,
    )
    m.refresh_from_db()
    return m


def casus(personas, m, *, dagen_geleden=15):
    return casussen.casus_starten(
        door=personas.beroepskracht,
        melding=m,
        casushouder=personas.beroepskracht,
        doel="Zelf de administratie bijhouden.",
        kaders={kader.veld: True for kader in KADERS},
        toets_collega=personas.vrijwilliger,
        toets_datum=VANDAAG - timedelta(days=dagen_geleden + 1),
        toets_uitkomst="Past.",
        vrijwilliger_toestemming=False,
        startdatum=VANDAAG - timedelta(days=dagen_geleden),
    )


@pytest.fixture
def lg(leefgebieden):
    return leefgebieden


def test_een_melding_wordt_een_anoniem_feit(personas, lg, kern_elst):
    m = melding(personas, leefgebieden=[lg["financien"], lg["mantelzorg"]], jeugd_inwoner=True)
    melding_eerste_contact_vastleggen(
        door=personas.beroepskracht, melding=m, datum=m.aanmeldingsdatum + timedelta(days=3), wijze="telefoon"
    )
    bijgewerkt = feiten_bijwerken()
    assert bijgewerkt.meldingen == 1
    feit = MeldingFeit.objects.get()
    assert (feit.bron, feit.sleutel, feit.melding_id) == (Bron.LIVE, f"skt-{m.pk}", m.pk)
    assert (feit.team, feit.kern) == (personas.team_a, kern_elst)
    assert (feit.ingang, feit.melder, feit.jeugd, feit.triage_uitkomst) == (
        "spreekuur",
        "mantelzorger",
        True,
        "kernteam",
    )
    assert (feit.eerste_contact_op, feit.dagen_tot_eerste_contact) == (
        m.aanmeldingsdatum + timedelta(days=3),
        3,
    )
    assert feit.status == "in_behandeling"
    assert feit.contactmomenten is None  # no casus
    assert set(feit.leefgebieden.values_list("code", flat=True)) == {"financien", "mantelzorg"}
    # Nothing personal is copied: the fact has no field for a name, BSN, address or free text.
    velden = {f.name for f in MeldingFeit._meta.get_fields()}
    assert not velden & {"inwoner", "vraag", "notitie", "melder_naam", "melder_bereikbaar", "bsn"}


def test_bijwerken_is_idempotent_en_volgt_wijzigingen(personas, lg):
    m = melding(personas, leefgebieden=[lg["financien"]])
    feiten_bijwerken()
    feiten_bijwerken()
    assert MeldingFeit.objects.count() == 1
    m.leefgebieden.set([lg["huisvesting"], lg["sociaal_netwerk"]])
    feiten_bijwerken(van=VANDAAG - timedelta(days=400))
    feit = MeldingFeit.objects.get()
    assert set(feit.leefgebieden.values_list("code", flat=True)) == {"huisvesting", "sociaal_netwerk"}


def test_contactmomenten_en_casusfeit(personas, lg):
    m = melding(personas, dagen_geleden=30, leefgebieden=[lg["financien"]])
    melding_eerste_contact_vastleggen(
        door=personas.beroepskracht,
        melding=m,
        datum=m.aanmeldingsdatum + timedelta(days=1),
        wijze="huisbezoek",
    )
    c = casus(personas, m, dagen_geleden=20)
    casussen.zrm_vastleggen(
        door=personas.beroepskracht,
        casus=c,
        moment="start",
        datum=VANDAAG - timedelta(days=20),
        scores={lg["financien"].pk: 2, lg["huisvesting"].pk: 3},
    )
    for dagen, soort in ((18, "huisbezoek"), (12, "gezamenlijk_huisbezoek"), (6, "telefoon")):
        casussen.contactmoment_registreren(
            door=personas.beroepskracht,
            casus=c,
            datum=VANDAAG - timedelta(days=dagen),
            soort=soort,
            duur_minuten=45,
            met_consulent=soort == "gezamenlijk_huisbezoek",
        )
    casussen.casus_afsluiten(
        door=personas.beroepskracht,
        casus=c,
        reden="doel_bereikt",
        resultaat="Mevrouw doet het zelf.",
        datum=VANDAAG - timedelta(days=5),
        zrm_scores={lg["financien"].pk: 4, lg["huisvesting"].pk: None},
        cijfer=8,
    )
    # A follow-up after closing is recorded, but is not support: it does not count.
    casussen.contactmoment_registreren(
        door=personas.beroepskracht,
        casus=c,
        datum=VANDAAG - timedelta(days=1),
        soort="telefoon",
        duur_minuten=10,
        is_vinger_aan_de_pols=True,
    )
    feiten_bijwerken()
    feit = MeldingFeit.objects.get()
    assert feit.contactmomenten == 3
    assert feit.maximum_bereikt is False
    assert feit.status == "afgesloten"
    assert feit.uitstroom == "kortdurende_ondersteuning"
    cf = CasusFeit.objects.get()
    assert (cf.casus_id, cf.team, cf.status, cf.afsluitreden) == (
        c.pk,
        personas.team_a,
        "afgesloten",
        "doel_bereikt",
    )
    assert (cf.contactmomenten, cf.gezamenlijke_huisbezoeken, cf.cijfer) == (3, 1, 8)
    # ZRM: financiën 2 -> 4; huisvesting not discussed at the close, so it does not count.
    assert (cf.zrm_domeinen, cf.zrm_verschil) == (1, 2)
    # Closed five days ago: the three months after closing have not passed yet.
    assert cf.maatwerk_na_afsluiten is None


def test_het_feit_blijft_als_de_melding_verdwijnt(personas, lg):
    m = melding(personas, uitkomst="direct", leefgebieden=[lg["financien"]])
    feiten_bijwerken()
    # The retention job removes the melding and everything personal around it.
    m.statusregels.all().delete()
    m.triages.all().delete()
    type(m).objects.filter(pk=m.pk).delete()
    feiten_bijwerken()
    feit = MeldingFeit.objects.get()
    assert feit.melding_id == m.pk
    assert feit.uitstroom == "direct_beantwoord"
    assert feit.leefgebieden.count() == 1


def test_live_en_import_staan_naast_elkaar(personas, lg):
    from .conftest import feit

    feit(datum=VANDAAG - timedelta(days=3), team=personas.team_a, sleutel="skt-1")
    melding(personas)
    feiten_bijwerken()
    assert MeldingFeit.objects.filter(bron=Bron.IMPORT).count() == 1
    assert MeldingFeit.objects.filter(bron=Bron.LIVE).count() == 1
