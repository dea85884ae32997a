"""Realistic volume for the fact tables, fast: for measuring the monitor, never for a real gemeente.

The shapes follow the sources: growth of meldingen year on year (639 in 2015, 1129 in 2018: about
+20% a year), a summer dip, most meldingen by telephone from the inwoner, 88.6% of supported meldingen
done within five contactmomenten, an average grade around 7.4. Rows are generated in chunks and written
with COPY on PostgreSQL (bulk_create elsewhere): the fact tables are anonymous and not history-tracked,
so bulk writing is allowed there. Test facts carry the key prefix ``TD-`` and can be removed with
``verwijderen()``.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from skt.models import Kern, Leefgebied, Team

from .models import GEEN_WACHTTIJD, Bron, CasusFeit, MeldingFeit, MeldingFeitLeefgebied

PREFIX = "TD-"
# Casus ids of test facts live far above any real casus, so they never collide with live facts.
CASUS_ID_BASIS = 10**12

INGANG = {
    "telefoon": 40,
    "spreekuur": 14,
    "email": 12,
    "persoonlijk": 16,
    "loket": 10,
    "website": 5,
    "overig": 3,
}
MELDER = {
    "inwoner": 52,
    "mantelzorger": 9,
    "buurtbewoner": 4,
    "vrijwilliger": 3,
    "huisarts": 9,
    "wijkverpleging": 5,
    "school": 4,
    "ggd": 2,
    "zorgaanbieder": 4,
    "woningcorporatie": 3,
    "politie": 2,
    "overig_professional": 2,
    "anoniem": 1,
}
TRIAGE = {"kernteam": 68, "direct": 16, "kernteam_consulent": 6, "loket": 8, "veilig_thuis": 2}
UITSTROOM_KERNTEAM = {
    "eigen_kracht": 22,
    "vrijwillige_inzet": 10,
    "algemene_voorziening": 20,
    "kortdurende_ondersteuning": 30,
    "doorverwezen_0e_1e_lijn": 10,
    "maatwerk_loket": 6,
    "geen_vervolg": 2,
}
CONTACTMOMENTEN = {1: 18, 2: 20, 3: 19, 4: 17, 5: 14.6, 6: 4, 7: 2.5, 8: 1.8, 9: 1.1, 10: 2}
AFSLUITREDEN = {
    "doel_bereikt": 70,
    "doorverwezen_0e_1e_lijn": 14,
    "opgeschaald_loket": 8,
    "inwoner_gestopt": 6,
}
AANTAL_LEEFGEBIEDEN = {0: 9, 1: 52, 2: 28, 3: 11}

MELDING_KOLOMMEN = [
    "id",
    "bron",
    "sleutel",
    "melding_id",
    "aanmeldingsdatum",
    "team_id",
    "kern_id",
    "ingang",
    "melder",
    "jeugd",
    "status",
    "triage_uitkomst",
    "veilig_thuis",
    "doorschakelingen",
    "eerste_contact_op",
    "dagen_tot_eerste_contact",
    "contactmomenten",
    "maximum_bereikt",
    "uitstroom",
    "afgesloten_op",
    "wacht_tot",
    "leefgebieden_aantal",
    "bijgewerkt_op",
]
LEEFGEBIED_KOLOMMEN = ["feit_id", "leefgebied_id", "aanmeldingsdatum", "team_id", "kern_id"]
CASUS_KOLOMMEN = [
    "casus_id",
    "team_id",
    "kern_id",
    "status",
    "startdatum",
    "afgesloten_op",
    "afsluitreden",
    "contactmomenten",
    "maximum_bereikt",
    "gezamenlijke_huisbezoeken",
    "cijfer",
    "zrm_domeinen",
    "zrm_verschil",
    "maatwerk_na_afsluiten",
    "bijgewerkt_op",
]


@dataclass
class Gemaakt:
    meldingen: int
    leefgebieden: int
    casussen: int
    seconden: float


def _kies(rng: random.Random, gewichten: dict, k: int) -> list:
    return rng.choices(list(gewichten), weights=list(gewichten.values()), k=k)


class _Opzet:
    """The gemeente's teams, kernen and leefgebieden, and the day weights of the period."""

    def __init__(self, van: date, tot: date):
        teams = list(
            Team.objects.exclude(soort=Team.Soort.LOKET).filter(actief=True).prefetch_related("kernen")
        )
        if not teams:
            raise ValueError("Er zijn geen teams: laad eerst een gemeenteprofiel (manage.py laad_profiel).")
        self.kern_team: list[tuple[int | None, int]] = []
        kern_gewicht: list[float] = []
        for team in teams:
            kernen = list(team.kernen.all())
            if not kernen:
                self.kern_team.append((None, team.pk))
                kern_gewicht.append(3.0)
            for kern in kernen:
                self.kern_team.append((kern.pk, team.pk))
                # Elst is by far the largest kern of Overbetuwe.
                kern_gewicht.append(6.0 if kern.code == "elst" else 1.0 + (kern.pk % 3) * 0.4)
        self.kern_gewicht = kern_gewicht
        if not Kern.objects.exists():
            self.kern_team = [(None, t.pk) for t in teams]
            self.kern_gewicht = [1.0] * len(teams)
        self.leefgebieden = list(Leefgebied.objects.filter(actief=True).values_list("pk", flat=True))
        self.leefgebied_gewicht = [1.0 / (1 + 0.25 * i) for i in range(len(self.leefgebieden))]
        self.dagen = [van + timedelta(days=i) for i in range((tot - van).days + 1)]
        self.dag_gewicht = []
        for dag in self.dagen:
            jaren = (dag - van).days / 365.25
            groei = math.pow(1.2, jaren)  # about +20% a year, as 2019 Q1 on 2018 Q1
            seizoen = 0.7 if dag.month in (7, 8) else 0.85 if dag.month == 12 else 1.0
            werkdag = 0.15 if dag.weekday() >= 5 else 1.0
            self.dag_gewicht.append(groei * seizoen * werkdag)


def _meldingen(
    opzet: _Opzet,
    rng: random.Random,
    dagen: list[date],
    eerste_id: int,
    vandaag: date,
    nu,
    prefix: str = PREFIX,
) -> Iterator:
    """(melding rows, leefgebied rows, casus rows) for one fact per date in ``dagen``."""
    aantal = len(dagen)
    plekken = rng.choices(opzet.kern_team, weights=opzet.kern_gewicht, k=aantal)
    ingangen = _kies(rng, INGANG, aantal)
    melders = _kies(rng, MELDER, aantal)
    triages = _kies(rng, TRIAGE, aantal)
    aantallen_lg = _kies(rng, AANTAL_LEEFGEBIEDEN, aantal)
    # Drawn for every row at once: rng.choices with weights is costly per call.
    uitstroom_keuzes = _kies(rng, UITSTROOM_KERNTEAM, aantal)
    contact_keuzes = _kies(rng, CONTACTMOMENTEN, aantal)
    afsluit_keuzes = _kies(rng, AFSLUITREDEN, aantal)
    lg_cumulatief = list(itertools.accumulate(opzet.leefgebied_gewicht))
    meldingen, regels, casussen = [], [], []
    for i in range(aantal):
        pk = eerste_id + i
        datum = dagen[i]
        kern_id, team_id = plekken[i]
        triage = triages[i]
        leeftijd = (vandaag - datum).days
        jeugd = rng.random() < 0.17
        eerste_contact = dagen_contact = None
        contactmomenten = None
        uitstroom = ""
        afgesloten = None
        status = "getrieerd"
        if triage == "direct":
            afgesloten, status, uitstroom = datum, "afgesloten", "direct_beantwoord"
        elif triage in ("loket", "veilig_thuis"):
            if leeftijd > 30:
                afgesloten = datum + timedelta(days=rng.randint(1, 30))
                status, uitstroom = "afgesloten", "maatwerk_loket" if triage == "loket" else "veilig_thuis"
        else:
            wacht = min(int(rng.expovariate(1 / 2.6)), 40)
            if datum + timedelta(days=wacht) <= vandaag:
                eerste_contact, dagen_contact, status = datum + timedelta(days=wacht), wacht, "in_behandeling"
            uitstroom_keuze = uitstroom_keuzes[i]
            if uitstroom_keuze == "kortdurende_ondersteuning" and eerste_contact:
                contactmomenten = contact_keuzes[i]
            duur = (dagen_contact or 0) + rng.randint(2, 20) + 9 * (contactmomenten or 0)
            if eerste_contact and datum + timedelta(days=duur) <= vandaag and rng.random() < 0.985:
                afgesloten, status, uitstroom = datum + timedelta(days=duur), "afgesloten", uitstroom_keuze
        if opzet.leefgebieden and aantallen_lg[i]:
            gekozen = set(rng.choices(opzet.leefgebieden, cum_weights=lg_cumulatief, k=aantallen_lg[i]))
            regels.extend((pk, lg, datum, team_id, kern_id) for lg in gekozen)
        else:
            gekozen = ()
        if triage in GEEN_WACHTTIJD:
            wacht_tot = datum
        else:
            wacht_tot = min((d for d in (eerste_contact, afgesloten) if d), default=None)
        meldingen.append(
            (
                pk,
                Bron.IMPORT,
                f"{prefix}{pk}",
                None,
                datum,
                team_id,
                kern_id,
                ingangen[i],
                melders[i],
                jeugd,
                status,
                triage,
                triage == "veilig_thuis",
                1 if rng.random() < 0.04 else 0,
                eerste_contact,
                dagen_contact,
                contactmomenten,
                contactmomenten is not None and contactmomenten >= 10,
                uitstroom,
                afgesloten,
                wacht_tot,
                len(gekozen),
                nu,
            )
        )
        if contactmomenten is not None:
            start = eerste_contact + timedelta(days=rng.randint(0, 6))
            domeinen = rng.choice((0, 0, 2, 3, 4))
            casussen.append(
                (
                    CASUS_ID_BASIS + pk,
                    team_id,
                    kern_id,
                    "afgesloten" if afgesloten else "lopend",
                    start,
                    afgesloten,
                    afsluit_keuzes[i] if afgesloten else "",
                    contactmomenten,
                    contactmomenten >= 10,
                    1 if triage == "kernteam_consulent" else 0,
                    min(10, max(1, round(rng.gauss(7.4, 1.2))))
                    if afgesloten and rng.random() < 0.6
                    else None,
                    domeinen,
                    sum(rng.choice((0, 0, 1, 1, 1, 2, -1)) for _ in range(domeinen)),
                    (rng.random() < 0.18)
                    if afgesloten and afgesloten <= vandaag - timedelta(days=90)
                    else None,
                    nu,
                )
            )
    return meldingen, regels, casussen


def _schrijven(model, kolommen: list[str], rijen: list[tuple]) -> None:
    if not rijen:
        return
    if connection.vendor == "postgresql":
        tabel = connection.ops.quote_name(model._meta.db_table)
        namen = ", ".join(connection.ops.quote_name(k) for k in kolommen)
        with connection.cursor() as cursor, cursor.copy(f"COPY {tabel} ({namen}) FROM STDIN") as copy:
            for rij in rijen:
                copy.write_row(rij)
        return
    model.objects.bulk_create(
        [model(**dict(zip(kolommen, rij, strict=True))) for rij in rijen], batch_size=2000
    )


def verwijderen() -> int:
    with transaction.atomic():
        MeldingFeitLeefgebied.objects.filter(
            feit__sleutel__startswith=PREFIX, feit__bron=Bron.IMPORT
        ).delete()
        aantal, _ = MeldingFeit.objects.filter(sleutel__startswith=PREFIX, bron=Bron.IMPORT).delete()
        CasusFeit.objects.filter(casus_id__gte=CASUS_ID_BASIS).delete()
    return aantal


def maken(
    aantal: int,
    *,
    van: date = date(2015, 1, 1),
    tot: date | None = None,
    seed: int = 2019,
    blok: int = 50_000,
    voortgang=None,
    prefix: str = PREFIX,
) -> Gemaakt:
    """Add ``aantal`` test facts (and the casus facts of the supported ones)."""
    begin = time.monotonic()
    tot = tot or timezone.localdate()
    rng = random.Random(seed)
    opzet = _Opzet(van, tot)
    nu = timezone.now()
    vandaag = timezone.localdate()
    totaal_regels = totaal_casussen = 0
    with transaction.atomic():
        volgende = (MeldingFeit.objects.aggregate(m=Max("id"))["m"] or 0) + 1
        # In date order, as a registration fills its table: a quarter's facts lie together on disk.
        alle_dagen = sorted(rng.choices(opzet.dagen, weights=opzet.dag_gewicht, k=aantal))
        gedaan = 0
        while gedaan < aantal:
            n = min(blok, aantal - gedaan)
            dagen = alle_dagen[gedaan : gedaan + n]
            meldingen, regels, casussen = _meldingen(
                opzet, rng, dagen, volgende + gedaan, vandaag, nu, prefix
            )
            _schrijven(MeldingFeit, MELDING_KOLOMMEN, meldingen)
            _schrijven(MeldingFeitLeefgebied, LEEFGEBIED_KOLOMMEN, regels)
            _schrijven(CasusFeit, CASUS_KOLOMMEN, casussen)
            gedaan += n
            totaal_regels += len(regels)
            totaal_casussen += len(casussen)
            if voortgang:
                voortgang(gedaan)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for model in (MeldingFeit, MeldingFeitLeefgebied, CasusFeit):
                    tabel = model._meta.db_table
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 1) FROM {tabel}))"
                    )
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Fresh statistics for the planner, and the visibility map that index-only scans need.
        with connection.cursor() as cursor:
            for model in (MeldingFeit, MeldingFeitLeefgebied, CasusFeit):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    return Gemaakt(aantal, totaal_regels, totaal_casussen, time.monotonic() - begin)
