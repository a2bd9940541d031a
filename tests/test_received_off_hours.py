"""A request or keberatan received on a day off or after the desk's hours is accepted, with a
notice saying when its clock starts; the counting rule is unchanged (day 0 = the day
received). Dates counted by hand: Monday–Friday minus the days off listed."""

from __future__ import annotations

import uuid

from django.urls import reverse

from keberatan import actions as keb
from keberatan.models import Keberatan
from ppid_manual.models import Event
from tests.helpers import D, at, messages_of
from tests.registrasi.conftest import form_data


def test_a_request_received_after_hours_is_registered_with_the_notice(
    client, petugas, holidays_2026
):
    # Friday 27 March 2026, 17.00 WITA: after the desk closes (16.00). The clock is counted
    # as always: the 10 hk start on Monday 30 March and end Monday 13 April (3 April is off).
    with at(D(2026, 3, 27), hour=17):
        client.force_login(petugas)
        response = client.post(
            reverse("registrasi:baru"), form_data(tanggal="2026-03-27"), follow=True
        )
    shown = messages_of(response)
    notice = [m for m in shown if "sesudah jam layanan" in m]
    assert notice and "hitungan hari kerja dimulai Senin, 30 Maret 2026" in notice[0]
    p = response.context["p"]
    assert (p.tanggal_daftar, p.tenggat) == (D(2026, 3, 27), D(2026, 4, 13))
    [daftar] = Event.objects.for_object(p)
    assert "sesudah jam layanan (pukul 17.00" in daftar.note


def test_a_request_received_in_office_hours_gets_no_notice(client, petugas, holidays_2026):
    with at(D(2026, 3, 27), hour=10):
        client.force_login(petugas)
        response = client.post(
            reverse("registrasi:baru"), form_data(tanggal="2026-03-27"), follow=True
        )
    assert not [m for m in messages_of(response) if "hitungan hari kerja dimulai" in m]


def test_a_keberatan_received_on_nyepi_is_accepted_and_told_when_its_clock_starts(
    desk, holidays_2026
):
    with at(D(2026, 3, 25)):
        k = keb.register_keberatan(
            keb.Pengajuan(
                tanggal_diterima=D(2026, 3, 19),  # Hari Suci Nyepi, slipped under the door
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
                tanggal_dasar=D(2026, 3, 19),
                identitas_diterima=True,
                kunci=uuid.uuid4(),
            ),
            by=desk.petugas,
        )
    [daftar] = Event.objects.for_object(k)
    assert "bukan hari kerja" in daftar.note
    assert "hitungan hari kerja dimulai Rabu, 25 Maret 2026" in daftar.note
    # The rule unchanged: 30 hk from 19 March — 25 March is the first, 3 April and 1 May
    # skipped — end Thursday 7 May 2026.
    assert k.tenggat_tanggapan == D(2026, 5, 7)
