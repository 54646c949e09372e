"""Issue 25, items 11 and 12: in a notebook every chart displays, in every cell, and frames
and views read like the report."""

from __future__ import annotations

import os

import pytest


@pytest.mark.slow
def test_every_chart_cell_displays_its_chart_in_a_kernel():
    """Only the first chart displayed: pyplot's first figure turns on the inline backend's
    interactive mode inside the charts' rc_context, which undid it on leaving. Executed in
    a real kernel with Jupyter's inline backend (VS Code uses the same), not Agg."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    cells = ["import jxdigital\nfrom jxdigital import charts\n"
             "a = jxdigital.assess(today='2026-12-01')\n"
             "n = jxdigital.assess('china-14th-fyp-digital', today='2026-12-01')",
             "charts.plot_indicator(a, 'digital_economy_value_added');",
             "charts.plot_status_summary(a);",
             "charts.plot_dashboard(a);",
             "charts.plot_retrospective(n);",
             "charts.plot_indicator(n, 'online_retail_sales', style='slide');"]
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # Jupyter's own
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3").execute(env=env)
    for cell in nb.cells[1:]:
        kinds = [k for out in cell.outputs for k in out.get("data", {})]
        assert kinds.count("image/png") == 1, (cell.source, kinds)


def test_frames_show_years_as_whole_numbers(jiangxi_final, national_final):
    f = jiangxi_final.to_frame()
    for c in ("base_year", "latest_year", "reference_latest_year", "outcome_year"):
        assert str(f[c].dtype) == "Int64", c
    assert f.loc[0, "latest_year"] == 2021 and "2021.0" not in f.to_string()
    acc = national_final.account(history=False)
    assert str(acc.to_frame()["year"].dtype) == "Int64"


def test_the_notebook_views_read_like_the_report(jiangxi_final):
    import jxdigital

    a = jiangxi_final
    v = jxdigital.view(a)
    page = a._repr_html_()
    # the report's cells in the display unit (10378, not 10378.0 or 1.0378e4), the count
    # sentence once, the status words on one line (not a character a line)
    assert "10378（2021）" in page and "1.0378e" not in page and "10378.0" not in page
    assert page.count(v.counts) == 1
    assert "white-space:nowrap" in page
    assert v.to_frame().loc[0, "目标年推算（80%区间）"] == "14800（5700—33000）"
    en = jxdigital.view(a, "en")._repr_html_()
    assert "Digital economy value added (trillion yuan)" in en and "1.04 (2021)" in en
