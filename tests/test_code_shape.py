"""The code's shape, as the next engineer meets it: each package reached through its public
face, functions short enough to read at once, modules short enough to hold, no import circles
inside a package.

- A module never imports a private module (``_name``) of another package; the top-level
  helpers (``jxdigital._tables``, ``_atomic``, …) are shared by every package.
- A function is at most 40 lines (from its ``def`` to its last line, its docstring not
  counted); a module at most 600 lines.
- Within a package the imports between modules form no circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_FUNCTION = 40
MAX_MODULE = 600


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / "jxdigital").rglob("*.py")):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _package(module: str) -> str:
    """The package a module belongs to (a package's ``__init__`` belongs to itself; a
    top-level module such as ``jxdigital.cli`` is a package of its own)."""
    path = MODULES[module]
    if path.name == "__init__.py":
        return module
    owner = module.rsplit(".", 1)[0]
    return module if owner == "jxdigital" else owner


def _imported(module: str) -> list[tuple[int, str]]:
    """(line, dotted name) of every jxdigital module or name ``module`` imports."""
    path = MODULES[module]
    here = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = here.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return [(line, t) for line, t in found if t.split(".")[0] == "jxdigital"]


def _private_owner(target: str) -> tuple[str, str] | None:
    """(the package, its private module) when ``target`` reaches into a private module of
    a subpackage; None otherwise."""
    parts = target.split(".")
    for i, part in enumerate(parts[1:], 1):
        if part.startswith("_") and not part.startswith("__"):
            owner = ".".join(parts[:i])
            return None if owner == "jxdigital" else (owner, ".".join(parts[:i + 1]))
    return None


def private_imports() -> list[str]:
    found = set()
    for module in MODULES:
        package = _package(module)
        for line, target in _imported(module):
            hit = _private_owner(target)
            if hit and not (package == hit[0] or package.startswith(hit[0] + ".")):
                found.add(f"{MODULES[module].relative_to(SRC)}:{line} imports {hit[1]}")
    return sorted(found)


def long_functions() -> list[str]:
    found = []
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            lines = node.end_lineno - node.lineno + 1
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                lines -= first.end_lineno - first.lineno + 1
            if lines > MAX_FUNCTION:
                found.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name}: {lines} "
                             f"lines")
    return found


def long_modules() -> list[str]:
    return [f"{path.relative_to(SRC)}: {n} lines" for path in MODULES.values()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE]


def import_circles() -> list[str]:
    """Circles among the modules of one package (strongly connected sets of two or more)."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module in MODULES:
        package = module.rsplit(".", 1)[0] if MODULES[module].name != "__init__.py" else module
        for _, target in _imported(module):
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != module and target.rsplit(".", 1)[0] == package \
                    and MODULES[target].name != "__init__.py":
                graph[module].add(target)
    return [" ↔ ".join(sorted(c)) for c in _strongly_connected(graph) if len(c) > 1]


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on.add(start)
        while work:
            node, edges = work[-1]
            nxt = next(edges, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                elif nxt in on:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    group.append(w)
                    if w == node:
                        break
                out.append(group)
    return out


def test_no_module_imports_a_private_module_of_another_package():
    found = private_imports()
    assert not found, "import the package's public face instead:\n" + "\n".join(found)


def test_functions_are_at_most_40_lines():
    found = long_functions()
    assert not found, f"{len(found)} functions longer than {MAX_FUNCTION} lines:\n" + \
        "\n".join(found)


def test_modules_are_at_most_600_lines():
    found = long_modules()
    assert not found, "\n".join(found)


def test_no_import_circles_inside_a_package():
    found = import_circles()
    assert not found, "\n".join(found)


def test_the_checks_can_fail(tmp_path):
    """The circle finder sees a circle, and the private-import rule names one."""
    assert _strongly_connected({"a": {"b"}, "b": {"a"}, "c": set()})[0] in (["b", "a"],
                                                                          ["a", "b"])
    assert _private_owner("jxdigital.present._text.dates_words") == (
        "jxdigital.present", "jxdigital.present._text")
    assert _private_owner("jxdigital._tables.read_table") is None


def test_test_files_come_from_the_one_builder():
    """Plan files in tests are written by ``tests/_build.py``: no test module keeps its own
    plan header or plan-file writer (one deliberately misspelled header excepted)."""
    tests = Path(__file__).resolve().parent
    found = []
    for path in sorted(p for p in tests.glob("test_*.py") if p.name != Path(__file__).name):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if ("indicator_id,name_zh,unit,base_year,base_text,target_year" in line
                    or "HEADER =" in line or "def plan_file(" in line):
                found.append(f"{path.name}:{i}")
    assert not found, "use tests/_build.py (plan_csv, target, figures_csv):\n" + \
        "\n".join(found)
