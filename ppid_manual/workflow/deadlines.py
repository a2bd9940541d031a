"""Stored deadlines, and moving them when the calendar changes.

Each app declares, once, which date fields of its cases are deadlines and how each is counted
(`DeadlineSpec`: day 0 and the number of working days). When a row of the holiday table is
added, changed or removed, `recompute_for_dates` re-counts the deadlines of the open cases whose
window contains a changed date, stores the new dates, and writes one event per moved case with
the old and new date and why. Closed cases are never touched.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.utils.text import capfirst

from ppid_manual.workflow import calendar
from ppid_manual.workflow.engine import record_event


@dataclass(frozen=True)
class DeadlineSpec:
    field: str  # the stored deadline
    start: str  # the field holding day 0 (a date, or an earlier deadline for a chained one)
    days: int | Callable[[Any], int]
    label: str
    applies: Callable[[Any], bool] | None = None
    # Never later than this date (e.g. an internal deadline inside the legal one); None: no cap.
    cap: Callable[[Any], datetime.date | None] | None = None

    def count(self, obj: Any) -> datetime.date:
        due = calendar.deadline(getattr(obj, self.start), self.working_days(obj))
        limit = self.cap(obj) if self.cap is not None else None
        return min(due, limit) if limit is not None else due

    def working_days(self, obj: Any) -> int:
        return self.days(obj) if callable(self.days) else self.days

    def is_active(self, obj: Any) -> bool:
        return (
            getattr(obj, self.start) is not None
            and getattr(obj, self.field) is not None
            and (self.applies is None or self.applies(obj))
        )


@dataclass(frozen=True)
class DeadlineHolder:
    model: type[models.Model]
    specs: tuple[DeadlineSpec, ...]  # in dependency order: a chained spec after its start
    open_cases: Callable[[], models.QuerySet]
    # The case whose timeline records the move (a letter's deadline is told on its request).
    case: Callable[[Any], models.Model] | None = None
    # Rows whose deadlines a change between two dates may move, beyond each spec's own window
    # (start, due]: a capped deadline also moves when its cap does.
    window: Callable[[datetime.date, datetime.date], Q] | None = None


REGISTRY: list[DeadlineHolder] = []


def register(
    model: type[models.Model],
    specs: Iterable[DeadlineSpec],
    open_cases: Callable[[], models.QuerySet],
    *,
    case: Callable[[Any], models.Model] | None = None,
    window: Callable[[datetime.date, datetime.date], Q] | None = None,
) -> None:
    """Declare `model`'s stored deadlines. Holders are recomputed in registration order, so a
    holder whose cap reads another's deadline is registered after it."""
    if any(holder.model is model for holder in REGISTRY):
        return
    REGISTRY.append(DeadlineHolder(model, tuple(specs), open_cases, case, window))


def recompute_case(obj: Any, specs: Iterable[DeadlineSpec]) -> dict[str, tuple[str, str, str]]:
    """Re-count the deadlines of one case in place; return {field: (old, new, label)} of those
    that moved (ISO dates; the label of the rule that counted it)."""
    moved: dict[str, tuple[str, str, str]] = {}
    for spec in specs:
        if not spec.is_active(obj):
            continue
        old = getattr(obj, spec.field)
        new = spec.count(obj)
        if new != old:
            setattr(obj, spec.field, new)
            moved[spec.field] = (old.isoformat(), new.isoformat(), spec.label)
    return moved


def recompute_for_dates(dates: Iterable[datetime.date], *, reason: str, by=None) -> int:
    """Move the stored deadlines of open cases affected by a change on `dates`. Returns how
    many cases moved (a request whose letter to an OPD moved with it counts once)."""
    dates = sorted(set(dates))
    if not dates:
        return 0
    first, last = dates[0], dates[-1]
    moved_cases: set[tuple[str, int]] = set()
    with transaction.atomic():
        for holder in REGISTRY:
            window = Q()
            for spec in holder.specs:
                # A change on day d can only move a deadline whose window (start, due] holds d.
                window |= Q(**{f"{spec.start}__lt": last, f"{spec.field}__gte": first})
            if holder.window is not None:
                window |= holder.window(first, last)
            candidates = holder.open_cases().filter(window).select_for_update().order_by("pk")
            for obj in candidates:
                moved = recompute_case(obj, holder.specs)
                if not moved:
                    continue
                obj.save(update_fields=list(moved))
                summary = "; ".join(f"{label}: {old} → {new}" for old, new, label in moved.values())
                case = holder.case(obj) if holder.case is not None else obj
                if case is not obj:
                    summary = f"{capfirst(obj._meta.verbose_name)} {obj}: {summary}"
                status = getattr(case, "status", "")
                record_event(
                    case,
                    "tenggat_dihitung_ulang",
                    by=by,
                    from_state=status,
                    to_state=status,
                    note=f"{reason}. {summary}",
                    data={"tenggat": {f: [old, new] for f, (old, new, _) in moved.items()}},
                )
                moved_cases.add((case._meta.label, case.pk))
    return len(moved_cases)
