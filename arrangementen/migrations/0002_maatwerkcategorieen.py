"""The maatwerk product categories as data (see arrangementen/categorieen.py for the lists and why)."""

from django.db import migrations

from arrangementen.categorieen import STANDAARD, categorieen_laden


def laden(apps, schema_editor):
    categorieen_laden(apps.get_model("arrangementen", "MaatwerkCategorie"))


def verwijderen(apps, schema_editor):
    MaatwerkCategorie = apps.get_model("arrangementen", "MaatwerkCategorie")
    for wet, rijen in STANDAARD.items():
        MaatwerkCategorie.objects.filter(
            wet=wet, code__in=[code for code, _label in rijen], onderdelen__isnull=True
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("arrangementen", "0001_initial")]

    operations = [migrations.RunPython(laden, verwijderen)]
