import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def test_login_page_is_indonesian(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Nama pengguna" in response.content.decode()
    assert "Kata sandi" in response.content.decode()


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_wrong_password_gives_an_indonesian_error(client, petugas):
    response = client.post(reverse("login"), {"username": "petugas", "password": "salah"})
    assert "Nama pengguna atau kata sandi salah." in response.content.decode()


def test_login_then_home_shows_role_and_logout(client, petugas):
    response = client.post(
        reverse("login"), {"username": "petugas", "password": "rahasia-123"}, follow=True
    )
    page = response.content.decode()
    assert "Petugas pelayanan" in page
    assert "Keluar" in page
    assert 'href="/admin/"' not in page


def test_the_admin_role_reaches_master_data(client, admin_user, petugas):
    client.force_login(petugas)
    assert client.get("/admin/").status_code == 302  # not for the desk roles
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/ppid_manual/harilibur/").status_code == 200
    assert client.get("/admin/ppid_manual/harilibur/add/").status_code == 200


def test_admin_cannot_set_a_counter_back(client, admin_user):
    from django.db import transaction

    from ppid_manual.models import FormatNomor, PenghitungNomor
    from ppid_manual.workflow.numbering import next_number

    with transaction.atomic():
        for _ in range(3):
            next_number(FormatNomor.Jenis.PERMOHONAN, day=__import__("datetime").date(2026, 1, 5))
    counter = PenghitungNomor.objects.get()
    client.force_login(admin_user)
    url = f"/admin/ppid_manual/penghitungnomor/{counter.pk}/change/"
    response = client.post(
        url, {"format": counter.format_id, "unit_kode": "", "tahun": 2026, "berikutnya": 2}
    )
    assert "sudah terbit" in response.content.decode()
    counter.refresh_from_db()
    assert counter.berikutnya == 4


def test_healthz_checks_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_calendar_pages(client, petugas, holidays_2026):
    client.force_login(petugas)
    page = client.get(reverse("kalender"), {"mulai": "2026-03-16", "hari": "10"}).content.decode()
    assert "Selasa, 7 April 2026" in page
    assert "Hari Suci Nyepi" in page
    bad = client.get(reverse("kalender"), {"mulai": "2026-02-30", "hari": "10"}).content.decode()
    assert "Tanggal tidak valid." in bad
    listing = client.get(reverse("hari_libur"), {"tahun": "2026"}).content.decode()
    assert "Cuti Bersama Hari Raya Idul Fitri" in listing


def _settings_check(**env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")
    }
    base.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "ppid_manual.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "env, message",
    [
        ({"DEBUG": "mungkin", "SECRET_KEY": "x" * 40}, "DEBUG"),
        ({"DEBUG": "0"}, "SECRET_KEY"),
        ({"SECRET_KEY": "pendek"}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 40, "DATABASE_URL": "mysql://u@h/db"}, "DATABASE_URL"),
        ({"SECRET_KEY": "x" * 40, "DATABASE_URL": "bukan-url"}, "DATABASE_URL"),
        ({"SECRET_KEY": "x" * 40, "ALLOWED_HOSTS": "a,,b"}, "ALLOWED_HOSTS"),
    ],
)
def test_settings_fail_loudly_on_bad_values(env, message):
    result = _settings_check(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_settings_accept_good_values():
    result = _settings_check(SECRET_KEY="x" * 40, ALLOWED_HOSTS="ppid.baliprov.go.id")
    assert result.returncode == 0, result.stderr
