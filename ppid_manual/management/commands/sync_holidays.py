import holidays
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ppid_manual.models import HariLibur

SOURCE = "Paket holidays (Indonesia): libur nasional dan cuti bersama SKB 3 Menteri"


def _jenis(name: str) -> str:
    return (
        HariLibur.Jenis.CUTI_BERSAMA
        if name.lower().startswith("cuti bersama")
        else HariLibur.Jenis.LIBUR_NASIONAL
    )


class Command(BaseCommand):
    help = (
        "Isi tabel hari libur satu tahun dari paket holidays (Indonesia, kategori public dan "
        "government). Aman diulang; baris yang sudah diubah admin tidak ditimpa."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            type=int,
            action="append",
            required=True,
            help="tahun (boleh diulang: --year 2026 --year 2027)",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        created = updated = kept = 0
        for year in options["year"]:
            if not 2000 <= year <= 2100:
                raise CommandError(f"Tahun {year} di luar rentang 2000–2100.")
            days = holidays.country_holidays(
                "ID", years=year, categories=("public", "government"), language="id"
            )
            for tanggal, nama in sorted(days.items()):
                # One row per date from the package; an admin row on the same date is separate.
                row = HariLibur.objects.filter(tanggal=tanggal, asal=HariLibur.Asal.PAKET).first()
                if row is None and HariLibur.objects.filter(tanggal=tanggal, nama=nama).exists():
                    kept += 1  # the admin already entered this very day by hand
                elif row is None:
                    HariLibur.objects.create(
                        tanggal=tanggal,
                        nama=nama,
                        jenis=_jenis(nama),
                        dasar_hukum=SOURCE,
                        libur=True,
                        asal=HariLibur.Asal.PAKET,
                    )
                    created += 1
                elif row.diubah_admin:
                    kept += 1
                elif row.nama != nama or row.jenis != _jenis(nama):
                    row.nama, row.jenis = nama, _jenis(nama)
                    row.save(update_fields=["nama", "jenis"])
                    updated += 1
        self.stdout.write(
            f"Hari libur: {created} ditambah, {updated} diperbarui, "
            f"{kept} dibiarkan karena diubah admin."
        )
