"""The hash chain's core (issue 25; the check is ppid_manual/rantai.py): the canonical content
of an event and its hash, and the queue in which a step's events wait for their places. It
imports nothing of the project, so that the event model can use it (models -> here, never
back)."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import threading
from typing import Any

GENESIS = "0" * 64
HEAD_PK = 1


def _waktu(value: datetime.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def isi_kanonik(
    *,
    urut: int,
    hash_sebelum: str,
    kasus: str,
    langkah: str,
    dari: str,
    ke: str,
    pelaku: str | None,
    waktu: datetime.datetime,
    catatan: str,
    data: Any,
) -> bytes:
    """The bytes an event's hash is taken of (the data as JSON reads it back: sorted keys)."""
    return json.dumps(
        {
            "urut": urut,
            "sebelum": hash_sebelum,
            "kasus": kasus,
            "langkah": langkah,
            "dari": dari,
            "ke": ke,
            "pelaku": pelaku,
            "waktu": _waktu(waktu),
            "catatan": catatan,
            "data": data,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


def kasus_label(content_type) -> str:
    return f"{content_type.app_label}.{content_type.model}"


def hitung_hash(event, content_type=None) -> str:
    """The SHA-256 of an event (a model instance, current or historical)."""
    ct = content_type if content_type is not None else event.content_type
    # The data as the database gives it back (JSON types only, as json.loads reads it).
    data = json.loads(json.dumps(event.data if event.data is not None else {}))
    return hashlib.sha256(
        isi_kanonik(
            urut=event.urut,
            hash_sebelum=event.hash_sebelum,
            kasus=f"{kasus_label(ct)}#{event.object_id}",
            langkah=event.step,
            dari=event.from_state,
            ke=event.to_state,
            # The actor by username, as a backup carries users (their natural key: a restored
            # user may get another id).
            pelaku=event.actor.username if event.actor_id is not None else None,
            waktu=event.created_at,
            catatan=event.note,
            data=data,
        )
    ).hexdigest()


# --- Holding the chain for as short as a step allows ------------------------------------------

_lokal = threading.local()


class tunda(contextlib.ContextDecorator):
    """Within a step (the engine's `apply_step`, a registration that records the pemohon's
    changed details first), the events it records wait here and are chained together when
    the outermost `tunda` ends, after every document of the step has been rendered: the head
    is locked for the inserts and the commit only, never while WeasyPrint draws. Must be
    entered inside the step's transaction. Nested: only the outermost one chains."""

    def _recreate_cm(self):
        return type(self)()  # as a decorator: a fresh one per call (and per thread)

    def __enter__(self):
        self.luar = getattr(_lokal, "antre", None) is None
        if self.luar:
            _lokal.antre, _lokal.sesudah = [], []
        return self

    def __exit__(self, exc_type, exc, tb):
        if not self.luar:
            return False
        antre, sesudah = _lokal.antre, _lokal.sesudah
        _lokal.antre = _lokal.sesudah = None
        if exc_type is None:
            for event in antre:
                event.sambung()
            for fn in sesudah:
                fn()
        return False


def ditunda() -> bool:
    return getattr(_lokal, "antre", None) is not None


def antrekan(event) -> bool:
    """Queue an event being saved inside a `tunda` (False when there is none)."""
    antre = getattr(_lokal, "antre", None)
    if antre is None:
        return False
    antre.append(event)
    return True


def sesudah_disambung(fn) -> None:
    """Run `fn` once the queued events have their places (at once when none are queued)."""
    if ditunda():
        _lokal.sesudah.append(fn)
    else:
        fn()
