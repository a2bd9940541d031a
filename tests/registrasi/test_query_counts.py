"""The desk's pages ask the database the same number of questions whatever the amount of
data (tests/bench measures the same at 1,000 and 100,000 requests), and a PDF worker reuses its
decoded fonts."""

from __future__ import annotations

import threading

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppid_manual.workflow import pdf
from tests.registrasi.conftest import NIK, register

PAGES = [
    ("registrasi:daftar", {}),
    ("registrasi:daftar", {"tab": "semua", "q": "Lestari"}),
    ("registrasi:daftar", {"tab": "semua", "q": NIK}),
    ("registrasi:register", {"dari": "2026-03-01", "sampai": "2026-03-31"}),
    ("home", {}),
]


def query_counts(client) -> list[int]:
    counts = []
    for name, params in PAGES:
        client.get(reverse(name), params)  # warm the per-process caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse(name), params).status_code == 200
        counts.append(len(ctx.captured_queries))
    return counts


def test_it_asks_the_same_number_of_queries_for_one_request_or_sixty(
    client, golden_day, petugas, ppid
):
    register(petugas)
    client.force_login(ppid)
    few = query_counts(client)
    for i in range(59):
        register(petugas, pemohon={"nama": f"Pemohon {i} Lestari", "nik": ""}, kunci=None)
    assert query_counts(client) == few


def test_it_reuses_one_font_configuration_per_thread():
    first = pdf._font_config()
    assert pdf._font_config() is first
    other = []
    thread = threading.Thread(target=lambda: other.append(pdf._font_config()))
    thread.start()
    thread.join()
    assert other[0] is not first
