"""Issued documents kept as issued (DESIGN.md §7, issue 15).

Each process says which numbered documents a case has now (`daftarkan(Model, fn)`: `fn(case)`
returns one PrintDocument per document issued so far). After every step the engine calls
`store_for_case` inside the step's transaction: a document the case has and that is not yet
stored is rendered once and stored with its SHA-256, who, when and the step's event. A print
of an issued document serves those bytes (`print_response(mode="issued")`); a missing or
changed one is said plainly, never rendered again from today's data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from ppid_manual.models import DokumenTerbit, Event, Pejabat, User
from ppid_manual.workflow.pdf import PdfError, PrintDocument

_TERBITAN: dict[type, Callable[[Any], list[PrintDocument]]] = {}


def register(model: type, terbitan: Callable[[Any], list[PrintDocument]]) -> None:
    """Declare the numbered documents of a process's cases (called from the app's ready())."""
    _TERBITAN[model] = terbitan


def terbitan(case: Any) -> list[PrintDocument]:
    """The numbered documents the case has been issued so far (drawn from its data)."""
    fn = _TERBITAN.get(type(case))
    return fn(case) if fn is not None else []


def kunci(doc: PrintDocument) -> tuple[str, str]:
    return doc.jenis_terbit, doc.kunci_terbit()


#: The key under which a step's event names the documents it stored (kind, key, SHA-256).
#: The timeline is append-only: it witnesses that a document was stored, so a stored row
#: that disappears is reported as missing, never rendered again from today's data.
SAKSI = "dokumen_terbit"


def prepare(case: Any) -> list[tuple[PrintDocument, bytes]]:
    """Render each document the case has and has not stored yet (called by the engine inside
    the step's transaction, before the step's event is written; the case row is locked, so
    two desks issuing the same letter wait on each other; the unique constraint is the last
    guard).

    A letter that cannot be rendered now (no signing official on its date in the Pejabat
    table, WeasyPrint failed) does not undo the step the desk has taken: it stays "not yet
    stored" on the case page and is stored at its first successful print (`store_one`),
    which says why it cannot be printed until the Admin completes the table."""
    from ppid_manual.workflow.numbering import dalam_konsep

    if dalam_konsep():
        return []  # a KONSEP's trial step: nothing is issued, nothing stored
    docs = terbitan(case)
    if not docs:
        return []
    ct = ContentType.objects.get_for_model(case)
    stored = set(
        DokumenTerbit.objects.filter(content_type=ct, object_id=case.pk).values_list(
            "jenis", "kunci"
        )
    )
    rendered = []
    for doc in docs:
        if kunci(doc) in stored:
            continue
        try:
            rendered.append((doc, doc.render_pdf()))
        except (Pejabat.DoesNotExist, PdfError):
            continue
    return rendered


def saksi(rendered: list[tuple[PrintDocument, bytes]]) -> dict[str, Any]:
    """What the step's event records of the documents it stores."""
    if not rendered:
        return {}
    return {
        SAKSI: [
            {"jenis": doc.jenis_terbit, "kunci": doc.kunci_terbit(), "sha256": _sha(pdf)}
            for doc, pdf in rendered
        ]
    }


def store(
    case: Any, rendered: list[tuple[PrintDocument, bytes]], event: Event | None, by: User | None
) -> list[DokumenTerbit]:
    """Store what `prepare` rendered, with the step's event."""
    return [_buat(case, doc, pdf, event=event, by=by) for doc, pdf in rendered]


def store_for_case(case: Any, event: Event | None, by: User | None) -> list[DokumenTerbit]:
    """`prepare` and `store` in one call, for a step whose event is already written."""
    return store(case, prepare(case), event, by)


def _sha(pdf: bytes) -> str:
    return DokumenTerbit.hitung_sha256(pdf)


def tercatat(case: Any) -> dict[tuple[str, str], str]:
    """(kind, key) → SHA-256 of every document the case's timeline says was stored."""
    found: dict[tuple[str, str], str] = {}
    for data in Event.objects.for_object(case).values_list("data", flat=True):
        for d in (data or {}).get(SAKSI, []) if isinstance(data, dict) else []:
            found[(d["jenis"], d["kunci"])] = d["sha256"]
    return found


def _buat(case: Any, doc: PrintDocument, pdf: bytes, *, event, by) -> DokumenTerbit:
    return DokumenTerbit.objects.create(
        content_type=ContentType.objects.get_for_model(case),
        object_id=case.pk,
        jenis=doc.jenis_terbit,
        kunci=doc.kunci_terbit(),
        judul=doc.title,
        nomor=doc.nomor_terbit() or "",
        tanggal=doc.tanggal_terbit(),
        nama_berkas=doc.filename(),
        berkas=pdf,
        sha256=_sha(pdf),
        dibuat_oleh=by,
        event=event,
    )


class DokumenHilang(Exception):
    """A document stored at its step whose stored row is gone."""


def store_one(doc: PrintDocument, by: User | None) -> DokumenTerbit:
    """The first print of an issued document that was not stored at its step (a letter
    issued before this feature, or one whose signer was missing then): rendered once now
    and stored; every later print serves these bytes. Two desks printing at once store
    one (the unique constraint; the loser serves the winner's). Raises Pejabat.DoesNotExist
    or PdfError when it cannot be rendered, and DokumenHilang when the case's timeline says
    it was stored at its step: that one is gone, and is not drawn again from today's data."""
    if kunci(doc) in tercatat(doc.kasus()):
        raise DokumenHilang(doc)
    pdf = doc.render_pdf()
    try:
        with transaction.atomic():
            return _buat(doc.kasus(), doc, pdf, event=None, by=by)
    except IntegrityError:
        found = tersimpan(doc)
        assert found is not None
        return found


def tersimpan(doc: PrintDocument) -> DokumenTerbit | None:
    case = doc.kasus()
    return (
        DokumenTerbit.objects.filter(
            content_type=ContentType.objects.get_for_model(case),
            object_id=case.pk,
            jenis=doc.jenis_terbit,
            kunci=doc.kunci_terbit(),
        )
        .select_related("dibuat_oleh", "digantikan_oleh")
        .first()
    )


def daftar_kasus(case: Any) -> list[dict[str, Any]]:
    """What the case page lists: each stored document (number, date, short hash) and its
    state: "utuh" (the bytes have the hash taken at issue), "berubah" (they do not),
    "hilang" (the bytes are gone); and "belum" for a document the case was issued that is
    not stored yet (stored at its first print). Re-hashed on each view: a changed document
    is shown as changed, never served."""
    rows: list[dict[str, Any]] = []
    keys = set()
    witnessed = tercatat(case)
    for d in DokumenTerbit.objects.for_object(case).select_related(
        "dibuat_oleh", "digantikan_oleh"
    ):
        keys.add((d.jenis, d.kunci))
        keadaan = "hilang" if not d.berkas else ("utuh" if d.utuh else "berubah")
        rows.append(
            {
                "judul": d.judul,
                "nomor": d.nomor,
                "tanggal": d.tanggal,
                "dokumen": d,
                "keadaan": keadaan,
            }
        )
    for doc in terbitan(case):
        if kunci(doc) not in keys:
            rows.append(
                {
                    "judul": doc.title,
                    "nomor": doc.nomor_terbit(),
                    "tanggal": doc.tanggal_terbit(),
                    "dokumen": None,
                    # Stored at its step (the timeline says so) and gone since: missing.
                    "keadaan": "hilang" if kunci(doc) in witnessed else "belum",
                    "sha256": witnessed.get(kunci(doc), ""),
                }
            )
    return rows


def verifikasi() -> list[DokumenTerbit]:
    """Every stored document whose bytes no longer have the hash taken at issue."""
    return [d for d in DokumenTerbit.objects.order_by("pk").iterator(chunk_size=50) if not d.utuh]


def hilang_dari_arsip() -> list[tuple[Event, dict[str, str]]]:
    """Each document a step's event says it stored whose stored row is gone (deleted from
    the table, or a restore without it): (the event, what it recorded)."""
    stored = set(
        DokumenTerbit.objects.values_list("content_type_id", "object_id", "jenis", "kunci")
    )
    missing = []
    for event in Event.objects.filter(data__has_key=SAKSI).order_by("pk").iterator(chunk_size=200):
        for d in event.data[SAKSI]:
            if (event.content_type_id, event.object_id, d["jenis"], d["kunci"]) not in stored:
                missing.append((event, d))
    return missing
