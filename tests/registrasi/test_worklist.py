"""The work list: what needs me now, sorted by deadline, near-due and overdue marked, search,
pagination, and a constant number of queries per page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registrasi import actions
from registrasi.models import Permohonan
from tests.helpers import D, at, kotak_cari
from tests.registrasi.conftest import NIK, register

S = Permohonan.Status


def rows(response):
    return [p.pk for p in response.context["rows"]]


def test_it_sorts_by_deadline_and_marks_overdue_and_near_due(client, holidays_2026, ppid, petugas):
    with at(D(2026, 3, 2)):
        old = register(petugas, pemohon={"nama": "Lama"}, tanggal=D(2026, 3, 2))
    with at(D(2026, 3, 16)):
        new = register(petugas, pemohon={"nama": "Baru", "nik": "3171011708450001"})
    with at(D(2026, 3, 10)):
        mid = register(petugas, pemohon={"nama": "Tengah", "nik": "5103014107900002"})
    assert (old.tenggat, mid.tenggat, new.tenggat) == (
        D(2026, 3, 16),
        D(2026, 3, 31),
        D(2026, 4, 7),
    )
    with at(D(2026, 3, 27)):
        client.force_login(ppid)
        response = client.get(reverse("registrasi:daftar"))
        assert rows(response) == [old.pk, mid.pk, new.pk]
        html = response.content.decode()
        flagged = {p.pk: (p.terlambat, p.mendekati) for p in response.context["rows"]}
        # 16 March passed: overdue. 31 March is 2 working days after Friday 27 March: near due.
        assert flagged == {old.pk: (True, False), mid.pk: (False, True), new.pk: (False, False)}
        assert html.count('<tr class="overdue">') == 1
        assert html.count('<tr class="neardue">') == 1
        assert "1 terlambat" in html
        assert "1 tenggat ≤ 2 hari kerja" in html
        assert "2 hk lagi" in html


def test_near_due_counts_working_days_not_calendar_days(holidays_2026, petugas):
    with at(D(2026, 3, 9)):
        p = register(petugas, tanggal=D(2026, 3, 9))
    assert p.tenggat == D(2026, 3, 30)
    # Tuesday 17 March: 13 calendar days but 4 working days left (Nyepi, Idul Fitri and their
    # cuti bersama are skipped); Wednesday 25 March: 3 left. Not near due yet.
    for day in (D(2026, 3, 17), D(2026, 3, 25)):
        assert not p.is_near_due(day)
        assert not Permohonan.objects.near_due(day).exists()
    # Thursday 26 March: Friday 27 and Monday 30 March are left.
    assert p.is_near_due(D(2026, 3, 26))
    assert list(Permohonan.objects.near_due(D(2026, 3, 26))) == [p]
    assert p.is_near_due(D(2026, 3, 30))  # due today
    assert not p.is_overdue(D(2026, 3, 30))
    assert p.is_overdue(D(2026, 3, 31))
    assert list(Permohonan.objects.overdue(D(2026, 3, 31))) == [p]
    assert not Permohonan.objects.near_due(D(2026, 3, 31)).exists()


def test_each_role_sees_what_needs_it_now(
    client, golden_day, petugas, ppid, pelaksana_dinkes, units
):
    registered = register(petugas, pemohon={"nama": "Satu"})
    routed = register(petugas, pemohon={"nama": "Dua", "nik": "3171011708450001"})
    actions.route_to_opd(routed, by=ppid, unit=units["dinkes"])
    granted = register(petugas, pemohon={"nama": "Tiga", "nik": "5103014107900002"})
    actions.issue_decision(
        granted, actions.Putusan(keputusan=Permohonan.Keputusan.DIBERIKAN_SELURUHNYA), by=ppid
    )

    def needs(user):
        client.force_login(user)
        return set(rows(client.get(reverse("registrasi:daftar"))))

    assert needs(ppid) == {registered.pk, routed.pk, granted.pk}
    assert needs(pelaksana_dinkes) == {routed.pk}
    assert needs(petugas) == {granted.pk}


@pytest.mark.parametrize("q", ["0002/REG", "0002", "dua", "DUA", "3171011708450001", "31710117"])
def test_it_searches_by_number_name_or_nik(client, golden_day, ppid, petugas, q):
    register(petugas, pemohon={"nama": "Satu"})
    second = register(petugas, pemohon={"nama": "Made Dua", "nik": "3171011708450001"})
    client.force_login(ppid)
    response = kotak_cari(client, reverse("registrasi:daftar"), q, tab="semua")
    assert rows(response) == [second.pk]


def test_a_number_typed_from_its_start_finds_the_numbers_that_start_so(
    client, golden_day, ppid, petugas
):
    """A whole number (typed in any case, or scanned) is looked up by its start, from an
    index: it finds that number, not a longer one that merely contains it; a part from the
    middle of a number is still searched anywhere."""
    made = [
        register(petugas, pemohon={"nama": f"P {i}", "nik": f"51710141079000{i:02d}"})
        for i in range(12)
    ]
    tenth, second = made[9], made[1]
    client.force_login(ppid)

    def found(q):
        return rows(kotak_cari(client, reverse("registrasi:daftar"), q, tab="semua"))

    assert found(second.nomor_pendaftaran) == [second.pk]
    assert found(second.nomor_pendaftaran.lower()) == [second.pk]
    # "0010/..." holds "010/..." inside it, but a number typed from its start is that number.
    assert tenth.nomor_pendaftaran.startswith("0010/")
    assert found(tenth.nomor_pendaftaran[1:]) == []
    assert found(tenth.nomor_pendaftaran) == [tenth.pk]
    # The middle of a number, or its end, is still found anywhere.
    suffix = second.nomor_pendaftaran.split("/", 1)[1]
    assert len(found(suffix)) == 12


def test_a_search_lists_every_match_once_in_the_lists_order(client, golden_day, ppid, petugas):
    # A returning pemohon's requests are all found by the name; a request found both by its
    # number and by its pemohon's name is listed once.
    first = register(petugas, pemohon={"nama": "Ni Luh Regina", "nik": "5171014107900011"})
    again = register(petugas, pemohon={"nama": "Ni Luh Regina", "nik": "5171014107900011"})
    other = register(petugas, pemohon={"nama": "Satu", "nik": "5171014107900012"})
    assert first.pemohon_id == again.pemohon_id
    client.force_login(ppid)

    def found(q):
        return rows(kotak_cari(client, reverse("registrasi:daftar"), q, tab="semua"))

    assert found("regina") == [first.pk, again.pk]
    assert found("REG") == [first.pk, again.pk, other.pk]  # every number holds REG-PPID


def test_it_paginates(client, golden_day, ppid, petugas):
    for i in range(27):
        register(petugas, pemohon={"nama": f"Pemohon {i}", "nik": f"51710141079{i:05d}"[:16]})
    client.force_login(ppid)
    first = client.get(reverse("registrasi:daftar"), {"tab": "semua"})
    assert len(rows(first)) == 25
    assert "Halaman 1 dari 2" in first.content.decode()
    second = client.get(reverse("registrasi:daftar"), {"tab": "semua", "halaman": 2})
    assert len(rows(second)) == 2


def _count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_list_and_detail_query_counts_do_not_grow_with_the_data(
    client, golden_day, ppid, petugas, units
):
    p = register(petugas)
    actions.route_to_opd(p, by=ppid, unit=units["dinkes"])
    client.force_login(ppid)
    list_small = _count_queries(client, reverse("registrasi:daftar"), {"tab": "semua"})
    detail_small = _count_queries(client, reverse("registrasi:detail", args=[p.pk]))
    for i in range(6):
        extra = register(
            petugas, pemohon={"nama": f"Lain {i}", "nik": f"517101410790{i + 100:04d}"}
        )
        actions.route_to_opd(extra, by=ppid, unit=units["dinkes"])
    actions.route_to_opd(p, by=ppid, unit=units["dishub"])
    actions.extend(p, by=ppid, alasan="Perlu waktu.")
    assert _count_queries(client, reverse("registrasi:daftar"), {"tab": "semua"}) == list_small
    assert _count_queries(client, reverse("registrasi:detail", args=[p.pk])) == detail_small + 1
    # (+1: the extension's span is explained too: one more holiday lookup, not one per row.)


def test_the_detail_page_shows_steps_timeline_documents_and_the_deadline_explanation(
    client, golden_day, petugas, ppid, units
):
    p = register(petugas)
    actions.route_to_opd(p, by=ppid, unit=units["dinkes"])
    client.force_login(ppid)
    response = client.get(reverse("registrasi:detail", args=[p.pk]))
    html = response.content.decode()
    tahap = {t.nomor: t.keadaan for t in response.context["tahapan"]}
    assert tahap == {1: "selesai", 2: "selesai", 3: "sekarang", 4: "berikutnya", 5: "berikutnya"}
    steps = [step["step"].name for step in response.context["langkah"]]
    # Issue 15: "ralat" corrects a letter already issued (here the formulir, the surat).
    assert steps == ["alihkan_opd", "jawab_opd", "perpanjang", "tarik", "ralat"]
    assert "Kirim surat permintaan ke OPD" in html  # the timeline
    assert "Daftarkan (berkas lengkap)" in html
    assert "Selasa, 7 April 2026" in html
    assert "Kamis, 19 Maret 2026 — Hari Suci Nyepi" in html
    assert "Jumat, 3 April 2026 — Wafat Yesus Kristus" in html
    assert "Sabtu, 28 Maret 2026 — Sabtu (akhir pekan)" in html
    assert "Hari yang tidak dihitung (12)" in html
    assert "Surat permintaan ke Diskes" in html
    assert "Formulir permohonan (2 lembar) dan hak-hak pemohon" in html


def test_the_sop_panel_for_closed_outcomes(golden_day, petugas, ppid):
    from registrasi.alur import tahapan

    refused = register(petugas)
    actions.issue_decision(
        refused,
        actions.Putusan(keputusan=Permohonan.Keputusan.DITOLAK, pasal17=["a"], konsekuensi="x"),
        by=ppid,
    )
    refused.refresh_from_db()
    assert [t.keadaan for t in tahapan(refused, ada_penyerahan=False)] == [
        "selesai",
        "selesai",
        "selesai",
        "selesai",
        "dilewati",
    ]
    withdrawn = register(petugas, pemohon={"nik": "3171011708450001"})
    actions.withdraw(withdrawn, by=petugas, note="Ditarik.")
    withdrawn.refresh_from_db()
    panel = tahapan(withdrawn, ada_penyerahan=False)
    assert [t.keadaan for t in panel] == ["selesai", "selesai", "dilewati", "dilewati", "dilewati"]
    assert panel[1].keterangan == "Permohonan ditarik oleh pemohon sesudah tahap ini."


def test_overdue_and_open_querysets(holidays_2026, petugas, ppid):
    with at(D(2026, 3, 16)):
        running = register(petugas)
        done = register(petugas, pemohon={"nik": "3171011708450001"})
        actions.issue_decision(
            done,
            actions.Putusan(keputusan=Permohonan.Keputusan.DIBERIKAN_SELURUHNYA),
            by=ppid,
        )
    assert set(Permohonan.objects.open()) == {running, done}
    assert set(Permohonan.objects.running()) == {running}
    assert set(Permohonan.objects.overdue(D(2026, 4, 8))) == {running, done}
    running.refresh_from_db()
    done.refresh_from_db()
    assert running.is_overdue(D(2026, 4, 8))
    # The notice went out on time; the information waits past the SOP's handover target
    # (1 hk: Tuesday 17 March), and that is late too (issue 18).
    assert done.target_penyerahan == D(2026, 3, 17)
    assert not done.is_overdue(D(2026, 3, 17))
    assert done.is_overdue(D(2026, 3, 18))


def test_a_calendar_change_moves_open_deadlines_and_records_it(golden_day, petugas, admin_user):
    from ppid_manual.models import Event, HariLibur
    from ppid_manual.workflow.hari_libur import save_hari_libur

    p = register(petugas)
    assert p.tenggat == D(2026, 4, 7)
    save_hari_libur(
        HariLibur(
            tanggal=D(2026, 4, 6),
            nama="Kantor ditutup (contoh)",
            # A regional day off: the office's closure, recorded with its circular.
            jenis=HariLibur.Jenis.PENUTUPAN,
            nomor_surat="003.1/1234/B.Org",
            tanggal_surat=D(2026, 4, 1),
            libur=True,
        )
    )
    p.refresh_from_db()
    assert (p.tenggat_awal, p.tenggat) == (D(2026, 4, 8), D(2026, 4, 8))
    last = Event.objects.for_object(p).last()
    assert last.step == "tenggat_dihitung_ulang"
    assert last.from_state == last.to_state == S.TERDAFTAR
    assert last.data["tenggat"]["tenggat"] == ["2026-04-07", "2026-04-08"]


def test_an_extended_deadline_moves_from_the_original_one(golden_day, petugas, ppid):
    from ppid_manual.models import HariLibur
    from ppid_manual.workflow.hari_libur import save_hari_libur

    p = register(petugas)
    actions.extend(p, by=ppid, alasan="Perlu waktu.")
    save_hari_libur(
        HariLibur(
            tanggal=D(2026, 4, 14), nama="Libur contoh", jenis=HariLibur.Jenis.LAINNYA, libur=True
        )
    )
    p.refresh_from_db()
    assert (p.tenggat_awal, p.tenggat) == (D(2026, 4, 7), D(2026, 4, 17))


def test_returning_pemohon_found_by_nik_in_the_search(client, golden_day, ppid, petugas):
    register(petugas)
    client.force_login(ppid)
    response = client.get(reverse("registrasi:daftar"), {"tab": "semua", "q": NIK})
    assert len(rows(response)) == 1
