"""The home page's figures, per role: open cases by step, overdue, near due, this month's
intake against last month's. Every figure is one aggregate query and links to the filtered
list that shows the same rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from ppid_manual.roles import ALL_DESK
from ppid_manual.workflow.deadlines import HK_DEKAT


@dataclass(frozen=True)
class Angka:
    label: str
    nilai: int
    url: str
    css: str = ""


def _link(name: str, **params) -> str:
    return f"{reverse(name)}?{urlencode(params)}"


def month_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = day.replace(day=1)
    nxt = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, nxt - datetime.timedelta(days=1)


def previous_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1) - datetime.timedelta(days=1)


def _by_status(qs, choices) -> dict[str, int]:
    counts = dict(qs.values_list("status").annotate(n=Count("pk")).order_by())
    return {value: counts.get(value, 0) for value, _ in choices}


def _panel(
    judul: str,
    url: str,
    base,
    terbuka,
    statuses,
    terdaftar,
    Status,
    tanggal: str,
    today,
    tambahan: tuple[Angka, ...] = (),
) -> dict:
    """One process's panel: its open cases per step, the overdue and near-due counts (the
    queryset's `overdue` and `near_due`, the lists' own filters) and this and last month's
    intake by `tanggal`."""
    per_status = _by_status(terbuka, [(s, s) for s in statuses])
    this_start, this_end = month_bounds(today)
    last_start, last_end = month_bounds(previous_month(today))
    monthly = terdaftar.filter(**{f"{tanggal}__range": (last_start, this_end)})
    intake = dict(monthly.values_list(f"{tanggal}__month").annotate(n=Count("pk")).order_by())
    return {
        "judul": judul,
        "per_tahap": [
            Angka(Status(s).label, n, _link(url, tab="terbuka", status=s))
            for s, n in per_status.items()
        ],
        "sorotan": [
            Angka(
                "Melewati tenggat",
                base.overdue(today).count(),
                _link(url, tab="terbuka", tenggat="terlambat"),
                "danger",
            ),
            Angka(
                f"Jatuh tempo ≤ {HK_DEKAT} hari kerja",
                base.near_due(today).count(),
                _link(url, tab="terbuka", tenggat="mendekati"),
                "warning",
            ),
            Angka(
                f"Masuk bulan ini ({this_start:%m/%Y})",
                intake.get(this_start.month, 0),
                _link(url, tab="semua", bulan=f"{this_start:%Y-%m}"),
            ),
            Angka(
                f"Masuk bulan lalu ({last_start:%m/%Y})",
                intake.get(last_start.month, 0),
                _link(url, tab="semua", bulan=f"{last_start:%Y-%m}"),
            ),
            *tambahan,
        ],
    }


def permohonan_panel(user, today: datetime.date) -> dict:
    from registrasi.models import Permohonan

    base = Permohonan.objects.for_user(user)
    return _panel(
        "Permohonan informasi",
        "registrasi:daftar",
        base,
        base.open(),
        Permohonan.OPEN,
        base.registered(),
        Permohonan.Status,
        "tanggal_daftar",
        today,
    )


def keberatan_panel(user, today: datetime.date) -> dict:
    from keberatan.models import Keberatan

    base = Keberatan.objects.for_user(user).registered()
    # SOP langkah 1–2 end at registration: a late one is history, counted for the month.
    this_start, this_end = month_bounds(today)
    masuk = base.filter(tanggal_registrasi__range=(this_start, this_end)).masuk_terlambat()
    terlambat_masuk = Angka(
        "Masuk melewati target SOP bulan ini",
        masuk.count(),
        _link(
            "keberatan:daftar", tab="semua", bulan=f"{this_start:%Y-%m}", tenggat="masuk_terlambat"
        ),
        "danger",
    )
    return _panel(
        "Keberatan",
        "keberatan:daftar",
        base,
        base.open(),
        Keberatan.TERBUKA,
        base,
        Keberatan.Status,
        "tanggal_registrasi",
        today,
        (terlambat_masuk,),
    )


def dip_panel(user, today: datetime.date) -> dict:
    """The DIP editions being compiled or corrected: per step, and those past or near their
    SOP target (5 hk to compile, 1 hk for each correction: dip.alur.TARGET_*)."""
    from dip.models import DipEdisi

    base = DipEdisi.objects.for_user(user)
    S = DipEdisi.Status
    terbuka = [s for s in S.values if s != S.DITETAPKAN]
    per_status = _by_status(base.filter(status__in=terbuka), [(s, s) for s in terbuka])
    return {
        "judul": "Daftar Informasi Publik (DIP)",
        "per_tahap": [
            Angka(S(s).label, n, _link("dip:daftar", status=s)) for s, n in per_status.items()
        ],
        "sorotan": [
            Angka(
                "Melewati target SOP",
                base.overdue(today).count(),
                _link("dip:daftar", sop="terlambat"),
                "danger",
            ),
            Angka(
                f"Target SOP ≤ {HK_DEKAT} hari kerja",
                base.near_due(today).count(),
                _link("dip:daftar", sop="mendekati"),
                "warning",
            ),
        ],
    }


def panels_for(user, today: datetime.date) -> list[dict]:
    panels = []
    if user.has_role(*ALL_DESK):
        panels.append(permohonan_panel(user, today))
        panels.append(keberatan_panel(user, today))
        panels.append(dip_panel(user, today))
    return panels


def tahun_tanpa_libur(today: datetime.date) -> list[int]:
    """The years from today to the furthest deadline still running (a request's notice, a
    keberatan's answer or sengketa window) that have no holiday rows: those counts skipped no
    holiday there and may be too early (the home page warns)."""
    from django.db.models import Max

    from keberatan.models import Keberatan
    from ppid_manual.workflow import calendar
    from registrasi.models import Permohonan

    furthest = [
        today,
        Permohonan.objects.open().aggregate(m=Max("tenggat"))["m"],
        *Keberatan.objects.open()
        .aggregate(a=Max("tenggat_tanggapan"), b=Max("tenggat_sengketa"))
        .values(),
    ]
    return calendar.years_without_days_off(today, max(d for d in furthest if d is not None))
