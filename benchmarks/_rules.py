"""The simple rules planners use to say whether a target will be met (for bench_rules.py).

Every rule sees one case: the history (years, values) up to the review year A, the base
(b, v_b), the target X for year T, whether the figure is a share (points, linear rules) and
the desired direction ``sign`` (+1 should rise, "X以上"; -1 should fall: every comparison
is mirrored). Each returns ``(P, conf)``: P(met) as the rule states it (1 or 0: none of
these rules gives a probability) and its confident verdict, ``"met"``, ``"miss"`` or ``""``
(the rule's own "not sure" class; the four yes/no rules always say one or the other).

1. ``time_elapsed`` 序时进度: on track when completion >= time elapsed (A-b)/(T-b);
   completion compound for levels, ln(v_A/v_b)/ln(X/v_b), linear for shares,
   (v_A-v_b)/(X-v_b). A target at or behind its base (X <= v_b): met when v_A meets X.
2. ``eurostat`` growth ratio R = actual / required annual growth since the base (CAGR for
   levels, points a year for shares), at Eurostat's cut-offs: the ratio as planners compute
   it from a plan's base. (The library's ``scheme="eurostat"`` follows Eurostat's own
   arithmetic since issue 26: the last five years, compound for shares, no assessment under
   three years; docs/methods.md §1.1 says where the two differ on these cases. The results
   in BENCHMARKS.md are of this rule.) R >= 0.95 met (P 1, confident); 0.60-0.95
   "moderate" (P 0, not confident); < 0.60 (insufficient progress or moving away) confident
   not met. Reached at A: met. Not reached and X at or behind the base: moving away.
3. ``escap`` projected gap (UNSD/ESCAP Anticipated Progress): the CAGR since the base (points
   a year for shares; UNSD compounds shares too, ESCAP fits a time-weighted line)
   extrapolated from v_A to T; gap = (X - ŷ_T)/(X - v_b). gap <= 0
   "will be achieved" (P 1, confident met); the trend since the base moves away from the
   target (v_A below v_b) "reverse trend" (confident not met); otherwise "accelerate"
   (P 0, not confident). The ESCAP dashboard classes, /work/shared/reference/methods.md §1.4.
4. ``linear3`` OLS line through the last 3 points (2 if only 2) at T: met if it meets X.
5. ``cagr3`` the growth of the last 3 points (first to last; points a year for shares)
   extrapolated from v_A to T.
6. ``rwd`` random walk with drift: v_A + mean yearly change of the whole history x (T-A).

Levels with a value <= 0 where a logarithm is needed fall back to the linear form.
"""

from __future__ import annotations

import math

import numpy as np

RULES = ("time_elapsed", "eurostat", "escap", "linear3", "cagr3", "rwd")
LABELS = {
    "time_elapsed": "序时进度 (time elapsed)",
    "eurostat": "Eurostat growth ratio",
    "escap": "UNSD/ESCAP projected gap",
    "linear3": "linear trend, last 3",
    "cagr3": "CAGR, last 3",
    "rwd": "random walk + drift",
}
EUROSTAT_MET, EUROSTAT_MISS = 0.95, 0.60


def _meets(value: float, x: float, sign: int) -> bool:
    return sign * (value - x) >= 0


def _yes_no(ok: bool) -> tuple[float, str]:
    return (1.0, "met") if ok else (0.0, "miss")


def _compound(share: bool, *values: float) -> bool:
    return not share and all(v > 0 for v in values)


def _project(v0: float, y0: int, v1: float, y1: int, to: int, share: bool) -> float:
    """From (y0, v0) and (y1, v1) on to ``to``: at the same compound growth (levels),
    else the same change a year."""
    if y1 == y0:
        return v1
    if _compound(share, v0, v1):
        return v1 * (v1 / v0) ** ((to - y1) / (y1 - y0))
    return v1 + (v1 - v0) / (y1 - y0) * (to - y1)


def time_elapsed(years, values, b, vb, A, T, X, share, sign) -> tuple[float, str]:
    va = values[-1]
    if sign * (X - vb) <= 0:  # the target is at or behind the base
        return _yes_no(_meets(va, X, sign))
    elapsed = (A - b) / (T - b)
    if _compound(share, va, vb, X):
        done = math.log(va / vb) / math.log(X / vb)
    else:
        done = (va - vb) / (X - vb)
    return _yes_no(done >= elapsed)


def eurostat(years, values, b, vb, A, T, X, share, sign) -> tuple[float, str]:
    va = values[-1]
    if _meets(va, X, sign):
        return 1.0, "met"
    if sign * (X - vb) <= 0:
        return 0.0, "miss"  # not reached and the target behind the base: moving away
    if _compound(share, va, vb, X):
        actual = (va / vb) ** (1 / (A - b)) - 1
        required = (X / vb) ** (1 / (T - b)) - 1
    else:
        actual, required = (va - vb) / (A - b), (X - vb) / (T - b)
    ratio = actual / required
    if ratio >= EUROSTAT_MET:
        return 1.0, "met"
    return 0.0, ("" if ratio >= EUROSTAT_MISS else "miss")


def escap(years, values, b, vb, A, T, X, share, sign) -> tuple[float, str]:
    va = values[-1]
    projected = _project(vb, b, va, A, T, share)
    if _meets(projected, X, sign):  # gap <= 0
        return 1.0, "met"
    if sign * (va - vb) < 0:
        return 0.0, "miss"  # reverse trend
    return 0.0, ""  # accelerate


def linear3(years, values, b, vb, A, T, X, share, sign) -> tuple[float, str]:
    y, v = np.asarray(years[-3:], float), np.asarray(values[-3:], float)
    slope, icpt = np.polyfit(y, v, 1)
    return _yes_no(_meets(float(icpt + slope * T), X, sign))


def cagr3(years, values, b, vb, A, T, X, share, sign) -> tuple[float, str]:
    y, v = years[-3:], values[-3:]
    return _yes_no(_meets(_project(v[0], y[0], v[-1], y[-1], T, share), X, sign))


def rwd(years, values, b, vb, A, T, X, share, sign) -> tuple[float, str]:
    drift = (values[-1] - values[0]) / (years[-1] - years[0])
    return _yes_no(_meets(values[-1] + drift * (T - A), X, sign))


FUNCS = {"time_elapsed": time_elapsed, "eurostat": eurostat, "escap": escap,
         "linear3": linear3, "cagr3": cagr3, "rwd": rwd}


def judge(years, values, b, vb, A, T, X, share=False, sign=1) -> dict[str, tuple[float, str]]:
    """Every rule on one case: rule → (P(met), confident verdict)."""
    return {name: f(list(years), list(values), b, vb, A, T, X, share, sign)
            for name, f in FUNCS.items()}
