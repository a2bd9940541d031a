"""Every write of the DIP app. Views, admin and commands call these; nothing else assigns a
status or changes an entry.

Steps go through the shared engine (`apply_step`: lock the edition, check state, role, scope
and the step's guard, run the step's own update, save, write exactly one Event). The step's
own fields are checked inside that same transaction, so a refused step writes nothing: no
row, no event, no letter number.

Entry edits lock the edition too and write one Event on the edition with the old and new
values; an adopted edition refuses them (and the model refuses them again, see
`InformasiPublik.save`).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from dip import berkas
from dip.alur import (
    LANGKAH_TERBIT,
    TARGET_PENYUSUNAN,
    TARGET_PERBAIKAN,
    alur_edisi,
    boleh_ubah_isi,
    cek_tanggal_setelah_sk,
    cek_tanggal_sk,
    provinsi_tahun,
)
from dip.models import (
    CatatanKoreksi,
    DipEdisi,
    EdisiBeku,
    InformasiDikecualikan,
    InformasiPublik,
    PenetapanDik,
    Publikasi,
    peserta_tidak_menjabat,
)
from ppid_manual import hukum, pindaian
from ppid_manual.models import DokumenTerbit, Event, FormatNomor, Pejabat, Ralat, Unit, User
from ppid_manual.roles import Role
from ppid_manual.workflow import calendar, terbit
from ppid_manual.workflow import ralat as ralat_mod
from ppid_manual.workflow.engine import StepRefused, apply_step, record_event
from ppid_manual.workflow.numbering import NumberingError, next_number
from ppid_manual.workflow.versions import check_version

S = DipEdisi.Status
FIELDS_INFORMASI = (
    "ringkasan",
    "pejabat_penguasa",
    "penanggung_jawab",
    "waktu_pembuatan",
    "tempat_pembuatan",
    "bentuk",
    "jangka_waktu_penyimpanan",
    "jenis",
    "opd",
)


def _json(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if hasattr(value, "pk"):
        return value.pk
    return value


def _nilai_informasi(info: InformasiPublik) -> dict[str, Any]:
    return {f: _json(getattr(info, f + "_id" if f == "opd" else f)) for f in FIELDS_INFORMASI}


def _kunci(edisi: DipEdisi) -> DipEdisi:
    return DipEdisi.objects.select_for_update().get(pk=edisi.pk)


def _wajib(catatan: str, apa: str = "Catatan koreksi") -> str:
    catatan = (catatan or "").strip()
    if not catatan:
        raise StepRefused(f"{apa} wajib diisi.")
    return catatan


def _periksa_ubah(edisi: DipEdisi, by: User) -> None:
    if edisi.beku:
        raise EdisiBeku(edisi.pesan_beku())
    if msg := boleh_ubah_isi(edisi, by):
        raise StepRefused(msg)


def _langkah(edisi: DipEdisi, step_name: str, *, by: User, catatan: str = "", update=None):
    """Take `step_name` on `edisi` through the engine (state, role, scope and the step's guard
    are checked on the locked row, then the step's own update runs)."""
    table = alur_edisi(edisi)
    return apply_step(edisi, table, step_name, by=by, note=catatan, update=update)


def _catat(edisi: DipEdisi, by: User, catatan: str, peran: str, informasi=None) -> CatatanKoreksi:
    return CatatanKoreksi.objects.create(
        edisi=edisi,
        informasi=informasi,
        ringkasan_informasi=informasi.ringkasan if informasi is not None else "",
        catatan=catatan,
        dibuat_oleh=by,
        peran=peran,
    )


def _riwayat_entri(info: InformasiPublik):
    """The events of the entry's edition that touched this entry (they are kept on the
    edition, with the entry's public id in their data)."""
    return Event.objects.for_object(info.edisi).filter(data__uid=str(info.uid))


def _tutup_catatan(edisi: DipEdisi) -> int:
    return edisi.catatan_terbuka().update(ditindaklanjuti_pada=timezone.now())


# --- editions ----------------------------------------------------------------------------


def edisi_sumber(unit: Unit, tahun: int) -> DipEdisi | None:
    """The latest adopted edition of `unit` before `tahun` (its own adoption, or for an OPD the
    adopted province edition it is part of): the one a new edition may copy."""
    return (
        DipEdisi.objects.filter(unit=unit, tahun__lt=tahun)
        .filter(Q(status=S.DITETAPKAN) | Q(provinsi__status=S.DITETAPKAN))
        .order_by("-tahun")
        .first()
    )


@transaction.atomic
def create_edisi(*, unit: Unit, tahun: int, by: User, salin: bool = False) -> DipEdisi:
    """Open a unit's DIP for a year: the province edition (petugas or PPID) or an OPD's own
    edition (its PPID Pelaksana). With `salin`, start from a copy of the latest adopted
    edition; the copies keep their public ids."""
    if unit.jenis == Unit.Jenis.PPID_UTAMA:
        if not by.has_role(Role.PETUGAS, Role.PPID):
            raise StepRefused("DIP Provinsi dibuka oleh petugas pelayanan atau PPID.")
    elif not (by.has_role(Role.PELAKSANA) and by.unit_id == unit.pk):
        raise StepRefused(
            "DIP perangkat daerah dibuka oleh PPID Pelaksana perangkat daerah itu sendiri."
        )
    if DipEdisi.objects.filter(unit=unit, tahun=tahun).exists():
        raise StepRefused(f"DIP {unit.nama} tahun {tahun} sudah ada.")
    sumber = None
    if salin:
        sumber = edisi_sumber(unit, tahun)
        if sumber is None:
            raise StepRefused(
                f"Belum ada DIP {unit.nama} yang ditetapkan sebelum tahun {tahun} untuk disalin."
            )
    try:
        with transaction.atomic():
            edisi = DipEdisi(unit=unit, tahun=tahun, dibuat_oleh=by, disalin_dari=sumber)
            # SOP: compiled within 5 hk of opening.
            edisi.mulai_sop = calendar.today()
            TARGET_PENYUSUNAN.stamp(edisi)
            edisi.save()
    except IntegrityError:
        raise StepRefused(f"DIP {unit.nama} tahun {tahun} sudah ada.") from None
    jumlah = 0
    if sumber is not None:
        for jumlah, lama in enumerate(sumber.informasi.order_by("nomor", "pk"), start=1):
            InformasiPublik.objects.create(
                edisi=edisi,
                uid=lama.uid,
                nomor=jumlah,
                **{f: getattr(lama, f) for f in FIELDS_INFORMASI},
            )
    record_event(
        edisi,
        "buat",
        by=by,
        from_state="",
        to_state=edisi.status,
        note=f"Disalin dari {sumber.judul}" if sumber else "",
        data={"disalin_dari": sumber.pk if sumber else None, "jumlah_informasi": jumlah},
    )
    return edisi


# --- entries -----------------------------------------------------------------------------


def _opd_entri(edisi: DipEdisi, opd: Unit | None) -> Unit:
    if not edisi.is_provinsi:
        if opd is not None and opd.pk != edisi.unit_id:
            raise StepRefused(f"Entri DIP ini harus milik {edisi.unit.nama}.")
        return edisi.unit
    if opd is None:
        raise StepRefused("Perangkat daerah entri wajib diisi.")
    return opd


def _nomor_berikut(edisi: DipEdisi) -> int:
    last = edisi.informasi.order_by("-nomor").values_list("nomor", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def add_informasi(edisi: DipEdisi, *, by: User, data: dict[str, Any]) -> InformasiPublik:
    locked = _kunci(edisi)
    _periksa_ubah(locked, by)
    values = {f: data[f] for f in FIELDS_INFORMASI if f != "opd"}
    values["opd"] = _opd_entri(locked, data.get("opd"))
    info = InformasiPublik(edisi=locked, nomor=_nomor_berikut(locked), **values)
    info.save()
    record_event(
        locked,
        "tambah_informasi",
        by=by,
        from_state=locked.status,
        to_state=locked.status,
        note=info.ringkasan[:200],
        data={"uid": str(info.uid), "baru": _nilai_informasi(info)},
    )
    return info


@transaction.atomic
def update_informasi(
    informasi: InformasiPublik, *, by: User, data: dict[str, Any], versi: int | None = None
) -> bool:
    """Change an entry opened on version `versi` (None: whatever is stored, as an import does).
    Returns False (and writes nothing) when nothing changed; raises `EditConflict` when the
    entry was saved by someone else since."""
    locked = _kunci(informasi.edisi)
    _periksa_ubah(locked, by)
    info = InformasiPublik.objects.get(pk=informasi.pk, edisi=locked)
    check_version(info, versi, what="Entri ini", events=_riwayat_entri(info))
    lama = _nilai_informasi(info)
    for f in FIELDS_INFORMASI:
        if f == "opd":
            info.opd = _opd_entri(locked, data.get("opd"))
        else:
            setattr(info, f, data[f])
    baru = _nilai_informasi(info)
    changes = {f: [lama[f], baru[f]] for f in FIELDS_INFORMASI if lama[f] != baru[f]}
    if not changes:
        return False
    info.naikkan_versi()
    info.save()
    record_event(
        locked,
        "ubah_informasi",
        by=by,
        from_state=locked.status,
        to_state=locked.status,
        note=info.ringkasan[:200],
        data={"uid": str(info.uid), "perubahan": changes},
    )
    return True


@transaction.atomic
def delete_informasi(informasi: InformasiPublik, *, by: User, versi: int | None = None) -> None:
    """Delete an entry as seen on version `versi` (an entry changed since is not deleted
    unseen: `EditConflict`)."""
    locked = _kunci(informasi.edisi)
    _periksa_ubah(locked, by)
    info = InformasiPublik.objects.get(pk=informasi.pk, edisi=locked)
    check_version(info, versi, what="Entri ini", events=_riwayat_entri(info))
    record_event(
        locked,
        "hapus_informasi",
        by=by,
        from_state=locked.status,
        to_state=locked.status,
        note=info.ringkasan[:200],
        data={"uid": str(info.uid), "lama": _nilai_informasi(info)},
    )
    info.delete()


@dataclass(frozen=True)
class HasilImpor:
    baru: int
    diperbarui: int
    tetap: int


@transaction.atomic
def import_informasi(
    edisi: DipEdisi, *, by: User, berkas_impor: UploadedFile, form_class
) -> HasilImpor:
    """Import entries from an XLSX/CSV file with the export's columns. A row whose id exists
    in this edition updates that entry; any other row adds an entry (keeping its id if it has
    one). Every row is checked first, by `form_class` (the entry form, named by the view):
    one error anywhere raises `berkas.ImporGagal` with every error by row number, and
    nothing is written."""
    locked = _kunci(edisi)
    _periksa_ubah(locked, by)
    try:
        rows = berkas.baca_berkas(berkas_impor.name, berkas_impor.read())
    except berkas.BerkasTidakValid as exc:
        raise berkas.ImporGagal(pesan=str(exc)) from None
    valid = berkas.validasi(locked, rows, form_class=form_class)
    ada = {info.uid: info for info in locked.informasi.all()}
    nomor = _nomor_berikut(locked)
    baru = diperbarui = tetap = 0
    for row in valid:
        info = ada.get(row.uid) if row.uid else None
        if info is None:
            info = InformasiPublik(edisi=locked, nomor=nomor, **row.nilai)
            if row.uid:
                info.uid = row.uid
            info.save()
            nomor += 1
            baru += 1
            continue
        lama = _nilai_informasi(info)
        for f, value in row.nilai.items():
            setattr(info, f, value)
        if _nilai_informasi(info) != lama:
            info.naikkan_versi()  # a form opened before the import sees the change
            info.save()
            diperbarui += 1
        else:
            tetap += 1
    hasil = HasilImpor(baru, diperbarui, tetap)
    record_event(
        locked,
        "impor",
        by=by,
        from_state=locked.status,
        to_state=locked.status,
        note=f"Impor {berkas_impor.name}: {baru} baru, {diperbarui} diperbarui, {tetap} tetap.",
        data={"berkas": berkas_impor.name, "baru": baru, "diperbarui": diperbarui, "tetap": tetap},
    )
    return hasil


# --- steps of the OPD edition --------------------------------------------------------------


@transaction.atomic
def submit_edisi(edisi: DipEdisi, *, by: User, catatan: str = "") -> DipEdisi:
    """PPID Pelaksana submits its OPD's DIP to the petugas pelayanan (first time or after a
    correction: the open correction notes are then marked as followed up)."""

    def update(locked: DipEdisi) -> dict[str, Any]:
        return {"catatan_ditindaklanjuti": _tutup_catatan(locked)}

    return _langkah(edisi, "ajukan", by=by, catatan=catatan, update=update)


@transaction.atomic
def return_incomplete_edisi(edisi: DipEdisi, *, by: User, catatan: str) -> DipEdisi:
    """The petugas returns a submission that is incomplete, with a note."""
    catatan = _wajib(catatan, "Catatan kekurangan")

    def update(locked: DipEdisi) -> dict[str, Any]:
        note = _catat(locked, by, catatan, Role.PETUGAS)
        return {"catatan_koreksi": note.pk}

    return _langkah(edisi, "kembalikan_tidak_lengkap", by=by, catatan=catatan, update=update)


@transaction.atomic
def recap_edisi(edisi: DipEdisi, *, by: User, catatan: str = "") -> DipEdisi:
    """The petugas takes an OPD submission into the recap (the province edition)."""

    def update(locked: DipEdisi) -> dict[str, Any]:
        provinsi = provinsi_tahun(locked.tahun)
        if provinsi is not None:
            provinsi = _kunci(provinsi)  # hold the province edition while we join it
        if provinsi is None or provinsi.status != S.DISUSUN:
            raise StepRefused("Rekap DIP Provinsi sedang tidak dalam penyusunan.")
        locked.provinsi = provinsi
        return {"provinsi": provinsi.pk, "jumlah_informasi": locked.informasi.count()}

    return _langkah(edisi, "rekap", by=by, catatan=catatan, update=update)


@transaction.atomic
def return_pengajuan(edisi: DipEdisi, *, by: User, catatan: str) -> DipEdisi:
    """The PPID returns a whole OPD submission with a note."""
    catatan = _wajib(catatan)

    def update(locked: DipEdisi) -> dict[str, Any]:
        note = _catat(locked, by, catatan, Role.PPID)
        return {"catatan_koreksi": note.pk}

    return _langkah(edisi, "koreksi", by=by, catatan=catatan, update=update)


@transaction.atomic
def return_informasi(informasi: InformasiPublik, *, by: User, catatan: str) -> DipEdisi:
    """The PPID returns one entry with a note. An OPD's entry sends the OPD's submission back
    (step `koreksi`); an entry the petugas typed into the province edition is noted there
    (step `catat_koreksi`) and goes back with the recap."""
    catatan = _wajib(catatan)
    edisi = informasi.edisi

    def update(locked: DipEdisi) -> dict[str, Any]:
        info = InformasiPublik.objects.get(pk=informasi.pk, edisi=locked)
        note = _catat(locked, by, catatan, Role.PPID, informasi=info)
        return {"catatan_koreksi": note.pk, "informasi": str(info.uid)}

    step = "catat_koreksi" if edisi.is_provinsi else "koreksi"
    return _langkah(edisi, step, by=by, catatan=catatan, update=update)


@transaction.atomic
def forward_koreksi(edisi: DipEdisi, *, by: User, catatan: str = "") -> DipEdisi:
    """The petugas forwards the PPID's corrections to the PPID Pelaksana, who corrects
    within 1 hk (SOP)."""

    def update(locked: DipEdisi) -> dict[str, Any]:
        locked.mulai_sop = calendar.today()
        TARGET_PERBAIKAN.stamp(locked)
        return {"target_sop": locked.target_sop.isoformat()}

    return _langkah(edisi, "teruskan", by=by, catatan=catatan, update=update)


# --- steps of the province edition ---------------------------------------------------------


@transaction.atomic
def submit_to_ppid(edisi: DipEdisi, *, by: User, catatan: str = "") -> DipEdisi:
    """The petugas submits the recap to the PPID (again, after corrections: the PPID's notes
    on the province edition are then marked as followed up)."""

    def update(locked: DipEdisi) -> dict[str, Any]:
        return {
            "catatan_ditindaklanjuti": _tutup_catatan(locked),
            "pengajuan": list(locked.pengajuan.values_list("pk", flat=True)),
            "jumlah_informasi": locked.semua_informasi().count(),
        }

    return _langkah(edisi, "ajukan_ppid", by=by, catatan=catatan, update=update)


@transaction.atomic
def return_to_petugas(edisi: DipEdisi, *, by: User, catatan: str = "") -> DipEdisi:
    """The PPID returns the recap to the petugas, who forwards the corrections to the OPDs."""
    catatan = (catatan or "").strip()

    def update(locked: DipEdisi) -> dict[str, Any]:
        ada_koreksi = (
            locked.pengajuan.filter(status=S.DIKOREKSI).exists()
            or locked.catatan_terbuka().exists()
        )
        if not catatan and not ada_koreksi:
            raise StepRefused(
                "Tuliskan catatan koreksi, atau kembalikan entri/pengajuan tertentu lebih dahulu."
            )
        note = _catat(locked, by, catatan, Role.PPID) if catatan else None
        return {"catatan_koreksi": note.pk if note else None}

    return _langkah(edisi, "kembalikan_ke_petugas", by=by, catatan=catatan, update=update)


@transaction.atomic
def submit_to_atasan(edisi: DipEdisi, *, by: User, catatan: str = "") -> DipEdisi:
    """No corrections: the PPID submits the DIP to the Atasan PPID (an earlier note of the
    Atasan is then marked as followed up)."""

    def update(locked: DipEdisi) -> dict[str, Any]:
        return {"catatan_ditindaklanjuti": _tutup_catatan(locked)}

    return _langkah(edisi, "ajukan_atasan", by=by, catatan=catatan, update=update)


@transaction.atomic
def return_to_ppid(edisi: DipEdisi, *, by: User, catatan: str) -> DipEdisi:
    """The Atasan PPID sends the DIP back to the PPID with a note (SOP: koreksi dari Atasan
    PPID, bila ada)."""
    catatan = _wajib(catatan)

    def update(locked: DipEdisi) -> dict[str, Any]:
        note = _catat(locked, by, catatan, Role.ATASAN)
        return {"catatan_koreksi": note.pk}

    return _langkah(edisi, "kembalikan_ke_ppid", by=by, catatan=catatan, update=update)


# --- adoption and after --------------------------------------------------------------------


def _penandatangan(peran: str, day: datetime.date, unit: Unit | None = None) -> Pejabat:
    try:
        return Pejabat.signer(peran, day, unit=unit)
    except Pejabat.DoesNotExist as exc:
        raise StepRefused(str(exc)) from None


def _nomor(jenis: str, day: datetime.date, unit: Unit) -> str:
    try:
        return next_number(jenis, day=day, unit=unit)
    except NumberingError as exc:
        raise StepRefused(str(exc)) from None


@transaction.atomic
def establish_edisi(
    edisi: DipEdisi, *, by: User, tanggal_sk: datetime.date, catatan: str = ""
) -> DipEdisi:
    """Adopt the DIP by SK. The province edition: by the Atasan PPID (the Sekda signs). An OPD
    edition: its PPID Pelaksana records the SK signed by the head of the OPD. The SK number
    comes from the SK DIP template (counted per unit); the signer is the official of the SK's
    date. From now on the edition is frozen."""

    def update(locked: DipEdisi) -> dict[str, Any]:
        if msg := cek_tanggal_sk(locked, tanggal_sk):
            raise StepRefused(msg)
        if locked.is_provinsi:
            signer = _penandatangan(Pejabat.Peran.ATASAN_PPID, tanggal_sk)
        else:
            signer = _penandatangan(Pejabat.Peran.KEPALA_OPD, tanggal_sk, unit=locked.unit)
        # The SK is the signer's: the province edition, signed by the Sekda, is numbered by
        # the Sekretariat Daerah (Tata Naskah Dinas), an OPD edition by the OPD.
        locked.nomor_sk = _nomor(FormatNomor.Jenis.SK_DIP, tanggal_sk, signer.unit)
        locked.tanggal_sk = tanggal_sk
        locked.penandatangan_sk = signer
        return {
            "nomor_sk": locked.nomor_sk,
            "tanggal_sk": tanggal_sk.isoformat(),
            "penandatangan": signer.pk,
            "jumlah_informasi": locked.semua_informasi().count(),
        }

    return _langkah(edisi, "tetapkan", by=by, catatan=catatan, update=update)


@transaction.atomic
def issue_pengantar(edisi: DipEdisi, *, by: User, tanggal: datetime.date, tujuan: str) -> DipEdisi:
    """Issue the surat pengantar that sends the adopted DIP to be published. Signed by the PPID
    (province) or the head of the OPD (OPD edition). Once per edition."""
    tujuan = _wajib(tujuan, "Tujuan surat")

    def update(locked: DipEdisi) -> dict[str, Any]:
        if locked.nomor_pengantar:
            raise StepRefused(
                f"Surat pengantar sudah diterbitkan dengan nomor {locked.nomor_pengantar}."
            )
        if msg := cek_tanggal_setelah_sk(locked, tanggal, "surat pengantar"):
            raise StepRefused(msg)
        if locked.is_provinsi:
            signer = _penandatangan(Pejabat.Peran.PPID, tanggal)
        else:
            signer = _penandatangan(Pejabat.Peran.KEPALA_OPD, tanggal, unit=locked.unit)
        locked.nomor_pengantar = _nomor(FormatNomor.Jenis.PENGANTAR_DIP, tanggal, locked.unit)
        locked.tanggal_pengantar = tanggal
        locked.tujuan_pengantar = tujuan
        locked.penandatangan_pengantar = signer
        return {
            "nomor_pengantar": locked.nomor_pengantar,
            "tanggal_pengantar": tanggal.isoformat(),
            "penandatangan": signer.pk,
        }

    return _langkah(edisi, "terbitkan_pengantar", by=by, update=update)


@transaction.atomic
def record_publikasi(
    edisi: DipEdisi,
    *,
    by: User,
    kanal: str,
    tanggal: datetime.date,
    url: str,
    keterangan: str = "",
) -> Publikasi:
    """Record where and when the adopted DIP was published."""
    if kanal not in Publikasi.Kanal.values:
        raise StepRefused("Kanal publikasi tidak dikenal.")
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise StepRefused("Alamat URL publikasi tidak valid.") from None
    created: list[Publikasi] = []

    def update(locked: DipEdisi) -> dict[str, Any]:
        if msg := cek_tanggal_setelah_sk(locked, tanggal, "publikasi"):
            raise StepRefused(msg)
        pub = Publikasi.objects.create(
            edisi=locked,
            kanal=kanal,
            tanggal=tanggal,
            url=url,
            keterangan=keterangan,
            dicatat_oleh=by,
        )
        created.append(pub)
        return {"publikasi": pub.pk, "kanal": kanal, "tanggal": tanggal.isoformat(), "url": url}

    label = Publikasi.Kanal(kanal).label
    _langkah(edisi, "catat_publikasi", by=by, catatan=f"{label}: {url}", update=update)
    return created[0]


def upload_scan_sk(edisi: DipEdisi, *, by: User, berkas_scan: UploadedFile) -> DipEdisi:
    """Archive the scan of the signed SK (the softcopy kept by the SOP). Checked by content:
    PDF, JPEG or PNG, at most 10 MB. A new upload replaces the served file; the event keeps
    the old file's name. The new file goes again when the transaction does not commit."""
    with pindaian.dibersihkan_bila_gagal():
        return _upload_scan_sk(edisi, by=by, berkas_scan=berkas_scan)


@transaction.atomic
def _upload_scan_sk(edisi: DipEdisi, *, by: User, berkas_scan: UploadedFile) -> DipEdisi:
    try:
        mime, ext = pindaian.SCAN_SK.periksa(berkas_scan)
    except ValueError as exc:
        raise StepRefused(str(exc)) from None

    def update(locked: DipEdisi) -> dict[str, Any]:
        lama = locked.scan_sk.name
        nama = f"{locked.tahun}/{locked.unit.kode}-{uuid.uuid4().hex}.{ext}"
        pindaian.store_scan(locked.scan_sk, nama, berkas_scan)
        locked.scan_sk_jenis = mime
        locked.scan_sk_nama = (berkas_scan.name or "")[:255]
        return {"berkas": locked.scan_sk.name, "berkas_lama": lama, "jenis": mime}

    return _langkah(edisi, "unggah_scan", by=by, update=update)


# --- DIK -----------------------------------------------------------------------------------

FIELDS_DIK = (
    "informasi",
    "opd",
    "pasal17",
    "undang_undang_lain",
    "konsekuensi",
    "kesimpulan_konsekuensi",
    "kepentingan_publik",
    "kesimpulan_kepentingan_publik",
    "jangka_waktu",
    "dasar_penetapan",
    "ditetapkan_pada",
    "aktif",
)


def _nilai_dik(dik: InformasiDikecualikan, peserta: list[int]) -> dict[str, Any]:
    nilai = {f: _json(getattr(dik, f + "_id" if f == "opd" else f)) for f in FIELDS_DIK}
    return {**nilai, "peserta_uji": sorted(peserta)}


def _validasi_dik(dik: InformasiDikecualikan, peserta: list[Pejabat]) -> None:
    try:
        dik.full_clean(exclude=["ditetapkan_oleh"])
    except ValidationError as exc:
        raise StepRefused(" ".join(exc.messages)) from None
    # UU 14/2008 Pasal 2(4): the harm is weighed against the public interest; an uji
    # without the second half is not an uji.
    if not dik.kepentingan_publik.strip():
        raise StepRefused(PESAN_KEPENTINGAN_UMUM)
    if msg := peserta_tidak_menjabat(peserta, dik.ditetapkan_pada):
        raise StepRefused(msg)


PESAN_KEPENTINGAN_UMUM = (
    f"Isi pertimbangan kepatutan dan kepentingan umum ({hukum.pasal('2(4)')} UU 14/2008): "
    "kepentingan umum apa yang terlayani bila informasi dibuka."
)


def _periksa_ppid(by: User) -> None:
    # UU 14/2008 Pasal 19: the PPID performs the uji konsekuensi before declaring information
    # exempt, so only the PPID sets or changes DIK entries.
    if not by.has_role(Role.PPID):
        raise StepRefused("Informasi yang dikecualikan ditetapkan oleh PPID.")


@transaction.atomic
def establish_dik(*, by: User, data: dict[str, Any]) -> InformasiDikecualikan:
    _periksa_ppid(by)
    # The conclusions added by issue 18 keep their defaults when a caller does not give them.
    dik = InformasiDikecualikan(ditetapkan_oleh=by, **{f: data[f] for f in FIELDS_DIK if f in data})
    peserta = list(data.get("peserta_uji") or [])
    _validasi_dik(dik, peserta)
    dik.save()
    dik.peserta_uji.set(peserta)
    nilai = _nilai_dik(dik, [p.pk for p in peserta])
    record_event(dik, "dik_tetapkan", by=by, note=dik.informasi[:200], data=nilai)
    return dik


@transaction.atomic
def update_dik(
    dik: InformasiDikecualikan, *, by: User, data: dict[str, Any], versi: int | None = None
) -> bool:
    _periksa_ppid(by)
    locked = InformasiDikecualikan.objects.select_for_update().get(pk=dik.pk)
    check_version(locked, versi, what="DIK ini", events=Event.objects.for_object(locked))
    peserta_lama = list(locked.peserta_uji.all())
    lama = _nilai_dik(locked, [p.pk for p in peserta_lama])
    for f in FIELDS_DIK:
        if f in data:
            setattr(locked, f, data[f])
    peserta = list(data["peserta_uji"]) if "peserta_uji" in data else peserta_lama
    baru = _nilai_dik(locked, [p.pk for p in peserta])
    changes = {f: [lama[f], baru[f]] for f in lama if lama[f] != baru[f]}
    if not changes:
        return False
    _validasi_dik(locked, peserta)
    locked.naikkan_versi()
    locked.save()
    locked.peserta_uji.set(peserta)
    record_event(locked, "dik_ubah", by=by, note=locked.informasi[:200], data=changes)
    return True


# --- Penetapan DIK ----------------------------------------------------------------------------


@transaction.atomic
def issue_penetapan_dik(*, by: User, tanggal: datetime.date) -> PenetapanDik:
    """Adopt the DIK by a numbered keputusan of the PPID (UU 14/2008 Pasal 19): the entries
    exempt on `tanggal` (InformasiDikecualikanQuerySet.dikecualikan_pada), signed by the PPID
    in office that day, numbered from the "penetapandik" template, stored as issued. Refused,
    with nothing written and no number taken, when there is nothing to adopt, an entry lacks
    its public-interest weighing, or no PPID is recorded for the day."""
    _periksa_ppid(by)
    if tanggal > calendar.today():
        raise StepRefused("Tanggal penetapan tidak boleh setelah hari ini.")
    daftar = list(InformasiDikecualikan.objects.dikecualikan_pada(tanggal).select_for_update())
    if not daftar:
        raise StepRefused(
            f"Belum ada informasi yang dikecualikan per {tanggal:%d-%m-%Y}: tidak ada yang "
            "dapat ditetapkan."
        )
    kurang = [d for d in daftar if not d.kepentingan_publik.strip()]
    if kurang:
        nama = "; ".join(f"“{d.informasi[:80]}”" for d in kurang)
        raise StepRefused(
            f"Uji konsekuensi belum memuat pertimbangan kepatutan dan kepentingan umum "
            f"({hukum.pasal('2(4)')} UU 14/2008): {nama}. Lengkapi dahulu, lalu tetapkan."
        )
    try:
        signer = Pejabat.signer(Pejabat.Peran.PPID, tanggal)
    except Pejabat.DoesNotExist as exc:
        raise StepRefused(str(exc)) from None
    nomor = _nomor(FormatNomor.Jenis.PENETAPAN_DIK, tanggal, signer.unit)
    penetapan = PenetapanDik.objects.create(
        nomor=nomor, tanggal=tanggal, penandatangan=signer, dibuat_oleh=by
    )
    penetapan.informasi.set(daftar)
    # The keputusan is stored as issued, its hash in the event (ppid_manual/workflow/terbit.py).
    rendered = terbit.prepare(penetapan)
    event = record_event(
        penetapan,
        "dik_penetapan",
        by=by,
        note=f"Nomor {nomor}",
        data={
            "nomor": nomor,
            "tanggal": tanggal.isoformat(),
            "penandatangan": signer.pk,
            "informasi": [d.pk for d in daftar],
            **terbit.saksi(rendered),
        },
    )
    terbit.store(penetapan, rendered, event, by)
    return penetapan


# --- Ralat (issue 15) ------------------------------------------------------------------------

# The parts of the lampiran a ralat of the SK DIP may correct, for each entry; and the surat
# pengantar's addressee. None of them counts in a deadline.
FAKTA_ENTRI = (
    "ringkasan",
    "pejabat_penguasa",
    "penanggung_jawab",
    "waktu_pembuatan",
    "tempat_pembuatan",
    "jangka_waktu_penyimpanan",
)


def _fakta_entri(pk: int, no: int, nama: str) -> ralat_mod.Fakta:
    """One field of one entry of the adopted lampiran. The edition stays frozen against
    every edit (EdisiBeku); a ralat is the one correction it takes (an issued, numbered
    letter, through the step table, with its event): InformasiPublikQuerySet.ralat."""
    field = InformasiPublik._meta.get_field(nama)

    def baca(edisi: DipEdisi) -> str:
        return InformasiPublik.objects.values_list(nama, flat=True).get(pk=pk) or ""

    def tulis(edisi: DipEdisi, nilai: str) -> None:
        InformasiPublik.objects.ralat(pk, nama, nilai)

    label = f"Lampiran nomor {no}, {field.verbose_name}"
    return ralat_mod.Fakta(label, baca, tulis, field.max_length)


def fakta_ralat(edisi: DipEdisi) -> dict[str, ralat_mod.Fakta]:
    """What a ralat may correct on this edition: each entry's fields, numbered as in the
    lampiran, and the surat pengantar's addressee."""
    fakta = {
        "tujuan_pengantar": ralat_mod.fakta_kolom(
            DipEdisi, "tujuan_pengantar", "Tujuan surat pengantar"
        )
    }
    # In the lampiran's own order, so that "nomor 3" is the third row of the printed table.
    entri = edisi.semua_informasi().values_list("pk", flat=True)
    for no, pk in enumerate(entri, start=1):
        for nama in FAKTA_ENTRI:
            fakta[f"entri-{pk}-{nama}"] = _fakta_entri(pk, no, nama)
    return fakta


def _unit_ralat(edisi: DipEdisi, dokumen: DokumenTerbit) -> Unit | None:
    """The ralat carries the number series of its signer's unit, like the letter it corrects
    (the province's SK: the Sekretariat Daerah; an OPD's letters: the OPD)."""
    from dip.documents import penandatangan_ralat

    try:
        return penandatangan_ralat(edisi, dokumen.jenis, calendar.today()).unit
    except Pejabat.DoesNotExist as exc:
        raise StepRefused(str(exc)) from None


SK_DIP_JENIS = "sk-dip"  # the stored SK DIP (dip.documents.SkDip.jenis_terbit)

RALAT = ralat_mod.RalatSpec(
    table=alur_edisi,
    langkah_terbit=LANGKAH_TERBIT,
    fakta=fakta_ralat,
    kasus="DIP ini",
    unit=_unit_ralat,
    # Tata Naskah Dinas: the SK DIP is corrected by a keputusan (perubahan), in the SK DIP's
    # number series; the surat pengantar by a ralat (dip.documents.RalatDip).
    jenis_nomor=lambda d: (
        FormatNomor.Jenis.SK_DIP if d.jenis == SK_DIP_JENIS else FormatNomor.Jenis.RALAT
    ),
)


def ralat_surat(
    edisi: DipEdisi,
    *,
    dokumen: DokumenTerbit | None,
    fakta: str,
    nilai: str,
    alasan: str,
    by: User,
) -> Ralat:
    """Correct the SK DIP (its lampiran) or the surat pengantar by a ralat
    (ppid_manual/workflow/ralat.py; who may: the steps that issue the letter in the
    edition's table, alur.LANGKAH_TERBIT)."""
    return ralat_mod.ralat_surat(
        edisi, RALAT, dokumen=dokumen, fakta=fakta, nilai=nilai, alasan=alasan, by=by
    )
