"""Refusals: steps out of order, roles that may not take them, rules of the law, and bad
input at the desk. Each asserts the message, the unchanged state and that no event (and no
keberatan, no number) was written."""

from __future__ import annotations

import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from keberatan import actions
from keberatan.models import Keberatan
from ppid_manual.models import Event, NomorTerbit
from ppid_manual.workflow.engine import StepRefused
from tests.helpers import D, at
from tests.keberatan.helpers import (
    buat_permohonan,
    daftarkan,
    sampai,
    tolak_langkah,
    tolak_permohonan,
)
from tests.keberatan.test_chain import intake_data

S = Keberatan.Status
A = Keberatan.Alasan
DAY = D(2026, 4, 6)


@pytest.fixture
def ditolak(desk, holidays_2026):
    """A request refused under Pasal 17 on 1 April 2026."""
    return tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 30)), D(2026, 4, 1))


ANSWER = {"pertimbangan": "Putusan PPID dikuatkan."}


def test_steps_out_of_order_are_refused(client, desk, ditolak):
    k = daftarkan(desk, DAY, ditolak)
    tolak_langkah(
        client,
        desk.atasan,
        k,
        "tanggapi_ditolak",
        ANSWER,
        DAY,
        message="tidak dapat dilakukan pada status “Terdaftar, menunggu pemeriksaan Atasan PPID”",
    )
    tolak_langkah(
        client,
        desk.ppid,
        k,
        "ajukan_draf",
        {"keputusan": "ditolak", "pertimbangan": "x"},
        DAY,
        message="tidak dapat dilakukan pada status",
    )
    tolak_langkah(
        client,
        desk.petugas,
        k,
        "catat_diterima",
        {"tanggal_sikap": "2026-04-06"},
        DAY,
        message="tidak dapat dilakukan pada status",
    )
    k = sampai(desk, k, S.DRAF_DIAJUKAN, DAY)
    tolak_langkah(client, desk.atasan, k, "tanggapi_ditolak", ANSWER, DAY, message="pada status")


@pytest.mark.parametrize("persona", ["petugas", "ppid", "dinkes", "admin"])
def test_only_the_atasan_ppid_answers(client, desk, ditolak, persona):
    k = sampai(desk, daftarkan(desk, DAY, ditolak), S.DRAF_DISETUJUI, DAY)
    for step in ("tanggapi_ditolak", "tanggapi_diberikan"):
        tolak_langkah(
            client,
            getattr(desk, persona),
            k,
            step,
            ANSWER,
            DAY,
            message="Peran Anda tidak berwenang melakukan langkah",
        )
    assert k.nomor_tanggapan is None
    assert not NomorTerbit.objects.filter(jenis="tanggapan").exists()


def test_other_roles_may_not_take_the_atasans_or_the_desks_steps(client, desk, ditolak):
    k = daftarkan(desk, DAY, ditolak)
    disposisi = {"unit": desk.units["utama"].pk, "sifat": "biasa", "isi": "x"}
    for persona in ("petugas", "ppid", "dinkes"):
        tolak_langkah(
            client,
            getattr(desk, persona),
            k,
            "disposisi",
            disposisi,
            DAY,
            message="tidak berwenang",
        )
    k = sampai(desk, k, S.DRAF_DIAJUKAN, DAY)
    tolak_langkah(
        client, desk.ppid, k, "setujui_draf", {"catatan": ""}, DAY, message="tidak berwenang"
    )
    tolak_langkah(
        client,
        desk.ppid,
        k,
        "kembalikan_draf",
        {"catatan": "perbaiki"},
        DAY,
        message="tidak berwenang",
    )
    k = sampai(desk, k, S.DITANGGAPI, DAY)
    tolak_langkah(
        client,
        desk.atasan,
        k,
        "catat_diterima",
        {"tanggal_sikap": "2026-04-06"},
        DAY,
        message="tidak berwenang",
    )


def test_a_pelaksana_drafts_only_what_was_disposed_to_its_own_opd(client, desk, ditolak):
    # Disposed to the PPID Utama: the Diskes PPID Pelaksana (who sees the case, since the
    # request was routed to Diskes) may not draft it.
    k = sampai(desk, daftarkan(desk, DAY, ditolak), S.DIDISPOSISI, DAY)
    tolak_langkah(
        client,
        desk.dinkes,
        k,
        "ajukan_draf",
        {"keputusan": "ditolak", "pertimbangan": "x"},
        DAY,
        message="PPID Pelaksana penerima disposisi",
    )


def test_another_opds_pelaksana_gets_404_and_cannot_act(client, desk, ditolak):
    k = sampai(desk, daftarkan(desk, DAY, ditolak), S.DIDISPOSISI, DAY)
    total = Event.objects.count()
    with at(DAY):
        client.force_login(desk.dishub)
        assert client.get(reverse("keberatan:detail", args=[k.pk])).status_code == 404
        response = client.post(
            reverse("keberatan:langkah", args=[k.pk, "ajukan_draf"]),
            {"keputusan": "ditolak", "pertimbangan": "x"},
        )
    assert response.status_code == 404
    k.refresh_from_db()
    assert k.status == S.DIDISPOSISI
    assert Event.objects.count() == total


def test_musyawarah_is_refused_for_reason_a(client, desk, ditolak):
    k = sampai(desk, daftarkan(desk, DAY, ditolak, alasan=[A.A, A.D]), S.DIDISPOSISI, DAY)
    # Already the draft may not propose it: an error next to the field, nothing saved ...
    total = Event.objects.count()
    with at(DAY):
        client.force_login(desk.ppid)
        response = client.post(
            reverse("keberatan:langkah", args=[k.pk, "ajukan_draf"]),
            {"keputusan": "musyawarah", "pertimbangan": "Disepakati."},
        )
        assert "hanya untuk alasan huruf b–g" in response.context["form"].errors["keputusan"][0]
        with pytest.raises(StepRefused, match="tidak dapat diselesaikan secara musyawarah"):
            actions.submit_draft(
                k, by=desk.ppid, keputusan=Keberatan.Keputusan.MUSYAWARAH, pertimbangan="x"
            )
    assert Event.objects.count() == total
    # ... and the answer step refuses it, whatever the draft said.
    k = sampai(desk, k, S.DRAF_DISETUJUI, DAY)
    tolak_langkah(
        client,
        desk.atasan,
        k,
        "tanggapi_musyawarah",
        {"pertimbangan": "Disepakati."},
        DAY,
        message="tidak dapat diselesaikan secara musyawarah",
    )
    # The button is not offered either; the other answers are.
    with at(DAY):
        client.force_login(desk.atasan)
        html = client.get(reverse("keberatan:detail", args=[k.pk])).content.decode()
    assert 'data-step="tanggapi_musyawarah"' not in html
    assert 'data-step="tanggapi_ditolak"' in html and 'data-step="tanggapi_diberikan"' in html
    # And the action itself refuses (the rule lives in the step table, not in the view).
    with at(DAY), pytest.raises(StepRefused, match="Pasal 35 ayat \\(2\\)"):
        actions.answer_keberatan(
            k, by=desk.atasan, keputusan=Keberatan.Keputusan.MUSYAWARAH, pertimbangan="x"
        )
    k.refresh_from_db()
    assert k.status == S.DRAF_DISETUJUI


def test_an_upheld_answer_needs_written_reasons(client, desk, ditolak):
    k = sampai(desk, daftarkan(desk, DAY, ditolak), S.DRAF_DISETUJUI, DAY)
    total = Event.objects.count()
    with at(DAY):
        client.force_login(desk.atasan)
        response = client.post(
            reverse("keberatan:langkah", args=[k.pk, "tanggapi_ditolak"]), {"pertimbangan": "  "}
        )
    assert response.status_code == 200
    assert "Pasal 36 ayat (3)" in response.context["form"].errors["pertimbangan"][0]
    k.refresh_from_db()
    assert (k.status, k.nomor_tanggapan) == (S.DRAF_DISETUJUI, None)
    assert Event.objects.count() == total


def test_sending_a_draft_back_needs_notes(client, desk, ditolak):
    k = sampai(desk, daftarkan(desk, DAY, ditolak), S.DRAF_DIAJUKAN, DAY)
    total = Event.objects.count()
    with at(DAY):
        client.force_login(desk.atasan)
        response = client.post(
            reverse("keberatan:langkah", args=[k.pk, "kembalikan_draf"]), {"catatan": ""}
        )
        assert response.status_code == 200
        assert response.context["form"].errors["catatan"]
        with pytest.raises(StepRefused, match="catatan perbaikan"):
            actions.return_draft(k, by=desk.atasan, catatan=" ")
    k.refresh_from_db()
    assert k.status == S.DRAF_DIAJUKAN
    assert Event.objects.count() == total


def test_a_granted_answer_fails_whole_when_the_request_cannot_reopen(client, desk, ditolak):
    """The keberatan and the request move together or not at all."""
    from registrasi.models import Permohonan

    k = sampai(
        desk,
        daftarkan(desk, DAY, ditolak),
        S.DRAF_DISETUJUI,
        DAY,
        keputusan=Keberatan.Keputusan.DIBERIKAN,
    )
    # The request was withdrawn in the meantime (set directly: test setup of an odd state).
    Permohonan.objects.filter(pk=ditolak.pk).update(status=Permohonan.Status.DITARIK)
    tolak_langkah(
        client,
        desk.atasan,
        k,
        "tanggapi_diberikan",
        {"pertimbangan": "Diberikan."},
        DAY,
        message="tidak dapat dilakukan pada status “Ditarik pemohon”",
    )
    k.refresh_from_db()
    assert k.nomor_tanggapan is None
    assert not NomorTerbit.objects.filter(jenis="tanggapan").exists()


# --- The intake form: errors next to the field, nothing saved --------------------------------


def _post_intake(client, desk, data, files=None):
    before = (Keberatan.objects.count(), Event.objects.count(), NomorTerbit.objects.count())
    with at(DAY):
        client.force_login(desk.petugas)
        response = client.post(reverse("keberatan:baru"), {**data, **(files or {})})
    after = (Keberatan.objects.count(), Event.objects.count(), NomorTerbit.objects.count())
    assert response.status_code == 200
    assert after == before
    return response.context["form"]


def test_a_nomor_pendaftaran_that_does_not_exist_is_a_form_error(client, desk, ditolak):
    form = _post_intake(
        client,
        desk,
        intake_data(nomor_pendaftaran="9999/REG-PPID/IV/2026", tanggal_diterima="2026-04-06"),
    )
    assert form.errors["nomor_pendaftaran"] == [
        "Nomor pendaftaran “9999/REG-PPID/IV/2026” tidak ditemukan. Periksa tanda bukti "
        "pendaftaran pemohon; keberatan tanpa nomor pendaftaran hanya untuk alasan b."
    ]
    # The lookup says the same.
    with at(DAY):
        page = client.get(reverse("keberatan:baru"), {"nomor": "9999/REG-PPID/IV/2026"})
    assert "tidak ditemukan" in page.context["cari"].errors["nomor"][0]
    assert page.context["form"] is None


def test_without_a_request_only_reason_b_may_be_filed(client, desk, holidays_2026):
    form = _post_intake(
        client,
        desk,
        intake_data(
            tanggal_diterima="2026-04-06",
            tanggal_dasar="2026-04-01",
            alasan=[A.B, A.E],
            jenis="perorangan",
            nama="I Ketut Warga",
            nik="5103024506850002",
            alamat="Mengwi",
            pekerjaan="Petani",
            telepon="081999888777",
            informasi_diminta="Laporan keuangan",
        ),
    )
    assert "hanya alasan b" in form.errors["alasan"][0]


def test_the_intake_checks_each_field_in_indonesian(client, desk, holidays_2026):
    form = _post_intake(
        client,
        desk,
        intake_data(
            tanggal_diterima="2026-04-07",  # tomorrow
            alasan=[],
            kasus_posisi="",
            identitas_diterima="",
            jenis="perorangan",
            nama="X",
            nik="12345",
            alamat="Mengwi",
            pekerjaan="Petani",
            telepon="abc",
            informasi_diminta="Laporan",
            kuasa_nama="Kuasa Tanpa Surat",
        ),
    )
    assert form.errors["tanggal_diterima"] == ["Tanggal tidak boleh di masa depan."]
    assert form.errors["alasan"] == ["Pilih satu atau lebih alasan keberatan."]
    assert form.errors["kasus_posisi"]
    assert form.errors["nik"][0].startswith("NIK ")
    assert "Nomor telepon hanya boleh" in form.errors["telepon"][0]
    assert "wajib dilampirkan" in form.errors["identitas_diterima"][0]
    assert form.errors["kuasa_alamat"] == ["Alamat kuasa wajib diisi."]
    assert "surat kuasa" in form.errors["surat_kuasa_diterima"][0]
    assert form.errors["tanggal_dasar"] == ["Tanggal ditemukannya alasan keberatan wajib diisi."]


def test_reason_c_is_refused_while_the_request_is_still_within_its_deadline(
    client, desk, holidays_2026
):
    p = buat_permohonan(desk, D(2026, 4, 1))  # due 16 April 2026
    form = _post_intake(
        client,
        desk,
        intake_data(
            nomor_pendaftaran=p.nomor_pendaftaran,
            tanggal_diterima="2026-04-06",
            tanggal_dasar="2026-04-06",
            alasan=[A.C],
        ),
    )
    assert form.errors["alasan"] == [
        "Alasan c belum berlaku: tenggat pemberitahuan tertulis permohonan ini baru berakhir "
        "Kamis, 16 April 2026."
    ]
    # Without an entered date there is no ground on record yet either.
    form = _post_intake(
        client,
        desk,
        intake_data(
            nomor_pendaftaran=p.nomor_pendaftaran, tanggal_diterima="2026-04-06", alasan=[A.E]
        ),
    )
    assert "belum dijawab dan tenggatnya belum lewat" in form.errors["tanggal_dasar"][0]


def test_reason_a_needs_a_refusal_on_record(client, desk, holidays_2026):
    p = buat_permohonan(desk, D(2026, 3, 2))  # unanswered, past its deadline
    form = _post_intake(
        client,
        desk,
        intake_data(nomor_pendaftaran=p.nomor_pendaftaran, tanggal_diterima="2026-04-06"),
    )
    assert "Alasan a hanya untuk permohonan yang ditolak" in form.errors["alasan"][0]


def test_a_scan_is_checked_by_its_content_and_size(client, desk, ditolak):
    data = intake_data(nomor_pendaftaran=ditolak.nomor_pendaftaran, tanggal_diterima="2026-04-06")
    fake = SimpleUploadedFile("ktp.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    form = _post_intake(client, desk, data, {"scan_identitas": fake})
    assert form.errors["scan_identitas"] == [
        "Isi berkas bukan PDF, JPEG atau PNG. Pindai ulang identitas ke salah satu format itu."
    ]
    big = SimpleUploadedFile(
        "kuasa.png", b"\x89PNG\r\n\x1a\n" + b"0" * (5 * 1024 * 1024 + 1), content_type="image/png"
    )
    form = _post_intake(
        client,
        desk,
        {**data, "kunci": str(uuid.uuid4()), "kuasa_nama": "A", "kuasa_alamat": "B"},
        {"surat_kuasa": big},
    )
    assert form.errors["surat_kuasa"] == ["Ukuran berkas 5.0 MB; paling besar 5 MB."]


def test_a_double_click_registers_once(client, desk, ditolak):
    data = intake_data(nomor_pendaftaran=ditolak.nomor_pendaftaran, tanggal_diterima="2026-04-06")
    with at(DAY):
        client.force_login(desk.petugas)
        first = client.post(reverse("keberatan:baru"), data)
        second = client.post(reverse("keberatan:baru"), data)
    k = Keberatan.objects.get()
    assert first["Location"].startswith(reverse("keberatan:detail", args=[k.pk]))
    assert second["Location"] == reverse("keberatan:detail", args=[k.pk])
    assert NomorTerbit.objects.filter(jenis="keberatan").count() == 1


def test_a_failed_registration_leaves_no_scan_behind(desk, ditolak, media, monkeypatch):
    from ppid_manual.workflow import numbering

    def boom(*args, **kwargs):
        raise numbering.NumberingError("Format nomor belum diatur admin.")

    monkeypatch.setattr("keberatan.actions.next_number", boom)
    scan = io.BytesIO(b"%PDF-1.4 scan")
    upload = SimpleUploadedFile("ktp.pdf", scan.getvalue(), content_type="application/pdf")
    with at(DAY), pytest.raises(numbering.NumberingError):
        daftarkan(desk, DAY, ditolak, scan_identitas=upload)
    assert not Keberatan.objects.exists()
    stored = list(media.rglob("*.pdf")) if media.exists() else []
    assert stored == []


def test_a_missing_number_format_is_said_at_the_desk_and_nothing_is_saved(client, desk, ditolak):
    from ppid_manual.models import FormatNomor

    FormatNomor.objects.filter(jenis=FormatNomor.Jenis.KEBERATAN).delete()
    form = _post_intake(
        client,
        desk,
        intake_data(nomor_pendaftaran=ditolak.nomor_pendaftaran, tanggal_diterima="2026-04-06"),
    )
    assert form.non_field_errors() == [
        "Format nomor untuk “Nomor registrasi keberatan” belum diatur admin."
    ]
