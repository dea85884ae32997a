import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# A vastgesteld version is what the raad received. The model refuses changes; this trigger refuses
# them below the ORM too (a queryset update, a hand-made SQL statement), and refuses a delete.
TRIGGER = """
CREATE OR REPLACE FUNCTION monitor_rapport_vastgesteld_bewaken() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'monitorrapport % is vastgesteld en kan niet worden verwijderd', OLD.id;
    END IF;
    IF NEW.cijfers IS DISTINCT FROM OLD.cijfers OR NEW.pdf IS DISTINCT FROM OLD.pdf
       OR NEW.van IS DISTINCT FROM OLD.van OR NEW.tot IS DISTINCT FROM OLD.tot
       OR NEW.versie IS DISTINCT FROM OLD.versie OR NEW.definities IS DISTINCT FROM OLD.definities
       OR NEW.status IS DISTINCT FROM OLD.status
       OR NEW.vastgesteld_op IS DISTINCT FROM OLD.vastgesteld_op
       OR NEW.vastgesteld_door_id IS DISTINCT FROM OLD.vastgesteld_door_id THEN
        RAISE EXCEPTION 'monitorrapport % is vastgesteld en kan niet worden gewijzigd', OLD.id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS monitor_rapport_vastgesteld ON monitor_monitorrapport;
CREATE TRIGGER monitor_rapport_vastgesteld
    BEFORE UPDATE OR DELETE ON monitor_monitorrapport
    FOR EACH ROW WHEN (OLD.vastgesteld_op IS NOT NULL)
    EXECUTE FUNCTION monitor_rapport_vastgesteld_bewaken();
"""
ZONDER_TRIGGER = """
DROP TRIGGER IF EXISTS monitor_rapport_vastgesteld ON monitor_monitorrapport;
DROP FUNCTION IF EXISTS monitor_rapport_vastgesteld_bewaken();
"""


def trigger_maken(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER, params=None)


def trigger_weghalen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ZONDER_TRIGGER, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0006_feiten_voorwerk_huisbezoek"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="monitorrapport",
            name="vastgesteld_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="vastgesteld op"),
        ),
        migrations.AddField(
            model_name="monitorrapport",
            name="vastgesteld_door",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(trigger_maken, trigger_weghalen),
    ]
