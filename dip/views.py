"""Pages of the DIP and the DIK. Fetch through the access helpers, guard, call the action,
redirect; state changes are POST only. A PPID Pelaksana reaches only its own OPD's editions
and entries (anything else is 404)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from dip import actions, alur, berkas
from dip.documents import (
    DaftarDik,
    KeputusanDik,
    LembarKoreksi,
    RalatDip,
    RekapDip,
    SkDip,
    SuratPengantarDip,
    UjiKonsekuensi,
    kelompok_informasi,
)
from dip.forms import (
    CariForm,
    CatatanForm,
    DikForm,
    EdisiBaruForm,
    ImporForm,
    InformasiPublikForm,
    PenetapanDikForm,
    PenetapanForm,
    PengantarForm,
    PublikasiForm,
    ScanSkForm,
)
from dip.models import (
    CatatanKoreksi,
    DipEdisi,
    InformasiDikecualikan,
    InformasiPublik,
    PenetapanDik,
)
from dip.search import search_informasi
from ppid_manual import penghubung
from ppid_manual.access import role_required
from ppid_manual.models import Unit
from ppid_manual.roles import ALL_DESK, Role
from ppid_manual.workflow import terbit
from ppid_manual.workflow.engine import StepRefused
from ppid_manual.workflow.pages import (
    CaseUI,
    Konsep,
    StepPage,
    konsep_dari,
    konsep_response,
    note_page,
    print_response,
    protected_file,
    ralat_page,
    safe_next,
    step_view,
    timeline,
)
from ppid_manual.workflow.ralat import ralat_of, ralat_per_kasus
from ppid_manual.workflow.versions import EditConflict

DESK = ALL_DESK
S = DipEdisi.Status


# --- access helpers ------------------------------------------------------------------------


def get_edisi_for_user(request: HttpRequest, pk: int) -> DipEdisi:
    qs = DipEdisi.objects.for_user(request.user).select_related(
        "unit", "provinsi", "penandatangan_sk", "penandatangan_pengantar"
    )
    return get_object_or_404(qs, pk=pk)


def get_informasi_for_user(request: HttpRequest, pk: int) -> InformasiPublik:
    info = get_object_or_404(
        InformasiPublik.objects.select_related("edisi", "edisi__unit", "edisi__provinsi", "opd"),
        pk=pk,
    )
    if not DipEdisi.objects.for_user(request.user).filter(pk=info.edisi_id).exists():
        raise Http404("Informasi tidak ditemukan.")
    return info


# --- editions ------------------------------------------------------------------------------


@role_required(*DESK)
def daftar(request: HttpRequest) -> HttpResponse:
    qs = (
        DipEdisi.objects.for_user(request.user)
        .select_related("unit")
        .annotate(
            jumlah_informasi=Count("informasi", distinct=True),
            catatan_terbuka=Count(
                "catatan_koreksi",
                filter=Q(catatan_koreksi__ditindaklanjuti_pada__isnull=True),
                distinct=True,
            ),
        )
        .order_by("-tahun", "unit__nama")
    )
    tahun_list = sorted(set(qs.values_list("tahun", flat=True)), reverse=True)
    tahun = request.GET.get("tahun", "")
    if tahun.isdigit():
        qs = qs.filter(tahun=int(tahun))
    # The dashboard's figures link here: the editions past / near their SOP target.
    sop = request.GET.get("sop", "")
    if sop == "terlambat":
        qs = qs.overdue(timezone.localdate())
    elif sop == "mendekati":
        qs = qs.near_due(timezone.localdate())
    status = request.GET.get("status", "")
    if status in DipEdisi.Status.values:
        qs = qs.filter(status=status)
    edisi_list = list(qs)
    today = timezone.localdate()
    # A letter superseded by a ralat is marked in the list too (issue 15): one query.
    ralat = ralat_per_kasus(DipEdisi, [e.pk for e in edisi_list])
    for e in edisi_list:
        e.sop_lewat = e.target_sop_berjalan and e.target_sop < today
        e.ralat_daftar = ralat[e.pk]
    return render(
        request,
        "dip/daftar.html",
        {
            "provinsi": [e for e in edisi_list if e.is_provinsi],
            "opd": [e for e in edisi_list if not e.is_provinsi],
            "tahun_list": tahun_list,
            "tahun": tahun,
            "sop": sop,
            "boleh_buat": request.user.has_role(Role.PETUGAS, Role.PPID)
            or (request.user.has_role(Role.PELAKSANA) and request.user.unit_id),
        },
    )


def _unit_baru(user) -> Unit | None:
    if user.has_role(Role.PETUGAS, Role.PPID):
        return Unit.utama()
    if user.has_role(Role.PELAKSANA) and user.unit_id:
        return user.unit
    return None


@role_required(Role.PETUGAS, Role.PPID, Role.PELAKSANA)
def edisi_baru(request: HttpRequest) -> HttpResponse:
    unit = _unit_baru(request.user)
    if unit is None:
        messages.error(request, "Akun Anda belum terhubung ke perangkat daerah.")
        return redirect("dip:daftar")
    form = EdisiBaruForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            edisi = actions.create_edisi(
                unit=unit,
                tahun=form.cleaned_data["tahun"],
                by=request.user,
                salin=form.cleaned_data["salin"],
            )
        except StepRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{edisi.judul} dibuka.")
            return redirect("dip:edisi", pk=edisi.pk)
    return render(request, "dip/edisi_baru.html", {"form": form, "unit": unit})


LABEL_PERISTIWA = {
    "buat": "Edisi dibuka",
    "tambah_informasi": "Entri ditambahkan",
    "ubah_informasi": "Entri diubah",
    "hapus_informasi": "Entri dihapus",
    "impor": "Impor berkas",
    "dik_tetapkan": "Ditetapkan sebagai informasi yang dikecualikan",
    "dik_ubah": "Diubah",
}


def _boleh_koreksi_entri(edisi: DipEdisi, user) -> bool:
    """Whether the PPID may return entries of `edisi` now (the buttons on its rows)."""
    step_name = "catat_koreksi" if edisi.is_provinsi else "koreksi"
    step = alur.alur_edisi(edisi).get(step_name)
    return alur.alur_edisi(edisi).why_not(edisi, step, user) is None


@role_required(*DESK)
def edisi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    user = request.user
    kelompok = kelompok_informasi(edisi)
    terbuka: dict[int, list[CatatanKoreksi]] = {}
    for note in CatatanKoreksi.objects.filter(
        informasi__in=edisi.semua_informasi(), ditindaklanjuti_pada__isnull=True
    ):
        terbuka.setdefault(note.informasi_id, []).append(note)

    pengajuan = []
    koreksi_boleh = {edisi.pk: _boleh_koreksi_entri(edisi, user)}
    if edisi.is_provinsi:
        for opd_edisi in (
            DipEdisi.objects.opd()
            .filter(tahun=edisi.tahun)
            .select_related("unit", "provinsi")
            .annotate(jumlah_informasi=Count("informasi"))
            .order_by("unit__nama")
        ):
            koreksi_boleh[opd_edisi.pk] = _boleh_koreksi_entri(opd_edisi, user)
            pengajuan.append({"edisi": opd_edisi, "tombol": UI.buttons(opd_edisi, user)})
    for grup in kelompok:
        for item in grup["items"]:
            info = item["info"]
            item["catatan"] = terbuka.get(info.pk, [])
            item["boleh_koreksi"] = koreksi_boleh.get(info.edisi_id, False)

    alasan_ubah = alur.boleh_ubah_isi(edisi, user)
    catatan = list(
        CatatanKoreksi.objects.filter(
            Q(edisi=edisi) | Q(edisi__provinsi=edisi) if edisi.is_provinsi else Q(edisi=edisi)
        )
        .select_related("edisi", "edisi__unit", "dibuat_oleh")
        .order_by("-dibuat_pada", "-pk")
    )
    return render(
        request,
        "dip/edisi_detail.html",
        {
            "edisi": edisi,
            "today": timezone.localdate(),
            "progres": alur.progres(edisi),
            "tombol": UI.buttons(edisi, user),
            "timeline": timeline(edisi, alur.alur_edisi(edisi), LABEL_PERISTIWA),
            "terbitan": terbit.daftar_kasus(edisi),
            "ralat": list(ralat_of(edisi)),
            "kelompok": kelompok,
            "jumlah": sum(len(g["items"]) for g in kelompok),
            "boleh_ubah": alasan_ubah is None,
            "alasan_ubah": alasan_ubah,
            "pengajuan": pengajuan,
            "catatan": catatan,
            "publikasi": edisi.publikasi.select_related("dicatat_oleh"),
            "provinsi_tahun": None if edisi.is_provinsi else alur.provinsi_tahun(edisi.tahun),
        },
    )


# --- steps ---------------------------------------------------------------------------------


# Each step of dip/alur.py that has a button on the edition page (ppid_manual/workflow/
# pages.py: step_view). A step without a form posts straight from its button.
SELESAI = "Langkah “{label}” selesai."


def _catatan_page(act, wajib: bool, submit_label: str, intro: str = "") -> StepPage:
    return note_page(
        act,
        keyword="catatan",
        form_class=CatatanForm,
        wajib=wajib,
        submit_label=submit_label,
        css="primary",
        intro=intro,
        success=SELESAI,
    )


def _page(act, form_class=None, intro: str = "") -> StepPage:
    form = (lambda e, data, step: form_class(data, edisi=e)) if form_class else None
    return StepPage(form=form, act=act, intro=intro, success=SELESAI)


def _establish_edisi(e: DipEdisi, f: PenetapanForm, u) -> DipEdisi:
    return actions.establish_edisi(
        e, by=u, tanggal_sk=f.cleaned_data["tanggal_sk"], catatan=f.cleaned_data.get("catatan", "")
    )


def _issue_pengantar(e: DipEdisi, f: PengantarForm, u) -> DipEdisi:
    return actions.issue_pengantar(
        e, by=u, tanggal=f.cleaned_data["tanggal"], tujuan=f.cleaned_data["tujuan"]
    )


PAGES: dict[str, StepPage] = {
    "ajukan": _page(lambda e, f, u: actions.submit_edisi(e, by=u)),
    "kembalikan_tidak_lengkap": _catatan_page(
        actions.return_incomplete_edisi,
        True,
        "Kembalikan ke PPID Pelaksana",
        "Tuliskan apa yang kurang; pengajuan kembali ke PPID Pelaksana untuk dilengkapi.",
    ),
    "rekap": _page(lambda e, f, u: actions.recap_edisi(e, by=u)),
    "koreksi": _catatan_page(
        actions.return_pengajuan,
        True,
        "Kembalikan pengajuan",
        "Seluruh pengajuan perangkat daerah ini dikembalikan melalui petugas pelayanan ke "
        "PPID Pelaksana dengan catatan koreksi.",
    ),
    "teruskan": _page(lambda e, f, u: actions.forward_koreksi(e, by=u)),
    "tetapkan": _page(_establish_edisi, PenetapanForm),
    "terbitkan_pengantar": _page(
        _issue_pengantar,
        PengantarForm,
        "Nomor surat pengantar diambil dari format nomor “Surat pengantar DIP”.",
    ),
    "catat_publikasi": _page(
        lambda e, f, u: actions.record_publikasi(e, by=u, **f.cleaned_data),
        PublikasiForm,
        "Catat setiap kanal tempat DIP ini dipublikasikan setelah sistem daring berfungsi.",
    ),
    "unggah_scan": StepPage(
        form=lambda e, data, step, files: ScanSkForm(data, files),
        act=lambda e, f, u: actions.upload_scan_sk(e, by=u, berkas_scan=f.cleaned_data["berkas"]),
        intro="Arsip softcopy SK yang sudah ditandatangani. Unggahan baru menggantikan yang lama.",
        success=SELESAI,
        uploads=True,
    ),
    "ajukan_ppid": _page(lambda e, f, u: actions.submit_to_ppid(e, by=u)),
    "kembalikan_ke_petugas": _catatan_page(
        actions.return_to_petugas,
        False,
        "Kembalikan ke petugas",
        "Rekap kembali ke petugas pelayanan, yang meneruskan koreksi ke PPID Pelaksana. "
        "Catatan boleh kosong bila koreksi sudah dicatat per entri atau per pengajuan.",
    ),
    "ajukan_atasan": _page(lambda e, f, u: actions.submit_to_atasan(e, by=u)),
    "kembalikan_ke_ppid": _catatan_page(actions.return_to_ppid, True, "Kembalikan ke PPID"),
    "ralat": ralat_page(
        actions.RALAT,
        actions.ralat_surat,
        lambda r: RalatDip(DipEdisi.objects.get(pk=r.object_id), ralat=r),
        "Ralat memperbaiki SK DIP (lampirannya) atau surat pengantar yang sudah terbit "
        "dengan surat baru bernomor yang menyebut surat yang diralat dan alasannya; surat lama "
        "tetap tersimpan dan ditandai digantikan. Edisi tetap beku: ralat adalah satu-satunya "
        "perbaikan atas lampiran yang sudah ditetapkan.",
    ),
}

UI = CaseUI(
    table_of=alur.alur_edisi,
    pages=PAGES,
    get_case=get_edisi_for_user,
    detail_url=lambda edisi: reverse("dip:edisi", args=[edisi.pk]),
    url_name="dip:langkah",
    template="dip/langkah.html",
    context=lambda request, edisi: {"edisi": edisi},
    # The desk sees a step it cannot take yet, disabled, with what is still missing.
    show_refused=True,
)


def langkah(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    return step_view(request, pk, step, ui=UI)


# --- entries -------------------------------------------------------------------------------


@role_required(Role.PETUGAS, Role.PELAKSANA)
def informasi_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    if request.method != "POST" and (alasan := alur.boleh_ubah_isi(edisi, request.user)):
        messages.error(request, alasan)
        return redirect("dip:edisi", pk=edisi.pk)
    form = InformasiPublikForm(request.POST or None, edisi=edisi)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_informasi(edisi, by=request.user, data=form.cleaned_data)
        except StepRefused as exc:
            messages.error(request, str(exc))
            return redirect("dip:edisi", pk=edisi.pk)
        messages.success(request, "Entri ditambahkan.")
        if "simpan_lagi" in request.POST:
            return redirect("dip:informasi_tambah", pk=edisi.pk)
        return redirect("dip:edisi", pk=edisi.pk)
    return render(
        request, "dip/informasi_form.html", {"edisi": edisi, "form": form, "judul": "Tambah entri"}
    )


@role_required(Role.PETUGAS, Role.PELAKSANA)
def informasi_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    info = get_informasi_for_user(request, pk)
    edisi = info.edisi
    if request.method != "POST" and (alasan := alur.boleh_ubah_isi(edisi, request.user)):
        messages.error(request, alasan)
        return redirect("dip:edisi", pk=edisi.pk)
    form = InformasiPublikForm(request.POST or None, instance=info, edisi=edisi)
    perbedaan = None
    if request.method == "POST" and form.is_valid():
        try:
            changed = actions.update_informasi(
                info, by=request.user, data=form.cleaned_data, versi=form.cleaned_data["versi"]
            )
        except EditConflict as exc:
            # The officer's input stays on the form, next to what is stored now.
            form.add_error(None, str(exc))
            current = InformasiPublik.objects.get(pk=info.pk)
            perbedaan = form.differences(current)
            form.opened_on(current)
        except StepRefused as exc:
            messages.error(request, str(exc))
            return redirect("dip:edisi", pk=edisi.pk)
        else:
            messages.success(request, "Entri diubah." if changed else "Tidak ada perubahan.")
            return redirect("dip:edisi", pk=edisi.pk)
    return render(
        request,
        "dip/informasi_form.html",
        {
            "edisi": edisi,
            "form": form,
            "informasi": info,
            "judul": "Ubah entri",
            "perbedaan": perbedaan,
        },
    )


@role_required(Role.PETUGAS, Role.PELAKSANA)
def informasi_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    info = get_informasi_for_user(request, pk)
    edisi = info.edisi
    if request.method == "POST":
        try:
            actions.delete_informasi(info, by=request.user, versi=_versi(request))
        except StepRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Entri dihapus.")
        return redirect("dip:edisi", pk=edisi.pk)
    if alasan := alur.boleh_ubah_isi(edisi, request.user):
        messages.error(request, alasan)
        return redirect("dip:edisi", pk=edisi.pk)
    return render(request, "dip/informasi_hapus.html", {"edisi": edisi, "informasi": info})


@role_required(Role.PPID)
def informasi_koreksi(request: HttpRequest, pk: int) -> HttpResponse:
    """The PPID returns one entry with a note."""
    info = get_informasi_for_user(request, pk)
    kembali = reverse("dip:edisi", args=[info.edisi.provinsi_id or info.edisi_id])
    kembali = safe_next(request, kembali)
    if request.method != "POST" and not _boleh_koreksi_entri(info.edisi, request.user):
        step = alur.alur_edisi(info.edisi).get(
            "catat_koreksi" if info.edisi.is_provinsi else "koreksi"
        )
        messages.error(request, alur.alur_edisi(info.edisi).why_not(info.edisi, step, request.user))
        return redirect(kembali)
    form = CatatanForm(request.POST or None, wajib=True, submit_label="Kembalikan entri")
    if request.method == "POST" and form.is_valid():
        try:
            catatan = form.cleaned_data["catatan"]
            actions.return_informasi(info, by=request.user, catatan=catatan)
        except StepRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Catatan koreksi entri disimpan.")
        return redirect(kembali)
    return render(
        request,
        "dip/informasi_koreksi.html",
        {"edisi": info.edisi, "informasi": info, "form": form, "kembali": kembali},
    )


@role_required(Role.PETUGAS, Role.PELAKSANA)
def impor(request: HttpRequest, pk: int) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    if request.method != "POST" and (alasan := alur.boleh_ubah_isi(edisi, request.user)):
        messages.error(request, alasan)
        return redirect("dip:edisi", pk=edisi.pk)
    form = ImporForm(request.POST or None, request.FILES or None)
    gagal = None
    if request.method == "POST" and form.is_valid():
        try:
            hasil = actions.import_informasi(
                edisi,
                by=request.user,
                berkas_impor=form.cleaned_data["berkas"],
                form_class=InformasiPublikForm,
            )
        except berkas.ImporGagal as exc:
            gagal = exc
        except StepRefused as exc:
            messages.error(request, str(exc))
            return redirect("dip:edisi", pk=edisi.pk)
        else:
            messages.success(
                request,
                f"Impor selesai: {hasil.baru} entri baru, {hasil.diperbarui} diperbarui, "
                f"{hasil.tetap} tidak berubah.",
            )
            return redirect("dip:edisi", pk=edisi.pk)
    return render(
        request,
        "dip/impor.html",
        {"edisi": edisi, "form": form, "gagal": gagal, "kolom": berkas.KOLOM},
        status=422 if gagal else 200,
    )


@role_required(*DESK)
@require_GET
def templat_impor(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    if fmt == "csv":
        body, ctype = berkas.templat_csv(), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        body = berkas.ke_xlsx(edisi, [])
        ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404("Format tidak dikenal.")
    response = HttpResponse(body, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="templat-dip.{fmt}"'
    return response


# --- exports, documents, scan ----------------------------------------------------------------


@role_required(*DESK)
@require_GET
def ekspor(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The publication export of an adopted edition: stable ids, every column, no personal
    data."""
    edisi = get_edisi_for_user(request, pk)
    if not edisi.ditetapkan:
        messages.error(request, "Hanya DIP yang sudah ditetapkan yang dapat diekspor.")
        return redirect("dip:edisi", pk=edisi.pk)
    rows = berkas.semua_baris(edisi)
    if fmt == "csv":
        body, ctype = berkas.ke_csv(rows), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        body = berkas.ke_xlsx(edisi, rows)
        ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif fmt == "json":
        body, ctype = berkas.ke_json(edisi, rows), "application/json; charset=utf-8"
    else:
        raise Http404("Format tidak dikenal.")
    response = HttpResponse(body, content_type=ctype)
    nama = f"dip-{edisi.unit.kode.lower()}-{edisi.tahun}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response


def _cetak(request: HttpRequest, doc, back: str | None = None, mode: str = "live") -> HttpResponse:
    back = back or reverse("dip:edisi", args=[doc.edisi.pk])
    return print_response(request, doc, back, mode=mode)


@role_required(*DESK)
@require_GET
def cetak_rekap(request: HttpRequest, pk: int) -> HttpResponse:
    return _cetak(request, RekapDip(get_edisi_for_user(request, pk), request))


@role_required(*DESK)
@require_GET
def cetak_koreksi(request: HttpRequest, pk: int) -> HttpResponse:
    return _cetak(request, LembarKoreksi(get_edisi_for_user(request, pk), request))


@role_required(*DESK)
@require_GET
def cetak_sk(request: HttpRequest, pk: int) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    if not edisi.ditetapkan:
        raise Http404("DIP ini belum ditetapkan.")
    return _cetak(request, SkDip(edisi, request), mode="issued")


@role_required(*DESK)
@require_GET
def cetak_pengantar(request: HttpRequest, pk: int) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    if not edisi.nomor_pengantar:
        raise Http404("Surat pengantar belum diterbitkan.")
    return _cetak(request, SuratPengantarDip(edisi, request), mode="issued")


@role_required(*DESK)
@require_GET
def cetak_ralat(request: HttpRequest, pk: int, ralat_pk: int) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    ralat = get_object_or_404(ralat_of(edisi), pk=ralat_pk)
    return _cetak(request, RalatDip(edisi, request, ralat=ralat), mode="issued")


@role_required(*DESK)
@require_GET
def scan_sk(request: HttpRequest, pk: int) -> FileResponse:
    """The archived scan of the signed SK: only through this permission-checked view, never
    cached."""
    edisi = get_edisi_for_user(request, pk)
    if not edisi.scan_sk:
        raise Http404("Pindaian SK belum diunggah.")
    return protected_file(
        edisi.scan_sk,
        f"sk-dip-{edisi.unit.kode.lower()}-{edisi.tahun}",
        content_type=edisi.scan_sk_jenis or None,
    )


# --- DIK -----------------------------------------------------------------------------------


@role_required(*DESK)
def dik_daftar(request: HttpRequest) -> HttpResponse:
    qs = InformasiDikecualikan.objects.select_related("opd", "ditetapkan_oleh")
    semua = request.GET.get("semua") == "1"
    if not semua:
        qs = qs.aktif()
    return render(request, "dip/dik_daftar.html", {"daftar": qs, "semua": semua})


@role_required(*DESK)
def dik_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dik = get_object_or_404(
        InformasiDikecualikan.objects.select_related("opd", "ditetapkan_oleh"), pk=pk
    )
    return render(
        request,
        "dip/dik_detail.html",
        {"dik": dik, "timeline": timeline(dik, None, LABEL_PERISTIWA)},
    )


@role_required(Role.PPID)
def dik_tambah(request: HttpRequest) -> HttpResponse:
    # A refusal on Pasal 17 proposes its DIK entry (?permohonan=<pk>): the form opens filled
    # from the decision, for the PPID to check and confirm (issue 18).
    initial = _usulan_dari_permohonan(request)
    form = DikForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = _data_dik(form)
        try:
            dik = actions.establish_dik(by=request.user, data=data)
        except StepRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Informasi yang dikecualikan dicatat.")
            return redirect("dip:dik_detail", pk=dik.pk)
    return render(request, "dip/dik_form.html", {"form": form, "judul": "Tetapkan DIK"})


def _data_dik(form: DikForm) -> dict:
    data = {f: form.cleaned_data[f] for f in actions.FIELDS_DIK}
    return {**data, "peserta_uji": list(form.cleaned_data["peserta_uji"])}


def _usulan_dari_permohonan(request: HttpRequest) -> dict:
    """A DIK entry proposed from a request's decision on Pasal 17 (registrasi answers it
    through ppid_manual/penghubung.py: dip does not read the request)."""
    pk = request.GET.get("permohonan", "")
    if not pk.isdigit():
        return {}
    return penghubung.USULAN_DIK(request.user, int(pk))


@role_required(Role.PPID)
def dik_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    dik = get_object_or_404(InformasiDikecualikan, pk=pk)
    form = DikForm(request.POST or None, instance=dik)
    perbedaan = None
    if request.method == "POST" and form.is_valid():
        data = _data_dik(form)
        try:
            changed = actions.update_dik(
                dik, by=request.user, data=data, versi=form.cleaned_data["versi"]
            )
        except EditConflict as exc:
            form.add_error(None, str(exc))
            current = InformasiDikecualikan.objects.get(pk=dik.pk)
            perbedaan = form.differences(current)
            form.opened_on(current)
        except StepRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "DIK diubah." if changed else "Tidak ada perubahan.")
            return redirect("dip:dik_detail", pk=dik.pk)
    return render(
        request,
        "dip/dik_form.html",
        {"form": form, "dik": dik, "judul": "Ubah DIK", "perbedaan": perbedaan},
    )


def _versi(request: HttpRequest) -> int | None:
    """The version a confirmation page was opened on (its hidden `versi` field)."""
    try:
        return int(request.POST.get("versi", ""))
    except ValueError:
        return None


@role_required(*DESK)
@require_GET
def dik_cetak(request: HttpRequest) -> HttpResponse:
    return _cetak(request, DaftarDik(request=request), reverse("dip:dik_daftar"))


@role_required(*DESK)
def dik_penetapan(request: HttpRequest) -> HttpResponse:
    """The DIK adopted by numbered keputusan of the PPID: those issued, and for the PPID the
    form that issues the next one (POST only)."""
    form = PenetapanDikForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_role(Role.PPID):
            raise PermissionDenied
        pilihan = konsep_dari(request, PENETAPAN_PAGE)
        if pilihan is not None and form.is_valid():
            # The keputusan the button would issue, as a KONSEP: the action run and rolled
            # back, no number taken, nothing written (workflow/pages.py: konsep_response).
            back = reverse("dip:dik_penetapan")
            return konsep_response(request, PENETAPAN_PAGE, pilihan, None, form, back)
        if form.is_valid():
            try:
                penetapan = actions.issue_penetapan_dik(
                    by=request.user, tanggal=form.cleaned_data["tanggal"]
                )
            except StepRefused as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, f"DIK ditetapkan dengan Keputusan PPID Nomor {penetapan.nomor}."
                )
                return redirect("dip:dik_penetapan")
    hari_ini = timezone.localdate()
    return render(
        request,
        "dip/dik_penetapan.html",
        {
            "form": form,
            "daftar_penetapan": PenetapanDik.objects.select_related("penandatangan"),
            "akan_ditetapkan": InformasiDikecualikan.objects.dikecualikan_pada(hari_ini),
            "konsep": [{"label": "keputusan", "aksi": "konsep"}],
        },
    )


# The penetapan as a step page for its KONSEP (the page itself lists the penetapan too).
PENETAPAN_PAGE = StepPage(
    form=None,
    act=lambda _case, form, user: actions.issue_penetapan_dik(
        by=user, tanggal=form.cleaned_data["tanggal"]
    ),
    konsep=(Konsep("keputusan", lambda penetapan: KeputusanDik(penetapan)),),
)


@role_required(*DESK)
@require_GET
def dik_cetak_penetapan(request: HttpRequest, pk: int) -> HttpResponse:
    penetapan = get_object_or_404(PenetapanDik, pk=pk)
    return _cetak(request, KeputusanDik(penetapan, request), reverse("dip:dik_penetapan"), "issued")


@role_required(*DESK)
@require_GET
def dik_cetak_uji(request: HttpRequest, pk: int) -> HttpResponse:
    dik = get_object_or_404(
        InformasiDikecualikan.objects.select_related("opd", "ditetapkan_oleh"), pk=pk
    )
    return _cetak(request, UjiKonsekuensi(dik, request), reverse("dip:dik_detail", args=[dik.pk]))


# --- search --------------------------------------------------------------------------------


@role_required(*DESK)
@require_GET
def cari(request: HttpRequest) -> HttpResponse:
    form = CariForm(request.GET or None)
    hasil = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        hasil = search_informasi(form.cleaned_data["q"])
    return render(request, "dip/cari.html", {"form": form, "hasil": hasil})
