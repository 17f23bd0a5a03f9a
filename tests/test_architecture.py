"""The shape of the code: no import cycles, stages in pipeline order, a Qt-free core, SQL in audit/.

Imports are read from the source, inside functions too, so a cycle cannot hide in a function
body. Imports only for type checking (``if TYPE_CHECKING:``) never run: they count for the
stage order and the Qt-free core, not for cycles.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("exposure_audit", "ui")

# Stages of the core, lowest first: a module may import its own stage and the ones before it.
LAYERS: list[set[str]] = [
    {
        "errors",
        "vocabulary",
        "storage",
        "logs",
        "imaging",
        "escaping",
        "private_files",
        "i18n",
        "__init__",
    },
    {"sources"},
    {"exports", "exposure", "score"},
    {"faces"},
    {"clean"},
    {"audit"},
    {"scan"},
    {"rights"},
    {"report"},
    {"actions", "smoke", "demo"},
    {"cli", "__main__"},
]
MAX_PLAIN_MODULES = 12


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


MODULES = sources()


def imported(name: str, path: Path, *, typing: bool = True) -> Iterator[tuple[str, int]]:
    """Every module ``name`` imports (anywhere in the file), with its line.

    Without ``typing``, imports under ``if TYPE_CHECKING:`` are left out.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skipped = set() if typing else _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield (candidate if candidate in MODULES else base), node.lineno


def _type_checking_only(tree: ast.AST) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            for statement in node.body:
                inside.update(id(child) for child in ast.walk(statement))
    return inside


def graph() -> dict[str, set[str]]:
    """Which module imports which, as the code runs."""
    edges: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for target, _line in imported(name, path, typing=False):
            if target in MODULES and target != name:
                edges[name].add(target)
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def stage(name: str) -> int | None:
    parts = name.split(".")
    if parts[0] != "exposure_audit":
        return None
    top = parts[1] if len(parts) > 1 else "__init__"
    return next(number for number, layer in enumerate(LAYERS) if top in layer)


def test_every_core_module_has_a_stage() -> None:
    unplaced = [name for name in MODULES if name.startswith("exposure_audit") and _unplaced(name)]
    assert not unplaced, f"add these to LAYERS in {Path(__file__).name}: {unplaced}"


def _unplaced(name: str) -> bool:
    try:
        stage(name)
    except StopIteration:
        return True
    return False


def test_no_import_cycles() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_stages_import_only_earlier_stages() -> None:
    wrong = []
    for name, path in MODULES.items():
        own = stage(name)
        if own is None:
            continue
        for target, line in imported(name, path):
            theirs = stage(target) if target.startswith("exposure_audit") else None
            if theirs is not None and theirs > own:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not wrong, "a stage imports a later one:\n" + "\n".join(wrong)


@pytest.mark.parametrize("forbidden", ["PySide6", "shiboken6", "ui"])
def test_core_never_imports_qt_or_the_app(forbidden: str) -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line}"
        for name, path in MODULES.items()
        if name.startswith("exposure_audit")
        for target, line in imported(name, path)
        if target == forbidden or target.startswith(forbidden + ".")
    ]
    assert not wrong


def test_only_the_audit_runs_sql() -> None:
    outside = []
    for name, path in MODULES.items():
        if name.startswith("exposure_audit.audit"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if _runs_sql(node):
                outside.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        for target, line in imported(name, path):
            if target == "sqlite3":
                outside.append(f"{path.relative_to(ROOT)}:{line} imports sqlite3")
    assert not outside, "SQL outside exposure_audit/audit/:\n" + "\n".join(outside)


def _runs_sql(node: ast.AST) -> bool:
    """A call like ``x.execute("SELECT ...")`` or ``x.executemany(f"...", rows)``."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return False
    if node.func.attr not in ("execute", "executemany", "executescript") or not node.args:
        return False
    first = node.args[0]
    return isinstance(first, ast.JoinedStr) or (
        isinstance(first, ast.Constant) and isinstance(first.value, str)
    )


def test_few_plain_modules_at_the_top_of_the_core() -> None:
    plain = sorted(
        p.name for p in (ROOT / "exposure_audit").glob("*.py") if p.name != "__init__.py"
    )
    assert len(plain) <= MAX_PLAIN_MODULES, plain


def test_the_checker_sees_a_cycle_hidden_in_a_function() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}
    assert find_cycle(edges) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_checker_reads_imports_in_functions_but_not_for_type_checking(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ui.app import main\n"
        "def f():\n    from exposure_audit.cli.main import run\n",
        encoding="utf-8",
    )
    running = {target for target, _ in imported("exposure_audit.m", source, typing=False)}
    assert "exposure_audit.cli.main" in running
    assert "ui.app" not in running
    assert "ui.app" in {target for target, _ in imported("exposure_audit.m", source)}


def test_stale_results_are_dropped_by_one_helper() -> None:
    """A page that drops results made stale by a newer request uses ``ui.workers.Freshness``,
    not a counter of its own (hand-written counters are where such races came from)."""
    counters = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "_generation" in line or ("generation ==" in line or "generation !=" in line):
                counters.append(f"{path.relative_to(ROOT)}:{number}")
    assert counters == []


def test_outside_the_audit_package_only_the_audits_methods_are_used() -> None:
    """One way into an audit: its areas (``audit._findings`` …) are private to ``audit/``."""
    area = re.compile(r"\.(_settings|_references|_sources|_findings|_scans|_requests|_identity)\.")
    found = []
    for folder in ("exposure_audit", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.parent.name == "audit" and path.parent.parent.name == "exposure_audit":
                continue
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in area.finditer(text)]
    assert found == []
