"""SOP of the DIP: compiled within 5 working days of opening, each correction within 1 working
day of reaching the PPID Pelaksana; shown on the edition and in the work list, late when
passed. (The tests' today is Tuesday 10 March 2026, tests/dip/conftest.py.)"""

from __future__ import annotations

from django.urls import reverse

from dip import actions
from dip.models import DipEdisi
from ppid_manual.layanan.tugas import tugas_for
from tests.dip.test_alur import sampai_ppid
from tests.helpers import D, page

S = DipEdisi.Status


def test_the_compilation_target_is_5_working_days_and_shows_late(client, dinkes, pelaksana_dinkes):
    # Opened Tuesday 10 March: 11, 12, 13, 16, 17 March.
    assert (dinkes.mulai_sop, dinkes.target_sop) == (D(2026, 3, 10), D(2026, 3, 17))
    [item] = [t for t in tugas_for(pelaksana_dinkes) if t.jenis == "DIP"]
    assert item.tenggat == D(2026, 3, 17) and "5 hari kerja" in item.dasar
    assert item.keadaan(D(2026, 3, 16)) == "dekat"
    assert item.keadaan(D(2026, 3, 18)) == "terlambat"
    client.force_login(pelaksana_dinkes)
    html = page(client.get(reverse("dip:edisi", args=[dinkes.pk])))
    assert "Target SOP penyusunan (5 hari kerja): Selasa, 17 Maret 2026" in html


def test_each_correction_has_a_1_day_target(dunia):
    sampai_ppid(dunia)
    info = dunia.dinkes.informasi.first()
    actions.return_informasi(info, by=dunia.ppid, catatan="Perbaiki ringkasan.")
    actions.return_to_petugas(dunia.provinsi, by=dunia.ppid)
    actions.forward_koreksi(dunia.dinkes, by=dunia.petugas)
    dunia.dinkes.refresh_from_db()
    assert dunia.dinkes.status == S.PERBAIKAN
    assert (dunia.dinkes.mulai_sop, dunia.dinkes.target_sop) == (D(2026, 3, 10), D(2026, 3, 11))
    [item] = [t for t in tugas_for(dunia.pelaksana_dinkes) if t.jenis == "DIP"]
    assert item.tenggat == D(2026, 3, 11) and "1 hari kerja" in item.dasar
