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
    ("md", "# 快速上手：江西省“十四五”数字经济规划目标进展\n"
           "Quickstart: Jiangxi's 14th five-year digital-economy targets\n\n"
           "规划 → 算术核对 → 评估 → 图表，使用内置的规划与数据，无需联网。\n"
           "Plan → audit → assessment → charts, on the shipped plan and data; nothing here "
           "needs the network."),
    ("code", "import jxdigital\nfrom jxdigital import charts\n\n"
             "plan = jxdigital.load_plan()  # 全省“十四五”数字经济发展主要指标, 19 rows\nplan"),
    ("md", "## 规划的算术对得上吗？ Does the plan's arithmetic add up?\n"
           "隐含年均增长 = (目标 / 基期)^(1/5) − 1，与规划所列年均增长比较；三行相差超过0.5个"
           "百分点。\n"
           "Implied CAGR = (target / base)^(1/5) − 1 against the printed 年均增长; three rows "
           "differ by more than 0.5 points."),
    ("code", "audit = plan.audit()\n"
             "flagged = audit[audit.flagged]\n"
             "flagged.assign(implied=flagged.implied_cagr.map(\"{:.1%}\".format),\n"
             "               stated=flagged.stated_cagr.map(\"{:.1%}\".format))"
             "[[\"name_zh\", \"implied\", \"stated\", \"gap_pp\"]].round(1)"),
    ("md", "## 评估：完成了吗？ Was each target met?\n"
           "“十四五”已结束：目标年已过的目标按结果判定（完成 / 未完成 / 尚不能确定），给出达标"
           "概率和原因；"
           "表中数字用每项指标的同一单位（见指标名后括号）。\n"
           "The plan is over: each target is met, missed or not yet known, with P(target met) "
           "and why; every figure of a row is in the one unit after its name."),
    ("code", "a = jxdigital.assess(today=\"2026-12-01\")\na"),
    ("code", "v = jxdigital.view(a)  # what every report shows, as text in display units\n"
             "v.to_frame()[[\"指标\", \"目标\", \"最新实际\", \"目标年推算（80%区间）\", "
             "\"达标概率\", \"结果\"]].head(3)"),
    ("code", "print(a[\"digital_economy_value_added\"].reason_zh)\n"
             "print(a[\"digital_economy_value_added\"].reason_en)"),
    ("md", "## 图表 Charts\n"
           "实际值、预测扇形（50/80/95%区间）、目标、规划路径和结论；然后是全部目标。\n"
           "The figures, the projection fan (50/80/95%), the target, the plan's path and the "
           "verdict; then every target at once."),
    ("code", "charts.plot_indicator(a, \"digital_economy_value_added\");"),
    ("code", "charts.plot_status_summary(a);"),
    ("code", "charts.plot_dashboard(a);"),
    ("md", "## 各年怎么看？ When did a target slip?\n"
           "每年年末按当时已公布的数据评估一次。\n"
           "Each year-end review, with only what had been published by then."),
    ("code", "h = jxdigital.assessment_history(years=range(2021, 2026), today=\"2026-12-01\")\n"
             "h = h.dropna(subset=[\"p_met\"])\n"
             "h.assign(达标概率=h.p_met.map(\"{:.0%}\".format))"
             "[[\"review_year\", \"name_zh\", \"latest_year\", \"达标概率\", \"status_zh\"]]"),
    ("md", "## 完成情况与回顾 The final account\n"
           "国家《“十四五”数字经济发展规划》已有2025年结果：哪些完成、哪些未完成、差多少，"
           "各年评估是否预见了结果。\n"
           "The national plan has published 2025 outcomes: which targets were met, which "
           "missed and by how much, and whether each year's review saw it coming."),
    ("code", "n = jxdigital.assess(\"china-14th-fyp-digital\", today=\"2026-12-01\")\n"
             "acc = n.account()\nacc"),
    ("code", "acc.summary()"),
    ("code", "charts.plot_retrospective(acc);"),
    ("code", "# checks that keep this notebook honest when it is run as a test\n"
             "assert len(plan) == 19 and int(audit.flagged.sum()) == 3\n"
             "assert a[\"digital_economy_value_added\"].status == \"at_risk\"\n"
             "assert a[\"digital_economy_value_added\"].status_zh == \"尚不能确定\"\n"
             "assert \"完成率66.7%\" in jxdigital.view(n).counts"),
]

OWN_DATA = [
    ("md", "# 用自己的数据：Excel 宽表 → 评估\nYour own figures: an Excel sheet → an assessment\n\n"
           "分析人员常把数据放在一年一列的 Excel 表中。本例写出这样一张表（数字**纯属虚构，仅"
           "作示例**，"
           "不是统计数据），读入、检查，再用它覆盖内置数据重新评估。\n"
           "Analysts keep figures in Excel with one column per year. This notebook writes such "
           "a sheet (the numbers below are **made up for the example**, not statistics), loads "
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
    ("md", "## 读入与检查 Load and check\n"
           "`load_actuals` 读一年一列的宽表，按中文名或代码匹配指标、换算单位；有问题时指明哪"
           "一格。\n"
           "`load_actuals` reads the wide layout (one column per year), matches indicators by "
           "Chinese name or id, converts units, and says exactly which cell is wrong when "
           "something is."),
    ("code", "mine = jxdigital.load_actuals(path)\n"
             "mine[[\"indicator_id\", \"year\", \"value\", \"unit\", \"source_title\"]]"),
    ("code", "bad = sheet.astype({\"2022\": object})\nbad.loc[0, \"2022\"] = \"about 400\"\n"
             "try:\n    jxdigital.load_actuals(bad)\nexcept jxdigital.InputError as e:\n"
             "    print(e)"),
    ("md", "## 用您的数据重新评估 Re-assess with your figures\n"
           "您的数据合并到内置数据之上，同一年份以您的为准。\n"
           "Your rows are merged over the shipped set and win where both have a year."),
    ("code", "before = jxdigital.assess(today=\"2024-06-30\")\n"
             "after = jxdigital.assess(actuals=path, today=\"2024-06-30\")\n"
             "ids = [\"software_it_services_revenue\", \"mobile_iot_terminals\"]\n"
             "pd.DataFrame({\"before\": [before[i].status_zh for i in ids],\n"
             "              \"after\": [after[i].status_zh for i in ids],\n"
             "              \"达标概率 after\": [f\"{after[i].p_met:.0%}\" for i in ids]},\n"
             "             index=ids)"),
    ("code", "print(after[\"software_it_services_revenue\"].reason_zh)"),
    ("code", "assert before[\"software_it_services_revenue\"].status == \"insufficient_data\"\n"
             "assert after[\"software_it_services_revenue\"].n_obs == 4  # 2020 baseline + 3"),
]

BRIEFING = [
    ("md", "# 汇报材料：报告、Excel 与幻灯片\nBriefing: the report, the workbook and the deck\n\n"
           "每月任务写出的全部文件，在 Python 中生成；命令行 `jxdigital report --out DIR` 写出"
           "同样的文件夹。\n"
           "Everything the monthly job writes, from Python. The same folder comes from the "
           "command line with `jxdigital report --out DIR`."),
    ("code", "import tempfile\nfrom pathlib import Path\n\nimport jxdigital\n"
             "from jxdigital.report import write_report\n\n"
             "a = jxdigital.assess(today=\"2026-12-01\")\n"
             "out = Path(tempfile.mkdtemp()) / \"briefing\"\n"
             "written = write_report(a, out)\nsorted(written)"),
    ("md", "## 幻灯片 The deck\n"
           "16:9 PowerPoint：标题页（含唯一的一句计数），各项目标表（原生可编辑表格，每页最多1"
           "5行），"
           "达标概率图，每项有结论的目标一页（标题即结论），数据缺口。\n"
           "A 16:9 PowerPoint: the title with the one count sentence, the targets as native "
           "editable tables (at most 15 rows a slide), the summary chart, a slide per judged "
           "target whose title is the finding, and the data gaps."),
    ("code", "from pptx import Presentation\n\n"
             "deck = Presentation(out / \"deck.pptx\")\n"
             "[s.shapes.title.text[:60] for s in deck.slides][:6]"),
    ("md", "## 一个文件发邮件 One file for e-mail\n"
           "`to_html` 内嵌图表；`to_excel` 数字保存为数字；`to_markdown` 可贴入知识库。\n"
           "`to_html` embeds the charts; `to_excel` keeps numbers as numbers; `to_markdown` "
           "pastes into a wiki."),
    ("code", "from jxdigital import report\n\nprint(report.to_markdown(a)[:600])"),
    ("code", "import pandas as pd\n\n"
             "report.to_excel(a, out / \"assessment_copy.xlsx\")\n"
             "pd.read_excel(out / \"assessment_copy.xlsx\", sheet_name=None).keys()"),
    ("code", "assert (out / \"report.html\").stat().st_size > 10_000\n"
             "# the title, the table's pages, the summary's pages, the look back where an outcome\n"
             "# is known, a slide per judged target, the data gaps (one: a line, not a slide)\n"
             "v = jxdigital.view(a)\n"
             "gaps = len(v.gap_pages()) if len(v.gaps) > 1 else 0\n"
             "assert len(deck.slides) == (1 + len(v.table_pages()) + len(v.summary_pages)\n"
             "                            + (v.retrospective is not None) + len(v.judged) + gaps)"),
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
