import re

import holidays
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ppid_manual import hukum
from ppid_manual.format import tanggal
from ppid_manual.models import HariLibur
from ppid_manual.workflow.hari_libur import add_hari_libur, delete_hari_libur, save_hari_libur

SOURCE = "data paket holidays (Indonesia)"


def _dasar(name: str, tahun: int) -> str:
    """The row's legal basis from the citation table (ppid_manual/hukum.py): the year's SKB, and
    for a cuti bersama the Keputusan Presiden on the ASN's cuti bersama where one applies."""
    cuti = _jenis(name) == HariLibur.Jenis.CUTI_BERSAMA
    return f"{hukum.dasar_hari_libur(cuti, tahun)} ({SOURCE})"


def _jenis(name: str) -> str:
    return (
        HariLibur.Jenis.CUTI_BERSAMA
        if name.lower().startswith("cuti bersama")
        else HariLibur.Jenis.LIBUR_NASIONAL
    )


def _pokok(name: str) -> str:
    """The day's name without the package's "(perkiraan)": an estimated date that moves keeps
    its name, so the old row is moved, not deleted and added again."""
    return re.sub(r"\s*\(perkiraan\)\s*", " ", name, flags=re.IGNORECASE).strip().lower()


class Command(BaseCommand):
    help = (
        "Isi tabel hari libur satu tahun dari paket holidays (Indonesia, kategori public dan "
        "government). Aman diulang: hari yang tidak lagi tercantum di paket dipindah atau "
        "dihapus, tenggat berkas berjalan dihitung ulang; baris yang diisi atau diubah admin "
        "tidak disentuh."
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
        updated = kept = moved_rows = 0
        moved = 0
        new_rows: list[HariLibur] = []
        stale_rows: list[HariLibur] = []
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
            baru: list[tuple] = []
            for tanggal_, nama in sorted(days.items()):
                # One row per date from the package; an admin row on the same date is separate.
                row = package_rows.get(tanggal_)
                if row is None and any(t == tanggal_ and n == nama for (t, _, n) in existing):
                    kept += 1  # the admin already entered this very day by hand
                elif row is None:
                    baru.append((tanggal_, nama))
                elif row.diubah_admin:
                    kept += 1
                elif (row.nama, row.jenis, row.dasar_hukum) != (
                    nama,
                    _jenis(nama),
                    _dasar(nama, year),
                ):
                    row.nama, row.jenis = nama, _jenis(nama)
                    row.dasar_hukum = _dasar(nama, year)
                    # A rename or a new citation moves no deadline.
                    row.save(update_fields=["nama", "jenis", "dasar_hukum"])
                    updated += 1
            # The package's own days it no longer lists (an estimated date that moved, a day
            # the SKB dropped): moved to the new date of the same day, else removed. A row the
            # admin edited stays as the admin left it.
            lama = [
                row
                for t, row in sorted(package_rows.items())
                if t not in days and not row.diubah_admin
            ]
            kept += sum(1 for t, row in package_rows.items() if t not in days and row.diubah_admin)
            for row in lama:
                cocok = next((b for b in baru if _pokok(b[1]) == _pokok(row.nama)), None)
                if cocok is None:
                    stale_rows.append(row)
                    continue
                baru.remove(cocok)
                self.stdout.write(
                    f"Dipindah: {tanggal(row.tanggal)} {row.nama} → {tanggal(cocok[0])} {cocok[1]}"
                )
                row.tanggal, row.nama, row.jenis = cocok[0], cocok[1], _jenis(cocok[1])
                row.dasar_hukum = _dasar(cocok[1], year)
                # Counted again around the old and the new date, one event per moved case.
                moved += save_hari_libur(row)
                moved_rows += 1
            new_rows += [
                HariLibur(
                    tanggal=t,
                    nama=nama,
                    jenis=_jenis(nama),
                    dasar_hukum=_dasar(nama, t.year),
                    libur=True,
                    asal=HariLibur.Asal.PAKET,
                )
                for t, nama in baru
            ]
        for row in stale_rows:
            self.stdout.write(f"Dihapus: {tanggal(row.tanggal)} {row.nama} (tidak lagi di paket)")
        # The removed and the new days each go as one batch, the open deadlines they touch
        # counted again once per batch.
        moved += delete_hari_libur(stale_rows)
        moved += add_hari_libur(new_rows)
        self.stdout.write(
            f"Hari libur: {len(new_rows)} ditambah, {moved_rows} dipindah, {len(stale_rows)} "
            f"dihapus, {updated} diperbarui, {kept} dibiarkan karena diubah admin; tenggat "
            f"{moved} berkas dihitung ulang."
        )
