"""The pemohon moved to pemohon/: the request's foreign key follows it (table kept)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("keberatan", "0008_pemohon_moved_to_its_app"),
        ("pemohon", "0001_initial"),
        ("registrasi", "0013_bench_indeks_daftar"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are, under their old names (db_table): only Django's
            # picture of which app holds the model changes.
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="permohonan",
                    name="pemohon",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="permohonan",
                        to="pemohon.pemohon",
                        verbose_name="pemohon",
                    ),
                ),
                migrations.DeleteModel(
                    name="Pemohon",
                ),
            ],
        ),
    ]
