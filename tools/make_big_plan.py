"""Write ``tests/fixtures/plan_160.csv``: every shipped plan's rows as one plan of 160
targets, the layout test of every output at scale.

    python tools/make_big_plan.py

The 141 rows of the seven shipped plans (``data/indicators.csv``), the national 十四五 table
first (its outcomes are known), each row in its own region and category, then the 19 rows
of the Jiangxi 十四五 table for one 设区市 (赣州, region ``ganzhou``: no figures, so all
data gaps), as a department breaking the table down would type it. An id that an earlier
row already has gets its plan's suffix (a plan's ids must be unique); such a row keeps its
region and printed base, not its shipped figures. Nothing here is a statistic: only the
plans' own printed texts.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "plan_160.csv"
COLUMNS = ["indicator_id", "name_zh", "name_en", "short_zh", "short_en", "category_zh",
           "category_en", "unit", "base_year", "base_text", "target_year", "target_text",
           "stated_growth_text", "attribute", "region", "direction", "measure", "reference",
           "subject", "tolerance", "is_share"]
SUFFIX = {"jiangxi-14th-fyp": "jx", "jiangxi-14th-fyp-text": "text",
          "jiangxi-bigdata-2023-2025": "bd", "jiangxi-data-x-2024-2026": "dx",
          "china-data-x-2024-2026": "cndx", "jiangxi-bigdata-2017": "bd17",
          "china-14th-fyp-digital": "cn"}


def main() -> None:
    with (ROOT / "data" / "indicators.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    order = ["china-14th-fyp-digital", *dict.fromkeys(r["plan_id"] for r in rows)]
    rows.sort(key=lambda r: order.index(r["plan_id"]))  # stable: each plan's own order
    seen: set[str] = set()
    out = []
    for r in rows:
        iid = r["indicator_id"]
        if iid in seen:
            iid = f"{iid}_{SUFFIX[r['plan_id']]}"
        seen.add(iid)
        row = {c: r.get(c, "") for c in COLUMNS}
        row["indicator_id"] = iid
        for c in ("subject", "reference"):  # a moved id's own references stay its plan's
            row[c] = r.get(c, "")
        out.append(row)
    for r in rows:
        if r["plan_id"] != "jiangxi-14th-fyp":
            continue
        row = {c: r.get(c, "") for c in COLUMNS}
        row["indicator_id"] = f"{r['indicator_id']}_ganzhou"
        row["region"] = "ganzhou"
        row["category_zh"] = f"赣州市·{r['category_zh']}"
        row["category_en"] = f"Ganzhou: {r['category_en']}"
        out.append(row)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["plan_id", "title_zh", "title_en", *COLUMNS])
        w.writeheader()
        for row in out:
            w.writerow({"plan_id": "all-shipped-160", "title_zh": "全部内置规划目标（160项）",
                        "title_en": "Every shipped plan's targets (160)", **row})
    print(f"wrote {OUT.relative_to(ROOT)}: {len(out)} targets")


if __name__ == "__main__":
    main()
