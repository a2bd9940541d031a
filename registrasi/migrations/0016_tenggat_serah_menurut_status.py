# The handover's date (registrasi.models.TENGGAT_SERAH): the notice's promised date binds only
# while the request waits on that notice; a request a keberatan reopened binds to the Atasan
# PPID's date (its SOP target), as the PPID's decision is no longer rewritten.

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ppid_manual", "0008_i15_dokumen_terbit"),
        ("registrasi", "0015_keputusan_ppid_dipulihkan"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="permohonan",
            name="permohonan_tenggat_serah",
        ),
        migrations.AddIndex(
            model_name="permohonan",
            index=models.Index(
                models.Case(
                    models.When(
                        keputusan="belum_didokumentasikan",
                        status="menunggu_penyerahan",
                        then="tanggal_tersedia",
                    ),
                    default="target_penyerahan",
                ),
                models.F("id"),
                condition=models.Q(("status__in", ["menunggu_penyerahan", "dibuka_kembali"])),
                name="permohonan_tenggat_serah",
            ),
        ),
    ]
