"""The screens: the access ladder per view, the work list (nearest deadline first, near-due and
overdue marked, per role), the detail page, the scans, and constant query counts."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keberatan.models import Keberatan
from tests.helpers import D, at
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai, tolak_permohonan

S = Keberatan.Status
DAY = D(2026, 4, 6)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def k(desk, holidays_2026):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 30)), D(2026, 4, 1))
    return daftarkan(
        desk,
        DAY,
        p,
        scan_identitas=SimpleUploadedFile("ktp.png", PNG, content_type="image/png"),
        kuasa_nama="Kuasa",
        kuasa_alamat="Denpasar",
        surat_kuasa=SimpleUploadedFile("kuasa.pdf", b"%PDF-1.4 kuasa", content_type="x/y"),
    )


# --- The access ladder ------------------------------------------------------------------------


def urls(k):
    return {
        "daftar": reverse("keberatan:daftar"),
        "baru": reverse("keberatan:baru"),
        "register": reverse("keberatan:register"),
        "detail": reverse("keberatan:detail", args=[k.pk]),
        "langkah": reverse("keberatan:langkah", args=[k.pk, "disposisi"]),
        "cetak_formulir": reverse("keberatan:cetak_formulir", args=[k.pk]),
        "berkas": reverse("keberatan:berkas", args=[k.pk, "identitas"]),
    }


def test_anonymous_users_go_to_the_login_page(client, k):
    for url in urls(k).values():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "persona, expected",
    [
        # daftar, baru, register, detail, langkah (disposisi), cetak_formulir, berkas
        ("petugas", [200, 200, 200, 200, 302, 200, 200]),
        ("ppid", [200, 403, 200, 200, 302, 200, 200]),
        ("atasan", [200, 403, 200, 200, 200, 200, 200]),
        # Its OPD's request: the NIK rule of ppid_manual/izin.py (as on the request's page).
        ("dinkes", [200, 403, 200, 200, 302, 200, 200]),
        ("dishub", [200, 403, 200, 404, 404, 404, 404]),  # another OPD: does not exist for it
        ("admin", [200, 403, 200, 200, 302, 200, 403]),
    ],
)
def test_the_ladder_per_view(client, desk, k, persona, expected):
    with at(DAY):
        client.force_login(getattr(desk, persona))
        got = [client.get(url).status_code for url in urls(k).values()]
    assert got == expected


def test_a_pelaksana_sees_only_keberatan_about_its_own_opds_requests(client, desk, k):
    other = daftarkan(desk, DAY)  # unlinked, disposed to nobody yet
    with at(DAY):
        client.force_login(desk.dinkes)
        rows = client.get(reverse("keberatan:daftar"), {"tab": "terbuka"}).context["rows"]
        assert [r.pk for r in rows] == [k.pk]
        client.force_login(desk.dishub)
        assert (
            list(client.get(reverse("keberatan:daftar"), {"tab": "terbuka"}).context["rows"]) == []
        )
    # Once disposed to Dishub, the unlinked one is Dishub's too.
    sampai(desk, other, S.DIDISPOSISI, DAY, unit=desk.units["dishub"])
    with at(DAY):
        rows = client.get(reverse("keberatan:daftar"), {"tab": "terbuka"}).context["rows"]
    assert [r.pk for r in rows] == [other.pk]


def test_the_nik_is_masked_for_roles_that_do_not_need_it(client, desk, k):
    with at(DAY):
        client.force_login(desk.admin)
        html = client.get(reverse("keberatan:detail", args=[k.pk])).content.decode()
        assert "5171********0001" in html and "5171010101900001" not in html
        assert "lihat pindaian identitas" not in html
        client.force_login(desk.petugas)
        html = client.get(reverse("keberatan:detail", args=[k.pk])).content.decode()
    assert "5171010101900001" in html and "lihat pindaian identitas" in html


def test_scans_are_served_by_a_checked_view_and_never_cached(client, desk, k, media):
    k.refresh_from_db()
    assert k.scan_identitas.name.startswith("keberatan/2026/04/")
    assert "ktp" not in k.scan_identitas.name  # our random name, not the scanner's
    assert (media / k.scan_identitas.name).exists()
    with at(DAY):
        client.force_login(desk.ppid)
        response = client.get(reverse("keberatan:berkas", args=[k.pk, "identitas"]))
        assert response.status_code == 200
        assert response["Cache-Control"] == "no-store"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"] == f'inline; filename="identitas-{k.pk}.png"'
        assert response["Content-Type"] == "image/png"
        assert b"".join(response.streaming_content) == PNG
        kuasa = client.get(reverse("keberatan:berkas", args=[k.pk, "surat-kuasa"]))
        assert kuasa["Content-Type"] == "application/pdf"
        assert kuasa["Cache-Control"] == "no-store"
        assert client.get(reverse("keberatan:berkas", args=[k.pk, "lain"])).status_code == 404


# --- The work list ----------------------------------------------------------------------------


def test_the_work_list_sorts_by_the_nearest_deadline_and_marks_near_and_overdue(
    client, desk, holidays_2026
):
    # Registered 16 March: the Atasan's 5-hk examination target is 30 March.
    a = daftarkan(desk, D(2026, 3, 16))
    # Registered 25 March: target 1 April.
    b = daftarkan(desk, D(2026, 3, 25))
    # Registered 6 April: target 13 April.
    c = daftarkan(desk, D(2026, 4, 6))
    assert (a.target_pemeriksaan, b.target_pemeriksaan, c.target_pemeriksaan) == (
        D(2026, 3, 30),
        D(2026, 4, 1),
        D(2026, 4, 13),
    )
    with at(D(2026, 3, 31)):
        client.force_login(desk.atasan)
        response = client.get(reverse("keberatan:daftar"))
    rows = response.context["rows"]
    assert [r.pk for r in rows] == [a.pk, b.pk, c.pk]
    assert (rows[0].terlambat_kini, rows[0].sop_lewat, rows[0].hukum_lewat) == (True, True, False)
    assert (rows[1].mendekati, rows[1].sop_dekat) == (True, True)  # 1 April: 1 hk left
    assert (rows[2].terlambat_kini, rows[2].mendekati) == (False, False)
    assert response.context["counts"] == {"terlambat": 1, "mendekati": 1}
    html = response.content.decode()
    assert '<tr class="overdue">' in html and '<tr class="neardue">' in html


def test_the_work_list_is_per_role(client, desk, holidays_2026):
    terdaftar = daftarkan(desk, DAY)
    didisposisi = sampai(desk, daftarkan(desk, DAY), S.DIDISPOSISI, DAY)
    ditanggapi = sampai(desk, daftarkan(desk, DAY), S.DITANGGAPI, DAY)
    expected = {
        "atasan": [terdaftar.pk],
        "ppid": [didisposisi.pk, ditanggapi.pk],
        "petugas": [ditanggapi.pk],
    }
    with at(DAY):
        for persona, pks in expected.items():
            client.force_login(getattr(desk, persona))
            rows = client.get(reverse("keberatan:daftar")).context["rows"]
            assert sorted(r.pk for r in rows) == sorted(pks), persona
        client.force_login(desk.petugas)
        semua = client.get(reverse("keberatan:daftar"), {"tab": "terbuka"}).context["rows"]
        assert len(semua) == 3
        cari = client.get(reverse("keberatan:daftar"), {"tab": "terbuka", "q": "0002/KEB"})
        assert [r.pk for r in cari.context["rows"]] == [didisposisi.pk]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_the_rows(client, desk, holidays_2026):
    first = sampai(desk, daftarkan(desk, DAY), S.DRAF_DIAJUKAN, DAY)
    with at(DAY):
        client.force_login(desk.ppid)
        url = reverse("keberatan:daftar") + "?tab=terbuka"
        register = reverse("keberatan:register") + "?dari=2026-01-01&sampai=2026-12-31"
        detail = reverse("keberatan:detail", args=[first.pk])
        counts = (_queries(client, url), _queries(client, register), _queries(client, detail))
    for _ in range(4):
        sampai(desk, daftarkan(desk, DAY), S.DRAF_DIAJUKAN, DAY)
    # More history on the same case: the detail page's count stays the same too.
    with at(DAY):
        from keberatan import actions

        actions.return_draft(first, by=desk.atasan, catatan="Perbaiki.")
    sampai(desk, first, S.DRAF_DIAJUKAN, DAY)
    with at(DAY):
        client.force_login(desk.ppid)
        again = (_queries(client, url), _queries(client, register), _queries(client, detail))
    assert again == counts


# --- The detail page ----------------------------------------------------------------------------


def test_the_detail_page_shows_steps_buttons_timeline_documents_and_explanations(
    client, desk, holidays_2026
):
    k = sampai(desk, daftarkan(desk, D(2026, 3, 16)), S.DIDISPOSISI, D(2026, 3, 17))
    with at(D(2026, 3, 17)):
        client.force_login(desk.ppid)
        response = client.get(reverse("keberatan:detail", args=[k.pk]))
    html = response.content.decode()
    keadaan = [t.keadaan for t in response.context["tahapan"]]
    assert keadaan == ["selesai", "selesai", "selesai", "sekarang", "berikutnya", "berikutnya"]
    assert [b["step"].name for b in response.context["langkah"]] == ["ajukan_draf"]
    assert 'data-step="ajukan_draf"' in html
    assert [e.step for e in response.context["events"]] == ["daftarkan", "disposisi"]
    assert "Lembar disposisi Atasan PPID" in html
    tenggat = {t.label: t for t in response.context["tenggat"]}
    draf = tenggat["Target draf tanggapan PPID"]
    assert (draf.mulai, draf.tenggat, draf.keadaan, draf.sisa) == (
        D(2026, 3, 17),
        D(2026, 3, 26),
        "dekat",
        2,
    )
    assert [d.reason for d in draf.dilewati] == [
        "Cuti Bersama Hari Suci Nyepi",
        "Hari Suci Nyepi",
        "Cuti Bersama Hari Raya Idul Fitri",
        "Hari Raya Idul Fitri",
        "Hari kedua dari Hari Raya Idul Fitri",
        "Cuti Bersama Hari Raya Idul Fitri",
        "Cuti Bersama Hari Raya Idul Fitri",
    ]
    assert "Rabu, 18 Maret 2026 — Cuti Bersama Hari Suci Nyepi" in html
    tanggapan = tenggat["Tenggat tanggapan Atasan PPID"]
    assert (tanggapan.tenggat, tanggapan.keadaan) == (D(2026, 5, 6), "berjalan")
    pemeriksaan = tenggat["Target pemeriksaan dan disposisi Atasan PPID"]
    assert (pemeriksaan.keadaan, pemeriksaan.selesai_pada) == ("tepat", D(2026, 3, 17))


def test_text_with_html_is_stored_as_typed_and_shown_escaped(client, desk, holidays_2026):
    from keberatan import actions

    with at(DAY):
        k = actions.register_keberatan(
            actions.Pengajuan(
                tanggal_diterima=DAY,
                alasan=["b"],
                kasus_posisi="<script>alert('x')</script> & <i>miring</i>",
                tujuan_penggunaan="Riset",
                pemohon={"jenis": "perorangan", "nama": "A <b>B</b>", "nik": "5171010101900001"},
                informasi_diminta="Laporan",
                tanggal_dasar=DAY,
                identitas_diterima=True,
            ),
            by=desk.petugas,
        )
        assert k.kasus_posisi == "<script>alert('x')</script> & <i>miring</i>"
        client.force_login(desk.ppid)
        html = client.get(reverse("keberatan:detail", args=[k.pk])).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)" in html
    assert "A &lt;b&gt;B&lt;/b&gt;" in html
    from keberatan.documents import FormulirKeberatan

    printed = FormulirKeberatan(k).render_html()
    assert "<script>alert" not in printed and "&lt;i&gt;miring&lt;/i&gt;" in printed


def test_the_intake_page_walks_from_the_lookup_to_the_form(client, desk, holidays_2026):
    with at(DAY):
        client.force_login(desk.petugas)
        page = client.get(reverse("keberatan:baru"))
        assert page.status_code == 200
        assert page.context["form"] is None
        html = page.content.decode()
        assert "Cari permohonan" in html and "?tanpa=1" in html
        unlinked = client.get(reverse("keberatan:baru"), {"tanpa": "1"}).content.decode()
    assert 'name="nik"' in unlinked and 'name="informasi_diminta"' in unlinked
    assert 'enctype="multipart/form-data"' in unlinked


def test_the_home_page_figures_link_to_the_same_rows(client, desk, holidays_2026):
    """The dashboard links here with status, tenggat and bulan; the list applies them."""
    a = daftarkan(desk, D(2026, 3, 16))  # examination target 30 March: overdue on 1 April
    b = sampai(desk, daftarkan(desk, D(2026, 3, 25)), S.DIDISPOSISI, D(2026, 3, 26))
    with at(D(2026, 4, 1)):
        client.force_login(desk.ppid)

        def pks(**params):
            response = client.get(reverse("keberatan:daftar"), params)
            return sorted(r.pk for r in response.context["rows"])

        assert pks(tab="terbuka", status=S.TERDAFTAR) == [a.pk]
        assert pks(tab="terbuka", status=S.DIDISPOSISI) == [b.pk]
        assert pks(tab="terbuka", tenggat="terlambat") == [a.pk, b.pk]  # b's draft was due 30 March
        assert pks(tab="semua", bulan="2026-03") == [a.pk, b.pk]
        assert pks(tab="semua", bulan="2026-04") == []
        assert pks(tab="semua", bulan="nonsense", status="tidak-ada") == [a.pk, b.pk]
        html = client.get(
            reverse("keberatan:daftar"), {"tab": "terbuka", "tenggat": "terlambat"}
        ).content.decode()
    assert "Melewati tenggat" in html and "Hapus saringan" in html


def test_the_request_is_linked_for_those_who_may_open_it(client, desk, holidays_2026):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 30)), D(2026, 4, 1))
    k = daftarkan(desk, DAY, p)
    link = reverse("registrasi:detail", args=[p.pk])
    with at(DAY):
        client.force_login(desk.ppid)
        assert link in client.get(reverse("keberatan:detail", args=[k.pk])).content.decode()
        client.force_login(desk.petugas)
        page = client.get(reverse("keberatan:baru"), {"nomor": p.nomor_pendaftaran})
    assert "readonly" in str(page.context["form"]["nomor_pendaftaran"])


def test_the_intake_says_when_the_request_already_has_a_keberatan(client, desk, holidays_2026):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 30)), D(2026, 4, 1))
    k = daftarkan(desk, DAY, p)
    with at(DAY):
        client.force_login(desk.petugas)
        page = client.get(reverse("keberatan:baru"), {"nomor": p.nomor_pendaftaran})
    assert page.context["sebelumnya"] == [k]
    assert "Permohonan ini sudah diajukan keberatan" in page.content.decode()
