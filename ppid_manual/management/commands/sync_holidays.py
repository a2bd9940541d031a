import holidays
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ppid_manual.models import HariLibur
from ppid_manual.workflow.hari_libur import add_hari_libur

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
        updated = kept = 0
        new_rows: list[HariLibur] = []
        for year in options["year"]:
            if not 2000 <= year <= 2100:
                raise CommandError(f"Tahun {year} di luar rentang 2000–2100.")
            days = holidays.country_holidays(
                "ID", years=year, categories=("public", "government"), language="id"
            )
            existing = {
                (row.tanggal, row.asal == HariLibur.Asal.PAKET, row.nama): row
                for row in HariLibur.objects.filter(tanggal__year=year)
            }
            package_rows = {t: row for (t, paket, _), row in existing.items() if paket}
            for tanggal, nama in sorted(days.items()):
                # One row per date from the package; an admin row on the same date is separate.
                row = package_rows.get(tanggal)
                if row is None and any(t == tanggal and n == nama for (t, _, n) in existing):
                    kept += 1  # the admin already entered this very day by hand
                elif row is None:
                    new_rows.append(
                        HariLibur(
                            tanggal=tanggal,
                            nama=nama,
                            jenis=_jenis(nama),
                            dasar_hukum=SOURCE,
                            libur=True,
                            asal=HariLibur.Asal.PAKET,
                        )
                    )
                elif row.diubah_admin:
                    kept += 1
                elif row.nama != nama or row.jenis != _jenis(nama):
                    row.nama, row.jenis = nama, _jenis(nama)
                    row.save(update_fields=["nama", "jenis"])  # a rename moves no deadline
                    updated += 1
        # The new days go in as one batch, and the open deadlines they touch are counted again
        # once for the batch.
        moved = add_hari_libur(new_rows)
        self.stdout.write(
            f"Hari libur: {len(new_rows)} ditambah, {updated} diperbarui, "
            f"{kept} dibiarkan karena diubah admin; tenggat {moved} berkas dihitung ulang."
        )
