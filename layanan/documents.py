"""The Laporan Layanan Informasi Publik, printed (UU 14/2008 Pasal 7(3); Perki 1/2021)."""

from __future__ import annotations

from django.utils import timezone

from ppid_manual.workflow.numbering import KONSEP_NOMOR
from ppid_manual.workflow.pdf import PrintDocument


def penandatangan_laporan(unit, day):
    """Who signs the report and its surat pengantar on `day`: the PPID for the province, an
    OPD's PPID Pelaksana (else its head) for its own report. Raises Pejabat.DoesNotExist."""
    from ppid_manual.models import Pejabat

    if unit is not None:
        return Pejabat.signer_of_unit(unit, day)
    return Pejabat.signer(Pejabat.Peran.PPID, day)


class LaporanLayananDokumen(PrintDocument):
    """Laporan Layanan Informasi Publik with its charts (SVG drawn on the server)."""

    template_name = "ppid_manual/print/laporan.html"
    title = "Laporan Layanan Informasi Publik"

    def get_context(self):
        """Signed by the PPID (or, for one OPD, its PPID Pelaksana) in office today. The report
        carries no addressee, number or tembusan: it goes to the Atasan PPID, copied to the
        Komisi Informasi Provinsi Bali, under its numbered surat pengantar
        (LaporanPengantarDokumen)."""
        from ppid_manual.models import Pejabat

        context = super().get_context()
        angka = context["angka"]
        day = timezone.localdate()
        try:
            context["pejabat"] = penandatangan_laporan(angka.unit, day)
        except Pejabat.DoesNotExist:
            context["pejabat"] = None  # printed without a signer rather than not at all
        context["tanggal_surat"] = day
        context["tanggal_ttd"] = True
        return context

    def filename(self) -> str:
        return self.kwargs["angka"].nama_berkas("pdf")


class LaporanPengantarDokumen(PrintDocument):
    """The surat pengantar of the Laporan: a numbered surat dinas to the Atasan PPID, signed by
    the report's signer, copied to the Komisi Informasi Provinsi Bali (and, for an OPD's
    report, to the PPID). Before it is issued, a KONSEP with no number."""

    template_name = "ppid_manual/print/laporan_pengantar.html"
    title = "Surat Pengantar Laporan Layanan Informasi Publik"
    jenis_terbit = "pengantar_laporan"

    def __init__(self, request=None, **kwargs):
        super().__init__(request, **kwargs)
        self.konsep = not kwargs["narasi"].nomor_pengantar

    def kasus(self):
        return self.kwargs["narasi"]

    def nomor_terbit(self) -> str:
        return self.kwargs["narasi"].nomor_pengantar or ""

    def tanggal_terbit(self):
        return self.kwargs["narasi"].tanggal_pengantar

    def get_context(self):
        from ppid_manual.models import Pejabat

        context = super().get_context()
        narasi, angka = context["narasi"], context["angka"]
        day = narasi.tanggal_pengantar or timezone.localdate()
        context["pejabat"] = narasi.penandatangan_pengantar or penandatangan_laporan(
            narasi.unit, day
        )
        context["tanggal_surat"] = day
        context["nomor_surat"] = narasi.nomor_pengantar or KONSEP_NOMOR
        context["lampiran"] = "1 (satu) berkas"
        context["perihal"] = f"Penyampaian Laporan Layanan Informasi Publik {angka.periode_label}"
        # Raises Pejabat.DoesNotExist when no Atasan PPID is recorded for the day: a letter
        # is never addressed to nobody.
        context["yth_nama"] = Pejabat.signer(Pejabat.Peran.ATASAN_PPID, day).jabatan_ttd
        context["yth_baris"] = []
        context["tembusan"] = ["Komisi Informasi Provinsi Bali"]
        if angka.unit is not None:
            context["tembusan"].insert(0, Pejabat.signer(Pejabat.Peran.PPID, day).jabatan_ttd)
        return context

    def filename(self) -> str:
        angka = self.kwargs["angka"]
        unit = angka.unit.kode.lower() if angka.unit else "provinsi"
        return f"pengantar-laporan-{angka.periode}-{angka.tahun}-{unit}.pdf"
