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
        terbit.register(Permohonan, terbitan)
        # Issue 25: verify_records replays each request's events through this table.
        from ppid_manual import rantai
        from registrasi.alur import ALUR

        rantai.daftarkan_tabel(Permohonan, lambda case: ALUR)

        from pemohon import kasus

        # The pemohon floor finds a pemohon's requests through this (it imports no process).
        kasus.register(
            kasus.JenisKasus(
                label="permohonan",
                for_user=lambda user: Permohonan.objects.for_user(user),
                open=lambda: Permohonan.objects.open(),
                semua=lambda: Permohonan.objects.all(),
                earlier=lambda user: Permohonan.objects.for_user(user).exclude(
                    status=Permohonan.Status.BARU
                ),
            )
        )

        from ppid_manual import penghubung
        from registrasi.models import usulan_dik

        # dip's DIK form starts from a request's Pasal 17 decision (dip does not read requests).
        penghubung.USULAN_DIK.fill(usulan_dik)
