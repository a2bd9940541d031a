"""Bali's own days by decision (DESIGN.md section 4): a dispensation day (public services keep
serving) is recorded but never stops the clocks; a regional day stops them only when the admin
records the office's closure with its basis, the circular's number and date."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ppid_manual.models import HariLibur
from ppid_manual.workflow import calendar
from ppid_manual.workflow.hari_libur import save_hari_libur
from tests.helpers import D, at, page

J = HariLibur.Jenis
pytestmark = pytest.mark.usefixtures("holidays_2026")


@pytest.mark.parametrize(
    "fields, day_off",
    [
        # Galungan 2026 as the circular has it: a dispensation day, a working day for the clocks.
        ({"jenis": J.DISPENSASI_BALI, "libur": False}, False),
        # The office closed by a circular, recorded with its number and date.
        (
            {
                "jenis": J.PENUTUPAN,
                "libur": True,
                "nomor_surat": "003.1/1234/B.Org",
                "tanggal_surat": D(2026, 6, 1),
            },
            True,
        ),
    ],
)
def test_a_regional_day_stops_the_clocks_only_as_a_recorded_closure(fields, day_off):
    # 10 hk from Wednesday 10 June 2026 end Thursday 25 June (16 June: Tahun Baru Islam).
    assert calendar.deadline(D(2026, 6, 10), 10) == D(2026, 6, 25)
    with at(D(2026, 6, 9)):
        save_hari_libur(HariLibur(tanggal=D(2026, 6, 17), nama="Hari Raya Galungan", **fields))
    expected = D(2026, 6, 26) if day_off else D(2026, 6, 25)
    assert calendar.deadline(D(2026, 6, 10), 10) == expected


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"jenis": J.DISPENSASI_BALI, "libur": True},
            "libur",
            "Hari dispensasi tidak menghentikan tenggat",
        ),
        ({"jenis": J.PENUTUPAN, "libur": True}, "nomor_surat", "Isi nomor surat edaran"),
        (
            {"jenis": J.PENUTUPAN, "libur": True, "nomor_surat": "003.1/1234/B.Org"},
            "tanggal_surat",
            "Isi tanggal surat edaran",
        ),
        (
            {
                "jenis": J.PENUTUPAN,
                "libur": False,
                "nomor_surat": "003.1/1234/B.Org",
                "tanggal_surat": D(2026, 6, 1),
            },
            "libur",
            "tidak dihitung sebagai hari kerja",
        ),
    ],
)
def test_a_regional_day_without_its_decision_is_refused_and_nothing_is_written(
    fields, field, message
):
    before = HariLibur.objects.count()
    with pytest.raises(ValidationError) as refused:
        save_hari_libur(HariLibur(tanggal=D(2026, 6, 17), nama="Hari Raya Galungan", **fields))
    assert message in " ".join(refused.value.message_dict[field])
    assert HariLibur.objects.count() == before
    assert calendar.deadline(D(2026, 6, 10), 10) == D(2026, 6, 25)


def test_the_admin_is_told_on_the_field(client, desk):
    client.force_login(desk.admin)
    response = client.post(
        "/admin/ppid_manual/harilibur/add/",
        {
            "tanggal": "2026-06-17",
            "nama": "Hari Raya Galungan",
            "jenis": "bali",
            "dasar_hukum": "SE Gubernur Bali",
            "libur": "on",
            "asal": "admin",
        },
    )
    assert response.status_code == 200
    assert "Hari dispensasi tidak menghentikan tenggat" in page(response)
    assert not HariLibur.objects.filter(nama="Hari Raya Galungan").exists()
