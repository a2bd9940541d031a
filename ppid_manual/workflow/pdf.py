"""PDF rendering for every printed document: one helper, one letter base.

WeasyPrint renders the HTML of a print template. Its URL fetcher only serves files from our
own static folders, so a document never waits on the network (the desk PC may be offline) and
never pulls in anything we do not ship. When WeasyPrint cannot render, we raise: an empty or
half-made PDF handed to a pemohon is worse than an error.
"""

from __future__ import annotations

import atexit
import mimetypes
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from ppid_manual import hukum
from ppid_manual.workflow import tata_letak


class PdfError(Exception):
    pass


def _static_only_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serve /static/... from the project's files and data: URLs; refuse everything else
        (fail_on_errors makes a refusal stop the rendering instead of a silent gap)."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = url.removeprefix("file://")
            prefix = settings.STATIC_URL
            if path.startswith(prefix):
                relative = path[len(prefix) :].split("?", 1)[0].split("#", 1)[0]
                found = finders.find(relative)
                if found:
                    with open(found, "rb") as fh:
                        body = fh.read()
                    mime = mimetypes.guess_type(found)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body, {"Content-Type": mime})
            raise PdfError(f"Dokumen merujuk berkas di luar folder static: {url}")

    return StaticOnlyFetcher(fail_on_errors=True)


_fonts = threading.local()


@atexit.register
def _forget_fonts() -> None:
    """Drop the main thread's fonts while the interpreter is whole: FontConfiguration's
    finalizer deletes its folder of decoded fonts, and at shutdown it can no longer."""
    _fonts.__dict__.clear()


def _font_config():
    """One WeasyPrint FontConfiguration per thread, reused by every document.

    A new configuration registers every @font-face font again (with Fontconfig, and with
    WOFF2 fonts a pure-Python decode too: see print_fonts_css); a reused one keeps them, so
    only a worker thread's first document pays for it. One per thread: Pango and Fontconfig
    objects are not shared between threads."""
    config = getattr(_fonts, "config", None)
    if config is None:
        from weasyprint.text.fonts import FontConfiguration

        config = _fonts.config = FontConfiguration()
    return config


def print_fonts_css(css: str) -> str:
    """static/fonts/fonts.css with each WOFF2 font replaced by its TrueType twin (same folder,
    same name, `.ttf`). Browsers get the small WOFF2 files; WeasyPrint gets TrueType, because
    it decodes every WOFF2 font with fontTools in pure Python (about 2.5 s of CPU for our 16
    faces) in each new FontConfiguration, i.e. on the first document of every worker thread,
    while a TrueType font is only copied. tests/test_letters.py checks that each .ttf is the
    decoded .woff2."""
    return css.replace('.woff2")', '.ttf")').replace('format("woff2")', 'format("truetype")')


def _fonts_stylesheet(config):
    """The fonts stylesheet parsed once per thread, with the thread's FontConfiguration: a
    print template links no stylesheet for its fonts, every document gets this one (parsing
    it and registering its 16 faces again was a twentieth of a receipt's time)."""
    sheet = getattr(_fonts, "sheet", None)
    if sheet is None:
        from weasyprint import CSS

        with open(finders.find("fonts/fonts.css"), encoding="utf-8") as fh:
            css = print_fonts_css(fh.read())
        sheet = _fonts.sheet = CSS(
            string=css,
            base_url=f"{settings.STATIC_URL}fonts/fonts.css",
            url_fetcher=_static_only_fetcher(),
            font_config=config,
        )
    return sheet


#: A print template's own <style> block (print/base_surat.html and the blocks it includes).
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
#: Parsed style blocks kept per thread: a document type's block is the same text on every
#: print (a live view's footer carries the minute, so a few versions a minute at most).
_STYLES_KEPT = 64


def _styles(html: str, config) -> tuple[str, list]:
    """The document without its <style> blocks, and the stylesheets to lay it out with: its
    blocks, each parsed once per thread and reused (parsing and compiling the letters' 9 KB
    of rules was about a tenth of a receipt's CPU; issue 27), then the fonts. Given as the
    renderer's `stylesheets`, the blocks are of the user origin instead of the author's:
    the same cascade for these documents, which carry no other stylesheet, no !important,
    and whose style attributes win either way."""
    from weasyprint import CSS

    kept = getattr(_fonts, "styles", None)
    if kept is None:
        kept = _fonts.styles = OrderedDict()
    sheets = []

    def parsed(match: re.Match[str]) -> str:
        text = match.group(1)
        sheet = kept.get(text)
        if sheet is None:
            sheet = kept[text] = CSS(
                string=text, base_url="/", url_fetcher=_static_only_fetcher(), font_config=config
            )
            if len(kept) > _STYLES_KEPT:
                kept.popitem(last=False)
        else:
            kept.move_to_end(text)
        sheets.append(sheet)
        return ""

    return _STYLE.sub(parsed, html), [*sheets, _fonts_stylesheet(config)]


def render_pdf(html: str) -> bytes:
    return render_pdf_gabung([html])


def _tata_letak(html: str, config):
    """The HTML laid out into pages (a WeasyPrint Document), its <style> blocks parsed once."""
    from weasyprint import HTML

    html, stylesheets = _styles(html, config)
    return HTML(string=html, base_url="/", url_fetcher=_static_only_fetcher()).render(
        stylesheets=stylesheets, font_config=config
    )


def _cetak(susun) -> bytes:
    """Run `susun(config)`, which lays documents out and returns (a document, its pages), and
    write those pages as one PDF; WeasyPrint's failures as PdfError."""
    try:
        from weasyprint.urls import FatalURLFetchingError
    except ImportError as exc:  # pragma: no cover - the dependency is pinned
        raise PdfError("WeasyPrint tidak terpasang; dokumen tidak dapat dicetak.") from exc
    try:
        document, pages = susun(_font_config())
        if pages is not document.pages:
            document = document.copy(pages)
        pdf = document.write_pdf()
    except FatalURLFetchingError as exc:
        raise PdfError(str(exc.__cause__ or exc)) from exc
    if not pdf or not pdf.startswith(b"%PDF"):
        raise PdfError("WeasyPrint tidak menghasilkan PDF.")
    return pdf


def render_pdf_gabung(htmls: list[str]) -> bytes:
    """One PDF from several HTML documents, each laid out on its own (its own "Halaman x dari
    y"): the copies (lembar) of a formulir, each numbered as the sheet its holder keeps."""

    def susun(config):
        documents = [_tata_letak(html, config) for html in htmls]
        if len(documents) == 1:
            return documents[0], documents[0].pages
        return documents[0], [page for doc in documents for page in doc.pages]

    return _cetak(susun)


#: Closing pages laid out and kept per thread (tata_letak.py), by their HTML without the texts
#: a print writes anew: the rights page of a unit with its officials and deadlines of a day.
_PENUTUP_KEPT = 16


def _penutup(html: str, config):
    """The closing pages' layout for `html`: kept from an earlier print when only their
    `data-ganti` texts differ, else laid out now and kept. Returns (the layout, the texts it
    shows, the texts this print shows)."""
    kunci, teks = tata_letak.isian(html)
    kept = getattr(_fonts, "penutup", None)
    if kept is None:
        kept = _fonts.penutup = OrderedDict()
    entry = kept.get(kunci)
    if entry is None:
        entry = kept[kunci] = (_tata_letak(html, config), teks)
        if len(kept) > _PENUTUP_KEPT:
            kept.popitem(last=False)
    else:
        kept.move_to_end(kunci)
    return entry[0], entry[1], teks


def render_pdf_salinan(pertama: str, label: list[str], penutup: str | None) -> bytes:
    """A form's copies from one layout (issue 27): `pertama` is the first copy's HTML, whose
    `data-ganti="lembar"` element reads `label[0]`; every other copy is its pages with the
    label `label[i]`; the last copy ends with the closing pages `penutup` (laid out on their
    own and kept per thread: tata_letak.py), each copy numbered "Halaman i dari n" as the
    sheets its holder keeps. Raises tata_letak.TataLetakBerubah where a new text would change
    the layout; the caller then lays every copy out (render_pdf_gabung)."""

    def susun(config):
        document = _tata_letak(pertama, config)
        form = document.pages
        tutup, teks_tutup, teks = (
            _penutup(penutup, config) if penutup is not None else (None, {}, {})
        )
        ganti_tutup = {k: v for k, v in teks.items() if teks_tutup.get(k) != v}
        pages = []
        for i, nama in enumerate(label):
            terakhir = i == len(label) - 1
            n = len(form) + (len(tutup.pages) if terakhir and tutup is not None else 0)
            if i == 0 and n == len(form):
                pages.extend(form)  # the first copy as laid out
            else:
                pages.extend(tata_letak.salin(form, {"lembar": nama} if i else {}, 1, n))
            if terakhir and tutup is not None:
                pages.extend(tata_letak.salin(tutup.pages, ganti_tutup, len(form) + 1, n))
        return document, pages

    return _cetak(susun)


#: A letter on the letter base with what the letters print: each face of Tinos and Arimo
#: (the latin-ext subset too), a kop, a title, label/value rows, a list, justified text, a
#: signature box and an image of each kind (the QR code is a PNG, a lambang PNG or SVG).
_WARM_UP = """{% extends "print/base_surat.html" %}{% block isi %}
<div class="judul">PEMANASAN</div>
<table class="isian"><tr><td class="label">Nomor</td>
<td>: <span class="nomor">1/PM/2026</span></td></tr></table>
<p>Pemanasan <b>huruf</b> <i>cetak</i> <b><i>ąč</i></b></p>
<p style="font-family: Arimo">Pemanasan <b>huruf</b> <i>cetak</i> <b><i>ąč</i></b></p>
<ol class="hak"><li>Butir yang cukup panjang untuk dirata kiri-kanan pada lebar halaman.</li></ol>
<img style="image-rendering: pixelated" alt="" src="data:image/png;base64,{png}">
<img alt="" src="data:image/svg+xml,{svg}">
<div class="kotak-ttd"><div>Petugas<div class="ruang"></div>(Nama)</div><div>Pemohon</div></div>
{% endblock %}""".replace(
    "{png}",
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==",
).replace("{svg}", "%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%221%22 height=%221%22/%3E")


def warm_up() -> None:
    """Load WeasyPrint, the fonts, the print templates and what the letters call into this
    thread before the first request (ppid_manual/wsgi.py calls it when a worker starts): a
    worker's first document otherwise pays for imports, font set-up, template compiling,
    parsing the letters' rules and the C types of the features it draws, while the pemohon
    waits at the desk (issue 27). A gunicorn sync worker serves every request on the thread
    that imported the application. Reads no database: a worker starts before it answers."""
    from django.template import engines
    from django.template.loader import get_template

    from ppid_manual.format import terbilang

    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(folder).glob("**/print/*.html")):
            get_template(path.relative_to(folder).as_posix())  # compiled and kept
    terbilang(1250)  # num2words loads its languages on the first call
    html = (
        engines["django"]
        .from_string(_WARM_UP)
        .render(
            {
                "judul": "Pemanasan",
                "kertas": settings.PPID["KERTAS"],
                "kop_baris": ["PEMERINTAH PROVINSI BALI", "PEMANASAN", "Jalan"],
                "kutipan": hukum.KutipanSurat(),
            }
        )
    )
    render_pdf(html)


def slug_nomor(nomor: str | None) -> str:
    """A letter's number as a file name's part; a KONSEP's number "…" has none."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in (nomor or "")).strip("-")
    return slug or "tanpa-nomor"


class PrintDocument:
    """One class per printed document. Subclasses set `template_name` and `title` and add
    their context; the template extends print/base_surat.html."""

    template_name: str = ""
    title: str = ""
    landscape: bool = False
    # An issued (numbered) document is stored when issued and reprinted from the stored bytes
    # (ppid_manual/workflow/terbit.py): its kind; "" for live views (registers, lists).
    jenis_terbit: str = ""
    # A KONSEP (issue 15): the letter before the step that numbers it; a watermark, the
    # number as "…" (print/base_surat.html), nothing taken and nothing written.
    konsep: bool = False

    def __init__(self, request: HttpRequest | None = None, **kwargs: Any) -> None:
        self.request = request
        self.kwargs = kwargs

    def get_context(self) -> dict[str, Any]:
        return dict(self.kwargs)

    def filename(self) -> str:
        return "dokumen.pdf"

    def nama_berkas(self) -> str:
        """The download name; a KONSEP says so in it."""
        name = self.filename()
        return f"konsep-{name}" if self.konsep and not name.startswith("konsep-") else name

    # --- an issued document's identity (terbit.py) -------------------------------------
    def kasus(self) -> Any:
        """The case the document belongs to."""
        raise NotImplementedError

    def kunci_terbit(self) -> str:
        """Which document of its kind on the case: its number (a case may have several of a
        kind: a surat permintaan per OPD, a receipt per handover, a notice after reopening)."""
        return self.nomor_terbit()

    def nomor_terbit(self) -> str:
        return ""

    def tanggal_terbit(self):
        return None

    def unit_penerbit(self, context: dict[str, Any]):
        """The unit whose kop heads the document: the one the document names, else the
        signer's (Tata Naskah Dinas: the kop is the signer's unit), else the PPID Utama."""
        from ppid_manual.models import Unit

        unit = context.get("unit_penerbit")
        if unit is None and context.get("pejabat") is not None:
            unit = context["pejabat"].unit
        if unit is None:
            unit = Unit.objects.filter(jenis=Unit.Jenis.PPID_UTAMA).first()
        return unit

    def render_html(self, **lain: Any) -> str:
        """The document's HTML; `lain` overrides context values (one copy of a formulir)."""
        context = {
            "dokumen": self,
            "judul": self.title,
            "kertas": settings.PPID["KERTAS"],
            "landscape": self.landscape,
            "kota": settings.PPID["KOTA_SURAT"],
            "dicetak": timezone.localtime(),
            "konsep": self.konsep,
            # One citation tracker per rendered document (each copy of a form its own):
            # the Act's full title at its first citation, "UU 14/2008" after.
            "kutipan": hukum.KutipanSurat(),
            **self.get_context(),
            **lain,
        }
        unit = self.unit_penerbit(context)
        context.setdefault(
            "kop_baris", unit.kop_baris() if unit is not None else settings.PPID["KOP_BARIS"]
        )
        context.setdefault("kop_lambang", unit.lambang_url() if unit is not None else "")
        return render_to_string(self.template_name, context, request=self.request)

    def render_pdf(self) -> bytes:
        return render_pdf(self.render_html())

    def response(self, *, inline: bool = True) -> HttpResponse:
        response = HttpResponse(self.render_pdf(), content_type="application/pdf")
        disposition = "inline" if inline else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{self.nama_berkas()}"'
        response["Cache-Control"] = "no-store"
        return response


class PerLembar:
    """A form printed in copies (lembar: the desk's, the pemohon's), put before its
    PrintDocument class. Each copy is numbered "Halaman 1 dari n" as the sheets its holder
    keeps (not "Halaman 5 dari 10" on the pemohon's copy); the template loops over `salinan`,
    marks the copy's label `data-ganti="lembar"`, and prints its closing pages (on the last
    copy) where `penutup` is true and the class sets `halaman_penutup`.

    The first copy is laid out and the others are its pages with their own label
    (render_pdf_salinan, issue 27); where a label would not fit its line, every copy is laid
    out on its own, as it always prints."""

    salinan: tuple[str, ...] = ()
    halaman_penutup: bool = False

    def render_pdf(self) -> bytes:
        html = self.render_html  # type: ignore[attr-defined]
        label = list(self.salinan)
        try:
            return render_pdf_salinan(
                html(salinan=label[:1], penutup=False),
                label,
                html(salinan=[], penutup=True, penutup_sendiri=True)
                if self.halaman_penutup
                else None,
            )
        except tata_letak.TataLetakBerubah:
            return self.render_pdf_tiap_lembar()

    def render_pdf_tiap_lembar(self) -> bytes:
        """Every copy laid out on its own (the layout the copies are derived from)."""
        terakhir = len(self.salinan) - 1
        return render_pdf_gabung(
            [
                self.render_html(salinan=[lembar], penutup=i == terakhir)  # type: ignore[attr-defined]
                for i, lembar in enumerate(self.salinan)
            ]
        )


class DokumenRalat:
    """A ralat of any process (issue 15; ppid_manual/workflow/ralat.py), put before the
    process's own letter class: `print/ralat.html`, stored as issued under its own number and
    date (the Ralat row), its file named after that number.

    A keputusan is corrected by a keputusan (Tata Naskah Dinas: "tentang Perubahan atas
    Keputusan …"): `perubahan` maps the kind of a stored keputusan to the template, title and
    file name stem of its perubahan, which the process's class then draws (`is_perubahan`)."""

    template_name = "print/ralat.html"
    title = "Ralat"
    jenis_terbit = "ralat"
    perubahan: dict[str, tuple[str, str, str]] = {}

    def __init__(self, kasus: Any, request: HttpRequest | None = None, *, ralat) -> None:
        super().__init__(kasus, request)  # type: ignore[call-arg]
        self.ralat = ralat
        if self.is_perubahan:
            self.template_name, self.title, _ = self.perubahan[ralat.dokumen.jenis]

    @property
    def is_perubahan(self) -> bool:
        return self.ralat.dokumen.jenis in self.perubahan

    def nomor_terbit(self) -> str:
        return self.ralat.nomor

    def tanggal_terbit(self):
        return self.ralat.tanggal

    def filename(self) -> str:
        stem = self.perubahan[self.ralat.dokumen.jenis][2] if self.is_perubahan else "ralat"
        return f"{stem}-{slug_nomor(self.ralat.nomor)}.pdf"
