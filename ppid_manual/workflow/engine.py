"""The workflow engine: one function applies a step of a process's step table.

A step table is data (see registrasi/alur.py and its siblings): for each step, the states it
may start from, the roles that may take it, and the state it leads to. `apply_step` is the only
code that assigns a case's status: it locks the row, checks the state and the role, lets the
caller set the step's fields, saves, and writes exactly one Event. Anything else raises
`StepRefused`, which the views show as an Indonesian message; nothing is written then.

A step may carry a `guard`: a rule of the law that depends on the case itself (e.g. "one
extension, only before the deadline"). The guard is checked with the state and the role, on
the locked row, and hides the step's button when it would be refused.

A case is created by its first step: `apply_step` on an unsaved object inserts the row and
writes the first event in one transaction (the object's default state must be one of the
step's sources), so a refused or failed registration leaves no row, no event and no number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from ppid_manual.models import Event, User

M = TypeVar("M", bound=models.Model)


class StepRefused(Exception):
    """A step that is not allowed now (state, role, unit or a rule of the law). The message
    is shown to the user as is, so it is written in Indonesian."""


# A guard returns None when the step may be taken, or the Indonesian reason why not.
Guard = Callable[[Any, User], "str | None"]


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: frozenset[str]
    target: str | None  # None: the step records something and keeps the state
    roles: frozenset[str]
    css: str = "primary"
    guard: Guard | None = None

    def refusal(self, obj: Any, user: User) -> str | None:
        return self.guard(obj, user) if self.guard is not None else None


@dataclass(frozen=True)
class StepTable:
    """A process's step order. `scope(obj, user)` says whether the user may act on this
    particular case at all (e.g. a PPID Pelaksana only on its own OPD's cases)."""

    steps: tuple[Step, ...]
    status_labels: dict[str, str] = field(default_factory=dict)
    scope: Callable[[Any, User], bool] | None = None

    def __post_init__(self) -> None:
        names = [s.name for s in self.steps]
        if len(names) != len(set(names)):
            raise ValueError("step names must be unique in a table")

    def get(self, name: str) -> Step:
        for step in self.steps:
            if step.name == name:
                return step
        raise KeyError(name)

    def from_state(self, state: str) -> list[Step]:
        return [s for s in self.steps if state in s.sources]

    def offered(
        self, obj: Any, user: User, state_field: str = "status"
    ) -> list[tuple[Step, str | None]]:
        """The steps the state and this user's role and scope allow now, each with the reason
        its guard refuses it (None when it can be taken)."""
        state = getattr(obj, state_field)
        if self.scope is not None and not self.scope(obj, user):
            return []
        return [
            (s, s.refusal(obj, user)) for s in self.from_state(state) if user.has_role(*s.roles)
        ]

    def available(self, obj: Any, user: User, state_field: str = "status") -> list[Step]:
        """The steps this user may take on this case now (for the buttons on the page)."""
        return [s for s, reason in self.offered(obj, user, state_field) if reason is None]

    def why_not(self, obj: Any, step: Step, user: User, state_field: str = "status") -> str | None:
        """The reason `check` would refuse `step` now, or None (to disable a button)."""
        try:
            self.check(obj, step, user, state_field)
        except StepRefused as exc:
            return str(exc)
        return None

    def check(self, obj: Any, step: Step, user: User, state_field: str = "status") -> None:
        state = getattr(obj, state_field)
        if state not in step.sources:
            current = self.status_labels.get(state, state)
            raise StepRefused(
                f"Langkah “{step.label}” tidak dapat dilakukan pada status “{current}”."
            )
        if not user.has_role(*step.roles):
            raise StepRefused(f"Peran Anda tidak berwenang melakukan langkah “{step.label}”.")
        if self.scope is not None and not self.scope(obj, user):
            raise StepRefused("Anda tidak berwenang atas berkas perangkat daerah lain.")
        reason = step.refusal(obj, user)
        if reason:
            raise StepRefused(reason)


def apply_step(
    obj: M,
    table: StepTable,
    step_name: str,
    *,
    by: User,
    note: str = "",
    update: Callable[[M], dict[str, Any] | None] | None = None,
    state_field: str = "status",
) -> M:
    """Take one step on `obj` atomically and return the locked, saved instance.

    `update(locked)` sets the step's own fields on the locked row and may return extra data
    for the event (old/new values). It runs after the checks, inside the transaction, so a
    failure anywhere leaves no change, no event and no consumed number.
    """
    step = table.get(step_name)
    from ppid_manual import hash_riwayat as rantai
    from ppid_manual.workflow import terbit

    with transaction.atomic():
        # The events this step (and a step it takes on another case, or a fact it records)
        # writes are chained when the documents are drawn: the chain's head is not held while
        # WeasyPrint renders (ppid_manual/rantai.py).
        with rantai.tunda():
            if obj.pk is None:
                # The case's first step: nothing to lock yet; the insert happens below, in
                # this same transaction, together with the event.
                locked = obj
            else:
                locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
            table.check(locked, step, by, state_field)
            from_state = getattr(locked, state_field)
            data = update(locked) if update is not None else None
            if step.target is not None:
                setattr(locked, state_field, step.target)
            locked.save()
            # A document this step numbered is stored as issued, in this transaction, and
            # the step's event names it with its SHA-256 (DESIGN.md §7: what was issued
            # stays issued; ppid_manual/workflow/terbit.py).
            rendered = terbit.prepare(locked)
            event = record_event(
                locked,
                step.name,
                by=by,
                from_state=from_state,
                to_state=getattr(locked, state_field),
                note=note,
                data={**(data or {}), **terbit.saksi(rendered)},
            )
            # Stored once the event has its place (at the end of the outermost step).
            rantai.sesudah_disambung(lambda: terbit.store(locked, rendered, event, by))
    return locked


def record_event(
    obj: models.Model,
    step: str,
    *,
    by: User | None,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
) -> Event:
    return Event.objects.create(
        actor=by,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        step=step,
        from_state=from_state,
        to_state=to_state,
        note=note,
        data=data or {},
    )


def steps(*rows: Iterable[Any]) -> tuple[Step, ...]:
    """Build a step table from rows (name, label, sources, target, roles[, css[, guard]]) so
    that the table in alur.py reads like the SOP."""
    built = []
    for row in rows:
        name, label, sources, target, roles, *rest = row
        built.append(Step(name, label, frozenset(sources), target, frozenset(roles), *rest))
    return tuple(built)
