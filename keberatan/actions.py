"""Every write on a keberatan. Each action is atomic, goes through the workflow engine
(`apply_step`: lock, check state/role/scope/guard, set fields, one Event) and takes its number
inside the same transaction, so a refusal or failure leaves nothing behind.

Views and commands call these; nothing else assigns Keberatan.status.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from keberatan.alur import (
    ALUR,
    LANGKAH_HASIL_SENGKETA,
    LANGKAH_TANGGAPAN,
    LANGKAH_TERBIT,
    SENGKETA_SESUDAH_TANGGAPAN,
    SENGKETA_TANPA_TANGGAPAN,
    SURAT_KELUAR,
    TARGET_DRAF,
    TARGET_JAWABAN,
    TARGET_KELENGKAPAN,
    TARGET_PEMERIKSAAN,
    TARGET_REGISTRASI,
    TENGGAT_TANGGAPAN,
    Dasar,
    dasar_otomatis,
    jawaban_terbuka,
    nilai_pengajuan,
)
from keberatan.amar import Amar
from keberatan.models import Keberatan
from pemohon import identitas as identitas
from ppid_manual import hash_riwayat, hukum, pindaian
from ppid_manual.format import hari_tanggal, tanggal
from ppid_manual.models import DokumenTerbit, FormatNomor, Pejabat, Ralat, Unit, User
from ppid_manual.workflow import calendar, penerimaan
from ppid_manual.workflow import penyampaian as penyampaian_surat
from ppid_manual.workflow import ralat as ralat_mod
from ppid_manual.workflow import susulan as susulan_kertas
from ppid_manual.workflow.engine import StepRefused, apply_step
from ppid_manual.workflow.numbering import next_number
from ppid_manual.workflow.penyampaian import Penyampaian
from ppid_manual.workflow.susulan import Susulan
from registrasi.models import Permohonan

KP = Keberatan.Keputusan


class SudahDiajukan(Exception):
    """The form with this one-time key was already submitted (a double click): the first
    submission's keberatan is attached."""

    def __init__(self, keberatan: Keberatan) -> None:
        super().__init__("Formulir ini sudah dikirim.")
        self.keberatan = keberatan


def _atasan(day: datetime.date) -> Pejabat:
    """The Atasan PPID official of `day`; a gap in the officials table refuses the step."""
    try:
        return Pejabat.signer(Pejabat.Peran.ATASAN_PPID, day)
    except Pejabat.DoesNotExist as exc:
        raise StepRefused(str(exc)) from None


# --- Intake and registration (SOP 1–2) ----------------------------------------------------


@dataclass
class Pengajuan:
    """What the desk typed from the Formulir Keberatan (Perki 1/2021)."""

    tanggal_diterima: datetime.date
    alasan: list[str]
    kasus_posisi: str
    tujuan_penggunaan: str
    permohonan: Permohonan | None = None
    pemohon: dict[str, str] = field(default_factory=dict)  # only without a permohonan
    alasan_identitas: str = ""  # another name on a recorded NIK (pemohon.identitas.save_pemohon)
    informasi_diminta: str = ""  # only without a permohonan (reason b)
    tanggal_dasar: datetime.date | None = None  # None: from the request's record
    kuasa_nama: str = ""
    kuasa_alamat: str = ""
    kuasa_telepon: str = ""
    surat_kuasa_diterima: bool = False
    surat_kuasa: UploadedFile | None = None
    identitas_diterima: bool = False
    scan_identitas: UploadedFile | None = None
    kunci: uuid.UUID | None = None
    # A late entry of a paper form: `tanggal_diterima` is then the paper's date.
    susulan: Susulan | None = None
    # SOP langkah 1: the day the form was first handed in, when it was then incomplete
    # (None: complete on `tanggal_diterima`).
    tanggal_diajukan: datetime.date | None = None
    # That incomplete form was handed back to the pemohon (not received: the Atasan's 30 hk
    # count from the complete form) rather than kept by the desk (received that day).
    formulir_dikembalikan: bool = False
    # How the written keberatan came; a posted one with the date it was sent (cap pos),
    # None when unknown (Pasal 36(1) counts the filing).
    cara_pengajuan: str = Keberatan.CaraPengajuan.LOKET
    tanggal_dikirim: datetime.date | None = None


def _check_pengajuan(p: Pengajuan, today: datetime.date) -> None:
    """The law's rules on the form; the form checks them too, field by field."""
    bad = [h for h in p.alasan if h not in Keberatan.Alasan.values]
    if not p.alasan or bad:
        raise StepRefused(
            f"Pilih satu atau lebih alasan keberatan huruf a–g ({hukum.pasal('35(1)')})."
        )
    if p.permohonan is None and set(p.alasan) != {Keberatan.Alasan.B}:
        raise StepRefused(
            "Keberatan tanpa nomor pendaftaran hanya dapat beralasan huruf b (informasi "
            "berkala tidak disediakan)."
        )
    if p.tanggal_diterima > today:
        raise StepRefused("Tanggal formulir diterima tidak boleh di masa depan.")
    if p.permohonan is not None and p.permohonan.nomor_pendaftaran is None:
        raise StepRefused("Permohonan itu belum terdaftar.")
    # A keberatan objects to a request already received: its receipt (day 0 of the Atasan's
    # 30 hk, Pasal 36(2)) cannot come before the request's.
    if (
        p.permohonan is not None
        and p.permohonan.tanggal_daftar is not None
        and p.tanggal_diterima < p.permohonan.tanggal_daftar
    ):
        raise StepRefused(
            "Tanggal keberatan diterima tidak boleh sebelum permohonan yang dikeberatani "
            f"diterima ({tanggal(p.permohonan.tanggal_daftar)})."
        )
    if p.tanggal_diajukan is not None and p.tanggal_diajukan > p.tanggal_diterima:
        raise StepRefused(
            "Tanggal formulir pertama kali diajukan tidak boleh sesudah formulir lengkap diterima."
        )
    if (
        p.tanggal_diajukan is not None
        and p.permohonan is not None
        and p.permohonan.tanggal_daftar is not None
        and p.tanggal_diajukan < p.permohonan.tanggal_daftar
    ):
        raise StepRefused(
            "Tanggal formulir pertama kali diajukan tidak boleh sebelum permohonan yang "
            f"dikeberatani diterima ({tanggal(p.permohonan.tanggal_daftar)})."
        )
    if p.cara_pengajuan not in Keberatan.CaraPengajuan.values:
        raise StepRefused("Pilih cara keberatan disampaikan.")
    if p.tanggal_dikirim is not None and p.cara_pengajuan != Keberatan.CaraPengajuan.POS:
        raise StepRefused(
            "Tanggal dikirim (cap pos) hanya untuk keberatan yang dikirim melalui pos."
        )
    if p.tanggal_dikirim is not None and p.tanggal_dikirim > p.tanggal_diterima:
        raise StepRefused("Tanggal dikirim (cap pos) tidak boleh sesudah tanggal diterima.")
    if p.susulan is not None:
        p.susulan.check()
    if p.kuasa_nama and not (p.surat_kuasa_diterima or p.surat_kuasa):
        raise StepRefused("Keberatan melalui kuasa harus disertai surat kuasa.")


@transaction.atomic
# The pemohon's changed details are chained with the step's own events, once its documents
# are drawn (ppid_manual/rantai.py).
@hash_riwayat.tunda()
def _register(p: Pengajuan, *, by: User, note: str) -> Keberatan:
    if p.kunci is not None:
        done = Keberatan.objects.filter(kunci_idempotensi=p.kunci).first()
        if done is not None:
            raise SudahDiajukan(done)
    if by.unit_id is None:
        raise StepRefused("Akun Anda belum terhubung ke perangkat daerah; hubungi Admin.")
    today = calendar.today()
    _check_pengajuan(p, today)

    # Pasal 36(2): received in writing on the first hand-in when the desk kept the form
    # (complete or not); a form handed back was not received, its clock starts when it comes
    # back complete.
    dikembalikan = p.formulir_dikembalikan and p.tanggal_diajukan is not None
    dikembalikan = dikembalikan and p.tanggal_diajukan < p.tanggal_diterima
    mulai_tanggapan = (
        p.tanggal_diterima if dikembalikan or p.tanggal_diajukan is None else p.tanggal_diajukan
    )

    # Pasal 36(1): the 30-hk filing window from the day the ground arose.
    if p.tanggal_dasar is not None:
        dasar = Dasar(p.tanggal_dasar, "Diisi petugas dari keterangan pemohon")
    else:
        dasar = dasar_otomatis(p.permohonan, today) if p.permohonan is not None else None
        if dasar is None:
            raise StepRefused("Tanggal timbulnya alasan keberatan wajib diisi.")
    if dasar.tanggal > p.tanggal_diterima:
        raise StepRefused("Tanggal timbulnya alasan tidak boleh sesudah formulir diterima.")
    # Judged on the filing the Act names; never late from an estimate.
    penilaian = nilai_pengajuan(
        dasar, diterima=mulai_tanggapan, cara=p.cara_pengajuan, dikirim=p.tanggal_dikirim
    )
    tenggat_pengajuan = penilaian.batas
    terlambat = penilaian.hasil == Keberatan.Pengajuan.TERLAMBAT
    notes = [note] if note else []
    # Received on a day off or after hours: accepted, the timeline says when the clock starts.
    notice = penerimaan.catatan(p.tanggal_diterima, timezone.localtime())
    if notice:
        notes.insert(0, notice)
    if penilaian.hasil != Keberatan.Pengajuan.TEPAT:
        notes.insert(0, penilaian.keterangan)

    if p.permohonan is not None:
        pemohon, changes = p.permohonan.pemohon, {}
        simpanan = identitas.Simpanan(pemohon, {})
        informasi = p.permohonan.rincian_informasi
    else:
        simpanan = identitas.save_pemohon(p.pemohon, by=by, alasan=p.alasan_identitas)
        pemohon, changes = simpanan.pemohon, simpanan.changes
        informasi = p.informasi_diminta
    keberatan = Keberatan(
        kunci_idempotensi=p.kunci,
        permohonan=p.permohonan,
        pemohon=pemohon,
        # The identity given for this case: a keberatan about a request keeps the identity
        # that request was registered with (DESIGN.md §7), not the address book's today.
        identitas_pemohon=p.permohonan.identitas_pemohon
        if p.permohonan is not None
        else (simpanan.identitas or {}),
        unit_registrasi_id=by.unit_id,
        didaftarkan_oleh=by,
        informasi_diminta=informasi,
        tujuan_penggunaan=p.tujuan_penggunaan,
        alasan=sorted(set(p.alasan)),
        kasus_posisi=p.kasus_posisi,
        kuasa_nama=p.kuasa_nama,
        kuasa_alamat=p.kuasa_alamat,
        kuasa_telepon=p.kuasa_telepon,
        surat_kuasa_diterima=p.surat_kuasa_diterima,
        identitas_diterima=p.identitas_diterima,
        tanggal_diterima=p.tanggal_diterima,
        tanggal_diajukan=p.tanggal_diajukan or p.tanggal_diterima,
        formulir_dikembalikan=dikembalikan,
        mulai_tanggapan=mulai_tanggapan,
        cara_pengajuan=p.cara_pengajuan,
        tanggal_dikirim=p.tanggal_dikirim,
        tanggal_dasar=dasar.tanggal,
        dasar_keterangan=dasar.keterangan,
        dasar_perkiraan=dasar.perkiraan,
        tenggat_pengajuan=tenggat_pengajuan,
        terlambat=terlambat,
        penilaian_pengajuan=penilaian.hasil,
    )

    def update(k: Keberatan) -> dict[str, Any]:
        k.tanggal_registrasi = today
        # A paper form entered late: flagged; its clocks count from the paper's date.
        late_entry = susulan_kertas.terapkan(k, p.susulan, p.tanggal_diterima, today)
        k.nomor_registrasi = next_number(
            FormatNomor.Jenis.KEBERATAN, day=today, unit=k.unit_registrasi
        )
        # SOP: the complete form within 1 hk of being first handed in, registration within
        # 1 hk of its receipt; the Atasan examines within 5 hk.
        TARGET_KELENGKAPAN.stamp(k)
        TARGET_REGISTRASI.stamp(k)
        TARGET_PEMERIKSAAN.stamp(k)
        # Pasal 36(2): the answer within 30 hk; Pasal 37(2): without one, the pemohon has
        # 14 hk after that to go to the Komisi Informasi (re-counted when the answer comes).
        TENGGAT_TANGGAPAN.stamp(k)
        SENGKETA_TANPA_TANGGAPAN.stamp(k)
        # Scans are saved last, and removed again below if the transaction fails.
        if p.scan_identitas is not None:
            pindaian.store_scan(k.scan_identitas, p.scan_identitas.name, p.scan_identitas)
        if p.surat_kuasa is not None:
            pindaian.store_scan(k.surat_kuasa, p.surat_kuasa.name, p.surat_kuasa)
        data: dict[str, Any] = {
            "nomor": k.nomor_registrasi,
            "pemohon": pemohon.pk,
            "permohonan": p.permohonan.nomor_pendaftaran if p.permohonan else "",
            "alasan": k.alasan,
            "tenggat_pengajuan": tenggat_pengajuan.isoformat(),
            "terlambat": terlambat,
            "pengajuan": penilaian.hasil,
            "tenggat_tanggapan": k.tenggat_tanggapan.isoformat(),
            **late_entry,
        }
        if changes:
            data["pemohon_diubah"] = changes
        return data

    created = apply_step(keberatan, ALUR, "daftarkan", by=by, note=" ".join(notes), update=update)
    identitas.catat_perbedaan(simpanan, created, by=by)
    return created


def register_keberatan(pengajuan: Pengajuan, *, by: User, note: str = "") -> Keberatan:
    """SOP 1–2: create the keberatan with its nomor registrasi, the stored filing window
    (a late filing is registered all the same, with the warning on the event), the Atasan's
    30-hk deadline and the SOP targets, in one transaction with the registration event."""
    try:
        # Around the transaction: the scans go when it does not commit (ppid_manual.pindaian).
        with pindaian.dibersihkan_bila_gagal():
            return _register(pengajuan, by=by, note=note)
    except IntegrityError:
        # Two submissions of one form at the same moment: the unique key let one through.
        if pengajuan.kunci is not None:
            done = Keberatan.objects.filter(kunci_idempotensi=pengajuan.kunci).first()
            if done is not None:
                raise SudahDiajukan(done) from None
        raise


# --- Examination and disposisi (SOP 3) ------------------------------------------------------


@transaction.atomic
def record_disposisi(
    keberatan: Keberatan, *, by: User, unit: Unit, isi: str, sifat: str, note: str = ""
) -> Keberatan:
    """The Atasan PPID examines the file and instructs the PPID or a PPID Pelaksana; the
    draft is due 2 hk later (SOP)."""
    if not isi.strip():
        raise StepRefused("Isi disposisi wajib ditulis.")
    if sifat not in Keberatan.Sifat.values:
        raise StepRefused("Sifat disposisi tidak dikenal.")

    def update(k: Keberatan) -> dict[str, Any]:
        if not unit.aktif:
            raise StepRefused(f"{unit.nama} tidak aktif.")
        day = calendar.today()
        k.pejabat_disposisi = _atasan(day)
        k.tanggal_disposisi = day
        k.unit_disposisi = unit
        k.isi_disposisi = isi
        k.sifat_disposisi = sifat
        k.mulai_draf = day
        TARGET_DRAF.stamp(k)
        return {"unit": unit.kode, "sifat": sifat, "target_draf": k.target_draf.isoformat()}

    return apply_step(keberatan, ALUR, "disposisi", by=by, note=note or isi, update=update)


# --- The draft answer and its review (SOP 4) -------------------------------------------------


@transaction.atomic
def submit_draft(
    keberatan: Keberatan,
    *,
    by: User,
    keputusan: str,
    pertimbangan: str,
    note: str = "",
    amar: Amar | None = None,
) -> Keberatan:
    """The PPID (or the PPID Pelaksana disposed to) submits the draft answer with the terms
    the answer will carry (a partial grant: what is given, what stays exempt and on which
    letters of Pasal 17; a fee; a date), checked as the answer checks them: the Atasan
    approves a draft whose KONSEP prints them. The Atasan's answer is due 1 hk later (SOP)."""
    if keputusan not in KP.values:
        raise StepRefused("Usulan keputusan tidak dikenal.")
    if not pertimbangan.strip():
        raise StepRefused("Isi draf tanggapan wajib ditulis.")
    amar = Amar.of(keputusan, amar or Amar())
    _check_amar(keputusan, amar, calendar.today())

    def update(k: Keberatan) -> dict[str, Any]:
        # The answer step's own guard (musyawarah Pasal 35(2); a partial grant or a
        # correction only on a request), applied to the proposal already: a draft proposes
        # only an answer that can follow it.
        reason = jawaban_terbuka(k, keputusan)
        if reason:
            raise StepRefused(reason)
        day = calendar.today()
        k.draf_keputusan = keputusan
        k.draf_pertimbangan = pertimbangan
        k.draf_amar = amar.data()
        k.tanggal_draf = day
        TARGET_JAWABAN.stamp(k)
        data = {"usulan": keputusan, "perbaikan_ke": k.jumlah_revisi}
        if k.draf_amar:
            data["ketentuan"] = k.draf_amar
        return data

    label = KP(keputusan).label
    return apply_step(
        keberatan, ALUR, "ajukan_draf", by=by, note=note or f"Usulan: {label}.", update=update
    )


@transaction.atomic
def return_draft(keberatan: Keberatan, *, by: User, catatan: str) -> Keberatan:
    """The Atasan sends the draft back with notes; the notes stay on the timeline and the
    2-hk draft target restarts."""
    if not catatan.strip():
        raise StepRefused("Tuliskan catatan perbaikan untuk penyusun draf.")

    def update(k: Keberatan) -> dict[str, Any]:
        day = calendar.today()
        k.jumlah_revisi += 1
        k.catatan_revisi = catatan
        k.mulai_draf = day
        TARGET_DRAF.stamp(k)
        return {"dikembalikan_ke": k.jumlah_revisi, "target_draf": k.target_draf.isoformat()}

    return apply_step(keberatan, ALUR, "kembalikan_draf", by=by, note=catatan, update=update)


@transaction.atomic
def approve_draft(keberatan: Keberatan, *, by: User, note: str = "") -> Keberatan:
    def update(k: Keberatan) -> None:
        k.tanggal_persetujuan = calendar.today()

    return apply_step(keberatan, ALUR, "setujui_draf", by=by, note=note, update=update)


# --- The answer of the Atasan PPID (SOP 5; Pasal 36) ------------------------------------------


def _check_amar(keputusan: str, amar: Amar, today: datetime.date) -> None:
    if keputusan == KP.SEBAGIAN:
        if not amar.informasi_diberikan.strip() or not amar.informasi_tertutup.strip():
            raise StepRefused(
                "Tuliskan informasi yang diberikan dan informasi yang tetap dikecualikan."
            )
        bad = [h for h in amar.pasal17 if h not in hukum.Pasal17.values]
        if not amar.pasal17 or bad:
            raise StepRefused(
                f"Pilih dasar pengecualian (UU 14/2008 {hukum.pasal('17')} huruf a–j) "
                "bagian yang tertutup."
            )
    elif keputusan == KP.BIAYA:
        if amar.biaya is None or amar.biaya < 0:
            raise StepRefused("Isi biaya yang ditetapkan (Rp, tidak negatif).")
    elif keputusan == KP.WAKTU:
        if amar.tanggal_tersedia is None or amar.tanggal_tersedia < today:
            raise StepRefused(
                "Isi tanggal paling lambat informasi disediakan (hari ini atau sesudahnya)."
            )


def answer_keberatan(
    keberatan: Keberatan,
    *,
    by: User,
    keputusan: str,
    pertimbangan: str,
    note: str = "",
    amar: Amar | None = None,
) -> Keberatan:
    """The Atasan PPID's written answer, signed by the Atasan official of the day, with its
    number and the 14-hk Komisi Informasi window (Pasal 37(2)).

    - information given: the PPID's decision is cancelled and a linked request reopens for
      the handover (registrasi.actions.reopen_for_handover, in this same transaction);
    - decision upheld: a refusal with written reasons (Pasal 36(3));
    - musyawarah: only for reasons b–g (Pasal 35(2); the step's guard).
    """
    if keputusan not in KP.values:
        raise StepRefused("Keputusan tidak dikenal.")
    if not pertimbangan.strip():
        if keputusan == KP.DITOLAK:
            raise StepRefused(
                "Penolakan keberatan wajib disertai alasan tertulis (UU 14/2008 "
                f"{hukum.pasal('36(3)')})."
            )
        raise StepRefused("Isi tanggapan wajib ditulis.")
    step = LANGKAH_TANGGAPAN[KP(keputusan)]
    amar = amar or Amar()
    _check_amar(keputusan, amar, calendar.today())

    def update(k: Keberatan) -> dict[str, Any]:
        day = calendar.today()
        k.pejabat_tanggapan = _atasan(day)
        if keputusan == KP.SEBAGIAN:
            k.informasi_diberikan = amar.informasi_diberikan
            k.informasi_tertutup = amar.informasi_tertutup
            k.pasal17 = sorted(set(amar.pasal17))
        elif keputusan == KP.BIAYA:
            k.biaya_ditetapkan = amar.biaya
        elif keputusan == KP.WAKTU:
            k.tanggal_tersedia = amar.tanggal_tersedia
        k.keputusan = keputusan
        k.pertimbangan = pertimbangan
        k.tanggal_tanggapan = day
        # Until its delivery is recorded, the letter's date stands for the pemohon's receipt.
        penyampaian_surat.belum_disampaikan(k, "tanggapan", day)
        # The Sekda's letter carries the Sekretariat Daerah's number when it has its own
        # template (PolaNomorUnit), as it carries its kop.
        k.nomor_tanggapan = next_number(
            FormatNomor.Jenis.TANGGAPAN_KEBERATAN, day=day, unit=k.pejabat_tanggapan.unit
        )
        SENGKETA_SESUDAH_TANGGAPAN.stamp(k)
        data: dict[str, Any] = {
            "keputusan": keputusan,
            "nomor_tanggapan": k.nomor_tanggapan,
            "penanda_tangan": k.pejabat_tanggapan.pk,
            "tenggat_sengketa": k.tenggat_sengketa.isoformat(),
            "tepat_waktu": bool(k.tenggat_tanggapan and day <= k.tenggat_tanggapan),
        }
        if keputusan in DIBUKA_KEMBALI and k.permohonan_id is not None:
            from registrasi.actions import Syarat, reopen_for_handover

            reopen_for_handover(
                k.permohonan,
                by=by,
                note=(
                    f"Keberatan {k.nomor_registrasi}: Atasan PPID memutuskan "
                    f"“{KP(keputusan).label}” (surat tanggapan {k.nomor_tanggapan}); "
                    "permohonan dilanjutkan dengan ketentuan putusan itu."
                ),
                # The reopened request follows the corrected terms.
                syarat=Syarat(
                    informasi_diberikan=k.informasi_diberikan,
                    informasi_tertutup=k.informasi_tertutup,
                    pasal17=list(k.pasal17),
                    biaya=k.biaya_ditetapkan,
                    tanggal_tersedia=k.tanggal_tersedia,
                    nomor_keberatan=k.nomor_registrasi,
                    nomor_tanggapan=k.nomor_tanggapan,
                    keputusan_atasan=keputusan,
                ),
            )
            data["permohonan_dibuka_kembali"] = k.permohonan.nomor_pendaftaran
        return data

    return apply_step(keberatan, ALUR, step, by=by, note=note or pertimbangan, update=update)


# The outcomes after which a linked request reopens for the handover.
DIBUKA_KEMBALI = Keberatan.MEMBUKA_PERMOHONAN


# --- After the answer: the pemohon's response (Pasal 37) --------------------------------------


@transaction.atomic
def record_penyampaian(
    keberatan: Keberatan, penyampaian: Penyampaian, *, by: User, note: str = ""
) -> Keberatan:
    """How the answer reached the pemohon (ppid_manual/workflow/penyampaian.py): the 14 hk to
    the Komisi Informasi count from that receipt (UU 14/2008 Pasal 37(2))."""

    [surat] = SURAT_KELUAR
    ringkas = penyampaian_surat.catatan(keberatan, surat, penyampaian, calendar.today())

    def update(k: Keberatan) -> dict[str, Any]:
        data = penyampaian_surat.catat(k, surat, penyampaian, calendar.today())
        SENGKETA_SESUDAH_TANGGAPAN.stamp(k)
        data["tenggat_sengketa"] = k.tenggat_sengketa.isoformat()
        return data

    return apply_step(
        keberatan,
        ALUR,
        "catat_penyampaian",
        by=by,
        note=" ".join(x for x in (ringkas, note) if x),
        update=update,
    )


def _check_tanggal_sikap(k: Keberatan, tanggal_sikap: datetime.date) -> None:
    if tanggal_sikap > calendar.today():
        raise StepRefused("Tanggal tidak boleh di masa depan.")
    if k.tanggal_tanggapan is not None and tanggal_sikap < k.tanggal_tanggapan:
        raise StepRefused("Tanggal tidak boleh sebelum tanggal tanggapan Atasan PPID.")


@transaction.atomic
def record_acceptance(
    keberatan: Keberatan, *, by: User, tanggal_sikap: datetime.date, note: str = ""
) -> Keberatan:
    """The pemohon accepted the answer (or the 14 hk passed without a sengketa)."""

    def update(k: Keberatan) -> dict[str, Any]:
        _check_tanggal_sikap(k, tanggal_sikap)
        k.sikap_pemohon = Keberatan.SikapPemohon.MENERIMA
        k.tanggal_sikap = tanggal_sikap
        return {"tanggal": tanggal_sikap.isoformat()}

    return apply_step(keberatan, ALUR, "catat_diterima", by=by, note=note, update=update)


@transaction.atomic
def record_sengketa(
    keberatan: Keberatan,
    *,
    by: User,
    tanggal_sengketa: datetime.date,
    nomor_register: str = "",
    diketahui_dari: str = "",
    note: str = "",
) -> Keberatan:
    """The pemohon filed a sengketa with the Komisi Informasi Provinsi Bali (Pasal 37):
    after the answer, or after the 30 hk lapsed without one. A filing after the 14 hk is
    recorded with a warning: its admissibility is for the Komisi Informasi to decide."""
    # The desk often hears of the filing before the Komisi Informasi numbers it: the number
    # may come later (catat_nomor_ki), but how the desk knows is recorded.
    if not nomor_register.strip() and not diketahui_dari.strip():
        raise StepRefused(
            "Isi nomor register Komisi Informasi, atau dari mana diketahui bahwa pemohon "
            "mengajukan sengketa."
        )
    step = (
        "catat_sengketa"
        if keberatan.status == Keberatan.Status.DITANGGAPI
        else "catat_sengketa_tanpa_tanggapan"
    )
    notes = [note] if note else []
    if keberatan.tenggat_sengketa and tanggal_sengketa > keberatan.tenggat_sengketa:
        # Pasal 37(2) counts from the pemohon's receipt of the answer: a window counted from an
        # estimated receipt marks nothing late, and the desk is told so.
        perkiraan = keberatan.sudah_ditanggapi and (
            keberatan.tanggapan_perkiraan or not keberatan.tanggapan_cara
        )
        notes.insert(
            0,
            f"Sengketa diajukan {tanggal(tanggal_sengketa)}, sesudah perkiraan batas "
            f"{hukum.HK_SENGKETA} hari kerja ({hari_tanggal(keberatan.tenggat_sengketa)}) yang "
            "dihitung dari perkiraan tanggal tanggapan diterima pemohon; ketepatan waktunya "
            f"belum dapat dinilai ({hukum.DASAR_SENGKETA})."
            if perkiraan
            else f"PERINGATAN: sengketa diajukan {tanggal(tanggal_sengketa)}, sesudah batas "
            f"{hukum.HK_SENGKETA} hari kerja ({hari_tanggal(keberatan.tenggat_sengketa)}; "
            f"{hukum.DASAR_SENGKETA}).",
        )

    def update(k: Keberatan) -> dict[str, Any]:
        _check_tanggal_sikap(k, tanggal_sengketa)
        if (
            k.tanggal_tanggapan is None
            and k.tenggat_tanggapan
            and (tanggal_sengketa <= k.tenggat_tanggapan)
        ):
            raise StepRefused(
                "Tanpa tanggapan, sengketa baru dapat diajukan sesudah tenggat tanggapan "
                f"Atasan PPID ({hari_tanggal(k.tenggat_tanggapan)})."
            )
        k.sikap_pemohon = Keberatan.SikapPemohon.SENGKETA
        k.tanggal_sikap = calendar.today()
        k.tanggal_sengketa = tanggal_sengketa
        k.nomor_register_ki = nomor_register.strip()
        k.sengketa_diketahui_dari = diketahui_dari.strip()
        return {
            "tanggal_sengketa": tanggal_sengketa.isoformat(),
            "nomor_register": nomor_register,
            "diketahui_dari": k.sengketa_diketahui_dari,
        }

    return apply_step(keberatan, ALUR, step, by=by, note=" ".join(notes), update=update)


@transaction.atomic
def record_nomor_ki(keberatan: Keberatan, *, by: User, nomor_register: str) -> Keberatan:
    """The Komisi Informasi's register number of a sengketa already recorded."""
    if not nomor_register.strip():
        raise StepRefused("Nomor register sengketa Komisi Informasi wajib diisi.")

    def update(k: Keberatan) -> dict[str, Any]:
        lama = k.nomor_register_ki
        k.nomor_register_ki = nomor_register.strip()
        return {"nomor_register": k.nomor_register_ki, "sebelumnya": lama}

    return apply_step(keberatan, ALUR, "catat_nomor_ki", by=by, update=update)


@transaction.atomic
def record_hasil_sengketa(
    keberatan: Keberatan,
    *,
    by: User,
    hasil: str,
    tanggal_hasil: datetime.date,
    pelaksanaan: str = "",
    note: str = "",
) -> Keberatan:
    """An outcome of the sengketa (Perki 1/2013): mediation succeeded or failed, the Komisi
    Informasi's adjudication (granted in full or in part, refused), an objection to the PTUN
    against it, a kasasi to the Mahkamah Agung, or the sengketa withdrawn. Each moves the
    keberatan to its state, in its order (Keberatan.HASIL_SENGKETA_ALUR); the timeline names
    the outcome and the Komisi Informasi's number. `pelaksanaan`: how the badan publik
    carried the outcome out (Perki 1/2021: the Laporan reports it for each outcome), kept in
    the outcome's event; none for an outcome that leaves nothing to carry out."""
    if hasil not in Keberatan.HasilSengketa.values:
        raise StepRefused("Pilih hasil sengketa.")
    pelaksanaan = pelaksanaan.strip()
    if pelaksanaan and hasil not in Keberatan.HASIL_DILAKSANAKAN:
        raise StepRefused(
            f"Hasil “{Keberatan.HasilSengketa(hasil).label}” tidak dilaksanakan oleh badan "
            "publik; kosongkan pelaksanaannya."
        )
    H = Keberatan.HasilSengketa
    _target, sources = Keberatan.HASIL_SENGKETA_ALUR[H(hasil)]
    if keberatan.status not in sources:
        sekarang = keberatan.get_status_display()
        boleh = ", ".join(
            f"“{Keberatan.Status(s).label}”" for s in sources if s in Keberatan.Status.values
        )
        raise StepRefused(
            f"Hasil “{H(hasil).label}” tidak sesuai urutan sengketa: keberatan berstatus "
            f"“{sekarang}”; hasil ini hanya dapat dicatat sesudah {boleh}."
        )
    nomor = keberatan.nomor_register_ki or "belum ada"
    notes = [
        f"{H(hasil).label} ({tanggal(tanggal_hasil)}); nomor register Komisi Informasi: {nomor}."
    ]
    if note.strip():
        notes.append(note.strip())

    def update(k: Keberatan) -> dict[str, Any]:
        if tanggal_hasil > calendar.today():
            raise StepRefused("Tanggal hasil sengketa tidak boleh di masa depan.")
        if k.tanggal_sengketa and tanggal_hasil < k.tanggal_sengketa:
            raise StepRefused("Tanggal hasil tidak boleh sebelum sengketa diajukan.")
        if k.tanggal_hasil_sengketa and tanggal_hasil < k.tanggal_hasil_sengketa:
            raise StepRefused(
                "Tanggal hasil tidak boleh sebelum hasil sengketa sebelumnya "
                f"({tanggal(k.tanggal_hasil_sengketa)})."
            )
        data = {
            "hasil": hasil,
            "tanggal": tanggal_hasil.isoformat(),
            "nomor_register": k.nomor_register_ki,
            "hasil_sebelumnya": k.hasil_sengketa,
            "pelaksanaan": pelaksanaan,
        }
        k.hasil_sengketa = hasil
        k.tanggal_hasil_sengketa = tanggal_hasil
        k.pelaksanaan_hasil_sengketa = pelaksanaan
        return data

    return apply_step(
        keberatan,
        ALUR,
        LANGKAH_HASIL_SENGKETA[H(hasil)],
        by=by,
        note=" ".join(notes),
        update=update,
    )


# --- Ralat (issue 15) ------------------------------------------------------------------------

# The facts a ralat of a keberatan letter may correct: the identity given for the case, the
# kuasa, the objection's own text, the instruction, the answer's text. None of them counts in
# a deadline (Pasal 36(2) counts from the date the keberatan was received, the SOP targets
# from each step's date), so a ralat moves none and its event says so.
RALAT_FAKTA: dict[str, ralat_mod.Fakta] = {
    **identitas.FAKTA_IDENTITAS,
    **{
        nama: ralat_mod.fakta_kolom(Keberatan, nama, label)
        for nama, label in (
            ("kuasa_nama", "Nama kuasa pemohon"),
            ("kuasa_alamat", "Alamat kuasa"),
            ("informasi_diminta", "Informasi yang diminta"),
            ("tujuan_penggunaan", "Tujuan penggunaan informasi"),
            ("kasus_posisi", "Kasus posisi"),
            ("isi_disposisi", "Isi disposisi (instruksi)"),
            ("pertimbangan", "Pertimbangan / alasan tertulis"),
            ("informasi_diberikan", "Informasi yang diberikan"),
        )
    },
}


def _unit_ralat(k: Keberatan, dokumen: DokumenTerbit) -> Unit | None:
    """The ralat of an Atasan PPID's letter carries his unit's number (Tata Naskah Dinas)."""
    from keberatan.documents import SURAT_ATASAN

    if dokumen.jenis not in SURAT_ATASAN:
        return None
    return _atasan(calendar.today()).unit


def _tercetak(jenis: str) -> tuple[str, ...] | None:
    from keberatan.documents import fakta_tercetak

    return fakta_tercetak(jenis)


RALAT = ralat_mod.RalatSpec(
    table=lambda k: ALUR,
    langkah_terbit=LANGKAH_TERBIT,
    fakta=lambda k: RALAT_FAKTA,
    kasus="keberatan ini",
    unit=_unit_ralat,
    tercetak=_tercetak,
)


def ralat_surat(
    keberatan: Keberatan,
    *,
    dokumen: DokumenTerbit | None,
    fakta: str,
    nilai: str,
    alasan: str,
    by: User,
) -> Ralat:
    """Correct an issued letter of the keberatan by a ralat (ppid_manual/workflow/ralat.py;
    who may: the steps that issue the letter, alur.LANGKAH_TERBIT)."""
    return ralat_mod.ralat_surat(
        keberatan, RALAT, dokumen=dokumen, fakta=fakta, nilai=nilai, alasan=alasan, by=by
    )
