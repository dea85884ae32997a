"""Schedule the daily effect check in Celery beat (DatabaseScheduler): 02:00 Europe/Amsterdam."""

from django.db import migrations

TAAK = "arrangementen.tasks.effectmeting_uitvoeren"
NAAM = "Effectmeting: maatwerk na afsluiten casus (dagelijks)"


def inplannen(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schema, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="2",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/Amsterdam",
    )
    PeriodicTask.objects.update_or_create(
        name=NAAM,
        defaults={"task": TAAK, "crontab": schema, "enabled": True, "description": "Zie arrangementen/tasks.py."},
    )


def uitplannen(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("arrangementen", "0002_maatwerkcategorieen"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(inplannen, uitplannen)]
