"""A built wheel carries the data and works from any directory, without the source tree."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds/renders: skipped by -m "not slow"

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="the test extra installs hatchling to build wheels")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(out)], check=True)
    (whl,) = out.glob("jxdigital-*.whl")
    return whl


def test_wheel_contains_the_data_files(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "jxdigital/data/indicators.csv" in names
    assert "jxdigital/data/plans.csv" in names
    # the phrase catalogue, beside its loader
    assert {"jxdigital/present/words/reasons.csv", "jxdigital/present/words/view.csv",
            "jxdigital/present/words/settings.csv"} <= set(names)


def test_installed_wheel_loads_the_plan_from_an_unrelated_directory(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    code = ("import json, jxdigital; from jxdigital._data import data_path; "
            "p = jxdigital.load_plan(); "
            "print(json.dumps([jxdigital.__file__, str(data_path('indicators.csv')), len(p), "
            "int(p.audit().flagged.sum())]))")
    # PYTHONPATH puts the installed copy ahead of any development install.
    res = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, check=True)
    module, data, n, flagged = json.loads(res.stdout)
    assert module.startswith(str(site)) and data.startswith(str(site))
    assert (n, flagged) == (19, 3)
