"""Backup and restore: one archive with the data, the uploaded files and a manifest.

The archive is a zip file:
- data.json      every row of the app (dumpdata with natural keys; content types and
                 permissions are rebuilt by `migrate`, so they are left out),
- media/...      the uploaded files (ID scans, signed SK scans),
- manifest.json  row counts per model, the SHA-256 of data.json and of every file, the
                 SHA-256 of every issued document (issue 15: the PDFs as issued are rows of
                 ppid_manual.DokumenTerbit, so they travel in data.json), and the head of the
                 hash chain of events (issue 25), which a restore checks the chain against.

`restore` refuses a damaged archive (a checksum or a count that does not match) and a
database that already holds data, then loads everything in one transaction and checks that
the restored database dumps to the very same bytes.

Restore trusts nothing in the archive (issue 16): a file is written only at a member path that
stays inside MEDIA_ROOT (no absolute path, no `..`, no link in the archive or on the disk),
with the mode of an upload; the data is staged in a private temporary folder outside the
application; a broken archive (a row that breaks a foreign key, a malformed data.json) is
rolled back and reported as a message. Timestamps keep their microseconds (format 2).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from ppid_manual import rantai

# 1: timestamps cut to milliseconds (Django's JSON encoder); 2: full precision.
FORMAT_VERSION = 2
SERIALIZERS = {1: "json", 2: "json_penuh"}
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]


class BackupError(Exception):
    pass


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dump_data(version: int = FORMAT_VERSION) -> bytes:
    """Every row, as JSON. Format 2 writes timestamps with their microseconds (the stock JSON
    serializer cuts them to milliseconds, so a restored event moved in time and two events of
    one millisecond could swap order)."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        f"--format={SERIALIZERS[version]}",
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
        dokumen = _issued_hashes()
        head_urut, head_hash = rantai.kepala()
    root = Path(settings.MEDIA_ROOT)
    manifest = {
        "format": FORMAT_VERSION,
        "counts": counts,
        "data_sha256": _sha256(data),
        "files": {},
        "dokumen_terbit": dokumen,
        # Issue 25: the head of the hash chain of events; a restore checks the chain up to it.
        "kepala_rantai": {"urut": head_urut, "hash": head_hash},
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


def _issued_hashes() -> dict[str, str]:
    """Each issued document's SHA-256 as taken at issue, checked against its bytes: a backup
    never carries a changed letter as if it were the one issued."""
    from ppid_manual.workflow.terbit import verifikasi

    changed = verifikasi()
    if changed:
        raise BackupError(
            "Dokumen terbit berubah sejak diterbitkan; cadangan tidak dibuat: "
            + "; ".join(f"{d.judul} {d.nomor}".strip() for d in changed)
            + ". Jalankan manage.py verify_documents."
        )
    from ppid_manual.models import DokumenTerbit

    return {str(pk): sha for pk, sha in DokumenTerbit.objects.values_list("pk", "sha256")}


def _check_issued(manifest: dict) -> None:
    """After loading: every issued document is there, with the bytes of its hash."""
    from ppid_manual.models import DokumenTerbit
    from ppid_manual.workflow.terbit import verifikasi

    expected = manifest.get("dokumen_terbit", {})
    restored = {str(pk): sha for pk, sha in DokumenTerbit.objects.values_list("pk", "sha256")}
    if restored != expected:
        raise BackupError("Dokumen terbit setelah pemulihan tidak sama dengan manifest arsip.")
    changed = verifikasi()
    if changed:
        raise BackupError(
            "Dokumen terbit dalam arsip tidak cocok dengan SHA-256-nya: "
            + "; ".join(f"{d.judul} {d.nomor}".strip() for d in changed)
        )


def member_path(name: str) -> PurePosixPath:
    """A media file's name from the manifest, accepted only if it names a file inside
    MEDIA_ROOT: relative, no `..`, no empty or `.` part, no backslash or drive letter."""
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or path.is_absolute()
        or (path.parts and ":" in path.parts[0])
        or any(part in ("", ".", "..") for part in name.split("/"))
    ):
        raise BackupError(f"Arsip ditolak: nama berkas tidak aman “{name}” (harus di dalam media).")
    return path


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def read_and_verify(source: Path) -> tuple[dict, bytes, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"Arsip tidak dapat dibaca: {exc}") from None
    with archive:
        try:
            manifest = json.loads(archive.read("manifest.json"))
            data = archive.read("data.json")
            if not isinstance(manifest.get("files", {}), dict):
                raise ValueError("daftar berkas pada manifest tidak valid")
            for info in archive.infolist():
                if _is_link(info):
                    raise BackupError(f"Arsip ditolak: {info.filename} adalah tautan (symlink).")
                if info.filename.startswith("media/"):
                    member_path(info.filename.removeprefix("media/"))
            files = {}
            for name in manifest.get("files", {}):
                member_path(name)
                files[name] = archive.read(f"media/{name}")
        except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
            raise BackupError(f"Arsip rusak atau tidak lengkap: {exc}") from None
    if manifest.get("format") not in SERIALIZERS:
        raise BackupError("Versi arsip tidak dikenal.")
    if _sha256(data) != manifest["data_sha256"]:
        raise BackupError("Arsip rusak: checksum data.json tidak cocok dengan manifest.")
    for name, content in files.items():
        if _sha256(content) != manifest["files"][name]:
            raise BackupError(f"Arsip rusak: checksum berkas {name} tidak cocok.")
    return manifest, data, files


def _target(root: Path, name: str) -> Path:
    """Where a media file goes: inside MEDIA_ROOT once every link on the disk is followed
    (a folder under MEDIA_ROOT that is a link to elsewhere is refused too)."""
    target = root / member_path(name)
    resolved = target.resolve()
    if not resolved.is_relative_to(root.resolve()) or target.is_symlink():
        raise BackupError(f"Arsip ditolak: berkas {name} akan ditulis di luar folder media.")
    return target


def _write_media(root: Path, name: str, content: bytes) -> None:
    """Written like an upload: FILE_UPLOAD_PERMISSIONS (0640), never through a link."""
    target = _target(root, name)
    dir_mode = settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS or 0o750
    target.parent.mkdir(parents=True, exist_ok=True, mode=dir_mode)
    _target(root, name)  # again, now that the folders exist
    mode = settings.FILE_UPLOAD_PERMISSIONS or 0o640
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, mode)
    with os.fdopen(fd, "wb") as out:
        out.write(content)
    os.chmod(target, mode)


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
    for name in files:  # every target checked before anything is written
        _target(root, name)
    version = manifest["format"]
    # Staged outside the application, in a folder only this user can read (mkdtemp: 0700):
    # the dump holds every pemohon's identity.
    with tempfile.TemporaryDirectory(prefix="ppid-pulihkan-") as staging:
        fixture = Path(staging) / "data.json"
        fixture.write_bytes(data)
        fixture.chmod(0o600)
        try:
            with transaction.atomic():
                call_command("loaddata", str(fixture), verbosity=0)
                _check_restored(manifest, version)
                _check_issued(manifest)
                _check_chain(manifest)
                for name, content in files.items():
                    _write_media(root, name, content)
        except (DatabaseError, DeserializationError, ValidationError, CommandError) as exc:
            # A row that breaks a foreign key or a constraint, a malformed data.json: all of
            # it is rolled back; the officer reads what is wrong, not a traceback.
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc)
            raise BackupError(
                "Arsip tidak dapat dipulihkan; tidak ada data yang disimpan. Data di dalam "
                f"arsip rusak atau tidak sesuai dengan basis data: {first_line}"
            ) from None
    return manifest


def _check_chain(manifest: dict) -> None:
    """After loading (issue 25): the hash chain of events holds from the first event to the
    head the manifest records; a tampered archive is refused, naming the first break. An
    archive made before the chain (no head in its manifest) carries no chain to check."""
    expected = manifest.get("kepala_rantai")
    if expected is None:
        return
    putus, urut, head_hash, _ = rantai.periksa_rantai()
    putus += rantai.periksa_kepala(urut, head_hash)
    if putus:
        raise BackupError(
            f"Riwayat dalam arsip tidak utuh ({len(putus)} kerusakan); tidak ada data yang "
            f"disimpan. Kerusakan pertama: {putus[0]}"
        )
    if (urut, head_hash) != (expected.get("urut"), expected.get("hash")):
        raise BackupError(
            "Kepala rantai riwayat dalam arsip tidak sama dengan yang dicatat manifest "
            f"(manifest: riwayat ke-{expected.get('urut')} {str(expected.get('hash'))[:16]}…; "
            f"arsip: riwayat ke-{urut} {head_hash[:16]}…); tidak ada data yang disimpan."
        )


def _check_restored(manifest: dict, version: int) -> None:
    counts = row_counts()
    if counts != manifest["counts"]:
        diff = {
            k: (manifest["counts"].get(k), counts.get(k))
            for k in set(counts) | set(manifest["counts"])
            if counts.get(k) != manifest["counts"].get(k)
        }
        raise BackupError(f"Jumlah baris setelah pemulihan tidak cocok: {diff}")
    if _sha256(dump_data(version)) != manifest["data_sha256"]:
        raise BackupError("Data setelah pemulihan tidak sama dengan arsip.")
