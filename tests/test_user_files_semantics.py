"""What users' plan files mean: a target typed below its base is a decrease, a printed
bound settles a target it decides, a shown P(met) never crosses the status rule, and a
user plan reusing a shipped id is judged on its own region's figures and its own base."""

import math
import warnings
from functools import partial

import pytest

from _build import PLAIN, plan_csv, read_figures
from jxdigital import load_plan
from jxdigital.api import assess
from jxdigital.assessment import _rules as R
from jxdigital.assessment import _steps as S
from jxdigital.assessment._evidence import Figure
from jxdigital.cli import Exit, main
from jxdigital.present import _text as T
from jxdigital.present.view import target_view

MID = "2023-06-30"  # the plan period 2021-2025 runs
OVER = "2026-12-01"  # it is over
# "超过400", "400多": the loader says it read a bound; these tests mean it
pytestmark = pytest.mark.filterwarnings("ignore:.*lower bound:UserWarning")


#: rows: (indicator_id, year, value-as-printed[, region])
figures = partial(read_figures, columns=(*PLAIN, "region"))


# ---------------------------------------------------------------- 1. direction
PUE = "dc_pue,数据中心PUE,,2020,1.5,2025,1.3"


@pytest.mark.parametrize("row", [PUE, "dc_pue,数据中心PUE,'',2020,1.5,2025,1.3"])
def test_a_plain_target_below_its_base_is_a_decrease(tmp_path, row):
    plan = load_plan(plan_csv(tmp_path, [row.replace("''", "")]))
    t = plan["dc_pue"]
    assert t.comparator == "reach" and t.indicator.direction == "decrease"
    assert t.meets(1.28) and t.meets(1.3) and not t.meets(1.47)
    data = figures(plan, [("dc_pue", 2021, "1.47")])
    r = assess(plan, data, today=MID)["dc_pue"]
    assert r.status != "achieved" and "已提前实现" not in r.reason_zh
    data = figures(plan, [("dc_pue", 2021, "1.47"), ("dc_pue", 2022, "1.28")])
    r = assess(plan, data, today=MID)["dc_pue"]
    # below the target now, in the right direction, but three figures leave room to rise
    # again by 2025 (P about 0.69): not yet achieved, and the reason says both
    assert r.status == "at_risk" and 0.5 < r.p_met < 0.75
    assert r.reason_zh.startswith("最新数据已达到目标，但此后仍可能回落")
    assert r.reason_en.startswith("The latest figure already meets the target but may")
    data = figures(plan, [("dc_pue", 2023, "1.4"), ("dc_pue", 2025, "1.47")])
    r = assess(plan, data, today=OVER)["dc_pue"]
    assert r.status == "missed" and r.final


def test_the_fall_still_needed_is_said_as_a_fall(tmp_path):
    """A target that should fall: the reason names the fall it still needs (1.5 in 2022 to
    1.3 in 2025: (1.3 / 1.5)^(1/3) − 1 = −4.7 % a year), and says nothing is needed once
    the figure is below it (not "it now needs 0.5% growth")."""
    plan = load_plan(plan_csv(tmp_path, ["dc_pue,数据中心PUE,,2020,1.6,2025,1.3"]))
    r = assess(plan, figures(plan, [("dc_pue", 2021, "1.55"), ("dc_pue", 2022, "1.5")]),
               today=MID)["dc_pue"]
    assert "此后需年均下降4.7%" in r.reason_zh and "it now needs a fall of 4.7% a year" in \
        r.reason_en
    # the table's growth-needed column
    assert target_view(r, finished=False, section="", lang="zh").need == "-4.7%"
    r = assess(plan, figures(plan, [("dc_pue", 2021, "1.47"), ("dc_pue", 2022, "1.28")]),
               today=MID)["dc_pue"]
    assert "此后需" not in r.reason_zh and "now needs" not in r.reason_en
    assert target_view(r, finished=False, section="", lang="zh").need == "—"


def test_ranges_and_bands_below_the_base_are_decreases_too(tmp_path):
    plan = load_plan(plan_csv(tmp_path, [
        "a,能耗A,,2020,1.5,2025,1.3左右", "b,能耗B,,2020,1.5,2025,1.2-1.3",
        "c,占比C,%,2020,6.5,2025,10以上", "d,产值D,亿元,2020,100,2025,200",
        "e,产值E,亿元,2020,—,2025,200"]))
    got = {t.indicator_id: t.indicator.direction for t in plan}
    assert got == {"a": "decrease", "b": "decrease", "c": "increase", "d": "increase",
                   "e": "increase"}


def test_audit_says_the_direction_and_flags_a_contradiction(tmp_path, capsys):
    path = plan_csv(tmp_path, [PUE + ",", "pue2,数据中心PUE（旧）,,2020,1.5,2025,1.3,increase",
                                "d,产值,亿元,2020,100,2025,200,"], "direction")
    plan = load_plan(path)
    assert plan["pue2"].indicator.direction == "increase"  # the explicit column wins
    a = plan.audit().set_index("indicator_id")
    assert list(a["direction"]) == ["decrease", "increase", "increase"]
    assert list(a["direction_conflict"]) == [False, True, False]
    assert "direction" in a.loc["pue2", "check"]
    assert main(["audit", "--plan", str(path)]) == Exit.OK
    out = capsys.readouterr().out
    assert "下降" in out and "方向矛盾" in out
    assert main(["audit", "--plan", str(path), "--lang", "en"]) == Exit.OK
    assert "decrease" in capsys.readouterr().out
    # the shipped tables state their directions and contradict none of them
    assert not load_plan().audit()["direction_conflict"].any()


# ---------------------------------------------------------------- 2. bounds
BOUNDS = ["over,突破指标,个,2020,300,2025,突破400", "atl,以上指标,个,2020,300,2025,400以上",
          "big,大目标,个,2020,300,2025,超过500", "low,下限指标,个,2020,300,2025,不低于400"]


def test_a_lower_bound_at_the_target_settles_a_more_than_target(tmp_path):
    plan = load_plan(plan_csv(tmp_path, BOUNDS))
    data = figures(plan, [(iid, 2025, "超过400") for iid in ("over", "atl", "big")]
                   + [("low", 2025, "近400")])
    a = assess(plan, data, today=OVER)
    assert a["over"].status == "met" and a["over"].final  # every value > 400 is > 400
    assert a["atl"].status == "met" and a["atl"].final
    assert not a["big"].final and a["big"].status not in ("met", "missed")
    assert a["low"].status == "missed" and a["low"].final  # every value < 400 misses ≥ 400
    data = figures(plan, [("big", 2025, "400多")])
    assert not assess(plan, data, today=OVER)["big"].final


def test_a_lower_bound_at_the_target_before_the_target_year_is_achieved(tmp_path):
    plan = load_plan(plan_csv(tmp_path, BOUNDS[:1]))
    r = assess(plan, figures(plan, [("over", 2022, "突破400")]), today=MID)["over"]
    assert r.status == "achieved"


def test_bounds_against_the_national_figure():
    own, ref = Figure(2025, 30.0, "lower_bound"), Figure(2025, 30.0)
    assert S.settle_above(own, ref).met
    assert S.settle_above(ref, Figure(2025, 30.0, "lower_bound")).met is False
    assert S.settle_above(Figure(2025, 30.0, "upper_bound"), ref).met is False
    assert S.settle_above(Figure(2025, 40.0, "lower_bound"), Figure(2025, 45.0)) is None


# ---------------------------------------------------------------- 3. P shown
@pytest.mark.parametrize(("p", "zh"), [
    (0.7498, "74.9%"), (0.74999999, "74.9%"), (0.75, "75%"), (0.7449, "74%"),
    (0.2496, "24.9%"), (0.25, "25%"), (0.5, "50%"), (0.9951, "99%以上"), (0.004, "1%以下")])
def test_a_shown_probability_never_crosses_a_status_threshold(p, zh):
    assert T.prob(p) == zh
    if "以" not in zh:  # the number Excel and other outputs can store: what is shown
        assert T.shown_percent(p) == float(zh.rstrip("%"))
    assert T.prob(p, "en") == zh.replace("99%以上", "over 99%").replace("1%以下", "under 1%")


def test_the_shown_probability_agrees_with_the_status():
    for k in range(60, 9940):
        p = k / 10000 + 0.00003
        shown = float(T.prob(p).rstrip("%"))
        status = R.status_cn(numeric=True, enough_data=True, met_now=False, p_met=p)
        assert (shown >= R.P_ON_TRACK * 100) == (status == "on_track"), p
        assert (shown < R.P_OFF_TRACK * 100) == (status == "off_track"), p


# ---------------------------------------------------------------- 4. shipped ids
ZJ = "digital_economy_value_added,数字经济增加值,亿元,2020,30218,2025,45000"


def test_a_plan_without_region_is_not_judged_on_jiangxi_figures(tmp_path):
    path = plan_csv(tmp_path, [ZJ], name="zhejiang.csv")
    with pytest.warns(UserWarning, match="digital_economy_value_added") as w:
        plan = load_plan(path)
    msgs = [str(x.message) for x in w if "shipped" in str(x.message)]
    assert len(msgs) == 1 and "zhejiang.csv" in msgs[0]
    assert plan.region != "jiangxi"
    r = assess(plan, today=MID)["digital_economy_value_added"]
    assert r.base_value == 30218 and r.latest_year == 2020 and r.latest_value == 30218
    assert r.n_obs == 1 and r.status == "insufficient_data"
    assert "10378" not in r.reason_zh and "1.04万亿" not in r.reason_zh
    # the user's own figures (no region column) are the plan's
    data = figures(plan, [("digital_economy_value_added", 2021, "35000"),
                          ("digital_economy_value_added", 2022, "41000")])
    r = assess(plan, data, today=MID)["digital_economy_value_added"]
    assert r.latest_value == 41000 and r.n_obs == 3 and r.years_used == "2020, 2021, 2022"


def test_one_warning_per_load_naming_every_shared_id(tmp_path):
    path = plan_csv(tmp_path, [ZJ, "base_stations_5g,5G基站,万个,2020,6,2025,20",
                                "my_own,自有指标,个,2020,1,2025,2"], name="zj2.csv")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        load_plan(path)
    shared = [str(x.message) for x in w if issubclass(x.category, UserWarning)
              and "shipped" in str(x.message)]
    assert len(shared) == 1
    assert "base_stations_5g" in shared[0] and "digital_economy_value_added" in shared[0]
    assert "my_own" not in shared[0] and "zj2.csv" in shared[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_plan(plan_csv(tmp_path, ["my_own,自有指标,个,2020,1,2025,2"], name="ok.csv"))
        load_plan()  # shipped plans never warn


def test_a_same_region_plan_keeps_its_base_and_converts_shipped_figures(tmp_path):
    row = "digital_economy_value_added,数字经济增加值,万亿元,2020,0.8,2025,1.6,jiangxi"
    with pytest.warns(UserWarning, match="shipped"):
        plan = load_plan(plan_csv(tmp_path, [row], "region"))
    a = assess(plan, today=MID)
    r = a["digital_economy_value_added"]
    used = a.series["digital_economy_value_added"]
    base = used[used["year"] == 2020]
    assert list(base["value"]) == [0.8]  # the plan's own baseline, not 8354亿元
    assert r.base_value == 0.8
    assert r.latest_year == 2021 and r.latest_value == pytest.approx(1.0378)
    assert "1.04万亿元" in r.reason_zh and "10378万亿元" not in r.reason_zh
    assert (used["unit"] == "万亿元").all()
    assert r.actual_cagr == pytest.approx(1.0378 / 0.8 - 1)


def test_a_shipped_plan_still_uses_published_base_figures():
    r = assess(today=MID)["digital_economy_value_added"]
    assert r.base_value == 8354 and not math.isnan(r.latest_value)
