"""A partial grant withholds a part as exempt: like a refusal, only after the uji konsekuensi
(UU 14/2008 Pasal 2(4)). The decision is refused without it, by the form and by the action,
with nothing written; the notice states it beside the grounds (Pasal 22(7) huruf e)."""

from __future__ import annotations

import pytest

from ppid_manual.models import Event, NomorTerbit
from ppid_manual.workflow.engine import StepRefused
from registrasi import actions
from registrasi.documents import Pemberitahuan
from registrasi.forms import PutusanForm
from registrasi.models import Permohonan
from tests.registrasi.conftest import register

K = Permohonan.Keputusan
SEBAGIAN = {
    "uraian_informasi": "Rekap cakupan imunisasi",
    "bagian_dihitamkan": "Nama dan alamat anak",
    "pasal17": ["h"],
}


def test_the_action_refuses_a_partial_grant_without_it(golden_day, petugas, ppid):
    p = register(petugas)
    events, numbers = Event.objects.count(), NomorTerbit.objects.count()
    with pytest.raises(StepRefused, match="uji konsekuensi"):
        actions.issue_decision(
            p, actions.Putusan(keputusan=K.DIBERIKAN_SEBAGIAN, **SEBAGIAN), by=ppid
        )
    p.refresh_from_db()
    assert (p.status, p.keputusan) == (Permohonan.Status.TERDAFTAR, "")
    assert (Event.objects.count(), NomorTerbit.objects.count()) == (events, numbers)


def test_the_form_asks_for_it_next_to_the_part_withheld(golden_day, petugas):
    p = register(petugas)
    form = PutusanForm(
        {**SEBAGIAN, "konsekuensi": ""},
        keputusan=K.DIBERIKAN_SEBAGIAN,
        submit_label="Simpan",
        permohonan=p,
    )
    assert not form.is_valid()
    assert "konsekuensi" in form.errors
    assert form.fields["konsekuensi"].label.startswith("Uji konsekuensi bagian yang dihitamkan")
    # The order of Pasal 22(7): the part withheld, its grounds, its uji, then the form given.
    names = list(form.fields)
    assert names.index("bagian_dihitamkan") < names.index("konsekuensi")
    assert names.index("konsekuensi") < names.index("bentuk_informasi")


def test_the_notice_states_it_with_the_grounds(golden_day, petugas, ppid, pejabat):
    p = register(petugas)
    actions.issue_decision(
        p,
        actions.Putusan(
            keputusan=K.DIBERIKAN_SEBAGIAN, konsekuensi="Membuka data pribadi anak.", **SEBAGIAN
        ),
        by=ppid,
    )
    html = " ".join(Pemberitahuan(Permohonan.objects.get(pk=p.pk)).render_html().split())
    assert (
        "Pasal 17 huruf h UU 14/2008, setelah dilakukan uji konsekuensi sebagaimana dimaksud "
        "dalam Pasal 2 ayat (4) UU 14/2008: membuka data pribadi anak.</p>"
    ) in html
