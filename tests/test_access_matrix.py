"""The access matrix (issue 7): every URL of the app, taken from the URL configuration, walked
for every persona. A new URL without an entry here fails `test_every_url_has_an_entry`.

Ladder: anonymous → the login page; a role the page is not for, or the PPID Pelaksana of another
OPD → 403 or 404; the right role → the page (200), or for a workflow step whose form is not
open in the record's current state, a redirect back to the record with a message (never the
login page, never an error)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from dip import actions as dip_actions
from dip.models import DipEdisi, InformasiDikecualikan
from layanan.models import CetakanRegister
from ppid_manual.models import Event
from registrasi import actions as reg
from registrasi.models import Permohonan, SuratPermintaan, Tarif
from tests.helpers import D, at, kotak_cari
from tests.keberatan.helpers import daftarkan

# The letters each step issues are rendered and stored at the step (tests/conftest.py).
pytestmark = pytest.mark.dokumen_di_langkah

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.4\n% contoh\n"

ANON, PETUGAS, PPID, ATASAN, ADMIN, OWN, OTHER = (
    "anon",
    "petugas",
    "ppid",
    "atasan",
    "admin",
    "own",
    "other",
)
LOGGED_IN = {PETUGAS, PPID, ATASAN, ADMIN, OWN, OTHER}
DESK = LOGGED_IN
NOT_OTHER = DESK - {OTHER}

# name: (who may open it, kind, kwargs key). kind: page = 200; step = a workflow step: 200, or
# a redirect back to the record when its form is not open in the current state, and a POST by
# a role that may not take it is refused (403/404, or a redirect with a message and no new
# event); later = a document that only exists at a later step (200, or 404 before then);
# file = a scan: 200 with Cache-Control: no-store.
MATRIX: dict[str, tuple[set[str], str, str]] = {
    "home": (LOGGED_IN, "page", ""),
    "cari": (LOGGED_IN, "page", ""),
    "jatuh_tempo": (LOGGED_IN, "page", ""),
    "kalender": (LOGGED_IN, "page", ""),
    "hari_libur": (LOGGED_IN, "page", ""),
    "laporan": ({PPID, ATASAN, ADMIN, OWN, OTHER}, "page", ""),
    "ekspor_online": ({PPID}, "page", ""),
    "registrasi:daftar": (DESK, "page", ""),
    "registrasi:baru": ({PETUGAS, OWN, OTHER}, "page", ""),
    "registrasi:register": (DESK, "page", ""),
    "registrasi:identitas_berbeda": ({PPID}, "page", ""),
    "registrasi:detail": (NOT_OTHER, "page", "p"),
    # Issue 25: the berkas perkara for the Komisi Informasi, as the case page.
    "berkas_perkara_permohonan": (NOT_OTHER, "page", "p"),
    "berkas_perkara_keberatan": (NOT_OTHER, "page", "k"),
    "registrasi:identitas": ({PETUGAS, PPID, ATASAN, OWN}, "file", "p"),
    # One URL for every step page; `@step` walks each step's page (the step table's roles).
    "registrasi:langkah@minta_opd": ({PPID}, "step", "p"),
    "registrasi:langkah@jawab_opd": ({PPID, OWN}, "step", "p"),
    "registrasi:langkah@teruskan_ppid": ({OWN}, "step", "p"),
    "registrasi:langkah@jawab_langsung": ({OWN}, "step", "p"),
    "registrasi:langkah@beri_seluruhnya": ({PPID}, "step", "p"),
    "registrasi:langkah@perpanjang": ({PPID, OWN}, "step", "p"),
    "registrasi:langkah@serahkan": ({PETUGAS, PPID, OWN}, "step", "p"),
    "registrasi:langkah@tarik": ({PETUGAS, PPID, OWN}, "step", "p"),
    "registrasi:langkah@buka_kembali": ({ATASAN}, "step", "p"),
    "registrasi:cetak": (NOT_OTHER, "page", "p_dokumen"),
    "registrasi:cetak_surat": (NOT_OTHER, "page", "p_surat"),
    "registrasi:cetak_tanda_terima": (NOT_OTHER, "page", "p_penyerahan"),
    "registrasi:cetak_kuitansi": (NOT_OTHER, "page", "p_penyerahan"),
    "registrasi:cetak_ralat": (NOT_OTHER, "page", "p_ralat"),
    "keberatan:daftar": (DESK, "page", ""),
    "keberatan:baru": ({PETUGAS}, "page", ""),
    "keberatan:register": (DESK, "page", ""),
    "keberatan:detail": (NOT_OTHER, "page", "k"),
    "keberatan:langkah": ({ATASAN}, "step", "k_langkah"),
    "keberatan:cetak_formulir": (NOT_OTHER, "page", "k"),
    "keberatan:cetak_disposisi": (NOT_OTHER, "later", "k"),
    "keberatan:cetak_tanggapan": (NOT_OTHER, "later", "k"),
    "keberatan:cetak_ralat": (NOT_OTHER, "page", "k_ralat"),
    # The NIK rule of the permission table (ppid_manual/izin.py), as for a request's scan.
    "keberatan:berkas": ({PETUGAS, PPID, ATASAN, OWN}, "file", "k_berkas"),
    "dip:daftar": (DESK, "page", ""),
    "dip:edisi_baru": ({PETUGAS, PPID, OWN, OTHER}, "page", ""),
    "dip:edisi": (NOT_OTHER, "page", "e"),
    "dip:langkah": (NOT_OTHER, "step", "e_langkah"),
    "dip:informasi_tambah": ({PETUGAS, OWN}, "step", "e"),
    "dip:impor": ({PETUGAS, OWN}, "step", "e"),
    "dip:templat_impor": (NOT_OTHER, "page", "e_fmt"),
    "dip:ekspor": (NOT_OTHER, "later", "e_fmt"),
    "dip:cetak_rekap": (NOT_OTHER, "page", "e"),
    "dip:cetak_koreksi": (NOT_OTHER, "later", "e"),
    "dip:cetak_sk": (NOT_OTHER, "later", "e"),
    "dip:cetak_pengantar": (NOT_OTHER, "later", "e"),
    "dip:cetak_ralat": (NOT_OTHER, "later", "e_ralat"),
    "dip:scan_sk": (NOT_OTHER, "file", "e"),
    "dip:informasi_ubah": ({PETUGAS, OWN}, "step", "i"),
    "dip:informasi_hapus": ({PETUGAS, OWN}, "step", "i"),
    "dip:informasi_koreksi": ({PPID}, "step", "i"),
    "dip:dik_daftar": (DESK, "page", ""),
    "dip:dik_tambah": ({PPID}, "page", ""),
    "dip:dik_cetak": (DESK, "page", ""),
    "dip:dik_detail": (DESK, "page", "dik"),
    "dip:dik_ubah": ({PPID}, "page", "dik"),
    "dip:dik_cetak_uji": (DESK, "page", "dik"),
    # The PPID's keputusan adopting the DIK: every desk reads it (its POST: the PPID only,
    # tests/dip/test_penetapan_dik.py); a keputusan not issued is 404.
    "dip:dik_penetapan": (DESK, "page", ""),
    "dip:dik_cetak_penetapan": (DESK, "later", "dik"),
    "dip:cari": (DESK, "page", ""),
    # A long register printed in the background (issue 17): started by a POST of any desk
    # role (the register's own roles are checked on the POST), seen only by its owner.
    "cetak_register_mulai": (DESK, "step", ""),
    # The offer a register page sends a long period to (a GET naming register and period; the
    # register's own roles are checked there too); without them, back home with a message.
    "cetak_register_tawar": (DESK, "step", ""),
    "cetak_register": ({PPID}, "page", "cetak"),
}
# Public by design: the login page, logout (POST), the health check, the favicon.
PUBLIC = {"login", "logout", "healthz", "favicon", "formulir_kertas"}


def all_url_names() -> set[str]:
    def walk(patterns, ns=None):
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":
                    continue
                yield from walk(p.url_patterns, p.namespace or ns)
            elif isinstance(p, URLPattern):
                yield f"{ns}:{p.name}" if ns else p.name

    return set(walk(get_resolver().url_patterns))


def test_every_url_has_an_entry():
    assert all_url_names() == {name.partition("@")[0] for name in MATRIX} | PUBLIC


@pytest.fixture(autouse=True)
def fast_pdf(monkeypatch):
    """Access is what this file checks; the documents' PDFs are tested in each app. Rendering
    ~40 PDFs per persona would only slow the walk down."""
    monkeypatch.setattr("ppid_manual.workflow.pdf.render_pdf", lambda html: b"%PDF-1.7 uji akses")
    # The berkas perkara merges real PDFs; its content is tests/test_berkas_perkara.py's.
    monkeypatch.setattr(
        "layanan.berkas_perkara.susun", lambda case, request=None: b"%PDF-1.7 uji akses"
    )


@pytest.fixture
def world(
    units,
    petugas,
    ppid,
    pelaksana_dinkes,
    pelaksana_dishub,
    atasan,
    admin_user,
    pejabat,
    holidays_2026,
    media,
):
    day = D(2026, 3, 16)
    with at(day):
        tarif = Tarif.objects.create(
            nama="Fotokopi",
            jenis=Tarif.Jenis.PENYALINAN,
            harga=Decimal("500"),
            dasar_hukum="Pergub 37/2021",
            berlaku_dari=D(2023, 1, 1),
        )
        p = reg.register_permohonan(
            reg.Intake(
                pemohon={
                    "jenis": "perorangan",
                    "nama": "Pemohon",
                    "nik": "5171014107900001",
                    "alamat": "Denpasar",
                    "telepon": "0811",
                },
                rincian_informasi="Data",
                tujuan_penggunaan="Penelitian",
                cara_memperoleh=Permohonan.CaraMemperoleh.HARDCOPY,
                cara_salinan=Permohonan.CaraSalinan.MENGAMBIL,
                formulir_lengkap=True,
                identitas_diterima=True,
                tanggal=day,
                kunci=uuid.uuid4(),
                scan_identitas=SimpleUploadedFile("ktp.png", PNG, content_type="image/png"),
            ),
            by=petugas,
        )
        reg.route_to_opd(p, by=ppid, unit=units["dinkes"])
        reg.record_opd_answer(
            Permohonan.objects.get(pk=p.pk),
            by=pelaksana_dinkes,
            jawaban=SuratPermintaan.Jawaban.TERSEDIA,
            klasifikasi=Permohonan.Klasifikasi.TERBUKA,
            isi_jawaban="Terlampir.",
            tanggal_jawaban=day,
        )
        reg.issue_decision(
            Permohonan.objects.get(pk=p.pk),
            reg.Putusan(
                keputusan=Permohonan.Keputusan.DIBERIKAN_SELURUHNYA,
                uraian_informasi="Data terlampir.",
            ),
            by=ppid,
        )
        penyerahan = reg.hand_over(
            Permohonan.objects.get(pk=p.pk),
            by=petugas,
            nama_penerima="Pemohon",
            cara="mengambil",
            jumlah_halaman=4,
            tarif=tarif,
        )
        edisi = dip_actions.create_edisi(unit=units["dinkes"], tahun=2026, by=pelaksana_dinkes)
        info = dip_actions.add_informasi(
            edisi,
            by=pelaksana_dinkes,
            data={
                "ringkasan": "Renstra",
                "pejabat_penguasa": "Sekretaris",
                "penanggung_jawab": "Kepala Dinas",
                "waktu_pembuatan": "2024",
                "tempat_pembuatan": "Denpasar",
                "bentuk": "keduanya",
                "jangka_waktu_penyimpanan": "5 tahun",
                "jenis": "setiap_saat",
            },
        )
        dik = InformasiDikecualikan.objects.create(
            informasi="Rekam medis pasien",
            opd=units["dinkes"],
            pasal17="h",
            konsekuensi="Membuka rahasia pribadi.",
            jangka_waktu="Selamanya",
            ditetapkan_pada=day,
            ditetapkan_oleh=ppid,
        )
    desk = SimpleNamespace(petugas=petugas, units=units)
    k = daftarkan(
        desk,
        D(2026, 3, 20),
        Permohonan.objects.get(pk=p.pk),
        alasan=["e"],
        scan_identitas=SimpleUploadedFile("nik.pdf", PDF, content_type="application/pdf"),
    )
    scan = media / "dip" / "sk.pdf"
    scan.parent.mkdir(parents=True, exist_ok=True)
    scan.write_bytes(PDF)
    DipEdisi.objects.filter(pk=edisi.pk).update(scan_sk="dip/sk.pdf")
    p.refresh_from_db()
    cetakan = CetakanRegister.objects.create(
        jenis=CetakanRegister.Jenis.PERMOHONAN, dari=day, sampai=day, pengguna=ppid
    )
    from ppid_manual.models import DokumenTerbit
    from registrasi.actions import ralat_surat

    ralat = ralat_surat(
        p,
        dokumen=DokumenTerbit.objects.for_object(p).get(jenis="formulir"),
        fakta="pekerjaan",
        nilai="Jurnalis",
        alasan="salah tulis.",
        by=petugas,
    )
    from keberatan.actions import ralat_surat as ralat_keberatan

    ralat_k = ralat_keberatan(
        k,
        dokumen=DokumenTerbit.objects.for_object(k).get(jenis="formulir-keberatan"),
        fakta="pekerjaan",
        nilai="Jurnalis",
        alasan="salah tulis.",
        by=petugas,
    )
    kwargs = {
        "": {},
        "p_ralat": {"pk": p.pk, "ralat_pk": ralat.pk},
        "k_ralat": {"pk": k.pk, "ralat_pk": ralat_k.pk},
        "p": {"pk": p.pk},
        "p_dokumen": {"pk": p.pk, "dokumen": "formulir"},
        "p_surat": {
            "pk": p.pk,
            "surat_pk": p.suratpermintaan_set.first().pk
            if hasattr(p, "suratpermintaan_set")
            else SuratPermintaan.objects.get().pk,
        },
        "p_penyerahan": {"pk": p.pk, "penyerahan_pk": penyerahan.pk},
        "k": {"pk": k.pk},
        "k_langkah": {"pk": k.pk, "step": "disposisi"},
        "k_berkas": {"pk": k.pk, "jenis": "identitas"},
        "e": {"pk": edisi.pk},
        # The edition is not adopted here: it has no ralat yet (tests/dip/test_ralat.py).
        "e_ralat": {"pk": edisi.pk, "ralat_pk": 0},
        "e_langkah": {"pk": edisi.pk, "step": "ajukan"},
        "e_fmt": {"pk": edisi.pk, "fmt": "csv"},
        "i": {"pk": info.pk},
        "dik": {"pk": dik.pk},
        "cetak": {"pk": cetakan.pk},
    }
    users = {
        PETUGAS: petugas,
        PPID: ppid,
        ATASAN: atasan,
        ADMIN: admin_user,
        OWN: pelaksana_dinkes,
        OTHER: pelaksana_dishub,
    }
    return SimpleNamespace(kwargs=kwargs, users=users, permohonan=p, keberatan=k)


def check(client, world, name: str, persona: str, method: str):
    allowed, kind, key = MATRIX[name]
    url_name, _, step = name.partition("@")
    kwargs = dict(world.kwargs[key], **({"step": step} if step else {}))
    url = reverse(url_name, kwargs=kwargs)
    client.logout()
    if persona != ANON:
        client.force_login(world.users[persona])
    events_before = Event.objects.count()
    with at(D(2026, 3, 23)):
        response = client.get(url) if method == "GET" else client.post(url, {})
    code = response.status_code
    where = f"{method} {url} as {persona}: {code} {response.get('Location', '')}"
    if persona == ANON:
        assert code == 302 and response["Location"].startswith(reverse("login")), where
    elif persona not in allowed:
        if kind == "step" and persona != OTHER and code == 302:
            # Refused by the step table with a message on the record's page; nothing written.
            assert not response["Location"].startswith(reverse("login")), where
            assert Event.objects.count() == events_before, where + " wrote an event"
        else:
            assert code in (403, 404), where
    elif method == "GET":
        if kind in ("page", "file"):
            assert code == 200, where
        elif kind == "later":
            assert code in (200, 404) or (
                code == 302 and not response["Location"].startswith(reverse("login"))
            ), where
        else:
            assert code == 200 or (
                code == 302 and not response["Location"].startswith(reverse("login"))
            ), where
    else:
        # A POST by the right role with an empty form: refused with a message or shown with
        # errors, never an error page and never the login page.
        assert code in (200, 302, 405), where
        if code == 302:
            assert not response["Location"].startswith(reverse("login")), where
    return response


def walk(client, world, persona: str, names, method: str) -> list[str]:
    failures = []
    for name in names:
        try:
            response = check(client, world, name, persona, method)
        except AssertionError as exc:
            failures.append(str(exc))
            continue
        if MATRIX[name][1] == "file" and response.status_code == 200:
            if "no-store" not in response.get("Cache-Control", ""):
                failures.append(f"{name}: a scan is served without Cache-Control: no-store")
    return failures


@pytest.mark.parametrize("persona", [ANON, *sorted(LOGGED_IN)])
def test_get_ladder(client, world, persona):
    failures = walk(client, world, persona, sorted(MATRIX), "GET")
    assert not failures, "\n".join(failures)


# Deleting an entry goes last: the other steps need it.
STEPS = sorted(
    (n for n, (_, kind, _) in MATRIX.items() if kind == "step"),
    key=lambda n: (n == "dip:informasi_hapus", n),
)


@pytest.mark.parametrize("persona", [ANON, *sorted(LOGGED_IN)])
def test_post_ladder(client, world, persona):
    failures = walk(client, world, persona, STEPS, "POST")
    assert not failures, "\n".join(failures)


def test_public_urls(client, db):
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get(reverse("logout")).status_code == 405  # logout is a POST


def test_only_the_admin_role_reaches_the_admin(client, world):
    for persona, user in world.users.items():
        client.force_login(user)
        code = client.get("/admin/").status_code
        assert code == (200 if persona == ADMIN else 302), persona


# --- Look-ups (issue 16) ---------------------------------------------------------------------
# Every page that fills in a pemohon's identity from a number typed at the desk, walked like the
# pages above, and scoped like the records: the identity only for a user who can see a case of
# that pemohon; anyone else allowed on the page learns only that the number has no case at this
# desk. name: (query, who may open the page, who sees the identity).
NIK_DUNIA = "5171014107900001"
LOOKUPS: dict[str, tuple[dict[str, str], set[str], set[str]]] = {
    "registrasi:baru": ({"cari": NIK_DUNIA}, {PETUGAS, OWN, OTHER}, {PETUGAS, OWN}),
    "keberatan:baru": ({"nomor": "permohonan"}, {PETUGAS}, {PETUGAS}),
}


def test_every_lookup_page_is_in_the_matrix():
    assert set(LOOKUPS) <= set(MATRIX)
    for name, (_, allowed, _) in LOOKUPS.items():
        assert allowed == MATRIX[name][0], name


def lookup(client, world, name: str, persona: str):
    query, _, _ = LOOKUPS[name]
    query = {
        k: world.permohonan.nomor_pendaftaran if v == "permohonan" else v for k, v in query.items()
    }
    client.logout()
    if persona != ANON:
        client.force_login(world.users[persona])
    with at(D(2026, 3, 23)):
        if name == "registrasi:baru":
            # A NIK is looked up by POST, never in a URL (issue 24).
            return client.post(reverse(name), {**query, "cari_pemohon": "1"})
        return client.get(reverse(name), query)


@pytest.mark.parametrize("persona", [ANON, *sorted(LOGGED_IN)])
@pytest.mark.parametrize("name", sorted(LOOKUPS))
def test_lookup_ladder(client, world, name, persona):
    import hashlib

    from pemohon.models import PencarianIdentitas

    _, allowed, sees = LOOKUPS[name]
    before = PencarianIdentitas.objects.count()
    response = lookup(client, world, name, persona)
    code = response.status_code
    if persona == ANON:
        assert code == 302 and response["Location"].startswith(reverse("login"))
        assert PencarianIdentitas.objects.count() == before
        return
    if persona not in allowed:
        assert code in (403, 404)
        assert PencarianIdentitas.objects.count() == before
        return
    assert code == 200
    html = response.content.decode()
    if name == "keberatan:baru":
        shown = response.context["p"] is not None and (
            NIK_DUNIA in html or "5171********0001" in html
        )
    else:
        shown = response.context["form"].initial.get("telepon") == "0811" and (
            'value="0811"' in html
        )
    assert shown is (persona in sees)
    if persona not in sees:
        assert [str(m) for m in response.context["messages"]] == [
            "NIK ini belum memiliki berkas di meja ini."
        ]
        form = response.context["form"]
        assert all(form.initial.get(f) in (None, "") for f in ("nama", "alamat", "telepon"))
        assert "0811" not in html and "Denpasar" not in html.split("<main", 1)[1]
    if name == "registrasi:baru":  # a look-up by NIK: one row in the access log
        row = PencarianIdentitas.objects.get()
        assert row.pengguna == world.users[persona]
        assert row.jenis == PencarianIdentitas.Jenis.NIK
        assert row.sha256 == hashlib.sha256(NIK_DUNIA.encode()).hexdigest()
        assert row.ditampilkan is (persona in sees)
        assert NIK_DUNIA not in row.sha256


def test_a_desk_petugas_finds_only_its_desks_requests_for_a_keberatan(client, world, units):
    """A petugas at an OPD desk sees only that desk's requests: the keberatan look-up by nomor
    pendaftaran answers "not found" for another desk's request and fills in nobody."""
    from ppid_manual.roles import Role
    from tests.conftest import make_user

    petugas_dishub = make_user("petugas_dishub", Role.PETUGAS, units["dishub"])
    client.force_login(petugas_dishub)
    with at(D(2026, 3, 23)):
        response = client.get(
            reverse("keberatan:baru"), {"nomor": world.permohonan.nomor_pendaftaran}
        )
    assert response.status_code == 200
    assert response.context["form"] is None and response.context["p"] is None
    assert "tidak ditemukan" in response.content.decode()
    assert 'value="Pemohon"' not in response.content.decode()


def test_the_admin_reads_the_lookup_log(client, world):
    import hashlib

    from pemohon.models import PencarianIdentitas

    lookup(client, world, "registrasi:baru", OTHER)
    client.force_login(world.users[ADMIN])
    response = client.get(reverse("admin:pemohon_pencarianidentitas_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert hashlib.sha256(NIK_DUNIA.encode()).hexdigest() in html
    assert "pelaksana_dishub" in html and NIK_DUNIA not in html
    row = PencarianIdentitas.objects.get()
    with pytest.raises(PermissionError):
        row.delete()
    client.force_login(world.users[PPID])
    assert client.get(reverse("admin:pemohon_pencarianidentitas_changelist")).status_code == 302


@pytest.mark.parametrize("persona", sorted(MATRIX["registrasi:daftar"][0]))
def test_a_work_list_search_by_a_whole_nik_is_scoped_and_logged(client, world, persona):
    """The work list's search finds the requests this desk may see, and a search by a whole NIK
    is a look-up of a person: it goes in the access log like the intake form's."""
    import hashlib

    from pemohon.models import PencarianIdentitas

    client.force_login(world.users[persona])
    with at(D(2026, 3, 23)):
        response = kotak_cari(client, reverse("registrasi:daftar"), NIK_DUNIA, tab="semua")
    assert response.status_code == 200
    sees = persona != OTHER
    assert [p.pk for p in response.context["rows"]] == ([world.permohonan.pk] if sees else [])
    row = PencarianIdentitas.objects.get()
    assert (row.pengguna, row.laman, row.ditampilkan) == (
        world.users[persona],
        "registrasi:daftar",
        sees,
    )
    assert row.sha256 == hashlib.sha256(NIK_DUNIA.encode()).hexdigest()
    # A search by a name or a part of a number is not a look-up by NIK: no row.
    client.get(reverse("registrasi:daftar"), {"q": "5171"})
    assert PencarianIdentitas.objects.count() == 1


@pytest.mark.parametrize("persona", ["petugas", "own", OTHER])
def test_the_navbar_search_by_a_whole_nik_is_scoped_and_logged(client, world, persona):
    """The navbar's search (issue 19) by a whole NIK is a look-up of a person too (issue 16):
    scoped like the records, and in the access log with whether anything was shown."""
    import hashlib

    from pemohon.models import PencarianIdentitas

    client.force_login(world.users[persona])
    with at(D(2026, 3, 23)):
        response = kotak_cari(client, reverse("cari"), NIK_DUNIA)
    assert response.status_code == 200
    sees = persona != OTHER
    assert [p.pk for p in response.context["hasil"].permohonan] == (
        [world.permohonan.pk] if sees else []
    )
    row = PencarianIdentitas.objects.get()
    assert (row.pengguna, row.laman, row.ditampilkan) == (world.users[persona], "cari", sees)
    assert row.sha256 == hashlib.sha256(NIK_DUNIA.encode()).hexdigest()
    client.get(reverse("cari"), {"q": "Pemohon"})
    assert PencarianIdentitas.objects.count() == 1
