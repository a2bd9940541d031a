"""Issue 27: the CPU one receipt costs (the formulir with tanda bukti and the rights page, three
pages, a warm worker thread): median of RUNS renders, and where it goes (cProfile of one more).
Not collected by the suite (tests/bench); run:

    SECRET_KEY=... PPID_HTTPS=0 .venv/bin/pytest -n 0 tests/bench/receipt_cpu.py -s -p no:randomly
"""

import cProfile
import io
import pstats
import statistics
import time

from registrasi.documents import FormulirPermohonan
from tests.helpers import D
from tests.keberatan.helpers import buat_permohonan

RUNS = 25


def cpu_ms(doc) -> tuple[float, bytes]:
    started = time.process_time()
    pdf = doc.render_pdf()
    return (time.process_time() - started) * 1000, pdf


def test_receipt_cpu(desk, holidays_2026, capsys):
    p = buat_permohonan(desk, D(2026, 3, 16))
    doc = FormulirPermohonan(p)
    for _ in range(3):  # warm: fonts, templates, stylesheets
        cpu_ms(doc)
    times = [cpu_ms(doc)[0] for _ in range(RUNS)]
    profile = cProfile.Profile()
    profile.enable()
    doc.render_pdf()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(45)
    with capsys.disabled():
        print(
            f"\nreceipt CPU ms: median {statistics.median(times):.0f}, min {min(times):.0f}, "
            f"max {max(times):.0f} ({RUNS} renders)"
        )
        print(out.getvalue())
