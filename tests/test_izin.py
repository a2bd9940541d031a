"""One permission table (ppid_manual/izin.py) says which role may register, see a NIK, open a
register and print a letter; the views, the navigation, the templates and the step tables read
it. Each test changes the table (or reads it) and sees the place follow."""

from __future__ import annotations

import pytest
from django.urls import reverse

from keberatan.alur import ALUR as ALUR_KEBERATAN
from ppid_manual import izin
from ppid_manual.izin import IZIN, Aksi
from ppid_manual.navigation import items_for
from ppid_manual.roles import Role
from registrasi.alur import ALUR as ALUR_PERMOHONAN
from tests.helpers import D
from tests.keberatan.helpers import NIK, buat_permohonan, daftarkan, tolak_permohonan


@pytest.fixture
def kasus(desk, holidays_2026):
    """A request of Dinas Kesehatan refused, and the keberatan against it: the PPID Pelaksana
    of Dinas Kesehatan may open both."""
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))
    k = daftarkan(desk, D(2026, 4, 8), p)
    return p, k


def _halaman(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_one_nik_rule_on_the_request_and_on_its_keberatan(client, desk, kasus):
    """The same four roles see the NIK whole on the request's page and on the keberatan's page
    (they differed: 4 roles for a request, 3 for a keberatan); the Admin sees it masked."""
    p, k = kasus
    assert set(IZIN[Aksi.LIHAT_NIK]) == {Role.PETUGAS, Role.PPID, Role.PELAKSANA, Role.ATASAN}
    for user in (desk.petugas, desk.ppid, desk.dinkes, desk.atasan):
        assert NIK in _halaman(client, user, reverse("registrasi:detail", args=[p.pk]))
        assert NIK in _halaman(client, user, reverse("keberatan:detail", args=[k.pk]))
    assert NIK not in _halaman(client, desk.admin, reverse("keberatan:detail", args=[k.pk]))


def test_the_table_decides_who_sees_the_nik(client, desk, kasus, monkeypatch):
    p, k = kasus
    monkeypatch.setitem(IZIN, Aksi.LIHAT_NIK, (Role.PPID,))
    assert NIK in _halaman(client, desk.ppid, reverse("keberatan:detail", args=[k.pk]))
    assert NIK in _halaman(client, desk.ppid, reverse("registrasi:detail", args=[p.pk]))
    for url in (
        reverse("keberatan:detail", args=[k.pk]),
        reverse("registrasi:detail", args=[p.pk]),
    ):
        page = _halaman(client, desk.dinkes, url)
        assert NIK not in page
        assert p.pemohon_kasus.nik_tersamar in page
    # The scan is served by the same rule.
    client.force_login(desk.petugas)
    assert client.get(reverse("keberatan:berkas", args=[k.pk, "identitas"])).status_code == 403


@pytest.mark.parametrize(
    ("aksi", "url_name"),
    [
        (Aksi.DAFTAR_PERMOHONAN, "registrasi:baru"),
        (Aksi.DAFTAR_KEBERATAN, "keberatan:baru"),
        (Aksi.REGISTER_PERMOHONAN, "registrasi:register"),
        (Aksi.REGISTER_KEBERATAN, "keberatan:register"),
    ],
)
def test_the_table_decides_the_page_and_the_menu(client, desk, monkeypatch, aksi, url_name):
    url = reverse(url_name)
    monkeypatch.setitem(IZIN, aksi, (Role.ADMIN,))
    client.force_login(desk.admin)
    assert client.get(url).status_code == 200
    assert url in {item["url"] for item in items_for(desk.admin)}
    client.force_login(desk.petugas)
    assert client.get(url).status_code == 403
    assert url not in {item["url"] for item in items_for(desk.petugas)}


def test_the_register_buttons_follow_the_table(client, desk, monkeypatch):
    """The "Daftarkan" buttons of the lists are the template tag `user|boleh:"..."`."""
    tombol = reverse("keberatan:baru")
    assert tombol in _halaman(client, desk.petugas, reverse("keberatan:daftar"))
    monkeypatch.setitem(IZIN, Aksi.DAFTAR_KEBERATAN, (Role.PPID,))
    assert f'href="{tombol}"' not in _halaman(client, desk.petugas, reverse("keberatan:daftar"))
    assert f'href="{tombol}"' in _halaman(client, desk.ppid, reverse("keberatan:daftar"))
    tombol = reverse("registrasi:baru")
    monkeypatch.setitem(IZIN, Aksi.DAFTAR_PERMOHONAN, (Role.ATASAN,))
    assert f'href="{tombol}"' in _halaman(client, desk.atasan, reverse("registrasi:daftar"))


def test_the_registration_steps_are_the_tables():
    """The actions refuse a registration by the step table, whose roles are the table's."""
    daftar = {s.name: s for s in ALUR_PERMOHONAN.steps}
    assert daftar["daftar"].roles == frozenset(izin.peran(Aksi.DAFTAR_PERMOHONAN))
    assert daftar["kembalikan"].roles == frozenset(izin.peran(Aksi.DAFTAR_PERMOHONAN))
    keberatan = {s.name: s for s in ALUR_KEBERATAN.steps}
    assert keberatan["daftarkan"].roles == frozenset(izin.peran(Aksi.DAFTAR_KEBERATAN))


def test_printing_a_letter_follows_the_table(client, desk, kasus, monkeypatch):
    p, k = kasus
    url = reverse("keberatan:cetak_formulir", args=[k.pk])
    client.force_login(desk.petugas)
    assert client.get(url).status_code == 200
    monkeypatch.setitem(IZIN, Aksi.CETAK_SURAT, (Role.PPID,))
    assert client.get(url).status_code == 403
    client.force_login(desk.ppid)
    assert client.get(url).status_code == 200


def test_printing_a_register_in_the_background_follows_the_table(desk, monkeypatch):
    """The background print of a long register (layanan/cetak_latar.py) asks the same table
    as the register's page."""
    from layanan import cetak_latar
    from layanan.models import CetakanRegister

    jenis = CetakanRegister.Jenis.PERMOHONAN
    monkeypatch.setitem(IZIN, Aksi.REGISTER_PERMOHONAN, (Role.PPID,))
    assert cetak_latar.boleh(desk.ppid, jenis)
    assert not cetak_latar.boleh(desk.admin, jenis)
    monkeypatch.setitem(IZIN, Aksi.REGISTER_PERMOHONAN, (Role.ADMIN,))
    assert cetak_latar.boleh(desk.admin, jenis)
    assert not cetak_latar.boleh(desk.ppid, jenis)
