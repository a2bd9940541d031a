"""Citations right, from the one citation table (ppid_manual/hukum.py):

- the route to the Komisi Informasi without an answer rests on its own basis (the 30 hk of
  Pasal 36(2) lapsing, counted on by Perki 1/2013 Pasal 13), not on Pasal 37(2), which counts
  only from a written answer;
- a cuti bersama cites the year's Keputusan Presiden on the ASN's cuti bersama where one was
  issued, with the SKB; a libur nasional the SKB."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from keberatan.tenggat import rincian_tenggat
from ppid_manual import hukum
from ppid_manual.models import HariLibur
from tests.helpers import D, at, case_url, page
from tests.keberatan.helpers import daftarkan, sampai


@pytest.fixture
def kalender(db):
    call_command("sync_holidays", "--year=2026", "--year=2027", stdout=None)


def baris_sengketa(k, today):
    [row] = [r for r in rincian_tenggat(k, today) if "sengketa" in r.label.lower()]
    return row


def test_the_no_answer_route_cites_its_own_basis(client, desk, kalender):
    k = daftarkan(desk, D(2026, 3, 16))
    assert k.tenggat_tanggapan == D(2026, 5, 6)
    row = baris_sengketa(k, D(2026, 5, 7))
    assert row.dasar_hukum == hukum.DASAR_SENGKETA_TANPA_TANGGAPAN
    assert "Pasal 37 ayat (2)" not in row.dasar_hukum
    assert "Peraturan Komisi Informasi Nomor 1 Tahun 2013 Pasal 13" in row.dasar_hukum
    with at(D(2026, 5, 7)):
        client.force_login(desk.petugas)
        html = page(client.get(case_url(k)))
    # The lapse warning and the panel print it from the table.
    assert html.count(hukum.DASAR_SENGKETA_TANPA_TANGGAPAN) >= 2
    assert "(UU 14/2008 Pasal 37)" not in html


def test_the_answered_route_cites_pasal_37_2(desk, kalender):
    k = sampai(desk, daftarkan(desk, D(2026, 3, 16)), "ditanggapi", D(2026, 3, 17))
    assert baris_sengketa(k, D(2026, 3, 18)).dasar_hukum == "UU 14/2008 Pasal 37 ayat (2)"


@pytest.mark.parametrize(
    "tanggal, keppres",
    [
        # Cuti bersama Nyepi and Idul Fitri 2026: Keppres 42/2025 (ASN 2026) and the SKB.
        (D(2026, 3, 18), "Keputusan Presiden Nomor 42 Tahun 2025"),
        (D(2026, 3, 24), "Keputusan Presiden Nomor 42 Tahun 2025"),
        # Hari Suci Nyepi 2026 is a libur nasional: the SKB only.
        (D(2026, 3, 19), None),
        # Cuti bersama 2027: no Keputusan Presiden recorded yet: the SKB only.
        (D(2027, 3, 9), None),
    ],
)
def test_each_day_off_cites_the_skb_and_the_keppres_where_one_applies(kalender, tanggal, keppres):
    row = HariLibur.objects.get(tanggal=tanggal, asal=HariLibur.Asal.PAKET)
    skb = f"SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun {tanggal.year}"
    assert skb in row.dasar_hukum
    if keppres:
        assert row.jenis == HariLibur.Jenis.CUTI_BERSAMA
        assert row.dasar_hukum.startswith(
            f"{keppres} tentang Cuti Bersama Pegawai Aparatur Sipil Negara Tahun {tanggal.year}"
        )
    else:
        assert "Keputusan Presiden" not in row.dasar_hukum
