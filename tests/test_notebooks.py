"""The notebooks users start from exist and are stored without outputs.

They are executed top to bottom by nbmake (``--nbmake`` in pytest's addopts, with
``MPLBACKEND=Agg`` from conftest), so a notebook that breaks fails the suite.
"""

import json
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb"))


def test_the_three_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == ["01_quickstart.ipynb", "02_your_own_data.ipynb",
                                           "03_briefing.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_stored_without_outputs(path):
    nb = json.loads(path.read_text("utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, "a notebook with no code"
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), \
        "stored with outputs: regenerate with tools/make_notebooks.py"
