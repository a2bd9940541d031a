"""README "Adding a step" is true: a step is a row of the table, an action, a form and a page
spec, and the generic step page, the buttons and the timeline take it with no other change.

The step here ("catat_konsultasi": the desk records a consultation with the pemohon) exists
only in this test: the four pieces are declared below exactly as README shows them in
registrasi/alur.py, registrasi/actions.py, registrasi/forms.py and registrasi/views.py, and
put in place of the app's table and page list. The URL, the view, the detail page's template
and the timeline are the app's own, untouched."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from ppid_manual.roles import Role
from ppid_manual.workflow.engine import apply_step, steps
from ppid_manual.workflow.forms import CatatanForm
from ppid_manual.workflow.pages import StepPage
from registrasi import actions, views
from registrasi.alur import ALUR
from registrasi.models import Permohonan
from tests.helpers import events, page, refused, transition
from tests.registrasi.conftest import register

S = Permohonan.Status

# 1. registrasi/alur.py: one row of the table (who, from which states, to which state).
TABLE = dataclasses.replace(
    ALUR,
    steps=ALUR.steps
    + steps(
        (
            "catat_konsultasi",
            "Catat konsultasi dengan pemohon",
            [S.TERDAFTAR, S.DIMINTAKAN_KE_OPD],
            None,
            [Role.PETUGAS, Role.PPID],
            "outline-secondary",
        )
    ),
)


# 2. registrasi/actions.py: the action (atomic, the table checked, one event).
def record_konsultasi(permohonan: Permohonan, *, by, note: str) -> Permohonan:
    return apply_step(permohonan, TABLE, "catat_konsultasi", by=by, note=note)


# 3. registrasi/forms.py: its form (here the shared one-note form).
# 4. registrasi/views.py: its page in PAGES.
PAGE = StepPage(
    form=lambda p, data, step: CatatanForm(
        data, label="Isi konsultasi", submit_label="Catat konsultasi"
    ),
    act=lambda p, f, user: record_konsultasi(p, by=user, note=f.cleaned_data["catatan"]),
    intro="Catat apa yang ditanyakan pemohon dan jawaban yang diberikan.",
    success="Konsultasi dicatat.",
)


@pytest.fixture
def with_the_new_step(monkeypatch):
    monkeypatch.setattr(
        views,
        "UI",
        dataclasses.replace(views.UI, table=TABLE, pages={**views.PAGES, "catat_konsultasi": PAGE}),
    )


def url(p: Permohonan) -> str:
    return reverse("registrasi:langkah", args=[p.pk, "catat_konsultasi"])


def test_it_gets_a_button_a_page_an_event_and_a_timeline_line(
    client, golden_day, petugas, with_the_new_step
):
    p = register(petugas)
    client.force_login(petugas)
    detail = page(client.get(reverse("registrasi:detail", args=[p.pk])))
    assert f'href="{url(p)}" data-step="catat_konsultasi"' in detail

    form = page(client.get(url(p)))
    assert "Catat konsultasi dengan pemohon" in form
    assert "Catat apa yang ditanyakan pemohon dan jawaban yang diberikan." in form
    assert "Isi konsultasi" in form

    transition(
        client,
        petugas,
        p,
        url(p),
        {"catatan": "Menanyakan kapan data tersedia; dijelaskan tenggat 10 hari kerja."},
        step="catat_konsultasi",
        from_state=S.TERDAFTAR,
        to=S.TERDAFTAR,
        message="Konsultasi dicatat.",
    )
    assert events(p)[-1].note.startswith("Menanyakan kapan data tersedia")
    timeline = page(client.get(reverse("registrasi:detail", args=[p.pk])))
    assert "Catat konsultasi dengan pemohon" in timeline


def test_the_table_alone_refuses_it(client, golden_day, petugas, atasan, with_the_new_step):
    p = register(petugas)
    actions.withdraw(p, by=petugas, note="Ditarik.")
    refused(
        client,
        petugas,
        p,
        url(p),
        {"catatan": "Terlambat."},
        message="Langkah “Catat konsultasi dengan pemohon” tidak dapat dilakukan pada status "
        "“Ditarik pemohon”.",
    )
    # A role the table does not name: the permohonan pages' 403, nothing written.
    q = register(petugas, pemohon={"nama": "Pemohon lain", "nik": "5171014107900002"})
    client.force_login(atasan)
    before = len(events(q))
    assert client.post(url(q), {"catatan": "x"}).status_code == 403
    assert len(events(q)) == before


def test_without_the_row_there_is_no_such_step(client, golden_day, petugas):
    p = register(petugas)
    client.force_login(petugas)
    assert client.get(url(p)).status_code == 404
    assert "catat_konsultasi" not in page(client.get(reverse("registrasi:detail", args=[p.pk])))
