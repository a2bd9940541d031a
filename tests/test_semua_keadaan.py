"""tests/semua_keadaan.py builds one case in every state of the three processes, through the
actions, on real today with this year's and next year's holidays: every state of each model is
either built or named unreachable, and each case really is in its state. A state added to a
model without a case fails here."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.utils import timezone

from dip.models import DipEdisi
from keberatan import alur as keberatan_alur
from keberatan.models import Keberatan
from registrasi import alur as registrasi_alur
from registrasi.models import Permohonan
from tests.semua_keadaan import TIDAK_TERCAPAI, buat_semua_keadaan

MODELS = {"permohonan": Permohonan, "keberatan": Keberatan, "dip": DipEdisi}
# The step tables the unreachable states are checked against (no step leads to them).
TABLES = {"permohonan": registrasi_alur.ALUR, "keberatan": keberatan_alur.ALUR}


def test_one_case_in_every_state(desk):
    year = timezone.localdate().year
    call_command("sync_holidays", f"--year={year}", f"--year={year + 1}", stdout=io.StringIO())

    kasus = buat_semua_keadaan(desk)

    assert set(kasus) == set(MODELS) == set(TIDAK_TERCAPAI)
    for name, model in MODELS.items():
        built = set(kasus[name])
        assert not built & TIDAK_TERCAPAI[name], name
        assert built | TIDAK_TERCAPAI[name] == set(model.Status.values), name
        stored = dict(model.objects.filter(pk__in=kasus[name].values()).values_list("pk", "status"))
        assert {status: stored.get(pk) for status, pk in kasus[name].items()} == {
            status: status for status in kasus[name]
        }, name
    for name, table in TABLES.items():
        targets = {step.target for step in table.steps}
        assert not TIDAK_TERCAPAI[name] & targets, (
            f"{name}: a step leads to a state listed unreachable"
        )
