import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from layanan import handback


class Command(BaseCommand):
    help = (
        "Ekspor rekaman yang didaftarkan atau berubah dalam periode (JSON dan CSV dalam zip) "
        "untuk sistem online; hanya yang belum pernah diekspor, kecuali dengan --semua."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dari", required=True, help="YYYY-MM-DD")
        parser.add_argument("--sampai", required=True, help="YYYY-MM-DD")
        parser.add_argument("--lengkap", action="store_true", help="sertakan data pribadi")
        parser.add_argument("--semua", action="store_true", help="sertakan yang sudah diekspor")

    def handle(self, *args, **options):
        try:
            dari = datetime.date.fromisoformat(options["dari"])
            sampai = datetime.date.fromisoformat(options["sampai"])
        except ValueError:
            raise CommandError("Tanggal harus berformat YYYY-MM-DD.") from None
        if dari > sampai:
            raise CommandError("--dari tidak boleh sesudah --sampai.")
        archive, ekspor = handback.build(
            dari, sampai, lengkap=options["lengkap"], semua=options["semua"]
        )
        Path(options["file"]).write_bytes(archive)
        self.stdout.write(f"Ekspor ditulis ke {options['file']}: {ekspor.jumlah}")
