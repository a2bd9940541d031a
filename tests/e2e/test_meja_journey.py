"""The desk, second pass (issue 19), in Chromium: one search box finds any case from any page
(an exact number, a name, a NIK, a phone number, words of the request, a receipt's code typed
by a barcode scanner with Enter); a returned file is resumed with everything it had, its
errors summarised and focused; each role's home lists its own work with its own deadline.
Every page goes through axe-core (see conftest.axe_check)."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from ppid_manual.format import hari_tanggal
from registrasi import actions
from registrasi.models import Permohonan, SuratPermintaan
from tests.e2e.conftest import (
    assert_fits_desk_screen,
    fetch,
    login,
    menu,
    pdf_text,
    permohonan_terdaftar,
    switch_user,
)

NAMA = "Ni Made Ayu Lestari"
RINCIAN = "Data cakupan imunisasi dasar lengkap per kabupaten tahun 2025"


def cari(page, text: str) -> None:
    """Type into the navbar's search box and press Enter, as the desk (or a scanner) does."""
    box = page.get_by_role("search", name="Cari berkas").get_by_role("searchbox")
    box.fill(text)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/(cari|permohonan|keberatan|dip)/"))
    assert_fits_desk_screen(page)


def test_one_search_box_finds_any_case_from_any_page(page, desk):
    p = permohonan_terdaftar(desk, nama=NAMA, rincian=RINCIAN)
    actions.route_to_opd(p, by=desk.ppid, unit=desk.units["dinkes"])
    detail = re.compile(rf"/permohonan/{p.pk}/$")

    login(page, "petugas")
    # The clerk's default tab ("Perlu tindakan saya") does not hold a routed request...
    menu(page, "Permohonan", "Permohonan")
    expect(page.get_by_role("main")).not_to_contain_text(p.nomor_pendaftaran)
    # ...the navbar's search opens it by its exact number all the same.
    cari(page, p.nomor_pendaftaran)
    page.wait_for_url(detail)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Permohonan {p.nomor_pendaftaran}")

    # A name, a NIK, a phone number as the pemohon says it, words of the request.
    for text in ("ayu lestari", "5171014107900001", "0812-3456-7890", "imunisasi kabupaten"):
        cari(page, text)
        page.wait_for_url("**/cari/?h=*")
        hasil = page.get_by_role("region", name=re.compile(r"^Permohonan \(1\)"))
        expect(hasil.get_by_role("link", name=p.nomor_pendaftaran)).to_be_visible()
    hasil.get_by_role("link", name=p.nomor_pendaftaran).click()
    page.wait_for_url(detail)
    assert_fits_desk_screen(page)

    # Nothing found: said plainly.
    cari(page, "'; DROP TABLE %_ <b>x</b>")
    expect(page.get_by_role("status")).to_contain_text("Tidak ditemukan")

    # The barcode scanner: on the home page the search box has the focus; the scanner types
    # the code printed on the pemohon's copy of the formulir (number + check code,
    # ppid_manual/kode.py) and Enter.
    formulir = fetch(page, reverse("registrasi:cetak", args=[p.pk, "formulir"]))
    # The pemohon's copy (lembar 2) prints it under the QR, wrapped in its narrow cell: the
    # desk types it as one string.
    lembar_2 = pdf_text(formulir.body()).split("Lembar 2: untuk pemohon (tanda bukti)")[1]
    printed = "".join(re.search(r"Kode berkas: (.+?) Tunjukkan", lembar_2)[1].split())
    assert printed.startswith(f"{p.nomor_pendaftaran}*")
    page.get_by_role("link", name="Beranda").click()
    page.wait_for_url(f"{page.base_url}/")
    assert_fits_desk_screen(page)
    expect(page.get_by_role("searchbox")).to_be_focused()
    page.keyboard.type(printed)
    page.keyboard.press("Enter")
    page.wait_for_url(detail)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Permohonan {p.nomor_pendaftaran}")
    assert_fits_desk_screen(page)


def test_a_returned_file_is_resumed_with_everything_it_had(page, desk):
    returned = actions.return_incomplete(
        actions.Intake(
            pemohon={
                "jenis": "perorangan",
                "nama": "I Ketut Warga",
                "nik": "5103024506850002",
                "alamat": "Br. Tengah, Mengwi",
                "pekerjaan": "Petani",
                "telepon": "081999888777",
            },
            rincian_informasi="Data irigasi subak 2025",
            tujuan_penggunaan="Rapat subak",
            cara_memperoleh=Permohonan.CaraMemperoleh.MELIHAT,
            formulir_lengkap=True,
            identitas_diterima=False,
            tanggal=timezone.localdate(),
        ),
        by=desk.petugas,
    )
    login(page, "petugas")
    # The pemohon is back with the KTP: the desk finds the returned file by name.
    cari(page, "ketut warga")
    page.get_by_role("link", name="(tanpa nomor)").click()
    page.wait_for_url(f"**/permohonan/{returned.pk}/")
    assert_fits_desk_screen(page)
    page.get_by_role("link", name="Lanjutkan pendaftaran").click()
    page.wait_for_url(f"**/permohonan/baru/?lanjutan={returned.pk}")
    assert_fits_desk_screen(page)

    # Everything the returned file had is there; the first field, the name, has the focus.
    expect(page.get_by_label("Nama pemohon / badan hukum / kelompok")).to_be_focused()
    expect(page.get_by_label("Nama pemohon / badan hukum / kelompok")).to_have_value(
        "I Ketut Warga"
    )
    expect(page.get_by_label("NIK", exact=True)).to_have_value("5103024506850002")
    expect(page.get_by_label("Rincian informasi yang dibutuhkan")).to_have_value(
        "Data irigasi subak 2025"
    )
    expect(page.get_by_label("Melihat/membaca/mendengarkan/mencatat")).to_be_checked()

    # Submitted before the completeness ticks: the summary on top has the focus and links
    # each problem to its field.
    page.get_by_role("button", name="Daftarkan (berkas lengkap)").click()
    page.wait_for_load_state()
    summary = page.locator("[data-ringkasan-galat]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(
        ["Formulir diisi lengkap", "Fotokopi identitas diterima (KTP; badan hukum: akta)"]
    )
    assert_fits_desk_screen(page)
    summary.get_by_role("link", name="Formulir diisi lengkap").click()
    expect(page.get_by_label("Formulir diisi lengkap")).to_be_focused()
    page.keyboard.press("Space")
    page.get_by_label("Fotokopi identitas diterima (KTP; badan hukum: akta)").check()
    page.get_by_role("button", name="Daftarkan (berkas lengkap)").click()
    page.wait_for_url(re.compile(r"/permohonan/\d+/\?baru=1$"))
    new = Permohonan.objects.exclude(pk=returned.pk).get()
    assert new.status == Permohonan.Status.TERDAFTAR
    assert new.rincian_informasi == "Data irigasi subak 2025"
    assert_fits_desk_screen(page)

    # The two records point to each other on their timelines.
    riwayat = page.get_by_role("region", name="Riwayat")
    riwayat.get_by_role("link", name="Melanjutkan berkas yang dikembalikan").click()
    page.wait_for_url(f"**/permohonan/{returned.pk}/")
    assert_fits_desk_screen(page)
    expect(page.get_by_role("link", name="Lanjutkan pendaftaran")).to_have_count(0)
    page.get_by_role("region", name="Riwayat").get_by_role(
        "link", name=f"Lihat pendaftaran lanjutan {new.nomor_pendaftaran}"
    ).click()
    page.wait_for_url(f"**/permohonan/{new.pk}/")
    assert_fits_desk_screen(page)


def test_each_role_sees_its_own_work_with_its_own_deadline(page, desk, admin_user):
    p = permohonan_terdaftar(desk, nama=NAMA, rincian=RINCIAN)
    surat = actions.route_to_opd(p, by=desk.ppid, unit=desk.units["dinkes"])
    surat = SuratPermintaan.objects.get(pk=surat.pk)
    p.refresh_from_db()

    login(page, "pelaksana_dinkes")
    assert_fits_desk_screen(page)
    tugas = page.get_by_role("region", name="Pekerjaan saya, dengan tenggat saya")
    row = tugas.locator("tr", has_text=p.nomor_pendaftaran)
    expect(row).to_contain_text(f"Jawab surat permintaan {surat.nomor}")
    expect(row).to_contain_text("Jawaban OPD (SOP langkah 3)")
    expect(row).to_contain_text(hari_tanggal(surat.tenggat_jawaban).split(", ")[1])
    expect(row).not_to_contain_text(hari_tanggal(p.tenggat).split(", ")[1])  # not the pemohon's
    tugas.get_by_role("link", name="Jatuh tempo hari ini / minggu ini").click()
    page.wait_for_url("**/jatuh-tempo/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jatuh tempo hari ini dan minggu ini")
    assert_fits_desk_screen(page)

    switch_user(page, "ppid")
    row = page.get_by_role("region", name="Pekerjaan saya, dengan tenggat saya").locator(
        "tr", has_text=p.nomor_pendaftaran
    )
    expect(row).to_contain_text("Pemberitahuan tertulis (Pasal 22 ayat (7))")
    expect(row).to_contain_text(hari_tanggal(p.tenggat).split(", ")[1])

    # The Atasan PPID's home (nothing waits on it here) and the admin's, whose navbar holds
    # one item more: still on one line (assert_fits_desk_screen).
    switch_user(page, "atasan")
    expect(page.get_by_role("region", name="Pekerjaan saya, dengan tenggat saya")).to_contain_text(
        "Tidak ada pekerjaan yang menunggu Anda."
    )
    switch_user(page, "admin")
    expect(page.locator("nav.navbar").get_by_role("link", name="Data induk")).to_be_visible()
