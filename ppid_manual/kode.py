"""The code printed (as text and QR) on the pemohon's copy of a formulir: the registration
number plus a short check code, e.g. ``0001/REG-PPID/III/2026*3F9A``.

The pemohon's copy never carries an intranet address (issue 17, Deliver 7): the desk scans the
code into the search box, and the check code tells a scanned or typed number from a mistyped
one. The check code is the first 4 hex characters (upper case) of HMAC-SHA256(SECRET_KEY,
number): not a secret, only a guard against typing errors and guessed numbers.

Use `kode_berkas(nomor)` to print a code and `baca_kode(teks)` to read one (the navbar search
does): it returns the number when the check code matches, else None.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

PEMISAH = "*"
PANJANG_CEK = 4


def kode_cek(nomor: str) -> str:
    """The 4-character check code of a registration (or keberatan) number."""
    digest = hmac.new(settings.SECRET_KEY.encode(), nomor.encode(), hashlib.sha256).hexdigest()
    return digest[:PANJANG_CEK].upper()


def kode_berkas(nomor: str) -> str:
    """`0001/REG-PPID/III/2026` -> `0001/REG-PPID/III/2026*3F9A`."""
    return f"{nomor}{PEMISAH}{kode_cek(nomor)}"


def baca_kode(teks: str) -> str | None:
    """The number in a scanned or typed code, or None when `teks` is not a code or its check
    code does not match. Case and surrounding spaces are ignored for the check code; the
    number is returned as printed.

    >>> baca_kode(kode_berkas("0001/REG-PPID/III/2026"))
    '0001/REG-PPID/III/2026'
    """
    teks = (teks or "").strip()
    nomor, sep, cek = teks.rpartition(PEMISAH)
    if not sep or not nomor or len(cek) != PANJANG_CEK:
        return None
    if not hmac.compare_digest(cek.upper(), kode_cek(nomor)):
        return None
    return nomor
