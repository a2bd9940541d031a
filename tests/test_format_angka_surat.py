"""One format for money, counts, document numbers and jabatan in letters, registers and pages
(ppid_manual/format.py; LETTERS.md): `Rp625.000,00`, `1.250 lembar`, a number that never breaks
at its slash, a jabatan whose last word never goes alone to the next line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ppid_manual.format import NBSP, angka, banyaknya, jabatan, nomor, rupiah, rupiah_terbilang


@pytest.mark.parametrize(
    "value, expected",
    [(0, "0"), (7, "7"), (1250, "1.250"), (100000, "100.000"), (Decimal("1234567"), "1.234.567")],
)
def test_a_count_has_its_thousands_separated_by_full_stops(value, expected):
    assert angka(value) == expected


def test_a_count_and_its_unit_are_held_together():
    assert banyaknya(1250, "lembar") == f"1.250{NBSP}lembar"
    assert banyaknya(None, "") == f"0{NBSP}lembar"


@pytest.mark.parametrize(
    "value, expected",
    [
        (625000, "Rp625.000,00"),
        (Decimal("100625000"), "Rp100.625.000,00"),
        (0, "Rp0,00"),
        (Decimal("12500.00"), "Rp12.500,00"),
    ],
)
def test_an_amount_is_written_one_way_without_a_space_to_break_at(value, expected):
    assert rupiah(value) == expected
    assert " " not in rupiah(value)


def test_an_amount_in_a_letter_has_its_terbilang():
    assert rupiah_terbilang(12500) == "Rp12.500,00 (dua belas ribu lima ratus rupiah)"


def test_a_document_number_is_one_unbreakable_escaped_word():
    html = nomor("045.2/0001/Setda-PPID/XII/2026")
    assert html == '<span class="nomor">045.2/0001/Setda-PPID/XII/2026</span>'
    assert nomor("<b>") == '<span class="nomor">&lt;b&gt;</span>'
    assert nomor("") == ""


def test_the_last_word_of_a_jabatan_stays_with_the_word_before_it():
    assert jabatan("KEPALA DINAS KESEHATAN PROVINSI BALI") == (
        f"KEPALA DINAS KESEHATAN PROVINSI{NBSP}BALI"
    )
    assert jabatan("PPID") == "PPID"
