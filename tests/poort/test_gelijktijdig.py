"""Two people acting at the same moment: one triage, one melding, nothing lost or duplicated.

The threaded tests use real database connections and row locks, so they run on PostgreSQL
(SQLite serialises every write itself and cannot show that the locks work). To make the race
certain rather than lucky, the critical section is widened with a short sleep in a step that
is not a rights check; without the row lock (or the unique form key) both threads would pass
the check before either commits.
"""

import threading
import time
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from meldingen import routering
from meldingen import services as meldingen_services
from meldingen.models import (
    Melding,
    MeldingGroupObjectPermission,
    MeldingStatusRegel,
    MeldingUserObjectPermission,
)
from meldingen.vocab import MelderSoort, TriageUitkomst
from meldingen.workflow import MeldingStatus
from poort import services
from poort.models import Triage
from skt.models import Rol

from ..factories import InwonerFactory, medewerker_maken
from ..meldingen import dagen_geleden, melding_maken, snelle_wachtwoorden

U = TriageUitkomst
VENSTER = 0.3  # seconds the winner stays inside its transaction


@pytest.fixture
def alleen_postgresql():
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite serialiseert schrijfacties zelf; rijvergrendeling (select_for_update) is alleen op "
            "PostgreSQL te bewijzen. Draai met DATABASE_URL=postgres://…"
        )


def gelijktijdig(*taken):
    """Run the tasks in threads that start together; returns ('ok', result) or ('fout', exception) each."""
    start = threading.Barrier(len(taken))
    uitkomsten: list = [None] * len(taken)

    def draai(i, taak):
        try:
            start.wait(timeout=10)
            uitkomsten[i] = ("ok", taak())
        except BaseException as fout:  # noqa: BLE001 - reported to the test thread
            uitkomsten[i] = ("fout", fout)
        finally:
            # Each thread has its own connection; leave none open for the flush after the test.
            connection.close()

    threads = [threading.Thread(target=draai, args=(i, taak)) for i, taak in enumerate(taken)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"
    return uitkomsten


def vertraagd(monkeypatch, eigenaar, naam):
    """Wrap eigenaar.naam so that every call waits VENSTER seconds first."""
    origineel = getattr(eigenaar, naam)

    def langzaam(*args, **kwargs):
        time.sleep(VENSTER)
        return origineel(*args, **kwargs)

    monkeypatch.setattr(eigenaar, naam, langzaam)


# -- two vraagverhelderaars triage the same melding ------------------------------------------


@pytest.fixture
def poort2(personas):
    return medewerker_maken("poort2", Rol.VRAAGVERHELDERAAR)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(snelle_wachtwoorden.__name__, "alleen_postgresql", "transactional_db")
@pytest.mark.parametrize(
    ("uitkomst1", "uitkomst2"),
    [(U.KERNTEAM, U.KERNTEAM), (U.KERNTEAM, U.LOKET), (U.VEILIG_THUIS, U.KERNTEAM_CONSULENT)],
)
def test_twee_vraagverhelderaars_trieren_tegelijk(
    personas, poort2, kern_elst, monkeypatch, uitkomst1, uitkomst2
):
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst))
    # Both have the melding open on their screen, as it was before either decided.
    scherm1, scherm2 = Melding.objects.get(pk=melding.pk), Melding.objects.get(pk=melding.pk)
    vertraagd(monkeypatch, routering, "team_bepalen")

    uitkomsten = gelijktijdig(
        lambda: services.melding_trieren(
            door=personas.poort, melding=scherm1, uitkomst=uitkomst1, reden="Eerste."
        ),
        lambda: services.melding_trieren(door=poort2, melding=scherm2, uitkomst=uitkomst2, reden="Tweede."),
    )

    gelukt = [waarde for soort, waarde in uitkomsten if soort == "ok"]
    fouten = [waarde for soort, waarde in uitkomsten if soort == "fout"]
    assert len(gelukt) == 1 and len(fouten) == 1, uitkomsten
    winnaar, fout = gelukt[0], fouten[0]
    assert isinstance(fout, ValidationError), repr(fout)
    assert f"al getriëerd door {winnaar.door}" in " ".join(fout.messages)

    melding.refresh_from_db()
    assert Triage.objects.filter(melding=melding).count() == 1
    assert Triage.objects.get(melding=melding).pk == winnaar.pk
    assert melding.status == MeldingStatus.GETRIEERD
    assert melding.triage_uitkomst == winnaar.uitkomst and melding.team == winnaar.team
    assert list(melding.statusregels.values_list("status", flat=True)) == [
        MeldingStatus.NIEUW,
        MeldingStatus.GETRIEERD,
    ]
    # Only the winner's routing granted rights: its team (and the loket for a joint visit).
    verwacht_groepen = {winnaar.team.groep_id}
    if winnaar.uitkomst == U.KERNTEAM_CONSULENT:
        verwacht_groepen.add(personas.loket.groep_id)
    groepen = set(
        MeldingGroupObjectPermission.objects.filter(content_object=melding).values_list("group", flat=True)
    )
    assert groepen == verwacht_groepen


# -- a double-clicked registration ---------------------------------------------------------


def registreer(door, inwoner, sleutel):
    return meldingen_services.melding_registreren(
        door=door,
        inwoner=inwoner,
        anoniem=False,
        aanmeldingsdatum=dagen_geleden(1),
        ingang="telefoon",
        melder_soort=MelderSoort.INWONER,
        vraag="Hulp bij de administratie.",
        formulier_sleutel=sleutel,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(snelle_wachtwoorden.__name__, "alleen_postgresql", "transactional_db")
def test_dubbel_verstuurd_formulier_geeft_een_melding(personas, kern_elst, monkeypatch):
    inwoner = InwonerFactory(kern=kern_elst)
    sleutel = uuid.uuid4()
    # Both requests pass the "already there?" check before either has saved.
    vertraagd(monkeypatch, Melding, "full_clean")

    uitkomsten = gelijktijdig(
        lambda: registreer(personas.poort, inwoner, sleutel),
        lambda: registreer(personas.poort, inwoner, sleutel),
    )

    assert all(soort == "ok" for soort, _ in uitkomsten), uitkomsten
    (melding1, gemaakt1), (melding2, gemaakt2) = (waarde for _, waarde in uitkomsten)
    assert sorted([gemaakt1, gemaakt2]) == [False, True]
    assert melding1.pk == melding2.pk
    assert Melding.objects.count() == 1
    assert Melding.history.filter(history_type="+").count() == 1
    assert MeldingStatusRegel.objects.filter(melding_id=melding1.pk).count() == 1
    assert MeldingUserObjectPermission.objects.filter(content_object_id=melding1.pk).count() == 1


# -- the same, one after the other, on any database ------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures(snelle_wachtwoorden.__name__)
def test_tweede_triage_na_elkaar_wordt_geweigerd(personas, poort2, kern_elst):
    melding = melding_maken(personas.poort, inwoner=InwonerFactory(kern=kern_elst))
    scherm2 = Melding.objects.get(pk=melding.pk)
    services.melding_trieren(door=personas.poort, melding=melding, uitkomst=U.KERNTEAM, reden="Eerste.")
    with pytest.raises(ValidationError, match="al getriëerd door Poort Test"):
        services.melding_trieren(door=poort2, melding=scherm2, uitkomst=U.LOKET, reden="Tweede.")
    melding.refresh_from_db()
    assert Triage.objects.filter(melding=melding).count() == 1
    assert melding.team == personas.team_a
    assert not MeldingGroupObjectPermission.objects.filter(
        content_object=melding, group=personas.loket.groep
    ).exists()


@pytest.mark.django_db
@pytest.mark.usefixtures(snelle_wachtwoorden.__name__)
def test_dubbel_verstuurd_formulier_na_elkaar_geeft_een_melding(personas, kern_elst):
    inwoner = InwonerFactory(kern=kern_elst)
    sleutel = uuid.uuid4()
    eerste, gemaakt1 = registreer(personas.poort, inwoner, sleutel)
    tweede, gemaakt2 = registreer(personas.poort, inwoner, sleutel)
    assert (gemaakt1, gemaakt2) == (True, False) and eerste.pk == tweede.pk
    assert Melding.objects.count() == 1
    assert MeldingStatusRegel.objects.count() == 1
