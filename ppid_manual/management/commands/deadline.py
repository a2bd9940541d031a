import datetime

from django.core.management.base import BaseCommand, CommandError

from ppid_manual.workflow import calendar


class Command(BaseCommand):
    help = (
        "Hitung tenggat: tanggal N hari kerja setelah TANGGAL (hari ke-0), lalu setiap hari "
        "yang dilewati beserta alasannya."
    )

    def add_arguments(self, parser):
        parser.add_argument("start", help="tanggal mulai, format YYYY-MM-DD")
        parser.add_argument("n", help="jumlah hari kerja (0–365)")

    def handle(self, *args, **options):
        try:
            start = datetime.date.fromisoformat(options["start"])
        except ValueError:
            raise CommandError(
                f"Tanggal tidak valid: {options['start']!r}. Gunakan format YYYY-MM-DD."
            ) from None
        try:
            n = int(options["n"])
        except ValueError:
            raise CommandError(
                f"Jumlah hari kerja harus bilangan bulat: {options['n']!r}."
            ) from None
        if not 0 <= n <= 365:
            raise CommandError("Jumlah hari kerja harus antara 0 dan 365.")
        result = calendar.deadline(start, n)
        self.stdout.write(result.isoformat())
        for day in calendar.explain(start, result):
            self.stdout.write(f"{day.date.isoformat()}  {day.reason}")
