"""Browser journeys: Playwright for Python driving Debian's Chromium against the live server.

- Never downloads a browser: /usr/bin/chromium, headless, no sandbox, background networking off.
- The app must work offline: any request to a host other than 127.0.0.1 fails the test.
- On failure, a screenshot and the page HTML are written to test-artifacts/ and their paths
  printed, so CI's log says where to look.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

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
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESK_SCREEN = {"width": 1366, "height": 768}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


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


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        viewport=DESK_SCREEN, locale="id-ID", timezone_id="Asia/Makassar", accept_downloads=True
    )
    outside: list[str] = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", None) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url  # used by the helpers below
    yield page
    context.close()
    assert outside == [], f"the browser tried to reach outside 127.0.0.1: {outside}"


def login(page, username: str, password: str = "rahasia-123") -> None:
    page.goto(f"{page.base_url}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{page.base_url}/")


def assert_fits_desk_screen(page) -> None:
    """No horizontal scrolling at 1366 px."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"page scrolls horizontally by {overflow}px at 1366x768"
