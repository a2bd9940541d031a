"""The bench's data generator (tests/bench/generate.py) keeps up with the app: `make bench`
on a fresh machine generates its databases with it, so a model change that breaks it (issue
18's new keberatan outcomes did) must fail here, not on the next bench run. Its deadlines
must be the app's own: a generator that counts them otherwise measures data the app never
makes."""

from __future__ import annotations

import pytest

from keberatan.alur import TENGGAT_PENGAJUAN, TENGGAT_TANGGAPAN
from keberatan.models import Keberatan
from registrasi.alur import TENGGAT_AWAL
from registrasi.models import Permohonan


@pytest.mark.django_db
def test_the_bench_generator_makes_data_the_app_would_make():
    from tests.bench.generate import generate

    counts = generate(400, seed=400)
    assert Permohonan.objects.count() == 400
    assert counts["permohonan"] == 400
    keberatan = list(Keberatan.objects.all())
    assert keberatan, counts
    # Each case keeps the identity given for it, as IdentitasKasus.save() does (a case
    # without it reads its pemohon's fields one query at a time: the bench would measure that).
    assert not Permohonan.objects.filter(identitas_pemohon={}).exists()
    assert not Keberatan.objects.filter(identitas_pemohon={}).exists()
    for k in keberatan:
        assert k.tenggat_tanggapan == TENGGAT_TANGGAPAN.count(k), k.pk
        assert k.tenggat_pengajuan == TENGGAT_PENGAJUAN.count(k), k.pk
    for p in Permohonan.objects.exclude(tanggal_daftar=None)[:200]:
        assert p.tenggat_awal == TENGGAT_AWAL.count(p), p.pk
    # Its events are chained as the app chains them (issue 25): the chain verifies.
    from ppid_manual import rantai

    putus, urut, head_hash, count = rantai.periksa_rantai()
    assert count and putus == [] and rantai.periksa_kepala(urut, head_hash) == []
