"""SOP of the DIP: compiled within 5 working days of opening, each correction within 1 working
day of reaching the PPID Pelaksana; shown on the edition and in the work list, late when
passed. (The tests' today is Tuesday 10 March 2026, tests/dip/conftest.py.)"""

from __future__ import annotations

from django.urls import reverse

from dip import actions
from dip.models import DipEdisi
from layanan.tugas import tugas_for
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


# --- The dashboard (issue 18 Deliver §4): late and near-due DIP targets, as the requests' --


def sorotan(user, today):
    from layanan import dashboard

    return {a.label: a for a in dashboard.dip_panel(user, today)["sorotan"]}


def test_a_dip_past_its_compilation_target_counts_as_late_on_the_dashboard(
    client, provinsi, dinkes, pelaksana_dinkes, ppid, hari_ini
):
    from tests.helpers import moment

    # Target Tuesday 17 March (opened the 10th): near due on the 16th, late on the 18th.
    # (The province edition, opened the same day by the desk, has the same target.)
    assert sorotan(pelaksana_dinkes, D(2026, 3, 16))["Melewati target SOP"].nilai == 0
    assert sorotan(pelaksana_dinkes, D(2026, 3, 16))["Target SOP ≤ 2 hari kerja"].nilai == 1
    assert sorotan(pelaksana_dinkes, D(2026, 3, 17))["Melewati target SOP"].nilai == 0
    assert sorotan(pelaksana_dinkes, D(2026, 3, 18))["Melewati target SOP"].nilai == 1
    late = sorotan(ppid, D(2026, 3, 18))["Melewati target SOP"]
    assert late.nilai == 2
    # The figure links to the list showing that edition, flagged.
    hari_ini.move_to(moment(D(2026, 3, 18)))
    client.force_login(ppid)
    html = page(client.get(late.url))
    assert "Melewati target SOP (17 Maret 2026)" in html and dinkes.unit.nama in html
    assert "Melewati target SOP" in page(client.get(reverse("home")))
    # Submitted to the desk: the compilation's target no longer runs.
    actions.submit_edisi(dinkes, by=pelaksana_dinkes)
    assert sorotan(pelaksana_dinkes, D(2026, 3, 18))["Melewati target SOP"].nilai == 0
    assert sorotan(ppid, D(2026, 3, 18))["Melewati target SOP"].nilai == 1


def test_a_correction_past_its_1_day_target_counts_as_late_on_the_dashboard(dunia):
    sampai_ppid(dunia)
    info = dunia.dinkes.informasi.first()
    actions.return_informasi(info, by=dunia.ppid, catatan="Perbaiki ringkasan.")
    actions.return_to_petugas(dunia.provinsi, by=dunia.ppid)
    actions.forward_koreksi(dunia.dinkes, by=dunia.petugas)
    # Reached the PPID Pelaksana on Tuesday 10 March: due Wednesday the 11th.
    assert sorotan(dunia.pelaksana_dinkes, D(2026, 3, 11))["Melewati target SOP"].nilai == 0
    assert sorotan(dunia.pelaksana_dinkes, D(2026, 3, 12))["Melewati target SOP"].nilai == 1
    # Another OPD's PPID Pelaksana does not see it.
    assert sorotan(dunia.pelaksana_dishub, D(2026, 3, 12))["Melewati target SOP"].nilai == 0
