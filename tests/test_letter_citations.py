"""LETTERS.md, "Citations": in a letter the first citation of UU 14/2008 carries the Act's full
title ("Pasal 22 ayat (7) Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi
Publik"), the later ones "Pasal 22 ayat (7) UU 14/2008"; never "UU 14/2008 Pasal 22 ayat (7)".
The print context carries one citation tracker per document (hukum.KutipanSurat); the pages
carry none and keep the bare Pasal."""

from __future__ import annotations

import html
import re

import pytest
import time_machine
from django.template import Context, Template
from django.utils.html import strip_tags

from layanan.contoh import buat_contoh
from ppid_manual import hukum
from tests.helpers import D, moment

JUDUL = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
# A citation of the Act: the Pasal, its ayat and huruf (a list of huruf of one Pasal), the Act.
KUTIPAN_UU_KIP = re.compile(
    r"Pasal \d+(?: ayat \(\d+\))?(?:,? (?:dan )?(?:huruf [a-j]|Pasal 17 huruf [a-j]))*"
    r" (?P<uu>" + re.escape(JUDUL) + r"|UU 14/2008)"
)


def render(source: str, **context) -> str:
    return Template("{% load ppid %}" + source).render(Context(context))


def test_in_a_document_the_first_citation_has_the_full_title_and_the_later_the_short_form():
    teks = render(
        '{% pasal "22(7)" %}; {% pasal "17" huruf="h" %}; {% uu_kip %}; {% pasal "36(1)" %}',
        kutipan=hukum.KutipanSurat(),
    )
    assert teks == (
        f"Pasal 22 ayat (7) {JUDUL}; Pasal 17 huruf h UU 14/2008; UU 14/2008; "
        "Pasal 36 ayat (1) UU 14/2008"
    )


def test_the_act_named_first_makes_the_next_citation_short():
    teks = render('{% uu_kip %} dan {% pasal "22(7)" %}', kutipan=hukum.KutipanSurat())
    assert teks == f"{JUDUL} dan Pasal 22 ayat (7) UU 14/2008"


def test_the_first_items_of_a_list_are_bare_and_the_act_follows_the_last():
    teks = render('{% pasal "35" uu="" %} dan {% pasal "36(1)" %}', kutipan=hukum.KutipanSurat())
    assert teks == f"Pasal 35 dan Pasal 36 ayat (1) {JUDUL}"


def test_each_document_starts_its_own_count():
    sumber = '{% pasal "21" %}'
    assert render(sumber, kutipan=hukum.KutipanSurat()) == f"Pasal 21 {JUDUL}"
    assert render(sumber, kutipan=hukum.KutipanSurat()) == f"Pasal 21 {JUDUL}"


def test_a_page_keeps_the_bare_pasal():
    """A page (no tracker in its context) prints what it printed before."""
    assert render('{% pasal "22(7)" %} {% pasal "17" huruf="h" %}') == (
        "Pasal 22 ayat (7) Pasal 17 huruf h"
    )


def test_another_law_is_never_cited_as_uu_14_2008():
    kutipan = hukum.KutipanSurat()
    assert render('{% pasal "UU 27/2022 4(1)" %}', kutipan=kutipan) == (
        "Pasal 4 ayat (1) UU 27/2022"
    )
    assert not kutipan.disebut  # the Act itself is still to be named in full
    assert render('{% pasal "UU 27/2022 4(1)" %}') == "Pasal 4 ayat (1)"


def teks_dokumen(dokumen) -> str:
    return " ".join(html.unescape(strip_tags(dokumen.render_html())).split())


@pytest.mark.dokumen_di_langkah
@pytest.mark.django_db
def test_every_letter_cites_the_act_in_full_first_and_never_uu_before_pasal():
    """The specimen's letters (every signed letter and receipt, of every outcome)."""
    with time_machine.travel(moment(D(2026, 3, 16)), tick=False):
        contoh = buat_contoh(semua=False)
        dilihat = 0
        for c in contoh:
            teks = teks_dokumen(c.dokumen)
            assert "UU 14/2008 Pasal" not in teks, c.judul
            assert "Tahun 2008 Pasal" not in teks and "Informasi Publik Pasal" not in teks, c.judul
            kutipan = list(KUTIPAN_UU_KIP.finditer(teks))
            if not kutipan:
                continue
            dilihat += 1
            # The first citation names the Act in full, unless the letter named it before.
            sebelum = teks[: kutipan[0].start()]
            if JUDUL not in sebelum:
                assert kutipan[0]["uu"] == JUDUL, (c.judul, kutipan[0][0])
            # ... and only once: every later citation is short.
            assert [k["uu"] for k in kutipan[1:]] == ["UU 14/2008"] * (len(kutipan) - 1), (
                c.judul,
                [k[0] for k in kutipan],
            )
    assert dilihat >= 8
