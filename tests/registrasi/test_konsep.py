"""Issue 15, item 3: every numbered letter of the permohonan process opens as a KONSEP from
its step page before the step numbers it: a watermark, the number as "…", nothing taken
(no number, no counter moved), nothing written (no state, no event, no stored document)."""

from __future__ import annotations

import subprocess

import pytest
from django.urls import reverse

from ppid_manual.models import DokumenTerbit, Event, NomorTerbit, PenghitungNomor
from registrasi.models import Permohonan
from tests.helpers import events
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
    client.force_login(user)
    before = nothing_written()
    status = p.status
    response = client.post(
        reverse("registrasi:langkah", args=[p.pk, step]), {**data, "aksi": "konsep"}
    )
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
