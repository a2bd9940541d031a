"""The kernel lets go of the models that moved to layanan/ and pemohon/ (their tables stay)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("ppid_manual", "0008_i15_dokumen_terbit"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are, under their old names (db_table): only Django's
            # picture of which app holds the model changes.
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="diserahkankembali",
                    name="content_type",
                ),
                migrations.RemoveField(
                    model_name="diserahkankembali",
                    name="ekspor",
                ),
                migrations.RemoveField(
                    model_name="eksporonline",
                    name="oleh",
                ),
                migrations.RemoveField(
                    model_name="laporanlayanan",
                    name="diubah_oleh",
                ),
                migrations.RemoveField(
                    model_name="laporanlayanan",
                    name="unit",
                ),
                migrations.RemoveField(
                    model_name="pencarianidentitas",
                    name="pengguna",
                ),
                migrations.DeleteModel(
                    name="CetakanRegister",
                ),
                migrations.DeleteModel(
                    name="DiserahkanKembali",
                ),
                migrations.DeleteModel(
                    name="EksporOnline",
                ),
                migrations.DeleteModel(
                    name="LaporanLayanan",
                ),
                migrations.DeleteModel(
                    name="PencarianIdentitas",
                ),
            ],
        ),
    ]
