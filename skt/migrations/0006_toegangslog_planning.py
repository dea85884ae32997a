"""Celery beat: seal the access log every minute; apply its retention period every night at 03:30."""

from django.db import migrations

VERZEGELEN = ("skt.tasks.toegangslog_verzegelen", "Toegangslog: nieuwe regels verzegelen (hashketen)")
BEWAREN = ("skt.tasks.toegangslog_bewaartermijn", "Toegangslog: bewaartermijn toepassen")


def aanmaken(apps, schema_editor):
    interval_model = apps.get_model("django_celery_beat", "IntervalSchedule")
    crontab_model = apps.get_model("django_celery_beat", "CrontabSchedule")
    taak_model = apps.get_model("django_celery_beat", "PeriodicTask")
    elke_minuut, _ = interval_model.objects.get_or_create(every=1, period="minutes")
    nachtelijk, _ = crontab_model.objects.get_or_create(
        minute="30",
        hour="3",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/Amsterdam",
    )
    taak, naam = VERZEGELEN
    taak_model.objects.update_or_create(
        name=naam, defaults={"task": taak, "interval": elke_minuut, "crontab": None, "enabled": True}
    )
    taak, naam = BEWAREN
    taak_model.objects.update_or_create(
        name=naam, defaults={"task": taak, "crontab": nachtelijk, "interval": None, "enabled": True}
    )


def verwijderen(apps, schema_editor):
    namen = [VERZEGELEN[1], BEWAREN[1]]
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=namen).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("skt", "0005_toegangsketen"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
