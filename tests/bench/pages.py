"""Server time and SQL queries of the desk's pages, as the PPID, in-process.

`python -m tests.bench.pages` against the database DATABASE_URL names: each page is requested
through Django's test Client (the whole middleware stack, the cached template loader, DEBUG
off) after a warm-up, RUNS times; the median is reported. The queries are counted on one more
request with CaptureQueriesContext (not timed: capturing slows the cursor down). The median
CPU time of this process (Django's own work, without the database's) is reported beside it.
"""

from __future__ import annotations

import sys
import time
from urllib.parse import urlencode

from tests.bench.common import PPID_USERNAME, emit, median_ms, setup_django

WARMUP = 3
RUNS = 21


def targets() -> list[tuple[str, str]]:
    """The same kind of target in every database: chosen by rule, not by id."""
    import datetime

    from django.db.models import Count, Min
    from django.urls import reverse
    from django.utils import timezone

    from registrasi.models import Permohonan
    from registrasi.views import PER_HALAMAN_REGISTER

    S = Permohonan.Status
    today = timezone.localdate()
    daftar = reverse("registrasi:daftar")
    registered = Permohonan.objects.registered().order_by("pk")
    # A number from the middle of the register, typed in full as a desk officer would.
    middle = registered[registered.count() // 2]
    # A typical given name, typed as one word: the median of the generator's given names by
    # the requests whose name carries it, in this database. A fixed name is a random draw at
    # 1k: "Suartini", the generator's first, matches 5 requests there (the fewest of all) and
    # 1,360 at 100k (a typical count), so the ratio measured 272 times the matches, not the
    # 100 times the data.
    name = typical_given_name(registered)
    # The detail page of a request with a full history: letters, extension, handover, events.
    rich = (
        registered.filter(
            status=S.SELESAI,
            tanggal_daftar__year__gte=today.year - 1,
            penyerahan__isnull=False,
            surat_permintaan__isnull=False,
        )
        .annotate(n=Count("surat_permintaan", distinct=True))
        .order_by("-diperpanjang", "-n", "pk")
        .first()
    )
    # A full page of the register (its 50 rows): the last whole month, and the months before
    # it while they hold fewer (the 1k data registers about 20 a month; a page of 20 rows
    # against one of 50 would measure the rows, not the size of the data).
    sampai = today.replace(day=1) - datetime.timedelta(days=1)
    dari = sampai.replace(day=1)
    earliest = registered.aggregate(m=Min("tanggal_daftar"))["m"]
    while (
        registered.filter(tanggal_daftar__range=(dari, sampai)).count() < PER_HALAMAN_REGISTER
        and dari > earliest
    ):
        dari = (dari - datetime.timedelta(days=1)).replace(day=1)
    bulan = {"dari": dari.isoformat(), "sampai": sampai.isoformat()}
    return [
        ("Work list (Perlu tindakan saya)", daftar),
        (
            "Search by number",
            f"{daftar}?{urlencode({'tab': 'semua', 'q': middle.nomor_pendaftaran})}",
        ),
        ("Search by name", f"{daftar}?{urlencode({'tab': 'semua', 'q': name})}"),
        ("Detail page", reverse("registrasi:detail", args=[rich.pk])),
        ("Dashboard (home)", reverse("home")),
        (
            "Register page (a full page of 50 rows)",
            f"{reverse('registrasi:register')}?{urlencode(bulan)}",
        ),
    ]


def typical_given_name(registered) -> str:
    from tests.bench.generate import GIVEN

    matches = sorted(
        (registered.filter(identitas_pemohon__nama__icontains=n).count(), n) for n in GIVEN
    )
    return matches[len(matches) // 2][1]


def measure(client, url: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    seconds, cpu = [], []
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return {
        "url": url,
        "median_ms": median_ms(seconds),
        "min_ms": round(min(seconds) * 1000, 1),
        "cpu_ms": median_ms(cpu),
        "queries": len(ctx.captured_queries),
        "runs": RUNS,
        "bytes": len(response.content),
        "samples_ms": [round(x * 1000, 2) for x in seconds],
        "cpu_samples_ms": [round(x * 1000, 2) for x in cpu],
    }


def main() -> None:
    setup_django()
    from django.test import Client

    from ppid_manual.models import User

    client = Client()
    client.force_login(User.objects.get(username=PPID_USERNAME))
    only = sys.argv[1:]
    result = {}
    for label, url in targets():
        if only and not any(o.lower() in label.lower() for o in only):
            continue
        result[label] = measure(client, url)
        print(f"{label}: {result[label]}", file=sys.stderr, flush=True)
    emit(result)


if __name__ == "__main__":
    main()
