"""What every benchmark step shares: the databases, the environment of a bench process, and
Django set up against one generated database.

Each step runs in its own process (`python -m tests.bench.<step> ...`) with DATABASE_URL
pointing at one database, so the orchestrator (tests/bench/run.py) never imports Django.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(__file__).resolve().parent
PG_HOST = os.environ.get("BENCH_PG_HOST", "127.0.0.1")
PG_PORT = os.environ.get("BENCH_PG_PORT", "5432")
PG_USER = os.environ.get("BENCH_PG_USER", "postgres")
LOCAL_KEY = "local-only-key-not-for-production-0123456789abcdef"

SIZES = {"1k": 1_000, "100k": 100_000}
# The desk user every page is measured as, and the password of every generated user.
PPID_USERNAME = "ppid"
PASSWORD = "demo-ppid-2026"


def db_name(size: str) -> str:
    return f"ppid_bench_{size}"


def db_url(name: str) -> str:
    return f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"


def bench_env(name: str, **extra: str) -> dict[str, str]:
    """The environment of a bench process: production-like settings (DEBUG off, plain HTTP on
    the loopback) against database `name`."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url(name),
        SECRET_KEY=os.environ.get("SECRET_KEY", LOCAL_KEY),
        DEBUG="0",
        PPID_HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SETTINGS_MODULE="ppid_manual.settings",
        PYTHONHASHSEED="0",
    )
    env.update(extra)
    return env


def setup_django() -> None:
    """Set Django up in this process (the caller's environment names the database)."""
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("DATABASE_URL must name the bench database")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppid_manual.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def psql(sql: str, database: str = "postgres") -> str:
    out = subprocess.run(
        ["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", database, "-tAc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def database_exists(name: str) -> bool:
    return psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def median_ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 1)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def emit(result: dict) -> None:
    """A step's result, as the last line of its standard output."""
    print("BENCH-RESULT " + json.dumps(result, default=str), flush=True)


def run_step(module: str, database: str, *args: str, timeout: int = 1800) -> dict:
    """Run `python -m tests.bench.<module>` against `database`; return its result."""
    cmd = [sys.executable, "-m", f"tests.bench.{module}", *args]
    proc = subprocess.run(
        cmd, cwd=ROOT, env=bench_env(database), capture_output=True, text=True, timeout=timeout
    )
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        sys.stdout.write(proc.stdout)
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("BENCH-RESULT "):
            return json.loads(line.removeprefix("BENCH-RESULT "))
    raise SystemExit(f"{' '.join(cmd)} printed no result")
