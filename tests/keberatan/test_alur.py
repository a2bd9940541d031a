"""The step table as data, the deadlines as tables of exact dates around real holiday runs, and
the deadlines moving when the calendar changes."""

from __future__ import annotations

import pytest

from keberatan.alur import ALUR, MENUNGGU, dasar_otomatis, saran_alasan, tahapan
from keberatan.models import Keberatan
from ppid_manual.models import Event, HariLibur
from ppid_manual.roles import Role
from ppid_manual.workflow.hari_libur import save_hari_libur
from registrasi.models import Permohonan
from tests.helpers import D, at, events
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai

S = Keberatan.Status
A = Keberatan.Alasan


def test_every_open_state_waits_for_someone_who_has_a_step_from_it():
    for state in Keberatan.TERBUKA:
        label, roles = MENUNGGU[state]
        assert label
        for role in roles:
            assert any(state in step.sources and role in step.roles for step in ALUR.steps), (
                state,
                role,
            )


def test_closed_states_have_no_steps_and_only_the_atasan_answers():
    # A closed case's letters may still be corrected by a ralat (issue 15), nothing else.
    assert [s.name for s in ALUR.from_state(S.SELESAI)] == ["ralat"]
    # A sengketa only gets its Komisi Informasi number and outcomes recorded (issue 18); each
    # outcome is a step to its own state, in its order (issue 24).
    assert {s.name for s in ALUR.from_state(S.SENGKETA)} == {
        "catat_nomor_ki",
        "catat_hasil_sengketa",
        "ralat",
        "hasil_mediasi_berhasil",
        "hasil_mediasi_gagal",
        "hasil_dikabulkan",
        "hasil_sebagian",
        "hasil_ditolak",
        "hasil_dicabut",
    }
    assert all(
        s.target is None or s.target in Keberatan.SENGKETA_STATUS
        for s in ALUR.from_state(S.SENGKETA)
    )
    # The ends have nothing left to record but the number and a ralat; a kasasi waits for
    # the Mahkamah Agung's ruling.
    assert {s.name for s in ALUR.from_state(S.KI_KASASI)} == {
        "catat_nomor_ki",
        "catat_hasil_sengketa",
        "ralat",
        "hasil_ma_ditolak",
        "hasil_ma_dikabulkan",
    }
    for akhir in (S.KI_MEDIASI_BERHASIL, S.KI_MA_DITOLAK, S.KI_MA_DIKABULKAN, S.KI_DICABUT):
        assert {s.name for s in ALUR.from_state(akhir)} == {"catat_nomor_ki", "ralat"}
    answers = [s for s in ALUR.steps if s.name.startswith("tanggapi_")]
    # One answer step per outcome the law allows (Pasal 36; issue 18 added the partial grant
    # and the fee and time corrections to diberikan / dikuatkan / musyawarah).
    assert len(answers) == len(Keberatan.Keputusan) == 6
    assert all(s.roles == frozenset({Role.ATASAN}) for s in answers)
    assert all(s.target == S.DITANGGAPI for s in answers)
    assert ALUR.get("daftarkan").sources == frozenset({S.BARU})


@pytest.mark.parametrize(
    "registered, pemeriksaan, tanggapan, sengketa",
    [
        # Monday in Nyepi week 2026: 18–24 March are days off (Nyepi, Idul Fitri, cuti
        # bersama), 3 April (Good Friday), 1 May, 14–15 May; the sengketa window skips
        # 27–28 May (Idul Adha) and 1 June (Pancasila).
        (D(2026, 3, 16), D(2026, 3, 30), D(2026, 5, 6), D(2026, 6, 2)),
        # A Friday start.
        (D(2026, 3, 13), D(2026, 3, 27), D(2026, 5, 5), D(2026, 5, 29)),
        # Year end: 24–25 December, 1 January, 5 January (Isra Mikraj), 5 February (Imlek).
        (D(2026, 12, 14), D(2026, 12, 21), D(2027, 1, 29), D(2027, 2, 19)),
    ],
)
def test_the_clocks_started_at_registration(
    desk, holidays_2026, registered, pemeriksaan, tanggapan, sengketa
):
    k = daftarkan(desk, registered, tanggal_dasar=registered)
    assert k.tanggal_registrasi == registered
    assert k.target_pemeriksaan == pemeriksaan  # SOP: 5 hk
    assert k.tenggat_tanggapan == tanggapan  # UU 14/2008 Pasal 36(2): 30 hk
    assert k.tenggat_sengketa == sengketa  # Pasal 37(2): 14 hk after the 30 lapse
    assert k.tenggat_terdekat == pemeriksaan


def test_a_holiday_added_later_moves_the_open_deadlines_and_says_so(desk, holidays_2026):
    k = daftarkan(desk, D(2026, 4, 6))
    assert (k.target_pemeriksaan, k.tenggat_tanggapan) == (D(2026, 4, 13), D(2026, 5, 21))
    done = sampai(desk, daftarkan(desk, D(2026, 4, 6)), S.DITANGGAPI, D(2026, 4, 7))
    assert (k.tenggat_sengketa, done.tenggat_sengketa) == (D(2026, 6, 15), D(2026, 4, 27))
    before = len(events(k))
    # The Governor's circular closes the office on Wednesday 8 April (this example) for
    # Galungan: a day off, recorded with the circular's number and date.
    with at(D(2026, 4, 7)):
        save_hari_libur(
            HariLibur(
                tanggal=D(2026, 4, 8),
                nama="Kantor ditutup: Galungan",
                jenis=HariLibur.Jenis.PENUTUPAN,
                nomor_surat="003.1/1234/B.Org",
                tanggal_surat=D(2026, 4, 1),
            )
        )
    k.refresh_from_db()
    assert k.target_pemeriksaan == D(2026, 4, 14)
    assert k.tenggat_tanggapan == D(2026, 5, 22)
    assert k.tenggat_sengketa == D(2026, 6, 17)  # chained on the moved 30 hk
    assert k.tenggat_terdekat == D(2026, 4, 14)
    [moved] = events(k)[before:]
    assert moved.step == "tenggat_dihitung_ulang"
    assert (moved.from_state, moved.to_state) == (S.TERDAFTAR, S.TERDAFTAR)
    assert "Kantor ditutup: Galungan" in moved.note
    assert moved.data["tenggat"]["tenggat_tanggapan"] == ["2026-05-21", "2026-05-22"]
    # The answered case: its 14 hk run from the answer (7 April), so they move too ...
    done.refresh_from_db()
    assert done.tenggat_sengketa == D(2026, 4, 28)
    # ... but a closed case is never touched.
    closed = sampai(desk, daftarkan(desk, D(2026, 3, 2)), S.DITANGGAPI, D(2026, 3, 3))
    from keberatan import actions

    with at(D(2026, 3, 4)):
        actions.record_acceptance(closed, by=desk.petugas, tanggal_sikap=D(2026, 3, 4))
    closed.refresh_from_db()
    count = Event.objects.for_object(closed).count()
    with at(D(2026, 3, 5)):
        save_hari_libur(
            HariLibur(
                tanggal=D(2026, 3, 10), nama="Hari libur tambahan", jenis=HariLibur.Jenis.LAINNYA
            )
        )
    assert Event.objects.for_object(closed).count() == count


def test_the_ground_and_the_suggested_reasons_come_from_the_request(desk, holidays_2026):
    p = buat_permohonan(desk, D(2026, 3, 2))  # due 16 March
    assert dasar_otomatis(p, D(2026, 3, 16)) is None  # not passed yet
    assert saran_alasan(p, D(2026, 3, 16)) is None
    dasar = dasar_otomatis(p, D(2026, 3, 17))
    assert dasar.tanggal == D(2026, 3, 16)
    assert saran_alasan(p, D(2026, 3, 17)).alasan == (A.C, A.G)
    # Answered late: the notice is the ground, and only g is suggested.
    Permohonan.objects.filter(pk=p.pk).update(
        status=Permohonan.Status.SELESAI,
        tanggal_pemberitahuan=D(2026, 3, 20),
        nomor_pemberitahuan="480/0001/PB-PPID/III/2026",
        keputusan=Permohonan.Keputusan.TIDAK_DIKUASAI,
    )
    p.refresh_from_db()
    dasar = dasar_otomatis(p, D(2026, 4, 1))
    assert dasar.tanggal == D(2026, 3, 20)
    assert "480/0001/PB-PPID/III/2026" in dasar.keterangan
    saran = saran_alasan(p, D(2026, 4, 1))
    assert saran.alasan == (A.G,)
    assert "Jumat, 20 Maret 2026" in saran.penjelasan and "Senin, 16 Maret 2026" in saran.penjelasan


def test_the_progress_panel_marks_skipped_steps_after_a_sengketa_without_answer(
    desk, holidays_2026
):
    from keberatan import actions

    k = daftarkan(desk, D(2026, 3, 16))
    with at(D(2026, 5, 7)):
        actions.record_sengketa(
            k, by=desk.petugas, tanggal_sengketa=D(2026, 5, 7), nomor_register="1/KI/2026"
        )
    k.refresh_from_db()
    assert [t.keadaan for t in tahapan(k)] == [
        "selesai",
        "selesai",
        "dilewati",
        "dilewati",
        "dilewati",
        "selesai",
    ]
