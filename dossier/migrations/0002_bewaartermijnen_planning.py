"""Celery beat: the retention job every night at 03:00, before the access log's own cut-off (03:30)."""

from django.db import migrations

TAAK = "dossier.tasks.bewaartermijnen_toepassen"
NAAM = "Bewaartermijnen: verlopen dossiers verwijderen (nachtelijk)"


def aanmaken(apps, schema_editor):
    crontab_model = apps.get_model("django_celery_beat", "CrontabSchedule")
    taak_model = apps.get_model("django_celery_beat", "PeriodicTask")
    schema, _ = crontab_model.objects.get_or_create(
        minute="0",
        hour="3",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/Amsterdam",
    )
    taak_model.objects.update_or_create(
        name=NAAM,
        defaults={"task": TAAK, "crontab": schema, "enabled": True, "description": "Zie dossier/bewaartermijnen.py."},
    )


def verwijderen(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dossier", "0001_bewaartermijnen"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
