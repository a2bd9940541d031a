"""The pages of the cross-process features: the role homes and their work lists, the search, the
Laporan, the hand-back export and the registers printed in the background."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from layanan import actions as layanan_actions
from layanan import cari as cari_mod
from layanan import cetak_latar, charts, dashboard, handback, laporan_xlsx, tugas
from layanan import laporan as laporan_mod
from layanan.documents import LaporanLayananDokumen, LaporanPengantarDokumen
from layanan.forms import (
    CetakRegisterForm,
    EksporOnlineForm,
    LaporanNarasiForm,
    LaporanPilihForm,
    PengantarLaporanForm,
)
from layanan.models import CetakanRegister, EksporOnline, LaporanLayanan
from pemohon.models import PencarianIdentitas
from ppid_manual import kotak_cari
from ppid_manual.access import role_required
from ppid_manual.models import Pejabat
from ppid_manual.roles import ALL_DESK, Role
from ppid_manual.workflow import terbit
from ppid_manual.workflow.deadlines import near_due_limit
from ppid_manual.workflow.engine import StepRefused
from ppid_manual.workflow.tabel_pdf import pdf_response


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    pekerjaan, semua = tugas.tugas_terdekat(request.user, TUGAS_BERANDA)
    limit = near_due_limit(today)
    for t in pekerjaan:
        t.status = t.keadaan(today, limit)
    return render(
        request,
        "ppid_manual/home.html",
        {
            "today": today,
            "panels": dashboard.panels_for(request.user, today),
            "tahun_kosong": dashboard.tahun_tanpa_libur(today),
            "tugas": pekerjaan,
            "tugas_lebih": semua - len(pekerjaan),
            "pemeriksaan": _pemeriksaan_terakhir(request.user),
        },
    )


def _pemeriksaan_terakhir(user):
    """The Admin's home page shows the last `verify_records` result (issue 25)."""
    from ppid_manual.models import PemeriksaanRiwayat

    if not (user.is_superuser or user.has_role(Role.ADMIN)):
        return None
    return PemeriksaanRiwayat.objects.first() or "belum"


TUGAS_BERANDA = 15


@login_required
def jatuh_tempo(request: HttpRequest) -> HttpResponse:
    """The printable list of this user's work due today (or late) and this week, each item
    with its own deadline; an HTML page with a print stylesheet."""
    today = timezone.localdate()
    daftar = tugas.jatuh_tempo(request.user, today)
    limit = near_due_limit(today)
    for items in daftar.values():
        for t in items:
            t.status = t.keadaan(today, limit)
    return render(
        request,
        "ppid_manual/jatuh_tempo.html",
        {"today": today, "akhir_minggu": tugas.akhir_minggu(today), **daftar},
    )


@login_required
def cari(request: HttpRequest) -> HttpResponse:
    """The navbar's search: an issued number that names one case opens it; anything else
    lists what matches, across permohonan, keberatan and the DIP, within the user's scope."""
    dicari = kotak_cari.baca(request, batas=2000)  # typed text by POST, never in the URL
    if dicari.alihkan is not None:
        return dicari.alihkan
    q = dicari.teks
    hasil = cari_mod.cari(request.user, q)
    nik = kotak_cari.nik_utuh(q)
    if nik:
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
    pengantar = PengantarLaporanForm(initial={"tanggal": today})
    if request.method == "POST":
        if not boleh_ubah:
            raise PermissionDenied("Hanya PPID yang dapat mengisi uraian laporan.")
        if "terbitkan_pengantar" in request.POST:
            pengantar = PengantarLaporanForm(request.POST)
            if pengantar.is_valid():
                try:
                    narasi = layanan_actions.issue_pengantar_laporan(
                        narasi, angka, by=user, tanggal=pengantar.cleaned_data["tanggal"]
                    )
                except StepRefused as exc:
                    messages.error(request, str(exc))
                else:
                    messages.success(
                        request, f"Surat pengantar {narasi.nomor_pengantar} diterbitkan."
                    )
                    return redirect(f"{request.path}?{request.GET.urlencode()}")
        else:
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
    if fmt == "pengantar":
        return _pengantar_laporan(request, narasi, angka)
    if fmt == "pdf":
        return LaporanLayananDokumen(request, angka=angka, narasi=narasi, grafik=grafik).response()
    if fmt == "xlsx":
        response = HttpResponse(
            laporan_xlsx.workbook(angka),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{angka.nama_berkas("xlsx")}"'
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
            "pengantar": pengantar,
            "query": request.GET.urlencode(),
        },
    )


def _pengantar_laporan(request: HttpRequest, narasi: LaporanLayanan, angka) -> HttpResponse:
    """The surat pengantar: once issued, the stored bytes; before, a KONSEP with no number."""
    doc = LaporanPengantarDokumen(request, narasi=narasi, angka=angka)
    if narasi.nomor_pengantar:
        stored = terbit.tersimpan(doc)
        if stored is None:
            raise Http404("Surat pengantar yang diterbitkan tidak ditemukan di arsip.")
        response = HttpResponse(bytes(stored.berkas), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{stored.nama_berkas}"'
        response["Cache-Control"] = "no-store"
        return response
    try:
        return doc.response()
    except Pejabat.DoesNotExist as exc:
        messages.error(request, str(exc))
        query = request.GET.copy()
        query.pop("format", None)
        return redirect(f"{request.path}?{query.urlencode()}")


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


# --- Long registers, printed in the background (layanan/cetak_latar.py) --------------


@role_required(*ALL_DESK)
def cetak_register_tawar(request: HttpRequest) -> HttpResponse:
    """GET: a register page's PDF too long for one request (ppid_manual/workflow/tabel_pdf.py:
    LANGSUNG_MAKS) lands here: the offer to build it in the background."""
    form = CetakRegisterForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Register atau periode cetak tidak sah.")
        return redirect("home")
    jenis, dari, sampai = (form.cleaned_data[k] for k in ("jenis", "dari", "sampai"))
    if not cetak_latar.boleh(request.user, jenis):
        raise PermissionDenied("Peran Anda tidak berwenang mencetak register ini.")
    jumlah = cetak_latar.hitung(jenis, request.user, dari, sampai)
    return cetak_latar.tawarkan(request, jenis, dari, sampai, jumlah)


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


def _berkas_perkara(request: HttpRequest, case, back: str) -> HttpResponse:
    """The berkas perkara for the Komisi Informasi (issue 25; layanan/berkas_perkara.py)."""
    from layanan import berkas_perkara as bp
    from ppid_manual.models import Pejabat

    try:
        pdf = bp.susun(case, request)
    except Pejabat.DoesNotExist as exc:
        messages.error(request, str(exc))
        return redirect(back, pk=case.pk)
    return pdf_response(pdf, bp.nama_berkas(case))


@role_required(*ALL_DESK)
def berkas_perkara_permohonan(request: HttpRequest, pk: int) -> HttpResponse:
    """From a permohonan: for whoever may see it, else 404 as for its page."""
    from registrasi.views import get_permohonan_for_user

    return _berkas_perkara(request, get_permohonan_for_user(request, pk), "registrasi:detail")


@login_required
def berkas_perkara_keberatan(request: HttpRequest, pk: int) -> HttpResponse:
    """From a keberatan: for whoever may see it, else 404 as for its page."""
    from keberatan.views import get_keberatan_for_user

    return _berkas_perkara(request, get_keberatan_for_user(request, pk), "keberatan:detail")
