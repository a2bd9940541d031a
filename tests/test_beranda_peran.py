"""Issue 19: each role's home shows its own work with its own deadline; the printable due list;
the menu never leads to a 403; no "---------" empty choice; a favicon."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from dip import actions as dip_actions
from keberatan.models import Keberatan
from ppid_manual.navigation import items_for
from registrasi import actions
from registrasi.models import SuratPermintaan
from tests.dip.conftest import tambah
from tests.helpers import at
from tests.keberatan.helpers import daftarkan, sampai
from tests.registrasi.conftest import register

D = datetime.date
DAY = D(2026, 3, 16)  # Monday; the golden example


@pytest.fixture
def kerja(desk, units, petugas, ppid, pelaksana_dinkes, holidays_2026):
    with at(DAY):
        routed = register(petugas, tanggal=DAY)
        surat = actions.route_to_opd(routed, by=ppid, unit=units["dinkes"])
        edisi = dip_actions.create_edisi(unit=units["dinkes"], tahun=2026, by=pelaksana_dinkes)
        tambah(edisi, pelaksana_dinkes)
    # A keberatan waiting on the Atasan (examination) and one disposed to Dinkes for a draft.
    periksa = daftarkan(desk, DAY)
    draf = daftarkan(
        desk,
        DAY,
        pemohon={
            "jenis": "perorangan",
            "nama": "Made Dua",
            "nik": "5171010101800003",
            "alamat": "Denpasar",
            "pekerjaan": "Guru",
            "telepon": "0811111111",
        },
    )
    draf = sampai(desk, draf, Keberatan.Status.DIDISPOSISI, DAY, unit=units["dinkes"])
    return SimpleNamespace(
        desk=desk,
        routed=routed,
        surat=SuratPermintaan.objects.get(pk=surat.pk),
        edisi=edisi,
        periksa=periksa,
        draf=draf,
    )


def home(client, user) -> str:
    client.force_login(user)
    with at(DAY):
        return client.get(reverse("home")).content.decode()


def rows_of(page: str) -> str:
    start = page.index('id="h-tugas"')
    return page[start : page.index("</table>", start)]


def test_the_pelaksana_sees_the_opds_own_answer_date_its_dip_and_its_draft(client, kerja):
    mine = rows_of(home(client, kerja.desk.dinkes))
    assert kerja.routed.nomor_pendaftaran in mine
    assert f"Jawab surat permintaan {kerja.surat.nomor}" in mine
    # The OPD's internal date (SOP langkah 3), not the pemohon's 10 hk.
    assert kerja.surat.tenggat_jawaban != kerja.routed.tenggat
    assert f"{kerja.surat.tenggat_jawaban.day} Maret 2026" in mine
    assert "7 April 2026" not in mine
    assert "Susun entri DIP dan ajukan ke petugas" in mine
    assert kerja.draf.nomor_registrasi in mine and "Susun draf tanggapan" in mine
    assert kerja.periksa.nomor_registrasi not in mine  # the Atasan's, not the OPD's


def test_the_atasan_sees_what_to_examine_and_sign(client, kerja):
    mine = rows_of(home(client, kerja.desk.atasan))
    assert kerja.periksa.nomor_registrasi in mine and "Periksa dan disposisi" in mine
    assert kerja.draf.nomor_registrasi not in mine
    assert kerja.routed.nomor_pendaftaran not in mine


def test_the_ppid_sees_the_pemohons_deadline_and_another_opd_sees_nothing_of_dinkes(client, kerja):
    mine = rows_of(home(client, kerja.desk.ppid))
    assert kerja.routed.nomor_pendaftaran in mine and "7 April 2026" in mine
    dishub = rows_of(home(client, kerja.desk.dishub))
    assert kerja.routed.nomor_pendaftaran not in dishub
    assert kerja.draf.nomor_registrasi not in dishub
    assert "Tidak ada pekerjaan yang menunggu Anda." in dishub


def test_the_due_list_splits_today_and_this_week(client, kerja):
    client.force_login(kerja.desk.dinkes)
    tenggat = kerja.surat.tenggat_jawaban
    # On the OPD's answer date the letter is due today; the week before it is "this week".
    with at(tenggat):
        page = client.get(reverse("jatuh_tempo")).content.decode()
    today = page[page.index('id="h-hari-ini"') : page.index('id="h-minggu-ini"')]
    assert kerja.surat.nomor in today
    monday = tenggat - datetime.timedelta(days=tenggat.weekday())
    if monday < tenggat:
        with at(monday):
            page = client.get(reverse("jatuh_tempo")).content.decode()
        week = page[page.index('id="h-minggu-ini"') :]
        assert kerja.surat.nomor in week
        assert kerja.surat.nomor not in page[: page.index('id="h-minggu-ini"')]
    assert "@media print" in open("static/css/app.css").read()


def test_no_menu_item_leads_to_a_403_for_any_role(client, kerja, admin_user):
    users = [kerja.desk.petugas, kerja.desk.ppid, kerja.desk.dinkes, kerja.desk.atasan, admin_user]
    for user in users:
        client.force_login(user)
        for item in items_for(user):
            status = client.get(item["url"]).status_code
            assert status in (200, 302), (user.username, item["url"], status)
            assert status != 403


def test_no_empty_choice_reads_dashes(client, kerja, admin_user):
    from django import forms

    from registrasi.forms import JawabanOpdForm, SuratPermintaanForm

    for form in (SuratPermintaanForm(), JawabanOpdForm(surat=kerja.surat)):
        assert "---------" not in str(form)
    client.force_login(admin_user)
    for url in (
        "/admin/ppid_manual/pejabat/add/",
        "/admin/ppid_manual/harilibur/add/",
        "/admin/registrasi/tarif/add/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "---------" not in response.content.decode(), url
    assert (
        forms.ModelChoiceField(queryset=SuratPermintaan.objects.none()).empty_label == "— pilih —"
    )


def test_a_favicon_is_linked_and_answered(client, petugas):
    client.force_login(petugas)
    page = client.get(reverse("home")).content.decode()
    assert 'rel="icon"' in page and "img/favicon" in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.ico")


def test_the_pelaksanas_work_list_shows_the_opds_own_answer_date(client, kerja):
    client.force_login(kerja.desk.dinkes)
    with at(DAY):
        page = client.get(reverse("registrasi:daftar")).content.decode()
        row = page[page.index(kerja.routed.nomor_pendaftaran) :]
        row = row[: row.index("</tr>")]
        assert "Jawaban OPD:" in row
        assert f"{kerja.surat.tenggat_jawaban.day} Maret 2026" in row
        client.force_login(kerja.desk.ppid)
        ppid_page = client.get(reverse("registrasi:daftar")).content.decode()
    assert kerja.routed.nomor_pendaftaran in ppid_page and "Jawaban OPD:" not in ppid_page


def test_the_index_of_running_requests_covers_exactly_the_running_statuses():
    """The home page reads the PPID's nearest work through a partial index (it must match
    `running()`, or PostgreSQL scans every request's deadline again)."""
    from registrasi.models import Permohonan

    [index] = [i for i in Permohonan._meta.indexes if i.name == "permohonan_berjalan_tenggat"]
    assert dict(index.condition.children)["status__in"] == list(Permohonan.CLOCK_RUNNING)
    # The overdue / near-due figures also read the requests waiting for their handover.
    [index] = [i for i in Permohonan._meta.indexes if i.name == "permohonan_penyerahan_target"]
    assert dict(index.condition.children)["status__in"] == list(Permohonan.PENYERAHAN)
    # The work list's open requests in its order.
    [index] = [i for i in Permohonan._meta.indexes if i.name == "permohonan_terbuka_urut"]
    assert dict(index.condition.children)["status__in"] == list(Permohonan.OPEN)


def test_the_home_page_lists_the_nearest_work_and_counts_the_rest(client, desk, holidays_2026):
    from layanan.views import TUGAS_BERANDA

    with at(DAY):
        made = [register(desk.petugas, tanggal=DAY) for _ in range(TUGAS_BERANDA + 2)]
        client.force_login(desk.ppid)
        response = client.get(reverse("home"))
    shown = response.context["tugas"]
    assert len(shown) == TUGAS_BERANDA
    assert response.context["tugas_lebih"] == 2
    assert [t.nomor for t in shown] == [p.nomor_pendaftaran for p in made[:TUGAS_BERANDA]]
