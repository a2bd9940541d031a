"""The five role groups and a starting number template per document type (the admin can
change them; numbering continues from the online system through the counters)."""

from django.db import migrations

ROLES = ["petugas", "ppid", "pelaksana", "atasan", "admin"]

FORMATS = [
    # (jenis, pola, kode klasifikasi, per unit)
    ("permohonan", "{urut:4}/REG-PPID/{bulan}/{tahun}", "", False),
    ("permintaan", "{kode}/{urut:4}/PPID/{bulan}/{tahun}", "480", False),
    ("pemberitahuan", "{kode}/{urut:4}/PB-PPID/{bulan}/{tahun}", "480", False),
    ("perpanjangan", "{kode}/{urut:4}/PP-PPID/{bulan}/{tahun}", "480", False),
    ("penolakan", "{urut:3}/SK-PPID/{bulan}/{tahun}", "", False),
    ("penyerahan", "{urut:4}/TT-PPID/{bulan}/{tahun}", "", False),
    ("keberatan", "{urut:4}/KEB-PPID/{bulan}/{tahun}", "", False),
    ("tanggapan", "{kode}/{urut:4}/ATASAN-PPID/{bulan}/{tahun}", "480", False),
    ("skdip", "{urut:3}/SK-DIP/{unit}/{tahun}", "", True),
    ("pengantar", "{kode}/{urut:4}/DIP/{bulan}/{tahun}", "480", False),
]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    FormatNomor = apps.get_model("ppid_manual", "FormatNomor")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    for jenis, pola, kode, per_unit in FORMATS:
        FormatNomor.objects.get_or_create(
            jenis=jenis, defaults={"pola": pola, "kode_klasifikasi": kode, "per_unit": per_unit}
        )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
    apps.get_model("ppid_manual", "FormatNomor").objects.filter(
        jenis__in=[f[0] for f in FORMATS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ppid_manual", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
