"""A register too long to print within one request (a year: ten thousand rows) is built in
the background: the PDF link offers it, a POST starts it, a page shows its progress until the
PDF can be downloaded, by its owner only (layanan/cetak_latar.py; issue 17)."""

from __future__ import annotations

import datetime
import subprocess
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from layanan import cetak_latar
from layanan.models import CetakanRegister
from ppid_manual.izin import IZIN, Aksi
from ppid_manual.roles import Role
from ppid_manual.workflow import tabel_pdf
from tests.helpers import D, at
from tests.registrasi.conftest import register

S = CetakanRegister.Status
PERIODE = {"dari": "2026-03-01", "sampai": "2026-03-31"}


@pytest.fixture
def three(golden_day, petugas, settings):
    settings.SECURE_SSL_REDIRECT = False
    return [register(petugas, rincian_informasi=f"Data ke-{i}") for i in range(3)]


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(tabel_pdf, "LANGSUNG_MAKS", 2)


@pytest.fixture
def started(monkeypatch):
    """The background start recorded, not run: the test runs the job in step."""
    pks = []
    monkeypatch.setattr(cetak_latar, "jalankan_di_latar", pks.append)
    return pks


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def start(client, django_capture_on_commit_callbacks, jenis="permohonan"):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cetak_register_mulai"), {"jenis": jenis, **PERIODE})
    assert response.status_code == 302
    return response["Location"]


def test_a_short_period_prints_at_once(client, three, ppid, small_limit, monkeypatch):
    monkeypatch.setattr(tabel_pdf, "LANGSUNG_MAKS", 3)
    client.force_login(ppid)
    response = client.get(reverse("registrasi:register"), {**PERIODE, "format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert not CetakanRegister.objects.exists()


def test_a_long_period_shows_progress_then_the_pdf(
    client,
    three,
    ppid,
    small_limit,
    started,
    django_capture_on_commit_callbacks,
    tmp_path,
    monkeypatch,
):
    client.force_login(ppid)
    offer = client.get(reverse("registrasi:register"), {**PERIODE, "format": "pdf"}, follow=True)
    html = offer.content.decode()
    assert offer.status_code == 200 and "memuat <strong>3</strong> baris" in html
    assert "Susun PDF" in html
    assert not CetakanRegister.objects.exists()  # a GET starts nothing

    url = start(client, django_capture_on_commit_callbacks)
    job = CetakanRegister.objects.get()
    assert started == [job.pk]
    assert url == reverse("cetak_register", args=[job.pk])
    assert (job.pengguna, job.jumlah_baris, job.status) == (ppid, 3, S.MENUNGGU)

    waiting = client.get(url)
    assert waiting.status_code == 200
    assert waiting["Refresh"] == "2"
    assert "Sedang disusun" in waiting.content.decode()
    assert client.get(url, {"format": "json"}).json()["status"] == "menunggu"
    assert client.get(url, {"unduh": 1}).status_code == 404

    progress = []
    real_simpan = cetak_latar._simpan
    monkeypatch.setattr(cetak_latar, "JEDA_LAPOR", 0)
    monkeypatch.setattr(
        cetak_latar,
        "_simpan",
        lambda pk, **f: (progress.append(f.get("kemajuan")), real_simpan(pk, **f)),
    )
    cetak_latar.susun(job.pk)
    steps = [p for p in progress if p is not None]
    assert steps == sorted(steps) and steps[0] < 100 and steps[-1] == 100
    assert len(steps) >= 4  # read, rows laid out, pages drawn, done

    done = client.get(url)
    assert "Refresh" not in done
    assert "Unduh PDF" in done.content.decode()
    status = client.get(url, {"format": "json"}).json()
    assert (status["status"], status["kemajuan"], status["jumlah_baris"]) == ("selesai", 100, 3)
    pdf = client.get(url, {"unduh": 1})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Cache-Control"] == "no-store"
    assert pdf.content.startswith(b"%PDF")
    text = pdf_text(pdf.content, tmp_path)
    for p in three:
        assert p.nomor_pendaftaran in text
    assert "Jumlah permohonan: 3." in text


def test_only_the_owner_sees_the_job(
    client, three, ppid, atasan, small_limit, started, django_capture_on_commit_callbacks
):
    client.force_login(ppid)
    url = start(client, django_capture_on_commit_callbacks)
    cetak_latar.susun(started[0])
    client.force_login(atasan)
    assert client.get(url).status_code == 404
    assert client.get(url, {"unduh": 1}).status_code == 404


def test_a_role_that_may_not_see_the_register_cannot_print_it(
    client, three, admin_user, started, django_capture_on_commit_callbacks, monkeypatch
):
    # Every desk role reads the Register Permohonan today; a table without the Admin shows
    # that the background print asks it.
    monkeypatch.setitem(IZIN, Aksi.REGISTER_PERMOHONAN, (Role.PETUGAS, Role.PPID))
    client.force_login(admin_user)
    response = client.post(reverse("cetak_register_mulai"), {"jenis": "permohonan", **PERIODE})
    assert response.status_code == 403
    assert not CetakanRegister.objects.exists() and not started


def test_a_failure_is_shown_and_can_be_started_again(
    client, three, ppid, started, django_capture_on_commit_callbacks, monkeypatch
):
    client.force_login(ppid)
    url = start(client, django_capture_on_commit_callbacks)

    def boom(job, user):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(cetak_latar, "_dokumen", boom)
    cetak_latar.susun(started[0])
    page = client.get(url).content.decode()
    assert "Gagal: disk penuh" in page and "Susun ulang" in page


def test_a_job_silent_for_too_long_is_shown_as_stopped(
    client, three, ppid, started, django_capture_on_commit_callbacks
):
    client.force_login(ppid)
    url = start(client, django_capture_on_commit_callbacks)
    CetakanRegister.objects.update(
        status=S.BERJALAN, diperbarui=timezone.now() - datetime.timedelta(minutes=3)
    )
    page = client.get(url)
    assert "Refresh" not in page
    assert "Penyusunan terhenti" in page.content.decode()
    assert client.get(url, {"format": "json"}).json()["terhenti"] is True


def test_old_jobs_are_deleted_when_a_new_one_starts(
    client, three, ppid, started, django_capture_on_commit_callbacks
):
    client.force_login(ppid)
    start(client, django_capture_on_commit_callbacks)
    CetakanRegister.objects.update(dibuat=timezone.now() - datetime.timedelta(days=2))
    start(client, django_capture_on_commit_callbacks)
    assert CetakanRegister.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_thread_builds_it_while_the_page_polls(
    client, units, petugas, ppid, holidays_2026, small_limit, settings, tmp_path
):
    """The real thing: a thread of this process, its own database connection."""
    settings.SECURE_SSL_REDIRECT = False
    with at(D(2026, 3, 16)):
        for i in range(3):
            register(petugas, rincian_informasi=f"Data ke-{i}")
    client.force_login(ppid)
    response = client.post(reverse("cetak_register_mulai"), {"jenis": "permohonan", **PERIODE})
    url = response["Location"]
    deadline = time.monotonic() + 30
    seen = []
    while time.monotonic() < deadline:
        status = client.get(url, {"format": "json"}).json()
        seen.append(status["status"])
        if status["status"] in ("selesai", "gagal"):
            break
        time.sleep(0.1)
    assert seen[-1] == "selesai", seen
    pdf = client.get(url, {"unduh": 1}).content
    assert pdf.startswith(b"%PDF")
    assert "Jumlah permohonan: 3." in pdf_text(pdf, tmp_path)
