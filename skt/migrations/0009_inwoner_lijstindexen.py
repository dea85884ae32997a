"""Indexes for the lists at a decade's scale (issue 14): keyset pages of Mijn inwoners, and on
PostgreSQL a trigram index for the name search (achternaam__icontains compiles to
UPPER(achternaam) LIKE UPPER('%…%'), which no b-tree serves)."""

from django.db import migrations, models

TRIGRAM = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS inwoner_achternaam_trgm_idx ON skt_inwoner USING gin (UPPER(achternaam) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS inwoner_voornamen_trgm_idx ON skt_inwoner USING gin (UPPER(voornamen) gin_trgm_ops)",
]


def trigram_aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in TRIGRAM:
            schema_editor.execute(sql)


def trigram_weghalen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS inwoner_achternaam_trgm_idx")
        schema_editor.execute("DROP INDEX IF EXISTS inwoner_voornamen_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [("skt", "0008_rechtenwijziging")]

    operations = [
        migrations.AddIndex(
            model_name="inwoner",
            index=models.Index(fields=["-aangemaakt_op", "-id"], name="inwoner_nieuwste_idx"),
        ),
        migrations.AddIndex(
            model_name="inwoner",
            index=models.Index(fields=["achternaam", "voornamen", "id"], name="inwoner_naam_idx"),
        ),
        migrations.RunPython(trigram_aanmaken, trigram_weghalen, elidable=False),
    ]
