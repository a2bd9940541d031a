"""A calendar that stays true (DESIGN.md section 4).

- `sync_holidays` against a changed package list: a day the package no longer lists is removed,
  or moved to the new date of the same day (an estimated Idul Fitri or Idul Adha that moves);
  each change re-counts the open deadlines it touches, one event per moved case; the admin's
  own rows, and the package rows an admin edited, are never touched.
- A count that reaches a year with no holiday rows warns on the case and the home page.
- Everyone sees which years are loaded and from which source."""

from __future__ import annotations

import holidays
import pytest
from django.core.management import call_command
from django.urls import reverse

from ppid_manual.management.commands import sync_holidays
from ppid_manual.models import Event, HariLibur
from tests.helpers import D, at, case_url, page
from tests.keberatan.helpers import buat_permohonan, daftarkan

ASLI = holidays.country_holidays


def paket_berubah(hapus=(), tambah=None):
    """The package's list with some days removed and some added (a later package version)."""

    def country_holidays(*args, **kwargs):
        days = dict(ASLI(*args, **kwargs))
        for d in hapus:
            days.pop(d, None)
        for d, nama in (tambah or {}).items():
            if d.year == kwargs["years"]:
                days[d] = nama
        return days

    return country_holidays


def sync(*years, out=None):
    call_command("sync_holidays", *(f"--year={y}" for y in years), stdout=out)


@pytest.fixture
def kalender_2027(db):
    sync(2026, 2027)


@pytest.mark.parametrize(
    "registered, before, after, hapus, tambah",
    [
        # Idul Fitri 2027 was estimated Wednesday 10 March with its second day on 11 March;
        # the package now lists only 11 March (Idul Fitri): 10 March is a working day again.
        (
            D(2027, 3, 1),
            D(2027, 3, 23),
            D(2027, 3, 22),
            (D(2027, 3, 10), D(2027, 3, 11)),
            {D(2027, 3, 11): "Hari Raya Idul Fitri"},
        ),
        # Idul Adha 2027 estimated Monday 17 May moves to Sunday 16 May: 17 May is worked.
        (
            D(2027, 5, 10),
            D(2027, 5, 28),
            D(2027, 5, 27),
            (D(2027, 5, 17),),
            {D(2027, 5, 16): "Hari Raya Idul Adha"},
        ),
    ],
)
def test_sync_holidays_moves_or_removes_days_the_package_no_longer_lists(
    desk, kalender_2027, monkeypatch, registered, before, after, hapus, tambah
):
    p = buat_permohonan(desk, registered)
    assert p.tenggat == before
    # The admin's own Bali row and a package row the admin edited are left alone.
    bali = HariLibur.objects.create(
        tanggal=D(2027, 3, 3),
        nama="Hari Raya Galungan",
        jenis=HariLibur.Jenis.DISPENSASI_BALI,
        libur=False,
        dasar_hukum="SE Gubernur Bali",
    )
    diedit = HariLibur.objects.get(tanggal=D(2027, 5, 6))  # Kenaikan Yesus Kristus
    diedit.diubah_admin = True
    diedit.save()
    stale = list(HariLibur.objects.filter(tanggal__in=hapus, asal=HariLibur.Asal.PAKET))
    monkeypatch.setattr(
        sync_holidays.holidays,
        "country_holidays",
        paket_berubah(hapus=(*hapus, D(2027, 5, 6)), tambah=tambah),
    )
    with at(registered):
        sync(2027)
    p.refresh_from_db()
    assert p.tenggat == after
    [moved] = [e for e in Event.objects.for_object(p) if e.step == "tenggat_dihitung_ulang"]
    assert moved.data["tenggat"]["tenggat"] == [before.isoformat(), after.isoformat()]
    assert "Kalender berubah" in moved.note
    days = dict(HariLibur.objects.filter(asal=HariLibur.Asal.PAKET).values_list("tanggal", "nama"))
    for d in hapus:
        assert d not in days or d in tambah
    for d, nama in tambah.items():
        assert days[d] == nama
    # A moved row is the same row at its new date (its history stays with it).
    for d in set(tambah) - set(hapus):
        assert HariLibur.objects.get(tanggal=d, asal=HariLibur.Asal.PAKET).pk in {
            r.pk for r in stale
        }
    bali.refresh_from_db()
    assert (bali.tanggal, bali.nama) == (D(2027, 3, 3), "Hari Raya Galungan")
    assert HariLibur.objects.filter(pk=diedit.pk, tanggal=D(2027, 5, 6)).exists()
    # Run again on the same list: nothing left to change.
    with at(registered):
        sync(2027)
    p.refresh_from_db()
    assert p.tenggat == after
    assert [e.step for e in Event.objects.for_object(p)].count("tenggat_dihitung_ulang") == 1


def test_sync_holidays_says_what_it_moved_and_removed(kalender_2027, monkeypatch, capsys):
    monkeypatch.setattr(
        sync_holidays.holidays,
        "country_holidays",
        paket_berubah(
            hapus=(D(2027, 5, 17), D(2027, 6, 1)),
            tambah={D(2027, 5, 16): "Hari Raya Idul Adha"},
        ),
    )
    sync(2027)
    out = capsys.readouterr().out
    assert "Dipindah: 17 Mei 2027 Hari Raya Idul Adha (perkiraan) → 16 Mei 2027" in out
    assert "Dihapus: 1 Juni 2027 Hari Lahir Pancasila (tidak lagi di paket)" in out
    assert "1 dipindah, 1 dihapus" in out


# --- A count into a year with no holiday rows -----------------------------------------------


def test_a_count_into_a_year_without_holiday_rows_warns_on_the_case_and_the_home_page(
    client, desk, kalender_2027
):
    # Registered Monday 20 December 2027: the request's 10 hk end in January 2028 and the
    # keberatan's 30 hk in February 2028, a year not loaded.
    p = buat_permohonan(desk, D(2027, 12, 20))
    k = daftarkan(desk, D(2027, 12, 20))
    assert (p.tenggat.year, k.tenggat_tanggapan) == (2028, D(2028, 2, 1))
    with at(D(2027, 12, 21)):
        client.force_login(desk.ppid)
        pages = [page(client.get(url)) for url in (case_url(p), case_url(k), reverse("home"))]
    for html in pages:
        assert "Kalender belum memuat hari libur tahun 2028." in html
    # Loaded: the warning goes, and the keberatan's deadline skips Imlek (26 January 2028).
    with at(D(2027, 12, 21)):
        sync(2028)
        pages = [page(client.get(url)) for url in (case_url(p), case_url(k), reverse("home"))]
    for html in pages:
        assert "Kalender belum memuat" not in html
    k.refresh_from_db()
    assert k.tenggat_tanggapan == D(2028, 2, 2)


def test_a_case_counted_within_loaded_years_shows_no_warning(client, desk, kalender_2027):
    p = buat_permohonan(desk, D(2027, 3, 1))
    with at(D(2027, 3, 2)):
        client.force_login(desk.petugas)
        assert "Kalender belum memuat" not in page(client.get(case_url(p)))


def test_the_calculator_warns_when_its_count_reaches_an_unloaded_year(client, desk, kalender_2027):
    with at(D(2027, 12, 20)):
        client.force_login(desk.petugas)
        html = page(client.get(reverse("kalender"), {"mulai": "2027-12-20", "hari": "10"}))
    assert "Kalender belum memuat hari libur tahun 2028." in html


def test_the_holiday_page_lists_the_loaded_years_and_their_sources(client, desk, kalender_2027):
    HariLibur.objects.create(
        tanggal=D(2027, 3, 3),
        nama="Hari Raya Galungan",
        jenis=HariLibur.Jenis.DISPENSASI_BALI,
        libur=False,
        dasar_hukum="SE Gubernur Bali Nomor 1 Tahun 2027",
    )
    with at(D(2027, 3, 1)):
        client.force_login(desk.admin)
        html = page(client.get(reverse("hari_libur")))
    assert "Tahun yang dimuat" in html
    assert sync_holidays.SOURCE in html
    assert "SE Gubernur Bali Nomor 1 Tahun 2027" in html
    # 2028 is next year and not loaded: said plainly, with the command to load it.
    assert "Belum ada data hari libur untuk tahun 2028" in html
    assert "sync_holidays --year 2028" in html
