"""Letter numbers from configurable templates with an atomic per-year counter.

A letter's number (`next_number`) is taken inside the caller's transaction: if the step fails
afterwards, the counter update rolls back with it, so numbers are never lost (no gaps) and
never reused.

The registration number is taken differently (issue 27), because sixteen desks register at
once and the registration renders and stores the receipt: held until that commit, the
counter row made every desk wait for every other desk's receipt. `pesan` takes the number in
its own short transaction (the counter row is locked for the number only, a few
milliseconds); the case's transaction then marks it used (`pakai`). A registration that fails
after taking its number marks it void with the reason (`batalkan`), and a number whose worker
died before either (kill -9, power cut) is made void by `batalkan_terhenti` (the next
registration, the daily job). So every number is used or void, never both, never reused, and
the register lists the void ones with their reason.
"""

from __future__ import annotations

import contextvars
import datetime
import logging
import re
import string
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

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
    fmt = _format(jenis)
    if _konsep.get():
        return KONSEP_NOMOR
    return _ambil(fmt, jenis, day, unit, NomorTerbit.Keadaan.TERPAKAI).nomor


def _format(jenis: str) -> FormatNomor:
    try:
        return FormatNomor.objects.get(jenis=jenis)
    except FormatNomor.DoesNotExist:
        raise NumberingError(
            f"Format nomor untuk “{FormatNomor.Jenis(jenis).label}” belum diatur admin."
        ) from None


def _ambil(
    fmt: FormatNomor, jenis: str, day: datetime.date, unit: Unit | None, keadaan: str
) -> NomorTerbit:
    """Lock the counter, move it on, record the number (in the caller's transaction)."""
    pola, kode = fmt.pola, fmt.kode_klasifikasi
    own = PolaNomorUnit.objects.filter(format=fmt, unit=unit).first() if unit is not None else None
    if own is not None:
        # The issuing unit's own template (Tata Naskah Dinas: a Sekda letter carries the
        # Sekretariat Daerah's number), counted on its own.
        pola, kode = own.pola, own.kode_klasifikasi
    per_unit = fmt.per_unit or own is not None
    unit_kode = unit.kode if (per_unit and unit is not None) else ""
    urut = _advance(fmt, unit_kode, day.year)
    nomor = format_number(
        pola,
        urut=urut,
        unit=(unit.singkatan if unit is not None else ""),
        kode=kode,
        day=day,
    )
    return NomorTerbit.objects.create(
        jenis=jenis, unit_kode=unit_kode, tahun=day.year, urut=urut, nomor=nomor, keadaan=keadaan
    )


# --- The registration number: reserved for a moment, then used or void ----------------------

#: How long the counter row was held, per reservation (logged; `make bench` reads it).
log = logging.getLogger("ppid_manual.nomor")

#: A reservation older than this with no case is void: no registration runs that long
#: (gunicorn's worker timeout is 30 s; deployment/ppid-manual.service).
TERHENTI_SETELAH = datetime.timedelta(minutes=10)
ALASAN_TERHENTI = (
    "Pendaftaran terhenti sebelum selesai (proses server berhenti); nomor tidak dipakai."
)


def pesan(jenis: str, *, day: datetime.date, unit: Unit | None = None) -> NomorTerbit | None:
    """Take the next number of `jenis` for a case that is about to be written, in a short
    transaction of its own: the counter row is locked for the number only. Returns the
    reserved NomorTerbit (`dipesan`), to be passed to `pakai` inside the case's transaction,
    or to `batalkan` if the case could not be written.

    Called inside a transaction already (a command or a test that wraps its work in one),
    there is no short transaction to take: returns None, and the caller takes the number in
    its own transaction with `next_number` (gap-free, as before)."""
    if transaction.get_connection().in_atomic_block or _konsep.get():
        return None
    fmt = _format(jenis)
    batalkan_terhenti(jenis)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The reservation's commit does not wait for its WAL flush: the case's commit
            # (synchronous) flushes it too, and a crash before that loses a number nobody
            # was handed, the counter with it. One fsync fewer inside the counter's lock.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")
        row = _ambil(fmt, jenis, day, unit, NomorTerbit.Keadaan.DIPESAN)
        locked_at = _dikunci.get()
    held_ms = (time.perf_counter() - locked_at) * 1000 if locked_at else 0.0
    log.info("penghitung nomor %s dikunci %.2f ms", jenis, held_ms)
    return row


def pakai(row: NomorTerbit) -> None:
    """Inside the case's transaction: the reserved number is used. Refused if it was made
    void meanwhile (the row lock orders this against `batalkan_terhenti`: a number is never
    both used and void)."""
    if not transaction.get_connection().in_atomic_block:
        raise NumberingError("pakai must run inside the case's transaction")
    done = NomorTerbit.objects.filter(pk=row.pk, keadaan=NomorTerbit.Keadaan.DIPESAN).update(
        keadaan=NomorTerbit.Keadaan.TERPAKAI
    )
    if done != 1:
        raise NumberingError(f"Nomor {row.nomor} sudah dibatalkan; daftarkan ulang.")


def batalkan(row: NomorTerbit, alasan: str) -> bool:
    """The registration that reserved `row` failed: the number is void, with `alasan`.
    In its own transaction (the failed one is rolled back). False if it was not reserved any
    more (used, or made void already)."""
    with transaction.atomic():
        return bool(
            NomorTerbit.objects.filter(pk=row.pk, keadaan=NomorTerbit.Keadaan.DIPESAN).update(
                keadaan=NomorTerbit.Keadaan.BATAL,
                alasan_batal=alasan[:300],
                dibatalkan=timezone.now(),
            )
        )


def batalkan_terhenti(jenis: str | None = None, *, sebelum: datetime.datetime | None = None) -> int:
    """Make void every number reserved before `sebelum` (default: TERHENTI_SETELAH ago) that
    no case used: its registration's process died between taking it and committing. A case
    transaction still under way holds the row (`pakai`), and this waits for it and then
    leaves the used number alone. Returns how many were made void."""
    sebelum = sebelum or timezone.now() - TERHENTI_SETELAH
    qs = NomorTerbit.objects.filter(keadaan=NomorTerbit.Keadaan.DIPESAN, created_at__lt=sebelum)
    if jenis is not None:
        qs = qs.filter(jenis=jenis)
    return qs.update(
        keadaan=NomorTerbit.Keadaan.BATAL, alasan_batal=ALASAN_TERHENTI, dibatalkan=timezone.now()
    )


def batal(jenis: str, dari: datetime.date, sampai: datetime.date) -> list[NomorTerbit]:
    """The void numbers of `jenis` taken between two dates (the register lists them)."""
    return list(
        NomorTerbit.objects.filter(
            jenis=jenis,
            keadaan=NomorTerbit.Keadaan.BATAL,
            created_at__date__gte=dari,
            created_at__date__lte=sampai,
        ).order_by("tahun", "urut")
    )


_dikunci: contextvars.ContextVar[float] = contextvars.ContextVar("penghitung_dikunci", default=0.0)


def _advance(fmt: FormatNomor, unit_kode: str, tahun: int) -> int:
    """Move the counter of (type, unit, year) on by one and return the sequence taken, in one
    statement (UPDATE ... RETURNING): the row is locked from here to the commit, with one
    round trip inside the lock instead of a locking read and a write."""
    table = PenghitungNomor._meta.db_table
    sql = (
        f"UPDATE {table} SET terakhir_terbit = berikutnya, berikutnya = berikutnya + 1 "
        "WHERE format_id = %s AND unit_kode = %s AND tahun = %s RETURNING terakhir_terbit"
    )
    for _ in range(2):
        with connection.cursor() as cursor:
            cursor.execute(sql, [fmt.pk, unit_kode, tahun])
            row = cursor.fetchone()
        if row is not None:
            _dikunci.set(time.perf_counter())
            return row[0]
        # First number of the year: create the counter; if another desk created it at the
        # same moment, the unique constraint stops us and we move theirs instead.
        try:
            with transaction.atomic():
                PenghitungNomor.objects.create(format=fmt, unit_kode=unit_kode, tahun=tahun)
        except IntegrityError:
            pass
    raise NumberingError("Penghitung nomor tidak dapat dibuat.")
