"""The desk's screens for permohonan: short views that fetch through one access helper,
guard, call an action and redirect. State changes are POST only; a refused step comes back as
an Indonesian alert on the detail page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import DateField, F, OuterRef, Subquery, Value
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from pemohon import identitas as pemohon_mod
from pemohon.forms import CariPemohonForm
from pemohon.models import PencarianIdentitas
from ppid_manual import hukum, izin, kode, kotak_cari, penghubung
from ppid_manual.access import izin_required, role_required
from ppid_manual.forms import RegisterForm
from ppid_manual.paging import counted_page
from ppid_manual.roles import ALL_DESK, Role
from ppid_manual.workflow import calendar, penerimaan, tabel_pdf, terbit
from ppid_manual.workflow import penyampaian as penyampaian_surat
from ppid_manual.workflow.deadlines import near_due_limit
from ppid_manual.workflow.engine import StepRefused
from ppid_manual.workflow.forms import PenyampaianForm
from ppid_manual.workflow.numbering import NumberingError
from ppid_manual.workflow.pages import (
    CaseUI,
    Konsep,
    StepPage,
    note_page,
    print_response,
    protected_file,
    ralat_page,
    step_view,
    timeline,
)
from registrasi import actions
from registrasi.alur import ALUR, LANGKAH_KEPUTUSAN, SURAT_KELUAR, tahapan
from registrasi.documents import (
    REGISTER_COLUMNS,
    CatatanPengembalian,
    FormulirPermohonan,
    Kuitansi,
    Pemberitahuan,
    PemberitahuanPerpanjangan,
    RalatSurat,
    RegisterPermohonan,
    SkPenolakan,
    SuratPermintaanDokumen,
    TandaTerimaPenyerahan,
    explain_deadline,
    nomor_batal,
    ralat_of,
    register_rows,
    register_xlsx,
)
from registrasi.forms import (
    JawabanOpdForm,
    PenyerahanForm,
    PermohonanForm,
    PerpanjanganForm,
    PutusanForm,
    SuratPermintaanForm,
)
from registrasi.models import Penyerahan, Permohonan, SuratPermintaan

S = Permohonan.Status
K = Permohonan.Keputusan
DESK = ALL_DESK
PER_HALAMAN = 25
PER_HALAMAN_REGISTER = 50


def get_permohonan_for_user(request: HttpRequest, pk: int) -> Permohonan:
    """The one way views fetch a permohonan: only what this user may see, else 404 (a PPID
    Pelaksana does not learn that another OPD's request exists)."""
    qs = Permohonan.objects.for_user(request.user).select_related(
        "pemohon", "unit_registrasi", "unit_tujuan", "didaftarkan_oleh", "perkiraan_tarif"
    )
    return get_object_or_404(qs, pk=pk)


def _detail(permohonan: Permohonan) -> HttpResponse:
    return redirect("registrasi:detail", pk=permohonan.pk)


# --- Work list -----------------------------------------------------------------------------

TABS = (
    ("tindakan", "Perlu tindakan saya"),
    ("terbuka", "Semua yang berjalan"),
    ("selesai", "Selesai/ditarik"),
    ("dikembalikan", "Berkas dikembalikan"),
    ("semua", "Semua"),
)


@role_required(*DESK)
def daftar(request: HttpRequest) -> HttpResponse:
    """The work list: what needs me now, sorted by deadline; near-due and overdue marked."""
    dicari = kotak_cari.baca(request, batas=100)  # typed text by POST, never in the URL
    if dicari.alihkan is not None:
        return dicari.alihkan
    user = request.user
    today = timezone.localdate()
    default_tab = (
        "tindakan" if user.has_role(Role.PETUGAS, Role.PPID, Role.PELAKSANA) else "terbuka"
    )
    tab = request.GET.get("tab", default_tab)
    if tab not in dict(TABS):
        tab = default_tab
    base = Permohonan.objects.for_user(user)
    qs = {
        "tindakan": Permohonan.objects.needs_action(user),
        "terbuka": base.open(),
        "selesai": base.closed(),
        "dikembalikan": base.filter(status=S.DIKEMBALIKAN),
        "semua": base.exclude(status=S.BARU),
    }[tab]
    qs = _dashboard_filters(request, qs, today)
    # A receipt's code typed or scanned here opens its case, as in the navbar's box.
    buka, q = kode.kode_di_kotak(request, dicari.teks, lambda nomor: _url_nomor(user, nomor))
    if buka is not None:
        return buka
    if tab in ("selesai", "dikembalikan"):
        qs = qs.order_by(F("tanggal_ditutup").desc(nulls_last=True), "-dibuat", "-pk")
    else:
        qs = qs.order_by(F("tenggat").asc(nulls_last=True), "tanggal_daftar", "pk")
    if q:
        # A search is answered once (the page's keys and the number of matches), then the
        # page's rows are read by key.
        page = counted_page(qs.search(q, user), request.GET.get("halaman"), PER_HALAMAN)
        nik = kotak_cari.nik_utuh(q)
        if nik:
            # A search by a whole NIK is a look-up of a person: in the access log (issue 16).
            PencarianIdentitas.catat(
                request, PencarianIdentitas.Jenis.NIK, nik, ditampilkan=page.paginator.count > 0
            )
        found = _with_opd_date(Permohonan.objects.for_list(), user).in_bulk(page.object_list)
        rows = [found[pk] for pk in page.object_list]
    else:
        page = Paginator(_with_opd_date(qs.for_list(), user), PER_HALAMAN).get_page(
            request.GET.get("halaman")
        )
        rows = list(page.object_list)
    _mark_deadlines(rows, today)
    counts = {
        "terlambat": Permohonan.objects.for_user(user).overdue(today).count(),
        "mendekati": Permohonan.objects.for_user(user).near_due(today).count(),
    }
    return render(
        request,
        "registrasi/daftar.html",
        {
            "page": page,
            "rows": rows,
            "tab": tab,
            "tabs": TABS,
            "q": q,
            "cari_param": dicari.param,
            "today": today,
            "counts": counts,
            "lihat_nik": izin.boleh(user, izin.Aksi.LIHAT_NIK),
        },
    )


def _with_opd_date(qs, user):
    """For a PPID Pelaksana, each row also carries its own OPD's date: the internal answer
    deadline of the surat permintaan still waiting on it (SOP langkah 3), read in the same
    query (issue 19: the OPD works to its own date, not the pemohon's). Another user's rows
    carry it empty: a name the template looks up and the row lacks costs a dir() of the row."""
    if not user.has_role(Role.PELAKSANA) or user.unit_id is None:
        return qs.annotate(tenggat_opd=Value(None, output_field=DateField()))
    surat = SuratPermintaan.objects.filter(
        permohonan=OuterRef("pk"), unit_id=user.unit_id, dialihkan=False, jawaban=""
    ).order_by("-pk")
    return qs.annotate(tenggat_opd=Subquery(surat.values("tenggat_jawaban")[:1]))


def _dashboard_filters(request: HttpRequest, qs, today):
    """The filters the home page's figures link to: a status, overdue / near due, a month."""
    status = request.GET.get("status", "")
    if status in S.values:
        qs = qs.filter(status=status)
    tenggat = request.GET.get("tenggat", "")
    if tenggat == "terlambat":
        qs = qs.overdue(today)
    elif tenggat == "mendekati":
        qs = qs.near_due(today)
    try:
        year, month = (int(x) for x in request.GET.get("bulan", "").split("-"))
    except ValueError:
        return qs
    if 2000 <= year <= 2100 and 1 <= month <= 12:
        qs = qs.filter(tanggal_daftar__year=year, tanggal_daftar__month=month)
    return qs


def _url_nomor(user, nomor: str) -> str | None:
    """The page of the request this user may see that carries this registration number."""
    p = Permohonan.objects.for_user(user).filter(nomor_pendaftaran=nomor).first()
    return reverse("registrasi:detail", args=[p.pk]) if p is not None else None


def _mark_deadlines(rows: list[Permohonan], today) -> None:
    """Overdue / near-due flags and working days left, with one holiday query per page
    (always one, whatever the rows: the page's query count does not depend on the data)."""
    limit = near_due_limit(today)
    # The date of the step the case waits on: the notice while its clock runs, the handover
    # (its SOP target, or the date a "belum didokumentasikan" notice promised) after it.
    dates = [p.tenggat_berjalan for p in rows if p.tenggat_berjalan and p.tenggat_berjalan >= today]
    days_off = calendar.days_off_between(today, max(dates, default=today))
    for p in rows:
        p.terlambat = p.is_overdue(today)
        p.mendekati = p.is_near_due(today, limit)
        due = p.tenggat_berjalan
        p.sisa_hk = (
            calendar.working_days_between(today, due, days_off)
            if due is not None and due >= today
            else None
        )


# --- Intake --------------------------------------------------------------------------------


@izin_required(izin.Aksi.DAFTAR_PERMOHONAN)
def baru(request: HttpRequest) -> HttpResponse:
    """SOP steps 1–2 at the desk: the form typed in, then registered or returned. The look-up
    of a returning pemohon is a POST too (`cari_pemohon`): a NIK never goes in a URL (the
    server's access log, the browser's history)."""
    if request.method == "POST" and CariPemohonForm.TANDA in request.POST:
        cari = CariPemohonForm(request.POST)
        pemohon = None
        if cari.is_valid() and cari.cleaned_data["cari"]:
            pemohon = pemohon_mod.cari_kembali(request, cari.cleaned_data["cari"])
        form = PermohonanForm(initial=PermohonanForm.initial_for(pemohon))
        if pemohon is None and cari.is_valid() and cari.cleaned_data["cari"].isdigit():
            form.initial["nik"] = cari.cleaned_data["cari"]
    elif request.method == "POST":
        form = PermohonanForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            intake = form.to_intake()
            if form.cleaned_data.get("lanjutan"):
                intake.lanjutan_dari = get_permohonan_for_user(
                    request, form.cleaned_data["lanjutan"]
                )
            try:
                if form.aksi == PermohonanForm.KEMBALIKAN:
                    p = actions.return_incomplete(intake, by=request.user)
                    messages.warning(
                        request,
                        "Berkas dikembalikan karena kurang lengkap. Cetak catatan pengembalian "
                        "dan serahkan kepada pemohon.",
                    )
                else:
                    p = actions.register_permohonan(intake, by=request.user)
                    messages.success(
                        request,
                        f"Permohonan terdaftar dengan nomor {p.nomor_pendaftaran}. Cetak tanda "
                        "bukti untuk pemohon.",
                    )
                    notice = penerimaan.catatan(p.tanggal_daftar, timezone.localtime())
                    if notice:
                        messages.info(request, notice)
            except actions.SudahDiajukan as exc:
                messages.info(request, "Formulir ini sudah dikirim; tidak didaftarkan dua kali.")
                return _detail(exc.permohonan)
            except (StepRefused, NumberingError) as exc:
                messages.error(request, str(exc))
            else:
                return redirect(reverse("registrasi:detail", args=[p.pk]) + "?baru=1")
        elif request.FILES:
            messages.warning(request, "Periksa isian; pindaian identitas perlu dipilih ulang.")
        cari = CariPemohonForm()
    elif request.GET.get("lanjutan", "").isdigit():
        # "Lanjutkan pendaftaran" on a returned file: everything it had, pre-filled.
        returned = get_permohonan_for_user(request, int(request.GET["lanjutan"]))
        if not returned.is_returned or actions.continuation_of(returned) is not None:
            messages.error(request, "Berkas ini tidak dapat dilanjutkan pendaftarannya.")
            return _detail(returned)
        messages.info(
            request,
            "Isian berkas yang dikembalikan sudah diisikan. Periksa kelengkapannya, lalu "
            "daftarkan.",
        )
        form = PermohonanForm(initial=PermohonanForm.initial_from_returned(returned))
        cari = CariPemohonForm()
    else:
        cari = CariPemohonForm()
        form = PermohonanForm(initial=PermohonanForm.initial_for(None))
    return render(request, "registrasi/baru.html", {"form": form, "cari": cari})


# --- The PPID's reconciliation of identities --------------------------------------------------


@role_required(Role.PPID)
def identitas_berbeda(request: HttpRequest) -> HttpResponse:
    """ "Identitas berbeda untuk NIK yang sama": what a desk that may not see a pemohon typed
    for a recorded NIK/akta, beside the record (pemohon.identitas.save_pemohon); the PPID's choice
    is an event on the pemohon. A POST, so no NIK goes in a URL."""
    if request.method == "POST":
        try:
            event_pk = int(request.POST.get("perbedaan", ""))
        except ValueError:
            event_pk = 0
        try:
            pemohon_mod.rekonsiliasi(
                event_pk,
                pilihan=request.POST.get("pilihan", ""),
                catatan=request.POST.get("catatan", "")[:500],
                by=request.user,
            )
        except StepRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Pilihan PPID dicatat pada riwayat pemohon.")
        return redirect("registrasi:identitas_berbeda")
    return render(
        request,
        "registrasi/identitas_berbeda.html",
        {
            "items": pemohon_mod.daftar_perbedaan(request.user),
            "pilihan": pemohon_mod.PILIHAN_REKONSILIASI,
        },
    )


# --- Detail ----------------------------------------------------------------------------------


@role_required(*DESK)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_permohonan_for_user(request, pk)
    surat = list(p.surat_permintaan.select_related("unit").order_by("tanggal", "pk"))
    penyerahan = list(p.penyerahan.select_related("tarif").order_by("tanggal", "pk"))
    today = timezone.localdate()
    events = timeline(
        p,
        ALUR,
        {actions.DILANJUTKAN: "Pendaftaran dilanjutkan (pemohon kembali dengan kelengkapan)"},
    )
    lanjutan = None
    for e in events:
        # The two records of a resumed file point to each other on their timelines.
        e.tautan = None
        if "lanjutan_dari" in e.data:
            e.tautan = (
                "Melanjutkan berkas yang dikembalikan",
                reverse("registrasi:detail", args=[e.data["lanjutan_dari"]["pk"]]),
            )
        elif "dilanjutkan_ke" in e.data:
            lanjutan = e.data["dilanjutkan_ke"]
            e.tautan = (
                f"Lihat pendaftaran lanjutan {lanjutan.get('nomor') or ''}".strip(),
                reverse("registrasi:detail", args=[lanjutan["pk"]]),
            )
    langkah = UI.buttons(p, request.user)
    _mark_deadlines([p], today)
    tenggat = explain_deadline(p)
    return render(
        request,
        "registrasi/detail.html",
        {
            "p": p,
            "pemohon": p.pemohon_kasus,
            "lihat_nik": izin.boleh(request.user, izin.Aksi.LIHAT_NIK),
            "tahapan": tahapan(p, ada_penyerahan=bool(penyerahan)),
            "langkah": langkah,
            "surat": surat,
            "penyerahan": penyerahan,
            "dokumen": documents_for(p, surat, penyerahan),
            "terbitan": terbit.daftar_kasus(p),
            "tenggat": tenggat,
            # A count that reached a year with no holiday rows may have come out too early.
            "tahun_kosong": calendar.years_without_days_off(
                min(t["mulai"] for t in tenggat), max(t["akhir"] for t in tenggat)
            )
            if tenggat
            else [],
            "penyampaian": penyampaian_surat.rincian(p, SURAT_KELUAR),
            "events": events,
            "today": today,
            "baru": request.GET.get("baru") == "1",
            # Just handed over (the step "serahkan"): its tanda terima, to print now.
            "diserahkan": next(
                (t for t in penyerahan if str(t.pk) == request.GET.get("diserahkan")), None
            ),
            "boleh_lanjutkan": p.is_returned
            and lanjutan is None
            and izin.boleh(request.user, izin.Aksi.DAFTAR_PERMOHONAN),
            **_usulan_dik(p, request.user),
        },
    )


def _usulan_dik(p: Permohonan, user) -> dict:
    """A refusal (or partial grant) on Pasal 17: the DIK entries in force it matches, and a
    proposed new entry for the PPID to confirm (dip:dik_tambah, filled from this decision)."""
    K = Permohonan.Keputusan
    if not (p.pasal17 and p.keputusan in (K.DITOLAK, K.DIBERIKAN_SEBAGIAN)):
        return {}
    if not user.has_role(Role.PPID):
        return {}
    return {
        "dik_cocok": penghubung.DIK_COCOK(p.unit_tujuan_id or p.unit_registrasi_id, p.pasal17),
        "dik_usul_url": f"{reverse('dip:dik_tambah')}?permohonan={p.pk}",
    }


def documents_for(p: Permohonan, surat, penyerahan) -> list[dict[str, str]]:
    """Every document of this case that exists, to (re)print."""
    docs = []

    def add(label: str, url: str, nomor: str = "") -> None:
        docs.append({"label": label, "url": url, "nomor": nomor})

    if p.status == S.DIKEMBALIKAN:
        add("Catatan pengembalian berkas", reverse("registrasi:cetak", args=[p.pk, "pengembalian"]))
    if p.nomor_pendaftaran:
        add(
            "Formulir permohonan (2 lembar) dan hak-hak pemohon",
            reverse("registrasi:cetak", args=[p.pk, "formulir"]),
            p.nomor_pendaftaran,
        )
    for s in surat:
        add(
            f"Surat permintaan ke {s.unit.singkatan}",
            reverse("registrasi:cetak_surat", args=[p.pk, s.pk]),
            s.nomor,
        )
    if p.diperpanjang:
        add(
            "Pemberitahuan perpanjangan",
            reverse("registrasi:cetak", args=[p.pk, "perpanjangan"]),
            p.nomor_perpanjangan,
        )
    if p.nomor_pemberitahuan:
        add(
            "Pemberitahuan tertulis",
            reverse("registrasi:cetak", args=[p.pk, "pemberitahuan"]),
            p.nomor_pemberitahuan,
        )
    if p.nomor_sk_penolakan:
        add(
            "SK PPID tentang penolakan",
            reverse("registrasi:cetak", args=[p.pk, "sk-penolakan"]),
            p.nomor_sk_penolakan,
        )
    for t in penyerahan:
        add(
            "Tanda terima penyerahan",
            reverse("registrasi:cetak_tanda_terima", args=[p.pk, t.pk]),
            t.nomor,
        )
        if t.nomor_kuitansi:
            add(
                "Kuitansi pembayaran",
                reverse("registrasi:cetak_kuitansi", args=[p.pk, t.pk]),
                t.nomor_kuitansi,
            )
    for r in ralat_of(p):
        add(
            f"Ralat {r.dokumen.judul.lower()}",
            reverse("registrasi:cetak_ralat", args=[p.pk, r.pk]),
            r.nomor,
        )
    return docs


@izin_required(izin.Aksi.LIHAT_NIK)
@never_cache
def identitas(request: HttpRequest, pk: int) -> FileResponse:
    """The ID scan, only through this permission-checked view, never cached (UU 27/2022)."""
    p = get_permohonan_for_user(request, pk)
    return protected_file(p.scan_identitas, f"identitas-{p.pk}")


# --- Steps -------------------------------------------------------------------------------------
# One page per step of registrasi/alur.py; who may take it and on which case is the table's
# (ppid_manual/workflow/pages.py: step_view).


def _surat_terbuka(p: Permohonan) -> SuratPermintaan | None:
    return p.surat_permintaan.filter(dialihkan=False).order_by("-pk").first()


def _jawaban_form(p: Permohonan, data, step) -> JawabanOpdForm:
    surat = _surat_terbuka(p)
    if surat is None:
        raise StepRefused("Belum ada surat permintaan ke OPD untuk permohonan ini.")
    return JawabanOpdForm(data, surat=surat, initial={"tanggal_jawaban": timezone.localdate()})


def _putusan_initial(p: Permohonan) -> dict[str, Any]:
    """Pre-fill the notice from the OPD's answer."""
    surat = _surat_terbuka(p)
    initial: dict[str, Any] = {"perkiraan_biaya_kirim": 0}
    # The form the pemohon asked for is the likely form given (the PPID may change it).
    if p.cara_memperoleh in Permohonan.BentukInformasi.values:
        initial["bentuk_informasi"] = p.cara_memperoleh
    if surat is not None and surat.isi_jawaban:
        initial["uraian_informasi"] = surat.isi_jawaban
    if surat is not None and surat.jawaban == SuratPermintaan.Jawaban.TIDAK_DIKUASAI:
        initial["penguasa_informasi"] = ""
    return initial


def _putusan_page(keputusan: K) -> StepPage:
    """The pemberitahuan tertulis of one outcome (SOP 4; UU 14/2008 Pasal 22(7))."""

    def form(p: Permohonan, data, step) -> PutusanForm:
        return PutusanForm(
            data,
            keputusan=keputusan,
            submit_label="Terbitkan pemberitahuan" + (" dan SK" if keputusan == K.DITOLAK else ""),
            initial=_putusan_initial(p),
            permohonan=p,
        )

    def success(r: Permohonan) -> str:
        sk = f" dengan SK penolakan {r.nomor_sk_penolakan}." if r.nomor_sk_penolakan else "."
        return f"Pemberitahuan tertulis {r.nomor_pemberitahuan} diterbitkan{sk}"

    return StepPage(
        form=form,
        act=lambda p, f, user: actions.issue_decision(p, f.to_putusan(), by=user),
        konsep=(
            Konsep("pemberitahuan tertulis", Pemberitahuan),
            # The refusal numbers its SK in the same step (actions.issue_decision).
            *([Konsep("SK penolakan", SkPenolakan)] if keputusan == K.DITOLAK else []),
        ),
        intro=keputusan.label,
        success=success,
    )


def _route_to_opd(p: Permohonan, f: SuratPermintaanForm, user) -> SuratPermintaan:
    return actions.route_to_opd(
        p, by=user, unit=f.cleaned_data["unit"], catatan=f.cleaned_data["catatan"]
    )


def _surat_permintaan_page() -> StepPage:
    return StepPage(
        form=lambda p, data, step: SuratPermintaanForm(data, initial={"unit": p.unit_tujuan_id}),
        act=_route_to_opd,
        konsep=(
            Konsep("surat permintaan", lambda s: SuratPermintaanDokumen(s.permohonan, surat=s)),
        ),
        intro="Surat ditujukan kepada PPID Pelaksana OPD yang menguasai informasi. Tenggat "
        f"jawaban OPD dihitung otomatis di dalam {hukum.HK_PEMBERITAHUAN} hari kerja.",
        success=lambda s: f"Surat permintaan {s.nomor} ke {s.unit.nama} diterbitkan.",
    )


def _penyerahan_form(p: Permohonan, data, step) -> PenyerahanForm:
    initial = {
        "nama_penerima": p.pemohon_kasus.nama,
        "cara": p.cara_salinan or Permohonan.CaraSalinan.MENGAMBIL,
        "jumlah_halaman": p.perkiraan_halaman or 0,
        "tarif": p.perkiraan_tarif_id,
        "biaya_pengiriman": p.perkiraan_biaya_kirim or 0,
    }
    return PenyerahanForm(data, initial=initial)


def _penyampaian_form(p: Permohonan, data, step) -> PenyampaianForm:
    """The delivery of one of the case's issued letters (alur.SURAT_KELUAR); the first one
    whose delivery is not recorded yet is offered first."""
    terbit = penyampaian_surat.rincian(p, SURAT_KELUAR)
    pertama = next((k for k in terbit if not k.dicatat), terbit[0] if terbit else None)
    return PenyampaianForm(
        data,
        initial={
            "tanggal": calendar.today(),
            "surat": pertama.surat.prefix if pertama else None,
            "cara": (pertama.cara or None) if pertama else None,
            "alamat": p.pemohon_kasus.email,
        },
        submit_label=step.label,
        css=step.css,
        surat=[(k.surat.prefix, k.judul) for k in terbit],
        tercatat=[f"{k.judul}: {k.uraian}" for k in terbit if k.dicatat],
    )


def _jawaban_intro(p: Permohonan) -> str:
    surat = _surat_terbuka(p)
    return f"Jawaban atas surat {surat.nomor} kepada {surat.unit.nama}."


def _jawab_langsung_form(p: Permohonan, data, step) -> PutusanForm:
    """The PPID Pelaksana answers itself: information it holds and that is open."""
    return PutusanForm(
        data,
        keputusan=K.DIBERIKAN_SELURUHNYA,
        submit_label="Terbitkan pemberitahuan",
        initial={"perkiraan_biaya_kirim": 0},
    )


def _record_penyampaian(p: Permohonan, f: PenyampaianForm, user) -> Permohonan:
    return actions.record_penyampaian(p, f.penyampaian(), by=user, surat=f.cleaned_data["surat"])


PAGES: dict[str, StepPage] = {
    "minta_opd": _surat_permintaan_page(),
    "alihkan_opd": _surat_permintaan_page(),
    "jawab_opd": StepPage(
        form=_jawaban_form,
        act=lambda p, f, user: actions.record_opd_answer(p, by=user, **f.cleaned_data),
        intro=_jawaban_intro,
        success="Jawaban OPD dicatat. Permohonan siap diputuskan.",
    ),
    "teruskan_ppid": note_page(
        actions.forward_to_ppid,
        label="Alasan (informasi tidak dikuasai, dikecualikan, atau milik OPD lain)",
        submit_label="Teruskan ke PPID",
        css="primary",
        success="Permohonan diteruskan ke PPID.",
    ),
    **{step: _putusan_page(keputusan) for keputusan, step in LANGKAH_KEPUTUSAN.items()},
    "jawab_langsung": StepPage(
        form=_jawab_langsung_form,
        act=lambda p, f, user: actions.answer_directly(p, f.to_putusan(), by=user),
        konsep=(Konsep("pemberitahuan tertulis", Pemberitahuan),),
        intro="SOP langkah 3–4: PPID Pelaksana menjawab langsung karena informasi dikuasai "
        "OPD sendiri dan bersifat terbuka. Jika tidak, teruskan ke PPID.",
        success=lambda r: f"Pemberitahuan tertulis {r.nomor_pemberitahuan} diterbitkan.",
    ),
    "perpanjang": StepPage(
        form=lambda p, data, step: PerpanjanganForm(data),
        act=lambda p, f, user: actions.extend(p, by=user, alasan=f.cleaned_data["alasan"]),
        konsep=(Konsep("pemberitahuan perpanjangan", PemberitahuanPerpanjangan),),
        intro=f"UU 14/2008 {hukum.pasal('22(8)')}: satu kali, paling lama "
        f"{hukum.HK_PERPANJANGAN} hari kerja "
        "sesudah tenggat "
        "awal, dengan alasan tertulis, dan hanya sebelum tenggat awal lewat.",
        success=lambda r: f"Tenggat diperpanjang sampai {r.tenggat:%d-%m-%Y}.",
    ),
    "serahkan": StepPage(
        form=_penyerahan_form,
        act=lambda p, f, user: actions.hand_over(p, by=user, **f.cleaned_data),
        konsep=(
            Konsep(
                "tanda terima penyerahan",
                lambda t: TandaTerimaPenyerahan(t.permohonan, penyerahan=t),
            ),
            # A paid handover numbers a kuitansi in the same step (actions.hand_over).
            Konsep(
                "kuitansi",
                lambda t: Kuitansi(t.permohonan, penyerahan=t) if t.nomor_kuitansi else None,
                tidak_ada="Penyerahan tanpa biaya tidak menerbitkan kuitansi.",
            ),
        ),
        success=lambda t: f"Informasi diserahkan; tanda terima {t.nomor}. Permohonan selesai.",
        # The case page offers the tanda terima (and kuitansi) to print at once.
        then=lambda p, t: reverse("registrasi:detail", args=[p.pk]) + f"?diserahkan={t.pk}",
    ),
    "ralat": ralat_page(
        actions.RALAT,
        actions.ralat_surat,
        lambda r: RalatSurat(Permohonan.objects.get(pk=r.object_id), ralat=r),
        "Ralat memperbaiki surat yang sudah terbit dengan surat baru bernomor yang "
        "menyebut surat yang diralat dan alasannya; surat lama tetap tersimpan dan ditandai "
        "digantikan. Bagian yang dapat diralat tidak mengubah tenggat.",
    ),
    "tarik": note_page(
        actions.withdraw,
        label="Catatan penarikan (alasan pemohon, cara penyampaian)",
        submit_label="Catat penarikan",
        css="danger",
        success="Permohonan dicatat sebagai ditarik oleh pemohon.",
    ),
    "buka_kembali": note_page(
        actions.reopen_for_handover,
        label="Dasar (nomor dan tanggal tanggapan Atasan PPID atas keberatan)",
        submit_label="Buka kembali untuk penyerahan",
        css="warning",
        success="Permohonan dibuka kembali; informasi dapat diserahkan.",
    ),
    "catat_penyampaian": StepPage(
        _penyampaian_form,
        _record_penyampaian,
        f"UU 14/2008 {hukum.pasal('36(1)')}: {hukum.HK_KEBERATAN} hari kerja untuk "
        "mengajukan keberatan dihitung "
        "sejak surat yang menimbulkan alasan keberatan (pemberitahuan tertulis, SK penolakan, "
        "pemberitahuan perpanjangan) diterima pemohon. Tanggal kirim pos dicatat sebagai "
        "perkiraan sampai tanggal diterima dikonfirmasi.",
        "Penyampaian surat dicatat.",
    ),
}

UI = CaseUI(
    table=ALUR,
    pages=PAGES,
    get_case=get_permohonan_for_user,
    detail_url=lambda p: reverse("registrasi:detail", args=[p.pk]),
    url_name="registrasi:langkah",
    template="registrasi/langkah.html",
    context=lambda request, p: {"p": p},
    # The permohonan pages' access ladder: a role no step of this page is for gets 403.
    refuse_role_with_403=True,
)


def langkah(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    return step_view(request, pk, step, ui=UI)


# --- Printing ------------------------------------------------------------------------------------


def _print(request: HttpRequest, p: Permohonan, doc, mode: str = "issued") -> HttpResponse:
    """A letter of the case: as issued (the stored bytes), or a KONSEP before its step."""
    return print_response(request, doc, reverse("registrasi:detail", args=[p.pk]), mode=mode)


DOKUMEN = {
    "formulir": (FormulirPermohonan, lambda p: bool(p.nomor_pendaftaran)),
    "pengembalian": (CatatanPengembalian, lambda p: p.status == S.DIKEMBALIKAN),
    "pemberitahuan": (Pemberitahuan, lambda p: bool(p.nomor_pemberitahuan)),
    "perpanjangan": (PemberitahuanPerpanjangan, lambda p: p.diperpanjang),
    "sk-penolakan": (SkPenolakan, lambda p: bool(p.nomor_sk_penolakan)),
}


@izin_required(izin.Aksi.CETAK_SURAT)
def cetak(request: HttpRequest, pk: int, dokumen: str) -> HttpResponse:
    p = get_permohonan_for_user(request, pk)
    if dokumen not in DOKUMEN:
        raise Http404("Dokumen tidak dikenal.")
    cls, exists = DOKUMEN[dokumen]
    if not exists(p):
        raise Http404("Dokumen ini belum ada untuk permohonan tersebut.")
    return _print(request, p, cls(p, request))


@izin_required(izin.Aksi.CETAK_SURAT)
def cetak_ralat(request: HttpRequest, pk: int, ralat_pk: int) -> HttpResponse:
    p = get_permohonan_for_user(request, pk)
    ralat = get_object_or_404(ralat_of(p), pk=ralat_pk)
    return _print(request, p, RalatSurat(p, request, ralat=ralat))


@izin_required(izin.Aksi.CETAK_SURAT)
def cetak_surat(request: HttpRequest, pk: int, surat_pk: int) -> HttpResponse:
    p = get_permohonan_for_user(request, pk)
    surat = get_object_or_404(
        SuratPermintaan.objects.select_related("unit"), pk=surat_pk, permohonan=p
    )
    return _print(request, p, SuratPermintaanDokumen(p, request, surat=surat))


@izin_required(izin.Aksi.CETAK_SURAT)
def cetak_tanda_terima(request: HttpRequest, pk: int, penyerahan_pk: int) -> HttpResponse:
    p = get_permohonan_for_user(request, pk)
    penyerahan = get_object_or_404(
        Penyerahan.objects.select_related("tarif"), pk=penyerahan_pk, permohonan=p
    )
    return _print(request, p, TandaTerimaPenyerahan(p, request, penyerahan=penyerahan))


@izin_required(izin.Aksi.CETAK_SURAT)
def cetak_kuitansi(request: HttpRequest, pk: int, penyerahan_pk: int) -> HttpResponse:
    """The numbered kuitansi of a paid handover; a free one has none (404)."""
    p = get_permohonan_for_user(request, pk)
    penyerahan = get_object_or_404(
        Penyerahan.objects.select_related("tarif"),
        pk=penyerahan_pk,
        permohonan=p,
        nomor_kuitansi__isnull=False,
    )
    return _print(request, p, Kuitansi(p, request, penyerahan=penyerahan))


# --- Register ------------------------------------------------------------------------------------


@izin_required(izin.Aksi.REGISTER_PERMOHONAN)
def register(request: HttpRequest) -> HttpResponse:
    """The Register Permohonan for a period (Perki 1/2021 columns), on screen, PDF, XLSX."""
    today = timezone.localdate()
    data = request.GET if "dari" in request.GET else None
    form = RegisterForm(data, initial={"dari": today.replace(day=1), "sampai": today})
    rows = page = batal = None
    if form.is_valid():
        dari, sampai = form.cleaned_data["dari"], form.cleaned_data["sampai"]
        qs = Permohonan.objects.for_user(request.user).register(dari, sampai)
        fmt = request.GET.get("format")
        if fmt == "pdf":
            jumlah = qs.count()
            if jumlah > tabel_pdf.LANGSUNG_MAKS:
                return tabel_pdf.cetak_di_latar("permohonan", dari, sampai)
            return RegisterPermohonan(
                register_rows(qs), dari, sampai, request, batal=nomor_batal(dari, sampai)
            ).response()
        if fmt == "xlsx":
            response = HttpResponse(
                register_xlsx(register_rows(qs), dari, sampai),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = (
                f'attachment; filename="register-permohonan-{dari:%Y%m%d}-{sampai:%Y%m%d}.xlsx"'
            )
            response["Cache-Control"] = "no-store"
            return response
        # On screen a page at a time (a busy month holds over a thousand requests); the PDF
        # and the XLSX hold the whole period.
        page = Paginator(qs, PER_HALAMAN_REGISTER).get_page(request.GET.get("halaman"))
        rows = register_rows(page.object_list, start=page.start_index())
        batal = nomor_batal(dari, sampai)
    return render(
        request,
        "registrasi/register.html",
        {"form": form, "rows": rows, "page": page, "kolom": REGISTER_COLUMNS, "batal": batal},
    )
