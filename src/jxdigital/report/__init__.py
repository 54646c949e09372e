"""Reports of an assessment: Markdown, one self-contained HTML file, an Excel workbook,
JSON, and ``write_report`` for the whole folder the scheduled job produces (``check_folder``
and ``compare_with_folder`` for a command line that checks ``--out`` and compares with the
report already there first); ``write_template`` writes the workbook a department fills in
with its figures (填报表; ``parse_years``, ``template_years``, ``template_rows`` for its
columns and rows); ``write_targets`` writes the 测算 report (target options, a draft's
review).

Presentation only: nothing here computes a status; each lays out the view of an assessment
(``jxdigital.present.view``).
"""

from ._build import (
    RENDERERS,
    Renderer,
    ReportFolderError,
    check_folder,
    compare_with_folder,
    missing_outputs,
    render_charts,
    report_steps,
    write_report,
)
from ._excel import to_excel
from ._fill import parse_years, template_rows, template_years, write_template
from ._html import to_html
from ._json import safe_frame, to_json
from ._markdown import to_markdown
from ._targets import write_targets

__all__ = ["RENDERERS", "Renderer", "ReportFolderError", "check_folder", "compare_with_folder",
           "missing_outputs", "parse_years", "render_charts", "report_steps", "safe_frame",
           "template_rows", "template_years", "to_excel", "to_html", "to_json", "to_markdown",
           "write_report", "write_targets", "write_template"]
