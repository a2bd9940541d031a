"""The registers' PDF (ppid_manual/workflow/tabel_pdf.py, issue 17): it looks like the app's
letters (kop, title, period, landscape paper of the settings, page numbers, the headings on
every page, the "dicetak … (tampilan langsung)" line), holds every row, never hyphenates an
e-mail address, a phone number or a document number, and wraps an unbroken string of any
length at any character without losing one."""

from __future__ import annotations

import datetime
import re
import subprocess

import pytest

from ppid_manual.workflow.tabel_pdf import FONTS, _register_fonts, _Ukur, pecah_baris
from registrasi.documents import RegisterPermohonan
from registrasi.register import KOLOM

# A register prints the PPID Utama's kop from master data (Unit.kop, Unit.lambang).
pytestmark = pytest.mark.django_db

D = datetime.date
# The closing line prints the chain's head when printed (issue 25): it reads the database.
pytestmark = pytest.mark.django_db


def row(i: int, **overrides) -> dict:
    """A register row as register_rows() makes it."""
    values = {
        "no": i,
        "nomor": f"{i:04d}/REG-PPID/III/2026",
        "tanggal": D(2026, 3, 16),
        "nama": "Ni Made Ayu Lestari",
        "alamat": "Jl. Raya Puputan No. 12, Renon, Denpasar Selatan",
        "kontak": "0361 222 333\nayu@baliprov.go.id",
        "pekerjaan": "Wiraswasta",
        "informasi": "Laporan realisasi anggaran Dinas Kesehatan tahun 2025 per kegiatan",
        "tujuan": "Penelitian skripsi",
        "status_informasi": "Di bawah penguasaan (Diskes)",
        "bentuk": "Softcopy",
        "jenis": "Meminta salinan",
        "keputusan": "Informasi diberikan seluruhnya",
        "alasan_penolakan": "",
        "tanggal_pemberitahuan": D(2026, 3, 20),
        "tanggal_pemberian": D(2026, 3, 27),
        "biaya": "Rp\u00a02.000: penyalinan 4 lembar × Rp\u00a0500 = Rp\u00a02.000.",
        "biaya_jumlah": 2000,
    }
    values.update(overrides)
    return values


def pages_of(pdf: bytes, tmp_path, *layout: str) -> list[str]:
    path = tmp_path / "register.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", *layout, str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def page_size(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "size.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return re.search(r"Page size:\s+(.*) pts", info.stdout).group(1)


def render(rows, settings=None) -> bytes:
    return RegisterPermohonan(rows, D(2026, 3, 1), D(2026, 3, 31)).render_pdf()


def test_it_holds_every_row_and_prints_the_headings_on_every_page(tmp_path):
    pdf = render([row(i) for i in range(1, 121)])
    assert pdf.startswith(b"%PDF")
    assert page_size(pdf, tmp_path) == "841.89 x 595.276"  # A4 landscape
    pages = pages_of(pdf, tmp_path)
    assert len(pages) > 3
    first = pages[0]
    assert "PEMERINTAH PROVINSI BALI" in first
    assert "REGISTER PERMOHONAN INFORMASI PUBLIK" in first
    assert "Periode 1 Maret 2026 sampai dengan 31 Maret 2026" in first
    for number, text in enumerate(pages, start=1):
        words = " ".join(text.split())
        for k in KOLOM:
            for word in k.judul.split():
                assert word in words, (number, k.judul)
        assert f"Halaman {number} dari {len(pages)}" in text
        assert "dicetak" in text and "WITA dari PPID Manual (tampilan langsung)" in text
    everything = "\n".join(pages)
    for i in range(1, 121):
        assert everything.count(f"{i:04d}/REG-PPID/III/2026") == 1, i
    assert "Jumlah permohonan: 120." in pages[-1]
    # The notice's and the handover's day and date (Fridays 20 and 27 March 2026); the
    # request's date (Monday 16 March) without its day.
    assert "Jumat," in everything and "Senin," not in everything
    assert "Softcopy" in everything


def test_it_prints_on_f4_when_the_settings_say_so(settings, tmp_path):
    settings.PPID = {**settings.PPID, "KERTAS": "F4"}
    pdf = render([row(1)])
    assert page_size(pdf, tmp_path) == "935.433 x 609.449"  # 330 x 215 mm, landscape


def test_no_hyphen_inside_an_email_a_phone_number_or_a_document_number(tmp_path):
    email = "ayu.lestari@baliprov.go.id"
    pdf = render([row(1, kontak=f"(0361) 222 333 444\n{email}", nomor="0001/REG-PPID/III/2026")])
    lines = [line.strip() for line in pages_of(pdf, tmp_path)[0].splitlines()]
    assert email in lines
    assert "(0361) 222 333 444" in lines
    assert "0001/REG-PPID/III/2026" in " ".join(lines).split()
    assert not any(line.endswith("-") for line in lines)


def test_an_over_long_word_is_cut_without_a_hyphen_preferably_after_a_separator():
    _register_fonts()
    ukur = _Ukur(FONTS["biasa"][0], 7)
    email = "ni.made.ayu.lestari.dan.keluarga.besarnya@baliprov.go.id"
    lines = pecah_baris(email, ukur, 40)
    assert len(lines) > 2
    assert "".join(lines) == email
    assert all(ukur(line) <= 40 for line in lines)
    assert all(line[-1] in "./@-_" for line in lines[:-1])
    # Spaces of a phone number do not break in a column marked `utuh`.
    assert pecah_baris("0361 222 333", ukur, 80, utuh=True) == ["0361 222 333"]
    assert pecah_baris("0361 222 333", ukur, 20, utuh=False) != ["0361 222 333"]


def test_a_10000_character_unbroken_string_wraps_at_any_character_over_pages(tmp_path):
    long = "x" * 10_000
    pdf = render([row(1), row(2, informasi=long), row(3)])
    pages = pages_of(pdf, tmp_path)
    assert len(pages) > 2
    everything = "\n".join(pages)
    assert sum(len(run) for run in re.findall(r"x+", everything)) == 10_000
    for i in (1, 2, 3):
        assert f"{i:04d}/REG-PPID/III/2026" in everything
    # The headings are printed again on the pages the long cell runs on.
    for text in pages[1:]:
        assert "Informasi yang" in text


@pytest.mark.parametrize("text", ["", "\n", "a\n\nb"])
def test_empty_and_blank_cells_print(text):
    _register_fonts()
    ukur = _Ukur(FONTS["biasa"][0], 7)
    assert pecah_baris(text, ukur, 50)


def test_the_closing_line_prints_the_chain_head_when_printed(tmp_path, units, petugas):
    """Issue 25: the head of the hash chain and the count of events when printed, so that a
    later edit can be shown against a signed paper copy."""
    from ppid_manual import rantai
    from ppid_manual.workflow.engine import record_event

    record_event(units["dinkes"], "uji", by=petugas)
    urut, head = rantai.kepala()
    last = pages_of(render([row(1)]), tmp_path)[-1]
    flat = " ".join(last.split())
    assert f"Kode integritas riwayat: {head} ({urut} riwayat saat dicetak)." in flat


def test_an_empty_period_says_so(tmp_path):
    pages = pages_of(render([]), tmp_path)
    assert len(pages) == 1
    assert "Nomor pendaftaran" in pages[0]
    assert "Tidak ada permohonan terdaftar pada periode ini." in pages[0]


def test_characters_outside_the_font_and_carriage_returns_do_not_break_it(tmp_path):
    pdf = render([row(1, informasi="Data\r\nbaris dua 你好 😀", alamat="Jl.\tKenari\r")])
    text = pages_of(pdf, tmp_path)[0]
    assert "baris dua" in text and "Kenari" in text
