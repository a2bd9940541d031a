from django.apps import AppConfig


class PpidManualConfig(AppConfig):
    name = "ppid_manual"
    verbose_name = "Data induk PPID"
