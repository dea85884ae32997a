"""Small portable SQL pieces the ORM lacks: whole days between two dates, and INSERT … SELECT … upsert."""

from __future__ import annotations

from django.db import connection
from django.db.models import CharField, Func, IntegerField, QuerySet


class DagenTussen(Func):
    """Whole calendar days from ``begin`` to ``einde`` (einde - begin) for two date expressions."""

    output_field = IntegerField()
    arity = 2

    def __init__(self, einde, begin, **extra):
        super().__init__(einde, begin, **extra)

    def as_sql(self, compiler, connection, **extra):
        einde, einde_params = compiler.compile(self.source_expressions[0])
        begin, begin_params = compiler.compile(self.source_expressions[1])
        if connection.vendor == "postgresql":
            sql = f"(({einde})::date - ({begin})::date)"
        elif connection.vendor == "sqlite":
            sql = f"CAST(julianday({einde}) - julianday({begin}) AS INTEGER)"
        else:  # MySQL/MariaDB and others with DATEDIFF
            sql = f"DATEDIFF({einde}, {begin})"
        return sql, (*einde_params, *begin_params)


class Leeftijdsgroep(Func):
    """The rekenkamer's age group ('0-17', '18-26', '27-64', '65+') of someone born on ``geboren`` on
    the date ``op``; '' when the birth date is unknown."""

    output_field = CharField()
    arity = 2
    GRENZEN = ((18, "0-17"), (27, "18-26"), (65, "27-64"))

    def as_sql(self, compiler, connection, **extra):
        op, op_params = compiler.compile(self.source_expressions[0])
        geboren, geboren_params = compiler.compile(self.source_expressions[1])
        if connection.vendor == "postgresql":
            leeftijd = f"date_part('year', age(({op})::date, ({geboren})::date))"
            leeftijd_params = (*op_params, *geboren_params)
        else:
            leeftijd = (
                f"((CAST(strftime('%%Y', {op}) AS INTEGER) - CAST(strftime('%%Y', {geboren}) AS INTEGER))"
                f" - (strftime('%%m-%%d', {op}) < strftime('%%m-%%d', {geboren})))"
            )
            leeftijd_params = (*op_params, *geboren_params, *op_params, *geboren_params)
        takken = " ".join(f"WHEN {leeftijd} < {grens} THEN '{groep}'" for grens, groep in self.GRENZEN)
        sql = f"(CASE WHEN ({geboren}) IS NULL THEN '' {takken} ELSE '65+' END)"
        return sql, (*geboren_params, *(leeftijd_params * len(self.GRENZEN)))


class Pseudoniem(Func):
    """A keyed one-way hash of an id (md5 of a secret and the id; on SQLite, the demo's database, the
    MD5 function Django's backend registers): the same inwoner gives the same value, and it leads back
    to nobody."""

    output_field = CharField()
    arity = 1

    def as_sql(self, compiler, connection, **extra):
        from django.conf import settings

        waarde, params = compiler.compile(self.source_expressions[0])
        sleutel = f"monitor:{settings.SECRET_KEY}:"
        if connection.vendor == "postgresql":
            return f"(CASE WHEN ({waarde}) IS NULL THEN '' ELSE md5(%s || ({waarde})::text) END)", (
                *params,
                sleutel,
                *params,
            )
        return f"(CASE WHEN ({waarde}) IS NULL THEN '' ELSE MD5(%s || ({waarde})) END)", (
            *params,
            sleutel,
            *params,
        )


def upsert_uit_select(model, qs: QuerySet, kolommen: dict[str, object], conflict: list[str]) -> int:
    """INSERT INTO model (…) SELECT … FROM qs ON CONFLICT (conflict) DO UPDATE: one statement.

    ``kolommen`` maps a field of ``model`` to an expression over ``qs`` (an F() or any expression).
    Portable over PostgreSQL and SQLite (≥ 3.24): Django compiles the SELECT for the vendor and the
    outer statement is standard. Returns the number of rows written.
    """
    aliassen = {f"k{i}": expressie for i, expressie in enumerate(kolommen.values())}
    qs = qs.order_by().annotate(**aliassen).values(*aliassen)
    sql, params = qs.query.sql_with_params()
    qn = connection.ops.quote_name
    velden = {f.name: f for f in model._meta.concrete_fields}
    doel = [velden[naam].column for naam in kolommen]
    sleutel = [velden[naam].column for naam in conflict]
    bijwerken = ", ".join(f"{qn(k)} = excluded.{qn(k)}" for k in doel if k not in sleutel)
    # The inner SELECT names its columns k0, k1, …; "WHERE true" resolves SQLite's parsing
    # ambiguity of INSERT … SELECT … ON CONFLICT.
    statement = (
        f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(k) for k in doel)}) "
        f"SELECT {', '.join(f'bron.{qn(a)}' for a in aliassen)} FROM ({sql}) bron WHERE true "
        f"ON CONFLICT ({', '.join(qn(k) for k in sleutel)}) "
        + (f"DO UPDATE SET {bijwerken}" if bijwerken else "DO NOTHING")
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount
