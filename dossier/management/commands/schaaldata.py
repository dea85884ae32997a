"""Scale the demo's live rows to a big gemeente's decade, for benchmarks and the EXPLAIN guard.

The demo (``demo_data``) holds every shape the pages show: inwoners with and without meldingen,
triages, casussen with contactmomenten and ZRM, arrangementen of both routes, the loket's
werkvoorraad, betrokkenheid and every guardian rights row. This command copies that whole web K
times in SQL (one ``INSERT … SELECT … CROSS JOIN generate_series`` per table), each copy moved back in
time so the copies spread over 2015 .. today, and adds M access-log rows with ``generate_series``.

Which tables are copied is read from the models, not listed by hand, so a new model that hangs off an
inwoner is copied too: every model reachable from Inwoner/Huishouden through foreign keys, and their
history tables. Ids are shifted per copy (copy k: id + k × the table's span), foreign keys into copied
tables with them, uuids are derived from the original and the copy number (a history row keeps the
uuid of its object), unique text gets a copy-specific value.

Test data on purpose bypasses the services and simple-history's signals: the history rows are copied
as rows, and the access-log rows are not sealed (the sealer job would chain them later). Never for a
real gemeente: PostgreSQL only, and only with SKT_DEMO on or ``--ik-weet-het``.
"""

import time
from datetime import date

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.utils import timezone

from meldingen.models import Melding
from skt.models import Huishouden, Inwoner, Medewerker, Toegang, ToegangInwoner

APPS = {"skt", "meldingen", "poort", "casussen", "arrangementen", "dossier"}
# The access log is generated, not copied; its rows are evidence of reads, not part of a dossier.
NIET_KOPIEREN = {Toegang, ToegangInwoner}
# Births are not moved with the copy's time shift.
NIET_VERSCHUIVEN = {"geboortedatum"}
BEGIN = date(2015, 1, 1)


def _basis(model):
    """The model a history model records, or None."""
    return getattr(model, "instance_type", None)


def te_kopieren_modellen() -> list[type[models.Model]]:
    """Every model (history and M2M tables included) that hangs off an inwoner or huishouden."""
    kandidaten = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label in APPS and not m._meta.proxy and m._meta.managed and m not in NIET_KOPIEREN
    ]
    # A model whose migration has not run here yet (others work in the same tree) is left out.
    bestaand = set(connection.introspection.table_names())
    kandidaten = [m for m in kandidaten if m._meta.db_table in bestaand]
    gekozen = {Inwoner, Huishouden}
    veranderd = True
    while veranderd:
        veranderd = False
        for model in kandidaten:
            if model in gekozen:
                continue
            basis = _basis(model)
            naar_gekozen = any(
                f.is_relation and f.concrete and f.related_model in gekozen
                for f in model._meta.get_fields()
                if getattr(f, "many_to_one", False) or getattr(f, "one_to_one", False)
            )
            if naar_gekozen or (basis is not None and basis in gekozen):
                gekozen.add(model)
                veranderd = True
    return sorted(gekozen, key=lambda m: m._meta.db_table)


def _q(naam: str) -> str:
    return connection.ops.quote_name(naam)


class Kopieerder:
    """Builds the INSERT … SELECT for one table; spans are the max ids before copying."""

    def __init__(self, modellen, kopieen: int):
        self.modellen = set(modellen)
        self.kopieen = kopieen
        self.span: dict[type, int] = {}
        with connection.cursor() as cursor:
            for model in modellen:
                pk = model._meta.pk.column
                cursor.execute(f"SELECT COALESCE(MAX({_q(pk)}), 0) FROM {_q(model._meta.db_table)}")
                self.span[model] = cursor.fetchone()[0] + 1

    def kolomspan(self, model, veld) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MAX({_q(veld.column)}), 0) + 1 FROM {_q(model._meta.db_table)}")
            return cursor.fetchone()[0]

    def _uniek(self, model, veld) -> bool:
        basis = _basis(model)
        if basis is not None:
            try:
                veld = basis._meta.get_field(veld.name)
            except Exception:
                return False
        return bool(veld.unique) and not veld.primary_key

    def uitdrukking(self, model, veld) -> str:
        kolom = f"t.{_q(veld.column)}"
        basis = _basis(model)
        if veld.primary_key:
            return f"{kolom} + k * {self.span[model]}"
        if veld.is_relation and veld.related_model in self.modellen:
            return f"{kolom} + k * {self.span[veld.related_model]}"
        if basis is not None and basis in self.modellen and veld.name == basis._meta.pk.name:
            return f"{kolom} + k * {self.span[basis]}"
        if veld.is_relation:
            return kolom
        if isinstance(veld, models.UUIDField):
            return f"md5({kolom}::text || ':' || k::text)::uuid"
        if isinstance(veld, models.DateTimeField):
            return f"{kolom} - make_interval(days => d)"
        if isinstance(veld, models.DateField) and veld.name not in NIET_VERSCHUIVEN:
            return f"{kolom} - d"
        if self._uniek(model, veld):
            if isinstance(veld, models.IntegerField):
                return f"{kolom} + k * {self.kolomspan(model, veld)}"
            if isinstance(veld, models.CharField):
                lengte = veld.max_length or 64
                # A unique number such as a BSN: '8' and the copied row's id (its object's, for a
                # history row), so the object and its history agree.
                if lengte < 16:
                    nieuw_id = self.uitdrukking(model, model._meta.get_field((basis or model)._meta.pk.name))
                    return (
                        f"CASE WHEN {kolom} IS NULL OR {kolom} = '' THEN {kolom} "
                        f"ELSE '8' || lpad(({nieuw_id})::text, {lengte - 1}, '0') END"
                    )
                return (
                    f"CASE WHEN {kolom} IS NULL OR {kolom} = '' THEN {kolom} "
                    f"ELSE left({kolom}, {lengte - 7}) || '-' || k::text END"
                )
        return kolom

    def kopieer(self, model, verschuiving_sql: str) -> int:
        velden = [f for f in model._meta.concrete_fields]
        kolommen = ", ".join(_q(f.column) for f in velden)
        waarden = ", ".join(self.uitdrukking(model, f) for f in velden)
        tabel = _q(model._meta.db_table)
        pk = _q(model._meta.pk.column)
        sql = (
            f"INSERT INTO {tabel} ({kolommen}) "
            f"SELECT {waarden} FROM (SELECT * FROM {tabel} WHERE {pk} < {self.span[model]}) t "
            f"CROSS JOIN (SELECT k, {verschuiving_sql} AS d FROM generate_series(1, {self.kopieen}) k) s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql)
            aantal = cursor.rowcount
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{model._meta.db_table}', '{model._meta.pk.column}'), "
                f"(SELECT MAX({pk}) FROM {tabel}))"
            )
        return aantal


def _meest(tabel: str, kolom: str) -> str:
    """The demo's most common non-empty value of a column, as an SQL literal."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {kolom} FROM {tabel} WHERE {kolom} <> '' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        )
        rij = cursor.fetchone()
    return "'" + rij[0].replace("'", "''") + "'" if rij else "''"


# A real gemeente's decade is mostly closed work: a copy's melding or casus older than this is
# closed (with its status row), as the demo's own closed ones are; the recent copies keep the
# demo's open work, so the queues show about a percent of everything.
OPEN_DAGEN = 120

AFSLUITEN = [
    # (table, status rows, their foreign key, date the age is read from, closed status, date of closing,
    # what else closing sets)
    (
        "meldingen_melding",
        "meldingen_meldingstatusregel",
        "melding_id",
        "aanmeldingsdatum",
        "afgesloten",
        "afgesloten_op",
        lambda: (
            "afgesloten_op = LEAST(current_date, COALESCE(eerste_contact_op, aanmeldingsdatum) + 42), "
            f"triage_uitkomst = CASE WHEN triage_uitkomst = '' THEN "
            f"{_meest('meldingen_melding', 'triage_uitkomst')} ELSE triage_uitkomst END, "
            f"uitstroom = CASE WHEN uitstroom = '' THEN "
            f"{_meest('meldingen_melding', 'uitstroom')} ELSE uitstroom END"
        ),
    ),
    (
        "casussen_casus",
        "casussen_casusstatusregel",
        "casus_id",
        "aangemaakt_op",
        "afgesloten",
        "afgesloten_op",
        lambda: (
            "startdatum = COALESCE(startdatum, aangemaakt_op::date), "
            "afgesloten_op = LEAST(current_date, COALESCE(startdatum, aangemaakt_op::date) + 90), "
            f"afsluitreden = CASE WHEN afsluitreden = '' THEN "
            f"{_meest('casussen_casus', 'afsluitreden')} ELSE afsluitreden END"
        ),
    ),
    (
        "arrangementen_aanvraag",
        "arrangementen_aanvraagstatusregel",
        "aanvraag_id",
        "overgedragen_op",
        "doorverwezen",
        "afgehandeld_op",
        lambda: (
            "afgehandeld_op = overgedragen_op + interval '14 days', "
            "afgehandeld_door_id = COALESCE(afgehandeld_door_id, behandelaar_id, %(door)s)"
        ),
    ),
    (
        "arrangementen_arrangement",
        "arrangementen_arrangementstatusregel",
        "arrangement_id",
        "aangemaakt_op",
        "beeindigd",
        "beeindigd_op",
        lambda: "beeindigd_op = COALESCE(beeindigd_op, aangemaakt_op + interval '180 days')",
    ),
]
# Statuses that are already done; every other status of an old copy is closed.
AF = (
    "afgesloten",
    "doorverwezen",
    "geen_maatwerk",
    "maatwerk_aangevraagd",
    "beeindigd",
    "afgewezen",
    "goedgekeurd",
    "gedeeltelijk_goedgekeurd",
)


def oud_werk_afsluiten(spans: dict[str, int], door_id: int) -> dict[str, int | str]:
    gesloten: dict[str, int | str] = {}
    for tabel, regels, fk, datum, status, op, zet in AFSLUITEN:
        if tabel not in spans:
            continue
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {tabel} SET status = %(status)s, {zet()} "
                    f"WHERE id >= %(span)s AND NOT status = ANY(%(af)s) "
                    f"AND {datum} < current_date - %(dagen)s RETURNING id",
                    {
                        "status": status,
                        "span": spans[tabel],
                        "af": list(AF),
                        "dagen": OPEN_DAGEN,
                        "door": door_id,
                    },
                )
                ids = [r[0] for r in cursor.fetchall()]
                # An arrangement's status row names the plan's version too.
                kolommen = {k.name for k in connection.introspection.get_table_description(cursor, regels)}
                versie, t_versie = (", versie", ", t.versie") if "versie" in kolommen else ("", "")
                cursor.execute(
                    f"INSERT INTO {regels} ({fk}, status, actie, door_id, op, toelichting{versie}) "
                    f"SELECT t.id, %s, 'afsluiten', %s, t.{op}::timestamptz, ''{t_versie} "
                    f"FROM {tabel} t WHERE t.id = ANY(%s)",
                    [status, door_id, ids],
                )
                gesloten[tabel] = len(ids)
        except Exception as fout:  # noqa: BLE001 — a changed model's new rule leaves the work open
            gesloten[tabel] = f"niet gesloten: {fout}".splitlines()[0]
    return gesloten


# A copy keeps the demo's 25 surnames at first: 'Vos' would be one in sixteen inwoners of the city,
# and a search on it would read 12,000 rows where a real gemeente has a few hundred (the commonest
# Dutch surname, De Jong, is about half a percent). So the copies get surnames from stems and endings,
# the endings skewed so a few are common and most rare: about 1,200 names, none above 1 %.
STAMMEN = (
    "Vos Berg Dijk Hoek Brink Veld Kamp Bos Wal Hof Meer Beek Broek Horst Boom Molen Kerk Linde Graaf "
    "Haan Wit Groot Kok Smit Bruin Jong Leeuw Roos Brug Steen Zand Hout Koster Visser Mol Dam Heuvel "
    "Wiel Laar Poel Ploeg Akker Weide Rijn Bron Schut Knol Bok Klaas Raaij Wever Mast Riet Stam Wolf "
    "Ekker"
).split()
EINDEN = ("|man|ink|stra|sen|ma|kamp|huis|veld|hof|berg|meijer|hout|beek|dijk|ers|el|ing|inga|mans").split(
    "|"
)
# One in sixteen copied inwoners keeps the demo's name: names such as Amrani and Yilmaz stay common.
DEMONAAM_KANS = 16


def namen_spreiden(span: int, seed: int) -> int:
    """Gives the copied inwoners (id >= span) and their history rows surnames from STAMMEN × EINDEN,
    deterministic per id and seed."""
    stammen = "(ARRAY[" + ", ".join(f"'{x}'" for x in STAMMEN) + "])"
    einden = "(ARRAY[" + ", ".join(f"'{x}'" for x in EINDEN) + "])"
    # Two independent hashes of the id: the stem uniform, the ending skewed towards the first ones.
    h1 = "('x' || substr(md5(id::text || ':s' || %(seed)s), 1, 7))::bit(28)::int"
    h2 = "('x' || substr(md5(id::text || ':e' || %(seed)s), 1, 7))::bit(28)::int"
    naam = (
        f"CASE WHEN {h1} %% {DEMONAAM_KANS} = 0 THEN achternaam ELSE "
        f"{stammen}[1 + ({h1} / {DEMONAAM_KANS}) %% {len(STAMMEN)}] || "
        f"{einden}[1 + floor({len(EINDEN)} * power({h2}::float8 / 268435456, 2.2))::int] END"
    )
    aantal = 0
    with connection.cursor() as cursor:
        for tabel in ("skt_inwoner", "skt_historicalinwoner"):
            cursor.execute(
                f"UPDATE {tabel} SET achternaam = {naam} WHERE id >= %(span)s", {"span": span, "seed": seed}
            )
            aantal += cursor.rowcount if tabel == "skt_inwoner" else 0
    return aantal


def toegang_maken(aantal: int, seed: int) -> int:
    """M access-log rows over 2015 .. now: reads of dossiers, meldingen and searches by every
    medewerker, about one in a hundred refused."""
    if aantal <= 0:
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [((seed % 1000) / 1000.0)])
        cursor.execute(
            """
            WITH mw AS (SELECT array_agg(id ORDER BY id) AS ids FROM skt_medewerker WHERE is_active),
                 iw AS (SELECT MIN(id) AS lo, MAX(id) AS hi FROM skt_inwoner)
            INSERT INTO skt_toegang (tijdstip, medewerker_id, actie, resultaat, object_soort, object_id,
                                     inwoner_id, pad, ip_adres, reden, keten_hash)
            SELECT %(begin)s::timestamptz + (g::float8 / %(n)s) * (now() - %(begin)s::timestamptz),
                   mw.ids[1 + (g::bigint * 7919) %% array_length(mw.ids, 1)],
                   CASE WHEN g %% 10 = 0 THEN 'zoeken' ELSE 'lezen' END,
                   CASE WHEN g %% 100 = 0 THEN 'geweigerd' ELSE 'toegestaan' END,
                   CASE WHEN g %% 10 = 0 THEN '' WHEN g %% 3 = 0 THEN 'melding' ELSE 'inwoner' END,
                   '',
                   CASE WHEN g %% 10 = 0 THEN NULL
                        ELSE iw.lo + floor(random() * (iw.hi - iw.lo + 1))::int END,
                   CASE WHEN g %% 10 = 0 THEN '/inwoners/zoeken/' ELSE '/inwoners/' END,
                   '10.0.0.1', '', ''
            FROM generate_series(1, %(n)s) g, mw, iw
            """,
            {"begin": BEGIN.isoformat(), "n": aantal},
        )
        return cursor.rowcount


class Command(BaseCommand):
    help = (
        "Schaalt de demo op tot een grote gemeente over tien jaar (levende gegevens: inwoners, meldingen, "
        "triages, casussen, arrangementen, aanvragen, rechten, toegangslog), voor metingen. "
        "Alleen PostgreSQL, alleen testdatabases. Laad eerst de demo (manage.py demo_data)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--meldingen", type=int, default=100_000)
        parser.add_argument("--toegang", type=int, default=None, help="standaard 10 × meldingen")
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument(
            "--ik-weet-het",
            action="store_true",
            help="dit is een testdatabase (nodig als SKT_DEMO uit staat)",
        )

    def handle(self, *args, meldingen, toegang, seed, ik_weet_het, **options):
        if connection.vendor != "postgresql":
            raise CommandError("schaaldata werkt alleen op PostgreSQL (DATABASE_URL).")
        if not (settings.SKT_DEMO or ik_weet_het):
            raise CommandError(
                "Dit maakt testgegevens en is nooit voor een echte gemeente. "
                "Zet SKT_DEMO=1 of geef --ik-weet-het als dit een testdatabase is."
            )
        voorbeeld = Melding.objects.count()
        if voorbeeld == 0:
            raise CommandError("Geen meldingen om te schalen: laad eerst de demo (manage.py demo_data).")
        if voorbeeld > 5000:
            raise CommandError(f"Deze database is al geschaald ({voorbeeld} meldingen).")
        if toegang is None:
            toegang = 10 * meldingen
        kopieen = max(1, round(meldingen / voorbeeld) - 1)
        # Copy k is moved back by about k/K of the span 2015 .. today minus the demo's own spread.
        oudste = Melding.objects.order_by("aanmeldingsdatum").values_list("aanmeldingsdatum", flat=True)[0]
        vandaag = timezone.localdate()
        span = max(0, (vandaag - BEGIN).days - (vandaag - oudste).days)
        verschuiving = f"((k * {span}) / {kopieen})::int"

        start = time.monotonic()
        modellen = te_kopieren_modellen()
        with transaction.atomic():
            kopieerder = Kopieerder(modellen, kopieen)
            for model in modellen:
                aantal = kopieerder.kopieer(model, verschuiving)
                if options["verbosity"] > 1:
                    self.stdout.write(f"  {model._meta.db_table}: {aantal}")
            spans = {m._meta.db_table: kopieerder.span[m] for m in modellen}
            door = Medewerker.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)[0]
            gesloten = oud_werk_afsluiten(spans, door)
            namen_spreiden(kopieerder.span[Inwoner], seed)
            toegangsrijen = toegang_maken(toegang, seed)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"{Melding.objects.count()} meldingen, {Inwoner.objects.count()} inwoners, "
                f"{toegangsrijen} toegangsregels ({len(modellen)} tabellen, {kopieen} kopieën) "
                f"in {time.monotonic() - start:.1f} s; oud werk gesloten: {gesloten}."
            )
        )
