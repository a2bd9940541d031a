"""Logins on shared desk PCs, headers, error pages and production settings (issue 7)."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def test_repeated_failed_logins_lock_the_user_out(client, petugas, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "petugas", "password": "salah"})
    response = client.post(reverse("login"), {"username": "petugas", "password": "rahasia-123"})
    assert response.status_code == 429
    assert "Akun terkunci sementara" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_session_ends_after_the_idle_time(settings):
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True  # idle time, not time since login


def test_every_page_sends_csp_without_inline_script_and_no_store(client, petugas):
    client.force_login(petugas)
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self';" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "no-store" in response["Cache-Control"]
    assert "<script>" not in response.content.decode()


def test_every_page_has_a_logout_button(client, petugas):
    client.force_login(petugas)
    for name in ("home", "kalender", "hari_libur"):
        assert 'action="/keluar/"' in client.get(reverse(name)).content.decode()


@override_settings(DEBUG=False)
def test_error_pages_are_indonesian(client, petugas):
    client.force_login(petugas)
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
    response = client.get("/admin/")
    assert response.status_code == 302  # desk roles are sent to the admin login, not shown data


def test_a_database_that_is_down_gives_an_indonesian_page(rf, db):
    from ppid_manual.middleware import DatabaseDownMiddleware

    middleware = DatabaseDownMiddleware(lambda request: None)
    response = middleware.process_exception(rf.get("/"), OperationalError("could not connect"))
    assert response.status_code == 503
    assert "Basis data sedang tidak dapat dihubungi" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_check_deploy_is_clean_in_production_settings(tmp_path):
    # The settings only: an empty database of its own (the master-data checks read the
    # database, and find nothing to name in an empty one: tests/test_master_data_produksi.py).
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "PPID_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    }
    env.update(
        SECRET_KEY="p" * 20 + "roduction-key-0123456789-abcdefghijklmn",
        DEBUG="0",
        SQLITE_PATH=str(tmp_path / "kosong.sqlite3"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
