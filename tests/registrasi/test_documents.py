"""Every printed document: its rendered content (numbers, dates in words, deadlines) and a
real PDF from its view."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
from decimal import Decimal

import openpyxl
import pytest
import segno
from django.urls import reverse

from ppid_manual.kode import kode_berkas
from ppid_manual.models import DasarHukum, Pejabat
from registrasi import actions
from registrasi.documents import (
    REGISTER_COLUMNS,
    CatatanPengembalian,
    FormulirPermohonan,
    Pemberitahuan,
    PemberitahuanPerpanjangan,
    RegisterPermohonan,
    SkPenolakan,
    SuratPermintaanDokumen,
    TandaTerimaPenyerahan,
    register_rows,
)
from registrasi.models import Permohonan
from tests.helpers import D, at, case_url, messages_of, moment
from tests.registrasi.conftest import intake, register

K = Permohonan.Keputusan


def teks(html: str) -> str:
    """The words a letter prints: its HTML without tags (a document number sits in a span that
    keeps it on one line) and with its non-breaking spaces as spaces."""
    return re.sub(r"<[^>]+>", "", html).replace("\u00a0", " ")


def pdf(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, messages_of(response)
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")
    return response


def cetak(p, dokumen):
    return reverse("registrasi:cetak", args=[p.pk, dokumen])


@pytest.fixture
def p(golden_day, petugas):
    return register(petugas)


def test_the_receipt_has_two_copies_number_deadline_qr_and_the_rights_page(
    client, p, petugas, settings
):
    settings.PPID = {**settings.PPID, "URL_INTRANET": "http://ppid.intranet.baliprov.go.id/"}
    html = FormulirPermohonan(p).render_html()
    assert html.count("FORMULIR PERMOHONAN INFORMASI PUBLIK") == 2
    assert "Lembar 1: arsip petugas" in html
    assert "Lembar 2: untuk pemohon (tanda bukti)" in html
    assert html.count("0001/REG-PPID/III/2026") >= 3
    assert "Senin, 16 Maret 2026" in html
    assert "paling lambat <strong>Selasa, 7 April 2026</strong>" in html
    assert "10 (sepuluh) hari kerja sejak 16 Maret 2026" in html
    assert html.count("Petugas pelayanan informasi") == 2
    assert html.count("Pemohon informasi<div") == 2
    # Issue 17 (Deliver 7): the QR code carries the registration number and its check code
    # for the desk's search box, never an intranet address.
    kode = kode_berkas("0001/REG-PPID/III/2026")
    assert segno.make(kode, error="m").png_data_uri(scale=1, border=2) in html
    # One pixel per module, printed as crisp squares (not blurred by scaling up).
    assert "image-rendering: pixelated" in html
    assert f"Kode berkas: {kode}" in html
    assert "ppid.intranet" not in html and f"/permohonan/{p.pk}/" not in html
    # Hak-hak Pemohon (UU 14/2008).
    assert "HAK-HAK PEMOHON INFORMASI PUBLIK" in html
    assert "7 (tujuh) hari kerja" in html
    assert "30 (tiga puluh) hari kerja" in html
    assert "Atasan PPID" in html
    assert "Komisi Informasi Provinsi Bali" in html
    assert "14 (empat belas) hari kerja" in html
    assert "biaya penyalinan" in html
    pdf(client, petugas, cetak(p, "formulir"))


def test_the_returned_file_note_lists_what_is_missing(client, golden_day, petugas):
    r = actions.return_incomplete(
        intake(identitas_diterima=False, catatan_kekurangan="Tanda tangan pemohon belum ada"),
        by=petugas,
    )
    html = CatatanPengembalian(r).render_html()
    assert "CATATAN PENGEMBALIAN BERKAS" in html
    assert "Senin, 16 Maret 2026" in html
    assert "<li>Fotokopi identitas diri (KTP) pemohon belum dilampirkan.</li>" in html
    assert "<li>Tanda tangan pemohon belum ada</li>" in html
    assert "belum memperoleh nomor pendaftaran" in html
    assert "REG-PPID" not in html
    pdf(client, petugas, cetak(r, "pengembalian"))
    # A registered request has no return note, and a returned one no receipt.
    client.force_login(petugas)
    assert client.get(cetak(r, "formulir")).status_code == 404


def test_the_letter_to_the_opd(client, p, ppid, units, pejabat):
    surat = actions.route_to_opd(p, by=ppid, unit=units["dinkes"], catatan="Mohon segera.")
    html = SuratPermintaanDokumen(p, surat=surat).render_html()
    assert "480/0001/PPID/III/2026" in html
    assert "Yth. Kepala Dinas Kesehatan" in html
    assert "paling lambat <strong>Senin, 30 Maret 2026</strong>" in html
    assert "Selasa, 7 April 2026" in html
    assert "Denpasar, 16 Maret 2026" in html
    assert "Gede Pramana, S.E., M.T." in html
    assert "NIP 19680531 199703 1 002" in html
    assert "Permintaan informasi publik" in html
    assert "Mohon segera." in html
    assert p.pemohon.nik not in html  # the OPD does not need the NIK (UU 27/2022)
    pdf(client, ppid, reverse("registrasi:cetak_surat", args=[p.pk, surat.pk]))


@pytest.mark.parametrize(
    "putusan, expected",
    [
        (
            {"keputusan": K.DIBERIKAN_SELURUHNYA, "uraian_informasi": "Rekap imunisasi"},
            ["informasi dapat diberikan seluruhnya", "tanpa biaya", "Rekap imunisasi"],
        ),
        (
            {
                "keputusan": K.DIBERIKAN_SEBAGIAN,
                "uraian_informasi": "Rekap imunisasi",
                "bagian_dihitamkan": "Nama anak",
                "pasal17": ["h"],
                "konsekuensi": "Membuka data pribadi anak.",
                "perkiraan_halaman": 12,
                "perkiraan_biaya_kirim": Decimal("10000"),
            },
            [
                "informasi dapat diberikan sebagian",
                "Bagian informasi yang dihitamkan: Nama anak",
                "Pasal 17 huruf h UU 14/2008",
                "12 lembar",
                "Rp500,00",
                "Rp6.000,00",
                "Jumlah perkiraan",
                "Rp16.000,00 (enam belas ribu rupiah)",
                "30 (tiga puluh) hari kerja",
            ],
        ),
        (
            {
                "keputusan": K.DITOLAK,
                "pasal17": ["a", "h"],
                "undang_undang_lain": "UU 17/2023 tentang Kesehatan",
                "konsekuensi": "Rahasia pasien terbuka.",
            },
            [
                "informasi yang dikecualikan",
                "Pasal 17 huruf a, Pasal 17 huruf h UU 14/2008 dan UU 17/2023 tentang Kesehatan",
                "Keputusan PPID Nomor 001/SK-PPID/III/2026",
                "30 (tiga puluh) hari kerja",
            ],
        ),
        (
            {
                "keputusan": K.TIDAK_DIKUASAI,
                "penguasa_informasi": "Kementerian Kesehatan RI",
                "uraian_informasi": "",
            },
            [
                "Informasi yang diminta tidak dikuasai",
                "Informasi tersebut dikuasai oleh Kementerian Kesehatan RI.",
                "30 (tiga puluh) hari kerja",
            ],
        ),
        (
            {
                "keputusan": K.BELUM_DIDOKUMENTASIKAN,
                "uraian_informasi": "Rekap selesai Juni 2026.",
                "tanggal_tersedia": D(2026, 4, 7),
            },
            [
                "tetapi belum didokumentasikan, sehingga belum dapat diberikan",
                "Rekap selesai Juni 2026.",
            ],
        ),
    ],
)
def test_the_written_notice_for_each_outcome(client, p, ppid, pejabat, tarif, putusan, expected):
    if putusan.get("perkiraan_halaman"):
        putusan["perkiraan_tarif"] = tarif
    actions.issue_decision(p, actions.Putusan(**putusan), by=ppid)
    p.refresh_from_db()
    html = teks(Pemberitahuan(p).render_html())
    assert "480/0001/PB-PPID/III/2026" in html
    assert "PEMBERITAHUAN TERTULIS" in html
    assert "Denpasar, 16 Maret 2026" in html
    assert "0001/REG-PPID/III/2026" in html
    # Issue 17: no internal text (the deadline, "tertanggal") on the pemohon's letter.
    assert "Tenggat pemberitahuan tertulis" not in html and "tertanggal" not in html
    assert "Yth. Ni Made Ayu Lestari" in html
    assert "Gede Pramana, S.E., M.T." in html
    for text in expected:
        assert text in html, text
    # Issue 17: the keberatan right on every notice, "diberikan seluruhnya" included
    # (Pasal 35(1) huruf d, f and g still apply).
    assert "mengajukan keberatan secara tertulis kepada Atasan PPID" in html
    pdf(client, ppid, cetak(p, "pemberitahuan"))


def test_the_extension_notice(client, p, ppid, pejabat, golden_day):
    golden_day.move_to(moment(D(2026, 4, 2)))
    actions.extend(p, by=ppid, alasan="Data masih direkap dari kabupaten/kota.")
    p.refresh_from_db()
    html = PemberitahuanPerpanjangan(p).render_html()
    assert "480/0001/PP-PPID/IV/2026" in html
    assert "Denpasar, 2 April 2026" in html
    assert "semula paling lambat Selasa, 7 April 2026" in html
    assert "diperpanjang 7 (tujuh) hari kerja" in html
    assert "paling lambat <strong>Kamis, 16 April 2026</strong>" in html
    assert "Data masih direkap dari kabupaten/kota." in html
    assert "Pasal 22 ayat (8)" in html
    pdf(client, ppid, cetak(p, "perpanjangan"))


def test_the_refusal_decree(client, p, ppid, pejabat):
    actions.issue_decision(
        p,
        actions.Putusan(
            keputusan=K.DITOLAK,
            pasal17=["h"],
            undang_undang_lain="UU 17/2023 tentang Kesehatan, Pasal 4 ayat (1) huruf i",
            konsekuensi="Membuka rekam medis mengungkap rahasia pribadi pasien.",
        ),
        by=ppid,
    )
    p.refresh_from_db()
    html = teks(SkPenolakan(p).render_html())
    assert "NOMOR 001/SK-PPID/III/2026" in html
    assert "PENOLAKAN PERMOHONAN INFORMASI PUBLIK" in html
    assert "NOMOR PENDAFTARAN 0001/REG-PPID/III/2026" in html
    # Issue 17: the article, the law, then what the letter protects.
    # The first citation names the Act in full (LETTERS.md, "Citations").
    assert (
        "Pasal 17 huruf h Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi "
        "Publik (mengungkap rahasia pribadi)"
    ) in html
    assert "UU 17/2023 tentang Kesehatan, Pasal 4 ayat (1) huruf i" in html
    assert "Membuka rekam medis mengungkap rahasia pribadi pasien." in html
    assert "paling lambat 30 (tiga puluh) hari kerja sejak diterimanya Keputusan ini" in html
    assert "Atasan PPID" in html
    assert "pada tanggal 16 Maret 2026" in html
    assert "Senin, 16 Maret 2026" in html
    # The Atasan PPID from the officials table, without the capacity typed into the jabatan.
    assert "kepada Atasan PPID (Sekretaris Daerah Provinsi Bali) paling lambat" in html
    # Mengingat from master data (ppid_manual.DasarHukum), each with its closing semicolon.
    assert "Standar Layanan Informasi Publik;" in html
    pdf(client, ppid, cetak(p, "sk-penolakan"))
    # A keputusan is never issued on no basis: an empty Mengingat is said, not printed.
    DasarHukum.objects.filter(keputusan=DasarHukum.Keputusan.SK_PENOLAKAN).delete()
    with pytest.raises(DasarHukum.DoesNotExist, match="Lengkapi di menu Admin > Dasar hukum"):
        SkPenolakan(p).render_html()


def test_the_handover_receipt_with_the_fee_breakdown(client, p, ppid, petugas, tarif):
    actions.issue_decision(p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    t = actions.hand_over(
        p,
        by=petugas,
        nama_penerima="I Made Kurir",
        cara="kurir",
        jumlah_halaman=12,
        tarif=tarif,
        biaya_pengiriman=Decimal("15000"),
    )
    p.refresh_from_db()
    raw = TandaTerimaPenyerahan(p, penyerahan=t).render_html()
    html = teks(raw)
    assert "TANDA TERIMA PENYERAHAN INFORMASI PUBLIK" in html
    assert "Nomor 0001/TT-PPID/III/2026" in html
    assert "Senin, 16 Maret 2026" in html
    # Figures right-aligned, in the one format of the letters (ppid_manual/format.py).
    assert '<td class="angka">12\u00a0lembar</td>' in raw
    assert '<td class="angka">Rp500,00</td><td class="angka">Rp6.000,00</td>' in raw
    assert '<td class="angka">Rp15.000,00</td>' in raw
    assert "<strong>Rp21.000,00</strong>" in raw
    assert "Peraturan Gubernur Bali Nomor 37 Tahun 2021" in html
    assert "(I Made Kurir)" in html
    pdf(client, petugas, reverse("registrasi:cetak_tanda_terima", args=[p.pk, t.pk]))


def test_a_free_handover_prints_tanpa_biaya(client, p, ppid, petugas):
    actions.issue_decision(p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    t = actions.hand_over(p, by=petugas, nama_penerima="Ni Made Ayu Lestari", cara="email")
    html = TandaTerimaPenyerahan(p, penyerahan=t).render_html()
    assert "<strong>Tanpa biaya.</strong>" in html
    assert "Jumlah dibayar" not in html


def test_no_valid_official_gives_a_clear_message_instead_of_a_letter(client, p, ppid, pejabat):
    # Issue 15: an issued letter is stored at its step and reprinted from the stored bytes,
    # so the official is missing already when the notice is issued (not stored then).
    pejabat["ppid"].berlaku_sampai = D(2026, 3, 1)
    pejabat["ppid"].save()
    actions.issue_decision(
        p,
        actions.Putusan(keputusan=K.BELUM_DIDOKUMENTASIKAN, tanggal_tersedia=D(2026, 4, 7)),
        by=ppid,
    )
    client.force_login(ppid)
    response = client.get(cetak(p, "pemberitahuan"), follow=True)
    assert response.redirect_chain[-1][0] == case_url(p)
    assert (
        "Dokumen tidak dapat dicetak: Tidak ada pejabat PPID yang berlaku pada 16-03-2026. "
        "Lengkapi tabel pejabat di menu Admin." in messages_of(response)
    )


def test_an_old_letter_reprints_with_the_signer_of_its_day(client, p, ppid, pejabat, units):
    actions.issue_decision(
        p,
        actions.Putusan(keputusan=K.BELUM_DIDOKUMENTASIKAN, tanggal_tersedia=D(2026, 4, 7)),
        by=ppid,
    )
    p.refresh_from_db()
    pejabat["ppid"].berlaku_sampai = D(2026, 3, 31)
    pejabat["ppid"].save()
    Pejabat.objects.create(
        nama="Pejabat Baru, S.Kom.",
        jabatan="Kepala Dinas Kominfos selaku PPID",
        unit=units["utama"],
        peran=Pejabat.Peran.PPID,
        berlaku_dari=D(2026, 4, 1),
    )
    with at(D(2026, 5, 4)):
        html = Pemberitahuan(p).render_html()
    assert "Gede Pramana, S.E., M.T." in html
    assert "Pejabat Baru" not in html


def test_html_typed_in_is_printed_escaped(client, golden_day, petugas, ppid, pejabat):
    typed = '<script>alert("x")</script><b>tebal</b>'
    p = register(petugas, pemohon={"nama": typed}, rincian_informasi=typed)
    actions.issue_decision(
        p,
        actions.Putusan(
            keputusan=K.BELUM_DIDOKUMENTASIKAN,
            uraian_informasi=typed,
            tanggal_tersedia=D(2026, 4, 7),
        ),
        by=ppid,
    )
    p.refresh_from_db()
    for html in (FormulirPermohonan(p).render_html(), Pemberitahuan(p).render_html()):
        assert "<script>" not in html
        assert "<b>tebal" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;tebal&lt;/b&gt;" in html
    pdf(client, ppid, cetak(p, "formulir"))


def _two_requests(petugas, ppid, tarif):
    first = register(petugas)
    actions.issue_decision(
        first,
        actions.Putusan(keputusan=K.DITOLAK, pasal17=["h"], konsekuensi="Rahasia pribadi pasien."),
        by=ppid,
    )
    second = register(
        petugas,
        pemohon={
            "nama": "Yayasan Bali Sehat",
            "jenis": "badan_hukum",
            "nik": "",
            "nomor_akta": "AHU-1",
        },
        cara_pengajuan=Permohonan.CaraPengajuan.EMAIL,
    )
    actions.issue_decision(second, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    actions.hand_over(
        second, by=petugas, nama_penerima="Y", cara="mengambil", jumlah_halaman=4, tarif=tarif
    )
    return first, second


def test_the_register_as_a_landscape_pdf(client, golden_day, petugas, ppid, tarif, tmp_path):
    _two_requests(petugas, ppid, tarif)
    rows = register_rows(Permohonan.objects.register(D(2026, 3, 1), D(2026, 3, 31)))
    content = RegisterPermohonan(rows, D(2026, 3, 1), D(2026, 3, 31)).render_pdf()
    (tmp_path / "r.pdf").write_bytes(content)
    info = subprocess.run(["pdfinfo", tmp_path / "r.pdf"], capture_output=True, text=True)
    assert "Page size:       841.89 x 595.276 pts (A4)" in info.stdout  # landscape
    raw = subprocess.run(
        ["pdftotext", tmp_path / "r.pdf", "-"], capture_output=True, text=True
    ).stdout
    text = " ".join(raw.split())
    assert "REGISTER PERMOHONAN INFORMASI PUBLIK" in text
    assert "Periode 1 Maret 2026 sampai dengan 31 Maret 2026" in text
    for column in REGISTER_COLUMNS:
        for word in column.split():
            assert word in text, column
    assert "0001/REG-PPID/III/2026" in text and "0002/REG-PPID/III/2026" in text
    # A cell's lines; pdftotext reads neighbouring cells' lines in between.
    assert "Ditolak" in text and "(informasi" in text and "dikecualikan)" in text
    assert "Pasal 17" in text and "huruf h" in text and "UU 14/2008" in text
    assert "Rp2.000,00" in text
    # Jenis permohonan is the kind of request (issue 17), not how it was submitted.
    assert "Meminta salinan" in text
    assert "Surat elektronik (e-mail)" not in text
    client.force_login(ppid)
    response = client.get(
        reverse("registrasi:register"),
        {"dari": "2026-03-01", "sampai": "2026-03-31", "format": "pdf"},
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_register_as_xlsx(client, golden_day, petugas, ppid, tarif):
    _two_requests(petugas, ppid, tarif)
    client.force_login(ppid)
    response = client.get(
        reverse("registrasi:register"),
        {"dari": "2026-03-01", "sampai": "2026-03-31", "format": "xlsx"},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="register-permohonan-20260301-20260331.xlsx"'
    )
    ws = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Register Permohonan Informasi Publik 1 Maret 2026 s.d. 31 Maret 2026"
    assert rows[2] == (*REGISTER_COLUMNS, "Jumlah biaya dibayar (Rp)")
    first, second = rows[3], rows[4]
    assert first[:4] == (
        1,
        "0001/REG-PPID/III/2026",
        datetime.datetime(2026, 3, 16),
        "Ni Made Ayu Lestari",
    )
    assert first[12] == "Ditolak (informasi dikecualikan)"
    assert first[13] == "Pasal 17 huruf h UU 14/2008"
    assert first[14] == datetime.datetime(2026, 3, 16)
    assert first[15] is None  # refused: no information given
    assert first[16] == "Tanpa biaya"
    assert first[17] == 0
    assert second[1] == "0002/REG-PPID/III/2026"
    assert second[3] == "Yayasan Bali Sehat"
    # Jenis permohonan: melihat or salinan (issue 17), not the cara pengajuan (e-mail).
    assert second[11] == "Meminta salinan"
    assert second[15] == datetime.datetime(2026, 3, 16)  # the day it was handed over
    assert second[16].startswith("Rp2.000,00: penyalinan 4\u00a0lembar ×\u00a0Rp500,00")
    assert second[17] == 2000
    assert len(rows) == 5


def test_the_register_page_and_its_period_check(client, golden_day, petugas, ppid, tarif):
    _two_requests(petugas, ppid, tarif)
    client.force_login(ppid)
    page = client.get(
        reverse("registrasi:register"), {"dari": "2026-03-01", "sampai": "2026-03-31"}
    )
    assert "0002/REG-PPID/III/2026" in page.content.decode()
    bad = client.get(reverse("registrasi:register"), {"dari": "2026-03-31", "sampai": "2026-03-01"})
    assert bad.context["form"].errors["sampai"] == [
        "Tanggal akhir tidak boleh sebelum tanggal awal."
    ]
    empty = client.get(
        reverse("registrasi:register"), {"dari": "2026-04-01", "sampai": "2026-04-30"}
    )
    assert "Tidak ada permohonan terdaftar pada periode ini." in empty.content.decode()


def test_it_shows_the_register_a_page_at_a_time_numbered_on(
    client, golden_day, petugas, ppid, tarif, monkeypatch
):
    monkeypatch.setattr("registrasi.views.PER_HALAMAN_REGISTER", 1)
    _two_requests(petugas, ppid, tarif)
    client.force_login(ppid)
    period = {"dari": "2026-03-01", "sampai": "2026-03-31"}
    first = client.get(reverse("registrasi:register"), period).content.decode()
    assert "0001/REG-PPID/III/2026" in first and "0002/REG-PPID/III/2026" not in first
    assert "2 permohonan terdaftar pada periode ini; baris 1–1 ditampilkan" in first
    assert "?dari=2026-03-01&amp;sampai=2026-03-31&amp;halaman=2" in first
    second = client.get(reverse("registrasi:register"), {**period, "halaman": 2})
    assert [r["no"] for r in second.context["rows"]] == [2]
    assert "0002/REG-PPID/III/2026" in second.content.decode()
    # The PDF and the XLSX keep the whole period.
    xlsx = client.get(reverse("registrasi:register"), {**period, "format": "xlsx"})
    rows = list(openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert len(rows) == 5
