"""Issue 15, item 3: every numbered letter of the permohonan process opens as a KONSEP from
its step page before the step numbers it: a watermark, the number as "…", nothing taken
(no number, no counter moved), nothing written (no state, no event, no stored document)."""

from __future__ import annotations

import subprocess

import pytest
from django.urls import reverse

from ppid_manual.models import DokumenTerbit, Event, NomorTerbit, PenghitungNomor
from registrasi.models import Permohonan
from tests.helpers import events, messages_of
from tests.registrasi.conftest import register

K = Permohonan.Keputusan


def teks(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def nothing_written():
    return (
        Event.objects.count(),
        NomorTerbit.objects.count(),
        list(PenghitungNomor.objects.values_list("berikutnya", flat=True)),
        DokumenTerbit.objects.count(),
    )


def konsep(client, user, p, step, data):
    data = {"aksi": "konsep", **data}
    client.force_login(user)
    before = nothing_written()
    status = p.status
    response = client.post(reverse("registrasi:langkah", args=[p.pk, step]), data)
    assert response.status_code == 200, response
    assert response["Content-Type"] == "application/pdf"
    assert "konsep-" in response["Content-Disposition"]
    assert nothing_written() == before
    p.refresh_from_db()
    assert p.status == status
    text = teks(response.content)
    assert "KONSEP" in text
    return text


@pytest.fixture
def p(golden_day, petugas, pejabat):
    return register(petugas)


def test_the_surat_permintaan_as_a_konsep(client, p, ppid, units):
    text = konsep(client, ppid, p, "minta_opd", {"unit": units["dinkes"].pk, "catatan": ""})
    assert "Nomor : …" in " ".join(text.split()).replace(" :", " :")
    assert "Dinas Kesehatan" in text
    assert not p.surat_permintaan.exists()
    assert [e.step for e in events(p)] == ["daftar"]
    # The page offers it, next to the step's own button.
    client.force_login(ppid)
    page = client.get(reverse("registrasi:langkah", args=[p.pk, "minta_opd"])).content.decode()
    assert 'value="konsep"' in page and "Lihat KONSEP surat" in page


def test_the_pemberitahuan_and_the_extension_as_konsep(client, p, ppid, golden_day):
    text = konsep(
        client,
        ppid,
        p,
        "beri_seluruhnya",
        {
            "bentuk_informasi": "hardcopy",
            "uraian_informasi": "Data imunisasi 2025.",
            "perkiraan_halaman": 0,
            "perkiraan_biaya_kirim": 0,
        },
    )
    assert "Pemberitahuan" in text or "PEMBERITAHUAN" in text
    assert not Permohonan.objects.get(pk=p.pk).nomor_pemberitahuan
    text = konsep(client, ppid, p, "perpanjang", {"alasan": "Data masih direkap dari kabupaten."})
    assert "Data masih direkap dari kabupaten." in text
    assert not Permohonan.objects.get(pk=p.pk).diperpanjang


@pytest.mark.dokumen_di_langkah
def test_then_the_step_issues_the_letter_with_its_number(client, p, ppid, units):
    konsep(client, ppid, p, "minta_opd", {"unit": units["dinkes"].pk, "catatan": ""})
    client.post(
        reverse("registrasi:langkah", args=[p.pk, "minta_opd"]),
        {"unit": units["dinkes"].pk, "catatan": ""},
    )
    surat = p.surat_permintaan.get()
    assert surat.nomor.startswith("480/0001/")  # the KONSEP took no number
    assert DokumenTerbit.objects.for_object(p).filter(jenis="surat-permintaan").count() == 1


def test_a_refused_step_gives_no_konsep(client, p, petugas):
    client.force_login(petugas)
    response = client.post(
        reverse("registrasi:langkah", args=[p.pk, "minta_opd"]), {"unit": 1, "aksi": "konsep"}
    )
    assert response.status_code == 403
    assert Event.objects.count() == 1


TOLAK = {
    "uraian_informasi": "",
    "pasal17": ["h"],
    "undang_undang_lain": "UU 17/2023 tentang Kesehatan, Pasal 4",
    "konsekuensi": "Membuka rekam medis mengungkap rahasia pribadi pasien.",
}


def test_the_sk_penolakan_as_a_konsep_from_the_refusal_page(client, p, ppid):
    client.force_login(ppid)
    url = reverse("registrasi:langkah", args=[p.pk, "tolak"])
    page = client.get(url).content.decode()
    # Both letters the refusal numbers are offered: the notice, and the SK as "konsep-1".
    assert "Lihat KONSEP pemberitahuan tertulis" in page
    assert 'value="konsep-1"' in page and "Lihat KONSEP SK penolakan" in page
    text = konsep(client, ppid, p, "tolak", {**TOLAK, "aksi": "konsep-1"})
    flat = " ".join(text.split())
    assert "NOMOR …" in flat.upper()
    assert "rahasia pribadi pasien" in flat and "huruf h" in flat
    p.refresh_from_db()
    assert not p.nomor_sk_penolakan and not p.nomor_pemberitahuan
    assert [e.step for e in events(p)] == ["daftar"]
    assert not DokumenTerbit.objects.filter(jenis="sk-penolakan").exists()
    # The step then issues the SK with the first number of the series.
    client.post(url, TOLAK)
    p.refresh_from_db()
    assert p.nomor_sk_penolakan == "001/SK-PPID/III/2026"


def test_a_page_that_numbers_one_letter_has_no_second_konsep(client, p, ppid):
    client.force_login(ppid)
    url = reverse("registrasi:langkah", args=[p.pk, "perpanjang"])
    response = client.post(url, {"alasan": "Data direkap.", "aksi": "konsep-1"})
    assert response.status_code == 404
    assert [e.step for e in events(p)] == ["daftar"]


@pytest.fixture
def siap_diserahkan(p, ppid):
    from registrasi import actions

    actions.issue_decision(p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    return Permohonan.objects.get(pk=p.pk)


def serahkan(tarif, halaman: int) -> dict:
    return {
        "nama_penerima": "Ni Made Ayu Lestari",
        "cara": "mengambil",
        "jumlah_halaman": str(halaman),
        "tarif": tarif.pk if halaman else "",
        "biaya_pengiriman": "0",
        "catatan": "",
    }


def test_the_kuitansi_as_a_konsep_from_the_handover_page(client, siap_diserahkan, petugas, tarif):
    p = siap_diserahkan
    client.force_login(petugas)
    url = reverse("registrasi:langkah", args=[p.pk, "serahkan"])
    page = client.get(url).content.decode()
    assert "Lihat KONSEP tanda terima penyerahan" in page
    assert 'value="konsep-1"' in page and "Lihat KONSEP kuitansi" in page
    text = konsep(client, petugas, p, "serahkan", {**serahkan(tarif, 12), "aksi": "konsep-1"})
    flat = " ".join(text.split())
    assert "…" in flat and "6.000" in flat and "enam ribu rupiah" in flat.lower()
    assert not p.penyerahan.exists()
    assert not DokumenTerbit.objects.filter(jenis="kuitansi").exists()
    # The step then numbers the kuitansi from the start of its series.
    client.post(url, serahkan(tarif, 12))
    assert p.penyerahan.get().nomor_kuitansi.startswith("0001/")


def test_a_free_handover_has_no_kuitansi_to_show(client, siap_diserahkan, petugas, tarif):
    p = siap_diserahkan
    client.force_login(petugas)
    before = nothing_written()
    response = client.post(
        reverse("registrasi:langkah", args=[p.pk, "serahkan"]),
        {**serahkan(tarif, 0), "aksi": "konsep-1"},
        follow=True,
    )
    assert "Penyerahan tanpa biaya tidak menerbitkan kuitansi." in messages_of(response)
    assert nothing_written() == before
    assert not p.penyerahan.exists()
