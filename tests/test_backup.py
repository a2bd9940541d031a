import datetime
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ppid_manual.layanan.backup import row_counts
from ppid_manual.models import Event, HariLibur, User
from ppid_manual.workflow.engine import record_event

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def media(media):
    """The throwaway MEDIA_ROOT with one scan in it."""
    (media / "ktp").mkdir(parents=True)
    (media / "ktp" / "scan.pdf").write_bytes(b"%PDF-1.4 contoh scan KTP")
    return media


def _fill(units, petugas):
    HariLibur.objects.create(
        tanggal=datetime.date(2026, 6, 17), nama="Galungan", jenis=HariLibur.Jenis.DISPENSASI_BALI
    )
    record_event(units["dinkes"], "uji", by=petugas, note="catatan")


def test_backup_then_restore_into_an_empty_database_reproduces_everything(
    tmp_path, media, units, petugas
):
    _fill(units, petugas)
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive))
    before = row_counts()
    names = zipfile.ZipFile(archive).namelist()
    assert {"data.json", "manifest.json", "media/ktp/scan.pdf"} <= set(names)

    call_command("flush", "--noinput")
    (media / "ktp" / "scan.pdf").unlink()
    assert User.objects.count() == 0

    call_command("restore", str(archive))
    assert row_counts() == before
    assert Event.objects.get().note == "catatan"
    assert User.objects.get(username="petugas").groups.get().name == "petugas"
    assert (media / "ktp" / "scan.pdf").read_bytes() == b"%PDF-1.4 contoh scan KTP"


def test_restore_refuses_a_database_that_holds_data(tmp_path, media, units, petugas):
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="tidak kosong"):
        call_command("restore", str(archive))


def test_restore_refuses_a_damaged_archive(tmp_path, media, units, petugas):
    _fill(units, petugas)
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive))
    damaged = tmp_path / "rusak.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "data.json":
                content = content.replace(b"catatan", b"CATATAN")
            dst.writestr(item, content)
    call_command("flush", "--noinput")
    with pytest.raises(CommandError, match="checksum"):
        call_command("restore", str(damaged))
    assert User.objects.count() == 0
    (tmp_path / "bukan.zip").write_bytes(b"bukan zip")
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("restore", str(tmp_path / "bukan.zip"))
