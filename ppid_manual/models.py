"""The shared core: units (OPD), officials, users and roles, holidays, numbering, events."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from ppid_manual import hash_riwayat
from ppid_manual.roles import Role


class Unit(models.Model):
    """A Perangkat Daerah (OPD). The PPID Utama sits in Diskominfos; every other OPD has a
    PPID Pelaksana."""

    class Jenis(models.TextChoices):
        PPID_UTAMA = "utama", "PPID Utama"
        PPID_PELAKSANA = "pelaksana", "PPID Pelaksana"

    kode = models.CharField("kode", max_length=20, unique=True)
    nama = models.CharField("nama perangkat daerah", max_length=200)
    singkatan = models.CharField("singkatan", max_length=40)
    jenis = models.CharField("jenis PPID", max_length=12, choices=Jenis.choices)
    alamat = models.CharField("alamat", max_length=300, blank=True)
    aktif = models.BooleanField("aktif", default=True)
    # Tata Naskah Dinas: the kop is the issuing unit's (the signer's unit). Master data, so
    # that the Pergub's details live here and not in templates (LETTERS.md).
    kop = models.TextField(
        "baris kop surat",
        max_length=1000,
        blank=True,
        help_text=(
            "Satu baris per baris kop: PEMERINTAH PROVINSI BALI, nama perangkat daerah dalam "
            "huruf kapital, lalu alamat dan kode pos, lalu Telepon … · Laman … · "
            "Surat elektronik …. Kosong: kop PPID_KOP (PPID Utama) atau nama dan alamat "
            "perangkat daerah."
        ),
    )
    # The lambang daerah of the kop, uploaded in the admin (PNG or SVG, checked by
    # ppid_manual/lambang.py) and stored with the unit: a backup or a second server has it.
    lambang = models.BinaryField("lambang kop surat", blank=True, default=b"", editable=True)
    lambang_jenis = models.CharField("jenis berkas lambang", max_length=20, blank=True)

    class Meta:
        ordering = ["nama"]
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"

    def __str__(self) -> str:
        return self.nama

    def kop_baris(self) -> list[str]:
        """The lines of this unit's kop surat: the admin's, else (PPID Utama) the PPID_KOP
        setting, else the province, the unit's name in capitals and its address."""
        lines = [line.strip() for line in self.kop.splitlines() if line.strip()]
        if lines:
            return lines
        if self.jenis == self.Jenis.PPID_UTAMA:
            return list(settings.PPID["KOP_BARIS"])
        return ["PEMERINTAH PROVINSI BALI", self.nama.upper()] + (
            [self.alamat] if self.alamat else []
        )

    def lambang_kop(self) -> tuple[bytes, str]:
        """The kop's lambang (its bytes and MIME type), or (b"", "") when none is uploaded."""
        isi = bytes(self.lambang or b"")
        return (isi, self.lambang_jenis) if isi and self.lambang_jenis else (b"", "")

    def lambang_url(self) -> str:
        """The lambang as a data: URL for a letter's kop ("" when none)."""
        from ppid_manual.lambang import data_url

        isi, jenis = self.lambang_kop()
        return data_url(isi, jenis) if isi else ""

    @classmethod
    def utama(cls) -> Unit:
        return cls.objects.get(jenis=cls.Jenis.PPID_UTAMA)


class User(AbstractUser):
    """A desk user. Belongs to one unit and to one of the role groups."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, verbose_name="perangkat daerah"
    )
    # The desk officer signs the tanda terima and the kuitansi of a handover with the name and
    # NIP (Tata Naskah Dinas); an officer who is no ASN has none, and the line is left out.
    nip = models.CharField(
        "NIP",
        max_length=30,
        blank=True,
        help_text="Nomor Induk Pegawai, dicetak di bawah nama petugas pada tanda terima dan "
        "kuitansi. Kosongkan apabila petugas bukan ASN.",
    )

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"

    @property
    def roles(self) -> frozenset[str]:
        # Cached per instance: templates and the workflow ask often within one request.
        if not hasattr(self, "_roles_cache"):
            names = {g.name for g in self.groups.all()} if self.pk else set()
            self._roles_cache = frozenset(n for n in names if n in Role.values)
        return self._roles_cache

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def role_label(self) -> str:
        return ", ".join(Role(r).label for r in sorted(self.roles)) or "—"


class PejabatQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> PejabatQuerySet:
        return self.filter(berlaku_dari__lte=day).filter(
            models.Q(berlaku_sampai__isnull=True) | models.Q(berlaku_sampai__gte=day)
        )


class Pejabat(models.Model):
    """An official who signs letters. Validity dates let an old letter reprint with the
    signer of its day."""

    class Peran(models.TextChoices):
        PPID = "ppid", "PPID"
        ATASAN_PPID = "atasan", "Atasan PPID"
        KEPALA_OPD = "kepala", "Kepala Perangkat Daerah"
        PPID_PELAKSANA = "pelaksana", "PPID Pelaksana"

    nama = models.CharField("nama dan gelar", max_length=150)
    nip = models.CharField("NIP", max_length=30, blank=True)
    pangkat = models.CharField("pangkat/golongan", max_length=80, blank=True)
    jabatan = models.CharField("jabatan", max_length=200)
    # The signing capacity (Tata Naskah Dinas): "a.n. Gubernur Bali" above the jabatan when
    # signing on behalf (or "Plt."/"Plh."), and "selaku Atasan PPID" after it.
    atas_nama = models.CharField(
        "atas nama / Plt. / Plh.",
        max_length=150,
        blank=True,
        help_text="Dicetak di atas jabatan, misalnya: a.n. Gubernur Bali",
    )
    selaku = models.CharField(
        "kapasitas (selaku …)",
        max_length=150,
        blank=True,
        help_text="Dicetak sesudah jabatan, misalnya: selaku Atasan PPID",
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, verbose_name="perangkat daerah")
    peran = models.CharField("peran", max_length=10, choices=Peran.choices)
    berlaku_dari = models.DateField("berlaku dari")
    berlaku_sampai = models.DateField("berlaku sampai", null=True, blank=True)

    objects = PejabatQuerySet.as_manager()

    class Meta:
        ordering = ["-berlaku_dari"]
        verbose_name = "pejabat"
        verbose_name_plural = "pejabat"

    def __str__(self) -> str:
        return f"{self.nama} ({self.get_peran_display()})"

    @property
    def jabatan_ttd(self) -> str:
        """The jabatan as the signature block prints it, once: with its capacity unless the
        jabatan already says it (older rows typed "… selaku PPID" into the jabatan)."""
        if self.selaku and self.selaku.lower() not in self.jabatan.lower():
            return f"{self.jabatan} {self.selaku}"
        return self.jabatan

    @classmethod
    def signer_of_unit(cls, unit: Unit, day: datetime.date) -> Pejabat:
        """Who signs for an OPD's own letters on `day`: its PPID Pelaksana official, else its
        head. Raises Pejabat.DoesNotExist (in Indonesian) when neither is recorded."""
        for peran in (cls.Peran.PPID_PELAKSANA, cls.Peran.KEPALA_OPD, cls.Peran.PPID):
            found = (
                cls.objects.valid_on(day)
                .filter(peran=peran, unit=unit)
                .order_by("-berlaku_dari")
                .first()
            )
            if found is not None:
                return found
        raise cls.DoesNotExist(
            f"Tidak ada pejabat {unit.nama} yang berlaku pada {day:%d-%m-%Y}. "
            "Lengkapi tabel pejabat di menu Admin."
        )

    @classmethod
    def signer(cls, peran: str, day: datetime.date, unit: Unit | None = None) -> Pejabat:
        """The official holding `peran` on `day`. Raises Pejabat.DoesNotExist with a clear
        message when the officials table has a gap: a letter is never signed by nobody."""
        qs = cls.objects.valid_on(day).filter(peran=peran)
        if unit is not None:
            qs = qs.filter(unit=unit)
        found = qs.order_by("-berlaku_dari").first()
        if found is None:
            raise cls.DoesNotExist(
                f"Tidak ada pejabat {cls.Peran(peran).label} yang berlaku pada {day:%d-%m-%Y}. "
                "Lengkapi tabel pejabat di menu Admin."
            )
        return found


class DasarHukumQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> DasarHukumQuerySet:
        return self.filter(berlaku_dari__lte=day).filter(
            models.Q(berlaku_sampai__isnull=True) | models.Q(berlaku_sampai__gte=day)
        )


class DasarHukum(models.Model):
    """One law in the Mengingat of a keputusan the app prints (Tata Naskah Dinas: numbered, in
    the order of the laws' hierarchy, each with its Lembaran Negara reference where known).

    Master data, like the officials: the law forming the province, a new Pergub, the
    Keputusan Gubernur appointing the PPID change without a deployment (LETTERS.md: the
    Pergub's details in master data, not in templates); validity dates let an old keputusan
    reprint with the basis of its day."""

    class Keputusan(models.TextChoices):
        SK_DIP = "sk_dip", "Keputusan tentang Daftar Informasi Publik"
        SK_PENOLAKAN = "sk_penolakan", "Keputusan PPID tentang penolakan permohonan informasi"

    keputusan = models.CharField("keputusan", max_length=16, choices=Keputusan.choices)
    urutan = models.PositiveSmallIntegerField(
        "urutan",
        help_text="Urutan dalam Mengingat: undang-undang dahulu, lalu peraturan di bawahnya.",
    )
    teks = models.TextField(
        "bunyi",
        max_length=1000,
        help_text="Judul peraturan lengkap dengan Lembaran Negara/Berita Negara/Lembaran Daerah, "
        "tanpa titik koma di akhir.",
    )
    berlaku_dari = models.DateField("berlaku dari")
    berlaku_sampai = models.DateField("berlaku sampai", null=True, blank=True)

    objects = DasarHukumQuerySet.as_manager()

    class Meta:
        ordering = ["keputusan", "urutan", "pk"]
        verbose_name = "dasar hukum (Mengingat)"
        verbose_name_plural = "dasar hukum (Mengingat)"

    def __str__(self) -> str:
        return f"{self.get_keputusan_display()} {self.urutan}: {self.teks[:80]}"

    @classmethod
    def mengingat(cls, keputusan: str, day: datetime.date) -> list[str]:
        """The Mengingat of a keputusan of this kind dated `day`, in order, each without its
        closing punctuation (the letter adds it). Raises DasarHukum.DoesNotExist (in
        Indonesian) when none is recorded: a keputusan is never issued on no basis."""
        rows = cls.objects.valid_on(day).filter(keputusan=keputusan).order_by("urutan", "pk")
        teks = [r.teks.strip().rstrip(";.").strip() for r in rows]
        if not teks:
            raise cls.DoesNotExist(
                f"Tidak ada dasar hukum (Mengingat) {cls.Keputusan(keputusan).label} yang "
                f"berlaku pada {day:%d-%m-%Y}. Lengkapi di menu Admin > Dasar hukum."
            )
        return teks


class HariLibur(models.Model):
    """A day that is not a working day (or, with libur=False, a recorded day that still
    counts as a working day).

    Bali's own days go by the decision behind them (the Governor's circular): a dispensation
    day (public services keep serving) is recorded but never stops the clocks; a regional day
    stops them only when the office is closed by a recorded decision, with the circular's
    number and date (`periksa`)."""

    class Jenis(models.TextChoices):
        LIBUR_NASIONAL = "nasional", "Libur nasional"
        CUTI_BERSAMA = "cuti", "Cuti bersama"
        DISPENSASI_BALI = "bali", "Dispensasi Bali (kantor tetap melayani)"
        PENUTUPAN = "tutup", "Kantor ditutup (keputusan daerah)"
        LAINNYA = "lain", "Lainnya"

    class Asal(models.TextChoices):
        PAKET = "paket", "Sinkronisasi paket holidays"
        ADMIN = "admin", "Diisi admin"

    tanggal = models.DateField("tanggal", db_index=True)
    nama = models.CharField("nama", max_length=200)
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)
    dasar_hukum = models.CharField("dasar hukum", max_length=300, blank=True)
    libur = models.BooleanField(
        "dihitung sebagai hari libur",
        default=True,
        help_text="Jika dicentang, tanggal ini tidak dihitung sebagai hari kerja.",
    )
    asal = models.CharField("asal", max_length=10, choices=Asal.choices, default=Asal.ADMIN)
    diubah_admin = models.BooleanField("diubah admin", default=False, editable=False)
    # The decision that closes the office on a regional day (Surat Edaran Gubernur).
    nomor_surat = models.CharField("nomor surat edaran/keputusan", max_length=150, blank=True)
    tanggal_surat = models.DateField("tanggal surat edaran/keputusan", null=True, blank=True)

    class Meta:
        ordering = ["tanggal"]
        verbose_name = "hari libur"
        verbose_name_plural = "hari libur"
        constraints = [
            models.UniqueConstraint(fields=["tanggal", "nama"], name="harilibur_tanggal_nama_unik")
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.nama}"

    def clean(self) -> None:
        self.periksa()

    def periksa(self) -> None:
        """A regional day by its decision: a dispensation day never stops the clocks; a closure
        does, only with the circular's number and date. Raises ValidationError (Indonesian)."""
        from django.core.exceptions import ValidationError

        J = self.Jenis
        if self.jenis == J.DISPENSASI_BALI and self.libur:
            raise ValidationError(
                {
                    "libur": "Hari dispensasi tidak menghentikan tenggat: kantor tetap melayani. "
                    "Bila kantor ditutup, pilih jenis “Kantor ditutup (keputusan daerah)” dengan "
                    "nomor dan tanggal surat edarannya."
                }
            )
        if self.jenis == J.PENUTUPAN:
            errors = {}
            if not self.libur:
                errors["libur"] = "Kantor yang ditutup tidak dihitung sebagai hari kerja."
            if not self.nomor_surat.strip():
                errors["nomor_surat"] = "Isi nomor surat edaran/keputusan penutupan kantor."
            if self.tanggal_surat is None:
                errors["tanggal_surat"] = "Isi tanggal surat edaran/keputusan penutupan kantor."
            elif self.tanggal is not None and self.tanggal_surat > self.tanggal:
                errors["tanggal_surat"] = "Surat penutupan tidak boleh bertanggal sesudah harinya."
            if errors:
                raise ValidationError(errors)


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Riwayat bersifat append-only: tidak boleh diubah.")

    def delete(self):
        raise PermissionError("Riwayat bersifat append-only: tidak boleh dihapus.")

    def for_object(self, obj: models.Model) -> EventQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).order_by("created_at", "pk")


class Event(models.Model):
    """One row per step taken on a case: who, when, from which state to which, and why.

    Append-only: saving an existing row or deleting one raises."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="pelaku",
    )
    # Set when the event is saved, before its hash is taken (ppid_manual/rantai.py).
    created_at = models.DateTimeField("waktu", default=timezone.now, editable=False, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    step = models.CharField("langkah", max_length=60)
    from_state = models.CharField("dari status", max_length=40, blank=True)
    to_state = models.CharField("ke status", max_length=40, blank=True)
    note = models.TextField("catatan", blank=True)
    data = models.JSONField("data", default=dict, blank=True)
    # The hash chain (issue 25, ppid_manual/rantai.py): the event's place in the one chain of
    # all events, the hash of the event before it, and the SHA-256 of its canonical content.
    urut = models.PositiveBigIntegerField("urutan rantai", unique=True, null=True, editable=False)
    hash_sebelum = models.CharField("hash sebelumnya", max_length=64, blank=True, editable=False)
    hash = models.CharField("hash", max_length=64, blank=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "riwayat"
        verbose_name_plural = "riwayat"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.step}: {self.from_state} → {self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Riwayat bersifat append-only: tidak boleh diubah.")
        if self.created_at is None:
            self.created_at = timezone.now()
        # Inside a step: chained with the step's other events once its documents are drawn.
        if hash_riwayat.antrekan(self):
            return
        # In the caller's transaction (or a new one): the chain's head stays locked until it
        # commits, so that no two events take the same place.
        with transaction.atomic(savepoint=False):
            self.sambung()

    def sambung(self) -> None:
        """Give this unsaved event its place in the chain and insert it (ppid_manual/rantai.py):
        the head row is locked until the caller's transaction ends."""
        head = KepalaRantai.terkunci()
        self.urut = head.urut + 1
        self.hash_sebelum = head.hash
        self.hash = hash_riwayat.hitung_hash(self)
        self.save_base(force_insert=True)
        KepalaRantai.objects.filter(pk=hash_riwayat.HEAD_PK).update(urut=self.urut, hash=self.hash)

    def delete(self, *args, **kwargs):
        raise PermissionError("Riwayat bersifat append-only: tidak boleh dihapus.")


class KepalaRantai(models.Model):
    """The head of the hash chain of events (one row, ppid_manual/rantai.py): how many events
    are chained and the hash of the last one. Locked while an event is inserted."""

    urut = models.PositiveBigIntegerField("jumlah riwayat", default=0)
    hash = models.CharField("hash riwayat terakhir", max_length=64)

    class Meta:
        verbose_name = "kepala rantai riwayat"
        verbose_name_plural = "kepala rantai riwayat"

    def __str__(self) -> str:
        return f"{self.urut}: {self.hash}"

    @classmethod
    def terkunci(cls) -> KepalaRantai:
        """The head row, locked until the caller's transaction ends (created when a flushed
        database has none: after a flush there is no event either)."""
        head = cls.objects.select_for_update().filter(pk=hash_riwayat.HEAD_PK).first()
        if head is not None:
            return head
        try:
            with transaction.atomic():
                cls.objects.create(pk=hash_riwayat.HEAD_PK, urut=0, hash=hash_riwayat.GENESIS)
        except IntegrityError:
            pass  # another desk created it first
        return cls.objects.select_for_update().get(pk=hash_riwayat.HEAD_PK)


class PemeriksaanRiwayat(models.Model):
    """The result of each run of `verify_records` (the Admin's page shows the last one)."""

    waktu = models.DateTimeField("waktu", default=timezone.now, db_index=True)
    utuh = models.BooleanField("utuh")
    jumlah_riwayat = models.PositiveBigIntegerField("jumlah riwayat", default=0)
    jumlah_dokumen = models.PositiveBigIntegerField("jumlah dokumen terbit", default=0)
    kepala_urut = models.PositiveBigIntegerField("riwayat ke-", default=0)
    kepala_hash = models.CharField("kode integritas riwayat", max_length=64)
    # The breaks, one line each, cut at this length (the command says the rest).
    LAPORAN_MAKS = 100000
    laporan = models.TextField("laporan", max_length=LAPORAN_MAKS, blank=True)

    class Meta:
        ordering = ["-waktu", "-pk"]
        verbose_name = "pemeriksaan riwayat"
        verbose_name_plural = "pemeriksaan riwayat"

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M} {'utuh' if self.utuh else 'RUSAK'}"


class FormatNomorManager(models.Manager):
    def get_by_natural_key(self, jenis: str) -> FormatNomor:
        return self.get(jenis=jenis)


class FormatNomor(models.Model):
    """A letter-number template for one document type.

    Tokens: {urut} (or {urut:4} for zero padding), {unit}, {kode}, {bulan} (Roman month),
    {tahun}. Example: "{urut:3}/{kode}/PPID-{unit}/{bulan}/{tahun}"."""

    class Jenis(models.TextChoices):
        PERMOHONAN = "permohonan", "Nomor pendaftaran permohonan"
        SURAT_PERMINTAAN = "permintaan", "Surat permintaan ke OPD"
        PEMBERITAHUAN = "pemberitahuan", "Pemberitahuan tertulis"
        PERPANJANGAN = "perpanjangan", "Pemberitahuan perpanjangan"
        SK_PENOLAKAN = "penolakan", "SK penolakan"
        PENYERAHAN = "penyerahan", "Tanda terima penyerahan"
        KEBERATAN = "keberatan", "Nomor registrasi keberatan"
        TANGGAPAN_KEBERATAN = "tanggapan", "Surat tanggapan keberatan"
        SK_DIP = "skdip", "SK Daftar Informasi Publik"
        PENGANTAR_DIP = "pengantar", "Surat pengantar DIP"
        PENGANTAR_LAPORAN = (
            "pengantar_laporan",
            "Surat pengantar laporan layanan informasi publik",
        )
        KUITANSI = "kuitansi", "Kuitansi pembayaran biaya salinan"
        RALAT = "ralat", "Ralat surat"
        PENETAPAN_DIK = "penetapandik", "Keputusan PPID tentang penetapan DIK"

    jenis = models.CharField("jenis dokumen", max_length=20, choices=Jenis.choices, unique=True)
    pola = models.CharField("pola nomor", max_length=120)
    kode_klasifikasi = models.CharField("kode klasifikasi", max_length=30, blank=True)
    per_unit = models.BooleanField(
        "nomor urut per perangkat daerah",
        default=False,
        help_text="Jika dicentang, setiap perangkat daerah punya urutan sendiri.",
    )

    objects = FormatNomorManager()

    class Meta:
        ordering = ["jenis"]
        verbose_name = "format nomor"
        verbose_name_plural = "format nomor"

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.pola}"

    def natural_key(self) -> tuple[str]:
        return (self.jenis,)


class PolaNomorUnit(models.Model):
    """A unit's own number template for one document type (the Sekretariat Daerah numbers
    its letters with its own code, not the Diskominfos one). When a letter is issued by a
    unit that has one, it is used and counted per unit; otherwise the type's template."""

    format = models.ForeignKey(
        FormatNomor, on_delete=models.CASCADE, related_name="pola_unit", verbose_name="jenis"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, verbose_name="perangkat daerah")
    pola = models.CharField("pola nomor", max_length=120)
    kode_klasifikasi = models.CharField("kode klasifikasi", max_length=30, blank=True)

    class Meta:
        verbose_name = "pola nomor perangkat daerah"
        verbose_name_plural = "pola nomor perangkat daerah"
        constraints = [
            models.UniqueConstraint(fields=["format", "unit"], name="polanomorunit_unik")
        ]

    def __str__(self) -> str:
        return f"{self.unit.singkatan}: {self.pola}"


class PenghitungNomor(models.Model):
    """The counter behind one (document type, unit, year). `berikutnya` is the next
    sequence to issue; it only ever moves forward."""

    format = models.ForeignKey(FormatNomor, on_delete=models.PROTECT, related_name="penghitung")
    unit_kode = models.CharField("kode unit", max_length=20, blank=True)
    tahun = models.PositiveIntegerField("tahun")
    berikutnya = models.PositiveIntegerField("nomor urut berikutnya", default=1)
    terakhir_terbit = models.PositiveIntegerField("nomor urut terakhir terbit", default=0)

    class Meta:
        verbose_name = "penghitung nomor"
        verbose_name_plural = "penghitung nomor"
        constraints = [
            models.UniqueConstraint(
                fields=["format", "unit_kode", "tahun"], name="penghitung_format_unit_tahun_unik"
            )
        ]

    def __str__(self) -> str:
        unit = f" {self.unit_kode}" if self.unit_kode else ""
        return f"{self.format.get_jenis_display()}{unit} {self.tahun}: berikutnya {self.berikutnya}"


class NomorTerbit(models.Model):
    """Every number ever issued. The unique constraint is the last line of defence against
    reusing a number, even if an admin sets the counter back.

    A registration number is taken in its own short transaction (the counter row is locked
    for the number only, workflow/numbering.py: `pesan`), so it exists for a moment before its
    case: `dipesan`. The case's transaction marks it `terpakai`; a registration that fails
    after taking it marks it `batal` with the reason, and a reservation left by a worker that
    died (kill -9) is made `batal` by `batalkan_terhenti`. A number is never reused and never
    silent: the register lists the void ones."""

    class Keadaan(models.TextChoices):
        TERPAKAI = "terpakai", "Terpakai"
        DIPESAN = "dipesan", "Dipesan (pendaftaran sedang berjalan)"
        BATAL = "batal", "Batal"

    jenis = models.CharField(max_length=20, choices=FormatNomor.Jenis.choices)
    unit_kode = models.CharField(max_length=20, blank=True)
    tahun = models.PositiveIntegerField()
    urut = models.PositiveIntegerField()
    nomor = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)
    keadaan = models.CharField(
        "keadaan", max_length=10, choices=Keadaan.choices, default=Keadaan.TERPAKAI
    )
    alasan_batal = models.CharField("alasan batal", max_length=300, blank=True)
    dibatalkan = models.DateTimeField("dibatalkan", null=True, blank=True)

    class Meta:
        verbose_name = "nomor terbit"
        verbose_name_plural = "nomor terbit"
        constraints = [
            models.UniqueConstraint(fields=["jenis", "nomor"], name="nomorterbit_jenis_nomor_unik"),
            models.UniqueConstraint(
                fields=["jenis", "unit_kode", "tahun", "urut"], name="nomorterbit_urut_unik"
            ),
        ]
        indexes = [
            # The few numbers not used (void, or a registration under way): the register's
            # list of void numbers and the sweep of interrupted ones read only these.
            models.Index(
                fields=["jenis", "keadaan", "created_at"],
                condition=~models.Q(keadaan="terpakai"),
                name="nomorterbit_tidak_terpakai",
            )
        ]

    def __str__(self) -> str:
        return self.nomor


class DokumenTerbitQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model) -> DokumenTerbitQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).order_by("dibuat", "pk")


class DokumenTerbit(models.Model):
    """A numbered document as it was issued (DESIGN.md §7, issue 15): the PDF rendered once,
    in the transaction of the step that issued it, with its SHA-256, who and when and which
    step event. Every later print serves these bytes (ppid_manual/workflow/terbit.py); a
    mistake is corrected by a ralat, never by rendering again. Kept in the database so that
    the letter and the step commit together and a backup carries both."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    # Which document of the case: its kind ("pemberitahuan") and, for a kind a case can have
    # several of (a surat permintaan per OPD, a receipt per handover), which one.
    jenis = models.CharField("jenis dokumen", max_length=40)
    kunci = models.CharField("kunci", max_length=150, blank=True)
    judul = models.CharField("judul", max_length=200)
    nomor = models.CharField("nomor", max_length=150, blank=True)
    tanggal = models.DateField("tanggal surat", null=True, blank=True)
    nama_berkas = models.CharField("nama berkas", max_length=200)
    berkas = models.BinaryField("berkas PDF")
    sha256 = models.CharField("SHA-256", max_length=64)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diterbitkan oleh",
    )
    dibuat = models.DateTimeField("diterbitkan", default=timezone.now)
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="langkah",
    )
    # A ralat supersedes the document (issue 15, item 4); both stay stored.
    digantikan_oleh = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="menggantikan",
        verbose_name="digantikan oleh (ralat)",
    )

    objects = DokumenTerbitQuerySet.as_manager()

    class Meta:
        ordering = ["dibuat", "pk"]
        verbose_name = "dokumen terbit"
        verbose_name_plural = "dokumen terbit"
        constraints = [
            # One stored document per letter: two desks issuing at once cannot store two.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "jenis", "kunci"],
                name="dokumen_terbit_satu_per_surat",
            )
        ]

    def __str__(self) -> str:
        return f"{self.judul} {self.nomor}".strip()

    def save(self, *args, **kwargs):
        # The bytes never change once stored; only the pointer to a ralat is set later.
        if self.pk is not None and kwargs.get("update_fields") != ["digantikan_oleh"]:
            raise PermissionError("Dokumen terbit tidak boleh diubah; koreksi melalui ralat.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Dokumen terbit tidak boleh dihapus.")

    @staticmethod
    def hitung_sha256(data: bytes) -> str:
        import hashlib

        return hashlib.sha256(data).hexdigest()

    @property
    def utuh(self) -> bool:
        """The stored bytes still have the hash taken at issue."""
        return bool(self.berkas) and self.hitung_sha256(bytes(self.berkas)) == self.sha256

    @property
    def sha_pendek(self) -> str:
        return self.sha256[:12]


class Ralat(models.Model):
    """A ralat (issue 15; DESIGN.md §7): a new numbered letter that corrects an issued one,
    naming it, why, and each fact as written and as it should read. The corrected letter
    stays stored, marked as superseded (DokumenTerbit.digantikan_oleh)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    dokumen = models.ForeignKey(
        DokumenTerbit,
        on_delete=models.PROTECT,
        related_name="ralat",
        verbose_name="surat yang diralat",
    )
    nomor = models.CharField("nomor ralat", max_length=150, unique=True)
    tanggal = models.DateField("tanggal ralat")
    alasan = models.TextField("alasan ralat", max_length=1000)
    # {label: [as written, as it should read]}
    perubahan = models.JSONField("perubahan", default=dict)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="diterbitkan oleh",
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        ordering = ["dibuat", "pk"]
        verbose_name = "ralat"
        verbose_name_plural = "ralat"

    def __str__(self) -> str:
        return f"Ralat {self.nomor}"
