"""A letter's delivery is recorded once. Recording it again is a correction: it shows the first
record and needs a reason. Confirming the receipt of a letter recorded as sent completes the
record (no reason), and a posted letter keeps its sending date apart from its receipt. An
e-mail delivery needs the address it went to (prefilled from the case)."""

from __future__ import annotations

import pytest

from keberatan.models import Keberatan
from ppid_manual.models import Event
from ppid_manual.workflow.penyampaian import Penyampaian
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at, events, refused
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai, step_url, tolak_permohonan
from tests.keberatan.test_day0_received import langkah
from tests.registrasi.test_letter_delivery import catat

pytestmark = pytest.mark.usefixtures("holidays_2026")


@pytest.fixture
def p(desk):
    return tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))


def test_a_posted_letter_keeps_its_sending_date_apart_from_its_confirmed_receipt(client, desk, p):
    p = catat(
        client, desk.petugas, p, D(2026, 4, 7),
        {"surat": "sk_penolakan", "cara": "pos", "tanggal": "2026-04-07", "diterima": "0"},
    )  # fmt: skip
    assert (p.sk_penolakan_dikirim, p.sk_penolakan_perkiraan) == (D(2026, 4, 7), True)
    # The receipt confirmed: no reason needed, the sending date stays.
    p = catat(
        client, desk.petugas, p, D(2026, 4, 13),
        {"surat": "sk_penolakan", "cara": "pos", "tanggal": "2026-04-10", "diterima": "1"},
    )  # fmt: skip
    assert (p.sk_penolakan_dikirim, p.sk_penolakan_diterima, p.sk_penolakan_perkiraan) == (
        D(2026, 4, 7),
        D(2026, 4, 10),
        False,
    )
    last = events(p)[-1]
    assert last.data["sebelumnya"]["dikirim"] == "2026-04-07"
    assert last.data["koreksi"] is False
    assert "konfirmasi tanggal diterima" in last.note


def test_a_receipt_before_the_sending_is_refused(client, desk, p):
    p = catat(
        client, desk.petugas, p, D(2026, 4, 8),
        {"surat": "sk_penolakan", "cara": "pos", "tanggal": "2026-04-08", "diterima": "0"},
    )  # fmt: skip
    with at(D(2026, 4, 9)):
        refused(
            client, desk.petugas, p, langkah(p, "catat_penyampaian"),
            {"surat": "sk_penolakan", "cara": "pos", "tanggal": "2026-04-07", "diterima": "1"},
            message="tidak boleh sebelum tanggal dikirim",
            unchanged=("sk_penolakan_diterima", "sk_penolakan_dikirim"),
        )  # fmt: skip


def test_recording_a_delivery_again_is_a_correction_with_its_reason(client, desk, p):
    p = catat(
        client, desk.petugas, p, D(2026, 4, 7),
        {"surat": "pemberitahuan", "cara": "loket", "tanggal": "2026-04-07", "diterima": "1"},
    )  # fmt: skip
    # The form shows what is already recorded.
    client.force_login(desk.petugas)
    with at(D(2026, 4, 8)):
        html = client.get(langkah(p, "catat_penyampaian")).content.decode()
    assert "Sudah dicatat:" in html and "diterima pemohon 7 April 2026" in html
    # Again without a reason: refused, saying what was recorded first; nothing written.
    with at(D(2026, 4, 8)):
        refused(
            client, desk.petugas, p, langkah(p, "catat_penyampaian"),
            {"surat": "pemberitahuan", "cara": "pos", "tanggal": "2026-04-08", "diterima": "1"},
            message="sudah dicatat: Diserahkan di loket (tanda terima ditandatangani); "
            "diterima pemohon 7 April 2026.",
            unchanged=("pemberitahuan_cara", "pemberitahuan_diterima"),
        )  # fmt: skip
    # With one: a correction, the first record kept on its event.
    p = catat(
        client, desk.petugas, p, D(2026, 4, 8),
        {"surat": "pemberitahuan", "cara": "pos", "tanggal": "2026-04-08", "diterima": "1",
         "alasan": "Salah catat: surat dikirim pos, bukan diambil di loket."},
    )  # fmt: skip
    assert (p.pemberitahuan_cara, p.pemberitahuan_diterima) == ("pos", D(2026, 4, 8))
    last = events(p)[-1]
    assert last.data["koreksi"] is True
    assert last.data["sebelumnya"]["cara"] == "loket"
    assert last.data["alasan"].startswith("Salah catat")
    assert "Koreksi atas catatan sebelumnya" in last.note


def test_an_email_delivery_needs_its_address_prefilled_from_the_case(client, desk, p):
    client.force_login(desk.petugas)
    with at(D(2026, 4, 8)):
        form = client.get(langkah(p, "catat_penyampaian")).context["form"]
        assert form.initial["alamat"] == p.pemohon_kasus.email
        before = Event.objects.count()
        response = client.post(
            langkah(p, "catat_penyampaian"),
            {"surat": "pemberitahuan", "cara": "surel", "tanggal": "2026-04-08",
             "diterima": "1", "alamat": ""},
        )  # fmt: skip
    assert "alamat surel tujuannya" in str(response.context["form"].errors["alamat"])
    assert Event.objects.count() == before
    # The action refuses it too, whoever calls it.
    with at(D(2026, 4, 8)):
        with pytest.raises(reg.StepRefused, match="alamat surel tujuannya"):
            reg.record_penyampaian(
                Permohonan.objects.get(pk=p.pk),
                Penyampaian("surel", D(2026, 4, 8)),
                by=desk.petugas,
            )
    p = catat(
        client, desk.petugas, p, D(2026, 4, 8),
        {"surat": "pemberitahuan", "cara": "surel", "tanggal": "2026-04-08", "diterima": "1",
         "alamat": "ayu@example.id"},
    )  # fmt: skip
    assert events(p)[-1].data["alamat"] == "ayu@example.id"
    assert "Ke alamat ayu@example.id" in events(p)[-1].note


def test_the_atasans_answer_is_delivered_once_too(client, desk):
    k = sampai(desk, daftarkan(desk, D(2026, 4, 6)), Keberatan.Status.DITANGGAPI, D(2026, 4, 7))
    from keberatan import actions as keb

    with at(D(2026, 4, 8)):
        keb.record_penyampaian(k, Penyampaian("loket", D(2026, 4, 8)), by=desk.petugas)
        with pytest.raises(keb.StepRefused, match="Mencatat lagi adalah koreksi"):
            keb.record_penyampaian(
                Keberatan.objects.get(pk=k.pk), Penyampaian("pos", D(2026, 4, 8)), by=desk.petugas
            )
    client.force_login(desk.petugas)
    with at(D(2026, 4, 9)):
        html = client.get(step_url(k, "catat_penyampaian")).content.decode()
    assert "Sudah dicatat:" in html
