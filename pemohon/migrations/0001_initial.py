"""The pemohon and the look-up log move into their own app (DESIGN.md section 6), tables kept."""

import django.contrib.postgres.indexes
import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


def rename_content_types(apps, schema_editor):
    """The content types of the moved models follow them, so that every event, stored
    document and permission that points at them keeps pointing at them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for old_app, model, new_app in [
        ("registrasi", "pemohon", "pemohon"),
        ("ppid_manual", "pencarianidentitas", "pemohon"),
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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("ppid_manual", "0009_models_moved_to_layanan_and_pemohon"),
        ("registrasi", "0013_bench_indeks_daftar"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay where they are, under their old names (db_table): only Django's
            # picture of which app holds the model changes.
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Pemohon",
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
                        (
                            "jenis",
                            models.CharField(
                                choices=[
                                    ("perorangan", "Perorangan"),
                                    ("badan_hukum", "Badan hukum"),
                                    ("kelompok", "Kelompok orang"),
                                ],
                                max_length=12,
                                verbose_name="jenis pemohon",
                            ),
                        ),
                        ("nama", models.CharField(max_length=150, verbose_name="nama")),
                        (
                            "nik",
                            models.CharField(
                                blank=True,
                                db_index=True,
                                help_text="Perorangan: NIK pemohon. Kelompok: NIK penanggung jawab kelompok.",
                                max_length=16,
                                verbose_name="NIK",
                            ),
                        ),
                        (
                            "nomor_akta",
                            models.CharField(
                                blank=True,
                                help_text="Nomor akta pendirian atau nomor pengesahan badan hukum.",
                                max_length=100,
                                verbose_name="nomor akta/registrasi badan hukum",
                            ),
                        ),
                        (
                            "penanggung_jawab",
                            models.CharField(
                                blank=True,
                                max_length=150,
                                verbose_name="nama yang bertindak untuk badan hukum/kelompok",
                            ),
                        ),
                        (
                            "alamat",
                            models.CharField(blank=True, max_length=300, verbose_name="alamat"),
                        ),
                        (
                            "pekerjaan",
                            models.CharField(blank=True, max_length=100, verbose_name="pekerjaan"),
                        ),
                        (
                            "telepon",
                            models.CharField(
                                blank=True, max_length=30, verbose_name="nomor telepon"
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(
                                blank=True, max_length=254, verbose_name="surat elektronik (e-mail)"
                            ),
                        ),
                        ("dibuat", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                        ("diubah", models.DateTimeField(auto_now=True, verbose_name="diubah")),
                    ],
                    options={
                        "verbose_name": "pemohon",
                        "verbose_name_plural": "pemohon",
                        "db_table": "registrasi_pemohon",
                        "ordering": ["nama"],
                        "indexes": [
                            django.contrib.postgres.indexes.GinIndex(
                                django.contrib.postgres.indexes.OpClass(
                                    django.db.models.functions.text.Upper("nama"),
                                    name="gin_trgm_ops",
                                ),
                                name="pemohon_nama_trgm",
                            ),
                            django.contrib.postgres.indexes.GinIndex(
                                fields=["nik"], name="pemohon_nik_trgm", opclasses=["gin_trgm_ops"]
                            ),
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(
                                    ("jenis", "perorangan"), models.Q(("nik", ""), _negated=True)
                                ),
                                fields=("nik",),
                                name="pemohon_nik_perorangan_unik",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(
                                    ("jenis", "badan_hukum"),
                                    models.Q(("nomor_akta", ""), _negated=True),
                                ),
                                fields=("nomor_akta",),
                                name="pemohon_akta_badan_hukum_unik",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PencarianIdentitas",
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
                        (
                            "waktu",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="waktu"
                            ),
                        ),
                        ("laman", models.CharField(max_length=60, verbose_name="laman")),
                        (
                            "jenis",
                            models.CharField(
                                choices=[("nik", "NIK"), ("akta", "Nomor akta")],
                                max_length=4,
                                verbose_name="jenis nomor",
                            ),
                        ),
                        (
                            "sha256",
                            models.CharField(
                                db_index=True,
                                max_length=64,
                                verbose_name="SHA-256 nomor yang dicari",
                            ),
                        ),
                        (
                            "ditampilkan",
                            models.BooleanField(
                                default=False, verbose_name="identitas ditampilkan"
                            ),
                        ),
                        (
                            "pengguna",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="pengguna",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "log pencarian identitas",
                        "verbose_name_plural": "log pencarian identitas",
                        "db_table": "ppid_manual_pencarianidentitas",
                        "ordering": ["-waktu", "-pk"],
                    },
                ),
            ],
        ),
        migrations.RunPython(rename_content_types, migrations.RunPython.noop),
    ]
