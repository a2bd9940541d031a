"""UU 14/2008 Pasal 36(2): the Atasan PPID's 30 hari kerja count "sejak diterimanya keberatan
secara tertulis" — from the day the written keberatan was received, not from its registration.

The expected dates are counted here by hand, independently of the calendar engine: a working
day is Monday–Friday and not one of the days off of the SKB listed below (the rows the
`holidays_2026` fixture loads)."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.urls import reverse

from keberatan import actions
from keberatan.models import Keberatan
from ppid_manual.models import Event
from ppid_manual.workflow.engine import StepRefused
from tests.helpers import D, at, case_url, page, refused, transition
from tests.keberatan.helpers import buat_permohonan, sampai, tolak_permohonan

# Libur nasional and cuti bersama touched by the cases below (SKB 2026 / 2027).
# 18–24 March: Nyepi and Idulfitri; 3 April: Jumat Agung.
DAYS_OFF = {
    D(2026, 3, 18), D(2026, 3, 19), D(2026, 3, 20), D(2026, 3, 23), D(2026, 3, 24),
    D(2026, 4, 3),
    D(2026, 5, 1), D(2026, 5, 14), D(2026, 5, 15), D(2026, 5, 27), D(2026, 5, 28),
    D(2026, 6, 1), D(2026, 6, 16),
    D(2026, 12, 24), D(2026, 12, 25), D(2027, 1, 1), D(2027, 1, 5), D(2027, 2, 5),
}  # fmt: skip


def hk_ke(day0: datetime.date, n: int) -> datetime.date:
    """The n-th working day after day0, counted by hand (not by the engine)."""
    day = day0
    while n:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in DAYS_OFF:
            n -= 1
    return day


def register(desk, received: datetime.date, registered: datetime.date) -> Keberatan:
    """A keberatan received on paper on `received` and registered on `registered`."""
    with at(registered):
        return actions.register_keberatan(
            actions.Pengajuan(
                tanggal_diterima=received,
                alasan=[Keberatan.Alasan.B],
                kasus_posisi="Laporan keuangan tahunan tidak diumumkan.",
                tujuan_penggunaan="Bahan kajian",
                pemohon={
                    "jenis": "perorangan",
                    "nama": "I Ketut Warga",
                    "nik": "5103024506850002",
                    "alamat": "Br. Tengah, Mengwi",
                    "pekerjaan": "Petani",
                    "telepon": "081999888777",
                },
                informasi_diminta="Laporan keuangan tahunan 2025 (informasi berkala)",
                tanggal_dasar=received,
                identitas_diterima=True,
                kunci=uuid.uuid4(),
            ),
            by=desk.petugas,
        )


@pytest.mark.parametrize(
    "received, registered, law, by_registration",
    [
        # The case: received Friday 24 April, registered Wednesday 29 April 2026;
        # skipped: 1 May, 14–15 May, 27–28 May, 1 June (and 16 June for the wrong count).
        (D(2026, 4, 24), D(2026, 4, 29), D(2026, 6, 15), D(2026, 6, 19)),
        # Across Nyepi and Idulfitri: received Monday 16 March, registered on the first working
        # day after the break (Wednesday 25 March); 18–24 March and 3 April, 1 May skipped.
        (D(2026, 3, 16), D(2026, 3, 25), D(2026, 5, 6), D(2026, 5, 8)),
        # Across the year's end: received Wednesday 23 December 2026, registered Monday 28th;
        # 24–25 December, 1 January, 5 January (Isra Mikraj), 5 February 2027 (Imlek) skipped.
        (D(2026, 12, 23), D(2026, 12, 28), D(2027, 2, 10), D(2027, 2, 11)),
    ],
)
def test_the_atasans_30_days_count_from_receipt_not_registration(
    desk, holidays_2026, received, registered, law, by_registration
):
    # The hand count agrees with the dates written above.
    assert hk_ke(received, 30) == law
    assert hk_ke(registered, 30) == by_registration
    k = register(desk, received, registered)
    assert (k.tanggal_diterima, k.tanggal_registrasi) == (received, registered)
    assert k.tenggat_tanggapan == law
    assert k.tenggat_tanggapan != by_registration
    # Pasal 37(2): without an answer, the 14 hk to the Komisi Informasi follow the 30.
    assert k.tenggat_sengketa == hk_ke(law, 14)


def test_the_deadline_panel_names_the_date_it_counts_from(client, desk, holidays_2026):
    k = register(desk, D(2026, 4, 24), D(2026, 4, 29))
    client.force_login(desk.atasan)
    with at(D(2026, 4, 29)):
        html = page(client.get(case_url(k)))
    assert "Dihitung sejak tanggal keberatan tertulis diterima: 24 April 2026" in html
    assert "15 Juni 2026" in html


def test_a_keberatan_received_before_its_request_is_refused_and_nothing_is_written(
    desk, holidays_2026
):
    p = buat_permohonan(desk, D(2026, 4, 20))
    before = (Keberatan.objects.count(), Event.objects.count())
    with at(D(2026, 4, 22)), pytest.raises(StepRefused, match="sebelum permohonan"):
        actions.register_keberatan(
            actions.Pengajuan(
                tanggal_diterima=D(2026, 4, 17),
                alasan=[Keberatan.Alasan.E],
                kasus_posisi="Tidak dijawab.",
                tujuan_penggunaan="Bahan liputan",
                permohonan=p,
                tanggal_dasar=D(2026, 4, 17),
                identitas_diterima=True,
                kunci=uuid.uuid4(),
            ),
            by=desk.petugas,
        )
    assert (Keberatan.objects.count(), Event.objects.count()) == before


def test_a_keberatan_received_in_the_future_is_refused(desk, holidays_2026):
    with pytest.raises(StepRefused, match="masa depan"):
        register(desk, D(2026, 4, 30), D(2026, 4, 29))
    assert not Keberatan.objects.exists()


# --- Pasal 37(2): the 14 hk to the Komisi Informasi count from the pemohon's receipt ---------


def langkah(case, step: str) -> str:
    """A step page of a keberatan or a permohonan (`<app>:langkah`)."""
    return reverse(f"{case._meta.app_label}:langkah", args=[case.pk, step])


def answered(desk, day: datetime.date) -> Keberatan:
    return sampai(desk, register(desk, day, day), Keberatan.Status.DITANGGAPI, day)


def test_until_delivery_is_recorded_the_letters_date_is_the_estimate(client, desk, holidays_2026):
    k = answered(desk, D(2026, 4, 7))
    assert (k.tanggapan_diterima, k.tanggapan_perkiraan, k.tanggapan_cara) == (
        D(2026, 4, 7),
        True,
        "",
    )
    assert k.tenggat_sengketa == hk_ke(D(2026, 4, 7), 14) == D(2026, 4, 27)
    client.force_login(desk.petugas)
    with at(D(2026, 4, 8)):
        html = page(client.get(case_url(k)))
    assert "penyampaian belum dicatat" in html


def test_by_post_the_receipt_confirmed_later_moves_the_komisi_informasi_window(
    client, desk, holidays_2026
):
    k = answered(desk, D(2026, 4, 7))
    url = langkah(k, "catat_penyampaian")
    # Sent by post on 8 April: the receipt is estimated 3 hk later (13 April) and so marked.
    with at(D(2026, 4, 8)):
        transition(
            client, desk.petugas, k, url,
            {"cara": "pos", "tanggal": "2026-04-08", "diterima": "0"},
            step="catat_penyampaian", to=Keberatan.Status.DITANGGAPI,
        )  # fmt: skip
    k.refresh_from_db()
    assert (k.tanggapan_cara, k.tanggapan_diterima, k.tanggapan_perkiraan) == (
        "pos",
        hk_ke(D(2026, 4, 8), 3),
        True,
    )
    assert k.tenggat_sengketa == hk_ke(D(2026, 4, 13), 14) == D(2026, 5, 4)
    # The tanda terima pos comes back: received 15 April.
    with at(D(2026, 4, 17)):
        transition(
            client, desk.petugas, k, url,
            {"cara": "pos", "tanggal": "2026-04-15", "diterima": "1"},
            step="catat_penyampaian", to=Keberatan.Status.DITANGGAPI,
        )  # fmt: skip
        html = page(client.get(case_url(k)))
    k.refresh_from_db()
    assert (k.tanggapan_diterima, k.tanggapan_perkiraan) == (D(2026, 4, 15), False)
    # 15 April + 14 hk, skipping 1 May: 6 May 2026.
    assert k.tenggat_sengketa == hk_ke(D(2026, 4, 15), 14) == D(2026, 5, 6)
    assert "Dihitung sejak tanggal tanggapan diterima pemohon: 15 April 2026" in html
    # The delivery on the case page, through the mechanism every letter uses.
    assert f"Surat tanggapan Atasan PPID {k.nomor_tanggapan}" in html
    assert "Pos; diterima pemohon 15 April 2026." in html


def test_handed_over_at_the_desk_counts_from_that_day(client, desk, holidays_2026):
    k = answered(desk, D(2026, 3, 16))
    with at(D(2026, 3, 25)):
        transition(
            client, desk.petugas, k, langkah(k, "catat_penyampaian"),
            {"cara": "loket", "tanggal": "2026-03-25", "diterima": "1"},
            step="catat_penyampaian", to=Keberatan.Status.DITANGGAPI,
        )  # fmt: skip
    k.refresh_from_db()
    # Across Idulfitri: the letter's date would give 13 April; the receipt gives 15 April.
    assert hk_ke(D(2026, 3, 16), 14) == D(2026, 4, 13)
    assert k.tenggat_sengketa == hk_ke(D(2026, 3, 25), 14) == D(2026, 4, 15)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"cara": "pos", "tanggal": "2026-04-06", "diterima": "1"}, "sebelum tanggal surat"),
        (
            {
                "cara": "surel",
                "tanggal": "2026-04-09",
                "diterima": "1",
                "alamat": "pemohon@example.id",
            },
            "masa depan",
        ),
        ({"cara": "loket", "tanggal": "2026-04-08", "diterima": "0"}, "tanda terima"),
    ],
)
def test_a_delivery_that_cannot_be_is_refused_and_nothing_is_written(
    client, desk, holidays_2026, data, message
):
    k = answered(desk, D(2026, 4, 7))
    with at(D(2026, 4, 8)):
        refused(
            client, desk.petugas, k, langkah(k, "catat_penyampaian"), data, message=message,
            unchanged=("tanggapan_diterima", "tanggapan_cara", "tenggat_sengketa"),
        )  # fmt: skip


# --- Pasal 36(1): the 30 hk to file a keberatan count from the pemohon's receipt of the notice


def test_the_keberatan_window_counts_from_the_notices_recorded_receipt(client, desk, holidays_2026):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 9)), D(2026, 3, 10))
    assert (p.pemberitahuan_diterima, p.pemberitahuan_perkiraan) == (D(2026, 3, 10), True)
    # Sent by post on 10 March; the tanda terima pos says received Wednesday 25 March (the
    # first working day after Nyepi and Idulfitri).
    with at(D(2026, 3, 26)):
        transition(
            client, desk.petugas, p, langkah(p, "catat_penyampaian"),
            {"surat": "pemberitahuan", "cara": "pos", "tanggal": "2026-03-25", "diterima": "1"},
            step="catat_penyampaian", to=p.status,
        )  # fmt: skip
    p.refresh_from_db()
    assert (p.pemberitahuan_cara, p.pemberitahuan_diterima, p.pemberitahuan_perkiraan) == (
        "pos",
        D(2026, 3, 25),
        False,
    )
    with at(D(2026, 3, 26)):
        k = actions.register_keberatan(
            actions.Pengajuan(
                tanggal_diterima=D(2026, 3, 26),
                alasan=[Keberatan.Alasan.A],
                kasus_posisi="Permohonan ditolak.",
                tujuan_penggunaan="Bahan liputan",
                permohonan=p,
                identitas_diterima=True,
                kunci=uuid.uuid4(),
            ),
            by=desk.petugas,
        )
    assert k.tanggal_dasar == D(2026, 3, 25)
    assert "diterima pemohon" in k.dasar_keterangan
    # 30 hk from 25 March (3 April, 1 May skipped): 8 May, not 22 April from the letter's date.
    assert k.tenggat_pengajuan == hk_ke(D(2026, 3, 25), 30) == D(2026, 5, 8)


def test_a_notice_delivery_before_the_notice_is_refused(client, desk, holidays_2026):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 9)), D(2026, 3, 10))
    with at(D(2026, 3, 11)):
        refused(
            client, desk.petugas, p, langkah(p, "catat_penyampaian"),
            {"surat": "pemberitahuan", "cara": "surel", "tanggal": "2026-03-09", "diterima": "1",
         "alamat": "pemohon@example.id"},
            message="sebelum tanggal surat",
            unchanged=("pemberitahuan_diterima", "pemberitahuan_cara"),
        )  # fmt: skip


def test_the_tanda_terima_and_the_disposition_sheet_count_from_the_receipt(desk, holidays_2026):
    from keberatan.documents import FormulirKeberatan, LembarDisposisi

    k = register(desk, D(2026, 4, 24), D(2026, 4, 29))
    for doc in (FormulirKeberatan(k), LembarDisposisi(k)):
        html = doc.render_html()
        assert "sejak tanggal keberatan tertulis diterima" in html
        assert "24 April 2026" in html
        assert "15 Juni 2026" in html
        assert "19 Juni 2026" not in html


def test_a_keberatan_received_on_paper_and_entered_late_is_flagged_and_counts_from_the_paper(
    client, desk, holidays_2026
):
    from keberatan.documents import register_rows
    from layanan import handback
    from ppid_manual.workflow.susulan import Susulan

    with at(D(2026, 12, 28)):
        k = actions.register_keberatan(
            actions.Pengajuan(
                tanggal_diterima=D(2026, 12, 23),
                alasan=[Keberatan.Alasan.B],
                kasus_posisi="Laporan keuangan tidak diumumkan.",
                tujuan_penggunaan="Bahan kajian",
                pemohon={
                    "jenis": "perorangan",
                    "nama": "I Ketut Warga",
                    "nik": "5103024506850002",
                    "alamat": "Br. Tengah, Mengwi",
                    "pekerjaan": "Petani",
                    "telepon": "081999888777",
                },
                informasi_diminta="Laporan keuangan tahunan 2025",
                tanggal_dasar=D(2026, 12, 23),
                identitas_diterima=True,
                kunci=uuid.uuid4(),
                susulan=Susulan("KB-03", "Komputer meja layanan rusak.", "Komang Petugas"),
            ),
            by=desk.petugas,
        )
    # Across the year's end, from the paper's date: 10 February 2027.
    assert k.tenggat_tanggapan == hk_ke(D(2026, 12, 23), 30) == D(2027, 2, 10)
    # 24–25 December off: 28 December is the 1st working day after the paper — on time.
    assert (k.entri_susulan, k.nomor_kertas, k.susulan_terlambat) == (True, "KB-03", False)
    [row] = register_rows([k])
    assert "Entri susulan dari kertas No. KB-03 (diterima 23 Desember 2026)" in row["identitas"]
    assert handback.keberatan_record(k, lengkap=False)["entri_susulan"]["nomor_kertas"] == "KB-03"
    with at(D(2026, 12, 28)):
        client.force_login(desk.petugas)
        assert "Entri susulan dari formulir kertas" in page(client.get(case_url(k)))


def test_a_keberatan_late_entry_without_a_reference_is_refused(desk, holidays_2026):
    from ppid_manual.workflow.susulan import Susulan

    with pytest.raises(StepRefused, match="nomor lembar kertas"):
        with at(D(2026, 4, 29)):
            actions.register_keberatan(
                actions.Pengajuan(
                    tanggal_diterima=D(2026, 4, 24),
                    alasan=[Keberatan.Alasan.B],
                    kasus_posisi="x",
                    tujuan_penggunaan="y",
                    pemohon={"jenis": "perorangan", "nama": "A", "nik": "5103024506850002"},
                    informasi_diminta="z",
                    tanggal_dasar=D(2026, 4, 24),
                    identitas_diterima=True,
                    susulan=Susulan("", "Listrik padam.", "Komang"),
                ),
                by=desk.petugas,
            )
    assert not Keberatan.objects.exists() and not Event.objects.exists()


def test_the_register_is_dated_by_receipt_not_registration(client, desk, holidays_2026):
    # Received Thursday 30 April, registered Monday 4 May 2026: a keberatan of April.
    k = register(desk, D(2026, 4, 30), D(2026, 5, 4))
    client.force_login(desk.ppid)
    url = reverse("keberatan:register")
    with at(D(2026, 5, 4)):
        april = client.get(url, {"dari": "2026-04-01", "sampai": "2026-04-30"})
        may = client.get(url, {"dari": "2026-05-01", "sampai": "2026-05-31"})
    assert [r["nomor"] for r in april.context["rows"]] == [k.nomor_registrasi]
    assert april.context["rows"][0]["tanggal"] == D(2026, 4, 30)
    assert "Tanggal keberatan diterima" in april.content.decode()
    assert "30 April 2026" in april.content.decode()
    assert may.context["rows"] == []


def test_the_laporan_counts_a_keberatan_in_the_period_it_was_received(desk, holidays_2026):
    # Received Tuesday 30 June, registered Wednesday 1 July 2026: a keberatan of the first
    # semester in the Laporan, as in the register (one period: KeberatanQuerySet.periode).
    from layanan import laporan

    register(desk, D(2026, 6, 30), D(2026, 7, 1))
    with at(D(2026, 7, 1)):
        pertama = laporan.compute(2026, "semester1")
        kedua = laporan.compute(2026, "semester2")
    assert (pertama.keberatan, kedua.keberatan) == (1, 0)
