"""The access ladder of every DIP page: anonymous → login; a PPID Pelaksana of another OPD →
404; the wrong role → 403; the right role → 200. A PPID Pelaksana sees and edits only its
own OPD's DIP."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dip import actions
from dip.models import InformasiDikecualikan
from ppid_manual.models import Event
from ppid_manual.workflow.engine import StepRefused
from tests.dip.conftest import HARI_INI, entri, sampai_ditetapkan
from tests.helpers import page


def _urls(w) -> list[str]:
    info = w.dinkes.informasi.first()
    return [
        reverse("dip:edisi", args=[w.dinkes.pk]),
        reverse("dip:informasi_tambah", args=[w.dinkes.pk]),
        reverse("dip:impor", args=[w.dinkes.pk]),
        reverse("dip:templat_impor", args=[w.dinkes.pk, "csv"]),
        reverse("dip:cetak_rekap", args=[w.dinkes.pk]),
        reverse("dip:cetak_koreksi", args=[w.dinkes.pk]),
        reverse("dip:informasi_ubah", args=[info.pk]),
        reverse("dip:informasi_hapus", args=[info.pk]),
    ]


def test_anonymous_users_go_to_the_login_page(client, dunia):
    urls = _urls(dunia) + [
        reverse("dip:daftar"),
        reverse("dip:edisi_baru"),
        reverse("dip:langkah", args=[dunia.dinkes.pk, "tetapkan"]),
        reverse("dip:ekspor", args=[dunia.dinkes.pk, "csv"]),
        reverse("dip:scan_sk", args=[dunia.dinkes.pk]),
        reverse("dip:dik_daftar"),
        reverse("dip:dik_tambah"),
        reverse("dip:cari"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_a_ppid_pelaksana_of_another_opd_gets_404(client, dunia):
    client.force_login(dunia.pelaksana_dishub)
    for url in _urls(dunia) + [reverse("dip:edisi", args=[dunia.provinsi.pk])]:
        assert client.get(url).status_code == 404, url
    info = dunia.dinkes.informasi.first()
    before = Event.objects.count()
    response = client.post(reverse("dip:informasi_ubah", args=[info.pk]), entri(ringkasan="x"))
    assert response.status_code == 404
    assert client.post(reverse("dip:langkah", args=[dunia.dinkes.pk, "ajukan"])).status_code == 404
    info.refresh_from_db()
    assert info.ringkasan != "x"
    assert Event.objects.count() == before


def test_the_own_ppid_pelaksana_gets_200(client, dunia):
    client.force_login(dunia.pelaksana_dinkes)
    for url in _urls(dunia):
        if "/cetak/" in url:
            continue  # the PDFs: tests/dip/test_dokumen.py
        assert client.get(url).status_code == 200, url


def test_the_list_shows_a_ppid_pelaksana_only_its_own_opd(client, dunia):
    client.force_login(dunia.pelaksana_dishub)
    html = page(client.get(reverse("dip:daftar")))
    assert "Dinas Perhubungan" in html
    assert "Dinas Kesehatan" not in html
    assert "DIP Pemerintah Provinsi Bali Tahun 2026" not in html
    client.force_login(dunia.petugas)
    html = page(client.get(reverse("dip:daftar")))
    assert "Dinas Perhubungan" in html and "Dinas Kesehatan" in html


@pytest.mark.parametrize("user", ["petugas", "ppid", "atasan"])
def test_the_province_desk_sees_every_edition(client, dunia, user):
    client.force_login(getattr(dunia, user))
    for edisi in (dunia.provinsi, dunia.dinkes, dunia.dishub):
        assert client.get(reverse("dip:edisi", args=[edisi.pk])).status_code == 200


def test_the_wrong_role_gets_403(client, dunia):
    client.force_login(dunia.atasan)
    assert client.get(reverse("dip:informasi_tambah", args=[dunia.dinkes.pk])).status_code == 403
    assert client.get(reverse("dip:edisi_baru")).status_code == 403
    client.force_login(dunia.petugas)
    assert client.get(reverse("dip:dik_tambah")).status_code == 403
    info = dunia.dinkes.informasi.first()
    assert client.get(reverse("dip:informasi_koreksi", args=[info.pk])).status_code == 403


def test_the_actions_refuse_another_opd_too(dunia):
    """Not only the pages: the actions check the unit themselves."""
    with pytest.raises(StepRefused, match="perangkat daerah lain"):
        actions.submit_edisi(dunia.dinkes, by=dunia.pelaksana_dishub)
    with pytest.raises(StepRefused, match="hanya dapat diubah oleh PPID Pelaksana"):
        actions.add_informasi(dunia.dinkes, by=dunia.pelaksana_dishub, data=entri())
    with pytest.raises(StepRefused, match="PPID Pelaksana perangkat daerah itu sendiri"):
        actions.create_edisi(unit=dunia.units["dinkes"], tahun=2027, by=dunia.pelaksana_dishub)
    with pytest.raises(StepRefused, match="petugas pelayanan atau PPID"):
        actions.create_edisi(unit=dunia.units["utama"], tahun=2027, by=dunia.pelaksana_dinkes)


def test_the_petugas_does_not_edit_an_opd_edition(client, dunia):
    client.force_login(dunia.petugas)
    before = dunia.dinkes.informasi.count()
    response = client.post(
        reverse("dip:informasi_tambah", args=[dunia.dinkes.pk]), entri(), follow=True
    )
    assert "hanya dapat diubah oleh PPID Pelaksana perangkat daerah itu" in page(response)
    assert dunia.dinkes.informasi.count() == before


def test_only_the_opd_records_its_heads_adoption(client, dunia):
    sampai_ditetapkan(dunia)
    client.force_login(dunia.atasan)
    response = client.post(
        reverse("dip:langkah", args=[dunia.dinkes.pk, "tetapkan"]),
        {"tanggal_sk": HARI_INI.isoformat()},
        follow=True,
    )
    assert "Peran Anda tidak berwenang" in page(response)
    dunia.dinkes.refresh_from_db()
    assert not dunia.dinkes.ditetapkan


def test_every_desk_role_may_read_the_dik_and_search(client, dunia):
    InformasiDikecualikan.objects.create(
        informasi="Rekam medis pasien",
        opd=dunia.units["dinkes"],
        pasal17="h",
        konsekuensi="Mengungkap rahasia pribadi pasien.",
        jangka_waktu="Selama pasien hidup",
        ditetapkan_pada=HARI_INI,
        ditetapkan_oleh=dunia.ppid,
    )
    for user in ("petugas", "ppid", "pelaksana_dinkes", "atasan"):
        client.force_login(getattr(dunia, user))
        assert client.get(reverse("dip:dik_daftar")).status_code == 200
        assert client.get(reverse("dip:cari"), {"q": "rekam"}).status_code == 200
