"""The generated databases: create, migrate, fill and analyse one, or reuse it when it already
holds a complete data set of the asked size from this generator version.

`python -m tests.bench.prepare 1k [--fresh]` (run.py calls `ensure`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from tests.bench.common import (
    PG_HOST,
    PG_PORT,
    PG_USER,
    ROOT,
    SIZES,
    bench_env,
    database_exists,
    db_name,
    psql,
    run_step,
)
from tests.bench.generate import GENERATOR_VERSION


def _pg(*args: str) -> None:
    subprocess.run([*args, "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER], check=True)


def migrate(name: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=bench_env(name),
        check=True,
    )


def complete(name: str, n: int) -> bool:
    """The database holds a finished data set of n requests from this generator version."""
    if not database_exists(name):
        return False
    has_marker = psql(
        "SELECT 1 FROM information_schema.tables WHERE table_name = 'bench_meta'", name
    )
    marker = (
        psql("SELECT value FROM bench_meta WHERE key = 'generated'", name) if has_marker else ""
    )
    if marker != f"{GENERATOR_VERSION}:{n}":
        return False
    return psql("SELECT count(*) FROM registrasi_permohonan", name) == str(n)


def ensure(size: str, *, fresh: bool = False) -> dict:
    """Make database `ppid_bench_<size>` ready; return what was done and how long it took."""
    name, n = db_name(size), SIZES[size]
    started = time.perf_counter()
    if not fresh and complete(name, n):
        migrate(name)  # indexes added since the data was generated
        made = psql("SELECT value FROM bench_meta WHERE key = 'made'", name)
        return {
            "database": name,
            "reused": True,
            "seconds": round(time.perf_counter() - started),
            "made": json.loads(made) if made else None,
        }
    if database_exists(name):
        _pg("dropdb", "--force", name)
    _pg("createdb", name)
    migrate(name)
    counts = run_step("generate", name, str(n), timeout=3600)
    # What autovacuum would have done on a live database: planner statistics.
    psql("VACUUM ANALYZE", name)
    seconds = round(time.perf_counter() - started)
    # How this data set was made, for a later run that reuses it.
    with open("/proc/loadavg") as fh:
        load = " ".join(fh.read().split()[:3])
    made = {"seconds": seconds, "generate_seconds": counts["seconds_total"], "load": load}
    made["at"] = time.strftime("%Y-%m-%d %H:%M")
    psql(
        "CREATE TABLE bench_meta (key text PRIMARY KEY, value text NOT NULL); "
        f"INSERT INTO bench_meta VALUES ('generated', '{GENERATOR_VERSION}:{n}'), "
        f"('made', '{json.dumps(made)}')",
        name,
    )
    return {"database": name, "reused": False, "seconds": seconds, "made": made}


if __name__ == "__main__":
    print(ensure(sys.argv[1], fresh="--fresh" in sys.argv[2:]))
