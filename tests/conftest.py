import os
from pathlib import Path

import pytest

# Charts draw off-screen in tests and in the notebook kernels nbmake starts (inherited).
os.environ.setdefault("MPLBACKEND", "Agg")

FIXTURES = Path(__file__).parent / "fixtures"
#: The day of the final account: the 十四五 period (2021-2025) is over.
FINAL_DAY = "2026-12-01"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


# The shipped plans judged on FINAL_DAY, made once a run (once a worker under xdist) and
# shared by every test that reads them: a test that changes an assessment (its ``changes``,
# a report written into a folder with an earlier one) makes its own.
@pytest.fixture(scope="session")
def final():
    """``final(plan)``: ``jxdigital.assess(plan, today=FINAL_DAY)`` of a shipped plan (None:
    the default, Jiangxi's 十四五 plan), made once and shared."""
    import jxdigital

    made = {}

    def final(plan: str | None = None):
        if plan not in made:
            made[plan] = jxdigital.assess(plan, today=FINAL_DAY)
        return made[plan]

    return final


@pytest.fixture(scope="session")
def jiangxi_final(final):
    """``jxdigital.assess(today=FINAL_DAY)``: the Jiangxi 十四五 plan, its final account."""
    return final(None)


@pytest.fixture(scope="session")
def national_final(final):
    """``jxdigital.assess("china-14th-fyp-digital", today=FINAL_DAY)``."""
    return final("china-14th-fyp-digital")
