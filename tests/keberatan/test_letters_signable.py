"""Issue 17, the keberatan letters: as an official would sign them (Tata Naskah Dinas, Perki
1/2021).

Every document type printed from complete cases with the longest values the forms accept,
checked page by page with pdftotext; the huruf of UU 14/2008 Pasal 22(7) each outcome cites;
amounts in figures and words; the numbered kuitansi; the kop, number and signer of the issuing
unit; the code on the pemohon's copy."""

from __future__ import annotations

import datetime

from django.urls import reverse

from keberatan.documents import SuratTanggapan
from keberatan.models import Keberatan
from ppid_manual.kode import kode_berkas
from ppid_manual.models import FormatNomor, PolaNomorUnit
from registrasi.models import Permohonan
from tests.helpers import teks_surat

K = Permohonan.Keputusan


def test_the_sekdas_answer_uses_the_sekretariat_daerahs_kop_and_number(desk, holidays_2026):
    from .helpers import buat_permohonan, daftarkan, sampai, tolak_permohonan

    D = datetime.date
    desk.units["setda"].kop = "PEMERINTAH PROVINSI BALI\nSEKRETARIAT DAERAH\nJalan Basuki Rahmat"
    desk.units["setda"].save()
    PolaNomorUnit.objects.create(
        format=FormatNomor.objects.get(jenis=FormatNomor.Jenis.TANGGAPAN_KEBERATAN),
        unit=desk.units["setda"],
        pola="{kode}/{urut:4}/Setda/{bulan}/{tahun}",
        kode_klasifikasi="045.2",
    )
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 16)), D(2026, 3, 16))
    k = daftarkan(desk, D(2026, 3, 17), p)
    k = sampai(desk, k, Keberatan.Status.DITANGGAPI, D(2026, 3, 18))
    assert k.nomor_tanggapan == "045.2/0001/Setda/III/2026"
    html = SuratTanggapan(k).render_html()
    assert "SEKRETARIAT DAERAH" in html and "INFORMATIKA DAN STATISTIK" not in html
    # The jabatan already says "selaku Atasan PPID": printed once.
    assert teks_surat(html).count("selaku Atasan PPID") == 1
    assert "Tembusan:\n<ol><li>PPID Pemerintah Provinsi Bali.</li></ol>" in html
    assert "Arsip" not in html and "Kepada Yth." not in html
    assert "keputusan PPID" in html and "putusan PPID" not in html.replace("keputusan PPID", "")
    assert html.count("Denpasar, 18 Maret 2026") == 1


def test_the_keberatan_form_carries_the_code_and_the_information_of_a_reason_b_case(
    desk, holidays_2026
):
    from keberatan.documents import FormulirKeberatan

    from .helpers import daftarkan

    k = daftarkan(desk, datetime.date(2026, 3, 16))
    html = FormulirKeberatan(k).render_html()
    assert kode_berkas(k.nomor_registrasi) in html
    assert "Laporan keuangan tahunan 2025 (informasi berkala)" in html
    assert "127.0.0.1" not in html and "/keberatan/" not in html


def test_a_badan_hukum_files_a_keberatan_through_the_person_acting_for_it(
    client, desk, holidays_2026
):
    """Perki 1/2021: the formulir keberatan names who acts for a badan hukum, as the formulir
    permohonan does; the desk types it on the intake form."""
    from keberatan.documents import FormulirKeberatan

    from .helpers import daftarkan

    client.force_login(desk.petugas)
    page = client.get(reverse("keberatan:baru"), {"tanpa": "1"}).content.decode()
    assert 'name="penanggung_jawab"' in page

    k = daftarkan(
        desk,
        datetime.date(2026, 3, 16),
        pemohon={
            "jenis": "badan_hukum",
            "nama": "Yayasan Bali Terbuka",
            "nomor_akta": "AHU-0012345.AH.01.04.2020",
            "penanggung_jawab": "I Nyoman Ketua (Ketua Pengurus)",
            "alamat": "Jl. Raya Puputan No. 1, Denpasar",
            "pekerjaan": "Lembaga swadaya masyarakat",
            "telepon": "0361 234567",
        },
    )
    k = Keberatan.objects.get(pk=k.pk)
    assert k.pemohon.penanggung_jawab == "I Nyoman Ketua (Ketua Pengurus)"
    html = FormulirKeberatan(k).render_html()
    assert "Yang bertindak untuk badan hukum" in html
    assert "I Nyoman Ketua (Ketua Pengurus)" in html
