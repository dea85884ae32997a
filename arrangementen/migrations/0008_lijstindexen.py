# Indexes for the keyset pages at a decade's scale (issue 14).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("arrangementen", "0007_evaluatie_beeindigd_bijstellen"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="arrangement",
            index=models.Index(fields=["-aangemaakt_op", "-id"], name="arr_nieuwste_idx"),
        ),
        migrations.AddIndex(
            model_name="notificatie",
            index=models.Index(
                fields=["medewerker", "-aangemaakt_op", "-id"], name="notificatie_nieuwste_idx"
            ),
        ),
    ]
