from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from layanan.retention import purge


class Command(BaseCommand):
    help = (
        "Hapus pindaian identitas (KTP/NIK, surat kuasa) dari berkas yang sudah ditutup lebih "
        "lama dari masa retensi, dan catat penghapusannya pada riwayat berkas; lalu hapus "
        "pindaian yang tidak ditunjuk rekaman mana pun (hapus_berkas_yatim)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hari",
            type=int,
            default=settings.PPID["RETENSI_PINDAIAN_HARI"],
            help="masa retensi dalam hari (bawaan dari PPID_RETENSI_PINDAIAN_HARI)",
        )
        parser.add_argument("--coba", action="store_true", help="hanya hitung, jangan hapus")

    def handle(self, *args, **options):
        if options["hari"] < 30:
            raise CommandError("Masa retensi paling singkat 30 hari.")
        removed = purge(options["hari"], dry_run=options["coba"])
        verb = "akan dihapus" if options["coba"] else "dihapus"
        self.stdout.write(", ".join(f"{label}: {n} berkas {verb}" for label, n in removed.items()))
        # The daily job also clears scans that no record points to (a registration cut off
        # between writing the scan and committing its record; issue 16).
        yatim = ["--coba"] if options["coba"] else []
        call_command("hapus_berkas_yatim", *yatim, stdout=self.stdout)
        if not options["coba"]:
            # And checks the record (issue 25): the hash chain, the stored documents and each
            # case's state; its result is kept for the Admin's page, and a break makes the
            # daily job exit non-zero, each break on its own line.
            call_command("verify_records", stdout=self.stdout, stderr=self.stderr)
