from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ppid_manual import cari as cari_mod
from ppid_manual import charts, dashboard, handback, laporan_xlsx, tugas
from ppid_manual import laporan as laporan_mod
from ppid_manual.access import role_required
from ppid_manual.documents import LaporanLayananDokumen, PerhitunganTenggat
from ppid_manual.forms import (
    EksporOnlineForm,
    KalenderForm,
    LaporanNarasiForm,
    LaporanPilihForm,
)
from ppid_manual.models import EksporOnline, HariLibur, LaporanLayanan
from ppid_manual.roles import Role
from ppid_manual.workflow import calendar


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
    hasil = cari_mod.cari(request.user, request.GET.get("q", ""))
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


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links: answer with the static icon."""
    return redirect(static("img/favicon.ico"), permanent=True)


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
