"""Issue 16: a scan lives only with its record. A registration that does not commit leaves no
scan; one cut off after its step (a killed worker, an outer rollback) leaves a file no record
points to, and the cleanup command (also run by the daily retention job) removes it and logs it."""

from __future__ import annotations

import logging
import os
import time
import uuid
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction

from ppid_manual.workflow.numbering import NumberingError
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def meja(units, petugas, ppid, pejabat, holidays_2026, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return SimpleNamespace(units=units, petugas=petugas, media=settings.MEDIA_ROOT)


def daftar(meja, nik: str) -> Permohonan:
    with at(D(2026, 3, 16)):
        return reg.register_permohonan(
            reg.Intake(
                pemohon={"jenis": "perorangan", "nama": "Pemohon", "nik": nik, "alamat": "Bangli"},
                rincian_informasi="Data",
                tujuan_penggunaan="Penelitian",
                cara_memperoleh=Permohonan.CaraMemperoleh.MELIHAT,
                formulir_lengkap=True,
                identitas_diterima=True,
                tanggal=D(2026, 3, 16),
                kunci=uuid.uuid4(),
                scan_identitas=SimpleUploadedFile("ktp.png", PNG, content_type="image/png"),
            ),
            by=meja.petugas,
        )


def scans(meja) -> list[str]:
    root = meja.media / "identitas"
    return sorted(p.relative_to(meja.media).as_posix() for p in root.rglob("*") if p.is_file())


class Putus(Exception):
    """The worker dies after the step: its transaction never commits."""


def test_a_registration_cut_off_after_the_upload_leaves_no_orphan_after_the_cleanup(meja, caplog):
    kept = daftar(meja, "5171014107900001")
    with pytest.raises(Putus), transaction.atomic():
        daftar(meja, "5171014107900002")
        raise Putus
    assert Permohonan.objects.count() == 1
    orphan = [name for name in scans(meja) if name != kept.scan_identitas.name]
    assert len(orphan) == 1  # written, and no record points to it

    # A young file may belong to a registration still in progress: left alone by default.
    call_command("hapus_berkas_yatim")
    assert len(scans(meja)) == 2

    caplog.set_level(logging.WARNING, logger="ppid_manual.pindaian")
    call_command("hapus_berkas_yatim", "--umur-menit=0")
    assert scans(meja) == [kept.scan_identitas.name]
    assert kept.scan_identitas.read()[:4] == b"\x89PNG"
    assert [r.getMessage() for r in caplog.records] == [
        f"Pindaian tanpa rekaman dihapus: {orphan[0]} ({len(PNG)} bita; tidak ada permohonan "
        "atau keberatan yang menunjuk berkas ini)"
    ]


def test_a_registration_that_fails_after_the_upload_removes_its_scan(meja, monkeypatch):
    """The scan is written in the step; the step then fails (the event cannot be written):
    nothing is kept, the scan included, without waiting for the cleanup."""

    def broken(*args, **kwargs):
        raise NumberingError("Format nomor belum diatur.")

    from ppid_manual import pindaian

    written = []
    real_simpan = pindaian.store_scan

    def simpan(fieldfile, name, content):
        real_simpan(fieldfile, name, content)
        written.append(meja.media / fieldfile.name)
        assert written[-1].exists()

    monkeypatch.setattr(pindaian, "store_scan", simpan)
    monkeypatch.setattr("ppid_manual.workflow.engine.record_event", broken)
    with pytest.raises(NumberingError):
        daftar(meja, "5171014107900003")
    assert Permohonan.objects.count() == 0
    assert len(written) == 1 and not written[0].exists()


def test_the_daily_retention_job_also_removes_orphans(meja, capsys):
    with pytest.raises(Putus), transaction.atomic():
        daftar(meja, "5171014107900004")
        raise Putus
    [orphan] = scans(meja)
    old = time.time() - 2 * 3600
    os.utime(meja.media / orphan, (old, old))
    call_command("hapus_pindaian_lama", "--hari=180", "--coba")
    assert scans(meja) == [orphan]
    assert f"akan dihapus: {orphan}" in capsys.readouterr().out
    call_command("hapus_pindaian_lama", "--hari=180")
    assert scans(meja) == []
    assert "Pindaian tanpa rekaman di identitas/, keberatan/: 1 berkas dihapus." in (
        capsys.readouterr().out
    )
