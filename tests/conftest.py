"""Shared fixtures: role personas, OPDs, officials and the real holiday table."""

from __future__ import annotations

import datetime
import hashlib
import os
import shutil
import tempfile
import threading
from importlib import import_module
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from ppid_manual.models import Pejabat, Unit, User
from ppid_manual.roles import Role

#: The longest modules, longest first (one worker's seconds on PostgreSQL, December 2026).
LAMA_DULU = (
    "tests/e2e/test_aksesibilitas_jelajah.py",  # every page of five roles in every state
    "tests/test_berkas_perkara.py",  # 3 x 30 s (a sengketa's letters rendered, then merged)
    "tests/e2e/test_dip_journey.py",  # 45 s
    "tests/e2e/test_keberatan_journey.py",  # 36 s
    "tests/e2e/test_meja_journey.py",  # 26 s (three journeys)
    "tests/test_specimen_book.py",  # 21 s (the specimen book's documents)
    "tests/test_dua_server.py",  # 18 s
    "tests/e2e/test_paper_fallback_journey.py",  # 15 s
    "tests/e2e/test_akses_journey.py",  # 15 s
    "tests/e2e/test_pelayanan_journey.py",  # 14 s
    "tests/e2e/test_permohonan_journey.py",  # 14 s
    "tests/e2e/test_terbit_journey.py",  # 14 s
)


def _transaksional(item) -> bool:
    """A test on a database that it flushes when it ends (pytest-django's own reading)."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool({"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ())))


#: The fixtures through which a test reaches the database (pytest-django refuses it to any
#: other test).
FIXTURES_DB = {"db", "transactional_db", "live_server", "django_db_serialized_rollback"}


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="Only the tests that use the database, each part of the run in reverse order "
        "(the second database leg of .ci/run, beside the first: a test that cannot reach the "
        "database runs the same on every database).",
    )


def _uses_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        FIXTURES_DB & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    """The longest modules first within pytest-django's order (tests on a rolled-back
    transaction, then those that flush the database: a flushed one has lost what the
    migrations seeded). pytest-xdist hands the tests out in this order; with the longest
    journey last, one worker ran it for a minute while the other had finished."""
    if config.getoption("--database-tests-only"):
        tanpa_db = [item for item in items if not _uses_database(item)]
        items[:] = [item for item in items if _uses_database(item)]
        config.hook.pytest_deselected(items=tanpa_db)
    rank = {path: i for i, path in enumerate(LAMA_DULU)}
    items.sort(
        key=lambda item: (
            _transaksional(item),
            rank.get(item.nodeid.split("::")[0], len(LAMA_DULU)),
        )
    )
    if config.getoption("--database-tests-only"):
        # The second leg of .ci/run runs beside the first and walks each part from its other
        # end: at any moment the two legs print different documents, and each reads what the
        # other printed (rendered_once) instead of both laying out the same one at once.
        split = next((i for i, item in enumerate(items) if _transaksional(item)), len(items))
        items[:] = items[:split][::-1] + items[split:][::-1]


#: The folder where this run keeps each PDF it rendered, by the SHA-256 of its HTML (see
#: `rendered_once`). .ci/run gives both legs one folder; otherwise the run makes its own.
RENDER_CACHE = "PPID_TEST_RENDER_CACHE"


def pytest_configure(config):
    # The controller (not an xdist worker) makes the folder before the workers start: they
    # inherit the variable, so every worker of the run shares it.
    if not hasattr(config, "workerinput") and not os.environ.get(RENDER_CACHE):
        folder = tempfile.mkdtemp(prefix="ppid-cetakan-")
        os.environ[RENDER_CACHE] = folder
        config._ppid_render_cache = folder


def pytest_unconfigure(config):
    folder = getattr(config, "_ppid_render_cache", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def rendered_once():
    """Each distinct document is laid out by WeasyPrint once per run. The suite asks for the
    same HTML again and again (every role of the access matrix prints the same letter, a ralat
    test reprints what the stored-letter test printed, the SQLite leg prints what the
    PostgreSQL leg printed): about half the rendering time of a leg, and nearly all of the
    second leg's. WeasyPrint is deterministic: the same HTML (with its <style> blocks; the
    fonts and images it links are the checkout's files) gives the same bytes, so the second
    request gets the first one's PDF, read from the run's folder. The key includes
    WeasyPrint's version. A test about the renderer itself (fonts, threads) takes the marker
    `render_sungguhan` and always renders."""
    import weasyprint

    from ppid_manual.workflow import pdf

    folder = Path(os.environ[RENDER_CACHE])
    folder.mkdir(parents=True, exist_ok=True)

    def once(render, jenis: str):
        """`render`, whose arguments are HTML texts (or lists of them), called once per
        distinct arguments in the run."""

        def render_once(*args) -> bytes:
            if RENDER_SUNGGUHAN:
                return render(*args)
            parts = [weasyprint.__version__, jenis]
            for arg in args:
                parts.extend(arg if isinstance(arg, list) else [repr(arg)])
            key = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
            path = folder / f"{key}.pdf"
            try:
                return path.read_bytes()
            except FileNotFoundError:
                pass
            body = render(*args)
            partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            partial.write_bytes(body)
            partial.replace(path)  # whole or absent, for the other workers
            return body

        return render_once

    # The two ways a document reaches WeasyPrint: HTML documents laid out one by one, and a
    # form's copies written from the first copy's layout (pdf.render_pdf_salinan).
    real = {name: getattr(pdf, name) for name in ("render_pdf_gabung", "render_pdf_salinan")}
    for name, render in real.items():
        setattr(pdf, name, once(render, name))
    yield
    for name, render in real.items():
        setattr(pdf, name, render)


RENDER_SUNGGUHAN: list[bool] = []


@pytest.fixture(autouse=True)
def render_sungguhan(request):
    """Marker `render_sungguhan`: this test renders every document itself (see
    rendered_once)."""
    if request.node.get_closest_marker("render_sungguhan"):
        RENDER_SUNGGUHAN.append(True)
        yield
        RENDER_SUNGGUHAN.clear()
    else:
        yield


@pytest.fixture(autouse=True, scope="session")
def fast_passwords():
    """Every persona's password is hashed when the fixture makes it; the production hasher
    (PBKDF2, about 0.3 s a user) only slows the tests. Set once, before anything is hashed."""
    from django.conf import settings
    from django.contrib.auth.hashers import get_hashers

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_hashers.cache_clear()


#: The tables with a trigger of their own that refuses DELETE (ppid_manual 0012: the event
#: table is append-only on PostgreSQL).
APPEND_ONLY_SQL = """
    SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger
    WHERE NOT tgisinternal AND tgtype & 8 = 8
"""


@pytest.fixture(autouse=True, scope="session")
def flush_by_delete():
    """After a transactional test (browser journeys, backup, concurrency) pytest-django empties
    the database with Django's flush, on PostgreSQL one TRUNCATE of the 45 tables: 1.2-1.7 s on
    this machine and in CI whatever the test wrote (measured with psql, synchronous_commit off
    or on; TRUNCATE gives every table and index a new file), 55 times a run. DELETE FROM each
    table empties the same tables in 14 ms: the foreign keys Django makes are deferred to the
    commit, by when every table is empty. The event table refuses DELETE (its append-only
    trigger), so it and the tables that refer to it are truncated (CASCADE), as before.
    Sequences are left as TRUNCATE left them (Django's flush restarts none). Only this flush:
    a test that calls the flush command itself (backup, restore) gets Django's own."""
    from django.db.backends.postgresql.operations import DatabaseOperations
    from django.test import TransactionTestCase

    truncate = DatabaseOperations.sql_flush
    teardown = TransactionTestCase._fixture_teardown

    def sql_flush(ops, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:  # never asked by this suite: Django's own
            return truncate(
                ops, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        with ops.connection.cursor() as cursor:
            cursor.execute(APPEND_ONLY_SQL)
            append_only = [name for (name,) in cursor.fetchall()]
        sql = [f"TRUNCATE {', '.join(append_only)} CASCADE;"] if append_only else []
        return sql + [f"DELETE FROM {ops.quote_name(table)};" for table in tables]

    def fixture_teardown(test_case):
        DatabaseOperations.sql_flush = sql_flush  # PostgreSQL's; SQLite's flush deletes already
        try:
            return teardown(test_case)
        finally:
            DatabaseOperations.sql_flush = truncate

    TransactionTestCase._fixture_teardown = fixture_teardown
    yield
    TransactionTestCase._fixture_teardown = teardown


@pytest.fixture(autouse=True)
def dokumen_di_langkah(request, monkeypatch):
    """A step that issues a numbered letter renders it and stores it in its transaction
    (issue 15; ppid_manual/workflow/terbit.py), about a third of a second a letter: in every
    test that sets up a case by its steps, that was most of the suite's time. The tests about
    the stored documents (marker `dokumen_di_langkah`) and the browser journeys keep it;
    elsewhere a step stores nothing and a letter is stored at its first print, the path of a
    letter issued before issue 15 (itself tested with the marker off: tests/test_faults.py,
    tests/registrasi/test_identitas_kasus.py)."""
    if request.node.get_closest_marker("dokumen_di_langkah") or request.node.get_closest_marker(
        "e2e"
    ):
        return
    from ppid_manual.workflow import terbit

    monkeypatch.setattr(terbit, "prepare", lambda case: [])


@pytest.fixture(autouse=True)
def plain_http(settings):
    """The tests speak plain HTTP to the test client whatever PPID_HTTPS says (with DEBUG off
    it defaults to HTTPS and would redirect every request)."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Scans and stored files go to a throwaway MEDIA_ROOT, never into the project's folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


#: The data steps of the migrations (idempotent), in order: role groups and number formats,
#: the kuitansi's, the ralat's, the penetapan DIK's and the Laporan's pengantar's number
#: formats, the keputusan's Mengingat (DasarHukum).
SEEDS = [
    ("0002_roles_and_number_formats", "forwards"),
    ("0007_i17_kop_penanda_tangan", "kuitansi_format"),
    ("0008_i15_dokumen_terbit", "ralat_format"),
    ("0014_formatnomor_penetapan_dik", "seed"),
    ("0015_formatnomor_pengantar_laporan", "forwards"),
    ("0017_dasar_hukum", "isi"),
]


@pytest.fixture(autouse=True)
def migration_seed(request):
    """A transactional test (browser journeys, backup, concurrency) runs on a database that the
    previous one emptied; Django's serialized rollback is meant to put back what the migrations
    seeded, but in a full run it restored nothing once the browser journeys had run (the
    connection no longer carried the snapshot: the role groups and number templates were gone
    for every later transactional test). So the content-type cache is emptied and the data
    steps of the migrations (idempotent) are applied here, after the database is ready,
    whatever the serialized rollback did. A migration that seeds data adds its step to SEEDS."""
    if not _transaksional(request.node):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    # The content types this process cached may name keys the table no longer has once
    # transactional tests have flushed and restored it (a flush inside a test re-creates them
    # under new keys). A CI run failed so: a browser journey after the two-server test wrote an
    # event with a cached key the table did not have (a foreign-key error, a 500). Reproduced
    # in one process with tests/registrasi/test_intake.py, tests/test_dua_server.py, then
    # tests/e2e/test_paper_fallback_journey.py; with the cache read afresh here, it passes.
    ContentType.objects.clear_cache()

    for migration, seed in SEEDS:
        getattr(import_module(f"ppid_manual.migrations.{migration}"), seed)(apps, None)


@pytest.fixture
def units(db):
    return {
        "utama": Unit.objects.create(
            kode="DISKOMINFOS",
            nama="Dinas Komunikasi, Informatika dan Statistik",
            singkatan="Diskominfos",
            jenis=Unit.Jenis.PPID_UTAMA,
        ),
        "dinkes": Unit.objects.create(
            kode="DISKES",
            nama="Dinas Kesehatan",
            singkatan="Diskes",
            jenis=Unit.Jenis.PPID_PELAKSANA,
        ),
        "dishub": Unit.objects.create(
            kode="DISHUB",
            nama="Dinas Perhubungan",
            singkatan="Dishub",
            jenis=Unit.Jenis.PPID_PELAKSANA,
        ),
        "setda": Unit.objects.create(
            kode="SETDA",
            nama="Sekretariat Daerah",
            singkatan="Setda",
            jenis=Unit.Jenis.PPID_PELAKSANA,
        ),
    }


def make_user(username: str, role: str, unit: Unit) -> User:
    user = User.objects.create_user(
        username=username, password="rahasia-123", unit=unit, first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def petugas(units):
    return make_user("petugas", Role.PETUGAS, units["utama"])


@pytest.fixture
def ppid(units):
    return make_user("ppid", Role.PPID, units["utama"])


@pytest.fixture
def pelaksana_dinkes(units):
    return make_user("pelaksana_dinkes", Role.PELAKSANA, units["dinkes"])


@pytest.fixture
def pelaksana_dishub(units):
    return make_user("pelaksana_dishub", Role.PELAKSANA, units["dishub"])


@pytest.fixture
def atasan(units):
    return make_user("atasan", Role.ATASAN, units["setda"])


@pytest.fixture
def admin_user(units):
    return make_user("admin", Role.ADMIN, units["utama"])


@pytest.fixture
def pejabat(units):
    start = datetime.date(2023, 1, 1)
    return {
        "ppid": Pejabat.objects.create(
            nama="Gede Pramana, S.E., M.T.",
            nip="19680531 199703 1 002",
            pangkat="Pembina Utama Muda (IV/c)",
            jabatan="Kepala Dinas Kominfos Provinsi Bali selaku PPID",
            unit=units["utama"],
            peran=Pejabat.Peran.PPID,
            berlaku_dari=start,
        ),
        "atasan": Pejabat.objects.create(
            nama="I Wayan Sekda, S.H.",
            nip="19700101 199503 1 001",
            jabatan="Sekretaris Daerah Provinsi Bali selaku Atasan PPID",
            unit=units["setda"],
            peran=Pejabat.Peran.ATASAN_PPID,
            berlaku_dari=start,
        ),
    }


@pytest.fixture
def holidays_2026(db):
    """The real Indonesian holidays and cuti bersama of 2025–2027 from the holidays package."""
    call_command("sync_holidays", "--year=2025", "--year=2026", "--year=2027", stdout=None)


@pytest.fixture
def desk(units, petugas, ppid, pelaksana_dinkes, pelaksana_dishub, atasan, admin_user, pejabat):
    """Everyone at the desk in one namespace: the four units, one persona per role (two PPID
    Pelaksana) and the officials who sign."""
    return SimpleNamespace(
        units=units,
        petugas=petugas,
        ppid=ppid,
        dinkes=pelaksana_dinkes,
        dishub=pelaksana_dishub,
        atasan=atasan,
        admin=admin_user,
        pejabat=pejabat,
    )
