"""The berkas perkara for a sengketa (issue 25): one PDF the Badan Publik hands the Komisi
Informasi Provinsi Bali (Perki 1/2013 tentang Prosedur Penyelesaian Sengketa Informasi
Publik), from a keberatan or a permohonan.

In order: a surat pengantar to the Komisi signed by the PPID; a cover with the case's identity
(the pemohon's NIK masked as the registers mask it) and the result of the check; the
chronology (every event of the permohonan and of its keberatan: time, the actor's name and
role, what happened, its hash); every stored letter as issued (its stored bytes merged with
pypdf, never drawn again); the case's scans the Komisi may see, each on its own page(s) with
a caption; a last page with every hash (letters and scans) and how to check them with
`manage.py verify_records`. Every page is numbered across the whole file ("Halaman n dari N",
stamped on the merged PDF, the stored letters and the scans included). A case whose chain or
documents do not verify still prints, with a plain warning on the cover.

An ID scan (KTP, akta) shows the NIK whole and an image cannot be masked reliably: it is
listed (what, when, SHA-256) with the reason it is not attached, and shown to the Komisi on
request (UU 14/2008 Pasal 17 huruf h: personal data; DESIGN.md §7). Wherever the file itself
prints the NIK it is masked by `pemohon.models.mask_nik`; the stored letters are as issued.
"""

from __future__ import annotations

import datetime
import hashlib
import io
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

from ppid_manual import hukum, pindaian, rantai
from ppid_manual.format import hari_tanggal
from ppid_manual.models import DokumenTerbit, Pejabat
from ppid_manual.workflow.pdf import PrintDocument, render_pdf


@dataclass
class Lampiran:
    """One stored letter merged into the file."""

    dokumen: DokumenTerbit
    utuh: bool
    halaman: int = 0
    pembaca: Any = None  # its pages (pypdf), None when the stored bytes are not a readable PDF


#: Whether each scan field (ppid_manual/pindaian.FIELDS) is attached for the Komisi. An ID
#: scan shows the NIK whole, which no mask on an image hides reliably: listed, not attached.
#: A scan field added to FIELDS is decided here first (a KeyError otherwise).
PINDAIAN_DILAMPIRKAN = {"scan_identitas": False, "surat_kuasa": True}


def alasan_identitas() -> str:
    return (
        "Tidak dilampirkan: pindaian kartu identitas memperlihatkan NIK pemohon secara utuh, "
        "yang tidak dapat disamarkan pada gambar (data pribadi, "
        f"{hukum.pasal('17', huruf='h', uu='singkat')}). Pindaian ini dapat diperlihatkan "
        "kepada Komisi Informasi atas permintaan."
    )


@dataclass
class Pindaian:
    """One stored scan of the case: attached (`halaman`, its first page in the file) or
    listed with the reason it is not (`alasan`)."""

    judul: str  # what it is, and of which case
    disimpan: datetime.datetime | None  # the event that stored it (the case's first)
    peristiwa: str = ""  # that event's label
    sha256: str = ""  # of the stored file, computed now (none is recorded at upload)
    isi: bytes = b""
    jenis: str = ""  # "application/pdf", "image/jpeg", "image/png"
    alasan: str = ""
    identitas: bool = False  # an ID scan, listed and not attached
    halaman: int = 0
    pembaca: Any = None  # a PDF scan's pages (pypdf), an image's ReportLab reader


def kasus_perkara(case: Any) -> tuple[Any, Any]:
    """(permohonan, keberatan) of the file, from either (a permohonan's latest keberatan)."""
    from keberatan.models import Keberatan
    from registrasi.models import Permohonan

    if isinstance(case, Keberatan):
        return case.permohonan, case
    assert isinstance(case, Permohonan)
    return case, case.keberatan.order_by("-pk").first()


def _riwayat(permohonan, keberatan, niks: set[str]) -> list:
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
            for nik in niks:
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


def _pindaian(permohonan, keberatan, riwayat: list) -> list[Pindaian]:
    """The scans stored on the permohonan and the keberatan, read and checked by their
    content (ppid_manual.pindaian.jenis_scan), in the order of pindaian.FIELDS."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    fields = dict(pindaian.FIELDS)
    found = []
    for obj, jenis_kasus, nomor in (
        (permohonan, "Permohonan", getattr(permohonan, "nomor_pendaftaran", "")),
        (keberatan, "Keberatan", getattr(keberatan, "nomor_registrasi", "")),
    ):
        if obj is None:
            continue
        # A scan is written in the transaction of the step that creates its record.
        pertama = next((e for e in riwayat if e.berkas == jenis_kasus), None)
        for name in fields[obj._meta.label]:
            fieldfile = getattr(obj, name)
            if not fieldfile:
                continue
            nama = obj._meta.get_field(name).verbose_name
            item = Pindaian(
                judul=f"{nama[:1].upper()}{nama[1:]}, {jenis_kasus.lower()} {nomor or ''}".strip(),
                disimpan=pertama.created_at if pertama else None,
                peristiwa=pertama.label if pertama else "",
                identitas=not PINDAIAN_DILAMPIRKAN[name],
            )
            found.append(item)
            try:
                with fieldfile.open("rb") as fh:
                    item.isi = fh.read()
            except FileNotFoundError:
                item.alasan = "Tidak dilampirkan: berkasnya tidak ditemukan di penyimpanan."
                continue
            item.sha256 = hashlib.sha256(item.isi).hexdigest()
            if item.identitas:
                item.alasan = alasan_identitas()
                continue
            item.jenis = (pindaian.jenis_scan(item.isi[:16]) or ("", ""))[0]
            if item.jenis == "application/pdf":
                try:
                    item.pembaca = PdfReader(io.BytesIO(item.isi))
                    # Locked with a password, or no page: nothing to show.
                    if item.pembaca.is_encrypted or not len(item.pembaca.pages):
                        item.pembaca = None
                except PyPdfError:
                    item.pembaca = None
                if item.pembaca is None:
                    item.alasan = "Tidak dilampirkan: isinya bukan PDF yang dapat dibaca."
            elif not item.jenis:
                item.alasan = "Tidak dilampirkan: isinya bukan PDF, JPEG atau PNG."
            else:
                item.pembaca = _gambar(item.isi)
                if item.pembaca is None:
                    item.alasan = "Tidak dilampirkan: gambarnya tidak dapat dibaca."
    return found


# The scan pages and the page numbers are drawn with ReportLab (as the registers are) on the
# letters' paper, with the letter base's margins (print/base_surat.html).
MARGIN_MM = {"atas": 18, "kanan": 20, "bawah": 18, "kiri": 25}


def _gambar(isi: bytes):
    """An image scan for ReportLab, turned upright when its EXIF says it was taken turned (a
    phone photo); None when it cannot be read."""
    from PIL import Image, ImageOps, UnidentifiedImageError
    from reportlab.lib.utils import ImageReader

    try:
        with Image.open(io.BytesIO(isi)) as img:
            img.load()
            if img.getexif().get(0x0112, 1) != 1:  # Orientation
                return ImageReader(ImageOps.exif_transpose(img))
        return ImageReader(io.BytesIO(isi))
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, UnidentifiedImageError):
        return None


def _tambah_pindaian(writer, daftar: list[Pindaian]) -> None:
    """Each attached scan on its own page(s) at the end of `writer`: a caption (what it is,
    when it was stored, its SHA-256), then the scan scaled to fit the rest of the page (an
    image), or each page of a PDF scan merged, scaled, into that space. Sets `halaman`."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    from ppid_manual.workflow.tabel_pdf import FONTS, KERTAS_MM, MM, _register_fonts

    lampiran = [d for d in daftar if not d.alasan]
    if not lampiran:
        return
    _register_fonts()
    lebar, tinggi = (x * MM for x in KERTAS_MM[settings.PPID["KERTAS"]])
    kiri, kanan = MARGIN_MM["kiri"] * MM, lebar - MARGIN_MM["kanan"] * MM
    atas, bawah = tinggi - MARGIN_MM["atas"] * MM, MARGIN_MM["bawah"] * MM
    out = io.BytesIO()
    c = Canvas(out, pagesize=(lebar, tinggi))
    bingkai = []  # per page: (the PDF scan's page, its frame) or None
    for nomor, d in enumerate(lampiran, 1):
        # A PDF scan's pages through a writer of their own: a page turned by /Rotate is
        # turned in its content before it is merged (pypdf changes only a writer's pages).
        halaman = PdfWriter(clone_from=d.pembaca).pages if d.jenis == "application/pdf" else [None]
        for i, scan_page in enumerate(halaman, 1):
            judul = f"Pindaian {nomor} dari {len(lampiran)}: {d.judul}"
            if len(halaman) > 1:
                judul += f" (halaman {i} dari {len(halaman)})"
            waktu = timezone.localtime(d.disimpan) if d.disimpan else None
            baris = [(FONTS["tebal"][0], 10, judul)]
            if waktu:
                baris.append(
                    (
                        FONTS["biasa"][0],
                        9,
                        f"Disimpan {hari_tanggal(waktu)} pukul {waktu:%H.%M} WITA "
                        f"({d.peristiwa}); dilampirkan sebagaimana tersimpan, diperkecil agar "
                        "muat satu halaman.",
                    )
                )
            baris.append(("Courier", 7.5, f"SHA-256 berkas pindaian: {d.sha256}"))
            y = atas
            for font, ukuran, teks in baris:
                for line in simpleSplit(teks, font, ukuran, kanan - kiri):
                    y -= ukuran * 1.3
                    c.setFont(font, ukuran)
                    c.drawString(kiri, y, line)
            y -= 3 * MM
            c.setStrokeColorRGB(0.6, 0.6, 0.6)
            c.setLineWidth(0.5)
            c.line(kiri, y, kanan, y)
            ruang = (kiri, bawah, kanan - kiri, y - 3 * MM - bawah)  # x, y, width, height
            if scan_page is None:
                c.drawImage(
                    d.pembaca,
                    *ruang,
                    preserveAspectRatio=True,
                    anchor="n",
                    mask="auto",
                )
                bingkai.append(None)
            else:
                bingkai.append((scan_page, ruang))
            c.showPage()
    c.save()
    start = len(writer.pages)
    for page in PdfReader(out).pages:
        writer.add_page(page)
    for k, entry in enumerate(bingkai):
        if entry is None:
            continue
        scan_page, (x, y, w, h) = entry
        scan_page.transfer_rotation_to_content()
        box = scan_page.mediabox
        s = min(w / float(box.width), h / float(box.height))
        # Scaled to fit, centred at the top of its space.
        tx = x + (w - float(box.width) * s) / 2
        ty = y + h - float(box.height) * s
        writer.pages[start + k].merge_transformed_page(
            scan_page,
            Transformation()
            .translate(-float(box.left), -float(box.bottom))
            .scale(s)
            .translate(tx, ty),
        )
    halaman = start + 1
    for d in lampiran:
        d.halaman = halaman
        halaman += len(d.pembaca.pages) if d.jenis == "application/pdf" else 1


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
    niks = {getattr(x.pemohon_kasus, "nik", "") for x in (permohonan, keberatan) if x} - {""}
    riwayat = _riwayat(permohonan, keberatan, niks)
    scans = _pindaian(permohonan, keberatan, riwayat)
    context = {
        "permohonan": permohonan,
        "keberatan": keberatan,
        "pemohon": pemohon,
        "nik_samar": mask_nik(getattr(pemohon, "nik", "") or ""),
        "riwayat": riwayat,
        "dokumen": dokumen,
        "pindaian": scans,
        "pindaian_dilampirkan": [d for d in scans if not d.alasan],
        "pindaian_identitas": [d for d in scans if d.identitas],
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
    _tambah_pindaian(writer, scans)
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
