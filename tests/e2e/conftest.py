"""Browser journeys: Playwright for Python driving Debian's Chromium against the live server.

- Never downloads a browser: /usr/bin/chromium, headless, no sandbox, background networking off.
- The app must work offline: any request to a host other than 127.0.0.1 fails the test.
- On failure, a screenshot and the page HTML are written to test-artifacts/ and their paths
  printed, so CI's log says where to look.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.utils import timezone

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls (fixtures,
# assertions) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Offline as at a desk with the network cable out: every host but 127.0.0.1 fails to
    # resolve. (Not a Playwright route: routing every request through this process made each
    # of a journey's thousand requests wait on a round trip, and it turns the HTTP cache off.)
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESK_SCREEN = {"width": 1366, "height": 768}
# axe-core, vendored (static/vendor/axe-core, see its README): run offline in the page.
AXE_URL = "/static/vendor/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async (tags) => {
    // Only the violations are read: axe collects every node only for them (faster).
    const r = await axe.run(document, {
        runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + n.failureSummary),
    }));
}"""
# Digests of the page's markup (FNV-1a, without the CSRF tokens): the whole body, then its parts:
# the navigation bar, each section (a card with its heading: the steps a role may take, the
# applicant, the timeline, the documents...) and the rest of the body without them. The parts
# with every run of digits or asterisks read as one (the same part of another case: its number,
# its dates, its keys in the links, the NIK masked for a role that may not see it) and every run
# of whitespace read as one space (the template's blank lines around a section that is not
# shown; HTML lays out a run of spaces as one).
AXE_STATE = """() => {
    const digest = (html, bagian) => {
        html = html.replace(/name="csrfmiddlewaretoken" value="[^"]*"/g, "");
        if (bagian) html = html.replace(/[0-9*]+/g, "0").replace(/\\s+/g, " ");
        let h = 0x811c9dc5;
        for (let i = 0; i < html.length; i++) h = Math.imul(h ^ html.charCodeAt(i), 16777619);
        return (h >>> 0).toString(16) + ":" + html.length;
    };
    const body = document.body.cloneNode(true);
    const parts = [...body.querySelectorAll("nav.navbar, section")]
        .filter((el) => !el.parentElement.closest("nav.navbar, section"));
    const digests = parts.map((el) => (el.matches("nav") ? "nav " : "section ")
        + digest(el.outerHTML, true));
    parts.forEach((el) => el.remove());
    digests.push("rest " + digest(body.outerHTML, true));
    return [digest(document.body.outerHTML, false), digests];
}"""
# The parts of pages (AXE_STATE) the crawl checked in this process (axe_check: per_bagian),
# whichever role's crawl saw them first.
AXE_BAGIAN: set[str] = set()
# Every page checked in this run: (test, path, violations), printed at the end of the run.
AXE_LOG: list[tuple[str, str, int]] = []


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def pytest_terminal_summary(terminalreporter):
    if not AXE_LOG:
        return
    tr = terminalreporter
    bad = sum(1 for *_, n in AXE_LOG if n)
    tr.section("axe-core (WCAG 2.1 A dan AA)")
    for test, path, n in AXE_LOG:
        tr.write_line(f"{n} pelanggaran  {path}  ({test.rsplit('::', 1)[-1]})")
    tr.write_line(
        f"axe-core: {len(AXE_LOG)} halaman diperiksa, {bad} halaman dengan pelanggaran, "
        f"{sum(n for *_, n in AXE_LOG)} pelanggaran"
    )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run).")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        page = item.funcargs.get("page")
        if page is not None and not page.is_closed():
            ARTIFACTS.mkdir(exist_ok=True)
            stem = re.sub(r"[^\w.-]+", "_", item.nodeid)[-120:]
            shot, html = ARTIFACTS / f"{stem}.png", ARTIFACTS / f"{stem}.html"
            try:
                page.screenshot(path=str(shot), full_page=True)
                html.write_text(page.content())
                report.sections.append(("e2e artifacts", f"screenshot: {shot}\nhtml: {html}"))
                print(f"\n[e2e] screenshot: {shot}\n[e2e] html: {html}")
            except Exception as exc:  # the report must still come out
                print(f"\n[e2e] could not save artifacts: {exc}")
    return report


def axe_check(page, *, per_bagian: bool = False) -> None:
    """Run axe-core's WCAG 2.1 A and AA rules on the page shown now; fail on any violation.

    Called by the helpers that open or show a page (login, menu, assert_fits_desk_screen), so
    every page a journey opens is checked; the `page` fixture fails a journey that loaded a
    page no helper checked. `per_bagian` (the crawl of every role's pages): a page each of whose
    parts (its navigation bar, each of its sections, the rest) was checked already in this
    process, by any role's crawl, is not checked again (the same case page in the same state
    shown to another role with other steps, or another case's page with other numbers:
    AXE_STATE). axe-core's WCAG rules read a part's own markup (and the one stylesheet of every
    page): a crawl that ran axe on every page and put each node of its results in its part
    found the same results for every part wherever it appeared."""
    page.wait_for_load_state()
    path = urlparse(page.url).path
    # The same page in the same state (URL and markup) is checked once per journey.
    whole, bagian = page.evaluate(AXE_STATE)
    state = (page.url, whole)
    page.axe_checked.add(page.url)
    if state in page.axe_states or (per_bagian and AXE_BAGIAN.issuperset(bagian)):
        return
    page.axe_states.add(state)
    if per_bagian:
        AXE_BAGIAN.update(bagian)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=f"{page.base_url}{AXE_URL}")
    violations = page.evaluate(AXE_RUN, AXE_TAGS)
    AXE_LOG.append((os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0], path, len(violations)))
    assert not violations, f"axe-core: {len(violations)} pelanggaran di {page.url}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )


@pytest.fixture
def page(browser, live_server, django_db_serialized_rollback):
    # The live server needs a transactional database, flushed after each test; the serialized
    # rollback restores what the migrations seeded (role groups, number formats) for the next.
    context = browser.new_context(
        viewport=DESK_SCREEN, locale="id-ID", timezone_id="Asia/Makassar", accept_downloads=True
    )
    outside: list[str] = []

    def guard(request):
        # Each request the page makes is seen here (it fails to resolve: see ARGS).
        # The browser's own PDF viewer (chrome-extension://, chrome://) is inside Chromium:
        # it shows a printed document the app served, and reaches no network.
        host = urlparse(request.url).hostname
        internal = ("data:", "blob:", "chrome-extension://", "chrome://")
        if host not in ("127.0.0.1", None) and not request.url.startswith(internal):
            outside.append(request.url)

    context.on("request", guard)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url  # used by the helpers below
    # Every HTML page loaded, and those axe_check saw (by full URL).
    loaded: list[str] = []
    page.axe_checked = set()
    page.axe_states = set()
    page.on("load", lambda p: loaded.append(p.url))
    yield page
    context.close()
    assert outside == [], f"the browser tried to reach outside 127.0.0.1: {outside}"
    unchecked = sorted({u for u in loaded if u not in page.axe_checked})
    assert not unchecked, f"pages loaded but not checked by axe_check: {unchecked}"


def login(page, username: str, password: str = "rahasia-123") -> None:
    page.goto(f"{page.base_url}/masuk/")
    axe_check(page)
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{page.base_url}/")
    axe_check(page)


def assert_fits_desk_screen(page) -> None:
    """No horizontal scrolling at 1366 px, the navbar on one line, and axe-core finds nothing."""
    page.wait_for_load_state()  # the stylesheets applied
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"page scrolls horizontally by {overflow}px at 1366x768"
    navbar = page.evaluate("() => document.querySelector('nav.navbar')?.offsetHeight || 0")
    assert navbar <= 60, f"the navbar wraps onto more than one line ({navbar}px high)"
    axe_check(page)


# --- The desk: people, calendar, tariff ---------------------------------------------------


@pytest.fixture
def kalender(db):
    """The real holidays of this year and next (the journeys run on real today, so every
    deadline they show is counted across the holidays that really follow it)."""
    year = timezone.localdate().year
    call_command("sync_holidays", f"--year={year}", f"--year={year + 1}", stdout=io.StringIO())


@pytest.fixture
def tarif(db):
    from registrasi.models import Tarif

    return Tarif.objects.create(
        nama="Fotokopi A4 hitam putih",
        jenis=Tarif.Jenis.PENYALINAN,
        harga=Decimal("500"),
        satuan="lembar",
        dasar_hukum="Peraturan Gubernur Bali Nomor 37 Tahun 2021",
        berlaku_dari=datetime.date(2023, 1, 1),
    )


@pytest.fixture
def desk(desk, kalender):
    """The desk of tests/conftest.py, on the real holidays of this year and next."""
    return desk


# --- What a person does -----------------------------------------------------------------


def menu(page, group: str, item: str) -> None:
    """Open a dropdown of the navigation bar and choose an entry, as a person would; the page
    it opens fits the desk screen."""
    nav = page.locator("nav.navbar")
    nav.get_by_role("button", name=group, exact=True).click()
    link = nav.get_by_role("link", name=item, exact=True)
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"{page.base_url}{href}")
    assert_fits_desk_screen(page)


def logout(page) -> None:
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(f"{page.base_url}/masuk/")
    axe_check(page)


def switch_user(page, username: str) -> None:
    """The next person at the same desk PC: log out, log in."""
    logout(page)
    login(page, username)
    assert_fits_desk_screen(page)


def focused_name(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.name || ''")


def focused_type(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.type || ''")


FOCUSED_LABEL = """() => {
    const e = document.activeElement;
    if (!e) return "";
    if (e.tagName === "BUTTON" || ["submit", "button"].includes(e.type))
        return (e.innerText || e.value || "").trim();
    const labels = [...(e.labels || [])].map((l) => l.innerText.trim()).join(" ");
    return labels || e.getAttribute("aria-label") || "";
}"""


def fill_by_keyboard(page, first, steps: list[tuple[str, str | None]]) -> list[str]:
    """Focus `first`, then for each step press Tab and check which field has the focus (and
    that it has a label), then type into it: a plain string is typed; "<Key>" presses that
    key (Space ticks a checkbox, ArrowDown picks the next radio, Enter submits from a
    button). The first step is the focused field itself (no Tab). Returns the names visited,
    in order."""
    first.focus()
    visited = []
    expected = [name for name, _ in steps]
    for i, (_, keys) in enumerate(steps):
        if i:
            page.keyboard.press("Tab")
            # A date field takes one Tab per part (day, month, year) and one for its calendar
            # button in Chromium.
            for _ in range(3):
                if focused_name(page) != visited[-1] or focused_type(page) != "date":
                    break
                page.keyboard.press("Tab")
        visited.append(focused_name(page))
        assert visited == expected[: i + 1], (
            f"tab order differs from the paper form:\n visited  {visited}\n expected {expected}"
        )
        assert page.evaluate(FOCUSED_LABEL), f"the field {visited[-1]!r} has no label"
        if keys is None:
            continue
        for key in re.findall(r"<([A-Za-z]+)>|([^<]+)", keys):
            if key[0]:
                page.keyboard.press(key[0])
            else:
                page.keyboard.type(key[1])
    return visited


def fetch(page, url: str):
    """A document the page links to, fetched with the browser's own session (as opening the
    link in a new tab would)."""
    response = page.request.get(url if url.startswith("http") else f"{page.base_url}{url}")
    assert response.ok, f"{url}: {response.status}"
    return response


PDFTOTEXT = "/usr/bin/pdftotext"


def pdf_text(body: bytes) -> str:
    """The text of a PDF (poppler-utils' pdftotext; installed by .ci/run and `make browser`):
    WeasyPrint compresses and subsets fonts, so the bytes themselves do not hold the words."""
    assert body.startswith(b"%PDF"), body[:40]
    if not shutil.which(PDFTOTEXT):
        pytest.fail(f"{PDFTOTEXT} is missing: install poppler-utils (see .ci/run).")
    out = subprocess.run(
        [PDFTOTEXT, "-layout", "-", "-"], input=body, capture_output=True, check=True
    )
    return " ".join(out.stdout.decode().split())


# --- Setup through the actions (what earlier journeys did through the screens) ----------


def permohonan_terdaftar(desk, *, nama: str = "Ni Made Ayu Lestari", rincian: str = ""):
    """A complete walk-in request registered today at the PPID Utama desk."""
    import uuid

    from registrasi import actions
    from registrasi.models import Permohonan

    return actions.register_permohonan(
        actions.Intake(
            pemohon={
                "jenis": "perorangan",
                "nama": nama,
                "nik": "5171014107900001",
                "alamat": "Jl. Gatot Subroto No. 5, Denpasar",
                "pekerjaan": "Wartawan",
                "telepon": "081234567890",
                "email": "ayu@example.id",
            },
            rincian_informasi=rincian
            or "Data cakupan imunisasi dasar lengkap per kabupaten tahun 2025",
            tujuan_penggunaan="Bahan liputan kesehatan anak",
            cara_memperoleh=Permohonan.CaraMemperoleh.HARDCOPY,
            cara_salinan=Permohonan.CaraSalinan.MENGAMBIL,
            formulir_lengkap=True,
            identitas_diterima=True,
            tanggal=timezone.localdate(),
            kunci=uuid.uuid4(),
        ),
        by=desk.petugas,
    )
