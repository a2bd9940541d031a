from django.apps import AppConfig


class KeberatanConfig(AppConfig):
    name = "keberatan"
    verbose_name = "Keberatan"
