"""One definition per deadline (issue 14 §2): the DeadlineSpec that counts a deadline when its
clock starts is the one that explains it and the one near-due is tested with."""

import datetime

import pytest

from keberatan.alur import SENGKETA_SESUDAH_TANGGAPAN, TENGGAT_PENGAJUAN
from ppid_manual.workflow.deadlines import is_near_due, near_due_limit
from registrasi.alur import TENGGAT_AWAL, TENGGAT_PEMBERITAHUAN, TENGGAT_PERPANJANGAN
from registrasi.models import Permohonan

D = datetime.date


@pytest.mark.django_db
def test_the_golden_example_is_counted_stamped_and_explained_by_the_spec(holidays_2026):
    # DESIGN.md §4: registered Monday 16 March 2026 → Tuesday 7 April 2026; extended →
    # Thursday 16 April 2026.
    p = Permohonan(tanggal_daftar=D(2026, 3, 16))
    assert TENGGAT_AWAL.stamp(p) == D(2026, 4, 7)
    assert TENGGAT_PEMBERITAHUAN.stamp(p) == D(2026, 4, 7)
    p.diperpanjang = True
    assert TENGGAT_PERPANJANGAN.stamp(p) == D(2026, 4, 16)
    assert p.tenggat_awal == D(2026, 4, 7) and p.tenggat == D(2026, 4, 16)

    e = TENGGAT_AWAL.explain(p)
    assert (e.judul, e.dasar, e.hari) == (
        "10 hari kerja sejak pendaftaran (Pasal 22 ayat (7))",
        "UU 14/2008 Pasal 22 ayat (7)",
        10,
    )
    assert (e.mulai, e.tenggat) == (D(2026, 3, 16), D(2026, 4, 7))
    skipped = {s.date: s.reason for s in e.dilewati}
    assert "Nyepi" in skipped[D(2026, 3, 19)]
    assert D(2026, 4, 3) in skipped  # Wafat Yesus Kristus
    assert D(2026, 3, 17) not in skipped  # a working day


@pytest.mark.django_db
def test_the_keberatan_clocks_count_from_their_day_0(holidays_2026):
    # Pasal 36(1): 30 hk to file: 10 hk to 7 April (the golden example), then 20 more,
    # skipping 1 May (Hari Buruh).
    assert TENGGAT_PENGAJUAN.count_from(D(2026, 3, 16)) == D(2026, 5, 6)
    # Pasal 37(2): 14 hk after the Atasan's answer, three weeks with no holiday.
    assert SENGKETA_SESUDAH_TANGGAPAN.count_from(D(2026, 11, 2)) == D(2026, 11, 20)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tenggat, expected",
    [
        (None, False),
        (D(2026, 3, 13), False),  # Friday: overdue, not near due
        (D(2026, 3, 16), True),  # due today
        (D(2026, 3, 17), True),  # 1 hk left
        (D(2026, 3, 25), True),  # 2 hk left: 18–24 March are Nyepi and cuti bersama
        (D(2026, 3, 26), False),  # 3 hk left
    ],
)
def test_near_due_means_at_most_two_working_days_left(holidays_2026, tenggat, expected):
    today = D(2026, 3, 16)
    assert is_near_due(tenggat, today) is expected
    assert is_near_due(tenggat, today, near_due_limit(today)) is expected
