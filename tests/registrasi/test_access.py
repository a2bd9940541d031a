"""The access ladder per view: anonymous → login; wrong role → 403; another OPD → 404; the
right role → 200. Personal data (NIK, ID scan) only for the roles that need it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from registrasi import actions
from registrasi.models import Permohonan
from tests.registrasi.conftest import NIK, form_data, register

K = Permohonan.Keputusan
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def p(golden_day, petugas, ppid, units):
    p = register(petugas)
    actions.route_to_opd(p, by=ppid, unit=units["dinkes"])
    p.refresh_from_db()
    return p


def urls(p):
    return {
        "daftar": reverse("registrasi:daftar"),
        "detail": reverse("registrasi:detail", args=[p.pk]),
        "cetak": reverse("registrasi:cetak", args=[p.pk, "formulir"]),
        "register": reverse("registrasi:register"),
        "baru": reverse("registrasi:baru"),
        "minta_opd": reverse("registrasi:langkah", args=[p.pk, "alihkan_opd"]),
        "jawab_opd": reverse("registrasi:langkah", args=[p.pk, "jawab_opd"]),
    }


def test_anonymous_goes_to_the_login_page(client, p):
    for url in urls(p).values():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


@pytest.mark.parametrize(
    "user, name, status",
    [
        ("admin_user", "baru", 403),
        ("ppid", "baru", 403),
        ("atasan", "baru", 403),
        ("petugas", "minta_opd", 403),
        ("pelaksana_dinkes", "minta_opd", 403),
        ("petugas", "jawab_opd", 403),
        ("admin_user", "register", 200),  # the Admin reads both registers (issue 28)
        ("pelaksana_dishub", "detail", 404),
        ("pelaksana_dishub", "cetak", 404),
        ("pelaksana_dishub", "jawab_opd", 404),
        ("petugas", "detail", 200),
        ("petugas", "baru", 200),
        ("pelaksana_dinkes", "baru", 200),
        ("ppid", "minta_opd", 200),
        ("pelaksana_dinkes", "detail", 200),
        ("pelaksana_dinkes", "jawab_opd", 200),
        ("atasan", "detail", 200),
        ("admin_user", "detail", 200),
        ("admin_user", "daftar", 200),
        ("ppid", "register", 200),
    ],
)
def test_the_ladder(client, p, request, user, name, status):
    client.force_login(request.getfixturevalue(user))
    assert client.get(urls(p)[name]).status_code == status


def test_a_pelaksana_sees_only_its_own_opds_requests(
    client, golden_day, petugas, ppid, pelaksana_dinkes, pelaksana_dishub, units
):
    routed_to_dinkes = register(petugas)
    actions.route_to_opd(routed_to_dinkes, by=ppid, unit=units["dinkes"])
    at_dishub_desk = register(
        pelaksana_dishub, pemohon={"nama": "Pemohon Dishub", "nik": "5171014107900002"}
    )
    at_petugas_desk = register(
        petugas, pemohon={"nama": "Belum dirouting", "nik": "5171014107900003"}
    )
    assert set(Permohonan.objects.for_user(pelaksana_dinkes)) == {routed_to_dinkes}
    assert set(Permohonan.objects.for_user(pelaksana_dishub)) == {at_dishub_desk}
    assert set(Permohonan.objects.for_user(ppid)) == {
        routed_to_dinkes,
        at_dishub_desk,
        at_petugas_desk,
    }
    # The petugas of the PPID Utama desk sees all; the model predicate agrees with the queryset.
    assert Permohonan.objects.for_user(petugas).count() == 3
    for user in (petugas, ppid, pelaksana_dinkes, pelaksana_dishub):
        for p in Permohonan.objects.all():
            assert p.visible_to(user) == Permohonan.objects.for_user(user).filter(pk=p.pk).exists()
    client.force_login(pelaksana_dinkes)
    listing = client.get(reverse("registrasi:daftar"), {"tab": "semua"}).content.decode()
    assert routed_to_dinkes.nomor_pendaftaran in listing
    assert at_dishub_desk.nomor_pendaftaran not in listing


def test_a_petugas_at_an_opd_desk_sees_that_desks_requests(golden_day, petugas, units):
    from tests.conftest import make_user

    other_desk = make_user("petugas_dishub", "petugas", units["dishub"])
    mine = register(other_desk)
    register(petugas)
    assert list(Permohonan.objects.for_user(other_desk)) == [mine]


def test_the_nik_is_masked_for_roles_that_do_not_need_it(client, p, admin_user, ppid):
    client.force_login(admin_user)
    page = client.get(reverse("registrasi:detail", args=[p.pk])).content.decode()
    assert NIK not in page
    assert "5171********0001" in page
    client.force_login(ppid)
    assert NIK in client.get(reverse("registrasi:detail", args=[p.pk])).content.decode()


def test_the_id_scan_is_served_only_through_the_checked_view(
    client, golden_day, petugas, pelaksana_dishub, admin_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(petugas)
    client.post(
        reverse("registrasi:baru"),
        form_data(scan_identitas=SimpleUploadedFile("ktp.png", PNG, content_type="image/png")),
    )
    p = Permohonan.objects.get()
    url = reverse("registrasi:identitas", args=[p.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PNG
    assert url in client.get(reverse("registrasi:detail", args=[p.pk])).content.decode()
    client.force_login(pelaksana_dishub)
    assert client.get(url).status_code == 404
    client.force_login(admin_user)
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    # Not under static files: nothing in STATIC_ROOT or the static folders points at it.
    assert not str(p.scan_identitas.path).startswith(str(settings.STATIC_ROOT))


def test_a_request_without_a_scan_has_none_to_serve(client, p, petugas):
    client.force_login(petugas)
    assert client.get(reverse("registrasi:identitas", args=[p.pk])).status_code == 404


def test_the_menu_has_the_permohonan_entries_per_role(client, petugas, ppid, admin_user):
    client.force_login(petugas)
    page = client.get(reverse("home")).content.decode()
    for url in ("registrasi:daftar", "registrasi:baru", "registrasi:register"):
        assert reverse(url) in page
    client.force_login(ppid)
    page = client.get(reverse("home")).content.decode()
    assert reverse("registrasi:daftar") in page
    assert reverse("registrasi:baru") not in page
    # The Admin reads both registers, as the menu offers them (ppid_manual/izin.py).
    client.force_login(admin_user)
    page = client.get(reverse("home")).content.decode()
    assert reverse("registrasi:register") in page
    assert reverse("registrasi:baru") not in page
