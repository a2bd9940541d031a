"""Fixtures and helpers for the DIP tests: the year 2026, "today" frozen on Tuesday 10 March
2026 (WITA), two OPDs (Dinas Kesehatan, Dinas Perhubungan) with a head each, and helpers that
drive the steps through the test client."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from dip import actions
from dip.models import DipEdisi, InformasiPublik
from ppid_manual.models import Pejabat
from tests.helpers import D, moment

TAHUN = 2026
HARI_INI = D(2026, 3, 10)


@pytest.fixture(autouse=True)
def hari_ini():
    with time_machine.travel(moment(HARI_INI)) as traveller:
        yield traveller


@pytest.fixture
def kepala(units):
    start = D(2023, 1, 1)
    return {
        "dinkes": Pejabat.objects.create(
            nama="dr. Ketut Suarjaya, M.PPM.",
            nip="19700515 199903 1 004",
            pangkat="Pembina Utama Muda (IV/c)",
            jabatan="Kepala Dinas Kesehatan Provinsi Bali",
            unit=units["dinkes"],
            peran=Pejabat.Peran.KEPALA_OPD,
            berlaku_dari=start,
        ),
        "dishub": Pejabat.objects.create(
            nama="I Gde Wayan Samsi Gunarta",
            nip="19710817 199803 1 005",
            jabatan="Kepala Dinas Perhubungan Provinsi Bali",
            unit=units["dishub"],
            peran=Pejabat.Peran.KEPALA_OPD,
            berlaku_dari=start,
        ),
    }


def entri(**overrides) -> dict:
    """A valid entry as the form posts it."""
    data = {
        "ringkasan": "Rencana Strategis Dinas Kesehatan 2024–2026",
        "pejabat_penguasa": "Sekretaris Dinas / Subbagian Program",
        "penanggung_jawab": "Kepala Dinas Kesehatan",
        "waktu_pembuatan": "2024",
        "tempat_pembuatan": "Denpasar",
        "bentuk": InformasiPublik.Bentuk.KEDUANYA,
        "jangka_waktu_penyimpanan": "5 tahun",
        "jenis": InformasiPublik.Jenis.SETIAP_SAAT,
    }
    data.update(overrides)
    return data


def tambah(edisi: DipEdisi, user, **overrides) -> InformasiPublik:
    data = entri(**overrides)
    if edisi.is_provinsi:
        data.setdefault("opd", edisi.unit)
    return actions.add_informasi(edisi, by=user, data=data)


def langkah(client, edisi: DipEdisi, nama: str, data: dict | None = None, **kwargs):
    return client.post(reverse("dip:langkah", args=[edisi.pk, nama]), data or {}, **kwargs)


@pytest.fixture
def provinsi(units, petugas):
    return actions.create_edisi(unit=units["utama"], tahun=TAHUN, by=petugas)


@pytest.fixture
def dinkes(units, pelaksana_dinkes):
    edisi = actions.create_edisi(unit=units["dinkes"], tahun=TAHUN, by=pelaksana_dinkes)
    tambah(edisi, pelaksana_dinkes)
    tambah(
        edisi,
        pelaksana_dinkes,
        ringkasan="Profil Kesehatan Provinsi Bali 2025",
        jenis=InformasiPublik.Jenis.BERKALA,
        bentuk=InformasiPublik.Bentuk.SOFTCOPY,
    )
    return edisi


@pytest.fixture
def dishub(units, pelaksana_dishub):
    edisi = actions.create_edisi(unit=units["dishub"], tahun=TAHUN, by=pelaksana_dishub)
    tambah(
        edisi,
        pelaksana_dishub,
        ringkasan="Data jumlah kendaraan angkutan umum per kabupaten/kota",
        pejabat_penguasa="Bidang Angkutan",
        penanggung_jawab="Kepala Dinas Perhubungan",
        jenis=InformasiPublik.Jenis.BERKALA,
    )
    return edisi


@pytest.fixture
def direkap(provinsi, dinkes, dishub, petugas, pelaksana_dinkes, pelaksana_dishub):
    """Both OPDs submitted and recapped; the province edition still with the petugas."""
    actions.submit_edisi(dinkes, by=pelaksana_dinkes)
    actions.submit_edisi(dishub, by=pelaksana_dishub)
    actions.recap_edisi(dinkes, by=petugas)
    actions.recap_edisi(dishub, by=petugas)
    return provinsi


@pytest.fixture
def di_ppid(direkap, petugas):
    return actions.submit_to_ppid(direkap, by=petugas)


@pytest.fixture
def di_atasan(di_ppid, ppid):
    return actions.submit_to_atasan(di_ppid, by=ppid)


@pytest.fixture
def ditetapkan(di_atasan, atasan, pejabat):
    return actions.establish_edisi(di_atasan, by=atasan, tanggal_sk=HARI_INI)


@pytest.fixture
def dunia(
    units,
    petugas,
    ppid,
    pelaksana_dinkes,
    pelaksana_dishub,
    atasan,
    pejabat,
    kepala,
    provinsi,
    dinkes,
    dishub,
):
    """Everyone and both OPD editions in one namespace, for table-driven tests."""
    from types import SimpleNamespace

    return SimpleNamespace(
        units=units,
        petugas=petugas,
        ppid=ppid,
        pelaksana_dinkes=pelaksana_dinkes,
        pelaksana_dishub=pelaksana_dishub,
        atasan=atasan,
        pejabat=pejabat,
        kepala=kepala,
        provinsi=provinsi,
        dinkes=dinkes,
        dishub=dishub,
    )


def sampai_direkap(w) -> None:
    actions.submit_edisi(w.dinkes, by=w.pelaksana_dinkes)
    actions.submit_edisi(w.dishub, by=w.pelaksana_dishub)
    actions.recap_edisi(w.dinkes, by=w.petugas)
    actions.recap_edisi(w.dishub, by=w.petugas)


def sampai_ppid(w) -> None:
    sampai_direkap(w)
    actions.submit_to_ppid(w.provinsi, by=w.petugas)


def sampai_atasan(w) -> None:
    sampai_ppid(w)
    actions.submit_to_atasan(w.provinsi, by=w.ppid)


def sampai_ditetapkan(w) -> None:
    sampai_atasan(w)
    actions.establish_edisi(w.provinsi, by=w.atasan, tanggal_sk=HARI_INI)
