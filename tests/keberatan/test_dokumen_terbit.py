"""Issue 15, item 2 for the keberatan: the formulir keberatan, the lembar disposisi and the
surat tanggapan are stored when issued and reprinted as issued; before the answer the
tanggapan prints as a KONSEP (nothing stored)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from keberatan.models import Keberatan
from ppid_manual.models import DokumenTerbit
from tests.helpers import D, assert_issued
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai, tolak_permohonan

# The letters each step issues are rendered and stored at the step (tests/conftest.py).
pytestmark = pytest.mark.dokumen_di_langkah

S = Keberatan.Status


def test_the_keberatan_letters_are_stored_and_reprinted_as_issued(client, desk):
    day = D(2026, 3, 16)
    p = tolak_permohonan(desk, buat_permohonan(desk, day), day)
    k = daftarkan(desk, D(2026, 3, 17), p)
    assert_issued(
        client,
        desk.petugas,
        k,
        "formulir-keberatan",
        reverse("keberatan:cetak_formulir", args=[k.pk]),
    )
    k = sampai(desk, k, S.DRAF_DISETUJUI, D(2026, 3, 18))
    assert_issued(
        client, desk.atasan, k, "disposisi", reverse("keberatan:cetak_disposisi", args=[k.pk])
    )
    # Before the answer: a KONSEP, nothing stored for it.
    client.force_login(desk.atasan)
    konsep = client.get(reverse("keberatan:cetak_tanggapan", args=[k.pk]))
    assert konsep.status_code == 200 and konsep.content.startswith(b"%PDF")
    assert not DokumenTerbit.objects.for_object(k).filter(jenis="tanggapan").exists()
    k = sampai(desk, k, S.DITANGGAPI, D(2026, 3, 19))
    d = assert_issued(
        client, desk.atasan, k, "tanggapan", reverse("keberatan:cetak_tanggapan", args=[k.pk])
    )
    assert d.nomor == k.nomor_tanggapan
    assert d.event.step.startswith("tanggapi")


def test_an_unlinked_keberatan_with_another_name_on_a_recorded_nik_needs_the_choice(
    client, desk, holidays_2026
):
    """Issue 15, item 1 for the keberatan: the identity typed at the desk (reason b) is checked
    against the record like the permohonan's; the keberatan keeps the identity given for it."""
    from tests.helpers import at
    from tests.keberatan.test_chain import A, intake_data

    day = D(2026, 4, 6)
    p = buat_permohonan(desk, D(2026, 3, 16))  # Ni Made Ayu Lestari on this NIK
    data = intake_data(
        tanggal_diterima="2026-04-06",
        tanggal_dasar="2026-04-01",
        alasan=[A.B],
        jenis="perorangan",
        nama="Budi Santoso",
        nik="5171010101900001",
        alamat="Jl. Diponegoro No. 7, Denpasar",
        pekerjaan="Wiraswasta",
        telepon="0813 3333 4444",
        email="",
        informasi_diminta="Laporan keuangan tahunan Dinas Kesehatan 2025",
    )
    with at(day):
        client.force_login(desk.petugas)
        page = client.post(reverse("keberatan:baru"), data)
        assert page.status_code == 200
        assert "NIK/nomor akta ini sudah tercatat dengan data lain" in page.content.decode()
        assert not Keberatan.objects.exists()
        response = client.post(
            reverse("keberatan:baru"),
            {**data, "identitas_pilihan": "sama", "identitas_alasan": "Ganti nama (KTP baru)"},
        )
    assert response.status_code == 302
    k = Keberatan.objects.get()
    assert k.pemohon_kasus.nama == "Budi Santoso"
    p.refresh_from_db()
    assert p.pemohon_kasus.nama == "Ni Made Ayu Lestari"
    assert k.pemohon_id == p.pemohon_id
