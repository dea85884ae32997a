from django.db import migrations

# 0007 guards a vastgesteld report below the ORM on PostgreSQL only; the demo runs on SQLite, and a
# report the demo's raad received must not change there either (a queryset update, a hand-made SQL
# statement, a delete). SQLite's RAISE(ABORT) reaches Django as an IntegrityError.
VELDEN = ("cijfers", "pdf", "van", "tot", "versie", "definities", "status", "vastgesteld_op", "vastgesteld_door_id")
TRIGGERS = [
    f"""
CREATE TRIGGER IF NOT EXISTS monitor_rapport_vastgesteld_wijzigen
BEFORE UPDATE ON monitor_monitorrapport
FOR EACH ROW WHEN OLD.vastgesteld_op IS NOT NULL AND ({" OR ".join(f"NEW.{v} IS NOT OLD.{v}" for v in VELDEN)})
BEGIN
    SELECT RAISE(ABORT, 'monitorrapport is vastgesteld en kan niet worden gewijzigd');
END;
""",
    """
CREATE TRIGGER IF NOT EXISTS monitor_rapport_vastgesteld_verwijderen
BEFORE DELETE ON monitor_monitorrapport
FOR EACH ROW WHEN OLD.vastgesteld_op IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'monitorrapport is vastgesteld en kan niet worden verwijderd');
END;
""",
]
ZONDER = [
    "DROP TRIGGER IF EXISTS monitor_rapport_vastgesteld_wijzigen",
    "DROP TRIGGER IF EXISTS monitor_rapport_vastgesteld_verwijderen",
]


def triggers_maken(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in TRIGGERS:
            schema_editor.execute(sql, params=None)


def triggers_weghalen(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in ZONDER:
            schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("monitor", "0010_feiten_verversen_planning")]

    operations = [migrations.RunPython(triggers_maken, triggers_weghalen)]
