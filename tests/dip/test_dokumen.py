"""The printed documents: the SK DIP with its lampiran, the surat pengantar, the correction
sheets, the recap and the DIK. Content on the rendered HTML; each also as a real PDF."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from dip import actions
from dip.documents import DaftarDik, LembarKoreksi, RekapDip, SkDip, SuratPengantarDip
from ppid_manual.models import DasarHukum
from tests.dip.conftest import HARI_INI, sampai_ditetapkan, sampai_ppid
from tests.helpers import teks_surat


def _pdf(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")
    return response


@pytest.fixture
def adopted(dunia):
    sampai_ditetapkan(dunia)
    dunia.provinsi.refresh_from_db()
    return dunia


def test_the_sk_dip_of_the_province_with_its_lampiran(client, adopted):
    html = SkDip(adopted.provinsi).render_html()
    assert "KEPUTUSAN SEKRETARIS DAERAH PROVINSI BALI SELAKU ATASAN PPID" in html
    assert "NOMOR 001/SK-DIP/Setda/2026" in teks_surat(html)
    assert "DAFTAR INFORMASI PUBLIK PEMERINTAH PROVINSI BALI<br>TAHUN 2026" in html
    assert "pada tanggal</td><td>: 10 Maret 2026" in html
    assert "sebanyak 3 (tiga) informasi publik" in html
    assert "I Wayan Sekda, S.H." in html and "NIP 19700101 199503 1 001" in html
    # Mengingat from master data (ppid_manual.DasarHukum), the law forming the province first;
    # the salinan list after the signature, the PPID from the officials table.
    mengingat = html.split('class="kunci">Mengingat', 1)[1].split("MEMUTUSKAN", 1)[0]
    assert mengingat.index("Undang-Undang Nomor 15 Tahun 2023 tentang Provinsi Bali;") < (
        mengingat.index("Undang-Undang Nomor 14 Tahun 2008")
    )
    assert "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah" in mengingat
    DasarHukum.objects.create(
        keputusan=DasarHukum.Keputusan.SK_DIP,
        urutan=80,
        teks="Keputusan Gubernur Bali Nomor 100/2025 tentang PPID.",
        berlaku_dari=datetime.date(2025, 1, 1),
    )
    html = SkDip(adopted.provinsi).render_html()
    assert "<li>Keputusan Gubernur Bali Nomor 100/2025 tentang PPID;</li></ol>" in html
    salinan = html.split("Salinan Keputusan ini disampaikan kepada Yth.:", 1)[1]
    assert salinan.split("</ol>", 1)[0].strip() == (
        "<ol><li>Gubernur Bali;</li><li>Kepala Dinas Kominfos Provinsi Bali selaku PPID;</li>"
        "<li>Kepala Perangkat Daerah di lingkungan Pemerintah Provinsi Bali;</li>"
        "<li>Ketua Komisi Informasi Provinsi Bali.</li>"
    )
    assert html.index("Salinan Keputusan ini") < html.index('class="lampiran-dip"')
    # the lampiran: its own landscape pages, the table grouped by OPD, numbered on
    assert "@page lampiran" in html and "A4 landscape" in html
    assert "<td>TANGGAL</td><td>:</td><td>10 Maret 2026</td>" in html
    lampiran = html.split('class="lampiran-dip"', 1)[1]
    assert lampiran.index("Dinas Kesehatan") < lampiran.index("Dinas Perhubungan")
    for no, ringkasan in [
        (1, "Rencana Strategis Dinas Kesehatan 2024–2026"),
        (2, "Profil Kesehatan Provinsi Bali 2025"),
        (3, "Data jumlah kendaraan angkutan umum per kabupaten/kota"),
    ]:
        assert f'<td class="no">{no}</td>\n      <td>{ringkasan}</td>' in lampiran
    assert "Softcopy dan hardcopy" in lampiran and "Tersedia setiap saat" in lampiran
    assert "Berkala" in lampiran and "5 tahun" in lampiran and "2024, Denpasar" in lampiran
    client.force_login(adopted.petugas)
    response = _pdf(client, reverse("dip:cetak_sk", args=[adopted.provinsi.pk]))
    assert 'filename="sk-dip-diskominfos-2026.pdf"' in response["Content-Disposition"]


def test_the_sk_dip_of_an_opd_is_signed_by_its_head(client, adopted):
    actions.establish_edisi(adopted.dinkes, by=adopted.pelaksana_dinkes, tanggal_sk=HARI_INI)
    adopted.dinkes.refresh_from_db()
    html = SkDip(adopted.dinkes).render_html()
    assert "KEPUTUSAN KEPALA DINAS KESEHATAN PROVINSI BALI" in html
    assert "NOMOR 001/SK-DIP/Diskes/2026" in teks_surat(html)
    assert "DAFTAR INFORMASI PUBLIK DINAS KESEHATAN<br>TAHUN 2026" in html
    assert "dr. Ketut Suarjaya, M.PPM." in html
    assert "sebanyak 2 (dua) informasi publik" in html
    assert "Data jumlah kendaraan" not in html  # only its own entries
    # A keputusan opens with the kop naskah dinas of its signer's office (Permendagri 1/2023).
    kop = html.split('<table class="kop">', 1)[1].split("</table>", 1)[0]
    assert '<div class="baris-1">DINAS KESEHATAN</div>' in kop
    assert html.index('<table class="kop">') < html.index("KEPUTUSAN KEPALA DINAS KESEHATAN")
    client.force_login(adopted.pelaksana_dinkes)
    _pdf(client, reverse("dip:cetak_sk", args=[adopted.dinkes.pk]))


def test_the_sk_is_not_printed_before_adoption(client, dunia):
    client.force_login(dunia.petugas)
    assert client.get(reverse("dip:cetak_sk", args=[dunia.provinsi.pk])).status_code == 404


def test_the_surat_pengantar(client, adopted):
    actions.issue_pengantar(
        adopted.provinsi,
        by=adopted.ppid,
        tanggal=HARI_INI,
        tujuan="Kepala Bidang Informasi dan Komunikasi Publik",
    )
    adopted.provinsi.refresh_from_db()
    html = SuratPengantarDip(adopted.provinsi).render_html()
    assert "480/0001/DIP/III/2026" in html
    assert "Denpasar, 10 Maret 2026" in html
    assert "Yth. Kepala Bidang Informasi dan Komunikasi Publik" in html
    assert "Penyampaian Daftar Informasi Publik Pemerintah Provinsi Bali Tahun 2026" in html
    assert "Nomor 001/SK-DIP/Setda/2026 tanggal 10 Maret 2026" in teks_surat(html)
    assert "memuat 3 (tiga) informasi publik" in html
    assert "1 (satu) berkas" in html
    assert "Gede Pramana, S.E., M.T." in html  # the PPID signs
    assert "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK" in html  # the PPID's letterhead
    client.force_login(adopted.ppid)
    _pdf(client, reverse("dip:cetak_pengantar", args=[adopted.provinsi.pk]))


def test_the_correction_sheets_keep_every_note(client, dunia):
    sampai_ppid(dunia)
    info = dunia.dinkes.informasi.first()
    actions.return_informasi(info, by=dunia.ppid, catatan="Sebutkan tahun anggaran.")
    actions.return_pengajuan(dunia.dishub, by=dunia.ppid, catatan="Tambahkan DIP UPTD.")
    actions.return_to_petugas(dunia.provinsi, by=dunia.ppid, catatan="Dua PD dikoreksi.")
    actions.forward_koreksi(dunia.dinkes, by=dunia.petugas)
    actions.submit_edisi(dunia.dinkes, by=dunia.pelaksana_dinkes)

    html = LembarKoreksi(dunia.provinsi).render_html()
    assert "LEMBAR KOREKSI DAFTAR INFORMASI PUBLIK" in html
    for text in ("Sebutkan tahun anggaran.", "Tambahkan DIP UPTD.", "Dua PD dikoreksi."):
        assert text in html
    assert "Rencana Strategis Dinas Kesehatan 2024–2026" in html  # the entry as it read
    assert "Seluruh daftar" in html  # a note on a whole submission
    assert "Ditindaklanjuti 10 Maret 2026" in html  # Dinkes resubmitted
    assert html.count("Belum ditindaklanjuti") == 2  # Dishub and the province's own note
    assert "10 Maret 2026" in html and "(PPID)" in html
    only_dinkes = LembarKoreksi(dunia.dinkes).render_html()
    assert "Tambahkan DIP UPTD." not in only_dinkes
    client.force_login(dunia.pelaksana_dinkes)
    _pdf(client, reverse("dip:cetak_koreksi", args=[dunia.dinkes.pk]))


def test_the_recap_for_review(client, dunia):
    sampai_ppid(dunia)
    actions.return_informasi(
        dunia.dinkes.informasi.first(), by=dunia.ppid, catatan="Judul terlalu umum."
    )
    dunia.provinsi.refresh_from_db()
    html = RekapDip(dunia.provinsi).render_html()
    assert "REKAPITULASI DAFTAR INFORMASI PUBLIK" in html
    assert "Status: Diajukan ke PPID · 3 (tiga) informasi publik" in html
    assert "<td>Dinas Kesehatan</td><td>Dikoreksi PPID</td><td>2</td>" in html
    assert "<td>Dinas Perhubungan</td><td>Direkap petugas</td><td>1</td>" in html
    assert "Judul terlalu umum." in html
    client.force_login(dunia.ppid)
    _pdf(client, reverse("dip:cetak_rekap", args=[dunia.provinsi.pk]))


@pytest.fixture
def dik(dunia):
    return actions.establish_dik(
        by=dunia.ppid,
        data={
            "informasi": "Rekam medis pasien RSUD",
            "opd": dunia.units["dinkes"],
            "pasal17": "h",
            "undang_undang_lain": "UU 17/2023 tentang Kesehatan, Pasal 177",
            "konsekuensi": "Membuka rekam medis mengungkap rahasia pribadi pasien.",
            "kepentingan_publik": "Tidak ada kepentingan umum atas rekam medis seseorang.",
            "jangka_waktu": "Selama pasien hidup",
            "dasar_penetapan": "Penetapan PPID Nomor 01/DIK/2026",
            "ditetapkan_pada": HARI_INI,
            "aktif": True,
        },
    )


def test_the_dik_list(client, dunia, dik):
    # Without a list given (the page and the specimen book): every entry in force.
    html = DaftarDik().render_html()
    assert "DAFTAR INFORMASI YANG DIKECUALIKAN" in html
    assert "Rekam medis pasien RSUD" in html
    assert "Pasal 17 huruf h UU 14/2008; UU 17/2023 tentang Kesehatan, Pasal 177" in html
    assert "Membuka rekam medis mengungkap rahasia pribadi pasien." in html
    assert "Selama pasien hidup" in html and "10 Maret 2026" in html
    # A working list: numbered, unsigned, no account named; the DIK is adopted by keputusan.
    assert '<td class="no">1</td>' in html
    assert "Gede Pramana" not in html
    assert "Daftar ini bukan penetapan" in html
    client.force_login(dunia.petugas)
    _pdf(client, reverse("dip:dik_cetak"))


def test_the_uji_konsekuensi_sheet(client, dunia, dik):
    from dip.documents import UjiKonsekuensi

    html = UjiKonsekuensi(dik).render_html()
    assert "LEMBAR UJI KONSEKUENSI" in html
    assert (
        "huruf h — Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi "
        "Publik dapat mengungkap rahasia pribadi" in html
    )
    assert "Penetapan PPID Nomor 01/DIK/2026" in html
    assert "Denpasar, 10 Maret 2026" in html
    client.force_login(dunia.pelaksana_dinkes)
    _pdf(client, reverse("dip:dik_cetak_uji", args=[dik.pk]))


def test_a_document_without_a_signer_is_an_error_not_an_unsigned_pdf(client, dunia, dik):
    dunia.pejabat["ppid"].delete()
    client.force_login(dunia.ppid)
    response = client.get(reverse("dip:dik_cetak_uji", args=[dik.pk]), follow=True)
    assert response["Content-Type"].startswith("text/html")
    assert "Tidak ada pejabat PPID yang berlaku pada 10-03-2026" in response.content.decode()
