"""Laporan Layanan Informasi Publik (Perki 1/2021 Pasal 36–37): the figures of a period.

Every figure is computed by the database (counts, averages and conditional counts in a handful
of queries; the median by an ordered offset), never by loading all rows into Python, so the
annual report stays fast over years of records.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Max, Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from ppid_manual import hukum
from ppid_manual.models import Unit

PERIODE = {
    "tahunan": ("Tahunan", (1, 1), (12, 31)),
    "semester1": ("Semester I", (1, 1), (6, 30)),
    "semester2": ("Semester II", (7, 1), (12, 31)),
}


def period_bounds(tahun: int, periode: str) -> tuple[datetime.date, datetime.date]:
    _, (m1, d1), (m2, d2) = PERIODE[periode]
    return datetime.date(tahun, m1, d1), datetime.date(tahun, m2, d2)


@dataclass
class WaktuLayanan:
    keputusan: str
    label: str
    jumlah: int
    rata_rata: float | None
    median: float | None
    terlama: int | None


@dataclass
class Angka:
    tahun: int
    periode: str
    dari: datetime.date
    sampai: datetime.date
    unit: Unit | None
    permohonan: int = 0
    selesai_diputus: int = 0
    masih_berjalan: int = 0
    ditarik: int = 0
    dikembalikan: int = 0
    melewati_tenggat: int = 0
    diperpanjang: int = 0
    waktu: list[WaktuLayanan] = field(default_factory=list)
    alasan_penolakan: list[tuple[str, int]] = field(default_factory=list)
    keberatan: int = 0
    keberatan_alasan: list[tuple[str, int]] = field(default_factory=list)
    keberatan_putusan: list[tuple[str, int]] = field(default_factory=list)
    keberatan_belum_ditanggapi: int = 0
    sengketa: int = 0
    # The Komisi Informasi's outcomes of the sengketa recorded (and those still awaited).
    sengketa_hasil: list[tuple[str, int]] = field(default_factory=list)
    # Late entries of paper forms (ppid_manual/workflow/susulan.py), and those entered past
    # the SOP's 1 working day: permohonan and keberatan together.
    entri_susulan: int = 0
    susulan_terlambat: int = 0

    @property
    def periode_label(self) -> str:
        return f"{PERIODE[self.periode][0]} {self.tahun}"

    @property
    def cakupan(self) -> str:
        return self.unit.nama if self.unit else "Pemerintah Provinsi Bali"

    def jumlah_keputusan(self, keputusan: str) -> int:
        return next((w.jumlah for w in self.waktu if w.keputusan == keputusan), 0)


def _median(qs, column: str) -> float | None:
    """The median of a column, computed by the database: count, then read the middle row(s)."""
    values = qs.exclude(**{f"{column}__isnull": True}).order_by(column)
    n = values.count()
    if n == 0:
        return None
    middle = list(values.values_list(column, flat=True)[(n - 1) // 2 : n // 2 + 1])
    return sum(middle) / len(middle)


def _json_counts(qs, column: str, keys: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """Count rows whose JSON list holds each key, in one query (portable: PostgreSQL/SQLite)."""
    annotated = qs.annotate(_teks=Cast(column, TextField()))
    result = annotated.aggregate(
        **{f"k_{key}": Count("pk", filter=Q(_teks__contains=f'"{key}"')) for key, _ in keys}
    )
    return [(label, result[f"k_{key}"]) for key, label in keys]


def compute(tahun: int, periode: str, unit: Unit | None = None) -> Angka:
    from keberatan.models import Keberatan
    from registrasi.models import Permohonan, overdue_q

    dari, sampai = period_bounds(tahun, periode)
    today = timezone.localdate()
    angka = Angka(tahun=tahun, periode=periode, dari=dari, sampai=sampai, unit=unit)
    S = Permohonan.Status

    semua = Permohonan.objects.filter(tanggal_daftar__range=(dari, sampai))
    returned = Permohonan.objects.filter(status=S.DIKEMBALIKAN, dibuat__date__range=(dari, sampai))
    if unit is not None:
        scope = Q(unit_registrasi=unit) | Q(unit_tujuan=unit)
        semua, returned = semua.filter(scope), returned.filter(scope)
    p = semua.registered()
    batas = min(sampai, today)
    totals = p.aggregate(
        permohonan=Count("pk"),
        diputus=Count("pk", filter=Q(tanggal_pemberitahuan__isnull=False)),
        berjalan=Count("pk", filter=Q(status__in=Permohonan.CLOCK_RUNNING)),
        ditarik=Count("pk", filter=Q(status=S.DITARIK)),
        diperpanjang=Count("pk", filter=Q(diperpanjang=True)),
        susulan=Count("pk", filter=Q(entri_susulan=True)),
        susulan_terlambat=Count("pk", filter=Q(susulan_terlambat=True)),
        # Late: noticed after the deadline, or still unanswered with the deadline passed.
        terlambat=Count(
            "pk",
            filter=Q(tanggal_pemberitahuan__gt=F("tenggat"))
            | (Q(tanggal_pemberitahuan__isnull=True) & overdue_q(batas)),
        ),
    )
    angka.permohonan = totals["permohonan"]
    angka.selesai_diputus = totals["diputus"]
    angka.masih_berjalan = totals["berjalan"]
    angka.ditarik = totals["ditarik"]
    angka.diperpanjang = totals["diperpanjang"]
    angka.melewati_tenggat = totals["terlambat"]
    angka.entri_susulan = totals["susulan"]
    angka.susulan_terlambat = totals["susulan_terlambat"]
    angka.dikembalikan = returned.count()

    diputus = p.exclude(keputusan="")
    per_outcome = {
        row["keputusan"]: row
        for row in diputus.values("keputusan")
        .annotate(n=Count("pk"), avg=Avg("hk_pemberitahuan"), top=Max("hk_pemberitahuan"))
        .order_by()
    }
    for value, label in Permohonan.Keputusan.choices:
        row = per_outcome.get(value)
        angka.waktu.append(
            WaktuLayanan(
                keputusan=value,
                label=label,
                jumlah=row["n"] if row else 0,
                rata_rata=round(row["avg"], 1) if row and row["avg"] is not None else None,
                median=_median(diputus.filter(keputusan=value), "hk_pemberitahuan")
                if row
                else None,
                terlama=row["top"] if row else None,
            )
        )

    ditolak = p.filter(keputusan=Permohonan.Keputusan.DITOLAK)
    # The Pasal 17 grounds of every closed part: full refusals and partial grants.
    dikecualikan = p.filter(
        keputusan__in=[Permohonan.Keputusan.DITOLAK, Permohonan.Keputusan.DIBERIKAN_SEBAGIAN]
    )
    angka.alasan_penolakan = _json_counts(
        dikecualikan,
        "pasal17",
        [(v, f"{hukum.pasal('17')} huruf {label}") for v, label in hukum.Pasal17.choices],
    )
    angka.alasan_penolakan.append(
        ("Undang-undang lain", ditolak.exclude(undang_undang_lain="").count())
    )
    angka.alasan_penolakan.append(
        ("Informasi tidak dikuasai", angka.jumlah_keputusan(Permohonan.Keputusan.TIDAK_DIKUASAI))
    )
    angka.alasan_penolakan.append(
        (
            "Informasi belum didokumentasikan",
            angka.jumlah_keputusan(Permohonan.Keputusan.BELUM_DIDOKUMENTASIKAN),
        )
    )

    k = Keberatan.objects.periode(dari, sampai)
    if unit is not None:
        k = k.filter(
            Q(unit_registrasi=unit)
            | Q(permohonan__unit_registrasi=unit)
            | Q(permohonan__unit_tujuan=unit)
        )
    k_totals = k.aggregate(
        n=Count("pk"),
        belum=Count("pk", filter=Q(status__in=Keberatan.BELUM_DITANGGAPI)),
        sengketa=Count("pk", filter=Q(sikap_pemohon=Keberatan.SikapPemohon.SENGKETA)),
        susulan=Count("pk", filter=Q(entri_susulan=True)),
        susulan_terlambat=Count("pk", filter=Q(susulan_terlambat=True)),
    )
    angka.entri_susulan += k_totals["susulan"]
    angka.susulan_terlambat += k_totals["susulan_terlambat"]
    angka.keberatan = k_totals["n"]
    angka.keberatan_belum_ditanggapi = k_totals["belum"]
    angka.sengketa = k_totals["sengketa"]
    angka.keberatan_alasan = _json_counts(k, "alasan", list(Keberatan.Alasan.choices))
    putusan = dict(
        k.exclude(keputusan="").values_list("keputusan").annotate(n=Count("pk")).order_by()
    )
    hasil = dict(
        k.filter(sikap_pemohon=Keberatan.SikapPemohon.SENGKETA)
        .values_list("hasil_sengketa")
        .annotate(n=Count("pk"))
        .order_by()
    )
    angka.sengketa_hasil = [
        (label, hasil.get(value, 0)) for value, label in Keberatan.HasilSengketa.choices
    ] + [("Belum ada hasil", hasil.get("", 0))]
    angka.keberatan_putusan = [
        (label, putusan.get(value, 0)) for value, label in Keberatan.Keputusan.choices
    ]
    return angka
