"""A desk learns only what its cases show (DESIGN.md §7), in Chromium: the Dinas Perhubungan
desk types the NIK of a pemohon registered at Diskominfos, with other details, and gets the
same answer as for a new NIK; the shared record is unchanged; the difference waits on the
PPID's list "Identitas berbeda untuk NIK yang sama"."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from pemohon.models import Pemohon
from registrasi.models import Permohonan
from tests.e2e.conftest import (
    assert_fits_desk_screen,
    login,
    menu,
    permohonan_terdaftar,
    switch_user,
)

NIK = "5171014107900001"  # recorded at Diskominfos by permohonan_terdaftar
NIK_BARU = "5171014107900077"
DISHUB = {
    "Nama pemohon / badan hukum / kelompok": "Ni Made Ayu",
    "Alamat": "Jl. Imam Bonjol No. 9, Denpasar",
    "Pekerjaan": "Mahasiswa",
    "Nomor telepon": "087799990000",
}


def daftarkan(page, nik: str) -> tuple[Permohonan, str]:
    """Type the Dishub identity with `nik` into the intake form and register it; returns the
    case and the page the desk is shown (its number and the NIK left out, so that two
    answers compare)."""
    menu(page, "Permohonan", "Daftarkan permohonan")
    for label, value in DISHUB.items():
        page.get_by_label(label).fill(value)
    page.get_by_label("NIK", exact=True).fill(nik)
    page.get_by_label("Rincian informasi yang dibutuhkan").fill("Data angkutan umum Sarbagita 2025")
    page.get_by_label("Tujuan penggunaan informasi").fill("Skripsi")
    page.get_by_label("Melihat/membaca/mendengarkan/mencatat").check()
    page.get_by_label("Formulir diisi lengkap").check()
    page.get_by_label("Fotokopi identitas diterima (KTP; badan hukum: akta)").check()
    page.get_by_role("button", name="Daftarkan (berkas lengkap)").click()
    page.wait_for_url(re.compile(r"/permohonan/\d+/\?baru=1$"))
    assert_fits_desk_screen(page)
    p = Permohonan.objects.latest("pk")
    shown = page.get_by_role("main").inner_text()
    shown = shown.replace(p.nomor_pendaftaran, "<nomor>").replace(nik, "<nik>")
    # The stored formulir's hash and the clock (a minute may pass between the two).
    return p, re.sub(r"\b[0-9a-f]{12}\b|\b\d\d[.:]\d\d\b", "…", shown)


def test_another_desk_typing_a_recorded_nik_gets_the_answer_of_a_new_nik(page, desk):
    permohonan_terdaftar(desk)  # at Diskominfos: Ni Made Ayu Lestari, Wartawan, Gatot Subroto
    recorded = Pemohon.objects.get(nik=NIK)
    before = (recorded.nama, recorded.alamat, recorded.pekerjaan, recorded.telepon)

    login(page, "pelaksana_dishub")
    fresh, answer_fresh = daftarkan(page, NIK_BARU)
    known, answer_known = daftarkan(page, NIK)
    # The same answer, page for page: registered at once, no comparison, nothing recorded
    # shown.
    assert answer_known.startswith("Permohonan terdaftar dengan nomor <nomor>.")
    assert answer_known == answer_fresh
    main = page.get_by_role("main")
    expect(main).to_contain_text("Jl. Imam Bonjol No. 9, Denpasar")
    for recorded_only in (
        "sudah tercatat",
        "Lestari",
        "Gatot Subroto",
        "Wartawan",
        "081234567890",
        "ayu@",
    ):
        expect(main).not_to_contain_text(recorded_only)
    expect(page.locator("#beda-identitas")).to_have_count(0)

    # The case keeps the identity as typed; the shared record is unchanged.
    assert known.pemohon_id == recorded.pk and fresh.pemohon_id != recorded.pk
    assert (known.pemohon_kasus.nama, known.pemohon_kasus.telepon) == (
        "Ni Made Ayu",
        "087799990000",
    )
    recorded.refresh_from_db()
    assert (recorded.nama, recorded.alamat, recorded.pekerjaan, recorded.telepon) == before

    # The PPID sees the difference, with both versions and the desks, to reconcile.
    switch_user(page, "ppid")
    menu(page, "Permohonan", "Identitas berbeda")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Identitas berbeda untuk NIK yang sama"
    )
    [beda] = page.locator("[data-perbedaan]").all()
    expect(beda).to_contain_text(known.nomor_pendaftaran)
    expect(beda).to_contain_text("Dinas Perhubungan")
    expect(beda).to_contain_text(f"berkas di {desk.units['utama'].nama}")
    alamat = beda.get_by_role("row", name="Alamat")
    expect(alamat).to_contain_text("Jl. Gatot Subroto No. 5, Denpasar")
    expect(alamat).to_contain_text("Jl. Imam Bonjol No. 9, Denpasar")
    expect(page.get_by_role("main")).not_to_contain_text(fresh.nomor_pendaftaran)
