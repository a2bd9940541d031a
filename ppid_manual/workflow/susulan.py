"""A late entry (entri susulan) of a request or keberatan received on paper while the desk PC,
the power or the application was down (SOP: service when the online system does not work).

The paper's date is the receipt: every clock counts from it (UU 14/2008 Pasal 22(7) and
Pasal 36(2) count from receipt). The entry records the paper's reference number, why it is
entered late and the clerk who received the paper; it is flagged on the case, in the registers,
the Laporan and the hand-back export. An entry made more than the SOP's 1 working day after the
paper's date (SOP langkah 2: registration within 1 hk) is marked late.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ppid_manual import hukum
from ppid_manual.workflow import calendar
from ppid_manual.workflow.engine import StepRefused

# SOP langkah 2: a request or keberatan is registered within 1 working day of receipt.
SOP_ENTRI_HK = hukum.SOP_ENTRI


@dataclass(frozen=True)
class Susulan:
    """The paper: its reference number (on the blank form's "Nomor lembar kertas"), why it is
    entered late, and the clerk who received it."""

    nomor_kertas: str
    alasan: str
    petugas: str

    def check(self) -> None:
        if not self.nomor_kertas.strip():
            raise StepRefused("Entri susulan wajib menyebut nomor lembar kertas.")
        if not self.alasan.strip():
            raise StepRefused("Entri susulan wajib menyebut alasannya (misalnya listrik padam).")
        if not self.petugas.strip():
            raise StepRefused("Entri susulan wajib menyebut petugas yang menerima kertas.")


def terlambat(diterima: datetime.date, today: datetime.date) -> bool:
    """Entered past the SOP's 1 working day after the paper's date."""
    return calendar.working_days_elapsed(diterima, today) > SOP_ENTRI_HK


def terapkan(obj: Any, s: Susulan | None, diterima: datetime.date, today: datetime.date) -> dict:
    """Store the late entry on the case (not saved); returns it for the step's event."""
    if s is None:
        return {}
    s.check()
    obj.entri_susulan = True
    obj.nomor_kertas = s.nomor_kertas.strip()
    obj.alasan_susulan = s.alasan.strip()
    obj.petugas_kertas = s.petugas.strip()
    obj.susulan_terlambat = terlambat(diterima, today)
    return {
        "entri_susulan": {
            "nomor_kertas": obj.nomor_kertas,
            "tanggal_kertas": diterima.isoformat(),
            "petugas": obj.petugas_kertas,
            "terlambat": obj.susulan_terlambat,
        }
    }


def keterangan(obj: Any) -> str:
    """The flag, in one line, for the case page, the registers and the exports."""
    if not getattr(obj, "entri_susulan", False):
        return ""
    late = f"; dientri melewati {hukum.SOP_ENTRI} hari kerja (SOP)" if obj.susulan_terlambat else ""
    return f"Entri susulan dari kertas No. {obj.nomor_kertas}{late}"
