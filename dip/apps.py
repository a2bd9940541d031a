from django.apps import AppConfig


class DipConfig(AppConfig):
    name = "dip"
    verbose_name = "Daftar Informasi Publik"

    def ready(self) -> None:
        from dip.alur import register_deadlines

        # The SOP targets of the DIP move when the holiday table changes.
        register_deadlines()

        from dip.documents import terbitan, terbitan_penetapan
        from dip.models import DipEdisi, PenetapanDik
        from ppid_manual.workflow import terbit

        # The SK DIP (with its lampiran) and the surat pengantar are stored when issued; so
        # is the PPID's keputusan adopting the DIK.
        terbit.register(DipEdisi, terbitan)
        terbit.register(PenetapanDik, terbitan_penetapan)
        # Issue 25: verify_records replays each edition's events through its table.
        from dip.alur import alur_edisi
        from ppid_manual import rantai

        rantai.daftarkan_tabel(DipEdisi, alur_edisi)

        from dip.models import InformasiDikecualikan
        from ppid_manual import penghubung

        # A decision on Pasal 17 shows the DIK entries it matches (registrasi asks).
        penghubung.DIK_COCOK.fill(
            lambda unit_id, pasal17: list(InformasiDikecualikan.objects.cocok(unit_id, pasal17))
        )
