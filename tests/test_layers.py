"""The layers hold: data flows one way, and no import hides inside a function.

``pyproject.toml`` declares the layers as import-linter contracts (cli > report > slides >
charts > api > present > assessment > observations > catalog > growth/models > utilities);
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


CJK = __import__("re").compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: Chinese that is data, not a phrase shown to a reader: the source title a plan's printed
#: baseline carries when it is used as a figure.
DATA_LABELS = {"assessment/_evidence.py": ("规划基期值",)}


def _cjk_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and n.body and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and id(n) not in docs and CJK.search(n.value)]


@pytest.mark.parametrize("part", ["assessment", "charts", "report", "slides.py"])
def test_no_phrase_outside_present(part):
    # the domain decides in codes and the outputs assemble: every word is in present
    files = [SRC / part] if part.endswith(".py") else sorted((SRC / part).glob("*.py"))
    found = {}
    for p in files:
        rel = str(p.relative_to(SRC))
        hits = [s for s in _cjk_constants(p)
                if not any(label in s for label in DATA_LABELS.get(rel, ()))]
        if hits:
            found[rel] = hits
    assert found == {}


def test_every_document_a_docstring_cites_is_in_the_repository():
    cited = set()
    for p in SRC.rglob("*.py"):
        cited |= set(__import__("re").findall(r"([\w/]+\.md)\b", p.read_text(encoding="utf-8")))
    # what the report jobs write, not documents of the repository
    written = {"report.md", "targets.md"}
    missing = sorted(c for c in cited - written
                     if not (ROOT / c).exists() and not (SRC / c).exists())
    assert missing == []


def test_the_package_says_it_is_typed_and_declares_what_it_imports():
    import tomllib

    assert (SRC / "py.typed").exists()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.lower().startswith("fonttools") for d in project["dependencies"])
    assert any(d.startswith("lxml") for d in project["optional-dependencies"]["slides"])
