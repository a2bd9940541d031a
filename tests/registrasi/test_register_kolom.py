"""The Register Permohonan's columns hold what their Perki 1/2021 headings say
(registrasi/register.py; issue 17): status informasi = penguasaan, bentuk = softcopy/hardcopy,
jenis = melihat or salinan, keputusan as in the notice, the notice's day and date, the cost
with its breakdown and how it is paid. One case of each outcome, read through the register's
own query, as the PDF, the XLSX and the page read it."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from registrasi import actions
from registrasi.models import Permohonan, SuratPermintaan
from registrasi.register import REGISTER_COLUMNS, register_rows
from tests.helpers import D
from tests.registrasi.conftest import register

K = Permohonan.Keputusan
CM = Permohonan.CaraMemperoleh


def rows_by_nomor() -> dict[str, dict]:
    qs = Permohonan.objects.register(D(2026, 3, 1), D(2026, 3, 31))
    return {r["nomor"]: {k: _plain(v) for k, v in r.items()} for r in register_rows(qs)}


def _plain(value):
    # A count and its unit, "×" and "=" with the amount after them, are held together with
    # no-break spaces in the printed register.
    return value.replace("\u00a0", " ") if isinstance(value, str) else value


@pytest.fixture
def cases(golden_day, petugas, ppid, pelaksana_dinkes, units, tarif):
    c = {}
    c["baru"] = register(petugas)

    c["jawaban_opd"] = register(petugas)
    actions.route_to_opd(c["jawaban_opd"], by=ppid, unit=units["dinkes"])
    actions.record_opd_answer(
        Permohonan.objects.get(pk=c["jawaban_opd"].pk),
        by=pelaksana_dinkes,
        jawaban=SuratPermintaan.Jawaban.TIDAK_DIKUASAI,
        klasifikasi="",
        isi_jawaban="Data dipegang BPS.",
        tanggal_jawaban=D(2026, 3, 16),
    )

    c["seluruhnya"] = register(petugas)
    actions.route_to_opd(c["seluruhnya"], by=ppid, unit=units["dinkes"])
    actions.record_opd_answer(
        Permohonan.objects.get(pk=c["seluruhnya"].pk),
        by=pelaksana_dinkes,
        jawaban=SuratPermintaan.Jawaban.TERSEDIA,
        klasifikasi=Permohonan.Klasifikasi.TERBUKA,
        isi_jawaban="Terlampir.",
        tanggal_jawaban=D(2026, 3, 16),
    )
    c["seluruhnya"] = Permohonan.objects.get(pk=c["seluruhnya"].pk)
    actions.issue_decision(
        c["seluruhnya"],
        actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA, uraian_informasi="Data terlampir."),
        by=ppid,
    )
    c["penyerahan"] = actions.hand_over(
        Permohonan.objects.get(pk=c["seluruhnya"].pk),
        by=petugas,
        nama_penerima="Ni Made Ayu Lestari",
        cara="pos",
        jumlah_halaman=4,
        tarif=tarif,
        biaya_pengiriman=Decimal("15000"),
    )

    c["sebagian"] = register(petugas, cara_memperoleh=CM.SOFTCOPY, cara_salinan="email")
    actions.issue_decision(
        c["sebagian"],
        actions.Putusan(
            keputusan=K.DIBERIKAN_SEBAGIAN,
            bagian_dihitamkan="NIK pasien",
            pasal17=["h"],
            konsekuensi="Membuka rahasia pribadi pasien.",
            perkiraan_halaman=10,
            perkiraan_tarif=tarif,
        ),
        by=ppid,
    )

    c["ditolak"] = register(petugas)
    actions.issue_decision(
        c["ditolak"],
        actions.Putusan(
            keputusan=K.DITOLAK,
            pasal17=["h", "a"],
            undang_undang_lain="UU 36/2009 tentang Kesehatan Pasal 57",
            konsekuensi="Rahasia pribadi pasien.",
        ),
        by=ppid,
    )

    c["tidak_dikuasai"] = register(petugas)
    actions.issue_decision(
        c["tidak_dikuasai"],
        actions.Putusan(
            keputusan=K.TIDAK_DIKUASAI, penguasa_informasi="Badan Pusat Statistik Provinsi Bali"
        ),
        by=ppid,
    )

    c["belum"] = register(petugas)
    actions.issue_decision(
        c["belum"],
        actions.Putusan(
            keputusan=K.BELUM_DIDOKUMENTASIKAN,
            uraian_informasi="Sedang disusun.",
            waktu_penyediaan="paling lambat 7 April 2026",
            tanggal_tersedia=D(2026, 4, 7),
        ),
        by=ppid,
    )

    c["melihat"] = register(petugas, cara_memperoleh=CM.MELIHAT, cara_salinan="")
    actions.issue_decision(c["melihat"], actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)

    # Asked to see it; handed over by surat elektronik: a softcopy was given.
    c["melihat_email"] = register(petugas, cara_memperoleh=CM.MELIHAT, cara_salinan="")
    actions.issue_decision(
        c["melihat_email"], actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid
    )
    actions.hand_over(
        Permohonan.objects.get(pk=c["melihat_email"].pk),
        by=petugas,
        nama_penerima="Ni Made Ayu Lestari",
        cara="email",
    )

    # Asked for a hardcopy; the PPID decided to give both forms.
    c["keduanya"] = register(petugas)
    actions.issue_decision(
        c["keduanya"],
        actions.Putusan(
            keputusan=K.DIBERIKAN_SELURUHNYA,
            bentuk_informasi=Permohonan.BentukInformasi.KEDUANYA,
            cara_pembayaran=Permohonan.CaraPembayaran.TRANSFER,
            perkiraan_halaman=2,
            perkiraan_tarif=tarif,
        ),
        by=ppid,
    )

    c["ditarik"] = register(petugas)
    actions.withdraw(c["ditarik"], by=petugas, note="Pemohon sudah mendapat data.")
    for p in c.values():
        if isinstance(p, Permohonan):
            p.refresh_from_db()
    return c


def test_status_informasi_is_penguasaan(cases):
    rows = rows_by_nomor()

    def status(key):
        return rows[cases[key].nomor_pendaftaran]["status_informasi"]

    assert status("baru") == "Belum diketahui (dalam proses)"
    assert status("jawaban_opd") == "Tidak di bawah penguasaan menurut jawaban OPD"
    assert status("seluruhnya") == "Di bawah penguasaan (Diskes)"
    # A refusal needs the information in hand: it is held.
    assert status("ditolak") == "Di bawah penguasaan (Diskominfos)"
    assert status("tidak_dikuasai") == (
        "Tidak di bawah penguasaan; dikuasai oleh Badan Pusat Statistik Provinsi Bali"
    )
    assert status("belum") == "Belum didokumentasikan; tersedia paling lambat 7 April 2026"


def test_bentuk_is_softcopy_or_hardcopy_and_jenis_is_melihat_or_salinan(cases):
    rows = rows_by_nomor()

    def row(key):
        return rows[cases[key].nomor_pendaftaran]

    assert (row("seluruhnya")["bentuk"], row("seluruhnya")["jenis"]) == (
        "Hardcopy",
        "Meminta salinan",
    )
    assert (row("sebagian")["bentuk"], row("sebagian")["jenis"]) == (
        "Softcopy",
        "Meminta salinan",
    )
    assert (row("melihat")["bentuk"], row("melihat")["jenis"]) == ("—", "Melihat/mengetahui")
    # From the decision, not from what was asked; from the handover when the decision is silent.
    assert (row("keduanya")["bentuk"], row("keduanya")["jenis"]) == (
        "Hardcopy dan softcopy",
        "Meminta salinan",
    )
    assert (row("melihat_email")["bentuk"], row("melihat_email")["jenis"]) == (
        "Softcopy",
        "Melihat/mengetahui",
    )
    # Nothing given, or not decided yet: the form held is not known, not guessed.
    for key in ("baru", "ditolak", "tidak_dikuasai", "belum", "ditarik"):
        assert row(key)["bentuk"] == "—", key
        assert row(key)["jenis"] == "Meminta salinan", key
    # The old mix-up: the cara pengajuan is in no column.
    assert all(r["jenis"] != "Datang langsung" for r in rows.values())


def test_keputusan_alasan_and_the_notices_day(cases):
    rows = rows_by_nomor()

    def row(key):
        return rows[cases[key].nomor_pendaftaran]

    assert row("baru")["keputusan"] == "Belum diputuskan (tenggat 7 April 2026)"
    assert row("seluruhnya")["keputusan"] == "Informasi diberikan seluruhnya"
    assert row("sebagian")["keputusan"] == "Informasi diberikan sebagian"
    assert row("sebagian")["alasan_penolakan"] == "Pasal 17 huruf h UU 14/2008"
    assert row("ditolak")["keputusan"] == "Ditolak (informasi dikecualikan)"
    assert row("ditolak")["alasan_penolakan"] == (
        "Pasal 17 huruf a, h UU 14/2008; UU 36/2009 tentang Kesehatan Pasal 57"
    )
    assert row("tidak_dikuasai")["keputusan"] == "Informasi tidak dikuasai"
    assert row("tidak_dikuasai")["alasan_penolakan"] == ""
    assert row("belum")["keputusan"] == "Informasi belum didokumentasikan"
    assert row("ditarik")["keputusan"] == "Ditarik pemohon"
    assert row("seluruhnya")["tanggal_pemberitahuan"] == D(2026, 3, 16)
    assert row("baru")["tanggal_pemberitahuan"] is None


def test_biaya_has_its_breakdown_and_how_it_is_paid(cases):
    rows = rows_by_nomor()

    def row(key):
        return rows[cases[key].nomor_pendaftaran]

    serah = cases["penyerahan"]
    # The amounts as the letters print them, and how it was paid as the handover recorded
    # it, with its tanda terima and kuitansi (Perki: Biaya dan cara pembayaran).
    assert row("seluruhnya")["biaya"] == (
        "Rp17.000,00: penyalinan 4 lembar × Rp500,00 = Rp2.000,00; pengiriman "
        "Rp15.000,00. Tunai di meja layanan PPID pada saat penyerahan, dengan kuitansi "
        f"(tanda terima {serah.nomor}, kuitansi {serah.nomor_kuitansi})."
    )
    assert row("seluruhnya")["biaya_jumlah"] == 17000
    sebagian = Permohonan.objects.get(pk=cases["sebagian"].pk)
    cara_estimasi = sebagian.get_cara_pembayaran_display() or "Cara pembayaran belum ditetapkan"
    assert row("sebagian")["biaya"] == (
        "Perkiraan Rp5.000,00: penyalinan 10 lembar × Rp500,00 = Rp5.000,00. "
        f"{cara_estimasi}; belum dibayar."
    )
    assert row("sebagian")["biaya_jumlah"] == 0
    # The way of paying the decision named, not one the register assumes.
    assert row("keduanya")["biaya"] == (
        "Perkiraan Rp1.000,00: penyalinan 2 lembar × Rp500,00 = Rp1.000,00. "
        "Transfer ke Rekening Kas Umum Daerah Provinsi Bali; belum dibayar."
    )
    for key in ("ditolak", "tidak_dikuasai", "belum", "melihat", "ditarik"):
        assert row(key)["biaya"] == "Tanpa biaya", key
    assert row("baru")["biaya"] == ""


def test_the_day_the_information_was_given_is_its_handovers(cases):
    rows = rows_by_nomor()

    def row(key):
        return rows[cases[key].nomor_pendaftaran]

    # Perki 1/2021 register: "Pemberian Informasi", the day of the tanda terima.
    assert row("seluruhnya")["tanggal_pemberian"] == cases["penyerahan"].tanggal == D(2026, 3, 16)
    assert row("melihat_email")["tanggal_pemberian"] == D(2026, 3, 16)
    for key in ("baru", "sebagian", "ditolak", "belum", "melihat", "keduanya", "ditarik"):
        assert row(key)["tanggal_pemberian"] is None, key


def test_the_xlsx_and_the_page_show_the_same_columns(client, cases, ppid):
    client.force_login(ppid)
    period = {"dari": "2026-03-01", "sampai": "2026-03-31"}
    page = client.get(reverse("registrasi:register"), period).content.decode()
    for judul in REGISTER_COLUMNS:
        assert f'<th scope="col">{judul}</th>' in page
    assert "Tidak di bawah penguasaan; dikuasai oleh Badan Pusat Statistik Provinsi Bali" in page
    xlsx = client.get(reverse("registrasi:register"), {**period, "format": "xlsx"})
    sheet = list(
        openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True)
    )
    assert sheet[2] == (*REGISTER_COLUMNS, "Jumlah biaya dibayar (Rp)")
    by_nomor = {r[1]: r for r in sheet[3:]}
    seluruhnya = by_nomor[cases["seluruhnya"].nomor_pendaftaran]
    assert seluruhnya[9:13] == (
        "Di bawah penguasaan (Diskes)",
        "Hardcopy",
        "Meminta salinan",
        "Informasi diberikan seluruhnya",
    )
    assert seluruhnya[-1] == 17000
    # The handover's day as a date cell, beside the notice's.
    assert seluruhnya[-3].date() == D(2026, 3, 16)
    assert page.count("<td>Senin, 16 Maret 2026</td><td>Senin, 16 Maret 2026</td>") == 2
