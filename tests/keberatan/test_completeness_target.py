"""SOP Penanganan Keberatan, flowchart row 1 ("1 hari kerja"): the pemohon hands in the
keberatan form and the Bagian Registrasi checks it is complete ("Lengkap": the form filled in
and the NIK copy). With row 2 (registration, 1 hk), 3 (examination, 5), 4 (draft, 2) and 5
(answer, 1) it makes the SOP's 1/1/5/2/1 inside the Atasan's 30 hari kerja.

Expected dates are counted by hand (`hk_ke`, the SKB days off listed in test_day0_received)."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.urls import reverse

from keberatan import actions
from keberatan.models import Keberatan
from keberatan.tenggat import rincian_tenggat
from ppid_manual.models import Event
from ppid_manual.workflow.engine import StepRefused
from tests.helpers import D, at, case_url, page
from tests.keberatan.helpers import buat_permohonan, tolak_permohonan
from tests.keberatan.test_chain import intake_data
from tests.keberatan.test_day0_received import hk_ke


def ajukan(desk, p, *, diajukan, diterima, registered) -> Keberatan:
    with at(registered):
        return actions.register_keberatan(
            actions.Pengajuan(
                tanggal_diterima=diterima,
                tanggal_diajukan=diajukan,
                alasan=[Keberatan.Alasan.A],
                kasus_posisi="Permohonan ditolak.",
                tujuan_penggunaan="Bahan liputan",
                permohonan=p,
                identitas_diterima=True,
                kunci=uuid.uuid4(),
            ),
            by=desk.petugas,
        )


def baris(k: Keberatan, today: datetime.date):
    return {r.label: r for r in rincian_tenggat(k, today)}


@pytest.fixture
def ditolak(desk, holidays_2026):
    return tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 30)), D(2026, 3, 31))


def test_a_form_completed_within_1_working_day_meets_the_target(client, desk, ditolak):
    # Handed in incomplete Thursday 2 April 2026; 3 April (Jumat Agung) is off: the complete
    # form is due Monday 6 April, and came that day.
    k = ajukan(
        desk, ditolak, diajukan=D(2026, 4, 2), diterima=D(2026, 4, 6), registered=D(2026, 4, 6)
    )
    assert k.target_kelengkapan == hk_ke(D(2026, 4, 2), 1) == D(2026, 4, 6)
    assert not k.kelengkapan_terlambat()
    row = baris(k, D(2026, 4, 6))["Target formulir keberatan lengkap"]
    assert (row.keadaan, row.dasar_hukum, row.hari) == ("tepat", "SOP langkah 1", 1)
    # The desk kept the incomplete form: the keberatan was received in writing on 2 April,
    # day 0 of the Atasan's 30 hk (Pasal 36(2)); the completeness row is only a target.
    assert k.tenggat_tanggapan == hk_ke(D(2026, 4, 2), 30)


def test_a_form_completed_late_is_shown_late_on_the_case_page(client, desk, ditolak):
    k = ajukan(
        desk, ditolak, diajukan=D(2026, 4, 2), diterima=D(2026, 4, 7), registered=D(2026, 4, 7)
    )
    assert k.target_kelengkapan == D(2026, 4, 6) and k.kelengkapan_terlambat()
    assert baris(k, D(2026, 4, 7))["Target formulir keberatan lengkap"].keadaan == "terlambat"
    # Registered the day the complete form came: row 2 is met.
    assert baris(k, D(2026, 4, 7))["Target registrasi"].keadaan == "tepat"
    client.force_login(desk.atasan)
    with at(D(2026, 4, 7)):
        html = page(client.get(case_url(k)))
    assert "Formulir lengkap diterima melewati target 1 hari kerja." in html
    assert "Target formulir keberatan lengkap" in html
    assert "Dihitung sejak tanggal formulir pertama kali diajukan: 2 April 2026" in html


def test_a_form_complete_when_handed_in_counts_from_its_receipt(desk, ditolak):
    k = ajukan(desk, ditolak, diajukan=None, diterima=D(2026, 4, 2), registered=D(2026, 4, 2))
    assert (k.tanggal_diajukan, k.target_kelengkapan) == (D(2026, 4, 2), D(2026, 4, 6))
    assert baris(k, D(2026, 4, 2))["Target formulir keberatan lengkap"].keadaan == "tepat"


def test_the_desk_form_records_the_first_hand_in(client, desk, ditolak):
    client.force_login(desk.petugas)
    with at(D(2026, 4, 7)):
        response = client.post(
            reverse("keberatan:baru"),
            intake_data(
                nomor_pendaftaran=ditolak.nomor_pendaftaran,
                tanggal_diterima="2026-04-07",
                tanggal_diajukan="2026-04-02",
                formulir_dikembalikan="disimpan",
            ),
        )
    assert response.status_code == 302
    k = Keberatan.objects.get()
    assert (k.tanggal_diajukan, k.target_kelengkapan) == (D(2026, 4, 2), D(2026, 4, 6))


def test_a_first_hand_in_after_the_complete_form_is_refused_and_nothing_is_written(
    client, desk, ditolak
):
    before = (Keberatan.objects.count(), Event.objects.count())
    with pytest.raises(StepRefused, match="tidak boleh sesudah formulir lengkap"):
        ajukan(
            desk, ditolak, diajukan=D(2026, 4, 7), diterima=D(2026, 4, 6), registered=D(2026, 4, 7)
        )
    assert (Keberatan.objects.count(), Event.objects.count()) == before
    # The desk's form says it on the field.
    client.force_login(desk.petugas)
    with at(D(2026, 4, 7)):
        response = client.post(
            reverse("keberatan:baru"),
            intake_data(
                nomor_pendaftaran=ditolak.nomor_pendaftaran,
                tanggal_diterima="2026-04-06",
                tanggal_diajukan="2026-04-07",
            ),
        )
    assert response.status_code == 200
    assert "Tidak boleh sesudah tanggal formulir lengkap diterima." in page(response)
    assert (Keberatan.objects.count(), Event.objects.count()) == before


def test_a_late_intake_counts_on_the_dashboard_and_its_link_lists_it(client, desk, ditolak):
    from layanan import dashboard

    on_time = ajukan(
        desk, ditolak, diajukan=D(2026, 4, 2), diterima=D(2026, 4, 6), registered=D(2026, 4, 6)
    )
    late = ajukan(
        desk, ditolak, diajukan=D(2026, 4, 2), diterima=D(2026, 4, 7), registered=D(2026, 4, 7)
    )
    figures = {a.label: a for a in dashboard.keberatan_panel(desk.ppid, D(2026, 4, 8))["sorotan"]}
    figure = figures["Masuk melewati target SOP bulan ini"]
    assert figure.nilai == 1
    client.force_login(desk.ppid)
    with at(D(2026, 4, 8)):
        html = page(client.get(figure.url))
    assert late.nomor_registrasi in html and on_time.nomor_registrasi not in html
    # Next month it is history: not this month's figure.
    figures = {a.label: a for a in dashboard.keberatan_panel(desk.ppid, D(2026, 5, 4))["sorotan"]}
    assert figures["Masuk melewati target SOP bulan ini"].nilai == 0
