"""A sengketa recorded on the day the pemohon says they filed (without the Komisi Informasi's
register number, with how the desk knows), the number added later, the outcome recorded; the
Laporan counts the outcomes."""

from __future__ import annotations

import pytest

from keberatan.models import Keberatan
from layanan import laporan
from tests.helpers import D, at, transition
from tests.keberatan.helpers import daftarkan, langkah, sampai, step_url, tolak_langkah

S = Keberatan.Status
H = Keberatan.HasilSengketa


@pytest.fixture
def k(desk, holidays_2026):
    return sampai(desk, daftarkan(desk, D(2026, 4, 6)), S.DITANGGAPI, D(2026, 4, 7))


def test_a_sengketa_without_its_number_then_the_number_then_the_outcome(client, desk, k):
    k = langkah(
        client, desk.petugas, k, "catat_sengketa",
        {"tanggal_sengketa": "2026-04-10", "nomor_register": "",
         "diketahui_dari": "Surat pemberitahuan pemohon tanggal 10 April 2026"},
        D(2026, 4, 13), to=S.SENGKETA,
    )  # fmt: skip
    k.refresh_from_db()
    assert (k.nomor_register_ki, k.sengketa_diketahui_dari) == (
        "",
        "Surat pemberitahuan pemohon tanggal 10 April 2026",
    )
    k = langkah(
        client, desk.petugas, k, "catat_nomor_ki", {"nomor_register": "012/IV/KI-Bali-PS/2026"},
        D(2026, 4, 20), to=S.SENGKETA,
    )  # fmt: skip
    with at(D(2026, 6, 16)):
        transition(
            client, desk.petugas, k, step_url(k, "catat_hasil_sengketa"),
            {"hasil": H.DIKABULKAN_SEBAGIAN, "tanggal_hasil": "2026-06-15", "catatan": ""},
            step="hasil_sebagian", to=S.KI_SEBAGIAN,
        )  # fmt: skip
    k.refresh_from_db()
    assert k.nomor_register_ki == "012/IV/KI-Bali-PS/2026"
    assert (k.hasil_sengketa, k.tanggal_hasil_sengketa) == (H.DIKABULKAN_SEBAGIAN, D(2026, 6, 15))
    with at(D(2026, 7, 1)):
        angka = laporan.compute(2026, "semester1")
    hasil = dict(angka.sengketa_hasil)
    assert hasil["Putusan ajudikasi: dikabulkan sebagian"] == 1
    assert hasil["Mediasi berhasil"] == 0 and angka.sengketa_belum_ada_hasil == 0


def test_a_sengketa_with_neither_number_nor_source_is_refused(client, desk, k):
    with at(D(2026, 4, 13)):
        client.force_login(desk.petugas)
        response = client.post(
            f"/keberatan/{k.pk}/langkah/catat_sengketa/",
            {"tanggal_sengketa": "2026-04-10", "nomor_register": "", "diketahui_dari": ""},
        )
    assert "diketahui_dari" in response.context["form"].errors
    k.refresh_from_db()
    assert k.status == S.DITANGGAPI


def test_an_outcome_dated_before_the_filing_is_refused(client, desk, k):
    k = langkah(
        client, desk.petugas, k, "catat_sengketa",
        {"tanggal_sengketa": "2026-04-10", "nomor_register": "012/IV/KI-Bali-PS/2026",
         "diketahui_dari": ""},
        D(2026, 4, 13), to=S.SENGKETA,
    )  # fmt: skip
    tolak_langkah(
        client, desk.petugas, k, "catat_hasil_sengketa",
        {"hasil": H.MEDIASI_BERHASIL, "tanggal_hasil": "2026-04-09", "catatan": ""},
        D(2026, 4, 20), message="sebelum sengketa diajukan",
    )  # fmt: skip
