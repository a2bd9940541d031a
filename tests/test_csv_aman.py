"""Issue 16: every CSV the app writes neutralises formula-like cells, through one helper."""

from __future__ import annotations

import csv
import io
import re
import uuid
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from layanan import handback
from ppid_manual import csv_aman
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at

ROOT = Path(__file__).resolve().parent.parent
RUMUS = ["=1+1", "+62 811", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","klik")']


@pytest.mark.parametrize("value", RUMUS)
def test_a_formula_like_cell_is_written_as_text(value):
    out = io.StringIO()
    csv_aman.writer(out).writerow([value, "biasa", 5])
    [row] = list(csv.reader(io.StringIO(out.getvalue())))
    assert row == ["'" + value, "biasa", "5"]


def test_ordinary_cells_are_untouched():
    out = io.StringIO()
    writer = csv_aman.dict_writer(out, fieldnames=["a", "b", "c"])
    writer.writeheader()
    writer.writerow({"a": "Ni Made", "b": "2026-03-16", "c": -4})
    assert out.getvalue().splitlines() == ["a,b,c", "Ni Made,2026-03-16,-4"]


def test_every_csv_writer_of_the_app_uses_the_helper():
    """No module writes CSV with the csv module directly (only the helper itself does)."""
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith((".venv/", "tests/")) or rel == "ppid_manual/csv_aman.py":
            continue
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text()):
            offenders.append(rel)
    assert offenders == []


@pytest.fixture
def meja(units, petugas, ppid, pejabat, holidays_2026, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return SimpleNamespace(units=units, petugas=petugas, ppid=ppid)


def test_the_hand_back_csv_files_neutralise_formulas(meja):
    with at(D(2026, 3, 16)):
        p = reg.register_permohonan(
            reg.Intake(
                pemohon={"jenis": "perorangan", "nama": "=1+1", "nik": "5171014107900001"},
                rincian_informasi='=HYPERLINK("http://contoh.invalid","klik")',
                tujuan_penggunaan="+62 penelitian",
                cara_memperoleh=Permohonan.CaraMemperoleh.MELIHAT,
                formulir_lengkap=True,
                identitas_diterima=True,
                tanggal=D(2026, 3, 16),
                kunci=uuid.uuid4(),
            ),
            by=meja.petugas,
        )
        reg.withdraw(Permohonan.objects.get(pk=p.pk), by=meja.petugas, note="=1+1 ditarik")
        archive, _ = handback.build(D(2026, 3, 1), D(2026, 3, 31), lengkap=True)
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        permohonan = list(csv.DictReader(io.StringIO(zf.read("permohonan.csv").decode())))
        riwayat = list(csv.DictReader(io.StringIO(zf.read("riwayat.csv").decode())))
        data = zf.read("data.json").decode()
    [row] = permohonan
    assert row["rincian_informasi"] == '\'=HYPERLINK("http://contoh.invalid","klik")'
    assert row["tujuan_penggunaan"] == "'+62 penelitian"
    assert [r["catatan"] for r in riwayat if r["langkah"] == "tarik"] == ["'=1+1 ditarik"]
    for cell in (c for r in permohonan + riwayat for c in r.values()):
        assert not cell.startswith(csv_aman.AWALAN_RUMUS), cell
    assert '"=1+1 ditarik"' in data  # the JSON keeps the value as it is
