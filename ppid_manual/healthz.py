"""/healthz: the load balancer's (or a desk check's) question "is this server ready?".

Its own module: the database-down middleware answers it before the session middleware runs
(ppid_manual.middleware), and the pages' views import that middleware for the 503 page."""

from __future__ import annotations

import datetime
import functools

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@functools.cache
def _migrations_on_disk() -> frozenset[tuple[str, str]]:
    """Every migration the code ships (read once per process: the files do not change while it
    runs)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    replaced = {key for m in loader.disk_migrations.values() for key in m.replaces}
    return frozenset(set(loader.disk_migrations) - replaced)


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers and every migration is applied; 503 otherwise (for the
    load balancer or a desk check). An unmigrated database answers queries, but every page
    would fail on a missing table, so it is not healthy either."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        applied = set(MigrationRecorder(connection).applied_migrations())
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "tidak terhubung"}, status=503)
    pending = _migrations_on_disk() - applied
    if pending:
        return JsonResponse(
            {
                "status": "error",
                "database": "belum di-migrate",
                "migrasi_tertunda": sorted(f"{app}.{name}" for app, name in pending),
            },
            status=503,
        )
    return JsonResponse(
        {"status": "ok", "database": "ok", "time": datetime.datetime.now(datetime.UTC).isoformat()}
    )
