"""Time and memory of the printed documents, as the PPID, in-process.

`python -m tests.bench.documents NAME` against the database DATABASE_URL names starts as a
worker does (imports ppid_manual.wsgi, which warms WeasyPrint and the fonts: timed as the
worker's start), then renders one document through its view (Django's test Client): the first
render of the fresh worker ("cold"), then RUNS timed ones
(median), then one more under tracemalloc (the peak of Python allocations). A year's
register (`register_pdf_year`) is printed once, in the background as the app does it, and
timed from the POST to its first progress page and to the finished PDF. The process's peak
RSS (getrusage maxrss) before the first render and after the last gives the memory the
document costs the worker, including WeasyPrint's or openpyxl's own C allocations. One
process per document, so the peaks do not mix.
"""

from __future__ import annotations

import datetime
import resource
import sys
import time
import tracemalloc
from urllib.parse import urlencode

from tests.bench.common import PPID_USERNAME, emit, median_ms, setup_django

RUNS = 5


def _month_near(rows: int) -> tuple[datetime.date, datetime.date, int]:
    """The complete month whose register holds the number of rows nearest `rows`."""
    from django.db.models import Count
    from django.db.models.functions import TruncMonth
    from django.utils import timezone

    from registrasi.models import Permohonan

    this_month = timezone.localdate().replace(day=1)
    months = (
        Permohonan.objects.registered()
        .filter(tanggal_daftar__lt=this_month)
        .annotate(bulan=TruncMonth("tanggal_daftar"))
        .values_list("bulan")
        .annotate(n=Count("pk"))
        .order_by()
    )
    first, n = min(months, key=lambda m: (abs(m[1] - rows), m[0]))
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return first, last, n


def _year_near(rows: int) -> tuple[int, int]:
    from django.db.models import Count
    from django.utils import timezone

    from registrasi.models import Permohonan

    years = (
        Permohonan.objects.registered()
        .filter(tanggal_daftar__year__lt=timezone.localdate().year)
        .values_list("tanggal_daftar__year")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return min(years, key=lambda y: (abs(y[1] - rows), y[0]))


def _case():
    """A recent request with every letter: registered, extended, decided, handed over; none
    of its letters stored yet (an earlier run's first print stored them: its "cold" print
    would have read them back)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from ppid_manual.models import DokumenTerbit
    from registrasi.models import Permohonan

    stored = DokumenTerbit.objects.filter(
        content_type=ContentType.objects.get_for_model(Permohonan)
    ).values("object_id")
    return (
        Permohonan.objects.filter(
            status=Permohonan.Status.SELESAI,
            tanggal_daftar__year__gte=timezone.localdate().year - 1,
            penyerahan__isnull=False,
            nomor_pemberitahuan__isnull=False,
        )
        .exclude(pk__in=stored)
        .order_by("-diperpanjang", "pk")
        .first()
    )


#: The letters the app stores when they are first printed: measured in a transaction that is
#: rolled back, so that every run's first print renders (and the case stays unprinted).
DISIMPAN = ("receipt", "tanda_terima", "notice")


def target(name: str) -> tuple[str, str]:
    """(url, what it covers) for document `name`."""
    from django.urls import reverse

    p = _case()
    register = reverse("registrasi:register")
    if name == "receipt":
        return reverse("registrasi:cetak", args=[p.pk, "formulir"]), p.nomor_pendaftaran
    if name == "tanda_terima":
        t = p.penyerahan.order_by("pk").first()
        return reverse("registrasi:cetak_tanda_terima", args=[p.pk, t.pk]), t.nomor
    if name == "notice":
        return reverse("registrasi:cetak", args=[p.pk, "pemberitahuan"]), p.nomor_pemberitahuan
    if name in ("register_pdf", "register_pdf_long"):
        first, last, n = _month_near(300)
        query = urlencode({"dari": first, "sampai": last, "format": "pdf"})
        covers = f"{first:%m/%Y}, {n} rows"
        if name == "register_pdf_long":
            covers += ", one cell of 10,000 characters without a space"
        return f"{register}?{query}", covers
    if name == "register_pdf_year":
        year, n = _year_near(10_000)
        return reverse("cetak_register_mulai"), f"{year}, {n} rows"
    if name == "register_xlsx":
        year, n = _year_near(10_000)
        query = urlencode({"dari": f"{year}-01-01", "sampai": f"{year}-12-31", "format": "xlsx"})
        return f"{register}?{query}", f"{year}, {n} rows"
    if name == "laporan_pdf":
        from registrasi.models import Permohonan

        year = datetime.date.today().year - 1
        n = Permohonan.objects.registered().filter(tanggal_daftar__year=year).count()
        query = urlencode({"tahun": year, "periode": "tahunan", "format": "pdf"})
        return f"{reverse('laporan')}?{query}", f"Tahunan {year}, {n} requests"
    raise SystemExit(f"unknown document {name}")


def _long_cell() -> None:
    """One request of the month gets a 10,000-character rincian without a space (inside the
    caller's transaction, rolled back afterwards: the bench database stays as generated)."""
    from registrasi.models import Permohonan

    first, last, _ = _month_near(300)
    p = Permohonan.objects.register(first, last).first()
    Permohonan.objects.filter(pk=p.pk).update(rincian_informasi="x" * 10_000)


def year_in_background(client, covers: str) -> None:
    """A year's register: the POST that starts it, the progress page polled every 0.2 s as
    the browser would (it reloads every 2 s), the download. Each response's time is recorded:
    none may come near the worker timeout (30 s); the PDF's build runs in a thread of this
    process, as in a gunicorn worker."""
    from django.urls import reverse

    year, _ = _year_near(10_000)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response = client.post(
        reverse("cetak_register_mulai"),
        {"jenis": "permohonan", "dari": f"{year}-01-01", "sampai": f"{year}-12-31"},
    )
    assert response.status_code == 302, response.status_code
    url = response["Location"]
    requests = [time.perf_counter() - started]
    first_page = None
    progress = []
    while True:
        t0 = time.perf_counter()
        page = client.get(url)
        requests.append(time.perf_counter() - t0)
        assert page.status_code == 200
        if first_page is None:
            first_page = time.perf_counter() - started
        status = client.get(url, {"format": "json"}).json()
        progress.append(status["kemajuan"])
        if status["status"] in ("selesai", "gagal"):
            break
        time.sleep(0.2)
    assert status["status"] == "selesai", status
    done = time.perf_counter() - started
    t0 = time.perf_counter()
    pdf = client.get(url, {"unduh": 1})
    requests.append(time.perf_counter() - t0)
    assert pdf.content.startswith(b"%PDF")
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    emit(
        {
            "url": url,
            "covers": covers,
            "content_type": pdf["Content-Type"],
            "bytes": len(pdf.content),
            "first_progress_ms": round(first_page * 1000),
            "done_ms": round(done * 1000),
            "longest_request_ms": round(max(requests) * 1000),
            "polls": len(progress),
            "progress_seen": sorted(set(progress)),
            "cold_ms": round(done * 1000),
            "median_ms": round(done * 1000),
            "cpu_ms": round(time.process_time() * 1000),
            "runs": 1,
            "tracemalloc_peak_mb": "—",
            "maxrss_delta_mb": round((rss_after - rss_before) / 1024, 1),
            "maxrss_mb": round(rss_after / 1024, 1),
        }
    )


WORKER_START_S = 0.0


def main() -> None:
    global WORKER_START_S
    setup_django()
    started = time.perf_counter()
    import ppid_manual.wsgi  # noqa: F401  (what a gunicorn worker does when it starts)

    WORKER_START_S = time.perf_counter() - started
    from django.db import transaction
    from django.test import Client

    from ppid_manual.models import User

    name = sys.argv[1]
    client = Client()
    client.force_login(User.objects.get(username=PPID_USERNAME))
    url, covers = target(name)
    if name == "register_pdf_year":
        year_in_background(client, covers)
        return
    rolled_back = name == "register_pdf_long" or name in DISIMPAN
    if rolled_back:
        atomic = transaction.atomic()
        atomic.__enter__()
    if name == "register_pdf_long":
        _long_cell()
    try:
        _measure(client, url, covers)
    finally:
        if rolled_back:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _measure(client, url: str, covers: str) -> None:
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    cold = client.get(url)
    cold_s = time.perf_counter() - started
    assert cold.status_code == 200, (url, cold.status_code, cold.content[:300])
    seconds, cpu = [], []
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert response.status_code == 200
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    client.get(url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    emit(
        {
            "url": url,
            "covers": covers,
            "content_type": response["Content-Type"],
            "bytes": len(response.content),
            "cold_ms": round(cold_s * 1000),
            "worker_start_ms": round(WORKER_START_S * 1000),
            "median_ms": median_ms(seconds),
            "cpu_ms": median_ms(cpu),
            "runs": RUNS,
            "tracemalloc_peak_mb": round(peak / 2**20, 1),
            "maxrss_delta_mb": round((rss_after - rss_before) / 1024, 1),
            "maxrss_mb": round(rss_after / 1024, 1),
        }
    )


if __name__ == "__main__":
    main()
