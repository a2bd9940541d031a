"""Sixteen desks registering at once: `python -m tests.bench.registration` against a copy of
the 1k database (DATABASE_URL names it; run.py makes and drops the copy).

gunicorn serves the app on a free port of 127.0.0.1. Each of CLIENTS threads is one desk
officer (meja01..meja16): it logs in as a browser would (GET the login page for the CSRF
cookie and token, POST the credentials; django-axes sees a normal login), fetches PER_CLIENT
intake forms (each carries its one-time key `kunci`), waits for the others, then POSTs its
complete requests (aksi=daftar) one after the other, every SCAN_EVERY-th with an ID scan. Only
the POSTs are timed: each registers the request and renders and stores its receipt (issue 15).
Afterwards the database is read: the new numbers must be unique and consecutive in the year's
counter, each used (none void: no registration failed), every receipt stored, no error response.

Issue 27: the CPU spent per registration (the gunicorn processes' and the PostgreSQL backends'
CPU time, from /proc, over the timed part, divided by the registrations; the backends sampled
every 0.25 s, as a worker replaces its connection after 60 s), the time each
registration held the year's counter row (logged by the workers: tests/bench/gunicorn_nomor.py)
and that time's share of the wall time, and the throughput two cores would allow at that CPU.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie

from tests.bench.common import PASSWORD, ROOT, emit, percentile, setup_django

CLIENTS = 16
PER_CLIENT = int(os.environ.get("BENCH_PER_CLIENT", "50"))
SCAN_EVERY = 10
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2048
HOLD_RE = re.compile(r"penghitung nomor \S+ dikunci ([0-9.]+) ms")
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", "4"))
THREADS = int(os.environ.get("BENCH_GUNICORN_THREADS", "1"))
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KUNCI_RE = re.compile(r'name="kunci"[^>]*value="([^"]+)"')


class Desk:
    """One browser: a keep-alive connection and its cookies."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies: dict[str, str] = {}

    def request(
        self,
        method: str,
        path: str,
        data: dict | None = None,
        files: dict[str, tuple[str, str, bytes]] | None = None,
        raw: bool = False,
    ):
        """One request with the desk's cookies. `files`: field → (file name, content type,
        bytes), sent as multipart/form-data like a browser's upload. `raw`: the body as bytes."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if files:
            body, headers["Content-Type"] = multipart(data or {}, files)
        elif data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        text = content if raw else content.decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, response.getheader("Location", ""), text

    def login(self, username: str, password: str = PASSWORD) -> None:
        status, _, html = self.request("GET", "/masuk/")
        assert status == 200, status
        token = TOKEN_RE.search(html).group(1)
        status, location, _ = self.request(
            "POST",
            "/masuk/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        assert status == 302 and "masuk" not in location, (username, status, location)

    def intake_form(self) -> tuple[str, str]:
        """(csrf token, one-time kunci) of a fresh intake form."""
        status, _, html = self.request("GET", "/permohonan/baru/")
        assert status == 200, status
        return TOKEN_RE.search(html).group(1), KUNCI_RE.search(html).group(1)


def multipart(data: dict, files: dict[str, tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = f"----meja{uuid.uuid4().hex}"
    parts = []
    for key, value in data.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for key, (filename, ctype, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; '
            f'filename="{filename}"\r\nContent-Type: {ctype}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(
    port: int,
    *,
    workers: int = WORKERS,
    threads: int = THREADS,
    env: dict | None = None,
    extra: tuple[str, ...] = (),
    stderr=None,
) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:port, returned once /healthz answers 200 (the database is
    reachable and migrated). `env`: the app's environment (default: this process's);
    `extra`: more gunicorn options; `stderr`: where its log goes (default: this process's)."""
    cmd = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "ppid_manual.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        *extra,
    ]
    if threads > 1:
        cmd += ["--worker-class", "gthread", "--threads", str(threads)]
    server = subprocess.Popen(
        cmd, cwd=ROOT, env=env if env is not None else dict(os.environ), stderr=stderr
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with code {server.returncode}")
        time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def pemohon_data(n: int) -> list[dict]:
    """n pemohon: most new (valid, unused NIKs), one in five returning (an existing NIK)."""
    import random

    from pemohon.forms import clean_nik
    from pemohon.models import Pemohon

    rng = random.Random(800)
    existing = list(
        Pemohon.objects.filter(jenis=Pemohon.Jenis.PERORANGAN)
        .order_by("pk")
        .values_list("nik", "nama")
    )
    used = {nik for nik, _ in existing}
    people = []
    for i in range(n):
        if i % 5 == 4:
            nik, nama = rng.choice(existing)
        else:
            while True:
                nik = f"517101{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(60, 99)}"
                nik += f"{rng.randint(1, 9999):04d}"
                if nik not in used:
                    used.add(nik)
                    break
            nama = f"Pemohon Uji Beban {i:03d}"
        people.append({"nik": clean_nik(nik), "nama": nama, "kembali": i % 5 == 4})
    return people


def intake(today, token: str, kunci: str, person: dict, i: int, j: int) -> dict:
    """A complete Formulir Permohonan, registered (aksi=daftar). `urutan` (the form's place
    in the run, not a form field) says which carry a scan."""
    return {
        "urutan": i * PER_CLIENT + j + 1,
        "csrfmiddlewaretoken": token,
        "kunci": kunci,
        "tanggal": today.isoformat(),
        "cara_pengajuan": "langsung",
        "jenis": "perorangan",
        "nama": person["nama"],
        "nik": person["nik"],
        "nomor_akta": "",
        "alamat": "Jl. Raya Puputan No. 1, Denpasar",
        "pekerjaan": "Wartawan",
        "telepon": "0812 3456 7890",
        "email": "",
        "rincian_informasi": f"Data uji beban nomor {i}-{j}",
        "tujuan_penggunaan": "Uji beban pendaftaran",
        "cara_memperoleh": "softcopy",
        "cara_salinan": "email",
        "formulir_lengkap": "on",
        "identitas_diterima": "on",
        "catatan_kekurangan": "",
        "aksi": "daftar",
        # A returning pemohon whose address or phone differ from the record: the clerk
        # confirms the same person with new details (issue 15), as at the desk.
        **({"identitas_pilihan": "sama"} if person.get("kembali") else {}),
    }


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes (/proc/PID/stat), in seconds; a process gone
    meanwhile counts nothing."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def gunicorn_pids(server: subprocess.Popen) -> list[int]:
    """The master and its workers."""
    children = []
    for task in os.listdir(f"/proc/{server.pid}/task"):
        with open(f"/proc/{server.pid}/task/{task}/children") as fh:
            children += [int(p) for p in fh.read().split()]
    return [server.pid, *children]


def backend_pids() -> list[int]:
    """The PostgreSQL backends connected to this database (the workers keep theirs open)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def main() -> None:
    setup_django()
    from django.utils import timezone

    from ppid_manual.models import DokumenTerbit, FormatNomor, NomorTerbit, PenghitungNomor
    from registrasi.models import Permohonan

    today = timezone.localdate()
    jenis = FormatNomor.Jenis.PERMOHONAN
    counter = PenghitungNomor.objects.filter(format__jenis=jenis, unit_kode="", tahun=today.year)
    before = counter.values_list("terakhir_terbit", flat=True).first() or 0
    people = pemohon_data(CLIENTS * PER_CLIENT)

    port = free_port()
    log_file = tempfile.TemporaryFile(mode="w+")
    server = start_gunicorn(
        port, extra=("--config", "python:tests.bench.gunicorn_nomor"), stderr=log_file
    )
    try:

        def prepare(i: int) -> tuple[Desk, list[dict]]:
            desk = Desk(port)
            desk.login(f"meja{i + 1:02d}")
            forms = []
            for j in range(PER_CLIENT):
                token, kunci = desk.intake_form()
                forms.append(intake(today, token, kunci, people[i * PER_CLIENT + j], i, j))
            return desk, forms

        # Log in and fetch the forms (one-time keys) in parallel, before the timed part.
        prefetch_started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            desks = list(pool.map(prepare, range(CLIENTS)))
        prefetch_s = time.perf_counter() - prefetch_started

        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        barrier = threading.Barrier(CLIENTS + 1)

        def work(desk: Desk, forms: list[dict]) -> None:
            barrier.wait()
            for data in forms:
                started = time.perf_counter()
                files = None
                if data["urutan"] % SCAN_EVERY == 0:
                    files = {"scan_identitas": ("ktp.png", "image/png", PNG)}
                try:
                    status, location, text = desk.request(
                        "POST", "/permohonan/baru/", data, files=files
                    )
                except Exception as exc:  # a broken connection is an error of the run
                    status, location, text = 0, "", repr(exc)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if status != 302 or "baru=1" not in location:
                        errors.append(f"{status} {location} {text[:200]}")

        threads = [threading.Thread(target=work, args=pair) for pair in desks]
        for t in threads:
            t.start()
        pids = gunicorn_pids(server)
        db_before = {pid: cpu_seconds([pid]) for pid in backend_pids()}
        cpu_before = cpu_seconds(pids)
        db_seen = dict(db_before)
        done = threading.Event()

        def sample_backends() -> None:
            # A worker's connection is closed after 60 s (CONN_MAX_AGE) and another opened:
            # each backend's CPU is read while it lives, a new one counting from zero.
            from django.db import connections

            try:
                while not done.wait(0.25):
                    for pid in backend_pids():
                        db_seen[pid] = max(db_seen.get(pid, 0.0), cpu_seconds([pid]))
            finally:
                connections.close_all()

        sampler = threading.Thread(target=sample_backends)
        sampler.start()
        barrier.wait()
        started = time.perf_counter()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        for pid in backend_pids():
            db_seen[pid] = max(db_seen.get(pid, 0.0), cpu_seconds([pid]))
        cpu_app = cpu_seconds(pids) - cpu_before
        cpu_db = sum(cpu - db_before.get(pid, 0.0) for pid, cpu in db_seen.items())
        load = " ".join(open("/proc/loadavg").read().split()[:3])
    finally:
        server.terminate()
        server.wait(timeout=30)
    log_file.seek(0)
    holds = [float(ms) for ms in HOLD_RE.findall(log_file.read())]

    kunci = [data["kunci"] for _, forms in desks for data in forms]
    numbers = list(
        Permohonan.objects.filter(kunci_idempotensi__in=kunci).values_list(
            "nomor_pendaftaran", flat=True
        )
    )
    urut = sorted(int(n.split("/")[0]) for n in numbers)
    total = CLIENTS * PER_CLIENT
    expected = list(range(before + 1, before + total + 1))
    after = counter.values_list("terakhir_terbit", flat=True).first()
    new_numbers = NomorTerbit.objects.filter(jenis=jenis, tahun=today.year, urut__gt=before)
    issued = new_numbers.count()
    used = new_numbers.filter(keadaan=NomorTerbit.Keadaan.TERPAKAI).count()
    receipts = DokumenTerbit.objects.filter(
        jenis="formulir", nomor__in=numbers, sha256__isnull=False
    ).count()
    scans = (
        Permohonan.objects.filter(kunci_idempotensi__in=kunci).exclude(scan_identitas="").count()
    )
    cpu_per = (cpu_app + cpu_db) / total
    ceiling = (os.cpu_count() or 1) / cpu_per
    emit(
        {
            "clients": CLIENTS,
            "per_client": PER_CLIENT,
            "gunicorn": f"{WORKERS} workers"
            + (f" x {THREADS} threads (gthread)" if THREADS > 1 else " (sync)"),
            "posts": len(latencies),
            "errors": len(errors),
            "error_samples": errors[:3],
            "wall_s": round(wall, 2),
            "per_second": round(total / wall, 1),
            "p50_ms": round(percentile(latencies, 0.50) * 1000),
            "p95_ms": round(percentile(latencies, 0.95) * 1000),
            "max_ms": round(max(latencies) * 1000),
            "prefetch_s": round(prefetch_s, 1),
            "numbers": len(numbers),
            "unique": len(set(numbers)) == len(numbers) == total,
            "gap_free": urut == expected and after == before + total and issued == total,
            "all_used": used == issued == total,
            "receipts_stored": receipts,
            "scans": scans,
            "cpu_app_ms": round(cpu_app * 1000 / total, 1),
            "cpu_db_ms": round(cpu_db * 1000 / total, 1),
            "cpu_ms": round(cpu_per * 1000, 1),
            "ceiling_per_second": round(ceiling, 1),
            "share_of_ceiling": round(total / wall / ceiling, 2),
            "hold_count": len(holds),
            "hold_p50_ms": round(percentile(holds, 0.50), 2) if holds else None,
            "hold_p95_ms": round(percentile(holds, 0.95), 2) if holds else None,
            "hold_share": round(sum(holds) / 1000 / wall, 3) if holds else None,
            "load_end_of_run": load,
            "first": f"{min(urut)}" if urut else "",
            "last": f"{max(urut)}" if urut else "",
            "counter_before": before,
            "counter_after": after,
            "sample": sorted(numbers)[:1] + sorted(numbers)[-1:],
        }
    )


if __name__ == "__main__":
    sys.exit(main())
