"""Files in and out of the DIP: the publication export (CSV, XLSX, JSON), the import of entries
(XLSX or CSV with the same columns as the export), and the check of an uploaded SK scan.

The export carries a stable public id per entry, every Perki column, and no personal data
(no user, no NIP, no name of the signer). The import is all or nothing: every row is checked
first and every error is reported with its row number, column and reason; only a clean file
is written (see `dip.actions.import_informasi`).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import uuid
import zipfile
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from dip.models import MAKS_UKURAN_IMPOR, DipEdisi, InformasiPublik
from ppid_manual import csv_aman
from ppid_manual.models import Unit


@dataclass(frozen=True)
class Kolom:
    kunci: str
    label: str
    wajib: bool = True


KOLOM: tuple[Kolom, ...] = (
    Kolom("id", "ID", wajib=False),
    Kolom("ringkasan_isi_informasi", "Ringkasan isi informasi"),
    Kolom("pejabat_unit_penguasa", "Pejabat/unit yang menguasai informasi"),
    Kolom("penanggung_jawab", "Penanggung jawab pembuatan/penerbitan informasi"),
    Kolom("waktu_pembuatan", "Waktu pembuatan"),
    Kolom("tempat_pembuatan", "Tempat pembuatan"),
    Kolom("bentuk_informasi", "Bentuk informasi"),
    Kolom("jangka_waktu_penyimpanan", "Jangka waktu penyimpanan"),
    Kolom("jenis_informasi", "Jenis informasi"),
    Kolom("kode_perangkat_daerah", "Kode perangkat daerah", wajib=False),
    Kolom("perangkat_daerah", "Perangkat daerah", wajib=False),
)
KUNCI = [k.kunci for k in KOLOM]
LABEL = {k.kunci: k.label for k in KOLOM}
# column -> model field, for the columns that map one to one
FIELD = {
    "ringkasan_isi_informasi": "ringkasan",
    "pejabat_unit_penguasa": "pejabat_penguasa",
    "penanggung_jawab": "penanggung_jawab",
    "waktu_pembuatan": "waktu_pembuatan",
    "tempat_pembuatan": "tempat_pembuatan",
    "bentuk_informasi": "bentuk",
    "jangka_waktu_penyimpanan": "jangka_waktu_penyimpanan",
    "jenis_informasi": "jenis",
}
KOLOM_FIELD = {v: k for k, v in FIELD.items()}
# A column people often add by hand; it carries nothing and is ignored.
DIABAIKAN = {"no", "nomor"}

MAKS_BARIS = 5000
MAKS_XLSX_TERURAI = 60 * 1024 * 1024

# Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection).
# The CSV export writes such a value with a leading apostrophe (ppid_manual.csv_aman, the one
# helper of every CSV writer); the import removes it again.
AWALAN_RUMUS = csv_aman.AWALAN_RUMUS


# --- export ----------------------------------------------------------------------------


def baris_ekspor(informasi: InformasiPublik) -> dict[str, str]:
    return {
        "id": str(informasi.uid),
        "ringkasan_isi_informasi": informasi.ringkasan,
        "pejabat_unit_penguasa": informasi.pejabat_penguasa,
        "penanggung_jawab": informasi.penanggung_jawab,
        "waktu_pembuatan": informasi.waktu_pembuatan,
        "tempat_pembuatan": informasi.tempat_pembuatan,
        "bentuk_informasi": informasi.get_bentuk_display(),
        "jangka_waktu_penyimpanan": informasi.jangka_waktu_penyimpanan,
        "jenis_informasi": informasi.get_jenis_display(),
        "kode_perangkat_daerah": informasi.opd.kode,
        "perangkat_daerah": informasi.opd.nama,
    }


def semua_baris(edisi: DipEdisi) -> list[dict[str, str]]:
    return [baris_ekspor(i) for i in edisi.semua_informasi()]


def ke_csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv_aman.writer(out, lineterminator="\r\n")
    writer.writerow(KUNCI)
    for row in rows:
        writer.writerow([row[k] for k in KUNCI])
    # The BOM lets Excel open the UTF-8 file with the right characters.
    return out.getvalue().encode("utf-8-sig")


def _meta(edisi: DipEdisi) -> dict[str, Any]:
    return {
        "judul": edisi.judul,
        "pemilik": edisi.pemilik,
        "tahun": edisi.tahun,
        "kode_perangkat_daerah": edisi.unit.kode,
        "nomor_sk": edisi.nomor_sk,
        "tanggal_sk": edisi.tanggal_sk.isoformat() if edisi.tanggal_sk else None,
        "jabatan_penetap": edisi.penandatangan_sk.jabatan if edisi.penandatangan_sk else None,
    }


def ke_xlsx(edisi: DipEdisi, rows: list[dict[str, str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "DIP"
    ws.append(KUNCI)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, kunci in enumerate(KUNCI, start=1):
            cell = ws.cell(row=r, column=c, value=row[kunci])
            # Always text: a value that starts with "=" must stay text, never a formula.
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for c, lebar in zip("ABCDEFGHIJK", (38, 60, 30, 30, 16, 16, 20, 20, 20, 16, 36), strict=True):
        ws.column_dimensions[c].width = lebar
    ws.freeze_panes = "A2"

    info = wb.create_sheet("Keterangan")
    for kunci, nilai in _meta(edisi).items():
        info.append([kunci, "" if nilai is None else str(nilai)])
    info.append([])
    info.append(["kolom", "arti"])
    for kolom in KOLOM:
        info.append([kolom.kunci, kolom.label])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def ke_json(edisi: DipEdisi, rows: list[dict[str, str]]) -> bytes:
    data = {
        "dip": {**_meta(edisi), "diekspor_pada": timezone.localtime().isoformat()},
        "kolom": [{"kunci": k.kunci, "label": k.label} for k in KOLOM],
        "informasi": rows,
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def templat_csv() -> bytes:
    return ke_csv([])


# --- import ----------------------------------------------------------------------------


class BerkasTidakValid(Exception):
    """The file as a whole cannot be read (wrong type, no header, unknown column...)."""


@dataclass(frozen=True)
class ErrorImpor:
    baris: int
    kolom: str
    pesan: str

    def __str__(self) -> str:
        return f"Baris {self.baris}, kolom “{self.kolom}”: {self.pesan}"


class ImporGagal(Exception):
    """Nothing was imported; `errors` lists every row error, or `args[0]` says what is wrong
    with the file as a whole."""

    def __init__(self, errors: list[ErrorImpor] | None = None, pesan: str = "") -> None:
        self.errors = errors or []
        self.pesan = pesan or (
            f"Impor dibatalkan: {len(self.errors)} kesalahan ditemukan. Tidak ada data yang "
            "disimpan; perbaiki berkas lalu unggah ulang."
        )
        super().__init__(self.pesan)


@dataclass(frozen=True)
class BarisImpor:
    nomor: int  # the row number as the spreadsheet shows it (the header is row 1)
    data: dict[str, str]


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(text).lower())


# A header cell may be the key, the label, or the model field's name, in any case and spacing.
_HEADER = (
    {_normal(k.kunci): k.kunci for k in KOLOM}
    | {_normal(k.label): k.kunci for k in KOLOM}
    | {_normal(field): kunci for kunci, field in FIELD.items()}
)


def _sel(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        from ppid_manual.format import tanggal

        return tanggal(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _kepala(header: list[str]) -> list[str | None]:
    """Map the header cells to column keys; refuse unknown or missing columns."""
    keys: list[str | None] = []
    tidak_dikenal = []
    for cell in header:
        if not cell.strip():
            keys.append(None)
            continue
        norm = _normal(cell)
        if norm in DIABAIKAN:
            keys.append(None)
        elif norm in _HEADER:
            keys.append(_HEADER[norm])
        else:
            tidak_dikenal.append(cell.strip())
            keys.append(None)
    if tidak_dikenal:
        raise BerkasTidakValid(
            "Kolom tidak dikenal pada baris 1: "
            + ", ".join(f"“{c}”" for c in tidak_dikenal)
            + ". Gunakan kolom yang sama dengan berkas ekspor: "
            + ", ".join(KUNCI)
            + "."
        )
    kurang = [k.kunci for k in KOLOM if k.wajib and k.kunci not in keys]
    if kurang:
        raise BerkasTidakValid(
            "Kolom wajib tidak ada pada baris 1: " + ", ".join(f"“{k}”" for k in kurang) + "."
        )
    dobel = {k for k in keys if k is not None and keys.count(k) > 1}
    if dobel:
        raise BerkasTidakValid(
            "Kolom muncul lebih dari sekali: " + ", ".join(f"“{k}”" for k in sorted(dobel)) + "."
        )
    return keys


def _baris(rows: list[list[str]]) -> list[BarisImpor]:
    if not rows:
        raise BerkasTidakValid("Berkas kosong: baris 1 harus berisi judul kolom.")
    keys = _kepala(rows[0])
    hasil = []
    for nomor, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(keys) and any(c.strip() for c in cells[len(keys) :]):
            raise BerkasTidakValid(f"Baris {nomor} memuat lebih banyak sel daripada judul kolom.")
        data = {k: "" for k in KUNCI}
        for key, value in zip(keys, cells, strict=False):
            if key is not None:
                data[key] = value.strip()
        hasil.append(BarisImpor(nomor, data))
    if not hasil:
        raise BerkasTidakValid("Berkas tidak memuat baris data (hanya judul kolom).")
    if len(hasil) > MAKS_BARIS:
        raise BerkasTidakValid(f"Paling banyak {MAKS_BARIS} baris per impor.")
    return hasil


def _baca_csv(raw: bytes) -> list[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BerkasTidakValid(
            "Berkas CSV harus berenkode UTF-8. Di Excel, simpan dengan jenis “CSV UTF-8”."
        ) from None
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.splitlines()[0] if sample else "", delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise BerkasTidakValid(f"Berkas CSV tidak dapat dibaca: {exc}.") from None
    return [[_tanpa_apostrof(c) for c in row] for row in rows]


def _tanpa_apostrof(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(AWALAN_RUMUS):
        return value[1:]
    return value


def _baca_xlsx(raw: bytes) -> list[list[str]]:
    if not raw.startswith(b"PK\x03\x04"):
        raise BerkasTidakValid("Berkas bukan XLSX yang valid.")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAKS_XLSX_TERURAI:
                raise BerkasTidakValid("Isi berkas XLSX terlalu besar.")
    except zipfile.BadZipFile:
        raise BerkasTidakValid("Berkas bukan XLSX yang valid.") from None
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise BerkasTidakValid(f"Berkas XLSX tidak dapat dibaca: {exc}.") from None
    try:
        ws = wb.worksheets[0]
        return [[_sel(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def baca_berkas(nama: str, raw: bytes) -> list[BarisImpor]:
    """Read an uploaded XLSX or CSV into rows keyed by column. Raises BerkasTidakValid."""
    if len(raw) > MAKS_UKURAN_IMPOR:
        raise BerkasTidakValid("Berkas impor paling besar 5 MB.")
    lower = nama.lower()
    if lower.endswith(".csv"):
        return _baris(_baca_csv(raw))
    if lower.endswith(".xlsx"):
        return _baris(_baca_xlsx(raw))
    raise BerkasTidakValid("Gunakan berkas .xlsx atau .csv dengan kolom yang sama dengan ekspor.")


def _pilihan(choices, value: str) -> str | None:
    norm = _normal(value)
    for code, label in choices:
        if norm in (_normal(code), _normal(label)):
            return code
    return None


def _opd(edisi: DipEdisi, data: dict[str, str]) -> tuple[Unit | None, str | None]:
    kode, nama = data["kode_perangkat_daerah"], data["perangkat_daerah"]
    unit = None
    if kode:
        unit = Unit.objects.filter(kode__iexact=kode).first()
        if unit is None:
            return None, f"Kode perangkat daerah “{kode}” tidak dikenal."
        if nama and _normal(nama) not in (_normal(unit.nama), _normal(unit.singkatan)):
            return None, f"Kode “{kode}” adalah {unit.nama}, bukan “{nama}”."
    elif nama:
        unit = (
            Unit.objects.filter(nama__iexact=nama).first()
            or Unit.objects.filter(singkatan__iexact=nama).first()
        )
        if unit is None:
            return None, f"Perangkat daerah “{nama}” tidak dikenal."
    elif not edisi.is_provinsi:
        return edisi.unit, None
    else:
        return None, "Wajib diisi untuk DIP Provinsi (kode atau nama perangkat daerah)."
    if not edisi.is_provinsi and unit.pk != edisi.unit_id:
        return None, (
            f"Harus {edisi.unit.nama}: DIP ini milik perangkat daerah itu (baris ini menyebut "
            f"{unit.nama})."
        )
    if not unit.aktif:
        return None, f"{unit.nama} tidak aktif."
    return unit, None


@dataclass(frozen=True)
class BarisValid:
    nomor: int
    uid: uuid.UUID | None
    nilai: dict[str, Any]  # model field -> value, opd as a Unit


def validasi(edisi: DipEdisi, rows: list[BarisImpor], *, form_class) -> list[BarisValid]:
    """Check every row; raise ImporGagal with all the errors, or return the clean rows.

    Each row is checked by `form_class`, the form that enters one entry by hand
    (dip.forms.InformasiPublikForm): an imported row obeys the same rules and gets the same
    messages. The caller names it: forms sit above this module (models ← alur ← actions ←
    forms/views), which does not import them."""

    errors: list[ErrorImpor] = []
    valid: list[BarisValid] = []
    seen: dict[uuid.UUID, int] = {}
    for row in rows:
        data = row.data
        uid = None
        if data["id"]:
            try:
                uid = uuid.UUID(data["id"])
            except ValueError:
                errors.append(
                    ErrorImpor(
                        row.nomor,
                        LABEL["id"],
                        f"“{data['id']}” bukan ID yang valid; kosongkan untuk entri baru.",
                    )
                )
            else:
                if uid in seen:
                    errors.append(
                        ErrorImpor(row.nomor, LABEL["id"], f"ID sama dengan baris {seen[uid]}.")
                    )
                seen.setdefault(uid, row.nomor)
        form_data = {field: data[kolom] for kolom, field in FIELD.items()}
        for field, choices in (
            ("bentuk", InformasiPublik.Bentuk.choices),
            ("jenis", InformasiPublik.Jenis.choices),
        ):
            if form_data[field]:
                form_data[field] = _pilihan(choices, form_data[field]) or form_data[field]
        unit, opd_error = _opd(edisi, data)
        if opd_error:
            kolom = "kode_perangkat_daerah" if data["kode_perangkat_daerah"] else "perangkat_daerah"
            errors.append(ErrorImpor(row.nomor, LABEL[kolom], opd_error))
        form = form_class(data=form_data, edisi=edisi, dengan_opd=False)
        if not form.is_valid():
            for field, messages in form.errors.items():
                kolom = KOLOM_FIELD.get(field)
                label = LABEL[kolom] if kolom else field
                for message in messages:
                    errors.append(ErrorImpor(row.nomor, label, message))
        elif not opd_error:
            # The entry's own columns only (not the form's hidden edit version).
            nilai = {f: form.cleaned_data[f] for f in form._meta.fields if f in form.cleaned_data}
            valid.append(BarisValid(row.nomor, uid, {**nilai, "opd": unit}))
    if errors:
        raise ImporGagal(errors)
    return valid
