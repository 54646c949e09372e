import os
from pathlib import Path

import pytest

# Charts draw off-screen in tests and in the notebook kernels nbmake starts (inherited).
os.environ.setdefault("MPLBACKEND", "Agg")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES

