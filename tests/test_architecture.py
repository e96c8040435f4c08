"""The architecture rules that import-linter's contracts cannot say (see ARCHITECTURE.md).

The layers themselves are `[tool.importlinter]` contracts in pyproject.toml, checked by
`lint-imports` in `scripts/dev test`; the tests here check what is left: no import
cycle (TYPE_CHECKING imports included), small units, a thin hook, Material and MkDocs
kept in their rooms, assets kept out of Python strings, and templates free of
positional indexing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import grimp
import pytest

from .conftest import ROOT

PACKAGE = ROOT / "hooks" / "plansite"
HOOK = ROOT / "hooks" / "plansite_hook.py"
PYTHON = sorted([*PACKAGE.rglob("*.py"), HOOK, *(ROOT / "scripts").glob("*.py")])
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400
MAX_HOOK_LINES = 120


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT / "hooks").with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def find_cycle(graph: grimp.ImportGraph) -> list[str]:
    """One import cycle among the package's modules, or [] (depth-first search)."""
    modules = sorted(m for m in graph.modules if m.startswith("plansite"))
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.find_modules_directly_imported_by(module)):
            if not target.startswith("plansite"):
                continue
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        state[module] = 2
        path.pop()
        return []

    for module in modules:
        if module not in state:
            cycle = visit(module)
            if cycle:
                return cycle
    return []


def test_no_import_cycle_even_under_type_checking() -> None:
    graph = grimp.build_graph("plansite", exclude_type_checking_imports=False)
    cycle = find_cycle(graph)
    assert not cycle, " → ".join(cycle)


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("plansite.a", "plansite.b", "plansite.c"):
        graph.add_module(name)
    graph.add_import(importer="plansite.a", imported="plansite.b")
    graph.add_import(importer="plansite.b", imported="plansite.c")
    graph.add_import(importer="plansite.c", imported="plansite.a")
    assert find_cycle(graph) == ["plansite.a", "plansite.b", "plansite.c", "plansite.a"]


def long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length} dòng)")
    return found


def test_no_function_is_over_60_lines() -> None:
    found = [f for path in PYTHON for f in long_functions(path)]
    assert not found, found


def test_no_module_is_over_400_lines() -> None:
    found = {
        str(path.relative_to(ROOT)): n
        for path in PYTHON
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not found, found


def test_the_hook_stays_thin() -> None:
    assert len(HOOK.read_text(encoding="utf-8").splitlines()) < MAX_HOOK_LINES


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_mkdocs_is_imported_by_the_hook_and_at_most_two_modules() -> None:
    users = [module_name(p) for p in PACKAGE.rglob("*.py") if "mkdocs" in imported_roots(p)]
    assert "plansite.cli.config" in users
    assert len(users) <= 2, users


def test_everything_that_reaches_into_material_sits_in_theme() -> None:
    """By import, or by reading the installed theme's files (`resources.files("material")`)."""
    reach = re.compile(r"""resources\.files\(\s*["']material["']""")
    users = {
        module_name(p)
        for p in PACKAGE.rglob("*.py")
        if "material" in imported_roots(p) or reach.search(p.read_text(encoding="utf-8"))
    }
    # Since search moved to Pagefind no module needs Material's files; any that does sits here.
    assert all(user.startswith("plansite.theme") for user in users), users


ASSET_MARKERS = re.compile(
    r"<script|<style|function\s*\(|addEventListener|\{\s*[a-z-]+\s*:[^}]+;\s*\}"
)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_no_javascript_or_css_is_held_in_a_python_string(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]
    assert not [s for s in strings if ASSET_MARKERS.search(s)]


def test_no_template_indexes_a_tuple_by_position() -> None:
    templates = sorted((PACKAGE / "pages" / "templates").glob("*.j2"))
    assert templates
    found = [
        f"{t.name}:{n}"
        for t in templates
        for n, line in enumerate(t.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\w\[\d+\]", line)
    ]
    assert not found, found


STAGES = ("data", "model", "pages", "opendata", "theme")


def test_a_build_enters_each_stage_once_in_order() -> None:
    """The stages `generate` calls, in call order, collapse to data → model → pages → …

    Only calls made by the composition root itself count: a lower stage may call the
    stages below it (the layers contract allows that, and nothing else).
    """
    import sys

    from plansite import project

    from .test_golden import PROJECTS

    seen: list[str] = []

    def profile(frame: object, event: str, arg: object) -> None:
        caller = getattr(frame, "f_back", None)
        if event != "call" or caller is None or caller.f_code is not project.generate.__code__:
            return
        parts = frame.f_globals.get("__name__", "").split(".")  # type: ignore[attr-defined]
        stage = parts[1] if len(parts) > 2 and parts[0] == "plansite" else ""
        if stage in STAGES and (not seen or seen[-1] != stage):
            seen.append(stage)

    root = PROJECTS["real"]
    sys.setprofile(profile)
    try:
        project.generate(root, root / "docs", "Trang")
    finally:
        sys.setprofile(None)
    assert seen == list(STAGES)
