"""Who sees and who works on a melding: every persona against every routing situation.

The table is the policy of DOMAIN.md written out cell by cell:
- the poort reads a melding only while it is untriaged;
- a kernteam (and its coordinator) reads and works on what was routed to it, keeps sight after
  doorschakelen, and never sees a Veilig Thuis melding;
- the loket's consulenten read and work on what went to the loket, a joint home visit and
  Veilig Thuis; the coordinator is a member of the loket too, but Veilig Thuis is the loket's only;
- a vrijwilliger, beleid, the beheerder and a beroepskracht without team see no melding at all.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meldingen import rechten as melding_rechten
from meldingen import services as meldingen_services
from meldingen.vocab import TriageUitkomst, Uitstroom
from poort import services as poort_services

from ..factories import InwonerFactory
from . import melding_maken, snelle_wachtwoorden, trieren

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures(snelle_wachtwoorden.__name__)]

U = TriageUitkomst


def _ongetrieerd(p, elst, driel):
    return melding_maken(p.poort, inwoner=InwonerFactory(kern=elst))


def _spreekuur_a(p, elst, driel):
    # Registered by a beroepskracht of team A at a spreekuur, not yet triaged.
    return melding_maken(p.beroepskracht, inwoner=InwonerFactory(kern=elst), ingang="spreekuur")


def _team_a(p, elst, driel):
    return trieren(p.poort, _ongetrieerd(p, elst, driel), U.KERNTEAM)


def _team_b(p, elst, driel):
    return trieren(p.poort, melding_maken(p.poort, inwoner=InwonerFactory(kern=driel)), U.KERNTEAM)


def _loket(p, elst, driel):
    return trieren(p.poort, _ongetrieerd(p, elst, driel), U.LOKET)


def _veilig_thuis(p, elst, driel):
    return trieren(p.poort, _ongetrieerd(p, elst, driel), U.VEILIG_THUIS)


def _kernteam_consulent_a(p, elst, driel):
    return trieren(p.poort, _ongetrieerd(p, elst, driel), U.KERNTEAM_CONSULENT)


def _direct(p, elst, driel):
    return trieren(p.poort, _ongetrieerd(p, elst, driel), U.DIRECT, uitstroom=Uitstroom.DIRECT_BEANTWOORD)


def _doorgeschakeld_a_naar_b(p, elst, driel):
    melding = _team_a(p, elst, driel)
    poort_services.melding_doorschakelen(
        door=p.beroepskracht, melding=melding, uitkomst=U.KERNTEAM, reden="Woont in Driel.", team=p.team_b
    )
    return melding


def _afgesloten_a(p, elst, driel):
    melding = _team_a(p, elst, driel)
    meldingen_services.melding_afsluiten(
        door=p.beroepskracht, melding=melding, uitstroom=Uitstroom.EIGEN_KRACHT
    )
    return melding


SITUATIES = {
    "ongetrieerd": _ongetrieerd,
    "spreekuur_a": _spreekuur_a,
    "team_a": _team_a,
    "team_b": _team_b,
    "loket": _loket,
    "veilig_thuis": _veilig_thuis,
    "kernteam_consulent_a": _kernteam_consulent_a,
    "direct": _direct,
    "doorgeschakeld_a_naar_b": _doorgeschakeld_a_naar_b,
    "afgesloten_a": _afgesloten_a,
}

# "ZB" sees it and may work on it (first contact, closing, doorschakelen, terugkoppeling);
# "Z-" sees it only; "--" neither.
# fmt: off
MATRIX = {
    #                 ongetr  spreek  team_a  team_b  loket   vthuis  kc_a    direct  a->b    afgesl
    "poort":          ("Z-",  "Z-",   "--",   "--",   "--",   "--",   "--",   "--",   "--",   "--"),
    "beroepskracht":  ("--",  "ZB",   "ZB",   "--",   "--",   "--",   "ZB",   "--",   "Z-",   "ZB"),
    "beroepskracht2": ("--",  "--",   "--",   "ZB",   "--",   "--",   "--",   "--",   "ZB",   "--"),
    "vrijwilliger":   ("--",  "--",   "--",   "--",   "--",   "--",   "--",   "--",   "--",   "--"),
    "consulent":      ("--",  "--",   "--",   "--",   "ZB",   "ZB",   "ZB",   "--",   "--",   "--"),
    "consulent_jeugd": ("--", "--",   "--",   "--",   "ZB",   "ZB",   "ZB",   "--",   "--",   "--"),
    "coordinator":    ("--",  "ZB",   "ZB",   "ZB",   "ZB",   "--",   "ZB",   "--",   "ZB",   "ZB"),
    "beleid":         ("--",  "--",   "--",   "--",   "--",   "--",   "--",   "--",   "--",   "--"),
    "beheerder":      ("--",  "--",   "--",   "--",   "--",   "--",   "--",   "--",   "--",   "--"),
    "buitenstaander": ("--",  "--",   "--",   "--",   "--",   "--",   "--",   "--",   "--",   "--"),
}
# fmt: on

CELLEN = [
    pytest.param(persona, situatie, rij[i], id=f"{persona}-{situatie}")
    for persona, rij in MATRIX.items()
    for i, situatie in enumerate(SITUATIES)
]


def test_de_tabel_is_volledig(personas):
    assert set(MATRIX) == set(personas.alle())
    assert all(len(rij) == len(SITUATIES) for rij in MATRIX.values())
    assert all(cel in ("ZB", "Z-", "--") for rij in MATRIX.values() for cel in rij)


@pytest.mark.parametrize(("persona", "situatie", "verwacht"), CELLEN)
def test_rechtenmatrix(personas, kern_elst, kern_driel, persona, situatie, verwacht):
    melding = SITUATIES[situatie](personas, kern_elst, kern_driel)
    gebruiker = getattr(personas, persona)
    zichtbaar = melding_rechten.meldingen_zichtbaar_voor(gebruiker).filter(pk=melding.pk).exists()
    behandelen = melding_rechten.mag_melding_behandelen(gebruiker, melding)
    assert (zichtbaar, behandelen) == (verwacht[0] == "Z", verwacht[1] == "B")
    # The list (a different SQL path from the filtered exists) agrees.
    assert (melding in list(melding_rechten.meldingen_zichtbaar_voor(gebruiker))) is zichtbaar


@pytest.mark.parametrize("persona", list(MATRIX))
def test_inactieve_medewerker_ziet_niets(personas, kern_elst, kern_driel, persona):
    meldingen = [maak(personas, kern_elst, kern_driel) for maak in SITUATIES.values()]
    gebruiker = getattr(personas, persona)
    gebruiker.is_active = False
    gebruiker.save()
    assert not melding_rechten.meldingen_zichtbaar_voor(gebruiker).exists()
    assert not any(melding_rechten.mag_melding_behandelen(gebruiker, m) for m in meldingen)


def test_lid_van_een_team_af_dan_geen_zicht_meer(personas, kern_elst, kern_driel):
    from skt import services as skt_services

    melding = _team_a(personas, kern_elst, kern_driel)
    assert melding_rechten.mag_melding_behandelen(personas.beroepskracht, melding)
    skt_services.medewerker_aanmaken_of_bijwerken(
        gebruikersnaam="beroepskracht", rol="beroepskracht", teams=[personas.team_b]
    )
    assert not melding_rechten.meldingen_zichtbaar_voor(personas.beroepskracht).filter(pk=melding.pk).exists()
    assert not melding_rechten.mag_melding_behandelen(personas.beroepskracht, melding)


# -- the query count does not grow with the number of meldingen ----------------------------


def aantal_queries(gebruiker) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        rijen = list(melding_rechten.meldingen_zichtbaar_voor(gebruiker))
    return len(ctx.captured_queries), len(rijen)


def test_aantal_queries_is_gelijk_voor_1_10_en_100_meldingen(personas, kern_elst, kern_driel):
    # Cycle through the situations that leave a melding in place for somebody to see.
    cyclus = ["ongetrieerd", "team_a", "team_b", "loket", "veilig_thuis", "kernteam_consulent_a"]
    kolom = {naam: i for i, naam in enumerate(SITUATIES)}
    gemaakt = 0
    eerste_meting: dict[str, int] = {}
    for doel in (1, 10, 100):
        while gemaakt < doel:
            SITUATIES[cyclus[gemaakt % len(cyclus)]](personas, kern_elst, kern_driel)
            gemaakt += 1
        for naam, rij in MATRIX.items():
            queries, rijen = aantal_queries(getattr(personas, naam))
            # One query for the whole list (none for a role that is refused outright), whatever the size.
            assert queries <= 1, f"{naam} bij {doel} meldingen: {queries} queries"
            assert queries == eerste_meting.setdefault(naam, queries), f"{naam} bij {doel} meldingen"
            # And the list is the matrix: the measurement is about real rows, not an empty result.
            verwacht_rijen = sum(rij[kolom[cyclus[i % len(cyclus)]]][0] == "Z" for i in range(doel))
            assert rijen == verwacht_rijen, f"{naam} bij {doel} meldingen"
