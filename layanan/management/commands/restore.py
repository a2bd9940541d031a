from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from layanan.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Pulihkan arsip cadangan ke basis data kosong (sudah di-migrate). Menolak arsip rusak "
        "dan basis data yang sudah berisi data."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas arsip hasil perintah backup")

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(Path(options["file"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Pemulihan selesai: {rows} baris data, {len(manifest['files'])} berkas dan "
            f"{len(manifest.get('dokumen_terbit', {}))} dokumen terbit; jumlah baris, checksum "
            "dan SHA-256 dokumen terbit cocok dengan manifest."
        )
        head = manifest.get("kepala_rantai")
        if head is not None:
            self.stdout.write(
                f"Rantai riwayat utuh sampai kepala yang dicatat manifest: riwayat ke-"
                f"{head['urut']}, kode integritas riwayat {head['hash']}."
            )
        else:
            self.stdout.write(
                "Arsip dibuat sebelum rantai riwayat ada: rantainya tidak dapat diperiksa."
            )
