"""Issue 16: restore trusts nothing in the archive. A member path outside MEDIA_ROOT (`../`, an
absolute path, a link) is refused before anything is written; restored files get the upload
mode; the data is staged outside the application; a broken archive is a message, not a
traceback; timestamps come back to the microsecond."""

from __future__ import annotations

import datetime
import hashlib
import json
import stat
import zipfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError

from ppid_manual.models import Event, HariLibur, User
from ppid_manual.workflow.engine import record_event

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCAN = b"%PDF-1.4 contoh scan KTP"


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "app" / "media"
    (settings.MEDIA_ROOT / "identitas").mkdir(parents=True)
    (settings.MEDIA_ROOT / "identitas" / "scan.pdf").write_bytes(SCAN)
    return settings.MEDIA_ROOT


def backup(tmp_path, units, petugas) -> Path:
    HariLibur.objects.create(
        tanggal=datetime.date(2026, 6, 17), nama="Galungan", jenis=HariLibur.Jenis.DISPENSASI_BALI
    )
    record_event(units["dinkes"], "uji", by=petugas, note="catatan")
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive))
    return archive


def crafted(tmp_path: Path, archive: Path, name: str, *, link: bool = False) -> Path:
    """The archive with one more media member under `name`, listed in the manifest with its
    true checksum (so only the path can give it away)."""
    out = tmp_path / "bahaya.zip"
    content = b"/etc/passwd" if link else b"probe"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        manifest = json.loads(src.read("manifest.json"))
        manifest["files"][name] = hashlib.sha256(content).hexdigest()
        for item in src.infolist():
            if item.filename != "manifest.json":
                dst.writestr(item, src.read(item))
        info = zipfile.ZipInfo(f"media/{name}")
        if link:
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
        dst.writestr(info, content)
        dst.writestr("manifest.json", json.dumps(manifest))
    return out


@pytest.mark.parametrize(
    "name, link",
    [
        ("../escape-probe.txt", False),
        ("identitas/../../escape-probe.txt", False),
        ("/tmp/escape-probe.txt", False),
        ("identitas/tautan.pdf", True),
    ],
)
def test_restore_refuses_a_member_outside_media_root(tmp_path, media, units, petugas, name, link):
    archive = crafted(tmp_path, backup(tmp_path, units, petugas), name, link=link)
    call_command("flush", "--noinput")
    (media / "identitas" / "scan.pdf").unlink()
    with pytest.raises(CommandError, match="Arsip ditolak"):
        call_command("restore", str(archive))
    assert User.objects.count() == 0  # nothing restored
    assert not (media.parent / "escape-probe.txt").exists()
    assert not Path("/tmp/escape-probe.txt").exists()
    assert not (media / "identitas" / "scan.pdf").exists()
    assert not (media / "identitas" / "tautan.pdf").exists()


def test_restore_refuses_a_folder_that_links_outside_media_root(tmp_path, media, units, petugas):
    archive = backup(tmp_path, units, petugas)
    call_command("flush", "--noinput")
    outside = tmp_path / "luar"
    outside.mkdir()
    (media / "identitas" / "scan.pdf").unlink()
    (media / "identitas").rmdir()
    (media / "identitas").symlink_to(outside)
    with pytest.raises(CommandError, match="di luar folder media"):
        call_command("restore", str(archive))
    assert list(outside.iterdir()) == []
    assert User.objects.count() == 0


def test_restored_scans_get_the_upload_mode_and_data_is_staged_outside_the_app(
    tmp_path, media, units, petugas, monkeypatch
):
    archive = backup(tmp_path, units, petugas)
    call_command("flush", "--noinput")
    (media / "identitas" / "scan.pdf").unlink()
    staged = []
    real_loaddata = call_command

    def spy(name, *args, **kwargs):
        if name == "loaddata":
            path = Path(args[0])
            staged.append((path, stat.S_IMODE(path.parent.stat().st_mode)))
        return real_loaddata(name, *args, **kwargs)

    monkeypatch.setattr("layanan.backup.call_command", spy)
    call_command("restore", str(archive))
    restored = media / "identitas" / "scan.pdf"
    assert restored.read_bytes() == SCAN
    assert stat.S_IMODE(restored.stat().st_mode) == django_settings.FILE_UPLOAD_PERMISSIONS == 0o640
    [(path, mode)] = staged
    assert not path.is_relative_to(Path(django_settings.BASE_DIR))
    assert mode == 0o700  # a private folder
    assert not path.exists()  # removed afterwards
    assert not (Path(django_settings.BASE_DIR) / ".restore-data.json").exists()


@pytest.mark.parametrize(
    "model, field, value",
    [
        # A key by id to a row that is not there: the database's foreign key refuses it.
        ("ppid_manual.user", "unit", 999_999),
        # A natural key (user name) that names nobody: the loader refuses it.
        ("ppid_manual.event", "actor", ["tidak-ada-pengguna-ini"]),
    ],
)
def test_a_broken_foreign_key_row_is_a_message_and_nothing_is_kept(
    tmp_path, media, units, petugas, model, field, value
):
    archive = backup(tmp_path, units, petugas)
    broken = tmp_path / "fk.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(broken, "w") as dst:
        manifest = json.loads(src.read("manifest.json"))
        rows = json.loads(src.read("data.json"))
        for row in rows:
            if row["model"] == model:
                assert field in row["fields"]
                row["fields"][field] = value
        data = json.dumps(rows).encode()
        manifest["data_sha256"] = hashlib.sha256(data).hexdigest()
        for item in src.infolist():
            if item.filename not in ("manifest.json", "data.json"):
                dst.writestr(item, src.read(item))
        dst.writestr("data.json", data)
        dst.writestr("manifest.json", json.dumps(manifest))
    call_command("flush", "--noinput")
    (media / "identitas" / "scan.pdf").unlink()
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(broken))
    message = str(refused.value)
    assert message.startswith("Arsip tidak dapat dipulihkan; tidak ada data yang disimpan.")
    assert "Traceback" not in message
    assert User.objects.count() == 0 and Event.objects.count() == 0
    assert not (media / "identitas" / "scan.pdf").exists()


def test_a_round_trip_keeps_microseconds(tmp_path, media, units, petugas):
    import time_machine

    # The event is written at a moment with microseconds (the event log is append-only and
    # hash-chained, issue 25: its time is set when it is written, not edited afterwards).
    precise = datetime.datetime(2026, 6, 1, 9, 0, 0, 123456, tzinfo=datetime.UTC)
    with time_machine.travel(precise, tick=False):
        archive = backup(tmp_path, units, petugas)
    joined = User.objects.get(username="petugas")
    User.objects.filter(pk=joined.pk).update(
        date_joined=joined.date_joined.replace(microsecond=654321)
    )
    call_command("backup", str(archive))
    call_command("flush", "--noinput")
    call_command("restore", str(archive))
    assert Event.objects.get().created_at == precise
    assert User.objects.get(username="petugas").date_joined.microsecond == 654321
