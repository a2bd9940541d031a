"""How an outgoing letter reached the pemohon: one mechanism for every letter.

The law starts several clocks on the pemohon's receipt of a letter ("sejak diterimanya"):
UU 14/2008 Pasal 37(2) (14 hk to the Komisi Informasi after the Atasan's written answer) and
Pasal 36(1) (30 hk to file a keberatan after the notice). The desk records how the letter went:

- at the desk: handed over that day against a signed tanda terima (the receipt date is known);
- by post or e-mail: the date the pemohon received it, when known; otherwise the date it was
  sent, and the receipt is estimated (post: PERKIRAAN_HARI_KERJA[POS] working days later;
  e-mail: the day it was sent) and marked "perkiraan" until confirmed.

A case stores the result in three fields named after the letter (`<prefix>_cara`,
`<prefix>_diterima`, `<prefix>_perkiraan`); `terapkan` fills them, and the clock's DeadlineSpec
counts from `<prefix>_diterima`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import models

from ppid_manual.format import tanggal
from ppid_manual.workflow import calendar
from ppid_manual.workflow.engine import StepRefused


class Cara(models.TextChoices):
    LOKET = "loket", "Diserahkan di loket (tanda terima ditandatangani)"
    POS = "pos", "Pos"
    SUREL = "surel", "Surat elektronik"


# The desk's estimate of a letter's transit until the pemohon's receipt is confirmed (not a
# rule of the law: an estimate, always shown as "perkiraan").
PERKIRAAN_HARI_KERJA = {Cara.POS: 3, Cara.SUREL: 0}


@dataclass(frozen=True)
class Penyampaian:
    """What the desk records: how the letter went, the date, and whether that date is the
    pemohon's receipt (True) or only the date it was sent (False: the receipt is estimated)."""

    cara: str
    tanggal: datetime.date
    diterima: bool = True

    def check(self, tanggal_surat: datetime.date | None, today: datetime.date) -> None:
        """Refuse what cannot be: an unknown way, a date in the future or before the letter."""
        if self.cara not in Cara.values:
            raise StepRefused("Pilih cara penyampaian surat.")
        if self.tanggal > today:
            raise StepRefused("Tanggal penyampaian tidak boleh di masa depan.")
        if tanggal_surat is not None and self.tanggal < tanggal_surat:
            raise StepRefused(
                f"Tanggal penyampaian tidak boleh sebelum tanggal surat ({tanggal(tanggal_surat)})."
            )
        if self.cara == Cara.LOKET and not self.diterima:
            raise StepRefused(
                "Surat yang diserahkan di loket diterima hari itu juga dengan tanda terima."
            )

    def hari_diterima(self) -> tuple[datetime.date, bool]:
        """The pemohon's receipt and whether it is an estimate."""
        if self.diterima:
            return self.tanggal, False
        hari = PERKIRAAN_HARI_KERJA[Cara(self.cara)]
        return (calendar.deadline(self.tanggal, hari) if hari else self.tanggal), True


def terapkan(obj: Any, prefix: str, p: Penyampaian) -> dict[str, Any]:
    """Store the delivery on the case (not saved) and return it for the step's event."""
    diterima, perkiraan = p.hari_diterima()
    setattr(obj, f"{prefix}_cara", p.cara)
    setattr(obj, f"{prefix}_diterima", diterima)
    setattr(obj, f"{prefix}_perkiraan", perkiraan)
    return {
        "cara": p.cara,
        "tanggal": p.tanggal.isoformat(),
        "tanggal_adalah": "diterima" if p.diterima else "dikirim",
        "diterima": diterima.isoformat(),
        "perkiraan": perkiraan,
    }


def belum_disampaikan(obj: Any, prefix: str, tanggal_surat: datetime.date) -> None:
    """A letter just issued: until its delivery is recorded, its date stands as an estimate of
    the receipt (DESIGN.md section 3)."""
    setattr(obj, f"{prefix}_cara", "")
    setattr(obj, f"{prefix}_diterima", tanggal_surat)
    setattr(obj, f"{prefix}_perkiraan", True)
