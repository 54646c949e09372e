"""Growth arithmetic: hand-computed values and properties (hypothesis)."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jxdigital.growth import (
    compound,
    implied_cagr,
    implied_pp_per_year,
    pro_rata_path,
    required_cagr,
)

# Plan quantities: ratios of target to base within 1e-8..1e8 (beyond that, 1 + g loses digits).
positive = st.floats(min_value=1e-2, max_value=1e6, allow_nan=False)
years = st.integers(min_value=1, max_value=30)


def test_hand_values():
    # (16000 / 8354) ** (1/5) - 1 = 0.138794
    assert implied_cagr(8354, 16000, 5) == pytest.approx(0.138794, abs=1e-6)
    # from 2022 at 9500 to 16000 in 2025: (16000/9500) ** (1/3) - 1 = 0.18977
    assert required_cagr(9500, 2022, 16000, 2025) == pytest.approx(0.18977, abs=1e-5)
    assert implied_pp_per_year(6.5, 10, 5) == pytest.approx(0.7)
    assert compound(100, 0.1, 2) == pytest.approx(121)


def test_vectorised_and_nan_stays_missing():
    out = implied_cagr([100, np.nan, 200], [200, 300, 200], 5)
    assert out.shape == (3,)
    assert np.isnan(out[1]) and out[2] == 0
    assert out[0] == pytest.approx(2 ** 0.2 - 1)


def test_pro_rata_compound_and_linear():
    path = pro_rata_path(8354, 16000, 2020, 2025)
    assert len(path) == 6 and path[0] == pytest.approx(8354) and path[-1] == pytest.approx(16000)
    assert path[1] == pytest.approx(8354 * 1.138794, rel=1e-6)
    lin = pro_rata_path(6.5, 10, 2020, 2025, kind="linear")
    assert lin == pytest.approx([6.5, 7.2, 7.9, 8.6, 9.3, 10.0])
    assert pro_rata_path(3.4, 10, 2020, 2025, years=[2023])[0] == pytest.approx(
        3.4 * (10 / 3.4) ** 0.6)


@pytest.mark.parametrize("call, argument", [
    (lambda: implied_cagr(0, 10, 5), "base"),
    (lambda: implied_cagr(-1, 10, 5), "base"),
    (lambda: implied_cagr(10, -1, 5), "target"),
    (lambda: implied_cagr(10, 20, 0), "years"),
    (lambda: required_cagr(10, 2025, 20, 2025), "year_now"),
    (lambda: compound(10, -1.5, 2), "rate"),
    (lambda: pro_rata_path(1, 2, 2025, 2020), "target_year"),
    (lambda: pro_rata_path(1, 2, 2020, 2025, kind="log"), "kind"),
    (lambda: pro_rata_path(0, 2, 2020, 2025), "base"),
])
def test_bad_arguments_are_named(call, argument):
    with pytest.raises(ValueError, match=f"argument '{argument}'"):
        call()


@given(positive, positive, years)
def test_compounding_the_implied_cagr_reaches_the_target(base, target, n):
    g = implied_cagr(base, target, n)
    assert compound(base, g, n) == pytest.approx(target, rel=1e-6)


@given(positive, positive, st.integers(2000, 2030), years, st.floats(0, 1))
def test_required_cagr_from_the_pro_rata_value_equals_the_implied_cagr(
        base, target, base_year, n, frac):
    target_year = base_year + n
    now = base_year + int(frac * (n - 1))  # any year before the target year
    value_now = pro_rata_path(base, target, base_year, target_year, years=[now])[0]
    assert required_cagr(value_now, now, target, target_year) == pytest.approx(
        implied_cagr(base, target, n), rel=1e-6, abs=1e-9)


@given(st.floats(0, 100), st.floats(0, 100), st.integers(2000, 2030), years)
def test_linear_path_is_even_in_points(base, target, base_year, n):
    path = pro_rata_path(base, target, base_year, base_year + n, kind="linear")
    steps = np.diff(path)
    assert steps == pytest.approx(np.full(n, implied_pp_per_year(base, target, n)), abs=1e-9)
    assert path[-1] == pytest.approx(target, abs=1e-9)


@given(positive, positive, years)
def test_compound_path_is_monotone_between_base_and_target(base, target, n):
    path = pro_rata_path(base, target, 2020, 2020 + n)
    lo, hi = min(base, target), max(base, target)
    assert np.all(path >= lo * (1 - 1e-12)) and np.all(path <= hi * (1 + 1e-12))
    assert np.all(np.diff(path) >= 0) if target >= base else np.all(np.diff(path) <= 0)
