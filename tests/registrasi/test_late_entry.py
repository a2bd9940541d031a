"""A late entry (entri susulan) of a request received on paper while the system was down: the
paper's date, its reference, a reason and the clerk; flagged on the case, in the register, the
Laporan and the hand-back export; its clock counts from the paper's date (UU 14/2008 Pasal
22(7)); entered past the SOP's 1 working day, it is marked late.

Expected dates are counted here by hand: Monday–Friday minus the days off listed."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from layanan import handback, laporan
from ppid_manual.models import Event
from registrasi import actions
from registrasi.models import Permohonan
from tests.helpers import D, at, case_url, page
from tests.registrasi.conftest import form_data, intake

# Nyepi and Idulfitri 2026 (18–24 March), Jumat Agung (3 April).
DAYS_OFF = {D(2026, 3, 18), D(2026, 3, 19), D(2026, 3, 20), D(2026, 3, 23), D(2026, 3, 24)}
DAYS_OFF |= {D(2026, 4, 3)}


def hk_ke(day0: datetime.date, n: int) -> datetime.date:
    day = day0
    while n:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in DAYS_OFF:
            n -= 1
    return day


def kertas(**overrides) -> dict:
    paper = {
        "entri_susulan": "on",
        "nomor_kertas": "K-017",
        "petugas_kertas": "Komang Petugas",
        "alasan_susulan": "Listrik padam di meja layanan sejak pagi.",
    }
    return form_data(**{**paper, **overrides})


def test_a_paper_request_entered_late_counts_from_the_papers_date_and_is_flagged(
    client, petugas, ppid, holidays_2026
):
    # Received on paper Tuesday 17 March (the day before Nyepi); the desk is back on Wednesday
    # 25 March, after the Nyepi–Idulfitri break: entered 2 working days after the paper.
    client.force_login(petugas)
    with at(D(2026, 3, 26)):
        response = client.post(
            reverse("registrasi:baru"), kertas(tanggal="2026-03-17", konfirmasi_tanggal="on")
        )
    assert response.status_code == 302
    p = Permohonan.objects.get()
    assert p.tanggal_daftar == D(2026, 3, 17)
    # 10 hk from the paper's date, across the break: 8 April 2026.
    assert p.tenggat == hk_ke(D(2026, 3, 17), 10) == D(2026, 4, 8)
    assert (p.entri_susulan, p.nomor_kertas, p.petugas_kertas) == (True, "K-017", "Komang Petugas")
    assert p.susulan_terlambat  # 25 and 26 March: 2 hk after the paper, past the SOP's 1
    [daftar] = Event.objects.for_object(p)
    assert daftar.data["entri_susulan"]["nomor_kertas"] == "K-017"
    with at(D(2026, 3, 26)):
        html = page(client.get(case_url(p)))
        register = page(
            client.get(
                reverse("registrasi:register"), {"dari": "2026-03-01", "sampai": "2026-03-31"}
            )
        )
    assert "Entri susulan dari formulir kertas" in html and "No. K-017" in html
    assert "Dientri melewati 1 hari kerja (SOP)" in html
    assert "Entri susulan dari kertas No. K-017" in register
    angka = laporan.compute(2026, "semester1")
    assert (angka.entri_susulan, angka.susulan_terlambat) == (1, 1)
    record = handback.permohonan_record(p, lengkap=False)
    assert record["entri_susulan"] == {
        "nomor_kertas": "K-017",
        "alasan": "Listrik padam di meja layanan sejak pagi.",
        "petugas": "Komang Petugas",
        "terlambat": True,
    }


def test_a_paper_entered_the_next_working_day_is_not_late(client, petugas, holidays_2026):
    client.force_login(petugas)
    with at(D(2026, 3, 27)):
        response = client.post(
            reverse("registrasi:baru"), kertas(tanggal="2026-03-26", konfirmasi_tanggal="on")
        )
    assert response.status_code == 302
    p = Permohonan.objects.get()
    assert (p.entri_susulan, p.susulan_terlambat) == (True, False)
    assert p.tenggat == hk_ke(D(2026, 3, 26), 10) == D(2026, 4, 10)


@pytest.mark.parametrize("missing", ["nomor_kertas", "alasan_susulan"])
def test_a_late_entry_without_its_reference_or_reason_is_refused(
    client, petugas, holidays_2026, missing
):
    client.force_login(petugas)
    with at(D(2026, 3, 26)):
        response = client.post(
            reverse("registrasi:baru"),
            kertas(tanggal="2026-03-25", konfirmasi_tanggal="on", **{missing: ""}),
        )
    assert response.status_code == 200
    assert missing in response.context["form"].errors
    assert not Permohonan.objects.exists() and not Event.objects.exists()


def test_the_action_refuses_a_late_entry_without_a_reason_or_a_future_date(petugas, holidays_2026):
    from ppid_manual.workflow.susulan import Susulan

    with at(D(2026, 3, 26)):
        with pytest.raises(actions.StepRefused, match="alasannya"):
            actions.register_permohonan(
                intake(tanggal=D(2026, 3, 25), susulan=Susulan("K-1", " ", "Komang")),
                by=petugas,
            )
        with pytest.raises(actions.StepRefused, match="masa depan"):
            actions.register_permohonan(intake(tanggal=D(2026, 3, 27)), by=petugas)
    assert not Permohonan.objects.exists() and not Event.objects.exists()
