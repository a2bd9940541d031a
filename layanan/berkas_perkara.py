"""The berkas perkara for a sengketa (issue 25): one PDF the Badan Publik hands the Komisi
Informasi Provinsi Bali (Perki 1/2013 tentang Prosedur Penyelesaian Sengketa Informasi
Publik), from a keberatan or a permohonan.

In order: a surat pengantar to the Komisi signed by the PPID; a cover with the case's identity
(the pemohon's NIK masked as the registers mask it) and the result of the check; the
chronology (every event of the permohonan and of its keberatan: time, the actor's name and
role, what happened, its hash); every stored letter as issued (its stored bytes merged with
pypdf, never drawn again); a last page with every hash and how to check them with
`manage.py verify_records`. Every page is numbered across the whole file ("Halaman n dari N",
stamped on the merged PDF, the stored letters included). A case whose chain or documents do
not verify still prints, with a plain warning on the cover. ID scans are not attached: they
show the NIK unmasked.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ppid_manual import rantai
from ppid_manual.models import DokumenTerbit, Pejabat
from ppid_manual.workflow.pdf import PrintDocument, render_pdf


@dataclass
class Lampiran:
    """One stored letter merged into the file."""

    dokumen: DokumenTerbit
    utuh: bool
    halaman: int = 0
    pembaca: Any = None  # its pages (pypdf), None when the stored bytes are not a readable PDF


def kasus_perkara(case: Any) -> tuple[Any, Any]:
    """(permohonan, keberatan) of the file, from either (a permohonan's latest keberatan)."""
    from keberatan.models import Keberatan
    from registrasi.models import Permohonan

    if isinstance(case, Keberatan):
        return case.permohonan, case
    assert isinstance(case, Permohonan)
    return case, case.keberatan.order_by("-pk").first()


def _riwayat(permohonan, keberatan, nik: str = "") -> list:
    from keberatan.alur import ALUR as ALUR_K
    from pemohon.models import mask_nik
    from ppid_manual.workflow.pages import timeline
    from registrasi.alur import ALUR as ALUR_P

    events = []
    for obj, table, jenis in ((permohonan, ALUR_P, "Permohonan"), (keberatan, ALUR_K, "Keberatan")):
        if obj is None:
            continue
        for e in timeline(obj, table):
            e.berkas = jenis
            if nik:
                # A note that names the NIK prints it masked, as the registers do.
                e.note = e.note.replace(nik, mask_nik(nik))
            events.append(e)
    return sorted(events, key=lambda e: (e.urut or 0, e.pk))


def _pemeriksaan(permohonan, keberatan, dokumen: list[Lampiran]) -> list[str]:
    """The breaks that bear on this file: the chain's (any break makes every later link
    doubtful), the head's, and this file's stored documents."""
    putus, urut, head_hash, _ = rantai.periksa_rantai()
    putus += rantai.periksa_kepala(urut, head_hash)
    lines = [str(p) for p in putus]
    for lamp in dokumen:
        if lamp.pembaca is None and lamp.dokumen.berkas:
            d = lamp.dokumen
            lines.append(
                f"DOKUMEN TIDAK DAPAT DIBACA: {d.judul} {d.nomor}: isinya bukan PDF yang utuh; "
                "tidak dilampirkan, SHA-256-nya tercantum pada halaman terakhir."
            )
        if not lamp.utuh:
            d = lamp.dokumen
            lines.append(
                f"DOKUMEN BERUBAH: {d.judul} {d.nomor}: isinya tidak cocok dengan SHA-256 yang "
                "dicatat saat terbit"
                + ("; dilampirkan apa adanya." if lamp.pembaca is not None else ".")
            )
    return lines


# The page numbers are drawn with ReportLab (as the registers are) on the
# letters' paper, with the letter base's margins (print/base_surat.html).
MARGIN_MM = {"atas": 18, "kanan": 20, "bawah": 18, "kiri": 25}


def _beri_nomor(writer, nama: str) -> None:
    """Stamp "Halaman n dari N" on every page of the file, in the top margin (empty on every
    letter: the letters' own per-letter numbers stay at their feet, as issued)."""
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    from ppid_manual.workflow.tabel_pdf import FONTS, MM, _register_fonts

    _register_fonts()
    out = io.BytesIO()
    c = Canvas(out)
    jumlah = len(writer.pages)
    for n, page in enumerate(writer.pages, 1):
        box = page.mediabox
        c.setPageSize((float(box.right), float(box.top)))
        c.setFont(FONTS["biasa"][0], 8)
        c.setFillColorRGB(0.33, 0.33, 0.33)
        c.drawRightString(
            float(box.right) - MARGIN_MM["kanan"] * MM,
            float(box.top) - 10 * MM,
            f"{nama} · Halaman {n} dari {jumlah}",
        )
        c.showPage()
    c.save()
    for page, cap in zip(writer.pages, PdfReader(out).pages, strict=True):
        page.merge_page(cap)


class SampulBerkasPerkara(PrintDocument):
    """The surat pengantar, the cover and the chronology (one WeasyPrint document on the
    letter base)."""

    template_name = "print/berkas_perkara.html"
    title = "Berkas Perkara Sengketa Informasi Publik"

    def filename(self) -> str:
        return "berkas-perkara.pdf"


class HalamanHash(PrintDocument):
    """The last page: every hash and how to check them."""

    template_name = "print/berkas_perkara_hash.html"
    title = "Berkas Perkara Sengketa Informasi Publik: kode integritas"


def susun(case: Any, request=None) -> bytes:
    """The whole file as one PDF."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    from pemohon.models import mask_nik

    permohonan, keberatan = kasus_perkara(case)
    utama = keberatan or permohonan
    dokumen = []
    for obj in (permohonan, keberatan):
        if obj is None:
            continue
        for d in DokumenTerbit.objects.for_object(obj).select_related("digantikan_oleh"):
            lamp = Lampiran(d, bool(d.berkas) and d.utuh)
            if d.berkas:
                try:
                    lamp.pembaca = PdfReader(io.BytesIO(bytes(d.berkas)))
                    # Read now: a broken file (no page, or none pypdf can read) is said on the
                    # cover, and not attached.
                    if not len(lamp.pembaca.pages):
                        lamp.pembaca = None
                except PyPdfError:
                    lamp.pembaca = None
            dokumen.append(lamp)
    peringatan = _pemeriksaan(permohonan, keberatan, dokumen)
    urut, head_hash = rantai.kepala()
    today = timezone.localdate()
    pemohon = utama.pemohon_kasus
    context = {
        "permohonan": permohonan,
        "keberatan": keberatan,
        "pemohon": pemohon,
        "nik_samar": mask_nik(getattr(pemohon, "nik", "") or ""),
        "riwayat": _riwayat(permohonan, keberatan, getattr(pemohon, "nik", "") or ""),
        "dokumen": dokumen,
        # The file numbers its pages across the whole of it (_beri_nomor), not per part.
        "tanpa_nomor_halaman": True,
        "peringatan": peringatan,
        "kepala_urut": urut,
        "kepala_hash": head_hash,
        "tanggal_surat": today,
        "pejabat": Pejabat.signer(Pejabat.Peran.PPID, today),
    }
    writer = PdfWriter()
    sampul = SampulBerkasPerkara(request, **context).render_pdf()
    for page in PdfReader(io.BytesIO(sampul)).pages:
        writer.add_page(page)
    for lamp in dokumen:
        if lamp.pembaca is None:
            continue
        lamp.halaman = len(writer.pages) + 1
        # The stored bytes as issued: their pages are copied, nothing is drawn again.
        for page in lamp.pembaca.pages:
            writer.add_page(page)
    hash_pdf = HalamanHash(request, **{**context, "pejabat": None}).render_pdf()
    for page in PdfReader(io.BytesIO(hash_pdf)).pages:
        writer.add_page(page)
    _beri_nomor(writer, f"Berkas perkara {_nomor(permohonan, keberatan)}")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _nomor(permohonan, keberatan) -> str:
    return (keberatan.nomor_registrasi if keberatan else permohonan.nomor_pendaftaran) or ""


def nama_berkas(case: Any) -> str:
    from ppid_manual.workflow.pdf import slug_nomor

    nomor = _nomor(*kasus_perkara(case))
    return f"berkas-perkara-{slug_nomor(nomor or str(case.pk))}.pdf"


__all__ = ["susun", "nama_berkas", "render_pdf"]
