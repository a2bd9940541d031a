from ppid_manual.workflow.pdf import PrintDocument


class PerhitunganTenggat(PrintDocument):
    """The deadline calculation with every skipped day, to staple to a file."""

    template_name = "ppid_manual/print/perhitungan_tenggat.html"
    title = "Perhitungan tenggat hari kerja"

    def filename(self) -> str:
        return f"tenggat-{self.kwargs['mulai']:%Y%m%d}-{self.kwargs['hari']}hk.pdf"


class LaporanLayananDokumen(PrintDocument):
    """Laporan Layanan Informasi Publik with its charts (SVG drawn on the server)."""

    template_name = "ppid_manual/print/laporan.html"
    title = "Laporan Layanan Informasi Publik"

    def filename(self) -> str:
        angka = self.kwargs["angka"]
        unit = angka.unit.kode.lower() if angka.unit else "provinsi"
        return f"laporan-layanan-{angka.periode}-{angka.tahun}-{unit}.pdf"
