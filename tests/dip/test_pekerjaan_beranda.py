"""Every role's home lists the DIP work that waits on it, with its SOP target where the SOP
sets one (5 hk from opening an edition until the OPD's submission is recapped, 1 hk per
correction) and, where it sets none, says so instead of a bare "—"."""

from __future__ import annotations

from django.urls import reverse

from dip import actions
from dip.models import DipEdisi
from layanan.tugas import tugas_for
from tests.helpers import page


def dip_work(user) -> dict[str, tuple]:
    return {t.pekerjaan: (t.nomor, t.tenggat, t.dasar) for t in tugas_for(user) if t.jenis == "DIP"}


def test_the_petugas_receives_a_submitted_opd_dip_against_its_5_day_target(
    client, provinsi, dinkes, pelaksana_dinkes, petugas
):
    # The province's DIP is open (the petugas opens it before the OPDs submit).
    actions.submit_edisi(dinkes, by=pelaksana_dinkes)
    dinkes.refresh_from_db()
    assert dinkes.target_sop is not None
    nomor, tenggat, dasar = dip_work(petugas)["Terima dan rekap DIP OPD"]
    assert (nomor, tenggat) == ("DIP Diskes 2026", dinkes.target_sop)
    assert "SOP 5 hari kerja" in dasar
    # Submitted: no longer the PPID Pelaksana's work.
    assert "Susun entri DIP dan ajukan ke petugas" not in dip_work(pelaksana_dinkes)


def test_the_pelaksana_home_lists_the_adoption_of_its_recapped_dip(
    client, direkap, dinkes, pelaksana_dinkes, pelaksana_dishub, petugas
):
    dinkes.refresh_from_db()
    assert dinkes.status == DipEdisi.Status.DIREKAP
    nomor, tenggat, dasar = dip_work(pelaksana_dinkes)[
        "Catat penetapan DIP oleh Kepala Perangkat Daerah"
    ]
    assert nomor == "DIP Diskes 2026" and tenggat is None
    assert dasar == "Direkap petugas: tanpa target waktu dalam SOP DIP"
    client.force_login(pelaksana_dinkes)
    html = page(client.get(reverse("home")))
    assert "Tidak ada pekerjaan yang menunggu Anda." not in html
    assert "Catat penetapan DIP oleh Kepala Perangkat Daerah" in html
    # Another OPD's PPID Pelaksana sees its own edition only.
    assert {n for n, _, _ in dip_work(pelaksana_dishub).values()} == {"DIP Dishub 2026"}
    # The province edition waits on the petugas, with its own 5 hk.
    direkap.refresh_from_db()
    nomor, tenggat, _ = dip_work(petugas)["Rekap DIP OPD dan ajukan ke PPID"]
    assert tenggat == direkap.target_sop is not None


def test_the_ppid_and_the_atasan_see_the_province_dip_when_it_waits_on_them(
    client, di_ppid, ppid, atasan
):
    assert "Periksa rekap DIP: koreksi atau ajukan ke Atasan PPID" in dip_work(ppid)
    assert dip_work(atasan) == {}
    actions.submit_to_atasan(di_ppid, by=ppid)
    assert "Periksa rekap DIP: koreksi atau ajukan ke Atasan PPID" not in dip_work(ppid)
    client.force_login(atasan)
    html = page(client.get(reverse("home")))
    assert "Tetapkan DIP dengan SK (tanda tangan)" in html
    assert "tanpa target waktu dalam SOP DIP" in html
