"""SOP langkah 5: the information is handed over 1 working day after it is ready (the fee is
paid at the handover). The target is shown on the case, and a request waiting past it counts
as late on the dashboard and in the lists, like a late notice."""

from __future__ import annotations

from layanan import dashboard
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at, case_url, page
from tests.keberatan.helpers import buat_permohonan

K = Permohonan.Keputusan


def granted(desk, day):
    p = buat_permohonan(desk, D(2026, 3, 26))
    with at(day):
        return reg.issue_decision(
            p,
            reg.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA, uraian_informasi="Data terlampir."),
            by=desk.ppid,
        )


def sorotan(user, today):
    panel = dashboard.permohonan_panel(user, today)
    return {a.label: a.nilai for a in panel["sorotan"]}


def test_the_handover_target_is_one_working_day_after_the_information_is_ready(
    client, desk, holidays_2026
):
    # Granted Thursday 2 April 2026; 3 April (Jumat Agung) is off: target Monday 6 April.
    p = granted(desk, D(2026, 4, 2))
    assert (p.tanggal_siap, p.target_penyerahan) == (D(2026, 4, 2), D(2026, 4, 6))
    with at(D(2026, 4, 6)):
        client.force_login(desk.petugas)
        html = page(client.get(case_url(p)))
    assert "Target penyerahan informasi (SOP 1 hari kerja)" in html
    assert "Dihitung sejak tanggal informasi siap diserahkan" in html
    # Due on the 6th: near due, not late; on the 7th, late on the dashboard.
    assert sorotan(desk.petugas, D(2026, 4, 6))["Melewati tenggat"] == 0
    assert sorotan(desk.petugas, D(2026, 4, 6))["Jatuh tempo ≤ 2 hari kerja"] == 1
    assert sorotan(desk.petugas, D(2026, 4, 7))["Melewati tenggat"] == 1
    p.refresh_from_db()
    assert p.is_overdue(D(2026, 4, 7)) and not p.is_overdue(D(2026, 4, 6))
    # Handed over (and paid): nothing waits, nothing is late.
    with at(D(2026, 4, 7)):
        reg.hand_over(p, by=desk.petugas, nama_penerima="Ni Made", cara="email")
    assert sorotan(desk.petugas, D(2026, 4, 8))["Melewati tenggat"] == 0
