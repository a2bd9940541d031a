"""The step order of pelayanan informasi publik (SOP "Pelayanan Informasi Publik Saat Sistem
Online Tidak Berfungsi", first flowchart; UU 14/2008 Pasal 22).

The table below is the process: for each step, the states it may start from, the state it leads
to, and who may take it. The shared engine (ppid_manual.workflow.engine) executes it; nothing
else assigns Permohonan.status.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from ppid_manual import hukum, izin
from ppid_manual.format import hari_tanggal
from ppid_manual.models import User
from ppid_manual.roles import Role
from ppid_manual.workflow import deadlines
from ppid_manual.workflow.deadlines import DeadlineSpec
from ppid_manual.workflow.engine import StepTable, steps
from ppid_manual.workflow.penyampaian import SuratKeluar
from registrasi.models import Permohonan, SuratPermintaan

S = Permohonan.Status

# The Act's lengths (UU 14/2008 Pasal 22(7), 22(8), 36(1)), defined in ppid_manual/hukum.py.
HK_PEMBERITAHUAN = hukum.HK_PEMBERITAHUAN
HK_PERPANJANGAN = hukum.HK_PERPANJANGAN
HK_KEBERATAN = hukum.HK_KEBERATAN
SOP_PENYERAHAN = hukum.SOP_PENYERAHAN  # SOP langkah 5: the handover


def dalam_lingkup(permohonan: Permohonan, user: User) -> bool:
    """May this user act on this case at all? The same rule as what they may see: a PPID
    Pelaksana only on its own OPD's requests (registered at its desk or routed to it)."""
    if permohonan.pk is None:
        # Registration: the desk is the user's own unit (set by the action).
        return user.unit_id is not None and permohonan.unit_registrasi_id == user.unit_id
    return permohonan.visible_to(user)


def _hanya_pelaksana(user: User) -> bool:
    return user.has_role(Role.PELAKSANA) and not user.has_role(Role.PPID)


def opd_tujuan(permohonan: Permohonan, user: User) -> str | None:
    """The OPD's answer is recorded by the PPID or by the PPID Pelaksana it was sent to."""
    if _hanya_pelaksana(user) and permohonan.unit_tujuan_id != user.unit_id:
        return "Jawaban hanya dapat dicatat oleh PPID Pelaksana OPD yang dikirimi surat."
    return None


def meja_sendiri(permohonan: Permohonan, user: User) -> str | None:
    """SOP step 3: the PPID Pelaksana answers directly only a request made at its own desk."""
    if permohonan.unit_registrasi_id != user.unit_id:
        return "Hanya PPID Pelaksana di OPD tempat permohonan didaftarkan yang dapat menjawab."
    if permohonan.diteruskan_ke_ppid:
        return "Permohonan ini sudah diteruskan ke PPID."
    return None


def boleh_diperpanjang(permohonan: Permohonan, user: User) -> str | None:
    """UU 14/2008 Pasal 22(8): once, before the 10-hk deadline has passed."""
    if _hanya_pelaksana(user):
        reason = meja_sendiri(permohonan, user)
        if reason:
            return reason
    return permohonan.can_extend(timezone.localdate())


# The letters the case sends to the pemohon, whose delivery the desk records (one step for
# all: ppid_manual/workflow/penyampaian.py). The keberatan window (Pasal 36(1)) counts from
# the receipt of the one that gave the ground (keberatan.alur.dasar_otomatis).
SURAT_KELUAR = (
    SuratKeluar(
        "pemberitahuan",
        "pemberitahuan tertulis",
        lambda p: p.tanggal_pemberitahuan,
        lambda p: p.nomor_pemberitahuan,
    ),
    SuratKeluar(
        "sk_penolakan",
        "SK penolakan",
        lambda p: p.tanggal_pemberitahuan if p.nomor_sk_penolakan else None,
        lambda p: p.nomor_sk_penolakan,
    ),
    SuratKeluar(
        "perpanjangan",
        "pemberitahuan perpanjangan",
        lambda p: p.tanggal_perpanjangan if p.diperpanjang else None,
        lambda p: p.nomor_perpanjangan,
    ),
    SuratKeluar("pengembalian", "catatan pengembalian", lambda p: p.tanggal_pengembalian),
)


def ada_surat_keluar(permohonan: Permohonan, user: User) -> str | None:
    """A delivery is recorded for a letter that was issued."""
    if not any(s.terbit(permohonan) for s in SURAT_KELUAR):
        return "Belum ada surat kepada pemohon yang diterbitkan."
    return None


BERJALAN = list(Permohonan.CLOCK_RUNNING)
PUTUSAN_DARI = [S.TERDAFTAR, S.SIAP_DIPUTUS]
MEJA = izin.peran(izin.Aksi.DAFTAR_PERMOHONAN)  # who registers: the permission table
LOKET = [Role.PETUGAS, Role.PPID, Role.PELAKSANA]

ALUR = StepTable(
    steps(
        # name, label, from, to, who[, button style[, guard]]
        # SOP 1–2: the desk checks completeness; complete → number and clock, else returned.
        ("daftar", "Daftarkan (berkas lengkap)", [S.BARU], S.TERDAFTAR, MEJA, "success"),
        ("kembalikan", "Kembalikan (kurang lengkap)", [S.BARU], S.DIKEMBALIKAN, MEJA, "warning"),
        # SOP 3: the PPID writes to the OPD that holds the information (or re-routes) ...
        (
            "minta_opd",
            "Kirim surat permintaan ke OPD",
            [S.TERDAFTAR],
            S.DIMINTAKAN_KE_OPD,
            [Role.PPID],
        ),
        (
            "alihkan_opd",
            "Alihkan ke OPD lain",
            [S.DIMINTAKAN_KE_OPD, S.SIAP_DIPUTUS],
            S.DIMINTAKAN_KE_OPD,
            [Role.PPID],
            "outline-primary",
        ),
        (
            "jawab_opd",
            "Catat jawaban OPD",
            [S.DIMINTAKAN_KE_OPD],
            S.SIAP_DIPUTUS,
            [Role.PPID, Role.PELAKSANA],
            "primary",
            opd_tujuan,
        ),
        # ... or the PPID Pelaksana answers directly when the document is its own and open,
        # and otherwise coordinates with the PPID (SOP step 3, keterangan).
        (
            "jawab_langsung",
            "Jawab langsung (informasi OPD sendiri, terbuka)",
            [S.TERDAFTAR],
            S.MENUNGGU_PENYERAHAN,
            [Role.PELAKSANA],
            "success",
            meja_sendiri,
        ),
        (
            "teruskan_ppid",
            "Teruskan ke PPID",
            [S.TERDAFTAR],
            None,
            [Role.PELAKSANA],
            "outline-secondary",
            meja_sendiri,
        ),
        # SOP 4: the pemberitahuan tertulis, one step per outcome (Pasal 22(7); Perki 1/2021).
        (
            "beri_seluruhnya",
            "Pemberitahuan: diberikan seluruhnya",
            PUTUSAN_DARI,
            S.MENUNGGU_PENYERAHAN,
            [Role.PPID],
            "success",
        ),
        (
            "beri_sebagian",
            "Pemberitahuan: diberikan sebagian",
            PUTUSAN_DARI,
            S.MENUNGGU_PENYERAHAN,
            [Role.PPID],
            "success",
        ),
        (
            "tolak",
            "Penolakan dengan SK (dikecualikan)",
            PUTUSAN_DARI,
            S.SELESAI,
            [Role.PPID],
            "danger",
        ),
        (
            "tidak_dikuasai",
            "Pemberitahuan: tidak dikuasai",
            PUTUSAN_DARI,
            S.SELESAI,
            [Role.PPID],
            "secondary",
        ),
        # Pasal 22(7) huruf c: not yet documented. The request stays open until the
        # information, documented by the date the notice gives, is handed over (SOP 5).
        (
            "belum_didokumentasikan",
            "Pemberitahuan: belum didokumentasikan",
            PUTUSAN_DARI,
            S.MENUNGGU_PENYERAHAN,
            [Role.PPID],
            "secondary",
        ),
        # Pasal 22(8): one extension of 7 hk, before the deadline; the state is kept.
        (
            "perpanjang",
            f"Perpanjang {hukum.HK_PERPANJANGAN} hari kerja",
            BERJALAN,
            None,
            [Role.PPID, Role.PELAKSANA],
            "warning",
            boleh_diperpanjang,
        ),
        # How a letter (SURAT_KELUAR) reached the pemohon (ppid_manual/workflow/penyampaian.py):
        # the 30 hk to file a keberatan run from the receipt (Pasal 36(1)); the state is kept.
        (
            "catat_penyampaian",
            "Catat penyampaian surat kepada pemohon",
            [*BERJALAN, S.MENUNGGU_PENYERAHAN, S.DIBUKA_KEMBALI, S.SELESAI, S.DIKEMBALIKAN],
            None,
            LOKET,
            "primary",
            ada_surat_keluar,
        ),
        # SOP 5: the copy handed over, the fee paid; closes the request.
        (
            "serahkan",
            "Serahkan informasi",
            [S.MENUNGGU_PENYERAHAN, S.DIBUKA_KEMBALI],
            S.SELESAI,
            LOKET,
            "success",
        ),
        (
            "tarik",
            "Catat penarikan oleh pemohon",
            BERJALAN + [S.MENUNGGU_PENYERAHAN],
            S.DITARIK,
            LOKET,
            "outline-danger",
        ),
        # Keberatan (Pasal 36): the Atasan PPID grants the information; the request reopens
        # for the handover. Called by the keberatan app (actions.reopen_for_handover).
        (
            "buka_kembali",
            "Buka kembali untuk penyerahan (putusan Atasan PPID)",
            BERJALAN + [S.MENUNGGU_PENYERAHAN, S.SELESAI],
            S.DIBUKA_KEMBALI,
            [Role.ATASAN],
            "warning",
        ),
        # Issue 15: an issued letter with an error is corrected by a ralat (a new numbered
        # letter); the state is kept. Who may issue the corrected letter: actions.ralat_surat.
        (
            "ralat",
            "Ralat surat yang sudah terbit",
            [s for s in S.values if s != S.BARU],
            None,
            LOKET,
            "outline-secondary",
        ),
    ),
    status_labels=dict(S.choices),
    scope=dalam_lingkup,
)

# The steps that issue the pemberitahuan tertulis, by outcome.
LANGKAH_KEPUTUSAN = {
    Permohonan.Keputusan.DIBERIKAN_SELURUHNYA: "beri_seluruhnya",
    Permohonan.Keputusan.DIBERIKAN_SEBAGIAN: "beri_sebagian",
    Permohonan.Keputusan.DITOLAK: "tolak",
    Permohonan.Keputusan.TIDAK_DIKUASAI: "tidak_dikuasai",
    Permohonan.Keputusan.BELUM_DIDOKUMENTASIKAN: "belum_didokumentasikan",
}


# The steps that issue each stored document (ppid_manual/workflow/terbit.py): whoever may take
# one of them may issue, and so correct by a ralat, that letter (workflow/ralat.py).
LANGKAH_TERBIT = {
    "formulir": ("daftar",),
    "pengembalian": ("kembalikan",),
    "surat-permintaan": ("minta_opd", "alihkan_opd"),
    "perpanjangan": ("perpanjang",),
    "pemberitahuan": (*LANGKAH_KEPUTUSAN.values(), "jawab_langsung"),
    "sk-penolakan": (LANGKAH_KEPUTUSAN[Permohonan.Keputusan.DITOLAK],),
    "tanda-terima": ("serahkan",),
    "kuitansi": ("serahkan",),
    "ralat": ("ralat",),
}


# --- The SOP's five steps, for the progress panel on the detail page ---------------------


@dataclass(frozen=True)
class Tahap:
    nomor: int
    label: str
    keadaan: str  # "selesai", "sekarang", "berikutnya", "dilewati"
    keterangan: str = ""


TAHAP_SOP = (
    (1, "Pemohon mengajukan formulir permohonan dan fotokopi identitas"),
    (2, "Registrasi: pemeriksaan kelengkapan, nomor pendaftaran, salinan untuk pemohon"),
    (3, "Permintaan ke OPD/PPID Pelaksana dan klasifikasi (DIP/DIK)"),
    (4, "Pemberitahuan tertulis kepada pemohon"),
    (5, "Penyerahan salinan informasi (biaya wajar oleh pemohon)"),
)


def tahapan(permohonan: Permohonan, *, ada_penyerahan: bool) -> list[Tahap]:
    """Where the case stands in the SOP: each step done, current, next or skipped."""
    s = permohonan.status
    diberitahu = permohonan.tanggal_pemberitahuan is not None
    if s == S.DIKEMBALIKAN:
        return [
            Tahap(1, TAHAP_SOP[0][1], "selesai"),
            Tahap(2, TAHAP_SOP[1][1], "selesai", "Berkas dikembalikan karena kurang lengkap."),
            *(Tahap(n, label, "dilewati") for n, label in TAHAP_SOP[2:]),
        ]
    if s == S.BARU:
        return [Tahap(n, label, "sekarang" if n == 1 else "berikutnya") for n, label in TAHAP_SOP]
    tahap3_selesai = diberitahu or s in (S.SIAP_DIPUTUS, S.MENUNGGU_PENYERAHAN, S.SELESAI)
    keadaan = {1: "selesai", 2: "selesai"}
    catatan = {}
    # Step 3: the OPD's answer (or the PPID Pelaksana's own answer).
    if tahap3_selesai:
        keadaan[3] = "selesai"
        if permohonan.unit_tujuan_id is None:
            catatan[3] = "Dijawab tanpa surat ke OPD."
    elif s in (S.TERDAFTAR, S.DIMINTAKAN_KE_OPD):
        keadaan[3] = "sekarang"
        if s == S.DIMINTAKAN_KE_OPD:
            catatan[3] = "Menunggu jawaban OPD."
    else:
        keadaan[3] = "dilewati"
    # Step 4: the written notice.
    if diberitahu:
        keadaan[4] = "selesai"
    elif s == S.SIAP_DIPUTUS:
        keadaan[4] = "sekarang"
    elif s in Permohonan.CLOCK_RUNNING:
        keadaan[4] = "berikutnya"
    else:
        keadaan[4] = "dilewati"
        if s == S.DIBUKA_KEMBALI:
            catatan[4] = "Diputus Atasan PPID atas keberatan."
    # Step 5: the handover.
    if s in (S.MENUNGGU_PENYERAHAN, S.DIBUKA_KEMBALI):
        keadaan[5] = "sekarang"
        if s == S.DIBUKA_KEMBALI:
            catatan[5] = "Dibuka kembali atas putusan Atasan PPID."
    elif ada_penyerahan:
        keadaan[5] = "selesai"
    elif s in Permohonan.CLOCK_RUNNING:
        keadaan[5] = "berikutnya"
    else:
        keadaan[5] = "dilewati"
    if s == S.DITARIK:
        catatan[max(n for n, k in keadaan.items() if k == "selesai")] = (
            "Permohonan ditarik oleh pemohon sesudah tahap ini."
        )
    return [Tahap(n, label, keadaan[n], catatan.get(n, "")) for n, label in TAHAP_SOP]


# --- Stored deadlines that move when the calendar changes (DESIGN.md section 4) ----------

# UU 14/2008 Pasal 22(7): 10 hk from the registration (the paper's date for a late entry).
TENGGAT_AWAL = DeadlineSpec(
    "tenggat_awal",
    "tanggal_daftar",
    HK_PEMBERITAHUAN,
    f"Tenggat {hukum.HK_PEMBERITAHUAN} hari kerja ({hukum.pasal('22(7)')})",
    applies=lambda p: p.clock_running,
    judul=f"{HK_PEMBERITAHUAN} hari kerja sejak pendaftaran ({hukum.pasal('22(7)')})",
    pasal="22(7)",
    sejak="tanggal permohonan diterima (pendaftaran)",
)
# The deadline in force: the same 10 hk until an extension...
TENGGAT_PEMBERITAHUAN = DeadlineSpec(
    "tenggat",
    "tanggal_daftar",
    HK_PEMBERITAHUAN,
    f"Tenggat pemberitahuan ({hukum.pasal('22(7)')})",
    applies=lambda p: p.clock_running and not p.diperpanjang,
    pasal="22(7)",
    sejak="tanggal permohonan diterima (pendaftaran)",
)
# ...then 7 hk more from the original deadline (Pasal 22(8)), once.
TENGGAT_PERPANJANGAN = DeadlineSpec(
    "tenggat",
    "tenggat_awal",
    HK_PERPANJANGAN,
    f"Tenggat sesudah perpanjangan ({hukum.pasal('22(8)')})",
    applies=lambda p: p.clock_running and p.diperpanjang,
    judul=f"Perpanjangan {HK_PERPANJANGAN} hari kerja ({hukum.pasal('22(8)')})",
    pasal="22(8)",
    sejak=f"hari terakhir tenggat {hukum.HK_PEMBERITAHUAN} hari kerja",
)


# SOP langkah 5: the handover 1 hk after the information is ready (the fee is paid at the
# handover, against the kuitansi). Information not yet documented (Pasal 22(7) huruf c) is
# due on the date the notice promised, itself (`tanggal_siap` holds it): one date drives the
# work list, the near-due and the overdue lists.
def _hk_penyerahan(p: Permohonan) -> int:
    return 0 if p.keputusan == Permohonan.Keputusan.BELUM_DIDOKUMENTASIKAN else SOP_PENYERAHAN


TARGET_PENYERAHAN = DeadlineSpec(
    "target_penyerahan",
    "tanggal_siap",
    _hk_penyerahan,
    f"Target penyerahan informasi (SOP {hukum.SOP_PENYERAHAN} hk)",
    applies=lambda p: p.status in Permohonan.PENYERAHAN,
    judul=f"Target penyerahan informasi (SOP {hukum.SOP_PENYERAHAN} hari kerja)",
    dasar="SOP langkah 5",
    sejak=lambda p: (
        "tanggal informasi dijanjikan tersedia (pemberitahuan, "
        f"{hukum.pasal('22(7)', huruf='c', uu='singkat')})"
        if p.keputusan == Permohonan.Keputusan.BELUM_DIDOKUMENTASIKAN
        else "tanggal informasi siap diserahkan"
    ),
)


def tersedia_melewati_tenggat(
    p: Permohonan, tanggal: datetime.date | None, today: datetime.date
) -> str | None:
    """UU 14/2008 Pasal 22(7)–(8): the notice that information is not yet documented
    promises a date within the request's legal deadline (10 hk, or 17 with the one
    extension). A later date needs the extension first, or is refused with the reason.
    None: the date is within the law. (A notice already late binds to today.)"""
    if tanggal is None or p.tenggat is None:
        return None
    batas = max(p.tenggat, today)
    if tanggal <= batas:
        return None
    if p.diperpanjang:
        return (
            f"Tanggal informasi tersedia ({hari_tanggal(tanggal)}) melewati tenggat sesudah "
            f"perpanjangan ({hari_tanggal(p.tenggat)}); UU 14/2008 {hukum.pasal('22(8)')} hanya "
            f"memberi satu perpanjangan. Pilih tanggal paling lambat {hari_tanggal(batas)}."
        )
    if p.tenggat < today:
        return (
            f"Tanggal informasi tersedia ({hari_tanggal(tanggal)}) melewati tenggat "
            f"pemberitahuan yang sudah lewat ({hari_tanggal(p.tenggat)}; UU 14/2008 "
            f"{hukum.pasal('22(7)')}); informasi wajib disediakan segera: pilih "
            f"{hari_tanggal(batas)}."
        )
    return (
        f"Tanggal informasi tersedia ({hari_tanggal(tanggal)}) melewati tenggat pemberitahuan "
        f"({hari_tanggal(p.tenggat)}). Perpanjang dahulu waktunya {HK_PERPANJANGAN} hari kerja "
        f"dengan alasan tertulis (UU 14/2008 {hukum.pasal('22(8)')}), atau pilih tanggal paling "
        f"lambat {hari_tanggal(p.tenggat)}."
    )


TENGGAT = (TENGGAT_AWAL, TENGGAT_PEMBERITAHUAN, TENGGAT_PERPANJANGAN, TARGET_PENYERAHAN)


# The OPD's internal answer deadline (SOP step 3): HK_JAWABAN_OPD working days from the letter,
# never later than the request's own deadline; told on the request's timeline when it moves.
TENGGAT_JAWABAN_OPD = DeadlineSpec(
    "tenggat_jawaban",
    "tanggal",
    lambda s: settings.PPID["HK_JAWABAN_OPD"],
    "Tenggat jawaban OPD",
    cap=lambda s: s.permohonan.tenggat,
    dasar="SOP langkah 3",
    sejak="tanggal surat permintaan ke OPD",
)
TENGGAT_SURAT = (TENGGAT_JAWABAN_OPD,)


def _surat_menunggu_jawaban():
    return SuratPermintaan.objects.filter(
        dialihkan=False,
        tanggal_jawaban__isnull=True,
        permohonan__status=Permohonan.Status.DIMINTAKAN_KE_OPD,
    ).select_related("permohonan")


def register_deadlines() -> None:
    deadlines.register(Permohonan, TENGGAT, lambda: Permohonan.objects.open())
    # After the requests: the letters' cap is the request's deadline as just recomputed.
    deadlines.register(
        SuratPermintaan,
        TENGGAT_SURAT,
        _surat_menunggu_jawaban,
        case=lambda s: s.permohonan,
        window=lambda first, last: Q(tanggal__lt=last, permohonan__tenggat__gte=first),
    )
