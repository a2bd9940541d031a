"""Every printed document of a keberatan: one small class each, with a template under
templates/keberatan/print/ that extends the one letter base (print/base_surat.html).

Letters are signed by the Atasan PPID official of the letter's day, stored on the case when the
step was taken, so a reprint shows the signer of its day.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from typing import Any

import segno

from keberatan.alur import (
    HK_PENGAJUAN,
    HK_SENGKETA,
    HK_TANGGAPAN,
    SENGKETA_SESUDAH_TANGGAPAN,
    SOP_DRAF,
    TENGGAT_TANGGAPAN,
)
from keberatan.amar import Amar
from keberatan.models import Keberatan
from ppid_manual import hukum
from ppid_manual.format import hari_tanggal, tanggal
from ppid_manual.kode import kode_berkas
from ppid_manual.models import Pejabat, Unit
from ppid_manual.workflow import susulan
from ppid_manual.workflow.calendar import deadline, today
from ppid_manual.workflow.pdf import DokumenRalat, PerLembar, PrintDocument, slug_nomor
from ppid_manual.workflow.ralat import catatan_register, ralat_of, ralat_per_kasus
from ppid_manual.workflow.tabel_pdf import KolomTabel, RegisterDocument

KP = Keberatan.Keputusan


class KeberatanDocument(PrintDocument):
    """A document about one keberatan."""

    def __init__(self, keberatan: Keberatan, request=None, **kwargs: Any) -> None:
        super().__init__(request, **kwargs)
        self.keberatan = keberatan

    def kasus(self) -> Keberatan:
        return self.keberatan

    def get_context(self) -> dict[str, Any]:
        k = self.keberatan
        return {
            "k": k,
            "pemohon": k.pemohon_kasus,
            "alasan_semua": [(code, label, code in k.alasan) for code, label in k.Alasan.choices],
            "hk_pengajuan": HK_PENGAJUAN,
            "hk_tanggapan": HK_TANGGAPAN,
            "hk_sengketa": HK_SENGKETA,
            "sop_draf": SOP_DRAF,
            # Pasal 36(2), in the spec's own words: its length, what day 0 is, and the date.
            "tenggat_tanggapan": TENGGAT_TANGGAPAN.explain(k) if k.tenggat_tanggapan else None,
            **super().get_context(),
        }


class FormulirKeberatan(PerLembar, KeberatanDocument):
    """The filled Formulir Keberatan Informasi Publik in two copies: the desk's and the
    pemohon's (the receipt), with the nomor registrasi and the date by which the Atasan PPID
    answers (UU 14/2008 Pasal 36(2))."""

    template_name = "keberatan/print/formulir.html"
    title = "Formulir Keberatan Informasi Publik"
    jenis_terbit = "formulir-keberatan"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "alamat",
        "pekerjaan",
        "telepon",
        "email",
        "kuasa_nama",
        "kuasa_alamat",
        "informasi_diminta",
        "tujuan_penggunaan",
        "kasus_posisi",
    )
    salinan = ("Lembar 1: arsip petugas", "Lembar 2: untuk pemohon (tanda terima)")

    def nomor_terbit(self) -> str:
        return self.keberatan.nomor_registrasi or ""

    def tanggal_terbit(self) -> datetime.date | None:
        return self.keberatan.tanggal_registrasi

    def filename(self) -> str:
        return f"formulir-keberatan-{slug_nomor(self.keberatan.nomor_registrasi)}.pdf"

    def get_context(self) -> dict[str, Any]:
        # No intranet address on the pemohon's copy: the registration number and its check
        # code, for the desk's search box (ppid_manual/kode.py).
        kode = kode_berkas(self.keberatan.nomor_registrasi or "")
        return {
            **super().get_context(),
            "salinan": list(self.salinan),
            "petugas": self.keberatan.didaftarkan_oleh,
            "kode_berkas": kode,
            "qr": segno.make(kode, error="m").svg_data_uri(scale=2, border=2),
        }


class LembarDisposisi(KeberatanDocument):
    """The Atasan PPID's disposition sheet: the instruction to the PPID / PPID Pelaksana."""

    template_name = "keberatan/print/disposisi.html"
    title = "Lembar Disposisi Keberatan"
    jenis_terbit = "disposisi"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "kuasa_nama",
        "isi_disposisi",
    )

    def nomor_terbit(self) -> str:
        return self.keberatan.nomor_registrasi or ""

    def kunci_terbit(self) -> str:
        # The sheet has the keberatan's number; a new disposition is a new sheet.
        day = self.keberatan.tanggal_disposisi
        return f"{self.nomor_terbit()} {day.isoformat() if day else ''}".strip()

    def tanggal_terbit(self) -> datetime.date | None:
        return self.keberatan.tanggal_disposisi

    def filename(self) -> str:
        return f"disposisi-keberatan-{slug_nomor(self.keberatan.nomor_registrasi)}.pdf"

    def get_context(self) -> dict[str, Any]:
        k = self.keberatan
        return {
            **super().get_context(),
            "pejabat": k.pejabat_disposisi,
            "tanggal_surat": k.tanggal_disposisi,
            "tanggal_ttd": True,
        }


class SuratTanggapan(KeberatanDocument):
    """The surat tanggapan Atasan PPID (UU 14/2008 Pasal 36), with the right to file a
    sengketa with the Komisi Informasi Provinsi Bali within 14 hk and its date (Pasal 37(2)).

    Before the answer it prints the approved or submitted draft as a KONSEP (no number), with
    the dates as they would be if signed today, for the Atasan's review."""

    template_name = "keberatan/print/tanggapan.html"
    title = "Surat Tanggapan Atasan PPID atas Keberatan"
    jenis_terbit = "tanggapan"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "alamat",
        "kuasa_nama",
        "kuasa_alamat",
        "informasi_diminta",
        "pertimbangan",
        "informasi_diberikan",
    )

    def nomor_terbit(self) -> str:
        return self.keberatan.nomor_tanggapan or ""

    def tanggal_terbit(self) -> datetime.date | None:
        return self.keberatan.tanggal_tanggapan

    def tembusan(self) -> list[str]:
        return tembusan_tanggapan(self.keberatan)

    @property
    def konsep(self) -> bool:
        return self.keberatan.tanggal_tanggapan is None

    @konsep.setter
    def konsep(self, value: bool) -> None:
        # print_response(mode="konsep") asks for a KONSEP: before the answer it is one.
        if not value and self.keberatan.tanggal_tanggapan is None:
            raise ValueError("a surat tanggapan before the answer is a KONSEP")

    def filename(self) -> str:
        k = self.keberatan
        if self.konsep:
            return f"konsep-tanggapan-{slug_nomor(k.nomor_registrasi)}.pdf"
        return f"tanggapan-keberatan-{slug_nomor(k.nomor_tanggapan)}.pdf"

    def get_context(self) -> dict[str, Any]:
        k = self.keberatan
        if self.konsep:
            day = today()
            keputusan = KP(k.draf_keputusan) if k.draf_keputusan else None
            pertimbangan = k.draf_pertimbangan
            # The terms the draft proposes (issue 24): the Atasan approves what will be signed.
            amar = Amar.from_data(k.draf_amar)
            pejabat = Pejabat.signer(Pejabat.Peran.ATASAN_PPID, day)
        else:
            day = k.tanggal_tanggapan
            keputusan = KP(k.keputusan)
            pertimbangan = k.pertimbangan
            amar = Amar.of_answer(k)
            pejabat = k.pejabat_tanggapan
        # Pasal 37(2) counts from the pemohon's receipt, which the letter cannot know: it
        # gives the date that follows from a receipt on its own date (the estimate the
        # answer step stamps), and says so.
        tenggat_sengketa = SENGKETA_SESUDAH_TANGGAPAN.count_from(day)
        return {
            **super().get_context(),
            "konsep": self.konsep,
            "keputusan": keputusan,
            "diberikan": keputusan == KP.DIBERIKAN,
            "ditolak": keputusan == KP.DITOLAK,
            "musyawarah": keputusan == KP.MUSYAWARAH,
            "sebagian": keputusan == KP.SEBAGIAN,
            "koreksi_biaya": keputusan == KP.BIAYA,
            "koreksi_waktu": keputusan == KP.WAKTU,
            "amar": amar,
            "pasal17_tertutup": [hukum.pasal17_bunyi(h) for h in amar.pasal17],
            "perintah": (
                perintah_penyerahan(k, day) if keputusan in (KP.DIBERIKAN, KP.SEBAGIAN) else None
            ),
            "tembusan": self.tembusan(),
            "yth_baris": [f"selaku kuasa dari {k.pemohon_kasus.nama}"] if k.kuasa_nama else [],
            "yth_di": k.kuasa_alamat if k.kuasa_nama else k.pemohon_kasus.alamat,
            "pertimbangan": pertimbangan,
            "nomor_surat": k.nomor_tanggapan or "(konsep)",
            "perihal": "Tanggapan atas keberatan informasi publik",
            "tanggal_surat": day,
            "pejabat": pejabat,
            "tenggat_sengketa": tenggat_sengketa,
            "tepat_waktu": k.tenggat_tanggapan is None or day <= k.tenggat_tanggapan,
        }


def tembusan_tanggapan(k: Keberatan) -> list[str]:
    """The tembusan of the Atasan's answer, and of its ralat: the PPID, and the PPID
    Pelaksana whose OPD drafted it."""
    items = ["PPID Pemerintah Provinsi Bali"]
    if k.unit_disposisi and k.unit_disposisi.jenis == Unit.Jenis.PPID_PELAKSANA:
        items.append(f"PPID Pelaksana {k.unit_disposisi.nama}")
    return items


def perintah_penyerahan(k: Keberatan, day: datetime.date) -> dict[str, Any]:
    """What an answer that gives the information orders the PPID to do (Pasal 36; the
    pemberitahuan's huruf d, f and g): give it by a date, at a cost paid a stated way.

    By when: the handover target of the reopened request, one the SOP sets from the day the
    information is ready again, the answer's date (registrasi.actions.reopen_for_handover);
    computed from the letter's date, so the KONSEP and the signed letter agree. At what cost:
    the estimate the PPID's notice gave when it gave the information, else the copying and
    delivery tariff, counted at the handover (Pasal 21)."""
    from registrasi.models import Permohonan

    p = k.permohonan
    diberikan = (Permohonan.Keputusan.DIBERIKAN_SELURUHNYA, Permohonan.Keputusan.DIBERIKAN_SEBAGIAN)
    perkiraan = p.perkiraan_biaya_total if p is not None and p.keputusan in diberikan else None
    cara = (p.get_cara_pembayaran_display() if p is not None else "") or (
        Permohonan.CaraPembayaran.TUNAI.label
    )
    return {
        "tanggal": deadline(day, hukum.SOP_PENYERAHAN),
        "perkiraan": perkiraan or None,
        "cara_pembayaran": cara,
    }


# The letters the Atasan PPID signs; a ralat of one of them is his too (on the Sekretariat
# Daerah's kop and number series); a ralat of the desk's formulir is the PPID's.
SURAT_ATASAN = ("disposisi", "tanggapan")


def penandatangan_ralat(jenis: str, day: datetime.date) -> Pejabat:
    peran = Pejabat.Peran.ATASAN_PPID if jenis in SURAT_ATASAN else Pejabat.Peran.PPID
    return Pejabat.signer(peran, day)


class RalatKeberatan(DokumenRalat, KeberatanDocument):
    """A ralat of a keberatan letter (issue 15; ppid_manual/workflow/ralat.py): the new
    numbered letter naming the letter it corrects, why, and each part as written and as it
    should read; signed by whoever signs the letter it corrects, on the ralat's date."""

    def get_context(self) -> dict[str, Any]:
        k, d = self.keberatan, self.ralat.dokumen
        return {
            **super().get_context(),
            "ralat": self.ralat,
            "diralat": d,
            "perkara": f"keberatan informasi publik nomor registrasi {k.nomor_registrasi}",
            "nomor_surat": self.ralat.nomor,
            "tanggal_surat": self.ralat.tanggal,
            "perihal": f"Ralat {d.judul} Nomor {d.nomor}".strip(),
            "pejabat": penandatangan_ralat(d.jenis, self.ralat.tanggal),
            "yth_nama": k.kuasa_nama or k.pemohon_kasus.nama,
            "yth_baris": [f"selaku kuasa dari {k.pemohon_kasus.nama}"] if k.kuasa_nama else [],
            "yth_di": k.kuasa_alamat if k.kuasa_nama else k.pemohon_kasus.alamat,
            **(self._tanggapan_diralat() if d.jenis == "tanggapan" else {}),
        }

    def _tanggapan_diralat(self) -> dict[str, Any]:
        """A ralat of the answer carries its tembusan, and says that the 14 hk to the Komisi
        Informasi still run from the answer's receipt (Pasal 37(2)): a ralat moves no
        deadline (keberatan.actions.RALAT_FAKTA)."""
        k = self.keberatan
        return {
            "tembusan": tembusan_tanggapan(k),
            "sengketa": {
                "hari": HK_SENGKETA,
                "diterima": None if k.tanggapan_perkiraan else k.tanggapan_diterima,
                "tenggat": k.tenggat_sengketa,
            },
        }


def terbitan(k: Keberatan) -> list[KeberatanDocument]:
    """Every numbered document the keberatan has been issued so far (stored at issue by the
    engine: ppid_manual/workflow/terbit.py)."""
    docs: list[KeberatanDocument] = []
    if k.nomor_registrasi:
        docs.append(FormulirKeberatan(k))
    if k.tanggal_disposisi is not None:
        docs.append(LembarDisposisi(k))
    if k.nomor_tanggapan and k.tanggal_tanggapan is not None:
        docs.append(SuratTanggapan(k))
    docs += [RalatKeberatan(k, ralat=r) for r in ralat_of(k)]
    return docs


# --- The Register Keberatan (DESIGN.md section 5) -------------------------------------------


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    lebar: int  # XLSX column width
    persen: int  # share of the printed page width


REGISTER_KOLOM = (
    Kolom("no", "No.", 5, 3),
    Kolom("nomor", "Nomor registrasi keberatan", 22, 8),
    # Perki 1/2021: the register is dated by the day the written keberatan was received, day 0
    # of the Atasan PPID's answer (Pasal 36(2)), not by its registration.
    Kolom("tanggal", "Tanggal keberatan diterima", 12, 6),
    Kolom("identitas", "Identitas pemohon / kuasa", 34, 14),
    Kolom("nomor_pendaftaran", "Nomor pendaftaran permohonan", 22, 9),
    Kolom("informasi", "Informasi yang diminta", 36, 11),
    Kolom("tujuan", "Tujuan penggunaan informasi", 28, 8),
    Kolom("alasan", f"Alasan keberatan ({hukum.pasal('35(1)')})", 34, 12),
    Kolom("keputusan", "Keputusan Atasan PPID", 28, 8),
    Kolom("tanggal_tanggapan", "Hari dan tanggal tanggapan", 14, 7),
    Kolom("atasan", "Nama dan jabatan Atasan PPID", 30, 8),
    Kolom("tanggapan_pemohon", "Tanggapan pemohon", 30, 7),
)
REGISTER_COLUMNS = tuple(k.judul for k in REGISTER_KOLOM)


def _identitas(k: Keberatan) -> str:
    """The pemohon (NIK masked: the register is not where the NIK is needed) and the kuasa."""
    p = k.pemohon_kasus
    lines = [f"{p.nama} ({p.get_jenis_display()})"]
    if p.nik:
        lines.append(f"NIK {k.nik_tersamar}")
    elif p.nomor_akta:
        lines.append(f"Akta {p.nomor_akta}")
    if p.alamat:
        lines.append(p.alamat)
    # Telephone and e-mail each on its own line: neither is split across lines in the PDF.
    lines.extend(x for x in (p.telepon, p.email) if x)
    if k.kuasa_nama:
        kuasa = f"Kuasa: {k.kuasa_nama}"
        if k.kuasa_alamat:
            kuasa += f", {k.kuasa_alamat}"
        if k.kuasa_telepon:
            kuasa += f", {k.kuasa_telepon}"
        lines.append(kuasa)
    # A late entry of a paper form is flagged on its row (issue 18).
    flag = susulan.keterangan(k)
    if flag:
        lines.append(f"{flag} (diterima {tanggal(k.tanggal_diterima)})")
    return "\n".join(lines)


def _tanggapan_pemohon(k: Keberatan) -> str:
    if k.sikap_pemohon == Keberatan.SikapPemohon.MENERIMA:
        return f"Menerima ({tanggal(k.tanggal_sikap)})"
    if k.sikap_pemohon == Keberatan.SikapPemohon.SENGKETA:
        teks = (
            f"Sengketa ke Komisi Informasi Provinsi Bali, diajukan {tanggal(k.tanggal_sengketa)}, "
            f"register {k.nomor_register_ki or '(belum ada)'}"
        )
        if k.hasil_sengketa:
            # The sengketa's state now: its latest outcome and its date.
            teks += f"\n{k.get_status_display()} ({tanggal(k.tanggal_hasil_sengketa)})"
        return teks
    if k.status == Keberatan.Status.DITANGGAPI:
        return f"Belum ada (batas sengketa {tanggal(k.tenggat_sengketa)})"
    return "—"


def register_rows(keberatan) -> list[dict[str, Any]]:
    """One dict per registered keberatan, keyed like REGISTER_KOLOM. A letter superseded by
    a ralat is marked with the decision (issue 15)."""
    keberatan = list(keberatan)
    ralat = ralat_per_kasus(Keberatan, [k.pk for k in keberatan])
    rows = []
    for i, k in enumerate(keberatan, start=1):
        atasan = k.pejabat_tanggapan
        if k.keputusan:
            keputusan = k.get_keputusan_display()
        elif k.dalam_sengketa:
            keputusan = f"Tidak ditanggapi dalam {hukum.HK_TANGGAPAN} hari kerja"
        else:
            keputusan = f"Dalam proses (tenggat {tanggal(k.tenggat_tanggapan)})"
        keputusan += catatan_register(ralat[k.pk])
        rows.append(
            {
                "no": i,
                "nomor": k.nomor_registrasi,
                "tanggal": tanggal_diterima(k),
                "identitas": _identitas(k),
                "nomor_pendaftaran": k.nomor_pendaftaran or "— (alasan b)",
                "informasi": k.informasi_diminta,
                "tujuan": k.tujuan_penggunaan,
                "alasan": "\n".join(k.get_alasan_display()),
                "keputusan": keputusan,
                "tanggal_tanggapan": k.tanggal_tanggapan,
                "atasan": f"{atasan.nama}\n{atasan.jabatan}" if atasan else "",
                "tanggapan_pemohon": _tanggapan_pemohon(k),
                "terlambat": k.terlambat,
            }
        )
    return rows


def tanggal_diterima(k: Keberatan) -> datetime.date:
    """The day the written keberatan was received (Pasal 36(2)): the first hand-in of a form
    the desk kept, else the complete form's receipt (`mulai_tanggapan`, set at registration)."""
    return k.mulai_tanggapan or k.tanggal_diterima


def register_queryset(user, dari: datetime.date, sampai: datetime.date):
    """The registered keberatan this user may see that were received in the period, in the
    order they were received (the register's date: `tanggal_diterima`)."""
    return (
        Keberatan.objects.for_user(user)
        .periode(dari, sampai)
        .select_related("pemohon", "permohonan", "pejabat_tanggapan")
        .order_by("diterima", "tanggal_registrasi", "pk")
    )


class RegisterKeberatan(RegisterDocument):
    """The Register Keberatan for a period, landscape, drawn with ReportLab like the Register
    Permohonan (ppid_manual/workflow/tabel_pdf.py)."""

    title = "Register Keberatan Informasi Publik"
    kolom = tuple(
        KolomTabel(
            k.judul,
            k.persen,
            "kanan" if k.kunci == "no" else "kiri",
            utuh=k.kunci in ("nomor", "nomor_pendaftaran"),
            min_teks={
                "nomor": "0000/KEB-PPID/XII/2026",
                "nomor_pendaftaran": "0000/REG-PPID/XII/2026",
            }.get(k.kunci, ""),
        )
        for k in REGISTER_KOLOM
    )

    def filename(self) -> str:
        return f"register-keberatan-{self.dari:%Y%m%d}-{self.sampai:%Y%m%d}.pdf"

    def cells(self, row: dict[str, Any]) -> list[str]:
        out = []
        for k in REGISTER_KOLOM:
            value = row[k.kunci]
            if k.kunci == "tanggal":
                value = tanggal(value)
            elif k.kunci == "tanggal_tanggapan":
                # Hari dan tanggal, as the Perki's register asks.
                value = hari_tanggal(value) or "—"
            elif k.kunci == "atasan":
                value = value or "—"
            out.append(str(value or ""))
        return out

    def penutup(self) -> str:
        if not self.rows:
            return "Tidak ada keberatan pada periode ini."
        return f"Jumlah keberatan: {len(self.rows)}. NIK pemohon disamarkan."


def register_xlsx(rows: list[dict[str, Any]], dari: datetime.date, sampai: datetime.date) -> bytes:
    """The same register as an XLSX workbook (the softcopy the SOP asks to keep). The header
    is row 3; every text cell is text (a value starting with "=" never becomes a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Register keberatan"
    ws.append([f"Register Keberatan Informasi Publik {tanggal(dari)} s.d. {tanggal(sampai)}"])
    ws.append([])
    ws.append(list(REGISTER_COLUMNS))
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=4):
        for c, kolom in enumerate(REGISTER_KOLOM, start=1):
            value = row[kolom.kunci]
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "DD-MM-YYYY"
            elif isinstance(value, str):
                cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, kolom in enumerate(REGISTER_KOLOM, start=1):
        ws.column_dimensions[get_column_letter(i)].width = kolom.lebar
    ws.freeze_panes = "A4"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def fakta_tercetak(jenis: str) -> tuple[str, ...] | None:
    """The facts a stored letter of this kind prints (its class's `fakta_tercetak`): what a
    ralat of it may correct (keberatan.actions.RALAT)."""
    for cls in KeberatanDocument.__subclasses__():
        if getattr(cls, "jenis_terbit", None) == jenis and hasattr(cls, "fakta_tercetak"):
            return cls.fakta_tercetak
    return None
