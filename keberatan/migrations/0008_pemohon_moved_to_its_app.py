"""The pemohon moved to pemohon/: the keberatan's foreign key follows it (table kept)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("keberatan", "0007_i18b_target_kelengkapan"),
        ("pemohon", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are, under their old names (db_table): only Django's
            # picture of which app holds the model changes.
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="keberatan",
                    name="pemohon",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="keberatan",
                        to="pemohon.pemohon",
                        verbose_name="pemohon",
                    ),
                ),
            ],
        ),
    ]
