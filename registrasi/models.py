"""Permohonan informasi publik: the pemohon, the request, the letters to the OPD, the tariffs
and the handover.

The step order lives in registrasi/alur.py and only the workflow engine assigns `status`;
writes go through registrasi/actions.py. Deadlines are computed by the calendar engine when the
clock starts and stored here (UU 14/2008 Pasal 22(7) and 22(8)).
"""

from __future__ import annotations

import datetime
import re
import uuid
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.functional import cached_property

from pemohon import kasus
from pemohon.models import (
    IdentitasKasus,
    Pemohon,
    identitas_kasus_cocok,
    indeks_identitas_kasus,
)
from ppid_manual import hukum
from ppid_manual.models import Unit
from ppid_manual.roles import Role
from ppid_manual.workflow import deadlines
from ppid_manual.workflow.penyampaian import Cara


class TarifQuerySet(models.QuerySet):
    def berlaku(self, day: datetime.date) -> TarifQuerySet:
        return self.filter(aktif=True, berlaku_dari__lte=day).filter(
            Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=day)
        )


class Tarif(models.Model):
    """A copy or delivery cost set by decree (e.g. Pergub Bali 37/2021 on satuan biaya jasa
    kantor). UU 14/2008 Pasal 21: costs must be reasonable; admin data with its legal source."""

    class Jenis(models.TextChoices):
        PENYALINAN = "penyalinan", "Penyalinan (per lembar/halaman)"
        MEDIA = "media", "Media penyimpan (per buah)"

    nama = models.CharField("nama tarif", max_length=150)
    jenis = models.CharField("jenis", max_length=12, choices=Jenis.choices)
    harga = models.DecimalField(
        "harga per satuan (Rp)",
        max_digits=12,
        decimal_places=0,
        validators=[MinValueValidator(Decimal("0"))],
    )
    satuan = models.CharField("satuan", max_length=30, default="lembar")
    dasar_hukum = models.CharField(
        "dasar hukum (SK/Pergub)", max_length=300, help_text="Nomor dan judul SK penetapan tarif."
    )
    berlaku_dari = models.DateField("berlaku dari")
    berlaku_sampai = models.DateField("berlaku sampai", null=True, blank=True)
    aktif = models.BooleanField("aktif", default=True)

    objects = TarifQuerySet.as_manager()

    class Meta:
        ordering = ["jenis", "nama"]
        verbose_name = "tarif"
        verbose_name_plural = "tarif"

    def __str__(self) -> str:
        return f"{self.nama} (Rp {int(self.harga):,}/{self.satuan})".replace(",", ".")


class PermohonanQuerySet(models.QuerySet):
    def for_user(self, user) -> PermohonanQuerySet:
        """What this user may see. PPID, Atasan PPID and Admin see every request. A PPID
        Pelaksana sees the requests registered at its OPD's desk or routed to its OPD now. A
        petugas of the PPID Utama desk sees all; a petugas at an OPD desk sees that desk's."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser or user.has_role(Role.PPID, Role.ATASAN, Role.ADMIN):
            return self
        cond = Q(pk__in=[])
        if user.unit_id is not None:
            if user.has_role(Role.PELAKSANA):
                cond |= Q(unit_registrasi_id=user.unit_id) | Q(unit_tujuan_id=user.unit_id)
            if user.has_role(Role.PETUGAS):
                if user.unit.jenis == Unit.Jenis.PPID_UTAMA:
                    return self
                cond |= Q(unit_registrasi_id=user.unit_id)
        return self.filter(cond)

    def registered(self) -> PermohonanQuerySet:
        """In the register: everything that got a nomor pendaftaran."""
        return self.exclude(status__in=[Permohonan.Status.BARU, Permohonan.Status.DIKEMBALIKAN])

    def running(self) -> PermohonanQuerySet:
        """The 10-hk clock is running: the written notice is still due."""
        return self.filter(status__in=Permohonan.CLOCK_RUNNING)

    def open(self) -> PermohonanQuerySet:
        """Not closed: the notice is still due, or information is still to be handed over."""
        return self.filter(status__in=Permohonan.OPEN)

    def closed(self) -> PermohonanQuerySet:
        return self.filter(status__in=[Permohonan.Status.SELESAI, Permohonan.Status.DITARIK])

    def overdue(self, today: datetime.date) -> PermohonanQuerySet:
        """The notice was due before today and has not been issued."""
        return self.filter(overdue_q(today))

    def near_due(self, today: datetime.date) -> PermohonanQuerySet:
        """Due today or within the next 2 working days (and not overdue): the notice, or the
        SOP's handover target."""
        limit = deadlines.near_due_limit(today)
        return self.filter(
            Q(status__in=Permohonan.CLOCK_RUNNING, tenggat__gte=today, tenggat__lt=limit)
            | Q(
                status__in=Permohonan.PENYERAHAN,
                target_penyerahan__gte=today,
                target_penyerahan__lt=limit,
            )
        )

    def needs_action(self, user) -> PermohonanQuerySet:
        """What waits on this user now (the work list's first tab), per role and OPD."""
        S = Permohonan.Status
        handover = [S.MENUNGGU_PENYERAHAN, S.DIBUKA_KEMBALI]
        # The states that wait on the user whatever the OPD go into one `status IN (...)`:
        # PostgreSQL reads one index range for it, but scans the whole index for an OR of two.
        statuses: set[str] = set()
        cond = Q(pk__in=[])
        if user.has_role(Role.PPID):
            statuses.update(Permohonan.CLOCK_RUNNING, handover)
        if user.has_role(Role.PELAKSANA) and user.unit_id is not None:
            cond |= Q(status=S.DIMINTAKAN_KE_OPD, unit_tujuan_id=user.unit_id)
            cond |= Q(status=S.TERDAFTAR, unit_registrasi_id=user.unit_id, diteruskan_ke_ppid=False)
            cond |= Q(status__in=handover, unit_registrasi_id=user.unit_id)
        if user.has_role(Role.PETUGAS):
            statuses.update(handover)
        if statuses:
            cond |= Q(status__in=sorted(statuses))
        return self.for_user(user).filter(cond)

    def register(self, dari: datetime.date, sampai: datetime.date) -> PermohonanQuerySet:
        """The Register Permohonan for a period, with what its columns read
        (registrasi/register.py): the pemohon, and the OPD's latest answer (`jawaban_opd`, for
        the status before the PPID decides). The handovers, the OPD and the tariff are put on
        each row afterwards (register.siapkan)."""
        # The OPD's answer as a subquery per row: a join with the letters would multiply the
        # rows of a request sent to two OPDs.
        jawaban = (
            SuratPermintaan.objects.filter(permohonan=models.OuterRef("pk"), dialihkan=False)
            .exclude(jawaban="")
            .order_by("-tanggal_jawaban", "-pk")
            .values("jawaban")[:1]
        )
        return (
            self.registered()
            .filter(tanggal_daftar__range=(dari, sampai))
            .select_related("pemohon")
            .annotate(jawaban_opd=models.Subquery(jawaban))
            .order_by("tanggal_daftar", "pk")
        )

    def for_list(self) -> PermohonanQuerySet:
        """The columns the work list shows and its deadline marks need, with the case's
        identity and the two units: a page reads and builds 11 of the request's columns."""
        return self.select_related("unit_registrasi", "unit_tujuan").only(
            "nomor_pendaftaran",
            "tanggal_daftar",
            "dibuat",
            "rincian_informasi",
            "status",
            "diperpanjang",
            "tenggat",
            # The handover's SOP target binds a case waiting for its handover (issue 18).
            "target_penyerahan",
            # The identity given for each case (issue 15), not the address book's today.
            "pemohon_id",
            "identitas_pemohon",
            "unit_registrasi__singkatan",
            "unit_tujuan__singkatan",
        )

    def search(self, q: str, user) -> PermohonanQuerySet:
        """The number, or the pemohon's name or (typed as digits) part of the NIK as given on
        a case `user` may see: that case, and the pemohon's other cases here (an earlier or a
        later name finds them all; `pemohon.kasus.pemohon_dikenal`, never the shared record).

        One scan of the requests: the number by its trigram index, ORed with the cases whose
        own identity matches (trigram indexes on it, `indeks_identitas_kasus`) and those of
        the same pemohon given another identity on another case (`key_in`: their keys found
        first, from the few cases marked `identitas_beragam`). PostgreSQL, see Meta.indexes."""
        q = q.strip()
        if not q:
            return self
        if NOMOR_DARI_AWAL.fullmatch(q):
            # A number typed (or scanned) from its start: the numbers that start so, read
            # from a prefix index. Its trigrams ("REG", "/20", ...) are in nearly every
            # number, so the trigram index would read most of the table.
            return self.filter(nomor_pendaftaran__istartswith=q)
        digits = "".join(ch for ch in q if ch.isdigit())
        nik = digits if len(digits) >= 4 and digits == q.replace(" ", "") else ""
        cocok = identitas_kasus_cocok(nama=q, nik=nik)
        return self.filter(
            Q(nomor_pendaftaran__icontains=q) | cocok | kasus.pemohon_dikenal(user, cocok, self.db)
        )


#: A registration number typed from its start: its sequence, a slash, and more (no spaces:
#: not a name).
NOMOR_DARI_AWAL = re.compile(r"\d+/\S+")


#: The date a request waiting for its handover binds to: the one the notice promised for
#: information not yet documented (Pasal 22(7) huruf c), else the SOP's handover target (also
#: of a request a keberatan reopened: its date is the Atasan PPID's, in `tanggal_siap`).
TENGGAT_SERAH = models.Case(
    models.When(
        keputusan="belum_didokumentasikan", status="menunggu_penyerahan", then="tanggal_tersedia"
    ),
    default="target_penyerahan",
)


def overdue_q(at: datetime.date) -> Q:
    """The notice is still due and its deadline passed before `at`, or the information waits
    past the SOP's handover target: `objects.overdue(today)`, and (with no notice issued) the
    Laporan's count of late requests as at the end of its period."""
    return Q(status__in=Permohonan.CLOCK_RUNNING, tenggat__lt=at) | Q(
        status__in=Permohonan.PENYERAHAN, target_penyerahan__lt=at
    )


def scan_path(instance: Permohonan, filename: str) -> str:
    # A random name: the file name the pemohon's scanner chose may contain their name or NIK.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    today = timezone.localdate()
    return f"identitas/{today:%Y/%m}/{uuid.uuid4().hex}.{ext}"


class Permohonan(IdentitasKasus):
    """One request for public information (UU 14/2008 Pasal 22; Perki 1/2021)."""

    class Status(models.TextChoices):
        BARU = "baru", "Baru (belum diperiksa)"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan (berkas kurang lengkap)"
        TERDAFTAR = "terdaftar", "Terdaftar"
        DIMINTAKAN_KE_OPD = "dimintakan_opd", "Menunggu jawaban OPD"
        SIAP_DIPUTUS = "siap_diputus", "Siap diputuskan"
        MENUNGGU_PENYERAHAN = "menunggu_penyerahan", "Menunggu penyerahan informasi"
        DIBUKA_KEMBALI = "dibuka_kembali", "Dibuka kembali (putusan keberatan)"
        SELESAI = "selesai", "Selesai"
        DITARIK = "ditarik", "Ditarik pemohon"

    class Keputusan(models.TextChoices):
        DIBERIKAN_SELURUHNYA = "seluruhnya", "Informasi diberikan seluruhnya"
        DIBERIKAN_SEBAGIAN = "sebagian", "Informasi diberikan sebagian"
        DITOLAK = "ditolak", "Ditolak (informasi dikecualikan)"
        TIDAK_DIKUASAI = "tidak_dikuasai", "Informasi tidak dikuasai"
        BELUM_DIDOKUMENTASIKAN = "belum_didokumentasikan", "Informasi belum didokumentasikan"

    class Klasifikasi(models.TextChoices):
        TERBUKA = "terbuka", "Terbuka (DIP)"
        DIKECUALIKAN = "dikecualikan", "Dikecualikan (DIK)"

    class CaraPengajuan(models.TextChoices):
        LANGSUNG = "langsung", "Datang langsung"
        SURAT = "surat", "Surat/pos"
        EMAIL = "email", "Surat elektronik (e-mail)"
        FAKSIMILI = "faksimili", "Faksimili"

    class CaraMemperoleh(models.TextChoices):
        MELIHAT = "melihat", "Melihat/membaca/mendengarkan/mencatat"
        HARDCOPY = "hardcopy", "Mendapatkan salinan (hardcopy)"
        SOFTCOPY = "softcopy", "Mendapatkan salinan (softcopy)"

    class CaraSalinan(models.TextChoices):
        MENGAMBIL = "mengambil", "Mengambil langsung"
        KURIR = "kurir", "Kurir"
        POS = "pos", "Pos"
        FAKSIMILI = "faksimili", "Faksimili"
        EMAIL = "email", "Surat elektronik (e-mail)"

    class BentukInformasi(models.TextChoices):
        """The form the information is held and given in, as decided (Perki 1/2021 register:
        "Bentuk informasi yang dikuasai")."""

        HARDCOPY = "hardcopy", "Salinan tercetak (hardcopy)"
        SOFTCOPY = "softcopy", "Salinan elektronik (softcopy)"
        KEDUANYA = "keduanya", "Salinan tercetak dan elektronik (hardcopy dan softcopy)"

    class CaraPembayaran(models.TextChoices):
        """How the pemohon pays the copy/delivery cost (UU 14/2008 Pasal 22(7) huruf g)."""

        TUNAI = "tunai", "Tunai di meja layanan PPID pada saat penyerahan, dengan kuitansi"
        TRANSFER = "transfer", "Transfer ke Rekening Kas Umum Daerah Provinsi Bali"

    # UU 14/2008 Pasal 17: the grounds for exempting information (ppid_manual/hukum.py).
    Pasal17 = hukum.Pasal17

    # The 10-hk clock is running (Pasal 22(7)): the written notice is still due.
    CLOCK_RUNNING = (Status.TERDAFTAR, Status.DIMINTAKAN_KE_OPD, Status.SIAP_DIPUTUS)
    # Waiting for the handover: the SOP's 1-hk handover target runs (SOP langkah 5).
    PENYERAHAN = (Status.MENUNGGU_PENYERAHAN, Status.DIBUKA_KEMBALI)
    OPEN = CLOCK_RUNNING + PENYERAHAN

    # --- intake -------------------------------------------------------------------------
    pemohon = models.ForeignKey(
        Pemohon, on_delete=models.PROTECT, related_name="permohonan", verbose_name="pemohon"
    )
    status = models.CharField(
        "status", max_length=24, choices=Status.choices, default=Status.BARU, db_index=True
    )
    kunci_idempotensi = models.UUIDField(
        "kunci formulir",
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Token sekali pakai dari formulir: klik ganda tidak mendaftarkan dua kali.",
    )
    unit_registrasi = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="permohonan_didaftarkan",
        verbose_name="meja pendaftaran (OPD)",
    )
    unit_tujuan = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="permohonan_ditujukan",
        null=True,
        blank=True,
        verbose_name="OPD yang menguasai informasi",
    )
    didaftarkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="petugas",
    )
    cara_pengajuan = models.CharField(
        "cara pengajuan",
        max_length=12,
        choices=CaraPengajuan.choices,
        default=CaraPengajuan.LANGSUNG,
    )
    rincian_informasi = models.TextField("rincian informasi yang dibutuhkan", max_length=2000)
    tujuan_penggunaan = models.TextField("tujuan penggunaan informasi", max_length=1000)
    cara_memperoleh = models.CharField(
        "cara memperoleh informasi", max_length=12, choices=CaraMemperoleh.choices
    )
    cara_salinan = models.CharField(
        "cara mendapatkan salinan", max_length=12, choices=CaraSalinan.choices, blank=True
    )
    formulir_lengkap = models.BooleanField("formulir diisi lengkap", default=False)
    identitas_diterima = models.BooleanField("fotokopi identitas diterima", default=False)
    catatan_kekurangan = models.TextField("kekurangan lain", max_length=1000, blank=True)
    scan_identitas = models.FileField(
        "pindaian identitas", upload_to=scan_path, blank=True, max_length=200
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    # How the catatan pengembalian reached the pemohon, when it was sent (a form that came
    # by post or e-mail); at the desk it is handed over with the file.
    pengembalian_cara = models.CharField(
        "cara penyampaian catatan pengembalian", max_length=8, choices=Cara.choices, blank=True
    )
    pengembalian_diterima = models.DateField(
        "catatan pengembalian diterima pemohon", null=True, blank=True
    )
    pengembalian_perkiraan = models.BooleanField(
        "tanggal diterima catatan pengembalian masih perkiraan", default=True
    )
    pengembalian_dikirim = models.DateField("catatan pengembalian dikirim", null=True, blank=True)

    # --- registration and the clock (Pasal 22(4), 22(7), 22(8)) -----------------------
    nomor_pendaftaran = models.CharField(
        "nomor pendaftaran", max_length=150, unique=True, null=True, blank=True
    )
    tanggal_daftar = models.DateField("tanggal pendaftaran", null=True, blank=True, db_index=True)
    tenggat_awal = models.DateField(
        f"tenggat {hukum.HK_PEMBERITAHUAN} hari kerja", null=True, blank=True
    )
    tenggat = models.DateField("tenggat pemberitahuan", null=True, blank=True, db_index=True)
    diperpanjang = models.BooleanField("diperpanjang", default=False)
    nomor_perpanjangan = models.CharField(
        "nomor surat perpanjangan", max_length=150, unique=True, null=True, blank=True
    )
    tanggal_perpanjangan = models.DateField("tanggal perpanjangan", null=True, blank=True)
    alasan_perpanjangan = models.TextField("alasan perpanjangan", max_length=2000, blank=True)
    # How the extension notice reached the pemohon (ppid_manual/workflow/penyampaian.py).
    perpanjangan_cara = models.CharField(
        "cara penyampaian pemberitahuan perpanjangan",
        max_length=8,
        choices=Cara.choices,
        blank=True,
    )
    perpanjangan_diterima = models.DateField(
        "pemberitahuan perpanjangan diterima pemohon", null=True, blank=True
    )
    perpanjangan_perkiraan = models.BooleanField(
        "tanggal diterima pemberitahuan perpanjangan masih perkiraan", default=True
    )
    perpanjangan_dikirim = models.DateField(
        "pemberitahuan perpanjangan dikirim", null=True, blank=True
    )
    diteruskan_ke_ppid = models.BooleanField(
        "diteruskan PPID Pelaksana ke PPID",
        default=False,
        help_text="SOP: PPID Pelaksana yang tidak menguasai informasi berkoordinasi ke PPID.",
    )

    # --- a late entry of a paper form (ppid_manual/workflow/susulan.py) -----------------
    entri_susulan = models.BooleanField("entri susulan dari formulir kertas", default=False)
    nomor_kertas = models.CharField("nomor lembar kertas", max_length=50, blank=True)
    alasan_susulan = models.TextField("alasan entri susulan", max_length=500, blank=True)
    petugas_kertas = models.CharField("petugas penerima kertas", max_length=150, blank=True)
    susulan_terlambat = models.BooleanField(
        f"entri susulan melewati {hukum.SOP_ENTRI} hari kerja (SOP)", default=False
    )

    # --- decision (Pasal 22(7); Perki 1/2021) -----------------------------------------
    keputusan = models.CharField("keputusan", max_length=24, choices=Keputusan.choices, blank=True)
    klasifikasi = models.CharField(
        "klasifikasi informasi", max_length=12, choices=Klasifikasi.choices, blank=True
    )
    nomor_pemberitahuan = models.CharField(
        "nomor pemberitahuan tertulis", max_length=150, unique=True, null=True, blank=True
    )
    tanggal_pemberitahuan = models.DateField(
        "tanggal pemberitahuan", null=True, blank=True, db_index=True
    )
    # How the notice reached the pemohon (ppid_manual/workflow/penyampaian.py): Pasal 36(1)
    # counts the 30 hk to file a keberatan from the pemohon's receipt.
    pemberitahuan_cara = models.CharField(
        "cara penyampaian pemberitahuan", max_length=8, choices=Cara.choices, blank=True
    )
    pemberitahuan_diterima = models.DateField(
        "pemberitahuan diterima pemohon", null=True, blank=True
    )
    pemberitahuan_perkiraan = models.BooleanField(
        "tanggal diterima pemberitahuan masih perkiraan", default=True
    )
    pemberitahuan_dikirim = models.DateField("pemberitahuan dikirim", null=True, blank=True)
    # Working days from registration to the notice, counted by the calendar engine when the
    # notice is issued: the Laporan Layanan aggregates it in the database.
    hk_pemberitahuan = models.PositiveSmallIntegerField(
        "hari kerja sampai pemberitahuan", null=True, blank=True
    )
    uraian_informasi = models.TextField(
        "informasi yang diberikan / penjelasan", max_length=3000, blank=True
    )
    bagian_dihitamkan = models.TextField("bagian yang dihitamkan", max_length=2000, blank=True)
    pasal17 = models.JSONField(f"{hukum.pasal('17')} huruf", default=list, blank=True)
    undang_undang_lain = models.CharField("dasar undang-undang lain", max_length=300, blank=True)
    konsekuensi = models.TextField("uji konsekuensi", max_length=4000, blank=True)
    nomor_sk_penolakan = models.CharField(
        "nomor SK penolakan", max_length=150, unique=True, null=True, blank=True
    )
    # How the SK penolakan reached the pemohon: the refusal's keberatan window (Pasal 36(1))
    # counts from its receipt once recorded.
    sk_penolakan_cara = models.CharField(
        "cara penyampaian SK penolakan", max_length=8, choices=Cara.choices, blank=True
    )
    sk_penolakan_diterima = models.DateField("SK penolakan diterima pemohon", null=True, blank=True)
    sk_penolakan_perkiraan = models.BooleanField(
        "tanggal diterima SK penolakan masih perkiraan", default=True
    )
    sk_penolakan_dikirim = models.DateField("SK penolakan dikirim", null=True, blank=True)
    penguasa_informasi = models.CharField(
        "badan publik yang menguasai informasi", max_length=300, blank=True
    )
    perkiraan_halaman = models.PositiveIntegerField(
        "perkiraan jumlah halaman", null=True, blank=True
    )
    perkiraan_tarif = models.ForeignKey(
        Tarif,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="tarif penyalinan",
    )
    perkiraan_biaya_kirim = models.DecimalField(
        "perkiraan biaya pengiriman", max_digits=12, decimal_places=0, default=Decimal("0")
    )
    waktu_penyediaan = models.CharField("waktu penyediaan informasi", max_length=200, blank=True)
    # Pasal 22(7) huruf f and g: the form/format of what is given and how the cost is paid;
    # for "belum didokumentasikan" the date by which it will be (Perki 1/2021).
    bentuk_informasi = models.CharField(
        "bentuk informasi", max_length=10, choices=BentukInformasi.choices, blank=True
    )
    format_informasi = models.CharField(
        "format informasi", max_length=100, blank=True, help_text="Misalnya: PDF, 12 halaman."
    )
    cara_pembayaran = models.CharField(
        "cara pembayaran", max_length=10, choices=CaraPembayaran.choices, blank=True
    )
    tanggal_tersedia = models.DateField("informasi tersedia paling lambat", null=True, blank=True)
    # SOP langkah 5: the handover within 1 hk of the information being ready (the notice of
    # a grant, the date a "belum didokumentasikan" promised, a keberatan's reopening).
    tanggal_siap = models.DateField("informasi siap diserahkan", null=True, blank=True)
    target_penyerahan = models.DateField(
        f"target penyerahan (SOP {hukum.SOP_PENYERAHAN} hk)", null=True, blank=True
    )
    # A keberatan's fee correction (UU 14/2008 Pasal 35(1) huruf f; keberatan.Keputusan.BIAYA):
    # the handover charges no more than this total.
    biaya_ditetapkan = models.DecimalField(
        "biaya ditetapkan Atasan PPID (Rp)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    # The unit that issued the notice: the PPID Utama, or the OPD whose PPID Pelaksana
    # answered directly (its kop, number and official).
    unit_pemberitahuan = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="unit penerbit pemberitahuan",
    )
    tanggal_ditutup = models.DateField("tanggal ditutup", null=True, blank=True)

    objects = PermohonanQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal_daftar", "-pk"]
        verbose_name = "permohonan informasi"
        verbose_name_plural = "permohonan informasi"
        indexes = [
            models.Index(fields=["status", "tenggat"], name="permohonan_status_tenggat"),
            # The requests whose notice is still due, in deadline order (the PPID's own work
            # on the home page: the nearest 15 of about a thousand at 100,000 requests, read
            # from this index instead of scanning every request's deadline). The statuses are
            # CLOCK_RUNNING's (a test holds them equal).
            models.Index(
                fields=["tenggat", "id"],
                condition=Q(status__in=["terdaftar", "dimintakan_opd", "siap_diputus"]),
                name="permohonan_berjalan_tenggat",
            ),
            # The open requests in the work list's order (deadline, date, key): its first
            # page is read from here, not by walking the deadlines of the closed ones too.
            # The statuses are OPEN's (a test holds them equal).
            models.Index(
                fields=["tenggat", "tanggal_daftar", "id"],
                condition=Q(
                    status__in=[
                        "terdaftar",
                        "dimintakan_opd",
                        "siap_diputus",
                        "menunggu_penyerahan",
                        "dibuka_kembali",
                    ]
                ),
                name="permohonan_terbuka_urut",
            ),
            # The requests waiting for their handover, in the order of its SOP target (the
            # overdue and near-due figures of every list page: issue 18's handover target).
            # The statuses are PENYERAHAN's (a test holds them equal).
            models.Index(
                fields=["target_penyerahan", "id"],
                condition=Q(status__in=["menunggu_penyerahan", "dibuka_kembali"]),
                name="permohonan_penyerahan_target",
            ),
            # The handover work in the order of the date it binds to (tenggat_serah:
            # layanan/tugas.py): the first page of the home page's list.
            models.Index(
                TENGGAT_SERAH,
                "id",
                condition=Q(status__in=["menunggu_penyerahan", "dibuka_kembali"]),
                name="permohonan_tenggat_serah",
            ),
            # A number typed from its start (PermohonanQuerySet.search): a prefix of the
            # upper-cased number; PostgreSQL only (SQLite's LIKE needs no such index).
            models.Index(
                OpClass(Upper("nomor_pendaftaran"), name="text_pattern_ops"),
                name="permohonan_nomor_awal",
            ),
            # The search by number (PermohonanQuerySet.search); PostgreSQL only (0003).
            GinIndex(
                OpClass(Upper("nomor_pendaftaran"), name="gin_trgm_ops"),
                name="permohonan_nomor_trgm",
            ),
            # The desk's search by words of the request (layanan/cari.py); PostgreSQL
            # only (0004).
            GinIndex(
                OpClass(Upper("rincian_informasi"), name="gin_trgm_ops"),
                name="permohonan_rincian_trgm",
            ),
            # The search by the identity given on each case (identitas_kasus_cocok);
            # PostgreSQL only (0019).
            *indeks_identitas_kasus("permohonan"),
        ]

    def __str__(self) -> str:
        return self.nomor_pendaftaran or f"Berkas #{self.pk} ({self.get_status_display()})"

    # --- predicates ---------------------------------------------------------------------
    @property
    def status_css(self) -> str:
        """The Bootstrap colour of the status badge."""
        return {
            self.Status.TERDAFTAR: "primary",
            self.Status.DIMINTAKAN_KE_OPD: "info",
            self.Status.SIAP_DIPUTUS: "primary",
            self.Status.MENUNGGU_PENYERAHAN: "success",
            self.Status.DIBUKA_KEMBALI: "warning",
            self.Status.DIKEMBALIKAN: "warning",
            self.Status.DITARIK: "dark",
        }.get(self.status, "secondary")

    @property
    def clock_running(self) -> bool:
        return self.status in self.CLOCK_RUNNING

    @property
    def is_returned(self) -> bool:
        return self.status == self.Status.DIKEMBALIKAN

    @property
    def tanggal_pengembalian(self) -> datetime.date | None:
        """The date of the catatan pengembalian (the day the file was returned)."""
        if not self.is_returned or self.dibuat is None:
            return None
        return timezone.localdate(self.dibuat)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def tenggat_berjalan(self) -> datetime.date | None:
        """The date that binds the case now: the notice's deadline while its clock runs, the
        SOP's handover target while the information waits to be handed over."""
        if self.clock_running:
            return self.tenggat
        if self.status in self.PENYERAHAN:
            return self.target_penyerahan
        return None

    def is_overdue(self, today: datetime.date) -> bool:
        due = self.tenggat_berjalan
        return due is not None and due < today

    def is_near_due(self, today: datetime.date, limit: datetime.date | None = None) -> bool:
        """Due today or within 2 working days (ppid_manual.workflow.deadlines; `limit` from
        near_due_limit when a page tests many rows)."""
        return deadlines.is_near_due(self.tenggat_berjalan, today, limit)

    def can_extend(self, today: datetime.date) -> str | None:
        """None when the one extension is still possible, else why not (Pasal 22(8))."""
        if self.diperpanjang:
            return (
                "Permohonan ini sudah pernah diperpanjang; UU 14/2008 "
                f"{hukum.pasal('22(8)')} hanya "
                "membolehkan satu kali perpanjangan."
            )
        if self.tenggat_awal is not None and today > self.tenggat_awal:
            return (
                f"Tenggat {hukum.HK_PEMBERITAHUAN} hari kerja sudah lewat; perpanjangan "
                "hanya dapat diberikan "
                f"sebelum tenggat berakhir (UU 14/2008 {hukum.pasal('22(8)')})."
            )
        return None

    def visible_to(self, user) -> bool:
        """The same rule as PermohonanQuerySet.for_user, for one loaded row."""
        if user.is_superuser or user.has_role(Role.PPID, Role.ATASAN, Role.ADMIN):
            return True
        if user.unit_id is None:
            return False
        if user.has_role(Role.PELAKSANA) and user.unit_id in (
            self.unit_registrasi_id,
            self.unit_tujuan_id,
        ):
            return True
        if user.has_role(Role.PETUGAS) and (
            user.unit.jenis == Unit.Jenis.PPID_UTAMA or user.unit_id == self.unit_registrasi_id
        ):
            return True
        return False

    @property
    def memerlukan_salinan(self) -> bool:
        return self.cara_memperoleh in (self.CaraMemperoleh.HARDCOPY, self.CaraMemperoleh.SOFTCOPY)

    @property
    def penguasaan(self) -> str:
        """Pasal 22(7) huruf a and b: whether the information is held, and by whom if not."""
        K = self.Keputusan
        if self.keputusan == K.TIDAK_DIKUASAI:
            holder = f"; dikuasai oleh {self.penguasa_informasi}" if self.penguasa_informasi else ""
            return f"Tidak di bawah penguasaan Pemerintah Provinsi Bali{holder}"
        if self.keputusan == K.BELUM_DIDOKUMENTASIKAN:
            return "Belum didokumentasikan"
        if self.keputusan:
            return "Di bawah penguasaan Pemerintah Provinsi Bali"
        return ""

    @property
    def pasal22_huruf(self) -> list[str]:
        """The letters of UU 14/2008 Pasal 22(7) that the notice of this outcome answers
        (ppid_manual/hukum.py)."""
        return list(hukum.PASAL_22_AYAT_7_PER_KEPUTUSAN.get(self.keputusan, ()))

    def pasal17_uraian(self) -> list[tuple[str, str]]:
        """[("h", "mengungkap rahasia pribadi"), ...]: the letter and its words apart, so a
        letter can write "Pasal 17 huruf h Undang-Undang … (mengungkap rahasia pribadi)"."""
        return [(h, hukum.pasal17_pokok(h)) for h in self.pasal17 if h in self.Pasal17.values]

    def get_pasal17_display(self) -> list[str]:
        return [self.Pasal17(h).label for h in self.pasal17 if h in self.Pasal17.values]

    @cached_property
    def putusan_keberatan(self):
        """The Atasan PPID's answer on a keberatan that reopened this request for the handover
        (UU 14/2008 Pasal 36: given in full or in part, the fee or the time corrected), the
        latest; None when none did. It is a fact of the keberatan: the PPID's own decision
        (`keputusan`, `pasal17`, the notice's text) stays as the notice stated it, and the
        register, the Laporan and the export show both (registrasi.register.siapkan sets it
        for a whole register at once)."""
        if self.pk is None:
            return None
        from ppid_manual import penghubung

        return penghubung.PUTUSAN_KEBERATAN([self.pk]).get(self.pk)

    @property
    def informasi_diserahkan(self) -> str:
        """What the handover gives: the Atasan PPID's terms when a keberatan reopened the
        request (a partial grant names what is given; a refusal overturned gives what was
        asked), else what the PPID's notice gave."""
        k = self.putusan_keberatan
        if k is not None:
            if k.informasi_diberikan:
                return k.informasi_diberikan
            if self.keputusan not in (
                self.Keputusan.DIBERIKAN_SELURUHNYA,
                self.Keputusan.DIBERIKAN_SEBAGIAN,
            ):
                return self.rincian_informasi
        return self.uraian_informasi or self.rincian_informasi

    @property
    def perkiraan_biaya_salinan(self) -> Decimal:
        if self.perkiraan_tarif is None or not self.perkiraan_halaman:
            return Decimal("0")
        return self.perkiraan_tarif.harga * self.perkiraan_halaman

    @property
    def perkiraan_biaya_total(self) -> Decimal:
        return self.perkiraan_biaya_salinan + (self.perkiraan_biaya_kirim or Decimal("0"))

    def kekurangan(self) -> list[str]:
        """What a returned file lacked, for the note handed back to the pemohon."""
        missing = []
        if not self.formulir_lengkap:
            missing.append("Formulir permohonan belum diisi lengkap.")
        if not self.identitas_diterima:
            if self.pemohon.jenis == Pemohon.Jenis.BADAN_HUKUM:
                missing.append("Fotokopi akta pendirian/pengesahan badan hukum belum dilampirkan.")
            else:
                missing.append("Fotokopi identitas diri (KTP) pemohon belum dilampirkan.")
        missing.extend(
            line.strip() for line in self.catatan_kekurangan.splitlines() if line.strip()
        )
        return missing


class SuratPermintaan(models.Model):
    """The PPID's letter asking an OPD (its PPID Pelaksana) for the information, with an
    internal answer deadline inside the 10 hk (SOP step 3), and the OPD's answer."""

    class Jawaban(models.TextChoices):
        TERSEDIA = "tersedia", "Informasi tersedia dan diberikan"
        SEBAGIAN = "sebagian", "Sebagian dapat diberikan"
        DIKECUALIKAN = "dikecualikan", "Informasi dikecualikan"
        TIDAK_DIKUASAI = "tidak_dikuasai", "Informasi tidak dikuasai OPD"
        BELUM_DIDOKUMENTASIKAN = "belum_didokumentasikan", "Informasi belum didokumentasikan"

    permohonan = models.ForeignKey(
        Permohonan,
        on_delete=models.PROTECT,
        related_name="surat_permintaan",
        verbose_name="permohonan",
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="OPD tujuan"
    )
    nomor = models.CharField("nomor surat", max_length=150, unique=True)
    tanggal = models.DateField("tanggal surat")
    tenggat_jawaban = models.DateField("tenggat jawaban OPD")
    catatan = models.TextField("catatan untuk OPD", max_length=2000, blank=True)
    dialihkan = models.BooleanField(
        "dialihkan", default=False, help_text="Permohonan dialihkan ke OPD lain sesudah surat ini."
    )
    jawaban = models.CharField("jawaban OPD", max_length=24, choices=Jawaban.choices, blank=True)
    klasifikasi = models.CharField(
        "klasifikasi menurut OPD",
        max_length=12,
        choices=Permohonan.Klasifikasi.choices,
        blank=True,
    )
    nomor_surat_jawaban = models.CharField("nomor surat jawaban OPD", max_length=150, blank=True)
    tanggal_jawaban = models.DateField("tanggal jawaban OPD", null=True, blank=True)
    isi_jawaban = models.TextField("isi jawaban OPD", max_length=3000, blank=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        ordering = ["tanggal", "pk"]
        verbose_name = "surat permintaan ke OPD"
        verbose_name_plural = "surat permintaan ke OPD"

    def __str__(self) -> str:
        return self.nomor

    @property
    def aktif(self) -> bool:
        return not self.dialihkan


class Penyerahan(models.Model):
    """The handover of the information to the pemohon, with the fee (UU 14/2008 Pasal 21;
    SOP step 5: copy costs are borne by the pemohon). Prices are copied from the tariff at the
    time, so a later tariff change does not alter an old receipt."""

    permohonan = models.ForeignKey(
        Permohonan, on_delete=models.PROTECT, related_name="penyerahan", verbose_name="permohonan"
    )
    nomor = models.CharField("nomor tanda terima", max_length=150, unique=True)
    tanggal = models.DateField("tanggal penyerahan")
    nama_penerima = models.CharField("nama penerima", max_length=150)
    cara = models.CharField(
        "cara penyerahan", max_length=12, choices=Permohonan.CaraSalinan.choices
    )
    jumlah_halaman = models.PositiveIntegerField("jumlah halaman/lembar", default=0)
    tarif = models.ForeignKey(
        Tarif,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="tarif",
    )
    harga_satuan = models.DecimalField(
        "harga satuan", max_digits=12, decimal_places=0, default=Decimal("0")
    )
    biaya_salinan = models.DecimalField(
        "biaya penyalinan", max_digits=12, decimal_places=0, default=Decimal("0")
    )
    biaya_pengiriman = models.DecimalField(
        "biaya pengiriman", max_digits=12, decimal_places=0, default=Decimal("0")
    )
    total = models.DecimalField(
        "jumlah biaya", max_digits=12, decimal_places=0, default=Decimal("0")
    )
    catatan = models.TextField("catatan", max_length=1000, blank=True)
    cara_pembayaran = models.CharField(
        "cara pembayaran",
        max_length=10,
        choices=Permohonan.CaraPembayaran.choices,
        blank=True,
    )
    # A paid handover gets a numbered kuitansi (its own number template, FormatNomor).
    nomor_kuitansi = models.CharField(
        "nomor kuitansi", max_length=150, unique=True, null=True, blank=True
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    # The desk officer who handed it over and took the payment: named on the tanda terima and
    # the kuitansi, which are rendered in the step's transaction before its event exists.
    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="petugas yang menyerahkan",
    )

    class Meta:
        ordering = ["tanggal", "pk"]
        verbose_name = "penyerahan informasi"
        verbose_name_plural = "penyerahan informasi"

    def __str__(self) -> str:
        return self.nomor

    @property
    def tanpa_biaya(self) -> bool:
        return not self.total


def usulan_dik(user, pk: int) -> dict:
    """The DIK entry a request's decision on Pasal 17 proposes, as this user may see the
    request ({} when there is none): dip's DIK form starts from it (ppid_manual/penghubung.py)."""
    p = Permohonan.objects.for_user(user).filter(pk=pk).first()
    if p is None or not p.pasal17:
        return {}
    return {
        "informasi": p.bagian_dihitamkan or p.rincian_informasi,
        "opd": p.unit_tujuan_id or p.unit_registrasi_id,
        "pasal17": list(p.pasal17),
        "undang_undang_lain": p.undang_undang_lain,
        "konsekuensi": p.konsekuensi,
        "dasar_penetapan": f"Keputusan PPID atas permohonan {p.nomor_pendaftaran}",
    }
