"""Accessibility on every page each role can reach, not only the journeys' pages (issue 28):
for each role, a crawl from the home page along every link of the app (same origin; not the
printed documents, downloads, the logout or Django's admin beyond its index), with a case in
every state a case can be in (tests/semua_keadaan.py: every state of a permohonan, a keberatan
and a DIP edition), each page checked by axe-core (WCAG 2.1 A and AA, tests/e2e/conftest.py:
axe_check): 0 violations.

The case page of every case (one per state) is visited by every role, shown or refused; any
other page of one shape (the same path with other numbers) is visited once per role, so a step
page reached only in some state is reached from the case in that state. One test: the cases
built once (the crawl checks pages, not letters: the steps store none), then each role in turn;
a page whose every part (navigation bar, sections, the rest) an earlier page or role's crawl
checked is not checked again (tests/e2e/conftest.py: AXE_BAGIAN)."""

from __future__ import annotations

import os
import re
from collections import deque
from urllib.parse import urljoin, urlparse

from django.urls import reverse

from ppid_manual.workflow import terbit
from tests.e2e.conftest import AXE_LOG, axe_check, login
from tests.semua_keadaan import buat_semua_keadaan

# Links that are not pages: the printed documents (PDF), downloads and exports, the logout.
BUKAN_HALAMAN = re.compile(
    r"/cetak|/unduh|/ekspor|/berkas-perkara/|format=|\.pdf|\.xlsx|\.csv|/static/|/media/|/keluar"
    r"|/admin/.+"
)
#: The roles, crawled one after another on the same cases.
PERAN = ["ppid", "petugas", "atasan", "pelaksana_dinkes", "admin"]
HALAMAN_KASUS = {
    "permohonan": "registrasi:detail",
    "keberatan": "keberatan:detail",
    "dip": "dip:edisi",
}


def _bentuk(url: str) -> str:
    """The page's shape: its path with the numbers taken out, and its query's keys."""
    u = urlparse(url)
    keys = ",".join(sorted(k.split("=")[0] for k in u.query.split("&") if k))
    return re.sub(r"\d+", "N", u.path) + "?" + keys


def jelajahi(page, awal: list[str]) -> tuple[int, set[str]]:
    """Visit `awal` (each URL once) and every page linked from the pages shown, one per shape;
    check each with axe. Returns the pages checked and the shapes seen."""
    base = page.base_url
    seen_url: set[str] = set()
    seen_bentuk: set[str] = set()
    antrean = deque((url, True) for url in awal)
    dikunjungi = 0
    while antrean:
        url, wajib = antrean.popleft()
        bentuk = _bentuk(url)
        if url in seen_url or (not wajib and bentuk in seen_bentuk):
            continue
        seen_url.add(url)
        seen_bentuk.add(bentuk)
        response = page.goto(url)
        assert response is not None and response.status < 500, (url, response and response.status)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        axe_check(page, per_bagian=True)  # a refusal (403/404) is a page too
        dikunjungi += 1
        if response.status >= 400:
            continue
        for href in page.eval_on_selector_all(
            "a[href]", "els => els.map(a => a.getAttribute('href'))"
        ):
            target = urljoin(url, href).split("#")[0]
            if not target.startswith(base) or BUKAN_HALAMAN.search(target):
                continue
            if _bentuk(target) not in seen_bentuk:
                antrean.append((target, False))
    return dikunjungi, seen_bentuk


def test_every_page_each_role_reaches_in_every_state_has_no_axe_violation(page, desk, monkeypatch):
    monkeypatch.setattr(terbit, "prepare", lambda case: [])
    kasus = buat_semua_keadaan(desk)
    halaman_kasus = [
        page.base_url + reverse(HALAMAN_KASUS[proses], args=[pk])
        for proses, per_keadaan in kasus.items()
        for pk in per_keadaan.values()
    ]
    assert len(halaman_kasus) == sum(len(k) for k in kasus.values()) >= 30
    ini = os.environ["PYTEST_CURRENT_TEST"].split(" ")[0]
    for username in PERAN:
        # Each role in turn on the same cases: signed out (the session's cookie dropped), then
        # signed in as the next.
        page.context.clear_cookies()
        sebelum = len(AXE_LOG)
        login(page, username)
        dikunjungi, bentuk = jelajahi(page, [f"{page.base_url}/", *halaman_kasus])
        diperiksa = [n for test, _, n in AXE_LOG[sebelum:] if test == ini]
        print(
            f"\nJelajah {username}: {dikunjungi} halaman dibuka, {len(bentuk)} bentuk, "
            f"axe-core dijalankan {len(diperiksa)} kali"
        )
        assert dikunjungi >= 10, f"{username}: only {dikunjungi} pages reached"
        assert diperiksa and sum(diperiksa) == 0
