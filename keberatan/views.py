"""The keberatan desk: the work list, the intake, the detail page with its steps, the printed
documents, the scans and the register. Views fetch through one access helper, check, call an
action and redirect; they never assign a status."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from keberatan import actions
from keberatan.alur import (
    ALUR,
    MENUNGGU,
    SURAT_KELUAR,
    TENGGAT_PENGAJUAN,
    dasar_otomatis,
    saran_alasan,
    status_tugas,
    tahapan,
)
from keberatan.documents import (
    REGISTER_KOLOM,
    FormulirKeberatan,
    LembarDisposisi,
    RalatKeberatan,
    RegisterKeberatan,
    SuratTanggapan,
    register_queryset,
    register_rows,
    register_xlsx,
)
from keberatan.forms import (
    CariPermohonanForm,
    DisposisiForm,
    DrafForm,
    HasilSengketaForm,
    KeberatanForm,
    NomorKiForm,
    SengketaForm,
    SikapForm,
    TanggapanForm,
)
from keberatan.models import Keberatan
from keberatan.tenggat import rincian_tenggat
from pemohon import kasus
from pemohon.models import identitas_kasus_cocok
from ppid_manual import hukum, izin, kode, kotak_cari
from ppid_manual.access import izin_required, role_required
from ppid_manual.forms import RegisterForm
from ppid_manual.models import Unit
from ppid_manual.roles import ALL_DESK
from ppid_manual.workflow import calendar, penerimaan, penyampaian, tabel_pdf, terbit
from ppid_manual.workflow.calendar import today
from ppid_manual.workflow.deadlines import HK_DEKAT, is_near_due, near_due_limit
from ppid_manual.workflow.engine import Step, StepRefused
from ppid_manual.workflow.forms import PenyampaianForm
from ppid_manual.workflow.numbering import NumberingError
from ppid_manual.workflow.pages import (
    CaseUI,
    StepPage,
    note_page,
    print_response,
    protected_file,
    ralat_page,
    step_view,
    timeline,
)
from ppid_manual.workflow.ralat import ralat_of

S = Keberatan.Status
KP = Keberatan.Keputusan


def get_keberatan_for_user(request: HttpRequest, pk: int) -> Keberatan:
    """The one access helper: a keberatan this user may see, or 404 (a PPID Pelaksana never
    learns that another OPD's keberatan exists)."""
    qs = (
        Keberatan.objects.for_user(request.user)
        .registered()
        .select_related(
            "pemohon",
            "permohonan",
            "unit_registrasi",
            "unit_disposisi",
            "didaftarkan_oleh",
            "pejabat_disposisi",
            "pejabat_tanggapan",
        )
    )
    return get_object_or_404(qs, pk=pk)


# --- Work list ----------------------------------------------------------------------------

TABS = (
    ("tugas", "Tugas saya"),
    ("terbuka", "Semua yang berjalan"),
    ("selesai", "Selesai / sengketa"),
    ("semua", "Semua"),
)
TENGGAT_FILTER = {
    "terlambat": "Melewati tenggat",
    "mendekati": f"Jatuh tempo ≤ {HK_DEKAT} hari kerja",
    "masuk_terlambat": "Formulir lengkap / registrasi melewati target SOP (langkah 1–2)",
}


def _filters(request: HttpRequest) -> dict[str, str]:
    """The list's filters from the query string (the home page's figures link here), each
    checked; a value that makes no sense is ignored, never an error page."""
    found = {}
    status = request.GET.get("status", "")
    if status in S.values and status != S.BARU:
        found["status"] = status
    if request.GET.get("tenggat") in TENGGAT_FILTER:
        found["tenggat"] = request.GET["tenggat"]
    bulan = request.GET.get("bulan", "")
    try:
        year, month = (int(x) for x in bulan.split("-"))
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            found["bulan"] = f"{year:04d}-{month:02d}"
    except ValueError:
        pass
    return found


def _url_nomor(user, nomor: str) -> str | None:
    """The page of the keberatan this user may see that carries this registration number."""
    k = Keberatan.objects.for_user(user).filter(nomor_registrasi=nomor).first()
    return reverse("keberatan:detail", args=[k.pk]) if k is not None else None


@role_required(*ALL_DESK)
def daftar(request: HttpRequest) -> HttpResponse:
    """The work list, nearest deadline (legal or SOP) first; near-due and overdue marked."""
    dicari = kotak_cari.baca(request, batas=100)  # typed text by POST, never in the URL
    if dicari.alihkan is not None:
        return dicari.alihkan
    day = today()
    user = request.user
    default_tab = "tugas" if status_tugas(user) else "terbuka"
    tab = request.GET.get("tab", default_tab)
    if tab not in dict(TABS):
        tab = default_tab
    # A receipt's code typed or scanned here opens its case, as in the navbar's box.
    buka, q = kode.kode_di_kotak(request, dicari.teks, lambda nomor: _url_nomor(user, nomor))
    if buka is not None:
        return buka
    filters = _filters(request)
    base = Keberatan.objects.for_user(user).registered()
    qs = {
        "tugas": base.filter(status__in=status_tugas(user)),
        "terbuka": base.open(),
        "selesai": base.closed(),
        "semua": base,
    }[tab]
    if "status" in filters:
        qs = qs.filter(status=filters["status"])
    if filters.get("tenggat") == "terlambat":
        qs = qs.overdue(day)
    elif filters.get("tenggat") == "mendekati":
        qs = qs.near_due(day)
    elif filters.get("tenggat") == "masuk_terlambat":
        qs = qs.masuk_terlambat()
    if "bulan" in filters:
        year, month = (int(x) for x in filters["bulan"].split("-"))
        qs = qs.filter(tanggal_registrasi__year=year, tanggal_registrasi__month=month)
    if q:
        # The name given on the keberatan itself, and the pemohon's other cases that this
        # user may see by a name one of them was given (never the shared record).
        cocok = identitas_kasus_cocok(nama=q)
        qs = qs.filter(
            Q(nomor_registrasi__icontains=q)
            | Q(permohonan__nomor_pendaftaran__icontains=q)
            | cocok
            | kasus.pemohon_dikenal(user, cocok, qs.db)
            | Q(kuasa_nama__icontains=q)
        )
    if tab in ("selesai", "semua"):
        qs = qs.order_by("-tanggal_registrasi", "-pk")
    else:
        qs = qs.order_by(F("tenggat_terdekat").asc(nulls_last=True), "pk")
    qs = qs.select_related("pemohon", "permohonan", "unit_disposisi")
    page = Paginator(qs, 50).get_page(request.GET.get("halaman"))
    batas_dekat = near_due_limit(day)
    rows = []
    for k in page.object_list:
        k.menunggu = MENUNGGU.get(k.status, ("", ()))[0]
        k.hukum_lewat = bool(k.tenggat_hukum and k.tenggat_hukum < day)
        k.hukum_dekat = is_near_due(k.tenggat_hukum, day, batas_dekat)
        k.sop_lewat = bool(k.target_sop and k.target_sop < day)
        k.sop_dekat = is_near_due(k.target_sop, day, batas_dekat)
        k.terlambat_kini = k.is_open and (k.hukum_lewat or k.sop_lewat)
        k.mendekati = k.is_near_due(day, batas_dekat)
        rows.append(k)
    counts = {
        "terlambat": base.overdue(day).count(),
        "mendekati": base.near_due(day).count(),
    }
    label_filter = {
        "status": dict(S.choices).get(filters.get("status", ""), ""),
        "tenggat": TENGGAT_FILTER.get(filters.get("tenggat", ""), ""),
        "bulan": f"Registrasi bulan {filters['bulan'][5:]}/{filters['bulan'][:4]}"
        if "bulan" in filters
        else "",
    }
    return render(
        request,
        "keberatan/daftar.html",
        {
            "rows": rows,
            "page": page,
            "tab": tab,
            "tabs": TABS,
            "q": q,
            "filters": [label for label in label_filter.values() if label],
            "filter_items": list(filters.items()),
            "params": "&".join(p for p in (urlencode(filters), dicari.param) if p),
            "counts": counts,
            "today": day,
        },
    )


# --- Intake and registration --------------------------------------------------------------


@izin_required(izin.Aksi.DAFTAR_KEBERATAN)
def baru(request: HttpRequest) -> HttpResponse:
    """The Formulir Keberatan: find the request by its nomor pendaftaran (or go on without
    one, reason b only), then the form; nothing is saved unless every field is right."""
    permohonan = None
    cari = CariPermohonanForm(request.GET if "nomor" in request.GET else None, user=request.user)
    tanpa_nomor = request.GET.get("tanpa") == "1"
    if request.method == "POST":
        form = KeberatanForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                k = actions.register_keberatan(form.to_pengajuan(), by=request.user)
            except actions.SudahDiajukan as done:
                messages.info(request, "Formulir ini sudah didaftarkan sebelumnya.")
                return redirect("keberatan:detail", done.keberatan.pk)
            except (StepRefused, NumberingError) as exc:
                form.add_error(None, str(exc))
            else:
                if k.terlambat:
                    messages.warning(
                        request,
                        f"Keberatan {k.nomor_registrasi} didaftarkan, tetapi diajukan melewati "
                        f"batas {hukum.HK_KEBERATAN} hari kerja (UU 14/2008 "
                        f"{hukum.pasal('36(1)')}); catatan ini "
                        "tersimpan pada riwayat.",
                    )
                elif k.penilaian_pengajuan == Keberatan.Pengajuan.BELUM_PASTI:
                    messages.warning(
                        request,
                        f"Keberatan {k.nomor_registrasi} didaftarkan. Ketepatan waktu "
                        f"pengajuannya belum dapat dinilai ({hukum.DASAR_PENGAJUAN_KEBERATAN}); "
                        "keterangannya ada pada halaman keberatan.",
                    )
                else:
                    messages.success(request, f"Keberatan {k.nomor_registrasi} didaftarkan.")
                notice = penerimaan.catatan(k.tanggal_diterima, timezone.localtime())
                if notice:
                    messages.info(request, notice)
                return redirect(reverse("keberatan:detail", args=[k.pk]) + "?baru=1")
        permohonan = form.permohonan
        tanpa_nomor = not form.terhubung
    elif cari.is_bound and cari.is_valid():
        permohonan = cari.permohonan
        form = KeberatanForm(initial=KeberatanForm.initial_for(permohonan), permohonan=permohonan)
    elif tanpa_nomor:
        form = KeberatanForm(initial=KeberatanForm.initial_for(None))
    else:
        form = None
    day = today()
    dasar = dasar_otomatis(permohonan, day) if permohonan else None
    batas = TENGGAT_PENGAJUAN.count_from(dasar.tanggal) if dasar else None
    return render(
        request,
        "keberatan/baru.html",
        {
            "cari": cari,
            "form": form,
            "p": permohonan,
            "tanpa_nomor": tanpa_nomor,
            "dasar": dasar,
            "batas_pengajuan": batas,
            # An estimated window never calls the filing late (alur.nilai_pengajuan).
            "lewat_batas": bool(batas and day > batas and not dasar.perkiraan),
            "lewat_perkiraan": bool(batas and day > batas and dasar.perkiraan),
            "saran": saran_alasan(permohonan, day) if permohonan else None,
            "lihat_nik": izin.boleh(request.user, izin.Aksi.LIHAT_NIK),
            "lihat_permohonan": bool(permohonan and permohonan.visible_to(request.user)),
            # Earlier keberatan on the same request, so the desk does not register one twice.
            "sebelumnya": list(permohonan.keberatan.registered().order_by("pk"))
            if permohonan
            else [],
            "today": day,
        },
    )


# --- Detail ---------------------------------------------------------------------------------


def _documents(k: Keberatan) -> list[dict[str, str]]:
    docs = [
        {
            "label": "Formulir keberatan (2 lembar, tanda terima)",
            "url": reverse("keberatan:cetak_formulir", args=[k.pk]),
            "nomor": k.nomor_registrasi,
        }
    ]
    if k.tanggal_disposisi:
        docs.append(
            {
                "label": "Lembar disposisi Atasan PPID",
                "url": reverse("keberatan:cetak_disposisi", args=[k.pk]),
                "nomor": "",
            }
        )
    if k.tanggal_tanggapan:
        docs.append(
            {
                "label": "Surat tanggapan Atasan PPID",
                "url": reverse("keberatan:cetak_tanggapan", args=[k.pk]),
                "nomor": k.nomor_tanggapan,
            }
        )
    elif k.draf_keputusan:
        docs.append(
            {
                "label": "Konsep surat tanggapan (draf)",
                "url": reverse("keberatan:cetak_tanggapan", args=[k.pk]),
                "nomor": "",
            }
        )
    for r in ralat_of(k):
        docs.append(
            {
                "label": f"Ralat {r.dokumen.judul.lower()}",
                "url": reverse("keberatan:cetak_ralat", args=[k.pk, r.pk]),
                "nomor": r.nomor,
            }
        )
    return docs


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    k = get_keberatan_for_user(request, pk)
    day = today()
    langkah = UI.buttons(k, request.user)
    tenggat = rincian_tenggat(k, day)
    return render(
        request,
        "keberatan/detail.html",
        {
            "k": k,
            "p": k.permohonan,
            "pemohon": k.pemohon_kasus,
            "langkah": langkah,
            "menunggu": MENUNGGU.get(k.status, ("", ()))[0],
            "tahapan": tahapan(k),
            "tenggat": tenggat,
            # A count that reached a year with no holiday rows may have come out too early.
            "tahun_kosong": calendar.years_without_days_off(
                min(t.mulai for t in tenggat), max(t.tenggat for t in tenggat)
            )
            if tenggat
            else [],
            "events": timeline(k, ALUR),
            "dokumen": _documents(k),
            "terbitan": terbit.daftar_kasus(k),
            "penyampaian": penyampaian.rincian(k, SURAT_KELUAR),
            "lihat_nik": izin.boleh(request.user, izin.Aksi.LIHAT_NIK),
            "lihat_permohonan": bool(k.permohonan and k.permohonan.visible_to(request.user)),
            "baru": request.GET.get("baru") == "1",
            "tanggapan_lewat": k.tanggapan_lewat(day),
            "dasar_sengketa_tanpa_tanggapan": hukum.DASAR_SENGKETA_TANPA_TANGGAPAN,
        },
    )


# --- Steps ----------------------------------------------------------------------------------


def _disposisi_form(k: Keberatan, data, step: Step) -> DisposisiForm:
    unit = (k.permohonan.unit_tujuan if k.permohonan else None) or Unit.objects.filter(
        jenis=Unit.Jenis.PPID_UTAMA
    ).first()
    return DisposisiForm(data, initial={"unit": unit}, submit_label=step.label, css=step.css)


def _tanggapan(keputusan: str) -> StepPage:
    def form(k: Keberatan, data, step: Step) -> TanggapanForm:
        # The answer starts from the draft the Atasan approved: its reasons and its terms.
        initial = (
            {"pertimbangan": k.draf_pertimbangan, **_amar_awal(k.draf_amar)}
            if k.draf_keputusan == keputusan
            else {}
        )
        return TanggapanForm(
            data, initial=initial, keputusan=keputusan, submit_label=step.label, css=step.css
        )

    def act(k: Keberatan, f: TanggapanForm, user) -> Keberatan:
        return actions.answer_keberatan(
            k,
            by=user,
            keputusan=keputusan,
            pertimbangan=f.cleaned_data["pertimbangan"],
            amar=f.amar(),
        )

    intro = {
        KP.DIBERIKAN: (
            "Putusan PPID dibatalkan; permohonan yang terkait dibuka kembali untuk penyerahan "
            "informasi. Surat tanggapan ditandatangani Atasan PPID yang menjabat hari ini."
        ),
        KP.DITOLAK: (
            "Putusan PPID dikuatkan. Tuliskan alasan tertulis penolakan (UU 14/2008 "
            f"{hukum.pasal('36(3)')}); surat tanggapan memuat hak pemohon mengajukan "
            "sengketa ke Komisi "
            f"Informasi Provinsi Bali dalam {hukum.HK_SENGKETA} hari kerja."
        ),
        KP.MUSYAWARAH: (
            f"Hanya untuk alasan huruf b–g (UU 14/2008 {hukum.pasal('35(2)')}). Tuliskan "
            "isi kesepakatan."
        ),
        KP.SEBAGIAN: (
            "Sebagian informasi diberikan, sebagian tetap dikecualikan: tuliskan keduanya dan "
            "dasarnya. Permohonan yang terkait dibuka kembali untuk penyerahan bagian yang "
            "diberikan."
        ),
        KP.BIAYA: (
            "Biaya yang dikenakan PPID dikoreksi: tuliskan biaya yang ditetapkan. Penyerahan "
            "pada permohonan yang dibuka kembali tidak boleh melebihinya."
        ),
        KP.WAKTU: (
            "Waktu penyediaan dikoreksi: tuliskan tanggal paling lambat informasi disediakan. "
            "Permohonan yang terkait dibuka kembali untuk penyerahan."
        ),
    }[keputusan]
    return StepPage(form, act, intro, "Tanggapan Atasan PPID dicatat.")


def _disposisi_act(k, f, user):
    return actions.record_disposisi(
        k,
        by=user,
        unit=f.cleaned_data["unit"],
        isi=f.cleaned_data["isi"],
        sifat=f.cleaned_data["sifat"],
    )


def _amar_awal(data: dict) -> dict:
    """A draft's terms (Keberatan.draf_amar) as a form's initial values."""
    amar = actions.Amar.from_data(data or {})
    awal = {
        "informasi_diberikan": amar.informasi_diberikan,
        "informasi_tertutup": amar.informasi_tertutup,
        "pasal17": list(amar.pasal17),
        "biaya": amar.biaya,
        "tanggal_tersedia": amar.tanggal_tersedia,
    }
    return {name: value for name, value in awal.items() if value not in ("", [], None)}


def _ajukan_draf_form(k, data, step):
    return DrafForm(
        data,
        keberatan=k,
        initial={
            "keputusan": k.draf_keputusan,
            "pertimbangan": k.draf_pertimbangan,
            **_amar_awal(k.draf_amar),
        },
        submit_label=step.label,
        css=step.css,
    )


def _ajukan_draf_act(k, f, user):
    return actions.submit_draft(
        k,
        by=user,
        keputusan=f.cleaned_data["keputusan"],
        pertimbangan=f.cleaned_data["pertimbangan"],
        amar=f.amar(),
    )


def _catat_penyampaian_form(k, data, step):
    return PenyampaianForm(
        data,
        initial={
            "tanggal": today(),
            "cara": k.tanggapan_cara or None,
            "alamat": k.pemohon_kasus.email,
        },
        submit_label=step.label,
        css=step.css,
        tercatat=[
            f"{x.judul}: {x.uraian}" for x in penyampaian.rincian(k, SURAT_KELUAR) if x.dicatat
        ],
    )


def _catat_diterima_form(k, data, step):
    return SikapForm(
        data,
        keberatan=k,
        initial={"tanggal_sikap": today()},
        submit_label=step.label,
        css=step.css,
    )


def _catat_diterima_act(k, f, user):
    return actions.record_acceptance(
        k,
        by=user,
        tanggal_sikap=f.cleaned_data["tanggal_sikap"],
        note=f.cleaned_data["catatan"],
    )


def _catat_sengketa_form(k, data, step):
    return SengketaForm(data, keberatan=k, submit_label=step.label, css=step.css)


def _catat_sengketa_act(k, f, user):
    return actions.record_sengketa(
        k,
        by=user,
        tanggal_sengketa=f.cleaned_data["tanggal_sengketa"],
        nomor_register=f.cleaned_data["nomor_register"],
        diketahui_dari=f.cleaned_data["diketahui_dari"],
        note=f.cleaned_data["catatan"],
    )


def _catat_nomor_ki_form(k, data, step):
    return NomorKiForm(
        data,
        initial={"nomor_register": k.nomor_register_ki},
        submit_label=step.label,
        css=step.css,
    )


def _catat_nomor_ki_act(k, f, user):
    return actions.record_nomor_ki(
        k, by=user, nomor_register=f.cleaned_data["nomor_register"].strip()
    )


def _catat_hasil_sengketa_form(k, data, step):
    return HasilSengketaForm(
        data,
        keberatan=k,
        initial={"tanggal_hasil": today()},
        submit_label=step.label,
        css=step.css,
    )


def _catat_hasil_sengketa_act(k, f, user):
    return actions.record_hasil_sengketa(
        k,
        by=user,
        hasil=f.cleaned_data["hasil"],
        tanggal_hasil=f.cleaned_data["tanggal_hasil"],
        pelaksanaan=f.cleaned_data["pelaksanaan"],
        note=f.cleaned_data["catatan"],
    )


PAGES: dict[str, StepPage] = {
    "disposisi": StepPage(
        _disposisi_form,
        _disposisi_act,
        "Periksa formulir keberatan, lalu instruksikan PPID atau PPID Pelaksana menyusun draf "
        f"tanggapan (target SOP {hukum.SOP_DRAF} hari kerja).",
        "Disposisi dicatat; lembar disposisi dapat dicetak.",
    ),
    "ajukan_draf": StepPage(
        _ajukan_draf_form,
        _ajukan_draf_act,
        "Draf diajukan ke Atasan PPID, yang menyetujui atau mengembalikannya dengan catatan.",
        "Draf tanggapan diajukan ke Atasan PPID.",
    ),
    "kembalikan_draf": note_page(
        actions.return_draft,
        keyword="catatan",
        label="Catatan perbaikan untuk penyusun draf",
        max_length=3000,
        rows=4,
        intro=f"Catatan tersimpan pada riwayat; target draf {hukum.SOP_DRAF} hari kerja "
        "dimulai lagi hari ini.",
        success="Draf dikembalikan untuk perbaikan.",
    ),
    "setujui_draf": note_page(
        actions.approve_draft,
        label="Catatan (opsional)",
        wajib=False,
        max_length=3000,
        rows=4,
        intro="Sesudah disetujui, Atasan PPID memberi tanggapan (target SOP "
        f"{hukum.SOP_JAWABAN} hari kerja).",
        success="Draf disetujui.",
    ),
    "tanggapi_diberikan": _tanggapan(KP.DIBERIKAN),
    "tanggapi_ditolak": _tanggapan(KP.DITOLAK),
    "tanggapi_musyawarah": _tanggapan(KP.MUSYAWARAH),
    "tanggapi_sebagian": _tanggapan(KP.SEBAGIAN),
    "tanggapi_biaya": _tanggapan(KP.BIAYA),
    "tanggapi_waktu": _tanggapan(KP.WAKTU),
    "catat_penyampaian": StepPage(
        _catat_penyampaian_form,
        lambda k, f, user: actions.record_penyampaian(k, f.penyampaian(), by=user),
        f"UU 14/2008 {hukum.pasal('37(2)')}: {hukum.HK_SENGKETA} hari kerja ke Komisi "
        "Informasi dihitung sejak "
        "tanggapan tertulis diterima pemohon. Tanggal kirim pos dicatat sebagai perkiraan "
        "sampai tanggal diterima dikonfirmasi.",
        "Penyampaian tanggapan dicatat; batas pengajuan sengketa dihitung dari tanggal diterima.",
    ),
    "catat_diterima": StepPage(
        _catat_diterima_form,
        _catat_diterima_act,
        f"Pemohon menerima tanggapan, atau {hukum.HK_SENGKETA} hari kerja lewat tanpa sengketa.",
        "Sikap pemohon dicatat; keberatan selesai.",
    ),
    "catat_sengketa": StepPage(
        _catat_sengketa_form,
        _catat_sengketa_act,
        f"UU 14/2008 {hukum.pasal('37')}: sengketa diajukan ke Komisi Informasi Provinsi "
        f"Bali dalam {hukum.HK_SENGKETA} hari kerja sejak tanggapan diterima.",
        "Sengketa dicatat.",
    ),
}
PAGES["catat_nomor_ki"] = StepPage(
    _catat_nomor_ki_form,
    _catat_nomor_ki_act,
    "Nomor register dari Komisi Informasi Provinsi Bali untuk sengketa yang sudah dicatat.",
    "Nomor register Komisi Informasi dicatat.",
)
PAGES["catat_hasil_sengketa"] = StepPage(
    _catat_hasil_sengketa_form,
    _catat_hasil_sengketa_act,
    "Hasil penyelesaian sengketa di Komisi Informasi Provinsi Bali, menurut urutannya: mediasi, "
    "putusan ajudikasi, keberatan ke PTUN atas putusan itu, kasasi ke Mahkamah Agung; atau "
    "sengketa dicabut. Hanya hasil yang dapat menyusul status sekarang yang ditawarkan.",
    "Hasil sengketa dicatat.",
)
PAGES["ralat"] = ralat_page(
    actions.RALAT,
    actions.ralat_surat,
    lambda r: RalatKeberatan(Keberatan.objects.get(pk=r.object_id), ralat=r),
    "Ralat memperbaiki surat yang sudah terbit dengan surat baru bernomor yang menyebut "
    "surat yang diralat dan alasannya; surat lama tetap tersimpan dan ditandai digantikan. "
    "Bagian yang dapat diralat tidak mengubah tenggat. Petugas meralat formulir keberatan; "
    "Atasan PPID meralat lembar disposisi dan surat tanggapan.",
)
PAGES["catat_sengketa_tanpa_tanggapan"] = StepPage(
    PAGES["catat_sengketa"].form,
    PAGES["catat_sengketa"].act,
    f"Atasan PPID tidak menanggapi dalam {hukum.HK_TANGGAPAN} hari kerja; pemohon dapat "
    "langsung mengajukan "
    f"sengketa ke Komisi Informasi (UU 14/2008 {hukum.pasal('37')}).",
    "Sengketa dicatat.",
)


def _step_context(request: HttpRequest, k: Keberatan) -> dict[str, Any]:
    return {
        "k": k,
        "p": k.permohonan,
        "lihat_nik": izin.boleh(request.user, izin.Aksi.LIHAT_NIK),
        "lihat_permohonan": bool(k.permohonan and k.permohonan.visible_to(request.user)),
    }


UI = CaseUI(
    table=ALUR,
    pages=PAGES,
    get_case=get_keberatan_for_user,
    detail_url=lambda k: reverse("keberatan:detail", args=[k.pk]),
    url_name="keberatan:langkah",
    template="keberatan/langkah.html",
    context=_step_context,
)


def langkah(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    return step_view(request, pk, step, ui=UI)


# --- Documents and scans -------------------------------------------------------------------


def _pdf(request: HttpRequest, document, mode: str = "issued") -> HttpResponse:
    """A letter of the keberatan: as issued (the stored bytes), or a KONSEP before its step."""
    return print_response(
        request, document, reverse("keberatan:detail", args=[document.keberatan.pk]), mode=mode
    )


@require_GET
@izin_required(izin.Aksi.CETAK_SURAT)
def cetak_formulir(request: HttpRequest, pk: int) -> HttpResponse:
    k = get_keberatan_for_user(request, pk)
    return _pdf(
        request, FormulirKeberatan(k, request), "issued" if k.nomor_registrasi else "konsep"
    )


@require_GET
@izin_required(izin.Aksi.CETAK_SURAT)
def cetak_disposisi(request: HttpRequest, pk: int) -> HttpResponse:
    k = get_keberatan_for_user(request, pk)
    if k.tanggal_disposisi is None:
        raise Http404("Belum ada disposisi.")
    return _pdf(request, LembarDisposisi(k, request))


@require_GET
@izin_required(izin.Aksi.CETAK_SURAT)
def cetak_tanggapan(request: HttpRequest, pk: int) -> HttpResponse:
    k = get_keberatan_for_user(request, pk)
    if k.tanggal_tanggapan is None and not k.draf_keputusan:
        raise Http404("Belum ada draf atau surat tanggapan.")
    mode = "konsep" if k.tanggal_tanggapan is None else "issued"
    return _pdf(request, SuratTanggapan(k, request), mode)


@require_GET
@izin_required(izin.Aksi.CETAK_SURAT)
def cetak_ralat(request: HttpRequest, pk: int, ralat_pk: int) -> HttpResponse:
    k = get_keberatan_for_user(request, pk)
    ralat = get_object_or_404(ralat_of(k), pk=ralat_pk)
    return _pdf(request, RalatKeberatan(k, request, ralat=ralat))


BERKAS = {"identitas": "scan_identitas", "surat-kuasa": "surat_kuasa"}


@require_GET
@login_required
def berkas(request: HttpRequest, pk: int, jenis: str) -> FileResponse:
    """A scan (NIK copy, surat kuasa): personal data (UU 27/2022 PDP), only for the roles that
    need it, never cached."""
    k = get_keberatan_for_user(request, pk)
    if not izin.boleh(request.user, izin.Aksi.LIHAT_NIK):
        raise PermissionDenied("Peran Anda tidak berwenang membuka pindaian identitas.")
    field = BERKAS.get(jenis)
    if field is None:
        raise Http404("Berkas tidak dikenal.")
    return protected_file(getattr(k, field), f"{jenis}-{k.pk}")


# --- Register ---------------------------------------------------------------------------------


@izin_required(izin.Aksi.REGISTER_KEBERATAN)
def register(request: HttpRequest) -> HttpResponse:
    """The Register Keberatan for a period (DESIGN.md section 5), on screen, PDF or XLSX."""
    day = today()
    data = request.GET if "dari" in request.GET else None
    form = RegisterForm(data, initial={"dari": day.replace(month=1, day=1), "sampai": day})
    rows = None
    if form.is_valid():
        dari, sampai = form.cleaned_data["dari"], form.cleaned_data["sampai"]
        qs = register_queryset(request.user, dari, sampai)
        fmt = request.GET.get("format")
        if fmt == "pdf":
            jumlah = qs.count()
            if jumlah > tabel_pdf.LANGSUNG_MAKS:
                return tabel_pdf.cetak_di_latar("keberatan", dari, sampai)
        rows = register_rows(qs)
        if fmt == "pdf":
            return RegisterKeberatan(rows, dari, sampai, request).response()
        if fmt == "xlsx":
            response = HttpResponse(
                register_xlsx(rows, dari, sampai),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = (
                f'attachment; filename="register-keberatan-{dari:%Y%m%d}-{sampai:%Y%m%d}.xlsx"'
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request,
        "keberatan/register.html",
        {"form": form, "rows": rows, "kolom": REGISTER_KOLOM},
    )
