import datetime

from django.core.management.base import BaseCommand, CommandError

from ppid_manual.pindaian import FOLDER_PINDAIAN, hapus_yatim


class Command(BaseCommand):
    help = (
        "Hapus pindaian identitas dan surat kuasa di folder media yang tidak ditunjuk oleh "
        "permohonan atau keberatan mana pun (mis. sisa pendaftaran yang terputus), dan catat "
        "setiap berkas yang dihapus pada log."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--umur-menit",
            type=int,
            default=60,
            help="hanya berkas yang lebih tua dari ini (bawaan 60): pendaftaran yang sedang "
            "berjalan belum selesai menyimpan rekamannya",
        )
        parser.add_argument("--coba", action="store_true", help="hanya tampilkan, jangan hapus")

    def handle(self, *args, **options):
        if options["umur_menit"] < 0:
            raise CommandError("Umur berkas tidak boleh negatif.")
        found = hapus_yatim(
            umur=datetime.timedelta(minutes=options["umur_menit"]), coba=options["coba"]
        )
        verb = "akan dihapus" if options["coba"] else "dihapus"
        for item in found:
            self.stdout.write(f"{verb}: {item.name} ({item.size} bita)")
        folders = ", ".join(f"{f}/" for f in FOLDER_PINDAIAN)
        self.stdout.write(f"Pindaian tanpa rekaman di {folders}: {len(found)} berkas {verb}.")
