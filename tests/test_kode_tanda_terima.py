"""One receipt code, defined once (ppid_manual/kode.py): the string printed (and QR-encoded) on
the pemohon's copy, typed or scanned with Enter into any search box, opens its case; a code
with wrong check characters says so, and nothing is searched."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from keberatan.documents import FormulirKeberatan
from ppid_manual import kode
from registrasi.documents import FormulirPermohonan
from tests.helpers import D, at
from tests.keberatan.helpers import buat_permohonan, daftarkan

pytestmark = pytest.mark.usefixtures("holidays_2026")
DAY = D(2026, 3, 16)


@pytest.fixture
def berkas(desk):
    p = buat_permohonan(desk, DAY)
    k = daftarkan(desk, DAY)
    with at(DAY):
        teks_p = FormulirPermohonan(p).render_html()
        teks_k = FormulirKeberatan(k).render_html()
    # The code as the pemohon's copy prints it, read back from the rendered document.
    [kode_p] = set(re.findall(r"Kode berkas: ([^<\s]+)", teks_p))
    [kode_k] = set(re.findall(r"kode berkas ([^<\s]+)", teks_k))
    return p, k, kode_p, kode_k


def _salah(code: str) -> str:
    """The same code with its last check character changed."""
    last = "0" if code[-1] != "0" else "1"
    return code[:-1] + last


def test_the_printed_code_is_the_number_with_its_check_characters(berkas):
    p, k, kode_p, kode_k = berkas
    assert kode_p == kode.kode_berkas(p.nomor_pendaftaran)
    assert kode_p.startswith(f"{p.nomor_pendaftaran}*")
    assert kode_k == kode.kode_berkas(k.nomor_registrasi)


def test_the_code_typed_into_any_search_box_opens_its_case(client, desk, berkas):
    """The navbar's box opens a case of any kind; a work list's box, one of its own kind."""
    p, k, kode_p, kode_k = berkas
    client.force_login(desk.petugas)
    permohonan = reverse("registrasi:detail", args=[p.pk])
    keberatan = reverse("keberatan:detail", args=[k.pk])
    for url, typed, target in (
        (reverse("cari"), kode_p, permohonan),
        (reverse("cari"), f" {kode_p.lower()} ", permohonan),
        (reverse("cari"), kode_k, keberatan),
        (reverse("registrasi:daftar"), kode_p, permohonan),
        (reverse("registrasi:daftar"), f" {kode_p.lower()} ", permohonan),
        (reverse("keberatan:daftar"), kode_k, keberatan),
    ):
        response = client.get(url, {"q": typed})
        assert response.status_code == 302, (url, typed)
        assert response["Location"] == target


@pytest.mark.parametrize(
    "url", [reverse("cari"), reverse("registrasi:daftar"), reverse("keberatan:daftar")]
)
def test_wrong_check_characters_are_said_and_nothing_opens(client, desk, berkas, url):
    p, _, kode_p, _ = berkas
    client.force_login(desk.petugas)
    response = client.get(url, {"q": _salah(kode_p)}, follow=True)
    assert response.redirect_chain == []
    page = response.content.decode()
    assert "4 karakter pemeriksa sesudah tanda * salah" in page
    assert reverse("registrasi:detail", args=[p.pk]) not in page


def test_the_code_reader_accepts_only_its_own_check_characters():
    nomor = "0001/REG-PPID/XII/2026"
    code = kode.kode_berkas(nomor)
    assert kode.baca_kode(code) == nomor
    assert kode.baca_kode(code.lower()) == nomor
    assert kode.baca_kode(code.replace("*", " * ")) == nomor
    assert kode.baca_kode(_salah(code)) is None
    assert kode.kode_salah(_salah(code))
    assert not kode.kode_salah(code)
    assert not kode.kode_salah("Ni Made Ayu")  # not a code: searched as typed
    assert not kode.kode_salah("nomor#abcd")


def test_the_code_typed_across_its_printed_line_break_opens_its_case(client, desk, berkas):
    """The pemohon's copy prints the code in a narrow cell under the QR, wrapped after
    "REG-PPID/": typed as read, with a space at the break, it is the same code."""
    p, _, kode_p, _ = berkas
    typed = kode_p.replace("PPID/", "PPID/ ")
    assert kode.baca_kode(typed) == p.nomor_pendaftaran
    assert not kode.kode_salah(typed)
    assert kode.baca_kode(_salah(typed)) is None
    client.force_login(desk.petugas)
    response = client.get(reverse("cari"), {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("registrasi:detail", args=[p.pk])
