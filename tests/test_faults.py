"""Two officers acting on the same case at once: one wins, the other gets a clear message and
nothing is overwritten (the engine locks the row and re-checks the state). A worker killed
(kill -9) in the middle of a registration leaves no case, and its number void (issue 27)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import threading
from types import SimpleNamespace

import pytest
from django.db import connection, connections
from django.utils import timezone

from ppid_manual.models import DokumenTerbit, Event, FormatNomor, NomorTerbit
from ppid_manual.workflow import numbering
from ppid_manual.workflow.engine import StepRefused
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.bench.common import ROOT, bench_env
from tests.concurrency import at_once
from tests.helpers import D, at
from tests.keberatan.helpers import buat_permohonan
from tests.registrasi.test_nomor_pendaftaran import intake, nomor_rows, urut

K = Permohonan.Keputusan


pytestmark = pytest.mark.usefixtures("holidays_2026")


def test_a_stale_second_decision_is_refused_and_overwrites_nothing(desk):
    p = buat_permohonan(desk, D(2026, 3, 16))
    first_view = Permohonan.objects.get(pk=p.pk)
    second_view = Permohonan.objects.get(pk=p.pk)  # the other officer's page, loaded earlier
    with at(D(2026, 3, 20)):
        reg.issue_decision(
            first_view,
            reg.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA, uraian_informasi="Data terlampir."),
            by=desk.ppid,
        )
        events = Event.objects.count()
        with pytest.raises(StepRefused, match="tidak dapat dilakukan pada status"):
            reg.issue_decision(
                second_view,
                reg.Putusan(keputusan=K.TIDAK_DIKUASAI, penguasa_informasi="BPS"),
                by=desk.ppid,
            )
    p.refresh_from_db()
    assert p.keputusan == K.DIBERIKAN_SELURUHNYA
    assert p.penguasa_informasi == ""
    assert Event.objects.count() == events


@pytest.mark.dokumen_di_langkah
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_desks_extending_at_the_same_moment_extend_once(
    units, ppid, petugas, pejabat, holidays_2026, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    desk = SimpleNamespace(units=units, petugas=petugas, ppid=ppid)
    p = buat_permohonan(desk, D(2026, 3, 16))
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def officer():
        try:
            barrier.wait()
            with at(D(2026, 3, 20)):
                reg.extend(Permohonan.objects.get(pk=p.pk), by=ppid, alasan="Dokumen tersebar.")
            outcomes.append("ok")
        except StepRefused as exc:
            outcomes.append(str(exc))
        finally:
            connections.close_all()

    at_once(officer, threads=2)
    assert sorted(outcomes)[-1] == "ok" and outcomes.count("ok") == 1, outcomes
    p.refresh_from_db()
    assert p.diperpanjang and p.tenggat == D(2026, 4, 16)
    assert Event.objects.filter(step="perpanjang").count() == 1
    # Issue 15: one number, one stored notice (the loser took no number, stored nothing).
    numbers = NomorTerbit.objects.filter(jenis=FormatNomor.Jenis.PERPANJANGAN)
    assert list(numbers.values_list("nomor", flat=True)) == [p.nomor_perpanjangan]
    stored = DokumenTerbit.objects.for_object(p).filter(jenis="perpanjangan")
    assert list(stored.values_list("nomor", flat=True)) == [p.nomor_perpanjangan]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_desks_printing_a_letter_first_at_the_same_moment_store_it_once(
    units, ppid, petugas, pejabat, holidays_2026, settings, tmp_path, monkeypatch
):
    """A letter issued before documents were stored is stored at its first print: two desks
    printing it at the same moment get the very same bytes, and one document is stored."""
    from django.test import Client
    from django.urls import reverse

    from ppid_manual.workflow import terbit

    settings.MEDIA_ROOT = tmp_path / "media"
    desk = SimpleNamespace(units=units, petugas=petugas, ppid=ppid)
    with monkeypatch.context() as m:
        m.setattr(terbit, "prepare", lambda *a, **k: [])  # as before issue 15
        p = buat_permohonan(desk, D(2026, 3, 16))
        with at(D(2026, 3, 20)):
            reg.extend(p, by=ppid, alasan="Dokumen tersebar.")
    assert not DokumenTerbit.objects.for_object(p).exists()
    url = reverse("registrasi:cetak", args=[p.pk, "perpanjangan"])
    printed: list[bytes] = []
    barrier = threading.Barrier(2)

    def officer():
        try:
            client = Client()
            client.force_login(ppid)
            barrier.wait()
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            printed.append(response.content)
        finally:
            connections.close_all()

    at_once(officer, threads=2)
    stored = DokumenTerbit.objects.for_object(p).get(jenis="perpanjangan")
    assert len(printed) == 2 and printed[0] == printed[1] == bytes(stored.berkas)
    assert stored.utuh


KILLED_WORKER = """
import os, sys, time, uuid
import django
django.setup()
from ppid_manual.models import User
from ppid_manual.workflow import terbit
from registrasi import actions as reg
from tests.registrasi.test_nomor_pendaftaran import intake

def hang(case):
    print("MERENDER", flush=True)  # inside the case's transaction, number marked used
    time.sleep(120)

terbit.prepare = hang
reg.register_permohonan(
    intake("Terbunuh", "5171010101900006"), by=User.objects.get(username="petugas")
)
"""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a second process needs PostgreSQL")
@pytest.mark.dokumen_di_langkah
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_registration_leaves_no_case_and_its_number_void(
    units, petugas, pejabat
):
    """kill -9 while the case's transaction renders the receipt: no case, no event, no
    receipt, the number neither used nor void until the sweep makes it void; the next desk
    gets the next number."""
    env = bench_env(connection.settings_dict["NAME"], PYTHONPATH=str(ROOT))
    worker = subprocess.Popen(
        [sys.executable, "-c", KILLED_WORKER],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline().strip() == "MERENDER"
    finally:
        os.kill(worker.pid, 9)
        worker.wait(timeout=30)
    assert worker.returncode == -9
    assert not Permohonan.objects.exists()
    assert not Event.objects.exists()
    assert not DokumenTerbit.objects.exists()
    [held] = nomor_rows()
    # Its transaction died with it: the "used" mark rolled back; reserved, not void yet.
    assert held.keadaan == NomorTerbit.Keadaan.DIPESAN
    later = timezone.now() + numbering.TERHENTI_SETELAH + datetime.timedelta(seconds=1)
    assert numbering.batalkan_terhenti(sebelum=later) == 1
    held.refresh_from_db()
    assert held.keadaan == NomorTerbit.Keadaan.BATAL
    assert held.alasan_batal == numbering.ALASAN_TERHENTI
    p = reg.register_permohonan(intake("Berikutnya", "5171010101900007"), by=petugas)
    assert urut(p.nomor_pendaftaran) == held.urut + 1
    assert not NomorTerbit.objects.filter(
        keadaan=NomorTerbit.Keadaan.BATAL, nomor=p.nomor_pendaftaran
    ).exists()
