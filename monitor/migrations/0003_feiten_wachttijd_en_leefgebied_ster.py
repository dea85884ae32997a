"""Faster monitor queries: wacht_tot and leefgebieden_aantal on the melding fact, and the fact's date,
team and kern copied onto its leefgebied rows. Existing (derived, anonymous) rows are filled here."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce


def vullen(apps, schema_editor):
    feit_model = apps.get_model("monitor", "MeldingFeit")
    regel_model = apps.get_model("monitor", "MeldingFeitLeefgebied")
    feit = feit_model.objects.filter(pk=OuterRef("feit_id"))
    regel_model.objects.update(
        aanmeldingsdatum=Subquery(feit.values("aanmeldingsdatum")[:1]),
        team_id=Subquery(feit.values("team_id")[:1]),
        kern_id=Subquery(feit.values("kern_id")[:1]),
    )
    aantal = (
        regel_model.objects.filter(feit_id=OuterRef("pk")).order_by().values("feit_id").annotate(n=Count("pk"))
    )
    feit_model.objects.update(
        leefgebieden_aantal=Coalesce(Subquery(aantal.values("n")[:1]), 0),
        wacht_tot=Case(
            When(triage_uitkomst__in=["direct", "loket", "veilig_thuis"], then=F("aanmeldingsdatum")),
            When(eerste_contact_op__isnull=True, then=F("afgesloten_op")),
            When(afgesloten_op__isnull=True, then=F("eerste_contact_op")),
            When(Q(eerste_contact_op__lt=F("afgesloten_op")), then=F("eerste_contact_op")),
            default=F("afgesloten_op"),
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0002_kwartaalmonitor_planning"),
        ("skt", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="meldingfeit", name="feit_datum_idx"),
        migrations.RemoveIndex(model_name="meldingfeit", name="feit_afgesloten_idx"),
        migrations.AddField(
            model_name="meldingfeit", name="wacht_tot", field=models.DateField(blank=True, null=True)
        ),
        migrations.AddField(
            model_name="meldingfeit",
            name="leefgebieden_aantal",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="meldingfeitleefgebied", name="aanmeldingsdatum", field=models.DateField(null=True)
        ),
        migrations.AddField(
            model_name="meldingfeitleefgebied",
            name="team",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="skt.team",
            ),
        ),
        migrations.AddField(
            model_name="meldingfeitleefgebied",
            name="kern",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="skt.kern",
            ),
        ),
        migrations.RunPython(vullen, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="meldingfeitleefgebied", name="aanmeldingsdatum", field=models.DateField()
        ),
        migrations.AddIndex(
            model_name="meldingfeit",
            index=models.Index(fields=["aanmeldingsdatum", "wacht_tot"], name="feit_datum_wacht_idx"),
        ),
        migrations.AddIndex(
            model_name="meldingfeit",
            index=models.Index(fields=["wacht_tot", "aanmeldingsdatum"], name="feit_wacht_idx"),
        ),
        migrations.AddIndex(
            model_name="meldingfeitleefgebied",
            index=models.Index(fields=["aanmeldingsdatum", "leefgebied", "team"], name="feitlg_datum_idx"),
        ),
    ]
