"""The Kemendagri list of province and regency/city codes, shipped as data
(pemohon/data/wilayah_kemendagri.csv: its header names the source and the date). A NIK
keeps the code of the regency that issued it, so codes of earlier editions stay valid."""

from __future__ import annotations

import functools
from pathlib import Path

BERKAS = Path(__file__).resolve().parent / "data" / "wilayah_kemendagri.csv"


@functools.cache
def kode_wilayah() -> dict[str, str]:
    """code → name, for provinces (2 digits) and regencies/cities (4 digits)."""
    codes: dict[str, str] = {}
    for line in BERKAS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kode, nama, _status = line.split(";")
        codes[kode] = nama
    return codes


def provinsi_dikenal(kode: str) -> bool:
    return len(kode) == 2 and kode in kode_wilayah()


def kabupaten_kota_dikenal(kode: str) -> bool:
    return len(kode) == 4 and kode in kode_wilayah()
