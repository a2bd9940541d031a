"""Issue 16: a NIK's province and regency/city are checked against the Kemendagri code list
shipped with the app (earlier editions included), and its birth date as a real date."""

from __future__ import annotations

import datetime

import pytest
from django import forms

from pemohon import wilayah
from pemohon.forms import clean_nik

TIDAK_DIKENAL = "Kode provinsi/kabupaten/kota pada 4 digit pertama NIK ({}) tidak dikenal."


def refused(nik: str, **kwargs) -> str:
    with pytest.raises(forms.ValidationError) as exc:
        clean_nik(nik, **kwargs)
    return exc.value.messages[0]


@pytest.mark.parametrize("kode", ["5100", "5199", "5109", "5172", "5170", "0001", "5200", "9971"])
def test_an_unknown_regency_or_province_is_refused(kode):
    assert refused(f"{kode}011708900001") == TIDAK_DIKENAL.format(kode)


@pytest.mark.parametrize(
    "kode", ["5101", "5102", "5103", "5104", "5105", "5106", "5107", "5108", "5171"]
)
def test_every_bali_regency_and_denpasar_are_accepted(kode):
    assert clean_nik(f"{kode}011708900001") == f"{kode}011708900001"


@pytest.mark.parametrize(
    "kode, why",
    [
        ("3174", "Kota Jakarta Selatan: a pemohon from outside Bali may ask (UU 14/2008 Pasal 4)"),
        ("9301", "Kab. Merauke in Papua Selatan (2022)"),
        ("9101", "Kab. Merauke before 2022: a NIK keeps the code that issued it"),
        ("9201", "Kab. Sorong before Papua Barat Daya (2022)"),
        ("6404", "Bulungan before Kalimantan Utara (2012)"),
        ("6501", "Kab. Bulungan, Kalimantan Utara"),
    ],
)
def test_current_and_earlier_edition_codes_are_accepted(kode, why):
    assert clean_nik(f"{kode}011708900001"), why


def test_the_list_names_its_source_and_holds_every_province_and_regency():
    header = wilayah.BERKAS.read_text().split("\n# Kolom")[0]
    assert "Kepmendagri Nomor 100.1.1-6117 Tahun 2022" in header
    assert "300.2.2-2138 Tahun 2025" in header and "Diambil: 2026-12-01" in header
    codes = wilayah.kode_wilayah()
    provinces = [k for k in codes if len(k) == 2]
    regencies = [k for k in codes if len(k) == 4]
    assert len(provinces) == 38
    assert len(regencies) >= 514
    assert all(k[:2] in provinces for k in regencies)
    assert [k for k in regencies if k.startswith("51")] == [
        "5101", "5102", "5103", "5104", "5105", "5106", "5107", "5108", "5171"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "ddmmyy, ok",
    [
        ("170845", True),  # 17 Agustus 1945
        ("570845", True),  # a woman: day + 40
        ("290200", True),  # 29 Februari 2000 (1900 was no leap year)
        ("710190", True),  # a woman born on the 31st
        ("310490", False),  # 31 April
        ("300290", False),  # 30 Februari
        ("000190", False),  # day 00
        ("320190", False),  # day 32 (not a man's day, not a woman's)
        ("400190", False),  # day 40 = woman's day 0
        ("720190", False),  # day 72 = woman's day 32
        ("011390", False),  # month 13
        ("010090", False),  # month 00
    ],
)
def test_the_birth_date_part(ddmmyy, ok):
    nik = f"517101{ddmmyy}0001"
    if ok:
        assert clean_nik(nik) == nik
    else:
        assert "bukan tanggal lahir yang sah" in refused(nik)


def test_a_birth_date_after_today_is_refused():
    """Read as 19YY or 20YY, whichever is not after today; on 1 January 1999 neither 1 February
    1999 nor 2099 has come yet."""
    day = datetime.date(1999, 1, 1)
    assert "jatuh sesudah hari ini" in refused("5171010102990001", hari_ini=day)
    assert clean_nik("5171013112980001", hari_ini=day)
