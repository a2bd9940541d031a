"""A report of a period not yet over is "sementara" on the page, in the PDF and in the XLSX;
once the period is over it is not."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from layanan import laporan, laporan_xlsx
from layanan.documents import LaporanLayananDokumen
from layanan.models import LaporanLayanan
from tests.helpers import D, at


@pytest.mark.parametrize(
    "hari, periode, sementara",
    [
        (D(2026, 12, 7), "tahunan", True),
        (D(2026, 12, 31), "tahunan", True),  # the last day is not over yet
        (D(2027, 1, 1), "tahunan", False),
        (D(2026, 12, 7), "semester1", False),
        (D(2026, 12, 7), "semester2", True),
        (D(2026, 6, 30), "semester1", True),
    ],
)
def test_it_marks_a_period_not_yet_over(db, hari, periode, sementara):
    with at(hari):
        angka = laporan.compute(2026, periode)
    assert angka.sementara is sementara
    assert angka.dihitung == hari


def test_it_prints_sementara_in_the_pdf_and_the_xlsx(db):
    with at(D(2026, 12, 7)):
        angka = laporan.compute(2026, "tahunan")
        html = LaporanLayananDokumen(
            angka=angka, narasi=LaporanLayanan(tahun=2026, periode="tahunan"), grafik={}
        ).render_html()
    assert "LAPORAN LAYANAN INFORMASI PUBLIK (SEMENTARA)" in html
    assert "angka dihitung sampai dengan 7 Desember 2026" in html
    book = openpyxl.load_workbook(io.BytesIO(laporan_xlsx.workbook(angka)))
    assert book["Ringkasan"]["A1"].value == "Laporan Layanan Informasi Publik (SEMENTARA)"

    with at(D(2027, 1, 4)):
        akhir = laporan.compute(2026, "tahunan")
        html = LaporanLayananDokumen(
            angka=akhir, narasi=LaporanLayanan(tahun=2026, periode="tahunan"), grafik={}
        ).render_html()
    body = html[html.index("<body>") :]
    assert "SEMENTARA" not in body and "Laporan sementara" not in body
    book = openpyxl.load_workbook(io.BytesIO(laporan_xlsx.workbook(akhir)))
    assert book["Ringkasan"]["A1"].value == "Laporan Layanan Informasi Publik"


def test_it_shows_sementara_on_the_page(client, desk):
    client.force_login(desk.ppid)
    with at(D(2026, 12, 7)):
        page = client.get(reverse("laporan"), {"tahun": "2026", "periode": "tahunan"})
    body = page.content.decode()
    assert "Sementara" in body and "Laporan sementara: periode ini belum berakhir" in body
    with at(D(2026, 12, 7)):
        page = client.get(reverse("laporan"), {"tahun": "2026", "periode": "semester1"})
    assert "Laporan sementara" not in page.content.decode()
