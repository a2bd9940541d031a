from django.apps import AppConfig


class RegistrasiConfig(AppConfig):
    name = "registrasi"
    verbose_name = "Permohonan informasi"

    def ready(self) -> None:
        from registrasi.alur import register_deadlines

        # The notice deadlines move when the holiday table changes (DESIGN.md section 4).
        register_deadlines()

        from ppid_manual.workflow import terbit
        from registrasi.documents import terbitan
        from registrasi.models import Permohonan

        # Issued letters are stored when issued (issue 15).
        terbit.daftarkan(Permohonan, terbitan)
