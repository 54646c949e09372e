"""The layers hold: data flows one way, and no import hides inside a function.

``pyproject.toml`` declares the layers as import-linter contracts (cli > report > slides >
charts > present > assessment > observations > catalog > growth/models > utilities);
``.ci/run`` runs ``lint-imports`` too. A lower layer importing a higher one, even inside a
function, fails here.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "jxdigital"
ROOT = SRC.parents[1]


def test_import_linter_contracts_are_kept():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or \
        shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    out = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def _function_imports(path: Path) -> list[str]:
    """jxdigital modules imported inside a function (``if TYPE_CHECKING`` blocks at module
    level are types only and allowed)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.ImportFrom) and (node.level > 0 or (
                    node.module or "").startswith("jxdigital")):
                found.append(f"{path.relative_to(SRC)}:{node.lineno} from "
                             f"{'.' * node.level}{node.module or ''}")
            elif isinstance(node, ast.Import) and any(
                    a.name.startswith("jxdigital") for a in node.names):
                found.append(f"{path.relative_to(SRC)}:{node.lineno} import")
    return found


def test_no_jxdigital_import_inside_a_function():
    # cli.py is the top layer: it imports its subcommands' modules on use so that
    # `jxdigital --help` answers without loading pandas (nothing can import it back).
    found = [hit for p in sorted(SRC.rglob("*.py")) if p.name != "cli.py"
             for hit in _function_imports(p)]
    assert found == []
