"""Re-hash every issued document (issue 15; DESIGN.md §7: what was issued stays issued)."""

from django.core.management.base import BaseCommand, CommandError

from ppid_manual.models import DokumenTerbit
from ppid_manual.workflow.terbit import verifikasi


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
        if changed:
            raise CommandError(f"{len(changed)} dari {total} dokumen terbit hilang atau berubah.")
        self.stdout.write(f"{total} dokumen terbit diperiksa: semuanya utuh.")
