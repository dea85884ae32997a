from django.db import migrations, models

# The action that reaches each status in the signaal's table (meldingen/workflow.py), frozen here:
# a migration must not change when the table does.
ACTIE_BIJ_STATUS = {
    "nieuw": "registreren",
    "in_onderzoek": "onderzoeken",
    "initiatief_gestart": "initiatief_starten",
    "afgerond": "afronden",
    "niet_opgepakt": "niet_oppakken",
}


def actie_invullen(apps, schema_editor):
    SignaalStatusRegel = apps.get_model("meldingen", "SignaalStatusRegel")
    for status, actie in ACTIE_BIJ_STATUS.items():
        SignaalStatusRegel.objects.filter(status=status, actie="").update(actie=actie)


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="signaalstatusregel",
            name="actie",
            field=models.CharField(default="", max_length=30),
            preserve_default=False,
        ),
        migrations.RunPython(actie_invullen, migrations.RunPython.noop),
    ]
