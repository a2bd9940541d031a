"""`manage.py contoh_dokumen FILE.pdf`: the specimen book of every printed document (issue 17,
Deliver 8). The demo cases are built inside a transaction that is rolled back: nothing stays
in the database, not even a consumed letter number.

Each document is what the desk prints (`contoh.cetak`: an issued letter's bytes stored at its
step, any other document drawn by its own renderer) and the PDFs are bound after the title page
(`layanan.contoh.jilid`), so every document type goes in whatever draws it."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Cetak buku contoh semua jenis dokumen dari kasus contoh (tanpa menyimpan data)."

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas PDF yang dibuat")
        parser.add_argument(
            "--sebagian",
            action="store_true",
            help="hanya surat bertanda tangan pejabat dan tanda terima (untuk uji cepat)",
        )
        parser.add_argument(
            "--pendek",
            action="store_true",
            help="isian terpendek (bukan terpanjang): surat pendek harus muat satu halaman",
        )

    def handle(self, *args, berkas: str, sebagian: bool = False, pendek: bool = False, **options):
        from layanan import contoh as buku

        with transaction.atomic():
            contoh = buku.buat_contoh(semua=not sebagian, pendek=pendek)
            dokumen = [buku.cetak(c) for c in contoh]
            transaction.set_rollback(True)
        pdf, halaman = buku.jilid(contoh, dokumen)
        with open(berkas, "wb") as fh:
            fh.write(pdf)
        self.stdout.write(f"{berkas}: {len(contoh)} dokumen, {halaman} halaman.")
