"""Hand-back to the online system: a period's records, marked, and only changes the second time."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from layanan import handback
from layanan.models import DiserahkanKembali, EksporOnline
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at
from tests.keberatan.helpers import NIK, buat_permohonan

pytestmark = pytest.mark.usefixtures("holidays_2026")


def read(archive: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        assert {
            "data.json",
            "permohonan.csv",
            "keberatan.csv",
            "dip_edisi.csv",
            "riwayat.csv",
        } <= set(zf.namelist())
        return json.loads(zf.read("data.json"))


def test_export_marks_records_and_a_second_export_holds_only_changes(desk):
    p1 = buat_permohonan(desk, D(2026, 3, 16))
    p2 = buat_permohonan(desk, D(2026, 3, 17), nik="5171014107900002")
    with at(D(2026, 3, 20)):
        first, ekspor = handback.build(D(2026, 3, 1), D(2026, 3, 31), lengkap=True)
    data = read(first)
    assert [r["nomor_pendaftaran"] for r in data["permohonan"]] == [
        p1.nomor_pendaftaran,
        p2.nomor_pendaftaran,
    ]
    assert data["permohonan"][0]["pemohon"]["nik"] == NIK
    assert data["permohonan"][0]["tenggat"] == "2026-04-07"
    assert {r["langkah"] for r in data["riwayat"]} == {"daftar"}
    assert DiserahkanKembali.objects.count() == 2
    assert ekspor.jumlah["permohonan"] == 2

    with at(D(2026, 3, 25)):
        again, _ = handback.build(D(2026, 3, 1), D(2026, 3, 31), lengkap=True)
    assert read(again)["permohonan"] == []  # idempotent: nothing changed since

    with at(D(2026, 3, 26)):
        reg.withdraw(Permohonan.objects.get(pk=p2.pk), by=desk.petugas, note="Ditarik.")
        changed, _ = handback.build(D(2026, 3, 1), D(2026, 3, 31), lengkap=True)
    rows = read(changed)["permohonan"]
    assert [(r["id"], r["status"]) for r in rows] == [(p2.pk, Permohonan.Status.DITARIK)]
    assert DiserahkanKembali.objects.count() == 2
    assert EksporOnline.objects.count() == 3

    with at(D(2026, 3, 27)):
        everything, _ = handback.build(D(2026, 3, 1), D(2026, 3, 31), lengkap=False, semua=True)
    data = read(everything)
    assert len(data["permohonan"]) == 2
    text = json.dumps(data)
    assert NIK not in text and "Ni Made Ayu Lestari" not in text  # no personal data


def test_only_the_ppid_exports_from_the_page(client, desk):
    buat_permohonan(desk, D(2026, 3, 16))
    client.force_login(desk.petugas)
    assert client.get(reverse("ekspor_online")).status_code == 403
    client.force_login(desk.ppid)
    with at(D(2026, 3, 20)):
        bad = client.post(reverse("ekspor_online"), {"dari": "2026-03-31", "sampai": "2026-03-01"})
        assert "Tanggal akhir tidak boleh sebelum tanggal awal." in bad.content.decode()
        response = client.post(
            reverse("ekspor_online"), {"dari": "2026-03-01", "sampai": "2026-03-31"}
        )
    assert response["Content-Type"] == "application/zip"
    data = read(response.content)
    assert len(data["permohonan"]) == 1
    assert "nama" not in data["permohonan"][0]["pemohon"]


def test_the_export_command(tmp_path, desk):
    buat_permohonan(desk, D(2026, 3, 16))
    target = tmp_path / "ekspor.zip"
    with at(D(2026, 3, 20)):
        call_command(
            "export_online", str(target), "--dari=2026-03-01", "--sampai=2026-03-31", "--lengkap"
        )
    assert len(read(target.read_bytes())["permohonan"]) == 1
