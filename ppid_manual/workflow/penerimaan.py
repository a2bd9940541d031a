"""When a request or keberatan arrives outside working time: accepted, with a notice saying
when its clock starts. The counting rule does not change (day 0 is the day received; the
first day counted is the next working day): the notice only says so, on the case's timeline
and to the clerk.

The desk's closing time is a setting (PPID_JAM_LAYANAN_SELESAI, "16:00" by default)."""

from __future__ import annotations

import datetime

from django.conf import settings

from ppid_manual.format import hari_tanggal
from ppid_manual.workflow import calendar


def jam_selesai() -> datetime.time:
    return datetime.time.fromisoformat(settings.PPID["JAM_LAYANAN_SELESAI"])


def catatan(diterima: datetime.date, sekarang: datetime.datetime) -> str:
    """The notice for a receipt on a day that is not a working day, or today after the desk's
    closing time; "" for an ordinary receipt."""
    akhir = diterima + datetime.timedelta(days=30)
    days_off = calendar.days_off_between(diterima, akhir)
    pertama = calendar.add_working_days(diterima, 1, days_off)
    if not calendar.is_working_day(diterima, days_off):
        why = days_off.get(diterima) or ("hari Sabtu" if diterima.weekday() == 5 else "hari Minggu")
        sebab = f"diterima pada {hari_tanggal(diterima)}, bukan hari kerja ({why})"
    elif diterima == sekarang.date() and sekarang.time() >= jam_selesai():
        sebab = (
            f"diterima sesudah jam layanan (pukul {sekarang:%H.%M}; layanan selesai pukul "
            f"{jam_selesai():%H.%M})"
        )
    else:
        return ""
    return (
        f"Diterima dan dicatat: {sebab}. Tanggal diterima tetap hari ke-0; hitungan hari "
        f"kerja dimulai {hari_tanggal(pertama)}."
    )
