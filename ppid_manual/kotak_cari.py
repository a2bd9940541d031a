"""A search box whose text lands in no URL (issue 24, item 2): a NIK typed or scanned into it
must reach neither the server's access log nor the browser's history.

The box posts what was typed; `baca` keeps it in the session under a short random key and
answers with a redirect to the page of results, `?h=<key>` with the page's other parameters
(its tab, its filters), so paging, the back button and a reload work as with a plain GET. A
`q` in a URL (an old link, a bookmark) is still read, except a whole NIK: that is not looked
up, and the page says where to type it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

SESI = "kotak_cari"
#: The searches a session keeps (the oldest is forgotten first).
SIMPAN = 30
NIK_DI_ALAMAT = (
    "NIK tidak dicari lewat alamat laman (alamat tercatat di log server dan riwayat "
    "peramban): ketik atau pindai NIK di kotak pencarian."
)
KEDALUWARSA = "Pencarian ini sudah tidak tersimpan: ketik lagi di kotak pencarian."


def nik_utuh(teks: str) -> str:
    """The NIK when `teks` is a whole one (16 digits, spaces and dots allowed), else ""."""
    digits = teks.strip().replace(" ", "").replace(".", "")
    return digits if len(digits) == 16 and digits.isdigit() else ""


@dataclass(frozen=True)
class Dicari:
    """What a search box asks: the text to search, the redirect that answers its POST, and
    the parameter that carries it in the page's own links (`h=<key>`, or an old link's
    `q=…`)."""

    teks: str = ""
    alihkan: HttpResponse | None = None
    param: str = ""


def _simpan(request: HttpRequest, teks: str) -> str:
    kunci = secrets.token_urlsafe(6)
    kept = list(request.session.get(SESI, {}).items())[-(SIMPAN - 1) :]
    request.session[SESI] = {**dict(kept), kunci: teks}
    return kunci


def baca(request: HttpRequest, *, batas: int) -> Dicari:
    """The search of this request (see the module's docstring)."""
    if request.method == "POST":
        teks = request.POST.get("q", "").strip()[:batas]
        query = request.GET.copy()
        for key in ("q", "h", "halaman"):
            query.pop(key, None)
        for key, value in request.POST.items():
            if key not in ("csrfmiddlewaretoken", "q", "h"):
                query[key] = value
        if teks:
            query["h"] = _simpan(request, teks)
        url = request.path + (f"?{query.urlencode()}" if query else "")
        return Dicari(teks, redirect(url))
    kunci = request.GET.get("h", "")
    if kunci:
        teks = request.session.get(SESI, {}).get(kunci)
        if teks is None:
            messages.info(request, KEDALUWARSA)
            return Dicari()
        return Dicari(teks, param=urlencode({"h": kunci}))
    teks = request.GET.get("q", "").strip()[:batas]
    if nik_utuh(teks):
        messages.warning(request, NIK_DI_ALAMAT)
        return Dicari()
    return Dicari(teks, param=urlencode({"q": teks}) if teks else "")
