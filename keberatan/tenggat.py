"""The deadlines of one keberatan, explained: for each stored deadline its day 0, its length,
whether it was met, and every day the calendar engine skipped and why.

One query for the whole table (the days off of the window), whatever the number of rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from keberatan.alur import (
    HK_PENGAJUAN,
    HK_SENGKETA,
    HK_TANGGAPAN,
    SOP_DRAF,
    SOP_JAWABAN,
    SOP_PEMERIKSAAN,
    SOP_REGISTRASI,
)
from keberatan.models import Keberatan
from ppid_manual.workflow import calendar

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
    keadaan: str  # "tepat", "terlambat", "lewat", "dekat", "berjalan", "tidak_berlaku"

    @property
    def css(self) -> str:
        return {
            "terlambat": "text-danger",
            "lewat": "text-danger fw-bold",
            "dekat": "text-warning-emphasis fw-bold",
            "tepat": "text-success",
        }.get(self.keadaan, "")


def rincian_tenggat(k: Keberatan, today: datetime.date) -> list[BarisTenggat]:
    clocks = [
        (
            "Batas pengajuan keberatan",
            "UU 14/2008 Pasal 36 ayat (1)",
            HK_PENGAJUAN,
            k.tanggal_dasar,
            k.tenggat_pengajuan,
            k.tanggal_diterima,
            False,
        ),
        (
            "Target registrasi",
            "SOP langkah 2",
            SOP_REGISTRASI,
            k.tanggal_diterima,
            k.target_registrasi,
            k.tanggal_registrasi,
            False,
        ),
        (
            "Target pemeriksaan dan disposisi Atasan PPID",
            "SOP langkah 3",
            SOP_PEMERIKSAAN,
            k.tanggal_registrasi,
            k.target_pemeriksaan,
            k.tanggal_disposisi,
            k.status == S.TERDAFTAR,
        ),
        (
            "Target draf tanggapan PPID",
            "SOP langkah 4",
            SOP_DRAF,
            k.mulai_draf,
            k.target_draf,
            k.tanggal_draf if k.status not in (S.DIDISPOSISI, S.DRAF_DIKEMBALIKAN) else None,
            k.status in (S.DIDISPOSISI, S.DRAF_DIKEMBALIKAN),
        ),
        (
            "Target tanggapan Atasan PPID",
            "SOP langkah 5",
            SOP_JAWABAN,
            k.tanggal_draf,
            k.target_jawaban,
            k.tanggal_tanggapan,
            k.status in (S.DRAF_DIAJUKAN, S.DRAF_DISETUJUI),
        ),
        (
            "Tenggat tanggapan Atasan PPID",
            "UU 14/2008 Pasal 36 ayat (2)",
            HK_TANGGAPAN,
            k.tanggal_registrasi,
            k.tenggat_tanggapan,
            k.tanggal_tanggapan,
            k.status in Keberatan.BELUM_DITANGGAPI,
        ),
        (
            "Batas pengajuan sengketa ke Komisi Informasi"
            + ("" if k.sudah_ditanggapi else " (bila tidak ditanggapi)"),
            "UU 14/2008 Pasal 37 ayat (2)",
            HK_SENGKETA,
            k.tanggal_tanggapan or k.tenggat_tanggapan,
            k.tenggat_sengketa,
            k.tanggal_sengketa,
            k.status == S.DITANGGAPI or k.tanggapan_lewat(today),
        ),
    ]
    clocks = [c for c in clocks if c[3] is not None and c[4] is not None]
    if not clocks:
        return []
    first = min(min(c[3] for c in clocks), today)
    last = max(max(c[4] for c in clocks), today) + datetime.timedelta(days=30)
    days_off = calendar.days_off_between(first, last)
    near_limit = calendar.add_working_days(today, 3, days_off)
    rows = []
    for label, dasar, hari, mulai, tenggat, selesai_pada, berjalan in clocks:
        sisa = None
        if selesai_pada is not None:
            keadaan = "tepat" if selesai_pada <= tenggat else "terlambat"
        elif berjalan:
            if tenggat < today:
                keadaan = "lewat"
            else:
                sisa = calendar.working_days_between(today, tenggat, days_off)
                keadaan = "dekat" if tenggat < near_limit else "berjalan"
        else:
            keadaan = "tidak_berlaku"
        rows.append(
            BarisTenggat(
                label=label,
                dasar_hukum=dasar,
                hari=hari,
                mulai=mulai,
                tenggat=tenggat,
                dilewati=calendar.skipped_days(mulai, tenggat, days_off),
                selesai_pada=selesai_pada,
                berjalan=berjalan,
                sisa=sisa,
                keadaan=keadaan,
            )
        )
    return rows
