"""What is known, per plan indicator and year: values, how many sources, what is missing."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import codes
from ..catalog import Plan, unit_name
from ._select import conflicts as find_conflicts
from ._usable import LEVEL_MEASURES, is_usable


@dataclass(frozen=True)
class Coverage:
    """``to_frame()``: tidy indicator × year; ``table``: the at-a-glance grid;
    ``counts``: plan rows with 0, 1, 2, 3+ usable years since the base year."""

    plan_id: str
    frame: pd.DataFrame
    table: pd.DataFrame
    counts: dict[str, int]

    def to_frame(self) -> pd.DataFrame:
        return self.frame.copy()

    @property
    def summary(self) -> str:
        c = self.counts
        n = sum(c.values())
        return (f"{n} plan rows: {c['0']} with no usable year since the base year, "
                f"{c['1']} with 1, {c['2']} with 2, {c['3+']} with 3 or more")

    def to_markdown(self) -> str:
        t = self.table.reset_index()
        head = "| " + " | ".join(map(str, t.columns)) + " |"
        rule = "|" + "---|" * len(t.columns)
        body = ["| " + " | ".join(str(v) for v in row) + " |" for row in t.itertuples(index=False)]
        return "\n".join([head, rule, *body, "", self.summary + ".", LEGEND])

    def __str__(self) -> str:
        with pd.option_context("display.unicode.east_asian_width", True, "display.width", 250,
                               "display.max_columns", None, "display.max_rows", None):
            return f"{self.table.to_string()}\n\n{self.summary}.\n{LEGEND}"

    def _repr_html_(self) -> str:
        return self.table._repr_html_() + f"<p>{self.summary}.<br>{LEGEND}</p>"


LEGEND = ("Cell: the value used (in the plan's unit); (n) = n sources; ≥ lower bound; "
          "~ derived or approximate; ! sources disagree by > 1%; * only non-comparable or "
          "part-year figures; — nothing published found.")


def _cell(obs: pd.DataFrame, conflicted: bool) -> str:
    usable = obs[is_usable(obs) & obs["measure"].isin(LEVEL_MEASURES)]
    if usable.empty:
        return "*" if len(obs) else "—"
    sel = usable[usable["selected"]]
    row = (sel if len(sel) else usable).iloc[0]
    mark = {codes.LOWER_BOUND: "≥", codes.UPPER_BOUND: "≤"}.get(row["qualifier"], "")
    if row["kind"] == "derived" or row["qualifier"] in ("approximate", "estimate"):
        mark += "~"
    text = f"{mark}{row['value']:,.6g}"
    n = usable["source_title"].nunique()
    if n > 1:
        text += f" ({n})"
    return text + ("!" if conflicted else "")


def coverage(plan: Plan, data: pd.DataFrame, years: range | None = None) -> Coverage:
    """Coverage of ``plan``'s indicators (in its region) by ``data`` (an actuals frame)."""
    base = plan.base_year or min(t.target_year for t in plan) - 5
    last = plan.target_year or max(t.target_year for t in plan)
    yrs = list(years) if years is not None else list(range(base, last + 1))
    d = data[data["measure"].isin(LEVEL_MEASURES)]
    conf = find_conflicts(data)
    conf_keys = set(zip(conf["indicator_id"], conf["region"], conf["year"], strict=True))
    rows, grid, counts = [], {}, {"0": 0, "1": 0, "2": 0, "3+": 0}
    for t in plan:
        ind, region = t.indicator, t.indicator.region
        mine = d[(d["indicator_id"] == ind.indicator_id) & (d["region"] == region)]
        label = f"{ind.name_zh}({unit_name(ind.unit)})" if ind.unit else ind.name_zh
        cells, usable_years = {}, 0
        for y in yrs:
            obs = mine[mine["year"] == y]
            conflicted = (ind.indicator_id, region, y) in conf_keys
            cells[y] = _cell(obs, conflicted)
            usable = obs[is_usable(obs) & obs["measure"].isin(LEVEL_MEASURES)]
            if t.base_year is not None and y > t.base_year and len(usable):
                usable_years += 1
            sel = usable[usable["selected"]]
            rows.append({
                "plan_id": plan.plan_id, "indicator_id": ind.indicator_id, "name_zh": ind.name_zh,
                "region": region, "year": y, "n_observations": len(obs),
                "n_comparable": len(usable), "n_sources": obs["source_title"].nunique(),
                "value": sel["value"].iloc[0] if len(sel) else float("nan"),
                "unit": ind.unit, "kind": sel["kind"].iloc[0] if len(sel) else "",
                "conflict": conflicted, "cell": cells[y]})
        grid[(t.seq, label)] = cells
        counts["3+" if usable_years >= 3 else str(usable_years)] += 1
    table = pd.DataFrame.from_dict(grid, orient="index")
    table.index = [label for _, label in table.index]
    table.index.name = "指标"
    table.columns = [str(y) for y in yrs]
    return Coverage(plan.plan_id, pd.DataFrame(rows), table, counts)
