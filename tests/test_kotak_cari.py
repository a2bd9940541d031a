"""A search box's text lands in no URL (issue 24, item 2; ppid_manual/kotak_cari.py): the navbar
box, the search page and the two work lists post what was typed and answer with a page of
results at `?h=<key>`; the server's access log and the browser's history never hold a NIK
typed there. An old link's `?q=` still searches, but never by a whole NIK."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pemohon.models import PencarianIdentitas
from tests.helpers import D, at, messages_of
from tests.registrasi.conftest import NIK, register

DAY = D(2026, 3, 16)
KOTAK = [reverse("cari"), reverse("registrasi:daftar"), reverse("keberatan:daftar")]


@pytest.fixture
def p(petugas, holidays_2026):
    with at(DAY):
        return register(petugas, tanggal=DAY)


@pytest.mark.parametrize("url", KOTAK)
def test_a_nik_typed_in_a_search_box_is_posted_and_never_in_a_url(client, p, petugas, url):
    client.force_login(petugas)
    with at(DAY):
        page = client.get(url).content.decode()
        # Both boxes post, with their CSRF token: the navbar's and the page's own.
        boxes = re.findall(r'<form [^>]*role="search"[^>]*>\s*(<input [^>]*>)', page)
        assert len(boxes) == 2 and all("csrfmiddlewaretoken" in b for b in boxes)
        assert len(re.findall(r'<form method="post"[^>]*role="search"', page)) == 2
        response = client.post(url + "?tab=semua", {"q": f" {NIK[:8]} {NIK[8:]} "})
        assert response.status_code == 302
        location = response["Location"]
        assert NIK not in location and NIK[:8] not in location and "q=" not in location
        assert "h=" in location and (url == reverse("cari") or "tab=semua" in location)
        shown = client.get(location)
    html = shown.content.decode()
    if url == reverse("keberatan:daftar"):
        assert "Tidak ada keberatan" in html  # searched, as typed
    else:
        assert p.nomor_pendaftaran in html
    # The page's own links carry the key, never the text.
    assert NIK not in location and f"q={NIK}" not in html


def test_the_navbar_search_page_shows_the_text_and_pages_by_key(client, p, petugas):
    client.force_login(petugas)
    with at(DAY):
        location = client.post(reverse("cari"), {"q": p.pemohon.nama})["Location"]
        response = client.get(location)
        assert response.context["hasil"].q == p.pemohon.nama
        assert [x.pk for x in response.context["hasil"].permohonan] == [p.pk]
        # A receipt's number posted opens its case straight from the results' key.
        opened = client.post(reverse("cari"), {"q": p.nomor_pendaftaran}, follow=True)
        assert opened.redirect_chain[-1][0] == reverse("registrasi:detail", args=[p.pk])
        # A key this session does not hold: said plainly, nothing searched.
        gone = client.get(reverse("cari") + "?h=tidakada")
        assert messages_of(gone) == [
            "Pencarian ini sudah tidak tersimpan: ketik lagi di kotak pencarian."
        ]
        assert not gone.context["hasil"].q


@pytest.mark.parametrize("url", KOTAK)
def test_a_nik_in_an_old_links_q_is_not_looked_up(client, p, petugas, url):
    client.force_login(petugas)
    with at(DAY):
        response = client.get(url, {"q": NIK})
        other = client.get(url, {"q": p.nomor_pendaftaran[:4]})
    [pesan] = [m for m in messages_of(response) if "NIK" in m]
    assert pesan.startswith("NIK tidak dicari lewat alamat laman")
    assert p.nomor_pendaftaran not in response.content.decode().split("</nav>", 1)[1]
    assert not PencarianIdentitas.objects.exists()
    assert other.status_code in (200, 302)  # anything else in a `q` still searches
