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
from ppid_manual.models import Event
from registrasi import actions as reg
from registrasi.models import Permohonan, SuratPermintaan, Tarif
from tests.keberatan.helpers import D, at, daftarkan

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
    "kalender": (LOGGED_IN, "page", ""),
    "hari_libur": (LOGGED_IN, "page", ""),
    "laporan": ({PPID, ATASAN, ADMIN, OWN, OTHER}, "page", ""),
    "ekspor_online": ({PPID}, "page", ""),
    "registrasi:daftar": (DESK, "page", ""),
    "registrasi:baru": ({PETUGAS, OWN, OTHER}, "page", ""),
    "registrasi:register": ({PETUGAS, PPID, ATASAN, OWN, OTHER}, "page", ""),
    "registrasi:detail": (NOT_OTHER, "page", "p"),
    "registrasi:identitas": ({PETUGAS, PPID, ATASAN, OWN}, "file", "p"),
    "registrasi:minta_opd": ({PPID}, "step", "p"),
    "registrasi:jawab_opd": ({PPID, OWN}, "step", "p"),
    "registrasi:teruskan": ({OWN}, "step", "p"),
    "registrasi:jawab_langsung": ({OWN}, "step", "p"),
    "registrasi:putuskan": ({PPID}, "step", "p_putusan"),
    "registrasi:perpanjang": ({PPID, OWN}, "step", "p"),
    "registrasi:serahkan": ({PETUGAS, PPID, OWN}, "step", "p"),
    "registrasi:tarik": ({PETUGAS, PPID, OWN}, "step", "p"),
    "registrasi:buka_kembali": ({ATASAN}, "step", "p"),
    "registrasi:cetak": (NOT_OTHER, "page", "p_dokumen"),
    "registrasi:cetak_surat": (NOT_OTHER, "page", "p_surat"),
    "registrasi:cetak_tanda_terima": (NOT_OTHER, "page", "p_penyerahan"),
    "registrasi:cetak_kuitansi": (NOT_OTHER, "page", "p_penyerahan"),
    "keberatan:daftar": (DESK, "page", ""),
    "keberatan:baru": ({PETUGAS}, "page", ""),
    "keberatan:register": (DESK, "page", ""),
    "keberatan:detail": (NOT_OTHER, "page", "k"),
    "keberatan:langkah": ({ATASAN}, "step", "k_langkah"),
    "keberatan:cetak_formulir": (NOT_OTHER, "page", "k"),
    "keberatan:cetak_disposisi": (NOT_OTHER, "later", "k"),
    "keberatan:cetak_tanggapan": (NOT_OTHER, "later", "k"),
    "keberatan:berkas": ({PETUGAS, PPID, ATASAN}, "file", "k_berkas"),
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
    "dip:cari": (DESK, "page", ""),
}
# Public by design: the login page, logout (POST), the health check.
PUBLIC = {"login", "logout", "healthz"}


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
    assert all_url_names() == set(MATRIX) | PUBLIC


@pytest.fixture(autouse=True)
def fast_pdf(monkeypatch):
    """Access is what this file checks; the documents' PDFs are tested in each app. Rendering
    ~40 PDFs per persona would only slow the walk down."""
    monkeypatch.setattr("ppid_manual.workflow.pdf.render_pdf", lambda html: b"%PDF-1.7 uji akses")


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
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SECURE_SSL_REDIRECT = False
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
        edisi = dip_actions.buat_edisi(unit=units["dinkes"], tahun=2026, by=pelaksana_dinkes)
        info = dip_actions.tambah_informasi(
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
    scan = settings.MEDIA_ROOT / "dip" / "sk.pdf"
    scan.parent.mkdir(parents=True, exist_ok=True)
    scan.write_bytes(PDF)
    DipEdisi.objects.filter(pk=edisi.pk).update(scan_sk="dip/sk.pdf")
    p.refresh_from_db()
    kwargs = {
        "": {},
        "p": {"pk": p.pk},
        "p_putusan": {"pk": p.pk, "keputusan": Permohonan.Keputusan.DIBERIKAN_SELURUHNYA},
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
        "e_langkah": {"pk": edisi.pk, "nama": "ajukan"},
        "e_fmt": {"pk": edisi.pk, "fmt": "csv"},
        "i": {"pk": info.pk},
        "dik": {"pk": dik.pk},
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
    url = reverse(name, kwargs=world.kwargs[key])
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
