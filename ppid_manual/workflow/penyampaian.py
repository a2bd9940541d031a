"""How an outgoing letter reached the pemohon: one mechanism for every letter.

The law starts several clocks on the pemohon's receipt of a letter ("sejak diterimanya"):
UU 14/2008 Pasal 37(2) (14 hk to the Komisi Informasi after the Atasan's written answer) and
Pasal 36(1) (30 hk to file a keberatan after the notice). The desk records how the letter went:

- at the desk: handed over that day against a signed tanda terima (the receipt date is known);
- by post or e-mail: the date the pemohon received it, when known; otherwise the date it was
  sent, and the receipt is estimated (post: PERKIRAAN_HARI_KERJA[POS] working days later;
  e-mail: the day it was sent) and marked "perkiraan" until confirmed.

A case stores the result in three fields named after the letter (`<prefix>_cara`,
`<prefix>_diterima`, `<prefix>_perkiraan`); `apply_delivery` fills them, and the clock's
DeadlineSpec counts from `<prefix>_diterima`. Each app lists its outgoing letters once
(`SuratKeluar`, in its alur.py): one step records the delivery of any of them, and the case
page shows them all (`rincian`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
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
    # The address an e-mail went to (the form prefills the case's).
    alamat: str = ""
    # Why a letter whose delivery is already recorded is recorded again (a correction).
    alasan: str = ""

    def check(self, tanggal_surat: datetime.date | None, today: datetime.date) -> None:
        """Refuse what cannot be: an unknown way, a date in the future or before the letter,
        an e-mail without the address it went to."""
        if self.cara not in Cara.values:
            raise StepRefused("Pilih cara penyampaian surat.")
        if self.cara == Cara.SUREL and not self.alamat.strip():
            raise StepRefused(
                "Penyampaian melalui surat elektronik harus mencatat alamat surel tujuannya."
            )
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


def apply_delivery(obj: Any, prefix: str, p: Penyampaian) -> dict[str, Any]:
    """Store the delivery on the case (not saved) and return it for the step's event. The
    date a letter was sent (`<prefix>_dikirim`) is kept apart from its receipt: a confirmed
    receipt leaves the sending date as it was."""
    diterima, perkiraan = p.hari_diterima()
    setattr(obj, f"{prefix}_cara", p.cara)
    setattr(obj, f"{prefix}_diterima", diterima)
    setattr(obj, f"{prefix}_perkiraan", perkiraan)
    if hasattr(obj, f"{prefix}_dikirim") and (not p.diterima or p.cara == Cara.LOKET):
        setattr(obj, f"{prefix}_dikirim", p.tanggal)
    data = {
        "cara": p.cara,
        "tanggal": p.tanggal.isoformat(),
        "tanggal_adalah": "diterima" if p.diterima else "dikirim",
        "diterima": diterima.isoformat(),
        "perkiraan": perkiraan,
    }
    if p.cara == Cara.SUREL:
        data["alamat"] = p.alamat.strip()
    return data


def belum_disampaikan(obj: Any, prefix: str, tanggal_surat: datetime.date) -> None:
    """A letter just issued: until its delivery is recorded, its date stands as an estimate of
    the receipt (DESIGN.md section 3)."""
    setattr(obj, f"{prefix}_cara", "")
    setattr(obj, f"{prefix}_diterima", tanggal_surat)
    setattr(obj, f"{prefix}_perkiraan", True)


# --- The letters a case sends to the pemohon ---------------------------------------------


@dataclass(frozen=True)
class SuratKeluar:
    """One outgoing letter to the pemohon whose delivery the case records: its fields
    (`prefix`), its name in the users' words, and how to read its date and number from the
    case (the date is None while the letter is not issued)."""

    prefix: str
    nama: str
    tanggal: Callable[[Any], datetime.date | None]
    nomor: Callable[[Any], str] = lambda obj: ""

    def terbit(self, obj: Any) -> bool:
        return self.tanggal(obj) is not None


@dataclass(frozen=True)
class Keadaan:
    """One letter's delivery, for the case page."""

    surat: SuratKeluar
    nomor: str
    tanggal_surat: datetime.date
    cara: str  # "" while not recorded
    diterima: datetime.date
    perkiraan: bool
    dikirim: datetime.date | None = None

    @property
    def judul(self) -> str:
        """The letter named: "Pemberitahuan perpanjangan 070/12/PPID"."""
        nama = f"{self.surat.nama[:1].upper()}{self.surat.nama[1:]}"
        return f"{nama} {self.nomor}" if self.nomor else nama

    @property
    def dicatat(self) -> bool:
        return bool(self.cara)

    @property
    def uraian(self) -> str:
        if not self.cara:
            return (
                "Penyampaian belum dicatat; tanggal surat dipakai sebagai perkiraan "
                f"diterima ({tanggal(self.tanggal_surat)})."
            )
        cara = Cara(self.cara).label
        if self.dikirim is not None and self.cara != Cara.LOKET:
            cara += f", dikirim {tanggal(self.dikirim)}"
        if self.perkiraan:
            return f"{cara}; perkiraan diterima {tanggal(self.diterima)} (belum dikonfirmasi)."
        return f"{cara}; diterima pemohon {tanggal(self.diterima)}."


def keadaan(obj: Any, surat: SuratKeluar) -> Keadaan | None:
    """The delivery of one issued letter (None: the letter is not issued)."""
    tanggal_surat = surat.tanggal(obj)
    if tanggal_surat is None:
        return None
    cara = getattr(obj, f"{surat.prefix}_cara")
    return Keadaan(
        surat,
        surat.nomor(obj) or "",
        tanggal_surat,
        cara,
        getattr(obj, f"{surat.prefix}_diterima") or tanggal_surat,
        getattr(obj, f"{surat.prefix}_perkiraan") or not cara,
        getattr(obj, f"{surat.prefix}_dikirim", None),
    )


def rincian(obj: Any, daftar: tuple[SuratKeluar, ...]) -> list[Keadaan]:
    """Every issued letter of the case and how it reached the pemohon (no query)."""
    return [k for k in (keadaan(obj, s) for s in daftar) if k is not None]


def pilih(daftar: tuple[SuratKeluar, ...], prefix: str) -> SuratKeluar:
    for s in daftar:
        if s.prefix == prefix:
            return s
    raise StepRefused("Pilih surat yang disampaikan.")


def catat(obj: Any, surat: SuratKeluar, p: Penyampaian, today: datetime.date) -> dict[str, Any]:
    """Check and store one letter's delivery on the case (not saved); the step's event data.
    Refused (nothing stored) for a letter not issued, or a date that cannot be."""
    tanggal_surat = surat.tanggal(obj)
    if tanggal_surat is None:
        raise StepRefused(f"{surat.nama[:1].upper()}{surat.nama[1:]} belum diterbitkan.")
    p.check(tanggal_surat, today)
    lama = keadaan(obj, surat)
    sebelumnya: dict[str, Any] = {}
    if lama is not None and lama.dicatat:
        # Recorded once per letter. Confirming the receipt of a letter sent (its estimate)
        # is the record's second half; anything else is a correction, with its reason.
        if konfirmasi(lama, p):
            if lama.dikirim is not None and p.tanggal < lama.dikirim:
                raise StepRefused(
                    "Tanggal diterima tidak boleh sebelum tanggal dikirim "
                    f"({tanggal(lama.dikirim)})."
                )
        elif not p.alasan.strip():
            raise StepRefused(
                f"Penyampaian {lama.judul} sudah dicatat: {lama.uraian} Mencatat lagi adalah "
                "koreksi: tuliskan alasannya."
            )
        sebelumnya = {
            "cara": lama.cara,
            "diterima": lama.diterima.isoformat(),
            "perkiraan": lama.perkiraan,
            "dikirim": lama.dikirim.isoformat() if lama.dikirim else None,
        }
    data = apply_delivery(obj, surat.prefix, p)
    data["surat"] = surat.prefix
    if sebelumnya:
        data["sebelumnya"] = sebelumnya
        data["koreksi"] = not konfirmasi(lama, p)
        if p.alasan.strip():
            data["alasan"] = p.alasan.strip()
    return data


def konfirmasi(lama: Keadaan, p: Penyampaian) -> bool:
    """`p` confirms the receipt of a letter recorded as sent (same way, the receipt date)."""
    return lama.dicatat and lama.perkiraan and p.diterima and p.cara == lama.cara


def catatan(obj: Any, surat: SuratKeluar, p: Penyampaian, today: datetime.date) -> str:
    """The timeline's note of a delivery being recorded: which letter, how, and its receipt
    (empty for one that cannot be: `catat` refuses the step then)."""
    tanggal_surat = surat.tanggal(obj)
    if tanggal_surat is None:
        return ""
    try:
        p.check(tanggal_surat, today)
    except StepRefused:
        return ""
    diterima, perkiraan = p.hari_diterima()
    k = Keadaan(surat, surat.nomor(obj) or "", tanggal_surat, p.cara, diterima, perkiraan)
    dikirim = "" if p.diterima else f" Dikirim {tanggal(p.tanggal)}."
    alamat = f" Ke alamat {p.alamat.strip()}." if p.cara == Cara.SUREL else ""
    lama = keadaan(obj, surat)
    koreksi = ""
    if lama is not None and lama.dicatat:
        if konfirmasi(lama, p):
            koreksi = " (konfirmasi tanggal diterima)"
        else:
            koreksi = f" Koreksi atas catatan sebelumnya ({lama.uraian}) Alasan: {p.alasan.strip()}"
    return f"{k.judul}: {k.uraian}{dikirim}{alamat}{koreksi}"
