"""Issue 24 (8): the draft carries the terms its outcome needs. A partial grant drafted without
what is given, what stays exempt and on which letter of Pasal 17, a fee correction without the
fee, a date correction without the date: refused at the draft, with nothing written. With them,
the KONSEP the Atasan PPID approves prints them, and the Atasan's answer starts from them."""

from __future__ import annotations

import pytest

from keberatan import actions
from keberatan.documents import SuratTanggapan
from keberatan.models import Keberatan
from ppid_manual import hukum
from ppid_manual.workflow.engine import StepRefused
from tests.helpers import D, at, events
from tests.keberatan.helpers import (
    buat_permohonan,
    daftarkan,
    langkah,
    sampai,
    step_url,
    tolak_permohonan,
)

S = Keberatan.Status
A = Keberatan.Alasan
KP = Keberatan.Keputusan

SEBAGIAN = {
    "keputusan": "sebagian",
    "informasi_diberikan": "Jumlah penerima bantuan per kabupaten",
    "informasi_tertutup": "Nama dan NIK penerima",
    "pasal17": ["h"],
    "pertimbangan": "Data agregat terbuka; data pribadi tetap dikecualikan.",
}


@pytest.fixture
def k(desk, holidays_2026):
    """A keberatan (reasons a, f and g) on a request refused under Pasal 17 huruf h, disposed
    to the PPID for a draft."""
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))
    k = daftarkan(desk, D(2026, 4, 8), p, alasan=[A.A, A.F, A.G])
    return sampai(desk, k, S.DIDISPOSISI, D(2026, 4, 9))


@pytest.mark.parametrize(
    "keputusan, missing",
    [
        ("sebagian", {"informasi_diberikan", "informasi_tertutup", "pasal17"}),
        ("biaya", {"biaya"}),
        ("waktu", {"tanggal_tersedia"}),
    ],
)
def test_a_draft_without_the_terms_of_its_outcome_is_refused_with_nothing_written(
    client, desk, k, keputusan, missing
):
    before = len(events(k))
    with at(D(2026, 4, 9)):
        client.force_login(desk.ppid)
        response = client.post(
            step_url(k, "ajukan_draf"), {"keputusan": keputusan, "pertimbangan": "Usulan."}
        )
    assert response.status_code == 200  # the form again, with its errors
    assert set(response.context["form"].errors) == missing
    k.refresh_from_db()
    assert (k.status, k.draf_keputusan, k.draf_amar) == (S.DIDISPOSISI, "", {})
    assert len(events(k)) == before
    # The action itself refuses it too (the answer's own check).
    with at(D(2026, 4, 9)), pytest.raises(StepRefused):
        actions.submit_draft(k, by=desk.ppid, keputusan=keputusan, pertimbangan="Usulan.")
    assert len(events(k)) == before


def test_the_konsep_prints_the_drafted_terms_and_the_answer_starts_from_them(client, desk, k):
    k = langkah(client, desk.ppid, k, "ajukan_draf", SEBAGIAN, D(2026, 4, 9), to=S.DRAF_DIAJUKAN)
    k.refresh_from_db()
    assert k.draf_amar == {
        "informasi_diberikan": "Jumlah penerima bantuan per kabupaten",
        "informasi_tertutup": "Nama dan NIK penerima",
        "pasal17": ["h"],
    }
    # The terms are part of the draft's event (the history is evidence).
    assert events(k)[-1].data["ketentuan"] == k.draf_amar

    # The KONSEP the Atasan reviews prints them.
    with at(D(2026, 4, 9)):
        html = SuratTanggapan(k).render_html()
    assert "KONSEP" in html and "MENERIMA SEBAGIAN keberatan Saudara" in html
    assert "Jumlah penerima bantuan per kabupaten" in html
    assert "Nama dan NIK penerima" in html
    assert hukum.pasal17_bunyi("h") in html

    # Approved, the answer's form starts from the draft's terms and reasons.
    k = sampai(desk, k, S.DRAF_DISETUJUI, D(2026, 4, 10))
    with at(D(2026, 4, 10)):
        client.force_login(desk.atasan)
        form = client.get(step_url(k, "tanggapi_sebagian")).context["form"]
    assert form["informasi_diberikan"].value() == "Jumlah penerima bantuan per kabupaten"
    assert form["informasi_tertutup"].value() == "Nama dan NIK penerima"
    assert form["pasal17"].value() == ["h"]
    assert form["pertimbangan"].value() == SEBAGIAN["pertimbangan"]


@pytest.mark.parametrize(
    "data, printed",
    [
        ({"keputusan": "biaya", "biaya": "12500"}, "Rp12.500,00"),
        ({"keputusan": "waktu", "tanggal_tersedia": "2026-04-20"}, "20 April 2026"),
    ],
)
def test_a_fee_or_date_correction_drafted_prints_its_fee_or_date(client, desk, k, data, printed):
    data = {**data, "pertimbangan": "Koreksi atas putusan PPID."}
    k = langkah(client, desk.ppid, k, "ajukan_draf", data, D(2026, 4, 9), to=S.DRAF_DIAJUKAN)
    k.refresh_from_db()
    with at(D(2026, 4, 9)):
        html = SuratTanggapan(k).render_html()
    assert "KONSEP" in html and printed in html
    # A draft's terms are only its outcome's: nothing of a partial grant is kept.
    assert "informasi_diberikan" not in k.draf_amar
