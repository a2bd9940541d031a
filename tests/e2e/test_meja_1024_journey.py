"""The desk at 1024 px, tried as a new user would: the navbar fits on one line for every role
with "Keluar" on screen; a step page validates on the server (no browser bubbles) with the
error summary, a radio group's error linking to its group; a text limit is a counter while
typing and a pasted text over it is refused with a message, never cut."""

from __future__ import annotations

import uuid

from django.utils import timezone

from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.e2e.conftest import assert_fits_desk_screen, axe_check, login

LAYAR_1024 = {"width": 1024, "height": 768}


def test_the_navbar_fits_at_1024_px_for_every_role(page, desk, kalender):
    page.set_viewport_size(LAYAR_1024)
    for username in ("petugas", "ppid", "pelaksana_dinkes", "atasan", "admin"):
        login(page, username)
        assert_fits_desk_screen(page)
        keluar = page.get_by_role("button", name="Keluar")
        box = keluar.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 1024, (username, box)
        keluar.click()
        page.wait_for_url(f"{page.base_url}/masuk/")
        axe_check(page)


def _routed(desk) -> Permohonan:
    p = reg.register_permohonan(
        reg.Intake(
            pemohon={
                "jenis": "perorangan",
                "nama": "Ni Made Ayu Lestari",
                "nik": "5171010101900001",
                "alamat": "Jl. Gatot Subroto No. 1, Denpasar",
                "pekerjaan": "Wartawan",
                "telepon": "081234567890",
            },
            rincian_informasi="Data penerima bantuan kesehatan 2025 per kabupaten",
            tujuan_penggunaan="Bahan liputan",
            cara_memperoleh=Permohonan.CaraMemperoleh.SOFTCOPY,
            cara_salinan=Permohonan.CaraSalinan.EMAIL,
            formulir_lengkap=True,
            identitas_diterima=True,
            tanggal=timezone.localdate(),
            kunci=uuid.uuid4(),
        ),
        by=desk.petugas,
    )
    reg.route_to_opd(p, by=desk.ppid, unit=desk.units["dinkes"])
    return Permohonan.objects.get(pk=p.pk)


def test_a_step_page_checks_on_the_server_and_refuses_an_over_long_paste(page, desk, kalender):
    p = _routed(desk)
    page.set_viewport_size(LAYAR_1024)
    login(page, "pelaksana_dinkes")
    page.goto(f"{page.base_url}/permohonan/{p.pk}/langkah/jawab_opd/")
    assert_fits_desk_screen(page)
    assert page.locator("main form[method=post]").first.evaluate("f => f.noValidate")

    # A text over its limit, pasted: refused with a message, the field left as it was.
    isian = page.locator("#id_isi_jawaban")
    isian.fill("Data tersedia di Bidang Pelayanan Kesehatan.")
    isian.evaluate(
        """el => { const dt = new DataTransfer(); dt.setData('text/plain', 'x'.repeat(10000));
        el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true,
        cancelable: true})); }"""
    )
    assert isian.input_value() == "Data tersedia di Bidang Pelayanan Kesehatan."
    assert page.get_by_role("alert").filter(has_text="Teks tidak ditempel").is_visible()
    assert "10.000 karakter" in page.get_by_role("alert").filter(has_text="ditempel").inner_text()
    assert page.locator("#id_isi_jawaban-penghitung").inner_text() == "44 dari 3.000 karakter"
    isian.press_sequentially(" Terima kasih.")
    assert page.locator("#id_isi_jawaban-penghitung").inner_text() == "58 dari 3.000 karakter"

    # Sent without the answer chosen: the server's summary, not a browser bubble.
    page.get_by_role("button", name="Catat jawaban OPD").click()
    page.wait_for_load_state()
    summary = page.locator("[data-ringkasan-galat]")
    assert summary.is_visible()
    assert summary.evaluate("el => el === document.activeElement")
    link = summary.get_by_role("link", name="Jawaban OPD")
    assert link.get_attribute("href") == "#div_id_jawaban"
    link.click()
    assert page.evaluate("document.activeElement.id") == "id_jawaban_0"
    axe_check(page)
