"""Celery beat: every morning at 07:00 the berichten about granted voorzieningen ending within 4 weeks.

The schedule rows live with the monitor's (all beat rows in one app's migrations); the task itself is
arrangementen.tasks.voorzieningen_einde_melden.
"""

from django.db import migrations

TAAK = "arrangementen.tasks.voorzieningen_einde_melden"
NAAM = "Voorzieningen: bericht als een toegekende voorziening binnen 4 weken afloopt (dagelijks)"


def aanmaken(apps, schema_editor):
    crontab_model = apps.get_model("django_celery_beat", "CrontabSchedule")
    taak_model = apps.get_model("django_celery_beat", "PeriodicTask")
    schema, _ = crontab_model.objects.get_or_create(
        minute="0",
        hour="7",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/Amsterdam",
    )
    taak_model.objects.update_or_create(
        name=NAAM,
        defaults={
            "task": TAAK,
            "crontab": schema,
            "enabled": True,
            "description": "Zie arrangementen/tasks.py.",
        },
    )


def verwijderen(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0004_feiten_overdracht"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
