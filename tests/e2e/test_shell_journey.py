from tests.e2e.conftest import assert_fits_desk_screen, axe_check, login


def test_a_clerk_logs_in_computes_a_deadline_and_logs_out(page, petugas, holidays_2026):
    login(page, "petugas")
    assert_fits_desk_screen(page)
    page.locator("nav").get_by_role("button", name="Kalender").or_(
        page.locator("nav").get_by_role("link", name="Kalender")
    ).first.click()
    page.locator("nav").get_by_role("link", name="Hitung tenggat").click()
    page.wait_for_url("**/kalender/")
    axe_check(page)
    page.get_by_label("Tanggal mulai (hari ke-0)").fill("2026-03-16")
    page.get_by_label("Jumlah hari kerja").fill("10")
    page.get_by_role("button", name="Hitung").click()
    assert page.locator("#hasil-tenggat").inner_text() == "Selasa, 7 April 2026"
    assert page.get_by_text("19 Maret 2026 — Hari Suci Nyepi").is_visible()
    assert_fits_desk_screen(page)
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(f"{page.base_url}/masuk/")
