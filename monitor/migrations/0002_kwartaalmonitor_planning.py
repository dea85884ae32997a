"""Celery beat: build the previous quarter's monitor on the first day of every quarter, 06:00."""

from django.db import migrations

TAAK = "monitor.tasks.kwartaalmonitor_vorig_kwartaal"
NAAM = "Kwartaalmonitor: vorig kwartaal bouwen en de coördinator berichten"


def aanmaken(apps, schema_editor):
    crontab_model = apps.get_model("django_celery_beat", "CrontabSchedule")
    taak_model = apps.get_model("django_celery_beat", "PeriodicTask")
    schema, _ = crontab_model.objects.get_or_create(
        minute="0",
        hour="6",
        day_of_week="*",
        day_of_month="1",
        month_of_year="1,4,7,10",
        timezone="Europe/Amsterdam",
    )
    taak_model.objects.update_or_create(
        name=NAAM,
        defaults={"task": TAAK, "crontab": schema, "enabled": True, "description": __doc__.strip()},
    )


def verwijderen(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
