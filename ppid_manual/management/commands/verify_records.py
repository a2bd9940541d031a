"""Check the whole record (issue 25): the hash chain of events from the first to the head,
every stored document against its hash and the event that stored it, and each case's state
against its events replayed through its step table (ppid_manual/rantai.py)."""

from django.core.management.base import BaseCommand, CommandError

from ppid_manual import rantai
from ppid_manual.models import PemeriksaanRiwayat


def jalankan(catat: bool = True) -> rantai.Hasil:
    """Run the check and (unless `catat` is off) keep its result for the Admin's page."""
    hasil = rantai.periksa_semua()
    if catat:
        PemeriksaanRiwayat.objects.create(
            utuh=hasil.utuh,
            jumlah_riwayat=hasil.jumlah_riwayat,
            jumlah_dokumen=hasil.jumlah_dokumen,
            kepala_urut=hasil.kepala_urut,
            kepala_hash=hasil.kepala_hash,
            laporan="\n".join(str(p) for p in hasil.putus[:200])[: PemeriksaanRiwayat.LAPORAN_MAKS],
        )
    return hasil


class Command(BaseCommand):
    help = (
        "Periksa rantai hash riwayat dari riwayat pertama sampai kepala rantai, setiap dokumen "
        "terbit terhadap hash dan riwayatnya, dan status setiap berkas terhadap riwayatnya; "
        "satu baris per kerusakan dan kode keluar bukan nol bila ada."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--tanpa-catat",
            action="store_true",
            help="jangan simpan hasilnya untuk halaman Admin",
        )

    def handle(self, *args, **options):
        hasil = jalankan(catat=not options["tanpa_catat"])
        for putus in hasil.putus:
            self.stderr.write(str(putus))
        if not hasil.utuh:
            raise CommandError(hasil.ringkasan())
        self.stdout.write(hasil.ringkasan())
