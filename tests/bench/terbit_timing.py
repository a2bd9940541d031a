"""Issue 15: what storing the issued formulir costs a registration (median of 15 POSTs of the
intake form, with and without the stored PDF). Not collected by the suite (tests/bench); run:

    SECRET_KEY=... PPID_HTTPS=0 .venv/bin/pytest tests/bench/terbit_timing.py -s -p no:randomly
"""

import statistics
import time

from django.urls import reverse

from ppid_manual.workflow import terbit
from tests.registrasi.conftest import form_data


def _run(client, n, offset):
    times = []
    for i in range(n):
        nik = f"517101410790{offset + i + 1:04d}"
        data = form_data(nik=nik, nama=f"Pemohon {offset + i}")
        t = time.perf_counter()
        r = client.post(reverse("registrasi:baru"), data)
        times.append(time.perf_counter() - t)
        assert r.status_code == 302
    return statistics.median(times) * 1000


def test_bench(client, golden_day, petugas, pejabat, monkeypatch, capsys):
    client.force_login(petugas)
    _run(client, 3, 9000)  # warm up
    with_store = _run(client, 15, 0)
    monkeypatch.setattr(terbit, "prepare", lambda *a, **k: [])
    without = _run(client, 15, 100)
    with capsys.disabled():
        print(
            f"\nregistration median: without storing {without:.0f} ms, "
            f"with storing {with_store:.0f} ms"
        )
