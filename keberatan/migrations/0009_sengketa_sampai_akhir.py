# A sengketa to its end: each outcome is a state (keberatan.models.HASIL_SENGKETA_ALUR), and
# two outcomes are added (kasasi ke Mahkamah Agung, dicabut). A keberatan whose outcome was
# recorded before stayed "sengketa": it moves to its outcome's state, with an event saying so.

from django.db import migrations, models

STATUS_HASIL = {
    "mediasi_berhasil": "ki_mediasi_berhasil",
    "mediasi_gagal": "ki_mediasi_gagal",
    "dikabulkan": "ki_dikabulkan",
    "sebagian": "ki_sebagian",
    "ditolak": "ki_ditolak",
    "ptun": "ki_ptun",
}


def ke_status_hasil(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Event = apps.get_model("ppid_manual", "Event")
    Keberatan = apps.get_model("keberatan", "Keberatan")
    ct = ContentType.objects.filter(app_label="keberatan", model="keberatan").first()
    for k in Keberatan.objects.filter(status="sengketa").exclude(hasil_sengketa=""):
        baru = STATUS_HASIL.get(k.hasil_sengketa)
        if baru is None:
            continue
        Keberatan.objects.filter(pk=k.pk).update(status=baru)
        if ct is not None:
            Event.objects.create(
                content_type=ct,
                object_id=k.pk,
                step="status_sengketa_diperbarui",
                from_state="sengketa",
                to_state=baru,
                note="Perbaikan data: hasil sengketa yang sudah dicatat kini menjadi status.",
                data={"hasil": k.hasil_sengketa},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("ppid_manual", "0008_i15_dokumen_terbit"),
        ("keberatan", "0008_pemohon_moved_to_its_app"),
    ]

    operations = [
        migrations.AlterField(
            model_name="keberatan",
            name="hasil_sengketa",
            field=models.CharField(
                blank=True,
                choices=[
                    ("mediasi_berhasil", "Mediasi berhasil"),
                    ("mediasi_gagal", "Mediasi gagal"),
                    ("dikabulkan", "Putusan ajudikasi: dikabulkan seluruhnya"),
                    ("sebagian", "Putusan ajudikasi: dikabulkan sebagian"),
                    ("ditolak", "Putusan ajudikasi: ditolak"),
                    ("ptun", "Keberatan ke PTUN atas putusan Komisi Informasi"),
                    ("kasasi", "Kasasi ke Mahkamah Agung atas putusan PTUN"),
                    ("dicabut", "Sengketa dicabut pemohon"),
                ],
                max_length=20,
                verbose_name="hasil sengketa",
            ),
        ),
        migrations.AlterField(
            model_name="keberatan",
            name="status",
            field=models.CharField(
                choices=[
                    ("baru", "Baru (belum terdaftar)"),
                    ("terdaftar", "Terdaftar, menunggu pemeriksaan Atasan PPID"),
                    ("didisposisi", "Didisposisi, draf tanggapan disusun"),
                    ("draf_diajukan", "Draf tanggapan diajukan ke Atasan PPID"),
                    ("draf_dikembalikan", "Draf dikembalikan untuk perbaikan"),
                    ("draf_disetujui", "Draf disetujui, menunggu tanggapan Atasan PPID"),
                    ("ditanggapi", "Ditanggapi Atasan PPID, menunggu sikap pemohon"),
                    ("selesai", "Selesai (pemohon menerima tanggapan)"),
                    ("sengketa", "Sengketa di Komisi Informasi"),
                    ("ki_mediasi_berhasil", "Sengketa selesai: mediasi berhasil"),
                    ("ki_mediasi_gagal", "Sengketa: mediasi gagal, menunggu ajudikasi"),
                    ("ki_dikabulkan", "Sengketa diputus: dikabulkan seluruhnya"),
                    ("ki_sebagian", "Sengketa diputus: dikabulkan sebagian"),
                    ("ki_ditolak", "Sengketa diputus: ditolak"),
                    ("ki_ptun", "Sengketa: keberatan ke PTUN atas putusan Komisi Informasi"),
                    ("ki_kasasi", "Sengketa: kasasi ke Mahkamah Agung"),
                    ("ki_dicabut", "Sengketa dicabut pemohon"),
                ],
                db_index=True,
                default="baru",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(ke_status_hasil, migrations.RunPython.noop),
    ]
