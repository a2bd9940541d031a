"""A form's copies printed from one layout (ppid_manual/workflow/tata_letak.py, issue 27) look
exactly as every copy laid out on its own: the same pages, pixel for pixel, and the same text.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from keberatan.documents import FormulirKeberatan
from ppid_manual.workflow import pdf, tata_letak
from registrasi.documents import FormulirPermohonan
from tests.helpers import D
from tests.keberatan.helpers import buat_permohonan, daftarkan

pytestmark = pytest.mark.render_sungguhan

#: Pixels per inch of the comparison: a line moved by a third of a millimetre shows (the rights
#: page laid out with the body's top margin moved by 2 mm).
DPI = 72


def halaman(body: bytes) -> list[Image.Image]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dokumen.pdf"
        path.write_bytes(body)
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", path, Path(folder) / "h"], check=True)
        return [Image.open(png).convert("RGB") for png in sorted(Path(folder).glob("h-*.png"))]


def teks(body: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=body, capture_output=True, check=True
    ).stdout.decode()


def sama(cepat: bytes, acuan: bytes) -> None:
    """Every page of `cepat` identical to `acuan`'s, pixel for pixel, and the same text."""
    a, b = halaman(cepat), halaman(acuan)
    assert len(a) == len(b)
    for nomor, (x, y) in enumerate(zip(a, b, strict=True), start=1):
        assert x.size == y.size
        assert ImageChops.difference(x, y).getbbox() is None, f"halaman {nomor} berbeda"
    assert teks(cepat) == teks(acuan)


def jumlah_tata_letak(monkeypatch) -> list[str]:
    """The HTML documents WeasyPrint lays out from now on."""
    laid_out: list[str] = []
    real = pdf._tata_letak

    def counting(html, config):
        laid_out.append(html)
        return real(html, config)

    monkeypatch.setattr(pdf, "_tata_letak", counting)
    return laid_out


def test_the_receipt_from_one_layout_is_the_receipt_laid_out_copy_by_copy(
    desk, holidays_2026, monkeypatch
):
    pdf._fonts.__dict__.pop("penutup", None)
    first = buat_permohonan(desk, D(2026, 3, 16))
    FormulirPermohonan(first).render_pdf()  # the rights page of that day is kept
    p = buat_permohonan(desk, D(2026, 3, 16), nik="5171010101010002", nama="I Ketut Budi")
    doc = FormulirPermohonan(p)
    laid_out = jumlah_tata_letak(monkeypatch)
    cepat = doc.render_pdf()
    # One layout: the desk's copy. The pemohon's copy is its page with its own label, and
    # the rights page is the one kept, with this case's number and name.
    assert len(laid_out) == 1
    acuan = doc.render_pdf_tiap_lembar()
    sama(cepat, acuan)
    text = teks(cepat)
    assert "Lembar 2: untuk pemohon (tanda bukti)" in text
    assert f"Nomor pendaftaran: {p.nomor_pendaftaran} · I Ketut Budi" in text
    assert first.nomor_pendaftaran not in text
    assert [" ".join(line.split()) for line in text.splitlines() if "Halaman" in line] == [
        "Formulir Permohonan Informasi Publik Halaman 1 dari 1",
        "Formulir Permohonan Informasi Publik Halaman 1 dari 2",
        "Formulir Permohonan Informasi Publik Halaman 2 dari 2",
    ]


def test_a_longer_name_on_the_kept_rights_page_moves_nothing_else(desk, holidays_2026):
    pdf._fonts.__dict__.pop("penutup", None)
    FormulirPermohonan(buat_permohonan(desk, D(2026, 3, 16), nama="Ani")).render_pdf()
    p = buat_permohonan(
        desk, D(2026, 3, 16), nik="5171010101010003", nama="Anak Agung Ngurah Gede Wiratama"
    )
    doc = FormulirPermohonan(p)
    sama(doc.render_pdf(), doc.render_pdf_tiap_lembar())


def test_a_name_that_wraps_its_line_is_laid_out_anew(desk, holidays_2026, monkeypatch):
    pdf._fonts.__dict__.pop("penutup", None)
    FormulirPermohonan(buat_permohonan(desk, D(2026, 3, 16), nama="Ani")).render_pdf()
    nama = "Yayasan " + " ".join(["Pemerhati Keterbukaan Informasi Publik Bali"] * 3)
    p = buat_permohonan(desk, D(2026, 3, 16), nik="5171010101010004", nama=nama)
    doc = FormulirPermohonan(p)
    laid_out = jumlah_tata_letak(monkeypatch)
    cepat = doc.render_pdf()
    # The kept rights page cannot hold the name on its one line: every copy is laid out.
    assert len(laid_out) == 3
    sama(cepat, doc.render_pdf_tiap_lembar())


def test_a_form_over_several_pages_numbers_each_copy_as_its_holder_keeps_it(
    desk, holidays_2026, monkeypatch
):
    pdf._fonts.__dict__.pop("penutup", None)
    p = buat_permohonan(desk, D(2026, 3, 16))
    p.rincian_informasi = "\n".join(
        f"{i}. Dokumen anggaran dan realisasi program kesehatan tahun {2000 + i} per kabupaten"
        for i in range(1, 60)
    )
    doc = FormulirPermohonan(p)
    laid_out = jumlah_tata_letak(monkeypatch)
    cepat = doc.render_pdf()
    assert len(laid_out) == 2  # the desk's copy and the rights page, nothing laid out twice
    pages = halaman(cepat)
    assert len(pages) >= 5  # two pages or more a copy, and the rights page
    sama(cepat, doc.render_pdf_tiap_lembar())
    footers = [" ".join(line.split()) for line in teks(cepat).splitlines() if "Halaman" in line]
    n = (len(pages) - 1) // 2
    assert [f.split(" ")[-4:] for f in footers] == [
        *(["Halaman", str(i), "dari", str(n)] for i in range(1, n + 1)),
        *(["Halaman", str(i), "dari", str(n + 1)] for i in range(1, n + 2)),
    ]


def test_a_label_that_would_wrap_its_line_lays_every_copy_out(desk, holidays_2026, monkeypatch):
    # The keberatan form's label shares its line with the code: the pemohon's longer label
    # takes a second line, so its copy cannot be the desk's copy with another label.
    k = daftarkan(desk, D(2026, 3, 16))
    doc = FormulirKeberatan(k)
    laid_out = jumlah_tata_letak(monkeypatch)
    cepat = doc.render_pdf()
    assert len(laid_out) == 3  # the desk's copy tried, then each copy on its own
    sama(cepat, doc.render_pdf_tiap_lembar())


def test_a_text_marked_for_writing_anew_is_text_only():
    key, found = tata_letak.isian(
        '<p>Nomor <span class="nomor" data-ganti="nomor">0001/REG-PPID/III/2026</span> · '
        '<span data-ganti="nama">I  Made &amp; Rekan</span></p>'
    )
    assert found == {"nomor": "0001/REG-PPID/III/2026", "nama": "I Made & Rekan"}
    assert key == (
        '<p>Nomor <span class="nomor" data-ganti="nomor"></span> · <span data-ganti="nama">'
        "</span></p>"
    )
