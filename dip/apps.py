from django.apps import AppConfig


class DipConfig(AppConfig):
    name = "dip"
    verbose_name = "Daftar Informasi Publik"
