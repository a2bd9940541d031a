from django.apps import AppConfig


class LayananConfig(AppConfig):
    """An app only so that its management commands (backup, restore, load_demo, contoh_dokumen,
    export_online, hapus_pindaian_lama) are found; it has no models."""

    name = "layanan"
    label = "layanan"
    verbose_name = "Layanan lintas proses"
