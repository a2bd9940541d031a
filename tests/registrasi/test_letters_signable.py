"""Issue 17, the permohonan letters: as an official would sign them (Tata Naskah Dinas, Perki
1/2021).

Every document type printed from complete cases with the longest values the forms accept,
checked page by page with pdftotext; the huruf of UU 14/2008 Pasal 22(7) each outcome cites;
amounts in figures and words; the numbered kuitansi; the kop, number and signer of the issuing
unit; the code on the pemohon's copy."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from ppid_manual.models import FormatNomor, Pejabat, PolaNomorUnit
from registrasi import actions
from registrasi.documents import Kuitansi, Pemberitahuan, TandaTerimaPenyerahan
from registrasi.models import Permohonan
from tests.helpers import teks_surat

from .conftest import form_data, register

K = Permohonan.Keputusan
JUDUL_UU_KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"


# --- Deliver 3: the huruf of Pasal 22(7) per outcome ------------------------------------------

HURUF = [
    (K.DIBERIKAN_SELURUHNYA, "huruf a, huruf c, huruf d, huruf f, dan huruf g", {}),
    (
        K.DIBERIKAN_SEBAGIAN,
        "huruf a, huruf c, huruf d, huruf e, huruf f, dan huruf g",
        {"bagian_dihitamkan": "Nama anak", "pasal17": ["h"], "konsekuensi": "Data anak."},
    ),
    (K.DITOLAK, "huruf a dan huruf c", {"pasal17": ["h"], "konsekuensi": "Rahasia pasien."}),
    (K.TIDAK_DIKUASAI, "huruf a dan huruf b", {"penguasa_informasi": "Kementerian Kesehatan"}),
    (
        K.BELUM_DIDOKUMENTASIKAN,
        "huruf a dan huruf c",
        {"tanggal_tersedia": datetime.date(2026, 4, 7)},
    ),
]


@pytest.mark.parametrize("keputusan, huruf, extra", HURUF)
def test_each_outcome_cites_the_huruf_of_pasal_22_7_that_fit_it(
    golden_day, petugas, ppid, pejabat, keputusan, huruf, extra
):
    p = register(petugas)
    actions.issue_decision(
        p, actions.Putusan(keputusan=keputusan, uraian_informasi="Rekap", **extra), by=ppid
    )
    p.refresh_from_db()
    html = Pemberitahuan(p).render_html()
    # The huruf, then the Act: its full title at the letter's first citation.
    assert f"Pasal 22 ayat (7) {huruf} {JUDUL_UU_KIP}, sebagai berikut" in html
    # Huruf a: the notice states penguasaan; huruf b only when not held.
    assert "<strong>Penguasaan informasi</strong> (huruf a" in html
    if keputusan == K.TIDAK_DIKUASAI:
        assert "(huruf a dan huruf b)" in html
        assert "Informasi tersebut dikuasai oleh Kementerian Kesehatan." in html
    else:
        assert "huruf b" not in html
    if keputusan in (K.DIBERIKAN_SELURUHNYA, K.DIBERIKAN_SEBAGIAN):
        assert "(huruf d)" in html and "(huruf f)" in html and "(huruf g;" in html
        assert ("(huruf e)" in html) == (keputusan == K.DIBERIKAN_SEBAGIAN)
    if keputusan == K.BELUM_DIDOKUMENTASIKAN:
        assert "diberikan kepada Saudara paling lambat Selasa, 7 April 2026</strong>" in html
    if keputusan == K.DITOLAK:
        assert "Lampiran</td><td>:</td><td>1 (satu) berkas" in html
    else:
        assert "Lampiran</td><td>:</td><td>-" in html
    # The keberatan right on every notice; no internal text; the addressee once, Yth.
    assert "mengajukan keberatan secara tertulis kepada Atasan PPID" in html
    assert "Tenggat pemberitahuan" not in html and "tertanggal" not in html
    assert "Kepada Yth." not in html and html.count("Yth. ") == 1
    assert html.count("Denpasar, 16 Maret 2026") == 1  # the date once, in the letter head


def test_the_notice_states_bentuk_format_and_how_to_pay_with_the_amount_in_words(
    golden_day, petugas, ppid, pejabat, tarif
):
    p = register(petugas)
    actions.issue_decision(
        p,
        actions.Putusan(
            keputusan=K.DIBERIKAN_SELURUHNYA,
            bentuk_informasi=Permohonan.BentukInformasi.SOFTCOPY,
            format_informasi="PDF, 12 halaman",
            cara_pembayaran=Permohonan.CaraPembayaran.TRANSFER,
            perkiraan_halaman=12,
            perkiraan_tarif=tarif,
            perkiraan_biaya_kirim=Decimal("5000"),
        ),
        by=ppid,
    )
    p.refresh_from_db()
    assert p.bentuk_informasi == "softcopy" and p.cara_pembayaran == "transfer"
    html = Pemberitahuan(p).render_html()
    assert "Salinan elektronik (<i>softcopy</i>), format PDF, 12 halaman" in html
    assert "Rp11.000,00 (sebelas ribu rupiah)" in html
    assert "dibayar dengan cara transfer ke Rekening Kas Umum Daerah Provinsi Bali" in html
    # The bentuk is the decision's, not the way the pemohon asked to obtain it.
    assert "Bentuk informasi</td><td>: Mendapatkan salinan" not in html


# --- Deliver 4: the kuitansi ---


def test_a_paid_handover_gets_a_numbered_kuitansi_and_a_free_one_none(
    client, golden_day, petugas, ppid, pejabat, tarif
):
    p = register(petugas)
    actions.issue_decision(p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    t = actions.hand_over(
        p,
        by=petugas,
        nama_penerima="Ni Made Ayu Lestari",
        cara="mengambil",
        jumlah_halaman=12,
        tarif=tarif,
        biaya_pengiriman=Decimal("5000"),
        cara_pembayaran=Permohonan.CaraPembayaran.TUNAI,
    )
    assert t.nomor_kuitansi == "0001/KW-PPID/III/2026"
    assert FormatNomor.objects.get(jenis=FormatNomor.Jenis.KUITANSI)
    html = Kuitansi(p, penyerahan=t).render_html()
    assert "KUITANSI" in html and "Nomor 0001/KW-PPID/III/2026" in teks_surat(html)
    assert "Sebelas ribu rupiah" in html
    assert "Rp11.000,00 (sebelas ribu rupiah)" in html
    assert "Tunai di meja layanan PPID" in html
    assert t.nomor in html and p.nomor_pendaftaran in html
    receipt = TandaTerimaPenyerahan(p, penyerahan=t).render_html()
    assert "Jumlah dibayar: <strong>Rp11.000,00 (sebelas ribu rupiah)</strong>" in receipt
    assert "kuitansi nomor 0001/KW-PPID/III/2026" in teks_surat(receipt)
    client.force_login(petugas)
    url = reverse("registrasi:cetak_kuitansi", args=[p.pk, t.pk])
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")

    q = register(petugas, pemohon={"nik": "5171014107900002", "nama": "Gratis"})
    actions.issue_decision(q, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    free = actions.hand_over(q, by=petugas, nama_penerima="Gratis", cara="email")
    assert free.nomor_kuitansi is None and free.cara_pembayaran == ""
    assert client.get(reverse("registrasi:cetak_kuitansi", args=[q.pk, free.pk])).status_code == 404


# --- Deliver 2: the kop, number and signer of the issuing unit ----------------------------------


def test_a_ppid_pelaksanas_direct_answer_uses_its_opds_kop_number_and_official(
    golden_day, units, pelaksana_dinkes, pejabat
):
    units["dinkes"].kop = "PEMERINTAH PROVINSI BALI\nDINAS KESEHATAN\nJalan Melati No. 20"
    units["dinkes"].save()
    PolaNomorUnit.objects.create(
        format=FormatNomor.objects.get(jenis=FormatNomor.Jenis.PEMBERITAHUAN),
        unit=units["dinkes"],
        pola="{kode}/{urut:4}/PB-{unit}/{bulan}/{tahun}",
        kode_klasifikasi="480",
    )
    sekdis = Pejabat.objects.create(
        nama="Ni Luh Sekdis, S.K.M.",
        nip="19750303 200003 2 004",
        jabatan="Sekretaris Dinas Kesehatan Provinsi Bali",
        selaku="selaku PPID Pelaksana",
        unit=units["dinkes"],
        peran=Pejabat.Peran.PPID_PELAKSANA,
        berlaku_dari=datetime.date(2023, 1, 1),
    )
    p = register(pelaksana_dinkes)
    actions.answer_directly(
        p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=pelaksana_dinkes
    )
    p.refresh_from_db()
    assert p.unit_pemberitahuan == units["dinkes"]
    assert p.nomor_pemberitahuan == "480/0001/PB-Diskes/III/2026"
    html = Pemberitahuan(p).render_html()
    assert "DINAS KESEHATAN" in html and "INFORMATIKA DAN STATISTIK" not in html
    assert sekdis.nama in html and "NIP 19750303 200003 2 004" in html
    assert "Sekretaris Dinas Kesehatan Provinsi Bali selaku PPID Pelaksana," in teks_surat(html)
    assert pejabat["ppid"].nama not in html


def test_the_formulir_names_who_acts_for_a_badan_hukum_and_dates_the_signatures(
    client, golden_day, petugas
):
    from registrasi.documents import FormulirPermohonan

    data = form_data(
        jenis="badan_hukum",
        nama="Yayasan Bali Sehat",
        nik="",
        nomor_akta="AHU-0012345.AH.01.04.Tahun 2020",
        penanggung_jawab="I Gusti Ngurah Ketua",
    )
    client.force_login(petugas)
    response = client.post(reverse("registrasi:baru"), data)
    assert response.status_code == 302
    p = Permohonan.objects.get()
    assert p.pemohon.penanggung_jawab == "I Gusti Ngurah Ketua"
    html = FormulirPermohonan(p).render_html()
    assert "Yang bertindak untuk badan hukum</td><td>: I Gusti Ngurah Ketua" in html
    # The place and date above the two signatures, on each copy.
    assert html.count('<div class="tempat-tanggal-ttd">Denpasar, 16 Maret 2026</div>') == 2
