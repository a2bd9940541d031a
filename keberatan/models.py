"""Keberatan: an objection to the Atasan PPID (UU 14/2008 Pasal 35–37).

The step order lives in keberatan/alur.py and only the workflow engine assigns `status`; writes
go through keberatan/actions.py. Every deadline is counted by the calendar engine when its clock
starts and stored here:

- the 30-hk filing window from the day the ground arose (Pasal 36(1));
- the 30-hk response deadline of the Atasan PPID from the day the written keberatan was
  received (Pasal 36(2)): the first hand-in of a form the desk kept, complete or not;
- the SOP's internal targets per step (registration 1, examination 5, draft 2, answer 1 hk);
- the 14-hk window to file a sengketa with the Komisi Informasi (Pasal 37(2)).
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from pemohon.models import IdentitasKasus, Pemohon, indeks_identitas_kasus, mask_nik
from ppid_manual import hukum
from ppid_manual.models import Pejabat, Unit
from ppid_manual.roles import Role
from ppid_manual.workflow import deadlines
from ppid_manual.workflow.penyampaian import Cara
from registrasi.models import Permohonan


def berkas_path(instance: Keberatan, filename: str) -> str:
    # A random name: the file name the pemohon's scanner chose may contain their name or NIK.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    today = timezone.localdate()
    return f"keberatan/{today:%Y/%m}/{uuid.uuid4().hex}.{ext}"


class KeberatanQuerySet(models.QuerySet):
    def for_user(self, user) -> KeberatanQuerySet:
        """What this user may see. PPID, Atasan PPID and Admin see every keberatan. A PPID
        Pelaksana sees those about its own OPD's requests, or disposed to its OPD. A petugas of
        the PPID Utama desk sees all; a petugas at an OPD desk those registered there."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser or user.has_role(Role.PPID, Role.ATASAN, Role.ADMIN):
            return self
        cond = Q(pk__in=[])
        if user.unit_id is not None:
            if user.has_role(Role.PELAKSANA):
                cond |= (
                    Q(permohonan__unit_tujuan_id=user.unit_id)
                    | Q(permohonan__unit_registrasi_id=user.unit_id)
                    | Q(unit_disposisi_id=user.unit_id)
                )
            if user.has_role(Role.PETUGAS):
                if user.unit.jenis == Unit.Jenis.PPID_UTAMA:
                    return self
                cond |= Q(unit_registrasi_id=user.unit_id)
        return self.filter(cond)

    def registered(self) -> KeberatanQuerySet:
        return self.exclude(status=Keberatan.Status.BARU)

    def open(self) -> KeberatanQuerySet:
        """Still needs something from the desk, the PPID or the Atasan PPID."""
        return self.filter(status__in=Keberatan.TERBUKA)

    def closed(self) -> KeberatanQuerySet:
        return self.filter(status__in=[Keberatan.Status.SELESAI, *Keberatan.SENGKETA_STATUS])

    def overdue(self, today: datetime.date) -> KeberatanQuerySet:
        return self.open().filter(tenggat_terdekat__lt=today)

    def near_due(self, today: datetime.date) -> KeberatanQuerySet:
        return self.open().filter(
            tenggat_terdekat__gte=today, tenggat_terdekat__lt=deadlines.near_due_limit(today)
        )

    def masuk_terlambat(self) -> KeberatanQuerySet:
        """Taken in past the SOP's first two targets (keberatan.alur): the complete form more
        than 1 hk after it was first handed in, or registered more than 1 hk after it."""
        return self.filter(
            Q(tanggal_diterima__gt=F("target_kelengkapan"))
            | Q(tanggal_registrasi__gt=F("target_registrasi"))
        )

    def periode(self, dari: datetime.date, sampai: datetime.date) -> KeberatanQuerySet:
        """The registered keberatan received in writing in the period, `diterima` annotated:
        day 0 of Pasal 36(2), the first hand-in of a form the desk kept, else the complete
        form's receipt. The one period of a keberatan, for the Register Keberatan and the
        Laporan alike."""
        return (
            self.registered()
            .annotate(diterima=Coalesce("mulai_tanggapan", "tanggal_diterima"))
            .filter(diterima__range=(dari, sampai))
        )


class Keberatan(IdentitasKasus):
    """One objection (Formulir Keberatan, Perki 1/2021) and its handling by the Atasan PPID."""

    class Status(models.TextChoices):
        BARU = "baru", "Baru (belum terdaftar)"
        TERDAFTAR = "terdaftar", "Terdaftar, menunggu pemeriksaan Atasan PPID"
        DIDISPOSISI = "didisposisi", "Didisposisi, draf tanggapan disusun"
        DRAF_DIAJUKAN = "draf_diajukan", "Draf tanggapan diajukan ke Atasan PPID"
        DRAF_DIKEMBALIKAN = "draf_dikembalikan", "Draf dikembalikan untuk perbaikan"
        DRAF_DISETUJUI = "draf_disetujui", "Draf disetujui, menunggu tanggapan Atasan PPID"
        DITANGGAPI = "ditanggapi", "Ditanggapi Atasan PPID, menunggu sikap pemohon"
        SELESAI = "selesai", "Selesai (pemohon menerima tanggapan)"
        SENGKETA = "sengketa", "Sengketa di Komisi Informasi"
        # The sengketa to its end (Perki 1/2013): each outcome the Komisi Informasi or a court
        # gives is a state (keberatan.actions.record_hasil_sengketa keeps their order).
        KI_MEDIASI_BERHASIL = "ki_mediasi_berhasil", "Sengketa selesai: mediasi berhasil"
        KI_MEDIASI_GAGAL = "ki_mediasi_gagal", "Sengketa: mediasi gagal, menunggu ajudikasi"
        KI_DIKABULKAN = "ki_dikabulkan", "Sengketa diputus: dikabulkan seluruhnya"
        KI_SEBAGIAN = "ki_sebagian", "Sengketa diputus: dikabulkan sebagian"
        KI_DITOLAK = "ki_ditolak", "Sengketa diputus: ditolak"
        KI_PTUN = "ki_ptun", "Sengketa: keberatan ke PTUN atas putusan Komisi Informasi"
        KI_KASASI = "ki_kasasi", "Sengketa: kasasi ke Mahkamah Agung"
        KI_DICABUT = "ki_dicabut", "Sengketa dicabut pemohon"
        # The courts' rulings (UU 14/2008 Pasal 47–50; Perki 1/2021 asks the Laporan for them):
        # the PTUN on the objection to the Komisi Informasi's decision, then the Mahkamah Agung.
        KI_PTUN_MENGUATKAN = (
            "ki_ptun_menguatkan",
            "Sengketa: PTUN menguatkan putusan Komisi Informasi",
        )
        KI_PTUN_MEMBATALKAN = (
            "ki_ptun_membatalkan",
            "Sengketa: PTUN membatalkan putusan Komisi Informasi",
        )
        KI_MA_DITOLAK = "ki_ma_ditolak", "Sengketa selesai: kasasi ditolak Mahkamah Agung"
        KI_MA_DIKABULKAN = (
            "ki_ma_dikabulkan",
            "Sengketa selesai: kasasi dikabulkan Mahkamah Agung",
        )

    # UU 14/2008 Pasal 35(1): the reasons for a keberatan (ppid_manual/hukum.py).
    Alasan = hukum.Pasal35Ayat1

    class Keputusan(models.TextChoices):
        """The Atasan PPID's answer (UU 14/2008 Pasal 36; Pasal 35(2) for musyawarah)."""

        DIBERIKAN = (
            "diberikan",
            "Keberatan diterima: informasi diberikan (putusan PPID dibatalkan)",
        )
        DITOLAK = "ditolak", "Keberatan ditolak: putusan PPID dikuatkan"
        MUSYAWARAH = "musyawarah", "Diselesaikan secara musyawarah (kesepakatan)"
        # Pasal 36: the Atasan may also grant in part, or correct the fee (Pasal 35(1) huruf
        # f) or the time (huruf g) the PPID set; a linked request reopens on those terms.
        SEBAGIAN = "sebagian", "Keberatan diterima sebagian: sebagian informasi diberikan"
        BIAYA = "biaya", "Keberatan diterima: biaya dikoreksi"
        WAKTU = "waktu", "Keberatan diterima: waktu penyediaan dikoreksi"

    class CaraPengajuan(models.TextChoices):
        """How the written keberatan reached the desk (Pasal 36(1) counts its filing)."""

        LOKET = "loket", "Diserahkan di loket"
        POS = "pos", "Dikirim melalui pos"
        SUREL = "surel", "Surat elektronik"

    class Pengajuan(models.TextChoices):
        """Whether the keberatan was filed within the 30 hk of Pasal 36(1), judged on what the
        Act names (the filing, from the pemohon's receipt of the letter that gave the ground);
        unknown when that receipt or a posting date is not known."""

        TEPAT = "tepat", f"Diajukan dalam batas {hukum.HK_KEBERATAN} hari kerja"
        TERLAMBAT = "terlambat", f"Diajukan melewati batas {hukum.HK_KEBERATAN} hari kerja"
        BELUM_PASTI = "belum_pasti", "Ketepatan waktu pengajuan belum dapat dinilai"

    class Sifat(models.TextChoices):
        """The disposisi's sifat as the Tata Naskah Dinas writes it, each word capitalised."""

        BIASA = "biasa", "Biasa"
        SEGERA = "segera", "Segera"
        SANGAT_SEGERA = "sangat_segera", "Sangat Segera"

    class SikapPemohon(models.TextChoices):
        MENERIMA = "menerima", "Menerima tanggapan Atasan PPID"
        SENGKETA = "sengketa", "Mengajukan sengketa ke Komisi Informasi"

    class HasilSengketa(models.TextChoices):
        """How the Komisi Informasi ended the sengketa (UU 14/2008 Pasal 38–47, Perki 1/2013):
        mediation, adjudication, or an objection to the PTUN against its decision."""

        MEDIASI_BERHASIL = "mediasi_berhasil", "Mediasi berhasil"
        MEDIASI_GAGAL = "mediasi_gagal", "Mediasi gagal"
        DIKABULKAN_SELURUHNYA = "dikabulkan", "Putusan ajudikasi: dikabulkan seluruhnya"
        DIKABULKAN_SEBAGIAN = "sebagian", "Putusan ajudikasi: dikabulkan sebagian"
        DITOLAK = "ditolak", "Putusan ajudikasi: ditolak"
        KEBERATAN_PTUN = "ptun", "Keberatan ke PTUN atas putusan Komisi Informasi"
        KASASI = "kasasi", "Kasasi ke Mahkamah Agung atas putusan PTUN"
        DICABUT = "dicabut", "Sengketa dicabut pemohon"
        PTUN_MENGUATKAN = "ptun_menguatkan", "Putusan PTUN: menguatkan putusan Komisi Informasi"
        PTUN_MEMBATALKAN = (
            "ptun_membatalkan",
            "Putusan PTUN: membatalkan putusan Komisi Informasi",
        )
        MA_DITOLAK = "ma_ditolak", "Putusan Mahkamah Agung: kasasi ditolak"
        MA_DIKABULKAN = "ma_dikabulkan", "Putusan Mahkamah Agung: kasasi dikabulkan"

    # The outcomes the badan publik carries out (an agreement reached in mediation, a ruling of
    # the Komisi Informasi or a court), whose pelaksanaan the Laporan reports; a failed
    # mediation, a filing with a court and a withdrawal leave nothing to carry out.
    HASIL_DILAKSANAKAN = (
        HasilSengketa.MEDIASI_BERHASIL,
        HasilSengketa.DIKABULKAN_SELURUHNYA,
        HasilSengketa.DIKABULKAN_SEBAGIAN,
        HasilSengketa.DITOLAK,
        HasilSengketa.PTUN_MENGUATKAN,
        HasilSengketa.PTUN_MEMBATALKAN,
        HasilSengketa.MA_DITOLAK,
        HasilSengketa.MA_DIKABULKAN,
    )

    # Answered: the pemohon's own window runs; the Atasan has nothing left to do.
    BELUM_DITANGGAPI = (
        Status.TERDAFTAR,
        Status.DIDISPOSISI,
        Status.DRAF_DIAJUKAN,
        Status.DRAF_DIKEMBALIKAN,
        Status.DRAF_DISETUJUI,
    )
    TERBUKA = BELUM_DITANGGAPI + (Status.DITANGGAPI,)
    # Every state of a sengketa at the Komisi Informasi (and the courts after it), and the
    # state each outcome moves it to, from the states it may follow (its order).
    SENGKETA_STATUS = (
        Status.SENGKETA,
        Status.KI_MEDIASI_BERHASIL,
        Status.KI_MEDIASI_GAGAL,
        Status.KI_DIKABULKAN,
        Status.KI_SEBAGIAN,
        Status.KI_DITOLAK,
        Status.KI_PTUN,
        Status.KI_KASASI,
        Status.KI_DICABUT,
        Status.KI_PTUN_MENGUATKAN,
        Status.KI_PTUN_MEMBATALKAN,
        Status.KI_MA_DITOLAK,
        Status.KI_MA_DIKABULKAN,
    )
    _PUTUSAN_KI = (Status.KI_DIKABULKAN, Status.KI_SEBAGIAN, Status.KI_DITOLAK)
    HASIL_SENGKETA_ALUR = {
        HasilSengketa.MEDIASI_BERHASIL: (Status.KI_MEDIASI_BERHASIL, (Status.SENGKETA,)),
        HasilSengketa.MEDIASI_GAGAL: (Status.KI_MEDIASI_GAGAL, (Status.SENGKETA,)),
        HasilSengketa.DIKABULKAN_SELURUHNYA: (
            Status.KI_DIKABULKAN,
            (Status.SENGKETA, Status.KI_MEDIASI_GAGAL),
        ),
        HasilSengketa.DIKABULKAN_SEBAGIAN: (
            Status.KI_SEBAGIAN,
            (Status.SENGKETA, Status.KI_MEDIASI_GAGAL),
        ),
        HasilSengketa.DITOLAK: (Status.KI_DITOLAK, (Status.SENGKETA, Status.KI_MEDIASI_GAGAL)),
        HasilSengketa.KEBERATAN_PTUN: (Status.KI_PTUN, _PUTUSAN_KI),
        HasilSengketa.PTUN_MENGUATKAN: (Status.KI_PTUN_MENGUATKAN, (Status.KI_PTUN,)),
        HasilSengketa.PTUN_MEMBATALKAN: (Status.KI_PTUN_MEMBATALKAN, (Status.KI_PTUN,)),
        # A kasasi follows the PTUN's ruling (or, recorded before the ruling was, the filing).
        HasilSengketa.KASASI: (
            Status.KI_KASASI,
            (Status.KI_PTUN, Status.KI_PTUN_MENGUATKAN, Status.KI_PTUN_MEMBATALKAN),
        ),
        HasilSengketa.MA_DITOLAK: (Status.KI_MA_DITOLAK, (Status.KI_KASASI,)),
        HasilSengketa.MA_DIKABULKAN: (Status.KI_MA_DIKABULKAN, (Status.KI_KASASI,)),
        HasilSengketa.DICABUT: (Status.KI_DICABUT, (Status.SENGKETA, Status.KI_MEDIASI_GAGAL)),
    }
    # The answers after which a linked request reopens for the handover, on their terms: a new
    # fact on the request, never a rewrite of the PPID's decision (Permohonan.putusan_keberatan).
    MEMBUKA_PERMOHONAN = (
        Keputusan.DIBERIKAN,
        Keputusan.SEBAGIAN,
        Keputusan.BIAYA,
        Keputusan.WAKTU,
    )

    # --- intake (Formulir Keberatan) ----------------------------------------------------
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.BARU, db_index=True
    )
    kunci_idempotensi = models.UUIDField(
        "kunci formulir",
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Token sekali pakai dari formulir: klik ganda tidak mendaftarkan dua kali.",
    )
    permohonan = models.ForeignKey(
        Permohonan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="keberatan",
        verbose_name="permohonan yang diajukan keberatan",
    )
    pemohon = models.ForeignKey(
        Pemohon, on_delete=models.PROTECT, related_name="keberatan", verbose_name="pemohon"
    )
    unit_registrasi = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="keberatan_didaftarkan",
        verbose_name="meja pendaftaran (OPD)",
    )
    didaftarkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="petugas",
    )
    informasi_diminta = models.TextField("informasi yang diminta", max_length=2000)
    tujuan_penggunaan = models.TextField("tujuan penggunaan informasi", max_length=1000)
    alasan = models.JSONField(f"alasan keberatan ({hukum.pasal('35(1)')})", default=list)
    kasus_posisi = models.TextField("kasus posisi", max_length=4000)
    kuasa_nama = models.CharField("nama kuasa pemohon", max_length=150, blank=True)
    kuasa_alamat = models.CharField("alamat kuasa", max_length=300, blank=True)
    kuasa_telepon = models.CharField("nomor telepon kuasa", max_length=30, blank=True)
    surat_kuasa_diterima = models.BooleanField("surat kuasa diterima", default=False)
    surat_kuasa = models.FileField(
        "pindaian surat kuasa", upload_to=berkas_path, blank=True, max_length=200
    )
    identitas_diterima = models.BooleanField("fotokopi identitas (NIK) diterima", default=False)
    scan_identitas = models.FileField(
        "pindaian identitas (NIK)", upload_to=berkas_path, blank=True, max_length=200
    )
    tanggal_diterima = models.DateField("tanggal formulir diterima")
    # SOP langkah 1: the desk checks the form is complete (with the NIK copy) within 1 hk of
    # the pemohon first handing it in; a form first handed in incomplete has an earlier date.
    tanggal_diajukan = models.DateField(
        "tanggal formulir pertama kali diajukan", null=True, blank=True
    )
    target_kelengkapan = models.DateField(
        f"target formulir lengkap (SOP {hukum.SOP_KELENGKAPAN} hk)", null=True, blank=True
    )
    # An incomplete form the desk handed back is not received (no clock, as for a returned
    # request); one the desk kept was received in writing that day (Pasal 36(2)).
    formulir_dikembalikan = models.BooleanField(
        "formulir belum lengkap dikembalikan kepada pemohon", default=False
    )
    # Day 0 of the Atasan's 30 hk (Pasal 36(2) "sejak diterimanya keberatan secara tertulis"):
    # the first hand-in of a form the desk kept, else the complete form's receipt.
    mulai_tanggapan = models.DateField(
        f"tanggal keberatan tertulis diterima (hari ke-0 {hukum.pasal('36(2)')})",
        null=True,
        blank=True,
    )
    cara_pengajuan = models.CharField(
        "cara keberatan disampaikan",
        max_length=8,
        choices=CaraPengajuan.choices,
        default=CaraPengajuan.LOKET,
    )
    tanggal_dikirim = models.DateField("tanggal keberatan dikirim (cap pos)", null=True, blank=True)

    # --- the filing window (Pasal 36(1)) -------------------------------------------------
    tanggal_dasar = models.DateField("tanggal timbulnya alasan keberatan")
    dasar_keterangan = models.CharField("asal tanggal alasan", max_length=300, blank=True)
    tenggat_pengajuan = models.DateField(
        f"batas pengajuan keberatan ({hukum.HK_KEBERATAN} hari kerja)"
    )
    terlambat = models.BooleanField(
        f"diajukan melewati batas {hukum.HK_KEBERATAN} hari kerja", default=False
    )
    # The day the ground arose is an estimate (the letter's delivery not recorded or not
    # confirmed): the window is shown as one and never marks the filing late.
    dasar_perkiraan = models.BooleanField("tanggal timbulnya alasan masih perkiraan", default=False)
    penilaian_pengajuan = models.CharField(
        "ketepatan waktu pengajuan",
        max_length=12,
        choices=Pengajuan.choices,
        default=Pengajuan.TEPAT,
    )

    # --- registration (SOP 2) and the Atasan's 30 hk (Pasal 36(2)) ----------------------
    nomor_registrasi = models.CharField(
        "nomor registrasi keberatan", max_length=150, unique=True, null=True, blank=True
    )
    tanggal_registrasi = models.DateField(
        "tanggal registrasi", null=True, blank=True, db_index=True
    )
    target_registrasi = models.DateField(
        f"target registrasi (SOP {hukum.SOP_REGISTRASI} hk)", null=True, blank=True
    )
    target_pemeriksaan = models.DateField(
        f"target pemeriksaan Atasan PPID (SOP {hukum.SOP_PEMERIKSAAN} hk)", null=True, blank=True
    )
    tenggat_tanggapan = models.DateField(
        f"tenggat tanggapan Atasan PPID ({hukum.HK_TANGGAPAN} hari kerja)",
        null=True,
        blank=True,
        db_index=True,
    )

    # --- examination and disposisi (SOP 3) -----------------------------------------------
    tanggal_disposisi = models.DateField("tanggal disposisi", null=True, blank=True)
    unit_disposisi = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="keberatan_didisposisikan",
        verbose_name="diteruskan kepada",
    )
    sifat_disposisi = models.CharField("sifat", max_length=16, choices=Sifat.choices, blank=True)
    isi_disposisi = models.TextField("isi disposisi (instruksi)", max_length=3000, blank=True)
    pejabat_disposisi = models.ForeignKey(
        Pejabat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Atasan PPID yang mendisposisi",
    )

    # --- a late entry of a paper form (ppid_manual/workflow/susulan.py) -----------------
    entri_susulan = models.BooleanField("entri susulan dari formulir kertas", default=False)
    nomor_kertas = models.CharField("nomor lembar kertas", max_length=50, blank=True)
    alasan_susulan = models.TextField("alasan entri susulan", max_length=500, blank=True)
    petugas_kertas = models.CharField("petugas penerima kertas", max_length=150, blank=True)
    susulan_terlambat = models.BooleanField(
        f"entri susulan melewati {hukum.SOP_ENTRI} hari kerja (SOP)", default=False
    )

    # --- the draft answer (SOP 4) and its review -----------------------------------------
    mulai_draf = models.DateField("mulai penyusunan draf", null=True, blank=True)
    target_draf = models.DateField(f"target draf (SOP {hukum.SOP_DRAF} hk)", null=True, blank=True)
    draf_keputusan = models.CharField(
        "usulan keputusan", max_length=12, choices=Keputusan.choices, blank=True
    )
    draf_pertimbangan = models.TextField(
        "isi draf tanggapan (pertimbangan)", max_length=6000, blank=True
    )
    # The terms the proposed answer will carry (keberatan.actions.Amar.data()): what is given
    # and what stays exempt, the fee, the date. The KONSEP prints them; the answer starts from
    # them.
    draf_amar = models.JSONField("ketentuan usulan keputusan", default=dict, blank=True)
    tanggal_draf = models.DateField("tanggal draf diajukan", null=True, blank=True)
    target_jawaban = models.DateField(
        f"target tanggapan (SOP {hukum.SOP_JAWABAN} hk)", null=True, blank=True
    )
    jumlah_revisi = models.PositiveSmallIntegerField("draf dikembalikan", default=0)
    catatan_revisi = models.TextField("catatan perbaikan terakhir", max_length=3000, blank=True)
    tanggal_persetujuan = models.DateField("tanggal draf disetujui", null=True, blank=True)

    # --- the answer of the Atasan PPID (SOP 5; Pasal 36) ---------------------------------
    keputusan = models.CharField(
        "keputusan Atasan PPID", max_length=12, choices=Keputusan.choices, blank=True
    )
    pertimbangan = models.TextField("pertimbangan / alasan tertulis", max_length=6000, blank=True)
    # The terms of a partial grant or a correction (printed in the answer; the reopened
    # request follows them).
    informasi_diberikan = models.TextField("informasi yang diberikan", max_length=3000, blank=True)
    informasi_tertutup = models.TextField(
        "informasi yang tetap dikecualikan", max_length=3000, blank=True
    )
    pasal17 = models.JSONField(
        f"{hukum.pasal('17')} huruf (bagian yang tetap dikecualikan)", default=list
    )
    biaya_ditetapkan = models.DecimalField(
        "biaya yang ditetapkan Atasan PPID (Rp)",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    tanggal_tersedia = models.DateField(
        "informasi disediakan paling lambat (koreksi waktu)", null=True, blank=True
    )
    nomor_tanggapan = models.CharField(
        "nomor surat tanggapan", max_length=150, unique=True, null=True, blank=True
    )
    tanggal_tanggapan = models.DateField("tanggal tanggapan", null=True, blank=True, db_index=True)
    pejabat_tanggapan = models.ForeignKey(
        Pejabat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Atasan PPID penanda tangan",
    )

    # --- the answer's delivery (ppid_manual/workflow/penyampaian.py): Pasal 37(2) counts the
    # 14 hk "setelah diterimanya tanggapan tertulis", from the pemohon's receipt -------------
    tanggapan_cara = models.CharField(
        "cara penyampaian tanggapan", max_length=8, choices=Cara.choices, blank=True
    )
    tanggapan_diterima = models.DateField("tanggapan diterima pemohon", null=True, blank=True)
    tanggapan_perkiraan = models.BooleanField(
        "tanggal diterima tanggapan masih perkiraan", default=True
    )
    tanggapan_dikirim = models.DateField("tanggapan dikirim", null=True, blank=True)

    # --- the Komisi Informasi window (Pasal 37(2)) and the pemohon's response -------------
    tenggat_sengketa = models.DateField(
        f"batas pengajuan sengketa ({hukum.HK_SENGKETA} hari kerja)", null=True, blank=True
    )
    sikap_pemohon = models.CharField(
        "tanggapan pemohon", max_length=10, choices=SikapPemohon.choices, blank=True
    )
    tanggal_sikap = models.DateField("tanggal dicatat", null=True, blank=True)
    tanggal_sengketa = models.DateField("tanggal pengajuan sengketa", null=True, blank=True)
    nomor_register_ki = models.CharField(
        "nomor register sengketa Komisi Informasi", max_length=100, blank=True
    )
    # The desk learns of a sengketa before the Komisi Informasi numbers it: how it knows; the
    # number is added later; then the outcome.
    sengketa_diketahui_dari = models.CharField(
        "sengketa diketahui dari", max_length=300, blank=True
    )
    hasil_sengketa = models.CharField(
        "hasil sengketa", max_length=20, choices=HasilSengketa.choices, blank=True
    )
    tanggal_hasil_sengketa = models.DateField("tanggal hasil sengketa", null=True, blank=True)
    # How the badan publik carried out the latest outcome (Perki 1/2021, the Laporan: "hasil
    # mediasi dan/atau putusan ajudikasi ... dan pelaksanaannya", the courts' the same); each
    # outcome's own is kept in its event (keberatan.actions.record_hasil_sengketa).
    pelaksanaan_hasil_sengketa = models.TextField(
        "pelaksanaan hasil sengketa oleh badan publik", max_length=2000, blank=True
    )

    # The nearest deadline now (legal or SOP): kept by save() from the stored deadlines, so
    # the work lists sort and filter on one indexed column.
    tenggat_terdekat = models.DateField("tenggat terdekat", null=True, blank=True, editable=False)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    diubah = models.DateTimeField("diubah", auto_now=True)

    objects = KeberatanQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal_registrasi", "-pk"]
        verbose_name = "keberatan"
        verbose_name_plural = "keberatan"
        indexes = [
            models.Index(fields=["status", "tenggat_terdekat"], name="keberatan_status_tenggat"),
            # The work list's search by the identity given on each keberatan
            # (identitas_kasus_cocok); PostgreSQL only (0016).
            *indeks_identitas_kasus("keberatan"),
        ]

    def __str__(self) -> str:
        return self.nomor_registrasi or f"Keberatan #{self.pk} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.tenggat_terdekat = self.hitung_tenggat_terdekat()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "tenggat_terdekat"}
        super().save(*args, **kwargs)

    # --- deadlines now ----------------------------------------------------------------
    @property
    def tenggat_hukum(self) -> datetime.date | None:
        """The legal deadline running now: the Atasan's 30 hk until the answer, then the
        pemohon's 14 hk for a sengketa (for the desk: record what the pemohon did)."""
        if self.status in self.BELUM_DITANGGAPI:
            return self.tenggat_tanggapan
        if self.status == self.Status.DITANGGAPI:
            return self.tenggat_sengketa
        return None

    @property
    def target_sop(self) -> datetime.date | None:
        """The SOP's internal target of the step under way (inside the 30 hk)."""
        S = self.Status
        return {
            S.TERDAFTAR: self.target_pemeriksaan,
            S.DIDISPOSISI: self.target_draf,
            S.DRAF_DIKEMBALIKAN: self.target_draf,
            S.DRAF_DIAJUKAN: self.target_jawaban,
            S.DRAF_DISETUJUI: self.target_jawaban,
        }.get(self.status)

    def hitung_tenggat_terdekat(self) -> datetime.date | None:
        dates = [d for d in (self.tenggat_hukum, self.target_sop) if d is not None]
        return min(dates) if dates else None

    # --- predicates -----------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.status in self.TERBUKA

    @property
    def sudah_ditanggapi(self) -> bool:
        return self.tanggal_tanggapan is not None

    def is_overdue(self, today: datetime.date) -> bool:
        return self.is_open and self.tenggat_terdekat is not None and self.tenggat_terdekat < today

    def is_near_due(self, today: datetime.date, limit: datetime.date | None = None) -> bool:
        """Open, and its nearest deadline (legal or SOP) is due today or within 2 working
        days (ppid_manual.workflow.deadlines): the row `near_due` selects."""
        return self.is_open and deadlines.is_near_due(self.tenggat_terdekat, today, limit)

    def tanggapan_lewat(self, today: datetime.date) -> bool:
        """Pasal 36(2): the Atasan PPID's 30 hk passed without an answer."""
        return (
            self.status in self.BELUM_DITANGGAPI
            and self.tenggat_tanggapan is not None
            and self.tenggat_tanggapan < today
        )

    def kelengkapan_terlambat(self) -> bool:
        """SOP langkah 1: the complete form came more than 1 hk after it was first handed in."""
        return (
            self.target_kelengkapan is not None
            and self.tanggal_diterima is not None
            and self.tanggal_diterima > self.target_kelengkapan
        )

    def registrasi_terlambat(self) -> bool:
        return (
            self.tanggal_registrasi is not None
            and self.target_registrasi is not None
            and self.tanggal_registrasi > self.target_registrasi
        )

    def visible_to(self, user) -> bool:
        """The same rule as KeberatanQuerySet.for_user, for one loaded row."""
        if user.is_superuser or user.has_role(Role.PPID, Role.ATASAN, Role.ADMIN):
            return True
        if user.unit_id is None:
            return False
        if user.has_role(Role.PELAKSANA):
            units = {self.unit_disposisi_id}
            if self.permohonan_id is not None:
                units |= {self.permohonan.unit_tujuan_id, self.permohonan.unit_registrasi_id}
            if user.unit_id in units:
                return True
        if user.has_role(Role.PETUGAS) and (
            user.unit.jenis == Unit.Jenis.PPID_UTAMA or user.unit_id == self.unit_registrasi_id
        ):
            return True
        return False

    # --- display ------------------------------------------------------------------------
    @property
    def status_css(self) -> str:
        S = self.Status
        return {
            S.TERDAFTAR: "text-bg-primary",
            S.DIDISPOSISI: "text-bg-info",
            S.DRAF_DIAJUKAN: "text-bg-info",
            S.DRAF_DIKEMBALIKAN: "text-bg-warning",
            S.DRAF_DISETUJUI: "text-bg-info",
            S.DITANGGAPI: "text-bg-success",
            S.SELESAI: "text-bg-secondary",
            S.SENGKETA: "text-bg-danger",
            S.KI_MEDIASI_GAGAL: "text-bg-danger",
            S.KI_PTUN: "text-bg-danger",
            S.KI_KASASI: "text-bg-danger",
            S.KI_PTUN_MENGUATKAN: "text-bg-danger",
            S.KI_PTUN_MEMBATALKAN: "text-bg-danger",
            S.KI_MA_DITOLAK: "text-bg-secondary",
            S.KI_MA_DIKABULKAN: "text-bg-secondary",
            S.KI_MEDIASI_BERHASIL: "text-bg-secondary",
            S.KI_DIKABULKAN: "text-bg-secondary",
            S.KI_SEBAGIAN: "text-bg-secondary",
            S.KI_DITOLAK: "text-bg-secondary",
            S.KI_DICABUT: "text-bg-secondary",
        }.get(self.status, "text-bg-light")

    @property
    def dalam_sengketa(self) -> bool:
        return self.status in self.SENGKETA_STATUS

    def get_alasan_display(self) -> list[str]:
        return [self.Alasan(h).label for h in self.alasan if h in self.Alasan.values]

    @property
    def alasan_huruf(self) -> str:
        return ", ".join(self.alasan)

    @property
    def ada_kuasa(self) -> bool:
        return bool(self.kuasa_nama)

    @property
    def nik_tersamar(self) -> str:
        return mask_nik(self.pemohon_kasus.nik)

    @property
    def nomor_pendaftaran(self) -> str:
        return self.permohonan.nomor_pendaftaran if self.permohonan_id else ""


def putusan_per_permohonan(keys: list[int]) -> dict[int, Keberatan]:
    """The latest Atasan PPID's answer that reopened each of these requests for the handover
    (Keberatan.MEMBUKA_PERMOHONAN), read in batches of keys; most requests have none. Read
    by the requests through ppid_manual.penghubung.PUTUSAN_KEBERATAN."""
    found: dict[int, Keberatan] = {}
    keys = list(keys)
    for i in range(0, len(keys), 5000):
        for k in (
            Keberatan.objects.filter(
                permohonan_id__in=keys[i : i + 5000],
                keputusan__in=Keberatan.MEMBUKA_PERMOHONAN,
                tanggal_tanggapan__isnull=False,
            )
            .only(
                "permohonan_id",
                "nomor_registrasi",
                "keputusan",
                "nomor_tanggapan",
                "tanggal_tanggapan",
                "informasi_diberikan",
                "informasi_tertutup",
                "pasal17",
                "biaya_ditetapkan",
                "tanggal_tersedia",
            )
            .order_by("tanggal_tanggapan", "pk")
        ):
            found[k.permohonan_id] = k
    return found
