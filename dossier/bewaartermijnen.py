"""Retention (Selectielijst gemeenten, periods from the gemeente profile): which inwoners expired, and
removing everything of one inwoner from every app in one transaction.

Which inwoner expires:

- with a granted maatwerkvoorziening (a Beoordeling toegekend on a maatwerk onderdeel): 15 years after
  the end of the plan, the latest of its decision, its ending and the voorziening's einddatum;
- otherwise 5 years after the last activity (registration, melding, triage, casus, contactmoment, ZRM,
  arrangement, decision, evaluation, hand-off to the loket, koppelverzoek).

Never while something is still open (a melding, casus or loket item, a plan at the loket, a
voorziening without an end) and never under a bewaarplicht that was not lifted.

What goes is found by walking the foreign keys from the inwoner through every installed model, so a
model added later is covered without a change here: every row that references a removed row (except
through SET_NULL, which is detached, and the access log, which is evidence and keeps the id by design),
every history row of a removed object (also of objects removed earlier, whose only trace is their
history), the generic guardian and admin-log rows of removed objects, stored files, and the household
when its last member goes. The anonymous fact tables of the monitor have no foreign key to the
registration, so the walk never reaches them and published figures stay as they were.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import DateField, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone
from simple_history.models import HistoricalChanges

from arrangementen.models import Aanvraag, Arrangement, Beoordeling, Evaluatie, Notificatie
from arrangementen.workflow import AANVRAAG_OPEN, TERMIJN_LOOPT
from casussen.models import Casus, Contactmoment, ZrmScore
from meldingen.models import Melding
from poort.models import Koppelverzoek, Triage
from skt import rechten
from skt.models import Huishouden, Inwoner
from skt.profiel.instellingen import instellingen

from .models import Bewaarplicht, Bewaarrun, Bewaartelling, Samenvoeging, Verwijderverzoek

logger = logging.getLogger(__name__)

Regel = Bewaartelling.Regel
LANG_GELEDEN = date(1900, 1, 1)
# Evidence with its own retention (skt/toegangsketen.py): a trigger refuses to delete it, and its rows
# keep the inwoner's number by design. Detached, not removed: the record of a granted erasure request.
NIET_VOLGEN = {"skt.Toegang", "skt.ToegangInwoner", "skt.ToegangAfkapping"}
LOSKOPPELEN = {"dossier.Verwijderverzoek"}


# -- which inwoners expired ------------------------------------------------------------------------


def _jaren_terug(dag: date, jaren: int) -> date:
    try:
        return dag.replace(year=dag.year - jaren)
    except ValueError:  # 29 February
        return dag.replace(year=dag.year - jaren, day=28)


def _max(qs, veld: str, *, datum: bool = False):
    expressie = TruncDate(veld) if datum else F(veld)
    sub = qs.order_by().annotate(_d=expressie).values("_d").order_by("-_d")[:1]
    return Coalesce(Subquery(sub, output_field=DateField()), Value(LANG_GELEDEN))


def _laatste_activiteit():
    """The latest date anything happened in the inwoner's dossier, as one SQL expression."""
    van = OuterRef("pk")
    bronnen = [
        Coalesce(TruncDate("aangemaakt_op"), Value(LANG_GELEDEN)),
        _max(Melding.objects.filter(inwoner=van, aanmeldingsdatum__isnull=False), "aanmeldingsdatum"),
        _max(Melding.objects.filter(inwoner=van, afgesloten_op__isnull=False), "afgesloten_op"),
        _max(Triage.objects.filter(melding__inwoner=van), "op", datum=True),
        _max(Casus.objects.filter(inwoner=van), "aangemaakt_op", datum=True),
        _max(Casus.objects.filter(inwoner=van, afgesloten_op__isnull=False), "afgesloten_op"),
        _max(Contactmoment.objects.filter(casus__inwoner=van), "datum"),
        _max(ZrmScore.objects.filter(casus__inwoner=van), "datum"),
        _max(Arrangement.objects.filter(inwoner=van), "aangemaakt_op", datum=True),
        _max(Arrangement.objects.filter(inwoner=van, besloten_op__isnull=False), "besloten_op", datum=True),
        _max(Arrangement.objects.filter(inwoner=van, beeindigd_op__isnull=False), "beeindigd_op"),
        _max(Evaluatie.objects.filter(arrangement__inwoner=van), "op", datum=True),
        _max(Aanvraag.objects.filter(inwoner=van), "overgedragen_op", datum=True),
        _max(
            Aanvraag.objects.filter(inwoner=van, afgehandeld_op__isnull=False), "afgehandeld_op", datum=True
        ),
        _max(Koppelverzoek.objects.filter(inwoner=van), "gevraagd_op", datum=True),
    ]
    return Greatest(*bronnen, output_field=DateField())


def _toegekend_maatwerk():
    return Beoordeling.objects.filter(
        onderdeel__arrangement__inwoner=OuterRef("pk"),
        toegekend=True,
        onderdeel__soort="maatwerkvoorziening",
    )


def _einde_voorziening():
    """The end of the inwoner's latest plan with granted maatwerk: decision, ending or einddatum."""
    toegekend = _toegekend_maatwerk()
    return Greatest(
        _max(toegekend.filter(einddatum__isnull=False), "einddatum"),
        _max(
            toegekend.filter(onderdeel__arrangement__besloten_op__isnull=False),
            "onderdeel__arrangement__besloten_op",
            datum=True,
        ),
        _max(
            toegekend.filter(onderdeel__arrangement__beeindigd_op__isnull=False),
            "onderdeel__arrangement__beeindigd_op",
        ),
        output_field=DateField(),
    )


def _nog_open():
    """Anything that still runs: the dossier has no end yet, whatever its dates."""
    van = OuterRef("pk")
    lopende_voorziening = _toegekend_maatwerk().filter(
        einddatum__isnull=True, beeindigd_op__isnull=True, onderdeel__arrangement__beeindigd_op__isnull=True
    )
    return (
        Exists(Melding.objects.filter(inwoner=van).exclude(status="afgesloten"))
        | Exists(Casus.objects.filter(inwoner=van).exclude(status="afgesloten"))
        | Exists(Aanvraag.objects.filter(inwoner=van, status__in=AANVRAAG_OPEN))
        | Exists(Arrangement.objects.filter(inwoner=van, status__in=TERMIJN_LOOPT))
        | Exists(lopende_voorziening)
    )


def _bewaarplicht_actief():
    return Exists(Bewaarplicht.objects.filter(inwoner=OuterRef("pk"), opgeheven_op__isnull=True))


def verlopen_inwoners(*, vandaag: date) -> models.QuerySet:
    """Inwoners whose retention period ended before ``vandaag`` (``_met_voorziening`` names the rule)."""
    termijnen = instellingen().bewaartermijnen
    grens_zonder = _jaren_terug(vandaag, termijnen.zonder_voorziening_jaren)
    grens_met = _jaren_terug(vandaag, termijnen.met_voorziening_jaren)
    return (
        Inwoner.objects.annotate(
            _laatste=_laatste_activiteit(),
            _met_voorziening=Exists(_toegekend_maatwerk()),
            _open=_nog_open(),
            _bewaarplicht=_bewaarplicht_actief(),
        )
        .filter(
            _open=False, _bewaarplicht=False, _laatste__lt=grens_zonder, samenvoeging_vervallen__isnull=True
        )
        .annotate(_einde=_einde_voorziening())
        .filter(Q(_met_voorziening=False) | Q(_einde__lt=grens_met))
        .order_by("pk")
    )


def _regel(inwoner) -> str:
    return Regel.MET_VOORZIENING if inwoner._met_voorziening else Regel.ZONDER_VOORZIENING


# -- what belongs to one inwoner --------------------------------------------------------------------


def _is_historisch(model) -> bool:
    return issubclass(model, HistoricalChanges)


def _history_fk(model):
    """The link of a history row of a many-to-many field to its history row (simple-history)."""
    for veld in model._meta.concrete_fields:
        if veld.is_relation and veld.name == "history" and _is_historisch(veld.related_model):
            return veld
    return None


def _volgt(veld) -> bool:
    if veld.model._meta.label in NIET_VOLGEN | LOSKOPPELEN:
        return False
    if _is_historisch(veld.model):
        return True
    if not veld.db_constraint:
        return False
    return veld.remote_field.on_delete not in (models.SET_NULL, models.SET_DEFAULT, models.DO_NOTHING)


@dataclass
class _Graaf:
    """Per target model: the (model, field) pairs that reference it, and per live model its history."""

    naar: dict = field(default_factory=lambda: defaultdict(list))
    loskoppelen: dict = field(default_factory=lambda: defaultdict(list))
    historie: dict = field(default_factory=dict)


_graaf: _Graaf | None = None


def _graaf_bouwen() -> _Graaf:
    global _graaf
    if _graaf is not None:
        return _graaf
    graaf = _Graaf()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        if _is_historisch(model) and _history_fk(model) is None:
            graaf.historie[model.instance_type] = model
        for veld in model._meta.concrete_fields:
            if not veld.is_relation or veld.related_model is None:
                continue
            if _is_historisch(model) and _history_fk(model) is not None and veld.name != "history":
                # A many-to-many history row goes with the history row it belongs to, never because
                # it names a removed object: that would rewrite the history of a record that stays.
                continue
            if _volgt(veld):
                graaf.naar[veld.related_model].append((model, veld))
            elif veld.remote_field.on_delete in (models.SET_NULL,) and not _is_historisch(model):
                graaf.loskoppelen[veld.related_model].append((model, veld))
    _graaf = graaf
    return graaf


@dataclass
class Plan:
    """What removing one inwoner takes: pks per model, and the rows to detach (set to NULL)."""

    rijen: dict[type[models.Model], set] = field(default_factory=lambda: defaultdict(set))
    los: list[tuple[type[models.Model], str, set]] = field(default_factory=list)
    huishouden_id: int | None = None

    def tellingen(self) -> dict[str, int]:
        return {m._meta.label: len(ids) for m, ids in self.rijen.items() if ids}


def _ids(qs) -> set:
    return set(qs.values_list("pk", flat=True))


def _volgen(plan: Plan, grens: dict, graaf: _Graaf) -> None:
    """Follow the references from ``grens`` until nothing new is found; adds to ``plan.rijen``."""
    while grens:
        for model, ids in grens.items():
            plan.rijen[model] |= ids
        nieuw: dict = defaultdict(set)
        for doel, ids in grens.items():
            for model, veld in graaf.naar.get(doel, ()):
                gevonden = _ids(model._base_manager.filter(**{f"{veld.attname}__in": ids}))
                if _is_historisch(model) and _history_fk(model) is None:
                    gevonden = _eigen_historie(model, gevonden, plan)
                nieuw[model] |= gevonden - plan.rijen[model]
            historisch = graaf.historie.get(doel)
            if historisch is not None:
                nieuw[historisch] |= _ids(
                    historisch._base_manager.filter(**{f"{_orig(historisch)}__in": ids})
                )
                nieuw[historisch] -= plan.rijen[historisch]
        # The original objects of history rows found: an object already removed earlier survives only
        # in its history, and what referenced it (its own history rows, their children) goes too.
        for model in list(nieuw):
            if _is_historisch(model) and _history_fk(model) is None and nieuw[model]:
                levend = model.instance_type
                origs = (
                    set(model._base_manager.filter(pk__in=nieuw[model]).values_list(_orig(model), flat=True))
                    - plan.rijen[levend]
                )
                bestaand = _ids(levend._base_manager.filter(pk__in=origs))
                nieuw[levend] |= origs - bestaand
        grens = {m: ids for m, ids in nieuw.items() if ids}


def _berichten_met_link(plan: Plan) -> set:
    uuids = []
    for model, ids in plan.rijen.items():
        if ids and not _is_historisch(model) and any(v.name == "uuid" for v in model._meta.concrete_fields):
            uuids += [str(u) for u in model._base_manager.filter(pk__in=ids).values_list("uuid", flat=True)]
    if not uuids:
        return set()
    voorwaarde = Q()
    for u in uuids:
        voorwaarde |= Q(link__contains=u)
    return _ids(Notificatie._base_manager.filter(voorwaarde))


def _samengevoegd_in(inwoner_id: int) -> set[int]:
    """The registrations merged into this one (dossier.Samenvoeging), also through earlier merges."""
    gevonden: set[int] = set()
    te_doen = {inwoner_id}
    while te_doen:
        nieuw = set(
            Samenvoeging.objects.filter(overlevende_id__in=te_doen).values_list("vervallen_id", flat=True)
        )
        te_doen = nieuw - gevonden
        gevonden |= nieuw
    return gevonden


def plan_maken(inwoner_id: int) -> Plan:
    """Everything of one inwoner in every app, found by following foreign keys to a fixpoint."""
    graaf = _graaf_bouwen()
    plan = Plan()
    huishouden_id = Inwoner.objects.filter(pk=inwoner_id).values_list("huishouden_id", flat=True).first()
    # The tombstones of a merge hold no activity of their own: they go with their survivor.
    grens = {Inwoner: {inwoner_id, *_samengevoegd_in(inwoner_id)}}
    if (
        huishouden_id
        and not Inwoner.objects.filter(huishouden_id=huishouden_id).exclude(pk=inwoner_id).exists()
    ):
        plan.huishouden_id = huishouden_id
        grens[Huishouden] = {huishouden_id}
    _volgen(plan, grens, graaf)
    # A bericht names its subject by a link when it has no foreign key to it (e.g. a reassigned casus).
    berichten = _berichten_met_link(plan) - plan.rijen[Notificatie]
    if berichten:
        _volgen(plan, {Notificatie: berichten}, graaf)
    for doel, ids in list(plan.rijen.items()):
        for model, veld in graaf.loskoppelen.get(doel, ()):
            los = _ids(model._base_manager.filter(**{f"{veld.attname}__in": ids})) - plan.rijen[model]
            if los:
                plan.los.append((model, veld.name, los))
                historisch = graaf.historie.get(model)
                if historisch is not None:
                    # A record that stays keeps no history that still names what goes.
                    plan.rijen[historisch] |= _ids(
                        historisch._base_manager.filter(
                            **{f"{_orig(historisch)}__in": los, f"{veld.attname}__in": ids}
                        )
                    )
    return plan


def _orig(historisch) -> str:
    return historisch.instance_type._meta.pk.attname


def _eigen_historie(historisch, history_ids: set, plan: Plan) -> set:
    """History rows found through a reference: only those of an object that goes, or that is gone."""
    if not history_ids:
        return history_ids
    levend = historisch.instance_type
    paren = list(historisch._base_manager.filter(pk__in=history_ids).values_list("pk", _orig(historisch)))
    origs = {o for _h, o in paren} - plan.rijen[levend]
    blijft = _ids(levend._base_manager.filter(pk__in=origs))
    return {h for h, o in paren if o not in blijft}


class Kruisverwijzing(Exception):
    """The walk reached a row of another inwoner: nothing is removed, the inwoner is skipped."""


def _controleren(plan: Plan, inwoner_id: int) -> None:
    # Another live inwoner is only reached through a reference of an inwoner to an inwoner (a merged
    # duplicate pointing at its survivor): the same person. Rows of a model that names an inwoner
    # must all name one of those.
    inwoners = plan.rijen[Inwoner]
    for model, ids in plan.rijen.items():
        if _is_historisch(model) or not ids:
            continue
        for veld in model._meta.concrete_fields:
            if veld.is_relation and veld.related_model is Inwoner and model is not Inwoner:
                vreemd = model._base_manager.filter(pk__in=ids).exclude(**{f"{veld.attname}__in": inwoners})
                if vreemd.exclude(**{f"{veld.attname}__isnull": True}).exists():
                    raise Kruisverwijzing(f"{model._meta.label}.{veld.name} verwijst naar een andere inwoner")


# -- removing --------------------------------------------------------------------------------------


def _bestanden(plan: Plan) -> list[tuple]:
    bestanden = []
    for model, ids in plan.rijen.items():
        velden = [v for v in model._meta.concrete_fields if isinstance(v, models.FileField)]
        for veld in velden:
            for naam in (
                model._base_manager.filter(pk__in=ids)
                .exclude(**{veld.attname: ""})
                .values_list(veld.attname, flat=True)
            ):
                if naam:
                    bestanden.append((veld.storage, naam))
    return bestanden


def _verwijderen_sql(model, ids: Iterable) -> int:
    """Delete rows by primary key, without the ORM's collector.

    Deliberately raw: deleting through the ORM would let simple-history write a '-' history row with
    a full copy of each removed record, and PROTECT between rows that all go would refuse the order.
    Every foreign key in the database is DEFERRABLE INITIALLY DEFERRED, so the order within the
    transaction does not matter; the check at the end of the transaction catches anything missed.
    """
    qn = connection.ops.quote_name
    ids = sorted(ids)
    totaal = 0
    with connection.cursor() as cursor:
        for begin in range(0, len(ids), 500):
            deel = ids[begin : begin + 500]
            plaatsen = ", ".join(["%s"] * len(deel))
            cursor.execute(
                f"DELETE FROM {qn(model._meta.db_table)} WHERE {qn(model._meta.pk.column)} IN ({plaatsen})",
                deel,
            )
            totaal += cursor.rowcount
    return totaal


def _generiek_verwijderen(plan: Plan) -> dict[str, int]:
    """Guardian's generic object permissions and the admin log name objects by content type and id."""
    tellingen = {}
    for model, ids in plan.rijen.items():
        if _is_historisch(model) or not ids:
            continue
        ct = ContentType.objects.get_for_model(model, for_concrete_model=False)
        sleutels = [str(i) for i in ids]
        tabellen = [(tabel, "object_pk") for tabel in rechten.generieke_rechtentabellen()]
        for generiek, veld in (*tabellen, (LogEntry, "object_id")):
            rijen = _ids(generiek.objects.filter(content_type=ct, **{f"{veld}__in": sleutels}))
            if rijen:
                n = _verwijderen_sql(generiek, rijen)
                label = generiek._meta.label
                tellingen[label] = tellingen.get(label, 0) + n
    return tellingen


def _loskoppelen(plan: Plan) -> None:
    for model, veldnaam, ids in plan.los:
        for obj in model._base_manager.filter(pk__in=ids):
            setattr(obj, veldnaam, None)
            if isinstance(obj, Verwijderverzoek):
                # The request stays as accountability; its free text may name the person.
                obj.toelichting = ""
                obj.uitgevoerd_op = obj.uitgevoerd_op or timezone.now()
            obj.save()


def plan_uitvoeren(plan: Plan) -> dict[str, int]:
    """Remove what the plan names. Call inside the inwoner's transaction."""
    bestanden = _bestanden(plan)
    _loskoppelen(plan)
    tellingen = _generiek_verwijderen(plan)
    for model, ids in plan.rijen.items():
        if ids:
            n = _verwijderen_sql(model, ids)
            if n:
                tellingen[model._meta.label] = tellingen.get(model._meta.label, 0) + n
    # Surface a row still pointing at a removed one now, inside this inwoner's transaction, so it
    # rolls back whole instead of failing at a commit that may be the caller's.
    connection.check_constraints()
    for opslag, naam in bestanden:
        transaction.on_commit(lambda opslag=opslag, naam=naam: opslag.delete(naam))
    return tellingen


def _tellen(run: Bewaarrun, regel: str, tellingen: dict[str, int]) -> None:
    for tabel, aantal in tellingen.items():
        telling, _ = Bewaartelling.objects.select_for_update().get_or_create(
            run=run, regel=regel, tabel=tabel
        )
        telling.aantal += aantal
        telling.save(update_fields=["aantal"])
    Bewaarrun.objects.filter(pk=run.pk).update(inwoners=F("inwoners") + 1)


def inwoner_verwijderen(
    *, inwoner_id: int, regel: str, run: Bewaarrun, vandaag: date | None = None
) -> dict | None:
    """Remove one inwoner and everything of theirs, in one transaction; None when nothing was removed.

    Under a row lock on the inwoner, the rule is checked again (``vandaag`` given) or a bewaarplicht
    (always): a melding registered or a hold set since the selection wins. Idempotent: an inwoner
    already gone is None.
    """
    with transaction.atomic():
        if not Inwoner.objects.select_for_update().filter(pk=inwoner_id).exists():
            return None
        if Bewaarplicht.objects.filter(inwoner_id=inwoner_id, opgeheven_op__isnull=True).exists():
            return None
        if vandaag is not None and not verlopen_inwoners(vandaag=vandaag).filter(pk=inwoner_id).exists():
            return None
        plan = plan_maken(inwoner_id)
        _controleren(plan, inwoner_id)
        tellingen = plan_uitvoeren(plan)
        _tellen(run, regel, tellingen)
        return tellingen


# -- the job ---------------------------------------------------------------------------------------


@dataclass
class Proef:
    inwoners: dict[str, int]
    tabellen: dict[str, dict[str, int]]


def proef(*, vandaag: date | None = None) -> Proef:
    """What the job would remove today, per rule and per table, without changing anything."""
    vandaag = vandaag or timezone.localdate()
    inwoners: dict[str, int] = defaultdict(int)
    tabellen: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for inwoner in verlopen_inwoners(vandaag=vandaag).only("pk"):
        regel = _regel(inwoner)
        plan = plan_maken(inwoner.pk)
        inwoners[regel] += 1
        for tabel, aantal in plan.tellingen().items():
            tabellen[regel][tabel] += aantal
    return Proef(dict(inwoners), {r: dict(t) for r, t in tabellen.items()})


def bewaartermijnen_toepassen(
    *, vandaag: date | None = None, aanleiding: str = Bewaarrun.Aanleiding.PLANNING
) -> Bewaarrun:
    """The nightly job: every expired inwoner removed in a transaction of its own.

    Safe to kill at any point: what was committed is complete and counted in its run; the next run
    selects what is left. An inwoner that cannot be removed whole is skipped and logged, not forced.
    """
    vandaag = vandaag or timezone.localdate()
    run = Bewaarrun.objects.create(aanleiding=aanleiding, peildatum=vandaag)
    kandidaten = [(i.pk, _regel(i)) for i in verlopen_inwoners(vandaag=vandaag).only("pk")]
    overgeslagen = 0
    try:
        for inwoner_id, regel in kandidaten:
            try:
                inwoner_verwijderen(inwoner_id=inwoner_id, regel=regel, run=run, vandaag=vandaag)
            except Kruisverwijzing as fout:
                overgeslagen += 1
                logger.error("bewaartermijnen: inwoner %s overgeslagen: %s", inwoner_id, fout)
    except BaseException as fout:
        Bewaarrun.objects.filter(pk=run.pk).update(
            status=Bewaarrun.Status.MISLUKT, fout=type(fout).__name__[:500], overgeslagen=overgeslagen
        )
        raise
    Bewaarrun.objects.filter(pk=run.pk).update(
        status=Bewaarrun.Status.KLAAR, beeindigd_op=timezone.now(), overgeslagen=overgeslagen
    )
    run.refresh_from_db()
    return run


__all__ = [
    "Proef",
    "bewaartermijnen_toepassen",
    "inwoner_verwijderen",
    "plan_maken",
    "proef",
    "verlopen_inwoners",
]
