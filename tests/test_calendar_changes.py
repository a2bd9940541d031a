"""A calendar change moves the stored deadlines of open cases only, and says how many moved."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages

from ppid_manual.models import Event, HariLibur
from ppid_manual.workflow.hari_libur import save_hari_libur
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at
from tests.keberatan.helpers import buat_permohonan, daftarkan

pytestmark = pytest.mark.usefixtures("holidays_2026")


def test_adding_and_removing_a_holiday_in_the_admin_moves_open_cases_only(client, desk):
    open_case = buat_permohonan(desk, D(2026, 6, 8))  # deadline 23 Jun (16 Jun Tahun Baru Islam)
    closed = buat_permohonan(desk, D(2026, 6, 8), nik="5171014107900002")
    with at(D(2026, 6, 9)):
        reg.withdraw(Permohonan.objects.get(pk=closed.pk), by=desk.petugas, note="Ditarik.")
    keberatan = daftarkan(desk, D(2026, 6, 8))
    assert open_case.tenggat == D(2026, 6, 23)
    keberatan_before = keberatan.tenggat_tanggapan
    closed_events = Event.objects.for_object(closed).count()

    client.force_login(desk.admin)
    with at(D(2026, 6, 10)):
        response = client.post(
            "/admin/ppid_manual/harilibur/add/",
            {
                "tanggal": "2026-06-17",
                "nama": "Hari Raya Galungan",
                # A day off for the clocks only as a recorded closure of the office.
                "jenis": "tutup",
                "dasar_hukum": "SE Gubernur Bali",
                "nomor_surat": "003.1/1234/B.Org",
                "tanggal_surat": "2026-06-01",
                "libur": "on",
                "asal": "admin",
            },
        )
    assert response.status_code == 302
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Tenggat 2 berkas yang masih berjalan dihitung ulang karena perubahan kalender." in shown

    open_case.refresh_from_db()
    closed.refresh_from_db()
    keberatan.refresh_from_db()
    assert open_case.tenggat == D(2026, 6, 24)
    assert closed.tenggat == D(2026, 6, 23)  # closed: untouched
    assert Event.objects.for_object(closed).count() == closed_events
    assert keberatan.tenggat_tanggapan > keberatan_before
    last = Event.objects.for_object(open_case).last()
    assert last.step == "tenggat_dihitung_ulang"
    assert "17 Juni 2026 Hari Raya Galungan ditambahkan" in last.note
    assert "Tenggat pemberitahuan (Pasal 22 ayat (7)): 2026-06-23 → 2026-06-24" in last.note
    assert "perpanjangan" not in last.note
    assert last.data["tenggat"]["tenggat"] == ["2026-06-23", "2026-06-24"]

    row = HariLibur.objects.get(nama="Hari Raya Galungan")
    with at(D(2026, 6, 10)):
        response = client.post(f"/admin/ppid_manual/harilibur/{row.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/ppid_manual/harilibur/"
    assert not HariLibur.objects.filter(pk=row.pk).exists()
    open_case.refresh_from_db()
    assert open_case.tenggat == D(2026, 6, 23)
    assert "dihapus" in Event.objects.for_object(open_case).last().note


def test_a_rename_moves_nothing(desk):
    p = buat_permohonan(desk, D(2026, 6, 8))
    events = Event.objects.count()
    row = HariLibur.objects.get(tanggal=D(2026, 6, 16))
    row.nama = "Tahun Baru Islam 1448 H"
    assert save_hari_libur(row) == 0
    assert Event.objects.count() == events
    p.refresh_from_db()
    assert p.tenggat == D(2026, 6, 23)


def test_the_opd_answer_deadline_moves_with_the_calendar_inside_the_legal_one(desk, settings):
    settings.PPID = {**settings.PPID, "HK_JAWABAN_OPD": 7}
    p = buat_permohonan(desk, D(2026, 6, 8))  # deadline 23 Jun (16 Jun Tahun Baru Islam)
    with at(D(2026, 6, 9)):
        surat = reg.route_to_opd(p, by=desk.ppid, unit=desk.units["dinkes"])
    assert surat.tenggat_jawaban == D(2026, 6, 19)  # 7 hk from 9 Jun, 16 Jun skipped
    answered = buat_permohonan(desk, D(2026, 6, 8), nik="5171014107900002")
    with at(D(2026, 6, 9)):
        done = reg.route_to_opd(answered, by=desk.ppid, unit=desk.units["dinkes"])
    done.tanggal_jawaban = D(2026, 6, 10)  # answered: its deadline is history
    done.save()

    with at(D(2026, 6, 10)):
        save_hari_libur(
            HariLibur(
                tanggal=D(2026, 6, 17),
                nama="Hari Raya Galungan",
                jenis=HariLibur.Jenis.PENUTUPAN,
                nomor_surat="003.1/1234/B.Org",
                tanggal_surat=D(2026, 6, 1),
            )
        )
    surat.refresh_from_db()
    done.refresh_from_db()
    assert surat.tenggat_jawaban == D(2026, 6, 22)
    assert done.tenggat_jawaban == D(2026, 6, 19)
    notes = [e.note for e in Event.objects.for_object(p).filter(step="tenggat_dihitung_ulang")]
    assert any(
        f"Surat permintaan ke OPD {surat.nomor}: Tenggat jawaban OPD: 2026-06-19 → 2026-06-22" in n
        for n in notes
    ), notes

    # A letter whose internal deadline is capped by the request's (12 hk from 9 Jun would be
    # after it) moves with the cap when a new day off moves the request.
    settings.PPID = {**settings.PPID, "HK_JAWABAN_OPD": 12}
    late = buat_permohonan(desk, D(2026, 6, 8), nik="5171014107900003")
    with at(D(2026, 6, 9)):
        capped = reg.route_to_opd(late, by=desk.ppid, unit=desk.units["dinkes"])
    late.refresh_from_db()
    assert capped.tenggat_jawaban == late.tenggat == D(2026, 6, 24)
    with at(D(2026, 6, 10)):
        save_hari_libur(
            HariLibur(
                tanggal=D(2026, 6, 24),
                nama="Kantor ditutup",
                jenis=HariLibur.Jenis.PENUTUPAN,
                nomor_surat="003.1/1234/B.Org",
                tanggal_surat=D(2026, 6, 1),
            )
        )
    late.refresh_from_db()
    capped.refresh_from_db()
    assert late.tenggat == D(2026, 6, 25)
    assert capped.tenggat_jawaban == D(2026, 6, 25)


def test_deleting_several_days_in_the_admin_counts_each_open_case_again_once(client, desk):
    p = buat_permohonan(desk, D(2026, 6, 8))  # deadline 23 Jun (16 Jun Tahun Baru Islam)
    with at(D(2026, 6, 8)):
        for day in (D(2026, 6, 17), D(2026, 6, 18)):
            save_hari_libur(
                HariLibur(
                    tanggal=day,
                    nama="Kantor ditutup",
                    jenis=HariLibur.Jenis.PENUTUPAN,
                    nomor_surat="003.1/1234/B.Org",
                    tanggal_surat=D(2026, 6, 1),
                )
            )
    p.refresh_from_db()
    assert p.tenggat == D(2026, 6, 25)
    before = Event.objects.for_object(p).count()

    client.force_login(desk.admin)
    rows = HariLibur.objects.filter(nama="Kantor ditutup")
    with at(D(2026, 6, 9)):
        response = client.post(
            "/admin/ppid_manual/harilibur/",
            {
                "action": "delete_selected",
                "_selected_action": [row.pk for row in rows],
                "post": "yes",
            },
        )
    assert response.status_code == 302
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Tenggat 1 berkas yang masih berjalan dihitung ulang karena perubahan kalender." in shown
    assert not HariLibur.objects.filter(nama="Kantor ditutup").exists()
    p.refresh_from_db()
    assert p.tenggat == D(2026, 6, 23)
    [moved] = Event.objects.for_object(p)[before:]
    assert moved.actor == desk.admin
    assert "2 hari libur dihapus" in moved.note
