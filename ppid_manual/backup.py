"""Backup and restore: one archive with the data, the uploaded files and a manifest.

The archive is a zip file:
- data.json      every row of the app (dumpdata with natural keys; content types and
                 permissions are rebuilt by `migrate`, so they are left out),
- media/...      the uploaded files (ID scans, signed SK scans),
- manifest.json  row counts per model, the SHA-256 of data.json and of every file.

`restore` refuses a damaged archive (a checksum or a count that does not match) and a
database that already holds data, then loads everything in one transaction and checks that
the restored database dumps to the very same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

FORMAT_VERSION = 1
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


class BackupError(Exception):
    pass


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dump_data() -> bytes:
    out = io.StringIO()
    call_command(
        "dumpdata",
        *[f"--exclude={e}" for e in EXCLUDED],
        "--natural-foreign",
        "--natural-primary",
        "--indent=1",
        stdout=out,
    )
    return out.getvalue().encode()


def counted_models():
    for model in apps.get_models():
        label = model._meta.label_lower
        app = model._meta.app_label
        if app in EXCLUDED or label in EXCLUDED or not model._meta.managed:
            continue
        if model._meta.proxy:
            continue
        yield label, model


def row_counts() -> dict[str, int]:
    return {label: model._default_manager.count() for label, model in counted_models()}


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file())


def write_backup(target: Path) -> dict:
    # One consistent snapshot: read everything inside one transaction.
    with transaction.atomic():
        data = dump_data()
        counts = row_counts()
    root = Path(settings.MEDIA_ROOT)
    manifest = {
        "format": FORMAT_VERSION,
        "counts": counts,
        "data_sha256": _sha256(data),
        "files": {},
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", data)
        for path in media_files():
            content = path.read_bytes()
            name = path.relative_to(root).as_posix()
            manifest["files"][name] = _sha256(content)
            archive.writestr(f"media/{name}", content)
        archive.writestr("manifest.json", json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def read_and_verify(source: Path) -> tuple[dict, bytes, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"Arsip tidak dapat dibaca: {exc}") from None
    with archive:
        try:
            manifest = json.loads(archive.read("manifest.json"))
            data = archive.read("data.json")
            files = {name: archive.read(f"media/{name}") for name in manifest.get("files", {})}
        except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
            raise BackupError(f"Arsip rusak atau tidak lengkap: {exc}") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError("Versi arsip tidak dikenal.")
    if _sha256(data) != manifest["data_sha256"]:
        raise BackupError("Arsip rusak: checksum data.json tidak cocok dengan manifest.")
    for name, content in files.items():
        if _sha256(content) != manifest["files"][name]:
            raise BackupError(f"Arsip rusak: checksum berkas {name} tidak cocok.")
    return manifest, data, files


def database_is_empty() -> bool:
    """Empty: nothing but what `migrate` itself creates (role groups, number templates)."""
    from ppid_manual.models import Event, HariLibur, Unit, User

    return not any(m.objects.exists() for m in (User, Unit, HariLibur, Event))


def restore_backup(source: Path) -> dict:
    manifest, data, files = read_and_verify(source)
    if not database_is_empty():
        raise BackupError(
            "Basis data tujuan tidak kosong. Pulihkan hanya ke basis data baru yang sudah "
            "di-migrate dan belum berisi data."
        )
    root = Path(settings.MEDIA_ROOT)
    with transaction.atomic():
        fixture = Path(settings.BASE_DIR) / ".restore-data.json"
        try:
            fixture.write_bytes(data)
            call_command("loaddata", str(fixture), verbosity=0)
        finally:
            fixture.unlink(missing_ok=True)
        counts = row_counts()
        if counts != manifest["counts"]:
            diff = {
                k: (manifest["counts"].get(k), counts.get(k))
                for k in set(counts) | set(manifest["counts"])
                if counts.get(k) != manifest["counts"].get(k)
            }
            raise BackupError(f"Jumlah baris setelah pemulihan tidak cocok: {diff}")
        if _sha256(dump_data()) != manifest["data_sha256"]:
            raise BackupError("Data setelah pemulihan tidak sama dengan arsip.")
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    return manifest
