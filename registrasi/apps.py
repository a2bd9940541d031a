from django.apps import AppConfig


class RegistrasiConfig(AppConfig):
    name = "registrasi"
    verbose_name = "Permohonan informasi"
