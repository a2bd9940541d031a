from __future__ import annotations

import sys

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.defaults import server_error as django_server_error

from ppid_manual.documents import PerhitunganTenggat
from ppid_manual.forms import (
    KalenderForm,
)
from ppid_manual.middleware import database_down_response, database_unavailable
from ppid_manual.models import (
    HariLibur,
)
from ppid_manual.workflow import calendar
from ppid_manual.workflow.hari_libur import tahun_dimuat


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
        result["tahun_kosong"] = calendar.years_without_days_off(mulai, tenggat)
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
    dimuat = tahun_dimuat()
    return render(
        request,
        "ppid_manual/hari_libur.html",
        {
            "rows": rows,
            "tahun": tahun,
            "tahun_list": sorted(
                {*range(today.year - 3, today.year + 2), *(t.tahun for t in dimuat)}
            ),
            # Which years are loaded, and from which source (the package, the admin's rows).
            "dimuat": dimuat,
            "belum_dimuat": calendar.years_without_days_off(
                today, today.replace(month=12, day=31).replace(year=today.year + 1)
            ),
        },
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler. Django turns an exception raised in any middleware into this response
    before an outer middleware can see it; when that exception is the database being away (a
    logged-in request fails in the session or authentication middleware), the desk gets the
    503 page with the paper forms, not the generic error (issue 16)."""
    exc = sys.exc_info()[1]
    if database_unavailable(exc):
        return database_down_response()
    return django_server_error(request)


@require_GET
def formulir_kertas(request: HttpRequest) -> HttpResponse:
    """The blank paper forms (static/formulir/): plain files that open without the database;
    the menu reaches them through this name, the 503 page links them directly."""
    return redirect(static("formulir/index.html"))


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links: answer with the static icon."""
    return redirect(static("img/favicon.ico"), permanent=True)
