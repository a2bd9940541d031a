"""The hash chain under desks working at once (issue 25), on PostgreSQL: desks recording at
the same moment leave one chain, never a fork; and the lock that orders the chain is not held
while a step renders its letter (another desk's step commits meanwhile). Two app servers
registering at once: tests/test_dua_server.py checks the chain after its 16 desks."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest
from django.db import connection, connections

from ppid_manual import rantai
from ppid_manual.models import Event
from ppid_manual.workflow import pdf
from ppid_manual.workflow.engine import record_event
from tests.concurrency import at_once
from tests.helpers import D
from tests.keberatan.helpers import buat_permohonan

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def assert_one_unbroken_chain(expected: int) -> None:
    putus, urut, head_hash, count = rantai.periksa_rantai()
    assert putus == [] and count == expected == urut
    assert rantai.periksa_kepala(urut, head_hash) == []
    assert sorted(Event.objects.values_list("urut", flat=True)) == list(range(1, expected + 1))


def test_desks_recording_at_the_same_moment_leave_one_chain(units, petugas):
    before = Event.objects.count()
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def desk():
        try:
            barrier.wait()
            for i in range(5):
                record_event(units["dinkes"], "uji_serentak", by=petugas, note=str(i))
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)
        finally:
            connections.close_all()

    at_once(desk, threads=8)
    assert errors == []
    assert_one_unbroken_chain(before + 40)


@pytest.mark.dokumen_di_langkah
def test_the_chain_is_not_held_while_a_letter_renders(
    units, petugas, ppid, pejabat, holidays_2026, monkeypatch
):
    """Desk A registers a request; its formulir renders (held here until told). Meanwhile desk
    B's event is written and committed: the chain was free. Then A's event follows B's."""
    desk = SimpleNamespace(units=units, petugas=petugas, ppid=ppid)
    rendering, release = threading.Event(), threading.Event()

    def held(real):
        # WeasyPrint's own call: one document, copies laid out one by one, or copies written
        # from the first copy's layout.
        def slow(*args, **kwargs):
            rendering.set()
            assert release.wait(30), "the test never released the rendering"
            return real(*args, **kwargs)

        return slow

    monkeypatch.setattr(pdf, "render_pdf", held(pdf.render_pdf))
    monkeypatch.setattr(pdf, "render_pdf_gabung", held(pdf.render_pdf_gabung))
    monkeypatch.setattr(pdf, "render_pdf_salinan", held(pdf.render_pdf_salinan))
    outcome: dict[str, object] = {}

    def desk_a():
        try:
            outcome["a"] = buat_permohonan(desk, D(2026, 3, 16))
        except BaseException as exc:  # noqa: BLE001
            outcome["a"] = exc
        finally:
            connections.close_all()

    def desk_b():
        try:
            outcome["b"] = record_event(units["dishub"], "catatan", by=petugas)
        finally:
            connections.close_all()

    a = threading.Thread(target=desk_a)
    a.start()
    assert rendering.wait(60), "desk A never reached its letter"
    b = threading.Thread(target=desk_b)
    b.start()
    b.join(timeout=10)
    b_done_while_rendering = not b.is_alive()
    release.set()
    a.join(timeout=60)
    b.join(timeout=30)
    assert b_done_while_rendering, "desk B waited for desk A's letter to render"
    permohonan = outcome["a"]
    assert not isinstance(permohonan, BaseException), permohonan
    first_of_a = Event.objects.for_object(permohonan).order_by("urut").first()
    assert first_of_a.urut > outcome["b"].urut
    assert_one_unbroken_chain(Event.objects.count())
