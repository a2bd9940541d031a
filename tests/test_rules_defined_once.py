"""Every rule printed from its one definition: no page, letter or message types a day count
("10 hari kerja", "2 hk") or a citation ("Pasal 22 ayat (7)") itself. The counts come from the
law's and the SOP's lengths (ppid_manual/hukum.py HARI_KERJA, the DeadlineSpec, HK_DEKAT; the
{% hk %} tag), the citations from the one table (hukum.KUTIPAN, hukum.pasal(), {% pasal %}).

The scan reads every template and every string constant of the apps' Python (docstrings and
comments are not shown to anyone; migrations keep history), and names each offence file:line."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.template import Context, Template

from ppid_manual import hukum
from ppid_manual.workflow.deadlines import HK_DEKAT

ROOT = Path(__file__).resolve().parent.parent
APPS = ("layanan", "registrasi", "keberatan", "dip", "pemohon", "ppid_manual")
# The one module where the law is written down (its citation table and its own words).
TABEL = ROOT / "ppid_manual" / "hukum.py"

HARI_KERJA = re.compile(r"\d+\)?\s*(\([a-z ]+\)\s*)?hari kerja|\d+\s*hk\b")
PASAL = re.compile(r"\bPasal\s")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _python_strings():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts or path == TABEL:
                continue
            tree = ast.parse(path.read_text(), str(path))
            docstrings = _docstrings(tree)
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in docstrings
                ):
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def _template_lines():
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for number, line in enumerate(path.read_text().split("\n"), 1):
            # A template comment is for the developer.
            line = re.sub(r"\{#.*?#\}", "", line)
            yield f"{path.relative_to(ROOT)}:{number}", line


def _offences(pattern: re.Pattern) -> list[str]:
    sources = [*_python_strings(), *_template_lines()]
    return [f"{where}: {text.strip()[:80]!r}" for where, text in sources if pattern.search(text)]


def test_no_day_count_is_typed():
    offences = _offences(HARI_KERJA)
    assert not offences, "A day count typed instead of read from its definition:\n" + "\n".join(
        offences
    )


def test_no_citation_outside_the_table():
    offences = _offences(PASAL)
    assert not offences, "A 'Pasal' typed outside ppid_manual/hukum.py KUTIPAN:\n" + "\n".join(
        offences
    )


@pytest.mark.parametrize(
    "typed",
    [
        "Tenggat 10 hari kerja",
        "30 (tiga puluh) hari kerja",
        "lewat 30 hk",
        "≤ 2 hari kerja",
    ],
)
def test_the_scan_sees_a_typed_count(typed):
    assert HARI_KERJA.search(typed)


@pytest.mark.parametrize("typed", ["UU 14/2008 Pasal 22(7)", "(Pasal 35 ayat (1))"])
def test_the_scan_sees_a_typed_citation(typed):
    assert PASAL.search(typed)


def test_one_spelling_for_every_citation():
    """LETTERS.md: "Pasal 22 ayat (7)", never "22(7)"; the full title when a letter asks."""
    assert hukum.pasal("22(7)") == "Pasal 22 ayat (7)"
    assert hukum.pasal("35(1)f") == "Pasal 35 ayat (1) huruf f"
    assert hukum.pasal("17", huruf="h") == "Pasal 17 huruf h"
    assert hukum.pasal("36(1)", uu="singkat") == "Pasal 36 ayat (1) UU 14/2008"
    assert hukum.pasal("22(7)", uu="judul") == (
        "Pasal 22 ayat (7) Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
    )
    with pytest.raises(KeyError):
        hukum.pasal("99(9)")


def test_the_tags_print_the_definitions(monkeypatch):
    """The tags read the definitions when they render: a changed length shows everywhere."""
    html = '{% pasal "37(2)" %}: {% hk "sengketa" "terbilang" %}; ≤ {% hk "dekat" %} hari kerja'
    assert Template(html).render(Context()) == (
        f"Pasal 37 ayat (2): 14 (empat belas) hari kerja; ≤ {HK_DEKAT} hari kerja"
    )
    monkeypatch.setitem(hukum.HARI_KERJA, "sengketa", 15)
    assert "15 (lima belas) hari kerja" in Template(html).render(Context())
