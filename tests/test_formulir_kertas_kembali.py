"""The blank paper forms (static/formulir/) are plain files, opened from the menu and from the
503 page: each links back, to the list of forms and to the app (hidden when printed)."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders

LEMBAR = [
    "formulir-permohonan.html",
    "formulir-keberatan.html",
    "tanda-bukti.html",
    "register-kertas.html",
]


@pytest.mark.parametrize("name", LEMBAR)
def test_each_paper_form_links_back_to_the_list_and_the_app(name):
    html = open(finders.find(f"formulir/{name}"), encoding="utf-8").read()
    nav = html[html.index('<nav class="tombol"') : html.index("</nav>")]
    assert '<a href="index.html">&larr; Daftar formulir kertas kosong</a>' in nav
    assert '<a href="/">Kembali ke aplikasi PPID Manual</a>' in nav


def test_the_list_of_paper_forms_links_back_to_the_app():
    html = open(finders.find("formulir/index.html"), encoding="utf-8").read()
    assert '<nav class="tombol" aria-label="Navigasi"><a href="/">' in html
    # The links are hidden on paper (formulir.css prints no .tombol).
    css = open(finders.find("formulir/formulir.css"), encoding="utf-8").read()
    assert "@media print { .tombol { display: none; }" in css
