"""Every write on a permohonan. Each action is atomic, goes through the workflow engine
(`apply_step`: lock, check state/role/scope/guard, set fields, one Event) and takes its letter
number inside the same transaction, so a refusal or failure leaves nothing behind. The
registration number is the exception (`_daftar`): taken in its own short transaction so that
no desk waits on another's receipt, and made void with its reason if the registration fails.

Views, the keberatan app and commands call these; nothing else assigns Permohonan.status.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from pemohon import identitas as identitas
from ppid_manual import hash_riwayat, hukum, pindaian
from ppid_manual.format import rupiah
from ppid_manual.models import DokumenTerbit, Event, FormatNomor, NomorTerbit, Ralat, Unit, User
from ppid_manual.workflow import calendar, numbering, penerimaan, susulan
from ppid_manual.workflow import penyampaian as penyampaian_surat
from ppid_manual.workflow import ralat as ralat_mod
from ppid_manual.workflow.engine import StepRefused, apply_step, record_event
from ppid_manual.workflow.numbering import NumberingError, next_number
from ppid_manual.workflow.penyampaian import Penyampaian
from ppid_manual.workflow.susulan import Susulan
from registrasi.alur import (
    ALUR,
    LANGKAH_KEPUTUSAN,
    LANGKAH_TERBIT,
    SURAT_KELUAR,
    TARGET_PENYERAHAN,
    TENGGAT_AWAL,
    TENGGAT_JAWABAN_OPD,
    TENGGAT_PEMBERITAHUAN,
    TENGGAT_PERPANJANGAN,
    tersedia_melewati_tenggat,
)
from registrasi.models import Penyerahan, Permohonan, SuratPermintaan, Tarif

K = Permohonan.Keputusan
K_BENTUK = Permohonan.BentukInformasi
K_BAYAR = Permohonan.CaraPembayaran


class SudahDiajukan(Exception):
    """The form with this one-time key was already submitted (a double click): the first
    submission's permohonan is attached."""

    def __init__(self, permohonan: Permohonan) -> None:
        super().__init__("Formulir ini sudah dikirim.")
        self.permohonan = permohonan


# --- Intake (SOP steps 1–2) ------------------------------------------------------------


@dataclass
class Intake:
    """What the desk typed from the Formulir Permohonan."""

    pemohon: dict[str, str]
    # Another name on a recorded NIK: the reason the clerk gave (pemohon.identitas.save_pemohon).
    alasan_identitas: str = ""
    rincian_informasi: str = ""
    tujuan_penggunaan: str = ""
    cara_memperoleh: str = ""
    cara_salinan: str = ""
    cara_pengajuan: str = Permohonan.CaraPengajuan.LANGSUNG
    formulir_lengkap: bool = False
    identitas_diterima: bool = False
    catatan_kekurangan: str = ""
    tanggal: datetime.date | None = None
    scan_identitas: UploadedFile | None = None
    kunci: uuid.UUID | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # "Lanjutkan pendaftaran": the returned (dikembalikan) record this intake continues.
    lanjutan_dari: Permohonan | None = None
    # A late entry of a paper form: `tanggal` is then the paper's date.
    susulan: Susulan | None = None


def _periksa(intake: Intake, by: User) -> None:
    """The intake's own checks (nothing written): before a number is taken, and again in the
    transaction."""
    if intake.kunci is not None:
        done = Permohonan.objects.filter(kunci_idempotensi=intake.kunci).first()
        if done is not None:
            raise SudahDiajukan(done)
    if by.unit_id is None:
        raise StepRefused("Akun Anda belum terhubung ke perangkat daerah; hubungi Admin.")
    if intake.tanggal is not None and intake.tanggal > calendar.today():
        raise StepRefused("Tanggal permohonan diterima tidak boleh di masa depan.")
    if intake.susulan is not None:
        intake.susulan.check()


@transaction.atomic
# The pemohon's changed details are chained with the step's own events, once its documents
# are drawn (ppid_manual/rantai.py).
@hash_riwayat.tunda()
def _intake(
    step_name: str,
    intake: Intake,
    *,
    by: User,
    note: str,
    day: datetime.date | None = None,
    nomor: NomorTerbit | None = None,
) -> Permohonan:
    _periksa(intake, by)
    returned = _lock_returned(intake.lanjutan_dari, by) if intake.lanjutan_dari else None
    simpanan = identitas.save_pemohon(intake.pemohon, by=by, alasan=intake.alasan_identitas)
    pemohon, changes = simpanan.pemohon, simpanan.changes
    permohonan = Permohonan(
        pemohon=pemohon,
        # A desk that may not see this pemohon: the identity as typed (pemohon.identitas).
        identitas_pemohon=simpanan.identitas or {},
        unit_registrasi_id=by.unit_id,
        didaftarkan_oleh=by,
        kunci_idempotensi=intake.kunci,
        rincian_informasi=intake.rincian_informasi,
        tujuan_penggunaan=intake.tujuan_penggunaan,
        cara_memperoleh=intake.cara_memperoleh,
        cara_salinan=intake.cara_salinan,
        cara_pengajuan=intake.cara_pengajuan,
        formulir_lengkap=intake.formulir_lengkap,
        identitas_diterima=intake.identitas_diterima,
        catatan_kekurangan=intake.catatan_kekurangan,
    )

    def update(p: Permohonan) -> dict[str, Any]:
        data: dict[str, Any] = {"pemohon": pemohon.pk}
        if returned is not None:
            data["lanjutan_dari"] = {"pk": returned.pk}
        if changes:
            data["pemohon_diubah"] = changes
        if step_name == "daftar":
            # UU 14/2008 Pasal 22(4): the registration number is the receipt; Pasal 22(7):
            # the notice is due 10 working days after it (day 0 = the registration date).
            tanggal = day or intake.tanggal or calendar.today()
            p.tanggal_daftar = tanggal
            # A paper form entered late: flagged, its clocks from the paper's date.
            data.update(susulan.terapkan(p, intake.susulan, tanggal, calendar.today()))
            TENGGAT_AWAL.stamp(p)
            TENGGAT_PEMBERITAHUAN.stamp(p)
            if nomor is not None:
                # Taken before this transaction, in its own (`_submit`): no desk waits on
                # this one's receipt.
                numbering.pakai(nomor)
                p.nomor_pendaftaran = nomor.nomor
            else:
                # Inside a caller's transaction: the number in it, its counter locked to
                # the commit.
                p.nomor_pendaftaran = next_number(FormatNomor.Jenis.PERMOHONAN, day=tanggal)
            data.update(
                nomor=p.nomor_pendaftaran,
                tanggal_daftar=tanggal.isoformat(),
                tenggat=p.tenggat.isoformat(),
            )
        else:
            data["kekurangan"] = p.kekurangan()
            # The catatan pengembalian: its date stands for the receipt until recorded.
            penyampaian_surat.belum_disampaikan(p, "pengembalian", calendar.today())
        if intake.scan_identitas is not None:
            # Saved last, and removed again if the transaction does not commit (_submit).
            pindaian.store_scan(p.scan_identitas, intake.scan_identitas.name, intake.scan_identitas)
        return data

    if step_name == "daftar":
        # Received on a day off or after hours: accepted, the timeline says when the clock
        # starts (the counting rule is unchanged).
        notice = penerimaan.catatan(intake.tanggal or calendar.today(), timezone.localtime())
        note = " ".join(x for x in (notice, note) if x)
    created = apply_step(permohonan, ALUR, step_name, by=by, note=note, update=update)
    identitas.catat_perbedaan(simpanan, created, by=by)
    if returned is not None:
        # The returned record's timeline points to its continuation (the new record's own
        # event points back): both in this transaction.
        record_event(
            returned,
            DILANJUTKAN,
            by=by,
            from_state=returned.status,
            to_state=returned.status,
            data={"dilanjutkan_ke": {"pk": created.pk, "nomor": created.nomor_pendaftaran}},
        )
    return created


#: The event on a returned record when the pemohon came back and the file was taken again.
DILANJUTKAN = "dilanjutkan"


def continuation_of(returned: Permohonan) -> Event | None:
    """The event saying this returned file was continued (taken again), if it was."""
    return Event.objects.for_object(returned).filter(step=DILANJUTKAN).first()


def _lock_returned(returned: Permohonan, by: User) -> Permohonan:
    """The returned record, locked: still returned, visible to this desk, and not continued
    already (two clerks resuming one file at once: one gets through)."""
    locked = Permohonan.objects.select_for_update().get(pk=returned.pk)
    if locked.status != Permohonan.Status.DIKEMBALIKAN or not locked.visible_to(by):
        raise StepRefused("Hanya berkas yang dikembalikan yang dapat dilanjutkan pendaftarannya.")
    if continuation_of(locked) is not None:
        raise StepRefused("Berkas yang dikembalikan ini sudah dilanjutkan dengan pendaftaran lain.")
    return locked


def _submit(step_name: str, intake: Intake, by: User, note: str) -> Permohonan:
    try:
        # Around the transaction, so a scan is removed when the commit itself fails too.
        with pindaian.dibersihkan_bila_gagal():
            if step_name != "daftar":
                return _intake(step_name, intake, by=by, note=note)
            return _daftar(intake, by, note)
    except IntegrityError:
        # Two submissions of one form at the same moment: the database's unique key let
        # only one through; the other rolled back (no row, no event, no number).
        if intake.kunci is not None:
            done = Permohonan.objects.filter(kunci_idempotensi=intake.kunci).first()
            if done is not None:
                raise SudahDiajukan(done) from None
        raise


def _daftar(intake: Intake, by: User, note: str) -> Permohonan:
    """Registration (issue 27): the checks first, then the number in its own short
    transaction (the counter row locked for the number only), then the case, its event and
    its stored receipt in one transaction that holds no counter. If that fails, the number
    is void with the reason; a worker killed in between leaves it reserved, and
    `numbering.batalkan_terhenti` makes it void later. Inside a caller's transaction there
    is none of this: the number is taken in that transaction (`numbering.pesan`: None)."""
    _periksa(intake, by)
    day = intake.tanggal or calendar.today()
    nomor = numbering.pesan(FormatNomor.Jenis.PERMOHONAN, day=day)
    try:
        return _intake("daftar", intake, by=by, note=note, day=day, nomor=nomor)
    except BaseException as exc:
        if nomor is not None:
            numbering.batalkan(nomor, _alasan_gagal(exc, intake))
        raise


def _alasan_gagal(exc: BaseException, intake: Intake) -> str:
    """Why a registration failed after taking its number, for the register's void list."""
    if isinstance(exc, SudahDiajukan):
        return "Formulir yang sama sudah terdaftar (dikirim dua kali); nomor ini tidak dipakai."
    if isinstance(exc, IntegrityError) and intake.kunci is not None:
        if Permohonan.objects.filter(kunci_idempotensi=intake.kunci).exists():
            return "Formulir yang sama terkirim dua kali bersamaan; yang lain terdaftar."
    if isinstance(exc, (StepRefused, NumberingError)):
        return f"Pendaftaran ditolak: {exc}"
    return f"Pendaftaran gagal karena kesalahan sistem ({type(exc).__name__}); tidak tersimpan."


def register_permohonan(intake: Intake, *, by: User, note: str = "") -> Permohonan:
    """SOP step 2, complete file: create the permohonan with its nomor pendaftaran and the
    10-hk deadline, in one transaction with the registration event."""
    return _submit("daftar", intake, by, note)


def return_incomplete(intake: Intake, *, by: User, note: str = "") -> Permohonan:
    """SOP step 2, 'kurang lengkap': the attempt is kept (not in the register) with what is
    missing; no number, no clock."""
    return _submit("kembalikan", intake, by, note)


# --- Routing (SOP step 3) --------------------------------------------------------------


@transaction.atomic
def route_to_opd(
    permohonan: Permohonan, *, by: User, unit: Unit, catatan: str = "", note: str = ""
) -> SuratPermintaan:
    """The PPID's surat permintaan to the OPD that holds the information, with an internal
    answer deadline inside the 10 hk (SOP step 3). A second call re-routes to another OPD."""
    # The first letter or a re-routing, decided on the current row (not a stale copy).
    current = (
        Permohonan.objects.select_for_update()
        .filter(pk=permohonan.pk)
        .values_list("status", flat=True)
        .get()
    )
    step = "minta_opd" if current == Permohonan.Status.TERDAFTAR else "alihkan_opd"
    created: list[SuratPermintaan] = []

    def update(p: Permohonan) -> dict[str, Any]:
        if not unit.aktif:
            raise StepRefused(f"{unit.nama} tidak aktif.")
        previous = p.unit_tujuan
        if step == "alihkan_opd" and p.unit_tujuan_id == unit.pk:
            raise StepRefused(f"Permohonan ini sudah ditujukan ke {unit.nama}.")
        day = calendar.today()
        p.surat_permintaan.filter(dialihkan=False).update(dialihkan=True)
        surat = SuratPermintaan(permohonan=p, unit=unit, tanggal=day, catatan=catatan)
        # SOP step 3, never later than the legal deadline itself (the spec's cap). Counted
        # before the number is taken: the counter row stays locked until the commit.
        tenggat_jawaban = TENGGAT_JAWABAN_OPD.stamp(surat)
        surat.nomor = next_number(FormatNomor.Jenis.SURAT_PERMINTAAN, day=day)
        surat.save(force_insert=True)
        created.append(surat)
        p.unit_tujuan = unit
        return {
            "surat": surat.nomor,
            "opd": unit.kode,
            "opd_sebelumnya": previous.kode if previous else "",
            "tenggat_jawaban": tenggat_jawaban.isoformat(),
        }

    apply_step(permohonan, ALUR, step, by=by, note=note or catatan, update=update)
    return created[0]


@transaction.atomic
def record_opd_answer(
    permohonan: Permohonan,
    *,
    by: User,
    jawaban: str,
    klasifikasi: str,
    isi_jawaban: str,
    tanggal_jawaban: datetime.date,
    nomor_surat_jawaban: str = "",
    note: str = "",
) -> Permohonan:
    """The OPD's answer to the surat permintaan: what it gave, or that it is not held,
    exempt or not yet documented, with its classification (DIP/DIK)."""

    def update(p: Permohonan) -> dict[str, Any]:
        surat = p.surat_permintaan.filter(dialihkan=False).order_by("-pk").first()
        if surat is None:  # pragma: no cover - the state guarantees a letter
            raise StepRefused("Belum ada surat permintaan ke OPD.")
        if tanggal_jawaban < surat.tanggal:
            raise StepRefused("Tanggal jawaban tidak boleh sebelum tanggal surat permintaan.")
        surat.jawaban = jawaban
        surat.klasifikasi = klasifikasi
        surat.isi_jawaban = isi_jawaban
        surat.tanggal_jawaban = tanggal_jawaban
        surat.nomor_surat_jawaban = nomor_surat_jawaban
        surat.save()
        return {"surat": surat.nomor, "jawaban": jawaban, "klasifikasi": klasifikasi}

    return apply_step(permohonan, ALUR, "jawab_opd", by=by, note=note, update=update)


@transaction.atomic
def forward_to_ppid(permohonan: Permohonan, *, by: User, note: str) -> Permohonan:
    """SOP step 3, keterangan: a PPID Pelaksana that does not hold the information, or finds
    it exempt, coordinates with the PPID."""
    if not note.strip():
        raise StepRefused("Tuliskan alasan permohonan diteruskan ke PPID.")

    def update(p: Permohonan) -> None:
        p.diteruskan_ke_ppid = True

    return apply_step(permohonan, ALUR, "teruskan_ppid", by=by, note=note, update=update)


# --- Decision (SOP step 4) -------------------------------------------------------------


@dataclass
class Putusan:
    """The content of the pemberitahuan tertulis (Perki 1/2021, lampiran)."""

    keputusan: str
    klasifikasi: str = ""
    uraian_informasi: str = ""
    bagian_dihitamkan: str = ""
    pasal17: list[str] = field(default_factory=list)
    undang_undang_lain: str = ""
    konsekuensi: str = ""
    penguasa_informasi: str = ""
    perkiraan_halaman: int | None = None
    perkiraan_tarif: Tarif | None = None
    perkiraan_biaya_kirim: Decimal = Decimal("0")
    waktu_penyediaan: str = ""
    bentuk_informasi: str = ""
    format_informasi: str = ""
    cara_pembayaran: str = ""
    tanggal_tersedia: datetime.date | None = None


def _check_putusan(putusan: Putusan) -> None:
    """The law's content rules for each outcome; the form checks them too, field by field."""
    if putusan.keputusan not in K.values:
        raise StepRefused("Keputusan tidak dikenal.")
    bad = [h for h in putusan.pasal17 if h not in Permohonan.Pasal17.values]
    if bad:
        raise StepRefused(f"Huruf {hukum.pasal('17')} tidak dikenal: {', '.join(bad)}.")
    dasar = putusan.pasal17 or putusan.undang_undang_lain.strip()
    if putusan.keputusan == K.DITOLAK:
        # UU 14/2008 Pasal 2(4) and 17: an exemption needs its ground and the uji konsekuensi.
        if not dasar:
            raise StepRefused(
                f"Penolakan harus menyebut {hukum.pasal('17')} huruf a–j atau undang-undang lain."
            )
        if not putusan.konsekuensi.strip():
            raise StepRefused("Penolakan harus memuat uji konsekuensi.")
    if putusan.keputusan == K.DIBERIKAN_SEBAGIAN:
        if not putusan.bagian_dihitamkan.strip():
            raise StepRefused("Sebutkan bagian informasi yang dihitamkan.")
        if not dasar:
            raise StepRefused("Sebutkan dasar pengecualian bagian yang dihitamkan.")
        # Pasal 2(4): the part withheld is exempt only after the uji konsekuensi, as a refusal.
        if not putusan.konsekuensi.strip():
            raise StepRefused(
                "Pemberian sebagian harus memuat uji konsekuensi bagian yang dihitamkan."
            )
    if putusan.keputusan == K.BELUM_DIDOKUMENTASIKAN:
        # Perki 1/2021: the notice tells the pemohon by when the information will exist.
        if putusan.tanggal_tersedia is None:
            raise StepRefused(
                "Isi tanggal paling lambat informasi tersedia: pemberitahuan “belum "
                "didokumentasikan” harus menyebutnya."
            )
        if putusan.tanggal_tersedia < calendar.today():
            raise StepRefused("Tanggal informasi tersedia tidak boleh sebelum hari ini.")
    if putusan.bentuk_informasi and putusan.bentuk_informasi not in K_BENTUK.values:
        raise StepRefused("Bentuk informasi tidak dikenal.")
    if putusan.cara_pembayaran and putusan.cara_pembayaran not in K_BAYAR.values:
        raise StepRefused("Cara pembayaran tidak dikenal.")
    if putusan.perkiraan_tarif is not None and not _tarif_berlaku(putusan.perkiraan_tarif):
        raise StepRefused(f"Tarif “{putusan.perkiraan_tarif.nama}” tidak berlaku hari ini.")


def _tarif_berlaku(tarif: Tarif) -> bool:
    return Tarif.objects.berlaku(calendar.today()).filter(pk=tarif.pk).exists()


def _apply_putusan(p: Permohonan, putusan: Putusan, unit: Unit | None = None) -> dict[str, Any]:
    """Write the decision. `unit` issues the notice (kop, number, signer): the PPID Utama,
    or the OPD whose PPID Pelaksana answers directly."""
    day = calendar.today()
    # Pasal 22(7)–(8): the promised date within the request's legal deadline, on the locked row.
    melewati = tersedia_melewati_tenggat(p, putusan.tanggal_tersedia, day)
    if putusan.keputusan == K.BELUM_DIDOKUMENTASIKAN and melewati:
        raise StepRefused(melewati)
    unit = unit or Unit.utama()
    p.unit_pemberitahuan = unit
    p.keputusan = putusan.keputusan
    if putusan.keputusan == K.DITOLAK:
        p.klasifikasi = Permohonan.Klasifikasi.DIKECUALIKAN
    elif putusan.keputusan in (K.DIBERIKAN_SELURUHNYA, K.DIBERIKAN_SEBAGIAN):
        p.klasifikasi = Permohonan.Klasifikasi.TERBUKA
    else:
        p.klasifikasi = putusan.klasifikasi
    p.uraian_informasi = putusan.uraian_informasi
    p.bagian_dihitamkan = putusan.bagian_dihitamkan
    p.pasal17 = sorted(set(putusan.pasal17))
    p.undang_undang_lain = putusan.undang_undang_lain
    p.konsekuensi = putusan.konsekuensi
    p.penguasa_informasi = putusan.penguasa_informasi
    p.perkiraan_halaman = putusan.perkiraan_halaman
    p.perkiraan_tarif = putusan.perkiraan_tarif
    p.perkiraan_biaya_kirim = putusan.perkiraan_biaya_kirim or Decimal("0")
    p.waktu_penyediaan = putusan.waktu_penyediaan
    p.bentuk_informasi = putusan.bentuk_informasi
    p.format_informasi = putusan.format_informasi
    p.cara_pembayaran = putusan.cara_pembayaran
    p.tanggal_tersedia = putusan.tanggal_tersedia
    p.tanggal_pemberitahuan = day
    # Until its delivery is recorded, the notice's date stands for the pemohon's receipt.
    penyampaian_surat.belum_disampaikan(p, "pemberitahuan", day)
    p.hk_pemberitahuan = calendar.working_days_elapsed(p.tanggal_daftar, day)
    p.nomor_pemberitahuan = next_number(FormatNomor.Jenis.PEMBERITAHUAN, day=day, unit=unit)
    data: dict[str, Any] = {
        "keputusan": putusan.keputusan,
        "nomor_pemberitahuan": p.nomor_pemberitahuan,
        "tepat_waktu": bool(p.tenggat and day <= p.tenggat),
    }
    if putusan.keputusan == K.DITOLAK:
        p.nomor_sk_penolakan = next_number(FormatNomor.Jenis.SK_PENOLAKAN, day=day, unit=unit)
        penyampaian_surat.belum_disampaikan(p, "sk_penolakan", day)
        data["nomor_sk_penolakan"] = p.nomor_sk_penolakan
        data["pasal17"] = p.pasal17
    if putusan.keputusan not in (
        K.DIBERIKAN_SELURUHNYA,
        K.DIBERIKAN_SEBAGIAN,
        K.BELUM_DIDOKUMENTASIKAN,  # open until handed over, by tanggal_tersedia
    ):
        p.tanggal_ditutup = day
    else:
        # SOP langkah 5: handed over within 1 hk of being ready (now; or, not yet documented,
        # on the date the notice promises).
        p.tanggal_siap = putusan.tanggal_tersedia or day
        TARGET_PENYERAHAN.stamp(p)
        data["target_penyerahan"] = p.target_penyerahan.isoformat()
    return data


@transaction.atomic
def issue_decision(
    permohonan: Permohonan, putusan: Putusan, *, by: User, note: str = ""
) -> Permohonan:
    """The pemberitahuan tertulis (UU 14/2008 Pasal 22(7)) for one outcome; a refusal also
    gets its SK PPID tentang penolakan. Granted information then waits for the handover;
    the other outcomes close the request."""
    _check_putusan(putusan)
    step = LANGKAH_KEPUTUSAN[K(putusan.keputusan)]
    return apply_step(
        permohonan, ALUR, step, by=by, note=note, update=lambda p: _apply_putusan(p, putusan)
    )


@transaction.atomic
def answer_directly(
    permohonan: Permohonan, putusan: Putusan, *, by: User, note: str = ""
) -> Permohonan:
    """SOP step 3–4: the PPID Pelaksana answers directly when the document is its own and
    open: the information is given in full."""
    putusan.keputusan = K.DIBERIKAN_SELURUHNYA
    _check_putusan(putusan)
    # Tata Naskah Dinas: the OPD answers under its own kop, number and official.
    return apply_step(
        permohonan,
        ALUR,
        "jawab_langsung",
        by=by,
        note=note,
        update=lambda p: _apply_putusan(p, putusan, unit=by.unit or p.unit_registrasi),
    )


# --- Extension (Pasal 22(8)) -----------------------------------------------------------


@transaction.atomic
def extend(permohonan: Permohonan, *, by: User, alasan: str, note: str = "") -> Permohonan:
    """UU 14/2008 Pasal 22(8): once, before the deadline has passed, with written reasons;
    the new deadline is 7 working days after the ORIGINAL one. The guard in the step table
    refuses a second or a late extension, on the locked row."""
    if not alasan.strip():
        raise StepRefused(f"Alasan perpanjangan wajib ditulis (UU 14/2008 {hukum.pasal('22(8)')}).")

    def update(p: Permohonan) -> dict[str, Any]:
        day = calendar.today()
        old = p.tenggat
        p.diperpanjang = True
        p.tanggal_perpanjangan = day
        p.alasan_perpanjangan = alasan
        TENGGAT_PERPANJANGAN.stamp(p)
        p.nomor_perpanjangan = next_number(FormatNomor.Jenis.PERPANJANGAN, day=day)
        penyampaian_surat.belum_disampaikan(p, "perpanjangan", day)
        return {
            "tenggat_lama": old.isoformat() if old else "",
            "tenggat_baru": p.tenggat.isoformat(),
            "nomor": p.nomor_perpanjangan,
        }

    return apply_step(permohonan, ALUR, "perpanjang", by=by, note=note or alasan, update=update)


# --- Handover and closing (SOP step 5) -------------------------------------------------


@transaction.atomic
def hand_over(
    permohonan: Permohonan,
    *,
    by: User,
    nama_penerima: str,
    cara: str,
    jumlah_halaman: int = 0,
    tarif: Tarif | None = None,
    biaya_pengiriman: Decimal = Decimal("0"),
    catatan: str = "",
    cara_pembayaran: str = "",
    note: str = "",
) -> Penyerahan:
    """The information handed over with the tanda terima; pages × tariff + delivery, paid by
    the pemohon (SOP step 5; UU 14/2008 Pasal 21). Closes the request."""
    if jumlah_halaman < 0 or biaya_pengiriman < 0:
        raise StepRefused("Jumlah halaman dan biaya tidak boleh negatif.")
    if tarif is not None and not _tarif_berlaku(tarif):
        raise StepRefused(f"Tarif “{tarif.nama}” tidak berlaku hari ini.")
    if jumlah_halaman and tarif is None:
        raise StepRefused("Pilih tarif penyalinan untuk halaman yang disalin.")
    if cara_pembayaran and cara_pembayaran not in K_BAYAR.values:
        raise StepRefused("Cara pembayaran tidak dikenal.")
    created: list[Penyerahan] = []

    def update(p: Permohonan) -> dict[str, Any]:
        day = calendar.today()
        harga = tarif.harga if tarif is not None else Decimal("0")
        biaya_salinan = harga * jumlah_halaman
        total = biaya_salinan + biaya_pengiriman
        if p.biaya_ditetapkan is not None and total > p.biaya_ditetapkan:
            # The Atasan PPID corrected the fee on a keberatan (Pasal 35(1) huruf f).
            raise StepRefused(
                f"Biaya {rupiah(total)} melebihi biaya yang ditetapkan Atasan PPID atas "
                f"keberatan ({rupiah(p.biaya_ditetapkan)})."
            )
        # A paid handover gets a numbered kuitansi, in the same transaction as the receipt.
        kuitansi = next_number(FormatNomor.Jenis.KUITANSI, day=day) if total else None
        penyerahan = Penyerahan.objects.create(
            permohonan=p,
            nomor=next_number(FormatNomor.Jenis.PENYERAHAN, day=day),
            tanggal=day,
            nama_penerima=nama_penerima,
            cara=cara,
            jumlah_halaman=jumlah_halaman,
            tarif=tarif,
            harga_satuan=harga,
            biaya_salinan=biaya_salinan,
            biaya_pengiriman=biaya_pengiriman,
            total=total,
            catatan=catatan,
            cara_pembayaran=(cara_pembayaran or p.cara_pembayaran or K_BAYAR.TUNAI)
            if total
            else "",
            nomor_kuitansi=kuitansi,
            petugas=by,
        )
        created.append(penyerahan)
        p.tanggal_ditutup = day
        data = {"nomor": penyerahan.nomor, "total": str(penyerahan.total)}
        if kuitansi:
            data["nomor_kuitansi"] = kuitansi
        return data

    apply_step(permohonan, ALUR, "serahkan", by=by, note=note or catatan, update=update)
    return created[0]


@transaction.atomic
def record_penyampaian(
    permohonan: Permohonan,
    penyampaian: Penyampaian,
    *,
    by: User,
    surat: str = "pemberitahuan",
    note: str = "",
) -> Permohonan:
    """How one of the case's letters (alur.SURAT_KELUAR: the notice, the SK penolakan, the
    extension notice, the catatan pengembalian) reached the pemohon
    (ppid_manual/workflow/penyampaian.py): the 30 hk to file a keberatan count from the
    receipt of the letter that gave the ground (UU 14/2008 Pasal 36(1))."""
    jenis = penyampaian_surat.pilih(SURAT_KELUAR, surat)
    ringkas = penyampaian_surat.catatan(permohonan, jenis, penyampaian, calendar.today())

    def update(p: Permohonan) -> dict[str, Any]:
        return penyampaian_surat.catat(p, jenis, penyampaian, calendar.today())

    return apply_step(
        permohonan,
        ALUR,
        "catat_penyampaian",
        by=by,
        note=" ".join(x for x in (ringkas, note) if x),
        update=update,
    )


@transaction.atomic
def withdraw(permohonan: Permohonan, *, by: User, note: str) -> Permohonan:
    """The pemohon withdraws the request; the reason is kept on the event."""
    if not note.strip():
        raise StepRefused("Tuliskan catatan penarikan (misalnya alasan pemohon).")

    def update(p: Permohonan) -> None:
        p.tanggal_ditutup = calendar.today()

    return apply_step(permohonan, ALUR, "tarik", by=by, note=note, update=update)


@dataclass(frozen=True)
class Syarat:
    """The terms of the Atasan PPID's answer the reopened request follows: a partial grant
    (what is given, what stays closed and why), a corrected fee, a corrected date; and the
    answer itself (its keberatan and letter number, its outcome) for the request's record."""

    informasi_diberikan: str = ""
    informasi_tertutup: str = ""
    pasal17: list[str] = field(default_factory=list)
    biaya: Decimal | None = None
    tanggal_tersedia: datetime.date | None = None
    nomor_keberatan: str = ""
    nomor_tanggapan: str = ""
    keputusan_atasan: str = ""


@transaction.atomic
def reopen_for_handover(
    permohonan: Permohonan, *, by: User, note: str, syarat: Syarat | None = None
) -> Permohonan:
    """UU 14/2008 Pasal 36: the Atasan PPID grants the information on a keberatan (in full,
    in part, or with a corrected fee or time); the request reopens so that the desk can hand
    the information over on those terms (then `hand_over`). Called by the keberatan app.

    The PPID's decision stays as its notice (and SK) stated it: `keputusan`, `klasifikasi`,
    `pasal17`, the notice's text and date are never rewritten. The reopening is a new fact
    with its own event, which carries the Atasan's terms; the keberatan keeps them too
    (Permohonan.putusan_keberatan)."""
    if not note.strip():
        raise StepRefused("Tuliskan dasar pembukaan kembali (nomor tanggapan keberatan).")
    syarat = syarat or Syarat()

    def update(p: Permohonan) -> dict[str, Any]:
        data: dict[str, Any] = {"keputusan_ppid": p.keputusan, "status_sebelumnya": p.status}
        if syarat.nomor_keberatan:
            data["keberatan"] = syarat.nomor_keberatan
            data["nomor_tanggapan"] = syarat.nomor_tanggapan
            data["keputusan_atasan"] = syarat.keputusan_atasan
        p.tanggal_ditutup = None
        if syarat.informasi_tertutup:
            # A partial grant: what is handed over, what stays blacked out and on which
            # letters of Pasal 17 (the keberatan holds them; the event records them).
            data["informasi_diberikan"] = syarat.informasi_diberikan
            data["informasi_tertutup"] = syarat.informasi_tertutup
            data["pasal17"] = sorted(set(syarat.pasal17))
        if syarat.biaya is not None:
            p.biaya_ditetapkan = syarat.biaya
            data["biaya_ditetapkan"] = str(syarat.biaya)
        if syarat.tanggal_tersedia is not None:
            data["tanggal_tersedia"] = syarat.tanggal_tersedia.isoformat()
        # SOP langkah 5: the handover 1 hk after the information is ready again (the date the
        # Atasan set, or today).
        p.tanggal_siap = syarat.tanggal_tersedia or calendar.today()
        TARGET_PENYERAHAN.stamp(p)
        data["target_penyerahan"] = p.target_penyerahan.isoformat()
        return data

    return apply_step(permohonan, ALUR, "buka_kembali", by=by, note=note, update=update)


# --- Ralat (issue 15) ------------------------------------------------------------------------


# The facts a ralat may correct, and where each lives: the identity given for the case, or the
# request's and the notice's text. None of them counts in a deadline (day 0 is the date of
# registration, the extension and the notice are dated by their steps), so a ralat moves none
# and its event says so.
RALAT_FAKTA: dict[str, ralat_mod.Fakta] = {
    **identitas.FAKTA_IDENTITAS,
    **{
        nama: ralat_mod.fakta_kolom(Permohonan, nama, label)
        for nama, label in (
            ("rincian_informasi", "Rincian informasi yang dibutuhkan"),
            ("tujuan_penggunaan", "Tujuan penggunaan informasi"),
            ("uraian_informasi", "Uraian informasi yang diberikan"),
            ("bagian_dihitamkan", "Bagian yang dihitamkan dan alasannya"),
        )
    },
}


def _tercetak(jenis: str) -> tuple[str, ...] | None:
    from registrasi.documents import fakta_tercetak

    return fakta_tercetak(jenis)


RALAT = ralat_mod.RalatSpec(
    table=lambda p: ALUR,
    langkah_terbit=LANGKAH_TERBIT,
    fakta=lambda p: RALAT_FAKTA,
    kasus="permohonan ini",
    tercetak=_tercetak,
    # Tata Naskah Dinas: the SK penolakan is corrected by a keputusan (perubahan), numbered
    # in its series (registrasi.documents.RalatSurat); a letter by a ralat.
    jenis_nomor=lambda d: (
        FormatNomor.Jenis.SK_PENOLAKAN if d.jenis == "sk-penolakan" else FormatNomor.Jenis.RALAT
    ),
)


def ralat_surat(
    permohonan: Permohonan,
    *,
    dokumen: DokumenTerbit | None,
    fakta: str,
    nilai: str,
    alasan: str,
    by: User,
) -> Ralat:
    """Correct an issued letter of the permohonan by a ralat (ppid_manual/workflow/ralat.py;
    who may: the steps that issue the letter, alur.LANGKAH_TERBIT)."""
    return ralat_mod.ralat_surat(
        permohonan, RALAT, dokumen=dokumen, fakta=fakta, nilai=nilai, alasan=alasan, by=by
    )
