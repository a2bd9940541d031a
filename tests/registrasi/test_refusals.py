"""Steps that must be refused: out of order, a second or late extension, another OPD's
officer, the wrong role. Each test checks the message, the unchanged state and no new event."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ppid_manual.models import Event, NomorTerbit
from ppid_manual.workflow.engine import StepRefused
from registrasi import actions
from registrasi.models import Permohonan, SuratPermintaan
from tests.helpers import D, at, case_url, messages_of, moment, refused
from tests.registrasi.conftest import register

S = Permohonan.Status
K = Permohonan.Keputusan


FIELDS = ("tenggat", "diperpanjang", "keputusan", "unit_tujuan_id")


def snapshot(p: Permohonan) -> dict:
    p.refresh_from_db()
    return {
        "status": p.status,
        "tenggat": p.tenggat,
        "diperpanjang": p.diperpanjang,
        "keputusan": p.keputusan,
        "unit_tujuan": p.unit_tujuan_id,
        "events": Event.objects.count(),
        "numbers": NomorTerbit.objects.count(),
    }


@pytest.fixture
def routed(golden_day, petugas, ppid, units):
    p = register(petugas)
    actions.route_to_opd(p, by=ppid, unit=units["dinkes"])
    p.refresh_from_db()
    return p


def decision_data():
    return {"uraian_informasi": "Rekap", "perkiraan_biaya_kirim": "0"}


def test_it_refuses_a_notice_before_the_opd_answered(client, routed, ppid):
    refused(
        client,
        ppid,
        routed,
        reverse("registrasi:langkah", args=[routed.pk, "beri_seluruhnya"]),
        decision_data(),
        message="Langkah “Pemberitahuan: diberikan seluruhnya” tidak dapat dilakukan pada status "
        "“Menunggu jawaban OPD”.",
        unchanged=FIELDS,
    )


def test_it_refuses_a_handover_before_the_notice(client, golden_day, petugas):
    p = register(petugas)
    refused(
        client,
        petugas,
        p,
        reverse("registrasi:langkah", args=[p.pk, "serahkan"]),
        {"nama_penerima": "X", "cara": "mengambil", "jumlah_halaman": "0", "biaya_pengiriman": "0"},
        message="Langkah “Serahkan informasi” tidak dapat dilakukan pada status “Terdaftar”.",
        unchanged=FIELDS,
    )


def test_it_refuses_an_opd_answer_before_the_letter(client, golden_day, petugas, ppid):
    p = register(petugas)
    client.force_login(ppid)
    response = client.get(reverse("registrasi:langkah", args=[p.pk, "jawab_opd"]), follow=True)
    assert "Belum ada surat permintaan ke OPD untuk permohonan ini." in messages_of(response)
    before = snapshot(p)
    with pytest.raises(StepRefused) as exc:
        actions.record_opd_answer(
            p,
            by=ppid,
            jawaban=SuratPermintaan.Jawaban.TERSEDIA,
            klasifikasi="terbuka",
            isi_jawaban="x",
            tanggal_jawaban=D(2026, 3, 16),
        )
    assert str(exc.value) == (
        "Langkah “Catat jawaban OPD” tidak dapat dilakukan pada status “Terdaftar”."
    )
    assert snapshot(p) == before


def test_it_refuses_any_step_on_a_closed_request(client, golden_day, petugas, ppid):
    p = register(petugas)
    actions.withdraw(p, by=petugas, note="Pemohon menarik permohonan.")
    refused(
        client,
        ppid,
        p,
        reverse("registrasi:langkah", args=[p.pk, "alihkan_opd"]),
        {"unit": p.unit_registrasi_id},
        message="Langkah “Alihkan ke OPD lain” tidak dapat dilakukan pada status "
        "“Ditarik pemohon”.",
        unchanged=FIELDS,
    )


def test_it_refuses_a_second_extension(client, routed, ppid):
    actions.extend(routed, by=ppid, alasan="Data masih dihimpun.")
    refused(
        client,
        ppid,
        routed,
        reverse("registrasi:langkah", args=[routed.pk, "perpanjang"]),
        {"alasan": "Sekali lagi."},
        message="Permohonan ini sudah pernah diperpanjang; UU 14/2008 Pasal 22 ayat (8) hanya "
        "membolehkan satu kali perpanjangan.",
        unchanged=FIELDS,
    )
    routed.refresh_from_db()
    assert routed.tenggat == D(2026, 4, 16)


def test_it_refuses_an_extension_after_the_deadline_passed(client, routed, ppid, golden_day):
    golden_day.move_to(moment(D(2026, 4, 8)))  # the deadline was Tuesday 7 April
    refused(
        client,
        ppid,
        routed,
        reverse("registrasi:langkah", args=[routed.pk, "perpanjang"]),
        {"alasan": "Terlambat."},
        message="Tenggat 10 hari kerja sudah lewat; perpanjangan hanya dapat diberikan sebelum "
        "tenggat berakhir (UU 14/2008 Pasal 22 ayat (8)).",
        unchanged=FIELDS,
    )


def test_an_extension_on_the_last_day_is_still_allowed(routed, ppid, golden_day):
    golden_day.move_to(moment(D(2026, 4, 7), hour=16))
    p = actions.extend(routed, by=ppid, alasan="Data masih dihimpun.")
    assert p.tenggat == D(2026, 4, 16)


def test_the_extension_button_disappears_once_used(client, routed, ppid):
    client.force_login(ppid)
    page = client.get(case_url(routed)).content.decode()
    assert 'data-step="perpanjang"' in page
    actions.extend(routed, by=ppid, alasan="Data masih dihimpun.")
    page = client.get(case_url(routed)).content.decode()
    assert 'data-step="perpanjang"' not in page


def test_another_opds_officer_cannot_see_or_answer(client, routed, pelaksana_dishub):
    before = snapshot(routed)
    client.force_login(pelaksana_dishub)
    assert client.get(case_url(routed)).status_code == 404
    response = client.post(
        reverse("registrasi:langkah", args=[routed.pk, "jawab_opd"]),
        {
            "jawaban": "tersedia",
            "klasifikasi": "terbuka",
            "isi_jawaban": "x",
            "tanggal_jawaban": "2026-03-16",
        },
    )
    assert response.status_code == 404
    assert snapshot(routed) == before
    # The engine refuses it too, with its message, if anything called the action directly.
    with pytest.raises(StepRefused) as exc:
        actions.record_opd_answer(
            routed,
            by=pelaksana_dishub,
            jawaban="tersedia",
            klasifikasi="terbuka",
            isi_jawaban="x",
            tanggal_jawaban=D(2026, 3, 16),
        )
    assert str(exc.value) == "Anda tidak berwenang atas berkas perangkat daerah lain."
    assert snapshot(routed) == before


def test_the_registering_opd_cannot_answer_for_the_opd_it_was_routed_to(
    client, golden_day, pelaksana_dinkes, ppid, units
):
    p = register(pelaksana_dinkes)
    actions.route_to_opd(p, by=ppid, unit=units["dishub"])
    refused(
        client,
        pelaksana_dinkes,
        p,
        reverse("registrasi:langkah", args=[p.pk, "jawab_opd"]),
        {
            "jawaban": "tersedia",
            "klasifikasi": "terbuka",
            "isi_jawaban": "x",
            "tanggal_jawaban": "2026-03-16",
        },
        message="Jawaban hanya dapat dicatat oleh PPID Pelaksana OPD yang dikirimi surat.",
        unchanged=FIELDS,
    )


def test_a_ppid_pelaksana_cannot_answer_directly_a_request_of_another_desk(
    client, golden_day, petugas, pelaksana_dinkes, ppid, units
):
    p = register(petugas)
    actions.route_to_opd(p, by=ppid, unit=units["dinkes"])
    before = snapshot(p)
    with pytest.raises(StepRefused) as exc:
        actions.answer_directly(
            p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=pelaksana_dinkes
        )
    assert str(exc.value) == (
        "Langkah “Jawab langsung (informasi OPD sendiri, terbuka)” tidak dapat dilakukan pada "
        "status “Menunggu jawaban OPD”."
    )
    assert snapshot(p) == before


def test_the_wrong_role_is_refused(client, golden_day, petugas, units):
    p = register(petugas)
    before = snapshot(p)
    client.force_login(petugas)
    response = client.post(
        reverse("registrasi:langkah", args=[p.pk, "minta_opd"]), {"unit": units["dinkes"].pk}
    )
    assert response.status_code == 403
    assert snapshot(p) == before
    with pytest.raises(StepRefused) as exc:
        actions.route_to_opd(p, by=petugas, unit=units["dinkes"])
    assert (
        str(exc.value)
        == "Peran Anda tidak berwenang melakukan langkah “Kirim surat permintaan ke OPD”."
    )
    assert snapshot(p) == before


def test_it_refuses_to_reroute_to_the_same_opd(client, routed, ppid, units):
    refused(
        client,
        ppid,
        routed,
        reverse("registrasi:langkah", args=[routed.pk, "alihkan_opd"]),
        {"unit": units["dinkes"].pk},
        message="Permohonan ini sudah ditujukan ke Dinas Kesehatan.",
        unchanged=FIELDS,
    )
    assert routed.surat_permintaan.count() == 1


def test_the_atasan_cannot_reopen_a_withdrawn_request(client, golden_day, petugas, atasan):
    p = register(petugas)
    actions.withdraw(p, by=petugas, note="Ditarik.")
    refused(
        client,
        atasan,
        p,
        reverse("registrasi:langkah", args=[p.pk, "buka_kembali"]),
        {"catatan": "Tanggapan keberatan"},
        message="Langkah “Buka kembali untuk penyerahan (putusan Atasan PPID)” tidak dapat "
        "dilakukan pada status “Ditarik pemohon”.",
        unchanged=FIELDS,
    )


def test_only_the_atasan_reopens(golden_day, petugas, ppid):
    p = register(petugas)
    before = snapshot(p)
    with pytest.raises(StepRefused) as exc:
        actions.reopen_for_handover(p, by=ppid, note="Putusan keberatan")
    assert str(exc.value) == (
        "Peran Anda tidak berwenang melakukan langkah “Buka kembali untuk penyerahan "
        "(putusan Atasan PPID)”."
    )
    assert snapshot(p) == before


def test_a_step_page_that_is_not_allowed_now_sends_back_with_the_reason(client, routed, ppid):
    client.force_login(ppid)
    response = client.get(reverse("registrasi:langkah", args=[routed.pk, "tolak"]), follow=True)
    assert response.redirect_chain[-1][0] == case_url(routed)
    assert (
        "Langkah “Penolakan dengan SK (dikecualikan)” tidak dapat dilakukan pada status "
        "“Menunggu jawaban OPD”." in messages_of(response)
    )


def test_state_changes_are_post_only(client, routed, ppid):
    before = snapshot(routed)
    client.force_login(ppid)
    response = client.get(
        reverse("registrasi:langkah", args=[routed.pk, "perpanjang"]), {"alasan": "lewat GET"}
    )
    assert response.status_code == 200  # the form, nothing else
    assert snapshot(routed) == before


def test_a_refusal_needs_its_grounds_and_the_consequence(client, golden_day, petugas, ppid):
    p = register(petugas)
    before = snapshot(p)
    client.force_login(ppid)
    response = client.post(
        reverse("registrasi:langkah", args=[p.pk, "tolak"]),
        {"pasal17": [], "undang_undang_lain": "", "konsekuensi": ""},
    )
    errors = response.context["form"].errors
    assert errors["pasal17"] == ["Pilih huruf Pasal 17 dan/atau isi undang-undang lain."]
    assert errors["konsekuensi"] == ["Bidang ini tidak boleh kosong."]
    assert snapshot(p) == before
    with pytest.raises(StepRefused) as exc:
        actions.issue_decision(p, actions.Putusan(keputusan=K.DITOLAK, konsekuensi="x"), by=ppid)
    assert str(exc.value) == "Penolakan harus menyebut Pasal 17 huruf a–j atau undang-undang lain."
    assert snapshot(p) == before


def test_a_handover_of_copies_needs_a_tariff(client, golden_day, petugas, ppid):
    p = register(petugas)
    actions.issue_decision(p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    before = snapshot(p)
    client.force_login(petugas)
    response = client.post(
        reverse("registrasi:langkah", args=[p.pk, "serahkan"]),
        {"nama_penerima": "X", "cara": "mengambil", "jumlah_halaman": "3", "biaya_pengiriman": "0"},
    )
    assert response.context["form"].errors["tarif"] == ["Pilih tarif untuk halaman yang disalin."]
    assert snapshot(p) == before


def test_an_expired_tariff_is_refused(golden_day, petugas, ppid, tarif):
    tarif.berlaku_sampai = D(2025, 12, 31)
    tarif.save()
    p = register(petugas)
    actions.issue_decision(p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    before = snapshot(p)
    with pytest.raises(StepRefused) as exc:
        actions.hand_over(
            p, by=petugas, nama_penerima="X", cara="mengambil", jumlah_halaman=2, tarif=tarif
        )
    assert str(exc.value) == "Tarif “Fotokopi A4 hitam putih” tidak berlaku hari ini."
    assert snapshot(p) == before


def test_a_withdrawal_needs_a_note(golden_day, petugas):
    p = register(petugas)
    before = snapshot(p)
    with pytest.raises(StepRefused) as exc:
        actions.withdraw(p, by=petugas, note="  ")
    assert str(exc.value) == "Tuliskan catatan penarikan (misalnya alasan pemohon)."
    assert snapshot(p) == before


def test_a_late_notice_is_allowed_and_recorded_as_late(client, holidays_2026, petugas, ppid):
    with at(D(2026, 3, 16)):
        p = register(petugas)
    with at(D(2026, 4, 8)):
        assert Permohonan.objects.overdue(D(2026, 4, 8)).filter(pk=p.pk).exists()
        actions.issue_decision(
            p,
            actions.Putusan(
                keputusan=K.BELUM_DIDOKUMENTASIKAN,
                uraian_informasi="x",
                tanggal_tersedia=D(2026, 4, 8),
            ),
            by=ppid,
        )
    last = Event.objects.for_object(p).last()
    assert last.data["tepat_waktu"] is False


@pytest.mark.parametrize(
    "tersedia, message",
    [
        (None, "Isi tanggal paling lambat informasi tersedia"),
        (D(2026, 3, 13), "Tanggal informasi tersedia tidak boleh sebelum hari ini."),
    ],
)
def test_not_yet_documented_needs_the_date_it_will_be_available(
    golden_day, petugas, ppid, tersedia, message
):
    """Perki 1/2021: the notice tells the pemohon by when the information will exist."""
    p = register(petugas)
    before = snapshot(p)
    with pytest.raises(StepRefused) as exc:
        actions.issue_decision(
            p,
            actions.Putusan(keputusan=K.BELUM_DIDOKUMENTASIKAN, tanggal_tersedia=tersedia),
            by=ppid,
        )
    assert message in str(exc.value)
    assert snapshot(p) == before


def test_the_decision_form_asks_for_the_date_it_will_be_available(
    client, golden_day, petugas, ppid
):
    p = register(petugas)
    client.force_login(ppid)
    url = reverse("registrasi:langkah", args=[p.pk, "belum_didokumentasikan"])
    response = client.post(url, {"uraian_informasi": "Sedang disusun."})
    assert response.status_code == 200
    assert "tanggal_tersedia" in response.context["form"].errors
    response = client.post(url, {"uraian_informasi": "x", "tanggal_tersedia": "2026-03-13"})
    assert response.context["form"].errors["tanggal_tersedia"] == [
        "Tanggal ini tidak boleh sebelum hari ini."
    ]
    p.refresh_from_db()
    assert p.keputusan == "" and p.status == Permohonan.Status.TERDAFTAR
