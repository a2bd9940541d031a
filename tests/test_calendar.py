"""The calendar engine: tables of exact dates around real holiday runs."""

import datetime

import pytest
from django.core.management import call_command

from ppid_manual.models import HariLibur
from ppid_manual.workflow import calendar
from ppid_manual.workflow.calendar import add_working_days, skipped_days

D = datetime.date


@pytest.mark.parametrize(
    "start, n, expected",
    [
        # The golden example: Nyepi + Idul Fitri 2026 with cuti bersama, Wafat Yesus Kristus.
        (D(2026, 3, 16), 10, D(2026, 4, 7)),
        # The extension: 7 hk after the original deadline (UU 14/2008 Pasal 22(8)).
        (D(2026, 4, 7), 7, D(2026, 4, 16)),
        # A Friday start: the weekend is not counted.
        (D(2026, 2, 6), 1, D(2026, 2, 9)),
        (D(2026, 2, 6), 10, D(2026, 2, 24)),  # skips 16 Feb cuti bersama Imlek, 17 Feb Imlek
        # Registered on a day off (a Saturday): counting starts on the next working day.
        (D(2026, 3, 21), 1, D(2026, 3, 25)),
        # Year end: cuti bersama 24 Dec, Natal 25 Dec, Tahun Baru 1 Jan, Isra Mikraj 5 Jan 2027.
        (D(2026, 12, 21), 10, D(2027, 1, 8)),
        # Keberatan: 30 hk (Pasal 36(2)); sengketa: 14 hk (Pasal 37(2)).
        (D(2026, 3, 16), 30, D(2026, 5, 6)),
        (D(2026, 5, 20), 14, D(2026, 6, 12)),
        (D(2026, 3, 16), 0, D(2026, 3, 16)),
    ],
)
def test_it_counts_working_days_around_real_holidays(holidays_2026, start, n, expected):
    assert calendar.deadline(start, n) == expected


def test_it_moves_a_deadline_when_a_day_is_added_later(holidays_2026):
    assert calendar.deadline(D(2026, 6, 10), 10) == D(2026, 6, 25)
    HariLibur.objects.create(
        tanggal=D(2026, 6, 17),
        nama="Hari Raya Galungan",
        jenis=HariLibur.Jenis.PENUTUPAN,
        dasar_hukum="SE Gubernur Bali",
        nomor_surat="003.1/1234/B.Org",
        tanggal_surat=D(2026, 6, 1),
        libur=True,
    )
    assert calendar.deadline(D(2026, 6, 10), 10) == D(2026, 6, 26)


def test_it_ignores_a_recorded_day_that_is_not_a_day_off(holidays_2026):
    HariLibur.objects.create(
        tanggal=D(2026, 4, 8),
        nama="Pagerwesi",
        jenis=HariLibur.Jenis.DISPENSASI_BALI,
        libur=False,
    )
    assert calendar.deadline(D(2026, 4, 7), 7) == D(2026, 4, 16)


def test_it_explains_each_skipped_day_with_its_name(holidays_2026):
    skipped = calendar.explain(D(2026, 3, 16), D(2026, 4, 7))
    named = {(s.date, s.reason) for s in skipped}
    assert (D(2026, 3, 19), "Hari Suci Nyepi") in named
    assert (D(2026, 3, 18), "Cuti Bersama Hari Suci Nyepi") in named
    assert (D(2026, 4, 3), "Wafat Yesus Kristus") in named
    assert (D(2026, 3, 28), "Sabtu (akhir pekan)") in named
    assert [s.date for s in skipped] == sorted(s.date for s in skipped)
    # 22 calendar days, 10 counted: the other 12 are all explained.
    assert len(skipped) == 12


def test_pure_function_needs_no_database():
    days_off = {D(2026, 1, 1): "Tahun Baru"}
    assert add_working_days(D(2025, 12, 31), 1, days_off) == D(2026, 1, 2)
    assert skipped_days(D(2025, 12, 31), D(2026, 1, 2), days_off)[0].reason == "Tahun Baru"
    with pytest.raises(ValueError):
        add_working_days(D(2026, 1, 1), -1, days_off)


def test_sync_holidays_is_idempotent_and_keeps_admin_edits(db):
    call_command("sync_holidays", "--year=2026")
    count = HariLibur.objects.count()
    nyepi = HariLibur.objects.get(tanggal=D(2026, 3, 19))
    assert nyepi.nama == "Hari Suci Nyepi"
    assert nyepi.jenis == HariLibur.Jenis.LIBUR_NASIONAL
    assert HariLibur.objects.get(tanggal=D(2026, 3, 18)).jenis == HariLibur.Jenis.CUTI_BERSAMA

    nyepi.nama = "Hari Suci Nyepi Tahun Baru Saka 1948"
    nyepi.diubah_admin = True
    nyepi.save()
    call_command("sync_holidays", "--year=2026")
    assert HariLibur.objects.count() == count
    assert HariLibur.objects.get(tanggal=D(2026, 3, 19)).nama.endswith("Saka 1948")


def test_deadline_command_prints_the_date_first_then_the_skipped_days(holidays_2026, capsys):
    call_command("deadline", "2026-03-16", "10")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2026-04-07"
    assert "2026-03-19  Hari Suci Nyepi" in lines
    assert len(lines) == 13


@pytest.mark.parametrize(
    "args", [("2026-02-30", "10"), ("kemarin", "10"), ("2026-03-16", "x"), ("2026-03-16", "-1")]
)
def test_deadline_command_refuses_bad_arguments(db, args):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("deadline", *args)
