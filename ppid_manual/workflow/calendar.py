"""The one calendar engine: every legal deadline in the app is counted here.

UU 14/2008 counts its deadlines in hari kerja (working days): Monday to Friday, minus the
holidays and cuti bersama in the holiday table. Day 0 is the day the clock starts (e.g. the
registration date, Pasal 22(7)); counting begins on the next working day.

The pure functions take the days off as a mapping {date: name} and never touch the database
or the clock; `deadline()` and `explain()` are the database-backed wrappers.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

WEEKEND_NAMES = {5: "Sabtu (akhir pekan)", 6: "Minggu (akhir pekan)"}
ONE_DAY = datetime.timedelta(days=1)


def is_working_day(day: datetime.date, days_off: Mapping[datetime.date, str]) -> bool:
    return day.weekday() < 5 and day not in days_off


def add_working_days(
    start: datetime.date, n: int, days_off: Mapping[datetime.date, str]
) -> datetime.date:
    """The date `n` working days after `start` (day 0 is `start` itself).

    UU 14/2008 Pasal 22(7) (10 hk for the written notice), Pasal 22(8) (+7 hk extension),
    Pasal 36 (30 hk for objections) and Pasal 37(2) (14 hk for a dispute) all count this way.
    """
    if n < 0:
        raise ValueError("n must be zero or positive")
    day = start
    counted = 0
    while counted < n:
        day += ONE_DAY
        if is_working_day(day, days_off):
            counted += 1
    return day


def working_days_between(
    start: datetime.date, end: datetime.date, days_off: Mapping[datetime.date, str]
) -> int:
    """How many working days lie after `start` up to and including `end` (0 if end <= start)."""
    count = 0
    day = start
    while day < end:
        day += ONE_DAY
        if is_working_day(day, days_off):
            count += 1
    return count


@dataclass(frozen=True)
class SkippedDay:
    date: datetime.date
    reason: str


def skipped_days(
    start: datetime.date, end: datetime.date, days_off: Mapping[datetime.date, str]
) -> list[SkippedDay]:
    """Each day after `start` up to `end` that was not counted, with why."""
    skipped = []
    day = start
    while day < end:
        day += ONE_DAY
        if day in days_off:
            skipped.append(SkippedDay(day, days_off[day]))
        elif day.weekday() >= 5:
            skipped.append(SkippedDay(day, WEEKEND_NAMES[day.weekday()]))
    return skipped


# --- Database-backed wrappers ---------------------------------------------------------


def days_off_between(start: datetime.date, end: datetime.date) -> dict[datetime.date, str]:
    """Days off recorded in the holiday table between two dates (inclusive). Several rows on
    one date are joined into one name."""
    from ppid_manual.models import HariLibur

    days: dict[datetime.date, str] = {}
    rows = HariLibur.objects.filter(tanggal__range=(start, end), libur=True).order_by(
        "tanggal", "nama"
    )
    for tanggal, nama in rows.values_list("tanggal", "nama"):
        days[tanggal] = f"{days[tanggal]}; {nama}" if tanggal in days else nama
    return days


def _window(start: datetime.date, n: int) -> datetime.date:
    # Generous: n working days never span more than 2n calendar days plus the longest
    # holiday run we have seen (Idul Fitri with cuti bersama, about two weeks).
    return start + datetime.timedelta(days=2 * n + 30)


def deadline(start: datetime.date, n: int) -> datetime.date:
    """`n` working days after `start` according to the holiday table."""
    end = _window(start, n)
    while True:
        result = add_working_days(start, n, days_off_between(start, end))
        if result <= end:
            return result
        end += datetime.timedelta(days=2 * n + 30)


def explain(start: datetime.date, end: datetime.date) -> list[SkippedDay]:
    """The days the engine skipped between `start` and `end`, for the deadline explanation."""
    return skipped_days(start, end, days_off_between(start, end))


def working_days_elapsed(start: datetime.date, end: datetime.date) -> int:
    return working_days_between(start, end, days_off_between(start, end))


def today() -> datetime.date:
    """Today at the desk (the server's time zone, settings.TIME_ZONE): the one "today" of the
    app, for the deadlines' day 0, the forms' date checks and the letters' dates. The counting
    functions above take their dates as arguments and never call it."""
    from django.utils import timezone

    return timezone.localdate()


def years_without_days_off(start: datetime.date, end: datetime.date) -> list[int]:
    """The years from `start` to `end` with no row at all in the holiday table. A count that
    reaches one skips no holiday there and may come out too early: the case page, the
    calculator and the dashboard warn (DESIGN.md section 4)."""
    from ppid_manual.models import HariLibur

    if end < start:
        start, end = end, start
    loaded = {
        d.year
        for d in HariLibur.objects.filter(
            tanggal__range=(datetime.date(start.year, 1, 1), datetime.date(end.year, 12, 31))
        ).dates("tanggal", "year")
    }
    return [y for y in range(start.year, end.year + 1) if y not in loaded]
