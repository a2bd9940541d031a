"""Retention of personal data (UU 27/2022 PDP): ID scans of cases closed longer than the
configured period are deleted, and the deletion is recorded on the case."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from ppid_manual.models import Event
from ppid_manual.workflow.engine import record_event


@dataclass(frozen=True)
class ScanHolder:
    model_path: str
    fields: tuple[str, ...]
    closed_statuses: tuple[str, ...]
    label: str


HOLDERS = (
    ScanHolder(
        "registrasi.Permohonan",
        ("scan_identitas",),
        ("selesai", "ditarik", "dikembalikan"),
        "permohonan",
    ),
    ScanHolder(
        "keberatan.Keberatan",
        ("scan_identitas", "surat_kuasa"),
        # Closed, or with the Komisi Informasi (every state of a sengketa: keberatan.models).
        (
            "selesai",
            "sengketa",
            "ki_mediasi_berhasil",
            "ki_mediasi_gagal",
            "ki_dikabulkan",
            "ki_sebagian",
            "ki_ditolak",
            "ki_ptun",
            "ki_kasasi",
            "ki_dicabut",
        ),
        "keberatan",
    ),
)


def expired_cases(holder: ScanHolder, cutoff: datetime.datetime) -> models.QuerySet:
    """Closed cases with a scan whose last event (the closing step or later) is before cutoff."""
    from django.apps import apps

    model = apps.get_model(holder.model_path)
    has_scan = models.Q()
    for f in holder.fields:
        has_scan |= ~models.Q(**{f: ""}) & models.Q(**{f"{f}__isnull": False})
    ct = ContentType.objects.get_for_model(model)
    recent = (
        Event.objects.filter(content_type=ct, created_at__gte=cutoff)
        .values("object_id")
        .annotate(last=Max("pk"))
        .values("object_id")
    )
    return (
        model._default_manager.filter(status__in=holder.closed_statuses)
        .filter(has_scan)
        .exclude(pk__in=recent)
    )


def purge(days: int, *, dry_run: bool = False) -> dict[str, int]:
    cutoff = timezone.now() - datetime.timedelta(days=days)
    removed: dict[str, int] = {}
    for holder in HOLDERS:
        count = 0
        for obj in expired_cases(holder, cutoff).order_by("pk"):
            count += 1
            if dry_run:
                continue
            with transaction.atomic():
                names = []
                for f in holder.fields:
                    fieldfile = getattr(obj, f)
                    if fieldfile:
                        names.append((fieldfile.storage, fieldfile.name))
                        setattr(obj, f, "")
                obj.save(update_fields=list(holder.fields))
                record_event(
                    obj,
                    "hapus_pindaian",
                    by=None,
                    from_state=obj.status,
                    to_state=obj.status,
                    note=(
                        f"Pindaian identitas dihapus: berkas ditutup lebih dari {days} hari "
                        "(retensi data pribadi, UU 27/2022)."
                    ),
                    data={"berkas": len(names)},
                )
                # The files go only once the database change is committed.
                transaction.on_commit(
                    lambda names=names: [storage.delete(name) for storage, name in names]
                )
        removed[holder.label] = count
    return removed
