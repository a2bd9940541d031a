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
import re

from django.conf import settings

PEMISAH = "*"
PANJANG_CEK = 4
#: What a code looks like (a number, the separator, 4 check characters), whether or not its
#: check characters are right: `kode_salah` tells a mistyped code from any other text.
BENTUK = re.compile(r"^(?P<nomor>[^*\s][^*]*?)\s*\*\s*(?P<cek>[0-9A-Za-z]{4})$")
#: What every search box says of a code whose check characters do not match.
PESAN_SALAH = (
    "Kode “{kode}” tidak cocok: 4 karakter pemeriksa sesudah tanda * salah. Periksa kembali "
    "kode pada tanda terima, atau ketik nomor pendaftarannya saja."
)


def kode_cek(nomor: str) -> str:
    """The 4-character check code of a registration (or keberatan) number."""
    digest = hmac.new(settings.SECRET_KEY.encode(), nomor.encode(), hashlib.sha256).hexdigest()
    return digest[:PANJANG_CEK].upper()


def kode_berkas(nomor: str) -> str:
    """`0001/REG-PPID/III/2026` -> `0001/REG-PPID/III/2026*3F9A`."""
    return f"{nomor}{PEMISAH}{kode_cek(nomor)}"


def baca_kode(teks: str) -> str | None:
    """The number in a scanned or typed code, or None when `teks` is not a code or its check
    code does not match. Case and spaces around the separator are ignored (a number typed in
    lower case is read as printed, upper case), and so are spaces inside the number: the
    pemohon's copy prints the code wrapped onto two lines in its narrow cell under the QR, and
    the desk types the break as a space. The number is returned as printed.

    >>> baca_kode(kode_berkas("0001/REG-PPID/III/2026"))
    '0001/REG-PPID/III/2026'
    """
    m = BENTUK.match((teks or "").strip())
    if m is None:
        return None
    cek = m.group("cek").upper()
    rapat = "".join(m.group("nomor").split())
    for nomor in dict.fromkeys((m.group("nomor"), m.group("nomor").upper(), rapat, rapat.upper())):
        if hmac.compare_digest(cek, kode_cek(nomor)):
            return nomor
    return None


def kode_salah(teks: str) -> bool:
    """`teks` has the shape of a receipt's code but its check characters do not match: a
    mistyped code (or a guessed number), which a search box says so rather than searching."""
    teks = (teks or "").strip()
    return BENTUK.match(teks) is not None and baca_kode(teks) is None


def pesan_salah(teks: str) -> str:
    return PESAN_SALAH.format(kode=(teks or "").strip()[:60])


def kode_di_kotak(request, q: str, buka) -> tuple[object | None, str]:
    """What a work list's search box does first with what was typed or scanned (the navbar's
    search does the same across every process, layanan/cari.py): a receipt's code of a case
    this list holds opens it (`buka(nomor)` gives its URL, or None), a code with wrong check
    characters says so and searches nothing (q emptied); anything else is searched as typed.
    Returns (a redirect or None, the text to search)."""
    from django.contrib import messages
    from django.shortcuts import redirect

    if kode_salah(q):
        messages.error(request, pesan_salah(q))
        return None, ""
    nomor = baca_kode(q)
    if nomor:
        url = buka(nomor)
        if url:
            return redirect(url), q
        return None, nomor
    return None, q
