"""Tariffs are admin data, kept with their legal source."""

from __future__ import annotations

from registrasi.models import Tarif


def test_the_admin_adds_a_tariff_with_its_sk(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/registrasi/tarif/").status_code == 200
    response = client.post(
        "/admin/registrasi/tarif/add/",
        {
            "nama": "Fotokopi F4",
            "jenis": "penyalinan",
            "harga": "600",
            "satuan": "lembar",
            "dasar_hukum": "Pergub Bali 37/2021",
            "berlaku_dari": "2026-01-01",
            "aktif": "on",
        },
    )
    assert response.status_code == 302
    tarif = Tarif.objects.get()
    assert (tarif.harga, tarif.dasar_hukum) == (600, "Pergub Bali 37/2021")


def test_desk_roles_do_not_edit_tariffs(client, petugas, ppid):
    for user in (petugas, ppid):
        client.force_login(user)
        assert client.get("/admin/registrasi/tarif/").status_code == 302


def test_a_tariff_in_use_is_not_deleted_but_ended(client, admin_user, tarif):
    client.force_login(admin_user)
    assert client.get(f"/admin/registrasi/tarif/{tarif.pk}/delete/").status_code == 403
