"""The records of the services across the processes: the Laporan's narrative parts, the
hand-back exports to the online system and their marks, and the long registers printed in the
background."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from ppid_manual.models import Unit


class LaporanLayanan(models.Model):
    """The narrative parts of a Laporan Layanan Informasi Publik that the PPID types in (Perki
    1/2021): the figures themselves are computed from the cases each time it is printed."""

    class Periode(models.TextChoices):
        TAHUNAN = "tahunan", "Tahunan"
        SEMESTER1 = "semester1", "Semester I"
        SEMESTER2 = "semester2", "Semester II"

    tahun = models.PositiveIntegerField("tahun")
    periode = models.CharField("periode", max_length=10, choices=Periode.choices)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="perangkat daerah",
        help_text="Kosong: laporan Pemerintah Provinsi Bali (PPID Utama).",
    )
    # Perki 1/2021, the laporan layanan informasi publik: the general picture of the policy
    # and of how the service ran (facilities, staff, budget), how the answers to keberatan
    # were carried out, obstacles and recommendations. The figures between them come from the
    # cases (layanan/laporan.py), and so does how each outcome of a sengketa was carried out:
    # recorded with the outcome (keberatan.actions.record_hasil_sengketa).
    gambaran_umum = models.TextField(
        "gambaran umum kebijakan layanan informasi publik", max_length=6000, blank=True
    )
    sarana_prasarana = models.TextField(
        "sarana dan prasarana layanan informasi publik beserta kondisinya",
        max_length=6000,
        blank=True,
    )
    sumber_daya_manusia = models.TextField(
        "sumber daya manusia yang menangani layanan informasi publik beserta kualifikasinya",
        max_length=6000,
        blank=True,
    )
    anggaran = models.TextField(
        "anggaran layanan informasi publik serta laporan penggunaannya",
        max_length=6000,
        blank=True,
    )
    pelaksanaan_keberatan = models.TextField(
        "pelaksanaan tanggapan atas keberatan oleh badan publik", max_length=6000, blank=True
    )
    # What was typed here before each outcome recorded its own pelaksanaan (keberatan 0015)
    # stays, and is printed under the outcomes' table as a note of the whole period.
    pelaksanaan_sengketa = models.TextField(
        "pelaksanaan hasil mediasi dan putusan ajudikasi Komisi Informasi",
        max_length=6000,
        blank=True,
    )
    pelaksanaan_putusan_pengadilan = models.TextField(
        "hasil putusan pengadilan dan pelaksanaannya", max_length=6000, blank=True
    )
    kendala = models.TextField("kendala eksternal dan internal", max_length=6000, blank=True)
    rekomendasi = models.TextField(
        "rekomendasi dan rencana tindak lanjut", max_length=6000, blank=True
    )
    # The numbered surat pengantar that sends the report to the Atasan PPID, copied to the
    # Komisi Informasi Provinsi Bali (layanan/actions.py issue_pengantar_laporan); stored as
    # issued (DokumenTerbit), reprinted from those bytes.
    nomor_pengantar = models.CharField(
        "nomor surat pengantar", max_length=150, unique=True, null=True, blank=True
    )
    tanggal_pengantar = models.DateField("tanggal surat pengantar", null=True, blank=True)
    penandatangan_pengantar = models.ForeignKey(
        "ppid_manual.Pejabat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="penanda tangan surat pengantar",
    )
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diubah oleh",
    )
    diubah = models.DateTimeField("diubah", auto_now=True)

    class Meta:
        # The table keeps the name it had in the kernel (no data moved).
        db_table = "ppid_manual_laporanlayanan"
        verbose_name = "laporan layanan"
        verbose_name_plural = "laporan layanan"
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "periode", "unit"], name="laporan_tahun_periode_unit_unik"
            ),
            models.UniqueConstraint(
                fields=["tahun", "periode"],
                condition=models.Q(unit__isnull=True),
                name="laporan_provinsi_unik",
            ),
        ]

    def __str__(self) -> str:
        return f"Laporan {self.get_periode_display()} {self.tahun}"


class EksporOnline(models.Model):
    """One hand-back export to the online system (what was exported, for which period)."""

    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="oleh",
    )
    dari = models.DateField("dari tanggal")
    sampai = models.DateField("sampai tanggal")
    lengkap = models.BooleanField("memuat data pribadi", default=False)
    jumlah = models.JSONField("jumlah rekaman", default=dict)
    sha256 = models.CharField("checksum arsip", max_length=64)

    class Meta:
        # The table keeps the name it had in the kernel (no data moved).
        db_table = "ppid_manual_eksporonline"
        ordering = ["-dibuat"]
        verbose_name = "ekspor ke sistem online"
        verbose_name_plural = "ekspor ke sistem online"

    def __str__(self) -> str:
        return f"Ekspor {self.dari:%d-%m-%Y} s.d. {self.sampai:%d-%m-%Y} ({self.dibuat:%d-%m-%Y})"


class DiserahkanKembali(models.Model):
    """The mark on a record handed back to the online system: up to which event it was sent.
    A later export of the same period sends it again only if a newer event exists."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    event_terakhir = models.PositiveBigIntegerField("riwayat terakhir yang diekspor")
    ekspor = models.ForeignKey(EksporOnline, on_delete=models.PROTECT, related_name="tanda")

    class Meta:
        # The table keeps the name it had in the kernel (no data moved).
        db_table = "ppid_manual_diserahkankembali"
        verbose_name = "tanda diserahkan kembali"
        verbose_name_plural = "tanda diserahkan kembali"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="diserahkan_kembali_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id} s.d. riwayat {self.event_terakhir}"


class CetakanRegister(models.Model):
    """A register too long to print within one request (a year's Register Permohonan: ten
    thousand rows), built in the background by layanan/cetak_latar.py.

    The job, its progress and the finished PDF live in the database, not in the worker's
    memory or disk: with two gunicorn workers (or two servers) the page that polls, and the
    download, may be served by a worker that did not build it. The PDF holds personal data
    (names, addresses): only the user who asked can open it, and a day later it is deleted."""

    # No progress for this long: the thread that built it is gone (layanan/
    # cetak_latar.py's docstring).
    BATAS_DIAM = datetime.timedelta(minutes=2)

    class Jenis(models.TextChoices):
        PERMOHONAN = "permohonan", "Register Permohonan Informasi Publik"
        KEBERATAN = "keberatan", "Register Keberatan Informasi Publik"

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu"
        BERJALAN = "berjalan", "Sedang disusun"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    jenis = models.CharField("register", max_length=12, choices=Jenis.choices)
    dari = models.DateField("dari tanggal")
    sampai = models.DateField("sampai tanggal")
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="oleh"
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.MENUNGGU
    )
    jumlah_baris = models.PositiveIntegerField("jumlah baris", default=0)
    kemajuan = models.PositiveSmallIntegerField("kemajuan (%)", default=0)
    keterangan = models.CharField("keterangan", max_length=300, blank=True)
    pdf = models.BinaryField("PDF", null=True, blank=True, editable=False)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    diperbarui = models.DateTimeField("diperbarui", default=timezone.now)

    class Meta:
        # The table keeps the name it had in the kernel (no data moved).
        db_table = "ppid_manual_cetakanregister"
        ordering = ["-dibuat"]
        verbose_name = "cetakan register"
        verbose_name_plural = "cetakan register"

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.dari:%d-%m-%Y} s.d. {self.sampai:%d-%m-%Y}"

    @property
    def berjalan(self) -> bool:
        return self.status in (self.Status.MENUNGGU, self.Status.BERJALAN)

    def terhenti(self, now: datetime.datetime) -> bool:
        """Still marked running but silent for too long: the worker that built it is gone
        (restarted, or killed); the user may start it again."""
        return self.berjalan and now - self.diperbarui > self.BATAS_DIAM

    def filename(self) -> str:
        return f"register-{self.jenis}-{self.dari:%Y%m%d}-{self.sampai:%Y%m%d}.pdf"
