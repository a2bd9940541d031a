"""Formatting for Indonesian letters and tables: dates in words and in figures, numbers in
words, rupiah, Roman months, texts cut for a table cell."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template
from django.utils import timezone

from ppid_manual.workflow.numbering import ROMAN_MONTHS

register = template.Library()

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def tanggal(value) -> str:
    """7 Maret 2023"""
    value = _as_date(value)
    if not value:
        return ""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


@register.filter
def tanggal_angka(value) -> str:
    """07-03-2023: the date in a table's cell (the register, the notes of an edition).
    Django's `date` filter looks its formats up for every call, twice a row on a register
    page of fifty rows."""
    value = _as_date(value)
    if not value:
        return ""
    return f"{value.day:02d}-{value.month:02d}-{value.year}"


@register.filter
def ringkas(value, panjang) -> str:
    """The text cut to `panjang` characters, the last of them "…" (as `truncatechars`, without
    its Unicode pass over every character: the work list and the register cut two texts a
    row)."""
    text = "" if value is None else str(value)
    panjang = int(panjang)
    return text if len(text) <= panjang else text[: panjang - 1] + "…"


@register.filter
def hari_tanggal(value) -> str:
    """Selasa, 7 April 2026"""
    value = _as_date(value)
    if not value:
        return ""
    return f"{HARI[value.weekday()]}, {tanggal(value)}"


def terbilang(n: int) -> str:
    """Whole numbers in Indonesian words, by num2words' Indonesian (checked against the
    KBBI spelling in tests/test_i17_surat.py: seratus, seribu, sebelas, satu juta):
    17 -> tujuh belas, 1250 -> seribu dua ratus lima puluh."""
    from num2words import num2words

    n = int(n)
    if n < 0:
        return "minus " + terbilang(-n)
    return num2words(n, lang="id")


@register.filter
def angka_terbilang(value) -> str:
    """10 -> 10 (sepuluh)"""
    if value in (None, ""):
        return ""
    return f"{int(value)} ({terbilang(int(value))})"


@register.filter
def hari_kerja(value) -> str:
    """10 -> 10 (sepuluh) hari kerja"""
    return f"{angka_terbilang(value)} hari kerja"


@register.filter
def rupiah(value) -> str:
    """12500 -> Rp 12.500"""
    if value in (None, ""):
        return ""
    amount = Decimal(value).quantize(Decimal("1"))
    return "Rp " + f"{int(amount):,}".replace(",", ".")


@register.filter
def rupiah_terbilang(value) -> str:
    """12500 -> Rp12.500,00 (dua belas ribu lima ratus rupiah): the amount in a letter, in
    figures and in words (Tata Naskah Dinas; LETTERS.md)."""
    if value in (None, ""):
        value = 0
    amount = int(Decimal(value).quantize(Decimal("1")))
    figures = f"{amount:,}".replace(",", ".")
    return f"Rp{figures},00 ({terbilang(amount)} rupiah)"


ISTILAH_ASING = ("hardcopy", "softcopy", "online", "offline", "e-mail")


@register.filter
def istilah_asing(value) -> str:
    """The text, escaped, with the foreign terms a letter keeps (hardcopy, softcopy) in
    italics, as the Perki and the KBBI ask for unadapted foreign words (LETTERS.md)."""
    import re

    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    text = escape("" if value is None else str(value))
    pattern = r"\b(" + "|".join(ISTILAH_ASING) + r")\b"
    return mark_safe(re.sub(pattern, r"<i>\1</i>", text, flags=re.IGNORECASE))


EJAAN_KBBI = (("Idul Fitri", "Idulfitri"), ("Idul Adha", "Iduladha"))


@register.filter
def ejaan(value) -> str:
    """The names of the holiday table as the SKB and the KBBI write them in a letter
    ("Idulfitri", "Iduladha"); the table keeps the holidays package's names."""
    text = "" if value is None else str(value)
    for salah, benar in EJAAN_KBBI:
        text = text.replace(salah, benar)
    return text


@register.filter
def tanpa_titik(value) -> str:
    """The text without its closing full stop(s), for a sentence that adds its own."""
    return ("" if value is None else str(value)).rstrip().rstrip(".")


@register.filter
def romawi(value) -> str:
    """A month number (or a date) as a Roman numeral: 3 -> III"""
    if isinstance(value, datetime.date):
        value = value.month
    return ROMAN_MONTHS[int(value) - 1]


@register.filter
def has_role(user, roles: str) -> bool:
    """{% if user|has_role:"ppid,atasan" %}"""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*roles.split(","))


@register.simple_tag(takes_context=True)
def url_halaman(context, nomor: int) -> str:
    """`?...&halaman=N`: the current page's query (tab, search, dashboard filters, period)
    with another page number, so paging never drops a filter."""
    query = context["request"].GET.copy()
    query.pop("format", None)
    query["halaman"] = nomor
    return "?" + query.urlencode()
