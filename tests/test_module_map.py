"""The module map in helpers/README.md is true: every module is in it, imports only the siblings
its row allows, and the analyses neither draw nor read files.

The imports are read from the source with ``ast`` (module level and inside functions alike), so a
deferred import cannot hide a dependency."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from helpers import paths

PACKAGE = paths.ROOT / "helpers"
ROW = re.compile(r"^\| `(?P<module>[a-z_.]+)` \| (?P<kind>\w+) \| .* \| (?P<allowed>[^|]*) \|$")
DRAWING = ("matplotlib", "plotly", "helpers.figures", "helpers.plots")
# calls that read or write files: an analysis receives frames instead
IO_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "read_csv", "read_parquet", "to_csv",
            "to_parquet", "atomic_write", "load", "load_export", "read", "read_table", "load_assumptions",
            "load_corpus", "cached"}


def module_map() -> dict[str, tuple[str, set[str]]]:
    """``module -> (kind, allowed sibling modules)`` from the table in helpers/README.md."""
    rows = {}
    for line in (PACKAGE / "README.md").read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            allowed = set(re.findall(r"`([a-z_.]+)`", m["allowed"]))
            rows[m["module"]] = (m["kind"], allowed)
    return rows


def module_files() -> dict[str, Path]:
    files = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        parts = [p for p in rel.parts if p != "__init__"]
        if parts:
            files[".".join(parts)] = path
    return files


def imports(path: Path) -> tuple[set[str], list[ast.AST]]:
    """Every module a file imports (``helpers.x`` for siblings), and the import nodes inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    inner = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inner += [n for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "helpers":
                found |= {f"helpers.{a.name}" for a in node.names if a.name != "__version__"}
            else:
                found.add(node.module)
    return found, inner


def test_every_module_is_in_the_map_and_every_row_is_a_module():
    assert set(module_map()) == set(module_files()) - {"plots"}


@pytest.mark.parametrize("module", sorted(set(module_files()) - {"plots"}))
def test_a_module_imports_only_the_siblings_its_row_allows(module):
    kind, allowed = module_map()[module]
    found, _ = imports(module_files()[module])
    siblings = {m.removeprefix("helpers.") for m in found if m.startswith("helpers.") or m == "helpers"}
    siblings = {"plots." + m.split(".")[-1] if m.startswith("plots.") else m for m in siblings}
    assert siblings <= allowed, f"{module} imports {sorted(siblings - allowed)}, not in its row of helpers/README.md"


@pytest.mark.parametrize("module", sorted(m for m, (kind, _) in module_map().items() if kind == "analysis"))
def test_an_analysis_neither_draws_nor_reads_files(module):
    path = module_files()[module]
    found, _ = imports(path)
    drawing = sorted(m for m in found if m.startswith(DRAWING))
    assert not drawing, f"{module} imports drawing code: {drawing}"
    calls = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            f = node.func
            calls.add(f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", ""))
    assert not calls & IO_CALLS, f"{module} calls {sorted(calls & IO_CALLS)}: analyses receive frames, read nothing"


@pytest.mark.parametrize("module", sorted(module_files()))
def test_no_private_name_crosses_modules(module):
    tree = ast.parse(module_files()[module].read_text(encoding="utf-8"))
    private = [f"{n.module}.{a.name}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
               and (n.module or "").startswith("helpers") for a in n.names if a.name.startswith("_")
               and a.name != "__version__"]
    assert not private, f"{module} imports private names {private}"


def _is_import(line: str) -> bool:
    return line.lstrip().startswith(("import ", "from ")) and not line.lstrip().startswith("from __future__")


@pytest.mark.parametrize("module", sorted(module_files()))
def test_imports_sit_at_the_top_unless_a_comment_says_why(module):
    """Siblings and libraries are imported at the top of a module; an import inside a function (a
    heavy library, or a command's own dependencies, loaded only when needed) carries a comment on
    its line or on the line above its block of imports saying why."""
    path = module_files()[module]
    lines = path.read_text(encoding="utf-8").splitlines()
    _, inner = imports(path)
    silent = []
    for node in inner:
        first = node.lineno - 1
        while first > 0 and (_is_import(lines[first - 1]) or not lines[first - 1].strip()):
            first -= 1  # the block: this import and the imports (and blank lines between groups) above it
        block = lines[first:node.lineno]
        if not any("#" in line for line in block) and not lines[first - 1].strip().startswith("#"):
            silent.append(node.lineno)
    assert not silent, f"{module}: imports inside functions without a reason, lines {sorted(silent)}"


@pytest.mark.parametrize("module", sorted(module_files()))
def test_no_module_is_two_things(module):
    assert len(module_files()[module].read_text(encoding="utf-8").splitlines()) <= 500, module
