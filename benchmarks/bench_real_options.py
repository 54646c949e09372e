"""Real plans: targets set, met, and what options would have said.

    PYTHONPATH=src python benchmarks/bench_real_options.py [--real-dir DIR] [--out FILE]

On the real targets of ``benchmarks/real_targets/`` (38 targets of 16 national and Jiangxi
plans, each with its published outcome; ``SOURCES.md`` there), read by ``bench_rules.py``'s
``real_targets`` (the same reading, base values and outcome rule as the rules benchmark):

1. **Met or missed.** Each target's outcome settled by the library's own rule
   (``_steps.settle``: a published bound such as "超98%" settles a target where every value
   it allows falls on one side; "突破1万亿" against "1.5万亿元以上" settles nothing), overall
   and by family: 十四五, 十三五, 十二五, 宽带中国 (2013 strategy, 2015 and 2020 targets),
   short action plans (双千兆, 物联网, IPv6 2022, 信息消费) and Jiangxi.
2. **P(met) when the target was set.** ``jxdigital.assess`` with only the figures known at
   the plan's printed base year B: the target's figures for years up to B (its printed base,
   else a published figure for B), ``as_of = B`` (the run also checks that
   ``as_of = B+1-06-30``, the base year's figures out and nothing later, gives the same
   numbers). jxdigital needs 2 figures (``MIN_OBSERVATIONS``); with fewer it says
   insufficient data. Scored against the outcome: Brier score, the hit rate of "P >= 0.5 →
   met", and a reliability table by P bin once there are ``RELIABILITY_MIN`` cases.
3. **Options when the target was set.** ``jxdigital.assessment.target_options`` on the same
   plan and figures, at 50 / 75 / 90 %, target year the target's own: the share of cases
   whose outcome reached the value offered at p (>= for a rising indicator, <= for a falling
   one; a published bound counts only where it decides), against p; and where the planners'
   own target sat among the options (beyond the 50 % option, between 50 and 75 %, ... : the
   ambition class ``assessment.ambition_of`` gives its P(met) at setting).
4. **Continued series.** Parts 2 and 3 again with the record extended where the files
   already hold the same published series under another plan's target (``CHAINS``: e.g.
   网络零售额 under the 十二五, 十三五 and 十四五 e-commerce/informatization plans): a
   target's own figures first, then the other cases' history rows (outcome rows included)
   for the years up to its base year. Only ``history.csv`` rows (each with its source and
   quote) are borrowed, never another plan's printed base (the 宽带中国 base 7.0亿 网民 is
   not CNNIC's 2013 figure). No number is added: targets still short of figures are listed
   with the figures a continuation would need.

Fixed ``today`` (``bench_rules.TODAY``) for determinism; no network; a few seconds.
"""

from __future__ import annotations

import math
import platform
import sys
import tempfile
import time
import warnings
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_rules as BR

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "bench_real_options.md"
TODAY = BR.TODAY
PROBS = (0.5, 0.75, 0.9)
RELIABILITY_MIN = 20  # judged cases before a table by P bin says anything
FAMILIES = ("十四五", "十三五", "十二五", "宽带中国", "short action plans", "Jiangxi")
#: where a target sits among the options offered at setting (and the ambition class its
#: P(met) gets: ``assessment._draft.AMBITION``)
PLACES = ("beyond the 50 % option", "between the 50 and 75 % options",
          "between the 75 and 90 % options", "at or within the 90 % option")
PLACE_CLASS = dict(zip(PLACES, ("stretch or out of reach (P < 50 %)", "ambitious (P 50–75 %)",
                                "moderate (P 75–90 %)", "safe (P ≥ 90 %)"), strict=True))

#: The same published series under several plans' targets, as the files say (each case's
#: ``note`` and ``SOURCES.md``), oldest plan first. Only history.csv rows are borrowed.
CHAINS: dict[str, tuple[tuple[str, ...], str]] = {
    "电子商务交易额": (
        ("cn12ec_ecommerce_transactions", "kdzg2015_ecommerce_transactions",
         "cn13ec_ecommerce_transactions", "cn13inf_ecommerce_transactions"),
        "商务部 series; cn12ec's note: 'Same 2015 outcome series as kdzg2015'; the 十三五 "
        "cases print the revised 2015 base 21.8 (first release 20.8); 2011 is MIIT's estimate"),
    "网络零售额 / 网上零售额": (
        ("cn12ec_online_retail_sales", "cn13ec_online_retail_sales",
         "cn13inf_online_retail_sales", "cn14inf_online_retail_sales"),
        "cn12ec's outcome 'is also the 3.88 base of cn13ec_online_retail_sales'; the 十四五 "
        "base 11.76 is the 十三五 outcome 11.7601; MIIT/商务部 before 2014, NBS from 2014"),
    "网民数量 (CNNIC)": (
        ("kdzg2015_netizens", "kdzg2020_netizens", "cn14inf_netizens"),
        "CNNIC year-end figures; the 十四五 base 9.89 is 宽带中国's 2020 outcome"),
    "千兆宽带用户": (
        ("sqz2021_gigabit_users", "cn14de_gigabit_broadband_users",
         "cn14inf_gigabit_fiber_users"),
        "MIIT; cn14inf's note: 'Same series and numbers as cn14de'; 2020 base 640 in all"),
    "信息消费规模": (
        ("cn13inf_information_consumption", "icap2020_information_consumption"),
        "MIIT/CAICT estimate; icap2020's note: 'Same series and target'"),
    "固定宽带接入用户": (
        ("kdzg2015_fixed_broadband_users", "kdzg2020_fixed_broadband_users"),
        "宽带中国's 2015 and 2020 targets, one series"),
    "江西 5G基站": (
        ("jxgwr2020_5g_base_stations", "jx3y2022_5g_base_stations"),
        "Jiangxi running total; 2020 given as 3.1万 (Jan-2021 release) and 3.4万 (十四五 table)"),
}

#: What the files themselves say is missing for a continuation (SOURCES.md); targets not
#: listed get the generic need (figures for the years before the base).
NEEDS = {
    "cn13sw_software_revenue": "SOURCES.md (round 3) saw the 十二五 software plan's 2011–2013 "
    "figures but recorded none in history.csv: with their sources, and 2014, they would "
    "chain 十二五 → 十三五",
    "kdzg2015_netizens": "CNNIC year-end 网民 for 2012 or earlier (SOURCES.md cites CNNIC's "
    "2013 figure beside the plan's 7.0亿 base; it is not a history row)",
    "kdzg2020_netizens": "as kdzg2015_netizens",
    "cn13inf_information_consumption": "信息消费规模 for 2015 (the plan base, 'commonly cited', "
    "was not seen) and 2014 or earlier",
    "cn12ec_ecommerce_transactions": "the 2010 base (the plan says 翻两番; not seen) and an "
    "earlier year",
    "cn12ec_online_retail_sales": "the 2010 base (not seen) and an earlier year",
}


# ------------------------------------------------------------------ scoring (tested)
def family(plan_id: str) -> str:
    """The family of a plan in ``targets.csv`` (SOURCES.md's grouping, with 十二五 apart)."""
    if plan_id.startswith("cn14_"):
        return "十四五"
    if plan_id.startswith("cn13_"):
        return "十三五"
    if plan_id.startswith("cn12_"):
        return "十二五"
    if plan_id == "cn_broadband_china":
        return "宽带中国"
    if plan_id.startswith("jiangxi_"):
        return "Jiangxi"
    return "short action plans"


def reached(outcome: float, qualifier: str, value: float, sign: int) -> bool | None:
    """Did the outcome reach ``value`` (at least it for a rising indicator, ``sign`` = 1;
    at most it for a falling one, -1)? A published bound ("超98%": every value above 98)
    decides only where every value it allows falls on one side: None where it does not, or
    where either number is missing."""
    if not (math.isfinite(outcome) and math.isfinite(value)):
        return None
    lo, hi = {"lower_bound": (outcome, math.inf),
              "upper_bound": (-math.inf, outcome)}.get(qualifier, (outcome, outcome))
    if sign < 0:
        lo, hi, value = -hi, -lo, -value
    if lo >= value:
        return True
    if hi < value:
        return False
    return None


def placement(target: float, options: Mapping[float, float], sign: int) -> str:
    """Where a target sits among the values offered at 50, 75 and 90 % (``PLACES``): beyond
    the 50 % option (harder than an even chance), between two options, or at or within the
    90 % one; "" where an option is missing. A target equal to an option counts as that
    option (a target set at the value offered at p is judged with P(met) = p)."""
    v = [options.get(p, math.nan) for p in PROBS]
    if not (math.isfinite(target) and all(math.isfinite(x) for x in v)):
        return ""
    x = sign * target
    v50, v75, v90 = (sign * y for y in v)
    if x > v50:
        return PLACES[0]
    if x > v75:
        return PLACES[1]
    if x > v90:
        return PLACES[2]
    return PLACES[3]


def scores(p, met) -> tuple[int, float, float]:
    """(cases with a P, Brier score, hit rate of "P >= 0.5 → met") over the cases with a
    finite P and a known outcome."""
    p = np.asarray(p, float)
    met = np.asarray([np.nan if m is None else float(m) for m in met], float)
    ok = np.isfinite(p) & np.isfinite(met)
    if not ok.any():
        return 0, math.nan, math.nan
    p, met = p[ok], met[ok]
    return int(ok.sum()), float(np.mean((p - met) ** 2)), float(np.mean((p >= 0.5) == met))


def reach_rates(hits: Mapping[float, list]) -> dict[float, tuple[int, int]]:
    """{p: (cases decided, cases reached)} from {p: [True/False/None per case]}."""
    return {p: (sum(h is not None for h in v), sum(h is True for h in v))
            for p, v in hits.items()}


# ------------------------------------------------------------------ cases at setting
def chain_of(cid: str) -> tuple[str, tuple[str, ...]] | None:
    return next(((name, ids) for name, (ids, _) in CHAINS.items() if cid in ids), None)


def setting_record(r, every: pd.DataFrame, extended: bool):
    """The figures known at a target's printed base year B: {year: (value, qualifier,
    from case, publisher, url)}, own figures first (its history up to B and its printed
    base), then (``extended``) the other cases of its chain."""
    B = int(r.row["base_year"])
    out = {}
    for y, v in r.figures.items():
        if y <= B:
            out[int(y)] = (float(v), str(r.qualifiers.get(y, "exact") or "exact"), r.case_id,
                           "", "")
    if B not in out and math.isfinite(float(r.row["base_value"])):
        out[B] = (float(r.row["base_value"]), "exact", r.case_id, "plan base", "")
    mine = every[every["case_id"] == r.case_id]
    for y, (v, q, c, _, _) in list(out.items()):
        m = mine[mine["year"] == y]
        if len(m):
            out[y] = (v, q, c, str(m["publisher"].iloc[-1]), str(m["url"].iloc[-1]))
        elif c == r.case_id:
            out[y] = (v, q, c, "the plan's printed base", str(r.row["plan_url"]))
    chain = chain_of(r.case_id)
    if extended and chain:
        others = every[every["case_id"].isin([c for c in chain[1] if c != r.case_id])
                       & (every["year"] <= B)].dropna(subset=["value"])
        for y, g in others.groupby("year"):
            if int(y) in out:
                continue
            # exact before bounds and estimates; then the more recent plan's row
            g = g.assign(order=[chain[1].index(c) for c in g["case_id"]],
                         exact=g["qualifier"].astype(str) == "exact")
            row = g.sort_values(["exact", "order"]).iloc[-1]
            out[int(y)] = (float(row["value"]), str(row["qualifier"]), str(row["case_id"]),
                           str(row["publisher"]), str(row["url"]))
    return dict(sorted(out.items()))


def setting_cases(read: dict, every: pd.DataFrame, extended: bool):
    """(one row per target, histories by id) of the targets at their base years."""
    rows, hist = [], {}
    for cid, r in read.items():
        row, t = r.row, r.target
        B = int(row["base_year"])
        rec = setting_record(r, every, extended)
        base = float(row["base_value"])
        if not math.isfinite(base) and B in rec:
            base = rec[B][0]
        second = [y for y in r.figures.index if y > B]
        info = dict(case_id=cid, family=family(str(row["plan_id"])), name_zh=row["indicator_zh"],
                    plan_id=row["plan_id"], b=B, vb=base, T=int(row["target_year"]),
                    target_text=r.text, X=float(row["target_value"]), unit=str(row["unit"]),
                    outcome=r.outcome, outcome_qualifier=r.outcome_qualifier,
                    met=None if r.settled is None else bool(r.settled.met),
                    n_known=len(rec), known_years=" ".join(str(y) for y in rec),
                    borrowed=sum(v[2] != cid for v in rec.values()),
                    first_two=int(sorted({*rec, *second})[1]) if len({*rec, *second}) > 1
                    else None, record=rec, why="")
        if t is None:
            info["why"] = r.why
        elif t.measure != "level" or t.reference:
            info["why"] = f"{t.measure} target"
        info["sign"] = -1 if t is not None and t.indicator.direction == "decrease" else 1
        info["is_share"] = bool(t.indicator.is_share) if t is not None else False
        if not info["why"] and rec and math.isfinite(base):
            hid = f"set|{cid}|{int(extended)}"
            hist[hid] = (np.array(list(rec), int), np.array([v[0] for v in rec.values()]))
            BR.QUALIFIERS[hid] = [v[1] for v in rec.values()]
            info["hid"] = hid
        rows.append(info)
    return pd.DataFrame(rows), hist


def judge(cases: pd.DataFrame, hist: dict, as_of) -> pd.DataFrame:
    """P(met), status and the options at 50/75/90 % of every case with figures, one plan
    per base year, reviewed ``as_of(B)``."""
    import jxdigital
    from jxdigital.assessment import ambition_of, target_options

    got = {}
    todo = cases[cases["hid"].notna()] if "hid" in cases else cases.iloc[:0]
    with tempfile.TemporaryDirectory() as tmp:
        for B, g in todo.groupby("b", sort=True):
            g = g.assign(sid=g["case_id"], A=B)
            plan, data = BR.jx_inputs(g, hist, Path(tmp) / f"plan_{B}.csv")
            res = jxdigital.assess(plan, data, as_of=as_of(B), today=TODAY)
            opts = target_options(plan, data, probabilities=PROBS, as_of=as_of(B),
                                  today=TODAY).to_frame()
            for t in res.targets:
                o = opts[opts["indicator_id"] == t.indicator_id]
                got[t.indicator_id] = dict(
                    p_met=t.p_met, status=t.status, ambition=ambition_of(t.p_met),
                    option_status=o["status"].iloc[0] if len(o) else "",
                    **{f"v{int(p * 100)}": float(o.loc[o["probability"] == p, "value"]
                                                 .iloc[0]) if len(o) else math.nan
                       for p in PROBS})
    cols = ["p_met", "status", "ambition", "option_status", *[f"v{int(p * 100)}"
                                                               for p in PROBS]]
    extra = pd.DataFrame([got.get(c, {}) for c in cases["case_id"]], columns=cols,
                         index=cases.index)
    out = pd.concat([cases, extra], axis=1)
    out["status"] = out["status"].fillna("").astype(str)
    out.loc[out["status"].eq("") & out["why"].eq(""), "status"] = "no figure"
    for p in PROBS:
        out[f"r{int(p * 100)}"] = [reached(c.outcome, c.outcome_qualifier,
                                           getattr(c, f"v{int(p * 100)}"), c.sign)
                                   for c in out.itertuples()]
    out["place"] = [placement(c.X, {p: getattr(c, f"v{int(p * 100)}") for p in PROBS},
                              c.sign) for c in out.itertuples()]
    return out


# ------------------------------------------------------------------ report
def num(x) -> str:
    return "—" if x is None or (isinstance(x, float) and not math.isfinite(x)) else \
        BR.num(float(f"{x:.4g}"))


def yes(x) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else \
        ("met" if x else "missed")


def met_table(cases: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for fam in ("all", *FAMILIES):
        g = cases if fam == "all" else cases[cases["family"] == fam]
        met = int((g["met"] == True).sum())  # noqa: E712 (None stays out)
        missed = int((g["met"] == False).sum())  # noqa: E712
        open_ = int(g["met"].isna().sum())
        rows.append({"family": fam, "targets": len(g), "met": met, "missed": missed,
                     "cannot be settled": open_,
                     "met, of settled": f"{met}/{met + missed} ("
                     + (BR.pct(met / (met + missed)) if met + missed else "—") + ")"})
    return pd.DataFrame(rows)


def judged_table(res: pd.DataFrame) -> pd.DataFrame:
    g = res[res["p_met"].notna()]
    return pd.DataFrame({
        "target": g["case_id"], "name": g["name_zh"], "base → target": [
            f"{c.b} → {c.T}" for c in g.itertuples()],
        "figures known (years)": g["known_years"],
        "target text": g["target_text"], "P(met) at setting": g["p_met"].map("{:.2f}".format),
        "status": g["status"], "class": g["ambition"],
        "outcome": [f"{num(c.outcome)} ({yes(c.met)})" for c in g.itertuples()]})


def options_table(res: pd.DataFrame) -> pd.DataFrame:
    g = res[res["p_met"].notna()]
    mark = {True: "✓", False: "✗", None: "?"}
    return pd.DataFrame({
        "target": g["case_id"], "unit": g["unit"],
        **{f"{int(p * 100)} % option": [f"{num(getattr(c, f'v{int(p * 100)}'))} "
                                        f"{mark[getattr(c, f'r{int(p * 100)}')]}"
                                        for c in g.itertuples()] for p in PROBS},
        "planners' target": g["X"].map(num), "outcome": g["outcome"].map(num),
        "target sat": g["place"]})


def rates_table(res: pd.DataFrame) -> pd.DataFrame:
    g = res[res["p_met"].notna()]
    rates = reach_rates({p: list(g[f"r{int(p * 100)}"]) for p in PROBS})
    rows = []
    for p, (n, hit) in rates.items():
        rows.append({"option": f"{int(p * 100)} %", "cases decided": n, "outcome reached it":
                     hit, "share": BR.pct(hit / n) if n else "—", "promised": BR.pct(p)})
    return pd.DataFrame(rows)


def place_table(res: pd.DataFrame) -> pd.DataFrame:
    g = res[res["place"] != ""]
    rows = []
    for place in PLACES:
        h = g[g["place"] == place]
        rows.append({"planners' target": place, "class at setting": PLACE_CLASS[place],
                     "targets": len(h), "met": int((h["met"] == True).sum()),  # noqa: E712
                     "missed": int((h["met"] == False).sum())})  # noqa: E712
    return pd.DataFrame(rows)


def not_judged_table(own: pd.DataFrame, ext: pd.DataFrame) -> pd.DataFrame:
    """The targets without a P(met) at setting even on the extended record: the figures
    each record had by the base year, why, when the own record first had 2 figures, and
    what a continuation would need."""
    rows = []
    mine = own.set_index("case_id")
    for c in ext[ext["p_met"].isna()].itertuples():
        o = mine.loc[c.case_id]
        if c.why:
            why = c.why
        elif c.n_known == 0:
            why = f"no figure for {c.b} or before (no printed base)"
        else:
            why = f"{c.n_known} figure ({c.known_years}): jxdigital needs 2"
            if c.status not in ("", "no figure"):
                why += f" (library: {c.status})"
        need = NEEDS.get(c.case_id, "")
        if need.startswith("as "):
            need = NEEDS[need[3:]]
        if not need:
            need = f"a published figure for {c.b - 1} or earlier" if c.n_known else \
                f"the {c.b} figure and one for an earlier year"
        first = o["first_two"]
        rows.append({"target": c.case_id, "family": c.family, "base": c.b,
                     "figures by the base year: own / chained": f"{o['n_known']} / "
                                                                f"{c.n_known}",
                     "why not judged": why,
                     "own record has 2 figures from": "—" if first is None or
                     (isinstance(first, float) and math.isnan(first)) else int(first),
                     "figures a continuation would need": need})
    return pd.DataFrame(rows)


def why_counts(res: pd.DataFrame) -> str:
    """The reasons targets got no P(met) at setting, counted, in words."""
    g = res[res["p_met"].isna()]
    one = g[(g["why"] == "") & (g["n_known"] == 1)]
    none = g[(g["why"] == "") & (g["n_known"] == 0)]
    other = g[g["why"] != ""]
    statuses = ", ".join(f"{k} {v}" for k, v in one["status"].value_counts().items())
    parts = [f"{len(one)} had one figure by their base year, the base ({statuses})",
             f"{len(none)} had none (no printed base and no figure for the base year)"]
    if len(other):
        parts.append(f"{len(other)} were not read as levels")
    return "; ".join(parts) + "."


def borrowed_table(res: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for c in res[res["p_met"].notna()].itertuples():
        for y, (v, q, src, pub, url) in c.record.items():
            rows.append({"target": c.case_id, "year": y, "value": num(v), "qualifier": q,
                         "from": "own" if src == c.case_id else src,
                         "source": f"{pub} {url}".strip()})
    return pd.DataFrame(rows)


def section_p(res: pd.DataFrame) -> list[str]:
    n, brier, hit = scores(res["p_met"], res["met"])
    judged = res[res["p_met"].notna()]
    out = [f"Targets with a P(met) at setting: **{len(judged)} of {len(res)}**"
           + (f" ({judged['met'].notna().sum()} with a settled outcome)" if len(judged) else
              "") + ". Without one: " + why_counts(res)]
    if n:
        const = float(np.mean((0.5 - judged["met"].dropna().astype(float)) ** 2))
        right = round(hit * n)
        out += ["", markdown(judged_table(res)), "",
                f"Brier score {brier:.3f} over {n} cases (always saying 50 %: {const:.3f}); "
                f"\"P ≥ 0.5 → met\" right in {right} of {n} ({BR.pct(hit)})."]
        if n >= RELIABILITY_MIN:
            out += ["", "Reliability by P bin (observed share met vs mean P):", "",
                    markdown(BR.calibration(judged.rename(columns={"p_met": "p_jx"})
                                            .assign(met=judged["met"].astype(bool))))]
        else:
            out += ["", f"Too few cases for a reliability table by P bin ({n} < "
                    f"{RELIABILITY_MIN}): the cases are listed above."]
    return out


def section_options(res: pd.DataFrame) -> list[str]:
    g = res[res["p_met"].notna()]
    if not len(g):
        return ["No target had the 2 figures options need at its base year: no option to "
                "score."]
    return ["Options at setting (✓ outcome reached the value offered, ✗ not, ? a bound "
            "that does not decide):", "", markdown(options_table(res)), "",
            "How often the outcome reached the value offered at p:", "",
            markdown(rates_table(res)), "",
            "Where the planners' own targets sat among those options:", "",
            markdown(place_table(res))]


def near(res: pd.DataFrame, within: float = 0.005) -> list[str]:
    """Caveat lines for outcomes within ``within`` (relative) of an option's value: their
    ✓ or ✗ rests on rounding."""
    out = []
    for c in res[res["p_met"].notna()].itertuples():
        for p in PROBS:
            v = getattr(c, f"v{int(p * 100)}")
            if math.isfinite(v) and v and abs(c.outcome - v) / abs(v) < within:
                out.append(f"- {c.case_id}: the outcome {num(c.outcome)} and the "
                           f"{int(p * 100)} % option {BR.num(round(v, 4))} differ by less than "
                           f"{within:.1%}; the {'✓' if c.outcome >= v else '✗'} rests on "
                           "rounding.")
    return out


def markdown(df: pd.DataFrame) -> str:
    return BR.markdown(df) if len(df) else "(none)"


def headline(all_cases: pd.DataFrame, own: pd.DataFrame, ext: pd.DataFrame) -> list[str]:
    met = int((all_cases["met"] == True).sum())  # noqa: E712
    missed = int((all_cases["met"] == False).sum())  # noqa: E712
    open_ = all_cases[all_cases["met"].isna()]
    lines = [f"- **Planners' own targets**: {met} of the {met + missed} targets that can be "
             f"settled were met ({BR.pct(met / (met + missed))}), {missed} missed; "
             f"{len(open_)} cannot be settled ({', '.join(open_['case_id'])})."]
    by = met_table(all_cases).set_index("family")
    lines.append("  By family, met of settled: " + "; ".join(
        f"{f} {by.loc[f, 'met, of settled']}" for f in FAMILIES) + ".")
    for label, res in (("On each target's own record", own),
                       ("With the same series chained across plans", ext)):
        g = res[res["p_met"].notna()]
        n, brier, hit = scores(res["p_met"], res["met"])
        text = f"- **{label}**, jxdigital could give a P(met) at the base year for " \
               f"{len(g)} of {len(res)} targets"
        if not n:
            short = int((res["n_known"] < 2).sum())
            lines.append(text + f": {short} had fewer than 2 figures by their base year.")
            continue
        n_series = len({chain_of(c)[0] if chain_of(c) else c for c in g["case_id"]})
        lines.append(text + f" (on {n_series} series). Brier score {brier:.3f} (always "
                     f"50 %: 0.250); \"P ≥ 0.5 → met\" right in {round(hit * n)} of {n}.")
        low = g[(g["p_met"] < 0.5) & (g["met"] == True)]  # noqa: E712
        high = g[(g["p_met"] >= 0.5) & (g["met"] == False)]  # noqa: E712
        lines.append(f"  - It said below 50 % for {len(low)} targets that were met ("
                     + ", ".join(f"{c.case_id} {c.p_met:.2f}" for c in low.itertuples())
                     + f") and 50 % or more for {len(high)} that were missed ("
                     + ", ".join(f"{c.case_id} {c.p_met:.2f}" for c in high.itertuples())
                     + ").")
        rates = reach_rates({p: list(g[f"r{int(p * 100)}"]) for p in PROBS})
        said = [f"{int(p * 100)} % in {h} of {k}" for p, (k, h) in rates.items()]
        lines.append("  - Options at setting: the outcome reached the value offered at "
                     + said[0] + " cases, at " + ", at ".join(said[1:]) + ".")
        places = g["place"].value_counts()
        lines.append("  - The planners' own targets were beyond the 50 % option (P < 50 % "
                     f"at setting) in {places.get(PLACES[0], 0)} of {len(g)} cases, between "
                     f"the 50 and 75 % options (ambitious) in {places.get(PLACES[1], 0)}, "
                     f"at or within the 75 % option in "
                     f"{places.get(PLACES[2], 0) + places.get(PLACES[3], 0)}.")
    return lines


def main(argv: list[str]) -> None:
    real_dir = Path(argv[argv.index("--real-dir") + 1]) if "--real-dir" in argv else \
        BR.REAL_DIR
    out_path = Path(argv[argv.index("--out") + 1]) if "--out" in argv else OUT
    t0 = time.perf_counter()
    got = BR.real_targets(real_dir)
    if got is None:
        sys.exit(f"{real_dir}: targets.csv or history.csv absent")
    read, notes, every = got
    import jxdigital

    res, checks = {}, []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for extended in (False, True):
            cases, hist = setting_cases(read, every, extended)
            res[extended] = judge(cases, hist, lambda b: str(b))
            alt = judge(cases, hist, lambda b: f"{b + 1}-06-30")
            same = np.allclose(res[extended][["p_met", "v50", "v75", "v90"]].astype(float),
                               alt[["p_met", "v50", "v75", "v90"]].astype(float),
                               equal_nan=True)
            checks.append(f"{'extended' if extended else 'own record'}: as_of = B and "
                          f"as_of = B+1-06-30 give {'the same' if same else 'DIFFERENT'} "
                          "P(met) and options")
    elapsed = time.perf_counter() - t0
    own, ext = res[False], res[True]
    cmd = "PYTHONPATH=src python benchmarks/bench_real_options.py" + \
        "".join(f" {a}" for a in argv)
    out = ["# Real plans: targets set, met, and what options would have said", "",
           f"Command: `{cmd}`; today = {TODAY}; {elapsed:.1f} s. jxdigital "
           f"{jxdigital.__version__}; Python {platform.python_version()}, numpy "
           f"{np.__version__}, pandas {pd.__version__}.", "",
           f"Data: `benchmarks/real_targets/` ({len(read)} targets, {len(every)} history rows; "
           "SOURCES.md), read by `bench_rules.real_targets`. P(met) and options at setting: "
           "`assess` and `target_options` with the figures up to the plan's printed base year "
           "B, as_of = B. " + "; ".join(checks) + ".", "",
           "## In plain words", "", *headline(own, own, ext), "",
           "## 1. How often planners' own targets were met", "",
           "Outcome settled by the library's rule (`_steps.settle`), as `bench_rules.py`.", "",
           markdown(met_table(own)), ""]
    missed = own[own["met"] == False]  # noqa: E712
    out += ["Missed: " + "; ".join(f"{c.case_id} ({c.target_text} → {num(c.outcome)} "
                                   f"{c.unit})" for c in missed.itertuples()) + ".", ""]
    for c in own[own["met"].isna()].itertuples():
        out += [f"Cannot be settled: {c.case_id}: outcome {c.outcome_qualifier} "
                f"{num(c.outcome)} {c.unit} against {c.target_text!r}.", ""]
    out += ["## 2–3. At setting, on each target's own record", "",
            "Figures: the target's history rows up to its base year and its printed base.",
            "", *section_p(own), "", *section_options(own), "",
            "## 4. Extended: the same series chained across plans", "",
            "Chains (the files' own statements that the series is the same):", "",
            markdown(pd.DataFrame([{"series": k, "targets (oldest plan first)":
                                    ", ".join(ids), "why one series": why}
                                   for k, (ids, why) in CHAINS.items()])), "",
            "A target's own figures come first; for the years up to its base year the other "
            "cases' history.csv rows fill in (exact before bounds and estimates, then the "
            "more recent plan's row). No other plan's printed base is borrowed.", "",
            *section_p(ext), "", *section_options(ext), "",
            "The figures behind each judged case (own or borrowed, with their sources):", "",
            markdown(borrowed_table(ext)), "",
            "The targets still without a P(met) at setting, and the figures a continuation "
            "would need (none is added here):", "", markdown(not_judged_table(own, ext)), "",
            "## Caveats", "",
            "- Small sample: the cases judged at setting are few and share series (the two "
            "十三五 e-commerce targets, 38 and 40, and the two 十三五 online-retail targets, "
            "both 10, are one series each); no rate here is a calibration measurement.",
            "- The chained records mix measurers and vintages as the files say: 网络零售额 is "
            "MIIT (2011) and 商务部 (2013, approximate) before NBS 网上零售额 (2014 on); "
            "电子商务交易额 2011 is MIIT's conservative estimate, 2013 a 商务部 lower bound, "
            "2014 a preliminary 商务部 estimate, and the 十三五 base 21.8 the revised 2015 "
            "figure (first release 20.8): a planner in 2016 saw other numbers than some of "
            "these.",
            *near(ext),
            "- Figures carry no publication date here (as in bench_rules): a figure for a "
            "year up to B counts as known at setting even where it was published or revised "
            "later.",
            "- Outcomes are as recorded in targets.csv (lower bounds where published so; see "
            "SOURCES.md for definition changes, e.g. the rebased broadband penetration).", "",
            "Reading notes from `bench_rules.real_targets` (they concern the review-year "
            "cases of bench_rules; here the plan's printed base year is used):", "",
            *[f"- {n}" for n in notes]]
    text = "\n".join(out) + "\n"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
