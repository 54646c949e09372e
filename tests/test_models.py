"""Trend models and projections: known parameters, bounds, determinism, bad input."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from jxdigital.models import (
    MODELS,
    Auto,
    DampedTrend,
    Drift,
    Gompertz,
    LinearTrend,
    Logistic,
    LogLinearTrend,
    Naive,
    Projection,
    ProjectionInputError,
    Theta,
    learned,
    project,
)

GROWTH10 = pd.Series([100.0, 110.0, 121.0, 133.1, 146.41], index=range(2019, 2024))
LINE = pd.Series([5.0, 7.0, 9.0, 11.0], index=range(2020, 2024))  # 5 + 2 (t - 2020)


def test_exact_ten_percent_growth_projects_ten_percent():
    for model in (LogLinearTrend(), Drift()):
        p = model.fit(GROWTH10).predict(to=2025)
        assert p.point(2024) == pytest.approx(146.41 * 1.1, rel=1e-12)
        assert p.point(2025) == pytest.approx(146.41 * 1.21, rel=1e-12)


def test_straight_line_is_recovered():
    assert LinearTrend().fit(LINE).predict(h=2).point(2025) == pytest.approx(15.0)
    assert Drift(log=False).fit(LINE).predict(h=2).point(2025) == pytest.approx(15.0)
    # damped: y_T + b (phi + phi^2) with phi = 0.5 -> 11 + 2 * 0.75
    assert DampedTrend(phi=0.5).fit(LINE).predict(h=2).point(2025) == pytest.approx(12.5)
    assert Naive().fit(LINE).predict(h=3).point(2026) == 11.0


def test_logistic_recovers_a_logistic_share():
    # a straight line on the (offset) logit scale of a [0, 100] share
    c = 0.5
    z = -1.0 + 0.4 * np.arange(5)
    share = -c + (100 + 2 * c) / (1 + np.exp(-z))
    s = pd.Series(share, index=range(2019, 2024))
    expect = -c + (100 + 2 * c) / (1 + np.exp(-(-1.0 + 0.4 * 6)))
    p = Logistic().fit(s, bounds=(0, 100)).predict(to=2025)
    assert p.point(2025) == pytest.approx(expect, rel=1e-9)


def test_gaps_use_actual_years():
    s = pd.Series([100.0, 120.0], index=[2018, 2020])  # 2019 missing: 10 a year, not 20
    assert Drift(log=False).fit(s).predict(to=2021).point(2021) == pytest.approx(130.0)
    assert Drift().fit(s).predict(to=2021).point(2021) == pytest.approx(120 * 1.2 ** 0.5)


EDGE = {
    "flat": pd.Series([50.0, 50.0, 50.0, 50.0], index=range(2020, 2024)),
    "with_zero": pd.Series([0.0, 3.0, 1.0, 4.0], index=range(2020, 2024)),
    "falling_fast": pd.Series([100.0, 40.0, 10.0, 2.0], index=range(2020, 2024)),
    "two_points": pd.Series([3.4, 6.0], index=[2020, 2021]),
}


@pytest.mark.parametrize("name", list(EDGE))
@pytest.mark.parametrize("model", ["naive", "drift", "linear_trend", "damped_trend", "theta",
                                   "auto", "log_linear_trend"])
def test_non_negative_series_never_project_below_zero(name, model):
    s = EDGE[name]
    m = MODELS[model]()
    if len(s) < m.min_points or (model == "log_linear_trend" and (s <= 0).any()):
        return
    f = project(s, h=8, method=m).to_frame()
    assert (f[["point", "lo_95", "lo_80", "lo_50"]] >= 0).all().all()
    assert (f["hi_95"] > f["lo_95"]).all(), "a flat history still gets a real interval"


@pytest.mark.parametrize("model", ["naive", "drift", "linear_trend", "damped_trend", "theta",
                                   "auto", "logistic", "gompertz"])
@pytest.mark.parametrize("values", [[97.0, 98.0, 99.0], [0.0, 0.0, 2.0], [99.0, 99.0],
                                    [40.0, 60.0, 80.0]])
def test_bounded_shares_stay_in_bounds(model, values):
    s = pd.Series(values, index=range(2021, 2021 + len(values)))
    m = MODELS[model]()
    if len(s) < m.min_points:
        return
    f = project(s, h=10, method=m, bounds=(0, 100)).to_frame()
    cols = ["point", "lo_95", "hi_95", "lo_50", "hi_50"]
    assert (f[cols] >= 0).all().all() and (f[cols] <= 100).all().all()
    assert (f["lo_95"] <= f["point"]).all() and (f["point"] <= f["hi_95"]).all()


def test_same_input_same_projection_bit_for_bit():
    data = pd.DataFrame({"id": ["a"] * 4 + ["b"] * 3, "year": [2019, 2020, 2021, 2022,
                                                              2020, 2021, 2022],
                         "value": [8354, 10378, 11000, 12000, 3.4, 6.0, 7.5]})
    a = project(data, to=2025).to_frame()
    b = project(data.sample(frac=1, random_state=1), to=2025).to_frame()
    pd.testing.assert_frame_equal(a.sort_values(["id", "year"]).reset_index(drop=True),
                                  b.sort_values(["id", "year"]).reset_index(drop=True),
                                  check_exact=True)


def test_many_series_at_once_equal_one_at_a_time():
    data = pd.DataFrame({"id": ["a"] * 4 + ["b"] * 3 + ["c"] * 6,
                         "year": [2019, 2020, 2021, 2022, 2020, 2021, 2022, *range(2017, 2023)],
                         "value": [8354, 10378, 11000, 12000, 3.4, 6.0, 7.5,
                                   1, 2, 2, 3, 5, 4]})
    together = project(data, h=3).to_frame().set_index(["id", "year"])
    for sid, g in data.groupby("id"):
        alone = project(g.set_index("year")["value"].rename(sid), h=3).to_frame()
        alone = alone.set_index(["id", "year"])
        pd.testing.assert_frame_equal(together.loc[[sid]], alone, check_exact=True)


def test_frame_columns_and_horizons():
    data = pd.DataFrame({"id": ["a", "a", "a", "b", "b", "b"],
                         "year": [2020, 2021, 2022, 2021, 2022, 2023],
                         "value": [1.0, 2.0, 3.0, 5.0, 6.0, 8.0]})
    p = project(data, to=2025)
    f = p.to_frame()
    for col in ["id", "year", "point", "lo_50", "hi_50", "lo_80", "hi_80", "lo_95", "hi_95"]:
        assert col in f.columns
    assert f[f.id == "a"]["year"].tolist() == [2023, 2024, 2025]
    assert f[f.id == "b"]["year"].tolist() == [2024, 2025]
    assert (f["lo_95"] <= f["lo_80"]).all() and (f["lo_80"] <= f["lo_50"]).all()
    assert (f["hi_50"] <= f["hi_80"]).all() and (f["hi_80"] <= f["hi_95"]).all()
    assert isinstance(p, Projection)


def test_cdf_agrees_with_the_quantiles():
    p = project(pd.Series([8354.0, 10378.0, 11500.0], index=[2020, 2021, 2022]), to=2025)
    f = p.to_frame().set_index("year")
    assert p.cdf(f.loc[2025, "lo_80"], 2025) == pytest.approx(0.10, abs=1e-6)
    assert p.cdf(f.loc[2025, "hi_95"], 2025) == pytest.approx(0.975, abs=1e-6)
    assert p.cdf(1e9, 2025) == pytest.approx(0.995)  # the learned quantiles end there
    grid = np.linspace(5000, 30000, 50)
    probs = [p.cdf(v, 2025) for v in grid]
    assert all(b >= a for a, b in itertools.pairwise(probs))
    assert p.quantile(0.5, 2025) == pytest.approx(
        (f.loc[2025, "lo_50"] + f.loc[2025, "hi_50"]) / 2, rel=0.5)


def test_intervals_widen_with_the_horizon():
    f = project(pd.Series([3.4, 6.0, 7.5, 9.0], index=range(2020, 2024)), h=6).to_frame()
    width = (f["hi_80"] - f["lo_80"]).to_numpy()
    assert np.all(np.diff(width) > 0)


def test_auto_is_a_convex_combination_of_its_components():
    p = project(GROWTH10, h=3, method=Auto())
    weights = p.models
    assert weights["weight"].sum() == pytest.approx(1.0, abs=1e-3)
    assert (weights["weight"] > 0).all()
    # between naive and the steepest component path
    f = p.to_frame()
    assert (f["point"] >= 146.41 - 1e-9).all()
    assert (f["point"] <= 146.41 * 1.1 ** f["h"] + 1e-9).all()


def test_auto_keeps_a_trend_that_has_held_on_a_long_series():
    # 12 years of +5 a year: drift backtests perfectly from each of the last 6 years, so
    # the per-series check gives it all the weight and the trend is not damped.
    line = pd.Series(100.0 + 5.0 * np.arange(12), index=range(2010, 2022))
    p = project(line, h=4)
    assert p.to_frame()["point"].tolist() == pytest.approx([160, 165, 170, 175])
    w = p.models.set_index("component")["weight"]
    assert w["level:drift"] == pytest.approx(1.0)
    assert w.sum() == pytest.approx(1.0)


def test_auto_backtest_splits_weight_by_inverse_squared_error():
    # A hand-made case: the combination c and drift d backtested from the last 6 years.
    from jxdigital.models._models import Auto as AutoModel
    from jxdigital.models._panel import make_panel

    y = np.array([10, 12, 11, 15, 14, 18, 17, 21, 19, 24, 23.0])
    zc = make_panel([np.arange(len(y))], [y])
    zlog = zc.map(np.log)
    m = AutoModel()
    errs = []
    for comp in ("c", "d"):
        per_origin = []
        for j in range(1, 7):
            past, past_log = (make_panel([np.arange(len(y) - j)], [y[:-j]]),
                              make_panel([np.arange(len(y) - j)], [np.log(y[:-j])]))
            hj = np.arange(1, j + 1)
            f = (m._combination(past, past_log, hj) if comp == "c" else
                 y[-j - 1] + (y[-j - 1] - y[0]) / (len(y) - j - 1) * hj)
            per_origin.append(np.mean(np.abs(y[len(y) - j:] - np.ravel(f))))
        errs.append(np.mean(per_origin))
    share = m._drift_share(zc, zlog)[0]
    assert share == pytest.approx(errs[0] ** 2 / (errs[0] ** 2 + errs[1] ** 2))
    assert 0 < share < 1


def test_auto_without_enough_history_uses_the_learned_weights_alone():
    p = project(pd.Series([3.4, 6.0, 7.5, 9.0], index=range(2020, 2024)), h=2)
    learned_w = Auto().weights(True, 4)
    got = p.models.set_index("component")["weight"].to_dict()
    assert got == pytest.approx(learned_w)


def test_learned_parameters_are_sane():
    L = learned()
    for variant, buckets in L["auto_weights"].items():
        for b, w in buckets.items():
            assert sum(w.values()) == pytest.approx(1.0, abs=1e-3), (variant, b)
    q = np.asarray(L["calibration"]["auto_positive"])  # (bucket, h, level)
    assert np.all(np.diff(q, axis=2) >= 0), "quantiles rise with the level"
    width = q[:, :, -3] - q[:, :, 2]  # 97.5 % - 2.5 %
    assert np.all(np.diff(width, axis=1) > 0), "95 % intervals widen with the horizon"
    assert 0.5 <= L["damped_trend_phi"] <= 1.0


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"data": pd.Series(["1", "x", "3"], index=[2020, 2021, 2022]), "h": 1},
     "series 'y', year 2021: expected a number, got 'x'"),
    ({"data": pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2021]), "h": 1},
     "year 2021 appears more than once"),
    ({"data": pd.Series([1.0, 2.0], index=[2020, 2021]), "h": 1, "method": "theta"},
     "has 2 observation(s); Theta needs at least 3"),
    ({"data": pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2022]), "to": 2022},
     "target year 2022 is not after the last actual of series 'y' (2022)"),
    ({"data": pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2022]), "to": 2025, "h": 3},
     "give exactly one of 'to'"),
    ({"data": pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2022])},
     "give exactly one of 'to'"),
    ({"data": pd.Series([1.0, math.nan, 3.0], index=[2020, 2021, 2022]), "h": 1},
     "year 2021: value is missing"),
    ({"data": pd.DataFrame({"id": ["a"], "yr": [2020], "value": [1]}), "h": 1},
     "missing year"),
    ({"data": pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2022]), "h": 1,
      "method": "prophet"}, "argument 'method'"),
    ({"data": pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2022]), "h": 1,
      "level": (80, 100)}, "argument 'level'"),
    ({"data": pd.Series([1.0, 2.0, 130.0], index=[2020, 2021, 2022]), "h": 1,
      "bounds": (0, 100)}, "value 130 is outside the bounds [0, 100]"),
    ({"data": pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2022]), "h": 1,
      "method": "logistic"}, "Logistic needs bounds"),
    ({"data": pd.Series([0.0, 2.0, 3.0], index=[2020, 2021, 2022]), "h": 1,
      "method": "log_linear_trend"}, "LogLinearTrend needs positive values"),
])
def test_bad_input_is_a_clear_error(kwargs, message):
    with pytest.raises(ProjectionInputError, match=None) as e:
        project(**kwargs)
    assert message in str(e.value)


def test_predict_before_fit_and_unknown_year():
    with pytest.raises(ProjectionInputError, match="call fit"):
        Theta().predict(h=1)
    p = Naive().fit(LINE).predict(h=2)
    with pytest.raises(ProjectionInputError, match=r"projected for 2024\.\.2025, not 2030"):
        p.cdf(10, 2030)


def test_gompertz_is_bounded_only():
    with pytest.raises(ProjectionInputError, match="Gompertz needs bounds"):
        project(LINE, h=1, method=Gompertz())
