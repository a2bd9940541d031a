"""A page laid out once and printed again with other words on one line (issue 27).

WeasyPrint lays a receipt's page out in about 40 ms of CPU. The copies of a form (the desk's
and the pemohon's) differ only in the copy's label and in the footer's "Halaman i dari n"; the
pemohon's rights page differs from case to case only in the line that names the case. So the
copies are the first copy's pages with those lines written anew (about a millisecond), and the
rights page is laid out once per worker thread for as long as its other words stay the same.

A text is replaced only where the page stays what a fresh layout would have given:
- the template marks it: an element holding text only, `data-ganti="<key>"`; or it is the
  footer's page number (the `@bottom-right` margin box of print/base_surat.html);
- the line holding it is its block's only line (a one-line label, cell or paragraph), so the
  new words move nothing above or below them;
- the line is not justified, and with the new words it still fits its block's width.
Where one of these does not hold, `TataLetakBerubah` is raised and the caller lays the page out
anew (ppid_manual/workflow/pdf.py). tests/test_tata_letak.py prints every copy both ways and
compares their pixels.

This module is the only one that reads WeasyPrint's box tree (weasyprint.formatting_structure);
WeasyPrint is pinned (requirements.txt).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from types import SimpleNamespace

#: An element whose text may be written anew in a reused layout (text only, no child element).
GANTI = re.compile(r'(<(\w+)\b[^>]*\sdata-ganti="([\w-]+)"[^>]*>)([^<]*)(</\2>)')
#: The footer's page number (print/base_surat.html: @bottom-right).
NOMOR_HALAMAN = re.compile(r"Halaman \d+ dari \d+")
_KOTAK_NOMOR_HALAMAN = "@bottom-right"
#: Width compared to a thousandth of a CSS pixel (WeasyPrint's floats).
_EPS = 1e-3


class TataLetakBerubah(Exception):
    """The new words would change the layout (another line break, a wider line): lay the
    page out anew."""


def nomor_halaman(i: int, n: int) -> str:
    return f"Halaman {i} dari {n}"


def isian(html_text: str) -> tuple[str, dict[str, str]]:
    """The HTML with the texts of its `data-ganti` elements cut out (the key of a layout that
    holds for any such texts), and those texts as the layout shows them (whitespace
    collapsed)."""
    teks: dict[str, str] = {}

    def potong(match: re.Match[str]) -> str:
        teks[match.group(3)] = " ".join(html.unescape(match.group(4)).split())
        return match.group(1) + match.group(5)

    return GANTI.sub(potong, html_text), teks


@dataclass
class _Baris:
    """A line with words to write anew: its leaves' new layouts."""

    line: object
    block: object
    baru: dict[int, tuple] = field(default_factory=dict)  # id(leaf) -> (text, layout, width)


def salin_halaman(page, ganti: dict[str, str], halaman: tuple[int, int] | None = None):
    """A copy of a laid-out page (weasyprint.Page) with the `data-ganti` texts in `ganti`
    written anew and, given `halaman` = (i, n), the footer reading "Halaman i dari n". The
    page itself is left as it was (a kept layout is copied for every print)."""
    from weasyprint.document import Page
    from weasyprint.formatting_structure import boxes

    kotak = page._page_box.deepcopy()
    baris: dict[int, _Baris] = {}
    ditemukan: set[str] = set()

    def jalan(box, line, block, margin) -> None:
        if isinstance(box, boxes.TextBox):
            baru = None
            element = box.element
            kunci = element.get("data-ganti") if element is not None and margin is None else None
            if kunci in ganti:
                baru = ganti[kunci]
                ditemukan.add(kunci)
            elif (
                halaman is not None
                and margin is not None
                and margin.at_keyword == _KOTAK_NOMOR_HALAMAN
                and NOMOR_HALAMAN.fullmatch(box.text)
            ):
                baru = nomor_halaman(*halaman)
                ditemukan.add(_KOTAK_NOMOR_HALAMAN)
            if baru is not None and baru != box.text:
                if line is None:
                    raise TataLetakBerubah(f"{baru!r} tidak berada dalam satu baris")
                entry = baris.setdefault(id(line), _Baris(line, block))
                entry.baru[id(box)] = (baru, *_ukur(box, baru))
            return
        if isinstance(box, boxes.MarginBox):
            margin = box
        if isinstance(box, boxes.LineBox):
            line = box
        elif isinstance(box, boxes.BlockContainerBox):
            block = box
        for child in getattr(box, "children", ()):
            jalan(child, line, block, margin)

    jalan(kotak, None, None, None)
    hilang = set(ganti) - ditemukan
    if hilang:
        raise TataLetakBerubah(f"tidak ada di halaman: {', '.join(sorted(hilang))}")
    for entry in baris.values():
        _tulis_baris(entry)
    return Page(kotak)


def _ukur(box, text: str) -> tuple:
    """`text` laid out in `box`'s style on one unbounded line: (layout, width)."""
    from weasyprint.text.line_break import split_first_line

    layout, _length, resume, width, height, _baseline = split_first_line(
        text, box.style, SimpleNamespace(dictionaries={}), None, 0
    )
    if resume is not None or abs(height - box.height) > _EPS:
        raise TataLetakBerubah(f"{text!r} tidak muat dalam satu baris")
    return layout, width


def _tulis_baris(entry: _Baris) -> None:
    """Write a line's new words: each leaf's layout and width, the leaves after it moved by
    what the line grew before them, the line aligned again as text-align places it."""
    from weasyprint.formatting_structure import boxes

    line, block = entry.line, entry.block
    garis = [child for child in block.children if isinstance(child, boxes.LineBox)]
    if garis != [line]:
        raise TataLetakBerubah("baris yang diganti bukan satu-satunya baris bloknya")
    tambah = sum(width - _lebar_daun(line, key) for key, (_t, _l, width) in entry.baru.items())
    lebar_baru = line.width + tambah
    if lebar_baru > block.width + _EPS:
        raise TataLetakBerubah("baris baru lebih lebar dari bloknya")
    align = line.style["text_align_all"]
    if line.style["text_align_last"] != "auto":
        align = line.style["text_align_last"]
    rtl = line.style["direction"] == "rtl"
    if align == "justify":
        raise TataLetakBerubah("baris rata kiri-kanan")
    if align in ("left", "right"):
        align = "start" if (align == "left") ^ rtl else "end"
    if rtl:
        raise TataLetakBerubah("baris kanan-ke-kiri")
    geser_awal = {"start": 0.0, "center": -tambah / 2, "end": -tambah}[align]

    def atur(box, geser: float) -> float:
        """Move `box` by `geser`; return how much wider it became."""
        box.position_x += geser
        baru = entry.baru.get(id(box))
        if baru is not None:
            text, layout, width = baru
            lama = box.width
            box.text, box.pango_layout, box.width = text, layout, width
            return width - lama
        if isinstance(box, boxes.TextBox) or not hasattr(box, "children"):
            return 0.0
        if not isinstance(box, (boxes.LineBox, boxes.InlineBox)):
            raise TataLetakBerubah("baris memuat kotak selain teks")
        lebih = 0.0
        for child in box.children:
            lebih += atur(child, geser + lebih)
        box.width += lebih
        return lebih

    atur(line, geser_awal)


def _lebar_daun(line, key: int) -> float:
    """The width, as laid out, of the leaf `key` (an id) of `line`."""
    stack = [line]
    while stack:
        box = stack.pop()
        if id(box) == key:
            return box.width
        stack.extend(getattr(box, "children", ()))
    raise TataLetakBerubah("daun baris tidak ditemukan")
