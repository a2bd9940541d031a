"""The Laporan Layanan Informasi Publik, printed (UU 14/2008 Pasal 7(3); Perki 1/2021)."""

from __future__ import annotations

from django.utils import timezone

from ppid_manual.workflow.pdf import PrintDocument


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
            context["pejabat"] = (
                Pejabat.signer_of_unit(angka.unit, day)
                if angka.unit is not None
                else Pejabat.signer(Pejabat.Peran.PPID, day)
            )
        except Pejabat.DoesNotExist:
            context["pejabat"] = None  # printed without a signer rather than not at all
        context["tanggal_surat"] = day
        context["tanggal_ttd"] = True
        return context

    def filename(self) -> str:
        angka = self.kwargs["angka"]
        unit = angka.unit.kode.lower() if angka.unit else "provinsi"
        return f"laporan-layanan-{angka.periode}-{angka.tahun}-{unit}.pdf"
