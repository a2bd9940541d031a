"""Issue 18: every letter to the pemohon has its delivery recorded through one mechanism
(ppid_manual/workflow/penyampaian.py): the pemberitahuan tertulis, the SK penolakan, the
pemberitahuan perpanjangan and the catatan pengembalian. The 30 hari kerja to file a keberatan
(UU 14/2008 Pasal 36(1)) count from the pemohon's recorded receipt of the letter that gave the
ground, and the deadline's explanation names that date.

Expected dates are counted by hand (`hk_ke`, the SKB days off listed in test_day0_received),
not by the calendar engine."""

from __future__ import annotations

import datetime
import uuid

import pytest

from keberatan import actions as keb
from keberatan.models import Keberatan
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at, case_url, events, page, refused, transition
from tests.keberatan.helpers import buat_permohonan, tolak_permohonan
from tests.keberatan.test_day0_received import hk_ke, langkah


def catat(client, user, p: Permohonan, day: datetime.date, data: dict) -> Permohonan:
    with at(day):
        transition(
            client, user, p, langkah(p, "catat_penyampaian"), data,
            step="catat_penyampaian", to=p.status,
        )  # fmt: skip
    return Permohonan.objects.get(pk=p.pk)


def ajukan_keberatan(desk, p: Permohonan, day: datetime.date, alasan: str) -> Keberatan:
    """A keberatan on `p` whose ground date the app reads from the request's record."""
    with at(day):
        return keb.register_keberatan(
            keb.Pengajuan(
                tanggal_diterima=day,
                alasan=[alasan],
                kasus_posisi="Pemohon tidak menerima putusan PPID.",
                tujuan_penggunaan="Bahan liputan",
                permohonan=p,
                identitas_diterima=True,
                kunci=uuid.uuid4(),
            ),
            by=desk.petugas,
        )


# --- The SK penolakan ---------------------------------------------------------------------


def test_a_refusals_keberatan_window_counts_from_the_sk_penolakans_recorded_receipt(
    client, desk, holidays_2026
):
    # Refused Tuesday 17 March 2026, the day before Nyepi; the SK goes by post that day.
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 16)), D(2026, 3, 17))
    assert (p.sk_penolakan_cara, p.sk_penolakan_diterima, p.sk_penolakan_perkiraan) == (
        "",
        D(2026, 3, 17),
        True,
    )
    p = catat(
        client, desk.petugas, p, D(2026, 3, 17),
        {"surat": "sk_penolakan", "cara": "pos", "tanggal": "2026-03-17", "diterima": "0"},
    )  # fmt: skip
    # Estimated 3 working days after sending: 18–24 March are Nyepi and Idulfitri.
    assert hk_ke(D(2026, 3, 17), 3) == D(2026, 3, 27)
    assert (p.sk_penolakan_cara, p.sk_penolakan_diterima, p.sk_penolakan_perkiraan) == (
        "pos",
        D(2026, 3, 27),
        True,
    )
    # The notice's own delivery is not touched by the SK's.
    assert (p.pemberitahuan_cara, p.pemberitahuan_diterima) == ("", D(2026, 3, 17))
    # The tanda terima pos comes back: received Thursday 26 March.
    p = catat(
        client, desk.petugas, p, D(2026, 3, 30),
        {"surat": "sk_penolakan", "cara": "pos", "tanggal": "2026-03-26", "diterima": "1"},
    )  # fmt: skip
    assert (p.sk_penolakan_diterima, p.sk_penolakan_perkiraan) == (D(2026, 3, 26), False)

    k = ajukan_keberatan(desk, p, D(2026, 3, 30), Keberatan.Alasan.A)
    assert k.tanggal_dasar == D(2026, 3, 26)
    # 30 hk from 26 March (3 April and 1 May skipped): 11 May; from the letter's date it
    # would have been 7 May.
    assert k.tenggat_pengajuan == hk_ke(D(2026, 3, 26), 30) == D(2026, 5, 11)
    assert hk_ke(D(2026, 3, 17), 30) == D(2026, 5, 7)
    client.force_login(desk.petugas)
    with at(D(2026, 3, 30)):
        html = page(client.get(case_url(k)))
    assert (
        f"Dihitung sejak tanggal timbulnya alasan keberatan (tanggal SK penolakan "
        f"{p.nomor_sk_penolakan} diterima pemohon): 26 Maret 2026"
    ) in html


def test_the_sk_penolakans_delivery_is_shown_on_the_case_page_and_its_timeline(
    client, desk, holidays_2026
):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))
    p = catat(
        client, desk.petugas, p, D(2026, 4, 8),
        {"surat": "sk_penolakan", "cara": "loket", "tanggal": "2026-04-08", "diterima": "1"},
    )  # fmt: skip
    client.force_login(desk.petugas)
    with at(D(2026, 4, 8)):
        html = page(client.get(case_url(p)))
    assert "Penyampaian surat kepada pemohon" in html
    assert f"SK penolakan {p.nomor_sk_penolakan}" in html
    assert "diterima pemohon 8 April 2026" in html
    # The notice itself: not recorded yet, said so.
    assert "Penyampaian belum dicatat; tanggal surat dipakai sebagai perkiraan" in html
    last = events(p)[-1]
    assert last.step == "catat_penyampaian" and last.data["surat"] == "sk_penolakan"
    assert f"SK penolakan {p.nomor_sk_penolakan}" in last.note


# --- The pemberitahuan perpanjangan ----------------------------------------------------------


def diperpanjang(desk, registered: datetime.date, extended: datetime.date) -> Permohonan:
    p = buat_permohonan(desk, registered)
    with at(extended):
        return reg.extend(p, by=desk.ppid, alasan="Informasi tersebar di beberapa bidang.")


def test_an_extensions_keberatan_window_counts_from_the_extension_notices_receipt(
    client, desk, holidays_2026
):
    # Registered Monday 7 December 2026: 10 hk end on 21 December; extended on the 18th,
    # the new deadline is 7 hk after the 21st (24–25 December and 1 January skipped).
    p = diperpanjang(desk, D(2026, 12, 7), D(2026, 12, 18))
    assert p.tenggat == hk_ke(hk_ke(D(2026, 12, 7), 10), 7) == D(2027, 1, 4)
    assert (p.perpanjangan_cara, p.perpanjangan_diterima) == ("", D(2026, 12, 18))
    p = catat(
        client, desk.petugas, p, D(2026, 12, 23),
        {"surat": "perpanjangan", "cara": "surel", "tanggal": "2026-12-22", "diterima": "1",
         "alamat": "pemohon@example.id"},
    )  # fmt: skip
    assert (p.perpanjangan_cara, p.perpanjangan_diterima, p.perpanjangan_perkiraan) == (
        "surel",
        D(2026, 12, 22),
        False,
    )
    # The pemohon objects to the extension on 28 December, before the new deadline.
    k = ajukan_keberatan(desk, p, D(2026, 12, 28), Keberatan.Alasan.G)
    assert k.tanggal_dasar == D(2026, 12, 22)
    # Across the year's end: 24–25 December, 1 and 5 January, 5 February 2027 skipped.
    assert k.tenggat_pengajuan == hk_ke(D(2026, 12, 22), 30) == D(2027, 2, 9)
    assert f"pemberitahuan perpanjangan {p.nomor_perpanjangan} diterima pemohon" in (
        k.dasar_keterangan
    )


@pytest.mark.parametrize(
    "data, message",
    [
        # Before the extension notice's date (18 December).
        ({"surat": "perpanjangan", "cara": "pos", "tanggal": "2026-12-17", "diterima": "1"},
         "sebelum tanggal surat"),
        ({"surat": "perpanjangan", "cara": "surel", "tanggal": "2026-12-23", "diterima": "1",
         "alamat": "pemohon@example.id"},
         "masa depan"),
    ],
)  # fmt: skip
def test_an_extension_delivery_that_cannot_be_is_refused_and_nothing_is_written(
    client, desk, holidays_2026, data, message
):
    p = diperpanjang(desk, D(2026, 12, 7), D(2026, 12, 18))
    with at(D(2026, 12, 22)):
        refused(
            client, desk.petugas, p, langkah(p, "catat_penyampaian"), data, message=message,
            unchanged=("perpanjangan_cara", "perpanjangan_diterima", "perpanjangan_perkiraan"),
        )  # fmt: skip


def test_a_letter_not_issued_is_refused(desk, holidays_2026):
    from ppid_manual.models import Event
    from ppid_manual.workflow.engine import StepRefused
    from ppid_manual.workflow.penyampaian import Penyampaian

    # Extended but not refused: there is no SK penolakan to deliver.
    p = diperpanjang(desk, D(2026, 12, 7), D(2026, 12, 18))
    before = Event.objects.count()
    with at(D(2026, 12, 21)), pytest.raises(StepRefused, match="SK penolakan belum diterbitkan"):
        reg.record_penyampaian(
            p, Penyampaian("loket", D(2026, 12, 21)), by=desk.petugas, surat="sk_penolakan"
        )
    p.refresh_from_db()
    assert (p.sk_penolakan_cara, p.sk_penolakan_diterima) == ("", None)
    assert Event.objects.count() == before


# --- The catatan pengembalian ----------------------------------------------------------------


def test_a_return_note_sent_by_post_has_its_delivery_recorded(client, desk, holidays_2026):
    with at(D(2026, 4, 6)):
        p = reg.return_incomplete(
            reg.Intake(
                pemohon={
                    "jenis": "perorangan",
                    "nama": "Ni Made Ayu Lestari",
                    "nik": "5171010101900001",
                    "alamat": "Jl. Gatot Subroto No. 1, Denpasar",
                },
                rincian_informasi="Data penerima bantuan kesehatan 2025",
                tujuan_penggunaan="Bahan liputan",
                cara_memperoleh=Permohonan.CaraMemperoleh.SOFTCOPY,
                cara_pengajuan=Permohonan.CaraPengajuan.SURAT,
                formulir_lengkap=True,
                identitas_diterima=False,
                kunci=uuid.uuid4(),
            ),
            by=desk.petugas,
        )
    assert p.tanggal_pengembalian == D(2026, 4, 6)
    # The only letter of a returned file: nothing to choose, the form records it.
    p = catat(
        client, desk.petugas, p, D(2026, 4, 10),
        {"cara": "pos", "tanggal": "2026-04-09", "diterima": "1"},
    )  # fmt: skip
    assert (p.pengembalian_cara, p.pengembalian_diterima, p.pengembalian_perkiraan) == (
        "pos",
        D(2026, 4, 9),
        False,
    )
    client.force_login(desk.petugas)
    with at(D(2026, 4, 10)):
        html = page(client.get(case_url(p)))
    assert "Catatan pengembalian" in html and "diterima pemohon 9 April 2026" in html
    # Not before the note's own date.
    with at(D(2026, 4, 10)):
        refused(
            client, desk.petugas, p, langkah(p, "catat_penyampaian"),
            {"cara": "pos", "tanggal": "2026-04-03", "diterima": "1"},
            message="sebelum tanggal surat",
            unchanged=("pengembalian_cara", "pengembalian_diterima"),
        )  # fmt: skip
