"""The front desk in Chromium: a walk-in request typed from the paper form with the keyboard
alone, registered with its number and deadline, the receipt printed; and an incomplete file
handed back with what is missing, never registered."""

from __future__ import annotations

import re
import time

from django.utils import timezone
from playwright.sync_api import expect

from ppid_manual.format import hari_tanggal
from ppid_manual.workflow import calendar
from registrasi.models import Permohonan
from tests.e2e.conftest import (
    assert_fits_desk_screen,
    fetch,
    fill_by_keyboard,
    login,
    menu,
    pdf_text,
)

NIK = "5171014107900001"  # Denpasar, a woman born 1 July 1990
NAMA = "Ni Made Ayu Lestari"
RINCIAN = "Data cakupan imunisasi dasar lengkap per kabupaten tahun 2025"
S = Permohonan.Status


def open_intake(page) -> None:
    menu(page, "Permohonan", "Daftarkan permohonan")
    expect(page.get_by_role("heading", name="Formulir permohonan informasi publik")).to_be_visible()
    assert_fits_desk_screen(page)


class KeyCounter:
    """Counts the keys the journey presses on the page's keyboard (a typed text counts one key
    per character): the desk's effort, reported with the time it took (issue 19)."""

    def __init__(self, keyboard) -> None:
        self.keys = 0
        self.tabs = 0
        press, type_ = keyboard.press, keyboard.type

        def counted_press(key, **kwargs):
            self.keys += 1
            self.tabs += key == "Tab"
            return press(key, **kwargs)

        def counted_type(text, **kwargs):
            self.keys += len(text)
            return type_(text, **kwargs)

        keyboard.press, keyboard.type = counted_press, counted_type


def test_the_clerk_registers_a_walk_in_request_and_prints_the_receipt(page, desk):
    today = timezone.localdate()
    login(page, "petugas")
    assert_fits_desk_screen(page)
    open_intake(page)
    # Desk speed: from the empty form on screen to the printed receipt in hand.
    keys = KeyCounter(page.keyboard)
    started = time.perf_counter()
    # The desk starts on the name (no Tab needed); the date received, prefilled with today,
    # is one Tab away, and "datang langsung" is today's walk-in; perorangan is preset.
    nama = page.get_by_label("Nama pemohon / badan hukum / kelompok")
    expect(nama).to_be_focused()
    tanggal = page.get_by_label("Tanggal permohonan diterima")
    assert tanggal.input_value() == today.isoformat()
    fill_by_keyboard(
        page,
        nama,
        [
            ("nama", NAMA),
            ("tanggal", None),
            ("cara_pengajuan", None),
            ("jenis", None),
            ("nik", NIK),
            ("nomor_akta", None),
            ("penanggung_jawab", None),  # who acts for a badan hukum (issue 17)
            ("alamat", "Jl. Gatot Subroto No. 5, Denpasar"),
            ("pekerjaan", "Wartawan"),
            ("telepon", "0812 3456 7890"),
            ("email", "ayu@example.id"),
            ("rincian_informasi", RINCIAN),
            ("tujuan_penggunaan", "Bahan liputan kesehatan anak"),
            ("cara_memperoleh", "<ArrowDown>"),  # from the first choice to "salinan (hardcopy)"
            ("cara_salinan", "Mengambil"),
            ("formulir_lengkap", "<Space>"),
            ("identitas_diterima", "<Space>"),
            ("catatan_kekurangan", None),
            ("scan_identitas", None),
            # The late entry of a paper form (issue 18): its details stay hidden unticked.
            ("entri_susulan", None),
            ("aksi", None),
        ],
    )
    # What was typed landed where the paper form has it.
    assert page.get_by_label("Nama pemohon / badan hukum / kelompok").input_value() == NAMA
    assert page.get_by_label("NIK", exact=True).input_value() == NIK
    assert page.get_by_role("group", name="Jenis pemohon").get_by_label("Perorangan").is_checked()
    assert page.get_by_label("Mendapatkan salinan (hardcopy)").is_checked()
    assert page.get_by_label("Cara mendapatkan salinan").input_value() == "mengambil"
    assert page.get_by_label("Formulir diisi lengkap").is_checked()
    assert page.get_by_label("Fotokopi identitas diterima (KTP; badan hukum: akta)").is_checked()
    expect(page.locator(":focus")).to_have_text(re.compile(r"Daftarkan \(berkas lengkap\)"))
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/permohonan/\d+/\?baru=1$"))
    p = Permohonan.objects.select_related("pemohon").get()
    assert p.status == S.TERDAFTAR
    assert re.fullmatch(r"\d{4}/REG-PPID/[IVX]+/\d{4}", p.nomor_pendaftaran)
    assert (p.pemohon.nama, p.pemohon.nik, p.tanggal_daftar) == (NAMA, NIK, today)
    # UU 14/2008 Pasal 22(7): 10 working days from today, across the real holidays.
    tenggat = calendar.deadline(today, 10)
    assert p.tenggat == tenggat

    # The clerk sees the number and the deadline, and is told to print the receipt.
    # After the desk's hours or on a day off a second alert says when the clock starts
    # (tests/test_received_off_hours.py): the number is in its own.
    expect(page.get_by_role("alert").filter(has_text="Permohonan terdaftar")).to_contain_text(
        f"Permohonan terdaftar dengan nomor {p.nomor_pendaftaran}"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Permohonan {p.nomor_pendaftaran}")
    kartu_tenggat = page.get_by_role("region", name="Tenggat pemberitahuan tertulis", exact=True)
    expect(kartu_tenggat).to_contain_text(hari_tanggal(tenggat))
    assert_fits_desk_screen(page)

    # The receipt: the form in two copies (the second is the pemohon's), as a PDF.
    cetak = page.get_by_role(
        "link", name="Cetak formulir permohonan (2 lembar) dan hak-hak pemohon"
    )
    expect(cetak).to_be_visible()
    receipt = fetch(page, cetak.get_attribute("href"))
    assert receipt.headers["content-type"] == "application/pdf"
    body = receipt.body()
    assert body.startswith(b"%PDF")
    text = pdf_text(body)
    assert text.count(p.nomor_pendaftaran) >= 2  # both copies carry the number
    seconds = time.perf_counter() - started
    print(
        f"\n[meja] pendaftaran datang langsung: {keys.keys} tombol ({keys.tabs} Tab), "
        f"{seconds:.1f} detik dari formulir kosong sampai tanda bukti tercetak"
    )
    assert keys.tabs <= 25, f"{keys.tabs} Tabs to fill the form"
    assert hari_tanggal(tenggat) in text
    assert "FORMULIR PERMOHONAN INFORMASI PUBLIK" in text

    # The work list has it, with its deadline.
    menu(page, "Permohonan", "Permohonan")
    page.get_by_role("link", name="Semua yang berjalan").click()
    row = page.get_by_role("row", name=p.nomor_pendaftaran)
    expect(row).to_contain_text(NAMA)
    assert_fits_desk_screen(page)


def test_an_incomplete_file_is_returned_with_what_is_missing_and_not_registered(page, desk):
    login(page, "petugas")
    open_intake(page)
    page.get_by_label("Nama pemohon / badan hukum / kelompok").fill("I Ketut Warga")
    page.get_by_label("NIK", exact=True).fill("5103024506850002")
    page.get_by_label("Alamat").fill("Br. Tengah, Mengwi")
    page.get_by_label("Pekerjaan").fill("Petani")
    page.get_by_label("Nomor telepon").fill("081999888777")
    page.get_by_label("Rincian informasi yang dibutuhkan").fill("Data irigasi subak 2025")
    page.get_by_label("Tujuan penggunaan informasi").fill("Rapat subak")
    page.get_by_label("Melihat/membaca/mendengarkan/mencatat").check()
    page.get_by_label("Formulir diisi lengkap").check()
    # No copy of the KTP came with the form.

    # "Daftarkan" refuses: the form says what is missing, and nothing is saved.
    page.get_by_role("button", name="Daftarkan (berkas lengkap)").click()
    page.wait_for_load_state()
    identitas = page.get_by_label("Fotokopi identitas diterima (KTP; badan hukum: akta)")
    expect(identitas).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(
        page.locator(".invalid-feedback", has_text="Fotokopi identitas wajib ada (SOP langkah 1)")
    ).to_be_visible()
    # The error summary at the top of the form has the focus and links to the field.
    summary = page.locator("[data-ringkasan-galat]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Fotokopi identitas wajib ada (SOP langkah 1)")
    summary.get_by_role("link", name="Fotokopi identitas diterima (KTP; badan hukum: akta)").click()
    expect(identitas).to_be_focused()
    assert Permohonan.objects.count() == 0
    assert_fits_desk_screen(page)

    # The clerk notes one more missing item and hands the file back.
    page.get_by_label("Kekurangan lain (satu per baris)").fill(
        "Tanda tangan pemohon pada formulir belum ada."
    )
    page.get_by_role("button", name="Kembalikan (kurang lengkap)").click()
    page.wait_for_url(re.compile(r"/permohonan/\d+/\?baru=1$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Berkas tanpa nomor pendaftaran")
    expect(page.get_by_role("alert").filter(has_text="Berkas dikembalikan")).to_contain_text(
        "Berkas dikembalikan karena kurang lengkap"
    )
    kelengkapan = page.locator("dd", has_text="Formulir lengkap")
    expect(kelengkapan.get_by_role("listitem")).to_have_text(
        [
            "Fotokopi identitas diri (KTP) pemohon belum dilampirkan.",
            "Tanda tangan pemohon pada formulir belum ada.",
        ]
    )
    assert_fits_desk_screen(page)

    # Nothing was registered: no number, no clock, not in the register.
    p = Permohonan.objects.get()
    assert (p.status, p.nomor_pendaftaran, p.tenggat) == (S.DIKEMBALIKAN, None, None)
    assert not Permohonan.objects.registered().exists()

    # The only letter is the note handed back (no receipt: there is no number); beside it the
    # case file for the Komisi Informasi that every case offers.
    dokumen = page.get_by_role("region", name="Dokumen untuk dicetak")
    expect(dokumen.get_by_role("listitem")).to_have_text(
        [
            re.compile(r"^\s*Catatan pengembalian berkas\s*$"),
            re.compile(r"^\s*Berkas perkara untuk"),
        ]
    )
    expect(page.get_by_role("link", name="Cetak catatan pengembalian berkas")).to_be_visible()

    menu(page, "Permohonan", "Register permohonan")
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Tidak ada permohonan terdaftar pada periode ini.")).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text("I Ketut Warga")
    assert_fits_desk_screen(page)
