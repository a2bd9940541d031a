"""Accessibility on every page each role can reach, not only the journeys' pages: for each
role, a crawl from the home page along every link of the app (same origin; not the printed
documents, downloads, the logout or Django's admin beyond its index), with cases in several
states (requests registered, routed, answered, granted and waiting, refused; a keberatan
registered and one answered; a DIP edition), each page checked by axe-core (WCAG 2.1 A and AA,
tests/e2e/conftest.py: axe_check): 0 violations. Pages of one shape (the same path with other
numbers) are visited once per role."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urljoin, urlparse

import pytest
from django.utils import timezone

from dip import actions as dip_actions
from keberatan import actions as kb
from keberatan.models import Keberatan
from registrasi import actions as reg
from registrasi.models import Permohonan, SuratPermintaan
from tests.e2e.conftest import AXE_LOG, axe_check, login, permohonan_terdaftar

# Links that are not pages: the printed documents (PDF), downloads and exports, the logout.
BUKAN_HALAMAN = re.compile(
    r"/cetak|/unduh|/ekspor|/berkas-perkara/|format=|\.pdf|\.xlsx|\.csv|/static/|/media/|/keluar"
    r"|/admin/.+"
)
BATAS_PER_PERAN = 80


def _bentuk(url: str) -> str:
    """The page's shape: its path with the numbers taken out, and its query's keys."""
    u = urlparse(url)
    keys = ",".join(sorted(k.split("=")[0] for k in u.query.split("&") if k))
    return re.sub(r"\d+", "N", u.path) + "?" + keys


@pytest.fixture
def kasus(desk):
    """Cases in the states a desk meets in a day."""
    today = timezone.localdate()
    permohonan_terdaftar(desk)
    routed = permohonan_terdaftar(desk, rincian="Data stunting 2025")
    reg.route_to_opd(routed, by=desk.ppid, unit=desk.units["dinkes"])
    granted = permohonan_terdaftar(desk, rincian="Profil kesehatan 2025")
    reg.issue_decision(
        granted, reg.Putusan(keputusan=Permohonan.Keputusan.DIBERIKAN_SELURUHNYA), by=desk.ppid
    )
    refused = permohonan_terdaftar(desk, rincian="Penerima bantuan 2025")
    reg.route_to_opd(refused, by=desk.ppid, unit=desk.units["dinkes"])
    reg.record_opd_answer(
        Permohonan.objects.get(pk=refused.pk),
        by=desk.dinkes,
        jawaban=SuratPermintaan.Jawaban.DIKECUALIKAN,
        klasifikasi=Permohonan.Klasifikasi.DIKECUALIKAN,
        isi_jawaban="Memuat data pribadi.",
        tanggal_jawaban=today,
    )
    refused = reg.issue_decision(
        Permohonan.objects.get(pk=refused.pk),
        reg.Putusan(
            keputusan=Permohonan.Keputusan.DITOLAK, pasal17=["h"], konsekuensi="Rahasia pribadi."
        ),
        by=desk.ppid,
    )
    for _ in range(2):
        k = kb.register_keberatan(
            kb.Pengajuan(
                tanggal_diterima=today,
                alasan=[Keberatan.Alasan.A],
                kasus_posisi="Permohonan ditolak.",
                tujuan_penggunaan="Bahan liputan",
                permohonan=refused,
                identitas_diterima=True,
            ),
            by=desk.petugas,
        )
    kb.record_disposisi(
        k, by=desk.atasan, unit=desk.units["utama"], isi="Siapkan draf.", sifat="biasa"
    )
    k = Keberatan.objects.get(pk=k.pk)
    kb.submit_draft(k, by=desk.ppid, keputusan="ditolak", pertimbangan="Putusan PPID tepat.")
    kb.approve_draft(Keberatan.objects.get(pk=k.pk), by=desk.atasan)
    kb.answer_keberatan(
        Keberatan.objects.get(pk=k.pk),
        by=desk.atasan,
        keputusan="ditolak",
        pertimbangan="Putusan PPID sudah tepat.",
    )
    dip_actions.create_edisi(unit=desk.units["utama"], tahun=today.year, by=desk.petugas)
    dip_actions.create_edisi(unit=desk.units["dinkes"], tahun=today.year, by=desk.dinkes)


@pytest.mark.parametrize("username", ["petugas", "ppid", "pelaksana_dinkes", "atasan", "admin"])
def test_every_page_a_role_reaches_has_no_axe_violation(page, desk, kasus, username):
    login(page, username)
    base = page.base_url
    seen: set[str] = set()
    antrean = deque([f"{base}/"])
    dikunjungi = 0
    while antrean and dikunjungi < BATAS_PER_PERAN:
        url = antrean.popleft()
        bentuk = _bentuk(url)
        if bentuk in seen:
            continue
        seen.add(bentuk)
        response = page.goto(url)
        assert response is not None and response.status < 500, (url, response and response.status)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        axe_check(page)  # a refusal (403/404) is a page too
        dikunjungi += 1
        if response.status >= 400:
            continue
        for href in page.eval_on_selector_all(
            "a[href]", "els => els.map(a => a.getAttribute('href'))"
        ):
            target = urljoin(url, href).split("#")[0]
            if not target.startswith(base) or BUKAN_HALAMAN.search(target):
                continue
            if _bentuk(target) not in seen:
                antrean.append(target)
    mine = [n for test, _, n in AXE_LOG if username in test]
    assert dikunjungi >= 10, f"{username}: only {dikunjungi} pages reached"
    assert sum(mine) == 0
