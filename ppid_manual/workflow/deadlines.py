"""Stored deadlines, and moving them when the calendar changes.

Each app declares, once, which date fields of its cases are deadlines and how each is counted
(`DeadlineSpec`: day 0 and the number of working days). When a row of the holiday table is
added, changed or removed, `recompute_for_dates` re-counts the deadlines of the open cases whose
window contains a changed date, stores the new dates, and writes one event per moved case with
the old and new date and why. Closed cases are never touched.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.utils.text import capfirst

from ppid_manual import hukum
from ppid_manual.workflow import calendar
from ppid_manual.workflow.engine import record_event

# --- Near due -----------------------------------------------------------------------------
# A deadline is "near due" when at most 2 working days are left (due today, or within the next
# two working days): the lists, the dashboard, the work lists and the panels highlight it.
HK_DEKAT = 2


def near_due_limit(
    today: datetime.date, days_off: Mapping[datetime.date, str] | None = None
) -> datetime.date:
    """The first date more than HK_DEKAT working days after today: a deadline on or after
    today and before it is near due. With `days_off` (a window holding it) no query is made."""
    if days_off is None:
        return calendar.deadline(today, HK_DEKAT + 1)
    return calendar.add_working_days(today, HK_DEKAT + 1, days_off)


def is_near_due(
    tenggat: datetime.date | None, today: datetime.date, limit: datetime.date | None = None
) -> bool:
    """The one test of "near due" for a date (`limit` from near_due_limit, when the caller
    tests many dates)."""
    if tenggat is None or tenggat < today:
        return False
    return tenggat < (limit if limit is not None else near_due_limit(today))


@dataclass(frozen=True)
class Penjelasan:
    """One deadline explained (the deadline panel, the letters): its rule, its legal basis,
    day 0, its length, the date it falls on and every day skipped, with why."""

    judul: str
    dasar: str
    hari: int
    mulai: datetime.date
    tenggat: datetime.date
    dilewati: list[calendar.SkippedDay]
    sejak: str = ""  # what day 0 is ("tanggal keberatan diterima"), named on every panel
    # The provision of UU 14/2008 (a key of hukum.KUTIPAN, "" for an SOP step): a printed
    # document cites it with the Act as the letter's citations do ({% dasar_tenggat %}).
    pasal: str = ""


@dataclass(frozen=True)
class DeadlineSpec:
    """One deadline, defined once: the action counts it when its clock starts (`stamp`), a
    calendar change re-counts it (`recompute_for_dates`), the case page and the letters explain
    it (`explain`).

    - field: where the deadline is stored; start: the field holding day 0 (a date, or an
      earlier deadline for a chained one); days: its length in hari kerja.
    - label: how a re-count names it on the case's timeline.
    - applies: while it runs (None: always); when it no longer applies, the step that stops it
      was taken and a calendar change leaves it alone.
    - cap: never later than this date (an internal deadline inside the legal one).
    - judul, dasar: how the deadline panel names it and the rule it rests on (the Pasal of UU
      14/2008, or the SOP step), shown to users; pasal: the provision of UU 14/2008 (a key of
      hukum.KUTIPAN), whose dasar on a page is "UU 14/2008 Pasal …" and in a printed document
      the letter's citation ({% dasar_tenggat %}).
    - sejak: the date day 0 is, in the users' words ("tanggal keberatan diterima"): the law
      starts most clocks on a receipt ("sejak diterimanya"), so every explanation names it."""

    field: str
    start: str
    days: int | Callable[[Any], int]
    label: str
    applies: Callable[[Any], bool] | None = None
    cap: Callable[[Any], datetime.date | None] | None = None
    judul: str = ""
    dasar: str = ""
    sejak: str | Callable[[Any], str] = ""
    pasal: str = ""

    def __post_init__(self) -> None:
        if self.pasal and not self.dasar:
            object.__setattr__(self, "dasar", f"{hukum.UU_KIP} {hukum.pasal(self.pasal)}")

    def count_from(self, day0: datetime.date, obj: Any = None) -> datetime.date:
        """The deadline counted from `day0` (for a case not yet stored, or a letter's draft)."""
        due = calendar.deadline(day0, self.working_days(obj))
        limit = self.cap(obj) if self.cap is not None else None
        return min(due, limit) if limit is not None else due

    def count(self, obj: Any) -> datetime.date:
        return self.count_from(getattr(obj, self.start), obj)

    def stamp(self, obj: Any) -> datetime.date:
        """Count the deadline from the case's day 0 and store it on the case (not saved): the
        first count, by the action that starts the clock."""
        due = self.count(obj)
        setattr(obj, self.field, due)
        return due

    def working_days(self, obj: Any) -> int:
        return self.days(obj) if callable(self.days) else self.days

    def is_active(self, obj: Any) -> bool:
        return (
            getattr(obj, self.start) is not None
            and getattr(obj, self.field) is not None
            and (self.applies is None or self.applies(obj))
        )

    def explain(self, obj: Any, days_off: Mapping[datetime.date, str] | None = None) -> Penjelasan:
        """The stored deadline of `obj` explained. With `days_off` (a window that holds the
        span) no query is made: a panel of several deadlines reads the calendar once."""
        mulai, tenggat = getattr(obj, self.start), getattr(obj, self.field)
        dilewati = (
            calendar.explain(mulai, tenggat)
            if days_off is None
            else calendar.skipped_days(mulai, tenggat, days_off)
        )
        return Penjelasan(
            self.judul or self.label,
            self.dasar,
            self.working_days(obj),
            mulai,
            tenggat,
            dilewati,
            self.sejak(obj) if callable(self.sejak) else self.sejak,
            self.pasal,
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
