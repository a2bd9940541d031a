"""Pages of the DIP and the DIK. Fetch through the access helpers, guard, call the action,
redirect; state changes are POST only. A PPID Pelaksana reaches only its own OPD's editions
and entries (anything else is 404)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from dip import actions, alur, berkas
from dip.documents import (
    DaftarDik,
    LembarKoreksi,
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
    PenetapanForm,
    PengantarForm,
    PublikasiForm,
    ScanSkForm,
)
from dip.models import CatatanKoreksi, DipEdisi, InformasiDikecualikan, InformasiPublik
from dip.search import search_informasi
from ppid_manual.access import role_required
from ppid_manual.models import Event, Pejabat, Unit
from ppid_manual.roles import ALL_DESK, Role
from ppid_manual.workflow.engine import StepRefused
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


def _kembali(request: HttpRequest, default: str) -> str:
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, {request.get_host()}, request.is_secure()):
        return nxt
    return default


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
    edisi_list = list(qs)
    return render(
        request,
        "dip/daftar.html",
        {
            "provinsi": [e for e in edisi_list if e.is_provinsi],
            "opd": [e for e in edisi_list if not e.is_provinsi],
            "tahun_list": tahun_list,
            "tahun": tahun,
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
            edisi = actions.buat_edisi(
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


def _timeline(obj, table=None) -> list[dict[str, Any]]:
    """The event log of an edition (with its table's step labels) or of a DIK entry."""
    labels = dict(S.choices)
    step_labels = {s.name: s.label for s in table.steps} if table is not None else {}
    step_labels.update(LABEL_PERISTIWA)
    rows = []
    for ev in Event.objects.for_object(obj).select_related("actor"):
        rows.append(
            {
                "event": ev,
                "langkah": step_labels.get(ev.step, ev.step),
                "dari": labels.get(ev.from_state, ev.from_state),
                "ke": labels.get(ev.to_state, ev.to_state),
                "berubah": ev.from_state != ev.to_state,
            }
        )
    return rows


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
    return alur.alasan_tolak(edisi, step, user) is None


def _tombol(edisi: DipEdisi, user) -> list[dict[str, Any]]:
    return [
        {
            "step": step,
            "alasan": alasan,
            "form": LANGKAH[step.name].form is not None,
            "url": reverse("dip:langkah", args=[edisi.pk, step.name]),
        }
        for step, alasan in alur.tombol(edisi, user)
    ]


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
            pengajuan.append({"edisi": opd_edisi, "tombol": _tombol(opd_edisi, user)})
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
            "progres": alur.progres(edisi),
            "tombol": _tombol(edisi, user),
            "timeline": _timeline(edisi, alur.alur_edisi(edisi)),
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


@dataclass(frozen=True)
class Langkah:
    """How the page of one step collects its input and which action it calls."""

    call: Callable[[DipEdisi, Any, dict[str, Any]], Any]
    form: Callable[..., Any] | None = None
    keterangan: str = ""


def _catatan_form(wajib: bool, tombol: str):
    def build(data, files, edisi):
        return CatatanForm(data, wajib=wajib, tombol=tombol)

    return build


def _form(cls):
    def build(data, files, edisi):
        return cls(data, files, edisi=edisi)

    return build


def _scan_form(data, files, edisi):
    return ScanSkForm(data, files)


LANGKAH: dict[str, Langkah] = {
    "ajukan": Langkah(lambda e, u, d: actions.ajukan(e, by=u)),
    "kembalikan_tidak_lengkap": Langkah(
        lambda e, u, d: actions.kembalikan_tidak_lengkap(e, by=u, catatan=d["catatan"]),
        _catatan_form(True, "Kembalikan ke PPID Pelaksana"),
        "Tuliskan apa yang kurang; pengajuan kembali ke PPID Pelaksana untuk dilengkapi.",
    ),
    "rekap": Langkah(lambda e, u, d: actions.rekap(e, by=u)),
    "koreksi": Langkah(
        lambda e, u, d: actions.kembalikan_pengajuan(e, by=u, catatan=d["catatan"]),
        _catatan_form(True, "Kembalikan pengajuan"),
        "Seluruh pengajuan perangkat daerah ini dikembalikan melalui petugas pelayanan ke "
        "PPID Pelaksana dengan catatan koreksi.",
    ),
    "teruskan": Langkah(lambda e, u, d: actions.teruskan(e, by=u)),
    "tetapkan": Langkah(
        lambda e, u, d: actions.tetapkan(
            e, by=u, tanggal_sk=d["tanggal_sk"], catatan=d.get("catatan", "")
        ),
        _form(PenetapanForm),
    ),
    "terbitkan_pengantar": Langkah(
        lambda e, u, d: actions.terbitkan_pengantar(
            e, by=u, tanggal=d["tanggal"], tujuan=d["tujuan"]
        ),
        _form(PengantarForm),
        "Nomor surat pengantar diambil dari format nomor “Surat pengantar DIP”.",
    ),
    "catat_publikasi": Langkah(
        lambda e, u, d: actions.catat_publikasi(e, by=u, **d),
        _form(PublikasiForm),
        "Catat setiap kanal tempat DIP ini dipublikasikan setelah sistem daring berfungsi.",
    ),
    "unggah_scan": Langkah(
        lambda e, u, d: actions.unggah_scan_sk(e, by=u, berkas_scan=d["berkas"]),
        _scan_form,
        "Arsip softcopy SK yang sudah ditandatangani. Unggahan baru menggantikan yang lama.",
    ),
    "ajukan_ppid": Langkah(lambda e, u, d: actions.ajukan_ppid(e, by=u)),
    "kembalikan_ke_petugas": Langkah(
        lambda e, u, d: actions.kembalikan_ke_petugas(e, by=u, catatan=d["catatan"]),
        _catatan_form(False, "Kembalikan ke petugas"),
        "Rekap kembali ke petugas pelayanan, yang meneruskan koreksi ke PPID Pelaksana. "
        "Catatan boleh kosong bila koreksi sudah dicatat per entri atau per pengajuan.",
    ),
    "ajukan_atasan": Langkah(lambda e, u, d: actions.ajukan_atasan(e, by=u)),
    "kembalikan_ke_ppid": Langkah(
        lambda e, u, d: actions.kembalikan_ke_ppid(e, by=u, catatan=d["catatan"]),
        _catatan_form(True, "Kembalikan ke PPID"),
    ),
}


@role_required(*DESK)
def langkah(request: HttpRequest, pk: int, nama: str) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    try:
        step = alur.alur_edisi(edisi).get(nama)
        spec = LANGKAH[nama]
    except KeyError:
        raise Http404("Langkah tidak dikenal.") from None
    kembali = _kembali(request, reverse("dip:edisi", args=[edisi.pk]))
    if spec.form is None and request.method != "POST":
        return redirect(kembali)
    if request.method != "POST":
        if alasan := alur.alasan_tolak(edisi, step, request.user):
            messages.error(request, alasan)
            return redirect(kembali)
    form = None
    if spec.form is not None:
        post = request.method == "POST"
        form = spec.form(request.POST if post else None, request.FILES if post else None, edisi)
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            spec.call(edisi, request.user, form.cleaned_data if form is not None else {})
        except StepRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Langkah “{step.label}” selesai.")
        return redirect(kembali)
    return render(
        request,
        "dip/langkah.html",
        {"edisi": edisi, "step": step, "form": form, "keterangan": spec.keterangan},
    )


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
            actions.tambah_informasi(edisi, by=request.user, data=form.cleaned_data)
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
            changed = actions.ubah_informasi(
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
            actions.hapus_informasi(info, by=request.user, versi=_versi(request))
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
    kembali = _kembali(request, kembali)
    if request.method != "POST" and not _boleh_koreksi_entri(info.edisi, request.user):
        step = alur.alur_edisi(info.edisi).get(
            "catat_koreksi" if info.edisi.is_provinsi else "koreksi"
        )
        messages.error(request, alur.alasan_tolak(info.edisi, step, request.user))
        return redirect(kembali)
    form = CatatanForm(request.POST or None, wajib=True, tombol="Kembalikan entri")
    if request.method == "POST" and form.is_valid():
        try:
            catatan = form.cleaned_data["catatan"]
            actions.kembalikan_informasi(info, by=request.user, catatan=catatan)
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
            hasil = actions.impor_informasi(
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


def _cetak(request: HttpRequest, doc) -> HttpResponse:
    try:
        return doc.response()
    except Pejabat.DoesNotExist as exc:
        messages.error(request, str(exc))
        return redirect(request.META.get("HTTP_REFERER") or reverse("dip:daftar"))


@role_required(*DESK)
@require_GET
def cetak_rekap(request: HttpRequest, pk: int) -> HttpResponse:
    return _cetak(request, RekapDip(request, edisi=get_edisi_for_user(request, pk)))


@role_required(*DESK)
@require_GET
def cetak_koreksi(request: HttpRequest, pk: int) -> HttpResponse:
    return _cetak(request, LembarKoreksi(request, edisi=get_edisi_for_user(request, pk)))


@role_required(*DESK)
@require_GET
def cetak_sk(request: HttpRequest, pk: int) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    if not edisi.ditetapkan:
        raise Http404("DIP ini belum ditetapkan.")
    return _cetak(request, SkDip(request, edisi=edisi))


@role_required(*DESK)
@require_GET
def cetak_pengantar(request: HttpRequest, pk: int) -> HttpResponse:
    edisi = get_edisi_for_user(request, pk)
    if not edisi.nomor_pengantar:
        raise Http404("Surat pengantar belum diterbitkan.")
    return _cetak(request, SuratPengantarDip(request, edisi=edisi))


@role_required(*DESK)
@require_GET
def scan_sk(request: HttpRequest, pk: int) -> FileResponse:
    """The archived scan of the signed SK: only through this permission-checked view, never
    cached."""
    edisi = get_edisi_for_user(request, pk)
    if not edisi.scan_sk:
        raise Http404("Pindaian SK belum diunggah.")
    ext = edisi.scan_sk.name.rsplit(".", 1)[-1]
    response = FileResponse(
        edisi.scan_sk.open("rb"),
        content_type=edisi.scan_sk_jenis or "application/octet-stream",
        as_attachment=False,
        filename=f"sk-dip-{edisi.unit.kode.lower()}-{edisi.tahun}.{ext}",
    )
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


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
    return render(request, "dip/dik_detail.html", {"dik": dik, "timeline": _timeline(dik)})


@role_required(Role.PPID)
def dik_tambah(request: HttpRequest) -> HttpResponse:
    form = DikForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in actions.FIELDS_DIK}
        try:
            dik = actions.tetapkan_dik(by=request.user, data=data)
        except StepRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Informasi yang dikecualikan dicatat.")
            return redirect("dip:dik_detail", pk=dik.pk)
    return render(request, "dip/dik_form.html", {"form": form, "judul": "Tetapkan DIK"})


@role_required(Role.PPID)
def dik_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    dik = get_object_or_404(InformasiDikecualikan, pk=pk)
    form = DikForm(request.POST or None, instance=dik)
    perbedaan = None
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in actions.FIELDS_DIK}
        try:
            changed = actions.ubah_dik(
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
    daftar = InformasiDikecualikan.objects.aktif().select_related("opd", "ditetapkan_oleh")
    return _cetak(request, DaftarDik(request, daftar=daftar))


@role_required(*DESK)
@require_GET
def dik_cetak_uji(request: HttpRequest, pk: int) -> HttpResponse:
    dik = get_object_or_404(
        InformasiDikecualikan.objects.select_related("opd", "ditetapkan_oleh"), pk=pk
    )
    return _cetak(request, UjiKonsekuensi(request, dik=dik))


# --- search --------------------------------------------------------------------------------


@role_required(*DESK)
@require_GET
def cari(request: HttpRequest) -> HttpResponse:
    form = CariForm(request.GET or None)
    hasil = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        hasil = search_informasi(form.cleaned_data["q"])
    return render(request, "dip/cari.html", {"form": form, "hasil": hasil})
