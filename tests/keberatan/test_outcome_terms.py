"""UU 14/2008 Pasal 36: the outcomes the Atasan PPID may give besides "diberikan",
"dikuatkan" and musyawarah — a partial grant, a corrected fee, a corrected time. Each is
printed in the answer exactly as decided, and the reopened request follows the terms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from keberatan.documents import SuratTanggapan
from keberatan.models import Keberatan
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at
from tests.keberatan.helpers import (
    buat_permohonan,
    daftarkan,
    langkah,
    sampai,
    tolak_permohonan,
)

S = Keberatan.Status
A = Keberatan.Alasan


@pytest.fixture
def k(desk, holidays_2026):
    """A keberatan on a request refused under Pasal 17 huruf h, its draft approved."""
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))
    k = daftarkan(desk, D(2026, 4, 8), p, alasan=[A.A, A.F, A.G])
    return sampai(desk, k, S.DRAF_DISETUJUI, D(2026, 4, 9))


def test_a_partial_grant_prints_what_is_given_what_stays_closed_and_why(client, desk, k):
    k = langkah(
        client, desk.atasan, k, "tanggapi_sebagian",
        {
            "informasi_diberikan": "Jumlah penerima bantuan per kabupaten",
            "informasi_tertutup": "Nama dan NIK penerima",
            "pasal17": ["h"],
            "pertimbangan": "Data agregat terbuka; data pribadi tetap dikecualikan.",
        },
        D(2026, 4, 10), to=S.DITANGGAPI, elsewhere=1,
    )  # fmt: skip
    k.refresh_from_db()
    assert k.keputusan == Keberatan.Keputusan.SEBAGIAN
    assert (k.informasi_tertutup, k.pasal17) == ("Nama dan NIK penerima", ["h"])
    with at(D(2026, 4, 10)):
        html = SuratTanggapan(k).render_html()
    assert "MENERIMA SEBAGIAN keberatan Saudara" in html
    assert "Jumlah penerima bantuan per kabupaten" in html
    assert "Nama dan NIK penerima" in html
    assert "huruf h" in html
    assert "informasi yang Saudara minta diberikan." not in html
    # What the PPID must give, by when and at what cost: the handover target of the reopened
    # request (the SOP's 1 hk after Friday 10 April: Monday 13 April 2026), and the tariff
    # (the refusal gave no estimate).
    text = " ".join(html.replace("<strong>", "").replace("</strong>", "").split())
    assert (
        "MEMERINTAHKAN PPID Pemerintah Provinsi Bali memberikan bagian informasi yang diberikan "
        "tersebut kepada Saudara paling lambat Senin, 13 April 2026."
    ) in text
    assert "Informasi diberikan tanpa biaya; Saudara hanya menanggung biaya penyalinan" in text
    assert "dibayar dengan cara tunai di meja layanan PPID pada saat penyerahan" in text
    # The reopened request hands over the part given on the Atasan's terms; the PPID's
    # refusal stays its decision of record.
    p = Permohonan.objects.get(pk=k.permohonan_id)
    assert p.status == Permohonan.Status.DIBUKA_KEMBALI
    assert p.target_penyerahan == D(2026, 4, 13)  # the date the letter orders
    assert p.keputusan == Permohonan.Keputusan.DITOLAK
    assert (p.bagian_dihitamkan, p.pasal17) == ("", ["h"])
    assert p.putusan_keberatan == k
    assert p.informasi_diserahkan == "Jumlah penerima bantuan per kabupaten"


def test_a_partial_grant_without_what_stays_closed_or_its_ground_is_refused(client, desk, k):
    with at(D(2026, 4, 10)):
        client.force_login(desk.atasan)
        url = f"/keberatan/{k.pk}/langkah/tanggapi_sebagian/"
        response = client.post(
            url,
            {"informasi_diberikan": "Jumlah per kabupaten", "pertimbangan": "Sebagian."},
        )
    assert response.status_code == 200  # the form again, with its errors
    assert set(response.context["form"].errors) == {"informasi_tertutup", "pasal17"}
    k.refresh_from_db()
    assert k.status == S.DRAF_DISETUJUI


def test_a_fee_correction_prints_the_new_amount_and_the_handover_keeps_to_it(client, desk, k):
    k = langkah(
        client, desk.atasan, k, "tanggapi_biaya",
        {"biaya": "10000", "pertimbangan": "Biaya pengiriman yang dikenakan tidak wajar."},
        D(2026, 4, 10), to=S.DITANGGAPI, elsewhere=1,
    )  # fmt: skip
    k.refresh_from_db()
    with at(D(2026, 4, 10)):
        html = SuratTanggapan(k).render_html()
    # The amount in figures and words, and how it is paid (LETTERS.md: every amount a letter
    # states has its terbilang).
    assert (
        "MENETAPKAN biaya seluruhnya paling banyak Rp10.000,00 (sepuluh ribu rupiah), yang "
        "dibayar pada saat penyerahan informasi dengan cara "
    ) in html
    p = Permohonan.objects.get(pk=k.permohonan_id)
    assert p.biaya_ditetapkan == Decimal("10000")
    with at(D(2026, 4, 13)):
        with pytest.raises(reg.StepRefused, match="melebihi biaya yang ditetapkan"):
            reg.hand_over(
                p, by=desk.petugas, nama_penerima="Ni Made", cara="pos",
                biaya_pengiriman=Decimal("25000"),
            )  # fmt: skip
        p.refresh_from_db()
        assert p.status == Permohonan.Status.DIBUKA_KEMBALI
        t = reg.hand_over(
            p, by=desk.petugas, nama_penerima="Ni Made", cara="pos",
            biaya_pengiriman=Decimal("10000"),
        )  # fmt: skip
    assert t.total == Decimal("10000")


def test_a_time_correction_prints_the_date_and_the_request_carries_it(client, desk, k):
    k = langkah(
        client, desk.atasan, k, "tanggapi_waktu",
        {"tanggal_tersedia": "2026-04-20", "pertimbangan": "Penyediaan melebihi waktu."},
        D(2026, 4, 10), to=S.DITANGGAPI, elsewhere=1,
    )  # fmt: skip
    k.refresh_from_db()
    with at(D(2026, 4, 10)):
        html = SuratTanggapan(k).render_html()
    assert "disediakan paling lambat Senin, 20 April 2026" in html
    p = Permohonan.objects.get(pk=k.permohonan_id)
    # The Atasan's date is the handover's (SOP 1 hk after it); the notice's own stays.
    assert (p.status, p.tanggal_siap) == (Permohonan.Status.DIBUKA_KEMBALI, D(2026, 4, 20))
    assert p.tanggal_tersedia is None
    assert p.putusan_keberatan.tanggal_tersedia == D(2026, 4, 20)


def test_a_time_correction_in_the_past_is_refused_and_nothing_is_written(client, desk, k):
    from keberatan import actions
    from ppid_manual.models import Event

    before = Event.objects.count()
    with at(D(2026, 4, 10)):
        client.force_login(desk.atasan)
        response = client.post(
            f"/keberatan/{k.pk}/langkah/tanggapi_waktu/",
            {"tanggal_tersedia": "2026-04-01", "pertimbangan": "Koreksi."},
        )
        assert response.context["form"].errors["tanggal_tersedia"] == [
            "Tidak boleh sebelum hari ini."
        ]
        # The action refuses it too, whoever calls it.
        with pytest.raises(actions.StepRefused, match="hari ini atau sesudahnya"):
            actions.answer_keberatan(
                k, by=desk.atasan, keputusan=Keberatan.Keputusan.WAKTU, pertimbangan="Koreksi.",
                amar=actions.Amar(tanggal_tersedia=D(2026, 4, 1)),
            )  # fmt: skip
    k.refresh_from_db()
    assert (k.status, k.keputusan, Event.objects.count()) == (S.DRAF_DISETUJUI, "", before)


def test_an_unlinked_keberatan_cannot_be_granted_in_part(client, desk, holidays_2026):
    from keberatan.alur import ALUR

    k = sampai(desk, daftarkan(desk, D(2026, 4, 8)), S.DRAF_DISETUJUI, D(2026, 4, 9))
    assert ALUR.get("tanggapi_sebagian").guard(k, desk.atasan)
