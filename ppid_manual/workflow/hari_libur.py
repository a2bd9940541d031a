"""Changing the holiday table: the only writes to it (DESIGN.md section 4).

Each function changes the table and, in the same transaction, counts again once the stored
deadlines of the open cases that the change can move (`recompute_for_dates`), writing one
event per moved case; it returns how many cases moved. The admin, `sync_holidays` and the
demo data call these; nothing listens for saves, so loading a backup (whose deadlines are
already right) or seeding a fresh database moves nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from ppid_manual.format import tanggal
from ppid_manual.models import HariLibur, User
from ppid_manual.workflow.deadlines import recompute_for_dates


def _named(rows: list[HariLibur], verb: str) -> str:
    if len(rows) == 1:
        return f"Kalender berubah: {tanggal(rows[0].tanggal)} {rows[0].nama} {verb}"
    return f"Kalender berubah: {len(rows)} hari libur {verb}"


@transaction.atomic
def save_hari_libur(row: HariLibur, *, by: User | None = None) -> int:
    """Add one day or change it. A change of name or source moves nothing; a new date or a
    change of whether it is a day off re-counts around the old and the new date."""
    row.periksa()  # a regional day by its decision (HariLibur.periksa)
    old = None
    if not row._state.adding:
        old = HariLibur.objects.filter(pk=row.pk).values("tanggal", "libur").first()
    row.save()
    if old is not None and (old["tanggal"], old["libur"]) == (row.tanggal, row.libur):
        return 0
    dates = {row.tanggal} | ({old["tanggal"]} if old is not None else set())
    verb = "ditambahkan" if old is None else "diubah"
    return recompute_for_dates(dates, reason=_named([row], verb), by=by)


@transaction.atomic
def add_hari_libur(rows: Iterable[HariLibur], *, by: User | None = None) -> int:
    """Add several days in one batch (the package's holidays, the demo's Bali days), counted
    again once for the batch."""
    rows = list(rows)
    for row in rows:
        row.periksa()
    rows = HariLibur.objects.bulk_create(rows)
    if not rows:
        return 0
    return recompute_for_dates(
        {row.tanggal for row in rows}, reason=_named(rows, "ditambahkan"), by=by
    )


@transaction.atomic
def delete_hari_libur(rows: Iterable[HariLibur], *, by: User | None = None) -> int:
    """Remove days (one, or the admin's selection), counted again once for all of them."""
    rows = list(rows)
    if not rows:
        return 0
    HariLibur.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return recompute_for_dates({row.tanggal for row in rows}, reason=_named(rows, "dihapus"), by=by)


@dataclass(frozen=True)
class TahunKalender:
    """One year of the holiday table, for the admin: how many rows, from where."""

    tahun: int
    jumlah: int
    libur: int
    paket: int
    admin: int
    sumber: list[str]


def tahun_dimuat() -> list[TahunKalender]:
    """Which years the holiday table holds and from which sources (sync_holidays' package, the
    admin's own rows with their legal basis)."""
    per_tahun: dict[int, dict] = {}
    for t, asal, libur, dasar in HariLibur.objects.values_list(
        "tanggal", "asal", "libur", "dasar_hukum"
    ).order_by("tanggal"):
        y = per_tahun.setdefault(t.year, {"jumlah": 0, "libur": 0, "paket": 0, "sumber": {}})
        y["jumlah"] += 1
        y["libur"] += bool(libur)
        y["paket"] += asal == HariLibur.Asal.PAKET
        if dasar:
            y["sumber"][dasar] = None
    return [
        TahunKalender(
            tahun, y["jumlah"], y["libur"], y["paket"], y["jumlah"] - y["paket"], list(y["sumber"])
        )
        for tahun, y in sorted(per_tahun.items())
    ]
