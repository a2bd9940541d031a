"""Every printed document of a permohonan: one small class each, with a template under
templates/registrasi/print/ that extends the one letter base (print/base_surat.html).

Letters are signed by the PPID official valid on the letter's date (Pejabat.signer), so an old
letter reprints with the signer of its day; a gap in the officials table raises
Pejabat.DoesNotExist with an Indonesian message, which the view shows instead of a letter.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

import segno
from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from ppid_manual.models import Pejabat
from ppid_manual.templatetags.ppid import tanggal
from ppid_manual.workflow import calendar
from ppid_manual.workflow.pdf import PrintDocument
from registrasi.alur import HK_KEBERATAN, HK_PEMBERITAHUAN, HK_PERPANJANGAN
from registrasi.models import Penyerahan, Permohonan, SuratPermintaan

K = Permohonan.Keputusan


def _slug(nomor: str | None) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in (nomor or "tanpa-nomor")).strip("-")


def detail_url(permohonan: Permohonan) -> str:
    """The record on the intranet, for the QR code on the receipt."""
    base = settings.PPID["URL_INTRANET"].rstrip("/")
    return base + reverse("registrasi:detail", args=[permohonan.pk])


def qr_data_uri(url: str) -> str:
    # An SVG data: URI: no file, no network; the PDF renderer accepts data: URLs.
    return segno.make(url, error="m").svg_data_uri(scale=2, border=2)


class PermohonanDocument(PrintDocument):
    """A document about one permohonan."""

    def __init__(self, permohonan: Permohonan, request=None, **kwargs: Any) -> None:
        super().__init__(request, **kwargs)
        self.permohonan = permohonan

    def get_context(self) -> dict[str, Any]:
        return {
            "p": self.permohonan,
            "pemohon": self.permohonan.pemohon,
            "K": Permohonan.Keputusan,
            "hk_pemberitahuan": HK_PEMBERITAHUAN,
            "hk_perpanjangan": HK_PERPANJANGAN,
            "hk_keberatan": HK_KEBERATAN,
            **super().get_context(),
        }


class SuratPPID(PermohonanDocument):
    """A letter signed by the PPID on its date."""

    perihal = ""

    def tanggal_surat(self) -> datetime.date:
        raise NotImplementedError

    def nomor_surat(self) -> str:
        raise NotImplementedError

    def get_context(self) -> dict[str, Any]:
        day = self.tanggal_surat()
        return {
            **super().get_context(),
            "tanggal_surat": day,
            "nomor_surat": self.nomor_surat(),
            "perihal": self.perihal,
            "pejabat": Pejabat.signer(Pejabat.Peran.PPID, day),
            "sebagai": "PPID Pemerintah Provinsi Bali",
        }


class FormulirPermohonan(PermohonanDocument):
    """The filled Formulir Permohonan Informasi Publik in two copies: the desk's and the
    pemohon's (the receipt: UU 14/2008 Pasal 22(4)), then the page "Hak-hak Pemohon"."""

    template_name = "registrasi/print/formulir.html"
    title = "Formulir Permohonan Informasi Publik"

    def filename(self) -> str:
        return f"formulir-{_slug(self.permohonan.nomor_pendaftaran)}.pdf"

    def get_context(self) -> dict[str, Any]:
        url = detail_url(self.permohonan)
        return {
            **super().get_context(),
            "salinan": ["Lembar 1: arsip petugas", "Lembar 2: untuk pemohon (tanda bukti)"],
            "qr_url": url,
            "qr": qr_data_uri(url),
        }


class CatatanPengembalian(PermohonanDocument):
    """The note handed back with an incomplete file: what is missing. No number, no clock."""

    template_name = "registrasi/print/pengembalian.html"
    title = "Catatan Pengembalian Berkas Permohonan"

    def filename(self) -> str:
        return f"pengembalian-berkas-{self.permohonan.pk}.pdf"


class SuratPermintaanDokumen(SuratPPID):
    """The PPID's letter asking the OPD for the information (SOP step 3)."""

    template_name = "registrasi/print/surat_permintaan.html"
    title = "Surat Permintaan Informasi kepada PPID Pelaksana"
    perihal = "Permintaan informasi publik"

    def __init__(self, permohonan: Permohonan, surat: SuratPermintaan, request=None) -> None:
        super().__init__(permohonan, request)
        self.surat = surat

    def tanggal_surat(self) -> datetime.date:
        return self.surat.tanggal

    def nomor_surat(self) -> str:
        return self.surat.nomor

    def filename(self) -> str:
        return f"surat-permintaan-{_slug(self.surat.nomor)}.pdf"

    def get_context(self) -> dict[str, Any]:
        return {**super().get_context(), "surat": self.surat}


class Pemberitahuan(SuratPPID):
    """The pemberitahuan tertulis (UU 14/2008 Pasal 22(7); Perki 1/2021) for each outcome."""

    template_name = "registrasi/print/pemberitahuan.html"
    title = "Pemberitahuan Tertulis"
    perihal = "Pemberitahuan tertulis atas permohonan informasi publik"

    def tanggal_surat(self) -> datetime.date:
        return self.permohonan.tanggal_pemberitahuan

    def nomor_surat(self) -> str:
        return self.permohonan.nomor_pemberitahuan

    def filename(self) -> str:
        return f"pemberitahuan-{_slug(self.permohonan.nomor_pemberitahuan)}.pdf"


class PemberitahuanPerpanjangan(SuratPPID):
    """The notice of the one extension, with its reasons (UU 14/2008 Pasal 22(8))."""

    template_name = "registrasi/print/perpanjangan.html"
    title = "Pemberitahuan Perpanjangan Jangka Waktu"
    perihal = "Perpanjangan jangka waktu pemberitahuan tertulis"

    def tanggal_surat(self) -> datetime.date:
        return self.permohonan.tanggal_perpanjangan

    def nomor_surat(self) -> str:
        return self.permohonan.nomor_perpanjangan

    def filename(self) -> str:
        return f"perpanjangan-{_slug(self.permohonan.nomor_perpanjangan)}.pdf"


class SkPenolakan(SuratPPID):
    """The SK PPID tentang penolakan permohonan informasi (UU 14/2008 Pasal 17, 22(7)(d) and
    Pasal 2(4)), with the right to object within 30 working days (Pasal 35–36)."""

    template_name = "registrasi/print/sk_penolakan.html"
    title = "Keputusan PPID tentang Penolakan Permohonan Informasi"

    def tanggal_surat(self) -> datetime.date:
        return self.permohonan.tanggal_pemberitahuan

    def nomor_surat(self) -> str:
        return self.permohonan.nomor_sk_penolakan

    def filename(self) -> str:
        return f"sk-penolakan-{_slug(self.permohonan.nomor_sk_penolakan)}.pdf"


class TandaTerimaPenyerahan(PermohonanDocument):
    """The receipt of the information handed over, with the fee breakdown (SOP step 5),
    signed by the desk officer and the recipient."""

    template_name = "registrasi/print/tanda_terima.html"
    title = "Tanda Terima Penyerahan Informasi Publik"

    def __init__(self, permohonan: Permohonan, penyerahan: Penyerahan, request=None) -> None:
        super().__init__(permohonan, request)
        self.penyerahan = penyerahan

    def filename(self) -> str:
        return f"tanda-terima-{_slug(self.penyerahan.nomor)}.pdf"

    def get_context(self) -> dict[str, Any]:
        return {**super().get_context(), "penyerahan": self.penyerahan}


# --- The Register Permohonan (Perki 1/2021: register columns) -----------------------------

REGISTER_COLUMNS = (
    "No.",
    "Nomor pendaftaran",
    "Tanggal permohonan",
    "Nama pemohon",
    "Alamat",
    "Kontak (telepon/e-mail)",
    "Pekerjaan",
    "Informasi yang diminta",
    "Tujuan penggunaan",
    "Status informasi",
    "Bentuk informasi",
    "Jenis permohonan",
    "Keputusan",
    "Alasan penolakan",
    "Tanggal pemberitahuan",
    "Biaya",
)


# Widths in mm for the landscape PDF: 252 mm between the margins of A4 landscape.
REGISTER_WIDTHS_MM = (7, 22, 14, 20, 20, 18, 12, 26, 16, 13, 14, 11, 16, 15, 14, 14)


def register_rows(permohonan: QuerySet[Permohonan], start: int = 1) -> list[dict[str, Any]]:
    """One dict per registered request, in the register's column order, numbered from
    `start` (a later page of the register on screen goes on counting)."""
    rows = []
    for i, p in enumerate(permohonan, start=start):
        pemohon = p.pemohon
        if p.klasifikasi:
            status_informasi = p.get_klasifikasi_display()
        elif p.keputusan in (K.TIDAK_DIKUASAI, K.BELUM_DIDOKUMENTASIKAN):
            status_informasi = p.get_keputusan_display()
        else:
            status_informasi = "Dalam proses"
        alasan = ""
        if p.keputusan in (K.DITOLAK, K.DIBERIKAN_SEBAGIAN):
            dasar = [f"Pasal 17 huruf {h}" for h in p.pasal17]
            if p.undang_undang_lain:
                dasar.append(p.undang_undang_lain)
            alasan = "; ".join(dasar)
        if p.status == Permohonan.Status.DITARIK:
            keputusan = "Ditarik pemohon"
        else:
            keputusan = p.get_keputusan_display() if p.keputusan else p.get_status_display()
        rows.append(
            {
                "no": i,
                "nomor": p.nomor_pendaftaran,
                "tanggal": p.tanggal_daftar,
                "nama": pemohon.nama,
                "alamat": pemohon.alamat,
                "kontak": " / ".join(x for x in (pemohon.telepon, pemohon.email) if x),
                "pekerjaan": pemohon.pekerjaan,
                "informasi": p.rincian_informasi,
                "tujuan": p.tujuan_penggunaan,
                "status_informasi": status_informasi,
                "bentuk": p.get_cara_memperoleh_display(),
                "jenis": p.get_cara_pengajuan_display(),
                "keputusan": keputusan,
                "alasan_penolakan": alasan,
                "tanggal_pemberitahuan": p.tanggal_pemberitahuan,
                "biaya": p.biaya or 0,
            }
        )
    return rows


class RegisterPermohonan(PrintDocument):
    """The Register Permohonan for a period, landscape."""

    template_name = "registrasi/print/register.html"
    title = "Register Permohonan Informasi Publik"
    landscape = True

    def __init__(self, rows: list[dict[str, Any]], dari, sampai, request=None) -> None:
        super().__init__(request)
        self.rows, self.dari, self.sampai = rows, dari, sampai

    def filename(self) -> str:
        return f"register-permohonan-{self.dari:%Y%m%d}-{self.sampai:%Y%m%d}.pdf"

    def get_context(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "kolom": list(zip(REGISTER_COLUMNS, REGISTER_WIDTHS_MM, strict=True)),
            "dari": self.dari,
            "sampai": self.sampai,
        }


def register_xlsx(rows: list[dict[str, Any]], dari, sampai) -> bytes:
    """The same register as an XLSX workbook (for the softcopy archive).

    Written in openpyxl's write-only mode: a year's register (ten thousand rows) streams out
    in about half the time and a fraction of the memory of a workbook kept in memory."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Register permohonan")
    widths = (5, 24, 12, 24, 30, 22, 16, 40, 30, 18, 22, 16, 28, 24, 14, 12)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A4"

    def cell(value, **style) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=value)
        for name, setting in style.items():
            setattr(c, name, setting)
        return c

    ws.append([f"Register Permohonan Informasi Publik {tanggal(dari)} s.d. {tanggal(sampai)}"])
    ws.append([])
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    ws.append([cell(label, font=bold, alignment=wrap) for label in REGISTER_COLUMNS])
    for r in rows:
        ws.append(
            [
                r["no"],
                r["nomor"],
                cell(r["tanggal"], number_format="DD-MM-YYYY"),
                r["nama"],
                r["alamat"],
                r["kontak"],
                r["pekerjaan"],
                r["informasi"],
                r["tujuan"],
                r["status_informasi"],
                r["bentuk"],
                r["jenis"],
                r["keputusan"],
                r["alasan_penolakan"],
                cell(r["tanggal_pemberitahuan"], number_format="DD-MM-YYYY"),
                cell(int(r["biaya"]), number_format='"Rp" #,##0'),
            ]
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def explain_deadline(permohonan: Permohonan) -> list[dict[str, Any]]:
    """The deadline's explanation: each counted span and the days skipped in it, and why."""
    spans = []
    if permohonan.tanggal_daftar and permohonan.tenggat_awal:
        spans.append(
            {
                "judul": f"{HK_PEMBERITAHUAN} hari kerja sejak pendaftaran (Pasal 22(7))",
                "mulai": permohonan.tanggal_daftar,
                "akhir": permohonan.tenggat_awal,
                "dilewati": calendar.explain(permohonan.tanggal_daftar, permohonan.tenggat_awal),
            }
        )
    if permohonan.diperpanjang and permohonan.tenggat_awal and permohonan.tenggat:
        spans.append(
            {
                "judul": f"Perpanjangan {HK_PERPANJANGAN} hari kerja (Pasal 22(8))",
                "mulai": permohonan.tenggat_awal,
                "akhir": permohonan.tenggat,
                "dilewati": calendar.explain(permohonan.tenggat_awal, permohonan.tenggat),
            }
        )
    return spans
