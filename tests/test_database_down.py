"""Issue 16: while the database is away, every request gets the 503 page that sends the desk to
the paper forms, logged in or not; the paper forms open without the database; `/healthz` fails
when the database is not migrated."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import OperationalError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings
from django.urls import reverse

PAGES = ("/", "/permohonan/", "/permohonan/baru/", "/permohonan/register/", "/keberatan/")


PAPER_FORMS = (
    ("formulir-permohonan.html", "FORMULIR PERMOHONAN INFORMASI PUBLIK"),
    ("formulir-keberatan.html", "FORMULIR KEBERATAN INFORMASI PUBLIK"),
    ("tanda-bukti.html", "TANDA BUKTI PENERIMAAN"),
    ("register-kertas.html", "LEMBAR REGISTER KERTAS PERMOHONAN DAN KEBERATAN"),
)


def paper_links() -> list[str]:
    return [f"{settings.STATIC_URL}formulir/{name}" for name, _ in PAPER_FORMS]


def assert_503(response):
    html = response.content.decode()
    assert response.status_code == 503, html[:300]
    assert "Basis data sedang tidak dapat dihubungi" in html
    assert "Traceback" not in html and "Terjadi kesalahan pada sistem" not in html
    for link in paper_links():
        assert f'href="{link}"' in html
    assert "no-store" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.fixture
def database_away(db):
    """From now on every attempt to reach the database fails as a stopped server does (every
    query opens or checks the connection through ensure_connection first). Undone before the
    test database is rolled back."""

    def refuse(*args, **kwargs):
        raise OperationalError(
            'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
        )

    with pytest.MonkeyPatch.context() as mp:
        yield lambda: mp.setattr(connection, "ensure_connection", refuse)


@override_settings(DEBUG=False)
def test_a_logged_in_request_with_the_database_unreachable_gets_the_503_page(
    client, petugas, database_away
):
    client.force_login(petugas)
    assert client.get("/").status_code == 200
    database_away()
    for url in PAGES:
        assert_503(client.get(url))
    # The registration POST too: nothing half-done, the same page.
    assert_503(client.post(reverse("registrasi:baru"), {"nama": "x"}))


@override_settings(DEBUG=False)
def test_an_anonymous_request_with_the_database_unreachable_gets_the_503_page(
    client, db, database_away
):
    database_away()
    assert_503(client.get("/"))
    assert_503(client.get(reverse("login")))


@override_settings(DEBUG=False)
def test_the_database_going_away_inside_a_middleware_gives_the_503_page(
    client, petugas, monkeypatch
):
    """The connection opens, then the session read fails (the server stopped between the two):
    the error is raised in the session middleware, before any view; the 500 handler gives the
    503 page, not the generic 500 page."""
    client.force_login(petugas)

    def lost(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("django.contrib.sessions.backends.db.SessionStore.load", lost)
    client.raise_request_exception = False
    assert_503(client.get("/"))


@override_settings(DEBUG=False)
def test_other_errors_still_get_the_500_page(client, petugas, monkeypatch):
    client.force_login(petugas)

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("layanan.dashboard.panels_for", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Terjadi kesalahan pada sistem" in response.content.decode()


def test_the_paper_forms_are_static_files():
    """Blank forms the 503 page links to: plain files under static/, served by WhiteNoise
    before any middleware that needs the database, printable, in Indonesian."""
    for name, title in PAPER_FORMS:
        path = finders.find(f"formulir/{name}")
        assert path, name
        html = Path(path).read_text()
        assert title in html and 'lang="id"' in html
        assert "{%" not in html  # not a template: it opens without the application


@pytest.mark.django_db
def test_healthz_fails_when_a_migration_is_not_applied(client):
    assert client.get(reverse("healthz")).status_code == 200
    latest = (
        MigrationRecorder(connection).migration_qs.filter(app="ppid_manual").order_by("-name")[0]
    )
    latest.delete()  # as if the newest migration had not been applied
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "belum di-migrate"
    assert body["migrasi_tertunda"] == [f"ppid_manual.{latest.name}"]


@pytest.mark.django_db
def test_healthz_fails_when_the_database_is_unreachable(client, database_away):
    database_away()
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "tidak terhubung"}


@override_settings(DEBUG=False)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_postgresql_a_server_on_the_wrong_port_gives_the_503_page(client, petugas):
    """The real thing: the connection closed and the server looked for on a port where none
    listens; psycopg's own error travels through the session middleware."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite's test database lives in this process's memory")
    client.force_login(petugas)
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        assert_503(client.get("/"))
        assert_503(client.get(reverse("registrasi:daftar")))
        assert client.get(reverse("healthz")).status_code == 503
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port
    assert client.get("/").status_code == 200


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_the_blank_forms_open_with_the_database_stopped(client, database_away, petugas):
    """Issue 18: each blank form (and the index the menu links to) is served while every
    attempt to reach the database fails: WhiteNoise answers before anything needs it (here
    from the source folders, as after collectstatic in production)."""
    client.force_login(petugas)
    html = client.get("/").content.decode()
    index = f"{settings.STATIC_URL}formulir/index.html"
    assert f'href="{reverse("formulir_kertas")}"' in html  # the menu links to the paper forms
    assert client.get(reverse("formulir_kertas"))["Location"] == index
    database_away()
    for url, title in [(index, "FORMULIR KERTAS KOSONG")] + [
        (f"{settings.STATIC_URL}formulir/{name}", title) for name, title in PAPER_FORMS
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        assert title in text and "Basis data" not in text
        assert "Nomor lembar kertas" in text or url == index
