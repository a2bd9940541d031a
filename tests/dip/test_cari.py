"""dip.search.search_informasi: the DIP in force and the active DIK, for the permohonan page
and the staff search page."""

from __future__ import annotations

from django.urls import reverse

from dip import actions
from dip.models import InformasiDikecualikan
from dip.search import Hasil, search_informasi
from tests.dip.conftest import HARI_INI, sampai_ditetapkan, tambah
from tests.helpers import page


def _dik(w, informasi, aktif=True):
    return InformasiDikecualikan.objects.create(
        informasi=informasi,
        opd=w.units["dinkes"],
        pasal17="h",
        undang_undang_lain="UU 17/2023 tentang Kesehatan",
        konsekuensi="Mengungkap rahasia pribadi pasien.",
        jangka_waktu="Selama pasien hidup",
        ditetapkan_pada=HARI_INI,
        ditetapkan_oleh=w.ppid,
        aktif=aktif,
    )


def test_it_finds_adopted_entries_and_the_dik(dunia):
    sampai_ditetapkan(dunia)
    dik = _dik(dunia, "Rekam medis pasien kesehatan jiwa")
    _dik(dunia, "Data kesehatan yang sudah dibuka", aktif=False)

    hasil = search_informasi("KESEHATAN")

    assert [h.jenis for h in hasil] == [Hasil.DIK, Hasil.DIP, Hasil.DIP]
    first = hasil[0]
    assert first.objek == dik and first.uid == dik.uid and first.is_dik
    assert first.pasal17_huruf == ["h"]
    assert first.undang_undang_lain == "UU 17/2023 tentang Kesehatan"
    assert first.konsekuensi == "Mengungkap rahasia pribadi pasien."
    assert first.keterangan.startswith("Dikecualikan: Pasal 17 huruf h UU 14/2008")
    assert {h.judul for h in hasil[1:]} == {
        "Rencana Strategis Dinas Kesehatan 2024–2026",
        "Profil Kesehatan Provinsi Bali 2025",
    }
    assert "SK 001/SK-DIP/Setda/2026" in hasil[1].keterangan


def test_every_word_must_match(dunia):
    sampai_ditetapkan(dunia)
    assert [h.judul for h in search_informasi("profil 2025")] == [
        "Profil Kesehatan Provinsi Bali 2025"
    ]
    assert search_informasi("profil perhubungan") == []
    # the OPD's name is searched too
    assert [h.judul for h in search_informasi("perhubungan angkutan")] == [
        "Data jumlah kendaraan angkutan umum per kabupaten/kota"
    ]


def test_drafts_and_superseded_editions_are_not_the_dip(dunia):
    assert search_informasi("kesehatan") == []  # nothing adopted yet
    sampai_ditetapkan(dunia)
    baru = actions.create_edisi(
        unit=dunia.units["dinkes"], tahun=2027, by=dunia.pelaksana_dinkes, salin=True
    )
    tambah(baru, dunia.pelaksana_dinkes, ringkasan="Laporan kinerja 2026")
    assert search_informasi("kinerja") == []  # the 2027 draft is not in force
    assert len(search_informasi("renstra")) == 0
    assert len(search_informasi("rencana strategis")) == 1  # still the 2026 edition


def test_an_empty_query_finds_nothing(dunia):
    sampai_ditetapkan(dunia)
    assert search_informasi("") == []
    assert search_informasi("   ") == []


def test_the_search_page(client, dunia):
    sampai_ditetapkan(dunia)
    dik = _dik(dunia, "Rekam medis pasien")
    client.force_login(dunia.pelaksana_dishub)
    html = page(client.get(reverse("dip:cari"), {"q": "rekam"}))
    assert "1 hasil." in html
    assert reverse("dip:dik_detail", args=[dik.pk]) in html
    assert "Mengungkap rahasia pribadi pasien." in html
    html = page(client.get(reverse("dip:cari"), {"q": "kendaraan"}))
    assert "Data jumlah kendaraan angkutan umum" in html and "DIP 2026" in html
    assert "hasil." not in page(client.get(reverse("dip:cari")))
