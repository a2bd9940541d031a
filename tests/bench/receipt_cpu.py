"""Issue 27: the CPU one receipt costs (the formulir with tanda bukti and the rights page, three
pages, a warm worker thread), and where it goes (cProfile of one more).

The receipt as printed (PerLembar.render_pdf: the first copy laid out, the pemohon's copy and
the kept rights page written from it) and as every copy laid out on its own
(render_pdf_tiap_lembar, the print before issue 27's second pass), alternating, so that a
change in the machine's load weighs on both. Each print is of a new case at the same desk on
the same day (its own number and name), as at the counter. Not collected by the suite
(tests/bench); run:

    SECRET_KEY=... PPID_HTTPS=0 .venv/bin/pytest -n 0 tests/bench/receipt_cpu.py -s -p no:randomly
"""

import cProfile
import io
import pstats
import statistics
import time

import pytest

from registrasi.documents import FormulirPermohonan
from tests.helpers import D
from tests.keberatan.helpers import buat_permohonan

RUNS = 25


def cpu_ms(render) -> float:
    started = time.process_time()
    render()
    return (time.process_time() - started) * 1000


@pytest.mark.render_sungguhan
def test_receipt_cpu(desk, holidays_2026, capsys):
    docs = [
        FormulirPermohonan(
            buat_permohonan(desk, D(2026, 3, 16), nik=f"51710101010{i:05d}", nama=f"Pemohon {i}")
        )
        for i in range(RUNS + 3)
    ]
    for doc in docs[:3]:  # warm: fonts, templates, stylesheets, the day's rights page
        doc.render_pdf()
        doc.render_pdf_tiap_lembar()
    kini, dulu = [], []
    for doc in docs[3:]:
        kini.append(cpu_ms(doc.render_pdf))
        dulu.append(cpu_ms(doc.render_pdf_tiap_lembar))
    profile = cProfile.Profile()
    profile.enable()
    docs[-1].render_pdf()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(30)
    with capsys.disabled():
        for name, times in (("receipt", kini), ("every copy laid out", dulu)):
            print(
                f"\n{name} CPU ms: median {statistics.median(times):.0f}, "
                f"min {min(times):.0f}, max {max(times):.0f} ({RUNS} renders)"
            )
        print(out.getvalue())
