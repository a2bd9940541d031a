"""Day 0 as the Act reads it, and no lateness from an estimate.

- Pasal 36(2): the Atasan PPID's 30 hk count "sejak diterimanya keberatan secara tertulis": an
  incomplete form the desk kept was received in writing the day it was handed in; one handed
  back to the pemohon was not (its clock starts when it comes back complete). The SOP's 1-hk
  completeness row stays a target.
- Pasal 36(1): the keberatan is "diajukan" within 30 hk of the ground arising. A window counted
  from an estimated receipt of the notice marks nothing late; a posted keberatan is judged on
  the day it was sent; when that day is unknown the desk is told so, not told it is late.

Expected dates are counted by hand (`hk_ke`, the SKB days off listed in test_day0_received,
plus 17 August 2026)."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.urls import reverse

from keberatan import actions
from keberatan.documents import register_rows
from keberatan.models import Keberatan
from keberatan.tenggat import rincian_tenggat
from ppid_manual.workflow.penyampaian import Cara, Penyampaian
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at, case_url, events, page
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai, tolak_permohonan
from tests.keberatan.test_chain import intake_data
from tests.keberatan.test_day0_received import DAYS_OFF

P = Keberatan.Pengajuan
DAYS_OFF = DAYS_OFF | {D(2026, 8, 17)}  # Hari Kemerdekaan


def hk_ke(day0: datetime.date, n: int) -> datetime.date:
    day = day0
    while n:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in DAYS_OFF:
            n -= 1
    return day


def ajukan(desk, p, *, diterima, registered=None, **extra) -> Keberatan:
    with at(registered or diterima):
        return actions.register_keberatan(
            actions.Pengajuan(
                tanggal_diterima=diterima,
                alasan=[Keberatan.Alasan.A],
                kasus_posisi="Permohonan ditolak.",
                tujuan_penggunaan="Bahan liputan",
                permohonan=p,
                identitas_diterima=True,
                kunci=uuid.uuid4(),
                **extra,
            ),
            by=desk.petugas,
        )


@pytest.fixture
def ditolak_juni(desk, holidays_2026):
    return tolak_permohonan(desk, buat_permohonan(desk, D(2026, 6, 22)), D(2026, 6, 23))


# --- Pasal 36(2): day 0 of the Atasan's 30 hk --------------------------------------------


@pytest.mark.parametrize(
    "diajukan, diterima, dikembalikan, day0, tenggat",
    [
        # The case: handed in incomplete Wednesday 1 July 2026 and kept by the desk,
        # completed Monday 6 July: 30 hk from 1 July (Pasal 36(2)), not from 6 July.
        (D(2026, 7, 1), D(2026, 7, 6), False, D(2026, 7, 1), D(2026, 8, 12)),
        # The same form handed back to be completed: no clock until it comes back.
        (D(2026, 7, 1), D(2026, 7, 6), True, D(2026, 7, 6), D(2026, 8, 18)),
        # Complete when handed in.
        (None, D(2026, 7, 6), False, D(2026, 7, 6), D(2026, 8, 18)),
        # Kept on Friday 3 July, completed Tuesday 7 July.
        (D(2026, 7, 3), D(2026, 7, 7), False, D(2026, 7, 3), D(2026, 8, 14)),
    ],
)
def test_the_atasan_s_30_working_days_count_from_the_written_keberatan_received(
    desk, ditolak_juni, diajukan, diterima, dikembalikan, day0, tenggat
):
    k = ajukan(
        desk,
        ditolak_juni,
        diterima=diterima,
        tanggal_diajukan=diajukan,
        formulir_dikembalikan=dikembalikan,
    )
    assert k.mulai_tanggapan == day0
    assert k.tenggat_tanggapan == hk_ke(day0, 30) == tenggat
    # The SOP's completeness row stays a target from the first hand-in.
    assert k.target_kelengkapan == hk_ke(diajukan or diterima, 1)
    row = {r.label: r for r in rincian_tenggat(k, diterima)}["Tenggat tanggapan Atasan PPID"]
    assert (row.mulai, row.tenggat) == (day0, tenggat)
    # The Register Keberatan is dated by the same day 0 (Perki 1/2021: the day received).
    assert register_rows([k])[0]["tanggal"] == day0


def test_the_panel_names_the_first_hand_in_as_day_0_of_a_kept_form(client, desk, ditolak_juni):
    k = ajukan(desk, ditolak_juni, diterima=D(2026, 7, 6), tanggal_diajukan=D(2026, 7, 1))
    assert k.kelengkapan_terlambat()  # completed 3 hk later: the target was missed
    client.force_login(desk.atasan)
    with at(D(2026, 7, 6)):
        html = page(client.get(case_url(k)))
    assert "Rabu, 12 Agustus 2026" in html
    assert (
        "Dihitung sejak tanggal keberatan tertulis diterima (formulir pertama kali diajukan dan "
        "disimpan petugas, belum lengkap): 1 Juli 2026"
    ) in html
    assert "disimpan petugas (keberatan diterima hari itu" in html


def test_the_desk_form_asks_whether_an_incomplete_form_was_kept(client, desk, ditolak_juni):
    client.force_login(desk.petugas)
    data = intake_data(
        nomor_pendaftaran=ditolak_juni.nomor_pendaftaran,
        tanggal_diterima="2026-07-06",
        tanggal_diajukan="2026-07-01",
    )
    with at(D(2026, 7, 6)):
        response = client.post(reverse("keberatan:baru"), data)
    assert response.status_code == 200
    assert "Pilih apakah formulir yang belum lengkap itu disimpan petugas" in page(response)
    assert not Keberatan.objects.exists()
    with at(D(2026, 7, 6)):
        response = client.post(
            reverse("keberatan:baru"), {**data, "formulir_dikembalikan": "disimpan"}
        )
    assert response.status_code == 302
    k = Keberatan.objects.get()
    assert (k.mulai_tanggapan, k.tenggat_tanggapan) == (D(2026, 7, 1), D(2026, 8, 12))


# --- Pasal 36(1): the filing judged on what the Act names ---------------------------------


def test_a_filing_after_a_window_counted_from_an_unrecorded_delivery_is_not_called_late(
    client, desk, ditolak_juni
):
    # The SK penolakan is dated 23 June 2026 and its delivery is not recorded: the window
    # counted from that date ends 4 August; the pemohon may have received it weeks later.
    k = ajukan(desk, ditolak_juni, diterima=D(2026, 8, 10))
    assert k.dasar_perkiraan and k.tenggat_pengajuan == hk_ke(D(2026, 6, 23), 30)
    assert (k.penilaian_pengajuan, k.terlambat) == (P.BELUM_PASTI, False)
    [event] = events(k)
    assert "PERINGATAN" not in event.note
    assert "belum dapat dinilai" in event.note
    client.force_login(desk.petugas)
    with at(D(2026, 8, 10)):
        html = page(client.get(case_url(k)))
    assert "Ketepatan waktu pengajuan belum dapat dinilai." in html
    assert "Diajukan melewati batas 30 hari kerja." not in html
    assert Keberatan.objects.filter(terlambat=True).count() == 0


def test_the_intake_page_shows_an_estimated_window_as_an_estimate(client, desk, ditolak_juni):
    client.force_login(desk.petugas)
    with at(D(2026, 8, 10)):
        html = page(
            client.get(reverse("keberatan:baru"), {"nomor": ditolak_juni.nomor_pendaftaran})
        )
    assert "(perkiraan)" in html
    assert "tidak dapat dinilai terlambat" in html
    assert "Pengajuan hari ini melewati batas itu" not in html


def test_a_filing_after_a_confirmed_receipt_s_window_is_late(desk, ditolak_juni):
    with at(D(2026, 6, 24)):
        reg.record_penyampaian(
            ditolak_juni,
            Penyampaian(Cara.LOKET, D(2026, 6, 24)),
            by=desk.petugas,
            surat="sk_penolakan",
        )
    k = ajukan(desk, Permohonan.objects.get(pk=ditolak_juni.pk), diterima=D(2026, 8, 10))
    assert not k.dasar_perkiraan
    assert k.tenggat_pengajuan == hk_ke(D(2026, 6, 24), 30) == D(2026, 8, 5)
    assert (k.penilaian_pengajuan, k.terlambat) == (P.TERLAMBAT, True)
    assert "PERINGATAN: keberatan diajukan 10 Agustus 2026" in events(k)[0].note


@pytest.mark.parametrize(
    "cara, dikirim, diterima, hasil",
    [
        # Ground 1 June 2026 (typed by the desk): the window ends Tuesday 14 July.
        # Posted on the last day, received three days later: filed in time.
        ("pos", D(2026, 7, 14), D(2026, 7, 17), P.TEPAT),
        # Posted the day after the window.
        ("pos", D(2026, 7, 15), D(2026, 7, 17), P.TERLAMBAT),
        # Posted, no legible postmark, received after the window: unknown, not late.
        ("pos", None, D(2026, 7, 17), P.BELUM_PASTI),
        # Posted, no postmark, received within the window: in time whatever the postmark.
        ("pos", None, D(2026, 7, 14), P.TEPAT),
        # Handed in at the desk: the day it was received.
        ("loket", None, D(2026, 7, 14), P.TEPAT),
        ("loket", None, D(2026, 7, 15), P.TERLAMBAT),
    ],
)
def test_a_posted_keberatan_is_judged_on_its_posting_date(
    desk, holidays_2026, cara, dikirim, diterima, hasil
):
    k = daftarkan(
        desk,
        diterima,
        tanggal_dasar=D(2026, 6, 1),
        cara_pengajuan=cara,
        tanggal_dikirim=dikirim,
    )
    assert k.tenggat_pengajuan == hk_ke(D(2026, 6, 1), 30) == D(2026, 7, 14)
    assert (k.penilaian_pengajuan, k.terlambat) == (hasil, hasil == P.TERLAMBAT)
    note = events(k)[0].note
    assert ("PERINGATAN" in note) == (hasil == P.TERLAMBAT)
    assert ("belum dapat dinilai" in note) == (hasil == P.BELUM_PASTI)


def test_a_sengketa_after_an_estimated_14_day_window_is_not_called_late(desk, ditolak_juni):
    k = ajukan(desk, ditolak_juni, diterima=D(2026, 7, 6))
    k = sampai(desk, k, Keberatan.Status.DITANGGAPI, D(2026, 7, 8))
    # The answer's delivery is not recorded: its 14 hk count from its own date, an estimate.
    assert k.tenggat_sengketa == hk_ke(D(2026, 7, 8), 14) == D(2026, 7, 28)
    with at(D(2026, 7, 31)):
        actions.record_sengketa(
            k, by=desk.petugas, tanggal_sengketa=D(2026, 7, 30), diketahui_dari="Surat pemohon"
        )
    note = events(k)[-1].note
    assert "PERINGATAN" not in note and "belum dapat dinilai" in note
