"""Laporan Layanan Informasi Publik (Perki 1/2021, the laporan layanan informasi publik): the
figures of a period, in the order and words of the Perki (hukum.LAPORAN_BAGIAN): the requests
(how many, the time each took, granted in full or in part and refused, the reasons for
refusing), then the keberatan and the sengketa, each counted as its own fact: the PPID's
decisions, the Atasan PPID's answers and the Komisi Informasi's outcomes never share a table.

Every figure is computed by the database (counts, averages and conditional counts in a handful
of queries; the medians by numbering the rows in order, one query for every keputusan), never by
loading all rows into Python, so the annual report stays fast over years of records.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Avg, Count, F, Max, Q, TextField, Window
from django.db.models.functions import Cast, RowNumber
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


class Tahap(NamedTuple):
    """One outcome a sengketa reached: its label and date, and how the badan publik carried it
    out ("" when not recorded); `dilaksanakan` when the outcome is one the badan publik
    carries out (Keberatan.HASIL_DILAKSANAKAN), whose pelaksanaan the Laporan reports."""

    label: str
    tanggal: datetime.date | None
    pelaksanaan: str = ""
    dilaksanakan: bool = False


@dataclass
class SengketaBaris:
    nomor_keberatan: str
    nomor_register_ki: str
    tanggal_sengketa: datetime.date | None
    # Each outcome, in the order they were recorded.
    tahapan: list[Tahap]

    @property
    def dilaksanakan(self) -> list[Tahap]:
        """The outcomes the badan publik carries out, each with its pelaksanaan."""
        return [t for t in self.tahapan if t.dilaksanakan]


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
    # The day the figures were counted; a period not over by then is reported "sementara".
    dihitung: datetime.date | None = None
    waktu: list[WaktuLayanan] = field(default_factory=list)
    # The refusals (keputusan "ditolak") by their ground: each refusal once per ground it
    # cites, so the rows may add up to more than the refusals, never fewer.
    alasan_penolakan: list[tuple[str, int]] = field(default_factory=list)
    # The grounds of the parts blacked out in the partial grants: a partial grant is not a
    # refusal (it is counted as "diberikan sebagian"), its closed part has its own table.
    pengecualian_sebagian: list[tuple[str, int]] = field(default_factory=list)
    keberatan: int = 0
    keberatan_alasan: list[tuple[str, int]] = field(default_factory=list)
    # The Atasan PPID's answers (Keberatan.Keputusan), and those not answered yet.
    keberatan_putusan: list[tuple[str, int]] = field(default_factory=list)
    keberatan_belum_ditanggapi: int = 0
    # What the pemohon did with the answer: accepted it, went to the Komisi Informasi, or
    # nothing recorded yet.
    keberatan_sikap: list[tuple[str, int]] = field(default_factory=list)
    # The sengketa filed with the Komisi Informasi in the period (by their own filing date,
    # Keberatan.tanggal_sengketa, whenever their keberatan was received).
    sengketa: int = 0
    # Each outcome the sengketa reached, at the Komisi Informasi and in the courts, counted
    # from the keberatan's timeline: a case that went from a failed mediation to an
    # adjudication and the PTUN counts once in each (Keberatan.HASIL_SENGKETA_ALUR).
    sengketa_hasil: list[tuple[str, int]] = field(default_factory=list)
    sengketa_belum_ada_hasil: int = 0
    # The same, for the cases taken to the courts (PTUN, Mahkamah Agung) and their rulings.
    sengketa_pengadilan: list[tuple[str, int]] = field(default_factory=list)
    putusan_pengadilan: list[tuple[str, int]] = field(default_factory=list)
    # One row per sengketa: its number at the Komisi Informasi, when it was filed, each
    # outcome with its date and how the badan publik carried it out.
    sengketa_daftar: list[SengketaBaris] = field(default_factory=list)
    # Late entries of paper forms (ppid_manual/workflow/susulan.py), and those entered past
    # the SOP's 1 working day: permohonan and keberatan together.
    entri_susulan: int = 0
    susulan_terlambat: int = 0

    @property
    def periode_label(self) -> str:
        return f"{PERIODE[self.periode][0]} {self.tahun}"

    @property
    def sementara(self) -> bool:
        """The period is not over on the day counted (a Tahunan 2026 counted on 7 December
        2026, or on 31 December itself): its figures are provisional and say so."""
        return self.dihitung is not None and self.dihitung <= self.sampai

    @property
    def jumlah_sebagian(self) -> int:
        from registrasi.models import Permohonan

        return self.jumlah_keputusan(Permohonan.Keputusan.DIBERIKAN_SEBAGIAN)

    def nama_berkas(self, ext: str) -> str:
        """The download's name, the same for the PDF and the XLSX; a provisional report says
        so in it."""
        unit = self.unit.kode.lower() if self.unit else "provinsi"
        akhir = "-sementara" if self.sementara else ""
        return f"laporan-layanan-{self.periode}-{self.tahun}-{unit}{akhir}.{ext}"

    @property
    def bagian(self) -> dict[str, str]:
        """The parts' headings in the Perki's words (hukum.LAPORAN_BAGIAN)."""
        return hukum.LAPORAN_BAGIAN

    @property
    def dasar(self) -> str:
        return hukum.DASAR_LAPORAN

    @property
    def ditolak(self) -> int:
        from registrasi.models import Permohonan

        return self.jumlah_keputusan(Permohonan.Keputusan.DITOLAK)

    @property
    def cakupan(self) -> str:
        return self.unit.nama if self.unit else "Pemerintah Provinsi Bali"

    def jumlah_keputusan(self, keputusan: str) -> int:
        return next((w.jumlah for w in self.waktu if w.keputusan == keputusan), 0)


def _medians(qs, group: str, column: str, counts: dict[str, int]) -> dict[str, float]:
    """The median of `column` in each `group` of `qs`, computed by the database in one query:
    the rows numbered in order within their group, the middle row(s) read. `counts` holds
    each group's number of rows with a value (a group without any has no median)."""
    middle = Q()
    for key, n in counts.items():
        if n:
            middle |= Q(**{group: key}, _urutan__in=sorted({(n - 1) // 2 + 1, n // 2 + 1}))
    if not middle:
        return {}
    rows = (
        qs.exclude(**{f"{column}__isnull": True})
        .annotate(_urutan=Window(RowNumber(), partition_by=F(group), order_by=F(column).asc()))
        .filter(middle)
        .values_list(group, column)
    )
    values: dict[str, list[int]] = {}
    for key, value in rows:
        values.setdefault(key, []).append(value)
    return {key: sum(v) / len(v) for key, v in values.items()}


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
    angka = Angka(tahun=tahun, periode=periode, dari=dari, sampai=sampai, unit=unit, dihitung=today)
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
        .annotate(
            n=Count("pk"),
            berhari=Count("hk_pemberitahuan"),
            avg=Avg("hk_pemberitahuan"),
            top=Max("hk_pemberitahuan"),
        )
        .order_by()
    }
    median = _medians(
        diputus,
        "keputusan",
        "hk_pemberitahuan",
        {value: row["berhari"] for value, row in per_outcome.items()},
    )
    for value, label in Permohonan.Keputusan.choices:
        row = per_outcome.get(value)
        angka.waktu.append(
            WaktuLayanan(
                keputusan=value,
                label=label,
                jumlah=row["n"] if row else 0,
                rata_rata=round(row["avg"], 1) if row and row["avg"] is not None else None,
                median=median.get(value),
                terlama=row["top"] if row else None,
            )
        )

    K = Permohonan.Keputusan
    pasal17_rows = [(v, f"{hukum.pasal('17')} huruf {label}") for v, label in hukum.Pasal17.choices]
    ditolak = p.filter(keputusan=K.DITOLAK)
    angka.alasan_penolakan = _json_counts(ditolak, "pasal17", pasal17_rows)
    angka.alasan_penolakan.append(
        ("Undang-undang lain", ditolak.exclude(undang_undang_lain="").count())
    )
    angka.pengecualian_sebagian = _json_counts(
        p.filter(keputusan=K.DIBERIKAN_SEBAGIAN), "pasal17", pasal17_rows
    )

    k = Keberatan.objects.periode(dari, sampai)
    if unit is not None:
        k = k.filter(
            Q(unit_registrasi=unit)
            | Q(permohonan__unit_registrasi=unit)
            | Q(permohonan__unit_tujuan=unit)
        )
    KS = Keberatan.SikapPemohon
    k_totals = k.aggregate(
        n=Count("pk"),
        belum=Count("pk", filter=Q(status__in=Keberatan.BELUM_DITANGGAPI)),
        menerima=Count("pk", filter=Q(sikap_pemohon=KS.MENERIMA)),
        sengketa=Count("pk", filter=Q(sikap_pemohon=KS.SENGKETA)),
        # Answered with no stance recorded yet (a sengketa may also follow no answer, when
        # the 30 hk lapsed: it is counted with the sengketa, never subtracted from these).
        belum_bersikap=Count("pk", filter=~Q(keputusan="") & Q(sikap_pemohon="")),
        susulan=Count("pk", filter=Q(entri_susulan=True)),
        susulan_terlambat=Count("pk", filter=Q(susulan_terlambat=True)),
    )
    angka.entri_susulan += k_totals["susulan"]
    angka.susulan_terlambat += k_totals["susulan_terlambat"]
    angka.keberatan = k_totals["n"]
    angka.keberatan_belum_ditanggapi = k_totals["belum"]
    angka.keberatan_alasan = _json_counts(k, "alasan", list(Keberatan.Alasan.choices))
    putusan = dict(
        k.exclude(keputusan="").values_list("keputusan").annotate(n=Count("pk")).order_by()
    )
    angka.keberatan_putusan = [
        (label, putusan.get(value, 0)) for value, label in Keberatan.Keputusan.choices
    ]
    angka.keberatan_sikap = [
        (KS.MENERIMA.label, k_totals["menerima"]),
        (KS.SENGKETA.label, k_totals["sengketa"]),
        ("Belum tercatat", k_totals["belum_bersikap"]),
    ]
    # A sengketa is its own fact: counted in the period it was filed with the Komisi
    # Informasi (Perki 1/2021: "jumlah permohonan penyelesaian sengketa"), which may follow
    # the period its keberatan was received in.
    sengketa = Keberatan.objects.filter(
        sikap_pemohon=KS.SENGKETA, tanggal_sengketa__range=(dari, sampai)
    )
    if unit is not None:
        sengketa = sengketa.filter(
            Q(unit_registrasi=unit)
            | Q(permohonan__unit_registrasi=unit)
            | Q(permohonan__unit_tujuan=unit)
        )
    _sengketa(angka, sengketa)
    return angka


def _sengketa(angka: Angka, sengketa) -> None:
    """Each outcome every sengketa reached, from the events that recorded them
    (keberatan.actions.record_hasil_sengketa: one event per outcome, its data the outcome, its
    date and its pelaksanaan), so a later outcome never hides an earlier one."""
    from django.contrib.contenttypes.models import ContentType

    from keberatan.alur import LANGKAH_HASIL_SENGKETA
    from keberatan.models import Keberatan
    from ppid_manual.models import Event

    H = Keberatan.HasilSengketa
    GUGATAN = (H.KEBERATAN_PTUN, H.KASASI)
    PUTUSAN = (H.PTUN_MENGUATKAN, H.PTUN_MEMBATALKAN, H.MA_DITOLAK, H.MA_DIKABULKAN)
    per_langkah = {langkah: H(h) for h, langkah in LANGKAH_HASIL_SENGKETA.items()}
    rows = list(
        sengketa.order_by("tanggal_sengketa", "pk").values(
            "pk", "nomor_registrasi", "nomor_register_ki", "tanggal_sengketa"
        )
    )
    events = (
        Event.objects.filter(
            content_type=ContentType.objects.get_for_model(Keberatan),
            object_id__in=[r["pk"] for r in rows],
            step__in=list(per_langkah),
        )
        .order_by("created_at", "pk")
        .values_list("object_id", "step", "data")
    )
    tahapan: dict[int, list[tuple[H, datetime.date | None, str]]] = {r["pk"]: [] for r in rows}
    for object_id, step, data in events:
        data = data if isinstance(data, dict) else {}
        tanggal_hasil = data.get("tanggal")
        tahapan[object_id].append(
            (
                per_langkah[step],
                datetime.date.fromisoformat(tanggal_hasil) if tanggal_hasil else None,
                data.get("pelaksanaan") or "",
            )
        )

    def berapa(h: H) -> int:
        return sum(1 for daftar in tahapan.values() if any(t == h for t, _, _ in daftar))

    # Perki 1/2021: the Komisi Informasi's mediation and adjudication, then the courts.
    angka.sengketa_hasil = [(h.label, berapa(h)) for h in H if h not in GUGATAN + PUTUSAN]
    angka.sengketa_pengadilan = [(h.label, berapa(h)) for h in GUGATAN]
    angka.putusan_pengadilan = [(h.label, berapa(h)) for h in PUTUSAN]
    angka.sengketa = len(rows)
    angka.sengketa_belum_ada_hasil = sum(1 for daftar in tahapan.values() if not daftar)
    angka.sengketa_daftar = [
        SengketaBaris(
            nomor_keberatan=r["nomor_registrasi"] or "",
            nomor_register_ki=r["nomor_register_ki"],
            tanggal_sengketa=r["tanggal_sengketa"],
            tahapan=[
                Tahap(h.label, d, pelaksanaan, h in Keberatan.HASIL_DILAKSANAKAN)
                for h, d, pelaksanaan in tahapan[r["pk"]]
            ],
        )
        for r in rows
    ]
