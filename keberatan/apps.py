from django.apps import AppConfig


class KeberatanConfig(AppConfig):
    name = "keberatan"
    verbose_name = "Keberatan"

    def ready(self) -> None:
        from keberatan.alur import register_deadlines

        # Calendar changes move the stored deadlines of open keberatan (DESIGN.md section 4).
        register_deadlines()

        from keberatan.documents import terbitan
        from keberatan.models import Keberatan
        from ppid_manual.workflow import terbit

        # Issued letters are stored when issued (issue 15).
        terbit.register(Keberatan, terbitan)
        # Issue 25: verify_records replays each keberatan's events through this table.
        from keberatan.alur import ALUR
        from ppid_manual import rantai

        rantai.daftarkan_tabel(Keberatan, lambda case: ALUR)

        from pemohon import kasus

        # The pemohon floor finds a pemohon's keberatan through this (it imports no process).
        kasus.register(
            kasus.JenisKasus(
                label="keberatan",
                for_user=lambda user: Keberatan.objects.for_user(user),
                open=lambda: Keberatan.objects.open(),
                semua=lambda: Keberatan.objects.all(),
                earlier=lambda user: Keberatan.objects.for_user(user),
            )
        )

        from keberatan.models import putusan_per_permohonan
        from ppid_manual import penghubung

        # A request reads the answer that reopened it (registrasi imports no keberatan).
        penghubung.PUTUSAN_KEBERATAN.fill(putusan_per_permohonan)
