"""Plain edits carry a version (optimistic locking).

A workflow step is safe against two officers acting at once by its state: the second finds the
case already moved on (engine.apply_step). A plain edit (a DIP entry, a DIK row) has no state to
move, so the row carries `versi`: the form sends the version it was opened on, the action locks
the row and refuses with `EditConflict` when someone saved in between, and every save moves the
version on. Nothing is overwritten silently; the officer sees what is stored now and decides.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from ppid_manual.hidden_fields import HiddenFieldsCheckedMixin
from ppid_manual.models import Event

from .engine import StepRefused


class Versioned(models.Model):
    versi = models.PositiveIntegerField("versi", default=1, editable=False)

    class Meta:
        abstract = True

    def naikkan_versi(self) -> None:
        """Called by the action that saves an edit, on the locked row, before `save()`."""
        self.versi += 1


class EditConflict(StepRefused):
    """Someone saved the row after this form was opened."""


def check_version(
    current: Versioned,
    versi: int | None,
    *,
    what: str,
    events: QuerySet[Event] | None = None,
) -> None:
    """Refuse an edit opened on version `versi` when `current` (the locked row) has moved on.

    `versi=None` is an edit that was not opened from a form (an import, a command): it applies
    to whatever is stored. `events` are the row's history, to name who saved in between."""
    if versi is None or current.versi == versi:
        return
    last = events.select_related("actor").last() if events is not None else None
    siapa = ""
    if last is not None and last.actor is not None:
        nama = last.actor.get_full_name() or last.actor.username
        waktu = timezone.localtime(last.created_at)
        siapa = f" oleh {nama} pada {waktu:%d-%m-%Y} pukul {waktu:%H.%M}"
    raise EditConflict(
        f"{what} sudah diubah{siapa} setelah Anda membukanya. Perubahan Anda belum disimpan "
        "agar tidak menimpa perubahan itu: periksa isi yang tersimpan sekarang, lalu simpan "
        "lagi bila isian Anda tetap yang benar."
    )


class VersionFormMixin(HiddenFieldsCheckedMixin, forms.Form):
    """A hidden `versi` field holding the version the form was opened on."""

    versi = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            self.fields["versi"].initial = instance.versi

    def opened_on(self, current: Versioned) -> None:
        """After a conflict: the form keeps the officer's input but now stands on the stored
        version, so saving again (having seen what is stored) is a deliberate overwrite."""
        self.data = self.data.copy()
        self.data[self.add_prefix("versi")] = current.versi
        self.fields["versi"].initial = current.versi

    def differences(self, current: Versioned) -> list[dict[str, str]]:
        """The fields where what is stored now differs from what the officer typed, as the
        officer reads them (choice labels, "Ya"/"Tidak")."""
        rows = []
        for name, field in self.fields.items():
            if name == "versi" or name not in self.cleaned_data:
                continue
            stored = _shown(field, getattr(current, name, None))
            typed = _shown(field, self.cleaned_data[name])
            if stored != typed:
                rows.append({"label": field.label, "tersimpan": stored, "isian": typed})
        return rows


def _shown(field: forms.Field, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if callable(getattr(value, "all", None)):  # a many-to-many: its members by name
        return ", ".join(sorted(str(v) for v in value.all())) or "—"
    if hasattr(value, "pk"):
        return str(value)
    if isinstance(value, str) and "," in value and isinstance(field, forms.MultipleChoiceField):
        value = value.split(",")
    labels = {str(k): str(v) for k, v in getattr(field, "choices", ()) if k not in ("", None)}
    if isinstance(value, list | tuple):
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    return labels.get(str(value), str(value))
