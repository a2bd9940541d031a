"""The two engine additions registrasi needs: a step's guard (a rule of the law on the case
itself) and creating a case through its first step, atomically."""

from __future__ import annotations

import uuid

import pytest
from django.db import IntegrityError

from pemohon.models import Pemohon
from ppid_manual.models import Event, NomorTerbit, Unit
from ppid_manual.workflow.engine import StepRefused, StepTable, steps
from registrasi import actions
from registrasi.alur import ALUR
from registrasi.models import Permohonan
from tests.registrasi.conftest import intake, register

S = Permohonan.Status


def test_a_guard_hides_the_step_and_refuses_it_with_its_reason(db, units, petugas):
    table = StepTable(
        steps(
            ("tutup", "Tutup", ["buka"], "tutup", ["petugas"], "primary", lambda o, u: "Belum."),
            ("catat", "Catat", ["buka"], None, ["petugas"]),
        )
    )

    class Case:
        status = "buka"

    assert [s.name for s in table.available(Case(), petugas)] == ["catat"]
    with pytest.raises(StepRefused, match="^Belum.$"):
        table.check(Case(), table.get("tutup"), petugas)


def test_the_first_step_creates_the_case_with_its_event(golden_day, petugas):
    p = register(petugas)
    assert p.pk is not None
    [event] = Event.objects.for_object(p)
    assert (event.step, event.from_state, event.to_state, event.actor) == (
        "daftar",
        S.BARU,
        S.TERDAFTAR,
        petugas,
    )


def test_a_refused_first_step_leaves_no_row_no_event_no_number(golden_day, ppid):
    # The PPID role does not register at the desk (SOP step 2 is the petugas').
    with pytest.raises(StepRefused, match="Peran Anda tidak berwenang"):
        actions.register_permohonan(intake(), by=ppid)
    assert not Permohonan.objects.exists()
    assert not Pemohon.objects.exists()
    assert not Event.objects.exists()
    assert not NomorTerbit.objects.exists()


def test_a_failure_inside_the_step_rolls_the_number_back(golden_day, petugas, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr("ppid_manual.workflow.engine.record_event", broken)
    with pytest.raises(RuntimeError):
        actions.register_permohonan(intake(), by=petugas)
    assert not Permohonan.objects.exists()
    assert not NomorTerbit.objects.exists()
    monkeypatch.undo()
    # The number that was rolled back is issued to the next registration: no gap.
    assert register(petugas).nomor_pendaftaran == "0001/REG-PPID/III/2026"


def test_the_unique_form_key_stops_a_simultaneous_second_submission(
    golden_day, petugas, monkeypatch
):
    """Two desks' requests with one key at the same moment both pass the first lookup; the
    database's unique key lets one through and the other rolls back."""
    key = uuid.uuid4()
    first = actions.register_permohonan(intake(kunci=key), by=petugas)
    real_filter = Permohonan.objects.filter
    calls = {"n": 0}

    def blind_first_lookup(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1 and "kunci_idempotensi" in kwargs:
            return Permohonan.objects.none()
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(Permohonan.objects, "filter", blind_first_lookup)
    with pytest.raises(actions.SudahDiajukan) as exc:
        actions.register_permohonan(intake(kunci=key), by=petugas)
    assert exc.value.permohonan == first
    assert Permohonan.objects.count() == 1
    assert NomorTerbit.objects.count() == 1
    assert Event.objects.count() == 1


def test_an_integrity_error_without_a_key_is_not_swallowed(golden_day, petugas, monkeypatch):
    def clash(self, *args, **kwargs):
        raise IntegrityError("boom")

    monkeypatch.setattr(Permohonan, "save", clash)
    with pytest.raises(IntegrityError):
        actions.register_permohonan(intake(), by=petugas)


def test_the_table_reads_like_the_sop():
    assert ALUR.get("daftar").sources == {S.BARU}
    assert ALUR.get("daftar").target == S.TERDAFTAR
    assert ALUR.get("perpanjang").target is None  # records, keeps the state
    assert ALUR.get("buka_kembali").roles == {"atasan"}
    assert S.DIBUKA_KEMBALI in ALUR.get("serahkan").sources
    # Every status but the terminal ones has a way forward.
    terminal = {S.SELESAI, S.DITARIK, S.DIKEMBALIKAN}
    for status in set(S) - terminal:
        assert ALUR.from_state(status), status


def test_registration_at_another_desk_is_outside_the_users_scope(golden_day, petugas, units):
    p = Permohonan(pemohon=Pemohon(nama="x"), unit_registrasi=units["dishub"])
    with pytest.raises(StepRefused, match="perangkat daerah lain"):
        ALUR.check(p, ALUR.get("daftar"), petugas)
    assert isinstance(units["dishub"], Unit)
