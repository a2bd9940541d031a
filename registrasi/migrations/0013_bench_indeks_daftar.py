# The work list's first page of open requests, the home page's handover work, and the overdue / near-due figures of every list page read the requests waiting for their
# handover from a partial index (issue 18's SOP target), and a number typed from its start is
# found by a prefix index of the upper-cased number (PostgreSQL only, like the trigram
# indexes: ppid_manual.postgres.AddIndexOnPostgres).

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations, models

from ppid_manual.postgres import AddIndexOnPostgres


class Migration(migrations.Migration):
    dependencies = [
        ("registrasi", "0012_i18b_penyampaian_surat"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="permohonan",
            index=models.Index(
                condition=models.Q(
                    (
                        "status__in",
                        [
                            "terdaftar",
                            "dimintakan_opd",
                            "siap_diputus",
                            "menunggu_penyerahan",
                            "dibuka_kembali",
                        ],
                    )
                ),
                fields=["tenggat", "tanggal_daftar", "id"],
                name="permohonan_terbuka_urut",
            ),
        ),
        migrations.AddIndex(
            model_name="permohonan",
            index=models.Index(
                condition=models.Q(("status__in", ["menunggu_penyerahan", "dibuka_kembali"])),
                fields=["target_penyerahan", "id"],
                name="permohonan_penyerahan_target",
            ),
        ),
        migrations.AddIndex(
            model_name="permohonan",
            index=models.Index(
                models.Case(
                    models.When(keputusan="belum_didokumentasikan", then="tanggal_tersedia"),
                    default="target_penyerahan",
                ),
                models.F("id"),
                condition=models.Q(("status__in", ["menunggu_penyerahan", "dibuka_kembali"])),
                name="permohonan_tenggat_serah",
            ),
        ),
        AddIndexOnPostgres(
            model_name="permohonan",
            index=models.Index(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("nomor_pendaftaran"),
                    name="text_pattern_ops",
                ),
                name="permohonan_nomor_awal",
            ),
        ),
    ]
