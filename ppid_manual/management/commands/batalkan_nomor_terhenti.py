from django.core.management.base import BaseCommand

from ppid_manual.workflow import numbering


class Command(BaseCommand):
    help = (
        "Batalkan nomor pendaftaran yang sudah diambil tetapi pendaftarannya terhenti sebelum "
        "selesai (proses server berhenti), lebih dari 10 menit yang lalu. Nomor itu tercatat "
        "batal beserta alasannya di register dan tidak digunakan ulang."
    )

    def handle(self, *args, **options):
        jumlah = numbering.batalkan_terhenti()
        self.stdout.write(f"Nomor terhenti dibatalkan: {jumlah}.")
