from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ppid_manual import dashboard
from ppid_manual.documents import PerhitunganTenggat
from ppid_manual.forms import KalenderForm
from ppid_manual.models import HariLibur
from ppid_manual.workflow import calendar


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "ppid_manual/home.html",
        {"today": today, "panels": dashboard.panels_for(request.user, today)},
    )


@login_required
def kalender(request: HttpRequest) -> HttpResponse:
    """The desk's deadline calculator: the same engine that stamps every deadline."""
    form = KalenderForm(request.GET or None)
    result = None
    if form.is_valid():
        mulai, hari = form.cleaned_data["mulai"], form.cleaned_data["hari"]
        tenggat = calendar.deadline(mulai, hari)
        result = {
            "mulai": mulai,
            "hari": hari,
            "tenggat": tenggat,
            "dilewati": calendar.explain(mulai, tenggat),
        }
        if request.GET.get("cetak"):
            return PerhitunganTenggat(request, **result).response()
    return render(request, "ppid_manual/kalender.html", {"form": form, "result": result})


@login_required
def hari_libur(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        tahun = int(request.GET.get("tahun", today.year))
    except ValueError:
        tahun = today.year
    tahun = min(max(tahun, 2000), 2100)
    rows = HariLibur.objects.filter(tanggal__year=tahun).order_by("tanggal")
    return render(
        request,
        "ppid_manual/hari_libur.html",
        {"rows": rows, "tahun": tahun, "tahun_list": range(today.year - 3, today.year + 2)},
    )


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers; 503 otherwise (for the load balancer or a desk check)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "tidak terhubung"}, status=503)
    return JsonResponse(
        {"status": "ok", "database": "ok", "time": datetime.datetime.now(datetime.UTC).isoformat()}
    )
