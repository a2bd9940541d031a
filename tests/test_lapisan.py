"""Layers point one way (issue 14, DESIGN.md §6): the kernel (ppid_manual outside its
`layanan` subpackage) never imports an app, not even inside a function; and no two modules of
the project import each other, directly or round a longer circle.

Both walk the source with `ast`, so an import written inside a function counts as much as one at
the top of the file: a late import hides a dependency, it does not remove it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("registrasi", "keberatan", "dip")
PACKAGES = ("ppid_manual", *APPS)
# The root URLconf includes every app's URLs and the cross-process pages: it is the wiring of
# the project (with settings and wsgi), not the kernel.
KERNEL_WIRING = {"ppid_manual.urls"}


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


def _imports(name: str, path: Path) -> set[str]:
    """The project modules that `name` imports (the longest existing prefix of each name)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
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
                    targets.add(candidate)
                    break
    targets.discard(name)
    return targets


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _is_kernel(name: str) -> bool:
    return (
        name.split(".")[0] == "ppid_manual"
        and not name.startswith("ppid_manual.layanan")
        and name not in KERNEL_WIRING
    )


def test_it_finds_the_kernel_and_the_apps():
    # The walk sees what it must judge (a guard against a test that checks nothing).
    assert "ppid_manual.workflow.engine" in MODULES
    assert "ppid_manual.layanan.dashboard" in MODULES
    assert "registrasi.models" in GRAPH["ppid_manual.layanan.dashboard"]
    assert "ppid_manual.workflow.engine" in GRAPH["registrasi.actions"]


def test_no_kernel_module_imports_an_app_or_the_cross_process_features():
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if _is_kernel(name)
        for target in targets
        if target.split(".")[0] in APPS or target.startswith("ppid_manual.layanan")
    )
    assert wrong == []


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
