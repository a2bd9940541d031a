"""Re-hash every issued document (issue 15; DESIGN.md §7: what was issued stays issued)."""

from django.core.management.base import BaseCommand, CommandError

from ppid_manual.models import DokumenTerbit
from ppid_manual.workflow.terbit import hilang_dari_arsip, verifikasi


class Command(BaseCommand):
    help = (
        "Periksa ulang SHA-256 setiap dokumen terbit yang tersimpan; keluar dengan kode bukan "
        "nol dan sebutkan setiap dokumen yang hilang atau berubah."
    )

    def handle(self, *args, **options):
        total = DokumenTerbit.objects.count()
        changed = verifikasi()
        for d in changed:
            keadaan = "HILANG" if not d.berkas else "BERUBAH"
            self.stderr.write(
                f"{keadaan}: #{d.pk} {d.judul} {d.nomor} ({d.content_type.app_label}."
                f"{d.content_type.model} {d.object_id}); SHA-256 tercatat {d.sha256}"
            )
        gone = hilang_dari_arsip()
        for event, d in gone:
            self.stderr.write(
                f"HILANG: {d['jenis']} {d['kunci']} ({event.content_type.app_label}."
                f"{event.content_type.model} {event.object_id}), tersimpan pada langkah "
                f"“{event.step}” {event.created_at:%Y-%m-%d %H:%M}; baris dokumennya tidak ada "
                f"lagi; SHA-256 tercatat {d['sha256']}"
            )
        if changed or gone:
            raise CommandError(
                f"{len(changed) + len(gone)} dari {total + len(gone)} dokumen terbit hilang "
                "atau berubah."
            )
        self.stdout.write(f"{total} dokumen terbit diperiksa: semuanya utuh.")
