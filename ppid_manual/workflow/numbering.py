"""Letter numbers from configurable templates with an atomic per-year counter.

A number is taken inside the caller's transaction: if the step fails afterwards, the counter
update rolls back with it, so numbers are never lost (no gaps) and never reused.
"""

from __future__ import annotations

import contextvars
import datetime
import re
import string
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import IntegrityError, transaction

from ppid_manual.models import FormatNomor, NomorTerbit, PenghitungNomor, PolaNomorUnit, Unit

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
TOKENS = {"urut", "unit", "kode", "bulan", "tahun"}


class NumberingError(Exception):
    pass


# A KONSEP (issue 15; DESIGN.md §7): the step is tried in a transaction that is rolled back,
# to draw the letter it would issue; no number is taken, so none is shown.
KONSEP_NOMOR = "…"
_konsep: contextvars.ContextVar[bool] = contextvars.ContextVar("konsep_nomor", default=False)


@contextmanager
def konsep() -> Iterator[None]:
    """Inside: next_number takes no number (no counter locked or moved, nothing recorded)
    and returns KONSEP_NOMOR."""
    token = _konsep.set(True)
    try:
        yield
    finally:
        _konsep.reset(token)


def dalam_konsep() -> bool:
    return _konsep.get()


def validate_pattern(pattern: str) -> None:
    """Raise ValueError (in Indonesian) unless `pattern` uses only the known tokens and has
    exactly one {urut}."""
    try:
        fields = [f for _, f, spec, _ in string.Formatter().parse(pattern) if f is not None]
        specs = [spec for _, f, spec, _ in string.Formatter().parse(pattern) if f == "urut"]
    except ValueError as exc:
        raise ValueError(f"Pola nomor tidak valid: {exc}") from None
    unknown = set(fields) - TOKENS
    if unknown:
        raise ValueError(
            f"Token tidak dikenal: {', '.join(sorted(unknown))}. "
            "Gunakan {urut}, {urut:4}, {unit}, {kode}, {bulan}, {tahun}."
        )
    if fields.count("urut") != 1:
        raise ValueError("Pola nomor harus memuat tepat satu {urut}.")
    if specs and specs[0] and not re.fullmatch(r"\d{1,2}", specs[0]):
        raise ValueError("Lebar {urut} harus angka, misalnya {urut:4}.")


def format_number(pattern: str, *, urut: int, unit: str, kode: str, day: datetime.date) -> str:
    """Fill a pattern. `{urut:4}` pads the sequence with zeros to 4 digits."""
    validate_pattern(pattern)

    def replace(match: re.Match[str]) -> str:
        name, width = match.group(1), match.group(2)
        if name == "urut":
            return str(urut).zfill(int(width)) if width else str(urut)
        return {
            "unit": unit,
            "kode": kode,
            "bulan": ROMAN_MONTHS[day.month - 1],
            "tahun": str(day.year),
        }[name]

    return re.sub(r"\{(\w+)(?::(\d+))?\}", replace, pattern)


def next_number(jenis: str, *, day: datetime.date, unit: Unit | None = None) -> str:
    """Issue the next number of document type `jenis` for `day` (and `unit` when the
    template counts per unit). Must be called inside the transaction of the step that uses
    the number."""
    if not transaction.get_connection().in_atomic_block:
        raise NumberingError("next_number must run inside the step's transaction")
    try:
        fmt = FormatNomor.objects.get(jenis=jenis)
    except FormatNomor.DoesNotExist:
        raise NumberingError(
            f"Format nomor untuk “{FormatNomor.Jenis(jenis).label}” belum diatur admin."
        ) from None
    if _konsep.get():
        return KONSEP_NOMOR
    pola, kode = fmt.pola, fmt.kode_klasifikasi
    own = PolaNomorUnit.objects.filter(format=fmt, unit=unit).first() if unit is not None else None
    if own is not None:
        # The issuing unit's own template (Tata Naskah Dinas: a Sekda letter carries the
        # Sekretariat Daerah's number), counted on its own.
        pola, kode = own.pola, own.kode_klasifikasi
    per_unit = fmt.per_unit or own is not None
    unit_kode = unit.kode if (per_unit and unit is not None) else ""
    counter = _locked_counter(fmt, unit_kode, day.year)
    urut = counter.berikutnya
    nomor = format_number(
        pola,
        urut=urut,
        unit=(unit.singkatan if unit is not None else ""),
        kode=kode,
        day=day,
    )
    counter.terakhir_terbit = urut
    counter.berikutnya = urut + 1
    counter.save(update_fields=["terakhir_terbit", "berikutnya"])
    NomorTerbit.objects.create(
        jenis=jenis, unit_kode=unit_kode, tahun=day.year, urut=urut, nomor=nomor
    )
    return nomor


def _locked_counter(fmt: FormatNomor, unit_kode: str, tahun: int) -> PenghitungNomor:
    qs = PenghitungNomor.objects.select_for_update()
    try:
        return qs.get(format=fmt, unit_kode=unit_kode, tahun=tahun)
    except PenghitungNomor.DoesNotExist:
        pass
    # First number of the year: create the counter; if another desk created it at the same
    # moment, the unique constraint stops us and we lock theirs instead.
    try:
        with transaction.atomic():
            PenghitungNomor.objects.create(format=fmt, unit_kode=unit_kode, tahun=tahun)
    except IntegrityError:
        pass
    return qs.get(format=fmt, unit_kode=unit_kode, tahun=tahun)
