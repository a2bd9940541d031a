"""The step order of penanganan keberatan (SOP "Pelayanan Informasi Publik Saat Sistem Online
Tidak Berfungsi", third flowchart; UU 14/2008 Pasal 35–37).

The table below is the process: for each step, the states it may start from, the state it leads
to, and who may take it. The shared engine (ppid_manual.workflow.engine) executes it; nothing
else assigns Keberatan.status.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from keberatan.models import Keberatan
from ppid_manual import hukum, izin
from ppid_manual.format import hari_tanggal, tanggal
from ppid_manual.models import User
from ppid_manual.roles import Role
from ppid_manual.workflow import calendar, deadlines, penyampaian
from ppid_manual.workflow.deadlines import DeadlineSpec
from ppid_manual.workflow.engine import StepTable, steps
from ppid_manual.workflow.penyampaian import SuratKeluar
from registrasi.alur import SURAT_KELUAR as SURAT_PERMOHONAN
from registrasi.models import Permohonan

S = Keberatan.Status
A = Keberatan.Alasan

# The Act's lengths (UU 14/2008 Pasal 36(1), 36(2), 37(2)), defined in ppid_manual/hukum.py.
HK_PENGAJUAN = hukum.HK_KEBERATAN
HK_TANGGAPAN = hukum.HK_TANGGAPAN
HK_SENGKETA = hukum.HK_SENGKETA
# The SOP's internal targets per step (third flowchart, column "Waktu"), inside the 30 hk:
# 1 the complete form (the desk's "Lengkap" check), 2 registration, 3 examination and
# disposisi, 4 the draft, 5 the answer.
SOP_KELENGKAPAN = hukum.SOP_KELENGKAPAN
SOP_REGISTRASI = hukum.SOP_REGISTRASI
SOP_PEMERIKSAAN = hukum.SOP_PEMERIKSAAN
SOP_DRAF = hukum.SOP_DRAF
SOP_JAWABAN = hukum.SOP_JAWABAN


def dalam_lingkup(keberatan: Keberatan, user: User) -> bool:
    """May this user act on this case at all? The same rule as what they may see."""
    if keberatan.pk is None:
        # Registration: the desk is the user's own unit (set by the view).
        return user.unit_id is not None and keberatan.unit_registrasi_id == user.unit_id
    return keberatan.visible_to(user)


def penerima_disposisi(keberatan: Keberatan, user: User) -> str | None:
    """SOP 3–4: the Atasan instructs the PPID or one PPID Pelaksana; a PPID Pelaksana drafts
    only what was disposed to its own OPD."""
    if user.has_role(Role.PPID):
        return None
    if keberatan.unit_disposisi_id != user.unit_id:
        return "Draf hanya dapat disusun oleh PPID atau PPID Pelaksana penerima disposisi."
    return None


def ada_permohonan(keberatan: Keberatan, user: User) -> str | None:
    """A partial grant or a correction changes the terms of a request: there must be one."""
    if keberatan.permohonan_id is None:
        return (
            "Keberatan tanpa nomor pendaftaran permohonan tidak dapat diputus sebagian atau "
            "dengan koreksi biaya/waktu."
        )
    return None


def bukan_alasan_a(keberatan: Keberatan, user: User) -> str | None:
    """UU 14/2008 Pasal 35(2): only reasons b–g may be settled by musyawarah."""
    if A.A in keberatan.alasan:
        return (
            f"Keberatan dengan alasan huruf a (penolakan berdasarkan {hukum.pasal('17')}) "
            "tidak dapat "
            f"diselesaikan secara musyawarah; UU 14/2008 {hukum.pasal('35(2)')} hanya membolehkan "
            "musyawarah untuk alasan huruf b sampai dengan g."
        )
    return None


def tanggapan_lewat(keberatan: Keberatan, user: User) -> str | None:
    """With no answer within the 30 hk of Pasal 36(2), the pemohon may go to the Komisi
    Informasi without one (hukum.DASAR_SENGKETA_TANPA_TANGGAPAN); before that, a sengketa is
    recorded only after the answer."""
    if keberatan.tanggapan_lewat(timezone.localdate()):
        return None
    return (
        "Sengketa tanpa tanggapan Atasan PPID baru dapat dicatat sesudah tenggat tanggapan "
        f"({hari_tanggal(keberatan.tenggat_tanggapan)}) lewat."
    )


BELUM_DITANGGAPI = list(Keberatan.BELUM_DITANGGAPI)
PENYUSUN_DRAF = [Role.PPID, Role.PELAKSANA]
LOKET = [Role.PETUGAS, Role.PPID]

ALUR = StepTable(
    steps(
        # name, label, from, to, who[, button style[, guard]]
        # SOP 1–2: the desk receives the complete form and registers it: number and clocks.
        (
            "daftarkan",
            "Daftarkan keberatan",
            [S.BARU],
            S.TERDAFTAR,
            izin.peran(izin.Aksi.DAFTAR_KEBERATAN),
            "success",
        ),
        # SOP 3: the Atasan PPID examines and instructs the PPID / PPID Pelaksana (disposisi).
        (
            "disposisi",
            "Periksa dan disposisi",
            [S.TERDAFTAR],
            S.DIDISPOSISI,
            [Role.ATASAN],
        ),
        # SOP 4: the PPID submits a draft answer; the Atasan approves it or sends it back.
        (
            "ajukan_draf",
            "Ajukan draf tanggapan ke Atasan PPID",
            [S.DIDISPOSISI, S.DRAF_DIKEMBALIKAN],
            S.DRAF_DIAJUKAN,
            PENYUSUN_DRAF,
            "primary",
            penerima_disposisi,
        ),
        (
            "kembalikan_draf",
            "Kembalikan draf untuk perbaikan",
            [S.DRAF_DIAJUKAN],
            S.DRAF_DIKEMBALIKAN,
            [Role.ATASAN],
            "warning",
        ),
        (
            "setujui_draf",
            "Setujui draf",
            [S.DRAF_DIAJUKAN],
            S.DRAF_DISETUJUI,
            [Role.ATASAN],
            "success",
        ),
        # SOP 5: only the Atasan PPID answers, one step per outcome (Pasal 36(2)–(3)).
        (
            "tanggapi_diberikan",
            "Tanggapi: informasi diberikan",
            [S.DRAF_DISETUJUI],
            S.DITANGGAPI,
            [Role.ATASAN],
            "success",
        ),
        (
            "tanggapi_ditolak",
            "Tanggapi: putusan PPID dikuatkan",
            [S.DRAF_DISETUJUI],
            S.DITANGGAPI,
            [Role.ATASAN],
            "danger",
        ),
        (
            "tanggapi_sebagian",
            "Tanggapi: informasi diberikan sebagian",
            [S.DRAF_DISETUJUI],
            S.DITANGGAPI,
            [Role.ATASAN],
            "success",
            ada_permohonan,
        ),
        (
            "tanggapi_biaya",
            "Tanggapi: biaya dikoreksi",
            [S.DRAF_DISETUJUI],
            S.DITANGGAPI,
            [Role.ATASAN],
            "success",
            ada_permohonan,
        ),
        (
            "tanggapi_waktu",
            "Tanggapi: waktu penyediaan dikoreksi",
            [S.DRAF_DISETUJUI],
            S.DITANGGAPI,
            [Role.ATASAN],
            "success",
            ada_permohonan,
        ),
        (
            "tanggapi_musyawarah",
            "Tanggapi: selesai secara musyawarah",
            [S.DRAF_DISETUJUI],
            S.DITANGGAPI,
            [Role.ATASAN],
            "secondary",
            bukan_alasan_a,
        ),
        # How the answer reached the pemohon: day 0 of the 14 hk (Pasal 37(2)); recorded
        # again when an estimated receipt is confirmed.
        (
            "catat_penyampaian",
            "Catat penyampaian tanggapan kepada pemohon",
            [S.DITANGGAPI],
            None,
            LOKET,
            "primary",
        ),
        # After the answer: what the pemohon did (Pasal 37).
        (
            "catat_diterima",
            "Catat: pemohon menerima tanggapan",
            [S.DITANGGAPI],
            S.SELESAI,
            LOKET,
            "success",
        ),
        (
            "catat_sengketa",
            "Catat: sengketa ke Komisi Informasi",
            [S.DITANGGAPI],
            S.SENGKETA,
            LOKET,
            "outline-danger",
        ),
        (
            "catat_sengketa_tanpa_tanggapan",
            f"Catat sengketa (tanggapan tidak diberikan dalam {hukum.HK_TANGGAPAN} hari kerja)",
            BELUM_DITANGGAPI,
            S.SENGKETA,
            LOKET,
            "outline-danger",
            tanggapan_lewat,
        ),
        # After the sengketa is recorded: the Komisi Informasi's register number when it
        # comes, then its outcome (the state is kept).
        (
            "catat_nomor_ki",
            "Catat nomor register Komisi Informasi",
            list(Keberatan.SENGKETA_STATUS),
            None,
            LOKET,
            "secondary",
        ),
        # The page where the desk records an outcome (a button while one may still follow);
        # the outcome itself is its own step below (HASIL_SENGKETA), with the state it moves
        # the keberatan to and the states it may follow.
        (
            "catat_hasil_sengketa",
            "Catat hasil sengketa",
            sorted({s for _, sources in Keberatan.HASIL_SENGKETA_ALUR.values() for s in sources}),
            None,
            LOKET,
            "primary",
        ),
        *(
            (
                f"hasil_{hasil.value}",
                f"Hasil sengketa: {hasil.label}",
                list(sources),
                target,
                LOKET,
                "primary",
            )
            for hasil, (target, sources) in Keberatan.HASIL_SENGKETA_ALUR.items()
        ),
        # Issue 15: an issued letter with an error is corrected by a ralat (a new numbered
        # letter, ppid_manual/workflow/ralat.py); the state is kept, on an open or a closed
        # case. Who may correct which letter: LANGKAH_TERBIT below.
        (
            "ralat",
            "Ralat surat yang sudah terbit",
            [s for s in S.values if s != S.BARU],
            None,
            [Role.PETUGAS, Role.ATASAN],
            "outline-secondary",
        ),
    ),
    status_labels=dict(S.choices),
    scope=dalam_lingkup,
)

# The answer steps, by outcome.
#: The step of each sengketa outcome (its state and order: Keberatan.HASIL_SENGKETA_ALUR).
LANGKAH_HASIL_SENGKETA = {h: f"hasil_{h.value}" for h in Keberatan.HASIL_SENGKETA_ALUR}

LANGKAH_TANGGAPAN = {
    Keberatan.Keputusan.DIBERIKAN: "tanggapi_diberikan",
    Keberatan.Keputusan.DITOLAK: "tanggapi_ditolak",
    Keberatan.Keputusan.MUSYAWARAH: "tanggapi_musyawarah",
    Keberatan.Keputusan.SEBAGIAN: "tanggapi_sebagian",
    Keberatan.Keputusan.BIAYA: "tanggapi_biaya",
    Keberatan.Keputusan.WAKTU: "tanggapi_waktu",
}

# The steps that issue each stored document (ppid_manual/workflow/terbit.py): whoever may take
# one of them may issue, and so correct by a ralat, that letter (workflow/ralat.py).
LANGKAH_TERBIT = {
    "formulir-keberatan": ("daftarkan",),
    "disposisi": ("disposisi",),
    "tanggapan": tuple(LANGKAH_TANGGAPAN.values()),
    "ralat": ("ralat",),
}

# Who the case waits for in each open state (the work list "Tugas saya", and the column
# "Menunggu"). tests/keberatan/test_alur.py checks it against the table above.
MENUNGGU: dict[str, tuple[str, tuple[str, ...]]] = {
    S.TERDAFTAR: ("Atasan PPID: pemeriksaan dan disposisi", (Role.ATASAN,)),
    S.DIDISPOSISI: ("PPID/PPID Pelaksana: draf tanggapan", (Role.PPID, Role.PELAKSANA)),
    S.DRAF_DIKEMBALIKAN: ("PPID/PPID Pelaksana: perbaikan draf", (Role.PPID, Role.PELAKSANA)),
    S.DRAF_DIAJUKAN: ("Atasan PPID: periksa draf", (Role.ATASAN,)),
    S.DRAF_DISETUJUI: ("Atasan PPID: tanggapan", (Role.ATASAN,)),
    S.DITANGGAPI: ("Petugas/PPID: catat sikap pemohon", (Role.PETUGAS, Role.PPID)),
}


def status_tugas(user: User) -> list[str]:
    """The states in which this user is the one the case waits for."""
    return [state for state, (_, roles) in MENUNGGU.items() if user.has_role(*roles)]


# --- The filing window: the day the ground arose (Pasal 36(1)) --------------------------


@dataclass(frozen=True)
class Dasar:
    tanggal: datetime.date
    keterangan: str
    # The date is an estimate of the pemohon's receipt (the delivery not recorded, or only
    # its sending): `paling_awal` is the earliest it can be (the letter's own date).
    perkiraan: bool = False
    paling_awal: datetime.date | None = None


def dasar_otomatis(permohonan: Permohonan, today: datetime.date) -> Dasar | None:
    """The day the ground of a keberatan arose, from the request's record: the pemohon's
    receipt of the letter that gave it (the written notice, or for a refusal the SK
    penolakan once its delivery is recorded), the 10(+7)-hk deadline passing unanswered (day
    0 is the deadline itself, so the first day counted is the first working day after it),
    or the receipt of the extension notice. None while none of these happened."""
    if permohonan.tanggal_pemberitahuan is not None:
        # Pasal 36(1): the ground arises when the pemohon receives the decision (its
        # recorded delivery; until then the letter's date, marked as an estimate).
        prefix = "sk_penolakan" if permohonan.sk_penolakan_cara else "pemberitahuan"
        return _dari_surat(permohonan, prefix)
    if permohonan.clock_running and permohonan.tenggat and permohonan.tenggat < today:
        return Dasar(
            permohonan.tenggat,
            "Tenggat pemberitahuan tertulis lewat tanpa jawaban (UU 14/2008 "
            f"{hukum.pasal('22(7)')})",
        )
    if permohonan.diperpanjang and permohonan.tanggal_perpanjangan is not None:
        # The extension (Pasal 22(8)) objected to: from the receipt of its notice.
        return _dari_surat(permohonan, "perpanjangan")
    return None


def _dari_surat(permohonan: Permohonan, prefix: str) -> Dasar:
    """The ground dated by the pemohon's receipt of one of the request's letters
    (registrasi.alur.SURAT_KELUAR), said as the estimate it is until confirmed."""
    k = penyampaian.keadaan(permohonan, penyampaian.pilih(SURAT_PERMOHONAN, prefix))
    if k.dicatat and not k.perkiraan:
        keterangan = f"Tanggal {k.surat.nama} {k.nomor} diterima pemohon"
        return Dasar(k.diterima, " ".join(keterangan.split()))
    if k.dicatat:
        keterangan = f"Perkiraan tanggal {k.surat.nama} {k.nomor} diterima pemohon"
    else:
        keterangan = (
            f"Tanggal {k.surat.nama} {k.nomor} (perkiraan diterima pemohon; "
            "penyampaian belum dicatat)"
        )
    return Dasar(
        k.diterima, " ".join(keterangan.split()), perkiraan=True, paling_awal=k.tanggal_surat
    )


@dataclass(frozen=True)
class Penilaian:
    """Was the keberatan filed within the 30 hk of Pasal 36(1)? (Keberatan.Pengajuan)"""

    hasil: str
    batas: datetime.date  # the window's end as stored (an estimate when the ground is one)
    diajukan: datetime.date | None  # the filing the Act names (None: a posting date unknown)
    keterangan: str


def nilai_pengajuan(
    dasar: Dasar, *, diterima: datetime.date, cara: str, dikirim: datetime.date | None
) -> Penilaian:
    """Pasal 36(1): "diajukan ... paling lambat 30 hari kerja setelah ditemukannya alasan".
    The Act names the filing: handed in (or e-mailed) on the day the desk received it, posted
    on the day it was sent (the Act is silent on posting, so a keberatan posted within the
    window is not late). Late only when both ends are known: a window counted from an
    estimated receipt, or a posted keberatan with no posting date that arrived after the
    window, is judged unknown and the desk is told so; never late from an estimate."""
    batas = TENGGAT_PENGAJUAN.count_from(dasar.tanggal)
    # The earliest the window can end: the pemohon cannot receive a letter before its date.
    batas_pasti = TENGGAT_PENGAJUAN.count_from(dasar.paling_awal) if dasar.perkiraan else batas
    diajukan = dikirim if cara == Keberatan.CaraPengajuan.POS else diterima
    P = Keberatan.Pengajuan
    if diajukan is None and diterima <= batas_pasti:
        teks = f"Diterima dalam batas {hukum.HK_KEBERATAN} hari kerja."
        return Penilaian(P.TEPAT, batas, None, teks)
    if diajukan is None:
        return Penilaian(
            P.BELUM_PASTI,
            batas,
            None,
            f"Keberatan dikirim melalui pos dan diterima {tanggal(diterima)}, sesudah batas "
            f"{tanggal(batas)}; tanggal pengirimannya (cap pos) tidak diketahui, sehingga "
            f"ketepatan waktu pengajuan belum dapat dinilai ({hukum.DASAR_PENGAJUAN_KEBERATAN}).",
        )
    if diajukan <= batas_pasti:
        return Penilaian(
            P.TEPAT, batas, diajukan, f"Diajukan dalam batas {hukum.HK_KEBERATAN} hari kerja."
        )
    if dasar.perkiraan:
        return Penilaian(
            P.BELUM_PASTI,
            batas,
            diajukan,
            f"Batas pengajuan {tanggal(batas)} dihitung dari perkiraan tanggal surat diterima "
            "pemohon (penyampaiannya belum dicatat atau belum dikonfirmasi), sehingga "
            "ketepatan waktu pengajuan belum dapat dinilai; catat penyampaian surat itu pada "
            "permohonan bila tanggal diterimanya diketahui "
            f"({hukum.DASAR_PENGAJUAN_KEBERATAN}).",
        )
    lewat = calendar.working_days_elapsed(batas, diajukan)
    return Penilaian(
        P.TERLAMBAT,
        batas,
        diajukan,
        f"PERINGATAN: keberatan diajukan {tanggal(diajukan)}, {lewat} hari kerja sesudah batas "
        f"{hukum.HK_KEBERATAN} hari kerja ({hari_tanggal(batas)}; dihitung sejak "
        f"{tanggal(dasar.tanggal)}). Tetap didaftarkan; kelayakannya dipertimbangkan Atasan PPID "
        f"({hukum.DASAR_PENGAJUAN_KEBERATAN}).",
    )


@dataclass(frozen=True)
class Saran:
    alasan: tuple[str, ...]
    penjelasan: str


def saran_alasan(permohonan: Permohonan, today: datetime.date) -> Saran | None:
    """Reasons the record of the request already shows (pre-ticked on the intake form)."""
    tenggat = hari_tanggal(permohonan.tenggat)
    if permohonan.clock_running and permohonan.tenggat and permohonan.tenggat < today:
        return Saran(
            (A.C, A.G),
            f"Permohonan ini belum dijawab, padahal tenggat pemberitahuan tertulis ({tenggat}) "
            "sudah lewat: alasan c (tidak ditanggapi) dan g (melebihi waktu yang diatur "
            "Undang-Undang) berlaku. Hapus centang yang tidak sesuai keterangan pemohon.",
        )
    if (
        permohonan.tanggal_pemberitahuan is not None
        and permohonan.tenggat is not None
        and permohonan.tanggal_pemberitahuan > permohonan.tenggat
    ):
        return Saran(
            (A.G,),
            f"Pemberitahuan tertulis diberikan {hari_tanggal(permohonan.tanggal_pemberitahuan)}, "
            f"sesudah tenggat {tenggat}: alasan g (melebihi waktu yang diatur Undang-Undang) "
            "berlaku.",
        )
    return None


# --- The SOP's five steps and what follows, for the progress panel -----------------------


@dataclass(frozen=True)
class Tahap:
    nomor: int
    label: str
    keadaan: str  # "selesai", "sekarang", "berikutnya", "dilewati"
    waktu: str = ""
    target: datetime.date | None = None
    keterangan: str = ""


TAHAP_SOP = (
    (
        1,
        "Pemohon mengajukan formulir keberatan dan fotokopi identitas (NIK)",
        f"{hukum.SOP_KELENGKAPAN} hari kerja",
    ),
    (
        2,
        "Registrasi keberatan; salinan formulir sebagai tanda terima",
        f"{hukum.SOP_REGISTRASI} hari kerja",
    ),
    (
        3,
        "Atasan PPID memeriksa dan memberi disposisi kepada PPID/PPID Pelaksana",
        f"{hukum.SOP_PEMERIKSAAN} hari kerja",
    ),
    (4, "PPID mengajukan draf surat tanggapan kepada Atasan PPID", f"{hukum.SOP_DRAF} hari kerja"),
    (5, "Atasan PPID menanggapi keberatan dengan surat", f"{hukum.SOP_JAWABAN} hari kerja"),
    (
        6,
        "Sikap pemohon: menerima, atau sengketa ke Komisi Informasi",
        f"{hukum.HK_SENGKETA} hari kerja",
    ),
)

# The step under way in each state (1-based, as in TAHAP_SOP).
_SEKARANG = {
    S.BARU: 1,
    S.TERDAFTAR: 3,
    S.DIDISPOSISI: 4,
    S.DRAF_DIKEMBALIKAN: 4,
    S.DRAF_DIAJUKAN: 4,
    S.DRAF_DISETUJUI: 5,
    S.DITANGGAPI: 6,
}


def tahapan(keberatan: Keberatan) -> list[Tahap]:
    """Where the case stands: each step done, current, next or skipped."""
    k = keberatan
    s = k.status
    targets = {
        1: k.target_kelengkapan,
        2: k.target_registrasi,
        3: k.target_pemeriksaan,
        4: k.target_draf,
        5: k.target_jawaban,
        6: k.tenggat_sengketa if k.sudah_ditanggapi else None,
    }
    catatan: dict[int, str] = {}
    if k.kelengkapan_terlambat():
        catatan[1] = (
            f"Formulir lengkap diterima melewati target {hukum.SOP_KELENGKAPAN} hari kerja."
        )
    if k.registrasi_terlambat():
        catatan[2] = f"Didaftarkan melewati target {hukum.SOP_REGISTRASI} hari kerja."
    if s == S.DRAF_DIAJUKAN:
        catatan[4] = "Draf menunggu pemeriksaan Atasan PPID."
    if k.jumlah_revisi:
        catatan[4] = (catatan.get(4, "") + f" Draf dikembalikan {k.jumlah_revisi} kali.").strip()
    if s == S.DRAF_DISETUJUI:
        catatan[5] = "Draf telah disetujui."
    if k.keputusan:
        catatan[5] = k.get_keputusan_display()
    if (s == S.SELESAI or k.dalam_sengketa) and k.sikap_pemohon:
        catatan[6] = k.get_sikap_pemohon_display()
        if k.hasil_sengketa:
            catatan[6] += f"; {k.get_status_display()}"

    if s == S.SELESAI or k.dalam_sengketa:
        if k.sudah_ditanggapi:
            keadaan = dict.fromkeys(range(1, 7), "selesai")
        else:
            # A sengketa after the 30 hk lapsed: the steps not taken were skipped.
            keadaan = {n: ("selesai" if _tahap_selesai(k, n) else "dilewati") for n in range(1, 6)}
            keadaan[6] = "selesai"
            catatan[5] = (
                f"Atasan PPID tidak memberi tanggapan dalam {hukum.HK_TANGGAPAN} hari kerja."
            )
    else:
        now = _SEKARANG[s]
        keadaan = {
            n: "selesai" if n < now else ("sekarang" if n == now else "berikutnya")
            for n in range(1, 7)
        }
    return [
        Tahap(n, label, keadaan[n], waktu, targets.get(n), catatan.get(n, ""))
        for n, label, waktu in TAHAP_SOP
    ]


def _tahap_selesai(k: Keberatan, n: int) -> bool:
    return {
        1: True,
        2: True,
        3: k.tanggal_disposisi is not None,
        4: k.tanggal_persetujuan is not None,
        5: k.sudah_ditanggapi,
    }[n]


# --- Stored deadlines that move when the calendar changes (DESIGN.md section 4) ----------

# Pasal 36(1): the pemohon files within 30 hk of the day the ground arose. Counted once, at
# registration, to tell a late filing (still registered); not re-counted.
TENGGAT_PENGAJUAN = DeadlineSpec(
    "tenggat_pengajuan",
    "tanggal_dasar",
    HK_PENGAJUAN,
    f"Batas pengajuan keberatan ({hukum.pasal('36(1)')})",
    judul="Batas pengajuan keberatan",
    dasar=hukum.DASAR_PENGAJUAN_KEBERATAN,
    pasal="36(1)",
    # Named with where the date comes from ("tanggal SK penolakan … diterima pemohon").
    sejak=lambda k: (
        f"tanggal timbulnya alasan keberatan ({k.dasar_keterangan[:1].lower()}"
        f"{k.dasar_keterangan[1:]})"
        if k.dasar_keterangan
        else "tanggal timbulnya alasan keberatan"
    ),
)
# SOP langkah 1: the form complete, with the NIK copy ("Lengkap"), within 1 hk of the pemohon
# first handing it in (history once registered; not re-counted).
TARGET_KELENGKAPAN = DeadlineSpec(
    "target_kelengkapan",
    "tanggal_diajukan",
    SOP_KELENGKAPAN,
    f"Target formulir lengkap (SOP {hukum.SOP_KELENGKAPAN} hk)",
    judul="Target formulir keberatan lengkap",
    dasar="SOP langkah 1",
    sejak="tanggal formulir pertama kali diajukan",
)
# SOP langkah 2: registration within 1 hk of the complete form's receipt (history once
# registered; not re-counted).
TARGET_REGISTRASI = DeadlineSpec(
    "target_registrasi",
    "tanggal_diterima",
    SOP_REGISTRASI,
    f"Target registrasi (SOP {hukum.SOP_REGISTRASI} hk)",
    judul="Target registrasi",
    dasar="SOP langkah 2",
    sejak="tanggal keberatan diterima",
)
TARGET_PEMERIKSAAN = DeadlineSpec(
    "target_pemeriksaan",
    "tanggal_registrasi",
    SOP_PEMERIKSAAN,
    f"Target pemeriksaan Atasan PPID (SOP {hukum.SOP_PEMERIKSAAN} hk)",
    applies=lambda k: k.status == S.TERDAFTAR,
    judul="Target pemeriksaan dan disposisi Atasan PPID",
    dasar="SOP langkah 3",
    sejak="tanggal registrasi keberatan",
)
# Pasal 36(2): the Atasan PPID answers within 30 hk "sejak diterimanya keberatan secara
# tertulis": day 0 is the day the written keberatan was received, not its registration
# (received 24 April, registered 29 April 2026: due 15 June, not 23 June), complete or not: an
# incomplete form the desk kept starts the clock the day it was handed in (received 1 July,
# completed 6 July 2026: due 12 August, not 18 August); one handed back does not
# (`mulai_tanggapan`, set at registration). The SOP's completeness row stays a target.
TENGGAT_TANGGAPAN = DeadlineSpec(
    "tenggat_tanggapan",
    "mulai_tanggapan",
    HK_TANGGAPAN,
    f"Tenggat tanggapan Atasan PPID ({hukum.pasal('36(2)')})",
    applies=lambda k: k.status in Keberatan.BELUM_DITANGGAPI,
    judul="Tenggat tanggapan Atasan PPID",
    dasar=hukum.DASAR_TANGGAPAN_KEBERATAN,
    pasal="36(2)",
    sejak=lambda k: (
        "tanggal keberatan tertulis diterima (formulir pertama kali diajukan dan disimpan "
        "petugas, belum lengkap)"
        if k.mulai_tanggapan and k.tanggal_diterima and k.mulai_tanggapan < k.tanggal_diterima
        else "tanggal keberatan tertulis diterima"
    ),
)
TARGET_DRAF = DeadlineSpec(
    "target_draf",
    "mulai_draf",
    SOP_DRAF,
    f"Target draf tanggapan (SOP {hukum.SOP_DRAF} hk)",
    applies=lambda k: k.status in (S.DIDISPOSISI, S.DRAF_DIKEMBALIKAN),
    judul="Target draf tanggapan PPID",
    dasar="SOP langkah 4",
    sejak="tanggal disposisi Atasan PPID",
)
TARGET_JAWABAN = DeadlineSpec(
    "target_jawaban",
    "tanggal_draf",
    SOP_JAWABAN,
    f"Target tanggapan Atasan PPID (SOP {hukum.SOP_JAWABAN} hk)",
    applies=lambda k: k.status in (S.DRAF_DIAJUKAN, S.DRAF_DISETUJUI),
    judul="Target tanggapan Atasan PPID",
    dasar="SOP langkah 5",
    sejak="tanggal draf diajukan",
)
# Pasal 37(2): 14 hk "setelah diterimanya tanggapan tertulis" (the pemohon's receipt of the
# answer, an estimate until its delivery is recorded). Without an answer, Pasal 37(2) does not
# start: the Komisi Informasi's procedure (Perki 1/2013 Pasal 13) counts the 14 hk from the 30
# hk lapsing (chained after tenggat_tanggapan, so it moves with it), cited as such.
SENGKETA_TANPA_TANGGAPAN = DeadlineSpec(
    "tenggat_sengketa",
    "tenggat_tanggapan",
    HK_SENGKETA,
    "Batas pengajuan sengketa tanpa tanggapan",
    applies=lambda k: k.tanggal_tanggapan is None,
    judul="Batas pengajuan sengketa ke Komisi Informasi (bila tidak ditanggapi)",
    dasar=hukum.DASAR_SENGKETA_TANPA_TANGGAPAN,
    sejak="hari terakhir tenggat tanggapan",
)
SENGKETA_SESUDAH_TANGGAPAN = DeadlineSpec(
    "tenggat_sengketa",
    "tanggapan_diterima",
    HK_SENGKETA,
    f"Batas pengajuan sengketa ({hukum.pasal('37(2)')})",
    applies=lambda k: k.tanggal_tanggapan is not None,
    judul="Batas pengajuan sengketa ke Komisi Informasi",
    dasar=hukum.DASAR_SENGKETA,
    pasal="37(2)",
    sejak=lambda k: (
        "tanggal surat tanggapan (perkiraan diterima pemohon; penyampaian belum dicatat)"
        if not k.tanggapan_cara
        else "tanggal tanggapan diterima pemohon (perkiraan, belum dikonfirmasi)"
        if k.tanggapan_perkiraan
        else "tanggal tanggapan diterima pemohon"
    ),
)
# The letter the keberatan sends to the pemohon, whose delivery the desk records
# (ppid_manual/workflow/penyampaian.py): the Atasan PPID's written answer.
SURAT_KELUAR = (
    SuratKeluar(
        "tanggapan",
        "surat tanggapan Atasan PPID",
        lambda k: k.tanggal_tanggapan,
        lambda k: k.nomor_tanggapan,
    ),
)

# Re-counted on a calendar change, each only while its step is under way: a target already
# met is history, not a deadline.
TENGGAT = (
    TARGET_PEMERIKSAAN,
    TENGGAT_TANGGAPAN,
    TARGET_DRAF,
    TARGET_JAWABAN,
    SENGKETA_TANPA_TANGGAPAN,
    SENGKETA_SESUDAH_TANGGAPAN,
)


def register_deadlines() -> None:
    deadlines.register(Keberatan, TENGGAT, lambda: Keberatan.objects.open())


def jawaban_terbuka(keberatan: Keberatan, keputusan: str) -> str | None:
    """Why the Atasan PPID could not answer this keberatan with `keputusan` (the answer
    step's guard), or None: a draft proposes only answers that can follow it."""
    return ALUR.get(LANGKAH_TANGGAPAN[Keberatan.Keputusan(keputusan)]).refusal(keberatan, None)
