"""The access log as tamper-evident evidence: a hash chain, its check, and the retention cut-off.

A request only INSERTs its row (skt.toegang); it never waits for a lock. The sealer runs apart from
the requests (Celery beat, every minute) and gives every unsealed row, in order of id, the next
number in the chain and ``sha256(previous hash + the row's content)``. A row that commits late (a
long transaction) is simply sealed in the next run with a higher number: the chain's order is the
order of sealing, so no row can fall between two sealed ones.

Verification recomputes the chain from the last cut-off's anchor (or from the start) and names the
first row that breaks it: a changed row breaks its own hash, a removed row leaves a gap in the
numbers, a removed tail no longer reaches the number the sealer recorded in ``Toegangsketen``.
On PostgreSQL a trigger (migration skt/0005) refuses UPDATE and DELETE outright; the chain is what
still shows a change made by someone who could get around the trigger.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import connection, models, transaction
from django.utils import timezone

from .models import Toegang, ToegangAfkapping, ToegangInwoner, Toegangsketen
from .profiel.instellingen import instellingen

# Rows per sealing transaction: a backlog is worked off in bounded steps.
PARTIJ = 2000

_VELDEN = (
    "id",
    "tijdstip",
    "medewerker_id",
    "actie",
    "resultaat",
    "object_soort",
    "object_id",
    "inwoner_id",
    "pad",
    "ip_adres",
    "reden",
    "keten_volgnummer",
    "keten_hash",
)


def _inhoud(rij: dict, getoond: list[int], volgnummer: int) -> bytes:
    """The row's content as fixed bytes: every column the row shows, and the inwoners it listed."""
    waarden = [
        volgnummer,
        rij["id"],
        rij["tijdstip"].astimezone(UTC).isoformat(),
        rij["medewerker_id"],
        rij["actie"],
        rij["resultaat"],
        rij["object_soort"],
        rij["object_id"],
        rij["inwoner_id"],
        rij["pad"],
        rij["ip_adres"],
        rij["reden"],
        sorted(getoond),
    ]
    return json.dumps(waarden, ensure_ascii=False, separators=(",", ":")).encode()


def ketenhash(vorige: str, rij: dict, getoond: list[int], volgnummer: int) -> str:
    return hashlib.sha256(vorige.encode() + b"\n" + _inhoud(rij, getoond, volgnummer)).hexdigest()


def _getoond(ids: list[int]) -> dict[int, list[int]]:
    uitkomst: dict[int, list[int]] = defaultdict(list)
    for toegang_id, inwoner_id in ToegangInwoner.objects.filter(toegang_id__in=ids).values_list(
        "toegang_id", "inwoner_id"
    ):
        uitkomst[toegang_id].append(inwoner_id)
    return uitkomst


def toegangslog_verzegelen(*, partij: int = PARTIJ) -> int:
    """Seal every unsealed row, oldest first. Returns how many. Safe to run twice at once: the
    chain's state row is locked, so the second sealer waits and then finds nothing left to do."""
    totaal = 0
    while True:
        with transaction.atomic():
            stand, _ = Toegangsketen.objects.get_or_create(pk=1)
            stand = Toegangsketen.objects.select_for_update().get(pk=1)
            rijen = list(
                Toegang.objects.filter(keten_volgnummer__isnull=True).order_by("pk").values(*_VELDEN)[:partij]
            )
            if not rijen:
                return totaal
            getoond = _getoond([r["id"] for r in rijen])
            volgnummer, vorige = stand.volgnummer, stand.hash
            verzegeld = []
            for rij in rijen:
                volgnummer += 1
                vorige = ketenhash(vorige, rij, getoond.get(rij["id"], []), volgnummer)
                verzegeld.append(Toegang(pk=rij["id"], keten_volgnummer=volgnummer, keten_hash=vorige))
            # A plain QuerySet: the access log's own manager refuses every bulk change on purpose.
            models.QuerySet(model=Toegang).bulk_update(verzegeld, ["keten_volgnummer", "keten_hash"])
            stand.volgnummer, stand.hash = volgnummer, vorige
            stand.save(update_fields=["volgnummer", "hash"])
            totaal += len(rijen)


@dataclass
class Controle:
    gecontroleerd: int
    onverzegeld: int
    fout: str = ""
    eerste_foute_id: int | None = None

    @property
    def in_orde(self) -> bool:
        return not self.fout


def toegangslog_controleren() -> Controle:
    """Recompute the chain from the last cut-off's anchor and name the first row that breaks it."""
    afkapping = ToegangAfkapping.objects.order_by("-tot_volgnummer").first()
    verwacht, vorige = (afkapping.tot_volgnummer + 1, afkapping.anker_hash) if afkapping else (1, "")
    onverzegeld = Toegang.objects.filter(keten_volgnummer__isnull=True).count()
    stand = Toegangsketen.objects.filter(pk=1).first()
    gecontroleerd = 0
    laatste_id = None
    rijen = (
        Toegang.objects.filter(keten_volgnummer__isnull=False)
        .order_by("keten_volgnummer")
        .values(*_VELDEN)
        .iterator(chunk_size=PARTIJ)
    )
    partij: list[dict] = []

    def controleer(partij: list[dict]) -> Controle | None:
        nonlocal verwacht, vorige, gecontroleerd, laatste_id
        getoond = _getoond([r["id"] for r in partij])
        for rij in partij:
            nummer = rij["keten_volgnummer"]
            if nummer < verwacht:
                # Still there although a cut-off says it went: harmless, but not part of the chain.
                continue
            if nummer > verwacht:
                return Controle(
                    gecontroleerd,
                    onverzegeld,
                    f"regel(s) {verwacht} t/m {nummer - 1} van de keten ontbreken, vóór regel {rij['id']}",
                    rij["id"],
                )
            if ketenhash(vorige, rij, getoond.get(rij["id"], []), nummer) != rij["keten_hash"]:
                return Controle(
                    gecontroleerd,
                    onverzegeld,
                    f"regel {rij['id']} ({rij['tijdstip']:%d-%m-%Y %H:%M:%S}) is gewijzigd na het verzegelen",
                    rij["id"],
                )
            vorige = rij["keten_hash"]
            verwacht += 1
            gecontroleerd += 1
            laatste_id = rij["id"]
        return None

    for rij in rijen:
        partij.append(rij)
        if len(partij) >= PARTIJ:
            if (fout := controleer(partij)) is not None:
                return fout
            partij = []
    if partij and (fout := controleer(partij)) is not None:
        return fout
    if stand is not None and (stand.volgnummer != verwacht - 1 or stand.hash != vorige):
        if stand.volgnummer >= verwacht:
            return Controle(
                gecontroleerd,
                onverzegeld,
                f"de laatste regels van de keten ontbreken: verzegeld t/m {stand.volgnummer}, "
                f"aanwezig t/m {verwacht - 1}",
                laatste_id,
            )
        return Controle(
            gecontroleerd, onverzegeld, "de stand van de keten klopt niet met de regels", laatste_id
        )
    return Controle(gecontroleerd, onverzegeld)


def toegangslog_afkappen(*, grens: datetime, reden: str) -> ToegangAfkapping | None:
    """Retention: remove the sealed rows from before ``grens``, as one prefix of the chain.

    The cut-off is recorded first, with the hash of the last removed row as the anchor verification
    starts from; only then does the database (trigger) allow those rows to go. The removal itself is
    logged as a row of the log. Returns None when nothing is old enough.
    """
    toegangslog_verzegelen()
    with transaction.atomic():
        Toegangsketen.objects.select_for_update().get(pk=1)
        eerder = ToegangAfkapping.objects.order_by("-tot_volgnummer").first()
        vanaf = eerder.tot_volgnummer if eerder else 0
        eerste_jonge = (
            Toegang.objects.filter(keten_volgnummer__gt=vanaf, tijdstip__gte=grens)
            .order_by("keten_volgnummer")
            .values_list("keten_volgnummer", flat=True)
            .first()
        )
        tot = (
            eerste_jonge - 1
            if eerste_jonge is not None
            else Toegang.objects.aggregate(m=models.Max("keten_volgnummer"))["m"] or 0
        )
        if tot <= vanaf:
            return None
        anker = Toegang.objects.values_list("keten_hash", flat=True).get(keten_volgnummer=tot)
        weg = models.QuerySet(model=Toegang).filter(keten_volgnummer__gt=vanaf, keten_volgnummer__lte=tot)
        aantal = weg.count()
        afkapping = ToegangAfkapping.objects.create(
            grens=grens, tot_volgnummer=tot, anker_hash=anker, aantal=aantal, reden=reden[:200]
        )
        models.QuerySet(model=ToegangInwoner).filter(toegang__in=weg)._raw_delete(connection.alias)
        weg._raw_delete(connection.alias)
        Toegang.objects.create(
            actie=Toegang.Actie.BEWAARTERMIJN,
            resultaat=Toegang.Resultaat.TOEGESTAAN,
            object_soort="toegangslog",
            reden=f"{aantal} regels van vóór {timezone.localtime(grens):%d-%m-%Y} verwijderd ({reden})"[:500],
        )
    return afkapping


def toegangslog_bewaartermijn_toepassen(*, nu: datetime | None = None) -> ToegangAfkapping | None:
    """The nightly job: cut off what is older than the profile's period for the access log."""
    nu = nu or timezone.now()
    jaren = instellingen().bewaartermijnen.toegangslog_jaren
    grens = nu - timedelta(days=round(365.25 * jaren))
    return toegangslog_afkappen(grens=grens, reden=f"bewaartermijn toegangslog {jaren} jaar")
