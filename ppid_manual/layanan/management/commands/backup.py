from pathlib import Path

from django.core.management.base import BaseCommand

from ppid_manual.layanan.backup import write_backup


class Command(BaseCommand):
    help = "Cadangkan seluruh data dan berkas unggahan ke satu arsip zip (dengan manifest)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas arsip tujuan, mis. /cadangan/ppid-2026-11-28.zip")

    def handle(self, *args, **options):
        target = Path(options["file"])
        manifest = write_backup(target)
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Cadangan ditulis ke {target}: {rows} baris data, {len(manifest['files'])} berkas, "
            f"checksum {manifest['data_sha256'][:12]}…"
        )
