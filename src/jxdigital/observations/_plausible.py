"""Whether a file's figures are of the size their indicator's figures are: a multiplier
that can be read two ways (1.04万 in a 亿元 row) is settled by the indicator's known
magnitude, a level below 0, a placeholder 0 or a percentage 100× too small is refused, and
a figure 10^k times its own series (``catalog.magnitude``) is questioned with the readings
that would make sense.

The magnitudes known are the shipped plans' bases and targets (a given plan's win); a
series is compared with the shipped figures (for a user's file) and the plans' bases and
targets as well as the file's other years.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..catalog import Plan, conversion_factor, is_shipped, load_plan
from ..catalog.magnitude import MEANT, STEP, Ref, series_slips, slip_readings, times
from ..catalog.reference import flow_ids, shipped_plan_ids
from ._cells import base_unit_of
from ._distinct import Col
from ._rows import Rows

#: A reading within this factor of the indicator's known magnitude is plausible.
PLAUSIBLE = 100.0
#: Comparators whose value is a level the plan means to reach (a target to compare with).
_TO_REACH = ("reach", "at_least", "more_than", "around", "between")
_REF_COLUMNS = ["iid", "region", "kind", "year", "value", "unit", "label", "target"]


def _target_magnitudes(plan: Plan, out: dict[str, float], first: bool) -> dict[str, float]:
    """Each level's (or yearly flow's) size in ``plan``: its base, else its target (a yearly
    flow's target sets its scale too: "65.4万" in a 万个 row). ``first``: an indicator keeps
    the first size found, else the last."""
    for t in plan.targets:
        v = t.base_value if t.base_value == t.base_value else t.target_value
        if t.measure in ("level", "annual_flow") and v == v and v > 0:
            if first:
                out.setdefault(t.indicator_id, v)
            else:
                out[t.indicator_id] = v
    return out


@lru_cache(maxsize=1)
def _shipped_magnitudes() -> tuple[tuple[str, float], ...]:
    out: dict[str, float] = {}
    for plan_id in shipped_plan_ids():
        _target_magnitudes(load_plan(plan_id), out, first=True)
    return tuple(out.items())


def _plan_refs(plan: Plan) -> list[tuple]:
    """(indicator, region, kind, year, value, unit, label, is target) of a plan's bases and
    targets: what its figures are compared with for a slip of unit (``Plausibility.slips``).
    A yearly flow's target (annual_flow) is compared with its yearly figures of either
    measure."""
    out = []
    for t in plan.targets:
        kinds = {"level": ("level",), "annual_flow": ("flow", "level")}.get(t.measure, ())
        ind = t.indicator
        for kind in kinds:
            if t.measure == "level" and t.base_year is not None and t.base_value > 0:
                out.append((t.indicator_id, ind.region, kind, t.base_year, t.base_value,
                            ind.unit, f"{plan.plan_id} base {t.base_year}: {t.base_value:g}",
                            False))
            top = math.sqrt(t.target_value * t.target_high) if t.comparator == "between" \
                else t.target_value
            if t.comparator in _TO_REACH and top > 0:
                out.append((t.indicator_id, ind.region, kind, t.target_year, top, ind.unit,
                            f"{plan.plan_id} target {t.target_year}: {t.target_text}"
                            + ("" if t.target_text == f"{top:g}" else f" = {top:.6g}"), True))
    return out


@lru_cache(maxsize=1)
def _shipped_plan_refs() -> tuple[tuple, ...]:
    return tuple(r for pid in shipped_plan_ids() for r in _plan_refs(load_plan(pid)))


def _shipped_refs(a: pd.DataFrame, ids: set, regions: set) -> pd.DataFrame:
    """The shipped year-end figures ``a`` of ``ids`` in ``regions`` as references."""
    a = a[a["comparable"] & (a["value"] > 0) & (a["as_of"] == "")
          & a["measure"].isin(["level", "new_in_year"])]
    kind = np.where(a["measure"] == "new_in_year", "flow", "level")
    ok = (a["indicator_id"].isin(ids) & a["region"].isin(regions)).to_numpy()
    a, kind = a[ok], kind[ok]
    return pd.DataFrame({
        "iid": a["indicator_id"], "region": a["region"], "kind": kind, "year": a["year"],
        "value": a["value"], "unit": a["unit"], "target": False,
        "label": [f"{y}: {v:g} (shipped, {s})" for y, v, s in
                  zip(a["year"], a["value"], a["source_title"], strict=True)]})


class Plausibility:
    """The size checks of one file's figures. ``indicator(iid)``: the registry row of an
    indicator (its ``unit``); ``plan``: the plan the file is read for; ``origin``: the
    file's (``jxdigital`` for the shipped figures); ``shipped()``: the shipped figures, which
    a user's file is compared with."""

    def __init__(self, indicator: Callable[[str], Any], plan: Plan | None, origin: str,
                 shipped: Callable[[], pd.DataFrame]):
        self.indicator, self.plan, self.origin, self.shipped = indicator, plan, origin, shipped
        mags = dict(_shipped_magnitudes())
        self.magnitude = mags if plan is None else _target_magnitudes(plan, mags, first=False)

    def ambiguous(self, rows: Rows, value, factor, alt, unit, out_value) -> np.ndarray:
        """Settle 1.04万 in a 亿元 row by the indicator's magnitude, or say it is ambiguous:
        which rows were read with the other reading (the unit composed with the multiplier).
        ``factor`` and ``out_value`` are updated where it was."""
        iid, vtext = rows.iid, rows.cells["value"]
        composed = np.zeros(len(value), dtype=bool)
        for i in np.flatnonzero(~np.isnan(alt)):
            ref = self.magnitude.get(iid[i], math.nan)
            a, b = value[i] * factor[i], value[i] * alt[i]
            near = [abs(math.log10(x / ref)) <= math.log10(PLAUSIBLE) if x > 0 and ref == ref
                    else False for x in (a, b)]
            text = vtext.cats[vtext.codes[i]]
            if near == [False, True]:
                out_value[i], factor[i] = b, alt[i]
                composed[i] = True
            elif near != [True, False]:
                one = np.zeros(len(value), dtype=bool)
                one[i] = True
                u = unit[i]
                in_u = value[i] * factor[i] / conversion_factor(u, self.indicator(iid[i]).unit)
                rows.problems.add(one, rows.lines, rows.vcol, iid, text, (
                    f"a figure whose unit is clear: {text!r} in a row in {u} may mean "
                    f"{text}{base_unit_of(u)} or {text} × {u}; write the figure in {u} without "
                    f"万/亿 (e.g. {in_u:g} for {text}{base_unit_of(u)}), or put its own unit in "
                    "the unit column"))
        return composed

    def value_checks(self, rows: Rows, value, out_value, measure, percent, info: pd.DataFrame,
                     iid_c: Col) -> None:
        """A level or count is not below 0, nor a placeholder 0; a share is within
        [0, 100]; a percentage is not 100× too small."""
        P, lines, vcol, iid = rows.problems, rows.lines, rows.vcol, rows.iid
        vtext, qual_col = rows.cells["value"], rows.cells["qualifier"].values()
        level = np.isin(measure, ["level", "new_in_year", "share_pct"])
        shown = vtext.values() if len(vtext) else np.empty(0, dtype=object)
        bad = level & (value < 0)
        if bad.any():
            P.add(bad, lines, vcol, iid, shown, "a value >= 0 for a level or count")
        zero = level & (value == 0) & (qual_col != "exact")
        if zero.any():
            P.add(zero, lines, vcol, iid, shown,
                  "a figure above 0 (0 reads as a placeholder: leave the cell empty or type — "
                  "for a year not known; a true zero needs qualifier exact)")
        share = (measure == "share_pct") & ((value < 0) | (value > 100))
        if share.any():
            P.add(share, lines, vcol, iid, shown, "a percentage within [0, 100]")
        self._small_percentages(rows, value, out_value, measure, percent, info, iid_c, shown)

    def _small_percentages(self, rows: Rows, value, out_value, measure, percent,
                           info: pd.DataFrame, iid_c: Col, shown) -> None:
        """0.35 typed in a % row, or 0.486 from a cell not formatted as %, is 100× too
        small where the indicator's figures (its known size, else the file's others) are
        at least 5 %."""
        unit_base = info["unit_base"].fillna("").to_numpy()[iid_c.codes]
        pct_level = (unit_base == "%") & np.isin(measure, ["level", "share_pct"]) & ~percent
        small = pct_level & (value > 0) & (value < 1)
        if not small.any():
            return
        iid = rows.iid
        mags = np.array([self.magnitude.get(i, math.nan) for i in iid_c.cats])[iid_c.codes]
        frame = pd.DataFrame({"iid": iid, "v": out_value})
        peers = frame["v"].where(frame["v"] >= 1).groupby(frame["iid"]).transform("median")
        ref = np.where(np.isnan(mags), peers.to_numpy(), mags)
        small &= ref >= 5
        msg = np.full(len(value), "", dtype=object)
        for i in np.flatnonzero(small):
            v, r = value[i], ref[i]
            msg[i] = (f"a percentage as printed (35 or 35% for 35%): {v:g} reads as {v:g}%, "
                      f"two orders below this indicator's {r:g}%; did you mean {v * 100:g}?")
        rows.problems.add(small, rows.lines, rows.vcol, iid, shown, msg)

    def slips(self, rows: Rows, factor, given) -> None:
        """A figure 10^k times its own series (the same indicator and region: this file's
        other years, the shipped figures, the plan's base and target) is an error naming
        the readings that would make sense (``catalog.magnitude`` has the rule and its
        thresholds); ``checked`` true marks a figure as meant. Compared: year-end levels
        and yearly flows (a part-year figure of a flow is a part of the year's)."""
        points = self._points(rows)
        if points is None:
            return
        logs = points.groupby(["iid", "region", "kind"], sort=False)["log"]
        wide = points[(logs.transform("max") - logs.transform("min")).to_numpy() >= STEP]
        if not (wide["row"] >= 0).any():
            return
        iid = rows.iid
        bad = np.zeros(len(iid), dtype=bool)
        expected = np.full(len(iid), "", dtype=object)
        for _, g in wide.groupby(["iid", "region", "kind"], sort=False):
            if not (g["row"] >= 0).any():
                continue
            for i, slip in series_slips(_series_refs(g, rows.lines)).items():
                bad[i] = True
                expected[i] = self._slip_text(rows, i, slip, factor, given)
        if bad.any():
            rows.problems.add(bad, rows.lines, rows.vcol, iid, rows.cells["value"].values(),
                              expected)

    def _points(self, rows: Rows) -> pd.DataFrame | None:
        """The file's usable year-end levels and yearly flows as log10 points of their
        series (``row``: the row, ``-1 - row`` where ``checked`` marks it as meant), with
        the references of those series; None where no figure of the file is compared."""
        r = rows.read
        iid, measure, out_value = r["indicator_id"], r["measure"], r["value"]
        flows = flow_ids() | ({t.indicator_id for t in self.plan.targets
                               if t.measure == "annual_flow"} if self.plan else set())
        part = r["as_of"] != ""
        kind = np.where(measure == "new_in_year", "flow", "level")
        usable = (~rows.problems.bad & r["comparable"] & (out_value > 0) & (iid != "")
                  & np.isin(measure, ["level", "new_in_year"])
                  & ~(part & ((measure == "new_in_year") | np.isin(iid, list(flows)))))
        if not usable.any():
            return None
        at = np.flatnonzero(usable)
        region = r["region"]
        mine = pd.DataFrame({"iid": iid[at], "region": region[at], "kind": kind[at],
                             "year": r["year"][at], "log": np.log10(out_value[at]),
                             "row": np.where(r["checked"][at], -1 - at, at), "target": False})
        others = self._references(set(np.unique(iid[at])), set(np.unique(region[at])))
        return pd.concat([mine, others], ignore_index=True) if len(others) else mine

    def _references(self, ids: set, regions: set) -> pd.DataFrame:
        """The numbers this file's figures (of ``ids`` in ``regions``) are compared with, in
        the rows' units: the shipped figures (for a user's file) and the plans' bases and
        targets."""
        found = [r for r in _shipped_plan_refs() if r[0] in ids and r[1] in regions]
        if self.plan is not None and not is_shipped(self.plan):
            found += [r for r in _plan_refs(self.plan) if r[0] in ids and r[1] in regions]
        out = pd.DataFrame(found, columns=_REF_COLUMNS)
        if self.origin != "jxdigital":
            out = pd.concat([out, _shipped_refs(self.shipped(), ids, regions)],
                            ignore_index=True)
        if out.empty:
            return out
        f = np.array([self._factor(i, u) for i, u in zip(out["iid"], out["unit"], strict=True)])
        out = out.assign(log=np.log10(out["value"].to_numpy(float) * f), row=-1)
        return out[~np.isnan(f)].drop(columns=["value", "unit"])

    def _factor(self, iid: str, unit: str) -> float:
        """From ``unit`` to the indicator's unit (NaN: it does not convert)."""
        try:
            return conversion_factor(unit, self.indicator(iid).unit)
        except (KeyError, ValueError):
            return math.nan

    def _slip_text(self, rows: Rows, i: int, slip, factor, given) -> str:
        """What a figure off its series should be: the readings that make sense."""
        vtext, out_value = rows.cells["value"], rows.read["value"]
        text = str(vtext.cats[vtext.codes[i]])
        unit = self.indicator(rows.iid[i]).unit
        try:
            plain = float(text) == out_value[i] and factor[i] == 1
        except ValueError:
            plain = False
        shown = text if plain else f"{out_value[i]:.6g}"
        read = "" if plain else f" (read as {out_value[i]:.6g} {unit}" + (
            f" from unit {given[i]!r})" if given[i] else ")")
        refs = "; ".join(r.label for r in slip.refs[:4])
        readings = slip_readings(shown, out_value[i], slip.d, unit)
        return (f"a figure of its series' magnitude: {text} in a {unit or '(no unit)'} row"
                f"{read} is {times(slip.d)} the series ({refs}); did you mean "
                f"{' or '.join(readings)}? Type it in {unit or 'the row unit'} (or give its own "
                f"unit in column 'unit'), or {MEANT}")


def _series_refs(g: pd.DataFrame, lines: np.ndarray) -> list[Ref]:
    """The points of one series as ``Ref``s, each labelled: a reference by its own label,
    a figure of the file by its year, value and line."""
    out = []
    for y, lg, r, tgt, label in zip(g["year"], g["log"], g["row"], g["target"],
                                    g["label"] if "label" in g else [""] * len(g),
                                    strict=True):
        i = r if r >= 0 else -1 - r
        if not isinstance(label, str) or not label:
            label = f"{y}: {10 ** lg:.6g} (line {lines[i]})"
        out.append(Ref(int(y), float(lg), label, int(r), bool(tgt)))
    return out
