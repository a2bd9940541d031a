"""Fixtures and helpers for the permohonan tests: a valid intake form, a tariff, frozen
"today" on the golden example (Monday 16 March 2026, DESIGN.md section 4)."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from registrasi import actions
from registrasi.models import Permohonan, Tarif
from tests.helpers import D, at

NIK = "5171014107900001"  # Denpasar, a woman born 1 July 1990


@pytest.fixture
def golden_day(holidays_2026):
    with at(D(2026, 3, 16)) as traveller:
        yield traveller


@pytest.fixture
def tarif(db):
    return Tarif.objects.create(
        nama="Fotokopi A4 hitam putih",
        jenis=Tarif.Jenis.PENYALINAN,
        harga=Decimal("500"),
        satuan="lembar",
        dasar_hukum="Peraturan Gubernur Bali Nomor 37 Tahun 2021 tentang Satuan Biaya Jasa Kantor",
        berlaku_dari=D(2023, 1, 1),
    )


def form_data(**overrides) -> dict:
    data = {
        "kunci": str(uuid.uuid4()),
        "tanggal": "2026-03-16",
        "cara_pengajuan": Permohonan.CaraPengajuan.LANGSUNG,
        "jenis": "perorangan",
        "nama": "Ni Made Ayu Lestari",
        "nik": NIK,
        "nomor_akta": "",
        "alamat": "Jl. Gatot Subroto No. 5, Denpasar",
        "pekerjaan": "Wartawan",
        "telepon": "0812 3456 7890",
        "email": "ayu@example.id",
        "rincian_informasi": "Data cakupan imunisasi dasar lengkap per kabupaten tahun 2025",
        "tujuan_penggunaan": "Bahan liputan kesehatan anak",
        "cara_memperoleh": Permohonan.CaraMemperoleh.HARDCOPY,
        "cara_salinan": Permohonan.CaraSalinan.MENGAMBIL,
        "formulir_lengkap": "on",
        "identitas_diterima": "on",
        "catatan_kekurangan": "",
        "aksi": "daftar",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def intake(**overrides) -> actions.Intake:
    pemohon = {
        "jenis": "perorangan",
        "nama": "Ni Made Ayu Lestari",
        "nik": NIK,
        "alamat": "Jl. Gatot Subroto No. 5, Denpasar",
        "pekerjaan": "Wartawan",
        "telepon": "081234567890",
        "email": "ayu@example.id",
    }
    pemohon.update(overrides.pop("pemohon", {}))
    values = {
        "pemohon": pemohon,
        "rincian_informasi": "Data cakupan imunisasi dasar lengkap per kabupaten tahun 2025",
        "tujuan_penggunaan": "Bahan liputan kesehatan anak",
        "cara_memperoleh": Permohonan.CaraMemperoleh.HARDCOPY,
        "cara_salinan": Permohonan.CaraSalinan.MENGAMBIL,
        "formulir_lengkap": True,
        "identitas_diterima": True,
    }
    values.update(overrides)
    return actions.Intake(**values)


def register(by, **overrides) -> Permohonan:
    return actions.register_permohonan(intake(**overrides), by=by)
