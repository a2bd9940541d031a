"""`manage.py contoh_dokumen FILE.pdf`: the specimen book of every printed document (issue 17,
Deliver 8). The demo cases are built inside a transaction that is rolled back: nothing stays
in the database, not even a consumed letter number.

Each document is rendered by its own renderer (`render_pdf()`: WeasyPrint for the letters,
whatever a document class uses otherwise) and the PDFs are joined with pypdf after the title
page, so every document type goes in whatever draws it."""

from __future__ import annotations

import io

from django.core.management.base import BaseCommand
from django.db import transaction

from ppid_manual.workflow.pdf import PrintDocument


class _Sampul(PrintDocument):
    template_name = "ppid_manual/print/contoh_sampul.html"
    title = "Buku contoh dokumen"


def _halaman(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


class Command(BaseCommand):
    help = "Cetak buku contoh semua jenis dokumen dari kasus contoh (tanpa menyimpan data)."

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas PDF yang dibuat")
        parser.add_argument(
            "--sebagian",
            action="store_true",
            help="hanya surat bertanda tangan pejabat dan tanda terima (untuk uji cepat)",
        )

    def handle(self, *args, berkas: str, sebagian: bool = False, **options):
        from pypdf import PdfWriter

        from ppid_manual.layanan.contoh import buat_contoh

        with transaction.atomic():
            contoh = buat_contoh(semua=not sebagian)
            dokumen = [c.dokumen.render_pdf() for c in contoh]
            transaction.set_rollback(True)
        # The title page's own length decides where the documents start: lay it out once to
        # count its pages, then again with the page numbers.
        sampul = None
        for _ in range(2):
            halaman = 1 + (_halaman(sampul) if sampul else 1)
            daftar = []
            for c, pdf in zip(contoh, dokumen, strict=True):
                daftar.append({"judul": c.judul, "halaman": halaman})
                halaman += _halaman(pdf)
            sampul = _Sampul(daftar=daftar).render_pdf()
        buku = PdfWriter()
        for pdf in [sampul, *dokumen]:
            buku.append(io.BytesIO(pdf))
        with open(berkas, "wb") as fh:
            buku.write(fh)
        self.stdout.write(f"{berkas}: {len(contoh)} dokumen, {halaman - 1} halaman.")
