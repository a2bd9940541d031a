"""The navbar's search (issue 19): any issued number, a name, a NIK, a phone number, words of
the requested information; across permohonan, keberatan and DIP entries whatever the tab or
status; an exact number opens the case; scoped by role exactly like the record pages; bad
input of any kind gives a page, never an error and never a case outside the user's scope."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from dip import actions as dip_actions
from layanan.cari import bersihkan
from ppid_manual.kode import kode_berkas
from registrasi import actions
from registrasi.models import Permohonan
from tests.dip.conftest import tambah
from tests.helpers import at, kotak_cari
from tests.keberatan.helpers import daftarkan
from tests.registrasi.conftest import intake, register

D = datetime.date
DAY = D(2026, 3, 16)
URL = reverse("cari")


@pytest.fixture
def kasus(desk, units, petugas, ppid, pelaksana_dinkes, pelaksana_dishub, atasan, holidays_2026):
    """A request registered at the PPID Utama desk and routed to Dinkes; a returned file; a
    request registered at the Dishub desk; a keberatan; a DIP entry of Dinkes."""
    from types import SimpleNamespace

    with at(DAY):
        utama = register(petugas, tanggal=DAY)
        surat = actions.route_to_opd(utama, by=ppid, unit=units["dinkes"])
        kembali = actions.return_incomplete(
            intake(
                pemohon={
                    "nama": "I Ketut Warga",
                    "nik": "5103024506850002",
                    "telepon": "0819-9988-8777",
                },
                rincian_informasi="Peta jaringan irigasi subak Mengwi",
                identitas_diterima=False,
            ),
            by=petugas,
        )
        dishub = register(
            pelaksana_dishub,
            pemohon={"nama": "Made Sopir", "nik": "5171010101800003", "telepon": "0361 222333"},
            rincian_informasi="Jadwal uji KIR angkutan umum 2026",
            tanggal=DAY,
        )
    keberatan = daftarkan(desk, DAY)
    edisi = dip_actions.create_edisi(unit=units["dinkes"], tahun=2026, by=pelaksana_dinkes)
    entri = tambah(edisi, pelaksana_dinkes, ringkasan="Profil kesehatan Provinsi Bali tahun 2025")
    return SimpleNamespace(
        utama=Permohonan.objects.get(pk=utama.pk),
        surat=surat,
        kembali=kembali,
        dishub=dishub,
        keberatan=keberatan,
        entri=entri,
        desk=desk,
    )


def search(client, user, q):
    client.force_login(user)
    return kotak_cari(client, URL, q)


def test_it_opens_a_request_by_its_exact_number_whatever_its_tab(client, kasus):
    # The petugas's default tab does not hold a routed request; the search still opens it.
    response = search(client, kasus.desk.petugas, kasus.utama.nomor_pendaftaran)
    assert response.status_code == 302
    assert response["Location"] == reverse("registrasi:detail", args=[kasus.utama.pk])


@pytest.mark.parametrize("form", ["lower", "qr", "qr_lower", "spaces"])
def test_it_accepts_the_number_as_typed_or_scanned(client, kasus, form):
    nomor = kasus.utama.nomor_pendaftaran
    q = {
        "lower": nomor.lower(),
        "qr": kode_berkas(nomor),
        "qr_lower": kode_berkas(nomor).lower(),
        "spaces": f"  {nomor} ",
    }[form]
    response = search(client, kasus.desk.petugas, q)
    assert response["Location"] == reverse("registrasi:detail", args=[kasus.utama.pk])


def test_it_opens_a_case_by_any_number_issued_on_it(client, kasus):
    target = reverse("registrasi:detail", args=[kasus.utama.pk])
    assert search(client, kasus.desk.ppid, kasus.surat.nomor)["Location"] == target
    k = kasus.keberatan
    assert search(client, kasus.desk.ppid, k.nomor_registrasi)["Location"] == reverse(
        "keberatan:detail", args=[k.pk]
    )


def test_it_finds_by_name_nik_phone_and_words_of_the_request(client, kasus):
    ppid = kasus.desk.ppid
    by_name = search(client, ppid, "ketut warga").content.decode()
    assert reverse("registrasi:detail", args=[kasus.kembali.pk]) in by_name  # a returned file
    assert reverse("keberatan:detail", args=[kasus.keberatan.pk]) in by_name  # same pemohon
    by_nik = search(client, ppid, "5103024506850002").content.decode()
    assert reverse("registrasi:detail", args=[kasus.kembali.pk]) in by_nik
    for phone in ("081999888777", "0819 9988 8777", "+62 819-9988-8777"):
        page = search(client, ppid, phone).content.decode()
        assert reverse("registrasi:detail", args=[kasus.kembali.pk]) in page, phone
    words = search(client, ppid, "irigasi subak").content.decode()
    assert reverse("registrasi:detail", args=[kasus.kembali.pk]) in words
    assert reverse("registrasi:detail", args=[kasus.utama.pk]) not in words
    dip = search(client, ppid, "profil kesehatan").content.decode()
    assert "Profil kesehatan Provinsi Bali tahun 2025" in dip
    assert reverse("dip:edisi", args=[kasus.entri.edisi_id]) in dip


def test_it_never_shows_a_case_outside_the_users_scope(client, kasus):
    dinkes, dishub = kasus.desk.dinkes, kasus.desk.dishub
    # Dinkes sees the request routed to it, not the one registered at the Dishub desk.
    assert search(client, dinkes, kasus.utama.nomor_pendaftaran).status_code == 302
    response = search(client, dinkes, kasus.dishub.nomor_pendaftaran)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tidak ditemukan" in page
    assert reverse("registrasi:detail", args=[kasus.dishub.pk]) not in page
    dishub_url = reverse("registrasi:detail", args=[kasus.dishub.pk])
    for q in ("Made Sopir", "uji KIR", "5171010101800003", "0361 222333"):
        page = search(client, dinkes, q).content.decode()
        assert dishub_url not in page and "Tidak ditemukan" in page, q
    # ...and Dishub sees its own, not Dinkes's DIP entries nor the PPID Utama desk's request.
    assert dishub_url in search(client, dishub, "Made Sopir").content.decode()
    dip = search(client, dishub, "profil kesehatan").content.decode()
    assert "Tidak ditemukan" in dip and reverse("dip:edisi", args=[kasus.entri.edisi_id]) not in dip
    nomor = search(client, dishub, kasus.utama.nomor_pendaftaran)
    assert nomor.status_code == 200 and "Tidak ditemukan" in nomor.content.decode()


BAD = [
    "'",
    '"; DROP TABLE registrasi_permohonan; --',
    "%",
    "_",
    "%_%",
    "\\",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "a\x00b",
    "#",
    "#abcd",
    "*abcd",
    "**",
    "x" * 2000,
    "0" * 2000,
    "🙂 ünïcödé",
]


@pytest.mark.parametrize("q", BAD)
def test_bad_input_gives_a_page_never_an_error_nor_a_case_outside_scope(client, kasus, q):
    response = search(client, kasus.desk.dinkes, q)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert reverse("registrasi:detail", args=[kasus.dishub.pk]) not in page


def test_it_needs_a_login(client, db):
    response = client.get(URL, {"q": "x"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_query_is_cleaned_before_it_is_searched():
    code = kode_berkas("0001/REG-PPID/XII/2026")
    assert bersihkan(f"  {code.lower()} ") == "0001/REG-PPID/XII/2026"
    assert bersihkan("a\x00b\tc") == "abc"
    assert bersihkan("nomor#xyz") == "nomor#xyz"  # not a check code: searched as typed
    assert len(bersihkan("y" * 2000)) == 200


def test_every_role_has_the_search_box_in_the_navbar(client, kasus, admin_user):
    for user in (*vars(kasus.desk).values(),):
        if not hasattr(user, "username"):
            continue
        client.force_login(user)
        page = client.get(reverse("home")).content.decode()
        assert 'role="search"' in page and f'action="{URL}"' in page, user.username


def test_it_opens_a_case_by_its_notice_sk_or_tanda_terima_number(client, kasus):
    from tests.keberatan.helpers import tolak_permohonan

    desk = kasus.desk
    with at(DAY):
        fresh = register(desk.petugas, tanggal=DAY)
    ditolak = tolak_permohonan(desk, fresh, DAY)
    target = reverse("registrasi:detail", args=[ditolak.pk])
    for nomor in (ditolak.nomor_pemberitahuan, ditolak.nomor_sk_penolakan):
        assert nomor and search(client, desk.petugas, nomor)["Location"] == target, nomor

    with at(DAY):
        p = register(desk.petugas, tanggal=DAY)
        actions.route_to_opd(p, by=desk.ppid, unit=desk.units["dinkes"])
        actions.record_opd_answer(
            Permohonan.objects.get(pk=p.pk),
            by=desk.dinkes,
            jawaban="tersedia",
            klasifikasi=Permohonan.Klasifikasi.TERBUKA,
            isi_jawaban="Terlampir.",
            tanggal_jawaban=DAY,
        )
        actions.issue_decision(
            Permohonan.objects.get(pk=p.pk),
            actions.Putusan(keputusan=Permohonan.Keputusan.DIBERIKAN_SELURUHNYA),
            by=desk.ppid,
        )
        tanda = actions.hand_over(
            Permohonan.objects.get(pk=p.pk),
            by=desk.petugas,
            nama_penerima="Ni Made",
            cara="mengambil",
        )
    response = search(client, desk.petugas, tanda.nomor)
    assert response["Location"] == reverse("registrasi:detail", args=[p.pk])
    # A closed case is found as well as an open one.
    assert Permohonan.objects.get(pk=p.pk).status == Permohonan.Status.SELESAI
