"""Issue 15 in Chromium: a letter seen as a KONSEP before its step (nothing written), then
issued and reprinted as stored; and a NIK typed with another person's name, shown side by
side and confirmed with a reason, the earlier case keeping its own identity."""

from __future__ import annotations

import base64

from django.urls import reverse
from playwright.sync_api import expect

from pemohon.models import Pemohon
from ppid_manual.models import DokumenTerbit
from registrasi.models import Permohonan
from tests.e2e.conftest import axe_check, fetch, login, menu, pdf_text, permohonan_terdaftar

KONSEP_POST = """async () => {
    const button = document.querySelector('button[value="konsep"]');
    const form = document.getElementById(button.getAttribute("form"));
    const data = new FormData(form);
    data.append("aksi", "konsep");
    const r = await fetch(form.action || location.href, {method: "POST", body: data});
    const bytes = new Uint8Array(await r.arrayBuffer());
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
}"""


def test_konsep_then_issue_then_reprint_the_surat_permintaan(page, desk):
    p = permohonan_terdaftar(desk)
    login(page, "ppid")
    page.goto(page.base_url + reverse("registrasi:langkah", args=[p.pk, "minta_opd"]))
    page.get_by_label("OPD yang menguasai informasi").select_option(label="Dinas Kesehatan")
    axe_check(page)
    # "Lihat KONSEP surat" posts the step's form with aksi=konsep to a new tab; the same POST
    # is made here from the page (Chromium's PDF viewer would load its own extension).
    expect(page.get_by_role("button", name="Lihat KONSEP surat")).to_be_visible()
    encoded = page.evaluate(KONSEP_POST)
    konsep = pdf_text(base64.b64decode(encoded))
    assert "K O N S E P" in konsep and "Nomor : …" in konsep and "Dinas Kesehatan" in konsep
    assert not p.surat_permintaan.exists()  # nothing written, no number taken

    page.get_by_role("button", name="Terbitkan surat permintaan").click()
    expect(page.get_by_text("Dokumen terbit (tersimpan seperti saat diterbitkan)")).to_be_visible()
    axe_check(page)
    surat = p.surat_permintaan.get()
    stored = DokumenTerbit.objects.for_object(p).get(jenis="surat-permintaan")
    row = page.locator("#h-dokumen-terbit + div").get_by_role("row", name=surat.nomor)
    expect(row).to_contain_text(stored.sha256[:12])
    url = reverse("registrasi:cetak_surat", args=[p.pk, surat.pk])
    first, again = fetch(page, url).body(), fetch(page, url).body()
    assert first == again == bytes(stored.berkas)


def test_another_name_on_a_recorded_nik_is_confirmed_side_by_side(page, desk):
    earlier = permohonan_terdaftar(desk)  # Ni Made Ayu Lestari, NIK 5171014107900001
    login(page, "petugas")
    menu(page, "Permohonan", "Daftarkan permohonan")
    page.get_by_label("Nama pemohon / badan hukum / kelompok").fill("Budi Santoso")
    page.get_by_label("NIK", exact=True).fill("5171014107900001")
    page.get_by_label("Alamat").fill("Jl. Diponegoro No. 7, Denpasar")
    page.get_by_label("Pekerjaan").fill("Wiraswasta")
    page.get_by_label("Nomor telepon").fill("081333344444")
    page.get_by_label("Rincian informasi yang dibutuhkan").fill("Data irigasi subak 2025")
    page.get_by_label("Tujuan penggunaan informasi").fill("Rapat subak")
    page.get_by_label("Melihat/membaca/mendengarkan/mencatat").check()
    page.get_by_label("Formulir diisi lengkap").check()
    page.get_by_label("Fotokopi identitas diterima (KTP; badan hukum: akta)").check()
    page.get_by_role("button", name="Daftarkan (berkas lengkap)").click()

    axe_check(page)
    beda = page.locator("#beda-identitas")
    expect(beda).to_contain_text("Ni Made Ayu Lestari")
    expect(beda).to_contain_text("Budi Santoso")
    assert Permohonan.objects.count() == 1
    page.get_by_label("Orang yang sama dengan data baru: perbarui data pemohon").check()
    page.get_by_role("button", name="Daftarkan (berkas lengkap)").click()
    expect(page.get_by_label("Alasan nama berbeda pada NIK/nomor akta yang sama")).to_be_visible()
    page.get_by_label("Orang yang sama dengan data baru: perbarui data pemohon").check()
    page.get_by_label("Alasan nama berbeda pada NIK/nomor akta yang sama").fill(
        "Ganti nama sesuai KTP baru"
    )
    page.get_by_role("button", name="Daftarkan (berkas lengkap)").click()
    expect(page.get_by_text("Permohonan terdaftar dengan nomor")).to_be_visible()
    axe_check(page)
    assert Pemohon.objects.get().nama == "Budi Santoso"
    page.goto(page.base_url + reverse("registrasi:detail", args=[earlier.pk]))
    expect(page.locator("main")).to_contain_text("Ni Made Ayu Lestari")
    expect(page.locator("main")).to_contain_text("Ganti nama sesuai KTP baru")
    axe_check(page)
