import datetime
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from layanan.backup import row_counts
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


def _issued(units, petugas, content: bytes = b"%PDF-1.4 surat yang diterbitkan"):
    from django.contrib.contenttypes.models import ContentType

    from ppid_manual.models import DokumenTerbit

    return DokumenTerbit.objects.create(
        content_type=ContentType.objects.get_for_model(units["dinkes"]),
        object_id=units["dinkes"].pk,
        jenis="uji",
        judul="Surat uji",
        nomor="001/UJI/2026",
        nama_berkas="uji.pdf",
        berkas=content,
        sha256=DokumenTerbit.hitung_sha256(content),
        dibuat_oleh=petugas,
    )


def test_backup_and_restore_carry_the_issued_documents_and_check_their_hashes(
    tmp_path, media, units, petugas
):
    import hashlib
    import json

    from ppid_manual.models import DokumenTerbit

    d = _issued(units, petugas)
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive))
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert manifest["dokumen_terbit"] == {str(d.pk): d.sha256}

    # An archive whose letter was altered (and its data checksum forged to match) is refused.
    forged = tmp_path / "palsu.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(forged, "w") as dst:
        import base64

        original = base64.b64encode(b"%PDF-1.4 surat yang diterbitkan")
        data = src.read("data.json").replace(original, base64.b64encode(b"%PDF-1.4 surat lain"))
        assert data != src.read("data.json")
        forged_manifest = {**manifest, "data_sha256": hashlib.sha256(data).hexdigest()}
        dst.writestr("data.json", data)
        dst.writestr("manifest.json", json.dumps(forged_manifest))
        for name in src.namelist():
            if name.startswith("media/"):
                dst.writestr(name, src.read(name))

    call_command("flush", "--noinput")
    with pytest.raises(
        CommandError, match="tidak cocok dengan SHA-256-nya: Surat uji 001/UJI/2026"
    ):
        call_command("restore", str(forged))
    assert not DokumenTerbit.objects.exists()

    call_command("restore", str(archive))
    restored = DokumenTerbit.objects.get()
    assert bytes(restored.berkas) == b"%PDF-1.4 surat yang diterbitkan" and restored.utuh


def test_backup_refuses_when_an_issued_document_changed(tmp_path, media, units, petugas):
    from ppid_manual.models import DokumenTerbit

    d = _issued(units, petugas)
    DokumenTerbit.objects.filter(pk=d.pk).update(berkas=b"%PDF-1.4 diubah")
    with pytest.raises(CommandError, match="Dokumen terbit berubah sejak diterbitkan"):
        call_command("backup", str(tmp_path / "cadangan.zip"))


def _rewrite(archive, target, change, counts=None):
    """A copy of the archive whose data.json is changed by `change`, with the manifest's
    checksum of data.json recomputed: a tampering that the checksums alone do not catch."""
    import hashlib
    import json

    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(target, "w") as dst:
        data = change(src.read("data.json"))
        manifest = json.loads(src.read("manifest.json"))
        manifest["data_sha256"] = hashlib.sha256(data).hexdigest()
        for label, delta in (counts or {}).items():
            manifest["counts"][label] += delta
        for item in src.infolist():
            if item.filename == "data.json":
                dst.writestr(item, data)
            elif item.filename == "manifest.json":
                dst.writestr(item, json.dumps(manifest))
            else:
                dst.writestr(item, src.read(item))


def test_the_manifest_records_the_chain_head_and_a_restore_checks_it(
    tmp_path, media, units, petugas
):
    """Issue 25: a tampered event (its checksum recomputed) is refused, naming the first
    break; an intact archive restores and reports the head it verified."""
    import json

    from ppid_manual import rantai

    _fill(units, petugas)
    edited = record_event(units["dishub"], "uji", by=petugas, note="kedua")
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive))
    head = rantai.kepala()
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert manifest["kepala_rantai"] == {"urut": head[0], "hash": head[1]}

    tampered = tmp_path / "diubah.zip"
    _rewrite(archive, tampered, lambda data: data.replace(b'"kedua"', b'"diubah"'))
    call_command("flush", "--noinput")
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(tampered))
    assert f"Kerusakan pertama: RIWAYAT BERUBAH: riwayat #{edited.pk}" in str(refused.value)
    assert User.objects.count() == 0 and Event.objects.count() == 0

    # The last event cut out of the archive (its counts and checksum made to match): the
    # chain in the archive ends one event before the head its manifest records.
    def drop_last(data: bytes) -> bytes:
        text = data.decode()
        start = text.index(f'{{\n "model": "ppid_manual.event",\n "pk": {edited.pk},')
        end = text.index("\n}", start) + len("\n}")
        cut = text[:start] + text[end:]
        return cut.replace("},\n,\n{", "},\n{").replace("},\n\n]", "}\n]").encode()

    dropped = tmp_path / "dipotong.zip"
    _rewrite(archive, dropped, drop_last, {"ppid_manual.event": -1})
    with pytest.raises(CommandError, match="RIWAYAT TERAKHIR HILANG"):
        call_command("restore", str(dropped))

    from io import StringIO

    out = StringIO()
    call_command("restore", str(archive), stdout=out)
    assert f"kode integritas riwayat {head[1]}" in out.getvalue()
    assert rantai.kepala() == head
