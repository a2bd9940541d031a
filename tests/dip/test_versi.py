"""Two officers editing the same DIP entry or DIK row at once: the second save is refused with
a clear message, nothing is overwritten unseen, and the officer's input is kept next to what is
stored now (plain edits carry a version: ppid_manual/workflow/versions.py)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from dip import actions
from dip.models import InformasiDikecualikan, InformasiPublik
from ppid_manual.models import Event
from ppid_manual.roles import Role
from ppid_manual.workflow.versions import EditConflict
from tests.conftest import make_user
from tests.dip.conftest import entri
from tests.helpers import events, page

from .test_dik import dik_data


def versi_di_form(response) -> int:
    """The version the rendered form was opened on, as the browser would post it back."""
    match = re.search(r'name="versi" value="(\d+)"', page(response))
    assert match, "the form carries no version"
    return int(match.group(1))


@pytest.fixture
def dua_meja(units, pelaksana_dinkes):
    """The PPID Pelaksana of Dinas Kesehatan at two desks (two sessions)."""
    rekan = make_user("pelaksana_dinkes_2", Role.PELAKSANA, units["dinkes"])
    a, b = Client(), Client()
    a.force_login(pelaksana_dinkes)
    b.force_login(rekan)
    return a, b


def test_the_second_of_two_desks_is_refused_and_sees_both_versions(dinkes, dua_meja):
    meja_a, meja_b = dua_meja
    info = dinkes.informasi.order_by("nomor").first()
    url = reverse("dip:informasi_ubah", args=[info.pk])
    versi_a = versi_di_form(meja_a.get(url))
    versi_b = versi_di_form(meja_b.get(url))
    assert versi_a == versi_b == 1

    saved = meja_a.post(url, entri(ringkasan="Renstra Dinkes (perbaikan meja A)", versi=versi_a))
    assert saved.status_code == 302

    refused = meja_b.post(url, entri(ringkasan="Renstra Dinkes (perbaikan meja B)", versi=versi_b))

    assert refused.status_code == 200
    html = page(refused)
    assert "Entri ini sudah diubah oleh Pelaksana_Dinkes pada 10-03-2026 pukul 09.00" in html
    assert "Perubahan Anda belum disimpan" in html
    # What is stored now and what desk B typed, side by side; desk B's input is still on the form.
    assert (
        "Renstra Dinkes (perbaikan meja A)" in html and "Renstra Dinkes (perbaikan meja B)" in html
    )
    assert refused.context["perbedaan"] == [
        {
            "label": "Ringkasan isi informasi",
            "tersimpan": "Renstra Dinkes (perbaikan meja A)",
            "isian": "Renstra Dinkes (perbaikan meja B)",
        }
    ]
    info.refresh_from_db()
    assert info.ringkasan == "Renstra Dinkes (perbaikan meja A)" and info.versi == 2
    assert [e.step for e in events(dinkes)].count("ubah_informasi") == 1

    # Having seen it, desk B saves again: the form now stands on the stored version.
    assert versi_di_form(refused) == 2
    again = meja_b.post(url, entri(ringkasan="Renstra Dinkes (perbaikan meja B)", versi=2))
    assert again.status_code == 302
    info.refresh_from_db()
    assert info.ringkasan == "Renstra Dinkes (perbaikan meja B)" and info.versi == 3
    assert [e.step for e in events(dinkes)].count("ubah_informasi") == 2


def test_an_entry_changed_since_the_confirmation_page_is_not_deleted(dinkes, dua_meja):
    meja_a, meja_b = dua_meja
    info = dinkes.informasi.order_by("nomor").first()
    hapus = reverse("dip:informasi_hapus", args=[info.pk])
    versi = versi_di_form(meja_b.get(hapus))
    ubah = reverse("dip:informasi_ubah", args=[info.pk])
    meja_a.post(ubah, entri(ringkasan="Diperbarui sebelum dihapus", versi=versi))

    response = meja_b.post(hapus, {"versi": versi}, follow=True)

    assert "sudah diubah oleh" in page(response)
    assert InformasiPublik.objects.filter(pk=info.pk).exists()
    assert "hapus_informasi" not in [e.step for e in events(dinkes)]
    meja_b.post(hapus, {"versi": versi + 1})
    assert not InformasiPublik.objects.filter(pk=info.pk).exists()


def test_the_action_itself_refuses_a_stale_version(dinkes, pelaksana_dinkes):
    info = dinkes.informasi.order_by("nomor").first()
    actions.update_informasi(info, by=pelaksana_dinkes, data=entri(ringkasan="Baru"), versi=1)
    with pytest.raises(EditConflict, match="Entri ini sudah diubah"):
        actions.update_informasi(info, by=pelaksana_dinkes, data=entri(ringkasan="Lama"), versi=1)
    info.refresh_from_db()
    assert info.ringkasan == "Baru" and info.versi == 2


def test_two_ppid_desks_changing_one_dik_row(units, ppid):
    rekan = make_user("ppid_2", Role.PPID, units["utama"])
    meja_a, meja_b = Client(), Client()
    meja_a.force_login(ppid)
    meja_b.force_login(rekan)
    meja_a.post(reverse("dip:dik_tambah"), dik_data(units))
    dik = InformasiDikecualikan.objects.get()
    url = reverse("dip:dik_ubah", args=[dik.pk])
    versi = versi_di_form(meja_a.get(url))
    assert versi_di_form(meja_b.get(url)) == versi

    meja_a.post(url, dik_data(units, jangka_waktu="3 tahun", versi=versi))
    refused = meja_b.post(url, dik_data(units, jangka_waktu="10 tahun", aktif="", versi=versi))

    assert refused.status_code == 200
    assert "DIK ini sudah diubah oleh Ppid" in page(refused)
    assert refused.context["perbedaan"] == [
        {"label": "Jangka waktu pengecualian", "tersimpan": "3 tahun", "isian": "10 tahun"},
        {"label": "Masih dikecualikan", "tersimpan": "Ya", "isian": "Tidak"},
    ]
    dik.refresh_from_db()
    assert dik.jangka_waktu == "3 tahun" and dik.aktif and dik.versi == 2
    assert [e.step for e in Event.objects.for_object(dik)] == ["dik_tetapkan", "dik_ubah"]
