"""Write ``notebooks/*.ipynb`` from the cell lists below, stored without outputs.

    python tools/make_notebooks.py

The notebooks are executed by the test suite (nbmake), so they cannot rot; edit the cells
here and re-run rather than editing the JSON by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "notebooks"

QUICKSTART = [
    ("md", "# 快速上手：江西省“十四五”数字经济规划目标进展\n\n"
           "Plan → audit → assessment → charts, on the shipped plan and data. Nothing here "
           "needs the network."),
    ("code", "import jxdigital\nfrom jxdigital import charts\n\n"
             "plan = jxdigital.load_plan()  # 全省“十四五”数字经济发展主要指标, 19 rows\nplan"),
    ("md", "## Does the plan's arithmetic add up?\nImplied CAGR = (target / base)^(1/5) − 1 "
           "against the printed 年均增长; three rows differ by more than 0.5 points."),
    ("code", "audit = plan.audit()\n"
             "audit[audit.flagged][[\"name_zh\", \"implied_cagr\", \"stated_cagr\", \"gap_pp\"]]"),
    ("md", "## On or off track?\nOne row per target: latest actual, 序时进度, projection with "
           "its 80% interval, P(target met), the growth now required, status and reason."),
    ("code", "a = jxdigital.assess()\na"),
    ("code", "a.to_frame()[[\"name_zh\", \"latest_year\", \"latest_value\", \"projected\", "
             "\"lo_80\", \"hi_80\", \"p_met\", \"status_zh\"]]"),
    ("code", "print(a[\"digital_economy_value_added\"].reason_zh)\n"
             "print(a[\"digital_economy_value_added\"].reason_en)"),
    ("md", "## Charts\nActuals, the projection fan (50/80/95%), the target, the plan's path "
           "and the status; then every target at once."),
    ("code", "charts.plot_indicator(a, \"digital_economy_value_added\");"),
    ("code", "charts.plot_status_summary(a);"),
    ("code", "charts.plot_dashboard(a);"),
    ("md", "## When did a target slip?\nThe status as it would have been judged at the end of "
           "each year, with only what had been published by then."),
    ("code", "jxdigital.assessment_history(years=range(2021, 2026))"
             "[[\"as_of\", \"name_zh\", \"latest_year\", \"p_met\", \"status_zh\"]]"
             ".dropna(subset=[\"p_met\"])"),
    ("md", "## The final account (完成情况)\nThe national 十四五 digital-economy plan has "
           "published 2025 outcomes: which targets were met, which missed and by how much, which "
           "cannot be told yet, and whether each year's review saw it coming."),
    ("code", "n = jxdigital.assess(\"china-14th-fyp-digital\")\nacc = n.account()\nacc"),
    ("code", "acc.summary()"),
    ("code", "charts.plot_retrospective(acc);"),
    ("code", "# checks that keep this notebook honest when it is run as a test\n"
             "assert len(plan) == 19 and int(audit.flagged.sum()) == 3\n"
             "assert a[\"digital_economy_value_added\"].status == \"at_risk\""),
]

OWN_DATA = [
    ("md", "# 用自己的数据：Excel 宽表 → 评估\n\n"
           "Analysts keep figures in Excel with one column per year. This notebook writes such a "
           "sheet (the numbers below are **made up for the example**, not statistics), loads "
           "it, checks it, and re-assesses with it overriding the shipped actuals."),
    ("code", "import tempfile\nfrom pathlib import Path\n\nimport pandas as pd\n\n"
             "import jxdigital\n\n"
             "folder = Path(tempfile.mkdtemp())\n"
             "sheet = pd.DataFrame({\n"
             "    \"indicator\": [\"软件和信息技术服务业营业收入\", \"移动物联网终端数\"],\n"
             "    \"unit\": [\"亿元\", \"万个\"],\n"
             "    \"source_title\": [\"示例：本单位内部统计（虚构）\"] * 2,\n"
             "    \"2021\": [340, 2000], \"2022\": [395, 2600], \"2023\": [450, 3100],\n"
             "})\n"
             "path = folder / \"my_figures.xlsx\"\n"
             "sheet.to_excel(path, index=False)\nsheet"),
    ("md", "## Load and check\n`load_actuals` reads the wide layout (one column per year), "
           "matches indicators by Chinese name or id, converts units, and says exactly which "
           "cell is wrong when something is."),
    ("code", "mine = jxdigital.load_actuals(path)\n"
             "mine[[\"indicator_id\", \"year\", \"value\", \"unit\", \"source_title\"]]"),
    ("code", "bad = sheet.astype({\"2022\": object})\nbad.loc[0, \"2022\"] = \"about 400\"\n"
             "try:\n    jxdigital.load_actuals(bad)\nexcept jxdigital.InputError as e:\n"
             "    print(e)"),
    ("md", "## Re-assess with your figures\nYour rows are merged over the shipped set and win "
           "where both have a year."),
    ("code", "before = jxdigital.assess()\nafter = jxdigital.assess(actuals=path)\n"
             "ids = [\"software_it_services_revenue\", \"mobile_iot_terminals\"]\n"
             "pd.DataFrame({\"before\": [before[i].status_zh for i in ids],\n"
             "              \"after\": [after[i].status_zh for i in ids],\n"
             "              \"P(met) after\": [after[i].p_met for i in ids]}, index=ids)"),
    ("code", "print(after[\"software_it_services_revenue\"].reason_zh)"),
    ("code", "assert before[\"software_it_services_revenue\"].status == \"insufficient_data\"\n"
             "assert after[\"software_it_services_revenue\"].n_obs == 4  # 2020 baseline + 3"),
]

BRIEFING = [
    ("md", "# 汇报材料：报告、Excel 与幻灯片\n\n"
           "Everything the monthly job writes, from Python. The same folder comes from the "
           "command line with `jxdigital report --out DIR`."),
    ("code", "import tempfile\nfrom pathlib import Path\n\nimport jxdigital\n"
             "from jxdigital.report import write_report\n\n"
             "a = jxdigital.assess()\nout = Path(tempfile.mkdtemp()) / \"briefing\"\n"
             "written = write_report(a, out)\nsorted(written)"),
    ("md", "## The deck\nA 16:9 PowerPoint: title, status table (native, editable), the "
           "summary chart, then one slide per target whose title is the finding."),
    ("code", "from pptx import Presentation\n\n"
             "deck = Presentation(out / \"deck.pptx\")\n"
             "[s.shapes.title.text[:60] for s in deck.slides][:5]"),
    ("md", "## One file for e-mail\n`to_html` embeds the charts; `to_excel` keeps numbers as "
           "numbers; `to_markdown` pastes into a wiki."),
    ("code", "from jxdigital import report\n\nprint(report.to_markdown(a)[:600])"),
    ("code", "import pandas as pd\n\n"
             "report.to_excel(a, out / \"assessment_copy.xlsx\")\n"
             "pd.read_excel(out / \"assessment_copy.xlsx\", sheet_name=None).keys()"),
    ("code", "assert (out / \"report.html\").stat().st_size > 10_000\n"
             "# a slide per target with a verdict, one for the data gaps; a finished plan\n"
             "# opens with two more: the account and the retrospective\n"
             "judged = [r for r in a if r.status_cn not in (\"insufficient_data\", "
             "\"not_assessable\")]\n"
             "gaps = len(judged) < len(a)\n"
             "assert len(deck.slides) == 3 + len(judged) + gaps + (2 if a.finished else 0)"),
]


def cell(kind: str, text: str) -> dict:
    lines = text.splitlines(keepends=True)
    if kind == "md":
        return {"cell_type": "markdown", "metadata": {}, "source": lines}
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": lines}


def notebook(cells) -> dict:
    return {"cells": [cell(k, t) for k, t in cells],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                        "name": "python3"},
                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, cells in (("01_quickstart", QUICKSTART), ("02_your_own_data", OWN_DATA),
                        ("03_briefing", BRIEFING)):
        nb = notebook(cells)
        for i, c in enumerate(nb["cells"]):
            c["id"] = f"{name[:2]}-{i:02d}"
        (OUT / f"{name}.ipynb").write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
        print("wrote", OUT / f"{name}.ipynb")


if __name__ == "__main__":
    main()
