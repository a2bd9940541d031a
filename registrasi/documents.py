"""Every printed document of a permohonan: one small class each, with a template under
templates/registrasi/print/ that extends the one letter base (print/base_surat.html).

Letters are signed by the PPID official valid on the letter's date (Pejabat.signer), so an old
letter reprints with the signer of its day; a gap in the officials table raises
Pejabat.DoesNotExist with an Indonesian message, which the view shows instead of a letter.
"""

from __future__ import annotations

import datetime
import functools
import io
from typing import Any

import segno
from django.utils import timezone

from ppid_manual.format import banyaknya, rupiah, tanggal, terbilang
from ppid_manual.kode import kode_berkas
from ppid_manual.models import DasarHukum, Pejabat, Unit
from ppid_manual.workflow.calendar import today
from ppid_manual.workflow.pdf import DokumenRalat, PerLembar, PrintDocument, slug_nomor
from ppid_manual.workflow.ralat import ralat_of
from ppid_manual.workflow.tabel_pdf import KolomTabel, RegisterDocument
from registrasi.alur import (
    HK_KEBERATAN,
    HK_PEMBERITAHUAN,
    HK_PERPANJANGAN,
    TARGET_PENYERAHAN,
    TENGGAT_AWAL,
    TENGGAT_PERPANJANGAN,
)
from registrasi.models import Penyerahan, Permohonan, SuratPermintaan
from registrasi.register import (  # noqa: F401 - register_rows and REGISTER_COLUMNS re-exported
    DATE_COLUMNS,
    KOLOM,
    LEBAR_NO,
    REGISTER_COLUMNS,
    cells,
    register_rows,
)

# The XLSX's columns: the register's, and the amount paid as a number.
XLSX_COLUMNS = (*REGISTER_COLUMNS, "Jumlah biaya dibayar (Rp)")

K = Permohonan.Keputusan


@functools.lru_cache(maxsize=64)
def qr_data_uri(text: str) -> str:
    # A data: URI (no file, no network): one pixel per module, printed with
    # `image-rendering: pixelated` (crisp squares, the look of the vector code it replaced).
    # An SVG path was drawn again on each copy of the form, a tenth of the receipt's PDF
    # writing; the image is one object shared by both (issue 27). Kept for the few codes just
    # printed: a receipt's copy and its closing page are rendered from one context each.
    return segno.make(text, error="m").png_data_uri(scale=1, border=2)


def daftar_huruf(huruf: list[str]) -> str:
    """["a", "c", "d"] -> "huruf a, huruf c, dan huruf d" (a list in Indonesian)."""
    items = [f"huruf {h}" for h in huruf]
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


def penandatangan(unit: Unit | None, day: datetime.date) -> Pejabat:
    """The official who signs a letter issued by `unit` on `day`: the PPID for the PPID
    Utama; for an OPD (a PPID Pelaksana's direct answer) its own official."""
    if unit is None or unit.jenis == Unit.Jenis.PPID_UTAMA:
        return Pejabat.signer(Pejabat.Peran.PPID, day)
    return Pejabat.signer_of_unit(unit, day)


class PermohonanDocument(PrintDocument):
    """A document about one permohonan."""

    def __init__(self, permohonan: Permohonan, request=None, **kwargs: Any) -> None:
        super().__init__(request, **kwargs)
        self.permohonan = permohonan

    def kasus(self) -> Permohonan:
        return self.permohonan

    def get_context(self) -> dict[str, Any]:
        p = self.permohonan
        return {
            # The desk's own papers (formulir, receipts, kuitansi) carry the kop of the unit
            # whose desk serves the case; a letter's kop is its signer's (SuratPPID).
            "unit_penerbit": p.unit_pemberitahuan or p.unit_registrasi,
            "p": self.permohonan,
            "pemohon": self.permohonan.pemohon_kasus,
            "K": Permohonan.Keputusan,
            "hk_pemberitahuan": HK_PEMBERITAHUAN,
            "hk_perpanjangan": HK_PERPANJANGAN,
            "hk_keberatan": HK_KEBERATAN,
            "atasan_ppid": atasan_ppid(p.tanggal_pemberitahuan or p.tanggal_daftar),
            **super().get_context(),
        }


def atasan_ppid(day: datetime.date | None) -> str:
    """The jabatan of the Atasan PPID in office on `day` (the officials table), whom a
    keberatan goes to, without its capacity (older rows typed "… selaku Atasan PPID" into
    the jabatan); "" when the table names nobody (the letter then says "Atasan PPID" alone)."""
    try:
        found = Pejabat.signer(Pejabat.Peran.ATASAN_PPID, day or today())
    except Pejabat.DoesNotExist:
        return ""
    return found.jabatan.split(" selaku ")[0]


class SuratPPID(PermohonanDocument):
    """A letter signed by the PPID on its date."""

    perihal = ""

    def tanggal_surat(self) -> datetime.date:
        raise NotImplementedError

    def nomor_surat(self) -> str:
        raise NotImplementedError

    def unit_surat(self) -> Unit | None:
        """The issuing unit (its kop and signer); the PPID Utama unless said otherwise."""
        return None

    def nomor_terbit(self) -> str:
        return self.nomor_surat()

    def tanggal_terbit(self) -> datetime.date:
        return self.tanggal_surat()

    def get_context(self) -> dict[str, Any]:
        day = self.tanggal_surat()
        pemohon = self.permohonan.pemohon_kasus
        return {
            **super().get_context(),
            "unit_penerbit": None,  # the signer's unit
            "tanggal_surat": day,
            "nomor_surat": self.nomor_surat(),
            "perihal": self.perihal,
            "pejabat": penandatangan(self.unit_surat(), day),
            "yth_di": pemohon.alamat,
            "cara_pembayaran": (
                self.permohonan.get_cara_pembayaran_display()
                or Permohonan.CaraPembayaran.TUNAI.label
            ),
        }


class FormulirPermohonan(PerLembar, PermohonanDocument):
    """The filled Formulir Permohonan Informasi Publik in two copies: the desk's and the
    pemohon's (the receipt: UU 14/2008 Pasal 22(4)), then the page "Hak-hak Pemohon"."""

    template_name = "registrasi/print/formulir.html"
    title = "Formulir Permohonan Informasi Publik"
    jenis_terbit = "formulir"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "alamat",
        "pekerjaan",
        "telepon",
        "email",
        "rincian_informasi",
        "tujuan_penggunaan",
    )
    salinan = ("Lembar 1: arsip petugas", "Lembar 2: untuk pemohon (tanda bukti)")
    halaman_penutup = True  # the pemohon's rights, on the pemohon's copy

    def nomor_terbit(self) -> str:
        return self.permohonan.nomor_pendaftaran

    def tanggal_terbit(self) -> datetime.date:
        return self.permohonan.tanggal_daftar

    def filename(self) -> str:
        return f"formulir-{slug_nomor(self.permohonan.nomor_pendaftaran)}.pdf"

    def get_context(self) -> dict[str, Any]:
        # Deliver 7: no intranet address on the pemohon's copy; the number and a check code
        # that the desk scans into the search box (ppid_manual/kode.py).
        kode = kode_berkas(self.permohonan.nomor_pendaftaran or "")
        p = self.permohonan
        # The receipt's deadline sentence from the deadline's own definition (its length, day
        # 0 and legal basis); the days skipped are not printed, so no calendar is read.
        pemberitahuan = TENGGAT_AWAL.explain(p, days_off={}) if p.tenggat_awal else None
        perpanjangan = TENGGAT_PERPANJANGAN.explain(p, days_off={}) if p.diperpanjang else None
        return {
            **super().get_context(),
            "pemberitahuan": pemberitahuan,
            "perpanjangan": perpanjangan,
            "salinan": list(self.salinan),
            "penutup": True,
            "kode_berkas": kode,
            "qr": qr_data_uri(kode),
        }


class CatatanPengembalian(PermohonanDocument):
    """The note handed back with an incomplete file: what is missing. No number, no clock."""

    template_name = "registrasi/print/pengembalian.html"
    title = "Catatan Pengembalian Berkas Permohonan"
    jenis_terbit = "pengembalian"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "rincian_informasi",
    )

    def tanggal_terbit(self) -> datetime.date:
        return timezone.localdate(self.permohonan.dibuat)

    def filename(self) -> str:
        return f"pengembalian-berkas-{self.permohonan.pk}.pdf"


class SuratPermintaanDokumen(SuratPPID):
    """The PPID's letter asking the OPD for the information (SOP step 3)."""

    template_name = "registrasi/print/surat_permintaan.html"
    title = "Surat Permintaan Informasi kepada PPID Pelaksana"
    perihal = "Permintaan informasi publik"
    jenis_terbit = "surat-permintaan"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "rincian_informasi",
        "tujuan_penggunaan",
    )

    def __init__(self, permohonan: Permohonan, request=None, *, surat: SuratPermintaan) -> None:
        super().__init__(permohonan, request)
        self.surat = surat

    def tanggal_surat(self) -> datetime.date:
        return self.surat.tanggal

    def nomor_surat(self) -> str:
        return self.surat.nomor

    def filename(self) -> str:
        return f"surat-permintaan-{slug_nomor(self.surat.nomor)}.pdf"

    def get_context(self) -> dict[str, Any]:
        return {
            **super().get_context(),
            "surat": self.surat,
            "yth_pelaksana": yth_pelaksana(self.surat.unit, self.surat.tanggal),
        }


def yth_pelaksana(unit: Unit, day: datetime.date) -> str:
    """The addressee of a letter to an OPD's PPID Pelaksana, from the officials table: the
    jabatan of the official who is its PPID Pelaksana on the letter's date, with the capacity
    ("Sekretaris Dinas Kesehatan Provinsi Bali selaku PPID Pelaksana"); the OPD's head when
    the table names no PPID Pelaksana."""
    pejabat = (
        Pejabat.objects.valid_on(day)
        .filter(unit=unit, peran__in=[Pejabat.Peran.PPID_PELAKSANA, Pejabat.Peran.KEPALA_OPD])
        .order_by("-berlaku_dari")
    )
    pelaksana = [x for x in pejabat if x.peran == Pejabat.Peran.PPID_PELAKSANA]
    if pelaksana:
        found = pelaksana[0]
        return found.jabatan_ttd if found.selaku else f"{found.jabatan} selaku PPID Pelaksana"
    kepala = next(iter(pejabat), None)
    jabatan = kepala.jabatan if kepala is not None else f"Kepala {unit.nama}"
    return f"{jabatan} selaku PPID Pelaksana"


class Pemberitahuan(SuratPPID):
    """The pemberitahuan tertulis (UU 14/2008 Pasal 22(7); Perki 1/2021) for each outcome."""

    template_name = "registrasi/print/pemberitahuan.html"
    title = "Pemberitahuan Tertulis"
    jenis_terbit = "pemberitahuan"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "alamat",
        "telepon",
        "email",
        "rincian_informasi",
        "tujuan_penggunaan",
        "uraian_informasi",
        "bagian_dihitamkan",
    )
    perihal = "Pemberitahuan tertulis atas permohonan informasi publik"

    def tanggal_surat(self) -> datetime.date:
        return self.permohonan.tanggal_pemberitahuan

    def nomor_surat(self) -> str:
        return self.permohonan.nomor_pemberitahuan

    def unit_surat(self) -> Unit | None:
        return self.permohonan.unit_pemberitahuan

    def filename(self) -> str:
        return f"pemberitahuan-{slug_nomor(self.permohonan.nomor_pemberitahuan)}.pdf"

    def get_context(self) -> dict[str, Any]:
        p = self.permohonan
        return {
            **super().get_context(),
            "huruf_pasal22": daftar_huruf(p.pasal22_huruf),
            # The SK penolakan goes with the notice of a refusal (Perki 1/2021).
            "lampiran": "1 (satu) berkas" if p.keputusan == K.DITOLAK else "-",
        }


class PemberitahuanPerpanjangan(SuratPPID):
    """The notice of the one extension, with its reasons (UU 14/2008 Pasal 22(8))."""

    template_name = "registrasi/print/perpanjangan.html"
    title = "Pemberitahuan Perpanjangan Jangka Waktu"
    jenis_terbit = "perpanjangan"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "alamat",
        "rincian_informasi",
        "tujuan_penggunaan",
    )
    perihal = "Perpanjangan jangka waktu pemberitahuan tertulis"

    def tanggal_surat(self) -> datetime.date:
        return self.permohonan.tanggal_perpanjangan

    def nomor_surat(self) -> str:
        return self.permohonan.nomor_perpanjangan

    def filename(self) -> str:
        return f"perpanjangan-{slug_nomor(self.permohonan.nomor_perpanjangan)}.pdf"


class SkPenolakan(SuratPPID):
    """The SK PPID tentang penolakan permohonan informasi (UU 14/2008 Pasal 17, 22(7)(d) and
    Pasal 2(4)), with the right to object within 30 working days (Pasal 35–36)."""

    template_name = "registrasi/print/sk_penolakan.html"
    title = "Keputusan PPID tentang Penolakan Permohonan Informasi"
    jenis_terbit = "sk-penolakan"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "alamat",
        "telepon",
        "email",
        "rincian_informasi",
    )

    def tanggal_surat(self) -> datetime.date:
        return self.permohonan.tanggal_pemberitahuan

    def nomor_surat(self) -> str:
        return self.permohonan.nomor_sk_penolakan

    def unit_surat(self) -> Unit | None:
        return self.permohonan.unit_pemberitahuan

    def get_context(self) -> dict[str, Any]:
        context = super().get_context()
        return {
            **context,
            "ditetapkan": True,
            # From master data (ppid_manual.DasarHukum), as of the decree's date.
            "mengingat": DasarHukum.mengingat(
                DasarHukum.Keputusan.SK_PENOLAKAN, context["tanggal_surat"]
            ),
            "salinan": salinan_sk_penolakan(self.permohonan, context["tanggal_surat"]),
        }

    def filename(self) -> str:
        return f"sk-penolakan-{slug_nomor(self.permohonan.nomor_sk_penolakan)}.pdf"


def salinan_sk_penolakan(p: Permohonan, day: datetime.date) -> list[str]:
    """Who receives a copy of the SK penolakan and of the keputusan that amends it ("Salinan
    Keputusan ini disampaikan kepada Yth.", LETTERS.md): the Atasan PPID, to whom the
    keberatan goes (the officials table of the decree's date), the PPID Pelaksana of each OPD
    asked for the information, and the pemohon."""
    try:
        atasan = Pejabat.signer(Pejabat.Peran.ATASAN_PPID, day).jabatan_ttd
    except Pejabat.DoesNotExist:
        atasan = "Atasan PPID Pemerintah Provinsi Bali"
    opd = sorted({s.unit.nama for s in p.surat_permintaan.select_related("unit") if s.nomor})
    return [
        atasan,
        *(f"PPID Pelaksana {nama}" for nama in opd),
        f"Pemohon informasi publik ({p.pemohon_kasus.nama})",
    ]


def beda_dari_perkiraan(p: Permohonan, penyerahan: Penyerahan) -> list[str]:
    """Why a handover charges another amount than the notice's estimate (Pasal 22(7) huruf g
    gave the pemohon a perkiraan): each figure that differs, as the estimate and as charged.
    Empty when the notice estimated nothing or the amounts agree."""
    if not p.perkiraan_biaya_total or penyerahan.total == p.perkiraan_biaya_total:
        return []
    alasan = []
    satuan = (
        (penyerahan.tarif or p.perkiraan_tarif).satuan
        if (penyerahan.tarif or p.perkiraan_tarif)
        else "lembar"
    )
    if penyerahan.jumlah_halaman != (p.perkiraan_halaman or 0):
        alasan.append(
            f"banyaknya salinan yang diserahkan {banyaknya(penyerahan.jumlah_halaman, satuan)}, "
            f"diperkirakan {banyaknya(p.perkiraan_halaman or 0, satuan)}"
        )
    harga_perkiraan = p.perkiraan_tarif.harga if p.perkiraan_tarif else 0
    if (penyerahan.harga_satuan or 0) != harga_perkiraan:
        alasan.append(
            f"harga satuan {rupiah(penyerahan.harga_satuan or 0)}, "
            f"diperkirakan {rupiah(harga_perkiraan)}"
        )
    if (penyerahan.biaya_pengiriman or 0) != (p.perkiraan_biaya_kirim or 0):
        alasan.append(
            f"biaya pengiriman {rupiah(penyerahan.biaya_pengiriman or 0)}, "
            f"diperkirakan {rupiah(p.perkiraan_biaya_kirim or 0)}"
        )
    if p.biaya_ditetapkan is not None:
        alasan.append(
            f"biaya ditetapkan Atasan PPID atas keberatan sebesar {rupiah(p.biaya_ditetapkan)}"
        )
    return alasan


class TandaTerimaPenyerahan(PermohonanDocument):
    """The receipt of the information handed over, with the fee breakdown (SOP step 5),
    signed by the desk officer and the recipient."""

    template_name = "registrasi/print/tanda_terima.html"
    title = "Tanda Terima Penyerahan Informasi Publik"
    jenis_terbit = "tanda-terima"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = (
        "nama",
        "uraian_informasi",
    )

    def nomor_terbit(self) -> str:
        return self.penyerahan.nomor

    def tanggal_terbit(self) -> datetime.date:
        return self.penyerahan.tanggal

    def __init__(self, permohonan: Permohonan, request=None, *, penyerahan: Penyerahan) -> None:
        super().__init__(permohonan, request)
        self.penyerahan = penyerahan

    def filename(self) -> str:
        return f"tanda-terima-{slug_nomor(self.penyerahan.nomor)}.pdf"

    def get_context(self) -> dict[str, Any]:
        return {
            **super().get_context(),
            "penyerahan": self.penyerahan,
            "beda_perkiraan": beda_dari_perkiraan(self.permohonan, self.penyerahan),
            "petugas": self.penyerahan.petugas,
        }


class Kuitansi(PermohonanDocument):
    """The numbered kuitansi of a paid handover (UU 14/2008 Pasal 21; Pasal 22(7) huruf g):
    the amount in figures and words, what it pays for, how it was paid, signed by the desk
    officer who received it."""

    template_name = "registrasi/print/kuitansi.html"
    title = "Kuitansi Pembayaran Biaya Salinan Informasi Publik"
    jenis_terbit = "kuitansi"
    # The facts of the case this letter prints (a ralat of it offers only these).
    fakta_tercetak = ("nama",)

    def nomor_terbit(self) -> str:
        return self.penyerahan.nomor_kuitansi or ""

    def tanggal_terbit(self) -> datetime.date:
        return self.penyerahan.tanggal

    def __init__(self, permohonan: Permohonan, request=None, *, penyerahan: Penyerahan) -> None:
        super().__init__(permohonan, request)
        self.penyerahan = penyerahan

    def filename(self) -> str:
        return f"kuitansi-{slug_nomor(self.penyerahan.nomor_kuitansi)}.pdf"

    def get_context(self) -> dict[str, Any]:
        return {
            **super().get_context(),
            "penyerahan": self.penyerahan,
            "terbilang_total": terbilang(int(self.penyerahan.total)).capitalize(),
            "petugas": self.penyerahan.petugas,
        }


class RalatSurat(DokumenRalat, SuratPPID):
    """A ralat (issue 15): the new numbered letter that corrects an issued one, naming it,
    why, and each fact as written and as it should read; signed by the PPID. The SK
    penolakan's is a keputusan (Tata Naskah Dinas: "tentang Perubahan atas Keputusan …"),
    numbered in the SK's series (registrasi.actions.RALAT)."""

    perubahan = {
        SkPenolakan.jenis_terbit: (
            "registrasi/print/sk_penolakan_perubahan.html",
            "Keputusan PPID tentang Perubahan atas Keputusan Penolakan",
            "sk-penolakan-perubahan",
        )
    }

    @property
    def perihal(self) -> str:  # type: ignore[override]
        d = self.ralat.dokumen
        return f"Ralat {d.judul} Nomor {d.nomor}".strip()

    def tanggal_surat(self) -> datetime.date:
        return self.ralat.tanggal

    def nomor_surat(self) -> str:
        return self.ralat.nomor

    def get_context(self) -> dict[str, Any]:
        p = self.permohonan
        return {
            **super().get_context(),
            "ralat": self.ralat,
            "diralat": self.ralat.dokumen,
            "perkara": f"permohonan informasi publik nomor pendaftaran {p.nomor_pendaftaran}",
            "yth_nama": p.pemohon_kasus.nama,
            **(self._perubahan() if self.is_perubahan else {}),
        }

    def _perubahan(self) -> dict[str, Any]:
        """The keputusan amending the SK penolakan: set where it is dated, on the SK's
        Mengingat with the SK itself last, closing with the SK's salinan list."""
        return {
            "ditetapkan": True,
            "mengingat": DasarHukum.mengingat(
                DasarHukum.Keputusan.SK_PENOLAKAN, self.ralat.tanggal
            ),
            "salinan": salinan_sk_penolakan(self.permohonan, self.ralat.tanggal),
        }


def terbitan(p: Permohonan) -> list[PermohonanDocument]:
    """Every numbered document the permohonan has been issued so far (stored at issue by the
    engine: ppid_manual/workflow/terbit.py). The catatan pengembalian has no number but is
    handed to the pemohon, so it is kept as handed over too."""
    docs: list[PermohonanDocument] = []
    if p.nomor_pendaftaran:
        docs.append(FormulirPermohonan(p))
    if p.status == Permohonan.Status.DIKEMBALIKAN:
        docs.append(CatatanPengembalian(p))
    docs += [
        SuratPermintaanDokumen(p, surat=s) for s in p.surat_permintaan.order_by("pk") if s.nomor
    ]
    if p.nomor_perpanjangan:
        docs.append(PemberitahuanPerpanjangan(p))
    if p.nomor_pemberitahuan:
        docs.append(Pemberitahuan(p))
    if p.nomor_sk_penolakan:
        docs.append(SkPenolakan(p))
    for penyerahan in p.penyerahan.select_related("tarif").order_by("pk"):
        docs.append(TandaTerimaPenyerahan(p, penyerahan=penyerahan))
        if penyerahan.nomor_kuitansi:
            docs.append(Kuitansi(p, penyerahan=penyerahan))
    docs += [RalatSurat(p, ralat=r) for r in ralat_of(p)]
    return docs


# --- The Register Permohonan (Perki 1/2021: register columns) -----------------------------
# What each column holds: registrasi/register.py, one function per column.


class RegisterPermohonan(RegisterDocument):
    """The Register Permohonan for a period, landscape, drawn with ReportLab
    (ppid_manual/workflow/tabel_pdf.py says why)."""

    title = "Register Permohonan Informasi Publik"
    jenis_nama = "permohonan"
    kolom = (
        KolomTabel("No.", LEBAR_NO, rata="kanan"),
        *(KolomTabel(k.judul, k.lebar, k.rata, k.utuh, k.miring, k.min_teks) for k in KOLOM),
    )

    def __init__(self, rows, dari, sampai, request=None, *, batal=()) -> None:
        super().__init__(rows, dari, sampai, request)
        # The void registration numbers of the period (nomor_batal), closing the register.
        self.batal = list(batal)

    def filename(self) -> str:
        return f"register-permohonan-{self.dari:%Y%m%d}-{self.sampai:%Y%m%d}.pdf"

    def cells(self, row: dict[str, Any]) -> list[str]:
        return cells(row)

    def penutup(self) -> str:
        if not self.rows:
            teks = "Tidak ada permohonan terdaftar pada periode ini."
        else:
            teks = f"Jumlah permohonan: {len(self.rows)}."
        if self.batal:
            teks += " Nomor pendaftaran batal (tidak dipakai, tidak digunakan ulang): " + "; ".join(
                f"{n.nomor} ({n.alasan_batal})" for n in self.batal
            )
        return teks


def nomor_batal(dari, sampai) -> list:
    """The registration numbers taken in the period whose registration did not complete
    (workflow/numbering.py): listed with the register, each with its reason."""
    from ppid_manual.models import FormatNomor
    from ppid_manual.workflow import numbering

    return numbering.batal(FormatNomor.Jenis.PERMOHONAN, dari, sampai)


def register_xlsx(rows: list[dict[str, Any]], dari, sampai) -> bytes:
    """The same register as an XLSX workbook (for the softcopy archive): the printed columns,
    dates as dates (the notice's and the handover's with their day name), and the amount paid
    as a number in a last column for sums.

    Written with XlsxWriter in constant-memory mode: rows stream to the file as they are
    written. A year's register (ten thousand rows, 170,000 cells) took 5-7 s with openpyxl,
    whose per-cell objects dominate; see tests/bench/RESULTS.md."""
    import xlsxwriter

    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": True})
    ws = wb.add_worksheet("Register permohonan")
    widths = (5, *(k.lebar_xlsx for k in KOLOM), 14)
    for i, width in enumerate(widths):
        ws.set_column(i, i, width)
    ws.freeze_panes(3, 0)
    header = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    text = wb.add_format({"text_wrap": True, "valign": "top"})
    date = wb.add_format({"num_format": "DD-MM-YYYY", "valign": "top"})
    # [$-421]: Indonesian, so the day prints as "Senin" in Excel and LibreOffice.
    day = wb.add_format({"num_format": "[$-421]dddd, d mmmm yyyy", "valign": "top"})
    rupiah = wb.add_format({"num_format": '"Rp" #,##0', "valign": "top"})

    ws.write_string(
        0, 0, f"Register Permohonan Informasi Publik {tanggal(dari)} s.d. {tanggal(sampai)}"
    )
    for col, label in enumerate(XLSX_COLUMNS):
        ws.write_string(2, col, label, header)
    for row, r in enumerate(rows, start=3):
        ws.write_number(row, 0, r["no"])
        for col, k in enumerate(KOLOM, start=1):
            value = r[k.kunci]
            if k.kunci in DATE_COLUMNS:
                _write_date(ws, row, col, value, date if k.kunci == "tanggal" else day)
            else:
                ws.write_string(row, col, value or "", text)
        ws.write_number(row, len(KOLOM) + 1, int(r["biaya_jumlah"]), rupiah)
    wb.close()
    return out.getvalue()


def _write_date(ws, row: int, col: int, value, fmt) -> None:
    if value:
        ws.write_datetime(row, col, datetime.datetime.combine(value, datetime.time()), fmt)
    else:
        ws.write_blank(row, col, None, fmt)


def explain_deadline(permohonan: Permohonan) -> list[dict[str, Any]]:
    """The deadline's explanation: each counted span and the days skipped in it, and why
    (each span is its DeadlineSpec's explain(), registrasi/alur.py)."""
    spans = []
    shown = (
        (TENGGAT_AWAL, permohonan.tenggat_awal is not None),
        (TENGGAT_PERPANJANGAN, permohonan.diperpanjang),
        (TARGET_PENYERAHAN, permohonan.target_penyerahan is not None),
    )
    for spec, applies in shown:
        if applies and getattr(permohonan, spec.start) is not None:
            e = spec.explain(permohonan)
            spans.append(
                {
                    "judul": e.judul,
                    "sejak": e.sejak,
                    "mulai": e.mulai,
                    "akhir": e.tenggat,
                    "dilewati": e.dilewati,
                }
            )
    return spans


def fakta_tercetak(jenis: str) -> tuple[str, ...] | None:
    """The facts a stored letter of this kind prints (its class's `fakta_tercetak`): what a
    ralat of it may correct (registrasi.actions.RALAT)."""
    for cls in _subclasses(PermohonanDocument):
        if getattr(cls, "jenis_terbit", None) == jenis and hasattr(cls, "fakta_tercetak"):
            return cls.fakta_tercetak
    return None


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)
