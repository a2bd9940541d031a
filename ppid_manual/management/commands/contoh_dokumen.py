"""`manage.py contoh_dokumen FILE.pdf`: the specimen book of every printed document (issue 17,
Deliver 8). The demo cases are built inside a transaction that is rolled back: nothing stays
in the database, not even a consumed letter number."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from ppid_manual.workflow.pdf import PrintDocument, render_document


class _Sampul(PrintDocument):
    template_name = "ppid_manual/print/contoh_sampul.html"
    title = "Buku contoh dokumen"


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
        from ppid_manual.contoh import buat_contoh

        with transaction.atomic():
            contoh = buat_contoh(semua=not sebagian)
            dokumen = [render_document(c.dokumen.render_html()) for c in contoh]
            transaction.set_rollback(True)
        # The title page's own length decides where the documents start: lay it out once to
        # count its pages, then again with the page numbers.
        sampul = None
        for _ in range(2):
            halaman = 1 + (len(sampul.pages) if sampul else 1)
            daftar = []
            for c, doc in zip(contoh, dokumen, strict=True):
                daftar.append({"judul": c.judul, "halaman": halaman})
                halaman += len(doc.pages)
            sampul = render_document(_Sampul(daftar=daftar).render_html())
        pages = [p for d in [sampul, *dokumen] for p in d.pages]
        sampul.copy(pages).write_pdf(berkas)
        self.stdout.write(f"{berkas}: {len(contoh)} dokumen, {len(pages)} halaman.")
