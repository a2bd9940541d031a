from django.apps import AppConfig


class PpidManualConfig(AppConfig):
    name = "ppid_manual"
    verbose_name = "Data induk PPID"

    def ready(self) -> None:
        from ppid_manual import signals  # noqa: F401  (calendar changes move open deadlines)
