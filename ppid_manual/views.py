from __future__ import annotations

import datetime
import functools
import sys

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.defaults import server_error as django_server_error

from ppid_manual import cari as cari_mod
from ppid_manual import cetak_latar, charts, dashboard, handback, laporan_xlsx, tugas
from ppid_manual import laporan as laporan_mod
from ppid_manual.access import role_required
from ppid_manual.documents import LaporanLayananDokumen, PerhitunganTenggat
from ppid_manual.forms import (
    CetakRegisterForm,
    EksporOnlineForm,
    KalenderForm,
    LaporanNarasiForm,
    LaporanPilihForm,
)
from ppid_manual.middleware import database_down_response, database_unavailable
from ppid_manual.models import (
    CetakanRegister,
    EksporOnline,
    HariLibur,
    LaporanLayanan,
    PencarianIdentitas,
)
from ppid_manual.navigation import ALL_DESK
from ppid_manual.roles import Role
from ppid_manual.workflow import calendar
from ppid_manual.workflow.tabel_pdf import pdf_response


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    pekerjaan = tugas.tugas_for(request.user)
    for t in pekerjaan:
        t.status = t.keadaan(today)
    return render(
        request,
        "ppid_manual/home.html",
        {
            "today": today,
            "panels": dashboard.panels_for(request.user, today),
            "tugas": pekerjaan[:TUGAS_BERANDA],
            "tugas_lebih": max(len(pekerjaan) - TUGAS_BERANDA, 0),
        },
    )


TUGAS_BERANDA = 15


@login_required
def jatuh_tempo(request: HttpRequest) -> HttpResponse:
    """The printable list of this user's work due today (or late) and this week, each item
    with its own deadline; an HTML page with a print stylesheet."""
    today = timezone.localdate()
    daftar = tugas.jatuh_tempo(request.user, today)
    for items in daftar.values():
        for t in items:
            t.status = t.keadaan(today)
    return render(
        request,
        "ppid_manual/jatuh_tempo.html",
        {"today": today, "akhir_minggu": tugas.akhir_minggu(today), **daftar},
    )


@login_required
def cari(request: HttpRequest) -> HttpResponse:
    """The navbar's search: an issued number that names one case opens it; anything else
    lists what matches, across permohonan, keberatan and the DIP, within the user's scope."""
    q = request.GET.get("q", "")
    hasil = cari_mod.cari(request.user, q)
    nik = "".join(ch for ch in q if ch.isdigit())
    if len(nik) == 16 and nik == q.strip().replace(" ", "").replace(".", ""):
        # A search by a whole NIK is a look-up of a person: in the access log (issue 16).
        PencarianIdentitas.catat(
            request, PencarianIdentitas.Jenis.NIK, nik, ditampilkan=hasil.jumlah > 0
        )
    if hasil.langsung:
        return redirect(hasil.langsung)
    return render(
        request,
        "ppid_manual/cari.html",
        {"hasil": hasil, "batas": cari_mod.BATAS, "min_teks": cari_mod.MIN_TEKS},
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


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler. Django turns an exception raised in any middleware into this response
    before an outer middleware can see it; when that exception is the database being away (a
    logged-in request fails in the session or authentication middleware), the desk gets the
    503 page with the paper forms, not the generic error (issue 16)."""
    exc = sys.exc_info()[1]
    if database_unavailable(exc):
        return database_down_response()
    return django_server_error(request)


@functools.cache
def _migrations_on_disk() -> frozenset[tuple[str, str]]:
    """Every migration the code ships (read once per process: the files do not change while it
    runs)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    replaced = {key for m in loader.disk_migrations.values() for key in m.replaces}
    return frozenset(set(loader.disk_migrations) - replaced)


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links: answer with the static icon."""
    return redirect(static("img/favicon.ico"), permanent=True)


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


LAPORAN_ROLES = (Role.PPID, Role.ATASAN, Role.PELAKSANA, Role.ADMIN)


@role_required(*LAPORAN_ROLES)
def laporan(request: HttpRequest) -> HttpResponse:
    """Laporan Layanan Informasi Publik: figures on screen, the PPID's narrative, PDF and XLSX."""
    user = request.user
    unit_tetap = (
        user.unit
        if user.has_role(Role.PELAKSANA) and not user.has_role(Role.PPID, Role.ATASAN, Role.ADMIN)
        else None
    )
    today = timezone.localdate()
    initial = {"tahun": today.year, "periode": LaporanLayanan.Periode.TAHUNAN, "unit": unit_tetap}
    pilih = LaporanPilihForm(
        request.GET if "tahun" in request.GET else None, initial=initial, unit_tetap=unit_tetap
    )
    if pilih.is_bound and not pilih.is_valid():
        return render(request, "ppid_manual/laporan.html", {"pilih": pilih})
    data = pilih.cleaned_data if pilih.is_bound else initial
    unit = data["unit"] or unit_tetap
    angka = laporan_mod.compute(data["tahun"], data["periode"], unit)
    narasi = LaporanLayanan.objects.filter(
        tahun=angka.tahun, periode=angka.periode, unit=unit
    ).first() or LaporanLayanan(tahun=angka.tahun, periode=angka.periode, unit=unit)
    boleh_ubah = user.has_role(Role.PPID) or (unit is not None and unit_tetap == unit)
    form = LaporanNarasiForm(instance=narasi)
    if request.method == "POST":
        if not boleh_ubah:
            raise PermissionDenied("Hanya PPID yang dapat mengisi uraian laporan.")
        form = LaporanNarasiForm(request.POST, instance=narasi)
        if form.is_valid():
            narasi = form.save(commit=False)
            narasi.diubah_oleh = user
            narasi.save()
            messages.success(request, "Uraian laporan tersimpan.")
            return redirect(f"{request.path}?{request.GET.urlencode()}")
    grafik = {
        "keputusan": charts.bar_chart(
            [(w.label, w.jumlah) for w in angka.waktu], title="Permohonan per keputusan"
        ),
        "penolakan": charts.bar_chart(angka.alasan_penolakan, title="Alasan penolakan"),
        "keberatan": charts.bar_chart(angka.keberatan_alasan, title="Keberatan per alasan"),
    }
    fmt = request.GET.get("format")
    if fmt == "pdf":
        return LaporanLayananDokumen(request, angka=angka, narasi=narasi, grafik=grafik).response()
    if fmt == "xlsx":
        response = HttpResponse(
            laporan_xlsx.workbook(angka),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        unit_kode = unit.kode.lower() if unit else "provinsi"
        response["Content-Disposition"] = (
            f'attachment; filename="laporan-layanan-{angka.periode}-{angka.tahun}-{unit_kode}.xlsx"'
        )
        return response
    return render(
        request,
        "ppid_manual/laporan.html",
        {
            "pilih": pilih,
            "angka": angka,
            "narasi": narasi,
            "form": form,
            "boleh_ubah": boleh_ubah,
            "grafik": grafik,
            "query": request.GET.urlencode(),
        },
    )


@role_required(Role.PPID)
def ekspor_online(request: HttpRequest) -> HttpResponse:
    """Hand-back to the online system: what was registered or changed in a period."""
    form = EksporOnlineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        archive, ekspor = handback.build(
            data["dari"],
            data["sampai"],
            lengkap=data["lengkap"],
            by=request.user,
            semua=data["semua"],
        )
        response = HttpResponse(archive, content_type="application/zip")
        jenis = "lengkap" if ekspor.lengkap else "tanpa-data-pribadi"
        response["Content-Disposition"] = (
            f'attachment; filename="ekspor-online-{ekspor.dari:%Y%m%d}-{ekspor.sampai:%Y%m%d}'
            f'-{jenis}-{ekspor.pk}.zip"'
        )
        return response
    riwayat = EksporOnline.objects.select_related("oleh")[:20]
    return render(request, "ppid_manual/ekspor_online.html", {"form": form, "riwayat": riwayat})


# --- Long registers, printed in the background (ppid_manual/cetak_latar.py) -------------------


@role_required(*ALL_DESK)
def cetak_register_mulai(request: HttpRequest) -> HttpResponse:
    """POST: start printing a register in the background, then show its progress."""
    if request.method != "POST":
        return redirect("home")
    form = CetakRegisterForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Register atau periode cetak tidak sah.")
        return redirect("home")
    jenis, dari, sampai = (form.cleaned_data[k] for k in ("jenis", "dari", "sampai"))
    if not cetak_latar.boleh(request.user, jenis):
        raise PermissionDenied("Peran Anda tidak berwenang mencetak register ini.")
    jumlah = cetak_latar.hitung(jenis, request.user, dari, sampai)
    job = cetak_latar.mulai(jenis, dari, sampai, by=request.user, jumlah=jumlah)
    return redirect("cetak_register", pk=job.pk)


@login_required
def cetak_register(request: HttpRequest, pk) -> HttpResponse:
    """A register being printed: its progress (the page reloads itself until it is done),
    `?format=json` for the same as data, `?unduh=1` for the PDF. Only its owner sees it."""
    job = get_object_or_404(
        CetakanRegister.objects.defer("pdf"), pk=pk, pengguna_id=request.user.pk
    )
    terhenti = job.terhenti(timezone.now())
    if request.GET.get("unduh"):
        if job.status != CetakanRegister.Status.SELESAI:
            raise Http404("PDF register belum selesai disusun.")
        pdf = CetakanRegister.objects.values_list("pdf", flat=True).get(pk=job.pk)
        return pdf_response(bytes(pdf), job.filename())
    if request.GET.get("format") == "json":
        response = JsonResponse(
            {
                "status": job.status,
                "kemajuan": job.kemajuan,
                "keterangan": job.keterangan,
                "jumlah_baris": job.jumlah_baris,
                "terhenti": terhenti,
            }
        )
        response["Cache-Control"] = "no-store"
        return response
    response = render(
        request, "ppid_manual/cetak_register.html", {"job": job, "terhenti": terhenti}
    )
    response["Cache-Control"] = "no-store"
    if job.berjalan and not terhenti:
        # The browser reloads the page (the Refresh header: no script needed under the CSP).
        response["Refresh"] = "2"
    return response
