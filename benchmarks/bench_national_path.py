"""按全国同期增速推算: does the nation's growth path predict a region's level h years on?

    PYTHONPATH=src python benchmarks/bench_national_path.py [--detail]

Real region/nation pairs (``benchmarks/national_path/series.csv``, sources in
``benchmarks/national_path/SOURCES.md``): nominal GDP of the 31 provinces 2006–2024 and
社会消费品零售总额 of the 31 provinces 2016–2024, both NBS 分省年度数据 exports, and the NBS
national GDP 2015–2024. Deterministic, no network, about a minute on 2 cores.

A case is (data set, region i, origin t, horizon h = 3, 4, 5) with the region's level known
at t (and at t-1, t-2 for the methods that use them) and its actual at t + h. The nation's
path N is taken as known to t + h (the situation of a plan row whose national series runs
further than the region's own): by default N = the sum of the other 30 provinces (the
national aggregate without region i, same table, same vintage); ``nation=official`` uses
the NBS national GDP, only for windows inside 2015–2024. With z = log(R_{t+h}/R_t) -
log(N_{t+h}/N_t), a region's growth relative to the nation over h years:

- (a) national path, base only: point = R_t * N_{t+h}/N_t; quantiles of the level =
  that point * exp(quantiles of z), z learned on *earlier windows only* (every other region,
  every window s, s + h with s + h <= t, so nothing of the evaluated window is seen);
  P(level >= X) = share of those z at or above log(X / point).
- (b) national path + own excess growth, 2 or 3 own points (k = 1 or 2 years of history):
  e = own log growth minus the nation's over the k years, per year; z is predicted by
  lambda * h * e, lambda >= 0 learned by least squares on the same earlier windows (clipped
  to [0, 1]: the own excess is shrunk toward 0), intervals from the quantiles of the
  residuals z - lambda * h * e on those windows.
- own points: ``jxdigital.models.project_each`` (method ``auto``, the shipped learned
  parameters) from the region's 2 or 3 own points only, to t + h; its intervals and
  ``cdf``.
- reference rows (not shippable): (a) with z learned on the *same* window from the other
  30 regions (leave-one-out, it sees the window's common shock).

Scores per data set, method and h: coverage of the central 80 % and 95 % intervals,
Brier score of P(level >= X) for X = R_t * N_{t+h}/N_t * exp(d * h), d in -2, -1, 0, +1,
+2 points a year (targets stated relative to the nation's growth: "高于全国平均") and for
X = R_t * (1 + g)^h, g = 6 %, 8 %, 10 % (plan-like fixed growth targets), MALE (mean
absolute log error of the point, %) and a MASE-like ratio (MALE over that of the no-change
forecast R_t on the same cases). Calibration holds when both coverages are within
±5 points of nominal.

``--detail`` adds coverage per origin (a, GDP) and the learned spread parameters on all
windows (what the library would ship).
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
DATA = HERE / "national_path" / "series.csv"
HORIZONS = (3, 4, 5)
REL_D = (-0.02, -0.01, 0.0, 0.01, 0.02)
FIXED_G = (0.06, 0.08, 0.10)
QS = (0.025, 0.10, 0.50, 0.90, 0.975)


def load() -> dict[str, pd.DataFrame]:
    """{data set: wide frame region x year} of the 31 provinces, plus 'gdp_official'."""
    d = pd.read_csv(DATA)
    out = {}
    for name, g in d.groupby("dataset"):
        prov = g[g["region"] != "全国"]
        out[name] = prov.pivot(index="region", columns="year", values="value").astype(float)
        nat = g[g["region"] == "全国"]
        if len(nat):
            out[name + "_official"] = nat.set_index("year")["value"].astype(float)
    return out


def nation_paths(wide: pd.DataFrame, official: pd.Series | None) -> dict:
    """{(region, year): log nation level}: the other regions' sum, or the official total."""
    logs = {}
    total = wide.sum(axis=0, min_count=len(wide))
    for r in wide.index:
        rest = total - wide.loc[r]
        for y, v in rest.items():
            logs[(r, y)] = np.log(v) if official is None else np.log(official.get(y, np.nan))
    return logs


def z_table(wide: pd.DataFrame, lognat: dict, h: int, k: int) -> pd.DataFrame:
    """Every (region, origin t) with R_{t-k..t}, R_{t+h} and N known: z, excess e, R_t."""
    years = list(wide.columns)
    rows = []
    for r in wide.index:
        for t in years:
            if t + h not in years or t - k not in years:
                continue
            rt, rth, rk = wide.at[r, t], wide.at[r, t + h], wide.at[r, t - k]
            nt, nth, nk = lognat[(r, t)], lognat[(r, t + h)], lognat[(r, t - k)]
            if not np.all(np.isfinite([rt, rth, rk, nt, nth, nk])):
                continue
            rows.append({"region": r, "t": t, "h": h, "k": k, "base": rt, "actual": rth,
                         "lognat_ratio": nth - nt,
                         "z": np.log(rth / rt) - (nth - nt),
                         "e": (np.log(rt / rk) - (nt - nk)) / k if k else 0.0,
                         "own": [wide.at[r, y] for y in range(t - k, t + 1)]})
    return pd.DataFrame(rows)


def ecdf_ge(sample: np.ndarray, x: np.ndarray) -> np.ndarray:
    """P(Z >= x) from a sample (share at or above), for each x."""
    s = np.sort(sample)
    return 1.0 - np.searchsorted(s, x, side="left") / len(s)


def thresholds(c: pd.Series) -> list[float]:
    nat_point = c["base"] * np.exp(c["lognat_ratio"])
    rel = [nat_point * np.exp(d * c["h"]) for d in REL_D]
    fixed = [c["base"] * (1 + g) ** c["h"] for g in FIXED_G]
    return rel + fixed


def national_cases(tab: pd.DataFrame, method: str) -> pd.DataFrame:
    """Score (a) 'earlier' / (a) 'same-window' / (b) 'shrunk' on every case with training."""
    out = []
    for _, c in tab.iterrows():
        if method == "same":
            train = tab[(tab["t"] == c["t"]) & (tab["region"] != c["region"])]
        else:
            train = tab[(tab["t"] + tab["h"] <= c["t"]) & (tab["region"] != c["region"])]
        if len(train) < 20:
            continue
        z = train["z"].to_numpy()
        loc = 0.0
        if method == "shrunk":
            x = (train["h"] * train["e"]).to_numpy()
            lam = float(np.clip((x @ z) / (x @ x), 0.0, 1.0)) if x @ x > 0 else 0.0
            z = z - lam * x
            loc = lam * c["h"] * c["e"]
        centre = np.log(c["base"]) + c["lognat_ratio"] + loc
        q = np.quantile(z, QS)
        thr = np.array(thresholds(c))
        p = ecdf_ge(z, np.log(thr) - centre)
        out.append(case_row(c, np.exp(centre), np.exp(centre + q), thr, p))
    return pd.DataFrame(out)


def case_row(c, point, qv, thr, p) -> dict:
    actual = c["actual"]
    met = (actual >= thr).astype(float)
    nrel = len(REL_D)
    return {"region": c["region"], "t": c["t"], "h": c["h"],
            "in80": qv[1] <= actual <= qv[3], "in95": qv[0] <= actual <= qv[4],
            "brier_rel": float(np.mean((p[:nrel] - met[:nrel]) ** 2)),
            "brier_fix": float(np.mean((p[nrel:] - met[nrel:]) ** 2)),
            "ale": abs(np.log(point / actual)), "ale_naive": abs(np.log(c["base"] / actual)),
            "met_rel": float(np.mean(met[:nrel])), "met_fix": float(np.mean(met[nrel:]))}


def own_cases(tab: pd.DataFrame, keep: pd.DataFrame) -> pd.DataFrame:
    """jxdigital ``auto`` from the region's own k + 1 points, on the cases in ``keep``."""
    from jxdigital.models import project_each

    tab = tab.merge(keep[["region", "t", "h"]], on=["region", "t", "h"])
    out = []
    for (t, h), g in tab.groupby(["t", "h"]):
        frame = pd.DataFrame([{"id": r["region"], "year": y, "value": v}
                              for _, r in g.iterrows()
                              for y, v in zip(range(t - r["k"], t + 1), r["own"], strict=True)])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            proj = project_each(frame, to=t + h)
        for _, c in g.iterrows():
            pr = proj[c["region"]]
            qv = pr.quantiles(list(QS), t + h)
            thr = np.array(thresholds(c))
            p = np.array([1.0 - pr.cdf(x, t + h) for x in thr])
            out.append(case_row(c, pr.point(t + h), qv, thr, p))
    return pd.DataFrame(out)


def summarise(df: pd.DataFrame) -> dict:
    male = df["ale"].mean()
    return {"cases": len(df), "windows": df["t"].nunique(),
            "cover 80": 100 * df["in80"].mean(), "cover 95": 100 * df["in95"].mean(),
            "Brier rel": df["brier_rel"].mean(), "Brier fixed": df["brier_fix"].mean(),
            "MALE %": 100 * male, "MASE-like": male / df["ale_naive"].mean()}


def calibrated(s: dict) -> str:
    ok = abs(s["cover 80"] - 80) <= 5 and abs(s["cover 95"] - 95) <= 5
    return "yes" if ok else "no"


def table(rows: list[dict]) -> str:
    cols = ["data", "method", "h", "cases", "windows", "cover 80", "cover 95", "within ±5",
            "Brier rel", "Brier fixed", "MALE %", "MASE-like"]
    fmt = {"cover 80": "{:.1f}", "cover 95": "{:.1f}", "Brier rel": "{:.3f}",
           "Brier fixed": "{:.3f}", "MALE %": "{:.1f}", "MASE-like": "{:.2f}"}
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        lines.append("| " + " | ".join(fmt.get(c, "{}").format(r[c]) for c in cols) + " |")
    return "\n".join(lines)


def run(detail: bool) -> None:
    data = load()
    settings = [("GDP, nation = other 30", "gdp", None),
                ("GDP, nation = NBS national", "gdp", data.get("gdp_official")),
                ("retail, nation = other 30", "retail", None)]
    rows, kept = [], {}
    for label, name, official in settings:
        wide = data[name]
        if official is not None:
            wide = wide.loc[:, [y for y in wide.columns if y in official.index]]
        lognat = nation_paths(wide, official)
        for h in HORIZONS:
            t0 = z_table(wide, lognat, h, 0)
            variants = [("(a) national path, earlier windows", t0, "earlier"),
                        ("ref: (a) same-window LOO (peeks)", t0, "same")]
            for k in (1, 2):
                tk = z_table(wide, lognat, h, k)
                variants.append((f"(b) national + own excess, {k + 1} pts", tk, "shrunk"))
            for mname, tab, method in variants:
                if tab.empty:
                    continue
                sc = national_cases(tab, method)
                if sc.empty:
                    continue
                s = summarise(sc)
                rows.append({"data": label, "method": mname, "h": h, **s,
                             "within ±5": calibrated(s)})
                kept[(label, mname, h)] = sc
                if method == "shrunk":
                    own = own_cases(tab, sc)
                    so = summarise(own)
                    rows.append({"data": label, "method": f"own {mname[-5:]} (jxdigital auto)",
                                 "h": h, **so, "within ±5": calibrated(so)})
                    if mname.endswith("2 pts"):
                        a = kept.get((label, "(a) national path, earlier windows", h))
                        if a is not None:
                            both = a.merge(sc[["region", "t"]], on=["region", "t"])
                            sa = summarise(both)
                            rows.append({"data": label,
                                         "method": "(a) on the (b) 2-pt cases", "h": h,
                                         **sa, "within ±5": calibrated(sa)})
    print(table(rows))
    pooled = []
    for label, _, _ in settings:
        for mname in ("(a) national path, earlier windows",
                      "(b) national + own excess, 2 pts", "(b) national + own excess, 3 pts"):
            parts = [kept[(label, mname, h)] for h in HORIZONS if (label, mname, h) in kept]
            if parts:
                s = summarise(pd.concat(parts))
                pooled.append({"data": label, "method": mname, "h": "3–5", **s,
                               "within ±5": calibrated(s)})
    print("\nPooled over h:\n")
    print(table(pooled))
    if detail:
        print_detail(data, kept)


def print_detail(data: dict, kept: dict) -> None:
    print("\nCoverage of (a) per origin, GDP, nation = other 30 (cases: 31 per origin):\n")
    print("| h | origin | cover 80 | cover 95 |\n|---|---|---|---|")
    for h in HORIZONS:
        df = kept.get(("GDP, nation = other 30", "(a) national path, earlier windows", h))
        if df is None:
            continue
        for t, g in df.groupby("t"):
            print(f"| {h} | {t} | {100 * g['in80'].mean():.0f} | {100 * g['in95'].mean():.0f} |")
    print("\nBy period of the origin, GDP, nation = other 30 (origins <= 2014 learn from the"
          " calmer 2006–2014 windows; later ones from windows that include 2014–2016 and 2020):\n")
    print("| method | h | origins | cases | cover 80 | cover 95 |\n|---|---|---|---|---|---|")
    for mname in ("(a) national path, earlier windows", "(b) national + own excess, 2 pts",
                  "(b) national + own excess, 3 pts"):
        for h in HORIZONS:
            df = kept.get(("GDP, nation = other 30", mname, h))
            if df is None:
                continue
            for _late, g in df.groupby(df["t"] >= 2015):
                span = f"{g['t'].min()}–{g['t'].max()}"
                print(f"| {mname} | {h} | {span} | {len(g)} | {100 * g['in80'].mean():.1f}"
                      f" | {100 * g['in95'].mean():.1f} |")
    print("\nJiangxi (江西省) alone, (a), GDP, nation = other 30:\n")
    print("| h | cases | cover 80 | cover 95 | MALE % |\n|---|---|---|---|---|")
    for h in HORIZONS:
        df = kept.get(("GDP, nation = other 30", "(a) national path, earlier windows", h))
        if df is None:
            continue
        g = df[df["region"] == "江西省"]
        print(f"| {h} | {len(g)} | {100 * g['in80'].mean():.0f} | {100 * g['in95'].mean():.0f}"
              f" | {100 * g['ale'].mean():.1f} |")
    print("\nSpread of z = log(region growth / nation growth) on all windows (what would ship;"
          " nation = other 30; (b): lambda and the quantiles of z - lambda * h * e):\n")
    print("| data | method | h | cases | lambda | " + " | ".join(f"q{q:g}" for q in QS) + " |")
    print("|---|---|---|---|---|" + "---|" * len(QS))
    for label, name in (("GDP", "gdp"), ("retail", "retail")):
        wide = data[name]
        lognat = nation_paths(wide, None)
        for k in (0, 1, 2):
            for h in HORIZONS:
                tab = z_table(wide, lognat, h, k)
                if tab.empty:
                    continue
                z = tab["z"].to_numpy()
                x = (tab["h"] * tab["e"]).to_numpy()
                lam = float(np.clip((x @ z) / (x @ x), 0, 1)) if k else 0.0
                q = np.quantile(z - lam * x, QS)
                what = "(a)" if k == 0 else f"(b) {k + 1} pts"
                print(f"| {label} | {what} | {h} | {len(tab)} | {lam:.2f} | "
                      + " | ".join(f"{v:+.3f}" for v in q) + " |")


def main(argv: list[str]) -> None:
    start = time.perf_counter()
    run("--detail" in argv)
    print(f"\n({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
