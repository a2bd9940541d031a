"""Uploaded scans and their records (issue 16): a scan is kept only together with its record.

- `store_scan` writes a scan inside a step; `dibersihkan_bila_gagal` wraps the step's transaction
  and deletes what was written when the transaction does not commit (the step refused, an
  error, a failed commit). Django has no "on rollback" hook, so the wrapper sits outside the
  outermost `atomic` of the action.
- A worker killed between the write and the commit leaves a file no record points to;
  `berkas_yatim` finds those under the ID-scan folders and `hapus_yatim` removes them, each
  removal written to the log (command `hapus_berkas_yatim`, also run by
  `hapus_pindaian_lama`, the daily retention job). Personal data (UU 27/2022 PDP Pasal 16(2)
  huruf g: deleted when no longer needed) must not outlive its record on the disk.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.storage import Storage

logger = logging.getLogger("ppid_manual.pindaian")

# The folders (under MEDIA_ROOT) of the ID scans and powers of attorney, and the fields whose
# values name files in them (registrasi.models.scan_path, keberatan.models.berkas_path).
FOLDER_PINDAIAN = ("identitas", "keberatan")
FIELDS = (
    ("registrasi.Permohonan", ("scan_identitas",)),
    ("keberatan.Keberatan", ("scan_identitas", "surat_kuasa")),
)
# A file younger than this may belong to a registration whose transaction is still open.
UMUR_MINIMUM = datetime.timedelta(hours=1)

_ditulis: contextvars.ContextVar[list[tuple[Storage, str]] | None] = contextvars.ContextVar(
    "pindaian_ditulis", default=None
)


def store_scan(fieldfile, name: str, content) -> None:
    """Write an uploaded scan to a record's file field (the row is saved by the step)."""
    fieldfile.save(name, content, save=False)
    written = _ditulis.get()
    if written is not None:
        written.append((fieldfile.storage, fieldfile.name))


@contextlib.contextmanager
def dibersihkan_bila_gagal() -> Iterator[None]:
    """Delete every scan written inside this block if the block does not finish (put it
    around the action's outermost transaction, so a failed commit counts too)."""
    written: list[tuple[Storage, str]] = []
    token = _ditulis.set(written)
    try:
        yield
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise
    finally:
        _ditulis.reset(token)


def _referenced() -> set[str]:
    from django.apps import apps
    from django.db.models import Q

    names: set[str] = set()
    for model_path, fields in FIELDS:
        model = apps.get_model(model_path)
        for f in fields:
            qs = model._default_manager.exclude(Q(**{f: ""}) | Q(**{f"{f}__isnull": True}))
            names.update(qs.values_list(f, flat=True))
    return names


@dataclass(frozen=True)
class Yatim:
    name: str  # relative to MEDIA_ROOT, as a file field stores it
    path: Path
    size: int


def berkas_yatim(*, umur: datetime.timedelta = UMUR_MINIMUM) -> list[Yatim]:
    """Files under the scan folders that no record points to, older than `umur`."""
    root = Path(settings.MEDIA_ROOT)
    referenced = _referenced()
    cutoff = datetime.datetime.now().timestamp() - umur.total_seconds()
    found = []
    for folder in FOLDER_PINDAIAN:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_symlink() or not path.is_file():
                continue
            name = path.relative_to(root).as_posix()
            st = path.stat()
            if name not in referenced and st.st_mtime <= cutoff:
                found.append(Yatim(name, path, st.st_size))
    return found


def hapus_yatim(*, umur: datetime.timedelta = UMUR_MINIMUM, coba: bool = False) -> list[Yatim]:
    """Remove the orphan scans, one log line each (what, how big, how old)."""
    found = berkas_yatim(umur=umur)
    for item in found:
        if coba:
            continue
        item.path.unlink(missing_ok=True)
        logger.warning(
            "Pindaian tanpa rekaman dihapus: %s (%d bita; tidak ada permohonan atau keberatan "
            "yang menunjuk berkas ini)",
            item.name,
            item.size,
        )
    return found


# --- The one check of an uploaded scan --------------------------------------------------------
# An ID scan, a surat kuasa and the signed SK DIP are each checked here, by their content (the
# first bytes), not by the name the browser sends. Each use has its own limits and wording
# (BatasScan); the check is the same.

JENIS_SCAN = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
)
MB = 1024 * 1024


class ScanDitolak(ValueError):
    """An upload that is not a scan this use accepts; the message is the Indonesian reason."""


def jenis_scan(head: bytes) -> tuple[str, str] | None:
    """(mime type, extension) from the file's first bytes, whatever its name says."""
    for magic, mime, ext in JENIS_SCAN:
        if head.startswith(magic):
            return mime, ext
    return None


@dataclass(frozen=True)
class BatasScan:
    """The limits of one use of an uploaded scan and the words of its refusals. `{ukuran}` (in
    MB), `{maks_mb}` and `{apa}` (what was to be scanned) are filled in."""

    maks_mb: int
    terlalu_besar: str
    bukan_scan: str
    kosong: str | None = None  # None: an empty file is refused as "bukan_scan"

    def periksa(self, upload, apa: str = "") -> tuple[str, str]:
        """Check the upload; (mime type, extension), or ScanDitolak with the reason."""
        if upload.size > self.maks_mb * MB:
            raise ScanDitolak(
                self.terlalu_besar.format(ukuran=upload.size / MB, maks_mb=self.maks_mb)
            )
        if upload.size == 0 and self.kosong:
            raise ScanDitolak(self.kosong)
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        found = jenis_scan(head)
        if found is None:
            raise ScanDitolak(self.bukan_scan.format(apa=apa))
        return found


# The pemohon's ID and a surat kuasa (permohonan, keberatan): a phone photo or a desk scan.
SCAN_IDENTITAS = BatasScan(
    maks_mb=5,
    terlalu_besar="Ukuran berkas {ukuran:.1f} MB; paling besar {maks_mb} MB.",
    bukan_scan="Isi berkas bukan PDF, JPEG atau PNG. Pindai ulang {apa} ke salah satu format itu.",
)
# The signed SK DIP: several pages, so a larger limit.
SCAN_SK = BatasScan(
    maks_mb=10,
    terlalu_besar="Berkas pindaian paling besar {maks_mb} MB.",
    bukan_scan="Isi berkas bukan PDF, JPEG atau PNG.",
    kosong="Berkas pindaian kosong.",
)
