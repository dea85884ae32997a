"""Celery beat: refresh the live facts every minute (the job itself does nothing while nobody works),
so the dashboard never refreshes them during a page view (issue 14)."""

from django.db import migrations

TAAK = "monitor.tasks.feiten_verversen"
NAAM = "Monitor: live feiten verversen (elke minuut, alleen als er gewerkt wordt)"


def aanmaken(apps, schema_editor):
    interval_model = apps.get_model("django_celery_beat", "IntervalSchedule")
    taak_model = apps.get_model("django_celery_beat", "PeriodicTask")
    elke_minuut, _ = interval_model.objects.get_or_create(every=1, period="minutes")
    taak_model.objects.update_or_create(
        name=NAAM,
        defaults={
            "task": TAAK,
            "interval": elke_minuut,
            "enabled": True,
            "description": __doc__.strip(),
            # A minute-old refresh that never ran is pointless once the next is due.
            "expire_seconds": 55,
        },
    )


def verwijderen(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0009_rekenkamer_feiten"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
