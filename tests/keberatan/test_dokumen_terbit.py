"""Issue 15, item 2 for the keberatan: the formulir keberatan, the lembar disposisi and the
surat tanggapan are stored when issued and reprinted as issued; before the answer the
tanggapan prints as a KONSEP (nothing stored)."""

from __future__ import annotations

from django.urls import reverse

from keberatan.models import Keberatan
from ppid_manual.models import DokumenTerbit
from tests.helpers import D, assert_issued
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai, tolak_permohonan

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
