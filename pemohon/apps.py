from django.apps import AppConfig


class PemohonConfig(AppConfig):
    name = "pemohon"
    verbose_name = "Pemohon"
