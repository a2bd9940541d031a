import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from ppid_manual.documents import PerhitunganTenggat
from ppid_manual.format import (
    angka_terbilang,
    hari_kerja,
    hari_tanggal,
    ringkas,
    romawi,
    rupiah,
    tanggal,
    tanggal_angka,
    terbilang,
)
from ppid_manual.workflow.pdf import PdfError, render_pdf

D = datetime.date


@pytest.mark.parametrize(
    "value, expected",
    [
        (0, "nol"),
        (7, "tujuh"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (14, "empat belas"),
        (17, "tujuh belas"),
        (30, "tiga puluh"),
        (100, "seratus"),
        (115, "seratus lima belas"),
        (250, "dua ratus lima puluh"),
        (1000, "seribu"),
        (12500, "dua belas ribu lima ratus"),
        (2_000_000, "dua juta"),
    ],
)
def test_it_writes_numbers_in_indonesian_words(value, expected):
    assert terbilang(value) == expected


def test_letter_filters():
    assert tanggal(D(2023, 3, 7)) == "7 Maret 2023"
    assert hari_tanggal(D(2026, 4, 7)) == "Selasa, 7 April 2026"
    assert angka_terbilang(10) == "10 (sepuluh)"
    assert hari_kerja(7) == "7 (tujuh) hari kerja"
    assert rupiah(12500) == "Rp12.500,00"
    assert rupiah(0) == "Rp0,00"
    assert romawi(3) == "III"
    assert romawi(D(2026, 12, 1)) == "XII"


def test_table_filters():
    assert tanggal_angka(D(2023, 3, 7)) == "07-03-2023"
    # 23.30 UTC on 31 Dec is already 1 January in Bali (WITA, UTC+8).
    late = datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC)
    assert tanggal_angka(late) == "01-01-2026"
    assert tanggal_angka(None) == ""
    assert ringkas("Data cakupan imunisasi", 10) == "Data caku…"
    assert len(ringkas("x" * 200, 120)) == 120
    assert ringkas("Data cakupan", 12) == "Data cakupan"
    assert ringkas(None, 5) == ""


def test_the_deadline_sheet_renders_on_the_letter_base(holidays_2026, settings):
    settings.PPID = {**settings.PPID, "KERTAS": "F4"}
    doc = PerhitunganTenggat(mulai=D(2026, 3, 16), hari=10, tenggat=D(2026, 4, 7), dilewati=[])
    html = doc.render_html()
    assert "PEMERINTAH PROVINSI BALI" in html  # kop surat from settings
    assert "215mm 330mm" in html  # F4 paper
    assert "Senin, 16 Maret 2026" in html
    assert "10 (sepuluh) hari kerja" in html
    assert "Selasa, 7 April 2026" in html
    assert doc.render_pdf().startswith(b"%PDF")


def test_the_renderer_refuses_anything_outside_static():
    with pytest.raises(PdfError):
        render_pdf('<img src="http://example.com/logo.png"><p>x</p>')


def test_the_calculator_prints_a_pdf(client, petugas, holidays_2026):
    client.force_login(petugas)
    response = client.get(reverse("kalender"), {"mulai": "2026-03-16", "hari": "10", "cetak": "1"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_print_fonts_are_the_screen_fonts_decoded():
    """WeasyPrint gets TrueType twins of the WOFF2 web fonts (no pure-Python decode per
    worker thread); each twin must be exactly the decoded WOFF2, and every face of the fonts
    stylesheet must have one."""
    import io
    import re

    from django.contrib.staticfiles import finders
    from fontTools.ttLib import woff2

    from ppid_manual.workflow.pdf import print_fonts_css

    folder = Path(finders.find("fonts/fonts.css")).parent
    css = print_fonts_css((folder / "fonts.css").read_text(encoding="utf-8"))
    faces = re.findall(r'url\("([^"]+)"\) format\("truetype"\)', css)
    assert len(faces) == 16 and '.woff2")' not in css
    for name in faces:
        decoded = io.BytesIO()
        woff2.decompress(
            io.BytesIO((folder / name.replace(".ttf", ".woff2")).read_bytes()), decoded
        )
        assert (folder / name).read_bytes() == decoded.getvalue(), name


@pytest.mark.render_sungguhan
def test_a_new_thread_prints_its_first_document_without_decoding_fonts(monkeypatch):
    """The live test server (and runserver) answer each request in a new thread, which gets a
    new FontConfiguration: its first document must not decode WOFF2 fonts again (seconds of
    CPU each time)."""
    import threading

    from fontTools.ttLib import woff2

    html = "<p style='font-family: Tinos'>Halo <b>tebal</b> <i>miring</i> ąę</p>"
    decoded = []
    real = woff2.decompress
    monkeypatch.setattr(woff2, "decompress", lambda *a, **k: decoded.append(1) or real(*a, **k))
    printed = []
    thread = threading.Thread(target=lambda: printed.append(render_pdf(html)))
    thread.start()
    thread.join()
    assert printed[0].startswith(b"%PDF")
    assert decoded == []


@pytest.mark.django_db
def test_a_diktum_label_never_stays_at_a_page_foot_without_its_text(tmp_path):
    """SK penolakan, issue 17: "KEDUA :" sat at the foot of a page with its text overleaf.
    Wherever the page break falls (one more line of text above each time), the label and the
    first line of its text share a page; a diktum that opens with a list too."""
    import subprocess

    from django.template import Context, Template

    source = (
        '{% extends "print/base_surat.html" %}{% block isi %}'
        "{% for _ in baris %}<p style='margin: 0'>baris pengisi</p>{% endfor %}"
        '<div class="diktum daftar"><div class="kunci">Menimbang</div><div class="titik">:</div>'
        '<div class="uraian"><ol class="huruf"><li>bahwa pertimbangan pertama yang cukup panjang '
        "untuk dua baris teks keputusan pada halaman ini dan seterusnya;</li><li>bahwa kedua;</li>"
        "</ol></div></div>"
        '<div class="diktum"><div class="kunci">KEDUA</div><div class="titik">:</div>'
        '<div class="uraian">Informasi yang diminta merupakan informasi yang dikecualikan '
        "berdasarkan:<ul>{% for _ in pasal %}<li>Pasal 17 huruf h Undang-Undang Nomor 14 Tahun "
        "2008 (mengungkap rahasia pribadi);</li>{% endfor %}</ul></div></div>{% endblock %}"
    )
    base = {"kertas": "A4", "landscape": False, "judul": "Uji", "pasal": range(6)}
    splits = []
    for n in range(20, 56):
        html = Template(source).render(Context({**base, "baris": range(n)}))
        (tmp_path / "sk.pdf").write_bytes(render_pdf(html))
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "sk.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        pages = text.split("\f")
        for label, first in (("KEDUA", "Informasi yang"), ("Menimbang", "bahwa pertimbangan")):
            on = [i for i, page in enumerate(pages) if label in page]
            with_text = [i for i, page in enumerate(pages) if first in page]
            if on[:1] != with_text[:1]:
                splits.append((n, label))
    assert splits == []
