"""Daftar Informasi Publik (DIP) and Daftar Informasi yang Dikecualikan (DIK).

A DIP is an edition (`DipEdisi`) per unit and year (SOP Pendokumentasian DIP; Perki 1/2021):

- the province edition belongs to the PPID Utama's unit. The petugas pelayanan recaps the OPD
  submissions into it, the PPID corrects it, the Atasan PPID adopts it by SK;
- an OPD edition belongs to one OPD. Its PPID Pelaksana compiles the entries and submits the
  edition to the province edition of the same year: the OPD edition IS the OPD's submission,
  its status is the submission's status. After the province edition is adopted, the head of
  the OPD adopts the OPD edition (the same entries) by his own SK.

Status changes only through the step tables in `dip/alur.py` (executed by the shared engine);
writes only through `dip/actions.py`.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from ppid_manual import hukum
from ppid_manual.models import Pejabat, Unit
from ppid_manual.roles import Role
from ppid_manual.workflow import deadlines
from ppid_manual.workflow.engine import StepRefused
from ppid_manual.workflow.versions import Versioned


class EdisiBeku(StepRefused):
    """An edit of an adopted (frozen) edition. The message says why, in Indonesian."""


class DipEdisiQuerySet(models.QuerySet):
    def provinsi(self) -> DipEdisiQuerySet:
        return self.filter(unit__jenis=Unit.Jenis.PPID_UTAMA)

    def opd(self) -> DipEdisiQuerySet:
        return self.exclude(unit__jenis=Unit.Jenis.PPID_UTAMA)

    def ditetapkan(self) -> DipEdisiQuerySet:
        return self.filter(status=DipEdisi.Status.DITETAPKAN)

    def running(self) -> DipEdisiQuerySet:
        """The editions whose SOP target runs: being compiled (5 hk) or corrected (1 hk)."""
        return self.filter(
            status__in=[DipEdisi.Status.DISUSUN, DipEdisi.Status.PERBAIKAN],
            target_sop__isnull=False,
        )

    def overdue(self, today: datetime.date) -> DipEdisiQuerySet:
        """Past their SOP target (dip.alur.TARGET_PENYUSUNAN / TARGET_PERBAIKAN)."""
        return self.running().filter(target_sop__lt=today)

    def near_due(self, today: datetime.date) -> DipEdisiQuerySet:
        """Their SOP target due today or within 2 working days (deadlines.HK_DEKAT)."""
        return self.running().filter(
            target_sop__gte=today, target_sop__lt=deadlines.near_due_limit(today)
        )

    def for_user(self, user) -> DipEdisiQuerySet:
        """What a user may see. A PPID Pelaksana sees only its own OPD's editions; the other
        desk roles see every edition."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.has_role(Role.PETUGAS, Role.PPID, Role.ATASAN, Role.ADMIN):
            return self
        if user.has_role(Role.PELAKSANA) and user.unit_id:
            return self.filter(unit_id=user.unit_id)
        return self.none()


class DipEdisi(models.Model):
    """One edition of the DIP of one unit for one year."""

    class Status(models.TextChoices):
        DISUSUN = "disusun", "Penyusunan"
        # OPD edition (the OPD's submission to the province edition)
        DIAJUKAN = "diajukan", "Diajukan ke petugas"
        DIREKAP = "direkap", "Direkap petugas"
        DIKOREKSI = "dikoreksi", "Dikoreksi PPID"
        PERBAIKAN = "perbaikan", "Perbaikan oleh PPID Pelaksana"
        # Province edition
        DIAJUKAN_PPID = "diajukan_ppid", "Diajukan ke PPID"
        DIAJUKAN_ATASAN = "diajukan_atasan", "Diajukan ke Atasan PPID"
        # Both
        DITETAPKAN = "ditetapkan", "Ditetapkan"

    #: The statuses in which the entries may be edited (by whom: see `dip.actions`).
    STATUS_DAPAT_DIUBAH = frozenset({Status.DISUSUN, Status.PERBAIKAN})

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="dip_edisi", verbose_name="perangkat daerah"
    )
    tahun = models.PositiveSmallIntegerField(
        "tahun", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.DISUSUN, editable=False
    )
    provinsi = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengajuan",
        editable=False,
        verbose_name="direkap ke DIP provinsi",
    )
    disalin_dari = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="salinan",
        editable=False,
        verbose_name="disalin dari",
    )

    # SOP: the DIP is compiled within 5 hk of its opening, and each correction within 1 hk of
    # reaching the PPID Pelaksana; day 0 of the window under way, and its target.
    mulai_sop = models.DateField("mulai langkah SOP", null=True, blank=True, editable=False)
    target_sop = models.DateField("target SOP", null=True, blank=True, editable=False)
    nomor_sk = models.CharField("nomor SK", max_length=150, blank=True, editable=False)
    tanggal_sk = models.DateField("tanggal SK", null=True, blank=True, editable=False)
    penandatangan_sk = models.ForeignKey(
        Pejabat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name="penandatangan SK",
    )

    nomor_pengantar = models.CharField(
        "nomor surat pengantar", max_length=150, blank=True, editable=False
    )
    tanggal_pengantar = models.DateField(
        "tanggal surat pengantar", null=True, blank=True, editable=False
    )
    tujuan_pengantar = models.CharField(
        "tujuan surat pengantar", max_length=300, blank=True, editable=False
    )
    penandatangan_pengantar = models.ForeignKey(
        Pejabat,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name="penandatangan surat pengantar",
    )

    scan_sk = models.FileField(
        "pindaian SK bertanda tangan", upload_to="dip/sk/", blank=True, editable=False
    )
    scan_sk_jenis = models.CharField("jenis berkas pindaian", max_length=40, blank=True)
    scan_sk_nama = models.CharField("nama berkas asli", max_length=255, blank=True)

    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name="dibuat oleh",
    )
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)

    objects = DipEdisiQuerySet.as_manager()

    # Once adopted, these fields are part of the signed decree and never change.
    FIELDS_SK = ("unit_id", "tahun", "nomor_sk", "tanggal_sk", "penandatangan_sk_id")

    class Meta:
        ordering = ["-tahun", "unit__nama"]
        verbose_name = "edisi DIP"
        verbose_name_plural = "edisi DIP"
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun"], name="dipedisi_unit_tahun_unik")
        ]

    def __str__(self) -> str:
        return self.judul

    def save(self, *args: Any, **kwargs: Any) -> None:
        loaded = getattr(self, "_loaded", None)
        if loaded and loaded.get("status") == self.Status.DITETAPKAN:
            changed = [f for f in self.FIELDS_SK if f in loaded and loaded[f] != getattr(self, f)]
            if changed or self.status != self.Status.DITETAPKAN:
                raise EdisiBeku(self.pesan_beku())
        super().save(*args, **kwargs)
        self._loaded = {f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields}

    def delete(self, *args: Any, **kwargs: Any):
        if self.beku:
            raise EdisiBeku(self.pesan_beku())
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        # Remember the values as loaded: save() refuses to change an adopted decree.
        instance = super().from_db(db, field_names, values)
        instance._loaded = dict(zip(field_names, values, strict=True))
        return instance

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        super().refresh_from_db(*args, **kwargs)
        self._loaded = {
            f.attname: self.__dict__[f.attname]
            for f in self._meta.concrete_fields
            if f.attname in self.__dict__
        }

    # --- predicates ---------------------------------------------------------------------

    @property
    def target_sop_berjalan(self) -> bool:
        """Its SOP target runs now (compiled or corrected: the same rule as
        DipEdisiQuerySet.running)."""
        return self.status in self.STATUS_DAPAT_DIUBAH and self.target_sop is not None

    @property
    def is_provinsi(self) -> bool:
        return self.unit.jenis == Unit.Jenis.PPID_UTAMA

    @property
    def pemilik(self) -> str:
        """Whose DIP this is, as printed in the SK title."""
        return "Pemerintah Provinsi Bali" if self.is_provinsi else self.unit.nama

    @property
    def judul(self) -> str:
        return f"DIP {self.pemilik} Tahun {self.tahun}"

    @property
    def status_css(self) -> str:
        return {
            self.Status.DISUSUN: "secondary",
            self.Status.DIKOREKSI: "warning",
            self.Status.PERBAIKAN: "warning",
            self.Status.DITETAPKAN: "success",
        }.get(self.status, "info")

    @property
    def ditetapkan(self) -> bool:
        return self.status == self.Status.DITETAPKAN

    @property
    def beku(self) -> bool:
        """Frozen: adopted, or part of an adopted province edition (its lampiran)."""
        if self.status == self.Status.DITETAPKAN:
            return True
        return self.provinsi_id is not None and self.provinsi.status == self.Status.DITETAPKAN

    def pesan_beku(self) -> str:
        if self.status == self.Status.DITETAPKAN:
            return (
                f"{self.judul} sudah ditetapkan dengan SK Nomor {self.nomor_sk} dan dibekukan: "
                "isinya tidak dapat diubah. Untuk perubahan, buat edisi baru."
            )
        return (
            f"{self.judul} sudah menjadi lampiran {self.provinsi.judul} yang telah ditetapkan "
            f"dengan SK Nomor {self.provinsi.nomor_sk}: isinya tidak dapat diubah."
        )

    def semua_informasi(self) -> InformasiPublikQuerySet:
        """The entries of this DIP as printed in its lampiran. The province edition holds its
        own entries (typed in by the petugas from paper forms) plus the entries of every OPD
        edition recapped into it."""
        qs = InformasiPublik.objects.select_related("opd", "edisi")
        if self.is_provinsi:
            qs = qs.filter(Q(edisi=self) | Q(edisi__provinsi=self))
        else:
            qs = qs.filter(edisi=self)
        return qs.order_by("opd__nama", "opd_id", "edisi_id", "nomor", "pk")

    def catatan_terbuka(self) -> models.QuerySet[CatatanKoreksi]:
        return self.catatan_koreksi.filter(ditindaklanjuti_pada__isnull=True)


class InformasiPublikQuerySet(models.QuerySet):
    def ditetapkan(self) -> InformasiPublikQuerySet:
        """Entries of an adopted DIP (their own edition, or the province edition that holds
        them in its lampiran)."""
        return self.filter(
            Q(edisi__status=DipEdisi.Status.DITETAPKAN)
            | Q(edisi__provinsi__status=DipEdisi.Status.DITETAPKAN)
        )

    def berlaku(self) -> InformasiPublikQuerySet:
        """Entries of the DIP in force: for each unit, its latest adopted edition (a new
        adopted edition supersedes the older one)."""
        rows = DipEdisi.objects.filter(
            Q(status=DipEdisi.Status.DITETAPKAN) | Q(provinsi__status=DipEdisi.Status.DITETAPKAN)
        ).values_list("pk", "unit_id", "tahun")
        terbaru: dict[int, tuple[int, int]] = {}
        for pk, unit_id, tahun in rows:
            if unit_id not in terbaru or tahun > terbaru[unit_id][1]:
                terbaru[unit_id] = (pk, tahun)
        return self.filter(edisi_id__in=[pk for pk, _ in terbaru.values()])

    def _periksa_beku(self) -> None:
        beku = (
            self.filter(
                Q(edisi__status=DipEdisi.Status.DITETAPKAN)
                | Q(edisi__provinsi__status=DipEdisi.Status.DITETAPKAN)
            )
            .select_related("edisi", "edisi__unit", "edisi__provinsi")
            .first()
        )
        if beku is not None:
            raise EdisiBeku(beku.edisi.pesan_beku())

    def update(self, **kwargs: Any) -> int:
        self._periksa_beku()
        return super().update(**kwargs)

    def ralat(self, pk: int, nama: str, nilai: str) -> int:
        """The one correction an adopted (frozen) lampiran takes: a ralat of its SK, an
        issued, numbered letter taken through the edition's step table with its event
        (issue 15; dip/actions.py: ralat_surat). One field of one entry; every other edit
        of a frozen edition stays refused (EdisiBeku: a change is a new edition)."""
        return models.QuerySet.update(self.filter(pk=pk), **{nama: nilai})

    def delete(self):
        self._periksa_beku()
        return super().delete()


# An imported DIP file (XLSX or CSV): checked by the form on upload and again when it is read
# (dip/berkas.py), one limit for both.
MAKS_UKURAN_IMPOR = 5 * 1024 * 1024


class InformasiPublik(Versioned):
    """One row of the DIP (Perki 1/2021, Lampiran: format Daftar Informasi Publik)."""

    class Bentuk(models.TextChoices):
        SOFTCOPY = "softcopy", "Softcopy"
        HARDCOPY = "hardcopy", "Hardcopy"
        KEDUANYA = "keduanya", "Softcopy dan hardcopy"

    class Jenis(models.TextChoices):
        # UU 14/2008 Pasal 9, 10, 11
        BERKALA = "berkala", "Berkala"
        SERTA_MERTA = "serta_merta", "Serta-merta"
        SETIAP_SAAT = "setiap_saat", "Tersedia setiap saat"

    uid = models.UUIDField(
        "ID publik",
        default=uuid.uuid4,
        editable=False,
        help_text="Tetap sama pada ekspor, impor dan salinan tahun berikutnya.",
    )
    edisi = models.ForeignKey(
        DipEdisi, on_delete=models.CASCADE, related_name="informasi", verbose_name="edisi DIP"
    )
    nomor = models.PositiveIntegerField("nomor urut", default=0, editable=False)
    ringkasan = models.TextField("ringkasan isi informasi", max_length=2000)
    pejabat_penguasa = models.CharField("pejabat/unit yang menguasai informasi", max_length=255)
    penanggung_jawab = models.CharField(
        "penanggung jawab pembuatan/penerbitan informasi", max_length=255
    )
    waktu_pembuatan = models.CharField("waktu pembuatan", max_length=100)
    tempat_pembuatan = models.CharField("tempat pembuatan", max_length=150)
    bentuk = models.CharField("bentuk informasi", max_length=10, choices=Bentuk.choices)
    jangka_waktu_penyimpanan = models.CharField(
        "jangka waktu penyimpanan (retensi)", max_length=100
    )
    jenis = models.CharField("jenis informasi", max_length=12, choices=Jenis.choices)
    opd = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="perangkat daerah"
    )

    objects = InformasiPublikQuerySet.as_manager()

    class Meta:
        ordering = ["edisi", "nomor", "pk"]
        verbose_name = "informasi publik"
        verbose_name_plural = "informasi publik"
        constraints = [
            models.UniqueConstraint(fields=["edisi", "uid"], name="informasipublik_edisi_uid_unik")
        ]

    def __str__(self) -> str:
        return self.ringkasan[:80]

    def save(self, *args: Any, **kwargs: Any) -> None:
        edisi = DipEdisi.objects.select_related("unit", "provinsi").get(pk=self.edisi_id)
        if edisi.beku:
            raise EdisiBeku(edisi.pesan_beku())
        if self.pk is not None:
            old_edisi_id = (
                InformasiPublik.objects.filter(pk=self.pk)
                .values_list("edisi_id", flat=True)
                .first()
            )
            if old_edisi_id is not None and old_edisi_id != self.edisi_id:
                old = DipEdisi.objects.select_related("unit", "provinsi").get(pk=old_edisi_id)
                if old.beku:
                    raise EdisiBeku(old.pesan_beku())
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any):
        edisi = DipEdisi.objects.select_related("unit", "provinsi").get(pk=self.edisi_id)
        if edisi.beku:
            raise EdisiBeku(edisi.pesan_beku())
        return super().delete(*args, **kwargs)

    @property
    def waktu_dan_tempat(self) -> str:
        return f"{self.waktu_pembuatan}, {self.tempat_pembuatan}"


class CatatanKoreksi(models.Model):
    """A note that sent a DIP (or one of its entries) back: the PPID's correction, the
    petugas's note on an incomplete submission, the Atasan PPID's note. Kept forever (the
    SOP keeps the history of corrections); printed as the correction sheet."""

    edisi = models.ForeignKey(
        DipEdisi, on_delete=models.CASCADE, related_name="catatan_koreksi", verbose_name="edisi"
    )
    informasi = models.ForeignKey(
        InformasiPublik,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="catatan_koreksi",
        verbose_name="entri",
    )
    # The entry as it read when the note was written (the entry may be changed or deleted).
    ringkasan_informasi = models.TextField("entri yang dikoreksi", max_length=2000, blank=True)
    catatan = models.TextField("catatan koreksi", max_length=4000)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="dibuat oleh",
    )
    peran = models.CharField("sebagai", max_length=12, choices=Role.choices)
    dibuat_pada = models.DateTimeField("dibuat pada", auto_now_add=True)
    ditindaklanjuti_pada = models.DateTimeField("ditindaklanjuti pada", null=True, blank=True)

    class Meta:
        ordering = ["dibuat_pada", "pk"]
        verbose_name = "catatan koreksi"
        verbose_name_plural = "catatan koreksi"

    def __str__(self) -> str:
        return self.catatan[:80]

    @property
    def terbuka(self) -> bool:
        return self.ditindaklanjuti_pada is None


class Publikasi(models.Model):
    """Where and when an adopted DIP was published once the online system worked again
    (SOP Pendokumentasian DIP, langkah 3)."""

    class Kanal(models.TextChoices):
        WEBSITE_PPID = "ppid", "Website PPID"
        BALI_SATU_DATA = "balisatudata", "Bali Satu Data"
        WEBSITE_OPD = "opd", "Website perangkat daerah"

    edisi = models.ForeignKey(
        DipEdisi, on_delete=models.PROTECT, related_name="publikasi", verbose_name="edisi"
    )
    kanal = models.CharField("kanal", max_length=20, choices=Kanal.choices)
    tanggal = models.DateField("tanggal publikasi")
    url = models.URLField("alamat (URL)", max_length=500)
    keterangan = models.CharField("keterangan", max_length=300, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="dicatat oleh",
    )
    dicatat_pada = models.DateTimeField("dicatat pada", auto_now_add=True)

    class Meta:
        ordering = ["tanggal", "pk"]
        verbose_name = "publikasi DIP"
        verbose_name_plural = "publikasi DIP"

    def __str__(self) -> str:
        return f"{self.get_kanal_display()} {self.tanggal:%d-%m-%Y}"


# UU 14/2008 Pasal 17: the exemptions (ppid_manual/hukum.py; one class for the refusals and
# the DIK).
Pasal17 = hukum.Pasal17


class InformasiDikecualikanQuerySet(models.QuerySet):
    def aktif(self) -> InformasiDikecualikanQuerySet:
        return self.filter(aktif=True)

    def dikecualikan_pada(self, tanggal: datetime.date) -> InformasiDikecualikanQuerySet:
        """What a penetapan of `tanggal` lists: the entries in force, tested on or before that
        day, whose uji concluded that closing them protects the greater interest (an entry
        whose weighing concluded "dibuka" is not exempt: UU 14/2008 Pasal 2(4))."""
        dibuka = InformasiDikecualikan.Kesimpulan.DIBUKA
        return (
            self.aktif()
            .filter(ditetapkan_pada__lte=tanggal)
            .exclude(kesimpulan_konsekuensi=dibuka)
            .exclude(kesimpulan_kepentingan_publik=dibuka)
            .select_related("opd")
            .order_by("opd__nama", "ditetapkan_pada", "pk")
        )

    def cocok(self, opd_id: int | None, huruf: list[str]) -> InformasiDikecualikanQuerySet:
        """The entries in force that a refusal on these letters of Pasal 17 by this OPD
        matches: the same OPD, sharing at least one letter (stored "a,h")."""
        if not huruf:
            return self.none()
        shares = Q()
        for h in huruf:
            shares |= Q(pasal17__contains=h)
        return self.aktif().filter(shares, opd_id=opd_id)


class InformasiDikecualikan(Versioned):
    """One row of the DIK: exempt information with its uji konsekuensi (UU 14/2008 Pasal 2(4),
    Pasal 17, Pasal 19). Set by the PPID, who performs the uji konsekuensi (Pasal 19)."""

    uid = models.UUIDField("ID publik", default=uuid.uuid4, editable=False, unique=True)
    informasi = models.TextField("informasi yang dikecualikan", max_length=2000)
    opd = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="perangkat daerah yang menguasai",
    )
    pasal17 = models.CharField(
        f"{hukum.pasal('17')} UU 14/2008 huruf",
        max_length=30,
        blank=True,
        help_text="Huruf, dipisah koma, misalnya “a,h”.",
    )
    undang_undang_lain = models.CharField("dasar undang-undang lain", max_length=300, blank=True)
    konsekuensi = models.TextField(
        "uji konsekuensi (akibat bila informasi dibuka)", max_length=6000
    )

    # UU 14/2008 Pasal 2(4): the conclusions are the PPID's to choose, not fixed text.
    class Kesimpulan(models.TextChoices):
        DITUTUP = "ditutup", "Menutup informasi melindungi kepentingan yang lebih besar"
        DIBUKA = "dibuka", "Membuka informasi melindungi kepentingan yang lebih besar"

    kesimpulan_konsekuensi = models.CharField(
        "kesimpulan uji konsekuensi",
        max_length=10,
        choices=Kesimpulan.choices,
        default=Kesimpulan.DITUTUP,
    )
    # UU 14/2008 Pasal 2(4): the harm if opened (konsekuensi) is weighed against what
    # "kepatutan dan kepentingan umum" gain if it is opened. Required of every entry set or
    # changed since issue 26 (the form and `dip.actions`); older rows may lack it, and the
    # penetapan refuses them until the PPID completes them.
    kepentingan_publik = models.TextField(
        "pertimbangan kepatutan dan kepentingan umum (kepentingan umum bila informasi dibuka)",
        max_length=6000,
        blank=True,
    )
    kesimpulan_kepentingan_publik = models.CharField(
        "kesimpulan uji kepentingan publik",
        max_length=10,
        choices=Kesimpulan.choices,
        blank=True,
    )
    # Who took part in the uji with the PPID (UU 14/2008 Pasal 19: the PPID performs it; the
    # PPID Pelaksana holding the information, the Atasan PPID and others may join): each signs
    # the lembar uji. Officials from the Pejabat table, valid on `ditetapkan_pada`.
    peserta_uji = models.ManyToManyField(
        Pejabat,
        blank=True,
        related_name="+",
        verbose_name="peserta uji konsekuensi selain PPID",
    )
    jangka_waktu = models.CharField("jangka waktu pengecualian", max_length=200)
    dasar_penetapan = models.CharField(
        "dasar penetapan",
        max_length=300,
        blank=True,
        help_text="Misalnya nomor penetapan PPID atas hasil uji konsekuensi.",
    )
    ditetapkan_pada = models.DateField("ditetapkan pada")
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name="ditetapkan oleh",
    )
    aktif = models.BooleanField(
        "masih dikecualikan",
        default=True,
        help_text="Hapus centang bila jangka waktu pengecualian sudah berakhir.",
    )
    dicatat_pada = models.DateTimeField("dicatat pada", auto_now_add=True)

    objects = InformasiDikecualikanQuerySet.as_manager()

    class Meta:
        ordering = ["-ditetapkan_pada", "-pk"]
        verbose_name = "informasi yang dikecualikan"
        verbose_name_plural = "informasi yang dikecualikan"
        constraints = [
            models.CheckConstraint(
                condition=~Q(pasal17="") | ~Q(undang_undang_lain=""),
                name="dik_dasar_pengecualian_wajib",
                violation_error_message=(
                    f"Isi huruf {hukum.pasal('17')} atau dasar undang-undang lain (salah "
                    "satu wajib)."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.informasi[:80]

    @property
    def pasal17_huruf(self) -> list[str]:
        return [h for h in self.pasal17.split(",") if h]

    @property
    def pasal17_uraian(self) -> list[str]:
        """The Act's wording of each cited huruf, for letters and the DIK print."""
        return [hukum.pasal17_bunyi(h) for h in self.pasal17_huruf]

    @property
    def dasar_singkat(self) -> str:
        """“Pasal 17 huruf a dan h UU 14/2008; UU 36/2009 Pasal 57”"""
        parts = []
        huruf = self.pasal17_huruf
        if huruf:
            joined = huruf[0] if len(huruf) == 1 else ", ".join(huruf[:-1]) + " dan " + huruf[-1]
            parts.append(f"{hukum.pasal('17')} huruf {joined} UU 14/2008")
        if self.undang_undang_lain:
            parts.append(self.undang_undang_lain)
        return "; ".join(parts)


def peserta_tidak_menjabat(peserta: list[Pejabat], tanggal: datetime.date | None) -> str | None:
    """Why these participants cannot sign an uji of `tanggal`: one not in office that day (the
    lembar prints each participant's jabatan as it was)."""
    if tanggal is None:
        return None
    menjabat = set(Pejabat.objects.valid_on(tanggal).values_list("pk", flat=True))
    lain = [p for p in peserta if p.pk not in menjabat]
    if not lain:
        return None
    nama = ", ".join(f"{p.nama} ({p.jabatan})" for p in lain)
    return (
        f"Tidak menjabat pada tanggal uji {tanggal:%d-%m-%Y}: {nama}. Pilih peserta yang "
        "menjabat pada tanggal itu."
    )


class PenetapanDik(models.Model):
    """The DIK adopted by a numbered keputusan of the PPID (UU 14/2008 Pasal 19; Perki 1/2021:
    the PPID sets the Daftar Informasi yang Dikecualikan from its uji konsekuensi). Issued
    once by `dip.actions.issue_penetapan_dik` with its number, signed by the PPID in office
    on its date (the Pejabat table, not the account that pressed the button), and stored as
    issued; a later DIK is a new penetapan."""

    nomor = models.CharField("nomor", max_length=150, unique=True, editable=False)
    tanggal = models.DateField("tanggal penetapan", editable=False)
    penandatangan = models.ForeignKey(
        Pejabat,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name="PPID penanda tangan",
    )
    informasi = models.ManyToManyField(
        InformasiDikecualikan,
        related_name="penetapan",
        editable=False,
        verbose_name="informasi yang dikecualikan",
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name="dicatat oleh",
    )
    dibuat_pada = models.DateTimeField("dicatat pada", auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-pk"]
        verbose_name = "penetapan DIK"
        verbose_name_plural = "penetapan DIK"

    def __str__(self) -> str:
        return f"Penetapan DIK Nomor {self.nomor}"

    def daftar(self) -> InformasiDikecualikanQuerySet:
        """The entries as the lampiran numbers them (by OPD, then date of the uji)."""
        return self.informasi.select_related("opd").order_by("opd__nama", "ditetapkan_pada", "pk")
