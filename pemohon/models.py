"""The pemohon: the desk's address book of requesters (one row per person or legal entity),
the identity given on each case, and the access log of look-ups by identity number. Below the
three processes (DESIGN.md section 6): it knows a pemohon's cases only through the registry
that the processes fill (pemohon/kasus.py).

Personal data (UU 27/2022 PDP): the NIK is shown only to roles that need it, masked
elsewhere."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper

from ppid_manual.models import EventQuerySet


class Pemohon(models.Model):
    """The requester. One row per person (NIK) or legal entity (akta): a returning pemohon is
    found by NIK and reused, never duplicated. Personal data (UU 27/2022 PDP)."""

    class Jenis(models.TextChoices):
        PERORANGAN = "perorangan", "Perorangan"
        BADAN_HUKUM = "badan_hukum", "Badan hukum"
        KELOMPOK = "kelompok", "Kelompok orang"

    jenis = models.CharField("jenis pemohon", max_length=12, choices=Jenis.choices)
    nama = models.CharField("nama", max_length=150)
    nik = models.CharField(
        "NIK",
        max_length=16,
        blank=True,
        db_index=True,
        help_text="Perorangan: NIK pemohon. Kelompok: NIK penanggung jawab kelompok.",
    )
    nomor_akta = models.CharField(
        "nomor akta/registrasi badan hukum",
        max_length=100,
        blank=True,
        help_text="Nomor akta pendirian atau nomor pengesahan badan hukum.",
    )
    # Perki 1/2021 formulir: who acts for a badan hukum (or answers for a kelompok).
    penanggung_jawab = models.CharField(
        "nama yang bertindak untuk badan hukum/kelompok", max_length=150, blank=True
    )
    alamat = models.CharField("alamat", max_length=300, blank=True)
    pekerjaan = models.CharField("pekerjaan", max_length=100, blank=True)
    telepon = models.CharField("nomor telepon", max_length=30, blank=True)
    email = models.EmailField("surat elektronik (e-mail)", max_length=254, blank=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    diubah = models.DateTimeField("diubah", auto_now=True)

    class Meta:
        # The table keeps the name it had in registrasi (no data moved).
        db_table = "registrasi_pemohon"
        ordering = ["nama"]
        verbose_name = "pemohon"
        verbose_name_plural = "pemohon"
        # The work list's search by name and by part of the NIK (PermohonanQuerySet.search):
        # trigram indexes answer `contains`; PostgreSQL only (migration 0003).
        indexes = [
            GinIndex(OpClass(Upper("nama"), name="gin_trgm_ops"), name="pemohon_nama_trgm"),
            GinIndex(fields=["nik"], opclasses=["gin_trgm_ops"], name="pemohon_nik_trgm"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["nik"],
                condition=Q(jenis="perorangan") & ~Q(nik=""),
                name="pemohon_nik_perorangan_unik",
            ),
            models.UniqueConstraint(
                fields=["nomor_akta"],
                condition=Q(jenis="badan_hukum") & ~Q(nomor_akta=""),
                name="pemohon_akta_badan_hukum_unik",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def identitas(self) -> str:
        """The identity number that applies to this kind of pemohon."""
        return self.nomor_akta if self.jenis == self.Jenis.BADAN_HUKUM else self.nik

    @property
    def nik_tersamar(self) -> str:
        """The NIK masked for screens that do not need it (UU 27/2022 PDP)."""
        return mask_nik(self.nik)

    def salinan(self) -> dict[str, str]:
        """The identity as it stands now, to be kept on a case (IdentitasKasus)."""
        return {name: getattr(self, name) for name in IDENTITAS_FIELDS}


# The identity a case keeps (DESIGN.md §7: "the identity on a case is the one given for it").
IDENTITAS_FIELDS = (
    "jenis",
    "nama",
    "nik",
    "nomor_akta",
    "penanggung_jawab",
    "alamat",
    "pekerjaan",
    "telepon",
    "email",
)


class IdentitasKasus(models.Model):
    """The pemohon's identity as given for this case (issue 15; DESIGN.md §7). The Pemohon
    row is the desk's address book and changes when a returning pemohon brings new details;
    a case keeps what was given at its registration, and every page and letter of the case
    reads it here, so a later intake never rewrites a letter already handed out (a record
    the Komisi Informasi may examine in a sengketa, Perki 1/2013)."""

    identitas_pemohon = models.JSONField(
        "identitas pemohon pada berkas ini", default=dict, blank=True, editable=False
    )
    # The pemohon's cases (of every process) were given more than one identity (a name, NIK
    # or phone): only such a case can be the one a search finds while another case of the same
    # pemohon is not (pemohon.kasus.pemohon_dikenal). Kept by `kasus.catat_identitas` whenever
    # a case's identity is written; set, never cleared (a pemohon marked needlessly costs the
    # search a look-up, never a result).
    identitas_beragam = models.BooleanField(
        "pemohon tercatat dengan lebih dari satu identitas", default=False, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Kept when the case row is first written: the identity given for this case.
        if not self.identitas_pemohon and self.pemohon_id:
            self.identitas_pemohon = self.pemohon.salinan()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "identitas_pemohon"}
        baru = self._state.adding
        update_fields = kwargs.get("update_fields")
        ditulis = update_fields is None or "identitas_pemohon" in update_fields
        berubah = baru or (
            ditulis
            and "identitas_pemohon" in self.__dict__
            and self.identitas_pemohon != getattr(self, "_identitas_asal", self.identitas_pemohon)
        )
        super().save(*args, **kwargs)
        if berubah:
            from pemohon import kasus

            kasus.catat_identitas(self.pemohon_id, kwargs.get("using") or self._state.db)
        if "identitas_pemohon" in self.__dict__:
            self._identitas_asal = dict(self.identitas_pemohon)

    @classmethod
    def from_db(cls, db, field_names, values):
        case = super().from_db(db, field_names, values)
        # The identity as read, to tell on save whether it was corrected (a ralat).
        asal = case.__dict__.get("identitas_pemohon")
        case._identitas_asal = dict(asal) if isinstance(asal, dict) else asal
        return case

    @property
    def pemohon_kasus(self) -> Pemohon:
        """The identity of this case as a (never saved) Pemohon, so that templates keep
        `nama`, `nik_tersamar`, `get_jenis_display`; its pk is the pemohon's, for links. A
        case not yet written (a draft) has none of its own yet: the pemohon's now."""
        data = self.identitas_pemohon or self.pemohon.salinan()
        return Pemohon(pk=self.pemohon_id, **{k: data.get(k, "") for k in IDENTITAS_FIELDS})


def mask_nik(nik: str) -> str:
    if not nik:
        return ""
    if len(nik) < 8:
        return "*" * len(nik)
    return nik[:4] + "*" * (len(nik) - 8) + nik[-4:]


def identitas_kasus_cocok(nama: str = "", nik: str = "", telepon_regex: str = "") -> Q:
    """The cases (permohonan or keberatan) found by the identity given on them: the name
    contains `nama`, the NIK contains the digits `nik`, the phone matches `telepon_regex`. A
    pemohon who came back with a new name or phone is still found by the old one on the
    cases that carry it (the search ORs this with the pemohon's current identity)."""
    cond = Q(pk__in=[])
    if nama:
        cond |= Q(identitas_pemohon__nama__icontains=nama)
    if nik:
        cond |= Q(identitas_pemohon__nik__icontains=nik)
    if telepon_regex:
        cond |= Q(identitas_pemohon__telepon__regex=telepon_regex)
    return cond


def indeks_identitas_kasus(tabel: str) -> list:
    """The trigram indexes `identitas_kasus_cocok` reads on a case table: the name and the NIK
    given on each case, upper-cased as `icontains` compares them. Without them the search ORs
    a condition that no index answers, and counting the matches of a common name read every
    case (760 ms at 100,000 requests; 14 ms with them). The same on the cases of the pemohon
    given more than one identity (`identitas_beragam`), a few: `kasus.pemohon_dikenal` reads
    those alone. PostgreSQL only (AddIndexOnPostgres)."""
    from django.contrib.postgres.indexes import GinIndex, OpClass
    from django.db.models.fields.json import KT
    from django.db.models.functions import Upper

    return [
        GinIndex(
            OpClass(Upper(KT(f"identitas_pemohon__{kunci}")), name="gin_trgm_ops"),
            name=f"{tabel}_idn_{kunci}_trgm",
        )
        for kunci in ("nama", "nik")
    ] + [
        GinIndex(
            OpClass(Upper(KT(f"identitas_pemohon__{kunci}")), name="gin_trgm_ops"),
            name=f"{tabel}_beragam_{kunci}",
            condition=Q(identitas_beragam=True),
        )
        for kunci in ("nama", "nik")
    ]


class PencarianIdentitas(models.Model):
    """The access log of look-ups by identity number (UU 27/2022 PDP Pasal 16(2) and 31: the
    controller records the processing of personal data). One row per look-up: who, when, from
    which page, a SHA-256 of the number (never the number itself), and whether an identity was
    shown. Append-only, like the event log; the Admin reads it in `/admin/`."""

    class Jenis(models.TextChoices):
        NIK = "nik", "NIK"
        AKTA = "akta", "Nomor akta"

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="pengguna",
    )
    waktu = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    laman = models.CharField("laman", max_length=60)
    jenis = models.CharField("jenis nomor", max_length=4, choices=Jenis.choices)
    sha256 = models.CharField("SHA-256 nomor yang dicari", max_length=64, db_index=True)
    ditampilkan = models.BooleanField("identitas ditampilkan", default=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        # The table keeps the name it had in the kernel (no data moved).
        db_table = "ppid_manual_pencarianidentitas"
        ordering = ["-waktu", "-pk"]
        verbose_name = "log pencarian identitas"
        verbose_name_plural = "log pencarian identitas"

    def __str__(self) -> str:
        return f"{self.pengguna} {self.waktu:%d-%m-%Y %H:%M} {self.jenis} {self.sha256[:12]}…"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Log pencarian bersifat append-only: tidak boleh diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Log pencarian bersifat append-only: tidak boleh dihapus.")

    @classmethod
    def catat(cls, request, jenis: str, nomor: str, *, ditampilkan: bool) -> PencarianIdentitas:
        """One look-up, from the page that made it (the number is stored only as a hash)."""
        import hashlib

        match = getattr(request, "resolver_match", None)
        return cls.objects.create(
            pengguna=request.user,
            laman=match.view_name if match else "",
            jenis=jenis,
            sha256=hashlib.sha256(nomor.encode()).hexdigest(),
            ditampilkan=ditampilkan,
        )
