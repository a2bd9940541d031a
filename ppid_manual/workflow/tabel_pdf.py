"""The registers as PDF: big tables drawn with ReportLab, not WeasyPrint.

Why ReportLab for the registers (issue 17, measured on this machine): WeasyPrint lays a table
out at about 1 ms per cell whatever the CSS (a month's Register Permohonan, 300 rows of 16
columns, took 5-7 s; a year's 10,687 rows 198 s; one 10,000-character unbroken cell 38-52 s,
because every break opportunity of `overflow-wrap: anywhere` is tried against the line). Here
every cell is broken into lines once, with the fonts' advance widths, the rows are packed into
pages by their heights, and each page is drawn with one text object: the work is linear in the
characters printed. The letters stay in WeasyPrint (print/base_surat.html); this module draws
the same kop, title, period, page numbers and "dicetak" line, so a register still looks like
the app's other documents.

Lines break at spaces only. A word wider than its column (a long e-mail address, a number
typed without spaces, 10,000 characters pasted in one go) is cut where it must, preferably
after "/", "@", "." or "-", and never with an inserted hyphen: nothing is hyphenated, so an
e-mail address or a document number is never printed with a hyphen it does not have. Phone
numbers and document numbers keep their spaces unbreakable (`utuh`).

Fonts: Tinos (metric-compatible with Times New Roman), the same family as the letters.
ReportLab reads TrueType, not WOFF2, and wants one file per style: static/fonts/tinos-lengkap-
*.ttf are the two WOFF2 subsets of each style (latin + latin-ext) merged into one TTF with
fontTools (`buat_ttf()` below, run once; the TTFs are committed). (The letters' renderer uses the
per-subset twins tinos-*.ttf / tinos-ext-*.ttf: workflow/pdf.py.)
"""

from __future__ import annotations

import datetime
import io
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from ppid_manual.workflow.pdf import PdfError

MM = 72 / 25.4  # points per millimetre

# Paper (portrait width, height in mm): PPID_KERTAS; the registers print landscape.
KERTAS_MM = {"A4": (210, 297), "F4": (215, 330)}
# Margins in mm: the binding side (left) wider, as in the letters; narrower than a letter's
# elsewhere, so that sixteen columns keep readable widths.
MARGIN_MM = {"atas": 12, "kanan": 8, "bawah": 12, "kiri": 15}

UKURAN = 7  # pt, the cells
SPASI = 8.4  # pt, the cells' line height
PAD_X, PAD_Y = 1.6, 1.5  # pt, the cells' padding
GARIS = 0.5  # pt, the grid
ABU_KEPALA = (0.914, 0.925, 0.937)  # the column headings' shade (#e9ecef, as the letters)
ABU_TEKS = (0.333, 0.333, 0.333)  # the footer (#555)

# Where an over-long word is best cut (after the character), when there is one in the last
# part of what fits: a path, an address, a number stay readable.
TITIK_POTONG = "/@.-_,;:)"

FONTS = {
    "biasa": ("PPIDTinos", "tinos-lengkap-400.ttf"),
    "tebal": ("PPIDTinos-Bold", "tinos-lengkap-700.ttf"),
    "miring": ("PPIDTinos-Italic", "tinos-lengkap-400-italic.ttf"),
    "tebal_miring": ("PPIDTinos-BoldItalic", "tinos-lengkap-700-italic.ttf"),
}
_fonts_lock = threading.Lock()
_widths: dict[str, tuple[dict[int, float], float]] = {}


def _register_fonts() -> None:
    """Register the four Tinos faces with ReportLab once per process (about 0.15 s)."""
    if _widths:
        return
    with _fonts_lock:
        if _widths:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        loaded = {}
        for name, filename in FONTS.values():
            path = finders.find(f"fonts/{filename}")
            if not path:
                raise PdfError(f"Huruf static/fonts/{filename} tidak ditemukan.")
            font = TTFont(name, path)
            pdfmetrics.registerFont(font)
            loaded[name] = (font.face.charWidths, font.face.defaultWidth)
        family = FONTS["biasa"][0]
        for bold, italic, key in (
            (0, 0, "biasa"),
            (1, 0, "tebal"),
            (0, 1, "miring"),
            (1, 1, "tebal_miring"),
        ):
            addMapping(family, bold, italic, FONTS[key][0])
        _widths.update(loaded)


@dataclass(frozen=True)
class KolomTabel:
    """One printed column: its heading, its share of the table's width, and how its cells
    print (`utuh`: spaces do not break, for phone and document numbers; `miring`: italic, for
    the foreign words the Perki writes in italics, softcopy/hardcopy)."""

    judul: str
    lebar: float
    rata: str = "kiri"  # kiri | kanan | tengah
    utuh: bool = False
    miring: bool = False
    # A column is never narrower than its heading's longest word, nor than this text (a
    # number that should fit on one line).
    min_teks: str = ""


class _Ukur:
    """Advance widths of one face at one size, words cached (a register repeats its words)."""

    def __init__(self, font: str, size: float) -> None:
        self.widths, self.default = _widths[font]
        self.scale = size / 1000
        self.cache: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        w = self.cache.get(text)
        if w is None:
            get, default = self.widths.get, self.default
            w = sum(get(ord(ch), default) for ch in text) * self.scale
            if len(text) < 64:
                self.cache[text] = w
        return w

    def potong(self, word: str, width: float) -> list[str]:
        """An over-long word cut into pieces that fit, each cut after a TITIK_POTONG character
        when one falls in the last third of the piece, else after the last character that
        fits. Linear in the word's length."""
        get, default, scale = self.widths.get, self.default, self.scale
        pieces: list[str] = []
        start, used, last_mark = 0, 0.0, -1
        i = 0
        n = len(word)
        while i < n:
            ch = word[i]
            w = get(ord(ch), default) * scale
            if used + w > width and i > start:
                cut = i
                if last_mark >= start and (last_mark + 1 - start) * 3 >= (i - start) * 2:
                    cut = last_mark + 1
                pieces.append(word[start:cut])
                start, last_mark = cut, -1
                used = sum(get(ord(c), default) for c in word[start:i]) * scale
                continue
            used += w
            if ch in TITIK_POTONG:
                last_mark = i
            i += 1
        pieces.append(word[start:])
        return pieces


# A register period of more than this many rows (about 1.5 s with ReportLab on the bench
# machine) is not printed within the request: the process's register page hands it to the
# background print (layanan/cetak_latar.py), by URL name, so that no process imports the floor
# above it (DESIGN.md section 6).
LANGSUNG_MAKS = 1500


def cetak_di_latar(jenis: str, dari: datetime.date, sampai: datetime.date) -> HttpResponseRedirect:
    """To the page that offers to build this register in the background."""
    query = urlencode({"jenis": jenis, "dari": f"{dari:%Y-%m-%d}", "sampai": f"{sampai:%Y-%m-%d}"})
    return HttpResponseRedirect(f"{reverse('cetak_register_tawar')}?{query}")


def angka(n: int) -> str:
    """12345 -> 12.345 (the Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


def bagi_lebar(total: float, shares: Sequence[float], mins: Sequence[float]) -> list[float]:
    """The columns' widths: `total` shared out by `shares`, none under its minimum (a column
    raised to its minimum takes its room from the others, in proportion)."""
    fixed: dict[int, float] = {}
    while True:
        free = total - sum(fixed.values())
        share = sum(s for i, s in enumerate(shares) if i not in fixed) or 1
        widths = [fixed.get(i, free * s / share) for i, s in enumerate(shares)]
        low = [i for i, w in enumerate(widths) if i not in fixed and w < mins[i]]
        if not low:
            return widths
        for i in low:
            fixed[i] = mins[i]


def pecah_baris(text: str, ukur: _Ukur, width: float, *, utuh: bool = False) -> list[str]:
    """The lines of one cell: paragraphs at "\\n", then words filled greedily."""
    if not text:
        return [""]
    lines: list[str] = []
    space = ukur(" ")
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if utuh:
            paragraph = paragraph.replace(" ", "\u00a0")
        # Split at plain spaces only: str.split() would also split at U+00A0, which is there
        # not to break (an amount "Rp 12.500", a number).
        words = [w for w in paragraph.replace("\t", " ").split(" ") if w]
        if not words:
            lines.append("")
            continue
        line, used = "", 0.0
        for word in words:
            w = ukur(word)
            if line and used + space + w <= width:
                line, used = f"{line} {word}", used + space + w
                continue
            if line:
                lines.append(line)
            if w <= width:
                line, used = word, w
                continue
            *full, line = ukur.potong(word, width)
            lines.extend(full)
            used = ukur(line)
        lines.append(line)
    return [ln.replace("\u00a0", " ") if "\u00a0" in ln else ln for ln in lines]


@dataclass
class _Baris:
    sel: list[list[str]]  # lines per cell
    tinggi: float


def _tinggi(sel: list[list[str]]) -> float:
    return max(len(lines) for lines in sel) * SPASI + 2 * PAD_Y


def kop() -> tuple[list[str], tuple[bytes, str]]:
    """The kop's lines and lambang (its bytes and MIME type) for the registers: the PPID
    Utama's, from master data (Unit.kop, Unit.lambang), as its letters print it."""
    from ppid_manual.models import Unit

    unit = Unit.objects.filter(jenis=Unit.Jenis.PPID_UTAMA).first()
    if unit is None:
        return list(settings.PPID["KOP_BARIS"]), (b"", "")
    return unit.kop_baris(), unit.lambang_kop()


def render_tabel_pdf(
    *,
    judul: str,
    subjudul: str,
    kolom: Sequence[KolomTabel],
    baris: Iterable[Sequence[str]],
    jumlah: int,
    penutup: str,
    kaki: str,
    kemajuan: Callable[[float, str], None] | None = None,
) -> bytes:
    """A register as PDF bytes: the kop and the title on the first page, the column headings
    on every page, `penutup` (the count, notes) under the last row, `kaki` and "Halaman x dari
    y" at the foot of every page. `baris` yields the cells of each row as text (`jumlah` of
    them); `kemajuan(fraction, what)` is told how far the work is."""
    _register_fonts()
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    lebar_kertas, tinggi_kertas = KERTAS_MM[settings.PPID["KERTAS"]]
    page_w, page_h = tinggi_kertas * MM, lebar_kertas * MM  # landscape
    left, right = MARGIN_MM["kiri"] * MM, page_w - MARGIN_MM["kanan"] * MM
    top, bottom = page_h - MARGIN_MM["atas"] * MM, MARGIN_MM["bawah"] * MM
    table_w = right - left
    ukur_tebal = _Ukur(FONTS["tebal"][0], UKURAN)
    ukur = _Ukur(FONTS["biasa"][0], UKURAN)
    mins = [
        max([ukur_tebal(w) for w in k.judul.split()] + [ukur(k.min_teks)]) + 2 * PAD_X + 0.5
        for k in kolom
    ]
    widths = bagi_lebar(table_w, [k.lebar for k in kolom], mins)
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)

    biasa, tebal, miring = FONTS["biasa"][0], FONTS["tebal"][0], FONTS["miring"][0]
    ukur_miring = _Ukur(miring, UKURAN)
    inner = [w - 2 * PAD_X for w in widths]

    def lapor(fraction: float, what: str) -> None:
        if kemajuan is not None:
            kemajuan(min(max(fraction, 0.0), 1.0), what)

    # --- the heading row, the kop, the title ------------------------------------------------
    kepala = [pecah_baris(k.judul, ukur_tebal, inner[i]) for i, k in enumerate(kolom)]
    tinggi_kepala = _tinggi(kepala)
    kop_baris, kop_logo = kop()
    kop_logo = kop_logo if kop_logo[0] else None
    kop_ukuran = [
        (tebal, 13) if i == 0 else (tebal, 14) if i == 1 else (biasa, 9)
        for i in range(len(kop_baris))
    ]
    tinggi_kop = _kop_tinggi(kop_ukuran, kop_logo)
    tinggi_judul = 3 * MM + 12 + 9 * 1.4 + 1 * MM + 3 * MM
    awal_pertama = top - tinggi_kop - tinggi_judul
    penutup_tinggi = 9 * 1.4 + 2 * MM
    batas_bawah = bottom + 4 * MM  # the footer's room

    # --- rows into lines, lines into pages ----------------------------------------------------
    pages: list[list[_Baris]] = [[]]
    y_avail = awal_pertama - tinggi_kepala - batas_bawah
    full_page = top - tinggi_kepala - batas_bawah
    rows_done = 0
    ukur_kolom = [ukur_miring if k.miring else ukur for k in kolom]
    for cells in baris:
        sel = [
            pecah_baris(str(text or ""), ukur_kolom[i], inner[i], utuh=kolom[i].utuh)
            for i, text in enumerate(cells)
        ]
        rows_done += 1
        last = rows_done == jumlah
        row = _Baris(sel, _tinggi(sel))
        while True:
            need = row.tinggi + (penutup_tinggi if last else 0)
            if need <= y_avail:
                pages[-1].append(row)
                y_avail -= row.tinggi
                break
            if need <= full_page and pages[-1]:
                # Fits on a page of its own: start one rather than split the row.
                pages.append([])
                y_avail = full_page
                continue
            # Taller than a page (a very long cell): the lines that fit here, the rest on the
            # next page under the repeated headings.
            fit = int((y_avail - 2 * PAD_Y - (penutup_tinggi if last else 0)) // SPASI)
            if fit < 3 or (last and fit >= max(len(s) for s in sel)):
                if not pages[-1]:
                    fit = max(fit, 1)
                else:
                    pages.append([])
                    y_avail = full_page
                    continue
            head = [s[:fit] for s in sel]
            sel = [s[fit:] or [""] for s in sel]
            part = _Baris(head, _tinggi(head))
            pages[-1].append(part)
            pages.append([])
            y_avail = full_page
            row = _Baris(sel, _tinggi(sel))
        if rows_done % 250 == 0 and jumlah:
            lapor(
                0.75 * rows_done / jumlah, f"{angka(rows_done)} dari {angka(jumlah)} baris disusun"
            )
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    lapor(0.75, "halaman digambar")

    # --- drawing ----------------------------------------------------------------------------
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(page_w, page_h), pageCompression=1, invariant=0)
    canvas.setTitle(judul.title())
    canvas.setAuthor("PPID Manual")
    n_pages = len(pages)

    def teks_baris(text, rows: Sequence[_Baris], y: float, heading: bool) -> float:
        """Draw rows from y down; return the y under them."""
        for row in rows:
            y_line = y - PAD_Y - UKURAN
            for i, lines in enumerate(row.sel):
                k = kolom[i]
                font = tebal if heading else (miring if k.miring else biasa)
                text.setFont(font, UKURAN)
                measure = ukur_tebal if heading else ukur_kolom[i]
                yy = y_line
                for line in lines:
                    if line:
                        if k.rata == "kiri" or heading:
                            x = xs[i] + PAD_X
                        elif k.rata == "kanan":
                            x = xs[i + 1] - PAD_X - measure(line)
                        else:
                            x = (xs[i] + xs[i + 1] - measure(line)) / 2
                        text.setTextOrigin(x, yy)
                        text.textOut(line)
                    yy -= SPASI
            y -= row.tinggi
        return y

    for number, rows in enumerate(pages, start=1):
        # Set on every page: a page's graphics state starts afresh (and an operator written
        # after the last showPage() would make ReportLab add an empty page).
        canvas.setLineWidth(GARIS)
        y = top
        if number == 1:
            _draw_kop(canvas, kop_baris, kop_logo, kop_ukuran, left, right, y, ImageReader)
            y -= tinggi_kop + 3 * MM
            canvas.setFont(tebal, 12)
            y -= 12
            canvas.drawCentredString((left + right) / 2, y, judul)
            tw = canvas.stringWidth(judul, tebal, 12)
            canvas.setLineWidth(0.8)
            canvas.line((left + right - tw) / 2, y - 1.5, (left + right + tw) / 2, y - 1.5)
            canvas.setLineWidth(GARIS)
            canvas.setFont(biasa, 9)
            y -= 9 * 1.4 + 1 * MM
            canvas.drawCentredString((left + right) / 2, y, subjudul)
            y -= 1 * MM + 2 * MM
        y_table = y
        canvas.setFillColorRGB(*ABU_KEPALA)
        canvas.rect(left, y - tinggi_kepala, table_w, tinggi_kepala, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        text = canvas.beginText()
        y = teks_baris(text, [_Baris(kepala, tinggi_kepala)], y, True)
        rule_ys = [y_table, y]
        for row in rows:
            y = teks_baris(text, [row], y, False)
            rule_ys.append(y)
        canvas.drawText(text)
        canvas.lines([(left, ry, right, ry) for ry in rule_ys] + [(x, y_table, x, y) for x in xs])
        if number == n_pages:
            canvas.setFont(biasa, 8)
            canvas.drawString(left, y - 9 * 1.2, penutup)
        canvas.setFont(biasa, 7)
        canvas.setFillColorRGB(*ABU_TEKS)
        canvas.drawString(left, bottom - 2 * MM, kaki)
        canvas.drawRightString(right, bottom - 2 * MM, f"Halaman {number} dari {n_pages}")
        canvas.setFillColorRGB(0, 0, 0)
        canvas.showPage()
        if number % 20 == 0:
            lapor(0.75 + 0.25 * number / n_pages, f"halaman {number} dari {n_pages} digambar")
    canvas.save()
    lapor(1.0, "selesai")
    pdf = out.getvalue()
    if kop_logo and kop_logo[1] != "image/png":
        # ReportLab reads no SVG: the lambang is drawn by WeasyPrint on a page of the same
        # size and laid over the first page, where _draw_kop left its room.
        pdf = _lambang_svg_di_atas(pdf, kop_logo, left, top, page_w, page_h)
    if not pdf.startswith(b"%PDF"):
        raise PdfError("ReportLab tidak menghasilkan PDF.")
    return pdf


LOGO_MM = 20


def _kop_tinggi(sizes, logo) -> float:
    lines = sum(size * 1.25 for _, size in sizes)
    return max(lines, LOGO_MM * MM if logo else 0) + 2 * MM + 1.6


def _draw_kop(canvas, lines, logo, sizes, left, right, y, image_reader) -> None:
    """The letters' kop (print/_kop.html): the lambang on the left, the lines centred, a
    double rule under them, _kop_tinggi high. `logo` is (bytes, MIME type) or None; an SVG
    lambang is laid over afterwards (_lambang_svg_di_atas)."""
    top = y
    if logo and logo[1] == "image/png":
        height = LOGO_MM * MM
        img = image_reader(io.BytesIO(logo[0]))
        iw, ih = img.getSize()
        canvas.drawImage(
            img, left, top - height, width=height * iw / ih, height=height, mask="auto"
        )
    for line, (font, size) in zip(lines, sizes, strict=True):
        y -= size * 1.1
        canvas.setFont(font, size)
        canvas.drawCentredString((left + right) / 2, y, line)
        y -= size * 0.15
    y = top - _kop_tinggi(sizes, logo) + 1.6
    canvas.setLineWidth(1.2)
    canvas.setLineWidth(1.2)
    canvas.line(left, y, right, y)
    canvas.setLineWidth(0.5)
    canvas.line(left, y - 1.6, right, y - 1.6)
    canvas.setLineWidth(GARIS)


def _lambang_svg_di_atas(pdf: bytes, logo, left, top, page_w, page_h) -> bytes:
    """The register with its SVG lambang drawn over the first page's kop: WeasyPrint draws it
    at the same place on a page of the same size, pypdf merges the two pages."""
    from pypdf import PdfReader, PdfWriter

    from ppid_manual.lambang import data_url
    from ppid_manual.workflow.pdf import render_pdf

    pt = 25.4 / 72  # mm per point
    html = (
        f"<style>@page {{ size: {page_w * pt:.3f}mm {page_h * pt:.3f}mm; margin: 0 }}"
        f"body {{ margin: 0 }} img {{ position: absolute; left: {left * pt:.3f}mm; "
        f"top: {(page_h - top) * pt:.3f}mm; height: {LOGO_MM}mm }}</style>"
        f'<img src="{data_url(*logo)}" alt="">'
    )
    lapisan = PdfReader(io.BytesIO(render_pdf(html))).pages[0]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pages[0].merge_page(lapisan)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def dicetak_kaki(judul: str) -> str:
    """The footer of a live register: when it was printed, and that it is a live view of the
    records (DESIGN.md section 7), not an issued letter."""
    now = timezone.localtime()
    return f"{judul} — dicetak {now:%d-%m-%Y %H:%M} WITA dari PPID Manual (tampilan langsung)"


class RegisterDocument:
    """A register for a period as a PDF response: subclasses set `title`, `kolom`,
    `filename()`, `cells(row)` (the printed text of a row) and `penutup()` (the line under the
    table)."""

    title: str = ""
    kolom: tuple[KolomTabel, ...] = ()

    def __init__(self, rows: list, dari: datetime.date, sampai: datetime.date, request=None):
        self.rows, self.dari, self.sampai, self.request = rows, dari, sampai, request

    def filename(self) -> str:
        raise NotImplementedError

    def cells(self, row) -> list[str]:
        raise NotImplementedError

    def penutup(self) -> str:
        return f"Jumlah baris: {len(self.rows)}."

    def render_pdf(self, kemajuan: Callable[[float, str], None] | None = None) -> bytes:
        from ppid_manual.format import tanggal
        from ppid_manual.rantai import kode_integritas

        return render_tabel_pdf(
            judul=self.title.upper(),
            subjudul=f"Periode {tanggal(self.dari)} sampai dengan {tanggal(self.sampai)}",
            kolom=self.kolom,
            baris=(self.cells(r) for r in self.rows),
            jumlah=len(self.rows),
            # The chain's head when printed (issue 25): a later edit shows against the paper.
            penutup=f"{self.penutup()} {kode_integritas()}",
            kaki=dicetak_kaki(self.title),
            kemajuan=kemajuan,
        )

    def response(self) -> HttpResponse:
        return pdf_response(self.render_pdf(), self.filename())


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def buat_ttf(folder: str) -> None:
    """Write static/fonts/tinos-lengkap-<style>.ttf from the vendored WOFF2 subsets (latin and
    latin-ext merged), for ReportLab. Run once when the fonts are updated:
    `python -c "from ppid_manual.workflow.tabel_pdf import buat_ttf; buat_ttf('static/fonts')"`
    """
    import os
    import tempfile

    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    for _, filename in FONTS.values():
        style = filename.removeprefix("tinos-lengkap-").removesuffix(".ttf")
        with tempfile.TemporaryDirectory() as tmp:
            parts = []
            for subset in ("", "ext-"):
                font = TTFont(os.path.join(folder, f"tinos-{subset}{style}.woff2"))
                font.flavor = None
                part = os.path.join(tmp, f"{subset}{style}.ttf")
                font.save(part)
                parts.append(part)
            Merger().merge(parts).save(os.path.join(folder, filename))
