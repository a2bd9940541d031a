from django.apps import AppConfig


class DipConfig(AppConfig):
    name = "dip"
    verbose_name = "Daftar Informasi Publik"

    def ready(self) -> None:
        from dip.alur import register_deadlines

        # The SOP targets of the DIP move when the holiday table changes.
        register_deadlines()
