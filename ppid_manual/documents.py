from ppid_manual.workflow.pdf import PrintDocument


class PerhitunganTenggat(PrintDocument):
    """The deadline calculation with every skipped day, to staple to a file."""

    template_name = "ppid_manual/print/perhitungan_tenggat.html"
    title = "Perhitungan tenggat hari kerja"

    def filename(self) -> str:
        return f"tenggat-{self.kwargs['mulai']:%Y%m%d}-{self.kwargs['hari']}hk.pdf"
