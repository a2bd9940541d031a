"""Time and memory of the printed documents, as the PPID, in-process.

`python -m tests.bench.documents NAME` against the database DATABASE_URL names renders one
document through its view (Django's test Client): one cold render, then RUNS timed ones
(median), then one more under tracemalloc (the peak of Python allocations). The process's peak
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
    """A recent request with every letter: registered, extended, decided, handed over."""
    from django.utils import timezone

    from registrasi.models import Permohonan

    return (
        Permohonan.objects.filter(
            status=Permohonan.Status.SELESAI,
            tanggal_daftar__year__gte=timezone.localdate().year - 1,
            penyerahan__isnull=False,
            nomor_pemberitahuan__isnull=False,
        )
        .order_by("-diperpanjang", "pk")
        .first()
    )


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
    if name == "register_pdf":
        first, last, n = _month_near(300)
        query = urlencode({"dari": first, "sampai": last, "format": "pdf"})
        return f"{register}?{query}", f"{first:%m/%Y}, {n} rows"
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


def main() -> None:
    setup_django()
    from django.test import Client

    from ppid_manual.models import User

    name = sys.argv[1]
    client = Client()
    client.force_login(User.objects.get(username=PPID_USERNAME))
    url, covers = target(name)
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
