"""The maatwerk product categories as data: iWmo (codelijst WMO022) 01-18 and iJw 40-46 and 50.

A gemeente adds its own in the beheer screens. iJw 47-49 (jeugdreclassering, jeugdbescherming,
preventief justitieel kader) are left out: they follow from a court or the Raad, not from a
consulent's beschikking on an arrangement.
"""

from django.db import migrations

WMO = [
    ("01", "Hulp bij het huishouden"),
    ("02", "Begeleiding"),
    ("03", "Persoonlijke verzorging"),
    ("04", "Kortdurend verblijf"),
    ("05", "Woondiensten"),
    ("06", "Overige ondersteuning gericht op het individu of huishouden"),
    ("07", "Dagbesteding"),
    ("08", "Vervoerdiensten"),
    ("09", "Overige groepsgerichte ondersteuning"),
    ("10", "Overige maatwerkarrangementen"),
    ("11", "Rolstoelen"),
    ("12", "Vervoervoorzieningen"),
    ("13", "Woonvoorzieningen"),
    ("14", "Overige hulpmiddelen"),
    ("15", "Beschermd wonen"),
    ("16", "Opvang"),
    ("17", "Spoedopvang"),
    ("18", "Overige beschermd wonen en opvang"),
]
JEUGD = [
    ("40", "Persoonlijke verzorging"),
    ("41", "Dagbehandeling"),
    ("42", "Vervoerdiensten"),
    ("43", "Jeugdhulp verblijf (inclusief behandeling)"),
    ("44", "Jeugdhulp verblijf (exclusief behandeling)"),
    ("45", "Jeugdhulp ambulant"),
    ("46", "Jeugdhulp crisis"),
    ("50", "Maatwerkarrangementen jeugdhulp"),
]


def laden(apps, schema_editor):
    MaatwerkCategorie = apps.get_model("arrangementen", "MaatwerkCategorie")
    for wet, rijen in (("wmo", WMO), ("jeugd", JEUGD)):
        for code, label in rijen:
            MaatwerkCategorie.objects.get_or_create(wet=wet, code=code, defaults={"label": label})


def verwijderen(apps, schema_editor):
    MaatwerkCategorie = apps.get_model("arrangementen", "MaatwerkCategorie")
    for wet, rijen in (("wmo", WMO), ("jeugd", JEUGD)):
        MaatwerkCategorie.objects.filter(wet=wet, code__in=[c for c, _ in rijen], onderdelen__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("arrangementen", "0001_initial")]

    operations = [migrations.RunPython(laden, verwijderen)]
