"""Each role's own work, with its own deadline (issue 19): what waits on this user now, across
permohonan, keberatan and the DIP, each item with the date that binds *this* role — the OPD's
internal answer date for a PPID Pelaksana (SOP langkah 3), the SOP target of the keberatan
step under way, the pemohon's 10 hk for the PPID (UU 14/2008 Pasal 22(7)).

Read through the same `for_user` querysets as the record pages. Used by the home page and by
the printable "jatuh tempo hari ini / minggu ini" list.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse

from ppid_manual import hukum
from ppid_manual.roles import Role
from ppid_manual.workflow.deadlines import is_near_due


@dataclass
class Tugas:
    jenis: str  # "Permohonan", "Keberatan", "DIP"
    nomor: str
    url: str
    pekerjaan: str  # what this user has to do
    tenggat: datetime.date | None
    dasar: str = ""  # which deadline the date is
    pemohon: str = ""

    def keadaan(self, today: datetime.date, limit: datetime.date | None = None) -> str:
        """Late, due today, or near due by the one predicate of the lists and the dashboard
        (ppid_manual/workflow/deadlines.py: at most 2 hk left); `limit` from near_due_limit
        when many items are tested."""
        if self.tenggat is None:
            return ""
        if self.tenggat < today:
            return "terlambat"
        if self.tenggat == today:
            return "hari_ini"
        if is_near_due(self.tenggat, today, limit):
            return "dekat"
        return ""


def _baris(qs, batas: int | None, jumlah: list[int]) -> list:
    """The rows of one source of work, nearest deadline first (each query is ordered so):
    all of them, or the first `batas` when the home page shows only the nearest few (then
    the source's total is counted in the database, not by reading every row)."""
    if batas is None:
        rows = list(qs)
        jumlah.append(len(rows))
        return rows
    jumlah.append(qs.count())
    return list(qs[:batas])


def _urut(items: list[Tugas]) -> list[Tugas]:
    return sorted(items, key=lambda t: (t.tenggat is None, t.tenggat or datetime.date.max, t.nomor))


def _permohonan(user, batas: int | None, jumlah: list[int]) -> list[Tugas]:
    from registrasi.models import TENGGAT_SERAH, Permohonan, SuratPermintaan

    S = Permohonan.Status
    base = (
        # The name is the case's own (issue 15: identitas_pemohon), so no join with the
        # pemohon: the handover list sorts its rows before reading any other table.
        Permohonan.objects.for_user(user).only(
            "pk",
            "nomor_pendaftaran",
            "status",
            "tenggat",
            "keputusan",
            "tanggal_tersedia",
            "target_penyerahan",
            "identitas_pemohon",
            "pemohon_id",
        )
    )
    items: list[Tugas] = []

    def add(p, pekerjaan: str, tenggat, dasar: str) -> None:
        items.append(
            Tugas(
                "Permohonan",
                p.nomor_pendaftaran or f"Berkas #{p.pk}",
                reverse("registrasi:detail", args=[p.pk]),
                pekerjaan,
                tenggat,
                dasar,
                p.pemohon_kasus.nama,
            )
        )

    handover = [S.MENUNGGU_PENYERAHAN, S.DIBUKA_KEMBALI]
    if user.has_role(Role.PPID):
        kerja = {
            S.TERDAFTAR: "Kirim surat permintaan ke OPD atau putuskan",
            S.DIMINTAKAN_KE_OPD: "Pantau jawaban OPD, lalu putuskan",
            S.SIAP_DIPUTUS: "Terbitkan pemberitahuan tertulis",
        }
        for p in _baris(base.running().order_by("tenggat", "pk"), batas, jumlah):
            add(p, kerja[p.status], p.tenggat, f"Pemberitahuan tertulis ({hukum.pasal('22(7)')})")
    if user.has_role(Role.PELAKSANA) and user.unit_id:
        # The OPD's own date: the internal answer deadline of the letter it received.
        surat = (
            SuratPermintaan.objects.filter(
                unit_id=user.unit_id,
                dialihkan=False,
                jawaban="",
                permohonan__status=S.DIMINTAKAN_KE_OPD,
            )
            .select_related("permohonan")
            .only(
                "nomor",
                "tenggat_jawaban",
                "permohonan__nomor_pendaftaran",
                "permohonan__identitas_pemohon",
                "permohonan__pemohon_id",
            )
            .order_by("tenggat_jawaban", "pk")
        )
        for s in _baris(surat, batas, jumlah):
            add(
                s.permohonan,
                f"Jawab surat permintaan {s.nomor}",
                s.tenggat_jawaban,
                "Jawaban OPD (SOP langkah 3)",
            )
        langsung = base.filter(
            status=S.TERDAFTAR, unit_registrasi_id=user.unit_id, diteruskan_ke_ppid=False
        ).order_by("tenggat", "pk")
        for p in _baris(langsung, batas, jumlah):
            add(p, "Jawab langsung atau teruskan ke PPID", p.tenggat, "Pemberitahuan tertulis")
    if user.has_role(Role.PETUGAS, Role.PPID, Role.PELAKSANA):
        serah = base.filter(status__in=handover)
        if not user.has_role(Role.PETUGAS, Role.PPID):
            serah = serah.filter(unit_registrasi_id=user.unit_id)
        # In the order of the date this work binds to (read from its partial index).
        serah = serah.annotate(tenggat_serah=TENGGAT_SERAH).order_by("tenggat_serah", "pk")
        for p in _baris(serah, batas, jumlah):
            if (
                p.keputusan == Permohonan.Keputusan.BELUM_DIDOKUMENTASIKAN
                and p.status == Permohonan.Status.MENUNGGU_PENYERAHAN
            ):
                # The promised date is the handover target (registrasi.alur.TARGET_PENYERAHAN):
                # the same date the overdue and near-due lists read.
                add(
                    p,
                    "Dokumentasikan dan serahkan informasi kepada pemohon",
                    p.target_penyerahan,
                    "Informasi tersedia paling lambat (pemberitahuan)",
                )
            else:
                add(
                    p,
                    "Serahkan informasi kepada pemohon",
                    p.target_penyerahan,
                    f"Target penyerahan (SOP langkah 5, {hukum.SOP_PENYERAHAN} hari kerja)",
                )
    return items


def _keberatan(user, batas: int | None, jumlah: list[int]) -> list[Tugas]:
    from keberatan.models import Keberatan

    S = Keberatan.Status
    base = Keberatan.objects.for_user(user).select_related("pemohon")
    items: list[Tugas] = []

    def add(k, pekerjaan: str, tenggat, dasar: str) -> None:
        items.append(
            Tugas(
                "Keberatan",
                k.nomor_registrasi or f"Keberatan #{k.pk}",
                reverse("keberatan:detail", args=[k.pk]),
                pekerjaan,
                tenggat,
                dasar,
                k.pemohon_kasus.nama,
            )
        )

    if user.has_role(Role.ATASAN):
        kerja = {
            S.TERDAFTAR: ("Periksa dan disposisi", f"Pemeriksaan (SOP {hukum.SOP_PEMERIKSAAN} hk)"),
            S.DRAF_DIAJUKAN: ("Periksa draf tanggapan", f"Tanggapan (SOP {hukum.SOP_JAWABAN} hk)"),
            S.DRAF_DISETUJUI: (
                "Tanda tangani surat tanggapan",
                f"Tanggapan (SOP {hukum.SOP_JAWABAN} hk)",
            ),
        }
        periksa = base.filter(status__in=list(kerja)).order_by("tenggat_terdekat", "pk")
        for k in _baris(periksa, batas, jumlah):
            pekerjaan, dasar = kerja[k.status]
            add(k, pekerjaan, k.target_sop or k.tenggat_tanggapan, dasar)
    if user.has_role(Role.PPID, Role.PELAKSANA) and user.unit_id:
        drafts = base.filter(
            status__in=[S.DIDISPOSISI, S.DRAF_DIKEMBALIKAN], unit_disposisi_id=user.unit_id
        ).order_by("target_draf", "pk")
        for k in _baris(drafts, batas, jumlah):
            pekerjaan = (
                "Perbaiki draf tanggapan"
                if k.status == S.DRAF_DIKEMBALIKAN
                else "Susun draf tanggapan"
            )
            add(k, pekerjaan, k.target_draf, f"Draf tanggapan (SOP {hukum.SOP_DRAF} hk)")
    if user.has_role(Role.PETUGAS):
        ditanggapi = base.filter(status=S.DITANGGAPI).order_by("tenggat_sengketa", "pk")
        for k in _baris(ditanggapi, batas, jumlah):
            add(
                k,
                "Catat sikap pemohon atas tanggapan",
                k.tenggat_sengketa,
                # The Act's own ground once answered (ppid_manual/hukum.py).
                f"Batas pengajuan sengketa ({hukum.DASAR_SENGKETA})",
            )
    return items


# Whom each DIP edition waits on, by its table (dip/alur.py: ALUR_PROVINSI when True, ALUR_OPD
# when False) and state: the role, the work, and the basis of its date. The SOP dates one
# stretch: 5 hk from opening an edition to the OPD's submission being recapped (the edition's
# `target_sop`, also while it waits on the petugas), and 1 hk per correction; the other steps
# have none (SOP DIP: "—"), and say so.
def _dip_menunggu():
    from dip.models import DipEdisi

    S = DipEdisi.Status
    return {
        (False, S.DISUSUN): (
            Role.PELAKSANA,
            "Susun entri DIP dan ajukan ke petugas",
            f"Penyusunan DIP (SOP {hukum.SOP_PENYUSUNAN_DIP} hari kerja)",
        ),
        (False, S.PERBAIKAN): (
            Role.PELAKSANA,
            "Perbaiki entri sesuai catatan koreksi PPID",
            f"Perbaikan DIP (SOP {hukum.SOP_PERBAIKAN_DIP} hari kerja)",
        ),
        (False, S.DIAJUKAN): (
            Role.PETUGAS,
            "Terima dan rekap DIP OPD",
            f"Penyusunan dan rekap DIP OPD (SOP {hukum.SOP_PENYUSUNAN_DIP} hari kerja sejak DIP "
            "dibuka)",
        ),
        (False, S.DIKOREKSI): (
            Role.PETUGAS,
            "Teruskan catatan koreksi ke PPID Pelaksana",
            "",
        ),
        (False, S.DIREKAP): (
            Role.PELAKSANA,
            "Catat penetapan DIP oleh Kepala Perangkat Daerah",
            "",
        ),
        (True, S.DISUSUN): (
            Role.PETUGAS,
            "Rekap DIP OPD dan ajukan ke PPID",
            f"Penyusunan DIP Provinsi (SOP {hukum.SOP_PENYUSUNAN_DIP} hari kerja)",
        ),
        (True, S.DIAJUKAN_PPID): (
            Role.PPID,
            "Periksa rekap DIP: koreksi atau ajukan ke Atasan PPID",
            "",
        ),
        (True, S.DIAJUKAN_ATASAN): (
            Role.ATASAN,
            "Tetapkan DIP dengan SK (tanda tangan)",
            "",
        ),
    }


def _dip(user, batas: int | None, jumlah: list[int]) -> list[Tugas]:
    from django.db.models import F, Q

    from dip.models import DipEdisi
    from ppid_manual.models import Unit

    menunggu = _dip_menunggu()
    cond, any_work = Q(pk__in=[]), False
    for (provinsi, status), (role, _, _) in menunggu.items():
        if not user.has_role(role):
            continue
        kind = Q(unit__jenis=Unit.Jenis.PPID_UTAMA)
        here = Q(status=status) & (kind if provinsi else ~kind)
        if role == Role.PELAKSANA:
            # A PPID Pelaksana's DIP is its own OPD's.
            here &= Q(unit_id=user.unit_id)
        cond |= here
        any_work = True
    if not any_work:
        return []
    qs = DipEdisi.objects.for_user(user).filter(cond).select_related("unit")
    items = []
    order = (F("target_sop").asc(nulls_last=True), "tahun", "unit__nama", "pk")
    for e in _baris(qs.order_by(*order), batas, jumlah):
        _, kerja, dasar = menunggu[(e.is_provinsi, e.status)]
        items.append(
            Tugas(
                "DIP",
                f"DIP {e.unit.singkatan or e.unit.nama} {e.tahun}",
                reverse("dip:edisi", args=[e.pk]),
                kerja,
                e.target_sop if dasar else None,
                dasar or f"{e.get_status_display()}: tanpa target waktu dalam SOP DIP",
            )
        )
    return items


def tugas_for(user) -> list[Tugas]:
    """Everything that waits on `user` now, nearest deadline first (undated last)."""
    return tugas_terdekat(user, None)[0]


def tugas_terdekat(user, batas: int | None) -> tuple[list[Tugas], int]:
    """The `batas` nearest pieces of work of `user` (all when None) and how many there are in
    all. Each source is read in deadline order, so the first `batas` of each hold the first
    `batas` of all; at 100,000 requests the PPID has about a thousand open ones, which the
    home page does not read."""
    if not getattr(user, "is_authenticated", False):
        return [], 0
    jumlah: list[int] = []
    items = _urut(
        _permohonan(user, batas, jumlah)
        + _keberatan(user, batas, jumlah)
        + _dip(user, batas, jumlah)
    )
    return (items if batas is None else items[:batas]), sum(jumlah)


def akhir_minggu(today: datetime.date) -> datetime.date:
    """The Sunday that ends this week."""
    return today + datetime.timedelta(days=6 - today.weekday())


def jatuh_tempo(user, today: datetime.date) -> dict[str, list[Tugas]]:
    """The printable list: due today (or already late), and due later this week."""
    dated = [t for t in tugas_for(user) if t.tenggat is not None]
    minggu = akhir_minggu(today)
    return {
        "hari_ini": [t for t in dated if t.tenggat <= today],
        "minggu_ini": [t for t in dated if today < t.tenggat <= minggu],
    }
