"""Partial evidence, help or mislead? python benchmarks/bench_evidence.py [--cases]

Does the evidence model (bounds and part-year levels of running totals used as figures,
``assess(evidence="all")``) give verdicts that hold up, compared with the full year-end
figures and with ``evidence="strict"`` (exact published year-end figures only)?

Series whose year-end figures are all known:

- the shipped national series (``jxdigital.actuals()``, region china: selected, comparable,
  exact year-end levels, at least 5 years; a series without a year-end figure for its
  review year A is left out, as there is nothing to degrade);
- M3 yearly (``/work/shared/reference/bench/m3_yearly.csv``, train + test): positive
  series, the last 8 points relabelled 2017..2024, a fixed random subset (seed 20261201).

For each series: target year T = its last year, review year A = T - 2 (assessed with
``as_of=f"{A + 1}-06-30"``, so the review sees years <= A), targets "X以上" with
X = actual(T) x (1 + d), d in -10%, -5%, +5%, +10%; plan base = the first year's figure.
Each case is judged on

- (a) FULL: the exact year-end figures of every year <= A;
- (b1) mid-year count: no year-end figure for A, but a part-year level (as_of A-09, exact)
  of actual(A-1) + s (actual(A) - actual(A-1)), s uniform in 0.6–0.9 per series (the
  share of the year's rise built by September); only series that never fall (running
  totals: those of the subset and every other M3 series whose last 8 points never fall),
  and the plan row says ``is_stock`` true;
- (b2) bound: the year-A figure as a lower bound ("超X") at 90% of its value;
- (b3) growth rates: years A-1 and A given only as year-on-year growth rates rounded to
  0.1 % (levels up to A-2 exact);
- (b4) broader series: the plan's own series known only in its base year; a broader series
  of another definition (``linked``) = actual x r_t, r_base = 1.25, log r_t a random walk
  with a yearly s.d. of 0, 5 % or 10 % (seeded per series): the scope ratio drifts;
- (b5) 1–11月: year A given only as its January–November total, actual(A) x s, s one of
  the seven national 1–11月 shares of 全国网上零售额 (2016–2024, in turn); the plan row is
  ``online_retail_sales`` of a region of its own (one plan per series), so the share of the
  year is learned from the shipped national monthly series;
- (c-…): the same degraded figures with ``evidence="strict"``.

b1 cases are the series that never fall (running totals: ``is_stock`` true is then right);
a reference row gives FULL on the same cases and plan.

Every variant writes one plan (all series of a source, one row each) and one actuals frame
(``load_actuals(DataFrame, plan=plan)``, passed to ``assess`` as is, so no shipped figure
is merged in); each target is judged on its own series only, so this is the same as one
call per case (checked with ``--check``). Deterministic; one process.
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

OFFSETS = (-0.10, -0.05, 0.05, 0.10)
MIN_YEARS = 5
M3_PATH = Path("/work/shared/reference/bench/m3_yearly.csv")
M3_POINTS = 8
M3_FIRST_YEAR = 2017
M3_SUBSET = 300
SEED = 20261201
TODAY = "2026-12-01"
MID_SHARE = (0.6, 0.9)  # a part-year level at A-09: this share of year A's rise done
BOUND_SHARE = 0.90  # the year-A figure given as "超X" at 90% of it
RATIO_BASE = 1.25  # the broader series is 25 % larger in the base year
DRIFTS = (0.0, 0.05, 0.10)  # yearly s.d. of the log scope ratio
#: 1–11月 over the year, 全国网上零售额 2016, 2017, 2019, 2020, 2022, 2023, 2024 (data/)
NOV_SHARES = (45990 / 51556, 64306 / 71751, 94958 / 106324, 105374 / 117601,
              124585 / 137900, 139600 / 154264, 140308 / 155200)
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0000001)
FLAG_MIN, FLAG_GAP = 100, 0.05
HEADER = ("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text,region,"
          "is_share,is_stock,linked")
CONFIDENT_MET = ("achieved", "on_track")


# ------------------------------------------------------------------ series
def national_series() -> list[dict]:
    import jxdigital

    a = jxdigital.actuals()
    d = a[a["selected"] & a["comparable"].astype(bool) & (a["qualifier"] == "exact")
          & (a["as_of"].astype(str) == "") & (a["measure"] == "level")
          & (a["region"] == "china")]
    out = []
    for iid, g in d.sort_values("year").groupby("indicator_id", sort=True):
        if g["year"].nunique() < MIN_YEARS:
            continue
        years = g["year"].to_numpy(int)
        review = int(years[-1]) - 2
        if review not in years:  # no year-end figure of A to degrade
            print(f"national {iid}: no figure for {review}, left out", file=sys.stderr)
            continue
        out.append(dict(source="national", sid=iid, iid=iid, unit=g["unit"].iloc[0],
                        years=years, values=g["value"].to_numpy(float)))
    return out


def m3_series(running_totals: bool = False) -> list[dict]:
    """The M3 subset; ``running_totals``: instead, every other M3 series whose last 8
    points never fall (more cases for b1)."""
    m3 = pd.read_csv(M3_PATH).sort_values(["series_id", "t"])
    ids, rising = [], []
    for sid, g in m3.groupby("series_id", sort=True):
        v = g["value"].to_numpy(float)
        if len(v) >= M3_POINTS and (v > 0).all():
            ids.append(sid)
            if np.all(np.diff(v[-M3_POINTS:]) >= 0):
                rising.append(sid)
    rng = np.random.default_rng(SEED)
    pick = sorted(rng.choice(ids, size=min(M3_SUBSET, len(ids)), replace=False))
    if running_totals:
        pick = sorted(set(rising) - set(pick))
    out = []
    for sid in pick:
        v = m3[m3["series_id"] == sid]["value"].to_numpy(float)[-M3_POINTS:]
        out.append(dict(source="M3 running totals" if running_totals else "M3", sid=sid,
                        iid=f"m3_{sid.lower()}", unit="亿元",
                        years=np.arange(M3_FIRST_YEAR, M3_FIRST_YEAR + M3_POINTS),
                        values=v))
    return out


def prepare(s: dict) -> dict:
    years, values = s["years"], s["values"]
    T = int(years[-1])
    A = T - 2
    i = int(np.where(years == A)[0][0])
    prev = float(values[i - 1]) if i > 0 else np.nan
    rng = np.random.default_rng([SEED, zlib.crc32(str(s["sid"]).encode())])  # per series
    mid_share = float(rng.uniform(*MID_SHARE))
    steps = rng.standard_normal(len(years))
    steps[0] = 0.0
    return s | dict(T=T, A=A, actual=float(values[-1]), x_a=float(values[i]), x_prev=prev,
                    rises=bool(i > 0 and values[i] > prev),
                    never_falls=bool(i > 0 and np.all(np.diff(values) >= 0)
                                     and values[i] > prev),
                    walk=np.cumsum(steps), index=i, mid_share=mid_share)


# ------------------------------------------------------------------ figures
def figures(series: list[dict], variant: str) -> pd.DataFrame:
    """The users' figures of every series for a data variant: 'full', 'mid', 'bound'."""
    rows = []
    for s in series:
        for y, v in zip(s["years"], s["values"], strict=True):
            if y > s["A"]:
                continue
            row = dict(indicator_id=s["iid"], region="china", year=int(y), value=float(v),
                       unit=s["unit"], measure="level", qualifier="exact", as_of="")
            k = int(np.where(s["years"] == y)[0][0])
            if y == s["A"] and variant == "mid":
                row |= dict(as_of=f"{y}-09",
                            value=s["x_prev"] + s["mid_share"] * (s["x_a"] - s["x_prev"]))
            elif y == s["A"] and variant == "bound":
                row |= dict(value=BOUND_SHARE * float(v), qualifier="lower_bound")
            elif variant == "growth" and y >= s["A"] - 1:
                rate = (float(v) / float(s["values"][k - 1]) - 1) * 100
                row |= dict(value=round(rate, 1), unit="%", measure="yoy_pct")
            elif y == s["A"] and variant == "flow":
                share = NOV_SHARES[zlib.crc32(str(s["sid"]).encode()) % len(NOV_SHARES)]
                row |= dict(as_of=f"{y}-11", value=float(v) * share)
            elif variant.startswith("linked"):
                drift = float(variant.removeprefix("linked"))
                if k == 0:  # the plan's own series: its base year only
                    rows.append(dict(row))
                ratio = RATIO_BASE * np.exp(drift * s["walk"][k])
                row |= dict(indicator_id=s["iid"] + "_broad", value=float(v) * ratio)
            if variant == "flow":
                row |= dict(indicator_id="online_retail_sales", region=s["region"])
            rows.append(row)
    df = pd.DataFrame(rows)
    df["value"] = df["value"].map(lambda x: float(f"{x:.10g}"))
    return df


def plan_file(series: list[dict], d: float, stock: bool, path: Path,
              data: str = "full") -> Path:
    lines = [HEADER]
    for s in series:
        target = s["actual"] * (1 + d)
        iid, region = ("online_retail_sales", s["region"]) if data == "flow" else \
            (s["iid"], "china")
        linked = s["iid"] + "_broad" if data.startswith("linked") else ""
        lines.append(f"{iid},{s['sid']},{s['unit']},{int(s['years'][0])},"
                     f"{s['values'][0]:.10g},{s['T']},{target:.10g}以上,{region},false,"
                     f"{str(stock).lower()},{linked}")
        if linked:  # the broader series, a row of its own (not scored)
            lines.append(f"{linked},{s['sid']}（全口径）,{s['unit']},{int(s['years'][0])},"
                         f"{s['values'][0] * RATIO_BASE:.10g},{s['T']},"
                         f"{target * RATIO_BASE:.10g}以上,china,false,false,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ run
VARIANTS = [  # label, data, evidence, is_stock, b1 cases only
    ("(a) FULL", "full", "all", False, False),
    ("(a) FULL, b1 cases (is_stock)", "full", "all", True, True),
    ("(b1) mid-year count", "mid", "all", True, True),
    ("(c-b1) strict", "mid", "strict", True, True),
    ("(b2) bound 90%", "bound", "all", False, False),
    ("(c-b2) strict", "bound", "strict", False, False),
    ("(b3) growth rates", "growth", "all", False, False),
    ("(c-b3) strict", "growth", "strict", False, False),
    *((f"(b4) broader series, drift {dr:.0%}", f"linked{dr}", "all", False, False)
      for dr in DRIFTS),
    ("(c-b4) strict", "linked0.05", "strict", False, False),
    ("(b5) 1–11月 total", "flow", "all", False, False),
    ("(c-b5) strict", "flow", "strict", False, False),
]
#: pairs compared case by case: the evidence model and strict on the same figures
PAIRS = (("(b1) mid-year count", "(c-b1) strict"), ("(b2) bound 90%", "(c-b2) strict"),
         ("(b3) growth rates", "(c-b3) strict"),
         ("(b4) broader series, drift 5%", "(c-b4) strict"),
         ("(b5) 1–11月 total", "(c-b5) strict"))


def run(tmp: Path) -> pd.DataFrame:
    import jxdigital

    groups: dict[tuple[str, int], list[dict]] = {}
    for s in [prepare(s) for s in national_series() + m3_series() + m3_series(True)]:
        groups.setdefault((s["source"], s["A"]), []).append(s)  # one as_of per batch
    out = []
    for (source, review), all_series in groups.items():
        frames: dict[tuple[str, bool], pd.DataFrame] = {}
        for label, data, evidence, stock, b1_only in VARIANTS:
            ss = [s for s in all_series if s["never_falls"]] if b1_only else all_series
            if source == "M3 running totals" and not b1_only:
                continue  # the extra running totals are b1 cases only
            if data == "growth":  # a growth rate needs the level before it
                ss = [s for s in ss if s["index"] >= 2]
            if not ss:
                continue
            key = (data, b1_only)
            # 1–11月: the plan row is online_retail_sales (a yearly total the catalogue
            # knows), one plan per series, each in a region of its own
            batches = [[s | {"region": f"r{j}"}] for j, s in enumerate(ss)] \
                if data == "flow" else [ss]
            for d in OFFSETS:
                for b, batch in enumerate(batches):
                    plan = jxdigital.load_plan(plan_file(batch, d, stock,
                                                         tmp / f"{source}.csv", data))
                    if (key, b) not in frames:
                        frames[key, b] = jxdigital.load_actuals(figures(batch, data),
                                                                plan=plan)
                    res = jxdigital.assess(plan, frames[key, b], as_of=f"{review + 1}-06-30",
                                           today=TODAY, evidence=evidence)
                    out += _rows(label, source, review, d, batch, res, data)
    return pd.DataFrame(out)


def _rows(label, source, review, d, ss, res, data) -> list[dict]:
    out = []
    by_id = {(t.indicator_id, t.region): t for t in res.targets}
    for s in ss:
        r = by_id[("online_retail_sales", s["region"]) if data == "flow"
                  else (s["iid"], "china")]
        target = s["actual"] * (1 + d)
        out.append(dict(variant=label, source=source, sid=s["sid"], offset=d, A=review,
                        status=r.status, p_met=r.p_met, grade=r.evidence_grade,
                        latest_year=r.latest_year, n_obs=r.n_obs,
                        projected=r.projected, actual=s["actual"], target=target,
                        x_a=s["x_a"], met=s["actual"] >= target))
    return out


def check(tmp: Path, res: pd.DataFrame, n: int = 12) -> None:
    """One assess call per case for the first few M3 series gives the same verdicts."""
    import jxdigital

    ss = [prepare(s) for s in m3_series()][:n]
    bad = 0
    for s in ss:
        plan = jxdigital.load_plan(plan_file([s], 0.05, False, tmp / "one.csv"))
        a = jxdigital.load_actuals(figures([s], "bound"), plan=plan)
        r = jxdigital.assess(plan, a, as_of=f"{s['A'] + 1}-06-30", today=TODAY).targets[0]
        row = res[(res["variant"] == "(b2) bound 90%") & (res["sid"] == s["sid"])
                  & (res["offset"] == 0.05)].iloc[0]
        same = r.status == row["status"] and (np.isclose(r.p_met, row["p_met"])
                                              or (np.isnan(r.p_met) and np.isnan(row["p_met"])))
        bad += not same
    print(f"check: {n} single-case calls, {bad} differ from the batched ones")


# ------------------------------------------------------------------ summaries
def _bin(p: pd.Series) -> pd.Series:
    return pd.cut(p, BINS, right=False, labels=["[0,.2)", "[.2,.4)", "[.4,.6)", "[.6,.8)",
                                                 "[.8,1]"])


def summarise(res: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, cal = [], []
    for label in [v[0] for v in VARIANTS]:
        g = res[res["variant"] == label]
        if not len(g):
            continue
        said_met = g["status"].isin(CONFIDENT_MET)
        said_miss = g["status"] == "off_track"
        confident = said_met | said_miss
        right = (said_met & g["met"]) | (said_miss & ~g["met"])
        verdict = ~g["status"].isin(["insufficient_data", "not_assessable"])
        p = g["p_met"].astype(float)
        ok = p.notna()
        brier = np.mean((p[ok] - g["met"][ok].astype(float)) ** 2) if ok.any() else np.nan
        rows.append({
            "variant": label, "cases": len(g),
            "verdict": f"{verdict.mean():.0%}",
            "confident": f"{confident.mean():.0%}",
            "hit rate (confident)": (f"{right[confident].mean():.1%} ({confident.sum()})"
                                     if confident.any() else "—"),
            "hit: achieved / on track / off track": " / ".join(
                f"{right[g['status'] == st].mean():.0%}" if (g["status"] == st).any() else "—"
                for st in ("achieved", "on_track", "off_track")),
            "at risk": f"{(g['status'] == 'at_risk').mean():.0%}",
            "grade B": f"{(g['grade'] == 'B').mean():.0%}",
            "Brier P(met) (n)": f"{brier:.3f} ({ok.sum()})" if ok.any() else "—",
        })
        b = _bin(p[ok])
        crow = {"variant": label}
        for name, gb in g[ok].groupby(b, observed=False):
            if not len(gb):
                crow[str(name)] = "—"
                continue
            freq, mean_p = gb["met"].mean(), gb["p_met"].mean()
            flag = " ⚠" if len(gb) >= FLAG_MIN and abs(freq - mean_p) > FLAG_GAP else ""
            crow[str(name)] = f"{freq:.0%} vs {mean_p:.0%} (n={len(gb)}){flag}"
        cal.append(crow)
    return pd.DataFrame(rows), pd.DataFrame(cal)


def added(res: pd.DataFrame) -> pd.DataFrame:
    """Verdicts the evidence model gives that strict does not, and where they disagree."""
    rows = []
    for model, strict in PAIRS:
        key = ["source", "sid", "offset"]
        m = res[res["variant"] == model].set_index(key)
        s = res[res["variant"] == strict].set_index(key)
        j = m.join(s[["status", "p_met"]].add_suffix("_strict"), how="inner")
        if not len(j):
            continue
        conf = lambda st: st.isin(CONFIDENT_MET) | (st == "off_track")  # noqa: E731
        said_met = j["status"].isin(CONFIDENT_MET)
        right = (said_met & j["met"]) | ((j["status"] == "off_track") & ~j["met"])
        new = conf(j["status"]) & ~conf(j["status_strict"])
        lost = ~conf(j["status"]) & conf(j["status_strict"])
        flip = conf(j["status"]) & conf(j["status_strict"]) & \
            (j["status"].isin(CONFIDENT_MET) != j["status_strict"].isin(CONFIDENT_MET))
        right_s = (j["status_strict"].isin(CONFIDENT_MET) & j["met"]) | \
            ((j["status_strict"] == "off_track") & ~j["met"])
        rows.append({
            "evidence=all vs strict": f"{model} vs {strict}", "cases": len(j),
            "confident only with all (hit rate)":
                f"{new.sum()} ({right[new].mean():.0%})" if new.any() else "0",
            "confident only with strict (hit rate)":
                f"{lost.sum()} ({right_s[lost].mean():.0%})" if lost.any() else "0",
            "opposite confident verdicts (all right)":
                f"{flip.sum()} ({right[flip].sum()})" if flip.any() else "0",
        })
    return pd.DataFrame(rows)


def markdown(df: pd.DataFrame) -> str:
    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines)


def main() -> None:
    import jxdigital

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = run(Path(tmp))
        if "--check" in sys.argv:
            check(Path(tmp), res)
    elapsed = time.perf_counter() - t0
    n = res.groupby("source")["sid"].nunique()
    print(f"jxdigital {jxdigital.__version__}; series: {n.get('national', 0)} national, "
          f"{n.get('M3', 0)} M3 (subset, seed {SEED}); offsets "
          f"{', '.join(f'{o:+.0%}' for o in OFFSETS)}; run time {elapsed:.1f} s\n")
    for title, part in [("All series", res), ("National series only",
                                                res[res["source"] == "national"])]:
        summary, cal = summarise(part)
        print(f"### {title}\n")
        print(markdown(summary) + "\n")
        if title == "All series":
            print("Calibration of P(met): observed frequency of met vs mean P in the bin "
                  f"(n; ⚠ = n ≥ {FLAG_MIN} and more than {FLAG_GAP:.0%} apart)\n")
            print(markdown(cal) + "\n")
            print("Verdicts with evidence='all' that strict does not give (same cases)\n")
            print(markdown(added(part)) + "\n")
    b2 = res[res["variant"] == "(b2) bound 90%"]
    used = (b2["latest_year"] == b2["A"]).mean()
    print(f"(b2): the 90% bound was the latest figure used in {used:.0%} of cases (else it was "
          "no higher than an earlier figure and left out)")
    b1 = res[res["variant"] == "(b1) mid-year count"].drop_duplicates(["source", "sid"])
    print(f"b1 cases: {len(b1)} series that never fall and rise in A")
    if "--cases" in sys.argv:
        print(res.to_string())


if __name__ == "__main__":
    main()
