"""A refusal and the keberatan on it, in Chromium: the PPID refuses with an SK Penolakan; the
clerk registers the keberatan typed from the paper form with the keyboard alone; the Atasan
PPID instructs, the PPID drafts, the Atasan sends the draft back once, approves the redraft
and answers; the register shows the case."""

from __future__ import annotations

import re

from django.utils import timezone
from playwright.sync_api import expect

from keberatan.models import Keberatan
from ppid_manual.format import hari_tanggal
from ppid_manual.models import Event
from ppid_manual.workflow import calendar
from registrasi import actions as reg
from registrasi.models import Permohonan, SuratPermintaan
from tests.e2e.conftest import (
    assert_fits_desk_screen,
    fetch,
    fill_by_keyboard,
    login,
    menu,
    pdf_text,
    permohonan_terdaftar,
    switch_user,
)

S = Keberatan.Status
KASUS = "PPID menolak seluruh permohonan; rekap per kabupaten tidak memuat data pribadi."
KUASA = "I Made Wirawan, S.H."
DRAF_1 = "Putusan PPID dikuatkan: data memuat rahasia pribadi."
CATATAN = "Uraikan uji konsekuensi per jenis data."
DRAF_2 = "Uji konsekuensi: nama, NIK dan alamat penerima bantuan adalah rahasia pribadi."


def open_keberatan(page, k: Keberatan) -> None:
    menu(page, "Keberatan", "Keberatan")
    page.get_by_role("link", name=k.nomor_registrasi, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Keberatan {k.nomor_registrasi}")
    assert_fits_desk_screen(page)


def take_step(page, label: str) -> None:
    page.locator(".langkah").get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", name=label)).to_be_visible()
    assert_fits_desk_screen(page)


def submit(page, label: str, message: str) -> None:
    page.get_by_role("button", name=label, exact=True).click()
    expect(page.get_by_role("alert")).to_have_text(message)
    assert_fits_desk_screen(page)


def refused_request(desk) -> Permohonan:
    """A request routed to Dinas Kesehatan, which answers that the data are exempt."""
    p = permohonan_terdaftar(desk, rincian="Daftar penerima bantuan iuran kesehatan 2025")
    reg.route_to_opd(p, by=desk.ppid, unit=desk.units["dinkes"])
    reg.record_opd_answer(
        Permohonan.objects.get(pk=p.pk),
        by=desk.dinkes,
        jawaban=SuratPermintaan.Jawaban.DIKECUALIKAN,
        klasifikasi=Permohonan.Klasifikasi.DIKECUALIKAN,
        isi_jawaban="Memuat nama, NIK dan alamat penerima bantuan.",
        tanggal_jawaban=timezone.localdate(),
    )
    return Permohonan.objects.get(pk=p.pk)


def test_a_refusal_then_a_keberatan_drafted_twice_and_answered_by_the_atasan(page, desk):
    today = timezone.localdate()
    p = refused_request(desk)

    # The PPID refuses with an SK Penolakan (Pasal 17 huruf h, with the consequence test).
    login(page, "ppid")
    menu(page, "Permohonan", "Permohonan")
    page.get_by_role("link", name=p.nomor_pendaftaran, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Permohonan {p.nomor_pendaftaran}")
    assert_fits_desk_screen(page)
    page.locator(".langkah").get_by_role("link", name="Penolakan dengan SK (dikecualikan)").click()
    expect(page.get_by_role("heading", name="Penolakan dengan SK (dikecualikan)")).to_be_visible()
    assert_fits_desk_screen(page)
    page.get_by_label("h. mengungkap rahasia pribadi").check()
    page.get_by_label("Uji konsekuensi (akibat apabila informasi dibuka)").fill(
        "Membuka nama, NIK dan alamat penerima bantuan melanggar rahasia pribadi mereka."
    )
    page.get_by_role("button", name="Terbitkan pemberitahuan dan SK").click()
    p.refresh_from_db()
    assert (p.status, p.keputusan) == (Permohonan.Status.SELESAI, Permohonan.Keputusan.DITOLAK)
    expect(page.get_by_role("alert")).to_have_text(
        f"Pemberitahuan tertulis {p.nomor_pemberitahuan} diterbitkan dengan SK penolakan "
        f"{p.nomor_sk_penolakan}."
    )
    assert_fits_desk_screen(page)
    sk = fetch(
        page, page.get_by_role("link", name="SK PPID tentang penolakan").get_attribute("href")
    )
    text = pdf_text(sk.body())
    assert p.nomor_sk_penolakan in text and p.nomor_pendaftaran in text
    assert "Pasal 17 huruf h" in text

    # SOP 1–2: the pemohon's kuasa files a keberatan at the desk; the clerk types the paper
    # form without the mouse, starting from the request's number on the receipt.
    switch_user(page, "petugas")
    menu(page, "Keberatan", "Daftarkan keberatan")
    cari = page.get_by_label("Nomor pendaftaran permohonan")
    cari.focus()
    page.keyboard.type(p.nomor_pendaftaran)
    page.keyboard.press("Enter")
    batas = calendar.deadline(p.tanggal_pemberitahuan, 30)  # Pasal 36(1)
    expect(page.get_by_text("Batas pengajuan 30 hari kerja:")).to_contain_text(hari_tanggal(batas))
    assert_fits_desk_screen(page)
    nomor = page.get_by_label("Nomor pendaftaran permohonan")
    expect(nomor).to_have_value(p.nomor_pendaftaran)
    fill_by_keyboard(
        page,
        nomor,
        [
            # A. the request, the purpose, the kuasa (the pemohon's identity comes from the
            # request); B. the reasons a–g; C. the case; then the desk's completeness check.
            ("nomor_pendaftaran", None),
            ("tanggal_diterima", None),
            # Filled in only when the form first came incomplete (SOP row 1, issue 18).
            ("tanggal_diajukan", None),
            ("tanggal_dasar", None),
            # How it came (handed in: preselected), the postmark only for a posted one, and
            # whether an incomplete form was kept (Pasal 36(2) day 0; issue 28).
            ("cara_pengajuan", None),
            ("tanggal_dikirim", None),
            ("formulir_dikembalikan", None),
            ("tujuan_penggunaan", None),
            ("kuasa_nama", KUASA),
            ("kuasa_alamat", "Jl. Hayam Wuruk No. 10, Denpasar"),
            ("kuasa_telepon", "0813 3700 0111"),
            ("surat_kuasa_diterima", "<Space>"),
            ("surat_kuasa", None),
            ("alasan", "<Space>"),  # a. refused under Pasal 17
            *[("alasan", None)] * 6,
            ("kasus_posisi", KASUS),
            ("identitas_diterima", "<Space>"),
            ("scan_identitas", None),
            # The late entry of a paper form (issue 18): its details stay hidden unticked.
            ("entri_susulan", None),
            ("daftarkan", None),
        ],
    )
    expect(page.get_by_label("Tujuan penggunaan informasi")).to_have_value(
        "Bahan liputan kesehatan anak"
    )
    expect(page.get_by_label("Nama kuasa")).to_have_value(KUASA)
    expect(
        page.get_by_label("a. Permohonan informasi ditolak atas alasan pengecualian")
    ).to_be_checked()
    expect(page.get_by_label("b. Informasi berkala")).not_to_be_checked()
    expect(page.get_by_label("Surat kuasa diterima")).to_be_checked()
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/keberatan/\d+/\?baru=1$"))
    k = Keberatan.objects.get()
    assert (k.status, k.permohonan, k.alasan) == (S.TERDAFTAR, p, [Keberatan.Alasan.A])
    assert (k.kuasa_nama, k.surat_kuasa_diterima, k.kasus_posisi) == (KUASA, True, KASUS)
    assert re.fullmatch(r"\d{4}/KEB-PPID/[IVX]+/\d{4}", k.nomor_registrasi)
    tanggapan_paling_lambat = calendar.deadline(today, 30)  # Pasal 36(2)
    assert k.tenggat_tanggapan == tanggapan_paling_lambat
    expect(page.get_by_role("alert").first).to_have_text(
        f"Keberatan {k.nomor_registrasi} didaftarkan."
    )
    expect(page.get_by_role("status")).to_contain_text(hari_tanggal(tanggapan_paling_lambat))
    assert_fits_desk_screen(page)
    expect(page.get_by_role("link", name="Cetak formulir keberatan")).to_be_visible()

    # SOP 3: the Atasan PPID examines it and instructs the PPID (disposisi).
    switch_user(page, "atasan")
    open_keberatan(page, k)
    take_step(page, "Periksa dan disposisi")
    page.get_by_label("Diteruskan kepada").select_option(
        label="Dinas Komunikasi, Informatika dan Statistik"
    )
    page.get_by_label("Segera", exact=True).check()
    page.get_by_label("Isi disposisi (instruksi Atasan PPID)").fill(
        "Kaji ulang pengecualian; siapkan draf tanggapan."
    )
    submit(page, "Periksa dan disposisi", "Disposisi dicatat; lembar disposisi dapat dicetak.")
    k.refresh_from_db()
    assert (k.status, k.unit_disposisi) == (S.DIDISPOSISI, desk.units["utama"])

    # SOP 4: the PPID drafts the answer ...
    switch_user(page, "ppid")
    open_keberatan(page, k)
    take_step(page, "Ajukan draf tanggapan ke Atasan PPID")
    page.get_by_label("Keberatan ditolak: putusan PPID dikuatkan").check()
    page.get_by_label("Isi draf surat tanggapan (pertimbangan dan alasan)").fill(DRAF_1)
    submit(page, "Ajukan draf tanggapan ke Atasan PPID", "Draf tanggapan diajukan ke Atasan PPID.")

    # ... the Atasan sends it back once with a note ...
    switch_user(page, "atasan")
    open_keberatan(page, k)
    expect(page.get_by_role("region", name="Draf tanggapan")).to_contain_text(DRAF_1)
    take_step(page, "Kembalikan draf untuk perbaikan")
    page.get_by_label("Catatan perbaikan untuk penyusun draf").fill(CATATAN)
    submit(page, "Kembalikan draf untuk perbaikan", "Draf dikembalikan untuk perbaikan.")
    k.refresh_from_db()
    assert (k.status, k.jumlah_revisi) == (S.DRAF_DIKEMBALIKAN, 1)

    # ... the PPID reads the note and redrafts ...
    switch_user(page, "ppid")
    open_keberatan(page, k)
    take_step(page, "Ajukan draf tanggapan ke Atasan PPID")
    expect(page.get_by_text("Catatan perbaikan dari Atasan PPID:")).to_be_visible()
    expect(page.locator(".alert-warning")).to_contain_text(CATATAN)
    page.get_by_label("Isi draf surat tanggapan (pertimbangan dan alasan)").fill(DRAF_2)
    submit(page, "Ajukan draf tanggapan ke Atasan PPID", "Draf tanggapan diajukan ke Atasan PPID.")

    # SOP 5: ... and the Atasan approves it and answers, upholding the refusal.
    switch_user(page, "atasan")
    open_keberatan(page, k)
    take_step(page, "Setujui draf")
    submit(page, "Setujui draf", "Draf disetujui.")
    take_step(page, "Tanggapi: putusan PPID dikuatkan")
    alasan = page.get_by_label("Alasan tertulis penolakan keberatan (UU 14/2008 Pasal 36 ayat (3))")
    expect(alasan).to_have_value(DRAF_2)  # the approved draft
    submit(page, "Tanggapi: putusan PPID dikuatkan", "Tanggapan Atasan PPID dicatat.")
    k.refresh_from_db()
    assert (k.status, k.keputusan) == (S.DITANGGAPI, Keberatan.Keputusan.DITOLAK)
    assert (k.pertimbangan, k.pejabat_tanggapan) == (DRAF_2, desk.pejabat["atasan"])
    tanggapan = page.get_by_role("region", name="Tanggapan Atasan PPID")
    expect(tanggapan).to_contain_text(k.nomor_tanggapan)
    expect(tanggapan).to_contain_text("I Wayan Sekda, S.H.")
    surat = fetch(
        page, page.get_by_role("link", name="Surat tanggapan Atasan PPID").get_attribute("href")
    )
    text = pdf_text(surat.body())
    assert k.nomor_tanggapan in text and k.nomor_registrasi in text
    assert "Komisi Informasi" in text  # the 14-hk right to a dispute (Pasal 37(2))

    assert [(e.step, e.actor.username) for e in Event.objects.for_object(k)] == [
        ("daftarkan", "petugas"),
        ("disposisi", "atasan"),
        ("ajukan_draf", "ppid"),
        ("kembalikan_draf", "atasan"),
        ("ajukan_draf", "ppid"),
        ("setujui_draf", "atasan"),
        ("tanggapi_ditolak", "atasan"),
    ]

    # The Register Keberatan of this year shows the case and the Atasan's decision.
    menu(page, "Keberatan", "Register keberatan")
    page.get_by_role("button", name="Tampilkan").click()
    row = page.get_by_role("row", name=k.nomor_registrasi)
    expect(row).to_contain_text(p.nomor_pendaftaran)
    expect(row).to_contain_text(KUASA)
    expect(row).to_contain_text("Keberatan ditolak: putusan PPID dikuatkan")
    expect(row).to_contain_text("I Wayan Sekda, S.H.")
    assert_fits_desk_screen(page)
