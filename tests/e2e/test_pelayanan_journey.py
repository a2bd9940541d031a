"""SOP steps 3–5 in Chromium: the PPID writes to the OPD that holds the information, records
the OPD's answer, issues the written notice with the expected cost; the clerk hands the copy
over and takes the fee."""

from __future__ import annotations

from decimal import Decimal

from playwright.sync_api import expect

from ppid_manual.models import Event
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

S = Permohonan.Status


def open_request(page, p: Permohonan) -> None:
    """From the work list, as the desk finds a case."""
    menu(page, "Permohonan", "Permohonan")
    page.get_by_role("link", name=p.nomor_pendaftaran, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Permohonan {p.nomor_pendaftaran}")
    assert_fits_desk_screen(page)


def step(page, label: str) -> None:
    """A step button on the case page, then its form."""
    page.locator(".langkah").get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", name=label)).to_be_visible()
    assert_fits_desk_screen(page)


def test_the_ppid_routes_answers_and_notifies_and_the_clerk_hands_over_with_a_fee(
    page, desk, tarif
):
    p = permohonan_terdaftar(desk)
    login(page, "ppid")
    open_request(page, p)

    # SOP 3: the surat permintaan to Dinas Kesehatan.
    step(page, "Kirim surat permintaan ke OPD")
    page.get_by_label("OPD yang menguasai informasi").select_option(label="Dinas Kesehatan")
    page.get_by_label("Catatan untuk OPD").fill("Mohon data per kabupaten/kota.")
    page.get_by_role("button", name="Terbitkan surat permintaan").click()
    surat = SuratPermintaan.objects.get(permohonan=p)
    expect(page.get_by_role("alert")).to_have_text(
        f"Surat permintaan {surat.nomor} ke Dinas Kesehatan diterbitkan."
    )
    p.refresh_from_db()
    assert (p.status, p.unit_tujuan) == (S.DIMINTAKAN_KE_OPD, desk.units["dinkes"])
    tabel_surat = page.get_by_role("region", name="Surat permintaan ke OPD", exact=True)
    expect(tabel_surat).to_contain_text(surat.nomor)
    expect(tabel_surat).to_contain_text("Dinas Kesehatan")
    assert_fits_desk_screen(page)
    dokumen = page.get_by_role("region", name="Dokumen untuk dicetak")
    expect(
        dokumen.get_by_role("listitem").filter(has_text="Surat permintaan ke Diskes")
    ).to_contain_text(surat.nomor)

    # The OPD's answer, on paper, recorded by the PPID.
    step(page, "Catat jawaban OPD")
    page.get_by_label("Informasi tersedia dan diberikan").check()
    page.get_by_label("Klasifikasi informasi").select_option(label="Terbuka (DIP)")
    page.get_by_label("Isi jawaban (informasi yang diberikan, atau alasannya)").fill(
        "Rekap cakupan imunisasi 2025 per kabupaten/kota, 12 halaman."
    )
    page.get_by_label("Nomor surat jawaban OPD").fill("440/123/Diskes")
    page.get_by_role("button", name="Catat jawaban OPD").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Jawaban OPD dicatat. Permohonan siap diputuskan."
    )
    expect(tabel_surat).to_contain_text("Informasi tersedia dan diberikan")
    p.refresh_from_db()
    assert p.status == S.SIAP_DIPUTUS
    assert_fits_desk_screen(page)

    # SOP 4: the written notice, granted in full, with the expected copying cost.
    step(page, "Pemberitahuan: diberikan seluruhnya")
    uraian = page.get_by_label("Informasi yang diberikan")
    expect(uraian).to_have_value("Rekap cakupan imunisasi 2025 per kabupaten/kota, 12 halaman.")
    page.get_by_label("Perkiraan jumlah halaman salinan").fill("12")
    page.get_by_label("Tarif penyalinan").select_option(label=str(tarif))
    page.get_by_label("Waktu penyediaan informasi").fill("Dapat diambil mulai besok.")
    page.get_by_role("button", name="Terbitkan pemberitahuan").click()
    p.refresh_from_db()
    assert p.status == S.MENUNGGU_PENYERAHAN
    assert p.keputusan == Permohonan.Keputusan.DIBERIKAN_SELURUHNYA
    expect(page.get_by_role("alert")).to_have_text(
        f"Pemberitahuan tertulis {p.nomor_pemberitahuan} diterbitkan."
    )
    keputusan = page.get_by_role("region", name="Pemberitahuan tertulis", exact=True)
    expect(keputusan).to_contain_text("Informasi diberikan seluruhnya")
    expect(keputusan).to_contain_text("Rp6.000,00")  # 12 pages × Rp 500
    assert_fits_desk_screen(page)
    expect(
        dokumen.get_by_role("listitem").filter(has_text="Pemberitahuan tertulis")
    ).to_contain_text(p.nomor_pemberitahuan)

    # SOP 5: the clerk at the desk hands over the copies and takes the fee.
    switch_user(page, "petugas")
    open_request(page, p)
    step(page, "Serahkan informasi")
    # Pre-filled from the notice; the clerk checks what is handed over.
    expect(page.get_by_label("Nama penerima")).to_have_value("Ni Made Ayu Lestari")
    expect(page.get_by_label("Jumlah halaman/lembar salinan")).to_have_value("12")
    expect(page.get_by_label("Tarif", exact=True)).to_have_value(str(tarif.pk))
    page.get_by_role("button", name="Serahkan dan cetak tanda terima").click()
    p.refresh_from_db()
    assert p.status == S.SELESAI
    penyerahan = p.penyerahan.get()
    assert (penyerahan.biaya_salinan, penyerahan.total) == (Decimal("6000"), Decimal("6000"))
    expect(page.get_by_role("alert")).to_have_text(
        f"Informasi diserahkan; tanda terima {penyerahan.nomor}. Permohonan selesai."
    )
    bagian = page.get_by_role("region", name="Penyerahan informasi", exact=True)
    expect(bagian).to_contain_text(penyerahan.nomor)
    expect(bagian).to_contain_text("Rp6.000,00")
    assert_fits_desk_screen(page)
    receipt = fetch(
        page, page.get_by_role("link", name="Tanda terima penyerahan").get_attribute("href")
    )
    assert receipt.headers["content-type"] == "application/pdf"
    text = pdf_text(receipt.body())
    assert penyerahan.nomor in text and "Rp6.000,00" in text
    # The case's history names each step and who took it.
    assert [(e.step, e.actor.username) for e in Event.objects.for_object(p)] == [
        ("daftar", "petugas"),
        ("minta_opd", "ppid"),
        ("jawab_opd", "ppid"),
        ("beri_seluruhnya", "ppid"),
        ("serahkan", "petugas"),
    ]
