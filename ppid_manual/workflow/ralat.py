"""Ralat: an issued letter corrected by a new numbered letter (DESIGN.md §7, issue 15), the
same for every process.

A process declares one `RalatSpec`: its step table (a step "ralat" that keeps the state), the
steps that issue each of its stored documents (whoever may take one of them may issue, and so
correct, that letter), the facts a ralat may correct on its cases, and the ralat letter. The
action `ralat_surat` checks, takes one number, sets the corrected fact through the step
table (one event with the old and new values), and marks the corrected letter superseded;
both stay stored. Anything refused is refused before a row is written or a number taken.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from ppid_manual.models import DokumenTerbit, FormatNomor, Ralat, Unit, User
from ppid_manual.workflow import calendar
from ppid_manual.workflow.engine import StepRefused, StepTable, apply_step
from ppid_manual.workflow.numbering import dalam_konsep, next_number

JENIS_RALAT = "ralat"
TENGGAT_TETAP = "tidak berubah: bagian yang diralat tidak menentukan tenggat"


@dataclass(frozen=True)
class Fakta:
    """One fact a ralat may correct: its label (printed on the ralat), how to read it on the
    case as written, how to set it, and its longest value."""

    label: str
    baca: Callable[[Any], str]
    tulis: Callable[[Any, str], None]
    batas: int | None = None


def fakta_identitas(nama: str, label: str, batas: int | None) -> Fakta:
    """A part of the identity given for the case (registrasi.models: identitas_pemohon):
    corrected on this case only; the pemohon's record and other cases keep theirs."""

    def tulis(case: Any, nilai: str) -> None:
        case.identitas_pemohon = {**case.identitas_pemohon, nama: nilai}

    return Fakta(label, lambda case: getattr(case.pemohon_kasus, nama) or "", tulis, batas)


def fakta_kolom(model: type[models.Model], nama: str, label: str) -> Fakta:
    """A text field of the case itself."""
    return Fakta(
        label,
        lambda case: getattr(case, nama) or "",
        lambda case, nilai: setattr(case, nama, nilai),
        model._meta.get_field(nama).max_length,
    )


@dataclass(frozen=True)
class RalatSpec:
    """What a process says about its ralat. `fakta(case)` lists the facts a ralat may
    correct on this case (a DIP edition: each entry of its lampiran); `unit(case, dokumen)`
    the unit whose number series the ralat takes (a Sekda letter's ralat carries the
    Sekretariat Daerah's number); `kasus` names the case in a refusal ("permohonan ini")."""

    table: Callable[[Any], StepTable]
    langkah_terbit: dict[str, tuple[str, ...]]
    fakta: Callable[[Any], dict[str, Fakta]]
    kasus: str
    unit: Callable[[Any, DokumenTerbit], Unit | None] = field(default=lambda case, d: None)
    step: str = "ralat"
    # The facts a stored letter of a kind prints (its document class declares them): a ralat
    # of it corrects only those. None: the kind declares none (any fact of the case).
    tercetak: Callable[[str], tuple[str, ...] | None] = field(default=lambda jenis: None)
    # The number series of the correction of a stored document: a letter's ralat takes the
    # ralat series; a keputusan is corrected by a keputusan (perubahan), numbered as one.
    jenis_nomor: Callable[[DokumenTerbit], str] = field(default=lambda d: FormatNomor.Jenis.RALAT)

    def fakta_surat(self, case: Any, jenis: str) -> dict[str, Fakta]:
        """The facts a ralat of a stored letter of this kind may correct on this case."""
        semua = self.fakta(case)
        tercetak = self.tercetak(jenis)
        if tercetak is None:
            return semua
        return {k: f for k, f in semua.items() if k in tercetak}

    def peran_penerbit(self, case: Any, jenis: str) -> set[str]:
        """The roles that may issue a stored document of this kind (from the step table)."""
        table = self.table(case)
        return {r for step in self.langkah_terbit.get(jenis, ()) for r in table.get(step).roles}


def ralat_of(case: Any) -> models.QuerySet[Ralat]:
    """The ralat issued on a case, oldest first."""
    return (
        Ralat.objects.filter(
            content_type=ContentType.objects.get_for_model(case), object_id=case.pk
        )
        .select_related("dokumen")
        .order_by("pk")
    )


def ralat_per_kasus(model: type[models.Model], keys: list[int]) -> dict[int, list[Ralat]]:
    """The ralat of many cases of one process, by case (for the registers): read in batches
    of keys (SQLite takes at most 32,766 parameters a query), one query a batch."""
    found: dict[int, list[Ralat]] = {pk: [] for pk in keys}
    if not keys:
        return found
    ct = ContentType.objects.get_for_model(model)
    for i in range(0, len(keys), 5000):
        for r in (
            Ralat.objects.filter(content_type=ct, object_id__in=keys[i : i + 5000])
            .select_related("dokumen")
            .defer("dokumen__berkas")
            .order_by("pk")
        ):
            found[r.object_id].append(r)
    return found


def catatan_register(ralat: list[Ralat]) -> str:
    """How a register marks the letters of a case superseded by a ralat (issue 15)."""
    return "".join(
        f"\n({r.dokumen.judul} {r.dokumen.nomor} diralat dengan Ralat {r.nomor})" for r in ralat
    )


def dapat_diralat(case: Any) -> models.QuerySet[DokumenTerbit]:
    """The stored letters of a case a ralat may name (a ralat is corrected by a new ralat of
    the letter, not of the ralat)."""
    return (
        DokumenTerbit.objects.for_object(case)
        .exclude(jenis=JENIS_RALAT)
        .select_related("digantikan_oleh")
        .defer("berkas")
    )


@transaction.atomic
def ralat_surat(
    case: Any,
    spec: RalatSpec,
    *,
    dokumen: DokumenTerbit | None,
    fakta: str,
    nilai: str,
    alasan: str,
    by: User,
) -> Ralat:
    """Correct an issued letter by a ralat: a new numbered letter naming the letter it
    corrects and why; the corrected fact set through the step table (step "ralat": state
    kept, one event with the old and new values); the corrected letter stays stored, marked
    as superseded by the ralat. Refused before anything is written or a number taken: no
    reason, a document never issued for this case, one already superseded, a role that may
    not issue that letter."""
    alasan = (alasan or "").strip()
    nilai = (nilai or "").strip()
    if not alasan:
        raise StepRefused("Ralat wajib disertai alasan.")
    model = type(case)
    if (
        dokumen is None
        or dokumen.object_id != case.pk
        or dokumen.content_type.model_class() is not model
        or dokumen.jenis == JENIS_RALAT
    ):
        raise StepRefused(f"Surat yang akan diralat tidak pernah diterbitkan untuk {spec.kasus}.")
    dokumen = DokumenTerbit.objects.select_for_update().get(pk=dokumen.pk)
    if dokumen.digantikan_oleh_id is not None:
        raise StepRefused(
            f"{dokumen.judul} {dokumen.nomor} sudah digantikan ralat "
            f"{dokumen.digantikan_oleh.nomor}; yang dapat diralat adalah surat yang berlaku."
        )
    if not by.has_role(*spec.peran_penerbit(case, dokumen.jenis)):
        raise StepRefused(
            f"Peran Anda tidak berwenang menerbitkan {dokumen.judul}, sehingga tidak dapat "
            "meralatnya."
        )
    semua = spec.fakta(case)
    if fakta not in semua:
        raise StepRefused("Pilih bagian surat yang diralat.")
    if fakta not in spec.fakta_surat(case, dokumen.jenis):
        raise StepRefused(
            f"{semua[fakta].label} tidak tercetak pada {dokumen.judul} {dokumen.nomor}".rstrip()
            + ": ralat hanya dapat memperbaiki bagian yang tercetak pada surat itu."
        )
    f = semua[fakta]
    if f.batas is not None and len(nilai) > f.batas:
        raise StepRefused(f"{f.label} paling banyak {f.batas} karakter.")
    # What the letter printed: a fact already corrected by the ralat of another letter is
    # still printed as before on this one, which then needs its own ralat.
    lama = nilai_tercetak(case, spec, dokumen, fakta)
    if not nilai or nilai == lama:
        raise StepRefused(
            f"Tuliskan {f.label[0].lower()}{f.label[1:]} yang seharusnya (berbeda dari yang "
            "tertulis pada surat itu)."
        )
    created: list[Ralat] = []

    def update(locked: Any) -> dict[str, Any]:
        if nilai != f.baca(locked):
            f.tulis(locked, nilai)
        day = calendar.today()
        ralat = Ralat.objects.create(
            content_type=ContentType.objects.get_for_model(locked),
            object_id=locked.pk,
            dokumen=dokumen,
            nomor=next_number(spec.jenis_nomor(dokumen), day=day, unit=spec.unit(locked, dokumen)),
            tanggal=day,
            alasan=alasan,
            perubahan={f.label: [lama, nilai]},
            dibuat_oleh=by,
        )
        created.append(ralat)
        return {
            "ralat": ralat.nomor,
            "diralat": {"jenis": dokumen.jenis, "nomor": dokumen.nomor, "pk": dokumen.pk},
            "perubahan": {fakta: [lama, nilai]},
            "tenggat": TENGGAT_TETAP,
        }

    apply_step(case, spec.table(case), spec.step, by=by, note=alasan, update=update)
    ralat = created[0]
    if dalam_konsep():
        return ralat  # a KONSEP's trial step (rolled back): nothing is stored
    # The engine stored the ralat letter in this transaction; without it (no signer in the
    # Pejabat table for today) nothing of the ralat is kept: the transaction rolls back.
    surat = (
        DokumenTerbit.objects.for_object(case).filter(jenis=JENIS_RALAT, kunci=ralat.nomor).first()
    )
    if surat is None:
        raise StepRefused(
            "Surat ralat tidak dapat diterbitkan: penandatangan belum ada di tabel pejabat."
        )
    dokumen.digantikan_oleh = surat
    dokumen.save(update_fields=["digantikan_oleh"])
    return ralat


class _Riwayat:
    """The case's ralat (oldest first) and the key of each one's stored letter: read once
    for every letter and fact asked about."""

    def __init__(self, case: Any) -> None:
        self.ralat = list(ralat_of(case))
        self.surat = dict(
            DokumenTerbit.objects.for_object(case)
            .filter(jenis=JENIS_RALAT)
            .values_list("kunci", "pk")
        )

    def tercetak(self, case: Any, f: Fakta, dokumen: DokumenTerbit) -> str:
        for r in self.ralat:
            if f.label in r.perubahan and self.surat.get(r.nomor, 0) > dokumen.pk:
                return r.perubahan[f.label][0]
        return f.baca(case)


def nilai_tercetak(case: Any, spec: RalatSpec, dokumen: DokumenTerbit, fakta: str) -> str:
    """`fakta` as `dokumen` printed it: the old value of the first ralat of that fact issued
    after the letter (its ralat letter stored later: a higher key), else the case's value."""
    return _Riwayat(case).tercetak(case, spec.fakta(case)[fakta], dokumen)


@dataclass(frozen=True)
class Tertinggal:
    """A letter in force that still prints a fact as it was before a ralat corrected it on
    another letter: it needs its own ralat (issue 24, item 5)."""

    dokumen: DokumenTerbit
    fakta: str
    label: str
    tercetak: str
    sekarang: str

    def __str__(self) -> str:
        return f"{self.dokumen.judul} {self.dokumen.nomor}".strip() + f" ({self.label})"


def surat_tertinggal(case: Any, spec: RalatSpec) -> list[Tertinggal]:
    """Every letter of the case in force that prints a corrected fact as it was before the
    correction, in the order the letters were issued."""
    riwayat = _Riwayat(case)
    if not riwayat.ralat:
        return []
    semua = spec.fakta(case)
    dikoreksi = {k for k, f in semua.items() if any(f.label in r.perubahan for r in riwayat.ralat)}
    found = []
    for d in dapat_diralat(case).filter(digantikan_oleh__isnull=True):
        for k in dikoreksi & set(spec.fakta_surat(case, d.jenis)):
            tercetak, sekarang = riwayat.tercetak(case, semua[k], d), semua[k].baca(case)
            if tercetak != sekarang:
                found.append(Tertinggal(d, k, semua[k].label, tercetak, sekarang))
    return found
