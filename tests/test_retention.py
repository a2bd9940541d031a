"""Retention of ID scans (UU 27/2022): closed cases past the period lose their scans, recorded."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from ppid_manual.models import Event
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


pytestmark = pytest.mark.usefixtures("holidays_2026")


def with_scan(desk, day, nik):
    with at(day):
        return reg.register_permohonan(
            reg.Intake(
                pemohon={
                    "jenis": "perorangan",
                    "nama": "Pemohon",
                    "nik": nik,
                    "alamat": "Denpasar",
                    "telepon": "0811",
                },
                rincian_informasi="Data",
                tujuan_penggunaan="Penelitian",
                cara_memperoleh=Permohonan.CaraMemperoleh.MELIHAT,
                formulir_lengkap=True,
                identitas_diterima=True,
                tanggal=day,
                kunci=uuid.uuid4(),
                scan_identitas=SimpleUploadedFile("ktp.png", PNG, content_type="image/png"),
            ),
            by=desk.petugas,
        )


def test_scans_of_cases_closed_past_the_period_are_deleted_and_recorded(
    desk, media, django_capture_on_commit_callbacks
):
    old_closed = with_scan(desk, D(2026, 1, 5), "5171014107900001")
    with at(D(2026, 1, 6)):
        reg.withdraw(Permohonan.objects.get(pk=old_closed.pk), by=desk.petugas, note="Ditarik.")
    still_open = with_scan(desk, D(2026, 1, 5), "5171014107900002")
    recent_closed = with_scan(desk, D(2026, 1, 5), "5171014107900003")
    with at(D(2026, 12, 1)):
        reg.withdraw(Permohonan.objects.get(pk=recent_closed.pk), by=desk.petugas, note="Ditarik.")
    path = Path(media) / Permohonan.objects.get(pk=old_closed.pk).scan_identitas.name
    assert path.exists()

    with at(D(2026, 12, 31)), django_capture_on_commit_callbacks(execute=True):
        call_command("hapus_pindaian_lama", "--hari=180")

    old_closed.refresh_from_db()
    assert not old_closed.scan_identitas
    assert not path.exists()
    event = Event.objects.for_object(old_closed).last()
    assert event.step == "hapus_pindaian"
    assert "retensi data pribadi" in event.note
    for other in (still_open, recent_closed):
        other.refresh_from_db()
        assert other.scan_identitas
        assert Event.objects.for_object(other).last().step != "hapus_pindaian"


def test_a_dry_run_deletes_nothing(desk, capsys):
    p = with_scan(desk, D(2026, 1, 5), "5171014107900001")
    with at(D(2026, 1, 6)):
        reg.withdraw(Permohonan.objects.get(pk=p.pk), by=desk.petugas, note="Ditarik.")
    with at(D(2026, 12, 31)):
        call_command("hapus_pindaian_lama", "--hari=180", "--coba")
    assert "permohonan: 1 berkas akan dihapus" in capsys.readouterr().out
    p.refresh_from_db()
    assert p.scan_identitas
