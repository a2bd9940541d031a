"""The step tables of Pendokumentasian DIP (SOP, second flowchart; DESIGN.md 2.2).

Two tables, one per kind of edition, both on `DipEdisi.status` and executed by the shared
engine (`ppid_manual.workflow.engine.apply_step`):

OPD edition (= the OPD's submission to the province edition of the same year)

    disusun / perbaikan --ajukan (PPID Pelaksana)--------------------> diajukan
    diajukan  --kembalikan_tidak_lengkap (petugas)--------------------> perbaikan
    diajukan  --rekap (petugas, province edition in penyusunan)-------> direkap
    direkap / dikoreksi --koreksi (PPID, province edition with PPID)--> dikoreksi
    dikoreksi --teruskan (petugas, province edition back at petugas)--> perbaikan
    direkap   --tetapkan (PPID Pelaksana records its head's SK,
                          province edition adopted)-------------------> ditetapkan

Province edition

    disusun         --ajukan_ppid (petugas)-------------------------> diajukan_ppid
    diajukan_ppid   --catat_koreksi (PPID, one of its own entries)--> (stays)
    diajukan_ppid   --kembalikan_ke_petugas (PPID)------------------> disusun
    diajukan_ppid   --ajukan_atasan (PPID, no open corrections)-----> diajukan_atasan
    diajukan_atasan --kembalikan_ke_ppid (Atasan PPID)--------------> diajukan_ppid
    diajukan_atasan --tetapkan (Atasan PPID, SK)--------------------> ditetapkan

After adoption, both: terbitkan_pengantar, catat_publikasi, unggah_scan (record, stay).

Besides the state and the role, some steps have a precondition on other rows (the province
edition's state, open corrections, at least one entry): the step's guard, which the engine
checks on the locked row; the edition page shows it as the reason a button is disabled.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from dip.models import DipEdisi
from ppid_manual import hukum
from ppid_manual.models import Unit, User
from ppid_manual.roles import Role
from ppid_manual.workflow import deadlines
from ppid_manual.workflow.calendar import today
from ppid_manual.workflow.deadlines import DeadlineSpec
from ppid_manual.workflow.engine import Guard, StepTable, steps

S = DipEdisi.Status
PETUGAS, PPID, PELAKSANA, ATASAN = Role.PETUGAS, Role.PPID, Role.PELAKSANA, Role.ATASAN
LABELS = dict(S.choices)


def _scope_opd(edisi: DipEdisi, user: User) -> bool:
    """A PPID Pelaksana acts only on its own OPD's edition; the petugas and the PPID act on
    every OPD's submission."""
    if user.has_role(PETUGAS, PPID, ATASAN):
        return True
    return user.unit_id is not None and user.unit_id == edisi.unit_id


# The main path of each kind, for the progress bar on the detail page (done/current/next).
# The correction loop's states sit at the step they return to.
JALUR_OPD = [
    (S.DISUSUN, "Penyusunan"),
    (S.DIAJUKAN, "Diajukan ke petugas"),
    (S.DIREKAP, "Direkap ke DIP Provinsi"),
    (S.DITETAPKAN, "Ditetapkan Kepala Perangkat Daerah"),
]
POSISI_OPD = {S.PERBAIKAN: 0, S.DIKOREKSI: 2}
JALUR_PROVINSI = [
    (S.DISUSUN, "Penyusunan dan rekap"),
    (S.DIAJUKAN_PPID, "Koreksi PPID"),
    (S.DIAJUKAN_ATASAN, "Di Atasan PPID"),
    (S.DITETAPKAN, "Ditetapkan dengan SK"),
]


def progres(edisi: DipEdisi) -> list[dict[str, str]]:
    jalur = JALUR_PROVINSI if edisi.is_provinsi else JALUR_OPD
    posisi = {status: i for i, (status, _) in enumerate(jalur)}
    posisi.update({} if edisi.is_provinsi else POSISI_OPD)
    sekarang = posisi[edisi.status]
    items = []
    for i, (status, label) in enumerate(jalur):
        if i < sekarang:
            keadaan = "done"
        elif i == sekarang:
            keadaan = "current"
            if status != edisi.status:
                label = f"{label}: {edisi.get_status_display()}"
        else:
            keadaan = "next"
        if i == sekarang and edisi.status == S.DITETAPKAN:
            keadaan = "done"
        items.append({"label": label, "keadaan": keadaan})
    return items


# --- preconditions beyond state and role ---------------------------------------------------


def provinsi_tahun(tahun: int) -> DipEdisi | None:
    return DipEdisi.objects.provinsi().filter(tahun=tahun).select_related("unit").first()


def _ada_entri(edisi: DipEdisi) -> str | None:
    if not edisi.semua_informasi().exists():
        return f"{edisi.judul} belum memuat satu pun informasi publik."
    return None


def _syarat_ajukan(edisi: DipEdisi) -> str | None:
    if msg := _ada_entri(edisi):
        return msg
    provinsi = provinsi_tahun(edisi.tahun)
    if provinsi is None:
        return (
            f"DIP Pemerintah Provinsi Bali tahun {edisi.tahun} belum dibuka oleh petugas "
            "pelayanan; pengajuan belum dapat diterima."
        )
    if provinsi.status in (S.DIAJUKAN_ATASAN, S.DITETAPKAN):
        return (
            f"{provinsi.judul} sudah berstatus “{provinsi.get_status_display()}”; "
            "pengajuan tidak dapat diterima lagi."
        )
    return None


def _syarat_rekap(edisi: DipEdisi) -> str | None:
    provinsi = provinsi_tahun(edisi.tahun)
    if provinsi is None or provinsi.status != S.DISUSUN:
        status = provinsi.get_status_display() if provinsi else "belum dibuka"
        return (
            f"Rekap hanya dapat dilakukan saat DIP Provinsi tahun {edisi.tahun} dalam "
            f"penyusunan oleh petugas (status sekarang: “{status}”)."
        )
    return None


def _syarat_koreksi(edisi: DipEdisi) -> str | None:
    provinsi = edisi.provinsi
    if provinsi is None or provinsi.status != S.DIAJUKAN_PPID:
        return "Koreksi hanya dapat diberikan saat rekap DIP Provinsi sedang diperiksa PPID."
    return None


def _syarat_teruskan(edisi: DipEdisi) -> str | None:
    provinsi = edisi.provinsi
    if provinsi is not None and provinsi.status == S.DIAJUKAN_PPID:
        return (
            "Rekap DIP Provinsi masih diperiksa PPID; koreksi diteruskan setelah PPID "
            "mengembalikannya ke petugas."
        )
    return None


def _syarat_tetapkan_opd(edisi: DipEdisi) -> str | None:
    provinsi = edisi.provinsi
    if provinsi is None or provinsi.status != S.DITETAPKAN:
        return (
            f"DIP perangkat daerah ditetapkan Kepala Perangkat Daerah setelah DIP Provinsi "
            f"tahun {edisi.tahun} ditetapkan Atasan PPID."
        )
    return None


def _syarat_ajukan_ppid(edisi: DipEdisi) -> str | None:
    if msg := _ada_entri(edisi):
        return msg
    belum = (
        DipEdisi.objects.opd()
        .filter(tahun=edisi.tahun)
        .filter(status__in=[S.DIAJUKAN, S.DIKOREKSI])
        .select_related("unit")
    )
    perbaikan = edisi.pengajuan.filter(status=S.PERBAIKAN).select_related("unit")
    if belum.exists():
        nama = ", ".join(e.unit.nama for e in belum)
        return f"Masih ada pengajuan yang belum direkap atau belum diteruskan: {nama}."
    if perbaikan.exists():
        nama = ", ".join(e.unit.nama for e in perbaikan)
        return f"Masih ada pengajuan dalam perbaikan oleh PPID Pelaksana: {nama}."
    return None


def _syarat_ajukan_atasan(edisi: DipEdisi) -> str | None:
    if msg := _ada_entri(edisi):
        return msg
    dikoreksi = edisi.pengajuan.filter(status=S.DIKOREKSI).select_related("unit")
    if dikoreksi.exists():
        nama = ", ".join(e.unit.nama for e in dikoreksi)
        return (
            f"Masih ada koreksi untuk {nama}; kembalikan rekap ke petugas pelayanan lebih dahulu."
        )
    if edisi.catatan_terbuka().filter(informasi__isnull=False).exists():
        return (
            "Masih ada catatan koreksi atas entri DIP Provinsi; kembalikan rekap ke petugas "
            "pelayanan lebih dahulu."
        )
    return None


def _g(syarat: Callable[[DipEdisi], str | None]) -> Guard:
    """A precondition on other rows, as an engine guard (checked on the locked row)."""
    return lambda edisi, user: syarat(edisi)


# fmt: off
ALUR_OPD = StepTable(
    steps=steps(
        # name, label, from, to, roles, button, guard
        ("ajukan", "Ajukan ke petugas pelayanan",
         [S.DISUSUN, S.PERBAIKAN], S.DIAJUKAN, [PELAKSANA], "primary", _g(_syarat_ajukan)),
        ("kembalikan_tidak_lengkap", "Kembalikan (tidak lengkap)",
         [S.DIAJUKAN], S.PERBAIKAN, [PETUGAS], "outline-danger"),
        ("rekap", "Rekap ke DIP Provinsi",
         [S.DIAJUKAN], S.DIREKAP, [PETUGAS], "primary", _g(_syarat_rekap)),
        ("koreksi", "Kembalikan dengan catatan koreksi",
         [S.DIREKAP, S.DIKOREKSI], S.DIKOREKSI, [PPID], "outline-danger", _g(_syarat_koreksi)),
        ("teruskan", "Teruskan koreksi ke PPID Pelaksana",
         [S.DIKOREKSI], S.PERBAIKAN, [PETUGAS], "primary", _g(_syarat_teruskan)),
        ("tetapkan", "Catat penetapan oleh Kepala Perangkat Daerah",
         [S.DIREKAP], S.DITETAPKAN, [PELAKSANA], "success", _g(_syarat_tetapkan_opd)),
        ("terbitkan_pengantar", "Terbitkan surat pengantar",
         [S.DITETAPKAN], None, [PELAKSANA], "outline-primary"),
        ("catat_publikasi", "Catat publikasi",
         [S.DITETAPKAN], None, [PELAKSANA], "outline-primary"),
        ("unggah_scan", "Unggah pindaian SK",
         [S.DITETAPKAN], None, [PELAKSANA], "outline-primary"),
        # Issue 15: an issued letter with an error is corrected by a ralat (a new numbered
        # letter, ppid_manual/workflow/ralat.py); who may correct which: LANGKAH_TERBIT.
        ("ralat", "Ralat surat yang sudah terbit",
         [S.DITETAPKAN], None, [PELAKSANA], "outline-secondary"),
    ),
    status_labels=LABELS,
    scope=_scope_opd,
)

ALUR_PROVINSI = StepTable(
    steps=steps(
        ("ajukan_ppid", "Ajukan rekap ke PPID",
         [S.DISUSUN], S.DIAJUKAN_PPID, [PETUGAS], "primary", _g(_syarat_ajukan_ppid)),
        ("catat_koreksi", "Catat koreksi entri",
         [S.DIAJUKAN_PPID], None, [PPID], "outline-danger"),
        ("kembalikan_ke_petugas", "Kembalikan ke petugas untuk koreksi",
         [S.DIAJUKAN_PPID], S.DISUSUN, [PPID], "outline-danger"),
        ("ajukan_atasan", "Tidak ada koreksi: ajukan ke Atasan PPID",
         [S.DIAJUKAN_PPID], S.DIAJUKAN_ATASAN, [PPID], "primary", _g(_syarat_ajukan_atasan)),
        ("kembalikan_ke_ppid", "Kembalikan ke PPID dengan catatan",
         [S.DIAJUKAN_ATASAN], S.DIAJUKAN_PPID, [ATASAN], "outline-danger"),
        ("tetapkan", "Tetapkan dengan SK Atasan PPID",
         [S.DIAJUKAN_ATASAN], S.DITETAPKAN, [ATASAN], "success", _g(_ada_entri)),
        ("terbitkan_pengantar", "Terbitkan surat pengantar",
         [S.DITETAPKAN], None, [PPID], "outline-primary"),
        ("catat_publikasi", "Catat publikasi",
         [S.DITETAPKAN], None, [PPID, PETUGAS], "outline-primary"),
        ("unggah_scan", "Unggah pindaian SK",
         [S.DITETAPKAN], None, [PPID, PETUGAS], "outline-primary"),
        ("ralat", "Ralat surat yang sudah terbit",
         [S.DITETAPKAN], None, [ATASAN, PPID], "outline-secondary"),
    ),
    status_labels=LABELS,
)
# fmt: on

# The steps that issue each stored document of an edition (ppid_manual/workflow/terbit.py):
# whoever may take one of them (in the edition's own table) may issue, and so correct by a
# ralat, that letter (workflow/ralat.py): the SK DIP with its lampiran, the surat pengantar.
LANGKAH_TERBIT = {
    "sk-dip": ("tetapkan",),
    "pengantar-dip": ("terbitkan_pengantar",),
    "ralat": ("ralat",),
}


def boleh_ubah_isi(edisi: DipEdisi, user: User) -> str | None:
    """Why `user` may not edit the entries of `edisi` now, or None. Province edition: the
    petugas (who types in paper submissions) while it is being compiled; OPD edition: its own
    PPID Pelaksana while compiling or correcting."""
    if edisi.beku:
        return edisi.pesan_beku()
    if edisi.is_provinsi:
        if not user.has_role(PETUGAS):
            return "Isi DIP Provinsi hanya dapat diubah oleh petugas pelayanan."
    elif not (user.has_role(PELAKSANA) and user.unit_id == edisi.unit_id):
        return (
            "Isi DIP perangkat daerah hanya dapat diubah oleh PPID Pelaksana perangkat daerah itu."
        )
    if edisi.status not in DipEdisi.STATUS_DAPAT_DIUBAH:
        return (
            f"Isi {edisi.judul} hanya dapat diubah pada status Penyusunan atau Perbaikan; "
            f"status sekarang “{edisi.get_status_display()}”."
        )
    return None


def opd_pilihan(edisi: DipEdisi):
    """The OPDs an entry of this edition may belong to."""
    if edisi.is_provinsi:
        return Unit.objects.filter(aktif=True)
    return Unit.objects.filter(pk=edisi.unit_id)


def alur_edisi(edisi: DipEdisi) -> StepTable:
    """The step table of this edition: the province's or an OPD's. Here, with the tables, and
    not on the model: the model does not import the rules (models ← alur ← actions ← views)."""
    return ALUR_PROVINSI if edisi.is_provinsi else ALUR_OPD


def cek_tanggal_sk(edisi: DipEdisi, tanggal: datetime.date) -> str | None:
    """Why the SK date cannot be this one, or None (the form and the action both ask)."""
    if tanggal > today():
        return "Tanggal SK tidak boleh setelah hari ini."
    if tanggal.year < edisi.tahun - 1:
        return f"Tanggal SK DIP tahun {edisi.tahun} paling awal 1 Januari {edisi.tahun - 1}."
    return None


def cek_tanggal_setelah_sk(edisi: DipEdisi, tanggal: datetime.date, apa: str) -> str | None:
    """Why a date after the SK (surat pengantar, publikasi) cannot be this one, or None."""
    if tanggal > today():
        return f"Tanggal {apa} tidak boleh setelah hari ini."
    if edisi.tanggal_sk and tanggal < edisi.tanggal_sk:
        return f"Tanggal {apa} tidak boleh sebelum tanggal SK ({edisi.tanggal_sk:%d-%m-%Y})."
    return None


# --- SOP targets (stored, re-counted when the calendar changes) ------------------------------

SOP_PENYUSUNAN = hukum.SOP_PENYUSUNAN_DIP  # SOP DIP: the compilation of an opened edition
SOP_PERBAIKAN = hukum.SOP_PERBAIKAN_DIP  # each correction, once back at the PPID Pelaksana

TARGET_PENYUSUNAN = DeadlineSpec(
    "target_sop",
    "mulai_sop",
    SOP_PENYUSUNAN,
    f"Target penyusunan DIP (SOP {hukum.SOP_PENYUSUNAN_DIP} hk)",
    applies=lambda e: e.status == DipEdisi.Status.DISUSUN,
    judul="Target penyusunan DIP",
    dasar="SOP penyusunan DIP",
    sejak="tanggal DIP dibuka",
)
TARGET_PERBAIKAN = DeadlineSpec(
    "target_sop",
    "mulai_sop",
    SOP_PERBAIKAN,
    f"Target perbaikan DIP (SOP {hukum.SOP_PERBAIKAN_DIP} hk)",
    applies=lambda e: e.status == DipEdisi.Status.PERBAIKAN,
    judul="Target perbaikan DIP",
    dasar="SOP penyusunan DIP",
    sejak="tanggal catatan koreksi diteruskan",
)


def register_deadlines() -> None:
    deadlines.register(
        DipEdisi,
        (TARGET_PENYUSUNAN, TARGET_PERBAIKAN),
        lambda: DipEdisi.objects.filter(
            status__in=[DipEdisi.Status.DISUSUN, DipEdisi.Status.PERBAIKAN]
        ),
    )
