"""Write every output the command line makes into one folder, to compare two versions of the
code (a refactor must leave them byte-identical, except where a fix is intended).

    python tools/snapshot_outputs.py OUT            # write the outputs
    python tools/snapshot_outputs.py --compare A B  # list the files that differ

Workbooks and decks are compared member by member (their XML), so a zip's timestamps do not
count; everything else byte by byte.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = ROOT / "tests" / "fixtures" / "drafts"
TODAY = "2026-12-01"

RUNS: dict[str, list[str]] = {
    "report-zh": ["report", "--today", TODAY, "--jobs", "1"],
    "report-en": ["report", "--today", TODAY, "--lang", "en", "--jobs", "1"],
    "report-2023": ["report", "--today", "2024-03-01", "--as-of", "2023", "--jobs", "1",
                    "--no-deck"],
    "report-user": ["report", "--today", TODAY, "--jobs", "1", "--no-deck",
                    "--actuals", str(DRAFTS / "jiangxi_department_figures.csv")],
    "report-160": ["report", "--today", TODAY, "--jobs", "2",
                   "--plan", str(ROOT / "tests" / "fixtures" / "plan_160.csv")],
    "report-160-en": ["report", "--today", TODAY, "--jobs", "2", "--lang", "en", "--no-deck",
                      "--plan", str(ROOT / "tests" / "fixtures" / "plan_160.csv")],
    "targets-national": ["targets", "--plan", "china-15th-fyp", "--today", TODAY],
    "targets-draft": ["targets", "--plan", str(DRAFTS / "jiangxi_15th_draft.csv"),
                      "--actuals", str(DRAFTS / "jiangxi_department_figures.csv"),
                      "--continues", "jiangxi-14th-fyp", "--parent", "china-15th-fyp",
                      "--today", TODAY],
}
PRINTS: dict[str, list[str]] = {
    "assess-zh.txt": ["assess", "--today", TODAY],
    "assess-en.txt": ["assess", "--today", TODAY, "--lang", "en"],
    "assess-2022.txt": ["assess", "--today", "2023-03-01", "--as-of", "2022"],
    "audit.txt": ["audit"],
    "coverage.txt": ["coverage"],
    "plans.txt": ["plans"],
    "targets-en.txt": ["targets", "--plan", "china-15th-fyp", "--today", TODAY, "--lang", "en"],
    "targets.json": ["targets", "--plan", "china-15th-fyp", "--today", TODAY,
                     "--format", "json"],
}


def _run(args: list[str]) -> str:
    """The exit code, standard output and error of ``jxdigital args`` run on this checkout
    (its path written ROOT, so two checkouts compare)."""
    cmd = [sys.executable, "-m", "jxdigital", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONHASHSEED": "0", "MPLBACKEND": "Agg",
                               "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src"),
                               "LANG": "C.UTF-8"})
    text = f"exit {done.returncode}\n{done.stdout}\n--- stderr\n{done.stderr}"
    return text.replace(str(ROOT), "ROOT")


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, args in RUNS.items():
        text = _run([*args, "--out", str(folder / name)])
        (folder / f"{name}.stdout.txt").write_text(text.replace(str(folder), "OUT"),
                                                   encoding="utf-8")
    for name, args in PRINTS.items():
        (folder / name).write_text(_run(args), encoding="utf-8")


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def compare(a: Path, b: Path) -> list[str]:
    """The relative paths whose content differs (or exists on one side only)."""
    left = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    right = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differ = [f"only in {a if p in left else b}: {p}" for p in sorted(left ^ right)]
    for p in sorted(left & right):
        x, y = a / p, b / p
        same = (_members(x) == _members(y) if p.suffix in {".xlsx", ".pptx"}
                else x.read_bytes() == y.read_bytes())
        if not same:
            differ.append(f"differs: {p}")
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="+")
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    if args.compare:
        found = compare(*args.folder)
        print("\n".join(found) or "identical")
        return 1 if found else 0
    write(args.folder[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
