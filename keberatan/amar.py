"""The terms of the Atasan PPID's answer (Pasal 36): kept apart from the actions so that the
documents that print them and the actions that check them both import them without a circle."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from keberatan.models import Keberatan

KP = Keberatan.Keputusan


@dataclass(frozen=True)
class Amar:
    """The terms of a partial grant or a correction (Pasal 36): what is given, what stays
    closed and on which letters of Pasal 17, the corrected fee, the corrected date."""

    informasi_diberikan: str = ""
    informasi_tertutup: str = ""
    pasal17: tuple[str, ...] = ()
    biaya: Decimal | None = None
    tanggal_tersedia: datetime.date | None = None

    @classmethod
    def of(cls, keputusan: str, amar: Amar) -> Amar:
        """Only the terms the outcome carries (a partial grant: given, exempt, Pasal 17; a fee
        correction: the fee; a date correction: the date); none for the other outcomes."""
        if keputusan == KP.SEBAGIAN:
            return cls(
                informasi_diberikan=amar.informasi_diberikan,
                informasi_tertutup=amar.informasi_tertutup,
                pasal17=tuple(sorted(set(amar.pasal17))),
            )
        if keputusan == KP.BIAYA:
            return cls(biaya=amar.biaya)
        if keputusan == KP.WAKTU:
            return cls(tanggal_tersedia=amar.tanggal_tersedia)
        return cls()

    def data(self) -> dict[str, Any]:
        """The terms as stored on the draft (Keberatan.draf_amar) and in its event."""
        data: dict[str, Any] = {}
        if self.informasi_diberikan or self.informasi_tertutup or self.pasal17:
            data["informasi_diberikan"] = self.informasi_diberikan
            data["informasi_tertutup"] = self.informasi_tertutup
            data["pasal17"] = list(self.pasal17)
        if self.biaya is not None:
            data["biaya"] = str(self.biaya)
        if self.tanggal_tersedia is not None:
            data["tanggal_tersedia"] = self.tanggal_tersedia.isoformat()
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Amar:
        return cls(
            informasi_diberikan=data.get("informasi_diberikan", ""),
            informasi_tertutup=data.get("informasi_tertutup", ""),
            pasal17=tuple(data.get("pasal17", ())),
            biaya=Decimal(data["biaya"]) if data.get("biaya") is not None else None,
            tanggal_tersedia=(
                datetime.date.fromisoformat(data["tanggal_tersedia"])
                if data.get("tanggal_tersedia")
                else None
            ),
        )

    @classmethod
    def of_answer(cls, k: Keberatan) -> Amar:
        """The terms of the Atasan's answer as recorded on the keberatan."""
        return cls(
            informasi_diberikan=k.informasi_diberikan,
            informasi_tertutup=k.informasi_tertutup,
            pasal17=tuple(k.pasal17),
            biaya=k.biaya_ditetapkan,
            tanggal_tersedia=k.tanggal_tersedia,
        )
