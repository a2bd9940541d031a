from django.core.management.base import BaseCommand
from django.db import transaction

from layanan import demo


class Command(BaseCommand):
    help = (
        "Muat data demo: OPD Pemprov Bali, pejabat, hari libur 2023–2027, satu pengguna per peran."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        demo.load(stdout=self.stdout)
        self.stdout.write(f"Data demo siap. Kata sandi semua pengguna demo: {demo.DEMO_PASSWORD}")
