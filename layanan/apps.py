from django.apps import AppConfig


class LayananConfig(AppConfig):
    """An app so that its management commands (backup, restore, load_demo, contoh_dokumen,
    export_online, hapus_pindaian_lama) and its deploy checks (layanan/checks.py: demo master
    data) are found; it has no models."""

    name = "layanan"
    label = "layanan"
    verbose_name = "Layanan lintas proses"

    def ready(self) -> None:
        from layanan import checks  # noqa: F401 - registers the deploy checks
