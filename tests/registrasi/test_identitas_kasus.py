"""Issue 15: the identity on a case is the one given for that case. A mistyped NIK with
another person's name is shown side by side and must be confirmed; nothing rewrites an
earlier case's page or letters; both timelines say what happened."""

from __future__ import annotations

from django.urls import reverse

from pemohon.identitas import IDENTITAS_DIPERBARUI
from pemohon.models import Pemohon
from registrasi.models import Permohonan
from tests.helpers import case_url, events
from tests.registrasi.conftest import form_data

MADE = {
    "nama": "I Made Wirawan",
    "alamat": "Jl. Kenyeri No. 12, Denpasar",
    "pekerjaan": "Guru",
    "telepon": "0812 1111 2222",
    "email": "made@example.id",
}
BUDI = {
    "nama": "Budi Santoso",
    "alamat": "Jl. Diponegoro No. 7, Denpasar",
    "pekerjaan": "Wiraswasta",
    "telepon": "0813 3333 4444",
    "email": "budi@example.id",
}


def daftar(client, **fields):
    return client.post(reverse("registrasi:baru"), form_data(**fields))


def cetak(client, p, dokumen="formulir") -> bytes:
    response = client.get(reverse("registrasi:cetak", args=[p.pk, dokumen]))
    assert response.status_code == 200, response
    assert response.content.startswith(b"%PDF")
    return response.content


def test_another_name_on_a_recorded_nik_is_shown_and_needs_a_choice(client, golden_day, petugas):
    client.force_login(petugas)
    daftar(client, **MADE)
    first = Permohonan.objects.get()
    n_events = len(events(first))

    # Budi Santoso typed on I Made Wirawan's NIK: both shown, nothing saved.
    page = daftar(client, **BUDI)
    assert page.status_code == 200
    html = page.content.decode()
    assert "NIK/nomor akta ini sudah tercatat dengan data lain" in html
    assert "I Made Wirawan" in html and "Budi Santoso" in html
    assert "bandingkan keduanya, lalu pilih" in html
    # "Another person": the NIK must be corrected.
    page = daftar(client, **BUDI, identitas_pilihan="lain")
    assert "tercatat untuk pemohon lain: perbaiki sesuai KTP/akta" in page.content.decode()
    # "The same person" with another name and no reason: refused.
    page = daftar(client, **BUDI, identitas_pilihan="sama")
    assert "hanya dapat diterima dengan alasan" in page.content.decode()
    assert Permohonan.objects.count() == 1
    assert Pemohon.objects.get().nama == "I Made Wirawan"
    assert len(events(first)) == n_events


def test_the_earlier_case_keeps_its_identity_and_letters(client, golden_day, petugas):
    client.force_login(petugas)
    daftar(client, **MADE)
    first = Permohonan.objects.get()
    page_before = client.get(case_url(first)).content.decode()
    letter_before = cetak(client, first)

    response = daftar(
        client, **BUDI, identitas_pilihan="sama", identitas_alasan="Ganti nama sesuai KTP baru"
    )
    assert response.status_code == 302
    second = Permohonan.objects.latest("pk")
    pemohon = Pemohon.objects.get()  # the same person: one record, updated
    assert pemohon.nama == "Budi Santoso"

    first.refresh_from_db()
    assert first.pemohon_kasus.nama == "I Made Wirawan"
    assert second.pemohon_kasus.nama == "Budi Santoso"
    page_after = client.get(case_url(first)).content.decode()
    assert "I Made Wirawan" in page_after
    assert "Budi Santoso" not in page_after.split("Riwayat")[0]
    assert "Jl. Kenyeri No. 12, Denpasar" in page_after
    # Every reprint of the earlier case's letter reads the same, byte for byte.
    assert cetak(client, first) == letter_before
    assert "I Made Wirawan" in page_before

    # Both timelines show what happened: the earlier (open) case an event with old and new
    # values and the reason; the new case its registration with the changes; the pemohon too.
    changed = [e for e in events(first) if e.step == IDENTITAS_DIPERBARUI]
    assert len(changed) == 1
    assert changed[0].data["perubahan"]["nama"] == ["I Made Wirawan", "Budi Santoso"]
    assert "Ganti nama sesuai KTP baru" in changed[0].note
    assert changed[0].from_state == changed[0].to_state == first.status
    assert events(second)[0].data["pemohon_diubah"]["nama"] == ["I Made Wirawan", "Budi Santoso"]
    assert [e.step for e in events(pemohon)] == [IDENTITAS_DIPERBARUI]
    assert "Ganti nama sesuai KTP baru" in page_after


def test_the_same_details_need_no_confirmation(client, golden_day, petugas):
    client.force_login(petugas)
    daftar(client, **MADE)
    assert daftar(client, **MADE).status_code == 302
    assert Permohonan.objects.count() == 2
    assert not any(e.step == IDENTITAS_DIPERBARUI for e in events(Pemohon.objects.get()))


def _snapshot():
    from keberatan.models import Keberatan
    from ppid_manual.models import Event, NomorTerbit

    return (
        list(Pemohon.objects.values_list("nama", "alamat", "telepon")),
        Permohonan.objects.count(),
        Keberatan.objects.count(),
        Event.objects.count(),
        NomorTerbit.objects.count(),
    )


def test_the_actions_refuse_another_name_on_a_nik_without_a_reason(desk, holidays_2026):
    """The rule is the action's, not only the form's: whatever calls the registration (a
    permohonan or a keberatan without one), another name on a recorded NIK without a reason
    is refused with the form's words, and nothing is written: no pemohon change, no case, no
    event, no number."""
    import pytest

    from keberatan import actions as keberatan_actions
    from pemohon.identitas import NAMA_BERBEDA_TANPA_ALASAN
    from ppid_manual.workflow.engine import StepRefused
    from tests.helpers import D, at
    from tests.registrasi.conftest import NIK, register

    with at(D(2026, 4, 6)):
        register(desk.petugas, pemohon={"nama": "I Made Wirawan"})
        before = _snapshot()
        with pytest.raises(StepRefused, match="alasan yang jelas") as refusal:
            register(desk.petugas, pemohon={"nama": "Budi Santoso", "alamat": "Jl. Lain 7"})
        assert str(refusal.value) == NAMA_BERBEDA_TANPA_ALASAN
        assert _snapshot() == before
        with pytest.raises(StepRefused, match="alasan yang jelas"):
            keberatan_actions.register_keberatan(
                keberatan_actions.Pengajuan(
                    tanggal_diterima=D(2026, 4, 6),
                    alasan=["b"],
                    kasus_posisi="Permohonan tidak ditanggapi.",
                    tujuan_penggunaan="Bahan liputan",
                    pemohon={
                        "jenis": "perorangan",
                        "nama": "Budi Santoso",
                        "nik": NIK,
                        "alamat": "Jl. Lain 7",
                        "pekerjaan": "Wartawan",
                        "telepon": "081234567890",
                    },
                    informasi_diminta="Laporan keuangan 2025",
                    tanggal_dasar=D(2026, 4, 6),
                    identitas_diterima=True,
                ),
                by=desk.petugas,
            )
        assert _snapshot() == before
        # Case and spacing are not another name; with a reason another name goes through.
        register(desk.petugas, pemohon={"nama": "i made  WIRAWAN", "alamat": "Jl. Baru 1"})
        register(
            desk.petugas,
            pemohon={"nama": "Budi Santoso"},
            alasan_identitas="Ganti nama sesuai KTP baru",
        )
    assert Pemohon.objects.get().nama == "Budi Santoso"
    assert Permohonan.objects.count() == 3
