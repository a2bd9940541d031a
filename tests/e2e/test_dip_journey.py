"""SOP Pendokumentasian DIP in Chromium: two OPDs compile their lists, the clerk recaps them
into the province's DIP, the PPID returns one entry with a note, the OPD corrects and submits
again, the Atasan PPID adopts the DIP by SK, and it is exported for publication."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from dip.models import DipEdisi
from ppid_manual.models import Event
from tests.e2e.conftest import assert_fits_desk_screen, login, menu, switch_user

S = DipEdisi.Status
RENSTRA = "Rencana Strategis Dinas Kesehatan 2024–2026"
PROFIL = "Profil Kesehatan 2025"
PROFIL_BENAR = "Profil Kesehatan Provinsi Bali Tahun 2025"
ANGKUTAN = "Data jumlah kendaraan angkutan umum per kabupaten/kota"
KOREKSI = "Sebutkan tahun data dan bidang yang menguasai."


def open_dip(page, judul: str, link: str = "") -> None:
    """From the list of editions (an OPD's edition is listed by the OPD's name)."""
    menu(page, "DIP", "Daftar Informasi Publik")
    page.get_by_role("link", name=link or judul, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(re.escape(judul)))
    assert_fits_desk_screen(page)


def open_edition(page, tahun: int) -> None:
    """Buka edisi baru: the year of the DIP is this year's."""
    menu(page, "DIP", "Daftar Informasi Publik")
    page.get_by_role("link", name="Buka edisi baru").click()
    expect(page.get_by_label("Tahun DIP")).to_have_value(str(tahun))
    assert_fits_desk_screen(page)
    page.get_by_role("button", name="Buat edisi").click()
    expect(page.get_by_role("alert")).to_contain_text("dibuka.")
    assert_fits_desk_screen(page)


def add_entry(page, ringkasan, pejabat, penanggung_jawab, waktu, bentuk, retensi, jenis) -> None:
    page.get_by_role("link", name="Tambah entri").click()
    expect(page.get_by_role("heading", name="Tambah entri")).to_be_visible()
    assert_fits_desk_screen(page)
    page.get_by_label("Ringkasan isi informasi").fill(ringkasan)
    page.get_by_label("Pejabat/unit yang menguasai informasi").fill(pejabat)
    page.get_by_label("Penanggung jawab pembuatan/penerbitan informasi").fill(penanggung_jawab)
    page.get_by_label("Waktu pembuatan").fill(waktu)
    page.get_by_label("Tempat pembuatan").fill("Denpasar")
    page.get_by_label("Bentuk informasi").select_option(label=bentuk)
    page.get_by_label("Jangka waktu penyimpanan (retensi)").fill(retensi)
    page.get_by_label("Jenis informasi").select_option(label=jenis)
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_role("alert")).to_have_text("Entri ditambahkan.")
    expect(page.locator("table.tabel-dip-layar")).to_contain_text(ringkasan)
    assert_fits_desk_screen(page)


def entry_row(page, ringkasan: str):
    """The row of one entry in the table of the DIP's contents."""
    return page.locator("table.tabel-dip-layar tr", has_text=ringkasan)


def take(page, label: str, *, row: str | None = None) -> None:
    """A step button of the edition (or of one OPD's row of the province edition)."""
    scope = page.locator("tr", has=page.get_by_role("link", name=row, exact=True)) if row else page
    scope.get_by_role("button", name=label, exact=True).click()
    expect(page.get_by_role("alert")).to_have_text(f"Langkah “{label}” selesai.")
    assert_fits_desk_screen(page)


def take_with_form(page, label: str, button: str, **fields: str) -> None:
    page.get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", name=label)).to_be_visible()
    assert_fits_desk_screen(page)
    for field, value in fields.items():
        page.get_by_label(field).fill(value)
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.get_by_role("alert")).to_have_text(f"Langkah “{label}” selesai.")
    assert_fits_desk_screen(page)


def download(page, link: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link, exact=True).click()
    return Path(info.value.path()).read_bytes()


def test_a_dip_compiled_by_two_opds_corrected_once_adopted_and_exported(page, desk):
    tahun = timezone.localdate().year
    provinsi_judul = f"DIP Pemerintah Provinsi Bali Tahun {tahun}"

    # The clerk opens this year's province DIP.
    login(page, "petugas")
    open_edition(page, tahun)
    expect(page.get_by_role("heading", level=1)).to_have_text(provinsi_judul)
    provinsi = DipEdisi.objects.get(unit=desk.units["utama"], tahun=tahun)

    # Dinas Kesehatan compiles its list entry by entry and submits it.
    switch_user(page, "pelaksana_dinkes")
    open_edition(page, tahun)
    add_entry(
        page,
        RENSTRA,
        "Sekretaris Dinas / Subbagian Program",
        "Kepala Dinas Kesehatan",
        "2024",
        "Softcopy dan hardcopy",
        "5 tahun",
        "Tersedia setiap saat",
    )
    add_entry(
        page,
        PROFIL,
        "Seksi Data",
        "Kepala Dinas Kesehatan",
        "2025",
        "Softcopy",
        "Permanen",
        "Berkala",
    )
    take(page, "Ajukan ke petugas pelayanan")
    dinkes = DipEdisi.objects.get(unit=desk.units["dinkes"], tahun=tahun)
    assert dinkes.status == S.DIAJUKAN

    # So does Dinas Perhubungan.
    switch_user(page, "pelaksana_dishub")
    open_edition(page, tahun)
    add_entry(
        page,
        ANGKUTAN,
        "Bidang Angkutan",
        "Kepala Dinas Perhubungan",
        "2025",
        "Softcopy",
        "1 tahun",
        "Berkala",
    )
    take(page, "Ajukan ke petugas pelayanan")

    # The clerk recaps both submissions into the province DIP and sends the recap to the PPID.
    switch_user(page, "petugas")
    open_dip(page, provinsi_judul)
    take(page, "Rekap ke DIP Provinsi", row="Dinas Kesehatan")
    take(page, "Rekap ke DIP Provinsi", row="Dinas Perhubungan")
    isi = page.locator("table.tabel-dip-layar")
    for ringkasan in (RENSTRA, PROFIL, ANGKUTAN):
        expect(isi).to_contain_text(ringkasan)
    take(page, "Ajukan rekap ke PPID")

    # The PPID returns one Dinkes entry with a note; the recap cannot go to the Atasan yet.
    switch_user(page, "ppid")
    open_dip(page, provinsi_judul)
    entry_row(page, PROFIL).get_by_role("link", name="Kembalikan").click()
    expect(
        page.get_by_role("heading", name="Kembalikan entri dengan catatan koreksi")
    ).to_be_visible()
    assert_fits_desk_screen(page)
    page.get_by_label("Catatan koreksi").fill(KOREKSI)
    page.get_by_role("button", name="Kembalikan entri").click()
    expect(page.get_by_role("alert")).to_have_text("Catatan koreksi entri disimpan.")
    expect(entry_row(page, PROFIL)).to_contain_text(f"Koreksi: {KOREKSI}")
    ke_atasan = page.get_by_role("button", name="Tidak ada koreksi: ajukan ke Atasan PPID")
    expect(ke_atasan).to_be_disabled()
    expect(page.get_by_text("Masih ada koreksi untuk Dinas Kesehatan")).to_be_visible()
    assert_fits_desk_screen(page)
    take_with_form(page, "Kembalikan ke petugas untuk koreksi", "Kembalikan ke petugas")

    # The clerk forwards the correction to the PPID Pelaksana of Dinkes.
    switch_user(page, "petugas")
    open_dip(page, provinsi_judul)
    take(page, "Teruskan koreksi ke PPID Pelaksana", row="Dinas Kesehatan")
    dinkes.refresh_from_db()
    assert dinkes.status == S.PERBAIKAN

    # Dinkes reads the note, corrects the entry and submits again.
    switch_user(page, "pelaksana_dinkes")
    open_dip(page, f"DIP Dinas Kesehatan Tahun {tahun}", "Dinas Kesehatan")
    baris = entry_row(page, PROFIL)
    expect(baris).to_contain_text(f"Koreksi: {KOREKSI}")
    baris.get_by_role("link", name="Ubah").click()
    expect(page.get_by_role("heading", name="Ubah entri")).to_be_visible()
    assert_fits_desk_screen(page)
    page.get_by_label("Ringkasan isi informasi").fill(PROFIL_BENAR)
    page.get_by_label("Pejabat/unit yang menguasai informasi").fill("Bidang P2P, Seksi Data")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_role("alert")).to_have_text("Entri diubah.")
    assert_fits_desk_screen(page)
    take(page, "Ajukan ke petugas pelayanan")
    assert not dinkes.catatan_terbuka().exists()

    # Recapped again and back to the PPID, who has no more corrections.
    switch_user(page, "petugas")
    open_dip(page, provinsi_judul)
    take(page, "Rekap ke DIP Provinsi", row="Dinas Kesehatan")
    take(page, "Ajukan rekap ke PPID")
    switch_user(page, "ppid")
    open_dip(page, provinsi_judul)
    take(page, "Tidak ada koreksi: ajukan ke Atasan PPID")

    # The Atasan PPID adopts it by SK: the DIP is frozen.
    switch_user(page, "atasan")
    open_dip(page, provinsi_judul)
    page.get_by_role("link", name="Tetapkan dengan SK Atasan PPID").click()
    expect(page.get_by_label("Tanggal SK")).to_have_value(timezone.localdate().isoformat())
    assert_fits_desk_screen(page)
    page.get_by_role("button", name="Tetapkan", exact=True).click()
    expect(page.get_by_role("alert")).to_have_text(
        "Langkah “Tetapkan dengan SK Atasan PPID” selesai."
    )
    provinsi.refresh_from_db()
    assert provinsi.status == S.DITETAPKAN
    assert provinsi.nomor_sk == f"001/SK-DIP/Setda/{tahun}"
    assert provinsi.penandatangan_sk == desk.pejabat["atasan"]
    expect(page.get_by_text(f"{provinsi_judul} sudah ditetapkan dengan SK Nomor")).to_contain_text(
        provinsi.nomor_sk
    )
    assert_fits_desk_screen(page)
    assert [e.step for e in Event.objects.for_object(provinsi)] == [
        "buat",
        "ajukan_ppid",
        "kembalikan_ke_petugas",
        "ajukan_ppid",
        "ajukan_atasan",
        "tetapkan",
    ]

    # Exported for the PPID website and Bali Satu Data: CSV, XLSX and JSON downloads.
    rows = list(csv.DictReader(io.StringIO(download(page, "CSV").decode("utf-8-sig"))))
    assert [r["ringkasan_isi_informasi"] for r in rows] == [RENSTRA, PROFIL_BENAR, ANGKUTAN]
    assert [r["perangkat_daerah"] for r in rows] == [
        "Dinas Kesehatan",
        "Dinas Kesehatan",
        "Dinas Perhubungan",
    ]
    xlsx = download(page, "XLSX")
    assert xlsx.startswith(b"PK\x03\x04")
    sheet = load_workbook(io.BytesIO(xlsx)).active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    assert {RENSTRA, PROFIL_BENAR, ANGKUTAN} <= cells
    data = json.loads(download(page, "JSON"))
    assert data["dip"]["nomor_sk"] == provinsi.nomor_sk
    assert [i["ringkasan_isi_informasi"] for i in data["informasi"]] == [
        RENSTRA,
        PROFIL_BENAR,
        ANGKUTAN,
    ]
    assert_fits_desk_screen(page)
