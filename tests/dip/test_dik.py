"""The DIK: the PPID sets exempt information with its uji konsekuensi; every desk role reads
it; each write is one event."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dip import actions
from dip.models import InformasiDikecualikan
from ppid_manual.models import Event
from ppid_manual.workflow.engine import StepRefused
from tests.dip.conftest import HARI_INI
from tests.helpers import page


def dik_data(units, **overrides) -> dict:
    data = {
        "informasi": "Dokumen pengadaan yang memuat rahasia dagang penyedia",
        "opd": units["dishub"].pk,
        "pasal17": ["b"],
        "undang_undang_lain": "",
        "konsekuensi": "Membuka dokumen merugikan persaingan usaha yang sehat.",
        "kepentingan_publik": "Publik berkepentingan mengawasi harga pengadaan.",
        "jangka_waktu": "5 tahun sejak kontrak selesai",
        "dasar_penetapan": "",
        "ditetapkan_pada": "2026-03-09",
        "aktif": "on",
    }
    data.update(overrides)
    return data


def test_the_ppid_sets_a_dik_entry(client, units, ppid):
    client.force_login(ppid)
    response = client.post(reverse("dip:dik_tambah"), dik_data(units, pasal17=["h", "b"]))
    dik = InformasiDikecualikan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dip:dik_detail", args=[dik.pk])
    assert dik.pasal17 == "b,h"
    assert dik.ditetapkan_oleh == ppid and dik.ditetapkan_pada.isoformat() == "2026-03-09"
    assert dik.dasar_singkat == "Pasal 17 huruf b dan h UU 14/2008"
    (event,) = Event.objects.for_object(dik)
    assert event.step == "dik_tetapkan" and event.actor == ppid
    html = page(client.get(response["Location"]))
    assert "huruf b — Informasi Publik yang apabila dibuka" in html
    assert "Ditetapkan sebagai informasi yang dikecualikan" in html


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"pasal17": [], "undang_undang_lain": ""},
            "pasal17",
            "Pilih huruf Pasal 17 atau isi dasar undang-undang lain (salah satu wajib).",
        ),
        ({"konsekuensi": ""}, "konsekuensi", "Wajib diisi."),
        # UU 14/2008 Pasal 2(4): the public interest is weighed in every uji.
        ({"kepentingan_publik": ""}, "kepentingan_publik", "Wajib diisi."),
        (
            {"ditetapkan_pada": "2026-03-11"},
            "ditetapkan_pada",
            "Tanggal penetapan tidak boleh setelah hari ini.",
        ),
        ({"pasal17": ["k"]}, "pasal17", "Pilihan “k” tidak dikenal."),
    ],
)
def test_a_dik_form_with_an_error_saves_nothing(client, units, ppid, overrides, field, message):
    client.force_login(ppid)
    response = client.post(reverse("dip:dik_tambah"), dik_data(units, **overrides))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert message in page(response)
    assert not InformasiDikecualikan.objects.exists()
    assert not Event.objects.exists()


def test_another_act_alone_is_enough(client, units, ppid):
    client.force_login(ppid)
    data = dik_data(units, pasal17=[], undang_undang_lain="UU 23/2006 Administrasi Kependudukan")
    assert client.post(reverse("dip:dik_tambah"), data).status_code == 302
    assert InformasiDikecualikan.objects.get().dasar_singkat == (
        "UU 23/2006 Administrasi Kependudukan"
    )


def test_only_the_ppid_sets_or_changes_the_dik(client, units, ppid, petugas, pelaksana_dinkes):
    for user in (petugas, pelaksana_dinkes):
        client.force_login(user)
        assert client.post(reverse("dip:dik_tambah"), dik_data(units)).status_code == 403
        with pytest.raises(StepRefused, match="ditetapkan oleh PPID"):
            actions.establish_dik(by=user, data={})
    assert not InformasiDikecualikan.objects.exists()


def test_a_change_is_one_event_with_old_and_new_values(client, units, ppid):
    client.force_login(ppid)
    client.post(reverse("dip:dik_tambah"), dik_data(units))
    dik = InformasiDikecualikan.objects.get()
    url = reverse("dip:dik_ubah", args=[dik.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, dik_data(units, jangka_waktu="3 tahun", aktif=""))

    assert response.status_code == 302
    dik.refresh_from_db()
    assert dik.jangka_waktu == "3 tahun" and not dik.aktif
    event = Event.objects.for_object(dik).last()
    assert event.step == "dik_ubah"
    assert event.data == {
        "jangka_waktu": ["5 tahun sejak kontrak selesai", "3 tahun"],
        "aktif": [True, False],
    }
    before = Event.objects.count()
    client.post(url, dik_data(units, jangka_waktu="3 tahun", aktif=""))
    assert Event.objects.count() == before  # nothing changed: no event


def test_the_list_shows_the_items_still_exempt(client, units, ppid, petugas):
    for informasi, aktif in (("Rekam medis", True), ("Data lama dibuka", False)):
        InformasiDikecualikan.objects.create(
            informasi=informasi,
            opd=units["dinkes"],
            pasal17="h",
            konsekuensi="x",
            jangka_waktu="y",
            ditetapkan_pada=HARI_INI,
            ditetapkan_oleh=ppid,
            aktif=aktif,
        )
    client.force_login(petugas)
    html = page(client.get(reverse("dip:dik_daftar")))
    assert "Rekam medis" in html and "Data lama dibuka" not in html
    assert "Tetapkan DIK" not in html  # not the petugas's
    html = page(client.get(reverse("dip:dik_daftar"), {"semua": "1"}))
    assert "Data lama dibuka" in html and "tidak lagi dikecualikan" in html


def test_the_model_refuses_a_dik_without_grounds(units, ppid):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        InformasiDikecualikan.objects.create(
            informasi="x",
            opd=units["dinkes"],
            konsekuensi="x",
            jangka_waktu="y",
            ditetapkan_pada=HARI_INI,
            ditetapkan_oleh=ppid,
        )
