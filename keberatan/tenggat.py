"""The deadlines of one keberatan, explained: for each stored deadline its day 0, its length,
whether it was met, and every day the calendar engine skipped and why.

One query for the whole table (the days off of the window), whatever the number of rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from keberatan.alur import (
    SENGKETA_SESUDAH_TANGGAPAN,
    SENGKETA_TANPA_TANGGAPAN,
    TARGET_DRAF,
    TARGET_JAWABAN,
    TARGET_KELENGKAPAN,
    TARGET_PEMERIKSAAN,
    TARGET_REGISTRASI,
    TENGGAT_PENGAJUAN,
    TENGGAT_TANGGAPAN,
)
from keberatan.models import Keberatan
from ppid_manual.workflow import calendar
from ppid_manual.workflow.deadlines import is_near_due, near_due_limit

S = Keberatan.Status


@dataclass(frozen=True)
class BarisTenggat:
    label: str
    dasar_hukum: str
    hari: int
    mulai: datetime.date
    tenggat: datetime.date
    dilewati: list[calendar.SkippedDay]
    selesai_pada: datetime.date | None  # when the clock stopped (the step was taken)
    berjalan: bool  # the clock runs now
    sisa: int | None  # working days left (0 = due today), while running and not overdue
    sejak: str  # what day 0 is (the date the law counts from)
    # "tepat", "terlambat", "lewat", "dekat", "berjalan", "tidak_berlaku", or "belum_pasti"
    # (the filing window counted from an estimate, or a posting date unknown: never late)
    keadaan: str

    @property
    def css(self) -> str:
        return {
            "terlambat": "text-danger",
            "lewat": "text-danger fw-bold",
            "dekat": "text-warning-emphasis fw-bold",
            "tepat": "text-success",
        }.get(self.keadaan, "")


def rincian_tenggat(k: Keberatan, today: datetime.date) -> list[BarisTenggat]:
    """Each clock of the keberatan (its DeadlineSpec, keberatan/alur.py), when it stopped and
    whether it runs now."""
    sengketa = SENGKETA_SESUDAH_TANGGAPAN if k.sudah_ditanggapi else SENGKETA_TANPA_TANGGAPAN
    clocks = [
        (TENGGAT_PENGAJUAN, k.tanggal_dikirim or k.mulai_tanggapan or k.tanggal_diterima, False),
        (TARGET_KELENGKAPAN, k.tanggal_diterima, False),
        (TARGET_REGISTRASI, k.tanggal_registrasi, False),
        (TARGET_PEMERIKSAAN, k.tanggal_disposisi, k.status == S.TERDAFTAR),
        (
            TARGET_DRAF,
            k.tanggal_draf if k.status not in (S.DIDISPOSISI, S.DRAF_DIKEMBALIKAN) else None,
            k.status in (S.DIDISPOSISI, S.DRAF_DIKEMBALIKAN),
        ),
        (
            TARGET_JAWABAN,
            k.tanggal_tanggapan,
            k.status in (S.DRAF_DIAJUKAN, S.DRAF_DISETUJUI),
        ),
        (TENGGAT_TANGGAPAN, k.tanggal_tanggapan, k.status in Keberatan.BELUM_DITANGGAPI),
        (
            sengketa,
            k.tanggal_sengketa,
            k.status == S.DITANGGAPI or k.tanggapan_lewat(today),
        ),
    ]
    clocks = [
        c
        for c in clocks
        if getattr(k, c[0].start) is not None and getattr(k, c[0].field) is not None
    ]
    if not clocks:
        return []
    first = min(min(getattr(k, c[0].start) for c in clocks), today)
    last = max(max(getattr(k, c[0].field) for c in clocks), today) + datetime.timedelta(days=30)
    days_off = calendar.days_off_between(first, last)
    near_limit = near_due_limit(today, days_off)
    rows = []
    for spec, selesai_pada, berjalan in clocks:
        e = spec.explain(k, days_off)
        tenggat = e.tenggat
        sisa = None
        if spec is TENGGAT_PENGAJUAN:
            # Judged once, at registration, on what the Act names (alur.nilai_pengajuan).
            keadaan = k.penilaian_pengajuan
        elif selesai_pada is not None:
            keadaan = "tepat" if selesai_pada <= tenggat else "terlambat"
        elif berjalan:
            if tenggat < today:
                keadaan = "lewat"
            else:
                sisa = calendar.working_days_between(today, tenggat, days_off)
                keadaan = "dekat" if is_near_due(tenggat, today, near_limit) else "berjalan"
        else:
            keadaan = "tidak_berlaku"
        rows.append(
            BarisTenggat(
                label=e.judul,
                dasar_hukum=e.dasar,
                hari=e.hari,
                mulai=e.mulai,
                tenggat=tenggat,
                dilewati=e.dilewati,
                selesai_pada=selesai_pada,
                berjalan=berjalan,
                sisa=sisa,
                sejak=e.sejak,
                keadaan=keadaan,
            )
        )
    return rows
