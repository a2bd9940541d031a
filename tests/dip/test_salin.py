"""A new edition can start as a copy of the last adopted one (the copies keep their ids)."""

from __future__ import annotations

from django.urls import reverse

from dip.models import DipEdisi
from ppid_manual.models import Event
from tests.dip.conftest import sampai_ditetapkan, tambah
from tests.helpers import page


def test_a_new_edition_copies_last_years_adopted_one(client, dunia):
    own = tambah(dunia.provinsi, dunia.petugas, ringkasan="Profil PPID Provinsi Bali")
    sampai_ditetapkan(dunia)

    client.force_login(dunia.pelaksana_dinkes)
    response = client.post(reverse("dip:edisi_baru"), {"tahun": 2027, "salin": "on"})
    baru = DipEdisi.objects.get(unit=dunia.units["dinkes"], tahun=2027)
    assert response.status_code == 302
    assert baru.status == DipEdisi.Status.DISUSUN and baru.disalin_dari == dunia.dinkes
    old = list(dunia.dinkes.informasi.order_by("nomor").values_list("uid", "ringkasan"))
    assert list(baru.informasi.order_by("nomor").values_list("uid", "ringkasan")) == old
    (event,) = Event.objects.for_object(baru)
    assert (event.step, event.to_state) == ("buat", DipEdisi.Status.DISUSUN)
    assert event.data == {"disalin_dari": dunia.dinkes.pk, "jumlah_informasi": 2}

    # The province edition copies only its own entries; each OPD copies its own.
    client.force_login(dunia.petugas)
    client.post(reverse("dip:edisi_baru"), {"tahun": 2027, "salin": "on"})
    provinsi = DipEdisi.objects.get(unit=dunia.units["utama"], tahun=2027)
    assert [i.uid for i in provinsi.informasi.all()] == [own.uid]


def test_no_copy_without_an_adopted_edition_and_no_second_edition(client, dunia):
    client.force_login(dunia.pelaksana_dishub)
    response = client.post(reverse("dip:edisi_baru"), {"tahun": 2027, "salin": "on"})
    assert response.status_code == 200
    assert (
        "Belum ada DIP Dinas Perhubungan yang ditetapkan sebelum tahun 2027 untuk disalin."
        in page(response)
    )
    response = client.post(reverse("dip:edisi_baru"), {"tahun": 2026})
    assert "DIP Dinas Perhubungan tahun 2026 sudah ada." in page(response)
    response = client.post(reverse("dip:edisi_baru"), {"tahun": 1999})
    assert "Tahun paling awal 2000." in page(response)
    assert DipEdisi.objects.filter(unit=dunia.units["dishub"]).count() == 1
