"""Each printed document: its content (numbers, dates in words, deadlines) and a real PDF;
the register's columns on screen, in the PDF and in the XLSX."""

from __future__ import annotations

import io
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from keberatan.documents import (
    REGISTER_COLUMNS,
    FormulirKeberatan,
    LembarDisposisi,
    SuratTanggapan,
)
from keberatan.models import Keberatan
from ppid_manual.models import Pejabat
from ppid_manual.workflow.penyampaian import Cara, Penyampaian
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai, tolak_permohonan

S = Keberatan.Status
DAY = D(2026, 3, 16)


@pytest.fixture
def k(desk, holidays_2026):
    """A keberatan on a refused request, registered Monday 16 March 2026 (Nyepi week)."""
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 2)), D(2026, 3, 10))
    return daftarkan(
        desk,
        DAY,
        p,
        alasan=[Keberatan.Alasan.A, Keberatan.Alasan.E],
        kuasa_nama="Made Advokat, S.H.",
        kuasa_alamat="Jl. Hayam Wuruk 5, Denpasar",
        surat_kuasa_diterima=True,
    )


def test_the_formulir_is_two_copies_with_the_number_and_the_answer_date(desk, k):
    html = FormulirKeberatan(k).render_html()
    assert "FORMULIR KEBERATAN INFORMASI PUBLIK" in html
    assert html.count("0001/KEB-PPID/III/2026") >= 2
    assert "Lembar 1: arsip petugas" in html and "Lembar 2: untuk pemohon (tanda terima)" in html
    assert html.count("Rabu, 6 Mei 2026") == 2  # the date the answer will be given, each copy
    assert "30 (tiga puluh) hari kerja" in html
    assert "Senin, 16 Maret 2026" in html  # registered
    assert "14 (empat belas) hari kerja" in html  # the Komisi Informasi right
    assert k.permohonan.nomor_pendaftaran in html
    assert "☒" in html and "☐" in html  # reasons a and e ticked, the others not
    assert html.count("☒") == 4  # 2 reasons × 2 copies
    assert "Made Advokat, S.H., kuasa pemohon" in html
    assert "data:image/svg+xml" in html  # the QR to the record, no network needed
    pdf = FormulirKeberatan(k).render_pdf()
    assert pdf.startswith(b"%PDF")


def test_the_formulir_notes_a_late_filing(desk, holidays_2026):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 2)), D(2026, 3, 10))
    # Late only against a confirmed receipt (an estimated one judges nothing late): the SK
    # handed over at the desk on its date.
    with at(D(2026, 3, 10)):
        reg.record_penyampaian(
            p, Penyampaian(Cara.LOKET, D(2026, 3, 10)), by=desk.petugas, surat="sk_penolakan"
        )
    late = daftarkan(desk, D(2026, 4, 30), Permohonan.objects.get(pk=p.pk))
    html = FormulirKeberatan(late).render_html()
    assert "sesudah batas 30 (tiga puluh) hari kerja sejak 10 Maret 2026 (29 April 2026" in html


def test_the_disposition_sheet(desk, k):
    k = sampai(desk, k, S.DIDISPOSISI, D(2026, 3, 17), unit=desk.units["dinkes"])
    html = LembarDisposisi(k).render_html()
    assert "LEMBAR DISPOSISI" in html
    assert "0001/KEB-PPID/III/2026" in html
    assert "Dinas Kesehatan" in html
    assert "Siapkan draf tanggapan." in html
    assert "☒ Segera" in html
    # The sifat as the Tata Naskah Dinas writes it; no internal SOP step for the Atasan.
    assert "☐ Sangat Segera" in html and "Sangat segera" not in html
    assert "SOP langkah" not in html
    assert "Kamis, 26 Maret 2026" in html  # draft due: 2 hk after 17 March, past Nyepi week
    assert "2 (dua) hari kerja" in html
    assert "Rabu, 6 Mei 2026" in html
    assert "I Wayan Sekda, S.H." in html and "17 Maret 2026" in html  # signer of that day
    assert LembarDisposisi(k).render_pdf().startswith(b"%PDF")


def test_the_surat_tanggapan_states_the_komisi_informasi_right_and_its_date(desk, k):
    k = sampai(desk, k, S.DITANGGAPI, D(2026, 3, 30))
    doc = SuratTanggapan(k)
    assert not doc.konsep
    html = doc.render_html()
    assert "480/0001/ATASAN-PPID/III/2026" in html
    assert "Tanggapan atas keberatan informasi publik" in html
    assert "MENOLAK keberatan Saudara dan MENGUATKAN keputusan PPID" in html
    assert "Pasal 36 ayat (3)" in html
    assert "Putusan PPID sudah tepat." in html
    assert "Komisi Informasi Provinsi Bali" in html
    assert "14 (empat belas) hari kerja" in html
    assert "Senin, 20 April 2026" in html  # 14 hk after 30 March, skipping Good Friday
    # Addressed to the kuasa, in the one addressee style of every letter (issue 17).
    assert "Yth. Made Advokat, S.H.<br>selaku kuasa dari " in html
    assert "I Wayan Sekda, S.H." in html and "30 Maret 2026" in html
    assert "KONSEP" not in html
    assert doc.render_pdf().startswith(b"%PDF")


def test_the_surat_is_signed_by_the_atasan_of_its_day_even_after_a_change(desk, k):
    k = sampai(desk, k, S.DITANGGAPI, D(2026, 3, 30))
    old = desk.pejabat["atasan"]
    old.berlaku_sampai = D(2026, 3, 31)
    old.save()
    Pejabat.objects.create(
        nama="Dewa Sekda Baru, M.Si.",
        jabatan="Sekretaris Daerah Provinsi Bali selaku Atasan PPID",
        unit=desk.units["setda"],
        peran=Pejabat.Peran.ATASAN_PPID,
        berlaku_dari=D(2026, 4, 1),
    )
    with at(D(2026, 4, 10)):
        html = SuratTanggapan(Keberatan.objects.get(pk=k.pk)).render_html()
    assert "I Wayan Sekda, S.H." in html and "Dewa Sekda Baru" not in html


def test_the_draft_prints_as_a_konsep_without_a_number(client, desk, k):
    k = sampai(desk, k, S.DRAF_DIAJUKAN, D(2026, 3, 25), keputusan=Keberatan.Keputusan.DIBERIKAN)
    with at(D(2026, 3, 25)):
        html = SuratTanggapan(k).render_html()
        client.force_login(desk.atasan)
        response = client.get(reverse("keberatan:cetak_tanggapan", args=[k.pk]))
    assert "KONSEP" in html and "(konsep)" in html
    assert "MENERIMA keberatan Saudara dan MEMBATALKAN keputusan PPID" in html
    assert "Rabu, 15 April 2026" in html  # 14 hk if signed on 25 March
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("name", ["cetak_formulir", "cetak_disposisi", "cetak_tanggapan"])
def test_each_document_is_a_real_pdf_through_its_url(client, desk, k, name):
    k = sampai(desk, k, S.DITANGGAPI, D(2026, 3, 30))
    with at(D(2026, 3, 30)):
        client.force_login(desk.petugas)
        response = client.get(reverse(f"keberatan:{name}", args=[k.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_documents_not_yet_made_are_404(client, desk, k):
    with at(DAY):
        client.force_login(desk.petugas)
        assert client.get(reverse("keberatan:cetak_disposisi", args=[k.pk])).status_code == 404
        assert client.get(reverse("keberatan:cetak_tanggapan", args=[k.pk])).status_code == 404


def test_a_gap_in_the_officials_table_is_said_not_printed_blank(client, desk, k):
    k = sampai(desk, k, S.DRAF_DIAJUKAN, D(2026, 3, 25))
    Pejabat.objects.filter(peran=Pejabat.Peran.ATASAN_PPID).update(berlaku_sampai=D(2026, 3, 1))
    with at(D(2026, 3, 25)):
        client.force_login(desk.atasan)
        response = client.get(reverse("keberatan:cetak_tanggapan", args=[k.pk]), follow=True)
    assert "Tidak ada pejabat Atasan PPID yang berlaku" in response.content.decode()


# --- The Register Keberatan ------------------------------------------------------------------


@pytest.fixture
def register_data(desk, k):
    sampai(desk, k, S.DITANGGAPI, D(2026, 3, 30))
    daftarkan(desk, D(2026, 4, 6))  # unlinked, reason b, still open
    return k


def test_the_register_on_screen_has_the_columns_and_masks_the_nik(client, desk, register_data):
    with at(D(2026, 4, 6)):
        client.force_login(desk.ppid)
        response = client.get(
            reverse("keberatan:register"), {"dari": "2026-03-01", "sampai": "2026-04-30"}
        )
    html = response.content.decode()
    for judul in REGISTER_COLUMNS:
        assert f'<th scope="col">{judul}</th>' in html
    rows = response.context["rows"]
    assert [r["nomor"] for r in rows] == ["0001/KEB-PPID/III/2026", "0002/KEB-PPID/IV/2026"]
    first, second = rows
    assert "NIK 5171********0001" in first["identitas"]
    assert "5171010101900001" not in html
    assert "Kuasa: Made Advokat, S.H." in first["identitas"]
    assert first["nomor_pendaftaran"] == register_data.permohonan.nomor_pendaftaran
    assert first["alasan"].startswith("a. Permohonan informasi ditolak")
    assert first["keputusan"] == "Keberatan ditolak: putusan PPID dikuatkan"
    assert first["tanggal_tanggapan"] == D(2026, 3, 30)
    assert first["atasan"].startswith("I Wayan Sekda, S.H.\nSekretaris Daerah")
    assert first["tanggapan_pemohon"] == "Belum ada (batas sengketa 20 April 2026)"
    assert second["nomor_pendaftaran"] == "— (alasan b)"
    assert second["keputusan"] == "Dalam proses (tenggat 21 Mei 2026)"


def test_the_register_as_pdf_is_landscape(client, desk, register_data, tmp_path):
    with at(D(2026, 4, 6)):
        client.force_login(desk.petugas)
        response = client.get(
            reverse("keberatan:register"),
            {"dari": "2026-03-01", "sampai": "2026-04-30", "format": "pdf"},
        )
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    path = tmp_path / "r.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    assert "Page size:       841.89 x 595.276 pts (A4)" in info  # landscape
    text = " ".join(
        subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout.split()
    )
    assert "REGISTER KEBERATAN INFORMASI PUBLIK" in text
    assert "Periode 1 Maret 2026 sampai dengan 30 April 2026" in text
    for judul in REGISTER_COLUMNS:
        for word in judul.split():
            assert word in text, judul
    assert "0001/KEB-PPID/III/2026" in text and "0002/KEB-PPID/IV/2026" in text
    assert "5171010101900001" not in text
    # Hari dan tanggal of the Atasan's response (Senin, 30 Maret 2026).
    assert "Senin, 30 Maret" in text


def test_the_register_as_xlsx_has_the_same_columns(client, desk, register_data):
    with at(D(2026, 4, 6)):
        client.force_login(desk.atasan)
        response = client.get(
            reverse("keberatan:register"),
            {"dari": "2026-03-01", "sampai": "2026-04-30", "format": "xlsx"},
        )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('register-keberatan-20260301-20260430.xlsx"')
    ws = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in ws[3]]
    assert header == list(REGISTER_COLUMNS)
    assert header[:5] == [
        "No.",
        "Nomor registrasi keberatan",
        "Tanggal keberatan diterima",
        "Identitas pemohon / kuasa",
        "Nomor pendaftaran permohonan",
    ]
    first = [c.value for c in ws[4]]
    assert first[1] == "0001/KEB-PPID/III/2026"
    assert first[2].date() == D(2026, 3, 16)
    assert "5171********0001" in first[3]
    assert ws.max_row == 5


def test_the_register_period_is_checked(client, desk, holidays_2026):
    with at(DAY):
        client.force_login(desk.petugas)
        response = client.get(
            reverse("keberatan:register"), {"dari": "2026-04-30", "sampai": "2026-03-01"}
        )
    assert response.status_code == 200
    assert response.context["form"].errors["sampai"] == [
        "Tanggal akhir tidak boleh sebelum tanggal awal."
    ]
    assert response.context["rows"] is None
