"""Floors point one way (DESIGN.md section 6): layanan above the three processes, the processes
above pemohon, pemohon above the kernel ppid_manual. An import against that direction fails with
its file and line; so does a process importing another (but keberatan reading the request it
concerns through registrasi). And no two modules of the project import each other, directly
or round a longer circle.

Every check walks the source with `ast`, so an import written inside a function counts as much
as one at the top of the file: a late import hides a dependency, it does not remove it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The direction, written once: each floor may import the floors after it, never one before.
FLOORS = (("layanan",), ("registrasi", "keberatan", "dip"), ("pemohon",), ("ppid_manual",))
# The one sideways arrow DESIGN.md allows: a keberatan reads the request it concerns.
SIDEWAYS = {("keberatan", "registrasi")}

RANK = {folder: len(FLOORS) - i for i, floor in enumerate(FLOORS) for folder in floor}
APPS = FLOORS[1]
PACKAGES = tuple(RANK)


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            rel = path.relative_to(ROOT).with_suffix("")
            if "migrations" in rel.parts:
                continue
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _import_lines(name: str, path: Path) -> dict[str, int]:
    """The project modules that `name` imports (the longest existing prefix of each name),
    each with the line of its first import."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*up, base] if base else up)
            names = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for full in names:
            parts = full.split(".")
            for i in range(len(parts), 0, -1):
                candidate = ".".join(parts[:i])
                if candidate in MODULES:
                    if candidate != name:
                        targets[candidate] = min(targets.get(candidate, node.lineno), node.lineno)
                    break
    return targets


LINES = {name: _import_lines(name, path) for name, path in MODULES.items()}
GRAPH = {name: set(targets) for name, targets in LINES.items()}


def _folder(name: str) -> str:
    return name.split(".")[0]


def _against_the_floors(lines: dict[str, dict[str, int]]) -> list[str]:
    """Each import that points up a floor, or sideways between processes (but SIDEWAYS), as
    'file:line: module imports module'."""
    wrong = []
    for name, targets in lines.items():
        here = _folder(name)
        for target, line in targets.items():
            there = _folder(target)
            if here == there or (here, there) in SIDEWAYS:
                continue
            if RANK[there] >= RANK[here]:
                path = MODULES[name].relative_to(ROOT)
                wrong.append(f"{path}:{line}: {name} imports {target}")
    return sorted(wrong)


def test_it_finds_every_floor_and_what_it_imports():
    # The walk sees what it must judge (a guard against a test that checks nothing).
    assert {_folder(name) for name in MODULES} == set(PACKAGES)
    assert "registrasi.models" in GRAPH["layanan.dashboard"]
    assert "ppid_manual.workflow.engine" in GRAPH["registrasi.actions"]
    assert "pemohon.models" in GRAPH["registrasi.models"]


def test_the_floor_check_names_an_upward_import_with_its_file_and_line():
    lines = {"ppid_manual.hukum": {"registrasi.models": 7}, "registrasi.views": {"dip.models": 3}}
    assert _against_the_floors(lines) == [
        "ppid_manual/hukum.py:7: ppid_manual.hukum imports registrasi.models",
        "registrasi/views.py:3: registrasi.views imports dip.models",
    ]
    assert _against_the_floors({"keberatan.actions": {"registrasi.models": 1}}) == []
    assert _against_the_floors({"layanan.cari": {"pemohon.models": 1}}) == []


def test_every_import_points_down_the_floors():
    assert _against_the_floors(LINES) == []


def test_no_two_folders_import_each_other():
    pairs = {(_folder(a), _folder(b)) for a, targets in GRAPH.items() for b in targets}
    both = sorted(f"{a} <-> {b}" for a, b in pairs if a < b and (b, a) in pairs)
    assert both == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_sees_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circles_between_the_projects_modules():
    # A package's __init__ importing its own submodules is how a package is built, not a
    # circle between two modules: those edges are left out.
    graph = {
        name: {t for t in targets if not (name in MODULES and t.startswith(name + "."))}
        for name, targets in GRAPH.items()
    }
    assert _cycles(graph) == []


# Within an app, from the bottom up (STYLE.md §1): a layer imports only the layers under it.
LAYER = {"models": 0, "alur": 1, "actions": 2, "forms": 3, "views": 3, "templatetags": 3}


def _layer(name: str) -> int | None:
    parts = name.split(".")
    if parts[0] not in APPS or len(parts) < 2:
        return None
    return LAYER.get(parts[1])


def test_an_apps_models_rules_and_actions_import_no_layer_above_them():
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if (own := _layer(name)) is not None and own < 3
        for target in targets
        if (their := _layer(target)) is not None and their > own
    )
    assert wrong == []


def test_no_action_imports_a_template_tag_module():
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if name.endswith(".actions")
        for target in targets
        if ".templatetags" in target
    )
    assert wrong == []


def test_only_pages_import_forms_and_views():
    # Everything under the pages (models, rules, actions, documents, registers, imports) is
    # usable without a request: it imports no form, view or template-tag module. A form the
    # rules need (dip's import checks each row with the entry form) is handed in by the view.
    pages = {"forms", "views", "urls", "admin"}
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if name.split(".")[0] in APPS and name.split(".")[-1] not in pages
        for target in targets
        if target.split(".")[-1] in ("forms", "views") or ".templatetags" in target
    )
    assert wrong == []
