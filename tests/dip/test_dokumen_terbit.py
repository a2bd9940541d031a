"""Issue 15, item 2 for the DIP: the SK DIP with its lampiran and the surat pengantar are
stored when issued and reprinted as issued; the recap stays a live view."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dip import actions
from ppid_manual.models import DokumenTerbit
from tests.dip.conftest import HARI_INI, sampai_ditetapkan
from tests.helpers import assert_issued

# The letters each step issues are rendered and stored at the step (tests/conftest.py).
pytestmark = pytest.mark.dokumen_di_langkah


def test_the_sk_dip_and_the_pengantar_are_stored_and_reprinted_as_issued(client, dunia):
    sampai_ditetapkan(dunia)
    edisi = dunia.provinsi
    edisi.refresh_from_db()
    page = reverse("dip:edisi", args=[edisi.pk])
    d = assert_issued(
        client, dunia.ppid, edisi, "sk-dip", reverse("dip:cetak_sk", args=[edisi.pk]), page
    )
    assert d.nomor == edisi.nomor_sk
    actions.issue_pengantar(edisi, by=dunia.ppid, tanggal=HARI_INI, tujuan="Kepala Bidang IKP")
    edisi.refresh_from_db()
    assert_issued(
        client,
        dunia.ppid,
        edisi,
        "pengantar-dip",
        reverse("dip:cetak_pengantar", args=[edisi.pk]),
        page,
    )
    # The recap is a live view: printed from the data now, never stored.
    client.get(reverse("dip:cetak_rekap", args=[edisi.pk]))
    assert not DokumenTerbit.objects.filter(jenis__startswith="rekap").exists()
