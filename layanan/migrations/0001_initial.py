"""The records of the services across the processes move into layanan, tables kept."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def rename_content_types(apps, schema_editor):
    """The content types of the moved models follow them, so that every event, stored
    document and permission that points at them keeps pointing at them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for old_app, model, new_app in [
        ("ppid_manual", "laporanlayanan", "layanan"),
        ("ppid_manual", "eksporonline", "layanan"),
        ("ppid_manual", "diserahkankembali", "layanan"),
        ("ppid_manual", "cetakanregister", "layanan"),
    ]:
        old = ContentType.objects.filter(app_label=old_app, model=model).first()
        if old is None:
            continue  # a new database: the content type is made after the migrations
        # One made for the new app before this ran (the post-migrate step of a database that
        # was migrated forward and back) gives way to the one the records point at; a record
        # pointing at it would stop the deletion (PROTECT), never be lost.
        Permission.objects.filter(
            content_type__app_label=new_app, content_type__model=model
        ).delete()
        ContentType.objects.filter(app_label=new_app, model=model).delete()
        old.app_label = new_app
        old.save(update_fields=["app_label"])


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("ppid_manual", "0009_models_moved_to_layanan_and_pemohon"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are, under their old names (db_table): only Django's
            # picture of which app holds the model changes.
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="CetakanRegister",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        (
                            "jenis",
                            models.CharField(
                                choices=[
                                    ("permohonan", "Register Permohonan Informasi Publik"),
                                    ("keberatan", "Register Keberatan Informasi Publik"),
                                ],
                                max_length=12,
                                verbose_name="register",
                            ),
                        ),
                        ("dari", models.DateField(verbose_name="dari tanggal")),
                        ("sampai", models.DateField(verbose_name="sampai tanggal")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("menunggu", "Menunggu"),
                                    ("berjalan", "Sedang disusun"),
                                    ("selesai", "Selesai"),
                                    ("gagal", "Gagal"),
                                ],
                                default="menunggu",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "jumlah_baris",
                            models.PositiveIntegerField(default=0, verbose_name="jumlah baris"),
                        ),
                        (
                            "kemajuan",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="kemajuan (%)"
                            ),
                        ),
                        (
                            "keterangan",
                            models.CharField(blank=True, max_length=300, verbose_name="keterangan"),
                        ),
                        ("pdf", models.BinaryField(blank=True, null=True, verbose_name="PDF")),
                        ("dibuat", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                        (
                            "diperbarui",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="diperbarui"
                            ),
                        ),
                        (
                            "pengguna",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="oleh",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "cetakan register",
                        "verbose_name_plural": "cetakan register",
                        "db_table": "ppid_manual_cetakanregister",
                        "ordering": ["-dibuat"],
                    },
                ),
                migrations.CreateModel(
                    name="EksporOnline",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("dibuat", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                        ("dari", models.DateField(verbose_name="dari tanggal")),
                        ("sampai", models.DateField(verbose_name="sampai tanggal")),
                        (
                            "lengkap",
                            models.BooleanField(default=False, verbose_name="memuat data pribadi"),
                        ),
                        ("jumlah", models.JSONField(default=dict, verbose_name="jumlah rekaman")),
                        ("sha256", models.CharField(max_length=64, verbose_name="checksum arsip")),
                        (
                            "oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="oleh",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "ekspor ke sistem online",
                        "verbose_name_plural": "ekspor ke sistem online",
                        "db_table": "ppid_manual_eksporonline",
                        "ordering": ["-dibuat"],
                    },
                ),
                migrations.CreateModel(
                    name="DiserahkanKembali",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField()),
                        (
                            "event_terakhir",
                            models.PositiveBigIntegerField(
                                verbose_name="riwayat terakhir yang diekspor"
                            ),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                to="contenttypes.contenttype",
                            ),
                        ),
                        (
                            "ekspor",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="tanda",
                                to="layanan.eksporonline",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "tanda diserahkan kembali",
                        "verbose_name_plural": "tanda diserahkan kembali",
                        "db_table": "ppid_manual_diserahkankembali",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("content_type", "object_id"), name="diserahkan_kembali_unik"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="LaporanLayanan",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("tahun", models.PositiveIntegerField(verbose_name="tahun")),
                        (
                            "periode",
                            models.CharField(
                                choices=[
                                    ("tahunan", "Tahunan"),
                                    ("semester1", "Semester I"),
                                    ("semester2", "Semester II"),
                                ],
                                max_length=10,
                                verbose_name="periode",
                            ),
                        ),
                        (
                            "gambaran_umum",
                            models.TextField(
                                blank=True,
                                max_length=6000,
                                verbose_name="gambaran umum pelayanan informasi",
                            ),
                        ),
                        (
                            "kendala",
                            models.TextField(
                                blank=True,
                                max_length=6000,
                                verbose_name="kendala eksternal dan internal",
                            ),
                        ),
                        (
                            "rekomendasi",
                            models.TextField(
                                blank=True,
                                max_length=6000,
                                verbose_name="rekomendasi dan rencana tindak lanjut",
                            ),
                        ),
                        ("diubah", models.DateTimeField(auto_now=True, verbose_name="diubah")),
                        (
                            "diubah_oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="diubah oleh",
                            ),
                        ),
                        (
                            "unit",
                            models.ForeignKey(
                                blank=True,
                                help_text="Kosong: laporan Pemerintah Provinsi Bali (PPID Utama).",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                to="ppid_manual.unit",
                                verbose_name="perangkat daerah",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "laporan layanan",
                        "verbose_name_plural": "laporan layanan",
                        "db_table": "ppid_manual_laporanlayanan",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("tahun", "periode", "unit"),
                                name="laporan_tahun_periode_unit_unik",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("unit__isnull", True)),
                                fields=("tahun", "periode"),
                                name="laporan_provinsi_unik",
                            ),
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(rename_content_types, migrations.RunPython.noop),
    ]
