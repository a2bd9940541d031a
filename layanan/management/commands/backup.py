from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from layanan.backup import BackupError, write_backup


class Command(BaseCommand):
    help = "Cadangkan seluruh data dan berkas unggahan ke satu arsip zip (dengan manifest)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas arsip tujuan, mis. /cadangan/ppid-2026-11-28.zip")

    def handle(self, *args, **options):
        target = Path(options["file"])
        try:
            manifest = write_backup(target)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Cadangan ditulis ke {target}: {rows} baris data, {len(manifest['files'])} berkas, "
            f"{len(manifest['dokumen_terbit'])} dokumen terbit (SHA-256 diperiksa), "
            f"checksum {manifest['data_sha256'][:12]}…; kode integritas riwayat "
            f"{manifest['kepala_rantai']['hash']} (riwayat ke-{manifest['kepala_rantai']['urut']})"
        )
