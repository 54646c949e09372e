"""The notebooks run top to bottom in a kernel (nbmake): slow, so ``-m "not slow"`` skips them."""

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.slow)
