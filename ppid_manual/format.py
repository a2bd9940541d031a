"""Formatting for Indonesian letters, pages and tables: dates in words and in figures, numbers
in words (terbilang), rupiah, durations in hari kerja, Roman months, texts cut for a table cell.

Plain functions: documents, actions, forms and the register use them directly; the template
filters (ppid_manual/templatetags/ppid.py) only wrap them. Neither imports anything of a form
or a template."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from ppid_manual.workflow.numbering import ROMAN_MONTHS

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


def tanggal(value) -> str:
    """7 Maret 2023"""
    value = _as_date(value)
    if not value:
        return ""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def tanggal_angka(value) -> str:
    """07-03-2023: the date in a table's cell (the register, the notes of an edition).
    Django's `date` filter looks its formats up for every call, twice a row on a register
    page of fifty rows."""
    value = _as_date(value)
    if not value:
        return ""
    return f"{value.day:02d}-{value.month:02d}-{value.year}"


def ringkas(value, panjang) -> str:
    """The text cut to `panjang` characters, the last of them "…" (as `truncatechars`, without
    its Unicode pass over every character: the work list and the register cut two texts a
    row)."""
    text = "" if value is None else str(value)
    panjang = int(panjang)
    return text if len(text) <= panjang else text[: panjang - 1] + "…"


def hari_tanggal(value) -> str:
    """Selasa, 7 April 2026"""
    value = _as_date(value)
    if not value:
        return ""
    return f"{HARI[value.weekday()]}, {tanggal(value)}"


def terbilang(n: int) -> str:
    """Whole numbers in Indonesian words, by num2words' Indonesian (checked against the
    KBBI spelling in tests/test_specimen_book.py: seratus, seribu, sebelas, satu juta):
    17 -> tujuh belas, 1250 -> seribu dua ratus lima puluh."""
    from num2words import num2words

    n = int(n)
    if n < 0:
        return "minus " + terbilang(-n)
    return num2words(n, lang="id")


def angka_terbilang(value) -> str:
    """10 -> 10 (sepuluh)"""
    if value in (None, ""):
        return ""
    return f"{int(value)} ({terbilang(int(value))})"


def hari_kerja(value) -> str:
    """10 -> 10 (sepuluh) hari kerja"""
    return f"{angka_terbilang(value)} hari kerja"


#: A non-breaking space: inside an amount, a count with its unit, a document number's parts.
NBSP = "\u00a0"


def _bulat(value) -> int:
    return int(Decimal(value).quantize(Decimal("1")))


def angka(value) -> str:
    """1250 -> 1.250: a count with the thousands separated by full stops (LETTERS.md:
    `1.250 lembar`). Empty stays empty."""
    if value in (None, ""):
        return ""
    n = _bulat(value)
    return ("-" if n < 0 else "") + f"{abs(n):,}".replace(",", ".")


def banyaknya(value, satuan: str = "lembar") -> str:
    """1250, "lembar" -> 1.250 lembar, the two held together (a non-breaking space)."""
    return f"{angka(value or 0)}{NBSP}{satuan or 'lembar'}"


def rupiah(value) -> str:
    """12500 -> Rp12.500,00: the one way an amount is written, in letters, registers and pages
    (LETTERS.md); no space inside, so it never breaks across lines."""
    if value in (None, ""):
        return ""
    return f"Rp{angka(value)},00"


def rupiah_terbilang(value) -> str:
    """12500 -> Rp12.500,00 (dua belas ribu lima ratus rupiah): the amount in a letter, in
    figures and in words (Tata Naskah Dinas; LETTERS.md)."""
    if value in (None, ""):
        value = 0
    return f"{rupiah(value)} ({terbilang(_bulat(value))} rupiah)"


def nomor(value) -> str:
    """A document number (or a NIP) for a letter, escaped, in a span that never breaks: a
    line break after its `/` or `-` ("…/Setda-PPID/" / "XII/2026") splits what is read as one
    word (LETTERS.md). The letter base gives `.nomor` `white-space: nowrap`."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    text = "" if value is None else str(value)
    if not text:
        return ""
    return mark_safe(f'<span class="nomor">{escape(text)}</span>')


def jabatan(value) -> str:
    """A jabatan whose last word never goes alone to the next line ("…Provinsi" / "BALI"):
    its last space made non-breaking."""
    text = "" if value is None else str(value)
    head, sep, tail = text.rpartition(" ")
    return f"{head}{NBSP}{tail}" if sep else text


ISTILAH_ASING = ("hardcopy", "softcopy", "online", "offline", "e-mail")


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


def ejaan(value) -> str:
    """The names of the holiday table as the SKB and the KBBI write them in a letter
    ("Idulfitri", "Iduladha"); the table keeps the holidays package's names."""
    text = "" if value is None else str(value)
    for salah, benar in EJAAN_KBBI:
        text = text.replace(salah, benar)
    return text


def awal_kecil(value) -> str:
    """A label continued inside a sentence: its first letter in lower case, the rest as
    written ("Tunai di meja layanan PPID" -> "tunai di meja layanan PPID"; `lower` would
    print "ppid" and "provinsi bali"). A first word in capitals (an acronym) stays."""
    text = "" if value is None else str(value)
    first = text.split(" ", 1)[0]
    if not text or (len(first) > 1 and first.isupper()):
        return text
    return text[0].lower() + text[1:]


def tanpa_titik(value) -> str:
    """The text without its closing full stop(s), for a sentence that adds its own."""
    return ("" if value is None else str(value)).rstrip().rstrip(".")


def romawi(value) -> str:
    """A month number (or a date) as a Roman numeral: 3 -> III"""
    if isinstance(value, datetime.date):
        value = value.month
    return ROMAN_MONTHS[int(value) - 1]
