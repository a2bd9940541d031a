"""Issue 18 in Chromium, short: a request received on paper while the system was down is
entered late by the clerk and is flagged in the register; a keberatan granted in part by the
Atasan PPID."""

from __future__ import annotations

from django.utils import timezone
from playwright.sync_api import expect

from keberatan.models import Keberatan
from ppid_manual.workflow import calendar
from registrasi.models import Permohonan
from tests.e2e.conftest import assert_fits_desk_screen, axe_check, login, menu, switch_user
from tests.e2e.test_keberatan_journey import open_keberatan, submit, take_step
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai, tolak_permohonan


def hari_kerja_lalu(today, n):
    """The working day n working days before today (the paper's date)."""
    day = today
    while n:
        day -= calendar.ONE_DAY
        if calendar.is_working_day(day, calendar.days_off_between(day, today)):
            n -= 1
    return day


def test_a_paper_request_entered_late_is_flagged_then_a_keberatan_granted_in_part(page, desk):
    today = timezone.localdate()
    kertas = hari_kerja_lalu(today, 2)

    login(page, "petugas")
    menu(page, "Permohonan", "Daftarkan permohonan")
    page.get_by_label("Tanggal permohonan diterima").fill(kertas.isoformat())
    page.get_by_label("Entri susulan: diterima dengan formulir kertas").check()
    page.get_by_label("Nomor lembar kertas").fill("K-021")
    page.get_by_label("Petugas yang menerima kertas").fill("Komang Petugas")
    page.get_by_label("Alasan entri susulan").fill("Listrik padam.")
    page.get_by_label("Nama pemohon / badan hukum / kelompok").fill("I Ketut Warga")
    page.get_by_label("NIK", exact=True).fill("5103024506850002")
    page.get_by_label("Alamat").fill("Br. Tengah, Mengwi")
    page.get_by_label("Pekerjaan").fill("Petani")
    page.get_by_label("Nomor telepon").fill("081999888777")
    page.get_by_label("Rincian informasi yang dibutuhkan").fill("Data irigasi subak 2025")
    page.get_by_label("Tujuan penggunaan informasi").fill("Rapat subak")
    page.get_by_label("Melihat/membaca/mendengarkan/mencatat").check()
    page.get_by_label("Formulir diisi lengkap").check()
    page.get_by_label("Fotokopi identitas diterima (KTP; badan hukum: akta)").check()
    page.get_by_role("button", name="Daftarkan (berkas lengkap)").click()
    # Two working days back: the intake's own warning asks the clerk to confirm the date.
    expect(page.locator("#peringatan-tanggal")).to_contain_text("melewati batas SOP")
    axe_check(page)
    page.get_by_label("Saya sudah memeriksa tanggal pada formulir kertas").check()
    page.get_by_role("button", name="Daftarkan (berkas lengkap)").click()
    p = Permohonan.objects.get(nomor_kertas="K-021")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Permohonan {p.nomor_pendaftaran}")
    assert (p.tanggal_daftar, p.entri_susulan, p.susulan_terlambat) == (kertas, True, True)
    flag = page.locator("[data-susulan]")
    expect(flag).to_contain_text("Entri susulan dari formulir kertas")
    expect(flag).to_contain_text("Dientri melewati 1 hari kerja (SOP)")
    assert_fits_desk_screen(page)

    # The register of the paper's month shows the flag on the row.
    page.goto(
        f"{page.base_url}/permohonan/register/?dari={kertas.replace(day=1).isoformat()}"
        f"&sampai={today.isoformat()}"
    )
    row = page.locator("tr", has_text=p.nomor_pendaftaran)
    expect(row).to_contain_text("Entri susulan dari kertas No. K-021")
    assert_fits_desk_screen(page)

    # A keberatan on a refused request, its draft approved; the Atasan grants it in part.
    ditolak = tolak_permohonan(desk, buat_permohonan(desk, today), today)
    k = sampai(desk, daftarkan(desk, today, ditolak), Keberatan.Status.DRAF_DISETUJUI, today)
    switch_user(page, "atasan")
    open_keberatan(page, k)
    take_step(page, "Tanggapi: informasi diberikan sebagian")
    page.get_by_label("Informasi yang diberikan").fill("Jumlah penerima per kabupaten")
    page.get_by_label("Informasi yang tetap dikecualikan").fill("Nama dan NIK")
    page.get_by_label("h. mengungkap rahasia pribadi").check()
    page.get_by_label("Pertimbangan: mengapa sebagian tetap dikecualikan").fill(
        "Data pribadi tetap dikecualikan."
    )
    submit(page, "Tanggapi: informasi diberikan sebagian", "Tanggapan Atasan PPID dicatat.")
    k.refresh_from_db()
    assert (k.keputusan, k.informasi_tertutup, k.pasal17) == ("sebagian", "Nama dan NIK", ["h"])
    p2 = Permohonan.objects.get(pk=ditolak.pk)
    assert (p2.status, p2.keputusan) == ("dibuka_kembali", "ditolak")
