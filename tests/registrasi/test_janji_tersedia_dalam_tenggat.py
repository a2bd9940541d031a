"""UU 14/2008 Pasal 22(7) huruf c with 22(8): a notice that the information is not yet
documented promises a date within the request's legal deadline (10 hk, 17 with the one
extension). A later date needs the extension first, or is refused with the reason; and the
one promised date drives the work list, the near-due and the overdue lists.

Registered Monday 6 April 2026: the 10 hk end Monday 20 April; the extension's 7 hk end
Wednesday 29 April (no day off in between)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from layanan.tugas import tugas_for
from ppid_manual.models import Event
from ppid_manual.workflow.engine import StepRefused
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at, page
from tests.keberatan.helpers import buat_permohonan

K = Permohonan.Keputusan
pytestmark = pytest.mark.usefixtures("holidays_2026")


def putuskan(desk, p, tersedia):
    with at(D(2026, 4, 8)):
        return reg.issue_decision(
            Permohonan.objects.get(pk=p.pk),
            reg.Putusan(
                keputusan=K.BELUM_DIDOKUMENTASIKAN,
                uraian_informasi="Rekap 2025 sedang disusun.",
                tanggal_tersedia=tersedia,
            ),
            by=desk.ppid,
        )


@pytest.mark.parametrize(
    "diperpanjang, tersedia, refused",
    [
        (False, D(2026, 4, 20), ""),  # the last day of the 10 hk
        (False, D(2026, 4, 21), "Perpanjang dahulu waktunya 7 hari kerja"),
        (True, D(2026, 4, 29), ""),  # the last day of the extension
        (True, D(2026, 4, 30), "hanya memberi satu perpanjangan"),
    ],
)
def test_a_promised_date_past_the_legal_deadline_needs_the_extension(
    desk, diperpanjang, tersedia, refused
):
    p = buat_permohonan(desk, D(2026, 4, 6))
    assert p.tenggat == D(2026, 4, 20)
    if diperpanjang:
        with at(D(2026, 4, 7)):
            p = reg.extend(p, by=desk.ppid, alasan="Data tersebar di beberapa bidang.")
        assert p.tenggat == D(2026, 4, 29)
    if not refused:
        p = putuskan(desk, p, tersedia)
        assert (p.status, p.tanggal_tersedia) == (Permohonan.Status.MENUNGGU_PENYERAHAN, tersedia)
        return
    before = (Permohonan.objects.get(pk=p.pk).status, Event.objects.count())
    with pytest.raises(StepRefused, match=refused):
        putuskan(desk, p, tersedia)
    p = Permohonan.objects.get(pk=p.pk)
    assert (p.status, Event.objects.count()) == before
    assert p.keputusan == "" and p.nomor_pemberitahuan is None


def test_the_decision_page_says_why_on_the_date_field(client, desk):
    p = buat_permohonan(desk, D(2026, 4, 6))
    with at(D(2026, 4, 8)):
        client.force_login(desk.ppid)
        response = client.post(
            reverse("registrasi:langkah", args=[p.pk, "belum_didokumentasikan"]),
            {"uraian_informasi": "Rekap 2025 sedang disusun.", "tanggal_tersedia": "2026-05-15"},
        )
    assert response.status_code == 200
    [error] = response.context["form"].errors["tanggal_tersedia"]
    assert error.startswith(
        "Tanggal informasi tersedia (Jumat, 15 Mei 2026) melewati tenggat pemberitahuan "
        "(Senin, 20 April 2026). Perpanjang dahulu"
    )
    assert "Perpanjang dahulu" in page(response)
    assert Permohonan.objects.get(pk=p.pk).keputusan == ""


@pytest.mark.parametrize(
    "today, overdue, near_due",
    [
        (D(2026, 4, 15), False, False),  # 3 hk left (16, 17, 20 April)
        (D(2026, 4, 16), False, True),
        (D(2026, 4, 20), False, True),  # due today
        (D(2026, 4, 21), True, False),
    ],
)
def test_one_promised_date_drives_the_work_list_and_the_overdue_list(
    desk, today, overdue, near_due
):
    p = putuskan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 20))
    assert p.target_penyerahan == p.tanggal_tersedia == D(2026, 4, 20)
    [item] = [t for t in tugas_for(desk.petugas) if t.nomor == p.nomor_pendaftaran]
    assert item.tenggat == D(2026, 4, 20)
    assert Permohonan.objects.overdue(today).filter(pk=p.pk).exists() == overdue
    assert Permohonan.objects.near_due(today).filter(pk=p.pk).exists() == near_due
    assert (item.keadaan(today) == "terlambat") == overdue
    assert p.is_overdue(today) == overdue
