"""A PPID Pelaksana works only on its own OPD's requests: another OPD's request is not in its
list and does not open by URL (page, step, print, nor a posted step), while the OPD it was
sent to opens it."""

from __future__ import annotations

from playwright.sync_api import expect

from ppid_manual.models import Event
from registrasi import actions
from registrasi.models import Permohonan
from tests.e2e.conftest import (
    assert_fits_desk_screen,
    login,
    menu,
    permohonan_terdaftar,
    switch_user,
)

PEMOHON = "Ni Luh Putu Sari"


def test_a_ppid_pelaksana_cannot_open_another_opds_request(page, desk):
    p = permohonan_terdaftar(desk, nama=PEMOHON, rincian="Data kasus demam berdarah 2025")
    actions.route_to_opd(p, by=desk.ppid, unit=desk.units["dinkes"])
    p.refresh_from_db()
    events = Event.objects.count()

    login(page, "pelaksana_dishub")
    menu(page, "Permohonan", "Permohonan")
    page.get_by_role("link", name="Semua", exact=True).click()
    page.wait_for_url("**/permohonan/?tab=semua")
    expect(page.get_by_role("main")).not_to_contain_text(p.nomor_pendaftaran)
    expect(page.get_by_role("main")).not_to_contain_text(PEMOHON)
    assert_fits_desk_screen(page)

    # Typing the addresses does not help: "not found", and nothing of the case shows.
    base = f"{page.base_url}/permohonan/{p.pk}"
    for url in (f"{base}/", f"{base}/jawaban-opd/", f"{base}/cetak/formulir/"):
        response = page.goto(url)
        assert response.status == 404, url
        expect(page.get_by_role("heading", level=1)).to_have_text("Halaman tidak ditemukan (404)")
        expect(page.locator("body")).not_to_contain_text(PEMOHON)
        assert_fits_desk_screen(page)

    # Nor does posting the step's form with a valid session and CSRF token.
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        f"{base}/jawaban-opd/",
        form={
            "jawaban": "tidak_dikuasai",
            "isi_jawaban": "Bukan data kami.",
            "tanggal_jawaban": p.tanggal_daftar.isoformat(),
        },
        headers={"X-CSRFToken": csrf, "Referer": f"{base}/jawaban-opd/"},
        max_redirects=0,
    )
    assert response.status == 404
    p.refresh_from_db()
    assert p.status == Permohonan.Status.DIMINTAKAN_KE_OPD
    assert Event.objects.count() == events

    # The OPD it was sent to finds it in its work list and may answer.
    page.get_by_role("link", name="Kembali ke beranda").click()
    switch_user(page, "pelaksana_dinkes")
    menu(page, "Permohonan", "Permohonan")
    page.get_by_role("link", name=p.nomor_pendaftaran, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Permohonan {p.nomor_pendaftaran}")
    expect(page.locator(".langkah").get_by_role("link", name="Catat jawaban OPD")).to_be_visible()
    assert_fits_desk_screen(page)
