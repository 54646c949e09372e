"""Issue 29 item 4: backtesting as a public function, in the style of statsforecast's
``cross_validation``: tidy rows per series, cut-off, year and method, with the actual."""

from __future__ import annotations

import pandas as pd
import pytest

from jxdigital.models import ProjectionInputError, cross_validation, learned, project
from jxdigital.models._cross_validation import CV_COLUMNS


def _data():
    years = list(range(2010, 2020))
    return pd.DataFrame({"id": ["grow"] * 10 + ["line"] * 10, "year": years * 2,
                         "value": [100 * 1.1 ** i for i in range(10)] + [50.0 + 2 * i
                                                                      for i in range(10)]})


def test_one_row_per_series_cutoff_year_and_method():
    cv = cross_validation(_data(), h=3, n_windows=2, methods=("auto", "naive"))
    assert len(cv) == 2 * 2 * 3 * 2  # series × windows × years × methods
    # the windows end 3 and 4 years before the last year (2019): cut-offs 2016 and 2015
    assert sorted(set(cv["cutoff"])) == [2015, 2016]
    one = cv[(cv["id"] == "line") & (cv["cutoff"] == 2015) & (cv["method"] == "naive")]
    assert list(one["year"]) == [2016, 2017, 2018] and list(one["h"]) == [1, 2, 3]
    # the line 50 + 2·(year − 2010): what came, and naive's point, the 2015 figure (60)
    assert list(one["actual"]) == [62.0, 64.0, 66.0]
    assert one["point"].tolist() == pytest.approx([60.0, 60.0, 60.0])
    assert (cv["lo_80"] <= cv["point"]).all() and (cv["point"] <= cv["hi_80"]).all()


def test_short_histories_and_too_few_figures():
    cv = cross_validation(_data(), h=2, n_windows=1, methods=("drift",), keep_last=4)
    assert set(cv["n_obs"]) == {4}  # the last four figures before the cut-off only
    few = cross_validation(_data(), h=8, n_windows=1, methods=("drift",), min_points=3)
    assert few.empty  # two figures before the cut-off: left out, not projected


def test_bad_arguments_name_themselves():
    with pytest.raises(ProjectionInputError, match="'h'"):
        cross_validation(_data(), h=0)
    with pytest.raises(ProjectionInputError, match="missing value"):
        cross_validation(_data().drop(columns="value"))


def test_the_levels_asked_and_the_default_columns():
    cv = cross_validation(_data(), h=2, n_windows=1, methods=("naive",), level=(50, 80, 95))
    assert [c for c in cv.columns if c[:3] in ("lo_", "hi_")] == [
        "lo_50", "hi_50", "lo_80", "hi_80", "lo_95", "hi_95"]
    assert (cv["lo_80"] <= cv["lo_50"]).all() and (cv["hi_50"] <= cv["hi_80"]).all()
    assert list(cross_validation(_data(), h=2, n_windows=1).columns) == CV_COLUMNS


def _scaled(table, k: float):
    """``table`` with every number in its calibration (the error quantiles) times ``k``."""
    def scale(x):
        if isinstance(x, list):
            return [scale(v) for v in x]
        return x * k if isinstance(x, float | int) and not isinstance(x, bool) else x
    return {**table, "calibration": {m: scale(q) for m, q in table["calibration"].items()}}


def test_another_learned_table_is_the_one_projected_with():
    """``learned=``: the table each method projects with, as ``project(learned=)`` takes it;
    the naive method's intervals come from its error quantiles alone."""
    base = cross_validation(_data(), h=2, n_windows=1, methods=("naive",))
    same = cross_validation(_data(), h=2, n_windows=1, methods=("naive",), learned=learned())
    pd.testing.assert_frame_equal(base, same)
    wide = cross_validation(_data(), h=2, n_windows=1, methods=("naive",),
                            learned=_scaled(learned(), 2.0))
    assert wide["point"].tolist() == base["point"].tolist()
    assert ((wide["hi_80"] - wide["lo_80"]) > (base["hi_80"] - base["lo_80"])).all()
    hist = _data()[_data()["year"] <= 2017]
    direct = project(hist, h=2, method="naive", level=(80, 95),
                     learned=_scaled(learned(), 2.0)).to_frame().sort_values(["id", "h"])
    assert wide["lo_80"].tolist() == pytest.approx(direct["lo_80"].tolist())
