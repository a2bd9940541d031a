"""Laporan Layanan Informasi Publik: figures on a fixed data set computed by hand."""

from __future__ import annotations

import io
from types import SimpleNamespace

import openpyxl
import pytest
from django.urls import reverse

from keberatan.models import Keberatan
from layanan import laporan
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai

K = Permohonan.Keputusan


pytestmark = pytest.mark.usefixtures("holidays_2026")


def putus(desk, p, day, keputusan, **kw):
    with at(day):
        return reg.issue_decision(
            Permohonan.objects.get(pk=p.pk), reg.Putusan(keputusan=keputusan, **kw), by=desk.ppid
        )


@pytest.fixture
def data_2026(desk):
    """Hand-counted working days (day 0 = registration):
    p1 16 Mar → 7 Apr: 10 hk across Nyepi, Idul Fitri and cuti bersama, Wafat Yesus Kristus.
    p2 16 Mar, extended on 6 Apr, refused 15 Apr (Pasal 17 a, h): 16 hk.
    p3  4 May → 8 May given in part: 4 hk.      p4 4 May → 11 May not held: 5 hk.
    p8  4 May → 6 May given in full: 2 hk.
    p5  1 Jun, never answered: overdue (deadline 15 Jun).   p6 2 Jun, withdrawn.
    p7 registered in 2025: outside the period."""
    nik = iter(f"51710141079000{n:02d}" for n in range(10, 30))
    p1 = buat_permohonan(desk, D(2026, 3, 16), nik=next(nik))
    putus(desk, p1, D(2026, 4, 7), K.DIBERIKAN_SELURUHNYA, uraian_informasi="Data terlampir.")
    p2 = buat_permohonan(desk, D(2026, 3, 16), nik=next(nik))
    with at(D(2026, 4, 6)):
        reg.extend(p2, by=desk.ppid, alasan="Dokumen tersebar di beberapa bidang.")
    putus(
        desk,
        p2,
        D(2026, 4, 15),
        K.DITOLAK,
        pasal17=["a", "h"],
        konsekuensi="Menghambat penyidikan dan membuka rahasia pribadi.",
    )
    p3 = buat_permohonan(desk, D(2026, 5, 4), nik=next(nik))
    putus(
        desk,
        p3,
        D(2026, 5, 8),
        K.DIBERIKAN_SEBAGIAN,
        bagian_dihitamkan="Nomor rekening",
        pasal17=["h"],
        konsekuensi="Membuka rahasia pribadi.",
        uraian_informasi="Sebagian.",
    )
    p4 = buat_permohonan(desk, D(2026, 5, 4), nik=next(nik))
    putus(desk, p4, D(2026, 5, 11), K.TIDAK_DIKUASAI, penguasa_informasi="BPS Provinsi Bali")
    p8 = buat_permohonan(desk, D(2026, 5, 4), nik=next(nik))
    putus(desk, p8, D(2026, 5, 6), K.DIBERIKAN_SELURUHNYA, uraian_informasi="Data terlampir.")
    buat_permohonan(desk, D(2026, 6, 1), nik=next(nik))
    p6 = buat_permohonan(desk, D(2026, 6, 2), nik=next(nik))
    with at(D(2026, 6, 3)):
        reg.withdraw(p6, by=desk.petugas, note="Pemohon tidak memerlukan lagi.")
    buat_permohonan(desk, D(2025, 11, 3), nik=next(nik))
    # One keberatan on the refusal (reason a), upheld, then a sengketa; one on reason b.
    k1 = daftarkan(desk, D(2026, 4, 20), Permohonan.objects.get(pk=p2.pk))
    sampai(desk, k1, Keberatan.Status.DITANGGAPI, D(2026, 4, 22))
    daftarkan(desk, D(2026, 5, 4), alasan=[Keberatan.Alasan.B])
    return SimpleNamespace(p1=p1, p2=p2)


def test_the_annual_report_figures_match_the_hand_count(desk, data_2026):
    with at(D(2026, 7, 1)):
        angka = laporan.compute(2026, "tahunan")
    assert angka.permohonan == 7
    assert angka.selesai_diputus == 5
    assert angka.masih_berjalan == 1
    assert angka.ditarik == 1
    assert angka.diperpanjang == 1
    assert angka.melewati_tenggat == 1
    waktu = {w.keputusan: w for w in angka.waktu}
    assert (
        waktu[K.DIBERIKAN_SELURUHNYA].jumlah,
        waktu[K.DIBERIKAN_SELURUHNYA].rata_rata,
        waktu[K.DIBERIKAN_SELURUHNYA].median,
        waktu[K.DIBERIKAN_SELURUHNYA].terlama,
    ) == (2, 6.0, 6.0, 10)
    assert (waktu[K.DITOLAK].jumlah, waktu[K.DITOLAK].terlama) == (1, 16)
    assert (waktu[K.DIBERIKAN_SEBAGIAN].jumlah, waktu[K.DIBERIKAN_SEBAGIAN].median) == (1, 4)
    assert (waktu[K.TIDAK_DIKUASAI].jumlah, waktu[K.TIDAK_DIKUASAI].median) == (1, 5)
    assert waktu[K.BELUM_DIDOKUMENTASIKAN].jumlah == 0
    alasan = dict(angka.alasan_penolakan)
    assert alasan["Pasal 17 huruf a. menghambat proses penegakan hukum"] == 1
    # A partial grant is not a refusal: the refusals' table counts p2 (refused on a and h)
    # only; p3's closed part (h) has its own table.
    assert alasan["Pasal 17 huruf h. mengungkap rahasia pribadi"] == 1
    assert sum(n for label, n in angka.alasan_penolakan if label.startswith("Pasal 17")) == 2
    assert angka.ditolak == 1
    sebagian = dict(angka.pengecualian_sebagian)
    assert sebagian["Pasal 17 huruf h. mengungkap rahasia pribadi"] == 1
    assert sum(sebagian.values()) == 1 == angka.jumlah_sebagian
    # "Tidak dikuasai" is a decision of its own, not a ground of refusal.
    assert "Informasi tidak dikuasai" not in alasan
    assert angka.keberatan == 2
    keb_alasan = dict(angka.keberatan_alasan)
    assert keb_alasan[Keberatan.Alasan.A.label] == 1
    assert keb_alasan[Keberatan.Alasan.B.label] == 1
    assert dict(angka.keberatan_putusan)[Keberatan.Keputusan.DITOLAK.label] == 1
    assert angka.keberatan_belum_ditanggapi == 1
    # The pemohon's stance on the answer is its own table: k1 answered, nothing recorded.
    assert dict(angka.keberatan_sikap) == {
        Keberatan.SikapPemohon.MENERIMA.label: 0,
        Keberatan.SikapPemohon.SENGKETA.label: 0,
        "Belum tercatat": 1,
    }
    assert angka.sengketa == 0 and angka.sengketa_daftar == []


def test_a_semester_and_an_opd_narrow_the_figures(desk, data_2026):
    with at(D(2026, 7, 1)):
        assert laporan.compute(2026, "semester2").permohonan == 0
        assert laporan.compute(2025, "semester2").permohonan == 1
        # Every request was registered at the PPID Utama desk; none was routed to Dishub.
        assert laporan.compute(2026, "tahunan", desk.units["dishub"]).permohonan == 0
        assert laporan.compute(2026, "tahunan", desk.units["utama"]).permohonan == 7


def test_the_report_page_pdf_and_xlsx(client, desk, data_2026):
    client.force_login(desk.ppid)
    url = reverse("laporan")
    params = {"tahun": "2026", "periode": "tahunan", "unit": ""}
    with at(D(2026, 7, 1)):
        page = client.get(url, params)
        assert page.status_code == 200
        assert "Laporan Layanan Informasi Publik" in page.content.decode()
        response = client.post(
            f"{url}?tahun=2026&periode=tahunan&unit=",
            {
                "gambaran_umum": "Layanan manual <b>berjalan</b> baik.",
                "kendala": "Listrik padam dua kali.",
                "rekomendasi": "UPS.",
            },
        )
        assert response.status_code == 302
        pdf = client.get(url, {**params, "format": "pdf"})
        xlsx = client.get(url, {**params, "format": "xlsx"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # Issue 25: the chain's head and the count of events when printed.
    import subprocess

    from ppid_manual import rantai

    text = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=pdf.content, capture_output=True, check=True
    ).stdout.decode()
    urut, head = rantai.kepala()
    assert f"Kode integritas riwayat: {head} ({urut} riwayat saat dicetak)." in " ".join(
        text.split()
    )
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    rows = {r[0]: r[1] for r in book["Ringkasan"].iter_rows(values_only=True) if r and r[0]}
    assert rows["Jumlah permohonan terdaftar"] == 7
    assert rows["Melewati jangka waktu pemberitahuan"] == 1
    assert (rows["Permohonan ditolak"], rows["Permohonan diberikan sebagian"]) == (1, 1)
    # The refusals' grounds and the partial grants' closed parts: apart, as on the page.
    alasan = {r[0]: r[1] for r in book["Alasan penolakan"].iter_rows(min_row=2, values_only=True)}
    assert alasan["Pasal 17 huruf h. mengungkap rahasia pribadi"] == 1
    sebagian = {
        r[0]: r[1] for r in book["Pengecualian sebagian"].iter_rows(min_row=2, values_only=True)
    }
    assert sebagian["Pasal 17 huruf h. mengungkap rahasia pribadi"] == 1
    waktu = list(book["Waktu layanan"].iter_rows(values_only=True))
    assert waktu[1][:5] == (K.DIBERIKAN_SELURUHNYA.label, 2, 6, 6, 10)


def test_the_report_html_escapes_the_narrative_and_draws_svg(client, desk, data_2026):
    from layanan.documents import LaporanLayananDokumen
    from layanan.models import LaporanLayanan

    with at(D(2026, 7, 1)):
        angka = laporan.compute(2026, "tahunan")
    narasi = LaporanLayanan(tahun=2026, periode="tahunan", gambaran_umum="<script>x</script>")
    from layanan import charts

    html = LaporanLayananDokumen(
        angka=angka,
        narasi=narasi,
        grafik={
            "keputusan": charts.bar_chart([(w.label, w.jumlah) for w in angka.waktu], title="K"),
            "penolakan": charts.bar_chart(angka.alasan_penolakan, title="P"),
            "keberatan": charts.bar_chart(angka.keberatan_alasan, title="B"),
        },
    ).render_html()
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert html.count("<svg") == 3
    assert "Tahunan 2026" in html


def test_a_pelaksana_sees_only_its_own_opd(client, desk, data_2026):
    client.force_login(desk.dinkes)
    with at(D(2026, 7, 1)):
        other = client.get(
            reverse("laporan"),
            {"tahun": "2026", "periode": "tahunan", "unit": str(desk.units["utama"].pk)},
        )
        own = client.get(reverse("laporan"))
    assert other.status_code == 200
    assert "angka" not in other.context or other.context.get("angka") is None
    assert own.context["angka"].unit == desk.units["dinkes"]
    assert "Pemerintah Provinsi Bali (seluruh OPD)" not in own.content.decode()


def test_the_printed_report_is_signed_and_has_no_addressee(desk, data_2026):
    """The report is signed by the PPID in office and carries no "Yth.", number or tembusan
    (its surat pengantar does); every chart label is printed whole."""
    from layanan import charts
    from layanan.documents import LaporanLayananDokumen
    from layanan.models import LaporanLayanan

    with at(D(2026, 7, 1)):
        angka = laporan.compute(2026, "tahunan")
        doc = LaporanLayananDokumen(
            angka=angka,
            narasi=LaporanLayanan(tahun=2026, periode="tahunan"),
            grafik={"penolakan": charts.bar_chart(angka.alasan_penolakan, title="P")},
        )
        html = doc.render_html()
        pdf = doc.render_pdf()
    assert "Yth." not in html and "Tembusan" not in html and "<td>Nomor</td>" not in html
    assert desk.pejabat["ppid"].nama in html  # the signature block
    assert pdf.startswith(b"%PDF")
    # The longest Pasal 17 label, whole (wrapped on words, not cut at 45 characters).
    longest = max((label for label, _ in angka.alasan_penolakan), key=len)
    assert len(longest) > 45
    svg = str(charts.bar_chart(angka.alasan_penolakan, title="P"))
    assert all(word in svg for word in longest.split())


def test_the_parts_follow_the_perki_in_its_order_and_words(desk, data_2026):
    """Perki 1/2021: policy; how the service ran (facilities, staff, budget); the requests;
    the keberatan and sengketa; obstacles; recommendations. The same parts on the page."""
    from layanan.documents import LaporanLayananDokumen
    from layanan.models import LaporanLayanan
    from ppid_manual import hukum

    narasi = LaporanLayanan(
        tahun=2026,
        periode="tahunan",
        gambaran_umum="KEBIJAKAN-X",
        sarana_prasarana="SARANA-X",
        sumber_daya_manusia="SDM-X",
        anggaran="ANGGARAN-X",
        pelaksanaan_keberatan="KEBERATAN-X",
        # Typed before each outcome recorded its own pelaksanaan: kept and printed as a note.
        pelaksanaan_sengketa="SENGKETA-X",
        pelaksanaan_putusan_pengadilan="PENGADILAN-X",
        kendala="KENDALA-X",
        rekomendasi="REKOMENDASI-X",
    )
    with at(D(2027, 1, 4)):
        angka = laporan.compute(2026, "tahunan")
        html = LaporanLayananDokumen(angka=angka, narasi=narasi, grafik={}).render_html()
    urutan = [
        hukum.LAPORAN_BAGIAN["kebijakan"],
        "KEBIJAKAN-X",
        hukum.LAPORAN_BAGIAN["pelaksanaan"],
        "SARANA-X",
        "SDM-X",
        "ANGGARAN-X",
        hukum.LAPORAN_BAGIAN["rincian"],
        "Alasan penolakan",
        hukum.LAPORAN_BAGIAN["sengketa"],
        "Tanggapan Atasan PPID",
        "KEBERATAN-X",
        "Jumlah permohonan penyelesaian sengketa ke Komisi Informasi",
        "Hasil mediasi dan putusan ajudikasi Komisi Informasi dan pelaksanaannya",
        "Hasil sengketa di Komisi Informasi",
        "Jumlah gugatan yang diajukan ke pengadilan",
        "Gugatan atas putusan",
        "Hasil putusan pengadilan dan pelaksanaannya",
        "Putusan pengadilan",
        "SENGKETA-X",
        "PENGADILAN-X",
        hukum.LAPORAN_BAGIAN["kendala"],
        "KENDALA-X",
        hukum.LAPORAN_BAGIAN["rekomendasi"],
        "REKOMENDASI-X",
    ]
    posisi = [html.index(teks) for teks in urutan]
    assert posisi == sorted(posisi)
    # Every table names its columns in a heading row (repeated on each page it runs onto).
    assert html.count('<table class="grid">') == html.count("<thead>")


def test_a_sengketa_after_no_answer_counts_with_the_sengketa_not_against_the_answers(client, desk):
    """Pasal 36(2) lapsed with no answer, the pemohon went to the Komisi Informasi: the
    sengketa is counted, the answers' table has none, and nothing is counted twice."""
    from tests.keberatan.helpers import langkah

    k = daftarkan(desk, D(2026, 3, 16))
    langkah(
        client,
        desk.petugas,
        k,
        "catat_sengketa_tanpa_tanggapan",
        {"tanggal_sengketa": "2026-05-07", "nomor_register": "020/V/KI-Bali/2026"},
        D(2026, 5, 7),
        to=Keberatan.Status.SENGKETA,
    )
    with at(D(2026, 7, 1)):
        angka = laporan.compute(2026, "semester1")
    assert angka.sengketa == 1 and angka.sengketa_belum_ada_hasil == 1
    assert sum(n for _, n in angka.keberatan_putusan) == 0
    assert dict(angka.keberatan_sikap) == {
        Keberatan.SikapPemohon.MENERIMA.label: 0,
        Keberatan.SikapPemohon.SENGKETA.label: 1,
        "Belum tercatat": 0,
    }
    [baris] = angka.sengketa_daftar
    assert baris.nomor_register_ki == "020/V/KI-Bali/2026" and baris.tahapan == []


def test_a_sengketa_counts_in_the_period_it_was_filed_with_the_komisi(client, desk):
    """A keberatan received in June, answered, taken to the Komisi Informasi in July: the
    keberatan is Semester I's, the sengketa Semester II's (its own filing date), and the
    Tahunan has each once."""
    from tests.keberatan.helpers import langkah

    k = sampai(desk, daftarkan(desk, D(2026, 6, 15)), Keberatan.Status.DITANGGAPI, D(2026, 6, 17))
    langkah(
        client,
        desk.petugas,
        k,
        "catat_sengketa",
        {"tanggal_sengketa": "2026-07-06", "nomor_register": "031/VII/KI-Bali-PS/2026"},
        D(2026, 7, 6),
        to=Keberatan.Status.SENGKETA,
    )
    with at(D(2027, 1, 4)):
        satu, dua, tahun = (laporan.compute(2026, p) for p in ("semester1", "semester2", "tahunan"))
    assert (satu.keberatan, satu.sengketa, satu.sengketa_daftar) == (1, 0, [])
    # The pemohon's stance stays with the keberatan it answers (counted by receipt).
    assert dict(satu.keberatan_sikap)[Keberatan.SikapPemohon.SENGKETA.label] == 1
    assert (dua.keberatan, dua.sengketa, dua.sengketa_belum_ada_hasil) == (0, 1, 1)
    [baris] = dua.sengketa_daftar
    assert (baris.nomor_register_ki, baris.tanggal_sengketa) == (
        "031/VII/KI-Bali-PS/2026",
        D(2026, 7, 6),
    )
    assert (tahun.keberatan, tahun.sengketa) == (1, 1)
    # An OPD's report counts the sengketa of its own requests only.
    with at(D(2027, 1, 4)):
        assert laporan.compute(2026, "semester2", desk.units["dishub"]).sengketa == 0
